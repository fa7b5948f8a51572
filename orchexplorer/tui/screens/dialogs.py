"""Dialogs: the picker every "type to filter, arrows to move, Enter to choose" dialog derives
from (the search and the comparison's tool chooser), the tool chooser itself, and the full
view of one comparison row.

Texts from the pack and the user's query are put into `Content` literally, never parsed as
markup. The dialogs follow the app's language (`App.lang`) while they are open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from orchexplorer.i18n import Lang, t
from orchexplorer.model import Tool
from orchexplorer.tui.widgets.item_list import ItemList

ItemT = TypeVar("ItemT")  # what a picker lists
ResultT = TypeVar("ResultT")  # what choosing one returns


class PickerScreen(ModalScreen[ResultT | None], Generic[ItemT, ResultT]):
    """Typing goes to the Input, the arrows move the ItemList of the items that match it;
    Enter (or a click) dismisses with the highlighted item's `result`, Escape with None.

    A subclass composes one Input and one ItemList (laid out as it likes) and implements
    `label()` (its fixed texts in `self.lang`), `refill()` (the items for the Input's text,
    shown with `show_items`) and `result(item)`. Both are called again when the app's
    language changes. It may give Enter its own description by binding "enter" again.
    """

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "move(10)", "Page down", show=False),
        Binding("pageup", "move(-10)", "Page up", show=False),
        Binding("enter", "choose", "Choose", show=False, priority=True),
    ]

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang
        self.items: list[ItemT] = []  # what the list shows, in its order
        self.listed_for: str | None = None  # the Input's text when the list was made

    @on(events.Mount)
    def _picker_mounted(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)
        self.label()
        self.query_one(Input).focus()
        self.refill()

    def _lang_changed(self, lang: Lang) -> None:
        self.lang = lang
        self.label()
        self.refill()

    # ------------------------------------------------------------------ the list

    def label(self) -> None:
        """Draw the dialog's fixed texts (title, placeholder, hint) in `self.lang`."""

    def refill(self) -> None:
        """Show the items that match the Input's text (with `show_items`)."""
        raise NotImplementedError

    def result(self, item: ItemT) -> ResultT:
        """What the dialog returns when `item` is chosen."""
        raise NotImplementedError

    def show_items(
        self,
        items: Sequence[ItemT],
        prompt: Callable[[ItemT], Content],
        empty: Content | None = None,
    ) -> None:
        """List `items` (each drawn by `prompt`), the first highlighted; with none, the
        `empty` line (dimmed, not choosable) if given."""
        self.items = list(items)
        self.listed_for = self.query_one(Input).value
        results = self.query_one(ItemList)
        results.clear_options()
        results.add_options(Option(prompt(item)) for item in self.items)
        if self.items:
            results.highlighted = 0
        elif empty is not None:
            results.add_option(Option(empty, disabled=True))

    @on(Input.Changed)
    def _typed(self) -> None:
        self.refill()

    # ------------------------------------------------------------------ actions

    def action_move(self, step: int) -> None:
        if self.items:
            self.query_one(ItemList).move_highlight(step)

    def _choose(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.items):
            self.dismiss(self.result(self.items[index]))

    def action_choose(self) -> None:
        """Enter: choose the highlighted item of the list for the text as typed now. A
        Hangul syllable being composed reaches the app only when Enter ends it, so the
        list may not have caught up: then it is made again first."""
        if self.listed_for != self.query_one(Input).value:
            self.refill()
            if self.listed_for != self.query_one(Input).value:
                return  # made asynchronously (the search): Enter again opens a hit
        self._choose(self.query_one(ItemList).highlighted)

    @on(ItemList.OptionSelected)
    def _clicked(self, event: ItemList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def action_close(self) -> None:
        self.dismiss(None)


class ToolChooserScreen(PickerScreen[Tool, str]):
    """The tools not compared yet, filtered as you type (id, names, aliases); Enter adds the
    highlighted one (the dialog returns its id)."""

    BINDINGS = [Binding("enter", "choose", "Add", show=False, priority=True)]

    def __init__(self, tools: Sequence[Tool], lang: Lang) -> None:
        super().__init__(lang)
        self.tools = list(tools)

    def compose(self) -> ComposeResult:
        with Vertical(id="chooser-box"):
            yield Static(id="chooser-title")
            yield Input(id="chooser-input")
            yield ItemList(id="chooser-list")
            yield Static(id="chooser-hint")

    def label(self) -> None:
        lang = self.lang
        self.query_one("#chooser-title", Static).update(
            Content.styled(t("cmp_add_title", lang), "bold")
        )
        self.query_one(Input).placeholder = t("cmp_add_placeholder", lang)
        self.query_one("#chooser-hint", Static).update(
            Content.styled(t("cmp_add_hint", lang), "dim")
        )

    def refill(self) -> None:
        words = self.query_one(Input).value.casefold().split()

        def matches(tool: Tool) -> bool:
            haystack = " ".join([tool.id, *tool.name.both(), *tool.aliases]).casefold()
            return all(word in haystack for word in words)

        self.show_items(
            [tool for tool in self.tools if matches(tool)],
            self._prompt,
            empty=Content.styled(t("cmp_add_none", self.lang), "dim"),
        )

    def _prompt(self, tool: Tool) -> Content:
        return Content.assemble(
            (tool.name.get(self.lang), "bold"), "  ", (tool.kind.get(self.lang), "dim")
        )

    def result(self, item: Tool) -> str:
        return item.id


class RowDetailScreen(ModalScreen[None]):
    """One row of the comparison in full: every tool's text, level and note.

    `render(lang)` gives the title and the body in a language, so the dialog follows the
    app's language while it is open."""

    BINDINGS = [
        Binding("escape,enter,n,q", "close", "Close"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
    ]

    def __init__(self, render: Callable[[Lang], tuple[str, Content]], lang: Lang) -> None:
        super().__init__()
        self.render_row = render
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="compare-detail-box"):
            yield Static(id="compare-detail-title")
            with VerticalScroll(id="compare-detail-scroll"):
                yield Static(id="compare-detail-body")
            yield Static(id="compare-detail-hint")

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)
        self._lang_changed(self.lang)

    def _lang_changed(self, lang: Lang) -> None:
        self.lang = lang
        title, body = self.render_row(lang)
        self.query_one("#compare-detail-title", Static).update(Content.styled(title, "bold"))
        self.query_one("#compare-detail-body", Static).update(body)
        self.query_one("#compare-detail-hint", Static).update(
            Content.styled(t("cmp_detail_hint", lang), "dim")
        )

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one("#compare-detail-scroll", VerticalScroll)
        if direction == "down":
            scroll.scroll_down(animate=False)
        else:
            scroll.scroll_up(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
