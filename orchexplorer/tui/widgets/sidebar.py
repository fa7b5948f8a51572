"""The sidebar: the pack's tools, name and kind, in the pack's order."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from orchexplorer.i18n import Lang
from orchexplorer.model import Tool
from orchexplorer.tui.widgets.item_list import ItemList


class ToolList(ItemList):
    """Lists tools; highlighting one posts `ToolList.ToolSelected`."""

    class ToolSelected(Message):
        def __init__(self, tool: Tool) -> None:
            super().__init__()
            self.tool = tool

    def __init__(self, tools: list[Tool], lang: Lang, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.tools = tools
        self.lang = lang
        self._marked: int | None = None  # the option drawn with the "current" marker
        self._fill()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)

    def _prompt(self, tool: Tool, current: bool) -> Content:
        # The current tool is marked with a symbol too, not only by colour (NO_COLOR, mono).
        marker = "▸ " if current else "  "
        return Content.assemble(
            (marker + tool.name.get(self.lang), "bold"),
            "\n  ",
            (tool.kind.get(self.lang), "dim"),
        )

    def _fill(self) -> None:
        keep = self.highlighted
        self.clear_options()
        self.add_options(
            Option(self._prompt(tool, i == keep), id=tool.id) for i, tool in enumerate(self.tools)
        )
        if keep is not None and self.tools:
            self.highlighted = min(keep, len(self.tools) - 1)
        self._marked = self.highlighted

    def _lang_changed(self, lang: Lang) -> None:
        self.lang = lang
        self._fill()

    def select_tool(self, tool_id: str) -> None:
        self.highlight_id(tool_id)

    @property
    def current(self) -> Tool | None:
        if self.highlighted is None or not self.tools:
            return None
        return self.tools[self.highlighted]

    def on_option_list_option_highlighted(self, event: ItemList.OptionHighlighted) -> None:
        event.stop()
        tool = self.current
        if tool is None:
            return
        marked = self._marked
        if marked is not None and marked < len(self.tools) and marked != self.highlighted:
            self.replace_option_prompt_at_index(marked, self._prompt(self.tools[marked], False))
        self.replace_option_prompt_at_index(self.highlighted or 0, self._prompt(tool, True))
        self._marked = self.highlighted
        self.post_message(self.ToolSelected(tool))

    def on_option_list_option_selected(self, event: ItemList.OptionSelected) -> None:
        # Enter opens the tool: move focus to its detail.
        event.stop()
        self.screen.focus_next()
