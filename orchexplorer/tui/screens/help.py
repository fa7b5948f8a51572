"""`?`: every key binding of the screen underneath, in the current language."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from orchexplorer.i18n import Lang, t

#: Textual's own bindings (lists, scrolling, focus) described in our languages, by action.
ACTION_KEYS: dict[str, str] = {
    "cursor_down": "key_down",
    "scroll_down": "key_down",
    "cursor_up": "key_up",
    "scroll_up": "key_up",
    "cursor_left": "key_left",
    "scroll_left": "key_left",
    "scroll_right": "key_right",
    "page_left": "key_page_up",
    "page_right": "key_page_down",
    "cursor_right": "key_right",
    "previous_tab": "key_left",
    "next_tab": "key_right",
    "first": "key_first",
    "scroll_home": "key_first",
    "scroll_top": "key_first",
    "last": "key_last",
    "scroll_end": "key_last",
    "scroll_bottom": "key_last",
    "select": "key_select",
    "select_cursor": "key_select",
    "page_down": "key_page_down",
    "page_up": "key_page_up",
    "app.focus_next": "key_focus_next",
    "app.focus_previous": "key_focus_previous",
    "command_palette": "key_palette",
    "app.command_palette": "key_palette",
    "quit": "key_quit",
    "app.quit": "key_quit",
    "screen.copy_text": "key_copy_text",
}


def describe(action: str, description: str, lang: Lang) -> str:
    key = ACTION_KEYS.get(action)
    return t(key, lang) if key else description


def key_rows(screen: Screen[Any], lang: Lang) -> list[tuple[str, str]]:
    """(keys, description) for every described binding active on `screen`. Keys with the
    same meaning share a row: "↓ / j  Down"."""
    by_description: dict[str, list[str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description:
            continue
        description = describe(binding.action, binding.description, lang)
        keys = by_description.setdefault(description, [])
        shown = screen.app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    rows = [(" / ".join(keys), description) for description, keys in by_description.items()]
    rows.sort(key=lambda row: (len(row[0]) > 1, row[0].lower()))
    return rows


class HelpScreen(ModalScreen[None]):
    """The keys of `screen` (the one underneath) and what they do. Escape, `?` or `q`
    closes it. Follows the app's language while open."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
    ]

    def __init__(self, screen: Screen[Any], lang: Lang) -> None:
        super().__init__()
        self.keys_of = screen
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(self._title(), id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(self._keys(), id="help-keys")
            yield Static(self._hint(), id="help-hint")

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)

    def _title(self) -> Content:
        return Content.styled(t("help_title", self.lang), "bold")

    def _hint(self) -> Content:
        return Content.styled(t("help_hint", self.lang), "dim")

    def _keys(self) -> Content:
        rows = key_rows(self.keys_of, self.lang)
        width = max((len(k) for k, _ in rows), default=4) + 2
        lines = [
            Content.assemble((key.ljust(width), "bold $accent"), description)
            for key, description in rows
        ]
        return Content("\n").join(lines)

    def _lang_changed(self, lang: Lang) -> None:
        # The screen underneath has re-described its keys already: it watched `lang` first.
        self.lang = lang
        self.query_one("#help-title", Static).update(self._title())
        self.query_one("#help-keys", Static).update(self._keys())
        self.query_one("#help-hint", Static).update(self._hint())

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one("#help-scroll", VerticalScroll)
        if direction == "down":
            scroll.scroll_down(animate=False)
        else:
            scroll.scroll_up(animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
