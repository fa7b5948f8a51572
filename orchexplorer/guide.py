"""The decision guide: answers -> ranked tools, with the reasons. Pure logic over the model;
no Textual, no I/O.

API (used by `orchexplorer guide` and meant for the app's guide screen):

- `questions(pack)`: the pack's questions in display order (`order`, then file order).
- `question(pack, question_id)`: one question, or `UnknownQuestionError`.
- `validate_answers(pack, answers)`: checks a `{question_id: answer_id}` mapping and returns
  it as a plain dict in question order; raises `UnknownQuestionError` or
  `UnknownAnswerError`, which carry the valid ids (`known`).
- `rank(pack, answers)` -> `GuideResult`: validates, then scores every tool of the pack.
- `resolve_ref(pack, ref, effect_tool)` -> `ResolvedRef`: what a reason's reference points at.
- `signed(score)`: a score as shown to people (`+3`, `0`, `-2`).

Scoring:

- A tool's score is the sum of the `score` of every effect for it in the chosen answers.
  An unanswered question, and an answer without effects, count nothing (neutral).
- Tools are listed by score, highest first; tools with the same score keep the pack's tool
  order (`Pack.ordered_tools`). Tied tools share a rank (competition ranking: 1, 1, 3).
- Ties are never hidden: every `RankedTool` names the tools it is tied with, and
  `GuideResult.ties` holds one `Tie` per group with a sentence (ko and en) saying so and which
  unanswered questions could separate the group.

Every text is a `LocalizedText` (both languages), so a view picks `lang` when it draws.
Text from the pack is data: callers must never give it to a markup parser.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from orchexplorer.i18n import t
from orchexplorer.model import (
    LANGS,
    GuideAnswer,
    GuideQuestion,
    GuideRef,
    GuideRefKind,
    Lang,
    LocalizedText,
    Pack,
    Tool,
)

__all__ = [
    "GuideError",
    "GuideResult",
    "RankedTool",
    "Reason",
    "ResolvedRef",
    "Tie",
    "UnknownAnswerError",
    "UnknownQuestionError",
    "question",
    "questions",
    "rank",
    "resolve_ref",
    "signed",
    "validate_answers",
]


# --------------------------------------------------------------------------------------
# Errors


class GuideError(ValueError):
    """A problem with the answers given to the guide."""


class UnknownQuestionError(GuideError):
    """`question_id` is not a question of the pack. `known` lists the valid ids in order."""

    def __init__(self, question_id: str, known: Sequence[str]) -> None:
        super().__init__(f"unknown question {question_id!r} (questions: {', '.join(known) or '-'})")
        self.question_id = question_id
        self.known = list(known)


class UnknownAnswerError(GuideError):
    """`answer_id` is not an answer of `question_id`. `known` lists that question's answers."""

    def __init__(self, question_id: str, answer_id: str, known: Sequence[str]) -> None:
        super().__init__(
            f"question {question_id!r} has no answer {answer_id!r} (answers: {', '.join(known)})"
        )
        self.question_id = question_id
        self.answer_id = answer_id
        self.known = list(known)


# --------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class ResolvedRef:
    """A reason's reference, resolved against the pack.

    `kind` is "feature", "use_case" or "dimension"; `tool` is the owning tool's id (None for
    a dimension); `id` the item's id; `title` the item's title (its id when the pack does not
    have it, which a validated pack never lets happen).
    """

    kind: GuideRefKind
    tool: str | None
    id: str
    title: LocalizedText

    @property
    def key(self) -> str:
        """`tool/id` for a feature or use case, `id` for a dimension."""
        return f"{self.tool}/{self.id}" if self.tool is not None else self.id


@dataclass(frozen=True)
class Reason:
    """One effect that applied to a tool: which answer gave it, how much, and why."""

    question_id: str
    answer_id: str
    question: LocalizedText  # the question's title
    answer: LocalizedText  # the answer's title
    score: int
    text: LocalizedText
    refs: tuple[ResolvedRef, ...]


@dataclass(frozen=True)
class RankedTool:
    """A tool's place in the ranking. `rank` is 1-based and shared by tied tools."""

    tool: Tool
    score: int
    rank: int
    tied_with: tuple[str, ...]  # ids of the other tools with the same score
    reasons: tuple[Reason, ...]  # in question order, then effect order

    @property
    def tool_id(self) -> str:
        return self.tool.id

    @property
    def tied(self) -> bool:
        return bool(self.tied_with)


@dataclass(frozen=True)
class Tie:
    """Tools with the same score. `separating` lists the unanswered questions that have an
    answer which would score these tools differently; `text` says all that in a sentence."""

    rank: int
    score: int
    tools: tuple[str, ...]
    separating: tuple[str, ...]
    text: LocalizedText


@dataclass(frozen=True)
class GuideResult:
    """The outcome of `rank`."""

    answers: tuple[tuple[str, str], ...]  # (question id, answer id), in question order
    unanswered: tuple[str, ...]  # question ids, in question order
    ranking: tuple[RankedTool, ...]
    ties: tuple[Tie, ...]
    summary: LocalizedText  # one sentence: the best fit, or who shares first place

    @property
    def leaders(self) -> tuple[RankedTool, ...]:
        """Every tool at rank 1 (more than one when first place is tied)."""
        return tuple(r for r in self.ranking if r.rank == 1)

    def tool(self, tool_id: str) -> RankedTool | None:
        return next((r for r in self.ranking if r.tool.id == tool_id), None)

    def tie_of(self, tool_id: str) -> Tie | None:
        return next((tie for tie in self.ties if tool_id in tie.tools), None)


# --------------------------------------------------------------------------------------
# Questions and answers


def questions(pack: Pack) -> list[GuideQuestion]:
    """The pack's guide questions in display order: by `order`, then file order."""
    indexed = sorted(enumerate(pack.guide), key=lambda pair: (pair[1].order, pair[0]))
    return [q for _, q in indexed]


def question(pack: Pack, question_id: str) -> GuideQuestion:
    """The question `question_id`, or `UnknownQuestionError` naming the valid ones."""
    found = next((q for q in pack.guide if q.id == question_id), None)
    if found is None:
        raise UnknownQuestionError(question_id, [q.id for q in questions(pack)])
    return found


def validate_answers(pack: Pack, answers: Mapping[str, str]) -> dict[str, str]:
    """`answers` checked against the pack, as a new dict in question order.

    Ids are matched exactly. Raises `UnknownQuestionError` or `UnknownAnswerError`.
    """
    for question_id, answer_id in answers.items():
        q = question(pack, question_id)
        if q.answer(answer_id) is None:
            raise UnknownAnswerError(question_id, answer_id, [a.id for a in q.answers])
    return {q.id: answers[q.id] for q in questions(pack) if q.id in answers}


def resolve_ref(pack: Pack, ref: GuideRef, effect_tool: str) -> ResolvedRef:
    """What `ref` (written in an effect for `effect_tool`) points at, with its title."""
    owner, item = ref.target(effect_tool)
    title: LocalizedText | None = None
    if owner is None:
        dim = pack.dimension(item)
        title = dim.title if dim is not None else None
    else:
        tool = pack.tool(owner)
        if tool is not None:
            pool = tool.features if ref.kind == "feature" else tool.use_cases
            title = next((x.title for x in pool if x.id == item), None)
    return ResolvedRef(ref.kind, owner, item, title or LocalizedText(ko=item, en=item))


# --------------------------------------------------------------------------------------
# Ranking


def rank(pack: Pack, answers: Mapping[str, str]) -> GuideResult:
    """Score every tool of `pack` for `answers` ({question id: answer id}) and rank them.

    Raises `UnknownQuestionError` / `UnknownAnswerError` for ids the pack does not have.
    """
    chosen = validate_answers(pack, answers)
    ordered = questions(pack)
    tools = pack.ordered_tools
    scores = {tool.id: 0 for tool in tools}
    reasons: dict[str, list[Reason]] = {tool.id: [] for tool in tools}
    for q in ordered:
        if q.id not in chosen:
            continue
        answer = q.answer(chosen[q.id])
        assert answer is not None  # validated above
        for effect in answer.effects:
            if effect.tool not in scores:  # a validated pack has no such effect
                continue
            scores[effect.tool] += effect.score
            refs = tuple(resolve_ref(pack, ref, effect.tool) for ref in effect.refs)
            reasons[effect.tool].append(
                Reason(q.id, answer.id, q.title, answer.title, effect.score, effect.reason, refs)
            )

    position = {tool.id: i for i, tool in enumerate(tools)}
    order = sorted(tools, key=lambda tool: (-scores[tool.id], position[tool.id]))
    groups: dict[int, list[str]] = {}
    for tool in order:
        groups.setdefault(scores[tool.id], []).append(tool.id)

    ranking: list[RankedTool] = []
    for tool in order:
        score = scores[tool.id]
        place = 1 + sum(1 for other in tools if scores[other.id] > score)
        tied_with = tuple(tid for tid in groups[score] if tid != tool.id)
        ranking.append(RankedTool(tool, score, place, tied_with, tuple(reasons[tool.id])))

    unanswered = tuple(q.id for q in ordered if q.id not in chosen)
    names = {tool.id: tool.name for tool in tools}
    ties: list[Tie] = []
    seen: set[int] = set()
    for entry in ranking:
        if not entry.tied or entry.score in seen:
            continue
        seen.add(entry.score)
        members = tuple(groups[entry.score])
        separating = tuple(
            q.id for q in ordered if q.id not in chosen and _separates(q.answers, members)
        )
        everyone = len(members) == len(tools)
        text = _tie_text(
            [names[m] for m in members],
            entry.score,
            entry.rank,
            separating,
            everyone and not chosen,
            everyone and entry.score == 0 and bool(chosen) and not any(reasons.values()),
        )
        ties.append(Tie(entry.rank, entry.score, members, separating, text))

    return GuideResult(
        answers=tuple(chosen.items()),
        unanswered=unanswered,
        ranking=tuple(ranking),
        ties=tuple(ties),
        summary=_summary(ranking, names),
    )


def _separates(answers: Sequence[GuideAnswer], members: Sequence[str]) -> bool:
    """Whether some answer would give `members` different scores."""
    for answer in answers:
        nets = {m: 0 for m in members}
        for effect in answer.effects:
            if effect.tool in nets:
                nets[effect.tool] += effect.score
        if len(set(nets.values())) > 1:
            return True
    return False


# --------------------------------------------------------------------------------------
# Sentences (both languages)


def _localized(build: dict[Lang, str]) -> LocalizedText:
    return LocalizedText(ko=build["ko"], en=build["en"])


def _join(items: Sequence[str], lang: Lang) -> str:
    if lang == "ko" or len(items) < 2:
        return ", ".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + f" and {items[-1]}"


def _tie_text(
    names: Sequence[LocalizedText],
    score: int,
    place: int,
    separating: Sequence[str],
    nothing_answered: bool,
    neutral_answers: bool,
) -> LocalizedText:
    out: dict[Lang, str] = {}
    for lang in LANGS:
        if nothing_answered:
            head = t("guide_tie_unanswered", lang)
        elif neutral_answers:
            head = t("guide_tie_neutral", lang)
        else:
            joined = _join([n.get(lang) for n in names], lang)
            head = t("guide_tie", lang, names=joined, score=signed(score), rank=place)
        if separating:
            tail = t("guide_tie_separating", lang, questions=", ".join(separating))
        else:
            tail = t("guide_tie_no_separating", lang)
        out[lang] = f"{head} {tail}"
    return _localized(out)


def _summary(ranking: Sequence[RankedTool], names: Mapping[str, LocalizedText]) -> LocalizedText:
    out: dict[Lang, str] = {}
    if not ranking:
        return LocalizedText(ko=t("guide_no_tools", "ko"), en=t("guide_no_tools", "en"))
    first = [r for r in ranking if r.rank == 1]
    score = signed(first[0].score)
    for lang in LANGS:
        if len(first) == 1:
            out[lang] = t("guide_best", lang, tool=names[first[0].tool.id].get(lang), score=score)
        else:
            joined = _join([names[r.tool.id].get(lang) for r in first], lang)
            out[lang] = t("guide_best_tied", lang, names=joined, score=score)
    return _localized(out)


def signed(score: int) -> str:
    """A score as shown to people: `+3`, `0`, `-2`."""
    return f"{score:+d}" if score else "0"
