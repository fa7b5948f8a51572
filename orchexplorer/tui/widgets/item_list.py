"""A keyboard list (arrows and j/k) of content items, shown literally (no markup)."""

from __future__ import annotations

from textual.binding import Binding
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
