"""A scrolling view drawn line by line (Textual's line API) from lines laid out for its width.

The comparison table and the example diff lay their text out themselves: every cell is
wrapped to its own column (double-width Korean counted as two cells), and the columns are
joined into full-width lines. Only the visible lines are rendered, so a long table stays
cheap. A few header lines stay fixed at the top while the body scrolls under them.

Every text arrives as `Content` built from literal strings; nothing is parsed as markup.
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from orchexplorer.termtext import char_width


def wrap_content(content: Content, width: int) -> list[Content]:
    """`content` word-wrapped to `width` cells, each line padded to exactly `width`.

    Paragraphs ("\\n") start new lines; a word longer than the width is folded.
    """
    width = max(1, width)
    lines: list[Content] = []
    for line in content.wrap(width) if content.plain else [Content("")]:
        lines.append(fit(line, width))
    return lines or [Content(" " * width)]


def fit(content: Content, width: int) -> Content:
    """`content` cut or padded to exactly `width` cells."""
    return content.rstrip().truncate(width, pad=True)


def fold_text(text: str, width: int) -> list[str]:
    """A code line broken at exactly `width` cells (spaces kept), never between a character's
    two cells."""
    width = max(2, width)
    text = text.expandtabs(4)
    parts: list[str] = []
    current: list[str] = []
    used = 0
    for ch in text:
        w = char_width(ch)
        if used + w > width and current:
            parts.append("".join(current))
            current, used = [], 0
        current.append(ch)
        used += w
    parts.append("".join(current))
    return parts


class LineView(ScrollView, can_focus=True, inherit_bindings=False):
    """Header lines fixed at the top, body lines scrolling under them.

    Subclasses implement `build_lines(width)`; call `relayout()` when the data changes.
    `line_style(index)` may add a style to a body line (the cursor).
    """

    DEFAULT_CSS = """
    LineView {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lv_header: list[Content] = []
        self._lv_body: list[Content] = []
        self._lv_width = 0
        self._lv_strips: dict[tuple[int, str], Strip] = {}

    # ------------------------------------------------------------------ layout

    def build_lines(self, width: int) -> tuple[list[Content], list[Content]]:
        """(header lines, body lines), each exactly `width` cells wide."""
        raise NotImplementedError

    def line_style(self, index: int) -> str:
        """An extra style for body line `index` ('' for none)."""
        del index
        return ""

    @property
    def layout_width(self) -> int:
        return max(0, self.scrollable_content_region.width)

    @property
    def header_height(self) -> int:
        return len(self._lv_header)

    @property
    def body_height(self) -> int:
        """How many body lines fit under the header."""
        return max(1, self.scrollable_content_region.height - self.header_height)

    @property
    def body_lines(self) -> list[Content]:
        return self._lv_body

    def relayout(self) -> None:
        width = self.layout_width
        if width <= 0:  # not laid out yet: on_resize will come
            return
        self._lv_header, self._lv_body = self.build_lines(width)
        self._lv_width = width
        self.clear_strips()
        self.virtual_size = Size(width, len(self._lv_header) + len(self._lv_body))
        self.refresh()

    def clear_strips(self) -> None:
        self._lv_strips.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.layout_width != self._lv_width:
            self.relayout()

    # ------------------------------------------------------------------ rendering

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        header_h = len(self._lv_header)
        if y < header_h:
            key = (-1 - y, "")
            content = self._lv_header[y]
        else:
            index = int(self.scroll_offset.y) + y - header_h
            if not 0 <= index < len(self._lv_body):
                return Strip.blank(width, self.visual_style.rich_style)
            extra = self.line_style(index)
            key = (index, extra)
            content = self._lv_body[index]
            if extra:
                content = content.stylize_before(extra)
        strip = self._lv_strips.get(key)
        if strip is None or strip.cell_length != width:
            strip = self._to_strip(content, width)
            self._lv_strips[key] = strip
        return strip

    def _to_strip(self, content: Content, width: int) -> Strip:
        base = self.visual_style
        segments = [
            Segment(text, style.rich_style)
            for text, style in content.render(base, end="", parse_style=self._get_style)
        ]
        return Strip(segments).crop_extend(0, width, base.rich_style)

    # ------------------------------------------------------------------ scrolling

    def scroll_body_to(self, start: int, height: int) -> None:
        """Scroll as little as needed so body lines start..start+height are visible."""
        top = int(self.scroll_offset.y)
        view = self.body_height
        if start < top:
            target = start
        elif start + height > top + view:
            target = min(start, start + height - view)
        else:
            return
        self.scroll_to(y=max(0, target), animate=False)
