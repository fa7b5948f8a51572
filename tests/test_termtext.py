"""The one text-width function and the one control-character escaper."""

from __future__ import annotations

import unicodedata

import pytest
from rich.cells import cell_len

from orchexplorer.termtext import cell_width, char_width, visible, wide_positions

SAMPLES = "aZ~é한ㄱ가힣漢字かナＡ！😀🚀✅🐳⌚" + "\u0301\u200b"


@pytest.mark.parametrize("ch", list(SAMPLES))
def test_widths_agree_with_what_textual_draws(ch: str) -> None:
    assert char_width(ch) == cell_len(ch), (hex(ord(ch)), unicodedata.name(ch, "?"))


def test_cell_width_of_mixed_text() -> None:
    assert cell_width("쿠버네티스 k8s") == 14
    assert cell_width("e\u0301") == 1
    assert cell_width("") == 0


def test_wide_positions_find_exactly_the_wide_characters() -> None:
    text = "a한b🚀c✅d\u0301漢"
    assert wide_positions(text) == [i for i, ch in enumerate(text) if char_width(ch) == 2]
    assert wide_positions("plain ascii") is None


def test_visible_escapes_controls_but_keeps_tab_and_newline() -> None:
    assert visible("a\x1b[31mb\x07") == "a\\x1b[31mb\\x07"
    assert visible("tab\tnew\nline") == "tab\tnew\nline"
    assert visible("\x9b") == "\\x9b"
