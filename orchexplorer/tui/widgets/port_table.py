"""The portability table: a `DataTable` whose first column (the key, the task) stays put while
the tool columns scroll, a whole column per ←/→, and which tells which tool columns are on
show, so a column past the edge is never cut off silently (six target columns do not fit 80
columns)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable


@dataclass(frozen=True)
class ShownColumns:
    """The tool columns on show: `first`..`last` (1-based, among `total`), and whether more
    are hidden to the left or the right. `first` is 0 when the table has no tool column."""

    first: int
    last: int
    total: int
    more_left: bool
    more_right: bool

    @property
    def all_shown(self) -> bool:
        return not (self.more_left or self.more_right)


class PortTable(DataTable[Text]):
    """Rows of a portability section; its first column is fixed (see the module). Posts
    `ColumnsShown` when the tool columns on show change (scrolling, new rows, a resize)."""

    class ColumnsShown(Message):
        def __init__(self, table: PortTable, columns: ShownColumns) -> None:
            super().__init__()
            self.table = table
            self.columns = columns

    _last_shown: ShownColumns | None = None

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(
            cursor_type="row", zebra_stripes=True, fixed_columns=1, id=id, classes=classes
        )

    def _widths(self) -> tuple[int, list[int]]:
        """(width of the fixed columns, width of each scrolling tool column)."""
        widths = [column.get_render_width(self) for column in self.ordered_columns]
        fixed = self.fixed_columns
        return sum(widths[:fixed]) + self._row_label_column_width, widths[fixed:]

    def _starts(self) -> tuple[int, list[int], list[int]]:
        """(room for tool columns, each tool column's start and width, from the left of the
        scrolling part)."""
        fixed, widths = self._widths()
        room = max(0, self.scrollable_content_region.width - fixed)
        starts, x = [], 0
        for width in widths:
            starts.append(x)
            x += width
        return room, starts, widths

    def shown_columns(self) -> ShownColumns:
        room, starts, widths = self._starts()
        total = len(widths)
        if not total:
            return ShownColumns(0, 0, 0, False, False)
        left, right = round(self.scroll_x), round(self.scroll_x) + room
        spans = list(enumerate(zip(starts, widths, strict=True)))
        whole = [i for i, (s, w) in spans if s >= left and s + w <= right]
        seen = whole or [i for i, (s, w) in spans if s < right and s + w > left]
        if not seen:  # no room at all (a tiny terminal)
            return ShownColumns(0, 0, total, total > 0, total > 0)
        first, last = seen[0], seen[-1]
        more_left = first > 0 or starts[first] < left
        more_right = last < total - 1 or starts[last] + widths[last] > right
        return ShownColumns(first + 1, last + 1, total, more_left, more_right)

    def _tell(self) -> None:
        shown = self.shown_columns()
        if shown != self._last_shown:
            self._last_shown = shown
            self.post_message(self.ColumnsShown(self, shown))

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_x(old_value, new_value)
        self._tell()

    def watch_virtual_size(self, _size: Size) -> None:
        self.call_after_refresh(self._tell)

    def on_resize(self, _event: events.Resize) -> None:
        self.call_after_refresh(self._tell)

    def _scroll_columns(self, step: int) -> None:
        _room, starts, _widths = self._starts()
        x = round(self.scroll_x)
        if step > 0:
            later = [s for s in starts if s > x]
            target = min(later[0], round(self.max_scroll_x)) if later else x
        else:
            earlier = [s for s in starts if s < x]
            target = earlier[-1] if earlier else 0
        if target != x:
            self.scroll_to(x=target, animate=False)

    def action_cursor_right(self) -> None:
        """A whole tool column to the right (the row cursor does not move sideways)."""
        if self.cursor_type == "row":
            self._set_hover_cursor(False)
            self._scroll_columns(1)
        else:  # pragma: no cover - the pane uses a row cursor
            super().action_cursor_right()

    def action_cursor_left(self) -> None:
        if self.cursor_type == "row":
            self._set_hover_cursor(False)
            self._scroll_columns(-1)
        else:  # pragma: no cover
            super().action_cursor_left()
