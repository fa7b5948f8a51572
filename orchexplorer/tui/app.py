"""The Textual application: language, settings, screens and app-wide keys."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from orchexplorer.config import config_path, load_config, save_setting
from orchexplorer.i18n import Lang, t
from orchexplorer.model import Pack
from orchexplorer.tui.bindings import AppScreen, apply_bindings
from orchexplorer.tui.commands import ExplorerCommands
from orchexplorer.tui.screens.explorer import ExplorerScreen
from orchexplorer.tui.screens.help import HelpScreen

if TYPE_CHECKING:
    from orchexplorer.search import SearchIndex
    from orchexplorer.tui.screens.search import Jump, SearchScreen

# The search screen and the search module are imported when `/` is first pressed: the
# first screen is drawn sooner without them.


def app_bindings(lang: Lang) -> list[BindingType]:
    """The app-wide keys, described in `lang`: they work on every full screen (`AppScreen`),
    which lists them first in its footer and help; dialogs have their own keys."""
    return [
        Binding("q", "quit", t("key_quit", lang), id="quit"),
        Binding("question_mark", "help", t("key_help", lang), id="help"),
        Binding("slash", "search", t("key_search", lang), id="search"),
        Binding("g", "guide", t("key_guide", lang), id="guide"),
        Binding("l", "toggle_lang", t("key_lang", lang), id="lang"),
        Binding("ctrl+c", "quit", t("key_quit", lang), show=False, priority=True),
        Binding("ctrl+q", "quit", t("key_quit", lang), show=False, priority=True),
    ]


class OrchExplorerApp(App[int], inherit_bindings=False):
    """Explore and compare container tools. The screens read one `Pack`."""

    CSS_PATH = "app.tcss"
    TITLE = "orchexplorer"
    # All the app's own keys (Textual's ctrl+q and ctrl+c are replaced, not inherited; it
    # adds the command palette's ctrl+p). Re-described in the user's language on start and
    # on every change.
    BINDINGS = app_bindings("en")
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (44, "-narrow"), (64, "-normal"), (110, "-wide")]
    COMMANDS = App.COMMANDS | {ExplorerCommands}

    lang: reactive[Lang] = reactive[Lang]("en", init=False)

    search_index: SearchIndex | None = None

    def __init__(
        self,
        pack: Pack,
        lang: Lang = "en",
        tool: str | None = None,
        compare: Sequence[str] = (),
        settings_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.pack = pack
        self.set_reactive(OrchExplorerApp.lang, lang)
        apply_bindings(self, app_bindings(lang))
        self.initial_tool = tool
        self.initial_compare = list(compare)
        self.settings_path = settings_path or config_path()

    def on_mount(self) -> None:
        self.sub_title = t("lang_name", self.lang)
        self.push_screen(ExplorerScreen(self.pack, self.lang, self.initial_tool))
        if self.initial_compare:  # --compare: the comparison on top of the explorer
            self.open_compare(self.initial_compare)
        problem = load_config(self.settings_path).problem
        if problem:
            self.notify(
                t("config_ignored", self.lang, problem=problem), severity="warning", markup=False
            )

    # ------------------------------------------------------------------ language

    def watch_lang(self, lang: Lang) -> None:
        """The app's own texts; every screen and widget showing language-dependent text
        watches `lang` itself (`self.watch(self.app, "lang", ...)` in its on_mount)."""
        self.sub_title = t("lang_name", lang)
        apply_bindings(self, app_bindings(lang))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """An app-wide key does nothing on a screen that turns its action off."""
        screen = self.screen
        return not (isinstance(screen, AppScreen) and action in screen.APP_ACTIONS_OFF)

    def action_toggle_lang(self) -> None:
        self.lang = "en" if self.lang == "ko" else "ko"
        problem = save_setting("lang", self.lang, self.settings_path)
        if problem:
            self.notify(
                t("config_not_saved", self.lang, problem=problem), severity="error", markup=False
            )
        else:
            self.notify(t("lang_switched", self.lang), timeout=1.5, markup=False)

    # ------------------------------------------------------------------ navigation

    @property
    def explorer(self) -> ExplorerScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, ExplorerScreen):
                return screen
        return None

    def show_item(self, tool_id: str, tab: str, item_id: str | None) -> None:
        """Go back to the explorer, select `tool_id`, open `tab` and reveal `item_id`."""
        explorer = self.explorer
        if explorer is None:
            return
        self.show_item_screen_reset()
        explorer.show_item(tool_id, tab, item_id)

    # ------------------------------------------------------------------ guide

    def action_guide(self) -> None:
        from orchexplorer.tui.screens.guide import GuideScreen

        if isinstance(self.screen, GuideScreen):
            return
        self.show_item_screen_reset()
        self.push_screen(GuideScreen(self.pack, self.lang))

    def show_item_screen_reset(self) -> None:
        """Return to the explorer (closing dialogs and screens above it)."""
        explorer = self.explorer
        while explorer is not None and self.screen is not explorer and len(self.screen_stack) > 1:
            self.pop_screen()

    # ------------------------------------------------------------------ comparison

    def open_compare(self, tool_ids: Sequence[str], focus_row: str | None = None) -> None:
        """Show the comparison of `tool_ids` (one tool or none: a sensible counterpart is
        chosen), with the cursor on the dimension or concept `focus_row` if given. An open
        comparison is reused. The comparison code is imported only now, on first use."""
        from orchexplorer.compare_state import default_tools
        from orchexplorer.tui.screens.compare import CompareScreen

        tools = default_tools(self.pack, tool_ids, focus_row)
        if len(tools) < 2:
            self.notify(t("cmp_need_two", self.lang), severity="warning", markup=False)
            return
        focus_tool = tool_ids[0] if tool_ids else None
        for screen in reversed(self.screen_stack):
            if isinstance(screen, CompareScreen):
                while self.screen is not screen and len(self.screen_stack) > 1:
                    self.pop_screen()
                screen.set_tools(tools, focus_row=focus_row, focus_tool=focus_tool)
                return
        self.push_screen(
            CompareScreen(self.pack, self.lang, tools, focus_row=focus_row, focus_tool=focus_tool)
        )

    def action_portability(self, section: str = "keys") -> None:
        """`p`: every Compose key across the tools, the commands and the false friends."""
        from orchexplorer.tui.screens.portability import SECTIONS, PortabilityScreen

        if not (self.pack.compose_keys or self.pack.commands or self.pack.false_friends):
            self.notify(t("port_empty", self.lang), severity="warning", markup=False)
            return
        if isinstance(self.screen, PortabilityScreen):
            return
        chosen = next((s for s in SECTIONS if s == section), SECTIONS[0])
        self.push_screen(PortabilityScreen(self.pack, self.lang, chosen))

    def action_compare(self) -> None:
        """`c` in the explorer: compare the selected tool with its usual counterparts."""
        explorer = self.explorer
        tool = explorer.tool if explorer is not None else None
        self.open_compare([tool.id] if tool is not None else [])

    # ------------------------------------------------------------------ search

    def action_search(self) -> None:
        from orchexplorer.tui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            return
        screen = SearchScreen(self.pack, self.search_index, self.lang)
        self.push_screen(screen, self._search_done)
        if self.search_index is None:
            self._build_index(screen)

    @work(thread=True, exclusive=True, group="index")
    def _build_index(self, screen: SearchScreen) -> None:
        from orchexplorer.index_cache import build_index

        index = build_index(self.pack)
        self.search_index = index
        freeze_long_lived()
        self.call_from_thread(screen.set_index, index)

    def _search_done(self, jump: Jump | None) -> None:
        from orchexplorer.tui.screens.search import SECTION_TABS

        if jump is None:
            return
        hit = jump.hit
        target = SECTION_TABS.get(hit.section)
        if hit.tool is not None and target is not None and self.pack.tool(hit.tool):
            tab, reveal = target
            self.show_item(hit.tool, tab, hit.id if reveal else None)
            return
        # A comparison row: open the comparison on it.
        self.open_compare([hit.tool] if hit.tool else [], focus_row=hit.id)

    # ------------------------------------------------------------------ help

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen, self.lang))

    async def action_quit(self) -> None:
        self.exit(0)


def freeze_long_lived() -> None:
    """Move every object alive now (the pack, its index) out of the garbage collector's
    sight. They live as long as the app and hold no reference cycles; left in view, a
    large pack's millions of objects were walked again by every full collection, which
    froze the app for 0.3 s now and then while stepping through tools or typing a search
    (see BENCHMARKS.md). Objects are still freed as usual when no longer referenced."""
    gc.freeze()


def run_app(pack: Pack, lang: Lang, tool: str | None = None, compare: Sequence[str] = ()) -> int:
    """Run the app until it exits; the exit status is the app's return code (0 on quit)."""
    freeze_long_lived()
    app = OrchExplorerApp(pack, lang=lang, tool=tool, compare=compare)
    result = app.run()
    if app.return_code not in (None, 0):
        return app.return_code
    return result or 0
