"""orchexplorer: explore and compare container tools in the terminal."""

__version__ = "0.1.0"
