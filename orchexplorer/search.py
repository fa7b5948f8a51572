"""Search over a pack: an index built once, queried as you type. Pure logic, no Textual.

`build_index(pack)` turns every searchable thing of a pack into a document: tools (names,
aliases), features, use cases, components, examples (title, explanation, code), notes,
dimensions and each tool's cell of a dimension, concepts and each tool's cell of a concept,
relations and conclusions. Both languages go into the same document, so a Korean query finds
a result shown in English and the reverse. `SearchIndex.search(query)` returns ranked `Hit`s.

How a query matches
-------------------
Text is normalised with NFKC + casefold (case and width do not matter) and split into tokens
(runs of letters/digits; Hangul and other scripts are split apart, so "Docker를" gives
"docker" and "를"). Each query token is looked up, in order of preference, as

- a whole index term (exact);
- a prefix of index terms (Korean particles: "쿠버네티스" finds "쿠버네티스는"; typing as you
  go: "kube" finds "kubernetes");
- a Hangul initial-consonant (초성) pattern when it contains bare consonants: "ㅋㅂㄴㅌㅅ"
  finds 쿠버네티스, "쿠ㅂ" finds 쿠버네티스 too;
- a word written together that the content spaces ("다시시작" for "다시 시작"): the longest
  known word at its start plus a known word or prefix for the rest;
- a small typo (rapidfuzz OSA distance 1, or 2 for words of 8+ characters) against the
  vocabulary of words in names, titles, aliases and keywords, only when nothing above matched.

In fields that name things (names, titles, aliases, keywords, taglines, file names) adjacent
words are also indexed joined ("로드 밸런싱" also gives "로드밸런싱", "self-healing" gives
"selfhealing"), and adjacent query words are looked up joined too. That makes spacing not
matter ("로드밸런싱" finds "로드 밸런싱" and the reverse) and gives a phrase in the right order
a bonus over the same words scattered. Descriptions and code are not joined, which keeps the
vocabulary (and the typo search over it) small.

Performance: everything that depends only on the pack (normalised terms, postings, 초성 keys,
length buckets for typo search) is computed once in `build_index`; a query touches only the
postings of the terms it matches, and scores them per posting rather than per word. Tables
a query may never need (the best terms for a two- or three-letter prefix, title-only
postings, a body's normalised snippet text) are computed on first use and kept. The index
of a pack loaded from files is kept in the pack cache (`orchexplorer.cache`, keyed on the
files' content) as JSON whose postings are decoded only when a query reaches them, so a
large pack's index is read back in a fraction of the time it takes to build.

How hits are ranked
-------------------
Every field has a weight (a name or title counts most, then aliases and keywords, then
taglines and file names, then descriptions, then code); for each query word a document scores
the best weight at which the word matched, times the match quality. The sum is multiplied by
the square of the share of query words the document matched (all words matter) and by a small
factor per kind (a feature named "Self-healing" before a note mentioning it). A query equal to
a whole title, name, alias or keyword gets a bonus, so "docker" and "k8s" give the tool first.
Ties are broken by kind, tool order, id: the order is deterministic.

Any text is a valid query: control characters and lone surrogates are dropped, the query is
capped at `MAX_QUERY_CHARS`, and a query with no letters or digits has no hits.
"""

from __future__ import annotations

import bisect
import heapq
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:  # the model is not needed to query an index read from the cache
    import os

    from orchexplorer.model import Lang, Pack, Tool

__all__ = [
    "KINDS",
    "MAX_QUERY_CHARS",
    "SECTIONS",
    "Hit",
    "Kind",
    "SearchIndex",
    "Section",
    "Text",
    "build_index",
    "cached_index",
    "choseong",
    "highlight_spans",
    "normalize",
    "tokenize",
]

Kind = Literal[
    "tool",
    "feature",
    "use_case",
    "component",
    "concept",
    "dimension",
    "example",
    "relation",
    "note",
    "conclusion",
]
#: Every kind of hit, in tie-break order (earlier wins a tie).
KINDS: tuple[Kind, ...] = (
    "tool",
    "feature",
    "use_case",
    "component",
    "concept",
    "dimension",
    "example",
    "relation",
    "note",
    "conclusion",
)

#: Where a hit lives in the app. For tool-scoped kinds it is the tool's detail tab;
#: dimensions and concepts live in the comparison view, conclusions in the guide.
Section = Literal[
    "overview",
    "features",
    "use_cases",
    "components",
    "examples",
    "relations",
    "notes",
    "compare",
    "conclusions",
]
SECTIONS: tuple[Section, ...] = (
    "overview",
    "features",
    "use_cases",
    "components",
    "examples",
    "relations",
    "notes",
    "compare",
    "conclusions",
)

MAX_QUERY_CHARS = 200
MAX_QUERY_TOKENS = 12
SNIPPET_WIDTH = 72  # terminal columns
TITLE_WIDTH = 60

# Field weights: how much a word counts depending on where it is found.
W_NAME = 10.0  # tool name or id, item title, a concept cell's term
W_ALIAS = 9.0  # tool aliases
W_KEYWORD = 7.0  # keywords and synonyms given by the content
W_SUB = 4.0  # taglines, kinds, file names, ids, a cell's dimension/concept title
W_BODY = 2.0  # descriptions, summaries, cell texts, notes, relations, conclusions
W_CODE = 1.0  # example code
W_CONTEXT = 1.0  # a query word naming the tool a document belongs to
PAIR_FACTOR = 0.5  # bonus for two query words found together, times their field weight
# Bonus when the whole query equals a title/name/alias (or a keyword, a file name, an id).
EXACT_NAME = 10.0
EXACT_KEYWORD = 6.0
EXACT_SUB = 4.0

# A small preference between kinds for otherwise equal matches.
_KIND_FACTOR: dict[str, float] = {
    "tool": 1.0,
    "feature": 1.0,
    "use_case": 0.96,
    "component": 0.95,
    "concept": 0.9,
    "dimension": 0.9,
    "example": 0.9,
    "relation": 0.86,
    "note": 0.85,
    "conclusion": 0.85,
}
_CELL_FACTOR = 0.8  # one tool's cell of a dimension or concept
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}

_PREFIX_CAP = 64  # index terms a prefix may expand to
_SHORT_PREFIX = 3  # prefixes up to this length are looked up once, best terms first
_FUZZY_MIN = 4  # shorter query words are not typo-corrected
_FUZZY_LIMIT = 6

_SECOND = itemgetter(1)

#: Version of the cached index's layout (the cache key also covers this module's source).
#: 2: tables are written in shards.
INDEX_FORMAT = 2

#: A cached table is written as lines of about this many bytes, decoded one after another:
#: decoding one line holds Python's interpreter lock, so the app's UI thread waits at most
#: one line's decoding (a few ms) while a search thread decodes a table of a large pack
#: (a 10 MB table took 130 ms in one piece; see BENCHMARKS.md).
SHARD_BYTES = 256 * 1024

# --------------------------------------------------------------------------------------
# Text normalisation


_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_CHOSEONG_SET = frozenset(_CHOSEONG)
_SYL_FIRST, _SYL_LAST = 0xAC00, 0xD7A3
# NFKC turns the compatibility jamo people type (U+3131..) into conjoining choseong
# (U+1100..U+1112), in the same order: map them back to one form.
_TO_COMPAT = {0x1100 + i: ch for i, ch in enumerate(_CHOSEONG)}
# Control characters, lone surrogates and noncharacters never take part in matching.
_DROP = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"
_TOKEN = re.compile(f"[{_HANGUL}]+|[^\\W_{_HANGUL}]+")
# Words on either side of these are not joined into a phrase.
_BREAK = re.compile(r"[.,;:!?()\[\]{}<>\"“”‘’、。，；：！？|\n\r\t=#]+")
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC + casefold, control characters and surrogates dropped, jamo in one form."""
    text = _DROP.sub(" ", text)
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return text.translate(_TO_COMPAT)


def tokenize(text: str) -> list[str]:
    """The tokens of already normalised text."""
    return _TOKEN.findall(text)


_CHOSEONG_TABLE: dict[int, str] = {}
_SYLLABLES = re.compile("[\uac00-\ud7a3]*")


def choseong(text: str) -> str:
    """The initial consonants of Hangul syllables; other characters are kept as they are."""
    if not _CHOSEONG_TABLE:
        _CHOSEONG_TABLE.update(
            (code, _CHOSEONG[(code - _SYL_FIRST) // 588])
            for code in range(_SYL_FIRST, _SYL_LAST + 1)
        )
    return text.translate(_CHOSEONG_TABLE)


def _all_syllables(text: str) -> bool:
    return _SYLLABLES.fullmatch(text) is not None


def _is_jamo_query(token: str) -> bool:
    """Hangul with at least one bare initial consonant: "ㅋㅂㄴㅌㅅ", "쿠ㅂ"."""
    has_jamo = False
    for ch in token:
        if ch in _CHOSEONG_SET:
            has_jamo = True
        elif not _SYL_FIRST <= ord(ch) <= _SYL_LAST:
            return False
    return has_jamo


def _jamo_fits(pattern: str, term: str) -> bool:
    """`term` starts with `pattern`, where a bare consonant stands for any syllable with it."""
    if len(term) < len(pattern):
        return False
    for p, ch in zip(pattern, term, strict=False):
        if p == ch:
            continue
        code = ord(ch)
        if p not in _CHOSEONG_SET or not _SYL_FIRST <= code <= _SYL_LAST:
            return False
        if _CHOSEONG[(code - _SYL_FIRST) // 588] != p:
            return False
    return True


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", _DROP.sub(" ", text)).strip()


# --------------------------------------------------------------------------------------
# Hits


class _Localized(Protocol):
    """Text with one value per language: the model's `LocalizedText`, or `Text`."""

    def get(self, lang: Lang) -> str: ...


@dataclass(frozen=True, slots=True)
class Text:
    """A hit's title or snippet in both languages (the same `get` as `LocalizedText`, without
    the model: an index read from the cache is queried without loading pydantic)."""

    ko: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.ko if lang == "ko" else self.en

    def both(self) -> Iterator[str]:
        yield from dict.fromkeys(t for t in (self.ko, self.en) if t)

    @classmethod
    def of(cls, text: _Localized) -> Text:
        return text if isinstance(text, Text) else cls(text.get("ko"), text.get("en"))


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result.

    `(tool, section, id)` says where to go: the tool's detail tab `section` and the item `id`
    in it (for a `tool` hit, the overview of `id`). Dimension and concept hits with a `tool`
    are that tool's cell; without one, the whole row. `terms` are the normalised index terms
    that matched, for `highlight_spans`.
    """

    tool: str | None
    kind: Kind
    id: str
    section: Section
    title: Text
    snippet: Text
    score: float
    terms: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str | None, str, str]:
        return (self.tool, self.kind, self.id)

    def to_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "tool": self.tool,
            "kind": self.kind,
            "id": self.id,
            "section": self.section,
            "title": self.title.get(lang),
            "snippet": self.snippet.get(lang),
            "score": self.score,
        }


def highlight_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) character spans of `text` whose words begin with one of `terms`.

    For highlighting a hit's title or snippet (build the styled text from the spans; never
    pass content through a markup parser).
    """
    wanted = sorted({t for t in terms if t}, key=len, reverse=True)
    if not wanted:
        return []
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
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


# --------------------------------------------------------------------------------------
# The index


@dataclass(slots=True)
class _Doc:
    tool: str | None
    kind: Kind
    id: str
    section: Section
    title: Text
    bodies: tuple[tuple[str, str], ...]  # (ko, en) of each snippet source, best first
    tools: frozenset[str]  # tools the document is about (for --tool and tool words)
    factor: float
    rank: int = 0  # position in tie-break order
    # Per language, made on first use: each body collapsed to one line, and its normalised
    # form (None when normalising changes the length, so offsets would not line up: "ß").
    prepared: dict[str, tuple[_Prepared, ...]] = field(default_factory=dict)

    def snippet_sources(self, lang: str) -> tuple[_Prepared, ...]:
        sources = self.prepared.get(lang)
        if sources is None:
            i = 0 if lang == "ko" else 1
            sources = tuple(_prepare(b[i]) for b in self.bodies if b[i])
            self.prepared[lang] = sources
        return sources


def _doc(
    tool: str | None,
    kind: Kind,
    item_id: str,
    section: Section,
    title: _Localized,
    bodies: tuple[_Localized, ...],
    tools: frozenset[str],
    factor: float,
) -> _Doc:
    pairs = tuple((b.get("ko"), b.get("en")) for b in bodies)
    return _Doc(tool, kind, item_id, section, Text.of(title), pairs, tools, factor)


def _encode(postings: dict[int, float]) -> str:
    """`{doc: weight}` as text, grouped by weight, best first: "10.0:3,7;2.0:5"."""
    groups: dict[float, list[str]] = {}
    for d, w in postings.items():
        groups.setdefault(w, []).append(str(d))
    return ";".join(f"{w!r}:{','.join(ds)}" for w, ds in sorted(groups.items(), reverse=True))


def _decode(text: str, docs: int) -> dict[int, float]:
    """The inverse of `_encode`; raises ValueError for anything else."""
    out: dict[int, float] = {}
    for group in text.split(";"):
        weight, _, ids = group.partition(":")
        numbers = [int(d) for d in ids.split(",")]
        if min(numbers) < 0 or max(numbers) >= docs:
            raise ValueError("document out of range")
        out.update(dict.fromkeys(numbers, float(weight)))
    return out


class _Postings:
    """term -> {doc: weight}. Built in memory, or read from the cache as encoded text that is
    decoded for a term the first time a query reaches it."""

    __slots__ = ("_decoded", "_docs", "_encoded")

    def __init__(
        self, decoded: dict[str, dict[int, float]], encoded: dict[str, str] | None = None
    ) -> None:
        self._decoded = decoded
        self._encoded = encoded or {}
        self._docs = 0

    def get(self, term: str) -> dict[int, float] | None:
        found = self._decoded.get(term)
        if found is None and self._encoded:
            text = self._encoded.get(term)
            if text is not None:
                try:
                    found = _decode(text, self._docs)
                except ValueError:  # cannot happen for an intact entry (its hash is checked)
                    found = {}
                self._decoded[term] = found
        return found

    def best(self, term: str) -> float:
        """The highest weight of `term` (0 for an unknown term)."""
        text = self._encoded.get(term) if self._encoded else None
        if text is not None:
            try:
                return float(text[: text.index(":")])
            except ValueError:
                return 0.0
        found = self._decoded.get(term)
        return max(found.values()) if found else 0.0

    def __contains__(self, term: str) -> bool:
        return term in self._decoded or term in self._encoded

    def __len__(self) -> int:
        return len(self._encoded) if self._encoded else len(self._decoded)

    def terms(self) -> list[str]:
        return list(self._encoded or self._decoded)

    def encoded(self, term: str) -> str:
        text = self._encoded.get(term)
        return text if text is not None else _encode(self.get(term) or {})

    def encode_all(self) -> dict[str, str]:
        return {term: self.encoded(term) for term in self.terms()}


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


class _Sections:
    """Tables that only some queries need (exact names, 초성 keys, typo vocabulary): built in
    memory, or lines of the cached index decoded the first time a query needs them.

    A cached table is JSON this module wrote, in an entry whose hash was checked when read;
    its shape is checked here, its strings are used as they are."""

    def __init__(
        self,
        values: dict[str, Any],
        blob: memoryview | None = None,
        spans: dict[str, list[tuple[int, int]]] | None = None,
    ) -> None:
        self._values = values
        self._blob = blob
        self._spans = spans or {}

    def _json(self, name: str) -> dict[str, Any] | None:
        """The table `name`, its shards decoded one by one and merged (see SHARD_BYTES)."""
        spans = self._spans.get(name)
        if not spans or self._blob is None:
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

    def postings(self, name: str, docs: int) -> _Postings:
        value = self._values.get(name)
        if not isinstance(value, _Postings):
            raw = self._json(name)
            encoded = raw if isinstance(raw, dict) else {}
            value = self._values[name] = _Postings({}, encoded)
            value._docs = docs
        return value

    def cho(self) -> dict[str, list[str]]:
        value = self._values.get("cho")
        if value is None:
            raw = self._json("cho")
            value = raw if isinstance(raw, dict) else {}
            self._values["cho"] = value
        return value  # type: ignore[no-any-return]

    def cho_keys(self) -> list[str]:
        return list(self.cho())

    def by_len(self) -> dict[int, list[str]]:
        value = self._values.get("by_len")
        if value is None:
            raw = self._json("by_len")
            value = (
                {int(n): v for n, v in raw.items() if isinstance(v, list)}
                if isinstance(raw, dict)
                else {}
            )
            self._values["by_len"] = value
        return value  # type: ignore[no-any-return]


class _DocList:
    """The index's documents: built in memory, or lines of the cached index decoded the first
    time a hit shows one (scoring uses only the per-document tables of `SearchIndex`)."""

    def __init__(
        self,
        docs: list[_Doc],
        blob: memoryview | None = None,
        spans: list[tuple[int, int]] | None = None,
        index: SearchIndex | None = None,
    ) -> None:
        self._items: list[_Doc | None] = list(docs) if spans is None else [None] * len(spans)
        self._blob = blob
        self._spans = spans or []
        self._index = index

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[_Doc]:
        for d in range(len(self._items)):
            yield self[d]

    def __getitem__(self, d: int) -> _Doc:
        doc = self._items[d]
        if doc is None:
            doc = self._items[d] = self._decode(d)
        return doc

    def _decode(self, d: int) -> _Doc:
        index = self._index
        assert index is not None and self._blob is not None
        kind = index._kinds[d]
        start, end = self._spans[d]
        try:
            tool, item_id, section, ko, en, bodies = json.loads(bytes(self._blob[start:end]))
            if section not in SECTIONS:
                raise ValueError("unknown section")
            return _Doc(
                None if tool is None else str(tool),
                kind,
                str(item_id),
                section,
                Text(str(ko), str(en)),
                tuple((str(bko), str(ben)) for bko, ben in bodies),
                index._doc_tools[d],
                index._factors[d],
                index._ranks[d],
            )
        except (ValueError, TypeError):  # cannot happen for an intact entry
            return _Doc(None, kind, "", "overview", Text("", ""), (), frozenset(), 0.0)


class _PrefixTable:
    """Keys that start with a prefix, best first. The best keys of a prefix of up to
    `_SHORT_PREFIX` characters are found once and kept (one-character prefixes up front)."""

    def __init__(
        self,
        keys: list[str] | Callable[[], list[str]],
        best: Callable[[str], float],
        short: dict[str, list[str]] | None = None,
    ) -> None:
        self._keys = keys
        self._sorted_keys: list[str] | None = None
        self._best = best
        if short is None:
            short = {}
            ordered = self._sorted
            start = 0
            for end in range(1, len(ordered) + 1):
                if end == len(ordered) or ordered[end][0] != ordered[start][0]:
                    short[ordered[start][0]] = heapq.nsmallest(
                        _PREFIX_CAP, ordered[start:end], key=self._order
                    )
                    start = end
        self._short = short

    @property
    def _sorted(self) -> list[str]:
        """The keys in order, sorted on first use (a 초성 table may never be needed)."""
        if self._sorted_keys is None:
            keys = self._keys() if callable(self._keys) else self._keys
            self._sorted_keys = sorted(keys)
        return self._sorted_keys

    @property
    def first_chars(self) -> dict[str, list[str]]:
        return {p: keys for p, keys in self._short.items() if len(p) == 1}

    def _order(self, key: str) -> tuple[float, int, str]:
        return (-self._best(key), len(key), key)

    def _range(self, prefix: str) -> Iterator[str]:
        for key in self._sorted[bisect.bisect_left(self._sorted, prefix) :]:
            if not key.startswith(prefix):
                return
            yield key

    def keys_with_prefix(self, prefix: str) -> list[str]:
        if len(prefix) <= _SHORT_PREFIX:
            found = self._short.get(prefix)
            if found is None:
                found = heapq.nsmallest(_PREFIX_CAP, self._range(prefix), key=self._order)
                self._short[prefix] = found
            return found
        lo = bisect.bisect_left(self._sorted, prefix)
        out: list[str] = []
        for key in self._sorted[lo : lo + _PREFIX_CAP * 4]:
            if not key.startswith(prefix):
                break
            out.append(key)
        if len(out) > _PREFIX_CAP:
            out = sorted(out, key=self._order)[:_PREFIX_CAP]
        return out


class _Builder:
    def __init__(self) -> None:
        self.docs: list[_Doc] = []
        self.postings: dict[str, dict[int, float]] = {}
        self.exact: dict[str, dict[int, float]] = {}
        self.title_words: set[str] = set()  # single words of fields that name things
        self._normal: dict[str, str] = {}  # short texts (names, keywords, ids) repeat a lot

    def add(
        self,
        doc: _Doc,
        fields: Iterable[tuple[_Both | str | None, float, float]],
    ) -> None:
        """`fields`: (text, weight, exact bonus) for each field of the document.

        Adjacent words are joined into one more term only in fields that name things (weight
        `W_SUB` and up): that is where spacing varies and phrases matter, and it keeps the
        vocabulary small for long descriptions and code.
        """
        idx = len(self.docs)
        self.docs.append(doc)
        terms: dict[str, float] = {}
        normal = self._normal
        for value, weight, bonus in fields:
            if value is None:
                continue
            texts = [value] if isinstance(value, str) else list(dict.fromkeys(value.both()))
            for text in texts:
                if len(text) <= 40:
                    norm = normal.get(text)
                    if norm is None:
                        norm = normal[text] = normalize(text)
                else:
                    norm = normalize(text)
                if bonus:
                    compact = "".join(tokenize(norm))
                    if compact:
                        slot = self.exact.setdefault(compact, {})
                        if bonus > slot.get(idx, 0.0):
                            slot[idx] = bonus
                if weight < W_SUB:
                    for tok in tokenize(norm):
                        if weight > terms.get(tok, 0.0):
                            terms[tok] = weight
                    continue
                for segment in _BREAK.split(norm):
                    tokens = tokenize(segment)
                    for tok in tokens:
                        self.title_words.add(tok)
                        if weight > terms.get(tok, 0.0):
                            terms[tok] = weight
                    for a, b in pairwise(tokens):
                        if a != b:
                            pair = a + b
                            if weight > terms.get(pair, 0.0):
                                terms[pair] = weight
        for term, weight in terms.items():
            self.postings.setdefault(term, {})[idx] = weight


class _Both(Protocol):
    def both(self) -> Iterator[str]: ...


def _lt(ko: str, en: str) -> Text:
    return Text(ko, en)


class SearchIndex:
    """An index of one pack. Build with `build_index`; immutable once built."""

    def __init__(self, pack: Pack) -> None:
        from orchexplorer.cache import gc_paused

        with gc_paused():
            self._build(pack)

    def _build(self, pack: Pack) -> None:
        self._tool_rank = {t.id: i for i, t in enumerate(pack.ordered_tools)}
        b = _Builder()
        self._tool_docs: dict[str, int] = {}
        for tool in pack.ordered_tools:
            self._add_tool(b, tool)
        self._add_shared(b, pack)
        docs = b.docs
        postings = _Postings(b.postings)
        # The same bonus, a little smaller, for the initial consonants of a Hangul name.
        cho_exact: dict[str, dict[int, float]] = {}
        for compact, bonuses in b.exact.items():
            if _all_syllables(compact):
                slot = cho_exact.setdefault(choseong(compact), {})
                for d, bonus in bonuses.items():
                    slot[d] = max(slot.get(d, 0.0), bonus * 0.9)

        order = sorted(
            range(len(docs)),
            key=lambda i: (
                _KIND_RANK[docs[i].kind],
                self._tool_rank.get(docs[i].tool or "", -1),
                docs[i].id,
                i,
            ),
        )
        for rank, i in enumerate(order):
            docs[i].rank = rank

        cho: dict[str, list[str]] = {}
        for term in b.postings:
            if _all_syllables(term):
                cho.setdefault(choseong(term), []).append(term)
        # Typos are corrected against the words of names, titles, aliases and keywords.
        by_len: dict[int, list[str]] = {}
        for term in sorted(b.title_words):
            if len(term) >= _FUZZY_MIN - 2:
                by_len.setdefault(len(term), []).append(term)
        self._docs: _DocList = _DocList(b.docs)
        self._factors = [d.factor for d in b.docs]
        self._ranks = [d.rank for d in b.docs]
        self._kinds: list[Kind] = [d.kind for d in b.docs]
        self._doc_tools: list[frozenset[str]] = [d.tools for d in b.docs]
        sections = _Sections(
            {
                "exact": _Postings(b.exact),
                "cho_exact": _Postings(cho_exact),
                "cho": cho,
                "by_len": by_len,
            }
        )
        self._setup(postings, sections)

    def _setup(
        self,
        postings: _Postings,
        sections: _Sections,
        short: dict[str, list[str]] | None = None,
        cho_short: dict[str, list[str]] | None = None,
    ) -> None:
        self._postings = postings
        self._sections = sections
        postings._docs = len(self._docs)
        self._by_rank = [0] * len(self._docs)
        for i, rank in enumerate(self._ranks):
            self._by_rank[rank] = i
        self._titles: dict[str, dict[int, float]] = {}  # title-only postings, made on use
        self._terms = _PrefixTable(postings.terms(), postings.best, short)
        cho_best: dict[str, float] = {}

        def best_of(key: str) -> float:
            found = cho_best.get(key)
            if found is None:
                found = cho_best[key] = max(
                    (postings.best(t) for t in self._cho.get(key, ())), default=0.0
                )
            return found

        self._choseong = _PrefixTable(sections.cho_keys, best_of, cho_short)

    # Tables a query may not need, decoded from the cache on first use.

    @property
    def _exact(self) -> _Postings:
        return self._sections.postings("exact", len(self._docs))

    @property
    def _cho_exact(self) -> _Postings:
        return self._sections.postings("cho_exact", len(self._docs))

    @property
    def _cho(self) -> dict[str, list[str]]:
        return self._sections.cho()

    @property
    def _by_len(self) -> dict[int, list[str]]:
        return self._sections.by_len()

    def _title_postings(self, term: str) -> dict[int, float] | None:
        """A one-letter query looks only at fields that name things."""
        found = self._titles.get(term)
        if found is None:
            postings = self._postings.get(term)
            found = {d: w for d, w in postings.items() if w >= W_SUB} if postings else {}
            self._titles[term] = found
        return found or None

    # -- the cache ---------------------------------------------------------------------

    def to_json(self) -> bytes:
        """The index for the pack cache; `SearchIndex.from_json` reads it back.

        Lines of JSON: first what every query needs (terms, encoded postings, per-document
        scoring data), then the lines of the tables that only some queries need (each table
        in shards, see SHARD_BYTES), then one line per document (title, snippet sources),
        each decoded only when used.
        """
        postings = self._postings
        terms = sorted(postings.terms())
        tables: dict[str, dict[str, Any]] = {
            "exact": self._exact.encode_all(),
            "cho_exact": self._cho_exact.encode_all(),
            "cho": self._cho,
            "by_len": {str(n): words for n, words in self._by_len.items()},
        }
        names: list[str] = []
        lines: list[str] = []
        for name, table in tables.items():
            for shard in _shards(table):
                names.append(name)
                lines.append(json.dumps(shard, ensure_ascii=False, separators=(",", ":")))
        lines += [
            json.dumps(
                [d.tool, d.id, d.section, d.title.ko, d.title.en, [list(b) for b in d.bodies]],
                ensure_ascii=False,
                separators=(",", ":"),
            )
            for d in self._docs
        ]
        blobs = [line.encode("utf-8") for line in lines]
        offsets = [0]
        for blob in blobs:
            offsets.append(offsets[-1] + len(blob) + 1)
        hot = {
            "format": INDEX_FORMAT,
            "tool_rank": self._tool_rank,
            "tool_docs": self._tool_docs,
            "factors": self._factors,
            "ranks": self._ranks,
            "kinds": "".join(chr(48 + _KIND_RANK[k]) for k in self._kinds),
            "tools": [sorted(t) for t in self._doc_tools],
            "terms": terms,
            "postings": [postings.encoded(t) for t in terms],
            "short": self._terms.first_chars,
            "cho_short": self._choseong.first_chars,
            "tables": names,
            "offsets": offsets,
        }
        head = json.dumps(hot, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return head + b"\n" + b"\n".join(blobs) + b"\n"

    @classmethod
    def from_json(cls, data: bytes) -> SearchIndex:
        """An index written by `to_json`. Raises ValueError if `data` is not one."""
        from orchexplorer.cache import gc_paused

        with gc_paused():
            return cls._from_json(data)

    @classmethod
    def _from_json(cls, data: bytes) -> SearchIndex:
        try:
            newline = data.index(b"\n")
            state = json.loads(data[:newline])
            if not isinstance(state, dict) or state.get("format") != INDEX_FORMAT:
                raise ValueError("not a search index")
            self = cls.__new__(cls)
            self._tool_rank = _str_int_map(state["tool_rank"])
            self._tool_docs = _str_int_map(state["tool_docs"])
            self._factors = [float(f) for f in state["factors"]]
            self._ranks = [int(r) for r in state["ranks"]]
            count = len(self._ranks)
            self._kinds = [KINDS[ord(c) - 48] for c in state["kinds"]]
            self._doc_tools = [frozenset(map(str, t)) for t in state["tools"]]
            if not (len(self._factors) == len(self._kinds) == len(self._doc_tools) == count):
                raise ValueError("document tables differ in length")
            if sorted(self._ranks) != list(range(count)):
                raise ValueError("ranks are not a permutation")
            if any(not 0 <= i < count for i in self._tool_docs.values()):
                raise ValueError("tool document out of range")
            terms, encoded = state["terms"], state["postings"]
            if not isinstance(terms, list) or not isinstance(encoded, list):
                raise ValueError("bad postings")
            postings = _Postings({}, dict(zip(terms, encoded, strict=True)))
            offsets = [int(o) for o in state["offsets"]]
            names = [str(n) for n in state["tables"]]
            if len(offsets) != len(names) + count + 1 or offsets[-1] != len(data) - newline - 1:
                raise ValueError("sections do not match the data")
            blob = memoryview(data)[newline + 1 :]
            spans = [(offsets[i], offsets[i + 1] - 1) for i in range(len(offsets) - 1)]
            table_spans: dict[str, list[tuple[int, int]]] = {}
            for name, span in zip(names, spans, strict=False):
                table_spans.setdefault(name, []).append(span)
            sections = _Sections({}, blob, table_spans)
            self._docs = _DocList([], blob, spans[len(names) :], self)
            if not all(0 <= a <= b <= len(blob) for a, b in spans):
                raise ValueError("sections out of range")
            short = {str(k): [str(t) for t in v] for k, v in state["short"].items()}
            cho_short = {str(k): [str(t) for t in v] for k, v in state["cho_short"].items()}
        except (KeyError, TypeError, AttributeError, IndexError) as exc:
            raise ValueError(f"not a search index: {exc!r}") from None
        self._setup(postings, sections, short, cho_short)
        return self

    @property
    def tool_ids(self) -> list[str]:
        """The pack's tools, in sidebar order."""
        return sorted(self._tool_rank, key=self._tool_rank.__getitem__)

    # -- building ----------------------------------------------------------------------

    def _add_tool(self, b: _Builder, tool: Tool) -> None:
        tid = tool.id
        own = frozenset({tid})
        self._tool_docs[tid] = len(b.docs)
        b.add(
            _doc(
                tid,
                "tool",
                tid,
                "overview",
                tool.name,
                (tool.tagline, tool.summary),
                own,
                _KIND_FACTOR["tool"],
            ),
            [
                (tool.name, W_NAME, EXACT_NAME),
                (tid, W_NAME, EXACT_NAME),
                *((a, W_ALIAS, EXACT_NAME) for a in tool.aliases),
                (tool.kind, W_SUB, 0.0),
                (tool.tagline, W_SUB, 0.0),
                (tool.summary, W_BODY, 0.0),
            ],
        )
        for f in tool.features:
            b.add(
                _doc(
                    tid,
                    "feature",
                    f.id,
                    "features",
                    f.title,
                    (f.description,),
                    own,
                    _KIND_FACTOR["feature"],
                ),
                [
                    (f.title, W_NAME, EXACT_NAME),
                    *((k, W_KEYWORD, EXACT_KEYWORD) for k in f.keywords),
                    (f.id, W_SUB, EXACT_SUB),
                    (f.description, W_BODY, 0.0),
                ],
            )
        for u in tool.use_cases:
            bodies: tuple[_Localized, ...] = (u.description,) if u.description else ()
            b.add(
                _doc(
                    tid,
                    "use_case",
                    u.id,
                    "use_cases",
                    u.title,
                    bodies,
                    own,
                    _KIND_FACTOR["use_case"],
                ),
                [
                    (u.title, W_NAME, EXACT_NAME),
                    *((k, W_KEYWORD, EXACT_KEYWORD) for k in u.keywords),
                    (u.id, W_SUB, EXACT_SUB),
                    (u.description, W_BODY, 0.0),
                ],
            )
        for c in tool.components:
            b.add(
                _doc(
                    tid,
                    "component",
                    c.id,
                    "components",
                    c.name,
                    (c.description,),
                    own,
                    _KIND_FACTOR["component"],
                ),
                [
                    (c.name, W_NAME, EXACT_NAME),
                    *((k, W_KEYWORD, EXACT_KEYWORD) for k in c.keywords),
                    (c.id, W_SUB, EXACT_SUB),
                    (c.description, W_BODY, 0.0),
                ],
            )
        for e in tool.examples:
            code = Text(e.code, e.code)
            bodies = (e.explanation, code) if e.explanation else (code,)
            b.add(
                _doc(
                    tid, "example", e.id, "examples", e.title, bodies, own, _KIND_FACTOR["example"]
                ),
                [
                    (e.title, W_NAME, EXACT_NAME),
                    *((k, W_KEYWORD, EXACT_KEYWORD) for k in e.keywords),
                    (e.id, W_SUB, EXACT_SUB),
                    (e.filename, W_KEYWORD, EXACT_NAME),
                    (e.language, W_SUB, 0.0),
                    (e.explanation, W_BODY, 0.0),
                    (e.code, W_CODE, 0.0),
                ],
            )
        for n in tool.notes:
            head = n.claim or n.text
            title = _lt(
                _window(_collapse(head.get("ko")), 0, TITLE_WIDTH),
                _window(_collapse(head.get("en")), 0, TITLE_WIDTH),
            )
            bodies = (n.text, n.claim) if n.claim else (n.text,)
            b.add(
                _doc(tid, "note", n.id, "notes", title, bodies, own, _KIND_FACTOR["note"]),
                [
                    (n.id, W_SUB, EXACT_SUB),
                    (n.claim, W_BODY, 0.0),
                    (n.text, W_BODY, 0.0),
                    (n.source, W_CODE, 0.0),
                ],
            )

    def _add_shared(self, b: _Builder, pack: Pack) -> None:
        names = {t.id: t.name for t in pack.tools}
        known = set(names)

        def cell_order(cells: Iterable[str]) -> list[str]:
            return sorted((c for c in cells if c in known), key=lambda c: self._tool_rank.get(c, 0))

        for d in sorted(pack.dimensions, key=lambda d: (d.order, d.id)):
            bodies: tuple[_Localized, ...] = (d.description,) if d.description else ()
            tools = frozenset(c for c in d.cells if c in known)
            b.add(
                _doc(
                    None,
                    "dimension",
                    d.id,
                    "compare",
                    d.title,
                    bodies,
                    tools,
                    _KIND_FACTOR["dimension"],
                ),
                [
                    (d.title, W_NAME, EXACT_NAME),
                    *((k, W_KEYWORD, EXACT_KEYWORD) for k in d.keywords),
                    (d.id, W_SUB, EXACT_SUB),
                    (d.description, W_BODY, 0.0),
                ],
            )
            for tid in cell_order(d.cells):
                cell = d.cells[tid]
                cbodies = (cell.text, cell.note) if cell.note else (cell.text,)
                b.add(
                    _doc(
                        tid,
                        "dimension",
                        d.id,
                        "compare",
                        d.title,
                        cbodies,
                        frozenset({tid}),
                        _KIND_FACTOR["dimension"] * _CELL_FACTOR,
                    ),
                    [
                        (d.title, W_SUB, 0.0),
                        *((k, W_SUB, 0.0) for k in d.keywords),
                        (cell.level, W_BODY, 0.0),
                        (cell.text, W_BODY, 0.0),
                        (cell.note, W_BODY, 0.0),
                    ],
                )
        for c in sorted(pack.concepts, key=lambda c: (c.order, c.id)):
            bodies = (c.description,) if c.description else ()
            tools = frozenset(t for t in c.cells if t in known)
            b.add(
                _doc(
                    None,
                    "concept",
                    c.id,
                    "compare",
                    c.title,
                    bodies,
                    tools,
                    _KIND_FACTOR["concept"],
                ),
                [
                    (c.title, W_NAME, EXACT_NAME),
                    *((k, W_KEYWORD, EXACT_KEYWORD) for k in c.keywords),
                    (c.id, W_SUB, EXACT_SUB),
                    (c.description, W_BODY, 0.0),
                ],
            )
            for tid in cell_order(c.cells):
                ccell = c.cells[tid]
                title = _lt(
                    f"{c.title.get('ko')}: {ccell.term}", f"{c.title.get('en')}: {ccell.term}"
                )
                b.add(
                    _doc(
                        tid,
                        "concept",
                        c.id,
                        "compare",
                        title,
                        (ccell.text,),
                        frozenset({tid}),
                        _KIND_FACTOR["concept"] * _CELL_FACTOR,
                    ),
                    [
                        (ccell.term, W_NAME, EXACT_NAME),
                        (c.title, W_SUB, 0.0),
                        *((k, W_SUB, 0.0) for k in c.keywords),
                        (ccell.text, W_BODY, 0.0),
                    ],
                )
        for r in pack.relations:
            src = names.get(r.source)
            dst = names.get(r.target)
            title = _lt(
                f"{src.get('ko') if src else r.source} → {dst.get('ko') if dst else r.target}",
                f"{src.get('en') if src else r.source} → {dst.get('en') if dst else r.target}",
            )
            bodies = (r.text, r.note) if r.note else (r.text,)
            b.add(
                _doc(
                    r.source,
                    "relation",
                    r.id,
                    "relations",
                    title,
                    bodies,
                    frozenset({r.source, r.target}),
                    _KIND_FACTOR["relation"],
                ),
                [
                    (src, W_SUB, 0.0),
                    (dst, W_SUB, 0.0),
                    (r.kind, W_SUB, 0.0),
                    (r.id, W_SUB, EXACT_SUB),
                    (r.text, W_BODY, 0.0),
                    (r.note, W_BODY, 0.0),
                ],
            )
        for k in pack.conclusions:
            title = _lt(
                _window(_collapse(k.text.get("ko")), 0, TITLE_WIDTH),
                _window(_collapse(k.text.get("en")), 0, TITLE_WIDTH),
            )
            b.add(
                _doc(
                    k.tools[0] if len(k.tools) == 1 else None,
                    "conclusion",
                    k.id,
                    "conclusions",
                    title,
                    (k.text,),
                    frozenset(k.tools),
                    _KIND_FACTOR["conclusion"],
                ),
                [(k.id, W_SUB, EXACT_SUB), (k.text, W_BODY, 0.0)],
            )

    # -- querying ----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._docs)

    @property
    def vocabulary_size(self) -> int:
        return len(self._postings)

    def _fuzzy(self, token: str) -> list[tuple[str, float]]:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        size = len(token)
        if size < _FUZZY_MIN:
            return []
        max_dist = 1 if size < 8 else 2
        found: list[tuple[str, float]] = []
        for n in range(size - max_dist, size + max_dist + 1):
            choices = self._by_len.get(n)
            if not choices:
                continue
            for term, dist, _ in process.extract(
                token, choices, scorer=OSA.distance, score_cutoff=max_dist, limit=_FUZZY_LIMIT
            ):
                found.append((term, 0.85 * (1.0 - dist / max(size, n))))
        found.sort(key=lambda tq: (-tq[1], tq[0]))
        return found[:_FUZZY_LIMIT]

    def _match(self, token: str, prefix: bool) -> list[tuple[str, float]]:
        """Index terms for one query token (whole, prefix, 초성), with a quality in (0, 1]."""
        out: dict[str, float] = {}
        if token in self._postings:
            out[token] = 1.0
        size = len(token)
        cap = _PREFIX_CAP if size > 2 else _PREFIX_CAP // (8 if size == 1 else 2)
        if _is_jamo_query(token):
            pattern = choseong(token)
            for key in self._choseong.keys_with_prefix(pattern)[:cap]:
                for term in self._cho.get(key, ()):
                    if term in out or not _jamo_fits(token, term):
                        continue
                    if len(term) == size:
                        out[term] = 0.9
                    elif prefix:
                        out[term] = 0.45 + 0.4 * size / len(term)
        elif prefix:
            for term in self._terms.keys_with_prefix(token)[:cap]:
                if term not in out:
                    out[term] = 0.5 + 0.4 * size / len(term)
        return list(out.items())

    def _accumulate(
        self, matches: list[tuple[str, float]], titles_only: bool = False
    ) -> dict[int, float]:
        """Each document's best score over the matched terms."""
        acc: dict[int, float] = {}
        for term, quality in matches:
            postings = self._title_postings(term) if titles_only else self._postings.get(term)
            if not postings:
                continue
            if not acc:
                if quality == 1.0:
                    acc = dict(postings)
                else:
                    acc = {d: w * quality for d, w in postings.items()}
                continue
            get = acc.get
            for d, w in postings.items():
                s = w * quality
                if s > get(d, 0.0):
                    acc[d] = s
        return acc

    def _split(self, token: str) -> tuple[dict[int, float], list[str]]:
        """A word written together that the content spaces ("로드밸런싱", "selfhealing"):
        the longest known word at the start plus a known word (or prefix) for the rest."""
        for cut in range(len(token) - 2, 1, -1):
            left = self._postings.get(token[:cut])
            if left is None:
                continue
            matches = self._match(token[cut:], prefix=True)
            if not matches:
                continue
            right = self._accumulate(matches)
            both = {d: (w + right[d]) * 0.5 for d, w in left.items() if d in right}
            if both:
                return both, [token[:cut], *(t for t, _ in matches)]
        return {}, []

    def _word(self, word: str, prefix: bool) -> tuple[dict[int, float], list[str], bool]:
        """Document scores for one query word, the terms that matched, and whether the word
        itself is an index term."""
        matches = self._match(word, prefix)
        if matches:
            scores = self._accumulate(matches, titles_only=len(word) == 1)
            return scores, [t for t, _ in matches], matches[0][1] == 1.0
        if len(word) >= 4:
            scores, terms = self._split(word)
            if scores:
                return scores, terms, False
        matches = self._fuzzy(word)
        return self._accumulate(matches), [t for t, _ in matches], False

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
        if not isinstance(query, str) or (limit is not None and limit < 1):
            return []
        if kind is not None and kind not in _KIND_RANK:
            return []
        if tool is not None and tool not in self._tool_rank:
            return []
        tokens = tokenize(normalize(query[:MAX_QUERY_CHARS]))[:MAX_QUERY_TOKENS]
        if not tokens:
            return []
        words = list(dict.fromkeys(tokens))
        position = {w: i for i, w in enumerate(words)}
        n = len(words)

        matched_terms: list[str] = []
        word_scores: list[dict[int, float]] = []
        as_written: list[bool] = []
        for i, word in enumerate(words):
            # Short Latin words other than the last one are taken whole ("to", "in").
            prefix = i == n - 1 or len(word) >= 3 or not word.isascii()
            scores, terms, whole = self._word(word, prefix)
            word_scores.append(scores)
            matched_terms.extend(terms)
            as_written.append(whole)

        # Adjacent query words, joined: the same phrase (or the same word spaced differently).
        pair_scores: list[tuple[int, int, dict[int, float]]] = []
        for a, b in pairwise(tokens):
            if a == b:
                continue
            ia, ib = position[a], position[b]
            matches = self._match(a + b, prefix=True)
            if not matches and not (as_written[ia] and as_written[ib]):
                matches = self._fuzzy(a + b)
            if matches:
                matched_terms.extend(t for t, _ in matches)
                pair_scores.append((ia, ib, self._accumulate(matches)))

        compact = "".join(tokens)
        exact = self._exact.get(compact) or (
            (self._cho_exact.get(compact) or {}) if _is_jamo_query(compact) else {}
        )

        # Words that name a tool (its name, id or alias) count for that tool's items.
        context: list[frozenset[str]] = []
        if n > 1:
            for scores in word_scores:
                context.append(
                    frozenset(
                        tid
                        for tid, di in self._tool_docs.items()
                        if scores.get(di, 0.0) >= W_ALIAS * 0.5
                    )
                )

        paired = {i for ia, ib, _ in pair_scores for i in (ia, ib)}
        effective = n if exact else sum(1 for i in range(n) if word_scores[i] or i in paired)
        if effective == 0:
            return []

        full = (1 << n) - 1
        kinds = self._kinds
        doc_tools = self._doc_tools
        factors = self._factors
        ranks = self._ranks
        shares = [min(1.0, k / effective) for k in range(n + 1)]
        named = any(context)
        filtered = kind is not None or tool is not None

        def rank(items: Iterable[tuple[int, float, int]]) -> list[tuple[int, int]]:
            """(score × 1000, -rank) of each (document, raw sum, words covered)."""
            ranked: list[tuple[int, int]] = []
            append = ranked.append
            for d, r, c in items:
                if filtered and (
                    (kind is not None and kinds[d] != kind)
                    or (tool is not None and tool not in doc_tools[d])
                ):
                    continue
                if c != full and named:
                    about = doc_tools[d]
                    for i in range(n):
                        if not c >> i & 1 and not about.isdisjoint(context[i]):
                            r += W_CONTEXT
                            c |= 1 << i
                share = shares[c.bit_count()]
                append((round(r * share * share * factors[d] * 1000), -ranks[d]))
            return ranked

        # Only the best `limit` are wanted. A document's score is at most its raw sum times
        # its share squared times 1000 (kind factors are at most 1), so with many candidates
        # the documents that can make it are scored first and those that cannot reach the
        # last of the best found are skipped. The result is the same as scoring them all.
        top: list[tuple[int, int]] | None = None
        many = limit is not None and sum(map(len, word_scores)) > 4 * limit + 32
        if many and limit is not None and n > 1 and not named:
            top = self._best_by_coverage(limit, rank, word_scores, pair_scores, exact, shares, full)
        if top is None:
            # Every candidate's raw sum, posting by posting, in the order a document-at-a-
            # time loop adds them (words, then phrases, then the exact bonus): the same sums.
            raw: dict[int, float] = {}
            covered: dict[int, int] = {}
            for i, scores in enumerate(word_scores):
                if not scores:
                    continue
                bit = 1 << i
                if not raw:
                    raw.update(scores)
                    covered = dict.fromkeys(scores, bit)
                    continue
                for d, s in scores.items():
                    if d in raw:
                        raw[d] += s
                        covered[d] |= bit
                    else:
                        raw[d] = s
                        covered[d] = bit
            for ia, ib, scores in pair_scores:
                both = (1 << ia) | (1 << ib)
                for d, s in scores.items():
                    c = covered.get(d, 0)
                    # The phrase bonus; a word found only inside the joined term counts too.
                    r = raw.get(d, 0.0) + s * PAIR_FACTOR
                    if not c >> ia & 1:
                        r += s * 0.5
                    if not c >> ib & 1:
                        r += s * 0.5
                    raw[d] = r
                    covered[d] = c | both
            for d, bonus in exact.items():
                if bonus:
                    raw[d] = raw.get(d, 0.0) + bonus
                    covered[d] = full
            if many and limit is not None and n == 1:
                top = self._best_by_raw(raw, covered, limit, rank)
            if top is None:
                ranked = rank((d, r, covered[d]) for d, r in raw.items())
                if limit is None or limit >= len(ranked):
                    top = sorted(ranked, reverse=True)
                else:
                    top = heapq.nlargest(limit, ranked)
        if not top:
            return []
        by_rank = self._by_rank
        get = self._postings.get
        found = [(t, get(t) or {}) for t in dict.fromkeys(matched_terms)]
        return [self._hit(by_rank[-neg_rank], score / 1000, found) for score, neg_rank in top]

    @staticmethod
    def _best_by_raw(
        raw: dict[int, float],
        covered: dict[int, int],
        limit: int,
        rank: Callable[[Iterable[tuple[int, float, int]]], list[tuple[int, int]]],
    ) -> list[tuple[int, int]]:
        """One word: every share is 1, so the score is at most the raw sum times 1000. Score
        the documents of highest raw sum; then only those whose bound reaches the last of
        the best found can still be in (or tie with it)."""
        best_raw = heapq.nlargest(4 * limit + 32, raw.items(), key=_SECOND)
        ranked = rank((d, r, covered[d]) for d, r in best_raw)
        if len(ranked) >= limit:
            floor = heapq.nlargest(limit, ranked)[-1][0]
            if round(best_raw[-1][1] * 1000) < floor:
                return heapq.nlargest(limit, ranked)
            items = [(d, r) for d, r in raw.items() if round(r * 1000) >= floor]
        else:
            items = list(raw.items())
        ranked = rank((d, r, covered[d]) for d, r in items)
        return heapq.nlargest(limit, ranked) if len(ranked) > limit else sorted(ranked)[::-1]

    @staticmethod
    def _best_by_coverage(
        limit: int,
        rank: Callable[[Iterable[tuple[int, float, int]]], list[tuple[int, int]]],
        word_scores: list[dict[int, float]],
        pair_scores: list[tuple[int, int, dict[int, float]]],
        exact: dict[int, float],
        shares: list[float],
        full: int,
    ) -> list[tuple[int, int]]:
        """Several words, none naming a tool: documents taken by how many of the words they
        contain, most first, a raw sum computed only for those that can still make it.

        A document found by a phrase or the exact bonus is scored first. One containing `k`
        words (and nothing else) has a raw sum of at most the `k` highest word maxima, and
        that bound, times the share of `k` words squared, only falls as `k` does.
        """
        special: set[int] = set(exact)
        for _, _, scores in pair_scores:
            special.update(scores)
        counts: Counter[int] = Counter()
        for scores in word_scores:
            counts.update(scores.keys())
        tiers: list[list[int]] = [[] for _ in range(len(word_scores) + 1)]
        for d, found in counts.items():
            tiers[found].append(d)
        maxima = sorted((max(s.values()) for s in word_scores if s), reverse=True)

        # Bound methods and bits looked up once: raw_of runs for hundreds of documents.
        word_gets = [(scores.get, 1 << i) for i, scores in enumerate(word_scores)]
        pair_gets = [(scores.get, 1 << ia, 1 << ib) for ia, ib, scores in pair_scores]

        def raw_of(d: int) -> tuple[int, float, int]:
            r = 0.0
            c = 0
            for get, bit in word_gets:
                s = get(d)
                if s:
                    r += s
                    c |= bit
            for get, bit_a, bit_b in pair_gets:
                s = get(d)
                if s:
                    r += s * PAIR_FACTOR
                    if not c & bit_a:
                        r += s * 0.5
                    if not c & bit_b:
                        r += s * 0.5
                    c |= bit_a | bit_b
            bonus = exact.get(d)
            if bonus:
                r += bonus
                c = full
            return d, r, c

        ranked = rank(map(raw_of, special))
        floor = heapq.nlargest(limit, ranked)[-1][0] if len(ranked) >= limit else None
        for found in range(len(word_scores), 0, -1):
            group = tiers[found]
            if not group:
                continue
            if floor is not None:
                share = shares[found]
                bound = sum(maxima[:found]) * (1 + 1e-9)  # a sum in another order may round up
                if round(bound * share * share * 1000) < floor:
                    break  # no document with this many words or fewer can make it
            if special:
                group = [d for d in group if d not in special]
            if found == 1 and len(group) > 4 * limit + 32:
                # One word each: the raw sum is that word's score. Take each word's best
                # documents; the rest of a word's documents score at most its next best.
                size = 4 * limit + 32
                lows = []
                more = list(ranked)
                for i, scores in enumerate(word_scores):
                    best = heapq.nlargest(size, scores.items(), key=_SECOND)
                    bit = 1 << i
                    ones = ((d, 0.0 + s, bit) for d, s in best if counts[d] == 1)
                    more.extend(rank((d, r, c) for d, r, c in ones if d not in special))
                    lows.append(best[-1][1] if len(best) == size else 0.0)
                if len(more) >= limit:
                    last = heapq.nlargest(limit, more)[-1][0]
                    sh = shares[1]
                    if round(max(lows) * sh * sh * 1000) < last:
                        ranked = more
                        break
                    # Ties at the last place: score only the documents that can reach it.
                    for i, scores in enumerate(word_scores):
                        bit = 1 << i
                        ones = (
                            (d, 0.0 + s, bit)
                            for d, s in scores.items()
                            if round(s * sh * sh * 1000) >= last and counts[d] == 1
                        )
                        ranked.extend(rank((d, r, c) for d, r, c in ones if d not in special))
                    break
            ranked.extend(rank(map(raw_of, group)))
            if len(ranked) >= limit:
                floor = heapq.nlargest(limit, ranked)[-1][0]
        return heapq.nlargest(limit, ranked) if len(ranked) > limit else sorted(ranked)[::-1]

    def _hit(self, d: int, score: float, terms: list[tuple[str, dict[int, float]]]) -> Hit:
        doc = self._docs[d]
        mine = tuple(t for t, postings in terms if d in postings)
        snippet = Text(
            _snippet(doc.snippet_sources("ko"), mine), _snippet(doc.snippet_sources("en"), mine)
        )
        return Hit(doc.tool, doc.kind, doc.id, doc.section, doc.title, snippet, score, mine)


_Prepared = tuple[str, str | None, list[int] | None]


def _prepare(text: str) -> _Prepared:
    """A body collapsed to one line, its normalised form (None when normalising changes the
    length, so offsets would not line up: "ß") and where its wide characters are."""
    text = _collapse(text)
    norm = normalize(text)
    return (text, norm if len(norm) == len(text) else None, _wide_positions(text))


def _snippet(bodies: tuple[_Prepared, ...], terms: tuple[str, ...]) -> str:
    """A window of the first body text that contains a matched term (else of the first)."""
    for text, norm, wide in bodies:
        if norm is None:
            continue
        positions = [p for p in (norm.find(t) for t in terms) if p >= 0]
        if positions:
            return _window(text, min(positions), wide=wide)
    return _window(bodies[0][0], 0, wide=bodies[0][2]) if bodies else ""


def _width(ch: str) -> int:
    """Terminal columns of one character (wide East Asian characters and emoji take two)."""
    o = ord(ch)
    if o < 0x1100:
        return 1
    if (
        o <= 0x115F
        or 0x2E80 <= o <= 0xA4CF
        or 0xAC00 <= o <= 0xD7A3
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFF60
        or 0xFFE0 <= o <= 0xFFE6
        or 0x1F300 <= o <= 0x1FAFF
        or 0x20000 <= o <= 0x3FFFD
    ):
        return 2
    return 1


# The characters `_width` counts as two columns, to find them in C (compiled on first use).
_WIDE_CLASS = (
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"
    "\uffe0-\uffe6\U0001f300-\U0001faff\U00020000-\U0003fffd]"
)
_wide: list[re.Pattern[str]] = []


def _wide_positions(text: str) -> list[int] | None:
    """Indexes of the characters of `text` that take two columns; None for ASCII text."""
    if text.isascii():
        return None
    if not _wide:
        _wide.append(re.compile(_WIDE_CLASS))
    return [m.start() for m in _wide[0].finditer(text)]


def _fit(text: str, start: int, width: int, wide: list[int] | None) -> int:
    """The end index of the longest `text[start:end]` that fits in `width` columns; `wide`
    is `_wide_positions(text)`."""
    end = min(len(text), start + width)  # no character is narrower than one column
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


def _window(
    text: str, pos: int, width: int = SNIPPET_WIDTH, wide: list[int] | None = _UNKNOWN
) -> str:
    """About `width` columns of `text` around `pos`, cut at spaces, with ellipses."""
    if wide is _UNKNOWN:
        wide = _wide_positions(text)
    if _fit(text, 0, width, wide) == len(text):
        return text
    start, used, lead = pos, 0, width // 4
    while start > 0 and used < lead:
        start -= 1
        used += _width(text[start])
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


def _str_int_map(value: Any) -> dict[str, int]:
    return {str(k): int(v) for k, v in value.items()}


def _str_str_map(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()}


def build_index(pack: Pack) -> SearchIndex:
    """Index every searchable thing of `pack`, in both languages. Build once, query often.

    For a pack loaded from files, the index is read from the pack cache when it holds one
    for exactly these files, and stored there when it is built.
    """
    from orchexplorer import cache

    origin = cache.origin(pack)
    if origin is None:
        return SearchIndex(pack)
    root, key, stat = origin
    found = cache.read_entry(root, "index", key=key)
    index = _from_cache(found[0]) if found else None
    if index is None:
        index = SearchIndex(pack)
        cache.write(root, "index", key, index.to_json(), stat)
    return index


def cached_index(root: str | os.PathLike[str] | None = None) -> SearchIndex | None:
    """The cached index of the pack at `root` (default: the shipped pack) if the cache holds
    one for exactly its current files, else None. Needs neither YAML nor the model."""
    from orchexplorer import loader

    found = loader.cached_entry(root, "index")
    return None if found is None else _from_cache(found[1])


def _from_cache(body: bytes) -> SearchIndex | None:
    try:
        return SearchIndex.from_json(body)
    except ValueError:
        return None
