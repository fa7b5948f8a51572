"""How the main screen looks, at fixed sizes, in English and Korean (pytest-textual-snapshot).

Regenerate after an intended change with `pytest tests/test_snapshots.py --snapshot-update`
and look at the SVGs in tests/__snapshots__/ before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from orchexplorer.loader import load_pack
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
