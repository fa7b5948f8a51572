"""The index's tables: postings (term -> {document: weight}), the prefix tables that expand
a prefix to the best terms, the tables only some queries need (exact names, 초성 keys, the
typo vocabulary), and the builder that makes them all from a pack's documents.

Everything that depends only on the pack is computed here, once; tables a query may never
need are computed (or decoded, for an index read back by `codec`) on first use and kept.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Protocol

from orchexplorer.search.hits import KIND_RANK, Doc, Kind
from orchexplorer.search.text import BREAK, all_syllables, choseong, normalize, tokenize
from orchexplorer.search.weights import CHOSEONG_EXACT, W_SUB

if TYPE_CHECKING:
    from orchexplorer.model import Pack


class Both(Protocol):
    """Text of a field in every language it has (`LocalizedText.both`)."""

    def both(self) -> Iterator[str]: ...


#: A field's text, its weight and its exact bonus, as the builder takes them.
FieldText = tuple[Both | str | None, float, float]

PREFIX_CAP = 64  # index terms a prefix may expand to
_SHORT_PREFIX = 3  # prefixes up to this length are looked up once, best terms first
FUZZY_MIN = 4  # shorter query words are not typo-corrected


def encode_postings(postings: dict[int, float]) -> str:
    """`{doc: weight}` as text, grouped by weight, best first: "10.0:3,7;2.0:5"."""
    groups: dict[float, list[str]] = {}
    for d, w in postings.items():
        groups.setdefault(w, []).append(str(d))
    return ";".join(f"{w!r}:{','.join(ds)}" for w, ds in sorted(groups.items(), reverse=True))


def decode_postings(text: str, docs: int) -> dict[int, float]:
    """The inverse of `encode_postings`; raises ValueError for anything else."""
    out: dict[int, float] = {}
    for group in text.split(";"):
        weight, _, ids = group.partition(":")
        numbers = [int(d) for d in ids.split(",")]
        if min(numbers) < 0 or max(numbers) >= docs:
            raise ValueError("document out of range")
        out.update(dict.fromkeys(numbers, float(weight)))
    return out


class Postings:
    """term -> {doc: weight}. Built in memory, or given as encoded text (`encode_postings`)
    that is decoded for a term the first time a query reaches it."""

    __slots__ = ("_decoded", "_encoded", "docs")

    def __init__(
        self, decoded: dict[str, dict[int, float]], encoded: dict[str, str] | None = None
    ) -> None:
        self._decoded = decoded
        self._encoded = encoded or {}
        self.docs = 0  # the number of documents, to check encoded postings against

    def get(self, term: str) -> dict[int, float] | None:
        found = self._decoded.get(term)
        if found is None and self._encoded:
            text = self._encoded.get(term)
            if text is not None:
                try:
                    found = decode_postings(text, self.docs)
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
        return text if text is not None else encode_postings(self.get(term) or {})

    def encode_all(self) -> dict[str, str]:
        return {term: self.encoded(term) for term in self.terms()}


#: Reads a table by name the first time it is needed (None: not there).
TableLoader = Callable[[str], dict[str, Any] | None]


class Sections:
    """Tables that only some queries need (exact names, 초성 keys, typo vocabulary): built in
    memory, or read through `load` the first time a query needs them. A loaded table's
    shape is checked here."""

    def __init__(self, values: dict[str, Any], load: TableLoader | None = None) -> None:
        self._values = values
        self._load = load

    def _loaded(self, name: str) -> dict[str, Any]:
        raw = self._load(name) if self._load is not None else None
        return raw if isinstance(raw, dict) else {}

    def postings(self, name: str, docs: int) -> Postings:
        value = self._values.get(name)
        if not isinstance(value, Postings):
            value = self._values[name] = Postings({}, self._loaded(name))
            value.docs = docs
        return value

    def cho(self) -> dict[str, list[str]]:
        value = self._values.get("cho")
        if value is None:
            value = self._values["cho"] = self._loaded("cho")
        return value

    def cho_keys(self) -> list[str]:
        return list(self.cho())

    def by_len(self) -> dict[int, list[str]]:
        value = self._values.get("by_len")
        if value is None:
            raw = self._loaded("by_len")
            value = {int(n): v for n, v in raw.items() if isinstance(v, list)}
            self._values["by_len"] = value
        return value


class PrefixTable:
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
                        PREFIX_CAP, ordered[start:end], key=self._order
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
                found = heapq.nsmallest(PREFIX_CAP, self._range(prefix), key=self._order)
                self._short[prefix] = found
            return found
        lo = bisect.bisect_left(self._sorted, prefix)
        out: list[str] = []
        for key in self._sorted[lo : lo + PREFIX_CAP * 4]:
            if not key.startswith(prefix):
                break
            out.append(key)
        if len(out) > PREFIX_CAP:
            out = sorted(out, key=self._order)[:PREFIX_CAP]
        return out


class DocList(Protocol):
    """The index's documents: a list, or documents decoded when first shown (`codec`)."""

    def __len__(self) -> int: ...

    def __getitem__(self, d: int, /) -> Doc: ...

    def __iter__(self) -> Iterator[Doc]: ...


class Tables:
    """Everything a query reads. Per document (by number): kind, tools it is about, kind
    factor and tie-break rank; the documents themselves (titles and snippet sources, only
    read for the hits shown); postings; and the tables made on first use."""

    def __init__(
        self,
        *,
        tool_rank: dict[str, int],
        tool_docs: dict[str, int],
        factors: list[float],
        ranks: list[int],
        kinds: list[Kind],
        doc_tools: list[frozenset[str]],
        docs: DocList,
        postings: Postings,
        sections: Sections,
        short: dict[str, list[str]] | None = None,
        cho_short: dict[str, list[str]] | None = None,
    ) -> None:
        self.tool_rank = tool_rank  # tool id -> sidebar position
        self.tool_docs = tool_docs  # tool id -> its own document
        self.factors = factors
        self.ranks = ranks
        self.kinds = kinds
        self.doc_tools = doc_tools
        self.docs = docs
        self.postings = postings
        self.sections = sections
        postings.docs = len(docs)
        self.by_rank = [0] * len(docs)
        for i, rank in enumerate(ranks):
            self.by_rank[rank] = i
        self._titles: dict[str, dict[int, float]] = {}  # title-only postings, made on use
        self.terms = PrefixTable(postings.terms(), postings.best, short)
        cho_best: dict[str, float] = {}

        def best_of(key: str) -> float:
            found = cho_best.get(key)
            if found is None:
                found = cho_best[key] = max(
                    (postings.best(t) for t in self.cho.get(key, ())), default=0.0
                )
            return found

        self.choseong = PrefixTable(sections.cho_keys, best_of, cho_short)

    # Tables a query may not need, made (or decoded) on first use.

    @property
    def exact(self) -> Postings:
        return self.sections.postings("exact", len(self.docs))

    @property
    def cho_exact(self) -> Postings:
        return self.sections.postings("cho_exact", len(self.docs))

    @property
    def cho(self) -> dict[str, list[str]]:
        return self.sections.cho()

    @property
    def by_len(self) -> dict[int, list[str]]:
        return self.sections.by_len()

    def title_postings(self, term: str) -> dict[int, float] | None:
        """A one-letter query looks only at fields that name things."""
        found = self._titles.get(term)
        if found is None:
            postings = self.postings.get(term)
            found = {d: w for d, w in postings.items() if w >= W_SUB} if postings else {}
            self._titles[term] = found
        return found or None


class Builder:
    """Collects documents and the terms of their fields, then makes the `Tables`."""

    def __init__(self) -> None:
        self.docs: list[Doc] = []
        self.postings: dict[str, dict[int, float]] = {}
        self.exact: dict[str, dict[int, float]] = {}
        self.title_words: set[str] = set()  # single words of fields that name things
        self._normal: dict[str, str] = {}  # short texts (names, keywords, ids) repeat a lot

    def add(self, doc: Doc, fields: Iterable[FieldText]) -> None:
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
                for segment in BREAK.split(norm):
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

    def finish(self, tool_rank: dict[str, int]) -> Tables:
        """The tables of the documents added, `tool_rank` giving the tools' order."""
        docs = self.docs
        cho_exact: dict[str, dict[int, float]] = {}
        for compact, bonuses in self.exact.items():
            if all_syllables(compact):
                slot = cho_exact.setdefault(choseong(compact), {})
                for d, bonus in bonuses.items():
                    slot[d] = max(slot.get(d, 0.0), bonus * CHOSEONG_EXACT)

        order = sorted(
            range(len(docs)),
            key=lambda i: (
                KIND_RANK[docs[i].kind],
                tool_rank.get(docs[i].tool or "", -1),
                docs[i].id,
                i,
            ),
        )
        for rank, i in enumerate(order):
            docs[i].rank = rank

        cho: dict[str, list[str]] = {}
        for term in self.postings:
            if all_syllables(term):
                cho.setdefault(choseong(term), []).append(term)
        # Typos are corrected against the words of names, titles, aliases and keywords.
        by_len: dict[int, list[str]] = {}
        for term in sorted(self.title_words):
            if len(term) >= FUZZY_MIN - 2:
                by_len.setdefault(len(term), []).append(term)
        sections = Sections(
            {
                "exact": Postings(self.exact),
                "cho_exact": Postings(cho_exact),
                "cho": cho,
                "by_len": by_len,
            }
        )
        return Tables(
            tool_rank=tool_rank,
            tool_docs={d.id: i for i, d in enumerate(docs) if d.kind == "tool"},
            factors=[d.factor for d in docs],
            ranks=[d.rank for d in docs],
            kinds=[d.kind for d in docs],
            doc_tools=[d.tools for d in docs],
            docs=docs,
            postings=Postings(self.postings),
            sections=sections,
        )


def build(pack: Pack) -> Tables:
    """The tables of every document of `pack`."""
    # Only building needs the document tables; querying an index read back does not.
    from orchexplorer.search.documents import documents

    builder = Builder()
    for doc, fields in documents(pack):
        builder.add(doc, fields)
    return builder.finish({t.id: i for i, t in enumerate(pack.ordered_tools)})
