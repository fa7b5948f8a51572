"""The detail of one tool, in tabs: Overview, Features, Use cases, Examples, Relations.

Everything shown comes from the model; text is assembled as `Content`, never parsed as
markup, so `[bold]` or `list[int]` in a pack is shown exactly as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from orchexplorer.history import TOOL_TABS
from orchexplorer.i18n import Lang, t
from orchexplorer.model import Example, Feature, Note, Pack, Tool, UseCase
from orchexplorer.tui.widgets.find_bar import highlighted
from orchexplorer.tui.widgets.item_list import ItemList

#: Tab ids in key order (1..5) and the i18n key of each label.
TABS: tuple[tuple[str, str], ...] = tuple(TOOL_TABS.items())


def code_theme(dark: bool) -> str:
    """The Pygments style for code: terminal colours that suit a dark or a light theme."""
    return "ansi_dark" if dark else "ansi_light"


class Pane(VerticalScroll):
    """A scrolling pane that also moves with j/k."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]


def _section(title: str) -> Static:
    return Static(Content.styled(title, "bold $accent"), classes="section")


def _note_parts(note: Note, lang: Lang) -> list[str | tuple[str, str]]:
    """A fact-check: status, the claim it corrects, what is true, source and checked date."""
    parts: list[str | tuple[str, str]] = [
        (f"[{t('note_status_' + note.status, lang)}] ", "bold $warning")
    ]
    if note.claim:
        parts += [
            (f"{t('note_claim', lang)}: ", "$text-muted"),
            (note.claim.get(lang), "strike"),
            "\n→ ",
        ]
    return [
        *parts,
        note.text.get(lang),
        "\n",
        (f"{note.source}  ({t('note_checked', lang)} {note.checked})", "dim"),
    ]


class ToolDetail(Vertical):
    """Tabs for the selected tool. `show(tool)` fills them; they follow the app's `lang`."""

    class JumpToTool(Message):
        """The user chose another tool from here (a relation)."""

        def __init__(self, tool_id: str) -> None:
            super().__init__()
            self.tool_id = tool_id

    def __init__(self, pack: Pack, lang: Lang, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.pack = pack
        self.lang = lang
        self.tool: Tool | None = None
        self._stale: set[str] = set()  # tabs not yet filled for this tool and language
        self._prompts: dict[str, list[tuple[str, Content]]] = {}  # list tab -> items shown
        self.find_query = ""  # highlighted in what is shown (the find bar)
        self._find_at: str | None = None  # the overview part found last
        self._overview_texts: dict[Static, Content] = {}  # overview part -> its own text

    def compose(self) -> ComposeResult:
        with TabbedContent(id="tabs"):
            with TabPane(t("sec_overview", self.lang), id="overview"):
                yield Pane(id="overview-scroll")
            with TabPane(t("sec_features", self.lang), id="features"):
                yield Static(classes="empty", id="features-empty")
                yield ItemList(id="features-list", classes="items")
            with TabPane(t("sec_use_cases", self.lang), id="use_cases"):
                yield Static(classes="empty", id="use_cases-empty")
                yield ItemList(id="use_cases-list", classes="items")
            with TabPane(t("sec_examples", self.lang), id="examples"):
                yield Static(classes="empty", id="examples-empty")
                yield ItemList(id="examples-list")
                with Pane(id="example-scroll"):
                    yield Static(id="example-explanation")
                    yield Static(id="example-code")
            with TabPane(t("sec_relations", self.lang), id="relations"):
                yield Static(classes="empty", id="relations-empty")
                yield ItemList(id="relations-list", classes="items")

    # ------------------------------------------------------------------ filling

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        """Code colours follow the theme: light themes get colours readable on light."""
        if self.tool is not None and "examples" not in self._stale:
            self._show_example(self.current_example)

    def show(self, tool: Tool) -> None:
        self.tool = tool
        self._refill()

    def _lang_changed(self, lang: Lang) -> None:
        self.lang = lang
        tabs = self.query_one(TabbedContent)
        for pane_id, key in TABS:
            tabs.get_tab(pane_id).label = Content(t(key, lang))
        self._refill()

    def _refill(self) -> None:
        """The tool or the language changed: fill the open tab now, the others when opened.

        A tool of a large pack has hundreds of features; filling five tabs on every step
        through the sidebar made the step slow (see BENCHMARKS.md)."""
        self._stale = {pane_id for pane_id, _key in TABS}
        self._ensure(self.active_tab or TABS[0][0])

    def _ensure(self, tab_id: str) -> None:
        """Fill `tab_id` for the current tool and language if it is not already."""
        tool = self.tool
        if tool is None or tab_id not in self._stale:
            return
        self._stale.discard(tab_id)
        lang = self.lang
        if tab_id == "overview":
            self._fill_overview(tool, lang)
        elif tab_id == "features":
            self._fill_features(tool, lang)
        elif tab_id == "use_cases":
            self._fill_use_cases(tool, lang)
        elif tab_id == "examples":
            self._fill_examples(tool, lang)
        elif tab_id == "relations":
            self._fill_relations(tool, lang)

    def _fill_features(self, tool: Tool, lang: Lang) -> None:
        self._fill_list(
            "features",
            [
                (f.id, Content.assemble((f.title.get(lang), "bold"), "\n", f.description.get(lang)))
                for f in tool.features
            ],
        )

    def _fill_use_cases(self, tool: Tool, lang: Lang) -> None:
        self._fill_list(
            "use_cases",
            [
                (
                    u.id,
                    Content.assemble(
                        (u.title.get(lang), "bold"),
                        *(("\n", u.description.get(lang)) if u.description else ()),
                    ),
                )
                for u in tool.use_cases
            ],
        )

    def _fill_relations(self, tool: Tool, lang: Lang) -> None:
        names = {x.id: x.name.get(lang) for x in self.pack.tools}
        relations = []
        for rel in self.pack.relations_of(tool.id):
            head = f"{names.get(rel.source, rel.source)} → {names.get(rel.target, rel.target)}"
            other = rel.target if rel.source == tool.id else rel.source
            parts: list[str | tuple[str, str]] = [(head, "bold"), "\n", rel.text.get(lang)]
            if rel.note:
                parts += ["\n", ("ⓘ " + rel.note.get(lang), "italic $text-muted")]
            for note in rel.notes:
                parts += ["\n", *_note_parts(note, lang)]
            parts += ["\n", (t("relation_jump", lang, tool=names.get(other, other)), "dim")]
            relations.append((rel.id, Content.assemble(*parts)))
        self._fill_list("relations", relations)

    def _fill_list(self, name: str, items: list[tuple[str, Content]]) -> None:
        lst = self.query_one(f"#{name}-list", ItemList)
        empty = self.query_one(f"#{name}-empty", Static)
        keep = lst.highlighted
        lst.clear_options()
        self._prompts[name] = items
        options: list[Option | None] = []
        for item_id, prompt in items:
            if options and name != "examples":
                options.append(None)  # a divider line between multi-line items
            options.append(Option(highlighted(prompt, self.find_query), id=item_id))
        lst.add_options(options)
        empty.update(Content(t("empty_" + name, self.lang)))
        empty.display = not items
        lst.display = bool(items)
        if items:
            lst.highlighted = min(keep or 0, len(items) - 1)

    def _fill_overview(self, tool: Tool, lang: Lang) -> None:
        scroll = self.query_one("#overview-scroll", Pane)
        widgets: list[Static] = [
            Static(
                Content.assemble(
                    (tool.name.get(lang), "bold"),
                    "  ",
                    (tool.kind.get(lang), "$text-muted"),
                    "\n",
                    (tool.tagline.get(lang), "italic"),
                ),
                classes="title",
            ),
            Static(Content(tool.summary.get(lang)), classes="summary"),
        ]
        if tool.components:
            widgets.append(_section(t("sec_components", lang)))
            for comp in tool.components:
                widgets.append(
                    Static(
                        Content.assemble(
                            "• ", (comp.name.get(lang), "bold"), ": ", comp.description.get(lang)
                        ),
                        name=f"component:{comp.id}",
                        classes="item",
                    )
                )
        conclusions = [c for c in self.pack.conclusions if tool.id in c.tools]
        if conclusions:
            widgets.append(_section(t("sec_conclusions", lang)))
            for concl in conclusions:
                notes: list[str | tuple[str, str]] = []
                for note in concl.notes:
                    notes += ["\n", *_note_parts(note, lang)]
                widgets.append(
                    Static(
                        Content.assemble("• ", concl.text.get(lang), *notes),
                        name=f"conclusion:{concl.id}",
                        classes="item",
                    )
                )
        if tool.notes:
            widgets.append(_section(t("sec_notes", lang)))
            for note in tool.notes:
                widgets.append(
                    Static(
                        Content.assemble(*_note_parts(note, lang)),
                        name=f"note:{note.id}",
                        classes="item note",
                    )
                )
        if tool.links:
            widgets.append(_section(t("sec_links", lang)))
            for link in tool.links:
                widgets.append(
                    Static(
                        Content.assemble("• ", link.title.get(lang), "  ", (link.url, "underline")),
                        classes="item",
                    )
                )
        self._overview_texts = {}
        self._find_at = None
        if self.find_query:
            for widget in widgets:
                content = widget.content
                if isinstance(content, Content):
                    self._overview_texts[widget] = content
                    widget.update(highlighted(content, self.find_query))
        with self.app.batch_update():
            scroll.remove_children()
            scroll.mount_all(widgets)
        scroll.scroll_home(animate=False)

    def _fill_examples(self, tool: Tool, lang: Lang) -> None:
        lst = self.query_one("#examples-list", ItemList)
        self._fill_list(
            "examples",
            [
                (e.id, Content.assemble((e.title.get(lang), "bold"), (f"  {e.language}", "dim")))
                for e in tool.examples
            ],
        )
        self.query_one("#example-scroll").display = bool(tool.examples)
        self._show_example(self.current_example)
        lst.styles.max_height = min(len(tool.examples), 6) + 2

    @property
    def current_example(self) -> Example | None:
        tool = self.tool
        if tool is None or not tool.examples:
            return None
        index = self.query_one("#examples-list", ItemList).highlighted
        if "examples" in self._stale or index is None or index >= len(tool.examples):
            index = 0  # the tab has not been filled for this tool: its first example
        return tool.examples[index]

    def _show_example(self, example: Example | None) -> None:
        explanation = self.query_one("#example-explanation", Static)
        code = self.query_one("#example-code", Static)
        if example is None:
            explanation.update("")
            code.update("")
            return
        explanation.update(
            Content(example.explanation.get(self.lang)) if example.explanation else Content("")
        )
        explanation.display = example.explanation is not None
        from rich.syntax import Syntax  # with Pygments: imported when an example is shown

        code.update(
            Syntax(
                example.code.rstrip("\n"),
                example.language,
                theme=code_theme(self.app.current_theme.dark),
                line_numbers=True,
                word_wrap=False,
                background_color="default",
            )
        )

    # ------------------------------------------------------------------ events

    def on_option_list_option_highlighted(self, event: ItemList.OptionHighlighted) -> None:
        if event.option_list.id == "examples-list":
            event.stop()
            self._show_example(self.current_example)

    def on_option_list_option_selected(self, event: ItemList.OptionSelected) -> None:
        if event.option_list.id == "relations-list" and self.tool is not None:
            event.stop()
            rel = next((r for r in self.pack.relations if r.id == event.option.id), None)
            if rel is not None:
                other = rel.target if rel.source == self.tool.id else rel.source
                self.post_message(self.JumpToTool(other))
        elif event.option_list.id == "examples-list":
            event.stop()
            self.query_one("#example-scroll").focus()

    # ------------------------------------------------------------------ navigation

    def current_item(self, tab_id: str) -> str | None:
        """The id of the item under the cursor in `tab_id`'s list (None on the overview,
        or when the tab has not been filled for this tool)."""
        if tab_id == "overview" or tab_id in self._stale:
            return None
        lists = self.query(f"#{tab_id}-list")
        if not lists:
            return None
        lst = lists.first(ItemList)
        index = lst.highlighted
        if index is None or not lst.display:
            return None
        return lst.get_option_at_index(index).id

    def current_link(self, tab_id: str) -> str | None:
        """The source of the item under the cursor in `tab_id`: a feature's, use case's
        or example's own link, a relation's first fact-check source."""
        tool = self.tool
        item_id = self.current_item(tab_id)
        if tool is None or item_id is None:
            return None
        if tab_id == "relations":
            rel = next((r for r in self.pack.relations if r.id == item_id), None)
            return rel.notes[0].source if rel is not None and rel.notes else None
        groups: dict[str, Sequence[Feature | UseCase | Example]] = {
            "features": tool.features,
            "use_cases": tool.use_cases,
            "examples": tool.examples,
        }
        for item in groups.get(tab_id, ()):
            if item.id == item_id:
                return item.link
        return None

    # ------------------------------------------------------------------ find in the tab

    def find_items(self) -> list[tuple[str, str]]:
        """(key, text) of what the open tab shows: list items by id, overview parts by
        their place."""
        tab = self.active_tab
        if tab == "overview":
            scroll = self.query_one("#overview-scroll", Pane)
            return [
                (str(i), w.content.plain)
                for i, w in enumerate(scroll.query_children(Static))
                if isinstance(w.content, Content)
            ]
        return [(item_id, prompt.plain) for item_id, prompt in self._prompts.get(tab, [])]

    def find_current(self) -> str | None:
        tab = self.active_tab
        if tab == "overview":
            return self._find_at
        return self.current_item(tab)

    def find_show(self, key: str) -> None:
        tab = self.active_tab
        if tab != "overview":
            self.query_one(f"#{tab}-list", ItemList).highlight_id(key)
            return
        scroll = self.query_one("#overview-scroll", Pane)
        parts = list(scroll.query_children(Static))
        for part in parts:
            part.remove_class("-found")
        index = int(key)
        if 0 <= index < len(parts):
            self._find_at = key
            parts[index].add_class("-found")
            scroll.scroll_to_widget(parts[index], animate=False)

    def find_highlight(self, query: str) -> None:
        self.find_query = query
        tab = self.active_tab
        if tab == "overview":
            scroll = self.query_one("#overview-scroll", Pane)
            for part in scroll.query_children(Static):
                original = self._overview_texts.get(part)
                if original is None and isinstance(part.content, Content):
                    original = self._overview_texts[part] = part.content
                if original is not None:
                    part.update(highlighted(original, query))
                if not query:
                    part.remove_class("-found")
            return
        lists = self.query(f"#{tab}-list")
        if not lists or tab not in self._prompts:
            return
        lst = lists.first(ItemList)
        for index in range(lst.option_count):
            option = lst.get_option_at_index(index)
            for item_id, prompt in self._prompts[tab]:
                if item_id == option.id:
                    lst.replace_option_prompt_at_index(index, highlighted(prompt, query))
                    break

    def focus_content(self) -> None:
        """Focus what the open tab shows (its list or its scrolling pane)."""
        pane = self.query_one(TabbedContent).active_pane
        if pane is None:
            return
        for widget in pane.query("ItemList, Pane"):
            if widget.display and widget.focusable:
                widget.focus()
                return

    @property
    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active

    def open_tab(self, tab_id: str) -> None:
        self._ensure(tab_id)
        self.query_one(TabbedContent).active = tab_id

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id is not None:
            self._ensure(event.pane.id)

    def reveal(self, tab_id: str, item_id: str | None) -> bool:
        """Open `tab_id` and bring `item_id` (a feature, note, example…) into view."""
        self.open_tab(tab_id)
        if item_id is None:
            # the focus stays in the detail (a list hidden with its tab would leave none)
            self.call_after_refresh(self.focus_content)
            return True
        if tab_id == "overview":
            # Overview items are named "note:ID", "component:ID", "conclusion:ID" (names,
            # not ids: the pane is refilled while the old widgets are still being removed).
            scroll = self.query_one("#overview-scroll", Pane)
            for widget in scroll.children:
                if widget.name is not None and widget.name.split(":", 1)[-1] == item_id:
                    # Just mounted (the tab was filled for this tool a moment ago): its
                    # place is known once laid out, so scroll after the next refresh.
                    scroll.call_after_refresh(scroll.scroll_to_widget, widget, animate=False)
                    widget.add_class("-hit")
                    self.set_timer(2.0, lambda w=widget: w.remove_class("-hit"))
                    return True
            return False
        lst = self.query_one(f"#{tab_id}-list", ItemList)
        if lst.highlight_id(item_id):
            lst.focus()
            return True
        return False
