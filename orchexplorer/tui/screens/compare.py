"""The comparison: two to four tools side by side, in three tabs.

- Dimensions: one row per comparison axis, `≠` where the tools differ, support levels with
  symbol, word and colour, `※` where a cell has a note (n / Enter shows the row in full).
- Concepts: how each tool names the same idea.
- Examples: the tools' examples of the same app, two at a time, line by line.

Keys: `a` adds a tool (a filtered list, so a pack of hundreds of tools stays usable), `x`
removes the focused column's tool (never below two), `←`/`→` focus a column and `<`/`>`
(or `[`/`]`) move its tool, `d` shows only the rows that differ, `1`-`3` switch tabs,
`p`/`e` choose the example pair and app, Escape goes back to the explorer.

What is compared (tools, focused column, "differences only", example pair) is a
`CompareState` (`orchexplorer.compare_state`); a key swaps it for the state the change
returns, and the screen redraws what differs between the two. This module only draws;
its dialogs are in `screens.dialogs`. Texts from the pack are put into `Content` literally,
never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from orchexplorer.compare import FALSE_FRIEND_MARK, ConceptRow, Row, level_info
from orchexplorer.compare_state import MAX_TOOLS, CompareState
from orchexplorer.history import COMPARE_PORT_TABS, COMPARE_TABS, Place
from orchexplorer.i18n import Lang, t
from orchexplorer.model import Cell, ConceptCell, LocalizedText, Pack, Tool
from orchexplorer.portability import Section
from orchexplorer.tui.bindings import apply_bindings
from orchexplorer.tui.screens.dialogs import RowDetailScreen, ToolChooserScreen
from orchexplorer.tui.screens.portability import PortabilityPane
from orchexplorer.tui.widgets.compare_diff import DiffView
from orchexplorer.tui.widgets.compare_grid import LEVEL_STYLES, CompareGrid, GridRow
from orchexplorer.tui.widgets.find_bar import FindBar, highlighted

if TYPE_CHECKING:
    from orchexplorer.tui.app import OrchExplorerApp

_C = TypeVar("_C", Cell, ConceptCell)  # a dimension's or a concept's cell

MISSING = "—"
NOTE_MARK = "※"
NOTE_STYLE = "bold $text-warning"

#: Tab ids in key order (1..3) and the i18n key of each label.
TABS: tuple[tuple[str, str], ...] = tuple(COMPARE_TABS.items())


#: Tabs 4 and 5: the portability reference's Compose keys and commands.
PORT_TABS: tuple[tuple[str, Section], ...] = COMPARE_PORT_TABS


def compare_bindings(lang: Lang) -> list[BindingType]:
    """The comparison screen's keys, described in `lang` (footer and `?`)."""
    tab_bindings = [
        Binding(str(n), f"tab('{pane_id}')", t("key_" + key, lang), show=False)
        for n, (pane_id, key) in enumerate(TABS, start=1)
    ] + [
        Binding(str(n), f"tab('{pane_id}')", t(f"port_tab_{section}", lang), show=False)
        for n, (pane_id, section) in enumerate(PORT_TABS, start=len(TABS) + 1)
    ]
    return [
        Binding("escape", "back", t("key_back", lang), id="compare.back"),
        Binding("d", "toggle_differences", t("key_cmp_differences", lang), id="compare.diff"),
        Binding("a", "add_tool", t("key_cmp_add", lang), id="compare.add"),
        Binding("x", "remove_tool", t("key_cmp_remove", lang), id="compare.remove"),
        Binding("enter", "details", t("key_cmp_notes", lang), show=False, id="compare.notes"),
        Binding(
            "n", "details_or_next", t("key_cmp_notes_or_next", lang), show=False, id="compare.n"
        ),
        Binding("f", "find", t("key_find", lang), id="compare.find"),
        Binding("N", "find_next(-1)", t("key_find_previous", lang), show=False, id="find-prev"),
        Binding("left", "focus_column(-1)", t("key_cmp_column_left", lang), show=False),
        Binding("right", "focus_column(1)", t("key_cmp_column_right", lang), show=False),
        Binding(
            "less_than_sign",
            "move_tool(-1)",
            t("key_cmp_move_left", lang),
            show=False,
        ),
        Binding(
            "greater_than_sign",
            "move_tool(1)",
            t("key_cmp_move_right", lang),
            show=False,
        ),
        Binding("p", "next_pair", t("key_cmp_pair", lang), show=False),
        Binding("o", "open_source", t("key_open_source", lang), show=False, id="compare.open"),
        Binding("e", "next_app", t("key_cmp_app", lang), show=False),
        Binding("question_mark", "app.help", t("key_help", lang), id="help"),
        Binding("slash", "app.search", t("key_search", lang), show=False, id="search"),
        Binding("g", "app.guide", t("key_guide", lang), show=False, id="guide"),
        Binding("l", "app.toggle_lang", t("key_lang", lang), id="lang"),
        Binding("q", "app.quit", t("key_quit", lang), show=False, id="quit"),
        *tab_bindings,
    ]


def _tool_name(tool: Tool, lang: Lang) -> str:
    return tool.name.get(lang)


# --------------------------------------------------------------------------------------
# The screen


class CompareScreen(Screen[None]):
    """Tools side by side: a view of `state` (a `CompareState`)."""

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
        self.lang = lang
        self.pack = pack
        self.state = CompareState.of(pack, tool_ids, focus_tool=focus_tool)
        self.find_query = ""  # highlighted in the grids (the find bar)
        tab = self.state.row_tab(focus_row)
        self.initial_tab = tab or "dimensions"
        self.initial_row = focus_row if tab is not None else None
        apply_bindings(self, compare_bindings(lang))

    # ------------------------------------------------------------------ state

    @property
    def tool_ids(self) -> list[str]:
        """The compared tools' ids, in column order."""
        return list(self.state.tool_ids)

    @property
    def tools(self) -> tuple[Tool, ...]:
        return self.state.tools

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
            # The key-level reference and the commands, when the pack has them.
            for pane_id, section in PORT_TABS:
                if self.pack_has(section):
                    with TabPane(t(f"port_tab_{section}", self.lang), id=pane_id):
                        yield PortabilityPane(self.pack, self.lang, section, id=f"{pane_id}-pane")
        yield FindBar(self, self.lang, id="find-bar")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)
        self._render_all(cursor=self.initial_row)
        self._focus_tab(self.initial_tab)

    def _lang_changed(self, lang: Lang) -> None:
        self.lang = lang
        apply_bindings(self, compare_bindings(lang))
        self.query_one(FindBar).set_lang(lang)
        tabs = self.query_one("#compare-tabs", TabbedContent)
        for pane_id, key in TABS:
            tabs.get_tab(pane_id).label = Content(t(key, lang))
        for pane in self.query(PortabilityPane):
            tabs.get_tab((pane.id or "").removesuffix("-pane")).label = Content(
                t(f"port_tab_{pane.section}", lang)
            )
            pane.set_lang(lang)
        self._render_all()

    def set_tools(
        self,
        tool_ids: Sequence[str],
        *,
        focus_row: str | None = None,
        focus_tool: str | None = None,
    ) -> None:
        """Compare other tools (search, palette); show `focus_row` if given."""
        self.state = self.state.with_tools(tool_ids, focus_tool=focus_tool).reveal(focus_row)
        tab = self.state.row_tab(focus_row)
        self._render_all(cursor=focus_row if tab is not None else None)
        if focus_row is not None:
            self.action_tab(tab or "dimensions")

    def place(self) -> Place | None:
        """The tools, the open tab and the row under the cursor (history, marks)."""
        tab = self.active_tab
        if not tab:  # still being mounted
            return None
        row: str | None = None
        if tab == "dimensions":
            row = self.dimensions_grid.cursor_row_id
        elif tab == "concepts":
            row = self.concepts_grid.cursor_row_id
        else:
            panes = self.query(f"#{tab}-pane")
            item = panes.first(PortabilityPane).current() if panes else None
            row = item.id if item is not None else None
        return Place("compare", tab=tab, item=row, tools=tuple(self.state.tool_ids))

    def show_place(self, place: Place) -> None:
        """Go to `place` (a comparison of these tools): its tab and row."""
        if place.item is not None and self.state.row_tab(place.item) is not None:
            self.set_tools(list(place.tools), focus_row=place.item)
            return
        if place.tab is not None:
            self.action_tab(place.tab)
            panes = self.query(f"#{place.tab}-pane")
            if panes and place.item is not None:
                panes.first(PortabilityPane).select(place.item)

    def pack_has(self, section: Section) -> bool:
        return bool(self.pack.compose_keys if section == "keys" else self.pack.commands)

    def _focus_tab(self, tab: str) -> None:
        panes = self.query(f"#{tab}-pane")
        if panes:
            panes.first(PortabilityPane).table.focus()
            return
        widget_id = {"dimensions": "#dimensions-grid", "concepts": "#concepts-grid"}.get(
            tab, "#examples-diff"
        )
        self.query_one(widget_id).focus()

    def _change(self, state: CompareState) -> None:
        """Show `state` instead, redrawing what differs from the one shown."""
        old, self.state = self.state, state
        if state.tool_ids != old.tool_ids:
            self._render_all()
            return
        if state.focus != old.focus:
            self._render_tools()
        if state.focus != old.focus or state.only_differences != old.only_differences:
            self._render_dimensions()
            self._render_concepts()
        if (state.app_index, state.pair_index) != (old.app_index, old.pair_index):
            self._render_examples()

    def _render_all(self, cursor: str | None = None) -> None:
        tab = self.state.row_tab(cursor)
        self._render_tools()
        self._render_dimensions(cursor if tab == "dimensions" else None)
        self._render_concepts(cursor if tab == "concepts" else None)
        self._render_examples()

    def _render_tools(self) -> None:
        lang = self.lang
        parts: list[Content | str | tuple[str, str]] = [(t("cmp_tools", lang) + " ", "dim")]
        for i, tool in enumerate(self.tools):
            label = f"{i + 1} {_tool_name(tool, lang)}"
            if i == self.state.focus:
                parts.append((f"▸ {label} ", "bold reverse"))
            else:
                parts.append((f"  {label} ", "bold"))
            parts.append(" ")
        parts.append(("  " + t("cmp_tools_hint", lang), "dim"))
        self.query_one("#compare-tools", Static).update(Content.assemble(*parts))

    def _headers(self) -> list[Content]:
        return [Content(_tool_name(tool, self.lang)) for tool in self.tools]

    def _status(self, rows: int, differ: int) -> Content:
        key = "cmp_status_only" if self.state.only_differences else "cmp_status"
        return Content(t(key, self.lang, rows=rows, differ=differ))

    def _empty(self) -> Content:
        key = "cmp_no_differences" if self.state.only_differences else "cmp_no_rows"
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
        rows = self.state.shown_rows
        return [
            GridRow(
                id=row.id,
                title=self._hl(Content(row.title(self.lang))),
                differs=row.differs,
                cells=tuple(tuple(map(self._hl, self._cell(cell))) for cell in row.cells),
                break_before=i > 0 and rows[i - 1].in_comparison and not row.in_comparison,
            )
            for i, row in enumerate(rows)
        ]

    def _render_dimensions(self, cursor: str | None = None) -> None:
        matrix = self.state.matrix
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
            focus_column=self.state.focus,
            cursor_id=cursor,
            empty=self._empty(),
        )
        self._render_dimension_hint()

    def _render_dimension_hint(self) -> None:
        lang = self.lang
        row = self.state.dimension_row(self.dimensions_grid.cursor_row_id)
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
        concepts = self.state.concepts
        self.query_one("#concepts-status", Static).update(
            self._status(len(concepts.rows), concepts.differing)
        )
        self.concepts_grid.set_rows(
            Content(t("cmp_col_concept", self.lang)),
            self._headers(),
            [
                GridRow(
                    id=row.id,
                    title=self._hl(Content(row.label(self.lang))),
                    differs=row.differs,
                    cells=tuple(
                        tuple(map(self._hl, self._concept_cell(cell))) for cell in row.cells
                    ),
                )
                for row in self.state.shown_concepts
            ],
            focus_column=self.state.focus,
            cursor_id=cursor,
            empty=self._empty(),
        )
        has_rows = bool(self.concepts_grid.rows)
        self.query_one("#concepts-hint", Static).update(
            Content.styled(t("cmp_row_hint", self.lang) if has_rows else "", "dim")
        )

    # examples

    def _render_examples(self) -> None:
        lang = self.lang
        status = self.query_one("#examples-status", Static)
        view = self.query_one("#examples-diff", DiffView)
        hint = self.query_one("#examples-hint", Static)
        state = self.state
        diff = state.current_diff
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
        if len(state.diffs) > 1:
            facts.append(t("cmp_pair", lang, n=state.pair_index + 1, total=len(state.diffs)))
        if len(state.apps) > 1:
            facts.append(
                t(
                    "cmp_app",
                    lang,
                    app=state.current_app,
                    n=state.app_index + 1,
                    total=len(state.apps),
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
        if tab.startswith("cmp-") and not self.query(f"#{tab}-pane"):
            return  # a pack without the portability reference has no such tab
        self.query_one("#compare-tabs", TabbedContent).active = tab
        self._focus_tab(tab)

    def action_toggle_differences(self) -> None:
        self._change(self.state.toggle_differences())

    def action_focus_column(self, step: int) -> None:
        self._change(self.state.focus_column(step))

    def action_move_tool(self, step: int) -> None:
        self._change(self.state.move_focused(step))

    def action_remove_tool(self) -> None:
        if not self.state.can_remove:
            self.notify(t("cmp_min_tools", self.lang), severity="warning", markup=False)
            return
        self._change(self.state.remove_focused())

    def action_add_tool(self) -> None:
        if not self.state.can_add:
            self.notify(
                t("cmp_max_tools", self.lang, max=MAX_TOOLS), severity="warning", markup=False
            )
            return
        candidates = self.state.candidates
        if not candidates:
            self.notify(t("cmp_no_more_tools", self.lang), severity="warning", markup=False)
            return
        self.app.push_screen(ToolChooserScreen(candidates, self.lang), self._tool_chosen)

    def _tool_chosen(self, tool_id: str | None) -> None:
        if tool_id is not None:
            self._change(self.state.add(tool_id))

    def action_next_pair(self) -> None:
        self._change(self.state.next_pair())
        self.action_tab("examples")

    def action_next_app(self) -> None:
        self._change(self.state.next_app())
        self.action_tab("examples")

    # ------------------------------------------------------------------ find

    def _find_grid(self) -> CompareGrid | None:
        tab = self.active_tab
        if tab == "dimensions":
            return self.dimensions_grid
        if tab == "concepts":
            return self.concepts_grid
        return None

    def find_items(self) -> list[tuple[str, str]]:
        grid = self._find_grid()
        if grid is None:
            return []
        return [
            (
                row.id,
                " ".join([row.title.plain, *(p.plain for cell in row.cells for p in cell)]),
            )
            for row in grid.rows
        ]

    def find_current(self) -> str | None:
        grid = self._find_grid()
        return grid.cursor_row_id if grid is not None else None

    def find_show(self, key: str) -> None:
        grid = self._find_grid()
        if grid is not None and key in grid.row_ids:
            grid.move_cursor(grid.row_ids.index(key))

    def find_highlight(self, query: str) -> None:
        self.find_query = query
        if self.active_tab == "dimensions":
            self._render_dimensions()
        elif self.active_tab == "concepts":
            self._render_concepts()

    def find_focus_view(self) -> None:
        self._focus_tab(self.active_tab)

    def _hl(self, content: Content) -> Content:
        return highlighted(content, self.find_query) if self.find_query else content

    def action_find(self) -> None:
        """`f`: find in the dimensions or concepts shown."""
        if self._find_grid() is None:
            self.notify(t("find_not_here", self.lang), severity="warning", markup=False)
            return
        self.query_one(FindBar).open()

    def action_find_next(self, direction: int) -> None:
        bar = self.query_one(FindBar)
        if bar.active and self._find_grid() is not None:
            bar.refresh_matches()
            bar.next(direction)

    def action_open_source(self) -> None:
        """`o`: the source of the focused tool's cell in the row under the cursor (a
        dimension cell's note), or of the portability row."""
        url: str | None = None
        tab = self.active_tab
        panes = self.query(f"#{tab}-pane")
        if panes:
            item = panes.first(PortabilityPane).current()
            url = item.sources[0].url if item is not None and item.sources else None
        elif tab == "dimensions":
            dim = self.pack.dimension(self.dimensions_grid.cursor_row_id or "")
            cell = dim.cells.get(self.state.focused_tool) if dim is not None else None
            url = cell.source if cell is not None else None
        cast("OrchExplorerApp", self.app).open_source(url)

    def action_details_or_next(self) -> None:
        """`n`: the next match while a find is active here, else the row's notes."""
        bar = self.query_one(FindBar)
        if bar.active and self._find_grid() is not None:
            self.action_find_next(1)
        else:
            self.action_details()

    def action_details(self) -> None:
        """The row under the cursor in full, in a dialog."""
        tools = self.state.tools
        panes = self.query(f"#{self.active_tab}-pane")
        if panes:
            panes.first(PortabilityPane).open_detail()
            return
        if self.active_tab == "dimensions":
            row = self.state.dimension_row(self.dimensions_grid.cursor_row_id)
            if row is not None:
                self.app.push_screen(
                    RowDetailScreen(
                        lambda lang: (row.title(lang), dimension_detail(row, tools, lang)),
                        self.lang,
                    )
                )
        elif self.active_tab == "concepts":
            crow = self.state.concept_row(self.concepts_grid.cursor_row_id)
            if crow is not None:
                self.app.push_screen(
                    RowDetailScreen(
                        lambda lang: (crow.title(lang), concept_detail(crow, tools, lang)),
                        self.lang,
                    )
                )


# --------------------------------------------------------------------------------------
# A row in full


def dimension_detail(row: Row, tools: Sequence[Tool], lang: Lang) -> Content:
    """A dimension row in full: its description, then each tool's level, text and note."""

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
            if cell.source is not None:
                lines.append(
                    Content.styled(
                        f"{cell.source} ({t('note_checked', lang)} {cell.checked})", "dim"
                    )
                )
        return lines

    return _row_detail(row.dimension.description, tools, row.cells, cell_lines, lang)


def concept_detail(row: ConceptRow, tools: Sequence[Tool], lang: Lang) -> Content:
    """A concept row in full: its description, each tool's term and text, and the words
    in it that mean different things per tool."""
    body = _row_detail(
        row.concept.description,
        tools,
        row.cells,
        lambda cell: [Content.styled(cell.term, "bold"), Content(cell.text.get(lang))],
        lang,
    )
    friends = [
        Content.styled(f"{FALSE_FRIEND_MARK} {t('cmp_false_friend', lang, term=f.term)}", "bold")
        + Content("\n" + f.difference.get(lang))
        for f in row.false_friends
    ]
    return Content("\n\n").join([body, *friends]) if friends else body


def _row_detail(
    description: LocalizedText | None,
    tools: Sequence[Tool],
    cells: Sequence[_C | None],
    cell_lines: Callable[[_C], list[Content]],
    lang: Lang,
) -> Content:
    """A row's description, then each compared tool's cell (`cell_lines`) or a mark that it
    has none."""
    parts: list[Content] = []
    if description is not None:
        parts.append(Content.styled(description.get(lang), "italic"))
    for tool, cell in zip(tools, cells, strict=True):
        block: list[Content] = [Content.styled("■ " + _tool_name(tool, lang), "bold $accent")]
        if cell is None:
            block.append(Content.styled(f"{MISSING} {t('cmp_missing', lang)}", "dim"))
        else:
            block.extend(cell_lines(cell))
        parts.append(Content("\n").join(block))
    return Content("\n\n").join(parts)
