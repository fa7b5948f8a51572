"""`?`: every key binding of the screen underneath, in the current language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
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


class HelpScreen(ModalScreen[None]):
    """Keys and what they do. Escape, `?` or `q` closes it."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
    ]

    def __init__(self, rows: list[tuple[str, str]], lang: Lang) -> None:
        super().__init__()
        self.rows = rows
        self.lang = lang

    def compose(self) -> ComposeResult:
        width = max((len(k) for k, _ in self.rows), default=4) + 2
        lines = [
            Content.assemble((key.ljust(width), "bold $accent"), description)
            for key, description in self.rows
        ]
        with Vertical(id="help-box"):
            yield Static(Content.styled(t("help_title", self.lang), "bold"), id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(Content("\n").join(lines), id="help-keys")
            yield Static(Content.styled(t("help_hint", self.lang), "dim"), id="help-hint")

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one("#help-scroll", VerticalScroll)
        if direction == "down":
            scroll.scroll_down(animate=False)
        else:
            scroll.scroll_up(animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
