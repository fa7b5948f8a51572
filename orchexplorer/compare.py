"""Comparison logic: the tools-by-dimensions matrix, the concepts matrix, example diffs and
support-level labels. Pure functions over the model; no Textual, no I/O.

Equality rules (used for `differs`):

- Two dimension cells are equal when their text is the same in *both* languages (after the
  model's fallback, with runs of whitespace collapsed) and their support level is the same.
  Notes are commentary and are not compared.
- A missing cell is a value of its own ("no information"): it is equal to another missing
  cell and different from any present cell. So a row differs as soon as one chosen tool has
  a cell there and another has none.
- Concept cells compare their term and their text in both languages the same way.
"""

from __future__ import annotations

import dataclasses
import difflib
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Literal, Protocol, TypeVar

from orchexplorer.model import (
    SUPPORT_LEVELS,
    Cell,
    Comparison,
    Concept,
    ConceptCell,
    Dimension,
    Example,
    FalseFriend,
    Lang,
    LocalizedText,
    Pack,
    Tool,
)

__all__ = [
    "ConceptMatrix",
    "ConceptRow",
    "DiffLine",
    "DiffTag",
    "ExampleDiff",
    "LevelInfo",
    "Matrix",
    "Row",
    "TooFewToolsError",
    "ToolExample",
    "UnknownToolError",
    "cells_equal",
    "common_apps",
    "compare_concepts",
    "compare_tools",
    "concept_cells_equal",
    "diff_example_set",
    "diff_examples",
    "diff_lines",
    "example_apps",
    "level_info",
    "level_label",
    "matching_comparison",
    "pick_examples",
    "resolve_tools",
]


# --------------------------------------------------------------------------------------
# Errors


class UnknownToolError(ValueError):
    """A name that is neither a tool id nor an alias or name of a tool in the pack."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        super().__init__(f"unknown tool {name!r} (known: {', '.join(known)})")
        self.name = name
        self.known = list(known)


class TooFewToolsError(ValueError):
    """A comparison needs at least two different tools."""

    def __init__(self, tool_ids: Sequence[str]) -> None:
        super().__init__(f"a comparison needs at least two different tools, got {len(tool_ids)}")
        self.tool_ids = list(tool_ids)


# --------------------------------------------------------------------------------------
# Support levels


@dataclass(frozen=True)
class LevelInfo:
    """How a support level is shown: a symbol and a word (never colour alone), a style name
    for the TUI to colour (stable: `level-none` … `level-advanced`) and a rank (0 weakest)."""

    level: str
    symbol: str
    word: LocalizedText
    style: str
    rank: int

    def label(self, lang: Lang) -> str:
        """Symbol and word, e.g. '● 완전' or '● full'."""
        return f"{self.symbol} {self.word.get(lang)}"


_LEVEL_SYMBOLS: dict[str, tuple[str, str, str]] = {
    # level: (symbol, ko, en)
    "none": ("✗", "없음", "none"),
    "limited": ("◔", "제한적", "limited"),
    "basic": ("◑", "기본", "basic"),
    "full": ("●", "완전", "full"),
    "advanced": ("★", "고급", "advanced"),
}

LEVELS: dict[str, LevelInfo] = {
    level: LevelInfo(
        level=level,
        symbol=_LEVEL_SYMBOLS[level][0],
        word=LocalizedText(ko=_LEVEL_SYMBOLS[level][1], en=_LEVEL_SYMBOLS[level][2]),
        style=f"level-{level}",
        rank=rank,
    )
    for rank, level in enumerate(SUPPORT_LEVELS)
}


def level_info(level: str | None) -> LevelInfo | None:
    """The display information of a support level; None for no level (or an unknown one)."""
    if level is None:
        return None
    return LEVELS.get(level)


def level_label(level: str | None, lang: Lang) -> str:
    """'● 완전' / '● full' for a level, '' for no level."""
    info = level_info(level)
    return info.label(lang) if info is not None else ""


# --------------------------------------------------------------------------------------
# Choosing tools


def resolve_tools(pack: Pack, names: Iterable[str]) -> list[str]:
    """Tool ids for what the user typed, in the order given.

    Each name may hold several comma-separated names, each resolved by `Pack.resolve` (id,
    alias such as "k8s", or name in either language, case-insensitively).
    A tool named twice is kept once, at its first place. Raises `UnknownToolError`.
    """
    ids: list[str] = []
    for raw in names:
        for part in raw.split(","):
            name = part.strip()
            if not name:
                continue
            tool = pack.resolve(name)
            if tool is None:
                raise UnknownToolError(name, pack.tool_ids)
            if tool.id not in ids:
                ids.append(tool.id)
    return ids


def _tools(pack: Pack, tool_ids: Sequence[str]) -> tuple[Tool, ...]:
    tools: list[Tool] = []
    for tool_id in tool_ids:
        tool = pack.tool(tool_id)
        if tool is None:
            raise UnknownToolError(tool_id, pack.tool_ids)
        if tool not in tools:
            tools.append(tool)
    if len(tools) < 2:
        raise TooFewToolsError([t.id for t in tools])
    return tuple(tools)


def matching_comparison(pack: Pack, tool_ids: Iterable[str]) -> Comparison | None:
    """The first pack comparison whose tools are exactly this set (order does not matter)."""
    wanted = set(tool_ids)
    return next((c for c in pack.comparisons if set(c.tools) == wanted), None)


# --------------------------------------------------------------------------------------
# The dimensions matrix


def _norm(text: str) -> str:
    return " ".join(text.split())


def _localized_key(text: LocalizedText) -> tuple[str, str]:
    return (_norm(text.get("ko")), _norm(text.get("en")))


def _cell_key(cell: Cell | None) -> tuple[str, str, str | None] | None:
    if cell is None:
        return None
    return (*_localized_key(cell.text), cell.level)


def cells_equal(cells: Sequence[Cell | None]) -> bool:
    """True when every cell has the same text (both languages) and level; see module doc."""
    keys = {_cell_key(c) for c in cells}
    return len(keys) <= 1


@dataclass(frozen=True)
class Row:
    """One dimension across the chosen tools. `cells` follow `Matrix.tools`."""

    dimension: Dimension
    cells: tuple[Cell | None, ...]
    differs: bool
    in_comparison: bool = False  # listed by the matching pack comparison (shown first)

    @property
    def id(self) -> str:
        return self.dimension.id

    def title(self, lang: Lang) -> str:
        return self.dimension.title.get(lang)


class _RowLike(Protocol):
    @property
    def differs(self) -> bool: ...


T_Row = TypeVar("T_Row", bound=_RowLike)


@dataclass(frozen=True)
class _Table(Generic[T_Row]):
    tools: tuple[Tool, ...]
    rows: tuple[T_Row, ...]

    @property
    def tool_ids(self) -> list[str]:
        return [t.id for t in self.tools]

    def index(self, tool_id: str) -> int:
        """Column of `tool_id` in every row's `cells`. Raises ValueError if not chosen."""
        return self.tool_ids.index(tool_id)

    @property
    def differing(self) -> int:
        """How many rows differ."""
        return sum(1 for r in self.rows if r.differs)


@dataclass(frozen=True)
class Matrix(_Table[Row]):
    """Chosen tools (in the user's order) by dimensions."""

    comparison: Comparison | None = None  # the pack comparison whose tools match, if any
    only_differences: bool = False

    def cell(self, row: Row, tool_id: str) -> Cell | None:
        return row.cells[self.index(tool_id)]

    def with_only_differences(self) -> Matrix:
        """The same comparison without the rows whose cells are all equal."""
        rows = tuple(r for r in self.rows if r.differs)
        return dataclasses.replace(self, rows=rows, only_differences=True)


def compare_tools(pack: Pack, tool_ids: Sequence[str], *, only_differences: bool = False) -> Matrix:
    """Compare two or more tools over the pack's dimensions.

    Rows: when the tools are exactly a pack `Comparison`'s set, its dimensions first in its
    order, then every other dimension that has a cell for at least one chosen tool, by
    (`order`, id). Otherwise every dimension with a cell for at least one chosen tool, by
    (`order`, id). `only_differences` drops exactly the rows whose cells are all equal.

    Tools repeated in `tool_ids` are kept once. Raises `UnknownToolError` for an unknown id
    and `TooFewToolsError` for fewer than two different tools.
    """
    tools = _tools(pack, tool_ids)
    ids = [t.id for t in tools]
    comparison = matching_comparison(pack, ids)
    dims_by_id = {d.id: d for d in reversed(pack.dimensions)}  # the first of a duplicate id

    chosen: list[tuple[Dimension, bool]] = []
    seen: set[str] = set()
    if comparison is not None:
        for dim_id in comparison.dimensions:
            dim = dims_by_id.get(dim_id)
            if dim is not None and dim_id not in seen:
                chosen.append((dim, True))
                seen.add(dim_id)
    rest = [
        d
        for d in pack.dimensions
        if d.id not in seen and any(tool_id in d.cells for tool_id in ids)
    ]
    for dim in sorted(rest, key=lambda d: (d.order, d.id)):
        if dim.id not in seen:
            chosen.append((dim, False))
            seen.add(dim.id)

    rows: list[Row] = []
    for dim, featured in chosen:
        cells = tuple(dim.cells.get(tool_id) for tool_id in ids)
        differs = not cells_equal(cells)
        if only_differences and not differs:
            continue
        rows.append(Row(dim, cells, differs, featured))
    return Matrix(
        tools=tools,
        rows=tuple(rows),
        comparison=comparison,
        only_differences=only_differences,
    )


# --------------------------------------------------------------------------------------
# The concepts matrix


def _concept_key(cell: ConceptCell | None) -> tuple[str, str, str] | None:
    if cell is None:
        return None
    return (_norm(cell.term), *_localized_key(cell.text))


def concept_cells_equal(cells: Sequence[ConceptCell | None]) -> bool:
    """True when every cell has the same term and text (both languages); missing = own value."""
    return len({_concept_key(c) for c in cells}) <= 1


@dataclass(frozen=True)
class ConceptRow:
    """One idea as each chosen tool names it. `cells` follow `ConceptMatrix.tools`."""

    concept: Concept
    cells: tuple[ConceptCell | None, ...]
    differs: bool
    #: Words of this idea that mean different things per tool (a Compose service, a
    #: Kubernetes Service): the row is marked FALSE_FRIEND_MARK and says how they differ.
    false_friends: tuple[FalseFriend, ...] = ()

    @property
    def id(self) -> str:
        return self.concept.id

    def title(self, lang: Lang) -> str:
        return self.concept.title.get(lang)

    def label(self, lang: Lang) -> str:
        """The title, marked when the row holds a false friend."""
        title = self.title(lang)
        return f"{title} {FALSE_FRIEND_MARK}" if self.false_friends else title


FALSE_FRIEND_MARK = "⚠"


@dataclass(frozen=True)
class ConceptMatrix(_Table[ConceptRow]):
    """Chosen tools (in the user's order) by concepts."""

    only_differences: bool = False

    def cell(self, row: ConceptRow, tool_id: str) -> ConceptCell | None:
        return row.cells[self.index(tool_id)]

    def with_only_differences(self) -> ConceptMatrix:
        """The same comparison without the rows whose cells are all equal."""
        rows = tuple(r for r in self.rows if r.differs)
        return dataclasses.replace(self, rows=rows, only_differences=True)


def compare_concepts(
    pack: Pack, tool_ids: Sequence[str], *, only_differences: bool = False
) -> ConceptMatrix:
    """Every concept with a cell for at least one chosen tool, by (`order`, id)."""
    tools = _tools(pack, tool_ids)
    ids = [t.id for t in tools]
    rows: list[ConceptRow] = []
    seen: set[str] = set()
    for concept in sorted(pack.concepts, key=lambda c: (c.order, c.id)):
        if concept.id in seen or not any(tool_id in concept.cells for tool_id in ids):
            continue
        seen.add(concept.id)
        cells = tuple(concept.cells.get(tool_id) for tool_id in ids)
        differs = not concept_cells_equal(cells)
        if only_differences and not differs:
            continue
        friends = tuple(f for f in pack.false_friends if f.concept == concept.id)
        rows.append(ConceptRow(concept, cells, differs, friends))
    return ConceptMatrix(tools=tools, rows=tuple(rows), only_differences=only_differences)


# --------------------------------------------------------------------------------------
# Example diffs

DiffTag = Literal["equal", "replace", "insert", "delete"]


@dataclass(frozen=True)
class DiffLine:
    """One side-by-side row. Line numbers are 1-based, None on the empty side.

    `replace` rows always have both sides; when a replaced block has more lines on one side,
    the surplus rows are `delete` (left only) or `insert` (right only).
    """

    left: str | None
    right: str | None
    tag: DiffTag
    left_no: int | None = None
    right_no: int | None = None


def diff_lines(left: str, right: str) -> list[DiffLine]:
    """Align the lines of two texts with difflib.SequenceMatcher into side-by-side rows."""
    a = left.splitlines()
    b = right.splitlines()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    rows: list[DiffLine] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows.extend(
                DiffLine(a[i], b[j], "equal", i + 1, j + 1)
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
        elif op == "delete":
            rows.extend(DiffLine(a[i], None, "delete", i + 1, None) for i in range(i1, i2))
        elif op == "insert":
            rows.extend(DiffLine(None, b[j], "insert", None, j + 1) for j in range(j1, j2))
        else:  # replace
            n = min(i2 - i1, j2 - j1)
            for k in range(n):
                rows.append(DiffLine(a[i1 + k], b[j1 + k], "replace", i1 + k + 1, j1 + k + 1))
            rows.extend(DiffLine(a[i], None, "delete", i + 1, None) for i in range(i1 + n, i2))
            rows.extend(DiffLine(None, b[j], "insert", None, j + 1) for j in range(j1 + n, j2))
    return rows


@dataclass(frozen=True)
class ToolExample:
    tool: Tool
    example: Example


@dataclass(frozen=True)
class ExampleDiff:
    """Two examples side by side, line by line."""

    left: ToolExample
    right: ToolExample
    rows: tuple[DiffLine, ...]
    ratio: float = field(default=0.0)  # SequenceMatcher similarity of the lines, 0..1

    @property
    def changed(self) -> int:
        """How many rows are not `equal`."""
        return sum(1 for r in self.rows if r.tag != "equal")


def diff_examples(left: ToolExample, right: ToolExample) -> ExampleDiff:
    rows = diff_lines(left.example.code, right.example.code)
    ratio = difflib.SequenceMatcher(
        None, left.example.code.splitlines(), right.example.code.splitlines(), autojunk=False
    ).ratio()
    return ExampleDiff(left, right, tuple(rows), ratio)


def _tokens(example_id: str) -> list[str]:
    return [t for t in example_id.replace("_", "-").split("-") if t]


def example_apps(example_id: str) -> set[str]:
    """The app keys an example id may stand for: every run of its '-'/'_' words.

    'stack-web-db' -> {'stack', 'web', 'db', 'stack-web', 'web-db', 'stack-web-db'}.
    """
    words = _tokens(example_id)
    return {"-".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def common_apps(pack: Pack, tool_ids: Sequence[str]) -> list[str]:
    """App keys shared by examples of at least two of the tools, best first.

    Best = covers the most tools, then the most specific (most words), then alphabetical.
    For compose `web-db`, swarm `stack-web-db` and kubernetes `web-db-manifests` the first
    is 'web-db'.
    """
    coverage: dict[str, set[str]] = {}
    for tool_id in dict.fromkeys(tool_ids):
        tool = pack.tool(tool_id)
        if tool is None:
            continue
        for example in tool.examples:
            for key in example_apps(example.id):
                coverage.setdefault(key, set()).add(tool_id)
    keys = [k for k, tools in coverage.items() if len(tools) >= 2]
    return sorted(keys, key=lambda k: (-len(coverage[k]), -len(_tokens(k)), k))


def pick_examples(pack: Pack, tool_ids: Sequence[str], app: str | None = None) -> list[ToolExample]:
    """One example per tool (in the given order) for the same app; tools without one are left
    out. `app` defaults to the best of `common_apps`; with no common app, the result is
    empty. Within a tool, the example whose id is closest to the app key wins (fewest extra
    words, then file order)."""
    if app is None:
        apps = common_apps(pack, tool_ids)
        if not apps:
            return []
        app = apps[0]
    key = "-".join(_tokens(app.lower()))
    picked: list[ToolExample] = []
    for tool_id in dict.fromkeys(tool_ids):
        tool = pack.tool(tool_id)
        if tool is None:
            continue
        matches = [e for e in tool.examples if key in example_apps(e.id)]
        if matches:
            best = min(matches, key=lambda e: len(_tokens(e.id)))
            picked.append(ToolExample(tool, best))
    return picked


def diff_example_set(examples: Sequence[ToolExample]) -> list[ExampleDiff]:
    """Consecutive pairs side by side: for A, B, C the diffs A→B and B→C."""
    return [diff_examples(a, b) for a, b in itertools.pairwise(examples)]
