"""The benchmarks' synthetic pack: it validates, and search and compare answer correctly on it.

Small sizes only (the benchmarks write the big ones); no timing is asserted here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from benchmarks.synthetic import dimension_ids, write_pack
from orchexplorer.compare import compare_tools
from orchexplorer.loader import load_pack
from orchexplorer.model import LANGS, Pack
from orchexplorer.search import SearchIndex, build_index


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synthetic") / "pack"
    info = write_pack(root, tools=2, features=50)
    assert info.files == 3 and info.features == 50
    return root


@pytest.fixture(scope="module")
def pack(synthetic: Path) -> Pack:
    return load_pack(synthetic)


@pytest.fixture(scope="module")
def index(pack: Pack) -> SearchIndex:
    return SearchIndex(pack)


def test_the_synthetic_pack_validates_with_what_was_asked(pack: Pack) -> None:
    counts = pack.counts()
    assert counts["tools"] == 2 and counts["features"] == 50
    assert [len(t.features) for t in pack.ordered_tools] == [25, 25]
    assert [d.id for d in pack.dimensions] == dimension_ids()
    for tool in pack.tools:
        for feature in tool.features:
            assert feature.title.complete and feature.description.complete
            assert len(feature.keywords) >= 3


def test_the_pack_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    write_pack(tmp_path / "a", tools=3, features=10, seed=7)
    write_pack(tmp_path / "b", tools=3, features=10, seed=7)
    write_pack(tmp_path / "c", tools=3, features=10, seed=8)
    a, b, c = (load_pack(tmp_path / n) for n in "abc")
    assert a == b
    assert a != c


def test_writing_refuses_a_directory_that_is_not_a_synthetic_pack(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="not a synthetic pack"):
        write_pack(tmp_path, tools=1, features=1)
    assert (tmp_path / "notes.txt").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_each_feature_first_by_its_title(
    pack: Pack, index: SearchIndex, lang: str
) -> None:
    for tool in pack.ordered_tools:
        for feature in tool.features[::6]:
            hits = index.search(feature.title.get(lang), limit=3)  # type: ignore[arg-type]
            assert hits, feature.title.get(lang)  # type: ignore[arg-type]
            assert (hits[0].tool, hits[0].kind, hits[0].id) == (tool.id, "feature", feature.id)


def test_search_finds_a_feature_by_its_made_up_name_and_its_prefix(
    pack: Pack, index: SearchIndex
) -> None:
    tool = pack.ordered_tools[1]
    feature = tool.features[3]
    name_en = feature.title.get("en").split()[0]  # the made-up product word starts each title
    name_ko = feature.title.get("ko").split()[0]
    for query in (name_en, name_en.lower()[:-1], name_ko):
        hits = index.search(query, limit=5, kind="feature")
        assert (tool.id, "feature", feature.id) in [h.key for h in hits], query


def test_the_cached_index_answers_like_the_built_one(synthetic: Path, pack: Pack) -> None:
    built = SearchIndex(pack)
    cached = SearchIndex.from_json(built.to_json())
    first = pack.ordered_tools[0].features[0]
    for query in (first.title.en, first.title.ko, "rolling update", "ㅋㅌㅇㄴ", "containr", "s"):
        for kw in ({"limit": None}, {"limit": 3}, {"limit": 10, "kind": "feature"}):
            want = built.search(query, **kw)  # type: ignore[arg-type]
            got = cached.search(query, **kw)  # type: ignore[arg-type]
            assert got == want, (query, kw)


def test_compare_marks_exactly_the_rows_that_differ(pack: Pack) -> None:
    first, second = pack.tool_ids
    matrix = compare_tools(pack, [first, second])
    rows = {row.id: row for row in matrix.rows}
    assert set(rows) == set(dimension_ids())
    for dim_id, row in rows.items():
        kind = dim_id.split("-")[0]
        if kind == "same":
            assert not row.differs, dim_id
            assert row.cells[0] == row.cells[1] is not None
        elif kind == "diff":
            assert row.differs, dim_id
            assert row.cells[0] is not None and row.cells[1] is not None
        else:  # part-: only the second tool (an even one) has a cell
            assert row.differs, dim_id
            assert row.cells[0] is None and row.cells[1] is not None
    only = compare_tools(pack, [first, second], only_differences=True)
    assert {r.id for r in only.rows} == {d for d in rows if not d.startswith("same-")}
    # The pack's comparison of its first two tools puts its dimensions first, in order.
    assert matrix.comparison is not None and matrix.comparison.id == "first-two"
    assert [r.id for r in matrix.rows[:6]] == dimension_ids()[:6]


def test_compare_of_tools_with_no_cells_in_a_row_does_not_show_it(tmp_path: Path) -> None:
    write_pack(tmp_path / "p", tools=3, features=6)
    pack = load_pack(tmp_path / "p")
    odd = [t.id for t in pack.ordered_tools][::2]  # tool-001 and tool-003: no part- cells
    rows = {row.id for row in compare_tools(pack, odd).rows}
    assert rows == {d for d in dimension_ids() if not d.startswith("part-")}


def test_build_index_of_a_loaded_pack_is_the_same_from_the_cache(synthetic: Path) -> None:
    pack = load_pack(synthetic)
    first = build_index(pack)  # built, then written to the cache
    again = build_index(load_pack(synthetic))  # read back from the cache
    assert again is not first
    query = pack.ordered_tools[1].features[-1].title.get("en")
    assert again.search(query) == first.search(query)


@pytest.fixture(scope="module")
def big_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Pack, SearchIndex]:
    root = tmp_path_factory.mktemp("synthetic-big") / "pack"
    write_pack(root, tools=4, features=400)
    big = load_pack(root)
    return big, SearchIndex(big)


@pytest.mark.parametrize("limit", [1, 5, 20])
def test_the_best_hits_are_the_first_of_all_hits(
    big_index: tuple[Pack, SearchIndex], limit: int
) -> None:
    # With a limit and many candidates, search skips documents that cannot make the best
    # `limit` (see SearchIndex.search): it must still return exactly the first of all hits.
    pack, index = big_index
    common = {}
    for lang in LANGS:
        words = Counter(
            word
            for tool in pack.tools
            for f in tool.features
            for word in set(f.description.get(lang).replace(".", "").split())
            if len(word) >= 3
        )
        common[lang] = [word for word, _ in words.most_common(6)]
    title = pack.ordered_tools[2].features[7].title
    queries = [
        common["en"][0],
        " ".join(common["en"][1:3]),
        " ".join(common["en"][2:6]),
        f"{title.get('en')} {common['en'][0]}",
        " ".join(common["ko"][:2]),
        f"{title.get('ko')} {common['ko'][1]}",
    ]
    for query in queries:
        every = index.search(query, limit=None)
        assert len(every) > 4 * limit + 32, query  # enough candidates to skip some
        best = index.search(query, limit=limit)
        assert [(h.kind, h.id, h.tool, h.score) for h in best] == [
            (h.kind, h.id, h.tool, h.score) for h in every[:limit]
        ], query
