"""Text as a terminal shows it: how many columns it takes, and control characters made
visible. The one place these rules live; the loader, the search snippets, the command line
and the widgets all use it. Standard library only (the CLI imports it)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Where a terminal draws a character two columns wide: Unicode's East Asian Wide and
# Fullwidth characters (Hangul syllables and jamo, CJK, kana, fullwidth forms, most emoji).
# `_CANDIDATES` finds, in C, the characters that may be wide; `char_width` decides.
_CANDIDATES = (
    "[\u1100-\u115f\u231a-\u2bff\u2e80-\ua4cf\ua960-\ua97f\uac00-\ud7a3"
    "\uf900-\ufaff\ufe10-\ufe6f\uff00-\uffe6\U00016fe0-\U0001b2ff"
    "\U0001f000-\U0001faff\U00020000-\U0003fffd]"
)


@lru_cache(maxsize=1)
def _candidates() -> re.Pattern[str]:
    """Compiled on first use: most commands never measure wide text."""
    return re.compile(_CANDIDATES)


@lru_cache(maxsize=8192)
def _non_ascii_width(ch: str) -> int:
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Cf") or unicodedata.combining(ch):
        return 0
    if category == "Cn":  # unassigned: this Python's table may call it anything
        return 1
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


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
    return [m.start() for m in _candidates().finditer(text) if _non_ascii_width(m.group()) == 2]


# C0 and C1 control characters other than tab and newline, and DEL. YAML lets them in
# through escapes ("\e[31m"); on a terminal they are commands.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """`text` with control characters written out as a visible backslash-x escape."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
