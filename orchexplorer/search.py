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

Performance: everything that depends only on the pack (normalised terms, postings, prefix
tables, 초성 keys, length buckets for typo search, collapsed snippet sources) is computed once
in `build_index`; a query touches only the postings of the terms it matches.

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
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal

from orchexplorer.model import Lang, LocalizedText, Pack, Tool

__all__ = [
    "KINDS",
    "MAX_QUERY_CHARS",
    "SECTIONS",
    "Hit",
    "Kind",
    "SearchIndex",
    "Section",
    "build_index",
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
_SHORT_PREFIX = 3  # prefixes up to this length are precomputed, best terms first
_FUZZY_MIN = 4  # shorter query words are not typo-corrected
_FUZZY_LIMIT = 6

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


def choseong(text: str) -> str:
    """The initial consonants of Hangul syllables; other characters are kept as they are."""
    out = []
    for ch in text:
        code = ord(ch)
        if _SYL_FIRST <= code <= _SYL_LAST:
            out.append(_CHOSEONG[(code - _SYL_FIRST) // 588])
        else:
            out.append(ch)
    return "".join(out)


def _all_syllables(text: str) -> bool:
    return all(_SYL_FIRST <= ord(ch) <= _SYL_LAST for ch in text)


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
    title: LocalizedText
    snippet: LocalizedText
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
    title: LocalizedText
    bodies: tuple[LocalizedText, ...]  # snippet sources, best first
    tools: frozenset[str]  # tools the document is about (for --tool and tool words)
    factor: float
    rank: int = 0  # position in tie-break order
    # Per language: each body collapsed to one line, and its normalised form (None when
    # normalising changes the length, so offsets would not line up: "ß", ligatures).
    prepared: dict[str, tuple[tuple[str, str | None], ...]] = field(default_factory=dict)


class _PrefixTable:
    """Keys that start with a prefix, best first (short prefixes precomputed)."""

    def __init__(self, keys: dict[str, list[str]], best: dict[str, float]) -> None:
        self._keys = keys
        self._sorted = sorted(keys)
        self._best = best
        short: dict[str, list[str]] = {}
        for key in self._sorted:
            for n in range(1, min(_SHORT_PREFIX, len(key)) + 1):
                short.setdefault(key[:n], []).append(key)
        self._short = {p: sorted(ks, key=self._order)[:_PREFIX_CAP] for p, ks in short.items()}

    def _order(self, key: str) -> tuple[float, int, str]:
        return (-self._best.get(key, 0.0), len(key), key)

    def keys_with_prefix(self, prefix: str) -> list[str]:
        if len(prefix) <= _SHORT_PREFIX:
            return self._short.get(prefix, [])
        lo = bisect.bisect_left(self._sorted, prefix)
        out: list[str] = []
        for key in self._sorted[lo : lo + _PREFIX_CAP * 4]:
            if not key.startswith(prefix):
                break
            out.append(key)
        if len(out) > _PREFIX_CAP:
            out = sorted(out, key=self._order)[:_PREFIX_CAP]
        return out

    def terms(self, key: str) -> list[str]:
        return self._keys.get(key, [])


class _Builder:
    def __init__(self) -> None:
        self.docs: list[_Doc] = []
        self.postings: dict[str, dict[int, float]] = {}
        self.exact: dict[str, dict[int, float]] = {}
        self.title_words: set[str] = set()  # single words of fields that name things

    def add(
        self,
        doc: _Doc,
        fields: Iterable[tuple[LocalizedText | str | None, float, float]],
    ) -> None:
        """`fields`: (text, weight, exact bonus) for each field of the document.

        Adjacent words are joined into one more term only in fields that name things (weight
        `W_SUB` and up): that is where spacing varies and phrases matter, and it keeps the
        vocabulary small for long descriptions and code.
        """
        idx = len(self.docs)
        self.docs.append(doc)
        for lang in ("ko", "en"):
            doc.prepared[lang] = tuple(_prepare(b.get(lang)) for b in doc.bodies if b.get(lang))
        terms: dict[str, float] = {}
        for value, weight, bonus in fields:
            if value is None:
                continue
            texts = [value] if isinstance(value, str) else list(dict.fromkeys(value.both()))
            for text in texts:
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


def _lt(ko: str, en: str) -> LocalizedText:
    return LocalizedText(ko=ko, en=en)


class SearchIndex:
    """An index of one pack. Build with `build_index`; immutable once built."""

    def __init__(self, pack: Pack) -> None:
        self._tool_rank = {t.id: i for i, t in enumerate(pack.ordered_tools)}
        b = _Builder()
        self._tool_docs: dict[str, int] = {}
        for tool in pack.ordered_tools:
            self._add_tool(b, tool)
        self._add_shared(b, pack)
        self._docs = b.docs
        self._postings = b.postings
        self._exact = b.exact
        # The same bonus, a little smaller, for the initial consonants of a Hangul name.
        cho_exact: dict[str, dict[int, float]] = {}
        for compact, bonuses in b.exact.items():
            if _all_syllables(compact):
                slot = cho_exact.setdefault(choseong(compact), {})
                for d, bonus in bonuses.items():
                    slot[d] = max(slot.get(d, 0.0), bonus * 0.9)
        self._cho_exact = cho_exact

        order = sorted(
            range(len(self._docs)),
            key=lambda i: (
                _KIND_RANK[self._docs[i].kind],
                self._tool_rank.get(self._docs[i].tool or "", -1),
                self._docs[i].id,
                i,
            ),
        )
        for rank, i in enumerate(order):
            self._docs[i].rank = rank

        best = {t: max(p.values()) for t, p in self._postings.items()}
        self._terms = _PrefixTable({t: [t] for t in self._postings}, best)
        # A one-letter query looks only at fields that name things.
        self._title_postings = {
            t: {d: w for d, w in p.items() if w >= W_SUB}
            for t, p in self._postings.items()
            if best[t] >= W_SUB
        }
        cho: dict[str, list[str]] = {}
        cho_best: dict[str, float] = {}
        for term in self._postings:
            if _all_syllables(term):
                key = choseong(term)
                cho.setdefault(key, []).append(term)
                cho_best[key] = max(cho_best.get(key, 0.0), best[term])
        self._choseong = _PrefixTable(cho, cho_best)
        # Typos are corrected against the words of names, titles, aliases and keywords.
        by_len: dict[int, list[str]] = {}
        for term in sorted(b.title_words):
            if len(term) >= _FUZZY_MIN - 2:
                by_len.setdefault(len(term), []).append(term)
        self._by_len = by_len

    # -- building ----------------------------------------------------------------------

    def _add_tool(self, b: _Builder, tool: Tool) -> None:
        tid = tool.id
        own = frozenset({tid})
        self._tool_docs[tid] = len(b.docs)
        b.add(
            _Doc(
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
                _Doc(
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
            bodies: tuple[LocalizedText, ...] = (u.description,) if u.description else ()
            b.add(
                _Doc(
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
                _Doc(
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
            code = LocalizedText(ko=e.code, en=e.code)
            bodies = (e.explanation, code) if e.explanation else (code,)
            b.add(
                _Doc(
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
                _Doc(tid, "note", n.id, "notes", title, bodies, own, _KIND_FACTOR["note"]),
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
            bodies: tuple[LocalizedText, ...] = (d.description,) if d.description else ()
            tools = frozenset(c for c in d.cells if c in known)
            b.add(
                _Doc(
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
                    _Doc(
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
                _Doc(
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
                    _Doc(
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
                _Doc(
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
                _Doc(
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
                for term in self._choseong.terms(key):
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
        source = self._title_postings if titles_only else self._postings
        acc: dict[int, float] = {}
        for term, quality in matches:
            postings = source.get(term)
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
            self._cho_exact.get(compact, {}) if _is_jamo_query(compact) else {}
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

        candidates: set[int] = set(exact)
        for scores in word_scores:
            candidates.update(scores)
        for _, _, scores in pair_scores:
            candidates.update(scores)

        docs = self._docs
        ranked: list[tuple[int, int]] = []
        full = (1 << n) - 1
        for d in candidates:
            doc = docs[d]
            if kind is not None and doc.kind != kind:
                continue
            if tool is not None and tool not in doc.tools:
                continue
            raw = 0.0
            covered = 0
            for i in range(n):
                s = word_scores[i].get(d)
                if s:
                    raw += s
                    covered |= 1 << i
            for ia, ib, scores in pair_scores:
                s = scores.get(d)
                if s:
                    # The phrase bonus; a word found only inside the joined term counts too.
                    raw += s * PAIR_FACTOR
                    if not covered >> ia & 1:
                        raw += s * 0.5
                    if not covered >> ib & 1:
                        raw += s * 0.5
                    covered |= (1 << ia) | (1 << ib)
            bonus = exact.get(d)
            if bonus:
                raw += bonus
                covered = full
            if covered != full and context:
                for i in range(n):
                    if not covered >> i & 1 and not doc.tools.isdisjoint(context[i]):
                        raw += W_CONTEXT
                        covered |= 1 << i
            share = min(1.0, covered.bit_count() / effective)
            ranked.append((round(raw * share * share * doc.factor * 1000), -doc.rank))
        if not ranked:
            return []
        if limit is None or limit >= len(ranked):
            top = sorted(ranked, reverse=True)
        else:
            top = heapq.nlargest(limit, ranked)
        by_rank = {docs[d].rank: d for d in candidates}
        terms = list(dict.fromkeys(matched_terms))
        return [self._hit(by_rank[-neg_rank], score / 1000, terms) for score, neg_rank in top]

    def _hit(self, d: int, score: float, terms: list[str]) -> Hit:
        doc = self._docs[d]
        mine = tuple(t for t in terms if d in self._postings.get(t, ()))
        snippet = _lt(_snippet(doc.prepared["ko"], mine), _snippet(doc.prepared["en"], mine))
        return Hit(doc.tool, doc.kind, doc.id, doc.section, doc.title, snippet, score, mine)


def _prepare(text: str) -> tuple[str, str | None]:
    text = _collapse(text)
    norm = normalize(text)
    return (text, norm if len(norm) == len(text) else None)


def _snippet(bodies: tuple[tuple[str, str | None], ...], terms: tuple[str, ...]) -> str:
    """A window of the first body text that contains a matched term (else of the first)."""
    for text, norm in bodies:
        if norm is None:
            continue
        positions = [p for p in (norm.find(t) for t in terms) if p >= 0]
        if positions:
            return _window(text, min(positions))
    return _window(bodies[0][0], 0) if bodies else ""


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


def _fit(text: str, start: int, width: int) -> int:
    """The end index of the longest `text[start:end]` that fits in `width` columns."""
    segment = text[start : start + width]  # no character is narrower than one column
    if segment.isascii():
        return start + len(segment)
    used = 0
    for i, ch in enumerate(segment):
        used += _width(ch)
        if used > width:
            return start + i
    return start + len(segment)


def _window(text: str, pos: int, width: int = SNIPPET_WIDTH) -> str:
    """About `width` columns of `text` around `pos`, cut at spaces, with ellipses."""
    if _fit(text, 0, width) == len(text):
        return text
    start, used, lead = pos, 0, width // 4
    while start > 0 and used < lead:
        start -= 1
        used += _width(text[start])
    if start > 0 and _fit(text, 0, width // 3) < pos:
        space = text.find(" ", start, pos)
        if space != -1:
            start = space + 1
    else:
        start = 0
    end = _fit(text, start, width - (2 if start else 1))
    if end < len(text):
        space = text.rfind(" ", start + (end - start) // 2, end)
        if space > 0:
            end = space
    body = text[start:end].strip().rstrip(",;:")
    return ("…" if start else "") + body + ("…" if end < len(text) else "")


def build_index(pack: Pack) -> SearchIndex:
    """Index every searchable thing of `pack`, in both languages. Build once, query often."""
    return SearchIndex(pack)
