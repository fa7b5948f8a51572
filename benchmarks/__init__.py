"""Benchmarks for orchexplorer (see bench.py); not part of the installed package."""
