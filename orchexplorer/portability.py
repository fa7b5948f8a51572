"""The portability reference as rows: Compose keys, commands and false friends per tool,
filtered as the user types. Pure logic over the model: the TUI, the CLI and `explain` read
their labels and rows from here."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Literal

from orchexplorer.lang import Lang
from orchexplorer.model import CommandMapping, ComposeKey, FalseFriend, Pack, PortLevel

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


def key_tools(pack: Pack) -> list[str]:
    """The tools that have a column in the key matrix, in sidebar order."""
    named = {tid for key in pack.compose_keys for tid in key.support}
    return [tid for tid in pack.tool_ids if tid in named]


def command_tools(pack: Pack) -> list[str]:
    named = {tid for row in pack.commands for tid in row.commands}
    return [tid for tid in pack.tool_ids if tid in named]


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
