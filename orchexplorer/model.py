"""The content model: pydantic v2, frozen, unknown fields rejected. No I/O here.

Every view of the app (sidebar, detail panes, comparison, search, command line) reads a
`Pack`. A pack is made of YAML files whose top level is a mapping with any of the keys of
`PackFile`; the loader merges the files and maps validation errors back to file positions.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    model_validator,
)

from orchexplorer.lang import LANGS as LANGS  # re-exported: the model speaks of them
from orchexplorer.lang import Lang as Lang

#: Ids are lower-case words joined by '-' or '_' (they appear in URLs, commands and files).
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=2000)]

#: Support levels a comparison cell may carry, weakest first. The diff view colours them
#: and always shows the symbol and word too (never colour alone).
SupportLevel = Literal["none", "limited", "basic", "full", "advanced"]
SUPPORT_LEVELS: tuple[str, ...] = ("none", "limited", "basic", "full", "advanced")


class Frozen(BaseModel):
    # defer_build: pydantic builds a model's validator when it first validates, not when the
    # class is defined. A pack read back from the cache is never validated again, so the app
    # starts without building any (about 30 ms; see BENCHMARKS.md).
    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=False, defer_build=True
    )


class LocalizedText(Frozen):
    """Text a person reads, in Korean and English.

    Shipped content has both; a user pack may give one, and the other falls back to it. In
    YAML a plain string is accepted as the same text for both languages.
    """

    ko: str | None = None
    en: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"ko": data, "en": data}
        if isinstance(data, bool | int | float):
            raise ValueError(
                f"expected text, got {str(data).lower()} "
                "(YAML reads yes/no/on/off/true/false and numbers as values: quote the text)"
            )
        return data

    @model_validator(mode="after")
    def _at_least_one(self) -> LocalizedText:
        if self.ko is None and self.en is None:
            raise ValueError("needs at least one of 'ko' or 'en'")
        return self

    def get(self, lang: Lang) -> str:
        """The text in `lang`, falling back to the other language."""
        if lang == "ko":
            return self.ko if self.ko is not None else (self.en or "")
        return self.en if self.en is not None else (self.ko or "")

    def both(self) -> Iterator[str]:
        """Every language's text (for search and checks)."""
        for text in (self.ko, self.en):
            if text:
                yield text

    @property
    def complete(self) -> bool:
        return self.ko is not None and self.en is not None


class Link(Frozen):
    title: LocalizedText
    url: Url


class Note(Frozen):
    """A fact-check: where the source text is dated or wrong, what is true now, the source
    that says so and the day it was checked. Tools, relations and conclusions carry them."""

    id: Id
    status: Literal["dated", "wrong", "clarification"] = "dated"
    claim: LocalizedText | None = None  # what the source text says (quoted or summarised)
    text: LocalizedText  # what is true, as checked
    source: Url
    checked: _dt.date


class Feature(Frozen):
    id: Id
    title: LocalizedText
    description: LocalizedText
    keywords: list[str] = Field(default_factory=list)
    link: Url | None = None  # the official page about it (`o` opens it)


class UseCase(Frozen):
    id: Id
    title: LocalizedText
    description: LocalizedText | None = None
    keywords: list[str] = Field(default_factory=list)
    link: Url | None = None


class Component(Frozen):
    id: Id
    name: LocalizedText
    description: LocalizedText
    keywords: list[str] = Field(default_factory=list)


class Example(Frozen):
    id: Id
    title: LocalizedText
    language: str = Field(default="text", pattern=r"^[A-Za-z0-9_+#.-]{1,32}$")
    filename: str | None = None
    code: str
    explanation: LocalizedText | None = None
    keywords: list[str] = Field(default_factory=list)
    link: Url | None = None


class Tool(Frozen):
    id: Id
    name: LocalizedText
    kind: LocalizedText
    order: int = 100  # sidebar order; ties by id
    aliases: list[str] = Field(default_factory=list)  # "k8s", "쿠버네티스", ...
    # The tool whose API this one implements (k3s implements kubernetes): where this tool has
    # no cell of its own in the portability matrix or the command map, it shows the
    # target's, marked as inherited. One step only: the target implements nothing itself.
    implements: Id | None = None
    tagline: LocalizedText
    summary: LocalizedText
    features: list[Feature] = Field(default_factory=list)
    use_cases: list[UseCase] = Field(default_factory=list)
    components: list[Component] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)

    def example(self, example_id: str) -> Example | None:
        return next((e for e in self.examples if e.id == example_id), None)


class Cell(Frozen):
    """One tool's value on a comparison dimension.

    Where the source text's own words are wrong, `text` and `level` say what is true,
    `claim` keeps the source's words and `note` says why they were corrected.
    """

    text: LocalizedText
    level: SupportLevel | None = None
    note: LocalizedText | None = None
    claim: LocalizedText | None = None  # the source text's words, when `text` corrects them
    source: Url | None = None  # where the note was checked (the shipped pack always says)
    checked: _dt.date | None = None

    @model_validator(mode="after")
    def _claim_needs_note(self) -> Cell:
        if self.claim is not None and self.note is None:
            raise ValueError("a cell with a 'claim' needs a 'note' saying why it was corrected")
        if (self.source is None) != (self.checked is None):
            raise ValueError("a cell's note gives both 'source' and 'checked', or neither")
        if self.source is not None and self.note is None:
            raise ValueError("a cell with a 'source' needs the 'note' it supports")
        return self


class Dimension(Frozen):
    """A comparison axis (role, clustering, rolling updates, ...) with a cell per tool."""

    id: Id
    title: LocalizedText
    description: LocalizedText | None = None
    order: int = 100
    keywords: list[str] = Field(default_factory=list)
    cells: dict[Id, Cell]


class Comparison(Frozen):
    """A named table: a set of tools and the dimensions shown for them, in order.

    The seed's two tables are comparisons; the compare view uses one when the user picks
    exactly its tools.
    """

    id: Id
    title: LocalizedText
    tools: list[Id] = Field(min_length=2)
    dimensions: list[Id] = Field(min_length=1)


class Relation(Frozen):
    """How one tool relates to another ("Kubernetes runs images built with Docker")."""

    id: Id
    source: Id
    target: Id
    kind: Literal[
        "runs", "extends", "deploys-to", "part-of", "builds-for", "alternative", "uses"
    ] = "uses"
    text: LocalizedText
    note: LocalizedText | None = None  # a plain remark; fact-checks go in `notes`
    notes: list[Note] = Field(default_factory=list)


class ConceptCell(Frozen):
    term: str  # what the tool calls it: "service", "Deployment + Service"
    text: LocalizedText


class Concept(Frozen):
    """One idea named per tool, so the same thing can be seen side by side."""

    id: Id
    title: LocalizedText
    description: LocalizedText | None = None
    order: int = 100
    keywords: list[str] = Field(default_factory=list)
    cells: dict[Id, ConceptCell]


class Conclusion(Frozen):
    """A closing recommendation of the source ("Compose for local development")."""

    id: Id
    tools: list[Id] = Field(min_length=1)
    text: LocalizedText
    notes: list[Note] = Field(default_factory=list)


# --------------------------------------------------------------------------------------
# guide: the decision guide's questions (see orchexplorer/guide.py for the scoring)

#: A tool's feature or use case in a guide reference: `TOOL/ID`, or a bare `ID` that means
#: the effect's own tool.
_TOOL_ITEM = r"^(?:[a-z0-9][a-z0-9_-]{0,63}/)?[a-z0-9][a-z0-9_-]{0,63}$"

GuideRefKind = Literal["feature", "use_case", "dimension"]


class GuideRef(Frozen):
    """What a guide reason rests on: a tool's feature or use case, or a comparison dimension.

    Exactly one key is given: `{feature: kubernetes/autoscaling}`, `{use_case: compose/
    local-multi-container}` or `{dimension: autoscaling}`. A feature or use case without a
    `TOOL/` prefix belongs to the tool of the effect it is in.
    """

    feature: Annotated[str, StringConstraints(pattern=_TOOL_ITEM)] | None = None
    use_case: Annotated[str, StringConstraints(pattern=_TOOL_ITEM)] | None = None
    dimension: Id | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> GuideRef:
        given = [v for v in (self.feature, self.use_case, self.dimension) if v is not None]
        if len(given) != 1:
            raise ValueError("a reference needs exactly one of feature, use_case or dimension")
        return self

    @property
    def kind(self) -> GuideRefKind:
        if self.feature is not None:
            return "feature"
        if self.use_case is not None:
            return "use_case"
        return "dimension"

    @property
    def value(self) -> str:
        """The reference as written (`kubernetes/autoscaling`, `autoscaling`)."""
        return self.feature or self.use_case or self.dimension or ""

    def target(self, effect_tool: str) -> tuple[str | None, str]:
        """(tool id, item id); the tool is None for a dimension."""
        if self.kind == "dimension":
            return None, self.value
        tool_id, sep, item = self.value.partition("/")
        return (tool_id, item) if sep else (effect_tool, tool_id)


#: An answer of the guide named from anywhere in the guide: `QUESTION=ANSWER`.
GuideAnswerRef = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}=[a-z0-9][a-z0-9_-]{0,63}$")
]


class GuideEffect(Frozen):
    """How choosing an answer moves one tool's score, and why.

    `fact` names the underlying fact the effect rests on: effects for one tool that share a
    fact count once (the strongest in each direction), so correlated questions do not add
    up the same fact. `unless` lists answers that make the effect not apply. `sources` are
    the pages that back a fact the reason states.
    """

    tool: Id
    score: int = Field(ge=-5, le=5)
    reason: LocalizedText
    refs: list[GuideRef] = Field(min_length=1)
    fact: Id | None = None
    unless: list[GuideAnswerRef] = Field(default_factory=list)
    sources: list[Url] = Field(default_factory=list)


class GuideRequirement(Frozen):
    """A capability an answer makes a hard requirement, read from a comparison dimension:
    every tool whose cell there has a support level below `level` is ruled out.
    `text` names what is required ("zero-downtime rolling updates")."""

    dimension: Id
    level: SupportLevel = "basic"
    text: LocalizedText
    sources: list[Url] = Field(default_factory=list)


class GuideConflict(Frozen):
    """Another answer (`QUESTION=ANSWER`) that contradicts this one, and why."""

    answer: GuideAnswerRef
    text: LocalizedText


class GuideAnswer(Frozen):
    id: Id
    title: LocalizedText
    help: LocalizedText | None = None
    effects: list[GuideEffect] = Field(default_factory=list)  # none: a neutral answer
    requires: list[GuideRequirement] = Field(default_factory=list)
    conflicts: list[GuideConflict] = Field(default_factory=list)


class GuideQuestion(Frozen):
    """A question of the decision guide. Unanswered, it moves no score."""

    id: Id
    title: LocalizedText
    help: LocalizedText | None = None
    order: int = 100  # ties by file order
    answers: list[GuideAnswer] = Field(min_length=2)

    def answer(self, answer_id: str) -> GuideAnswer | None:
        return next((a for a in self.answers if a.id == answer_id), None)


def _guide_answer_problems(pack: Pack, dims: set[str]) -> Iterator[RefProblem]:
    """Answers named as `QUESTION=ANSWER` (in `unless` and `conflicts`) that the guide does
    not have, and requirements on unknown dimensions."""
    known = {f"{q.id}={a.id}" for q in pack.guide for a in q.answers}
    for qi, question in enumerate(pack.guide):
        for ai, answer in enumerate(question.answers):
            base: Loc = ("guide", qi, "answers", ai)
            for ei, effect in enumerate(answer.effects):
                for ui, ref in enumerate(effect.unless):
                    if ref not in known:
                        loc: Loc = (*base, "effects", ei, "unless", ui)
                        yield RefProblem(loc, "unknown_guide_answer", ref)
            for ri, req in enumerate(answer.requires):
                if req.dimension not in dims:
                    loc = (*base, "requires", ri, "dimension")
                    yield RefProblem(loc, "unknown_dimension", req.dimension)
            for ci, conflict in enumerate(answer.conflicts):
                if conflict.answer not in known:
                    loc = (*base, "conflicts", ci, "answer")
                    yield RefProblem(loc, "unknown_guide_answer", conflict.answer)


# ------------------------------------------------------------------------------ end guide


# ------------------------------------------------------------------------------ portability


PortLevel = Literal["supported", "partial", "ignored", "none"]
"""What a tool does with a Compose key: honours it, honours part of it, skips it (as
`docker stack deploy` does, with "Ignoring unsupported options"), or has no 1:1 equivalent."""

# A key as written in a Compose file, dotted below a service: "depends_on", "deploy.resources".
# Extension fields are the one kind of key with a hyphen: "x-*" (any), "x-common".
_KEY_PART = r"(?:[a-z_][a-z0-9_]*|x-(?:\*|[a-z0-9][a-z0-9_-]*))"
ComposeKeyPath = Annotated[str, StringConstraints(pattern=rf"^{_KEY_PART}(?:\.{_KEY_PART})*$")]


class Source(Frozen):
    """An official page a fact was checked against, and when."""

    url: Url
    checked: _dt.date


class KeySupport(Frozen):
    """One tool's handling of one Compose key."""

    level: PortLevel
    equivalent: str | None = None  # literal: a field path or an option
    text: LocalizedText | None = None  # how it behaves there
    workaround: LocalizedText | None = None  # what to use instead, when level is not supported


class ComposeKey(Frozen):
    """A key of the Compose file and what each tool makes of it."""

    id: Id
    key: ComposeKeyPath
    scope: Literal["top", "service"]
    summary: LocalizedText
    support: dict[Id, KeySupport]  # tool id -> support
    sources: list[Source] = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list)


class CommandCell(Frozen):
    command: str  # literal: "docker run -d --name web nginx:1.27"
    text: LocalizedText | None = None


class CommandMapping(Frozen):
    """One task done from the command line, per tool (`docker` beside `kubectl`)."""

    id: Id
    task: LocalizedText
    commands: dict[Id, CommandCell]  # tool id -> command
    difference: LocalizedText  # what differs in meaning, not only in spelling
    sources: list[Source] = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list)


class FalseFriend(Frozen):
    """A word that means different things per tool (a Compose service, a Kubernetes Service)."""

    id: Id
    term: str
    concept: Id | None = None  # the concept row it belongs to, if any
    meanings: dict[Id, LocalizedText]  # tool id -> what the word means there
    difference: LocalizedText  # one sentence on the difference
    sources: list[Source] = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list)


class PackFile(Frozen):
    """The top level of one YAML file of a pack. Every key is optional."""

    tools: list[Tool] = Field(default_factory=list)
    dimensions: list[Dimension] = Field(default_factory=list)
    comparisons: list[Comparison] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    concepts: list[Concept] = Field(default_factory=list)
    conclusions: list[Conclusion] = Field(default_factory=list)
    guide: list[GuideQuestion] = Field(default_factory=list)
    compose_keys: list[ComposeKey] = Field(default_factory=list)
    commands: list[CommandMapping] = Field(default_factory=list)
    false_friends: list[FalseFriend] = Field(default_factory=list)


# A location inside the merged pack data, as pydantic reports it: ("tools", 3, "id").
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class RefProblem:
    """A broken cross-reference or a duplicate id, found after validation."""

    loc: Loc
    code: Literal[
        "unknown_tool",
        "unknown_dimension",
        "duplicate_id",
        "self_relation",
        "unknown_feature",  # guide
        "unknown_use_case",  # guide
        "unknown_concept",  # false friends
        "unknown_guide_answer",  # guide: QUESTION=ANSWER
        "self_implements",  # a tool implements itself
        "implements_chain",  # the implemented tool implements another in turn
    ]
    value: str
    other: Loc | None = None  # the first place for a duplicate


OPTIONAL_COUNTS = ("compose_keys", "commands", "false_friends")


class Pack(PackFile):
    """A validated content pack: the lists of all its files, merged in file order (so the
    same keys as one file). Lookups go through the indexes."""

    _by_id: dict[str, Tool] = PrivateAttr(default_factory=dict)
    _ordered: list[Tool] = PrivateAttr(default_factory=list)
    _names: dict[str, str] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        self._ordered = sorted(self.tools, key=lambda t: (t.order, t.id))
        self._by_id = {}
        for tool in self.tools:  # the first of a duplicated id wins; check_references reports it
            self._by_id.setdefault(tool.id, tool)
        # What a user may type for a tool: ids win over aliases, aliases over names.
        self._names = {}
        for tool in self._ordered:
            self._names.setdefault(tool.id.casefold(), tool.id)
        for tool in self._ordered:
            for alias in tool.aliases:
                self._names.setdefault(alias.strip().casefold(), tool.id)
        for tool in self._ordered:
            for name in (tool.name.ko, tool.name.en):
                if name:
                    self._names.setdefault(name.strip().casefold(), tool.id)

    @property
    def tool_ids(self) -> list[str]:
        return [t.id for t in self._ordered]

    @property
    def ordered_tools(self) -> list[Tool]:
        """Tools in sidebar order (by `order`, then id)."""
        return self._ordered

    def tool(self, tool_id: str) -> Tool | None:
        return self._by_id.get(tool_id)

    def resolve(self, name: str) -> Tool | None:
        """The tool a user means by `name`: its id, an alias ("k8s") or its name in either
        language ("Docker Swarm", "쿠버네티스"), case-insensitively. The one resolver every
        face uses (CLI flags and commands, the tool chooser)."""
        tool_id = self._names.get(name.strip().casefold())
        return None if tool_id is None else self._by_id.get(tool_id)

    def relations_of(self, tool_id: str) -> list[Relation]:
        return [r for r in self.relations if tool_id in (r.source, r.target)]

    def dimension(self, dim_id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == dim_id), None)

    def counts(self) -> dict[str, int]:
        counts = {
            "tools": len(self.tools),
            "features": sum(len(t.features) for t in self.tools),
            "use_cases": sum(len(t.use_cases) for t in self.tools),
            "examples": sum(len(t.examples) for t in self.tools),
            "notes": sum(len(t.notes) for t in self.tools),
            "dimensions": len(self.dimensions),
            "comparisons": len(self.comparisons),
            "relations": len(self.relations),
            "concepts": len(self.concepts),
            "conclusions": len(self.conclusions),
            "guide_questions": len(self.guide),
        }
        # The portability parts are counted where a pack has them (most user packs do not).
        for key in OPTIONAL_COUNTS:
            if getattr(self, key):
                counts[key] = len(getattr(self, key))
        return counts


_ID_LISTS = (
    "tools",
    "dimensions",
    "comparisons",
    "relations",
    "concepts",
    "conclusions",
    "compose_keys",
    "commands",
    "false_friends",
)
_TOOL_CHILDREN = ("features", "use_cases", "components", "examples", "links", "notes")


def check_references(pack: Pack) -> list[RefProblem]:
    """Every id unique in its scope, every tool/dimension reference known.

    Returns problems with the pydantic-style location of the offending value, so the loader
    can point at the file, line and column. Pure function: no I/O.
    """
    problems: list[RefProblem] = []

    def unique(items: list[Any], base: Loc) -> None:
        seen: dict[str, Loc] = {}
        for i, item in enumerate(items):
            item_id = getattr(item, "id", None)
            if item_id is None:
                continue
            loc = (*base, i, "id")
            if item_id in seen:
                problems.append(RefProblem(loc, "duplicate_id", item_id, seen[item_id]))
            else:
                seen[item_id] = loc

    for key in _ID_LISTS:
        unique(getattr(pack, key), (key,))
    for ti, tool in enumerate(pack.tools):
        for child in _TOOL_CHILDREN:
            unique(getattr(tool, child), ("tools", ti, child))
    for key in ("relations", "conclusions"):  # their fact-checks
        for i, item in enumerate(getattr(pack, key)):
            unique(item.notes, (key, i, "notes"))

    known = {t.id for t in pack.tools}
    dims = {d.id for d in pack.dimensions}

    def tool_ref(value: str, loc: Loc) -> None:
        if value not in known:
            problems.append(RefProblem(loc, "unknown_tool", value))

    for di, dim in enumerate(pack.dimensions):
        for tid in dim.cells:
            tool_ref(tid, ("dimensions", di, "cells", tid))
    for ci, concept in enumerate(pack.concepts):
        for tid in concept.cells:
            tool_ref(tid, ("concepts", ci, "cells", tid))
    implements = {t.id: t.implements for t in pack.tools}
    for ti, tool in enumerate(pack.tools):
        target = tool.implements
        if target is None:
            continue
        impl_loc: Loc = ("tools", ti, "implements")
        if target == tool.id:
            problems.append(RefProblem(impl_loc, "self_implements", target))
        elif target not in known:
            tool_ref(target, impl_loc)
        elif implements.get(target) is not None:
            problems.append(RefProblem(impl_loc, "implements_chain", target))
    for ri, rel in enumerate(pack.relations):
        tool_ref(rel.source, ("relations", ri, "source"))
        tool_ref(rel.target, ("relations", ri, "target"))
        if rel.source == rel.target:
            problems.append(RefProblem(("relations", ri, "target"), "self_relation", rel.target))
    for ci, comp in enumerate(pack.comparisons):
        for i, tid in enumerate(comp.tools):
            tool_ref(tid, ("comparisons", ci, "tools", i))
        for i, did in enumerate(comp.dimensions):
            if did not in dims:
                problems.append(
                    RefProblem(("comparisons", ci, "dimensions", i), "unknown_dimension", did)
                )
    for ci, concl in enumerate(pack.conclusions):
        for i, tid in enumerate(concl.tools):
            tool_ref(tid, ("conclusions", ci, "tools", i))
    # portability: per-tool cells name known tools; a key is listed once per scope
    seen_keys: dict[tuple[str, str], Loc] = {}
    for ki, ckey in enumerate(pack.compose_keys):
        for tid in ckey.support:
            tool_ref(tid, ("compose_keys", ki, "support", tid))
        key_loc: Loc = ("compose_keys", ki, "key")
        if (ckey.scope, ckey.key) in seen_keys:
            problems.append(
                RefProblem(key_loc, "duplicate_id", ckey.key, seen_keys[(ckey.scope, ckey.key)])
            )
        else:
            seen_keys[(ckey.scope, ckey.key)] = key_loc
    for mi, mapping in enumerate(pack.commands):
        for tid in mapping.commands:
            tool_ref(tid, ("commands", mi, "commands", tid))
    concept_ids = {c.id for c in pack.concepts}
    for fi, friend in enumerate(pack.false_friends):
        for tid in friend.meanings:
            tool_ref(tid, ("false_friends", fi, "meanings", tid))
        if friend.concept is not None and friend.concept not in concept_ids:
            problems.append(
                RefProblem(("false_friends", fi, "concept"), "unknown_concept", friend.concept)
            )
    # guide: question ids, answer ids per question, effect tools and what reasons refer to
    unique(pack.guide, ("guide",))
    items: dict[GuideRefKind, set[tuple[str, str]]] = {
        "feature": {(t.id, f.id) for t in pack.tools for f in t.features},
        "use_case": {(t.id, u.id) for t in pack.tools for u in t.use_cases},
    }
    for qi, question in enumerate(pack.guide):
        unique(question.answers, ("guide", qi, "answers"))
        for ai, answer in enumerate(question.answers):
            for ei, effect in enumerate(answer.effects):
                base: Loc = ("guide", qi, "answers", ai, "effects", ei)
                tool_ref(effect.tool, (*base, "tool"))
                for ri, ref in enumerate(effect.refs):
                    loc: Loc = (*base, "refs", ri, ref.kind)
                    owner, item = ref.target(effect.tool)
                    if owner is None:
                        if item not in dims:
                            problems.append(RefProblem(loc, "unknown_dimension", item))
                    elif owner not in known:
                        if owner != effect.tool:  # else already reported at the effect
                            problems.append(RefProblem(loc, "unknown_tool", owner))
                    elif (owner, item) not in items[ref.kind]:
                        code: Literal["unknown_feature", "unknown_use_case"] = (
                            "unknown_feature" if ref.kind == "feature" else "unknown_use_case"
                        )
                        problems.append(RefProblem(loc, code, f"{owner}/{item}"))
    problems.extend(_guide_answer_problems(pack, dims))
    return problems
