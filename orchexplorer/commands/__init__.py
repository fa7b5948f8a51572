"""Command-line subcommands. Each module has NAME, HELP, add_arguments(parser) and
run(args, ctx) -> exit code. None of them imports Textual."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from orchexplorer.i18n import Lang, t
from orchexplorer.termtext import visible

if TYPE_CHECKING:  # a command that needs no pack (a cached search) needs no model
    from orchexplorer.model import Pack, Tool
    from orchexplorer.search import SearchIndex

#: Text safe to print: control characters (ESC included) shown as visible escapes. The
#: commands' name for `termtext.visible`, the one escaper.
clean = visible


class CommandError(Exception):
    """A user-caused problem: printed as one line (or several for pack errors), exit `code`."""

    def __init__(self, message: str | Iterable[str], code: int = 2) -> None:
        lines = [message] if isinstance(message, str) else list(message)
        super().__init__("\n".join(lines))
        self.lines = lines
        self.code = code


@dataclass
class Context:
    lang: Lang
    content: Path | None = None
    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    _pack: Pack | None = None
    _index: SearchIndex | None = None

    def pack(self) -> Pack:
        """The selected pack, loaded once. Validation errors end the command with exit 1."""
        if self._pack is None:
            from orchexplorer.loader import PackError, load_pack

            try:
                self._pack = load_pack(self.content, lang=self.lang)
            except PackError as exc:
                lines = [clean(str(e)) for e in exc.errors]
                lines.append(t("cli_errors", self.lang, count=len(exc.errors)))
                raise CommandError(lines, code=1) from None
        return self._pack

    def search_index(self) -> SearchIndex:
        """The selected pack's search index: read from the pack cache when it holds one for
        exactly the pack's current files (then the pack itself is not loaded), else built
        from the loaded pack (and cached)."""
        if self._index is None:
            from orchexplorer.index_cache import build_index, cached_index

            index = cached_index(self.content) if self._pack is None else None
            self._index = index if index is not None else build_index(self.pack())
        return self._index

    def tool_id(self, tool_id: str) -> str:
        """The id of a known tool, from the loaded pack or else the search index."""
        if self._pack is None and self._index is not None:
            wanted = tool_id.strip().lower()
            if wanted in self._index.tool_ids:
                return wanted
            # An alias or a name ("k8s", "Docker Swarm"): only the pack knows those.
        return self.tool(tool_id).id

    def tool(self, tool_id: str) -> Tool:
        """The tool named by an id, alias or name (`Pack.resolve`); else exit 2 naming the
        known ids."""
        pack = self.pack()
        tool = pack.resolve(tool_id)
        if tool is None:
            raise CommandError(
                t(
                    "cli_unknown_tool",
                    self.lang,
                    value=clean(tool_id),
                    known=", ".join(pack.tool_ids),
                )
            )
        return tool

    def write(self, text: str = "") -> None:
        self.stdout.write(clean(text) + "\n")

    def write_json(self, data: Any) -> None:
        # json.dumps escapes every control character, so the output is terminal-safe.
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
