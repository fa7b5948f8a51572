"""Helpers for Pilot tests: read the screen as a person sees it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App

from orchexplorer.i18n import Lang
from orchexplorer.loader import load_pack
from orchexplorer.model import Pack
from orchexplorer.tui.app import OrchExplorerApp


def screen_text(app: App[Any]) -> str:
    """The characters on screen, line by line (what capture-pane would show)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def make_app(
    pack: Pack | Path, config_dir: Path, lang: Lang = "en", tool: str | None = None
) -> OrchExplorerApp:
    if isinstance(pack, Path):
        pack = load_pack(pack)
    return OrchExplorerApp(
        pack,
        lang=lang,
        tool=tool,
        settings_path=config_dir / "config.json",
    )
