"""Ranking: a query's words matched against the index's terms, and the documents that
match scored and ordered. See `orchexplorer.search` for the rules.

Every candidate's score is the same as a document-at-a-time loop would give; with many
candidates, `_best_by_raw` and `_best_by_coverage` skip documents that cannot reach the
best `limit` found so far, without changing the result.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import pairwise
from operator import itemgetter

from orchexplorer.search.hits import KIND_RANK, Hit, Text
from orchexplorer.search.postings import FUZZY_MIN, PREFIX_CAP, Tables
from orchexplorer.search.snippets import snippet
from orchexplorer.search.text import choseong, is_jamo_query, jamo_fits, normalize, tokenize
from orchexplorer.search.weights import PAIR_FACTOR, W_ALIAS, W_CONTEXT

MAX_QUERY_CHARS = 200
MAX_QUERY_TOKENS = 12
_FUZZY_LIMIT = 6

_SECOND = itemgetter(1)

#: (score × 1000, -rank) of each (document, raw sum, words covered), filtered.
_Rank = Callable[[Iterable[tuple[int, float, int]]], list[tuple[int, int]]]
#: Scores of adjacent query words found joined: (first word, second word, scores).
_Pairs = list[tuple[int, int, dict[int, float]]]


def _fuzzy(ix: Tables, token: str) -> list[tuple[str, float]]:
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    size = len(token)
    if size < FUZZY_MIN:
        return []
    max_dist = 1 if size < 8 else 2
    found: list[tuple[str, float]] = []
    for n in range(size - max_dist, size + max_dist + 1):
        choices = ix.by_len.get(n)
        if not choices:
            continue
        for term, dist, _ in process.extract(
            token, choices, scorer=OSA.distance, score_cutoff=max_dist, limit=_FUZZY_LIMIT
        ):
            found.append((term, 0.85 * (1.0 - dist / max(size, n))))
    found.sort(key=lambda tq: (-tq[1], tq[0]))
    return found[:_FUZZY_LIMIT]


def _match(ix: Tables, token: str, prefix: bool) -> list[tuple[str, float]]:
    """Index terms for one query token (whole, prefix, 초성), with a quality in (0, 1]."""
    out: dict[str, float] = {}
    if token in ix.postings:
        out[token] = 1.0
    size = len(token)
    cap = PREFIX_CAP if size > 2 else PREFIX_CAP // (8 if size == 1 else 2)
    if is_jamo_query(token):
        pattern = choseong(token)
        for key in ix.choseong.keys_with_prefix(pattern)[:cap]:
            for term in ix.cho.get(key, ()):
                if term in out or not jamo_fits(token, term):
                    continue
                if len(term) == size:
                    out[term] = 0.9
                elif prefix:
                    out[term] = 0.45 + 0.4 * size / len(term)
    elif prefix:
        for term in ix.terms.keys_with_prefix(token)[:cap]:
            if term not in out:
                out[term] = 0.5 + 0.4 * size / len(term)
    return list(out.items())


def _accumulate(
    ix: Tables, matches: list[tuple[str, float]], titles_only: bool = False
) -> dict[int, float]:
    """Each document's best score over the matched terms."""
    acc: dict[int, float] = {}
    for term, quality in matches:
        postings = ix.title_postings(term) if titles_only else ix.postings.get(term)
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


def _split(ix: Tables, token: str) -> tuple[dict[int, float], list[str]]:
    """A word written together that the content spaces ("로드밸런싱", "selfhealing"):
    the longest known word at the start plus a known word (or prefix) for the rest."""
    for cut in range(len(token) - 2, 1, -1):
        left = ix.postings.get(token[:cut])
        if left is None:
            continue
        matches = _match(ix, token[cut:], prefix=True)
        if not matches:
            continue
        right = _accumulate(ix, matches)
        both = {d: (w + right[d]) * 0.5 for d, w in left.items() if d in right}
        if both:
            return both, [token[:cut], *(t for t, _ in matches)]
    return {}, []


def _word(ix: Tables, word: str, prefix: bool) -> tuple[dict[int, float], list[str], bool]:
    """Document scores for one query word, the terms that matched, and whether the word
    itself is an index term."""
    matches = _match(ix, word, prefix)
    if matches:
        scores = _accumulate(ix, matches, titles_only=len(word) == 1)
        return scores, [t for t, _ in matches], matches[0][1] == 1.0
    if len(word) >= 4:
        scores, terms = _split(ix, word)
        if scores:
            return scores, terms, False
    matches = _fuzzy(ix, word)
    return _accumulate(ix, matches), [t for t, _ in matches], False


def search(
    ix: Tables,
    query: str,
    limit: int | None = 20,
    tool: str | None = None,
    kind: str | None = None,
) -> list[Hit]:
    """`SearchIndex.search` over the index's tables."""
    if not isinstance(query, str) or (limit is not None and limit < 1):
        return []
    if kind is not None and kind not in KIND_RANK:
        return []
    if tool is not None and tool not in ix.tool_rank:
        return []
    tokens = tokenize(normalize(query[:MAX_QUERY_CHARS]))[:MAX_QUERY_TOKENS]
    if not tokens:
        return []
    matched_terms: list[str] = []
    word_scores, pair_scores = _scores(ix, tokens, matched_terms)
    n = len(word_scores)

    compact = "".join(tokens)
    exact = ix.exact.get(compact) or (
        (ix.cho_exact.get(compact) or {}) if is_jamo_query(compact) else {}
    )

    # Words that name a tool (its name, id or alias) count for that tool's items.
    context: list[frozenset[str]] = []
    if n > 1:
        for scores in word_scores:
            context.append(
                frozenset(
                    tid for tid, di in ix.tool_docs.items() if scores.get(di, 0.0) >= W_ALIAS * 0.5
                )
            )

    paired = {i for ia, ib, _ in pair_scores for i in (ia, ib)}
    effective = n if exact else sum(1 for i in range(n) if word_scores[i] or i in paired)
    if effective == 0:
        return []

    full = (1 << n) - 1
    kinds = ix.kinds
    doc_tools = ix.doc_tools
    factors = ix.factors
    ranks = ix.ranks
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
        top = _best_by_coverage(limit, rank, word_scores, pair_scores, exact, shares, full)
    if top is None:
        raw, covered = _raw_sums(word_scores, pair_scores, exact, full)
        if many and limit is not None and n == 1:
            top = _best_by_raw(raw, covered, limit, rank)
        if top is None:
            ranked = rank((d, r, covered[d]) for d, r in raw.items())
            if limit is None or limit >= len(ranked):
                top = sorted(ranked, reverse=True)
            else:
                top = heapq.nlargest(limit, ranked)
    if not top:
        return []
    by_rank = ix.by_rank
    get = ix.postings.get
    found = [(t, get(t) or {}) for t in dict.fromkeys(matched_terms)]
    return [_hit(ix, by_rank[-neg_rank], score / 1000, found) for score, neg_rank in top]


def _scores(
    ix: Tables, tokens: list[str], matched_terms: list[str]
) -> tuple[list[dict[int, float]], _Pairs]:
    """Document scores for each distinct query word, and for each pair of adjacent words
    found joined (the same phrase, or the same word spaced differently) as (first word,
    second word, scores). The terms that matched are added to `matched_terms`."""
    words = list(dict.fromkeys(tokens))
    position = {w: i for i, w in enumerate(words)}
    n = len(words)
    word_scores: list[dict[int, float]] = []
    as_written: list[bool] = []
    for i, word in enumerate(words):
        # Short Latin words other than the last one are taken whole ("to", "in").
        prefix = i == n - 1 or len(word) >= 3 or not word.isascii()
        scores, terms, whole = _word(ix, word, prefix)
        word_scores.append(scores)
        matched_terms.extend(terms)
        as_written.append(whole)
    pair_scores: _Pairs = []
    for a, b in pairwise(tokens):
        if a == b:
            continue
        ia, ib = position[a], position[b]
        matches = _match(ix, a + b, prefix=True)
        if not matches and not (as_written[ia] and as_written[ib]):
            matches = _fuzzy(ix, a + b)
        if matches:
            matched_terms.extend(t for t, _ in matches)
            pair_scores.append((ia, ib, _accumulate(ix, matches)))
    return word_scores, pair_scores


def _raw_sums(
    word_scores: list[dict[int, float]], pair_scores: _Pairs, exact: dict[int, float], full: int
) -> tuple[dict[int, float], dict[int, int]]:
    """Every candidate's raw sum and the words it covers (bits), posting by posting, in the
    order a document-at-a-time loop adds them (words, then phrases, then the exact bonus):
    the same sums."""
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
    return raw, covered


def _best_by_raw(
    raw: dict[int, float],
    covered: dict[int, int],
    limit: int,
    rank: _Rank,
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


def _best_by_coverage(
    limit: int,
    rank: _Rank,
    word_scores: list[dict[int, float]],
    pair_scores: _Pairs,
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


def _hit(ix: Tables, d: int, score: float, terms: list[tuple[str, dict[int, float]]]) -> Hit:
    doc = ix.docs[d]
    mine = tuple(t for t, postings in terms if d in postings)
    shown = Text(snippet(doc.snippet_sources("ko"), mine), snippet(doc.snippet_sources("en"), mine))
    return Hit(doc.tool, doc.kind, doc.id, doc.section, doc.title, shown, score, mine)
