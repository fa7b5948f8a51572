"""`SearchIndex`: the index of one pack, built from the pack or decoded from bytes, and
queried as you type."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from orchexplorer.search import codec, ranking
from orchexplorer.search.postings import build

if TYPE_CHECKING:
    from orchexplorer.model import Pack
    from orchexplorer.search.hits import Hit
    from orchexplorer.search.postings import Tables


class SearchIndex:
    """An index of one pack. Build with `build_index`; immutable once built."""

    __slots__ = ("_tables",)

    def __init__(self, pack: Pack) -> None:
        self._tables: Tables = build(pack)

    @classmethod
    def from_json(cls, data: bytes) -> SearchIndex:
        """An index written by `to_json`. Raises ValueError if `data` is not one."""
        self = cls.__new__(cls)
        self._tables = codec.decode(data)
        return self

    def to_json(self) -> bytes:
        """The index as bytes, for the pack cache; `SearchIndex.from_json` reads it back."""
        return codec.encode(self._tables)

    @property
    def tool_ids(self) -> list[str]:
        """The pack's tools, in sidebar order."""
        rank = self._tables.tool_rank
        return sorted(rank, key=rank.__getitem__)

    def __len__(self) -> int:
        return len(self._tables.docs)

    @property
    def vocabulary_size(self) -> int:
        return len(self._tables.postings)

    def search(
        self,
        query: str,
        limit: int | None = 20,
        tool: str | None = None,
        kind: str | None = None,
    ) -> list[Hit]:
        """Ranked hits for `query`, best first. Never raises for any query text.

        `limit=None` returns every hit. `tool` keeps documents about that tool (its items,
        its cells, relations and conclusions naming it); `kind` keeps one kind. Unknown
        values give no hits.
        """
        return ranking.search(self._tables, query, limit, tool, kind)

    def search_tools(
        self, query: str, tools: Sequence[str], limit: int | None = 20, kind: str | None = None
    ) -> list[Hit]:
        """`search` kept to documents about any of `tools` (a scope: `k8s,swarm:secret`);
        no tools: every tool."""
        if not tools:
            return self.search(query, limit, kind=kind)
        if len(tools) == 1:
            return self.search(query, limit, tool=tools[0], kind=kind)
        from orchexplorer.search.scope import merge_hits

        return merge_hits([self.search(query, limit, tool=x, kind=kind) for x in tools], limit)


def build_index(pack: Pack) -> SearchIndex:
    """Index every searchable thing of `pack`, in both languages. Build once, query often.

    Pure: no file is read or written. `orchexplorer.index_cache.build_index` is the same
    through the pack cache (for a pack loaded from files)."""
    return SearchIndex(pack)
