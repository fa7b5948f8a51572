"""Which parts of a pack become search documents, as tables.

A `Row` is one kind of document: where its items are (a list of each tool, a list of the
pack, the cells of a dimension or concept, a pack list whose items have an entry per tool),
what of an item is the hit's title and its snippet sources, and its `Field`s: which
attribute of the item is indexed, how much a word found there counts and the bonus when
the whole query equals it. `documents(pack)` walks the tables; adding a kind of document
is adding a row.

Both languages of a field go into the same document, so a Korean query finds a result
shown in English and the reverse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from orchexplorer.search.hits import Doc, Kind, Localized, Section, Text
from orchexplorer.search.snippets import headline
from orchexplorer.search.weights import (
    CELL_FACTOR,
    EXACT_KEYWORD,
    EXACT_NAME,
    EXACT_SUB,
    KIND_FACTOR,
    W_ALIAS,
    W_BODY,
    W_CODE,
    W_KEYWORD,
    W_NAME,
    W_SUB,
)

if TYPE_CHECKING:
    from orchexplorer.model import LocalizedText, Pack
    from orchexplorer.search.postings import Both, FieldText


@dataclass(frozen=True, slots=True)
class Field:
    """An indexed field: the attribute (path) of the item holding its text, the weight of a
    word found in it, and the bonus when the whole query equals it. The attribute may be
    absent (None); a list (`each`) gives one field per element."""

    path: str
    weight: float
    exact: float = 0.0
    each: bool = False
    get: Callable[[Any], Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "get", attrgetter(self.path))


class Scope:
    """What rows need from the whole pack: the tools' names and their order."""

    def __init__(self, pack: Pack) -> None:
        self.names = {t.id: t.name for t in pack.tools}
        self.rank = {t.id: i for i, t in enumerate(pack.ordered_tools)}

    def known(self, ids: Iterable[str]) -> list[str]:
        """The ids of tools of the pack among `ids`, in sidebar order."""
        return sorted((i for i in ids if i in self.names), key=lambda i: self.rank.get(i, 0))


Items = Callable[[Any, Scope], Iterable[Any]]


@dataclass(frozen=True, slots=True)
class Row:
    """One kind of document, made for each item `items` gives from its parent (a tool, the
    pack, a dimension or concept).

    The hit opens `tool`'s view (by default the tool whose list the item is in) and is about
    `about` (by default that tool alone). `bodies` are the attribute paths of its snippet
    sources, in order (an attribute may hold a tuple of them); absent ones are left out,
    and a plain string is the same in both languages. `cells` is the row of the per-tool
    cells of each item.
    """

    kind: Kind
    section: Section
    items: Items
    fields: tuple[Field, ...]
    title: Callable[[Any], Localized] = attrgetter("title")
    bodies: tuple[str, ...] = ()
    tool: Callable[[Any], str | None] | None = None
    about: Callable[[Any, Scope], frozenset[str]] | None = None
    factor: float = 1.0  # times the kind's factor
    cells: Row | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    """One tool's cell of a dimension or concept, as an item of a row."""

    parent: Any
    tool: str
    cell: Any

    @property
    def id(self) -> str:
        return str(self.parent.id)


@dataclass(frozen=True, slots=True)
class Link:
    """A relation with the names of the tools it links (None for an unknown tool)."""

    relation: Any
    source: LocalizedText | None
    target: LocalizedText | None

    @property
    def id(self) -> str:
        return str(self.relation.id)

    def title(self) -> Text:
        r = self.relation
        src, dst = self.source, self.target
        return Text(
            f"{src.get('ko') if src else r.source} → {dst.get('ko') if dst else r.target}",
            f"{src.get('en') if src else r.source} → {dst.get('en') if dst else r.target}",
        )


@dataclass(frozen=True, slots=True)
class Sheet:
    """A pack item with an entry per tool (a Compose key, a command mapping, a false
    friend), as an item of a row: the literal text of its entries (commands, equivalents),
    the prose about them, what it shows on one line, and the tools it names."""

    item: Any
    tools: frozenset[str]
    code: tuple[str, ...]  # literal: what is typed or written
    notes: tuple[Both | str, ...]  # prose about the entries
    lines: tuple[Text, ...]  # each entry as the snippet shows it, in sidebar order

    @property
    def id(self) -> str:
        return str(self.item.id)


# -- where items are ---------------------------------------------------------------------


def _itself(parent: Any, scope: Scope) -> Iterable[Any]:
    return (parent,)


def _list(name: str) -> Items:
    get = attrgetter(name)
    return lambda parent, scope: get(parent)


def _in_order(name: str) -> Items:
    get = attrgetter(name)
    return lambda parent, scope: sorted(get(parent), key=lambda x: (x.order, x.id))


def _cells(parent: Any, scope: Scope) -> Iterable[Cell]:
    return (Cell(parent, tid, parent.cells[tid]) for tid in scope.known(parent.cells))


Shown = Callable[[Any], "Localized | str | None"]
Notes = Callable[[Any], Iterable["Both | str | None"]]


def _sheets(name: str, entries: str, shown: Shown, notes: Notes, labelled: bool) -> Items:
    """The items of the pack list `name` as `Sheet`s. `entries` is the attribute holding
    each item's entries by tool; `shown(entry)` is what an entry shows on the item's line
    (a literal string is also indexed as code); `notes(entry)`, its prose. A `labelled`
    entry names its tool first ("Docker Swarm: …"); commands name themselves."""
    get, get_entries = attrgetter(name), attrgetter(entries)

    def items(pack: Any, scope: Scope) -> Iterator[Sheet]:
        for item in get(pack):
            by_tool = get_entries(item)
            tools = scope.known(by_tool)
            cells = [(tid, by_tool[tid]) for tid in tools]
            code = tuple(v for v in (shown(c) for _, c in cells) if isinstance(v, str) and v)
            prose = tuple(n for _, c in cells for n in notes(c) if n)
            yield Sheet(item, frozenset(tools), code, prose, _lines(cells, shown, labelled, scope))

    return items


def _lines(
    cells: list[tuple[str, Any]], shown: Shown, labelled: bool, scope: Scope
) -> tuple[Text, ...]:
    out: list[Text] = []
    for tid, cell in cells:
        value = shown(cell)
        if not value:
            continue
        ko, en = _pair(value)
        if labelled:
            name = scope.names[tid]
            ko, en = f"{name.get('ko')}: {ko}", f"{name.get('en')}: {en}"
        out.append(Text(ko, en))
    return tuple(out)


def _links(pack: Any, scope: Scope) -> Iterable[Link]:
    names = scope.names
    return (Link(r, names.get(r.source), names.get(r.target)) for r in pack.relations)


# -- computed titles and tools -----------------------------------------------------------


def _headline(get: Callable[[Any], LocalizedText]) -> Callable[[Any], Text]:
    def title(item: Any) -> Text:
        text = get(item)
        return Text(headline(text.get("ko")), headline(text.get("en")))

    return title


def _term_title(c: Cell) -> Text:
    title, term = c.parent.title, c.cell.term
    return Text(f"{title.get('ko')}: {term}", f"{title.get('en')}: {term}")


def _cell_tools(item: Any, scope: Scope) -> frozenset[str]:
    return frozenset(scope.known(item.cells))


def _only_tool(item: Any) -> str | None:
    return str(item.tools[0]) if len(item.tools) == 1 else None


# -- the tables ----------------------------------------------------------------------------

_TITLE = Field("title", W_NAME, EXACT_NAME)
_NAME = Field("name", W_NAME, EXACT_NAME)
_KEYWORDS = Field("keywords", W_KEYWORD, EXACT_KEYWORD, each=True)
_ID = Field("id", W_SUB, EXACT_SUB)
_DESCRIPTION = Field("description", W_BODY)

#: The documents of each tool, in order: the tool itself, then its lists.
TOOL_ROWS: tuple[Row, ...] = (
    Row(
        "tool",
        "overview",
        _itself,
        (
            _NAME,
            Field("id", W_NAME, EXACT_NAME),
            Field("aliases", W_ALIAS, EXACT_NAME, each=True),
            Field("kind", W_SUB),
            Field("tagline", W_SUB),
            Field("summary", W_BODY),
        ),
        title=attrgetter("name"),
        bodies=("tagline", "summary"),
    ),
    Row(
        "feature",
        "features",
        _list("features"),
        (_TITLE, _KEYWORDS, _ID, _DESCRIPTION),
        bodies=("description",),
    ),
    Row(
        "use_case",
        "use_cases",
        _list("use_cases"),
        (_TITLE, _KEYWORDS, _ID, _DESCRIPTION),
        bodies=("description",),
    ),
    Row(
        "component",
        "components",
        _list("components"),
        (_NAME, _KEYWORDS, _ID, _DESCRIPTION),
        title=attrgetter("name"),
        bodies=("description",),
    ),
    Row(
        "example",
        "examples",
        _list("examples"),
        (
            _TITLE,
            _KEYWORDS,
            _ID,
            Field("filename", W_KEYWORD, EXACT_NAME),
            Field("language", W_SUB),
            Field("explanation", W_BODY),
            Field("code", W_CODE),
        ),
        bodies=("explanation", "code"),
    ),
    Row(
        "note",
        "notes",
        _list("notes"),
        (_ID, Field("claim", W_BODY), Field("text", W_BODY), Field("source", W_CODE)),
        title=_headline(lambda n: n.claim or n.text),
        bodies=("text", "claim"),
    ),
)

_CELL_CONTEXT = (Field("parent.title", W_SUB), Field("parent.keywords", W_SUB, each=True))


def _sheet_row(
    kind: Kind,
    section: Section,
    entries: str,
    name: str,
    body: str,
    shown: Shown,
    notes: Notes,
    labelled: bool,
    bodies: tuple[str, ...],
) -> Row:
    """The row of the pack list `section` (a Compose key, command mapping or false friend):
    its `name` attribute counts as a title, keywords and id as usual, its literal entries
    (commands, equivalents) like a file name (they are what a person types), `body` and
    the entries' prose as body. The hit belongs to no tool and is about the tools named."""
    get_name = attrgetter(f"item.{name}")
    return Row(
        kind,
        section,
        _sheets(section, entries, shown, notes, labelled),
        (
            Field(f"item.{name}", W_NAME, EXACT_NAME),
            Field("item.keywords", W_KEYWORD, EXACT_KEYWORD, each=True),
            Field("item.id", W_SUB, EXACT_SUB),
            Field("code", W_SUB, each=True),
            Field(f"item.{body}", W_BODY),
            Field("notes", W_BODY, each=True),
        ),
        title=lambda sheet: _localized(get_name(sheet)),
        bodies=bodies,
        about=lambda sheet, scope: sheet.tools,
    )


def _localized(text: Localized | str) -> Text:
    return Text(text, text) if isinstance(text, str) else Text.of(text)


#: The documents of the pack's shared parts, after every tool's.
PACK_ROWS: tuple[Row, ...] = (
    Row(
        "dimension",
        "compare",
        _in_order("dimensions"),
        (_TITLE, _KEYWORDS, _ID, _DESCRIPTION),
        bodies=("description",),
        about=_cell_tools,
        cells=Row(
            "dimension",
            "compare",
            _cells,
            (
                *_CELL_CONTEXT,
                Field("cell.level", W_BODY),
                Field("cell.text", W_BODY),
                Field("cell.note", W_BODY),
            ),
            title=attrgetter("parent.title"),
            bodies=("cell.text", "cell.note"),
            tool=attrgetter("tool"),
            factor=CELL_FACTOR,
        ),
    ),
    Row(
        "concept",
        "compare",
        _in_order("concepts"),
        (_TITLE, _KEYWORDS, _ID, _DESCRIPTION),
        bodies=("description",),
        about=_cell_tools,
        cells=Row(
            "concept",
            "compare",
            _cells,
            (Field("cell.term", W_NAME, EXACT_NAME), *_CELL_CONTEXT, Field("cell.text", W_BODY)),
            title=_term_title,
            bodies=("cell.text",),
            tool=attrgetter("tool"),
            factor=CELL_FACTOR,
        ),
    ),
    Row(
        "relation",
        "relations",
        _links,
        (
            Field("source", W_SUB),
            Field("target", W_SUB),
            Field("relation.kind", W_SUB),
            Field("relation.id", W_SUB, EXACT_SUB),
            Field("relation.text", W_BODY),
            Field("relation.note", W_BODY),
        ),
        title=Link.title,
        bodies=("relation.text", "relation.note"),
        tool=attrgetter("relation.source"),
        about=lambda link, scope: frozenset({link.relation.source, link.relation.target}),
    ),
    Row(
        "conclusion",
        "conclusions",
        _list("conclusions"),
        (_ID, Field("text", W_BODY)),
        title=_headline(attrgetter("text")),
        bodies=("text",),
        tool=_only_tool,
        about=lambda k, scope: frozenset(k.tools),
    ),
    # Portability: items of no tool (the hit's tool is None), about the tools they name.
    _sheet_row(
        "compose_key",
        "compose_keys",
        "support",
        name="key",
        body="summary",
        shown=attrgetter("equivalent"),
        notes=lambda support: (support.text, support.workaround),
        labelled=True,
        bodies=("item.summary", "lines"),
    ),
    _sheet_row(
        "command",
        "commands",
        "commands",
        name="task",
        body="difference",
        shown=attrgetter("command"),
        notes=lambda cell: (cell.text,),
        labelled=False,
        bodies=("lines", "item.difference"),
    ),
    _sheet_row(
        "false_friend",
        "false_friends",
        "meanings",
        name="term",
        body="difference",
        shown=lambda meaning: meaning,
        notes=lambda meaning: (meaning,),
        labelled=True,
        bodies=("item.difference", "lines"),
    ),
)


def documents(pack: Pack) -> Iterator[tuple[Doc, list[FieldText]]]:
    """Every document of `pack` with its fields, in index order."""
    scope = Scope(pack)
    for tool in pack.ordered_tools:
        yield from _walk(TOOL_ROWS, tool, tool.id, scope)
    yield from _walk(PACK_ROWS, pack, None, scope)


def _walk(
    rows: Iterable[Row], parent: Any, owner: str | None, scope: Scope
) -> Iterator[tuple[Doc, list[FieldText]]]:
    for row in rows:
        factor = KIND_FACTOR[row.kind] * row.factor
        getters = [attrgetter(path) for path in row.bodies]
        for item in row.items(parent, scope):
            tool = owner if row.tool is None else row.tool(item)
            if row.about is not None:
                about = row.about(item, scope)
            else:
                about = frozenset(() if tool is None else (tool,))
            bodies = tuple(_pair(b) for b in _each(get(item) for get in getters))
            title = Text.of(row.title(item))
            doc = Doc(tool, row.kind, item.id, row.section, title, bodies, about, factor)
            yield doc, _field_texts(row.fields, item)
            if row.cells is not None:
                yield from _walk((row.cells,), item, None, scope)


def _each(values: Iterable[Any]) -> Iterator[Localized | str]:
    """Snippet sources: a value, or each of a tuple of values (a sheet's entries)."""
    for value in values:
        if isinstance(value, tuple):
            yield from value
        elif value is not None:
            yield value


def _pair(body: Localized | str) -> tuple[str, str]:
    return (body, body) if isinstance(body, str) else (body.get("ko"), body.get("en"))


def _field_texts(fields: tuple[Field, ...], item: Any) -> list[FieldText]:
    out: list[FieldText] = []
    for f in fields:
        value = f.get(item)
        if f.each:
            out += [(v, f.weight, f.exact) for v in value]
        else:
            out.append((value, f.weight, f.exact))
    return out
