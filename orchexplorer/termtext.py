"""Text as a terminal shows it: how many columns it takes, and control characters made
visible. The one place these rules live; the loader, the search snippets, the command line
and the widgets all use it. Standard library only (the CLI imports it)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Code point ranges a terminal draws two columns wide: East Asian Wide and Fullwidth
# (Hangul syllables and jamo, CJK, kana, fullwidth forms) and the emoji blocks. Mirrors
# what Textual and Rich draw for the characters our content uses.
WIDE_RANGES: tuple[tuple[int, int], ...] = (
    (0x1100, 0x115F),
    (0x2E80, 0x303E),
    (0x3041, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA000, 0xA4CF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x1F300, 0x1F64F),
    (0x1F900, 0x1F9FF),
    (0x1FA70, 0x1FAFF),
    (0x20000, 0x3FFFD),
)


@lru_cache(maxsize=1)
def _wide() -> re.Pattern[str]:
    """The wide characters as one class, compiled on first use: compiling it takes ~7 ms,
    which every command and the app's start paid at import while most never need it."""
    return re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in WIDE_RANGES) + "]")


@lru_cache(maxsize=4096)
def _non_ascii_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if _wide().match(ch) else 1


def char_width(ch: str) -> int:
    """Columns of one character: 2 for wide (Hangul, CJK, emoji), 0 for combining marks and
    format characters, otherwise 1."""
    return 1 if ch < "\u0300" else _non_ascii_width(ch)


def cell_width(text: str) -> int:
    """Columns `text` takes on one line of a terminal."""
    if text.isascii():
        return len(text)
    return sum(char_width(ch) for ch in text)


def wide_positions(text: str) -> list[int] | None:
    """Indexes of the two-column characters of `text`; None for ASCII text. For fitting long
    text quickly: every other character is then counted as one column, which is never less
    than it takes."""
    if text.isascii():
        return None
    return [m.start() for m in _wide().finditer(text)]


# C0 and C1 control characters other than tab and newline, and DEL. YAML lets them in
# through escapes ("\e[31m"); on a terminal they are commands.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """`text` with control characters written out as a visible backslash-x escape."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
