"""Two examples side by side, line by line, with the changed lines marked.

Each side has a gutter mark, the line number and the code, folded at the column width:
`~` a changed line (both sides), `-` a line only on the left, `+` a line only on the right.
The marks carry the meaning; the colours repeat it.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from orchexplorer.compare import DiffLine, ExampleDiff
from orchexplorer.tui.widgets.compare_lines import LineView, fit, fold_text, wrap_content

#: (mark, style) per side for each diff tag.
_LEFT = {
    "equal": (" ", ""),
    "replace": ("~", "$text-warning"),
    "delete": ("-", "$text-error"),
    "insert": (" ", ""),
}
_RIGHT = {
    "equal": (" ", ""),
    "replace": ("~", "$text-warning"),
    "delete": (" ", ""),
    "insert": ("+", "$text-success"),
}
_BACKGROUND = {
    "replace": "on $warning 12%",
    "delete": "on $error 12%",
    "insert": "on $success 12%",
}
SEP = " │ "


class DiffView(LineView):
    """Shows one `ExampleDiff`; scrolls with ↑↓ / j k, PageUp/PageDown, Home/End."""

    BINDINGS = [
        Binding("down,j", "scroll_down", "Down", show=False),
        Binding("up,k", "scroll_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "scroll_home", "First", show=False),
        Binding("end", "scroll_end", "Last", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.diff: ExampleDiff | None = None
        self.titles: tuple[Content, Content] = (Content(""), Content(""))
        self.empty = Content("")

    def show(
        self,
        diff: ExampleDiff | None,
        titles: tuple[Content, Content] | None = None,
        empty: Content | None = None,
    ) -> None:
        """Show `diff` under the column `titles`; with no diff, the `empty` message."""
        self.diff = diff
        if titles is not None:
            self.titles = titles
        if empty is not None:
            self.empty = empty
        self.scroll_to(y=0, animate=False)
        self.relayout()

    def action_scroll_down(self) -> None:
        self.scroll_to(y=self.scroll_offset.y + 1, animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_to(y=max(0, self.scroll_offset.y - 1), animate=False)

    def action_page_down(self) -> None:
        self.scroll_to(y=self.scroll_offset.y + self.body_height - 1, animate=False)

    def action_page_up(self) -> None:
        self.scroll_to(y=max(0, self.scroll_offset.y - self.body_height + 1), animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    # ------------------------------------------------------------------ layout

    def build_lines(self, width: int) -> tuple[list[Content], list[Content]]:
        diff = self.diff
        if diff is None:
            return [], wrap_content(self.empty, width)
        numbers = [max(r.left_no or 0, r.right_no or 0) for r in diff.rows]
        num_w = len(str(max(numbers, default=1)))
        gutter = 2 + num_w + 1  # "~ " + number + " "
        side = max(4, (width - 2 * gutter - len(SEP)) // 2)
        sep = Content.styled(SEP, "dim")
        left, right = (
            fit(Content.assemble(" " * gutter, title.stylize_before("bold")), gutter + side)
            for title in self.titles
        )
        header = [
            Content.assemble(left, sep, right),
            Content.styled("─" * (gutter + side) + "─┼─" + "─" * (gutter + side), "dim"),
        ]
        body: list[Content] = []
        for row in diff.rows:
            body.extend(self._row(row, side, num_w, sep))
        return [fit(line, width) for line in header], [fit(line, width) for line in body]

    @staticmethod
    def _side(
        text: str | None, number: int | None, mark: tuple[str, str], tag: str, side: int, num_w: int
    ) -> list[Content]:
        symbol, style = mark
        parts = fold_text(text, side) if text is not None else [""]
        background = _BACKGROUND.get(tag, "") if text is not None else ""
        lines = []
        for k, part in enumerate(parts):
            num = str(number) if k == 0 and number is not None else ""
            code = fit(Content(part), side)
            if style:
                code = code.stylize(style)
            if background:
                code = code.stylize_before(background)
            lines.append(
                Content.assemble(
                    (symbol if k == 0 else " ", f"bold {style}".strip()),
                    " ",
                    (num.rjust(num_w), "dim"),
                    " ",
                    code,
                )
            )
        return lines

    def _row(self, row: DiffLine, side: int, num_w: int, sep: Content) -> list[Content]:
        left = self._side(row.left, row.left_no, _LEFT[row.tag], row.tag, side, num_w)
        right = self._side(row.right, row.right_no, _RIGHT[row.tag], row.tag, side, num_w)
        blank = Content(" " * (2 + num_w + 1 + side))
        return [
            Content.assemble(
                left[k] if k < len(left) else blank, sep, right[k] if k < len(right) else blank
            )
            for k in range(max(len(left), len(right)))
        ]
