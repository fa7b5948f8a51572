"""A search scope written in the query: `swarm:rolling`, `k8s,swarm:secret`.

The words before the colon name tools (ids, aliases or names, as `Pack.resolve` reads
them); the rest is the query. Text that only looks like a scope is left alone: a colon
followed by a digit (`nginx:1.27`) or by nothing, or a prefix with anything but letters,
digits, `-`, `_` and commas, is part of the query.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from orchexplorer.search.hits import Hit

_SCOPE = re.compile(r"^\s*([^\W\d][\w-]*(?:\s*,\s*[^\W\d][\w-]*)*)\s*:(?=\s*[^\s\d])(.*)$", re.S)


@dataclass(frozen=True)
class ScopedQuery:
    """`text` to look for, in `tools` (empty: every tool). `unknown`: scope words that name
    no tool (the caller says so; the search does not guess)."""

    text: str
    tools: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()


def split_scope(query: str, resolve: Callable[[str], str | None]) -> ScopedQuery:
    """Split `query` into its scope and its text. `resolve` maps a word to a tool id or
    None."""
    match = _SCOPE.match(query)
    if match is None:
        return ScopedQuery(query)
    words = [w.strip() for w in match.group(1).split(",")]
    tools: list[str] = []
    unknown: list[str] = []
    for word in words:
        tool_id = resolve(word)
        if tool_id is None:
            unknown.append(word)
        elif tool_id not in tools:
            tools.append(tool_id)
    return ScopedQuery(match.group(2).strip(), tuple(tools), tuple(unknown))


def merge_hits(per_tool: Sequence[Sequence[Hit]], limit: int | None) -> list[Hit]:
    """Hits of several one-tool searches as one ranked list: a hit found for two tools
    (a relation between them) once, best score first, ties in the order found."""
    seen: dict[tuple[str | None, str, str], Hit] = {}
    for hits in per_tool:
        for hit in hits:
            seen.setdefault(hit.key, hit)
    ranked = sorted(seen.values(), key=lambda hit: -hit.score)
    return ranked if limit is None else ranked[:limit]
