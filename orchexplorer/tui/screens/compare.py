"""The comparison: two to four tools side by side, in three tabs.

- Dimensions: one row per comparison axis, `≠` where the tools differ, support levels with
  symbol, word and colour, `※` where a cell has a note (n / Enter shows the row in full).
- Concepts: how each tool names the same idea.
- Examples: the tools' examples of the same app, two at a time, line by line.

Keys: `a` adds a tool (a filtered list, so a pack of hundreds of tools stays usable), `x`
removes the focused column's tool (never below two), `←`/`→` focus a column and `<`/`>`
(or `[`/`]`) move its tool, `d` shows only the rows that differ, `1`-`3` switch tabs,
`p`/`e` choose the example pair and app, Escape goes back to the explorer.

All logic is in `orchexplorer.compare`; this module only chooses and shows. Texts from the
pack are put into `Content` literally, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from orchexplorer.compare import (
    ConceptMatrix,
    ConceptRow,
    ExampleDiff,
    Matrix,
    Row,
    common_apps,
    compare_concepts,
    compare_tools,
    diff_example_set,
    level_info,
    pick_examples,
)
from orchexplorer.i18n import Lang, t
from orchexplorer.model import Cell, ConceptCell, LocalizedText, Pack, Tool
from orchexplorer.tui.bindings import apply_bindings
from orchexplorer.tui.widgets.compare_diff import DiffView
from orchexplorer.tui.widgets.compare_grid import LEVEL_STYLES, CompareGrid, GridRow
from orchexplorer.tui.widgets.item_list import ItemList, picker_bindings

_C = TypeVar("_C", Cell, ConceptCell)  # a dimension's or a concept's cell

MAX_TOOLS = 4
MISSING = "—"
NOTE_MARK = "※"
NOTE_STYLE = "bold $text-warning"

#: Tab ids in key order (1..3) and the i18n key of each label.
TABS: tuple[tuple[str, str], ...] = (
    ("dimensions", "cmp_tab_dimensions"),
    ("concepts", "cmp_tab_concepts"),
    ("examples", "cmp_tab_examples"),
)


def compare_bindings(lang: Lang) -> list[BindingType]:
    """The comparison screen's keys, described in `lang` (footer and `?`)."""
    tab_bindings = [
        Binding(str(n), f"tab('{pane_id}')", t("key_" + key, lang), show=False)
        for n, (pane_id, key) in enumerate(TABS, start=1)
    ]
    return [
        Binding("escape", "back", t("key_back", lang), id="compare.back"),
        Binding("d", "toggle_differences", t("key_cmp_differences", lang), id="compare.diff"),
        Binding("a", "add_tool", t("key_cmp_add", lang), id="compare.add"),
        Binding("x", "remove_tool", t("key_cmp_remove", lang), id="compare.remove"),
        Binding("enter,n", "details", t("key_cmp_notes", lang), show=False, id="compare.notes"),
        Binding("left", "focus_column(-1)", t("key_cmp_column_left", lang), show=False),
        Binding("right", "focus_column(1)", t("key_cmp_column_right", lang), show=False),
        Binding(
            "less_than_sign,left_square_bracket",
            "move_tool(-1)",
            t("key_cmp_move_left", lang),
            show=False,
        ),
        Binding(
            "greater_than_sign,right_square_bracket",
            "move_tool(1)",
            t("key_cmp_move_right", lang),
            show=False,
        ),
        Binding("p", "next_pair", t("key_cmp_pair", lang), show=False),
        Binding("e", "next_app", t("key_cmp_app", lang), show=False),
        Binding("question_mark", "app.help", t("key_help", lang), id="help"),
        Binding("slash", "app.search", t("key_search", lang), show=False, id="search"),
        Binding("g", "app.guide", t("key_guide", lang), show=False, id="guide"),
        Binding("l", "app.toggle_lang", t("key_lang", lang), id="lang"),
        Binding("q", "app.quit", t("key_quit", lang), show=False, id="quit"),
        *tab_bindings,
    ]


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
    if len(ids) >= 2:
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
        if len(chosen) >= 2:
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
    chosen = (ids + candidates)[: MAX_TOOLS if row_tools is not None else 2]
    for tool_id in ordered:  # a row only one tool has: any next tool beside it
        if len(chosen) >= 2:
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


def _tool_name(tool: Tool, lang: Lang) -> str:
    return tool.name.get(lang)


# --------------------------------------------------------------------------------------
# Dialogs


class RowDetailScreen(ModalScreen[None]):
    """One row of the comparison in full: every tool's text, level and note."""

    BINDINGS = [
        Binding("escape,enter,n,q", "close", "Close"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
    ]

    def __init__(self, title: str, body: Content, lang: Lang) -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="compare-detail-box"):
            yield Static(Content.styled(self.title_text, "bold"), id="compare-detail-title")
            with VerticalScroll(id="compare-detail-scroll"):
                yield Static(self.body, id="compare-detail-body")
            yield Static(
                Content.styled(t("cmp_detail_hint", self.lang), "dim"), id="compare-detail-hint"
            )

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one("#compare-detail-scroll", VerticalScroll)
        if direction == "down":
            scroll.scroll_down(animate=False)
        else:
            scroll.scroll_up(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


class ToolChooserScreen(ModalScreen[str | None]):
    """A list of the tools not compared yet, filtered as you type; Enter adds one."""

    BINDINGS = picker_bindings("Add")

    def __init__(self, tools: Sequence[Tool], lang: Lang) -> None:
        super().__init__()
        self.tools = list(tools)
        self.lang = lang
        self.shown: list[Tool] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="chooser-box"):
            yield Static(Content.styled(t("cmp_add_title", self.lang), "bold"), id="chooser-title")
            yield Input(placeholder=t("cmp_add_placeholder", self.lang), id="chooser-input")
            yield ItemList(id="chooser-list")
            yield Static(Content.styled(t("cmp_add_hint", self.lang), "dim"), id="chooser-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._fill("")

    @on(Input.Changed, "#chooser-input")
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, query: str) -> None:
        words = query.casefold().split()

        def matches(tool: Tool) -> bool:
            haystack = " ".join([tool.id, *tool.name.both(), *tool.aliases]).casefold()
            return all(word in haystack for word in words)

        self.shown = [tool for tool in self.tools if matches(tool)]
        results = self.query_one(ItemList)
        results.clear_options()
        results.add_options(
            Option(
                Content.assemble(
                    (_tool_name(tool, self.lang), "bold"), "  ", (tool.kind.get(self.lang), "dim")
                ),
                id=tool.id,
            )
            for tool in self.shown
        )
        if self.shown:
            results.highlighted = 0
        else:
            results.add_option(Option(Content.styled(t("cmp_add_none", self.lang), "dim")))
            results.disable_option_at_index(0)

    def action_move(self, step: int) -> None:
        if self.shown:
            self.query_one(ItemList).move_highlight(step)

    def action_choose(self) -> None:
        results = self.query_one(ItemList)
        if not self.shown or results.highlighted is None:
            return
        self.dismiss(self.shown[results.highlighted].id)

    @on(ItemList.OptionSelected, "#chooser-list")
    def _clicked(self, event: ItemList.OptionSelected) -> None:
        event.stop()
        if self.shown and event.option_index < len(self.shown):
            self.dismiss(self.shown[event.option_index].id)

    def action_close(self) -> None:
        self.dismiss(None)


# --------------------------------------------------------------------------------------
# The screen


class CompareScreen(Screen[None]):
    """Tools side by side. `tool_ids` (2..4) is the column order, `focus_col` the focused one."""

    AUTO_FOCUS = None

    def __init__(
        self,
        pack: Pack,
        lang: Lang,
        tool_ids: Sequence[str],
        *,
        focus_row: str | None = None,
        focus_tool: str | None = None,
    ) -> None:
        super().__init__()
        self.pack = pack
        self.lang = lang
        self.tool_ids: list[str] = list(dict.fromkeys(tool_ids))[:MAX_TOOLS]
        self.focus_col = self.tool_ids.index(focus_tool) if focus_tool in self.tool_ids else 0
        self.only_differences = False
        self.app_index = 0
        self.pair_index = 0
        self.apps: list[str] = []
        self.diffs: list[ExampleDiff] = []
        self._compute()
        self.initial_tab, self.initial_row = self._row_tab(focus_row)
        apply_bindings(self, compare_bindings(lang))

    # ------------------------------------------------------------------ state

    @property
    def tools(self) -> list[Tool]:
        return list(self.matrix.tools)

    def _compute(self) -> None:
        self.matrix: Matrix = compare_tools(self.pack, self.tool_ids)
        self.concepts: ConceptMatrix = compare_concepts(self.pack, self.tool_ids)
        self.apps = distinct_apps(self.pack, self.tool_ids)
        self.app_index = min(self.app_index, max(0, len(self.apps) - 1))
        self._compute_examples()

    def _compute_examples(self) -> None:
        if self.apps:
            examples = pick_examples(self.pack, self.tool_ids, self.apps[self.app_index])
            self.diffs = diff_example_set(examples) if len(examples) >= 2 else []
        else:
            self.diffs = []
        self.pair_index = min(self.pair_index, max(0, len(self.diffs) - 1))

    def _row_tab(self, row_id: str | None) -> tuple[str, str | None]:
        if row_id is not None:
            if any(row.id == row_id for row in self.matrix.rows):
                return "dimensions", row_id
            if any(row.id == row_id for row in self.concepts.rows):
                return "concepts", row_id
        return "dimensions", None

    @property
    def shown_rows(self) -> list[Row]:
        rows = self.matrix.rows
        return [r for r in rows if r.differs] if self.only_differences else list(rows)

    @property
    def shown_concepts(self) -> list[ConceptRow]:
        rows = self.concepts.rows
        return [r for r in rows if r.differs] if self.only_differences else list(rows)

    @property
    def active_tab(self) -> str:
        return self.query_one("#compare-tabs", TabbedContent).active

    @property
    def dimensions_grid(self) -> CompareGrid:
        return self.query_one("#dimensions-grid", CompareGrid)

    @property
    def concepts_grid(self) -> CompareGrid:
        return self.query_one("#concepts-grid", CompareGrid)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="compare-tools")
        with TabbedContent(id="compare-tabs", initial=self.initial_tab):
            with TabPane(t("cmp_tab_dimensions", self.lang), id="dimensions"):
                yield Static(id="dimensions-title", classes="compare-title")
                yield Static(id="dimensions-status", classes="compare-status")
                yield CompareGrid(id="dimensions-grid")
                yield Static(id="dimensions-hint", classes="compare-hint")
            with TabPane(t("cmp_tab_concepts", self.lang), id="concepts"):
                yield Static(id="concepts-status", classes="compare-status")
                yield CompareGrid(id="concepts-grid")
                yield Static(id="concepts-hint", classes="compare-hint")
            with TabPane(t("cmp_tab_examples", self.lang), id="examples"):
                yield Static(id="examples-status", classes="compare-status")
                yield DiffView(id="examples-diff")
                yield Static(id="examples-hint", classes="compare-hint")
        yield Footer()

    def on_mount(self) -> None:
        self._render_all(cursor=self.initial_row)
        self._focus_tab(self.initial_tab)

    def relabel(self, lang: Lang) -> None:
        self.lang = lang
        apply_bindings(self, compare_bindings(lang))
        tabs = self.query_one("#compare-tabs", TabbedContent)
        for pane_id, key in TABS:
            tabs.get_tab(pane_id).label = Content(t(key, lang))
        self._render_all()

    def set_tools(
        self,
        tool_ids: Sequence[str],
        *,
        focus_row: str | None = None,
        focus_tool: str | None = None,
    ) -> None:
        """Compare other tools (search, palette); show `focus_row` if given."""
        self.tool_ids = list(dict.fromkeys(tool_ids))[:MAX_TOOLS]
        self.focus_col = self.tool_ids.index(focus_tool) if focus_tool in self.tool_ids else 0
        self._compute()
        tab, row = self._row_tab(focus_row)
        if row is not None:
            self.only_differences = False  # the row asked for may be one of the equal ones
        self._render_all(cursor=row)
        if focus_row is not None:
            self.query_one("#compare-tabs", TabbedContent).active = tab
            self._focus_tab(tab)

    def _focus_tab(self, tab: str) -> None:
        widget_id = {"dimensions": "#dimensions-grid", "concepts": "#concepts-grid"}.get(
            tab, "#examples-diff"
        )
        self.query_one(widget_id).focus()

    def _render_all(self, cursor: str | None = None) -> None:
        self._render_tools()
        self._render_dimensions(cursor if self._row_tab(cursor)[0] == "dimensions" else None)
        self._render_concepts(cursor if self._row_tab(cursor)[0] == "concepts" else None)
        self._render_examples()

    def _render_tools(self) -> None:
        lang = self.lang
        parts: list[Content | str | tuple[str, str]] = [(t("cmp_tools", lang) + " ", "dim")]
        for i, tool in enumerate(self.tools):
            label = f"{i + 1} {_tool_name(tool, lang)}"
            if i == self.focus_col:
                parts.append((f"▸ {label} ", "bold reverse"))
            else:
                parts.append((f"  {label} ", "bold"))
            parts.append(" ")
        parts.append(("  " + t("cmp_tools_hint", lang), "dim"))
        self.query_one("#compare-tools", Static).update(Content.assemble(*parts))

    def _headers(self) -> list[Content]:
        return [Content(_tool_name(tool, self.lang)) for tool in self.tools]

    def _status(self, rows: int, differ: int) -> Content:
        key = "cmp_status_only" if self.only_differences else "cmp_status"
        return Content(t(key, self.lang, rows=rows, differ=differ))

    def _empty(self) -> Content:
        key = "cmp_no_differences" if self.only_differences else "cmp_no_rows"
        return Content.styled(t(key, self.lang), "dim")

    # dimensions

    def _cell(self, cell: Cell | None) -> tuple[Content, ...]:
        lang = self.lang
        if cell is None:
            return (Content.styled(MISSING, "dim"),)
        paragraphs: list[Content] = []
        info = level_info(cell.level)
        if info is not None:
            paragraphs.append(Content.styled(info.label(lang), LEVEL_STYLES.get(info.style, "")))
        text = Content(cell.text.get(lang))
        if cell.note is not None:
            text = Content.assemble(text, " ", (NOTE_MARK, NOTE_STYLE))
        paragraphs.append(text)
        return tuple(paragraphs)

    def _dimension_rows(self) -> list[GridRow]:
        rows = self.shown_rows
        return [
            GridRow(
                id=row.id,
                title=Content(row.title(self.lang)),
                differs=row.differs,
                cells=tuple(self._cell(cell) for cell in row.cells),
                break_before=i > 0 and rows[i - 1].in_comparison and not row.in_comparison,
            )
            for i, row in enumerate(rows)
        ]

    def _render_dimensions(self, cursor: str | None = None) -> None:
        matrix = self.matrix
        comparison = matrix.comparison
        # the pack comparison's own title (the seed's table), on wide screens only
        title = self.query_one("#dimensions-title", Static)
        title.update(Content(comparison.title.get(self.lang) if comparison is not None else ""))
        title.set_class(comparison is None, "-empty")
        self.query_one("#dimensions-status", Static).update(
            self._status(len(matrix.rows), matrix.differing)
        )
        self.dimensions_grid.set_rows(
            Content(t("cmp_col_feature", self.lang)),
            self._headers(),
            self._dimension_rows(),
            focus_column=self.focus_col,
            cursor_id=cursor,
            empty=self._empty(),
        )
        self._render_dimension_hint()

    def _row_by_id(self, row_id: str | None) -> Row | None:
        return next((row for row in self.matrix.rows if row.id == row_id), None)

    def _render_dimension_hint(self) -> None:
        lang = self.lang
        row = self._row_by_id(self.dimensions_grid.cursor_row_id)
        hint = Content("")
        if row is not None:
            noted = [
                _tool_name(tool, lang)
                for tool, cell in zip(self.tools, row.cells, strict=True)
                if cell is not None and cell.note is not None
            ]
            if noted:
                text = t("cmp_notes_hint", lang, count=len(noted), tools=", ".join(noted))
                hint = Content.styled(text, "$text-warning")
            else:
                hint = Content.styled(t("cmp_row_hint", lang), "dim")
        self.query_one("#dimensions-hint", Static).update(hint)

    # concepts

    def _concept_cell(self, cell: ConceptCell | None) -> tuple[Content, ...]:
        if cell is None:
            return (Content.styled(MISSING, "dim"),)
        return (Content.styled(cell.term, "bold"), Content(cell.text.get(self.lang)))

    def _render_concepts(self, cursor: str | None = None) -> None:
        concepts = self.concepts
        self.query_one("#concepts-status", Static).update(
            self._status(len(concepts.rows), concepts.differing)
        )
        self.concepts_grid.set_rows(
            Content(t("cmp_col_concept", self.lang)),
            self._headers(),
            [
                GridRow(
                    id=row.id,
                    title=Content(row.title(self.lang)),
                    differs=row.differs,
                    cells=tuple(self._concept_cell(cell) for cell in row.cells),
                )
                for row in self.shown_concepts
            ],
            focus_column=self.focus_col,
            cursor_id=cursor,
            empty=self._empty(),
        )
        has_rows = bool(self.concepts_grid.rows)
        self.query_one("#concepts-hint", Static).update(
            Content.styled(t("cmp_row_hint", self.lang) if has_rows else "", "dim")
        )

    # examples

    @property
    def current_diff(self) -> ExampleDiff | None:
        return self.diffs[self.pair_index] if self.diffs else None

    def _render_examples(self) -> None:
        lang = self.lang
        status = self.query_one("#examples-status", Static)
        view = self.query_one("#examples-diff", DiffView)
        hint = self.query_one("#examples-hint", Static)
        diff = self.current_diff
        if diff is None:
            status.update(Content(""))
            view.show(None, empty=Content.styled(t("cmp_no_examples", lang), "dim"))
            hint.update(Content(""))
            return
        left, right = diff.left, diff.right
        heading = Content.assemble(
            (_tool_name(left.tool, lang), "bold"),
            " ",
            left.example.title.get(lang),
            ("  →  ", "bold"),
            (_tool_name(right.tool, lang), "bold"),
            " ",
            right.example.title.get(lang),
        )
        facts = [
            f"{t('cmp_similarity', lang)} {round(diff.ratio * 100)}%",
            t("cmp_changed_lines", lang, count=diff.changed)
            if diff.changed
            else t("cmp_no_changes", lang),
        ]
        if len(self.diffs) > 1:
            facts.append(t("cmp_pair", lang, n=self.pair_index + 1, total=len(self.diffs)))
        if len(self.apps) > 1:
            facts.append(
                t(
                    "cmp_app",
                    lang,
                    app=self.apps[self.app_index],
                    n=self.app_index + 1,
                    total=len(self.apps),
                )
            )
        status.update(Content.assemble((" · ".join(facts), "dim"), "\n", heading))
        titles = tuple(
            Content(f"{_tool_name(side.tool, lang)} · {side.example.filename or side.example.id}")
            for side in (left, right)
        )
        view.show(diff, titles=(titles[0], titles[1]))
        hint.update(Content.styled(t("cmp_legend_diff", lang), "dim"))

    # ------------------------------------------------------------------ events

    @on(CompareGrid.CursorMoved, "#dimensions-grid")
    def _dimension_cursor(self) -> None:
        self._render_dimension_hint()

    # ------------------------------------------------------------------ actions

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_tab(self, tab: str) -> None:
        self.query_one("#compare-tabs", TabbedContent).active = tab
        self._focus_tab(tab)

    def action_toggle_differences(self) -> None:
        self.only_differences = not self.only_differences
        self._render_dimensions()
        self._render_concepts()

    def action_focus_column(self, step: int) -> None:
        self.focus_col = max(0, min(len(self.tool_ids) - 1, self.focus_col + step))
        self._render_tools()
        self._render_dimensions()
        self._render_concepts()

    def action_move_tool(self, step: int) -> None:
        i, j = self.focus_col, self.focus_col + step
        if not 0 <= j < len(self.tool_ids):
            return
        self.tool_ids[i], self.tool_ids[j] = self.tool_ids[j], self.tool_ids[i]
        self.focus_col = j
        self._compute()
        self._render_all()

    def action_remove_tool(self) -> None:
        if len(self.tool_ids) <= 2:
            self.notify(t("cmp_min_tools", self.lang), severity="warning", markup=False)
            return
        del self.tool_ids[self.focus_col]
        self.focus_col = min(self.focus_col, len(self.tool_ids) - 1)
        self._compute()
        self._render_all()

    def action_add_tool(self) -> None:
        if len(self.tool_ids) >= MAX_TOOLS:
            self.notify(
                t("cmp_max_tools", self.lang, max=MAX_TOOLS), severity="warning", markup=False
            )
            return
        candidates = [tool for tool in self.pack.ordered_tools if tool.id not in self.tool_ids]
        if not candidates:
            self.notify(t("cmp_no_more_tools", self.lang), severity="warning", markup=False)
            return
        self.app.push_screen(ToolChooserScreen(candidates, self.lang), self._tool_chosen)

    def _tool_chosen(self, tool_id: str | None) -> None:
        if tool_id is None or tool_id in self.tool_ids or len(self.tool_ids) >= MAX_TOOLS:
            return
        self.tool_ids.append(tool_id)
        self.focus_col = len(self.tool_ids) - 1
        self._compute()
        self._render_all()

    def action_next_pair(self) -> None:
        if self.diffs:
            self.pair_index = (self.pair_index + 1) % len(self.diffs)
        self._render_examples()
        self.action_tab("examples")

    def action_next_app(self) -> None:
        if self.apps:
            self.app_index = (self.app_index + 1) % len(self.apps)
            self.pair_index = 0
            self._compute_examples()
        self._render_examples()
        self.action_tab("examples")

    def action_details(self) -> None:
        tab = self.active_tab
        if tab == "dimensions":
            row = self._row_by_id(self.dimensions_grid.cursor_row_id)
            if row is not None:
                self.app.push_screen(
                    RowDetailScreen(row.title(self.lang), self._dimension_detail(row), self.lang)
                )
        elif tab == "concepts":
            row_id = self.concepts_grid.cursor_row_id
            crow = next((r for r in self.concepts.rows if r.id == row_id), None)
            if crow is not None:
                self.app.push_screen(
                    RowDetailScreen(crow.title(self.lang), self._concept_detail(crow), self.lang)
                )

    def _dimension_detail(self, row: Row) -> Content:
        lang = self.lang

        def cell_lines(cell: Cell) -> list[Content]:
            lines: list[Content] = []
            info = level_info(cell.level)
            if info is not None:
                lines.append(Content.styled(info.label(lang), LEVEL_STYLES.get(info.style, "")))
            lines.append(Content(cell.text.get(lang)))
            if cell.note is not None:
                lines.append(
                    Content.assemble(
                        (f"{NOTE_MARK} {t('cmp_note', lang)}: ", NOTE_STYLE),
                        cell.note.get(lang),
                    )
                )
            return lines

        return self._row_detail(row.dimension.description, row.cells, cell_lines)

    def _concept_detail(self, row: ConceptRow) -> Content:
        lang = self.lang
        return self._row_detail(
            row.concept.description,
            row.cells,
            lambda cell: [Content.styled(cell.term, "bold"), Content(cell.text.get(lang))],
        )

    def _row_detail(
        self,
        description: LocalizedText | None,
        cells: Sequence[_C | None],
        cell_lines: Callable[[_C], list[Content]],
    ) -> Content:
        """A row's description, then each compared tool's cell (`cell_lines`) or a mark
        that it has none."""
        lang = self.lang
        parts: list[Content] = []
        if description is not None:
            parts.append(Content.styled(description.get(lang), "italic"))
        for tool, cell in zip(self.tools, cells, strict=True):
            block: list[Content] = [Content.styled("■ " + _tool_name(tool, lang), "bold $accent")]
            if cell is None:
                block.append(Content.styled(f"{MISSING} {t('cmp_missing', lang)}", "dim"))
            else:
                block.extend(cell_lines(cell))
            parts.append(Content("\n").join(block))
        return Content("\n\n").join(parts)
