"""The comparison logic (orchexplorer.compare) and the compare command's renderers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orchexplorer.commands.compare import (
    concepts_json,
    examples_json,
    hard_wrap,
    matrix_json,
    matrix_markdown,
    matrix_table,
    wrap,
)
from orchexplorer.compare import (
    LEVELS,
    Row,
    TooFewToolsError,
    ToolExample,
    UnknownToolError,
    cells_equal,
    common_apps,
    compare_concepts,
    compare_tools,
    diff_example_set,
    diff_lines,
    example_apps,
    level_info,
    level_label,
    matching_comparison,
    pick_examples,
    resolve_tools,
)
from orchexplorer.model import SUPPORT_LEVELS, Cell, Pack
from orchexplorer.termtext import cell_width

SEED = Path(__file__).parent / "data" / "seed.txt"
SEED_NAMES = {
    "Docker": "docker",
    "Docker Compose": "compose",
    "Docker Swarm": "swarm",
    "Kubernetes": "kubernetes",
}
SEED_IDS = {
    "역할": "role",
    "기능": "function",
    "목표": "goal",
    "복잡성": "complexity",
    "구성 요소": "components",
    "확장성": "scalability",
    "사용 사례": "use-cases",
    "주요 목적": "purpose",
    "클러스터링 지원": "clustering",
    "서비스 디스커버리": "service-discovery",
    "로드 밸런싱": "load-balancing",
    "롤링 업데이트": "rolling-updates",
}


# --------------------------------------------------------------------------------------
# Packs built in the tests


def seed_tables() -> list[tuple[list[str], list[list[str]]]]:
    """The seed's markdown tables as (header, body rows), `**` stripped."""
    tables: list[list[str]] = []
    current: list[str] = []
    for line in [*SEED.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    parsed = []
    for table in tables:
        rows = [
            [c.strip().replace("**", "") for c in ln.strip().strip("|").split("|")] for ln in table
        ]
        assert set(rows[1][0]) == {"-"}  # the separator row
        parsed.append((rows[0], rows[2:]))
    return parsed


def _tool(tool_id: str, name: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": tool_id,
        "name": name,
        "kind": "tool",
        "tagline": f"{name} tagline",
        "summary": f"{name} summary",
        **extra,
    }


def seed_pack() -> Pack:
    """A pack made from the seed's two tables, the way the shipped content models them: a
    dimension per row label, and a second dimension where a later table gives a tool a
    different text for the same label."""
    tools = [
        _tool("docker", "Docker", order=1),
        _tool("compose", "Docker Compose", order=2, aliases=["docker-compose"]),
        _tool("swarm", "Docker Swarm", order=3),
        _tool("kubernetes", "Kubernetes", order=4, aliases=["k8s", "쿠버네티스"]),
    ]
    dims: dict[str, dict[str, Any]] = {}
    comparisons = []
    order = 0
    for n, (header, body) in enumerate(seed_tables()):
        ids = [SEED_NAMES[h] for h in header[1:]]
        dim_ids = []
        for label, *cells in body:
            dim_id = SEED_IDS[label]
            new = {tid: text for tid, text in zip(ids, cells, strict=True)}
            existing = dims.get(dim_id)
            if existing is not None and any(
                tid in existing["cells"] and existing["cells"][tid]["text"]["ko"] != text
                for tid, text in new.items()
            ):
                dim_id += "-2"
                existing = None
            if existing is None:
                order += 1
                existing = dims[dim_id] = {
                    "id": dim_id,
                    "title": {"ko": label, "en": f"EN {label}"},
                    "order": order,
                    "cells": {},
                }
            for tid, text in new.items():
                existing["cells"][tid] = {"text": {"ko": text, "en": f"EN {text}"}}
            dim_ids.append(dim_id)
        comparisons.append(
            {
                "id": ["docker-vs-kubernetes", "compose-swarm-kubernetes"][n],
                "title": f"table {n + 1}",
                "tools": ids,
                "dimensions": dim_ids,
            }
        )
    return Pack.model_validate(
        {"tools": tools, "dimensions": list(dims.values()), "comparisons": comparisons}
    )


def _cell(ko: str, en: str | None = None, level: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"text": {"ko": ko, "en": en if en is not None else ko}}
    if level is not None:
        data["level"] = level
    return data


def small_pack() -> Pack:
    """Hand-made: three tools and dimensions with known equalities."""
    return Pack.model_validate(
        {
            "tools": [_tool("alpha", "Alpha"), _tool("beta", "Beta"), _tool("gamma", "Gamma")],
            "dimensions": [
                {
                    "id": "same",
                    "title": "같음",
                    "order": 5,
                    "cells": {
                        "alpha": _cell("가", "a", "full"),
                        "beta": _cell("가", "a", "full"),
                    },
                },
                {
                    "id": "en-differs",
                    "title": "영어만 다름",
                    "order": 1,
                    "cells": {"alpha": _cell("가", "a"), "beta": _cell("가", "b")},
                },
                {
                    "id": "level-differs",
                    "title": "수준만 다름",
                    "order": 3,
                    "cells": {
                        "alpha": _cell("가", "a", "basic"),
                        "beta": _cell("가", "a", "full"),
                    },
                },
                {
                    "id": "missing",
                    "title": "한쪽만",
                    "order": 3,  # ties with level-differs: then by id
                    "cells": {"alpha": _cell("가")},
                },
                {
                    "id": "spaces",
                    "title": "공백",
                    "order": 2,
                    "cells": {
                        "alpha": _cell("가  나\n다", "a  b"),
                        "beta": _cell("가 나 다", "a b"),
                    },
                },
                {
                    "id": "gamma-only",
                    "title": "감마만",
                    "order": 0,
                    "cells": {"gamma": _cell("다")},
                },
                {
                    "id": "noted",
                    "title": "메모",
                    "order": 9,
                    "cells": {
                        "alpha": {**_cell("가"), "note": {"ko": "메모 1", "en": "note 1"}},
                        "beta": {**_cell("가"), "note": {"ko": "메모 2", "en": "note 2"}},
                    },
                },
            ],
            "comparisons": [
                {
                    "id": "alpha-gamma",
                    "title": "Alpha / Gamma",
                    "tools": ["gamma", "alpha"],
                    "dimensions": ["noted", "same"],
                }
            ],
            "concepts": [
                {
                    "id": "unit",
                    "title": {"ko": "배포 단위", "en": "Unit of deployment"},
                    "order": 2,
                    "cells": {
                        "alpha": {"term": "service", "text": "A service"},
                        "beta": {"term": "Deployment", "text": "A Deployment"},
                    },
                },
                {
                    "id": "network",
                    "title": "네트워크",
                    "order": 1,
                    "cells": {
                        "alpha": {"term": "network", "text": "overlay"},
                        "beta": {"term": "network", "text": "overlay"},
                    },
                },
                {
                    "id": "gamma-concept",
                    "title": "감마 개념",
                    "cells": {"gamma": {"term": "thing", "text": "thing"}},
                },
            ],
        }
    )


def example_pack(codes: dict[str, list[tuple[str, str]]]) -> Pack:
    return Pack.model_validate(
        {
            "tools": [
                _tool(
                    tid,
                    tid.title(),
                    examples=[{"id": eid, "title": eid, "code": code} for eid, code in exs],
                )
                for tid, exs in codes.items()
            ]
        }
    )


# --------------------------------------------------------------------------------------
# Support levels


def test_every_support_level_has_symbol_words_and_style() -> None:
    assert list(LEVELS) == list(SUPPORT_LEVELS)
    symbols = set()
    for rank, level in enumerate(SUPPORT_LEVELS):
        info = level_info(level)
        assert info is not None
        assert info.rank == rank
        assert info.style == f"level-{level}"
        assert info.symbol and info.word.ko and info.word.en
        assert info.word.ko != info.word.en
        symbols.add(info.symbol)
    assert len(symbols) == len(SUPPORT_LEVELS)  # told apart without colour
    assert level_label("full", "ko") == "● 완전"
    assert level_label("none", "en") == "✗ none"
    assert level_label(None, "en") == ""
    assert level_info(None) is None


# --------------------------------------------------------------------------------------
# differs


def test_cells_equal_compares_both_languages_and_level() -> None:
    def cell(ko: str, en: str, level: str | None = None) -> Cell:
        return Cell.model_validate(_cell(ko, en, level))

    assert cells_equal([cell("가", "a"), cell("가", "a")])
    assert not cells_equal([cell("가", "a"), cell("가", "b")])  # English differs
    assert not cells_equal([cell("가", "a"), cell("나", "a")])  # Korean differs
    assert not cells_equal([cell("가", "a", "basic"), cell("가", "a", "full")])
    assert not cells_equal([cell("가", "a", "basic"), cell("가", "a")])
    assert cells_equal([cell("가  나", "a\nb"), cell("가 나", "a b")])  # whitespace runs
    assert cells_equal([None, None])  # missing equals missing
    assert not cells_equal([cell("가", "a"), None])  # missing differs from present
    assert not cells_equal([cell("가", "a"), cell("가", "a"), cell("가", "c")])


def test_small_pack_rows_and_differs() -> None:
    matrix = compare_tools(small_pack(), ["alpha", "beta"])
    assert matrix.comparison is None
    # no comparison for {alpha, beta}: dimensions with a cell for alpha or beta, by order, id
    assert [r.id for r in matrix.rows] == [
        "en-differs",
        "spaces",
        "level-differs",
        "missing",
        "same",
        "noted",
    ]
    differs = {r.id: r.differs for r in matrix.rows}
    assert differs == {
        "en-differs": True,
        "spaces": False,
        "level-differs": True,
        "missing": True,
        "same": False,
        "noted": False,  # notes are not compared
    }
    missing = next(r for r in matrix.rows if r.id == "missing")
    assert missing.cells[1] is None
    assert matrix.cell(missing, "alpha") is not None
    assert matrix.differing == 3


def test_seed_swarm_and_kubernetes_agree_on_clustering_and_discovery() -> None:
    matrix = compare_tools(seed_pack(), ["swarm", "kubernetes"])
    differs = {r.id: r.differs for r in matrix.rows}
    assert differs["clustering"] is False
    assert differs["service-discovery"] is False
    assert differs["load-balancing"] is True
    assert differs["rolling-updates"] is True
    # and with Compose added, they no longer agree
    three = compare_tools(seed_pack(), ["compose", "swarm", "kubernetes"])
    assert {r.id: r.differs for r in three.rows}["service-discovery"] is True


@pytest.mark.parametrize("tools", [["swarm", "kubernetes"], ["alpha", "beta"]])
def test_only_differences_drops_exactly_the_equal_rows(tools: list[str]) -> None:
    pack = small_pack() if "alpha" in tools else seed_pack()
    full = compare_tools(pack, tools)
    only = compare_tools(pack, tools, only_differences=True)
    assert any(not r.differs for r in full.rows)  # there is something to drop
    assert [r.id for r in only.rows] == [r.id for r in full.rows if r.differs]
    assert all(r.differs for r in only.rows)
    assert only.only_differences and not full.only_differences
    assert full.with_only_differences() == only


def test_only_differences_keeps_every_row_when_all_differ() -> None:
    full = compare_tools(seed_pack(), ["docker", "kubernetes"])
    only = compare_tools(seed_pack(), ["docker", "kubernetes"], only_differences=True)
    assert full.rows and all(r.differs for r in full.rows)
    assert only.rows == full.rows


# --------------------------------------------------------------------------------------
# Row order and tool order


def test_matching_comparison_rows_come_first_in_its_order() -> None:
    pack = seed_pack()
    comparison = matching_comparison(pack, ["kubernetes", "docker"])
    assert comparison is not None and comparison.id == "docker-vs-kubernetes"
    matrix = compare_tools(pack, ["kubernetes", "docker"])
    assert matrix.comparison == comparison
    assert matrix.tool_ids == ["kubernetes", "docker"]  # the user's order
    n = len(comparison.dimensions)
    assert [r.id for r in matrix.rows[:n]] == comparison.dimensions
    assert all(r.in_comparison for r in matrix.rows[:n])
    rest = matrix.rows[n:]
    assert rest and not any(r.in_comparison for r in rest)
    keys = [(r.dimension.order, r.id) for r in rest]
    assert keys == sorted(keys)
    # every other dimension with a Docker or Kubernetes cell, and only those
    expected = {
        d.id
        for d in pack.dimensions
        if d.id not in comparison.dimensions and {"docker", "kubernetes"} & set(d.cells)
    }
    assert {r.id for r in rest} == expected
    # cells follow the user's tool order
    role = matrix.rows[0]
    assert (
        role.cells[0] is not None
        and role.cells[0].text.ko == "컨테이너화된 애플리케이션의 오케스트레이션 및 관리"
    )
    assert role.cells[1] is not None and role.cells[1].text.ko == "컨테이너 생성 및 관리"


def test_comparison_order_overrides_dimension_order() -> None:
    matrix = compare_tools(small_pack(), ["alpha", "gamma"])
    assert matrix.comparison is not None and matrix.comparison.id == "alpha-gamma"
    # "noted" (order 9) and "same" (order 5) first in the comparison's order, then the rest
    assert [r.id for r in matrix.rows] == [
        "noted",
        "same",
        "gamma-only",
        "en-differs",
        "spaces",
        "level-differs",
        "missing",
    ]
    assert [r.in_comparison for r in matrix.rows[:3]] == [True, True, False]


def test_tool_errors_and_duplicates() -> None:
    pack = small_pack()
    with pytest.raises(UnknownToolError) as err:
        compare_tools(pack, ["alpha", "nope"])
    assert err.value.name == "nope" and "alpha" in err.value.known
    with pytest.raises(TooFewToolsError):
        compare_tools(pack, ["alpha"])
    with pytest.raises(TooFewToolsError):
        compare_tools(pack, ["alpha", "alpha"])
    assert compare_tools(pack, ["beta", "alpha", "beta"]).tool_ids == ["beta", "alpha"]


def test_resolve_tools_ids_aliases_names_commas() -> None:
    pack = seed_pack()
    assert resolve_tools(pack, ["compose,swarm,kubernetes"]) == ["compose", "swarm", "kubernetes"]
    assert resolve_tools(pack, ["K8S", " docker , "]) == ["kubernetes", "docker"]
    assert resolve_tools(pack, ["Docker Swarm", "쿠버네티스"]) == ["swarm", "kubernetes"]
    assert resolve_tools(pack, ["kubernetes", "k8s", "docker"]) == ["kubernetes", "docker"]
    with pytest.raises(UnknownToolError) as err:
        resolve_tools(pack, ["docker,podman"])
    assert err.value.name == "podman"


# --------------------------------------------------------------------------------------
# Exports


def _md_rows(markdown: str) -> list[list[str]]:
    rows = []
    for line in markdown.splitlines():
        assert line.startswith("| ") and line.endswith(" |"), line
        rows.append([c.strip().replace("**", "") for c in line[2:-2].split(" | ")])
    return rows


@pytest.mark.parametrize("table", [0, 1])
def test_markdown_reproduces_the_seed_tables(table: int) -> None:
    header, body = seed_tables()[table]
    tool_ids = [SEED_NAMES[h] for h in header[1:]]
    matrix = compare_tools(seed_pack(), tool_ids)
    rows = _md_rows(matrix_markdown(matrix, "ko"))
    assert rows[0] == header  # | 특징 | Docker | Kubernetes |
    assert set(rows[1]) == {"---"}
    # the seed's rows first, in the seed's order, every label and cell as written
    assert rows[2 : 2 + len(body)] == body
    for label, *cells in body:
        assert [label, *cells] in rows


def test_markdown_escapes_pipes_and_newlines() -> None:
    pack = Pack.model_validate(
        {
            "tools": [_tool("a", "A|1"), _tool("b", "B")],
            "dimensions": [
                {
                    "id": "d",
                    "title": "x | y",
                    "cells": {"a": _cell("one | two\nthree"), "b": _cell("b")},
                }
            ],
        }
    )
    text = matrix_markdown(compare_tools(pack, ["a", "b"]), "en")
    lines = text.splitlines()
    assert lines[0] == "| **Feature** | **A\\|1** | **B** |"
    assert lines[2] == "| **x \\| y** | one \\| two three | b |"


def test_json_shape() -> None:
    matrix = compare_tools(small_pack(), ["beta", "alpha"])
    data = matrix_json(matrix, "en")
    json.dumps(data)  # serialisable
    assert set(data) == {"tools", "rows"}
    assert data["tools"] == ["beta", "alpha"]
    assert len(data["rows"]) == len(matrix.rows)
    for row in data["rows"]:
        assert set(row) == {"id", "title", "values", "levels", "notes", "note_sources", "differs"}
        assert list(row["values"]) == ["beta", "alpha"]
        assert isinstance(row["differs"], bool)
    by_id = {r["id"]: r for r in data["rows"]}
    assert by_id["en-differs"]["values"] == {"beta": "b", "alpha": "a"}
    assert by_id["level-differs"]["levels"] == {"beta": "full", "alpha": "basic"}
    assert by_id["missing"]["values"] == {"beta": None, "alpha": "가"}
    assert by_id["missing"]["levels"] == {"beta": None, "alpha": None}
    assert by_id["noted"]["notes"] == {"beta": "note 2", "alpha": "note 1"}
    assert by_id["same"]["differs"] is False and by_id["missing"]["differs"] is True
    assert by_id["same"]["title"] == "같음"  # a plain string title serves both languages


def test_table_fits_the_width_and_marks_rows() -> None:
    matrix = compare_tools(seed_pack(), ["compose", "swarm", "kubernetes"])
    for width in (60, 80, 100, 140):
        text = matrix_table(matrix, "ko", width)
        lines = text.splitlines()
        assert max(cell_width(ln) for ln in lines) <= width, width
    text = matrix_table(matrix, "ko", 200)
    assert "네이티브 서비스 디스커버리 제공" in text
    marked = [ln for ln in text.splitlines() if ln.startswith(("≠ │", "= │"))]
    assert len(marked) == len(matrix.rows)
    assert sum(ln.startswith("≠") for ln in marked) == matrix.differing


def test_table_shows_level_symbol_and_word() -> None:
    text = matrix_table(compare_tools(small_pack(), ["alpha", "beta"]), "en", 80)
    assert "◑ basic" in text and "● full" in text
    assert "note 1" in text
    ko = matrix_table(compare_tools(small_pack(), ["alpha", "beta"]), "ko", 80)
    assert "◑ 기본" in ko and "● 완전" in ko


# --------------------------------------------------------------------------------------
# Concepts


def test_concepts_rows_and_differs() -> None:
    matrix = compare_concepts(small_pack(), ["alpha", "beta"])
    assert [r.id for r in matrix.rows] == ["network", "unit"]  # by order; gamma's left out
    assert [r.differs for r in matrix.rows] == [False, True]
    only = compare_concepts(small_pack(), ["alpha", "beta"], only_differences=True)
    assert [r.id for r in only.rows] == ["unit"]
    assert matrix.with_only_differences() == only
    data = concepts_json(matrix, "en")
    assert data["rows"][1]["terms"] == {"alpha": "service", "beta": "Deployment"}
    assert data["rows"][1]["title"] == "Unit of deployment"
    with_gamma = compare_concepts(small_pack(), ["alpha", "gamma"])
    assert {r.id: r.differs for r in with_gamma.rows} == {
        "network": True,  # gamma has no cell: differs from alpha's
        "unit": True,
        "gamma-concept": True,
    }


# --------------------------------------------------------------------------------------
# Example diffs


def test_diff_lines_exact_tags() -> None:
    left = "services:\n  web:\n    image: nginx\n  db:\n    image: mysql\n"
    right = "services:\n  web:\n    image: nginx:1.27\n    replicas: 2\n  db:\n    image: mysql\n"
    rows = diff_lines(left, right)
    assert [(r.left, r.right, r.tag) for r in rows] == [
        ("services:", "services:", "equal"),
        ("  web:", "  web:", "equal"),
        ("    image: nginx", "    image: nginx:1.27", "replace"),
        (None, "    replicas: 2", "insert"),
        ("  db:", "  db:", "equal"),
        ("    image: mysql", "    image: mysql", "equal"),
    ]
    assert [(r.left_no, r.right_no) for r in rows] == [
        (1, 1),
        (2, 2),
        (3, 3),
        (None, 4),
        (4, 5),
        (5, 6),
    ]


def test_diff_lines_delete_insert_and_uneven_replace() -> None:
    rows = diff_lines("a\nb\nc\nd", "a\nX\nd\ne")
    assert [(r.left, r.right, r.tag) for r in rows] == [
        ("a", "a", "equal"),
        ("b", "X", "replace"),
        ("c", None, "delete"),
        ("d", "d", "equal"),
        (None, "e", "insert"),
    ]
    assert [r.tag for r in diff_lines("", "x\ny")] == ["insert", "insert"]
    assert [r.tag for r in diff_lines("x\ny", "")] == ["delete", "delete"]
    assert diff_lines("same\n", "same") == diff_lines("same", "same")


def test_pick_examples_by_common_app() -> None:
    pack = example_pack(
        {
            "compose": [("hello", "x"), ("web-db", "services:\n  web: {}\n")],
            "swarm": [("init", "docker swarm init"), ("stack-web-db", "services:\n  web: {}\n")],
            "kubernetes": [("web-db-manifests", "kind: Deployment\n"), ("web", "kind: Pod")],
            "docker": [("build", "docker build .")],
        }
    )
    assert example_apps("stack-web-db") >= {"web-db", "stack", "stack-web-db"}
    assert "stack-db" not in example_apps("stack-web-db")  # only runs of adjacent words
    assert common_apps(pack, ["compose", "swarm", "kubernetes"])[0] == "web-db"
    picked = pick_examples(pack, ["kubernetes", "compose", "swarm", "docker"])
    assert [(p.tool.id, p.example.id) for p in picked] == [
        ("kubernetes", "web-db-manifests"),
        ("compose", "web-db"),
        ("swarm", "stack-web-db"),
    ]
    # an explicit app; kubernetes' closest match for "web" is "web", not "web-db-manifests"
    web = pick_examples(pack, ["compose", "kubernetes"], app="web")
    assert [p.example.id for p in web] == ["web-db", "web"]
    assert pick_examples(pack, ["docker", "compose"]) == []

    diffs = diff_example_set(picked)
    assert [(d.left.tool.id, d.right.tool.id) for d in diffs] == [
        ("kubernetes", "compose"),
        ("compose", "swarm"),
    ]
    assert diffs[1].changed == 0 and diffs[1].ratio == 1.0
    assert diffs[0].changed > 0 and diffs[0].ratio < 1.0
    data = examples_json(diffs, ["kubernetes", "compose", "swarm"], "web-db")
    assert data["diffs"][1]["rows"][0] == {
        "tag": "equal",
        "left": "services:",
        "right": "services:",
        "left_no": 1,
        "right_no": 1,
    }


def test_tool_example_is_plain_data() -> None:
    pack = example_pack({"a": [("x", "1")], "b": [("x", "2")]})
    ta = pack.tool("a")
    assert ta is not None
    pair = ToolExample(ta, ta.examples[0])
    assert pair.example.code == "1"


# --------------------------------------------------------------------------------------
# Width and wrapping


def test_text_width_counts_korean_as_two_columns() -> None:
    assert cell_width("abc") == 3
    assert cell_width("컨테이너") == 8
    assert cell_width("Docker 엔진") == 11
    assert cell_width("e\u0301") == 1  # a combining accent takes no column


def test_wrap_korean_by_columns() -> None:
    assert wrap("컨테이너 생성 및 관리", 10) == ["컨테이너", "생성 및", "관리"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("가나다라", 3) == ["가", "나", "다", "라"]
    assert wrap("one\n\ntwo", 10) == ["one", "", "two"]
    assert hard_wrap("    image: nginx", 8) == ["    imag", "e: nginx"]


@given(
    st.lists(
        st.sampled_from(["a", "b", " ", "가", "나", "\n", "xyz", "컨테이너"]), max_size=40
    ).map("".join),
    st.integers(min_value=2, max_value=30),
)
def test_wrap_fits_and_keeps_every_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_width(ln) <= width for ln in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_row_is_frozen() -> None:
    row = compare_tools(small_pack(), ["alpha", "beta"]).rows[0]
    assert isinstance(row, Row)
    with pytest.raises(AttributeError):
        row.differs = False  # type: ignore[misc]


# --------------------------------------------------------------------------------------
# The shipped pack (content/)


@pytest.fixture(scope="module")
def shipped() -> Pack:
    from orchexplorer.loader import load_pack

    return load_pack()


@pytest.mark.parametrize("table", [0, 1])
def test_shipped_markdown_reproduces_the_seed_tables(shipped: Pack, table: int) -> None:
    header, body = seed_tables()[table]
    tool_ids = [SEED_NAMES[h] for h in header[1:]]
    matrix = compare_tools(shipped, tool_ids)
    assert matrix.comparison is not None
    rows = _md_rows(matrix_markdown(matrix, "ko"))
    assert rows[0] == header
    # Every seed label and cell, in the seed's order. The content may qualify a label that
    # both tables use ("복잡성 (규모)"), gloss a term ("자가 치유(원문: 자가 복구)"), and
    # show a corrected cell whose `claim` keeps the seed's words (tests/test_seed_coverage).
    from tests.test_seed_coverage import unglossed

    shown = []
    for md_row, row in zip(rows[2 : 2 + len(body)], matrix.rows, strict=False):
        label = md_row[0].split(" (", 1)[0]
        cells = [
            unglossed(c.claim.ko or "" if c is not None and c.claim else text)
            for text, c in zip(md_row[1:], row.cells, strict=True)
        ]
        shown.append([label, *cells])
    assert shown == body
    assert all(r.in_comparison for r in matrix.rows[: len(body)])
    # English has the same rows, translated
    en = _md_rows(matrix_markdown(matrix, "en"))
    assert len(en) == len(rows) and en[0][0] == "Feature"
    assert en[2][0] != rows[2][0]


def test_shipped_swarm_and_kubernetes(shipped: Pack) -> None:
    matrix = compare_tools(shipped, ["swarm", "kubernetes"])
    differs = {r.id: r.differs for r in matrix.rows}
    assert differs["clustering"] is False
    assert differs["service-discovery"] is False
    assert differs["rolling-updates"] is True
    only = compare_tools(shipped, ["swarm", "kubernetes"], only_differences=True)
    assert "clustering" not in {r.id for r in only.rows}
    assert len(only.rows) == len(matrix.rows) - sum(not d for d in differs.values())


def test_shipped_examples_of_the_same_app(shipped: Pack) -> None:
    picked = pick_examples(shipped, ["compose", "swarm", "kubernetes"])
    assert [(p.tool.id, p.example.id) for p in picked] == [
        ("compose", "web-db"),
        ("swarm", "stack-web-db"),
        ("kubernetes", "web-db-manifests"),
    ]
    diffs = diff_example_set(picked)
    assert len(diffs) == 2 and all(d.changed > 0 for d in diffs)
    assert any(r.tag == "equal" for r in diffs[0].rows)  # compose and stack files share lines


def test_shipped_concepts(shipped: Pack) -> None:
    matrix = compare_concepts(shipped, ["compose", "swarm", "kubernetes"])
    assert matrix.rows
    keys = [(r.concept.order, r.id) for r in matrix.rows]
    assert keys == sorted(keys)
    for row in matrix.rows:
        assert row.differs == (
            len({(c.term, c.text.ko, c.text.en) if c else None for c in row.cells}) > 1
        )
