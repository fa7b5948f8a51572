"""What a hit shows of its document: a window of about one line of text around the first
match, and the spans of a title or snippet to highlight. Widths are terminal columns, as
`orchexplorer.termtext` counts them (Hangul and other wide characters take two)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from orchexplorer.search.text import TOKEN, collapse, normalize
from orchexplorer.termtext import cell_width, char_width, wide_positions

SNIPPET_WIDTH = 72  # terminal columns
TITLE_WIDTH = 60

#: A body ready for snippets: collapsed to one line, its normalised form (None when
#: normalising changes the length, so offsets would not line up: "ß"), and where its wide
#: characters are (`termtext.wide_positions`).
Prepared = tuple[str, str | None, list[int] | None]


def prepare(text: str) -> Prepared:
    text = collapse(text)
    norm = normalize(text)
    return (text, norm if len(norm) == len(text) else None, wide_positions(text))


def snippet(bodies: tuple[Prepared, ...], terms: tuple[str, ...]) -> str:
    """A window of the body text where the most matched terms are found, the first of
    those (else of the first body), around its first match. Of several commands, the one
    found by all of `kubectl logs --previous` is shown. Terms found at the same place (a
    word and its longer forms, "service" and "services") count once."""
    best: tuple[int, int, int] | None = None  # (places found, body, first place)
    for i, (_text, norm, _wide) in enumerate(bodies):
        if norm is None:
            continue
        places = {p for p in (norm.find(t) for t in terms) if p >= 0}
        if places and (best is None or len(places) > best[0]):
            best = (len(places), i, min(places))
            if len(places) == len(terms):
                break
    if best is not None:
        text, _norm, wide = bodies[best[1]]
        return window(text, best[2], wide=wide)
    return window(bodies[0][0], 0, wide=bodies[0][2]) if bodies else ""


def headline(text: str) -> str:
    """The start of `text` on one line, as a title (a note's or a conclusion's)."""
    return window(collapse(text), 0, TITLE_WIDTH)


def _fit(text: str, start: int, width: int, wide: list[int] | None) -> int:
    """The end index of a long `text[start:end]` that fits in `width` columns; `wide` is
    `wide_positions(text)`. Every character not in `wide` counts as one column, which is
    never less than it takes."""
    end = min(len(text), start + width)
    if wide is None:
        return end
    first = bisect.bisect_left(wide, start)
    if end - start + bisect.bisect_left(wide, end, first) - first <= width:
        return end
    # text[start:i] takes (i - start) + (wide characters in it) columns, growing with i.
    lo, hi = start, end  # text[start:lo] fits, text[start:hi] does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if mid - start + bisect.bisect_left(wide, mid, first) - first <= width:
            lo = mid
        else:
            hi = mid
    return lo


_UNKNOWN: list[int] = []


def window(
    text: str, pos: int, width: int = SNIPPET_WIDTH, wide: list[int] | None = _UNKNOWN
) -> str:
    """About `width` columns of `text` around `pos`, cut at spaces, with ellipses."""
    if wide is _UNKNOWN:
        wide = wide_positions(text)
    if _fit(text, 0, width, wide) == len(text):
        return text
    if len(text) <= 4 * width and cell_width(text) <= width:  # combining marks: 0 columns
        return text
    start, used, lead = pos, 0, width // 4
    while start > 0 and used < lead:
        start -= 1
        used += char_width(text[start])
    if start > 0 and _fit(text, 0, width // 3, wide) < pos:
        space = text.find(" ", start, pos)
        if space != -1:
            start = space + 1
    else:
        start = 0
    end = _fit(text, start, width - (2 if start else 1), wide)
    if end < len(text):
        space = text.rfind(" ", start + (end - start) // 2, end)
        if space > 0:
            end = space
    body = text[start:end].strip().rstrip(",;:")
    return ("…" if start else "") + body + ("…" if end < len(text) else "")


def highlight_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) character spans of `text` whose words begin with one of `terms`.

    For highlighting a hit's title or snippet (build the styled text from the spans; never
    pass content through a markup parser).
    """
    wanted = sorted({t for t in terms if t}, key=len, reverse=True)
    if not wanted:
        return []
    spans: list[tuple[int, int]] = []
    for m in TOKEN.finditer(text):
        word = m.group()
        norm = normalize(word)
        for term in wanted:
            if norm.startswith(term):
                end = m.start() + len(term) if len(norm) == len(word) else m.end()
                spans.append((m.start(), end))
                break
            if len(norm) >= 2 and term.startswith(norm):  # one half of a joined pair
                spans.append((m.start(), m.end()))
                break
    return spans
