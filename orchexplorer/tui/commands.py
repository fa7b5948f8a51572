"""Command palette (ctrl+p): tools, features, use cases and actions.

Textual's `Matcher.highlight` and a hit's `help` parse markup, so neither is given content
text: titles are highlighted here on a plain `Content`, and the help line is part of the
displayed `Content` instead of `Hit.help`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from functools import cached_property, partial
from itertools import permutations
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Matcher, Provider
from textual.content import Content

from orchexplorer.i18n import Lang, t
from orchexplorer.model import Feature, UseCase

if TYPE_CHECKING:
    from orchexplorer.tui.app import OrchExplorerApp


@dataclass(frozen=True)
class PaletteCommand:
    title: str  # in the current language: what is shown and matched
    # The same in the other language, and aliases or keywords: matched too, each on its
    # own (Textual's fuzzy match grows fast with the length of the text: one long string of
    # every keyword took a second a key).
    other: tuple[str, ...]
    kind: str  # i18n key of the kind label
    callback: Callable[[], object]
    discover: bool = False  # shown before anything is typed

    @cached_property
    def folded(self) -> tuple[str, str]:
        """The title and the other texts, case-folded, for the quick check of `could_match`."""
        return self.title.casefold(), " ".join(self.other).casefold()


def could_match(query: str, text: str) -> bool:
    """Whether every character of `query` (case-folded, spaces left out) appears in `text`
    in order: a fuzzy match needs at least that. Checked with `str.find` before the fuzzy
    scorer, which costs far more, runs: most commands fail here at once."""
    position = 0
    for char in query:
        if char == " ":
            continue
        position = text.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


def highlighted(matcher: Matcher, text: str) -> Content:
    """`text` as literal Content with the fuzzy-matched characters styled."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if offset < len(text) and not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


_CACHE_ATTR = "_palette_commands"


def cached_palette_commands(app: OrchExplorerApp) -> list[PaletteCommand]:
    """`palette_commands(app)`, built once per pack and language: the palette asks for them
    on every key typed, and on a large pack building them is most of that key's cost."""
    key = (id(app.pack), app.lang)
    cached: tuple[tuple[int, str], list[PaletteCommand]] | None = getattr(app, _CACHE_ATTR, None)
    if cached is None or cached[0] != key:
        cached = (key, palette_commands(app))
        setattr(app, _CACHE_ATTR, cached)
    return cached[1]


def palette_commands(app: OrchExplorerApp) -> list[PaletteCommand]:
    lang: Lang = app.lang
    other: Lang = "en" if lang == "ko" else "ko"
    pack = app.pack
    commands: list[PaletteCommand] = []
    for tool in pack.ordered_tools:
        commands.append(
            PaletteCommand(
                t("cmd_show_tool", lang, tool=tool.name.get(lang)),
                (t("cmd_show_tool", other, tool=tool.name.get(other)), *tool.aliases),
                "cmd_kind_tool",
                partial(app.show_item, tool.id, "overview", None),
                discover=True,
            )
        )
    for a, b in permutations(pack.ordered_tools[:6], 2):
        if a.order > b.order:
            continue
        commands.append(
            PaletteCommand(
                t("cmd_compare", lang, a=a.name.get(lang), b=b.name.get(lang)),
                (t("cmd_compare", other, a=a.name.get(other), b=b.name.get(other)),),
                "cmd_kind_action",
                partial(app.open_compare, [a.id, b.id]),
                discover=True,
            )
        )
    commands.append(
        PaletteCommand(
            t("cmd_switch_lang", lang),
            (t("cmd_switch_lang", other),),
            "cmd_kind_action",
            app.action_toggle_lang,
            discover=True,
        )
    )
    commands.append(
        PaletteCommand(
            t("cmd_help", lang), (t("cmd_help", other),), "cmd_kind_action", app.action_help
        )
    )
    for tool in pack.ordered_tools:
        items: list[tuple[str, str, Feature | UseCase]] = [
            *(("features", "cmd_kind_feature", f) for f in tool.features),
            *(("use_cases", "cmd_kind_use_case", u) for u in tool.use_cases),
        ]
        for tab, kind, item in items:
            commands.append(
                PaletteCommand(
                    t("cmd_show_item", lang, tool=tool.name.get(lang), item=item.title.get(lang)),
                    (item.title.get(other), *item.keywords),
                    kind,
                    partial(app.show_item, tool.id, tab, item.id),
                )
            )
    return commands


class ExplorerCommands(Provider):
    """Everything the app can show or do, matched in both languages."""

    def _commands(self) -> list[PaletteCommand]:
        from orchexplorer.tui.app import OrchExplorerApp

        app = self.app
        return cached_palette_commands(app) if isinstance(app, OrchExplorerApp) else []

    def _display(self, command: PaletteCommand, title: Content) -> Content:
        lang: Lang = getattr(self.app, "lang", "en")
        return Content.assemble(title, ("  " + t(command.kind, lang), "dim"))

    async def discover(self) -> AsyncIterator[DiscoveryHit]:
        for command in self._commands():
            if command.discover:
                yield DiscoveryHit(
                    self._display(command, Content(command.title)),
                    command.callback,
                    text=command.title,
                )

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        folded = query.casefold()
        for command in self._commands():
            title, others = command.folded
            score = matcher.match(command.title) if could_match(folded, title) else 0.0
            other = 0.0
            if could_match(folded, others):
                other = max((matcher.match(text) for text in command.other), default=0.0) * 0.9
            if max(score, other) <= 0:
                continue
            yield Hit(
                max(score, other),
                self._display(command, highlighted(matcher, command.title)),
                command.callback,
                text=command.title,
            )
