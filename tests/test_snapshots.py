"""How the main screen looks, at fixed sizes, in English and Korean (pytest-textual-snapshot).

Regenerate after an intended change with `pytest tests/test_snapshots.py --snapshot-update`
and look at the SVGs in tests/__snapshots__/ before committing them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from orchexplorer.loader import load_pack
from tests.helpers import wait_for
from tests.tui_helpers import make_app


def test_main_screen_english_120x40(snap_compare: Any, config_dir: Path) -> None:
    app = make_app(load_pack(), config_dir, lang="en")
    assert snap_compare(app, terminal_size=(120, 40))


def test_main_screen_korean_120x40(snap_compare: Any, config_dir: Path) -> None:
    app = make_app(load_pack(), config_dir, lang="ko", tool="kubernetes")
    assert snap_compare(app, terminal_size=(120, 40), press=["2"])


def test_main_screen_80x24(snap_compare: Any, config_dir: Path) -> None:
    app = make_app(load_pack(), config_dir, lang="en", tool="compose")
    assert snap_compare(app, terminal_size=(80, 24), press=["4"])


def test_help_korean_80x24(snap_compare: Any, config_dir: Path) -> None:
    app = make_app(load_pack(), config_dir, lang="ko")
    assert snap_compare(app, terminal_size=(80, 24), press=["question_mark"])


def test_breadcrumb_and_marks_korean_80x24(snap_compare: Any, config_dir: Path) -> None:
    """The header says where you are; `'` lists the marks, one of them gone from the pack."""
    marks = [
        {
            "place": {
                "view": "tool",
                "tool": "kubernetes",
                "tab": "features",
                "item": "self-healing",
            },
            "label": "Kubernetes › 기능 › 자가 치유",
        },
        {
            "place": {"view": "tool", "tool": "swarm", "tab": "features", "item": "removed"},
            "label": "Docker Swarm › 기능 › 없어진 기능",
        },
    ]
    (config_dir / "config.json").write_text(json.dumps({"marks": marks}), encoding="utf-8")
    app = make_app(load_pack(), config_dir, lang="ko", tool="kubernetes")

    async def open_marks(pilot: Pilot[Any]) -> None:
        await pilot.press("2")
        await wait_for(pilot, lambda: getattr(app.place(), "tab", None) == "features")
        app.track_place()
        await pilot.press("apostrophe")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "MarksScreen")

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_marks)
