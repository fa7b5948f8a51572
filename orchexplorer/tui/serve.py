"""The app served to web browsers by textual-serve (the `web` extra): each browser tab that
connects gets its own `orchexplorer` process, driven by Textual's web driver. Imported only
by `orchexplorer serve`; raises ImportError when the extra is not installed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual_serve.server import Server

#: Our page: textual-serve's terminal, with no font fetched from the network and the Hangul
#: fonts named in its font stack.
PAGE_DIR = Path(__file__).resolve().parent / "web"


class QuietServer(Server):
    """textual-serve's Server without its start-up banner, which goes through Rich markup
    with our command line in it; `orchexplorer serve` prints the address in plain text."""

    async def on_startup(self, app: Any) -> None:
        return None


def make_server(command: str, host: str, port: int, public_url: str) -> QuietServer:
    return QuietServer(
        command,
        host=host,
        port=port,
        title="orchexplorer",
        public_url=public_url,
        templates_path=str(PAGE_DIR),
    )
