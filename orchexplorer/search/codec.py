"""The index as bytes, for the pack cache: `encode(tables)` and `decode(data)`. Bytes in,
bytes out; where they are stored is `orchexplorer.index_cache`'s business.

Layout: lines of JSON. First what every query needs (terms, encoded postings, per-document
scoring data), then the lines of the tables that only some queries need (each table in
shards, see SHARD_BYTES), then one line per document (title, snippet sources). Postings,
tables and documents are decoded only when a query reaches them, so a large pack's index
is read back in a fraction of the time it takes to build.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from orchexplorer.search.hits import KIND_RANK, KINDS, SECTIONS, Doc, Kind, Text
from orchexplorer.search.postings import Postings, Sections, Tables

#: Version of the layout (the cache key also covers the search code).
#: 2: tables are written in shards.
INDEX_FORMAT = 2

#: A table is written as lines of about this many bytes, decoded one after another:
#: decoding one line holds Python's interpreter lock, so the app's UI thread waits at most
#: one line's decoding (a few ms) while a search thread decodes a table of a large pack
#: (a 10 MB table took 130 ms in one piece; see BENCHMARKS.md).
SHARD_BYTES = 256 * 1024

_COMPACT = (",", ":")


def _shards(table: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """`table` cut into dicts of about SHARD_BYTES of JSON each (at least one, maybe empty)."""
    shard: dict[str, Any] = {}
    size = 0
    for key, value in table.items():
        if isinstance(value, str):
            size += len(key) + len(value) + 6
        else:  # a list of words
            size += len(key) + 6 + sum(len(word) + 3 for word in value)
        shard[key] = value
        if size >= SHARD_BYTES:
            yield shard
            shard, size = {}, 0
    if shard or not table:
        yield shard


def encode(tables: Tables) -> bytes:
    """The index as bytes; `decode` reads it back."""
    postings = tables.postings
    terms = sorted(postings.terms())
    extra: dict[str, dict[str, Any]] = {
        "exact": tables.exact.encode_all(),
        "cho_exact": tables.cho_exact.encode_all(),
        "cho": tables.cho,
        "by_len": {str(n): words for n, words in tables.by_len.items()},
    }
    names: list[str] = []
    lines: list[str] = []
    for name, table in extra.items():
        for shard in _shards(table):
            names.append(name)
            lines.append(json.dumps(shard, ensure_ascii=False, separators=_COMPACT))
    lines += [
        json.dumps(
            [d.tool, d.id, d.section, d.title.ko, d.title.en, [list(b) for b in d.bodies]],
            ensure_ascii=False,
            separators=_COMPACT,
        )
        for d in tables.docs
    ]
    blobs = [line.encode("utf-8") for line in lines]
    offsets = [0]
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob) + 1)
    hot = {
        "format": INDEX_FORMAT,
        "tool_rank": tables.tool_rank,
        "tool_docs": tables.tool_docs,
        "factors": tables.factors,
        "ranks": tables.ranks,
        "kinds": "".join(chr(48 + KIND_RANK[k]) for k in tables.kinds),
        "tools": [sorted(t) for t in tables.doc_tools],
        "terms": terms,
        "postings": [postings.encoded(t) for t in terms],
        "short": tables.terms.first_chars,
        "cho_short": tables.choseong.first_chars,
        "tables": names,
        "offsets": offsets,
    }
    head = json.dumps(hot, ensure_ascii=False, separators=_COMPACT).encode("utf-8")
    return head + b"\n" + b"\n".join(blobs) + b"\n"


def _str_int_map(value: Any) -> dict[str, int]:
    return {str(k): int(v) for k, v in value.items()}


def decode(data: bytes) -> Tables:
    """Tables written by `encode`. Raises ValueError if `data` is not an index.

    The data is what this module wrote, in an entry whose hash the cache checked when it was
    read: its shape is checked, its strings are used as they are."""
    try:
        newline = data.index(b"\n")
        state = json.loads(data[:newline])
        if not isinstance(state, dict) or state.get("format") != INDEX_FORMAT:
            raise ValueError("not a search index")
        tool_rank = _str_int_map(state["tool_rank"])
        tool_docs = _str_int_map(state["tool_docs"])
        factors = [float(f) for f in state["factors"]]
        ranks = [int(r) for r in state["ranks"]]
        count = len(ranks)
        kinds = [KINDS[ord(c) - 48] for c in state["kinds"]]
        doc_tools = [frozenset(map(str, t)) for t in state["tools"]]
        if not (len(factors) == len(kinds) == len(doc_tools) == count):
            raise ValueError("document tables differ in length")
        if sorted(ranks) != list(range(count)):
            raise ValueError("ranks are not a permutation")
        if any(not 0 <= i < count for i in tool_docs.values()):
            raise ValueError("tool document out of range")
        terms, encoded = state["terms"], state["postings"]
        if not isinstance(terms, list) or not isinstance(encoded, list):
            raise ValueError("bad postings")
        postings = Postings({}, dict(zip(terms, encoded, strict=True)))
        offsets = [int(o) for o in state["offsets"]]
        names = [str(n) for n in state["tables"]]
        if len(offsets) != len(names) + count + 1 or offsets[-1] != len(data) - newline - 1:
            raise ValueError("sections do not match the data")
        blob = memoryview(data)[newline + 1 :]
        spans = [(offsets[i], offsets[i + 1] - 1) for i in range(len(offsets) - 1)]
        if not all(0 <= a <= b <= len(blob) for a, b in spans):
            raise ValueError("sections out of range")
        table_spans: dict[str, list[tuple[int, int]]] = {}
        for name, span in zip(names, spans, strict=False):
            table_spans.setdefault(name, []).append(span)
        docs = _LazyDocs(blob, spans[len(names) :], (kinds, doc_tools, factors, ranks))
        short = {str(k): [str(t) for t in v] for k, v in state["short"].items()}
        cho_short = {str(k): [str(t) for t in v] for k, v in state["cho_short"].items()}
    except (KeyError, TypeError, AttributeError, IndexError) as exc:
        raise ValueError(f"not a search index: {exc!r}") from None
    return Tables(
        tool_rank=tool_rank,
        tool_docs=tool_docs,
        factors=factors,
        ranks=ranks,
        kinds=kinds,
        doc_tools=doc_tools,
        docs=docs,
        postings=postings,
        sections=Sections({}, _TableLoader(blob, table_spans)),
        short=short,
        cho_short=cho_short,
    )


class _TableLoader:
    """Reads a table from its lines, its shards decoded one by one and merged."""

    def __init__(self, blob: memoryview, spans: dict[str, list[tuple[int, int]]]) -> None:
        self._blob = blob
        self._spans = spans

    def __call__(self, name: str) -> dict[str, Any] | None:
        spans = self._spans.get(name)
        if not spans:
            return None
        merged: dict[str, Any] = {}
        for start, end in spans:
            try:
                part = json.loads(bytes(self._blob[start:end]))
            except ValueError:  # cannot happen for an intact entry (its hash is checked)
                return None
            if not isinstance(part, dict):
                return None
            merged.update(part)
        return merged


class _LazyDocs:
    """The documents of a decoded index, each decoded the first time a hit shows it.
    Scoring reads only the per-document tables; a document takes its tools, factor and rank
    from them."""

    def __init__(
        self,
        blob: memoryview,
        spans: list[tuple[int, int]],
        columns: tuple[list[Kind], list[frozenset[str]], list[float], list[int]],
    ) -> None:
        self._items: list[Doc | None] = [None] * len(spans)
        self._blob = blob
        self._spans = spans
        self._columns = columns  # kinds, tools, factors, ranks

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Doc]:
        for d in range(len(self._items)):
            yield self[d]

    def __getitem__(self, d: int, /) -> Doc:
        doc = self._items[d]
        if doc is None:
            doc = self._items[d] = self._decode(d)
        return doc

    def _decode(self, d: int) -> Doc:
        kinds, tools, factors, ranks = self._columns
        kind = kinds[d]
        start, end = self._spans[d]
        try:
            tool, item_id, section, ko, en, bodies = json.loads(bytes(self._blob[start:end]))
            if section not in SECTIONS:
                raise ValueError("unknown section")
            return Doc(
                None if tool is None else str(tool),
                kind,
                str(item_id),
                section,
                Text(str(ko), str(en)),
                tuple((str(bko), str(ben)) for bko, ben in bodies),
                tools[d],
                factors[d],
                ranks[d],
            )
        except (ValueError, TypeError):  # cannot happen for an intact entry
            return Doc(None, kind, "", "overview", Text("", ""), (), frozenset(), 0.0)
