"""A keyboard list (arrows and j/k) of content items, shown literally (no markup)."""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class ItemList(OptionList):
    """OptionList with vim keys j/k (Home/End go to the ends; `g` is the guide's key).

    Prompts are built as `Content`, never parsed as markup."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def highlight_id(self, option_id: str) -> bool:
        """Move the cursor to the option with this id and scroll it into view."""
        try:
            index = self.get_option_index(option_id)
        except Exception:  # OptionDoesNotExist; kept broad across Textual versions
            return False
        self.highlighted = index
        self.scroll_to_highlight()
        return True

    def move_highlight(self, step: int) -> None:
        """Move the cursor by `step` options (negative is up), stopping at the ends.

        For screens whose keys stay in an Input while the list shows the choices."""
        if not self.option_count:
            return
        current = self.highlighted or 0
        self.highlighted = max(0, min(self.option_count - 1, current + step))
        self.scroll_to_highlight()


def picker_bindings(choose: str) -> list[BindingType]:
    """Keys of a dialog where typing goes to an Input and the arrows move an ItemList.

    The screen provides `action_move(step)`, `action_choose()` and `action_close()`.
    """
    return [
        Binding("escape", "close", "Close"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "move(10)", "Page down", show=False),
        Binding("pageup", "move(-10)", "Page up", show=False),
        Binding("enter", "choose", choose, show=False, priority=True),
    ]
