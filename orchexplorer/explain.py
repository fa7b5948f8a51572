"""What each tool makes of the keys of one Compose file, from the pack's portability matrix
(`Pack.compose_keys`). Pure logic over a parsed file (`loader.read_yaml_file`) and the model:
no printing, no Textual. It explains; it converts nothing.

How a key of the file finds its matrix entry:

- A key of a service is its path below `services.<name>`, dotted: `image`, `deploy.resources`,
  `depends_on.db.condition`; a top-level key is its name (`volumes`, `x-common`).
- An entry's key fits a path when its parts match the path's parts in order; right after a
  part that is an entry of its own (`depends_on`), one part of the path may be skipped: the
  name of something (`depends_on.<service>.condition` fits `depends_on.condition`). `x-*`
  matches any name starting with `x-`.
- Each key gets the most specific entry that fits it. Below a key that has an entry, the
  deeper keys belong to it (`deploy.resources.limits.cpus` is part of `deploy.resources`) unless
  a more specific entry fits them (`depends_on.condition` below `depends_on`).
- A key with no entry, not below one and leading to none (`deploy` leads to `deploy.replicas`)
  is "not in the matrix": listed, never dropped. So is a key that only leads to entries the
  file does not use (`deploy: {}`).
- Extension fields (`x-…`, anywhere) get the matrix's `x-*` entry (of their scope, else the
  top-level one); without one they are listed as extension fields. Their content is not read.
- Anchors, aliases and merge keys (`<<: *default`) are resolved by the loader; a merged key is
  located at its `<<`, a key inside an aliased value at the alias.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from orchexplorer.model import ComposeKey, KeySupport, Loc, Pack, PortLevel

if TYPE_CHECKING:
    from orchexplorer.loader import YamlDoc

Scope = Literal["top", "service"]
Path = tuple[str, ...]

EXTENSION_PREFIX = "x-"
WILDCARD = "*"


class ComposeFileError(Exception):
    """The file is YAML but not a Compose file. `message` is a key of `i18n.STRINGS`,
    `values` its placeholders; `line` and `col` are 1-based, 0 when the whole file is meant."""

    def __init__(self, line: int, col: int, message: str, **values: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message, self.values = line, col, message, values


@dataclass(frozen=True)
class Place:
    """A key of the file: its service (None: the top level), its path as written (dotted,
    `[i]` for a list item) and where it is written (1-based line and column)."""

    service: str | None
    key: str
    line: int
    column: int


@dataclass(frozen=True)
class KeyFinding:
    """A key of the file and the matrix entry that explains it."""

    place: Place
    entry: ComposeKey
    #: tool id -> the tool it implements (`Tool.implements`), for the cells it inherits
    implements: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    def inherited_from(self, tool_id: str) -> str | None:
        """The tool whose cell `tool_id` shows, when it has none of its own (k3s shows
        Kubernetes's); None for its own cell or no cell."""
        if tool_id in self.entry.support:
            return None
        target = self.implements.get(tool_id)
        return target if target is not None and target in self.entry.support else None

    def support(self, tool_id: str) -> KeySupport | None:
        """What `tool_id` does with the key (its own cell, else the implemented tool's), or
        None when the matrix does not say."""
        cell = self.entry.support.get(tool_id)
        if cell is None:
            target = self.implements.get(tool_id)
            cell = self.entry.support.get(target) if target is not None else None
        return cell

    def level(self, tool_id: str) -> PortLevel | None:
        cell = self.support(tool_id)
        return None if cell is None else cell.level


@dataclass(frozen=True)
class Explanation:
    file: str
    targets: tuple[str, ...]
    services: tuple[str, ...]
    findings: tuple[KeyFinding, ...]  # in file order (line, column)
    unknown: tuple[Place, ...]  # keys the matrix does not know
    extensions: tuple[Place, ...]  # `x-` fields, when the matrix has no `x-*` entry
    has_matrix: bool  # False: the pack has no compose_keys at all

    def supported_everywhere(self, finding: KeyFinding) -> bool:
        return all(finding.level(tool) == "supported" for tool in self.targets)

    def listed(self, everything: bool = False) -> list[KeyFinding]:
        """The findings worth reading: those some target does not support as written (all of
        them with `everything`)."""
        return [f for f in self.findings if everything or not self.supported_everywhere(f)]

    def counts(self, tool_id: str) -> dict[PortLevel | None, int]:
        """How many keys `tool_id` handles at each level (None: the matrix does not say)."""
        return dict(Counter(f.level(tool_id) for f in self.findings))


# --------------------------------------------------------------------------------------
# the file


def compose_services(doc: YamlDoc) -> dict[Any, dict[Any, Any]]:
    """The services of a Compose file, by name. Raises `ComposeFileError` for a file that is
    not one: empty, not a mapping, no `services` mapping (a file of `include`s alone is
    fine), a service that is not a mapping."""
    data = doc.data
    if data is None:
        raise ComposeFileError(0, 0, "explain_err_empty")
    if not isinstance(data, dict):
        raise ComposeFileError(*doc.where(()), "explain_err_not_mapping")
    if "services" not in data:
        if "include" in data:
            return {}
        raise ComposeFileError(*doc.where(()), "explain_err_no_services")
    services = data["services"]
    if not isinstance(services, dict):
        raise ComposeFileError(*doc.key_at(("services",)), "explain_err_services")
    for name, body in services.items():
        if not isinstance(body, dict):
            raise ComposeFileError(
                *doc.key_at(("services", name)), "explain_err_service", name=str(name)
            )
    return services


# --------------------------------------------------------------------------------------
# the matrix


def _same(pattern: str, name: str) -> bool:
    if pattern.endswith(WILDCARD):
        return name.startswith(pattern[: -len(WILDCARD)])
    return pattern == name


@dataclass
class _Matrix:
    """The pack's entries by scope and first part, and which key paths are entries."""

    by_first: dict[tuple[Scope, str], list[tuple[Path, ComposeKey]]] = field(default_factory=dict)
    wildcard_first: dict[Scope, list[tuple[Path, ComposeKey]]] = field(default_factory=dict)
    entries: set[tuple[Scope, Path]] = field(default_factory=set)
    _best: dict[tuple[Scope, Path], tuple[ComposeKey | None, bool]] = field(default_factory=dict)

    @classmethod
    def of(cls, keys: Iterable[ComposeKey]) -> _Matrix:
        matrix = cls()
        for entry in keys:
            parts = tuple(entry.key.split("."))
            matrix.entries.add((entry.scope, parts))
            if parts[0].endswith(WILDCARD):
                matrix.wildcard_first.setdefault(entry.scope, []).append((parts, entry))
            else:
                matrix.by_first.setdefault((entry.scope, parts[0]), []).append((parts, entry))
        return matrix

    def _candidates(self, scope: Scope, path: Path) -> list[tuple[Path, ComposeKey]]:
        found = self.by_first.get((scope, path[0]), [])
        wild = [c for c in self.wildcard_first.get(scope, []) if _same(c[0][0], path[0])]
        return found + wild if wild else found

    def _match(self, scope: Scope, parts: Path, path: Path) -> tuple[bool, bool]:
        """(fits, leads): `path` fits `parts`, or may be continued into a path that does."""
        fits = leads = False
        # (parts matched, path parts consumed, may the next path part be a skipped name)
        todo = [(0, 0, False)]
        while todo:
            i, j, may_skip = todo.pop()
            if j == len(path):
                fits, leads = fits or i == len(parts), leads or i < len(parts)
                continue
            if i == len(parts):
                continue  # the path goes on below the entry: covered by it, no fit
            if _same(parts[i], path[j]):
                todo.append((i + 1, j + 1, (scope, parts[: i + 1]) in self.entries))
            if may_skip:
                todo.append((i, j + 1, False))
        return fits, leads

    def best(self, scope: Scope, path: Path) -> tuple[ComposeKey | None, bool]:
        """The most specific entry `path` fits (None: none), and whether some entry is
        deeper below it. Remembered: the services of a file mostly repeat the same keys."""
        found = self._best.get((scope, path))
        if found is None:
            found = self._best[(scope, path)] = self._find(scope, path)
        return found

    def _find(self, scope: Scope, path: Path) -> tuple[ComposeKey | None, bool]:
        best: tuple[int, int] | None = None
        chosen: ComposeKey | None = None
        deeper = False
        for parts, entry in self._candidates(scope, path):
            fits, leads = self._match(scope, parts, path)
            deeper = deeper or leads
            rank = (len(parts), sum(not p.endswith(WILDCARD) for p in parts))
            if fits and (best is None or rank > best):
                best, chosen = rank, entry
        return chosen, deeper

    def extension(self, scope: Scope, path: Path) -> ComposeKey | None:
        """The entry for an extension field: of its own scope, else the top-level `x-*`."""
        entry, _deeper = self.best(scope, path)
        if entry is None and scope != "top":
            entry, _deeper = self.best("top", path[-1:])
        return entry


# --------------------------------------------------------------------------------------
# the walk


@dataclass
class _Walk:
    doc: YamlDoc
    matrix: _Matrix
    implements: Mapping[str, str] = field(default_factory=dict)
    findings: list[KeyFinding] = field(default_factory=list)
    unknown: list[Place] = field(default_factory=list)
    extensions: list[Place] = field(default_factory=list)

    def mapping(
        self,
        mapping: dict[Any, Any],
        scope: Scope,
        service: str | None,
        loc: Loc,
        path: Path = (),
        shown: str = "",
        covered: bool = False,
    ) -> bool:
        """Explain the keys of `mapping` (at `loc` in the file, `path` below the service or
        the top level). True when it has any key: outside an entry, each is reported."""
        for raw, value in mapping.items():
            name = str(raw)
            key_loc, key_path = (*loc, raw), (*path, name)
            key_shown = f"{shown}.{name}" if shown else name
            place = Place(service, key_shown, *self.doc.key_at(key_loc))
            if name.startswith(EXTENSION_PREFIX):
                entry = self.matrix.extension(scope, key_path)
                if entry is None:
                    self.extensions.append(place)
                else:
                    self.findings.append(KeyFinding(place, entry, self.implements))
                continue
            entry, deeper = self.matrix.best(scope, key_path)
            if entry is not None:
                self.findings.append(KeyFinding(place, entry, self.implements))
            elif not covered and not deeper:
                self.unknown.append(place)
                continue
            below = covered or entry is not None
            found = deeper and self.inside(
                value, scope, service, key_loc, key_path, key_shown, below
            )
            if deeper and not found and not below:
                self.unknown.append(place)  # leads to entries, holds none of them
        return bool(mapping)

    def inside(
        self,
        value: Any,
        scope: Scope,
        service: str | None,
        loc: Loc,
        path: Path,
        shown: str,
        covered: bool,
    ) -> bool:
        """Explain the keys inside `value`: a mapping, or the mappings of a list (long syntax:
        `ports`, `volumes`); their items add nothing to the path."""
        if isinstance(value, dict):
            return self.mapping(value, scope, service, loc, path, shown, covered)
        reported = False
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    item_loc, item_shown = (*loc, i), f"{shown}[{i}]"
                    found = self.mapping(item, scope, service, item_loc, path, item_shown, covered)
                    reported = found or reported
        return reported


def explain(doc: YamlDoc, pack: Pack, targets: Iterable[str]) -> Explanation:
    """Every key of the Compose file in `doc` with its matrix entry, or listed as unknown.
    `targets` are tool ids of the pack. Raises `ComposeFileError` if it is not a Compose
    file (see `compose_services`)."""
    services = compose_services(doc)
    target_ids = tuple(targets)
    implements = {
        tool.id: tool.implements
        for tool in pack.tools
        if tool.id in target_ids and tool.implements is not None
    }
    walk = _Walk(doc, _Matrix.of(pack.compose_keys), implements)
    top = {k: v for k, v in doc.data.items() if k != "services"}
    walk.mapping(top, "top", None, ())
    for name, body in services.items():
        walk.mapping(body, "service", str(name), ("services", name))

    def order(place: Place) -> tuple[int, int]:
        return (place.line, place.column)

    return Explanation(
        file=doc.path,
        targets=target_ids,
        services=tuple(str(name) for name in services),
        findings=tuple(sorted(walk.findings, key=lambda f: order(f.place))),
        unknown=tuple(sorted(walk.unknown, key=order)),
        extensions=tuple(sorted(walk.extensions, key=order)),
        has_matrix=bool(pack.compose_keys),
    )
