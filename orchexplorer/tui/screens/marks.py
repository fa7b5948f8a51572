"""`'`: the places the user marked with `m`, filtered as you type; Enter goes to one.

A mark whose item the pack no longer has is listed with the label it had when it was
made, marked as missing, and is not followed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from orchexplorer.history import SEPARATOR, Mark, breadcrumb, place_exists
from orchexplorer.i18n import Lang, t
from orchexplorer.model import Pack
from orchexplorer.tui.screens.dialogs import PickerScreen
from orchexplorer.tui.widgets.item_list import ItemList


class MarksScreen(PickerScreen[Mark, Mark]):
    """The app's marks (`app.marks`), newest first."""

    BINDINGS = [
        Binding("enter", "choose", "Go", show=False, priority=True),
        Binding("ctrl+d", "remove", "Remove mark", show=False),
    ]

    def __init__(
        self,
        pack: Pack,
        lang: Lang,
        marks: Callable[[], Sequence[Mark]],
        remove: Callable[[Mark], bool],
    ) -> None:
        """`marks()`: the marks now, newest first; `remove(mark)` forgets one (and says
        whether it could)."""
        super().__init__(lang)
        self.pack = pack
        self._marks = marks
        self._remove = remove

    def compose(self) -> ComposeResult:
        with Vertical(id="marks-box"):
            yield Static(id="marks-title")
            yield Input(id="marks-input")
            yield ItemList(id="marks-list")
            yield Static(id="marks-hint")

    def label(self) -> None:
        lang = self.lang
        self.query_one("#marks-title", Static).update(
            Content.styled(t("marks_title", lang), "bold")
        )
        self.query_one(Input).placeholder = t("marks_placeholder", lang)
        self.query_one("#marks-hint", Static).update(Content.styled(t("marks_hint", lang), "dim"))

    def _text(self, mark: Mark) -> str:
        if not place_exists(mark.place, self.pack):
            return mark.label
        return SEPARATOR.join(breadcrumb(mark.place, self.pack, self.lang)) or mark.label

    def refill(self) -> None:
        words = self.query_one(Input).value.casefold().split()
        shown = [m for m in self._marks() if all(w in self._text(m).casefold() for w in words)]
        self.show_items(
            shown, self._prompt, empty=Content.styled(t("marks_no_match", self.lang), "dim")
        )

    def _prompt(self, mark: Mark) -> Content:
        text = self._text(mark)
        if place_exists(mark.place, self.pack):
            return Content(text)
        return Content.assemble((text, "strike dim"), "  ", (t("marks_gone", self.lang), "italic"))

    def result(self, item: Mark) -> Mark:
        return item

    def _choose(self, index: int | None) -> None:
        """A mark whose item is gone is not followed: say so and stay open."""
        if index is not None and 0 <= index < len(self.items):
            mark = self.items[index]
            if not place_exists(mark.place, self.pack):
                self.notify(
                    t("mark_missing", self.lang, place=mark.label),
                    severity="warning",
                    markup=False,
                )
                return
        super()._choose(index)

    def action_remove(self) -> None:
        index = self.query_one(ItemList).highlighted
        if index is None or not 0 <= index < len(self.items):
            return
        if self._remove(self.items[index]):
            if not self._marks():
                self.dismiss(None)
                return
            self.refill()
