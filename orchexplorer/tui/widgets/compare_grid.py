"""The comparison table: one column per tool, one row per dimension (or concept).

Every cell wraps inside its own column, so long texts and double-width Korean stay readable
at 80 columns. When the columns would get too narrow for a title column beside them (three
or four tools at 80 columns), the row title goes on a line of its own above the cells
("stacked" layout) and the tools share the whole width.

A row cursor (↑↓ / j k, PageUp/PageDown, Home/End) is drawn with a `▸` in the first
column as well as a background, and the focused tool's header with `▸` and reverse video, so
neither depends on colour. Each row starts with `≠` (the tools differ) or `=` (the same).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message

from orchexplorer.termtext import cell_width
from orchexplorer.tui.widgets.compare_lines import LineView, fit, wrap_content

#: How a support level (`LevelInfo.style`) is coloured, everywhere in the comparison.
LEVEL_STYLES: dict[str, str] = {
    "level-none": "bold $text-error",
    "level-limited": "bold $text-warning",
    "level-basic": "bold $text-primary",
    "level-full": "bold $text-success",
    "level-advanced": "bold $text-accent",
}

DIFFERS = "≠"
SAME = "="
CURSOR = "▸"
SEP = " │ "
PREFIX = 3  # cursor mark, ≠/= mark, space
MIN_SIDE_BY_SIDE = 18  # narrower tool columns than this: stacked layout


@dataclass(frozen=True)
class GridRow:
    """One row: its id, title, whether the tools differ, and per tool a list of paragraphs.

    `break_before` draws a double rule above the row (the end of the pack comparison's own
    rows)."""

    id: str
    title: Content
    differs: bool
    cells: tuple[tuple[Content, ...], ...]
    break_before: bool = False


def _share(total: int, n: int, minimum: int = 3) -> list[int]:
    n = max(1, n)
    base, extra = divmod(max(total, 0), n)
    return [max(minimum, base + (1 if i < extra else 0)) for i in range(n)]


def _cell_lines(paragraphs: Sequence[Content], width: int) -> list[Content]:
    lines: list[Content] = []
    for paragraph in paragraphs:
        lines.extend(wrap_content(paragraph, width))
    return lines or [Content(" " * width)]


class CompareGrid(LineView):
    """A table of `GridRow`s under a fixed header of tool names. Posts `CursorMoved`."""

    COMPONENT_CLASSES = {
        "compare-grid--cursor",
        "compare-grid--header",
        "compare-grid--rule",
        "compare-grid--title",
    }

    DEFAULT_CSS = """
    CompareGrid > .compare-grid--cursor {
        background: $block-cursor-blurred-background;
    }
    CompareGrid:focus > .compare-grid--cursor {
        background: $primary 45%;
    }
    CompareGrid > .compare-grid--header {
        text-style: bold;
        color: $text-accent;
    }
    CompareGrid > .compare-grid--rule {
        color: $foreground 35%;
    }
    CompareGrid > .compare-grid--title {
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    class CursorMoved(Message):
        """The cursor is on another row (`row_id` None when the table is empty)."""

        def __init__(self, grid: CompareGrid, row_id: str | None) -> None:
            super().__init__()
            self.grid = grid
            self.row_id = row_id

        @property
        def control(self) -> CompareGrid:
            return self.grid

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.corner = Content("")
        self.headers: list[Content] = []
        self.rows: list[GridRow] = []
        self.focus_column = 0
        self.empty = Content("")
        self.cursor = 0
        self.stacked = False
        self._starts: list[int] = []  # first body line of each row
        self._heights: list[int] = []  # lines of each row (without the rule under it)
        self._row_at: list[int] = []  # the row of each body line, -1 for rules

    # ------------------------------------------------------------------ data

    def set_rows(
        self,
        corner: Content,
        headers: Sequence[Content],
        rows: Sequence[GridRow],
        *,
        focus_column: int = 0,
        cursor_id: str | None = None,
        empty: Content | None = None,
    ) -> None:
        """Show `rows`; keep the cursor on `cursor_id` (or the current row) if still there."""
        keep = cursor_id if cursor_id is not None else self.cursor_row_id
        self.corner = corner
        self.headers = list(headers)
        self.rows = list(rows)
        self.focus_column = focus_column
        if empty is not None:
            self.empty = empty
        ids = self.row_ids
        if keep in ids:
            self.cursor = ids.index(keep)
        else:
            self.cursor = min(self.cursor, max(0, len(self.rows) - 1))
        self.relayout()
        self._cursor_changed()

    @property
    def row_ids(self) -> list[str]:
        return [row.id for row in self.rows]

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def cursor_row(self) -> GridRow | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def cursor_row_id(self) -> str | None:
        row = self.cursor_row
        return row.id if row is not None else None

    # ------------------------------------------------------------------ layout

    def build_lines(self, width: int) -> tuple[list[Content], list[Content]]:
        self._starts, self._heights, self._row_at = [], [], []
        n = len(self.headers)
        if not self.rows or n == 0:
            return [], wrap_content(self.empty, width)
        titles = [self.corner, *(row.title for row in self.rows)]
        natural = max(
            (cell_width(part) for title in titles for part in title.plain.split("\n")),
            default=6,
        )
        title_w = max(6, min(natural, 26, width // 5))
        side_w = (width - PREFIX - title_w - len(SEP) * n) // n
        self.stacked = side_w < MIN_SIDE_BY_SIDE
        if self.stacked:
            widths = _share(width - PREFIX - len(SEP) * (n - 1), n)
            return self._stacked(width, widths)
        widths = [title_w, *_share(width - PREFIX - title_w - len(SEP) * n, n)]
        return self._side_by_side(width, widths)

    def _header_cells(self) -> list[Content]:
        cells = []
        for i, header in enumerate(self.headers):
            if i == self.focus_column:
                cells.append(Content.assemble(CURSOR + " ", header).stylize("reverse"))
            else:
                cells.append(header)
        return cells

    def _rule(self, widths: Sequence[int], double: bool) -> Content:
        line, cross = ("═", "═╪═") if double else ("─", "─┼─")
        text = line * PREFIX + cross.join(line * w for w in widths)
        return Content.styled(text, ".compare-grid--rule")

    def _join(self, prefix: Content, parts: Sequence[Content]) -> Content:
        sep = Content.styled(SEP, ".compare-grid--rule")
        return Content.assemble(prefix, sep.join(parts))

    def _block(
        self, columns: Sequence[list[Content]], widths: Sequence[int]
    ) -> list[list[Content]]:
        height = max(len(c) for c in columns)
        return [
            [c[k] if k < len(c) else Content(" " * w) for c, w in zip(columns, widths, strict=True)]
            for k in range(height)
        ]

    def _marker(self, row: GridRow) -> Content:
        if row.differs:
            return Content.assemble(" ", (DIFFERS, "bold $text-warning"), " ")
        return Content.assemble(" ", (SAME, "dim"), " ")

    def _side_by_side(self, width: int, widths: list[int]) -> tuple[list[Content], list[Content]]:
        header_cols = [
            wrap_content(cell.stylize_before(".compare-grid--header"), w)
            for cell, w in zip([self.corner, *self._header_cells()], widths, strict=True)
        ]
        header = [
            self._join(Content(" " * PREFIX), line) for line in self._block(header_cols, widths)
        ]
        header.append(self._rule(widths, double=False))
        body: list[Content] = []
        for index, row in enumerate(self.rows):
            if index:
                body.append(self._rule(widths, double=row.break_before))
                self._row_at.append(-1)
            title = wrap_content(row.title.stylize_before(".compare-grid--title"), widths[0])
            cells = [
                _cell_lines(paragraphs, w)
                for paragraphs, w in zip(row.cells, widths[1:], strict=False)
            ]
            self._starts.append(len(body))
            lines = self._block([title, *cells], widths)
            for k, parts in enumerate(lines):
                prefix = self._marker(row) if k == 0 else Content(" " * PREFIX)
                body.append(fit(self._join(prefix, parts), width))
                self._row_at.append(index)
            self._heights.append(len(lines))
        return [fit(line, width) for line in header], body

    def _stacked(self, width: int, widths: list[int]) -> tuple[list[Content], list[Content]]:
        header_cols = [
            wrap_content(cell.stylize_before(".compare-grid--header"), w)
            for cell, w in zip(self._header_cells(), widths, strict=True)
        ]
        header = [
            self._join(Content(" " * PREFIX), line) for line in self._block(header_cols, widths)
        ]
        rule = Content.styled("─" * width, ".compare-grid--rule")
        double = Content.styled("═" * width, ".compare-grid--rule")
        header.append(rule)
        body: list[Content] = []
        pad = Content(" " * PREFIX)
        for index, row in enumerate(self.rows):
            if index:
                body.append(double if row.break_before else rule)
                self._row_at.append(-1)
            self._starts.append(len(body))
            title = wrap_content(
                row.title.stylize_before(".compare-grid--title"), max(1, width - PREFIX)
            )
            lines = [
                Content.assemble(self._marker(row) if k == 0 else pad, line)
                for k, line in enumerate(title)
            ]
            cells = [
                _cell_lines(paragraphs, w) for paragraphs, w in zip(row.cells, widths, strict=False)
            ]
            lines += [self._join(pad, parts) for parts in self._block(cells, widths)]
            for line in lines:
                body.append(fit(line, width))
                self._row_at.append(index)
            self._heights.append(len(lines))
        return [fit(line, width) for line in header], body

    # ------------------------------------------------------------------ cursor

    def line_style(self, index: int) -> str:
        if 0 <= index < len(self._row_at) and self._row_at[index] == self.cursor and self.rows:
            return ".compare-grid--cursor"
        return ""

    def _cursor_changed(self) -> None:
        if self._starts and 0 <= self.cursor < len(self._starts):
            self.scroll_body_to(self._starts[self.cursor], self._heights[self.cursor])
        self._mark_cursor()
        self.clear_strips()
        self.post_message(self.CursorMoved(self, self.cursor_row_id))

    def _mark_cursor(self) -> None:
        """Draw `▸` in the first cell of the cursor row (and nowhere else)."""
        body = self.body_lines
        for index, start in enumerate(self._starts):
            if start >= len(body):
                continue
            line = body[start]
            mark = CURSOR if index == self.cursor else " "
            if line.plain[:1] != mark:
                body[start] = Content.assemble((mark, "bold"), line[1:])

    def relayout(self) -> None:
        super().relayout()
        self._mark_cursor()
        if self._starts and 0 <= self.cursor < len(self._starts):
            # after a resize (or the first layout) the cursor row may have moved out of view
            start, height = self._starts[self.cursor], self._heights[self.cursor]
            self.call_after_refresh(self.scroll_body_to, start, height)

    def move_cursor(self, index: int) -> None:
        if not self.rows:
            return
        index = max(0, min(len(self.rows) - 1, index))
        if index != self.cursor:
            self.cursor = index
            self._cursor_changed()
        elif self._starts:
            self.scroll_body_to(self._starts[index], self._heights[index])

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.rows) - 1)

    def _row_after(self, lines: int) -> int:
        """The row found `lines` body lines below (negative: above) the cursor row's start."""
        if not self._starts:
            return self.cursor
        target = self._starts[self.cursor] + lines
        target = max(0, min(len(self._row_at) - 1, target))
        row = self._row_at[target]
        while row < 0 and target > 0:
            target -= 1
            row = self._row_at[target]
        return max(0, row)

    def action_page_down(self) -> None:
        self.move_cursor(max(self.cursor + 1, self._row_after(self.body_height)))

    def action_page_up(self) -> None:
        self.move_cursor(min(self.cursor - 1, self._row_after(-self.body_height)))

    def on_focus(self) -> None:
        self.clear_strips()  # the cursor is drawn brighter while focused

    def on_blur(self) -> None:
        self.clear_strips()

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_offset.y) + event.y - self.header_height
        if 0 <= index < len(self._row_at) and self._row_at[index] >= 0:
            self.focus()
            self.move_cursor(self._row_at[index])
