"""The main screen: sidebar of tools on the left, the selected tool's tabs on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Footer, Header, Static

from orchexplorer.history import Place
from orchexplorer.i18n import Lang, t
from orchexplorer.model import Pack, Tool
from orchexplorer.tui.bindings import AppScreen, apply_bindings
from orchexplorer.tui.widgets.detail import TABS, ToolDetail
from orchexplorer.tui.widgets.find_bar import FindBar
from orchexplorer.tui.widgets.sidebar import ToolList

if TYPE_CHECKING:
    from orchexplorer.tui.app import OrchExplorerApp


def explorer_bindings(lang: Lang) -> list[BindingType]:
    """The explorer's own keys (the app-wide ones are the app's: `app_bindings`)."""
    tab_bindings = [
        Binding(str(n), f"tab('{pane_id}')", t("key_tab_" + pane_id, lang), show=False)
        for n, (pane_id, _key) in enumerate(TABS, start=1)
    ]
    return [
        Binding("c", "app.compare", t("key_compare", lang), id="compare"),
        Binding("y", "copy_example", t("key_copy", lang), id="copy"),
        Binding("s", "save_example", t("key_save", lang), show=False, id="save"),
        Binding("p", "app.portability", t("key_portability", lang), id="portability"),
        Binding("o", "open_docs", t("key_open", lang), id="open"),
        Binding("f", "find", t("key_find", lang), id="find"),
        Binding("n", "find_next(1)", t("key_find_next", lang), show=False, id="find-next"),
        Binding("N", "find_next(-1)", t("key_find_previous", lang), show=False, id="find-prev"),
        Binding("b", "toggle_sidebar", t("key_sidebar", lang), show=False, id="sidebar"),
        Binding("escape", "back", t("key_back", lang), show=False, id="back"),
        *tab_bindings,
    ]


class ExplorerScreen(AppScreen):
    """Sidebar + detail. Reacts to `ToolList.ToolSelected` and `ToolDetail.JumpToTool`."""

    AUTO_FOCUS = "#sidebar"

    def __init__(self, pack: Pack, lang: Lang, tool_id: str | None = None) -> None:
        super().__init__()
        self.pack = pack
        self.lang = lang
        self.initial_tool = tool_id
        apply_bindings(self, explorer_bindings(lang))

    def compose(self) -> ComposeResult:
        yield Header()
        tools = self.pack.ordered_tools
        with Horizontal(id="main"):
            yield ToolList(tools, self.lang, id="sidebar")
            if tools:
                yield ToolDetail(self.pack, self.lang, id="detail")
            else:
                yield Static(Content(t("empty_pack", self.lang)), id="detail", classes="empty")
        yield FindBar(self, self.lang, id="find-bar")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)
        sidebar = self.query_one(ToolList)
        tools = self.pack.ordered_tools
        if tools:
            tool = self.pack.tool(self.initial_tool or "") or tools[0]
            sidebar.select_tool(tool.id)
            self.query_one(ToolDetail).show(tool)

    # ------------------------------------------------------------------ state

    @property
    def tool(self) -> Tool | None:
        details = self.query(ToolDetail)
        return details.first().tool if details else None

    @property
    def detail(self) -> ToolDetail | None:
        details = self.query(ToolDetail)
        return details.first() if details else None

    def place(self) -> Place | None:
        """The tool, its open tab and the item under the cursor there (history, marks)."""
        detail = self.detail
        if detail is None or detail.tool is None:
            return None
        tab = detail.active_tab
        if not tab:  # still being mounted
            return None
        return Place("tool", tool=detail.tool.id, tab=tab, item=detail.current_item(tab))

    def _lang_changed(self, lang: Lang) -> None:
        # The sidebar and the detail watch the language themselves.
        self.lang = lang
        apply_bindings(self, explorer_bindings(lang))
        self.query_one(FindBar).set_lang(lang)
        if not self.pack.ordered_tools:
            self.query_one("#detail", Static).update(Content(t("empty_pack", lang)))

    def select_tool(self, tool_id: str) -> None:
        self.query_one(ToolList).select_tool(tool_id)
        tool = self.pack.tool(tool_id)
        detail = self.detail
        if tool is not None and detail is not None and detail.tool is not tool:
            detail.show(tool)

    def show_item(self, tool_id: str, tab: str, item_id: str | None) -> None:
        """Select a tool, open a tab and bring an item into view (search, palette)."""
        self.select_tool(tool_id)
        detail = self.detail
        if detail is not None:
            # The tab's widgets are refilled for the new tool first; reveal after that.
            self.call_after_refresh(detail.reveal, tab, item_id)

    # ------------------------------------------------------------------ events

    @on(ToolList.ToolSelected)
    def _tool_selected(self, event: ToolList.ToolSelected) -> None:
        detail = self.detail
        if detail is not None and detail.tool is not event.tool:
            detail.show(event.tool)

    @on(ToolDetail.JumpToTool)
    def _jump(self, event: ToolDetail.JumpToTool) -> None:
        self.select_tool(event.tool_id)
        self.query_one(ToolList).focus()

    # ------------------------------------------------------------------ actions

    def action_tab(self, tab_id: str) -> None:
        detail = self.detail
        if detail is not None:
            detail.open_tab(tab_id)

    def action_back(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        sidebar = self.query_one(ToolList)
        if not sidebar.display:
            sidebar.display = True
        if self.focused is not sidebar:
            sidebar.focus()

    # ------------------------------------------------------------------ find

    def find_items(self) -> list[tuple[str, str]]:
        return self.detail.find_items() if self.detail is not None else []

    def find_current(self) -> str | None:
        return self.detail.find_current() if self.detail is not None else None

    def find_show(self, key: str) -> None:
        if self.detail is not None:
            self.detail.find_show(key)

    def find_highlight(self, query: str) -> None:
        if self.detail is not None:
            self.detail.find_highlight(query)

    def find_focus_view(self) -> None:
        if self.detail is not None:
            self.detail.focus_content()

    def action_find(self) -> None:
        """`f`: find in the open tab."""
        if self.detail is not None:
            self.query_one(FindBar).open()

    def action_find_next(self, direction: int) -> None:
        bar = self.query_one(FindBar)
        if not bar.active:
            self.action_find()
            return
        bar.refresh_matches()
        bar.next(direction)

    def action_toggle_sidebar(self) -> None:
        """`b`: hide the sidebar (the detail gets its columns), or show it again."""
        sidebar = self.query_one(ToolList)
        sidebar.display = not sidebar.display
        if sidebar.display:
            sidebar.focus()
        elif self.detail is not None:
            self.detail.focus_content()

    def action_copy_example(self) -> None:
        detail = self.detail
        example = detail.current_example if detail is not None else None
        if example is None:
            self.notify(t("nothing_to_copy", self.lang), severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(example.code)
        self.notify(t("copied", self.lang, title=example.title.get(self.lang)), markup=False)

    def action_save_example(self) -> None:
        from orchexplorer.tui.save import save_example

        detail = self.detail
        example = detail.current_example if detail is not None else None
        tool = self.tool
        if example is None or tool is None:
            self.notify(t("nothing_to_copy", self.lang), severity="warning", markup=False)
            return
        try:
            path = save_example(self.app, tool, example)
        except OSError as exc:
            reason = exc.strerror or exc.__class__.__name__
            self.notify(t("save_failed", self.lang, reason=reason), severity="error", markup=False)
            return
        if path is None:
            self.notify(t("save_download", self.lang), markup=False)
        else:
            self.notify(t("saved", self.lang, path=str(path)), timeout=8, markup=False)

    def action_open_docs(self) -> None:
        """`o`: the source of the item under the cursor (a feature's link, a relation's
        fact-check), else the tool's first link."""
        tool = self.tool
        detail = self.detail
        if tool is None or detail is None:
            self.notify(t("no_link", self.lang), severity="warning", markup=False)
            return
        own = detail.current_link(detail.active_tab)
        fallback = tool.links[0].url if tool.links else None
        cast("OrchExplorerApp", self.app).open_source(own, fallback)
