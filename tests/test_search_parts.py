"""The search package's parts on their own: the document tables, snippets measured in
terminal columns, the codec's refusal of anything it did not write, and the package doing
no file I/O. (What a query finds is tests/test_search.py.)"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orchexplorer.model import Pack
from orchexplorer.search import KINDS, SECTIONS, SearchIndex, build_index
from orchexplorer.search.documents import PACK_ROWS, TOOL_ROWS, Row, documents
from orchexplorer.search.snippets import SNIPPET_WIDTH, TITLE_WIDTH, window
from orchexplorer.termtext import cell_width
from tests.conftest import REPO
from tests.test_search import FIXTURE


def lt(ko: str, en: str) -> dict[str, str]:
    return {"ko": ko, "en": en}


def tool(tool_id: str, order: int, **lists: Any) -> dict[str, Any]:
    return {
        "id": tool_id,
        "order": order,
        "name": lt(tool_id.upper() + " 도구", tool_id.upper() + " tool"),
        "kind": "k",
        "tagline": "t",
        "summary": "s",
        **lists,
    }


# --------------------------------------------------------------------------------------
# Document tables


def _rows(rows: tuple[Row, ...]) -> list[Row]:
    out = []
    for row in rows:
        out.append(row)
        if row.cells is not None:
            out.append(row.cells)
    return out


def test_every_kind_is_made_by_a_row_with_a_known_section() -> None:
    rows = _rows(TOOL_ROWS) + _rows(PACK_ROWS)
    assert {r.kind for r in rows} == set(KINDS)
    assert {r.section for r in rows} <= set(SECTIONS)


#: Tools listed out of sidebar order, cells too: documents follow the sidebar.
ORDERED = {
    "tools": [
        tool(
            "alpha",
            2,
            features=[{"id": "f", "title": "F", "description": "d"}],
            notes=[
                {
                    "id": "n",
                    "claim": lt("주장 " * 40, "claim " * 40),
                    "text": lt("사실", "fact"),
                    "source": "https://example.com/",
                    "checked": "2024-05-01",
                }
            ],
        ),
        tool("beta", 1, use_cases=[{"id": "u", "title": "U"}]),
    ],
    "dimensions": [
        {
            "id": "dim",
            "title": lt("차원", "Dim"),
            "cells": {"alpha": {"text": "a"}, "beta": {"text": "b", "note": "bn"}},
        }
    ],
    "concepts": [
        {
            "id": "con",
            "title": lt("개념", "Con"),
            "cells": {"alpha": {"term": "thing", "text": "a"}, "beta": {"term": "it", "text": "b"}},
        }
    ],
    "relations": [
        {"id": "rel", "source": "alpha", "target": "beta", "kind": "deploys-to", "text": "r"}
    ],
    "conclusions": [
        {"id": "one", "tools": ["beta"], "text": "c"},
        {"id": "two", "tools": ["alpha", "beta"], "text": "c"},
    ],
}


def test_documents_follow_the_sidebar_and_say_what_they_are_about() -> None:
    docs = [doc for doc, _ in documents(Pack.model_validate(ORDERED))]
    assert [(d.kind, d.tool, d.id) for d in docs] == [
        ("tool", "beta", "beta"),
        ("use_case", "beta", "u"),
        ("tool", "alpha", "alpha"),
        ("feature", "alpha", "f"),
        ("note", "alpha", "n"),
        ("dimension", None, "dim"),
        ("dimension", "beta", "dim"),
        ("dimension", "alpha", "dim"),
        ("concept", None, "con"),
        ("concept", "beta", "con"),
        ("concept", "alpha", "con"),
        ("relation", "alpha", "rel"),
        ("conclusion", "beta", "one"),
        ("conclusion", None, "two"),
    ]
    about = {(d.kind, d.tool, d.id): d.tools for d in docs}
    assert about["dimension", None, "dim"] == {"alpha", "beta"}
    assert about["dimension", "beta", "dim"] == {"beta"}
    assert about["relation", "alpha", "rel"] == {"alpha", "beta"}
    assert about["conclusion", None, "two"] == {"alpha", "beta"}


def test_computed_titles_and_snippet_sources() -> None:
    docs = {(d.kind, d.tool, d.id): d for d, _ in documents(Pack.model_validate(ORDERED))}
    assert docs["concept", "beta", "con"].title.en == "Con: it"
    assert docs["concept", "beta", "con"].title.ko == "개념: it"
    assert docs["dimension", "beta", "dim"].title.en == "Dim"
    assert docs["relation", "alpha", "rel"].title.en == "ALPHA tool → BETA tool"
    assert docs["relation", "alpha", "rel"].title.ko == "ALPHA 도구 → BETA 도구"
    note = docs["note", "alpha", "n"].title  # the claim's start, as a title
    assert note.en.startswith("claim claim") and note.en.endswith("…")
    assert cell_width(note.ko) <= TITLE_WIDTH and note.ko.endswith("…")
    # Absent sources are left out; a cell's note comes after its text.
    assert docs["use_case", "beta", "u"].bodies == ()
    assert docs["dimension", "beta", "dim"].bodies == (("b", "b"), ("bn", "bn"))
    assert docs["dimension", "alpha", "dim"].bodies == (("a", "a"),)


def test_a_cells_note_and_a_relations_tool_names_are_found() -> None:
    index = build_index(Pack.model_validate(ORDERED))
    assert index.search("bn")[0].key == ("beta", "dimension", "dim")
    assert ("alpha", "relation", "rel") in [h.key for h in index.search("alpha tool beta")]


# --------------------------------------------------------------------------------------
# Snippets, in terminal columns

_WORDS = st.sampled_from(
    ["container", "k8s", "쿠버네티스", "로드", "밸런싱", "🐳", "🚀", "e\u0301t\u0301e", "中文", "—"]
)


@given(
    words=st.lists(_WORDS, min_size=1, max_size=80),
    at=st.floats(0, 1, exclude_max=True),
    width=st.integers(8, 120),
)
def test_a_window_fits_its_width_and_is_a_piece_of_the_text(
    words: list[str], at: float, width: int
) -> None:
    text = " ".join(words)
    shown = window(text, int(at * len(text)), width)
    assert cell_width(shown) <= width
    assert shown.strip("…") in text
    if cell_width(text) <= width:
        assert shown == text


@pytest.mark.parametrize("ch", ["가", "中", "🐳"])
def test_a_window_of_wide_characters_uses_its_width(ch: str) -> None:
    shown = window(ch * 100, 0)
    assert shown.endswith("…")
    assert SNIPPET_WIDTH - 2 <= cell_width(shown) <= SNIPPET_WIDTH


# --------------------------------------------------------------------------------------
# The codec


@pytest.fixture(scope="module")
def encoded() -> bytes:
    return SearchIndex(Pack.model_validate(FIXTURE)).to_json()


@given(cut=st.integers(0, 10**6))
def test_a_truncated_index_is_refused(encoded: bytes, cut: int) -> None:
    with pytest.raises(ValueError):
        SearchIndex.from_json(encoded[: cut % len(encoded)])


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'"format":2', b'"format":3'),
        (b'"ranks":[', b'"ranks":[0,'),
        (b'"kinds":"', b'"kinds":"9'),
        (b'"offsets":[', b'"offsets":[1,'),
        (b'"short":{', b'"short":[],"x":{'),
    ],
)
def test_an_index_with_a_wrong_head_is_refused(encoded: bytes, old: bytes, new: bytes) -> None:
    assert old in encoded
    with pytest.raises(ValueError):
        SearchIndex.from_json(encoded.replace(old, new, 1))


@pytest.mark.parametrize("data", [b"", b"\n", b"[]\n", b"{}\n", b"not json\n"])
def test_what_is_not_an_index_is_refused(data: bytes) -> None:
    with pytest.raises(ValueError):
        SearchIndex.from_json(data)


# --------------------------------------------------------------------------------------
# Layering: the search package reads and writes no file and knows nothing of the cache


def test_building_encoding_and_querying_do_no_file_io() -> None:
    probe = f"""
import json, sys
from orchexplorer.model import Pack
from orchexplorer.search import SearchIndex, build_index

pack = Pack.model_validate(json.loads({json.dumps(FIXTURE)!r}))
build_index(pack).search("kuberntes")  # imports what a search imports lazily
opened = []
sys.addaudithook(lambda event, args: opened.append(args[0]) if event == "open" else None)
read = SearchIndex.from_json(build_index(pack).to_json())
hits = [h.snippet.get("en") for q in ("kuberntes", "ㅋㅂ", "로드밸런싱") for h in read.search(q)]
print(bool(hits), opened, sorted(m for m in sys.modules if m in (
    "orchexplorer.cache", "orchexplorer.loader", "orchexplorer.index_cache")))
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True [] []"
