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
from orchexplorer.search import Hit, ScopedQuery, SearchIndex, highlight_spans, split_scope
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

    def action_choose(self) -> None:
        """Enter: if the hits listed are not for the text as typed now (the last Hangul
        syllable arrived with the Enter that ended it), search now and show them; the
        next Enter opens one."""
        query = self.query_one(Input).value
        if self.index is not None and query.strip() and self.listed_for != query:
            self._show(query, *self._hits(self.index, query))
            return
        super().action_choose()

    def _resolve(self, word: str) -> str | None:
        tool = self.pack.resolve(word)
        return tool.id if tool is not None else None

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        index = self.index
        if index is None:
            return
        self.app.call_from_thread(self._show, query, *self._hits(index, query))

    def _hits(self, index: SearchIndex, query: str) -> tuple[list[Hit], ScopedQuery]:
        scoped = split_scope(query, self._resolve)
        hits = [] if scoped.unknown else index.search_tools(scoped.text, scoped.tools, MAX_HITS)
        return hits, scoped

    def _show(self, query: str, hits: list[Hit], scoped: ScopedQuery | None = None) -> None:
        if query != self.query_one(Input).value:
            return  # a newer query is on its way
        self.show_items(hits, self._prompt)
        scope = ""
        if scoped is not None and scoped.tools:
            names = [self._tool_name(x) for x in scoped.tools]
            scope = t("search_scope", self.lang, tools=", ".join(names)) + " · "
        if scoped is not None and scoped.unknown:
            self._status(
                t(
                    "search_scope_unknown",
                    self.lang,
                    value=", ".join(scoped.unknown)[:60],
                    known=", ".join(self.pack.tool_ids),
                )
            )
        elif hits:
            self._status(scope + t("search_count", self.lang, count=len(hits)))
        elif query.strip():
            self._status(t("search_no_hits", self.lang, query=query.strip()[:60]))
        else:
            self._status("")

    def _tool_name(self, tool_id: str) -> str:
        tool = self.pack.tool(tool_id)
        return tool.name.get(self.lang) if tool is not None else tool_id

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
