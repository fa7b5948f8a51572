"""What a search returns: `Hit`s of a kind, pointing at a section of the app, with a title
and a snippet in both languages (`Text`), made from the index's documents (`Doc`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol, get_args

from orchexplorer.kinds import KINDS as KINDS
from orchexplorer.kinds import Kind as Kind
from orchexplorer.search.snippets import Prepared, prepare

if TYPE_CHECKING:
    from orchexplorer.model import Lang

KIND_RANK = {k: i for i, k in enumerate(KINDS)}

#: Where a hit lives in the app. For tool-scoped kinds it is the tool's detail tab;
#: dimensions and concepts live in the comparison view, conclusions in the guide. Compose
#: keys, command mappings and false friends belong to no tool (their hits have no `tool`);
#: until they have views of their own, the app opens the comparison for them.
Section = Literal[
    "overview",
    "features",
    "use_cases",
    "components",
    "examples",
    "relations",
    "notes",
    "compare",
    "conclusions",
    "compose_keys",
    "commands",
    "false_friends",
]
SECTIONS: tuple[Section, ...] = get_args(Section)


class Localized(Protocol):
    """Text with one value per language: the model's `LocalizedText`, or `Text`."""

    def get(self, lang: Lang) -> str: ...


@dataclass(frozen=True, slots=True)
class Text:
    """A hit's title or snippet in both languages (the same `get` as `LocalizedText`, without
    the model: an index read from the cache is queried without loading pydantic)."""

    ko: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.ko if lang == "ko" else self.en

    @classmethod
    def of(cls, text: Localized) -> Text:
        return text if isinstance(text, Text) else cls(text.get("ko"), text.get("en"))


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result.

    `(tool, section, id)` says where to go: the tool's detail tab `section` and the item `id`
    in it (for a `tool` hit, the overview of `id`). Dimension and concept hits with a `tool`
    are that tool's cell; without one, the whole row. Compose key, command and false friend
    hits have no `tool`: `id` is the item of the pack's list. `terms` are the normalised index terms
    that matched, for `highlight_spans`.
    """

    tool: str | None
    kind: Kind
    id: str
    section: Section
    title: Text
    snippet: Text
    score: float
    terms: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str | None, str, str]:
        return (self.tool, self.kind, self.id)

    def to_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "tool": self.tool,
            "kind": self.kind,
            "id": self.id,
            "section": self.section,
            "title": self.title.get(lang),
            "snippet": self.snippet.get(lang),
            "score": self.score,
        }


@dataclass(slots=True)
class Doc:
    """A search document: what a hit shows and where it leads, and what scoring needs."""

    tool: str | None
    kind: Kind
    id: str
    section: Section
    title: Text
    bodies: tuple[tuple[str, str], ...]  # (ko, en) of each snippet source, best first
    tools: frozenset[str]  # tools the document is about (for --tool and tool words)
    factor: float
    rank: int = 0  # position in tie-break order
    # Per language, made on first use: each body ready for snippets (see `prepare`).
    prepared: dict[str, tuple[Prepared, ...]] = field(default_factory=dict)

    def snippet_sources(self, lang: str) -> tuple[Prepared, ...]:
        sources = self.prepared.get(lang)
        if sources is None:
            i = 0 if lang == "ko" else 1
            sources = tuple(prepare(b[i]) for b in self.bodies if b[i])
            self.prepared[lang] = sources
        return sources
