"""`g`: the decision guide. One question at a time, then the ranking with its reasons.

Everything comes from the pack's guide questions and `orchexplorer.guide.rank`; nothing is
decided here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Static
from textual.widgets.option_list import Option

from orchexplorer.guide import GuideResult, RankedTool, questions, rank, signed
from orchexplorer.history import Place
from orchexplorer.i18n import Lang, t
from orchexplorer.model import GuideQuestion, Pack
from orchexplorer.tui.bindings import AppScreen, apply_bindings
from orchexplorer.tui.widgets.item_list import ItemList

if TYPE_CHECKING:
    from orchexplorer.tui.app import OrchExplorerApp

SKIP = "__skip__"


def guide_bindings(lang: Lang) -> list[BindingType]:
    numbers = [
        Binding(str(n), f"choose({n})", t("key_choose", lang, n=n), show=False)
        for n in range(1, 10)
    ]
    return [
        Binding("escape,backspace", "back", t("key_guide_back", lang), id="guide-back"),
        Binding("s", "skip", t("key_guide_skip", lang), id="guide-skip"),
        Binding("c", "compare_top", t("key_guide_compare", lang), id="guide-compare"),
        Binding("r", "restart", t("key_guide_restart", lang), id="guide-restart"),
        *numbers,
    ]


class GuideScreen(AppScreen):
    """The wizard. `step` is the question shown; `step == len(questions)` is the result."""

    AUTO_FOCUS = "#guide-list"
    APP_KEYS_FIRST = False  # the wizard's own keys (back, skip) come first in its footer
    # `g`: already here; `/`: a search hit would leave the guide and its answers behind.
    APP_ACTIONS_OFF = frozenset({"guide", "search"})

    def __init__(self, pack: Pack, lang: Lang, answers: dict[str, str] | None = None) -> None:
        """`answers` given (a result from the history or a mark): start at the result."""
        super().__init__()
        self.pack = pack
        self.lang = lang
        self.questions: list[GuideQuestion] = questions(pack)
        self.answers: dict[str, str] = dict(answers or {})
        self.step = len(self.questions) if answers else 0
        self.result: GuideResult | None = None
        apply_bindings(self, guide_bindings(lang))

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="guide-box"):
            yield Static(id="guide-progress")
            yield Static(id="guide-title")
            yield Static(id="guide-help")
            yield ItemList(id="guide-list")
            yield Static(id="guide-status")
            yield Static(id="guide-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)
        self._render_step()

    # ------------------------------------------------------------------ state

    @property
    def at_result(self) -> bool:
        return self.step >= len(self.questions)

    def place(self) -> Place | None:
        """A result is a place (history, marks); a question on the way is not."""
        if not self.at_result or not self.questions:
            return None
        return Place("guide", answers=tuple(sorted(self.answers.items())))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip":
            return not self.at_result
        if action == "compare_top":
            return self.at_result
        return True

    def _lang_changed(self, lang: Lang) -> None:
        self.lang = lang
        apply_bindings(self, guide_bindings(lang))
        self._render_step()

    # ------------------------------------------------------------------ drawing

    def _render_step(self) -> None:
        self.refresh_bindings()
        if not self.questions:
            self._text("#guide-title", Content.styled(t("guide_empty", self.lang), "bold"))
            for selector in ("#guide-progress", "#guide-help", "#guide-status", "#guide-hint"):
                self._text(selector, Content(""))
            self.query_one(ItemList).display = False
            return
        if self.at_result:
            self._render_result()
        else:
            self._render_question(self.questions[self.step])

    def _text(self, selector: str, content: Content) -> None:
        widget = self.query_one(selector, Static)
        widget.update(content)
        widget.display = bool(content.plain)

    def _render_question(self, question: GuideQuestion) -> None:
        lang = self.lang
        self._text(
            "#guide-progress",
            Content.styled(
                t("gs_question", lang, n=self.step + 1, total=len(self.questions)), "$text-muted"
            ),
        )
        self._text("#guide-title", Content.styled(question.title.get(lang), "bold"))
        self._text(
            "#guide-help", Content(question.help.get(lang)) if question.help else Content("")
        )
        options = [
            Option(
                Content.assemble(
                    (f"{n}. ", "bold $accent"),
                    answer.title.get(lang),
                    *(("\n   ", (answer.help.get(lang), "dim")) if answer.help else ()),
                ),
                id=answer.id,
            )
            for n, answer in enumerate(question.answers, start=1)
        ]
        options.append(Option(Content.styled(t("gs_skip", lang), "italic dim"), id=SKIP))
        lst = self.query_one(ItemList)
        lst.display = True
        lst.clear_options()
        lst.add_options(options)
        chosen = self.answers.get(question.id)
        lst.highlighted = next((i for i, a in enumerate(question.answers) if a.id == chosen), 0)
        result = rank(self.pack, self.answers)
        so_far = t("gs_so_far", lang, summary=result.summary.get(lang)) if self.answers else ""
        self._text("#guide-status", Content.styled(so_far, "$text-muted"))
        self._text("#guide-hint", Content.styled(t("gs_hint_question", lang), "dim"))

    def _render_result(self) -> None:
        lang = self.lang
        result = self.result = rank(self.pack, self.answers)
        self._text(
            "#guide-progress",
            Content.styled(
                t("gs_answered", lang, answered=len(self.answers), total=len(self.questions)),
                "$text-muted",
            ),
        )
        self._text("#guide-title", Content.styled(t("gs_result", lang), "bold"))
        self._text("#guide-help", Content.styled(result.summary.get(lang), "bold $accent"))
        lst = self.query_one(ItemList)
        lst.display = True
        lst.clear_options()
        lst.add_options(
            Option(self._ranked_prompt(ranked), id=ranked.tool_id) for ranked in result.ranking
        )
        lst.highlighted = 0 if result.ranking else None
        ruled = [
            "✗ "
            + t(
                "guide_ruled_out_short",
                lang,
                tool=entry.tool.name.get(lang),
                required="; ".join(r.required.get(lang) for r in entry.ruled_out),
            )
            for entry in result.ranking
            if entry.ruled_out
        ]
        notes = [conflict.text.get(lang) for conflict in result.conflicts]
        notes += [tie.text.get(lang) for tie in result.ties]
        self._text(
            "#guide-status",
            Content("\n").join(
                [Content.styled(line, "$error") for line in ruled]
                + [Content.styled(line, "$warning") for line in notes]
            ),
        )
        self._text("#guide-hint", Content.styled(t("gs_hint_result", lang), "dim"))

    def _ranked_prompt(self, ranked: RankedTool) -> Content:
        lang = self.lang
        parts: list[Content | str | tuple[str, str]] = [
            (f"{ranked.rank}. ", "bold"),
            (ranked.tool.name.get(lang), "bold $accent"),
            (f"  {signed(ranked.score)}", "bold"),
        ]
        if ranked.ruled_out:
            parts.append((f"  ({t('guide_ruled_out_tag', lang)})", "bold $error"))
        if ranked.tied_with:
            names = ", ".join(
                tool.name.get(lang)
                for tid in ranked.tied_with
                if (tool := self.pack.tool(tid)) is not None
            )
            parts.append(("  (" + t("guide_tied_with", lang, names=names) + ")", "$warning"))
        for ruled in ranked.ruled_out:
            parts += ["\n   ", ("✗ " + ruled.text.get(lang), "$error")]
        if not ranked.reasons:
            parts += ["\n   ", (t("guide_no_reasons", lang), "dim")]
        for reason in ranked.reasons:
            parts += [
                "\n   ",
                (f"{signed(reason.counted):>3} ", "bold"),
                (f"[{reason.question.get(lang)}: {reason.answer.get(lang)}] ", "$text-muted"),
                reason.text.get(lang),
            ]
            if reason.note is not None:
                parts += ["\n       ", (f"({reason.note.get(lang)})", "italic dim")]
            if reason.refs:
                refs = "; ".join(ref.title.get(lang) for ref in reason.refs)
                parts += ["\n       ", (f"{t('guide_see', lang)}: {refs}", "dim")]
        return Content.assemble(*parts)

    # ------------------------------------------------------------------ input

    @on(ItemList.OptionSelected, "#guide-list")
    def _selected(self, event: ItemList.OptionSelected) -> None:
        event.stop()
        if not self.questions:
            return
        if self.at_result:
            tool_id = event.option.id
            if tool_id is not None:
                self.app.pop_screen()
                show_item = getattr(self.app, "show_item", None)
                if show_item is not None:
                    show_item(tool_id, "overview", None)
            return
        question = self.questions[self.step]
        if event.option.id == SKIP or event.option.id is None:
            self.answers.pop(question.id, None)
        else:
            self.answers[question.id] = event.option.id
        self.step += 1
        self._render_step()

    def action_choose(self, n: int) -> None:
        lst = self.query_one(ItemList)
        if 1 <= n <= lst.option_count:
            lst.highlighted = n - 1
            lst.scroll_to_highlight()

    def action_skip(self) -> None:
        if self.at_result or not self.questions:
            return
        self.answers.pop(self.questions[self.step].id, None)
        self.step += 1
        self._render_step()

    def action_back(self) -> None:
        if self.step == 0 or not self.questions:
            self.app.pop_screen()
            return
        self.step = min(self.step, len(self.questions)) - 1
        self._render_step()

    def action_restart(self) -> None:
        self.answers.clear()
        self.step = 0
        self._render_step()

    def action_compare_top(self) -> None:
        result = self.result
        if not self.at_result or result is None:
            return
        top = [ranked.tool_id for ranked in result.ranking[:2]]
        if len(top) == 2:
            self.app.pop_screen()
            cast("OrchExplorerApp", self.app).open_compare(top)
