"""`/`: search as you type. Results update in an exclusive worker so typing stays smooth;
Enter jumps to the hit (tool, tab and item), Escape returns to where the user was."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from orchexplorer.i18n import Lang, t
from orchexplorer.model import Pack
from orchexplorer.search import Hit, SearchIndex, highlight_spans
from orchexplorer.tui.screens.dialogs import PickerScreen
from orchexplorer.tui.widgets.item_list import ItemList

MAX_HITS = 50

#: Where a hit's section opens in the explorer: (tab, reveal the item?).
SECTION_TABS: dict[str, tuple[str, bool]] = {
    "overview": ("overview", False),
    "features": ("features", True),
    "use_cases": ("use_cases", True),
    "examples": ("examples", True),
    "relations": ("relations", True),
    "components": ("overview", True),
    "notes": ("overview", True),
    "conclusions": ("overview", True),
}


@dataclass(frozen=True)
class Jump:
    """Where to go for a chosen hit."""

    hit: Hit


def styled(text: str, terms: tuple[str, ...], base: str = "") -> Content:
    """Literal `text` with the words matching `terms` emphasised (no markup involved)."""
    content = Content.styled(text, base) if base else Content(text)
    for start, end in highlight_spans(text, terms):
        content = content.stylize("bold reverse", start, end)
    return content


class SearchScreen(PickerScreen[Hit, Jump]):
    """The search dialog: the hits for the Input's text, best first."""

    BINDINGS = [Binding("enter", "choose", "Open", show=False, priority=True)]

    def __init__(self, pack: Pack, index: SearchIndex | None, lang: Lang, query: str = "") -> None:
        super().__init__(lang)
        self.pack = pack
        self.index = index
        self.initial_query = query

    @property
    def hits(self) -> list[Hit]:
        """The hits listed, in their order."""
        return self.items

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(value=self.initial_query, id="search-input")
            yield Static(id="search-status")
            yield ItemList(id="search-results")
            yield Static(id="search-hint")

    def label(self) -> None:
        self.query_one(Input).placeholder = t("search_placeholder", self.lang)
        self.query_one("#search-hint", Static).update(
            Content.styled(t("search_hint", self.lang), "dim")
        )
        if self.index is None:
            self._status(t("search_indexing", self.lang))

    def set_index(self, index: SearchIndex) -> None:
        self.index = index
        self.refill()

    # ------------------------------------------------------------------ searching

    def refill(self) -> None:
        query = self.query_one(Input).value
        if self.index is None:
            return
        if not query.strip():
            self._show(query, [])
            return
        self._search(query)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        index = self.index
        if index is None:
            return
        hits = index.search(query, limit=MAX_HITS)
        self.app.call_from_thread(self._show, query, hits)

    def _show(self, query: str, hits: list[Hit]) -> None:
        if query != self.query_one(Input).value:
            return  # a newer query is on its way
        self.show_items(hits, self._prompt)
        if hits:
            self._status(t("search_count", self.lang, count=len(hits)))
        elif query.strip():
            self._status(t("search_no_hits", self.lang, query=query.strip()[:60]))
        else:
            self._status("")

    def _prompt(self, hit: Hit) -> Content:
        lang = self.lang
        tool = self.pack.tool(hit.tool) if hit.tool else None
        tool_name = tool.name.get(lang) if tool else t("all_tools", lang)
        head = Content.assemble(
            (tool_name, "bold $accent"),
            ("  " + t("kind_" + hit.kind, lang) + "  ", "$text-muted"),
            styled(hit.title.get(lang), hit.terms, "bold"),
        )
        snippet = hit.snippet.get(lang)
        if not snippet:
            return head
        return Content.assemble(head, "\n", styled(snippet, hit.terms, "dim"))

    def _status(self, text: str) -> None:
        self.query_one("#search-status", Static).update(Content(text))

    def result(self, item: Hit) -> Jump:
        return Jump(item)
