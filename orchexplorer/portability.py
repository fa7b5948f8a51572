"""The portability reference as rows: Compose keys, commands and false friends per tool,
filtered as the user types. Pure logic over the model: the TUI, the CLI and `explain` read
their labels and rows from here."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, TypeVar

from orchexplorer.i18n import t, with_wa
from orchexplorer.lang import Lang
from orchexplorer.model import (
    CommandCell,
    CommandMapping,
    ComposeKey,
    FalseFriend,
    KeySupport,
    Pack,
    PortLevel,
)

_T = TypeVar("_T")

PORT_LEVELS: tuple[PortLevel, ...] = ("supported", "partial", "ignored", "none")

_PORT_LABELS: dict[str, tuple[str, str, str]] = {
    # level: (symbol, ko, en)
    "supported": ("●", "지원", "supported"),
    "partial": ("◑", "일부", "partial"),
    "ignored": ("⊘", "무시됨", "ignored"),
    "none": ("✗", "대응 없음", "no equivalent"),
}


def port_label(level: str, lang: Lang) -> str:
    """'● supported', '⊘ 무시됨' …: a symbol and a word, never colour alone."""
    symbol, ko, en = _PORT_LABELS.get(level, ("?", level, level))
    return f"{symbol} {ko if lang == 'ko' else en}"


Section = Literal["keys", "commands", "friends"]
Item = ComposeKey | CommandMapping | FalseFriend


# --------------------------------------------------------------------------------------
# Cells, own or inherited: a tool that `implements` another (k3s implements kubernetes)
# shows the target's cell where it has none of its own, marked as inherited.


def cell_of(pack: Pack, cells: Mapping[str, _T], tool_id: str) -> tuple[_T | None, str | None]:
    """`tool_id`'s cell among `cells` (a key's `support`, a command row's `commands`) and,
    when the cell is the implemented tool's, that tool's id. Its own cell wins; (None, None)
    when neither has one."""
    own = cells.get(tool_id)
    if own is not None:
        return own, None
    tool = pack.tool(tool_id)
    target = tool.implements if tool is not None else None
    if target is not None:
        inherited = cells.get(target)
        if inherited is not None:
            return inherited, target
    return None, None


def key_cell(pack: Pack, key: ComposeKey, tool_id: str) -> tuple[KeySupport | None, str | None]:
    return cell_of(pack, key.support, tool_id)


def command_cell(
    pack: Pack, row: CommandMapping, tool_id: str
) -> tuple[CommandCell | None, str | None]:
    return cell_of(pack, row.commands, tool_id)


def row_cells(pack: Pack, cells: Mapping[str, _T]) -> list[tuple[str, _T, str | None]]:
    """Every tool with a cell in a row, own or inherited, as (tool id, cell, inherited
    from): the row's own cells in sidebar order (not the file's), each followed by the tools
    (in sidebar order) that implement its tool and have no cell of their own."""
    rank = {tool_id: n for n, tool_id in enumerate(pack.tool_ids)}
    out: list[tuple[str, _T, str | None]] = []
    for tool_id, cell in sorted(cells.items(), key=lambda item: rank.get(item[0], len(rank))):
        out.append((tool_id, cell, None))
        for tool in pack.ordered_tools:
            if tool.implements == tool_id and tool.id not in cells:
                out.append((tool.id, cell, tool_id))
    return out


def inherited_label(pack: Pack, target: str, lang: Lang) -> str:
    """'as Kubernetes' / 'Kubernetes와 같음': the mark of a cell shown from the tool that
    this one implements."""
    tool = pack.tool(target)
    name = tool.name.get(lang) if tool is not None else target
    text = t("port_inherited", lang, tool=name)
    return text.replace(f"{name}와(과)", name + with_wa(name)) if lang == "ko" else text


def _columns(pack: Pack, named: set[str]) -> list[str]:
    """The tools named in a matrix, and those implementing one of them, in sidebar order."""
    return [
        tool.id
        for tool in pack.ordered_tools
        if tool.id in named or (tool.implements is not None and tool.implements in named)
    ]


def key_tools(pack: Pack) -> list[str]:
    """The tools that have a column in the key matrix (own cells or inherited ones), in
    sidebar order."""
    return _columns(pack, {tid for key in pack.compose_keys for tid in key.support})


def command_tools(pack: Pack) -> list[str]:
    """The tools that have a column in the command map (own or inherited), sidebar order."""
    return _columns(pack, {tid for row in pack.commands for tid in row.commands})


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _texts(item: Item) -> Iterable[str]:
    if isinstance(item, ComposeKey):
        yield item.key
        yield from (item.summary.ko or "", item.summary.en or "")
        for cell in item.support.values():
            yield cell.equivalent or ""
            for text in (cell.text, cell.workaround):
                if text is not None:
                    yield from (text.ko or "", text.en or "")
    elif isinstance(item, CommandMapping):
        yield from (item.task.ko or "", item.task.en or "")
        yield from (item.difference.ko or "", item.difference.en or "")
        for command in item.commands.values():
            yield command.command
    else:
        yield item.term
        yield from (item.difference.ko or "", item.difference.en or "")
        for meaning in item.meanings.values():
            yield from (meaning.ko or "", meaning.en or "")
    yield from item.keywords


def haystack(item: Item) -> str:
    """Everything a filter may match in `item`, both languages, folded."""
    return _fold("\n".join(_texts(item)))


def matches(item: Item, query: str) -> bool:
    """Every word of `query` appears in the item (either language, any field)."""
    words = _fold(query).split()
    text = haystack(item)
    return all(word in text for word in words)


def items(pack: Pack, section: Section) -> Sequence[Item]:
    if section == "keys":
        return pack.compose_keys
    if section == "commands":
        return pack.commands
    return pack.false_friends


def filtered(pack: Pack, section: Section, query: str) -> list[Item]:
    """The rows of `section` that match `query` (all of them for an empty query)."""
    rows = items(pack, section)
    if not query.strip():
        return list(rows)
    return [item for item in rows if matches(item, query)]
