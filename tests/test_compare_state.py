"""The comparison's state and its choosing rules, without a terminal."""

from __future__ import annotations

import dataclasses

import pytest

from orchexplorer.compare import TooFewToolsError, compare_tools
from orchexplorer.compare_state import (
    MAX_TOOLS,
    CompareState,
    default_tools,
    distinct_apps,
)
from orchexplorer.loader import load_pack
from orchexplorer.model import Pack
from tests.conftest import FIXTURES

MARKUP = FIXTURES / "markup"
ALL = ["docker", "compose", "swarm", "kubernetes"]


@pytest.fixture
def pack(shipped_pack: Pack) -> Pack:
    return shipped_pack


def diff_tools(state: CompareState) -> list[tuple[str, str]]:
    return [(d.left.tool.id, d.right.tool.id) for d in state.diffs]


# --------------------------------------------------------------------------------------
# Choosing the tools


def test_default_tools_follow_the_pack_comparisons(pack: Pack) -> None:
    assert default_tools(pack, ["docker"]) == ["docker", "kubernetes"]
    assert default_tools(pack, ["compose"]) == ["compose", "swarm", "kubernetes"]
    assert default_tools(pack, ["swarm"]) == ["compose", "swarm", "kubernetes"]
    assert default_tools(pack, ["kubernetes"]) == ["docker", "kubernetes"]
    # two or more are kept in the user's order, at most four
    assert default_tools(pack, ["kubernetes", "swarm"]) == ["kubernetes", "swarm"]
    assert default_tools(pack, ["swarm", "docker", "nope"]) == ["swarm", "docker"]
    # a dimension row: the comparison that lists it; a concept row: every tool naming it
    assert default_tools(pack, [], "clustering") == ["compose", "swarm", "kubernetes"]
    assert default_tools(pack, ["docker"], "role") == ["docker", "kubernetes"]
    assert default_tools(pack, [], "unit-of-deployment") == ALL


def test_default_tools_without_comparisons_take_the_next_tool() -> None:
    pack = load_pack(MARKUP)
    assert default_tools(pack, ["alpha"]) == ["alpha", "beta"]
    assert default_tools(pack, ["beta"]) == ["beta", "alpha"]
    assert default_tools(pack, []) == ["alpha", "beta"]
    only = Pack(tools=[pack.tools[0]])
    assert default_tools(only, ["alpha"]) == ["alpha"]  # nothing to compare with


def test_distinct_apps_skip_apps_that_pick_the_same_examples(pack: Pack) -> None:
    apps = distinct_apps(pack, ["compose", "swarm"])
    assert apps[0] == "web-db"
    assert "db" not in apps and "web" not in apps  # same examples as web-db


# --------------------------------------------------------------------------------------
# Opening


def test_of_drops_repeats_and_unknown_ids_and_keeps_four(pack: Pack) -> None:
    state = CompareState.of(pack, ["swarm", "nope", "swarm", "docker"], focus_tool="docker")
    assert state.tool_ids == ("swarm", "docker")
    assert state.focus == 1 and state.focused_tool == "docker"
    assert [tool.id for tool in state.tools] == ["swarm", "docker"]
    assert state.matrix.tool_ids == state.concepts.tool_ids == ["swarm", "docker"]

    five = CompareState.of(pack, [*ALL, "docker"], focus_tool="nope")
    assert five.tool_ids == tuple(ALL) and five.focus == 0


def test_of_refuses_fewer_than_two_known_tools(pack: Pack) -> None:
    with pytest.raises(TooFewToolsError):
        CompareState.of(pack, ["docker", "nope", "docker"])


def test_a_state_with_tables_of_other_tools_is_refused(pack: Pack) -> None:
    state = CompareState.of(pack, ["docker", "kubernetes"])
    with pytest.raises(ValueError, match="other tools"):
        dataclasses.replace(state, tool_ids=("kubernetes", "docker"))
    with pytest.raises(ValueError, match="no column"):
        dataclasses.replace(state, focus=2)


# --------------------------------------------------------------------------------------
# Adding, removing, moving


def test_adding_appends_and_focuses_the_new_tool(pack: Pack) -> None:
    state = CompareState.of(pack, ["docker", "kubernetes"])
    # the tools not shown yet, in sidebar order (the pack may hold more after swarm)
    candidates = [tool.id for tool in state.candidates]
    assert candidates[:2] == ["compose", "swarm"]
    added = state.add("swarm")
    assert added.tool_ids == ("docker", "kubernetes", "swarm")
    assert added.focused_tool == "swarm"
    assert added.matrix.tool_ids == ["docker", "kubernetes", "swarm"]
    assert [tool.id for tool in added.candidates] == [c for c in candidates if c != "swarm"]
    assert state.tool_ids == ("docker", "kubernetes")  # the old state is untouched


def test_a_fifth_tool_an_unknown_one_or_a_repeat_is_refused(pack: Pack) -> None:
    docker = pack.tool("docker")
    assert docker is not None
    five = Pack(tools=[docker.model_copy(update={"id": f"tool-{i}", "order": i}) for i in range(5)])
    full = CompareState.of(five, [f"tool-{i}" for i in range(4)])
    assert len(full.tool_ids) == MAX_TOOLS and not full.can_add
    assert [tool.id for tool in full.candidates] == ["tool-4"]
    assert full.add("tool-4") is full  # a fifth: refused, the state is the same one
    two = CompareState.of(pack, ["docker", "kubernetes"])
    assert two.can_add
    assert two.add("nope") is two
    assert two.add("docker") is two


def test_removing_keeps_the_focus_in_place_and_never_goes_below_two(pack: Pack) -> None:
    state = CompareState.of(pack, ALL, focus_tool="compose")
    removed = state.remove_focused()
    assert removed.tool_ids == ("docker", "swarm", "kubernetes")
    assert removed.focused_tool == "swarm"  # the column that took its place
    last = CompareState.of(pack, ["docker", "swarm", "kubernetes"], focus_tool="kubernetes")
    assert last.remove_focused().focused_tool == "swarm"  # the new last column
    two = last.remove_focused()
    assert two.tool_ids == ("docker", "swarm") and not two.can_remove
    assert two.remove_focused() is two


def test_moving_swaps_with_the_neighbour_and_stops_at_the_ends(pack: Pack) -> None:
    state = CompareState.of(pack, ["docker", "swarm", "kubernetes"])
    assert state.move_focused(-1) is state  # the first column cannot go left
    moved = state.move_focused(1)
    assert moved.tool_ids == ("swarm", "docker", "kubernetes")
    assert moved.focused_tool == "docker"  # the moved tool stays focused
    # the tables follow the new column order
    assert moved.matrix.tool_ids == compare_tools(pack, moved.tool_ids).tool_ids
    assert (
        moved.matrix.rows[0].cells
        == tuple(reversed(state.matrix.rows[0].cells[:2])) + state.matrix.rows[0].cells[2:]
    )
    end = moved.move_focused(1)
    assert end.tool_ids == ("swarm", "kubernetes", "docker")
    assert end.move_focused(1) is end  # the last column cannot go right


def test_focus_moves_within_the_columns_and_reuses_the_tables(pack: Pack) -> None:
    state = CompareState.of(pack, ["docker", "swarm", "kubernetes"])
    assert state.focus_column(-1) is state
    right = state.focus_column(1)
    assert right.focused_tool == "swarm"
    assert right.matrix is state.matrix and right.diffs is state.diffs  # nothing computed
    assert right.focus_column(5).focused_tool == "kubernetes"


def test_other_tools_take_the_focus_asked_for(pack: Pack) -> None:
    state = CompareState.of(pack, ["docker", "kubernetes"]).toggle_differences()
    other = state.with_tools(["compose", "swarm", "kubernetes"], focus_tool="swarm")
    assert other.tool_ids == ("compose", "swarm", "kubernetes")
    assert other.focused_tool == "swarm"
    assert other.only_differences  # kept across the change of tools
    assert state.with_tools(["swarm", "docker"]).focus == 0


# --------------------------------------------------------------------------------------
# Rows


def test_differences_only_shows_the_rows_that_differ(pack: Pack) -> None:
    state = CompareState.of(pack, ["swarm", "kubernetes"])
    assert state.shown_rows == state.matrix.rows
    only = state.toggle_differences()
    assert only.only_differences
    assert [row.id for row in only.shown_rows] == [
        row.id for row in state.matrix.rows if row.differs
    ]
    assert "clustering" not in [row.id for row in only.shown_rows]
    assert 0 < len(only.shown_rows) < len(state.matrix.rows)
    assert all(row.differs for row in only.shown_concepts)
    assert len(only.shown_concepts) == state.concepts.differing
    assert only.toggle_differences() == state


def test_row_tabs_and_revealing_a_row(pack: Pack) -> None:
    state = CompareState.of(pack, ["swarm", "kubernetes"])
    assert state.row_tab("clustering") == "dimensions"
    assert state.row_tab("unit-of-deployment") == "concepts"
    assert state.row_tab("nope") is None and state.row_tab(None) is None
    assert state.dimension_row("clustering") is not None
    assert state.concept_row("clustering") is None
    only = state.toggle_differences()
    assert only.reveal("nope") is only  # no such row: nothing to change
    shown = only.reveal("clustering")  # an equal row: every row is shown again
    assert not shown.only_differences and "clustering" in [r.id for r in shown.shown_rows]
    assert state.reveal("clustering") is state


# --------------------------------------------------------------------------------------
# Example pairs


def test_example_pairs_are_consecutive_tools_and_cycle(pack: Pack) -> None:
    state = CompareState.of(pack, ["compose", "swarm", "kubernetes"])
    assert state.current_app == "web-db"
    assert diff_tools(state) == [("compose", "swarm"), ("swarm", "kubernetes")]
    first = state.current_diff
    second = state.next_pair()
    assert second.pair_index == 1 and second.current_diff is state.diffs[1]
    assert second.next_pair().current_diff is first  # after the last, the first again


def test_the_next_app_starts_at_its_first_pair(pack: Pack) -> None:
    state = CompareState.of(pack, ["compose", "swarm", "kubernetes"]).next_pair()
    assert len(state.apps) > 1
    other = state.next_app()
    assert other.current_app == state.apps[1] and other.pair_index == 0
    assert other.current_diff is not None
    assert other.current_diff.left.example.id != state.diffs[0].left.example.id
    back = other
    for _ in range(len(state.apps) - 1):
        back = back.next_app()
    assert back.current_app == "web-db"


def test_the_example_pair_stays_within_the_tools_after_a_change(pack: Pack) -> None:
    state = CompareState.of(pack, ALL, focus_tool="docker").next_app().next_app()
    assert state.apps == ("web-db", "cli", "ops") and state.app_index == 2
    fewer = state.remove_focused()  # without Docker, two apps: the index is kept within them
    assert fewer.tool_ids == ("compose", "swarm", "kubernetes")
    assert fewer.apps == ("web-db", "ops") and fewer.app_index == 1
    last = CompareState.of(pack, ["compose", "swarm", "kubernetes"]).next_pair()
    assert last.pair_index == 1
    two = last.remove_focused()  # one pair left: its index is 0 again
    assert len(two.diffs) == 1 and two.pair_index == 0


def test_tools_without_a_common_example_have_no_pair() -> None:
    markup = CompareState.of(load_pack(MARKUP), ["alpha", "beta"])
    assert markup.apps == () and markup.diffs == ()
    assert markup.current_app is None and markup.current_diff is None
    assert markup.next_pair() is markup and markup.next_app() is markup
