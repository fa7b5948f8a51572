"""The find bar (`f`): find in the view shown, separate from the search (`/`).

Typing highlights the matches and moves to the first; Enter returns to the view, where
`n` / `N` step to the next and previous match; Escape in the bar clears it and closes it.
The screen that owns the bar implements `FindTarget`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Static

from orchexplorer.find import matching, spans, step
from orchexplorer.i18n import Lang, t


class FindTarget(Protocol):
    """What a screen with a find bar gives it."""

    def find_items(self) -> Sequence[tuple[str, str]]:
        """(key, text shown) of every item the view shows, in order."""
        ...

    def find_current(self) -> str | None:
        """The key of the item under the cursor."""
        ...

    def find_show(self, key: str) -> None:
        """Bring the item `key` into view and put the cursor on it."""
        ...

    def find_highlight(self, query: str) -> None:
        """Draw the view with the matches of `query` highlighted ("" for none)."""
        ...

    def find_focus_view(self) -> None:
        """Give the focus back to the view."""
        ...


def highlighted(content: Content, query: str) -> Content:
    """`content` with every match of `query` in reverse video (no markup involved)."""
    for start, end in spans(content.plain, query):
        content = content.stylize("reverse bold", start, end)
    return content


class FindBar(Horizontal):
    """A one-line bar at the bottom: label, input, "2/7"."""

    BINDINGS = [Binding("escape", "close", "Close", show=False)]

    def __init__(self, target: FindTarget, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.target = target
        self.lang = lang
        self.query_text = ""
        self.display = False

    def compose(self) -> ComposeResult:
        yield Static(id="find-label")
        yield Input(id="find-input", select_on_focus=False)
        yield Static(id="find-count")

    def on_mount(self) -> None:
        self.set_lang(self.lang)

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.query_one("#find-label", Static).update(Content.styled(t("find_label", lang), "bold"))
        self.query_one(Input).placeholder = t("find_placeholder", lang)
        self._count()

    @property
    def active(self) -> bool:
        return bool(self.query_text.strip())

    def open(self) -> None:
        self.display = True
        self.query_one(Input).focus()

    def action_close(self) -> None:
        self.query_one(Input).value = ""
        self.query_text = ""
        self.target.find_highlight("")
        self.display = False
        self.target.find_focus_view()

    @on(Input.Changed, "#find-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._find(event.value)
        self.next(1, from_start=True)

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter finds the text as it is now (a Hangul syllable ended by this Enter)."""
        event.stop()
        if event.value != self.query_text:
            self._find(event.value)
            self.next(1, from_start=True)
        self.target.find_focus_view()

    def _find(self, query: str) -> None:
        self.query_text = query
        self.target.find_highlight(query)

    def refresh_matches(self) -> None:
        """The view was redrawn (another tab, tool or language): highlight again."""
        if self.active:
            self.target.find_highlight(self.query_text)
        self._count()

    def _matches(self) -> tuple[list[str], list[int]]:
        items = list(self.target.find_items())
        keys = [key for key, _ in items]
        return keys, matching([text for _, text in items], self.query_text)

    def next(self, direction: int, from_start: bool = False) -> None:
        """Go to the next (1) or previous (-1) match, wrapping around."""
        if not self.active:
            self._count()
            return
        keys, matches = self._matches()
        current = self.target.find_current()
        position = keys.index(current) if current in keys else None
        if from_start and position in matches:
            position_to: int | None = position  # already on a match: stay there
        else:
            position_to = step(matches, position, direction)
        if position_to is not None:
            self.target.find_show(keys[position_to])
        self._count(matches, position_to)

    def _count(self, matches: Sequence[int] | None = None, at: int | None = None) -> None:
        label = self.query_one("#find-count", Static)
        if not self.active:
            label.update("")
            return
        if matches is None:
            _keys, matches = self._matches()
        if not matches:
            label.update(Content.styled(t("find_none", self.lang), "$text-warning"))
            return
        number = list(matches).index(at) + 1 if at is not None and at in matches else 0
        label.update(Content(t("find_count", self.lang, n=number, total=len(matches))))
