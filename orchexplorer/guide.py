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

Scoring (the README's "Decision guide" section says the same for users):

- Every effect of a chosen answer moves one tool's score. Effects that rest on the same
  underlying fact (`GuideEffect.fact`, e.g. "runs across several machines", which the hosts,
  orchestration and self-healing questions all touch) count once per tool: the strongest
  positive one and the strongest negative one of that fact, never their sum. An effect with
  no `fact` counts on its own. The effects that did not count stay listed, with why
  (`Reason.status` "shared"). An effect whose `unless` names a chosen answer does not apply
  (status "waived": a small team is not charged for running a Kubernetes control plane when
  a cloud provider runs it).
- A tool's score is the sum of what its reasons counted (`Reason.counted`). An unanswered
  question, and an answer without effects, count nothing (neutral).
- A hard requirement (`GuideAnswer.requires`) is not a score: a tool whose cell in the named
  comparison dimension has a support level below the required one is ruled out. Ruled-out
  tools rank after every other tool whatever their score, and each says why
  (`RankedTool.ruled_out`, `GuideResult.ruled_out`). A cell without a level rules nothing out.
- Chosen answers that contradict each other (`GuideAnswer.conflicts`) are reported in
  `GuideResult.conflicts`; the ranking still uses every answer.
- Tools are listed eligible first, then by score, highest first; tools with the same score
  keep the pack's tool order (`Pack.ordered_tools`). Tied tools share a rank (competition
  ranking: 1, 1, 3).
- Ties are never hidden: every `RankedTool` names the tools it is tied with, and
  `GuideResult.ties` holds one `Tie` per group with a sentence (ko and en) saying so and which
  unanswered questions could separate the group.

Every text is a `LocalizedText` (both languages), so a view picks `lang` when it draws.
Text from the pack is data: callers must never give it to a markup parser.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from orchexplorer.i18n import t
from orchexplorer.model import (
    LANGS,
    SUPPORT_LEVELS,
    Cell,
    Dimension,
    GuideAnswer,
    GuideEffect,
    GuideQuestion,
    GuideRef,
    GuideRefKind,
    GuideRequirement,
    Lang,
    LocalizedText,
    Pack,
    SupportLevel,
    Tool,
)

__all__ = [
    "Conflict",
    "GuideError",
    "GuideResult",
    "RankedTool",
    "Reason",
    "ResolvedRef",
    "RuledOut",
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


#: What became of an effect: it counted, another effect of the same fact counted instead
#: ("shared"), or a chosen answer made it not apply ("waived").
ReasonStatus = Literal["counted", "shared", "waived"]


@dataclass(frozen=True)
class Reason:
    """One effect of a chosen answer for a tool: which answer gave it, how much, and why.

    `score` is the effect's own score; `counted` what it added to the tool's score (0 when
    `status` is "shared" or "waived", and then `note` says why).
    """

    question_id: str
    answer_id: str
    question: LocalizedText  # the question's title
    answer: LocalizedText  # the answer's title
    score: int
    text: LocalizedText
    refs: tuple[ResolvedRef, ...]
    counted: int
    status: ReasonStatus
    fact: str | None
    note: LocalizedText | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class RuledOut:
    """A hard requirement a tool does not meet: the answer that made it one, the comparison
    cell that shows the tool lacks it, and a sentence (ko and en) saying so."""

    tool: str
    question_id: str
    answer_id: str
    answer: LocalizedText  # the answer's title
    dimension: str
    dimension_title: LocalizedText
    required_level: SupportLevel
    level: SupportLevel  # the tool's level in that dimension
    cell: LocalizedText  # the tool's cell text
    required: LocalizedText  # what is required, as the guide words it
    sources: tuple[str, ...]
    text: LocalizedText


@dataclass(frozen=True)
class Conflict:
    """Two chosen answers that contradict each other, as (question id, answer id) pairs."""

    first: tuple[str, str]
    second: tuple[str, str]
    text: LocalizedText


@dataclass(frozen=True)
class RankedTool:
    """A tool's place in the ranking. `rank` is 1-based and shared by tied tools."""

    tool: Tool
    score: int
    rank: int
    tied_with: tuple[str, ...]  # ids of the other tools with the same score and standing
    reasons: tuple[Reason, ...]  # in question order, then effect order
    ruled_out: tuple[RuledOut, ...] = ()  # the hard requirements it does not meet

    @property
    def tool_id(self) -> str:
        return self.tool.id

    @property
    def tied(self) -> bool:
        return bool(self.tied_with)

    @property
    def eligible(self) -> bool:
        """Whether the tool meets every hard requirement of the answers."""
        return not self.ruled_out


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
    ruled_out: tuple[RuledOut, ...] = ()  # every tool's, in ranking order
    conflicts: tuple[Conflict, ...] = ()  # in question order

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
    picked = [(q, _picked(q, chosen[q.id])) for q in ordered if q.id in chosen]
    tools = pack.ordered_tools
    reasons = {tool.id: _reasons(pack, tool.id, picked) for tool in tools}
    scores = {tool.id: sum(r.counted for r in reasons[tool.id]) for tool in tools}
    ruled = {tool.id: _ruled_out(pack, tool, picked) for tool in tools}

    def standing(tool_id: str) -> tuple[bool, int]:
        return bool(ruled[tool_id]), -scores[tool_id]

    position = {tool.id: i for i, tool in enumerate(tools)}
    order = sorted(tools, key=lambda tool: (standing(tool.id), position[tool.id]))
    groups: dict[tuple[bool, int], list[str]] = {}
    for tool in order:
        groups.setdefault(standing(tool.id), []).append(tool.id)

    ranking: list[RankedTool] = []
    for tool in order:
        mine = standing(tool.id)
        place = 1 + sum(1 for other in tools if standing(other.id) < mine)
        tied_with = tuple(tid for tid in groups[mine] if tid != tool.id)
        ranking.append(
            RankedTool(
                tool, scores[tool.id], place, tied_with, tuple(reasons[tool.id]), ruled[tool.id]
            )
        )

    unanswered = tuple(q.id for q in ordered if q.id not in chosen)
    names = {tool.id: tool.name for tool in tools}
    moved = any(reasons.values()) or any(ruled.values())
    ties: list[Tie] = []
    seen: set[tuple[bool, int]] = set()
    for entry in ranking:
        key = standing(entry.tool_id)
        if not entry.tied or key in seen:
            continue
        seen.add(key)
        members = tuple(groups[key])
        separating = tuple(
            q.id for q in ordered if q.id not in chosen and _separates(pack, q.answers, members)
        )
        everyone = len(members) == len(tools)
        text = _tie_text(
            [names[m] for m in members],
            entry.score,
            entry.rank,
            separating,
            everyone and not chosen,
            everyone and entry.score == 0 and bool(chosen) and not moved,
        )
        ties.append(Tie(entry.rank, entry.score, members, separating, text))

    return GuideResult(
        answers=tuple(chosen.items()),
        unanswered=unanswered,
        ranking=tuple(ranking),
        ties=tuple(ties),
        summary=_summary(ranking, names),
        ruled_out=tuple(r for entry in ranking for r in entry.ruled_out),
        conflicts=tuple(_conflicts(pack, picked)),
    )


def _picked(q: GuideQuestion, answer_id: str) -> GuideAnswer:
    answer = q.answer(answer_id)
    assert answer is not None  # validated before
    return answer


def _answer_named(pack: Pack, ref: str) -> tuple[GuideQuestion, GuideAnswer] | None:
    """The question and answer `QUESTION=ANSWER` names (a validated pack has them all)."""
    question_id, _, answer_id = ref.partition("=")
    q = next((q for q in pack.guide if q.id == question_id), None)
    answer = q.answer(answer_id) if q is not None else None
    return (q, answer) if q is not None and answer is not None else None


def _reasons(
    pack: Pack, tool_id: str, picked: Sequence[tuple[GuideQuestion, GuideAnswer]]
) -> list[Reason]:
    """`tool_id`'s reasons for the chosen answers, each with what it counted.

    Per fact, the strongest positive and the strongest negative effect count (the first in
    question order on a tie); the other effects of that fact count 0 and name the one that
    counted. An effect without a fact counts on its own; one whose `unless` names a chosen
    answer counts 0 and names that answer.
    """
    chosen = {f"{q.id}={a.id}" for q, a in picked}
    items = [(q, a, e) for q, a in picked for e in a.effects if e.tool == tool_id]
    waived_by = [_waiver(pack, e, chosen) for _, _, e in items]

    def key(i: int) -> tuple[str | int, bool]:
        effect = items[i][2]
        return (effect.fact if effect.fact is not None else i), effect.score > 0

    winner: dict[tuple[str | int, bool], int] = {}  # (fact, positive?) -> the one counted
    for i, (_, _, effect) in enumerate(items):
        if waived_by[i] is None and effect.score != 0:
            best = winner.get(key(i))
            if best is None or abs(effect.score) > abs(items[best][2].score):
                winner[key(i)] = i

    out: list[Reason] = []
    for i, (q, answer, effect) in enumerate(items):
        note: LocalizedText | None = None
        status: ReasonStatus = "counted"
        counted = effect.score
        waiver = waived_by[i]
        if waiver is not None:
            status, counted, note = "waived", 0, _format("guide_waived", answer=waiver.title)
        elif effect.score != 0 and winner[key(i)] != i:
            status, counted = "shared", 0
            note = _format("guide_shared", answer=items[winner[key(i)]][1].title)
        refs = tuple(resolve_ref(pack, ref, effect.tool) for ref in effect.refs)
        out.append(
            Reason(
                q.id,
                answer.id,
                q.title,
                answer.title,
                effect.score,
                effect.reason,
                refs,
                counted,
                status,
                effect.fact,
                note,
                tuple(effect.sources),
            )
        )
    return out


def _waiver(pack: Pack, effect: GuideEffect, chosen: set[str]) -> GuideAnswer | None:
    """The first chosen answer in `effect.unless`, which makes the effect not apply."""
    for ref in effect.unless:
        named = _answer_named(pack, ref) if ref in chosen else None
        if named is not None:
            return named[1]
    return None


def _lacks(pack: Pack, tool_id: str, req: GuideRequirement) -> tuple[Dimension, Cell] | None:
    """The dimension and `tool_id`'s cell in it when the cell's level is below the required
    one; None when the tool meets it or the pack does not say (no cell, or no level)."""
    dim = pack.dimension(req.dimension)
    cell = dim.cells.get(tool_id) if dim is not None else None
    if dim is None or cell is None or cell.level is None:
        return None
    if SUPPORT_LEVELS.index(cell.level) >= SUPPORT_LEVELS.index(req.level):
        return None
    return dim, cell


def _ruled_out(
    pack: Pack, tool: Tool, picked: Sequence[tuple[GuideQuestion, GuideAnswer]]
) -> tuple[RuledOut, ...]:
    """The requirements of the chosen answers that `tool` does not meet, one per dimension
    (two answers requiring the same capability state one fact)."""
    out: list[RuledOut] = []
    for q, answer in picked:
        for req in answer.requires:
            lacking = _lacks(pack, tool.id, req)
            if lacking is None or any(r.dimension == req.dimension for r in out):
                continue
            dim, cell = lacking
            assert cell.level is not None  # _lacks compares it
            text = _format(
                "guide_ruled_out",
                tool=tool.name,
                required=req.text,
                answer=answer.title,
                dimension=dim.title,
                cell=_localized({lang: _sentence(cell.text.get(lang)) for lang in LANGS}),
            )
            out.append(
                RuledOut(
                    tool.id,
                    q.id,
                    answer.id,
                    answer.title,
                    dim.id,
                    dim.title,
                    req.level,
                    cell.level,
                    cell.text,
                    req.text,
                    tuple(req.sources),
                    text,
                )
            )
    return tuple(out)


def _conflicts(
    pack: Pack, picked: Sequence[tuple[GuideQuestion, GuideAnswer]]
) -> Iterator[Conflict]:
    """Pairs of chosen answers that one of them declares contradictory, each pair once."""
    chosen = {f"{q.id}={a.id}" for q, a in picked}
    seen: set[frozenset[str]] = set()
    for q, answer in picked:
        mine = f"{q.id}={answer.id}"
        for conflict in answer.conflicts:
            pair = frozenset((mine, conflict.answer))
            named = _answer_named(pack, conflict.answer)
            if conflict.answer not in chosen or pair in seen or named is None:
                continue
            seen.add(pair)
            other_q, other = named
            text = _format(
                "guide_conflict", first=answer.title, second=other.title, why=conflict.text
            )
            yield Conflict((q.id, answer.id), (other_q.id, other.id), text)


def _separates(pack: Pack, answers: Sequence[GuideAnswer], members: Sequence[str]) -> bool:
    """Whether some answer would give `members` different scores, or rule some out."""
    for answer in answers:
        nets = {m: 0 for m in members}
        for effect in answer.effects:
            if effect.tool in nets:
                nets[effect.tool] += effect.score
        if len(set(nets.values())) > 1:
            return True
        for req in answer.requires:
            if len({_lacks(pack, m, req) is None for m in members}) > 1:
                return True
    return False


# --------------------------------------------------------------------------------------
# Sentences (both languages)


def _localized(build: dict[Lang, str]) -> LocalizedText:
    return LocalizedText(ko=build["ko"], en=build["en"])


def _format(key: str, **values: LocalizedText) -> LocalizedText:
    """The string `key` in both languages, each filled with `values` in that language."""
    return _localized(
        {lang: t(key, lang, **{k: v.get(lang) for k, v in values.items()}) for lang in LANGS}
    )


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
        if not first[0].eligible:
            joined = _join([names[r.tool.id].get(lang) for r in first], lang)
            out[lang] = t("guide_best_none", lang, names=joined, score=score)
        elif len(first) == 1:
            out[lang] = t("guide_best", lang, tool=names[first[0].tool.id].get(lang), score=score)
        else:
            joined = _join([names[r.tool.id].get(lang) for r in first], lang)
            out[lang] = t("guide_best_tied", lang, names=joined, score=score)
    return _localized(out)


def _sentence(text: str) -> str:
    """`text` ending as a sentence (a comparison cell often has no final period)."""
    text = text.rstrip()
    return text if not text or text[-1] in ".!?。" else text + "."


def signed(score: int) -> str:
    """A score as shown to people: `+3`, `0`, `-2`."""
    return f"{score:+d}" if score else "0"
