"""What the comparison screen shows, as a value: the tools compared (two to four, in column
order), the focused column, "differences only" and the example pair on show. Pure logic
over the model, no Textual; the screen only draws a `CompareState` and swaps it for the
one a key asks for.

`CompareState` is a frozen dataclass whose changes return new states. A change that is
refused (a fifth tool, removing below two, moving the first column left, an unknown or
already compared tool) returns the very same state, so `new is old` says nothing happened,
and comparing old and new tells the view what to redraw. The tables computed from the tools
(dimensions, concepts, example apps and diffs) travel with the state: changes that keep the
tools reuse them, so focusing a column or paging example pairs computes nothing.

The choosing helpers `default_tools` (the counterparts of one tool) and `distinct_apps` (the
example apps worth paging through) live here too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from orchexplorer.compare import (
    ConceptMatrix,
    ConceptRow,
    ExampleDiff,
    Matrix,
    Row,
    TooFewToolsError,
    common_apps,
    compare_concepts,
    compare_tools,
    diff_example_set,
    pick_examples,
)
from orchexplorer.model import Pack, Tool

MIN_TOOLS = 2
MAX_TOOLS = 4

#: The comparison tab a row belongs to.
RowTab = Literal["dimensions", "concepts"]


# --------------------------------------------------------------------------------------
# Choosing the tools


def default_tools(pack: Pack, tool_ids: Sequence[str], focus_row: str | None = None) -> list[str]:
    """The tools to compare when the user named fewer than two (up to `MAX_TOOLS`).

    Two or more known tools are kept as given. For one tool (or none), the first pack
    comparison that contains it (and `focus_row`, a dimension, if given) — Docker gives the
    seed's Docker vs Kubernetes table, Compose the Compose/Swarm/Kubernetes one; else the
    next tools in sidebar order (with a cell in `focus_row`, if given). Fewer than two
    results means there is nothing to compare with.
    """
    known = {tool.id for tool in pack.tools}
    ids = [tool_id for tool_id in dict.fromkeys(tool_ids) if tool_id in known]
    if len(ids) >= MIN_TOOLS:
        return ids[:MAX_TOOLS]
    row_tools: set[str] | None = None
    in_dimension = False
    if focus_row is not None:
        dimension = next((d for d in pack.dimensions if d.id == focus_row), None)
        concept = next((c for c in pack.concepts if c.id == focus_row), None)
        if dimension is not None:
            row_tools, in_dimension = set(dimension.cells), True
        elif concept is not None:
            row_tools = set(concept.cells)
    for comparison in pack.comparisons:
        if not all(tool_id in comparison.tools for tool_id in ids):
            continue
        if in_dimension and focus_row not in comparison.dimensions:
            continue
        if row_tools is not None and not in_dimension:
            continue  # a concept: prefer every tool that names it (below)
        chosen = [tool_id for tool_id in comparison.tools if tool_id in known]
        chosen = ids + [tool_id for tool_id in chosen if tool_id not in ids]
        if len(chosen) >= MIN_TOOLS:
            # keep the comparison's own order, trimmed to MAX_TOOLS around the named tool
            ordered = [tool_id for tool_id in comparison.tools if tool_id in chosen]
            if len(ordered) > MAX_TOOLS:
                ordered = ids + [tool_id for tool_id in ordered if tool_id not in ids]
            return ordered[:MAX_TOOLS]
    ordered = [tool.id for tool in pack.ordered_tools]
    if ids:
        start = ordered.index(ids[0])
        ordered = ordered[start + 1 :] + ordered[:start]
    candidates = [
        tool_id
        for tool_id in ordered
        if tool_id not in ids and (row_tools is None or tool_id in row_tools)
    ]
    chosen = (ids + candidates)[: MAX_TOOLS if row_tools is not None else MIN_TOOLS]
    for tool_id in ordered:  # a row only one tool has: any next tool beside it
        if len(chosen) >= MIN_TOOLS:
            break
        if tool_id not in chosen:
            chosen.append(tool_id)
    return chosen


def distinct_apps(pack: Pack, tool_ids: Sequence[str]) -> list[str]:
    """The apps whose example sets differ, best first (`compare.common_apps` order)."""
    apps: list[str] = []
    seen: set[tuple[tuple[str, str], ...]] = set()
    for app in common_apps(pack, tool_ids):
        key = tuple((te.tool.id, te.example.id) for te in pick_examples(pack, tool_ids, app))
        if len(key) >= 2 and key not in seen:
            seen.add(key)
            apps.append(app)
    return apps


def _example_diffs(pack: Pack, tool_ids: Sequence[str], app: str | None) -> tuple[ExampleDiff, ...]:
    if app is None:
        return ()
    examples = pick_examples(pack, tool_ids, app)
    return tuple(diff_example_set(examples)) if len(examples) >= 2 else ()


def _clamp(index: int, count: int) -> int:
    return max(0, min(index, count - 1))


# --------------------------------------------------------------------------------------
# The state


@dataclass(frozen=True, kw_only=True)
class CompareState:
    """The comparison on show. Build it with `CompareState.of`; change it with its methods.

    The choice (`tool_ids`, `focus`, `only_differences`, `app_index`, `pair_index`) is what
    states are compared by; the tables computed from it (`matrix`, `concepts`, `apps`,
    `diffs`) ride along and are checked to belong to `tool_ids`.
    """

    pack: Pack = field(repr=False, compare=False)
    tool_ids: tuple[str, ...]
    focus: int = 0
    only_differences: bool = False
    app_index: int = 0  # into `apps`
    pair_index: int = 0  # into `diffs`
    matrix: Matrix = field(repr=False, compare=False)
    concepts: ConceptMatrix = field(repr=False, compare=False)
    apps: tuple[str, ...] = field(repr=False, compare=False)
    diffs: tuple[ExampleDiff, ...] = field(repr=False, compare=False)

    def __post_init__(self) -> None:
        n = len(self.tool_ids)
        if not MIN_TOOLS <= n <= MAX_TOOLS or len(set(self.tool_ids)) != n:
            raise ValueError(f"{MIN_TOOLS} to {MAX_TOOLS} different tools, got {self.tool_ids}")
        if self.matrix.tool_ids != list(self.tool_ids) or self.concepts.tool_ids != list(
            self.tool_ids
        ):
            raise ValueError("the tables were computed for other tools")
        if not 0 <= self.focus < n:
            raise ValueError(f"no column {self.focus} among {n}")
        if not 0 <= self.app_index < max(1, len(self.apps)):
            raise ValueError(f"no example app {self.app_index}")
        if not 0 <= self.pair_index < max(1, len(self.diffs)):
            raise ValueError(f"no example pair {self.pair_index}")

    @classmethod
    def of(
        cls,
        pack: Pack,
        tool_ids: Sequence[str],
        *,
        focus_tool: str | None = None,
        only_differences: bool = False,
        app_index: int = 0,
        pair_index: int = 0,
    ) -> CompareState:
        """The comparison of `tool_ids` (repeats and unknown ids dropped, at most
        `MAX_TOOLS` kept), focused on `focus_tool` (else the first column). The example app
        and pair indexes are kept within what these tools have. Raises `TooFewToolsError`
        when fewer than two known tools remain."""
        ids = [tool_id for tool_id in dict.fromkeys(tool_ids) if pack.tool(tool_id) is not None]
        ids = ids[:MAX_TOOLS]
        if len(ids) < MIN_TOOLS:
            raise TooFewToolsError(ids)
        apps = tuple(distinct_apps(pack, ids))
        app_index = _clamp(app_index, len(apps))
        diffs = _example_diffs(pack, ids, apps[app_index] if apps else None)
        return cls(
            pack=pack,
            tool_ids=tuple(ids),
            focus=ids.index(focus_tool) if focus_tool in ids else 0,
            only_differences=only_differences,
            app_index=app_index,
            pair_index=_clamp(pair_index, len(diffs)),
            matrix=compare_tools(pack, ids),
            concepts=compare_concepts(pack, ids),
            apps=apps,
            diffs=diffs,
        )

    def _with_tools(self, tool_ids: Sequence[str], focus_tool: str | None) -> CompareState:
        """These tools instead (tables computed again), the other choices kept."""
        return CompareState.of(
            self.pack,
            tool_ids,
            focus_tool=focus_tool,
            only_differences=self.only_differences,
            app_index=self.app_index,
            pair_index=self.pair_index,
        )

    # ------------------------------------------------------------------ reading

    @property
    def tools(self) -> tuple[Tool, ...]:
        """The compared tools, in column order."""
        return self.matrix.tools

    @property
    def focused_tool(self) -> str:
        return self.tool_ids[self.focus]

    @property
    def shown_rows(self) -> tuple[Row, ...]:
        """The dimension rows on show: all, or only those that differ."""
        matrix = self.matrix.with_only_differences() if self.only_differences else self.matrix
        return matrix.rows

    @property
    def shown_concepts(self) -> tuple[ConceptRow, ...]:
        """The concept rows on show: all, or only those that differ."""
        concepts = self.concepts
        return (concepts.with_only_differences() if self.only_differences else concepts).rows

    @property
    def current_app(self) -> str | None:
        """The app whose examples are diffed (None when the tools share none)."""
        return self.apps[self.app_index] if self.apps else None

    @property
    def current_diff(self) -> ExampleDiff | None:
        """The example pair on show (None when there is none)."""
        return self.diffs[self.pair_index] if self.diffs else None

    def row_tab(self, row_id: str | None) -> RowTab | None:
        """The tab that has the row `row_id` (dimensions first), or None."""
        if row_id is None:
            return None
        if any(row.id == row_id for row in self.matrix.rows):
            return "dimensions"
        if any(row.id == row_id for row in self.concepts.rows):
            return "concepts"
        return None

    def dimension_row(self, row_id: str | None) -> Row | None:
        return next((row for row in self.matrix.rows if row.id == row_id), None)

    def concept_row(self, row_id: str | None) -> ConceptRow | None:
        return next((row for row in self.concepts.rows if row.id == row_id), None)

    @property
    def can_add(self) -> bool:
        """Room for another tool (fewer than `MAX_TOOLS`)."""
        return len(self.tool_ids) < MAX_TOOLS

    @property
    def can_remove(self) -> bool:
        """More than `MIN_TOOLS` tools, so one can go."""
        return len(self.tool_ids) > MIN_TOOLS

    @property
    def candidates(self) -> list[Tool]:
        """The pack's tools not compared yet, in sidebar order."""
        return [tool for tool in self.pack.ordered_tools if tool.id not in self.tool_ids]

    # ------------------------------------------------------------------ changing

    def with_tools(self, tool_ids: Sequence[str], *, focus_tool: str | None = None) -> CompareState:
        """Other tools (search, palette), focused on `focus_tool` (else the first)."""
        return self._with_tools(tool_ids, focus_tool)

    def reveal(self, row_id: str | None) -> CompareState:
        """Ready to show the row `row_id`: all rows shown, since it may be an equal one.
        The same state when there is no such row."""
        if self.row_tab(row_id) is None or not self.only_differences:
            return self
        return dataclasses.replace(self, only_differences=False)

    def add(self, tool_id: str) -> CompareState:
        """`tool_id` as a new last column, focused. Refused (the same state) when there are
        `MAX_TOOLS` already, or the tool is unknown or compared already."""
        if not self.can_add or tool_id in self.tool_ids or self.pack.tool(tool_id) is None:
            return self
        return self._with_tools([*self.tool_ids, tool_id], tool_id)

    def remove_focused(self) -> CompareState:
        """Without the focused column's tool; the focus stays in place (or moves to the new
        last column). Refused (the same state) at `MIN_TOOLS` tools."""
        if not self.can_remove:
            return self
        ids = [tool_id for i, tool_id in enumerate(self.tool_ids) if i != self.focus]
        return self._with_tools(ids, ids[min(self.focus, len(ids) - 1)])

    def focus_column(self, step: int) -> CompareState:
        """The focus `step` columns to the right (negative: left), stopping at the ends."""
        focus = _clamp(self.focus + step, len(self.tool_ids))
        return self if focus == self.focus else dataclasses.replace(self, focus=focus)

    def move_focused(self, step: int) -> CompareState:
        """The focused tool swapped with the one `step` columns away (-1: left, 1: right),
        still focused. Refused (the same state) past either end."""
        i, j = self.focus, self.focus + step
        if step == 0 or not 0 <= j < len(self.tool_ids):
            return self
        ids = list(self.tool_ids)
        ids[i], ids[j] = ids[j], ids[i]
        return self._with_tools(ids, self.focused_tool)

    def toggle_differences(self) -> CompareState:
        """Only the rows that differ, or all rows again."""
        return dataclasses.replace(self, only_differences=not self.only_differences)

    def next_pair(self) -> CompareState:
        """The next example pair (after the last, the first). The same state with none."""
        if not self.diffs:
            return self
        return dataclasses.replace(self, pair_index=(self.pair_index + 1) % len(self.diffs))

    def next_app(self) -> CompareState:
        """The next example app (after the last, the first), from its first pair. The same
        state when the tools share no app."""
        if not self.apps:
            return self
        app_index = (self.app_index + 1) % len(self.apps)
        diffs = (
            self.diffs
            if app_index == self.app_index
            else _example_diffs(self.pack, self.tool_ids, self.apps[app_index])
        )
        return dataclasses.replace(self, app_index=app_index, pair_index=0, diffs=diffs)
