"""The first-paint baseline: a bare Textual app of the same shape as orchexplorer's explorer.

A header, a sidebar (an OptionList of tools, name and kind on two lines), tabs (an overview
in Markdown, a list of features, a DataTable), and a footer with a few keys. No content
model, no YAML, no pydantic: only Textual. `q` quits.

Run it as `python benchmarks/bare_app.py`; `bench.py` starts it in a pseudo-terminal and
measures its first paint and peak memory beside orchexplorer's.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Markdown, OptionList, TabbedContent, TabPane

TOOLS = [
    ("Docker", "Container platform"),
    ("Docker Compose", "Multi-container tool"),
    ("Docker Swarm", "Orchestrator"),
    ("Kubernetes", "Orchestrator"),
]

OVERVIEW = """\
**Docker**  Container platform

*Build applications into container images, share them, and run them the same way anywhere.*

Docker is an open-source platform that provides the technology to containerize applications.
A container is a standardized unit of software that packages an application and its
dependencies so that it runs consistently anywhere.

## Components

- **Docker Engine**: the daemon that builds and runs containers.
- **Docker CLI**: the `docker` command that talks to the engine.
- **Docker Hub**: the default public registry for images.
"""

FEATURES = [
    ("Creating and managing containers", "Packages an application and its environment."),
    ("Building images", "Builds images and creates containers from them consistently."),
    ("Container registry", "Stores and shares images through registries such as Docker Hub."),
    ("Networking", "Connects containers to each other and to the outside world."),
    ("Volumes", "Keeps data outside the container's writable layer."),
]


class BareApp(App[None]):
    CSS = """
    #sidebar { width: 26; height: 1fr; }
    TabPane { padding: 0 1; }
    """
    TITLE = "bare"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("slash", "search", "Search"),
        Binding("l", "lang", "한국어"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(*(f"{name}\n  {kind}" for name, kind in TOOLS), id="sidebar")
            with TabbedContent():
                with TabPane("Overview", id="overview"):
                    yield Markdown(OVERVIEW)
                with TabPane("Features", id="features"):
                    yield OptionList(*(f"{title}\n{text}" for title, text in FEATURES))
                with TabPane("Compare", id="compare"):
                    yield DataTable(id="table")
                with TabPane("Examples", id="examples"):
                    yield Markdown("```yaml\nservices:\n  web:\n    image: nginx\n```")
                with TabPane("Relations", id="relations"):
                    yield OptionList("Kubernetes → Docker\nruns images built with Docker")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Dimension", *(name for name, _ in TOOLS))
        for row in ("Role", "Clustering", "Scaling", "Rolling updates", "Service discovery"):
            table.add_row(row, "basic", "basic", "full", "advanced")

    def action_help(self) -> None:
        pass

    def action_search(self) -> None:
        pass

    def action_lang(self) -> None:
        pass


if __name__ == "__main__":
    BareApp().run()
