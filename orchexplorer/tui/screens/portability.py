"""The portability reference: every Compose key across the tools, the docker CLI beside
kubectl, and the words that mean different things per tool. Rows filter as you type; Enter
opens a row's detail with its sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static, TabbedContent, TabPane

from orchexplorer.history import Place
from orchexplorer.i18n import Lang, t
from orchexplorer.model import (
    CommandMapping,
    ComposeKey,
    FalseFriend,
    LocalizedText,
    Pack,
    Source,
)
from orchexplorer.portability import (
    Item,
    Section,
    command_cell,
    command_tools,
    filtered,
    inherited_label,
    key_cell,
    key_tools,
    port_label,
    row_cells,
)
from orchexplorer.tui.bindings import apply_bindings
from orchexplorer.tui.widgets.port_table import PortTable

if TYPE_CHECKING:
    from orchexplorer.tui.app import OrchExplorerApp

SECTIONS: tuple[Section, ...] = ("keys", "commands", "friends")


def _bindings(lang: Lang) -> list[Binding]:
    return [
        Binding("escape", "back", t("key_back", lang), id="port-back"),
        Binding("enter", "detail", t("port_key_detail", lang), show=False, id="port-detail"),
        Binding("o", "open_source", t("key_open_source", lang), show=False, id="port-open"),
        Binding("1", "section('keys')", t("port_tab_keys", lang), show=False),
        Binding("2", "section('commands')", t("port_tab_commands", lang), show=False),
        Binding("3", "section('friends')", t("port_tab_friends", lang), show=False),
    ]


def _pane_bindings(lang: Lang) -> list[Binding]:
    return [Binding("slash", "focus_filter", t("port_key_filter", lang), id="port-filter")]


def _name(pack: Pack, tool_id: str, lang: Lang) -> str:
    tool = pack.tool(tool_id)
    return tool.name.get(lang) if tool is not None else tool_id


def _sources(sources: list[Source], lang: Lang) -> Content:
    lines = [Content.styled(t("port_sources", lang), "bold")]
    for source in sources:
        lines.append(Content(f"{source.url}  ({t('note_checked', lang)} {source.checked})"))
    return Content("\n").join(lines)


def _localized(text: LocalizedText | None, lang: Lang) -> str:
    return text.get(lang) if text is not None else ""


def _inherited(pack: Pack, source: str | None, lang: Lang) -> Content:
    """'  (as Kubernetes)' after a cell shown from the implemented tool; nothing otherwise."""
    if source is None:
        return Content("")
    return Content.styled(f"  ({inherited_label(pack, source, lang)})", "italic $text-muted")


def detail(pack: Pack, item: Item, lang: Lang) -> tuple[str, Content]:
    """The title and body of a row's detail, as literal Content (content is untrusted)."""
    parts: list[Content] = []
    if isinstance(item, ComposeKey):
        title = item.key
        parts.append(Content.styled(item.summary.get(lang), "italic"))
        for tool_id, cell, source in row_cells(pack, item.support):
            block = [
                Content.styled(f"■ {_name(pack, tool_id, lang)}  ", "bold")
                + Content(port_label(cell.level, lang))
                + _inherited(pack, source, lang)
            ]
            if cell.equivalent:
                block.append(Content(f"{t('port_equivalent', lang)}: {cell.equivalent}"))
            if cell.text is not None:
                block.append(Content(cell.text.get(lang)))
            if cell.workaround is not None:
                block.append(Content(f"{t('port_workaround', lang)}: {cell.workaround.get(lang)}"))
            parts.append(Content("\n").join(block))
    elif isinstance(item, CommandMapping):
        title = item.task.get(lang)
        for tool_id, command, source in row_cells(pack, item.commands):
            block = [
                Content.styled(f"■ {_name(pack, tool_id, lang)}", "bold")
                + _inherited(pack, source, lang)
            ]
            block.append(Content.styled(command.command, "$accent"))
            if command.text is not None:
                block.append(Content(command.text.get(lang)))
            parts.append(Content("\n").join(block))
        parts.append(Content(f"{t('port_difference', lang)}: {item.difference.get(lang)}"))
    else:
        title = item.term
        parts.append(Content.styled(f"⚠ {t('port_false_friend', lang)}", "bold"))
        # K3s has no entry where it means what Kubernetes means: shown as Kubernetes's
        for tool_id, meaning, source in row_cells(pack, item.meanings):
            parts.append(
                Content.styled(f"■ {_name(pack, tool_id, lang)}", "bold")
                + _inherited(pack, source, lang)
                + Content("\n" + meaning.get(lang))
            )
        parts.append(Content(f"{t('port_difference', lang)}: {item.difference.get(lang)}"))
    parts.append(_sources(item.sources, lang))
    return title, Content("\n\n").join(parts)


class PortabilityPane(Vertical):
    """One section's rows: a filter line, a count and a table. Used by the portability
    screen (a tab per section) and by the comparison screen (its own tabs)."""

    BINDINGS = [
        Binding("j", "move(1)", show=False),
        Binding("k", "move(-1)", show=False),
    ]

    def __init__(self, pack: Pack, lang: Lang, section: Section, *, id: str | None = None):
        super().__init__(id=id, classes="port-pane")
        self.pack = pack
        self.lang = lang
        self.section: Section = section
        self.query_text = ""
        self.shown: list[Item] = []
        apply_bindings(self, _pane_bindings(lang))

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder=t("port_filter_hint", self.lang),
            classes="port-filter",
            select_on_focus=False,
        )
        yield Static(classes="port-count")
        yield PortTable()

    def on_mount(self) -> None:
        self.fill()

    @property
    def table(self) -> PortTable:
        return self.query_one(PortTable)

    @property
    def filter_input(self) -> Input:
        return self.query_one(Input)

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        apply_bindings(self, _pane_bindings(lang))
        self.filter_input.placeholder = t("port_filter_hint", lang)
        self.fill()

    def _columns(self) -> list[tuple[str, str]]:
        lang, section = self.lang, self.section
        if section == "keys":
            return [("key", t("port_col_key", lang))] + [
                (tid, _name(self.pack, tid, lang)) for tid in key_tools(self.pack)
            ]
        if section == "commands":
            return [("task", t("port_col_task", lang))] + [
                (tid, _name(self.pack, tid, lang)) for tid in command_tools(self.pack)
            ]
        return [("term", t("port_col_term", lang)), ("difference", t("port_difference", lang))]

    def _cells(self, item: Item, columns: list[str]) -> list[Text]:
        lang = self.lang
        if isinstance(item, ComposeKey):
            cells = [Text(item.key)]
            for tid in columns[1:]:
                cell, source = key_cell(self.pack, item, tid)
                if cell is None:
                    cells.append(Text("–"))
                    continue
                text = port_label(cell.level, lang)
                shown = Text(f"{text}  {cell.equivalent}" if cell.equivalent else text)
                cells.append(self._mark(shown, source))
            return cells
        if isinstance(item, CommandMapping):
            cells = [Text(item.task.get(lang))]
            for tid in columns[1:]:
                command, source = command_cell(self.pack, item, tid)
                if command is None:
                    cells.append(Text("–"))
                    continue
                cells.append(self._mark(Text(command.command), source))
            return cells
        assert isinstance(item, FalseFriend)
        return [Text(f"⚠ {item.term}"), Text(item.difference.get(lang))]

    def _mark(self, text: Text, source: str | None) -> Text:
        """A cell shown from the implemented tool ends with '(as Kubernetes)', dimmed."""
        if source is not None:
            text.append(f"  ({inherited_label(self.pack, source, self.lang)})", "dim italic")
        return text

    def fill(self) -> None:
        table = self.table
        row = table.cursor_row
        table.clear(columns=True)
        columns = self._columns()
        for key, label in columns:
            table.add_column(Text(label), key=key)
        self.shown = filtered(self.pack, self.section, self.query_text)
        ids = [c for c, _label in columns]
        for item in self.shown:
            table.add_row(*self._cells(item, ids), key=item.id)
        if self.shown:
            table.move_cursor(row=min(row, len(self.shown) - 1))
        self._show_count()

    @on(PortTable.ColumnsShown)
    def _columns_shown(self, event: PortTable.ColumnsShown) -> None:
        event.stop()
        self._show_count()

    def _show_count(self) -> None:
        """'3 of 12', and where the tool columns do not all fit, which of them are on show
        and that ←/→ bring the others ('columns 1–3 of 6 ▸')."""
        lang = self.lang
        total = len(filtered(self.pack, self.section, ""))
        text = Content(t("port_count", lang, shown=len(self.shown), total=total))
        columns = self.table.shown_columns()
        if columns.total and not columns.all_shown:
            arrows = ("◂" if columns.more_left else " ") + ("▸" if columns.more_right else " ")
            where = t(
                "port_columns",
                lang,
                first=columns.first or "-",
                last=columns.last or "-",
                total=columns.total,
            )
            text = Content.assemble(
                text,
                ("  ·  ", "dim"),
                (f"{where} {arrows}", "bold $text-warning"),
                ("  " + t("port_columns_hint", lang), "dim"),
            )
        self.query_one(".port-count", Static).update(text)

    @on(Input.Changed)
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_text = event.value
        self.fill()

    @on(Input.Submitted)
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter filters by the text as it is now: a Hangul syllable still being composed
        reaches the app only when Enter ends it, possibly after the last change."""
        event.stop()
        if event.value != self.query_text:
            self.query_text = event.value
            self.fill()
        self.table.focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_detail()

    def on_key(self, event: events.Key) -> None:
        """Typing a letter on the table starts filtering (rows filter as you type)."""
        char = event.character
        if (
            self.table.has_focus
            and char is not None
            and len(char) == 1
            and char.isprintable()
            and not char.isspace()
            and char not in "jk0123456789/?"
            and event.key not in self.app.active_bindings
        ):
            event.stop()
            event.prevent_default()
            self.filter_input.focus()
            self.filter_input.insert_text_at_cursor(char)

    def action_focus_filter(self) -> None:
        self.filter_input.focus()

    def action_move(self, step: int) -> None:
        if step > 0:
            self.table.action_cursor_down()
        else:
            self.table.action_cursor_up()

    def current(self) -> Item | None:
        row = self.table.cursor_row
        return self.shown[row] if self.shown and 0 <= row < len(self.shown) else None

    def select(self, item_id: str) -> bool:
        """Put the cursor on the item `item_id` (clearing a filter that hides it)."""
        ids = [item.id for item in self.shown]
        if item_id not in ids and self.query_text:
            self.filter_input.value = ""
            self.query_text = ""
            self.fill()
            ids = [item.id for item in self.shown]
        if item_id not in ids:
            return False
        self.table.move_cursor(row=ids.index(item_id))
        return True

    def open_detail(self) -> None:
        item = self.current()
        if item is None:
            return
        from orchexplorer.tui.screens.dialogs import RowDetailScreen

        pack = self.pack
        self.app.push_screen(RowDetailScreen(lambda lang: detail(pack, item, lang), self.lang))


class PortabilityScreen(Screen[None]):
    """A tab per section (keys, commands, false friends)."""

    def __init__(self, pack: Pack, lang: Lang, section: Section = "keys") -> None:
        super().__init__()
        self.pack = pack
        self.lang = lang
        self.section: Section = section
        apply_bindings(self, _bindings(lang))

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial=self.section, id="port-tabs"):
            for section in SECTIONS:
                with TabPane(t(f"port_tab_{section}", self.lang), id=section):
                    yield PortabilityPane(self.pack, self.lang, section, id=f"port-{section}")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)
        self.call_after_refresh(self._pane(self.section).table.focus)

    def _pane(self, section: Section) -> PortabilityPane:
        return self.query_one(f"#port-{section}", PortabilityPane)

    @on(TabbedContent.TabActivated)
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane.id
        if pane in SECTIONS:
            self.section = pane

    def _lang_changed(self, lang: Lang) -> None:
        self.lang = lang
        apply_bindings(self, _bindings(lang))
        tabs = self.query_one(TabbedContent)
        for section in SECTIONS:
            tabs.get_tab(section).label = Content(t(f"port_tab_{section}", lang))
            self._pane(section).set_lang(lang)

    def place(self) -> Place | None:
        item = self._pane(self.section).current()
        return Place("portability", tab=self.section, item=item.id if item else None)

    def show_place(self, place: Place) -> None:
        section = next((s for s in SECTIONS if s == place.tab), self.section)
        self.action_section(section)
        if place.item is not None:
            self._pane(section).select(place.item)

    def action_section(self, section: Section) -> None:
        self.query_one(TabbedContent).active = section
        self.section = section
        self._pane(section).table.focus()

    def action_filter(self) -> None:
        self._pane(self.section).filter_input.focus()

    def action_open_source(self) -> None:
        """`o`: the first source of the row under the cursor."""
        item = self._pane(self.section).current()
        url = item.sources[0].url if item is not None and item.sources else None
        cast("OrchExplorerApp", self.app).open_source(url)

    def action_detail(self) -> None:
        self._pane(self.section).open_detail()

    def action_back(self) -> None:
        pane = self._pane(self.section)
        if pane.filter_input.has_focus:
            pane.table.focus()
            return
        self.dismiss(None)
