"""The Textual application: language, settings, screens and app-wide keys."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Header, Static

from orchexplorer.config import config_path, load_config, save_setting
from orchexplorer.history import (
    SEPARATOR,
    History,
    Mark,
    Place,
    breadcrumb,
    marks_from_settings,
    same_item_place,
    toggle_mark,
)
from orchexplorer.i18n import Lang, t
from orchexplorer.model import Pack
from orchexplorer.tui.bindings import AppScreen, apply_bindings
from orchexplorer.tui.commands import ExplorerCommands
from orchexplorer.tui.screens.explorer import ExplorerScreen
from orchexplorer.tui.screens.help import HelpScreen

if TYPE_CHECKING:
    from orchexplorer.search import SearchIndex
    from orchexplorer.tui.screens.search import Jump, SearchScreen

#: How often the place on screen is read for the history (seconds).
PLACE_POLL_S = 0.25

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
        # Back and forward, marks: in `?` and the README, not the footer (it is full at 80).
        Binding(
            "left_square_bracket,alt+left",
            "history(-1)",
            t("key_history_back", lang),
            show=False,
            id="history-back",
        ),
        Binding(
            "right_square_bracket,alt+right",
            "history(1)",
            t("key_history_forward", lang),
            show=False,
            id="history-forward",
        ),
        Binding("m", "mark", t("key_mark", lang), show=False, id="mark"),
        Binding("apostrophe", "marks", t("key_marks", lang), show=False, id="marks"),
        Binding("z", "toggle_maximize", t("key_maximize", lang), show=False, id="maximize"),
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
        self.history = History()
        self._restoring = False  # going back or forward: the next place read replaces
        self._restore_generation = 0
        self._jumped = False  # a jump (search, palette, relation): the next place is a visit
        # The settings file, read once at start (theme, marks, a problem to report).
        self._settings = load_config(self.settings_path)
        self.marks: list[Mark] = marks_from_settings(self._settings.values.get("marks"))

    def on_mount(self) -> None:
        self.sub_title = t("lang_name", self.lang)
        self._restore_theme()
        self.push_screen(ExplorerScreen(self.pack, self.lang, self.initial_tool))
        if self.initial_compare:  # --compare: the comparison on top of the explorer
            self.open_compare(self.initial_compare)
        self.set_interval(PLACE_POLL_S, self.track_place)
        self.call_after_refresh(self.track_place)  # the breadcrumb from the first screen on
        problem = self._settings.problem
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
        self._show_place()

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header: the app and the language, then where you are ("Kubernetes ›
        Features › Rolling updates"). Pack texts are put in literally (Content, not markup)."""
        crumbs = breadcrumb(self.history.current, self.pack, self.lang)
        parts: list[str | tuple[str, str]] = [title]
        if sub_title:
            parts += [(" — ", "dim"), (sub_title, "dim")]
        if crumbs:
            parts += [("  │  ", "dim"), (SEPARATOR.join(crumbs), "bold")]
        return Content.assemble(*parts)

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

    # ------------------------------------------------------------------ theme, palette

    def _restore_theme(self) -> None:
        """The theme the user chose last time (saved with the language). A theme this
        Textual does not know is ignored, and the file is left as it is."""
        saved = self._settings.values.get("theme")
        if isinstance(saved, str) and saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        problem = save_setting("theme", theme.name, self.settings_path)
        if problem:
            self.notify(
                t("config_not_saved", self.lang, problem=problem), severity="error", markup=False
            )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, in the app's language; "keys" opens our `?`."""
        lang = self.lang
        yield SystemCommand(
            t("sys_theme", lang), t("sys_theme_help", lang), self.action_change_theme
        )
        yield SystemCommand(t("sys_keys", lang), t("sys_keys_help", lang), self.action_help)
        if screen.maximized is not None:
            yield SystemCommand(
                t("sys_minimize", lang), t("sys_minimize_help", lang), screen.action_minimize
            )
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(
                t("sys_maximize", lang), t("sys_maximize_help", lang), screen.action_maximize
            )
        yield SystemCommand(
            t("sys_screenshot", lang),
            t("sys_screenshot_help", lang),
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )
        yield SystemCommand(t("sys_quit", lang), t("sys_quit_help", lang), self.action_quit)

    def action_toggle_maximize(self) -> None:
        """`z`: the focused pane fills the screen, or goes back to its place."""
        screen = self.screen
        if screen.maximized is not None:
            screen.minimize()
        elif screen.focused is None or not screen.maximize(screen.focused):
            self.notify(t("nothing_to_maximize", self.lang), severity="warning", markup=False)

    # ------------------------------------------------------------------ history, marks

    def place(self) -> Place | None:
        """What the top screen shows, if it is a place (a dialog or the help is not)."""
        if not self.screen_stack:  # starting or shutting down: no screen yet, or none left
            return None
        reader = getattr(self.screen, "place", None)
        try:
            place = reader() if callable(reader) else None
        except NoMatches:  # a screen still composing or being removed has no place yet
            return None
        return place if isinstance(place, Place) else None

    def track_place(self) -> None:
        """Read the place off the screen and record it: a new place is a visit, the
        cursor moving in the same list corrects the current one. Called a few times a
        second (the place is read, not reported by every widget) and by tests."""
        if self._restoring:
            return
        place = self.place()
        if place is None or place == self.history.current:
            return
        if same_item_place(self.history.current, place) and not self._jumped:
            self.history.replace(place)
        else:
            self.history.visit(place)
        self._jumped = False
        self._show_place()

    def _show_place(self) -> None:
        """Redraw the header's title (the breadcrumb) on the screen shown."""
        if not self.screen_stack:
            return
        for header in self.screen.query(Header):
            for title in header.query("HeaderTitle"):
                if isinstance(title, Static):
                    title.update(header.format_title())

    def jumped(self) -> None:
        """A jump is about to happen: record where we are, and make where we land a new
        entry of the history even if it is in the same list."""
        self.track_place()
        self._jumped = True

    def action_history(self, step: int) -> None:
        """`[` / `]` (Alt+← / Alt+→): back or forward through the places visited."""
        self.track_place()
        place = self.history.back() if step < 0 else self.history.forward()
        if place is None:
            key = "history_start" if step < 0 else "history_end"
            self.notify(t(key, self.lang), severity="warning", timeout=2, markup=False)
            return
        self._restoring = True
        self._restore_generation += 1
        generation = self._restore_generation
        self.go_to(place)
        self._show_place()
        # Once the screens have settled, what is shown is the place (a mark's item may be
        # gone: then what is shown replaces it, and nothing ahead is lost). Only the
        # latest of several quick steps back does this.
        self.call_after_refresh(lambda: self.call_after_refresh(self._restored, generation))

    @property
    def history_settled(self) -> bool:
        """No step back or forward is still being shown."""
        return not self._restoring

    def _restored(self, generation: int) -> None:
        if generation != self._restore_generation:
            return
        self._restoring = False
        place = self.place()
        if place is not None and place != self.history.current:
            self.history.replace(place)
            self._show_place()

    def go_to(self, place: Place) -> None:
        """Show `place`."""
        if place.view == "tool" and place.tool is not None:
            self.show_item(place.tool, place.tab or "overview", place.item)
        elif place.view == "compare":
            self.open_compare(list(place.tools))
            from orchexplorer.tui.screens.compare import CompareScreen

            if isinstance(self.screen, CompareScreen):
                self.screen.show_place(place)
        elif place.view == "portability":
            from orchexplorer.tui.screens.portability import PortabilityScreen

            self.show_item_screen_reset()
            self.action_portability(place.tab or "keys")
            if isinstance(self.screen, PortabilityScreen):
                screen = self.screen
                self.call_after_refresh(screen.show_place, place)
        elif place.view == "guide":
            from orchexplorer.tui.screens.guide import GuideScreen

            self.show_item_screen_reset()
            self.push_screen(GuideScreen(self.pack, self.lang, dict(place.answers)))

    def action_mark(self) -> None:
        """`m`: keep the place under the cursor (or forget it, if kept already)."""
        place = self.place()
        if place is None:
            self.notify(t("mark_nothing", self.lang), severity="warning", markup=False)
            return
        label = SEPARATOR.join(breadcrumb(place, self.pack, self.lang))
        marks, marked = toggle_mark(self.marks, place, label)
        if self._save_marks(marks):
            key = "mark_added" if marked else "mark_removed"
            self.notify(t(key, self.lang, place=label), markup=False)

    def _save_marks(self, marks: list[Mark]) -> bool:
        problem = save_setting("marks", [m.to_json() for m in marks], self.settings_path)
        if problem:
            self.notify(
                t("config_not_saved", self.lang, problem=problem), severity="error", markup=False
            )
            return False
        self.marks = marks
        return True

    def remove_mark(self, mark: Mark) -> bool:
        return self._save_marks([m for m in self.marks if m != mark])

    def action_marks(self) -> None:
        """`'`: the kept places; Enter goes to one."""
        from orchexplorer.tui.screens.marks import MarksScreen

        if isinstance(self.screen, MarksScreen):
            return
        if not self.marks:
            self.notify(t("marks_none", self.lang), severity="warning", markup=False)
            return
        self.push_screen(
            MarksScreen(self.pack, self.lang, lambda: self.marks, self.remove_mark),
            self._mark_chosen,
        )

    def _mark_chosen(self, mark: Mark | None) -> None:
        """A mark chosen in the list (which never returns one whose item is gone)."""
        if mark is None:
            return
        self.jumped()
        self.go_to(mark.place)

    def open_source(self, url: str | None, fallback: str | None = None) -> None:
        """`o`: open the item's own source in the browser, else `fallback` (the tool's
        docs) saying so, else say there is none."""
        target = url or fallback
        if target is None:
            self.notify(t("no_source", self.lang), severity="warning", markup=False)
            return
        key = "opening" if url else "opening_tool_docs"
        self.notify(t(key, self.lang, url=target), markup=False)
        self.open_url(target)

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
        if not self._restoring:
            self.jumped()
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

        if not self._restoring:
            self.jumped()
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
