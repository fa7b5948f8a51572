"""Search over a pack: an index built once, queried as you type. Pure logic: no Textual, no
file I/O (the pack cache keeps an index through `orchexplorer.index_cache`).

`build_index(pack)` turns every searchable thing of a pack into a document: tools (names,
aliases), features, use cases, components, examples (title, explanation, code), notes,
dimensions and each tool's cell of a dimension, concepts and each tool's cell of a concept,
relations and conclusions. Both languages go into the same document, so a Korean query finds
a result shown in English and the reverse. `SearchIndex.search(query)` returns ranked `Hit`s.

The modules, each with one job:

- `text`: normalisation, tokens and Hangul initial consonants (초성);
- `documents`: which fields of which model objects become which kind of document, with
  which weight (tables, walked by one loop);
- `weights`: field weights, bonuses, the preference between kinds;
- `postings`: the index's tables and the builder that makes them;
- `codec`: the index as bytes and back, decoded lazily;
- `ranking`: matching query words to terms, scoring and ordering documents;
- `snippets`: the window of text a hit shows, and the spans to highlight;
- `scope`: a scope written in the query (`swarm:rolling`, `k8s,swarm:secret`);
- `hits`: what a search returns; `index`: `SearchIndex`, tying them together.

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
postings, a body's normalised snippet text) are computed on first use and kept. An index
written with `SearchIndex.to_json` is read back with its postings decoded only when a query
reaches them, so a large pack's index is read back in a fraction of the time it takes to
build.

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

from orchexplorer.search.hits import KINDS, SECTIONS, Hit, Kind, Section, Text
from orchexplorer.search.index import SearchIndex, build_index
from orchexplorer.search.ranking import MAX_QUERY_CHARS
from orchexplorer.search.scope import ScopedQuery, split_scope
from orchexplorer.search.snippets import highlight_spans
from orchexplorer.search.text import choseong, normalize, tokenize

__all__ = [
    "KINDS",
    "MAX_QUERY_CHARS",
    "SECTIONS",
    "Hit",
    "Kind",
    "ScopedQuery",
    "SearchIndex",
    "Section",
    "Text",
    "build_index",
    "choseong",
    "highlight_spans",
    "normalize",
    "split_scope",
    "tokenize",
]
