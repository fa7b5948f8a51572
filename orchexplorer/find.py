"""Find in the current view (`f`, then `n` / `N`): which texts contain the words typed,
and where. Separate from the search: it looks only at what the view shows, as shown.

Matching ignores case and width (NFKC + casefold, character by character, so positions
in the folded text map back to the shown text) and treats every run of spaces as one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

MAX_FIND_CHARS = 200


def _fold_char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).casefold()


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` folded, and for each folded character the index of the character of
    `text` it came from."""
    out: list[str] = []
    origin: list[int] = []
    previous_space = False
    for index, ch in enumerate(text):
        if ch.isspace():
            if previous_space:
                continue
            previous_space = True
            out.append(" ")
            origin.append(index)
            continue
        previous_space = False
        for folded in _fold_char(ch):
            out.append(folded)
            origin.append(index)
    return "".join(out), origin


def normalize_query(query: str) -> str:
    folded, _ = _folded(query[:MAX_FIND_CHARS])
    return folded.strip()


def spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where `query` occurs in `text`: (start, end) offsets in `text`, not overlapping."""
    needle = normalize_query(query)
    if not needle:
        return []
    haystack, origin = _folded(text)
    found: list[tuple[int, int]] = []
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        found.append((origin[start], origin[end - 1] + 1))
        start = haystack.find(needle, end)
    return found


def matching(texts: Sequence[str], query: str) -> list[int]:
    """The indexes of the `texts` that contain `query`."""
    needle = normalize_query(query)
    if not needle:
        return []
    return [i for i, text in enumerate(texts) if needle in _folded(text)[0]]


def step(matches: Sequence[int], current: int | None, direction: int) -> int | None:
    """The match after (`direction` 1) or before (-1) position `current`, wrapping
    around; the first (or last) when `current` is None. None when nothing matches."""
    if not matches:
        return None
    if current is None:
        return matches[0] if direction > 0 else matches[-1]
    if direction > 0:
        return next((m for m in matches if m > current), matches[0])
    return next((m for m in reversed(matches) if m < current), matches[-1])
