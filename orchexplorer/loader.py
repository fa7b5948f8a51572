"""Files -> validated `Pack`. Safe YAML; every error located as PATH:LINE:COL.

The YAML is read as a stream of parser events (libyaml's C parser where available) and
built into plain Python data by a small iterative constructor of our own. That one pass:

- refuses every non-standard tag (`!!python/...`, `!custom`): nothing is ever executed;
- refuses duplicated mapping keys (PyYAML silently keeps the last one);
- bounds alias expansion, so an alias bomb is refused after a few thousand nodes;
- bounds nesting depth without recursion, so deeply nested input cannot hit Python's
  recursion limit;
- records the line and column of every value (and of every mapping key), so validation
  errors point into the file.

A pack refuses YAML merge keys (`<<`); a user's own file read with `read_yaml_file(...,
merge_keys=True)` (a Compose file, for `explain`) may use them, within the same bounds.

Errors are collected across all files; `PackError.errors` holds them all.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Any

from orchexplorer import cache
from orchexplorer.i18n import Lang, t
from orchexplorer.termtext import visible as visible  # the loader's escaping, re-exported

if TYPE_CHECKING:
    from orchexplorer.model import Loc, Pack, RefProblem

# PyYAML and the model are imported when a pack is read, not with this module: a pack read
# from the cache needs no YAML parser, and listing a pack's files needs neither.
yaml: Any = None
_Parser: Any = None
_resolver: Any = None
_constructor: Any = None

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_NODES = 10_000  # extra nodes that aliases may add to one file
MAX_FILES = 5_000
PACK_SUFFIXES = (".yaml", ".yml")

_STD = "tag:yaml.org,2002:"
_MERGE_TAG = _STD + "merge"
_ALLOWED_SCALAR_TAGS = {_STD + n for n in ("str", "int", "float", "bool", "null", "timestamp")}
_ALLOWED_TAGS = _ALLOWED_SCALAR_TAGS | {_STD + "map", _STD + "seq", "!"}


def _load_yaml() -> None:
    global yaml, _Parser, _resolver, _constructor
    if yaml is not None:
        return
    import yaml as yaml_module

    parser: Any
    try:  # libyaml's parser is much faster; the pure-Python one gives the same events.
        from yaml._yaml import CParser as parser
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        parser = None
    _Parser = parser
    _resolver = yaml_module.resolver.Resolver()
    _constructor = yaml_module.constructor.SafeConstructor()
    yaml = yaml_module


@dataclass(frozen=True)
class Problem:
    """One error, located. `line` and `col` are 1-based; 0 means unknown."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        # One error, one line: a key or file name holding a line break cannot split it.
        path = _one_line(self.path)
        if self.line:
            return f"{path}:{self.line}:{self.col}: {_one_line(self.message)}"
        return f"{path}: {_one_line(self.message)}"


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")


class PackError(Exception):
    """The pack could not be loaded. `errors` lists every problem found."""

    def __init__(self, errors: list[Problem]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


class _YamlProblem(Exception):
    def __init__(self, line: int, col: int, code: str, **kw: object) -> None:
        super().__init__(code)
        self.line, self.col, self.code, self.kw = line, col, code, kw


@dataclass
class _Doc:
    """One file's data and the position (1-based line, col) of every value in it."""

    path: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)  # where each key is written

    def where(self, loc: Loc) -> tuple[int, int]:
        """The position of `loc`, or of its nearest located parent."""
        for n in range(len(loc), -1, -1):
            pos = self.positions.get(loc[:n])
            if pos is not None:
                return pos
        return (0, 0)

    def key_at(self, loc: Loc) -> tuple[int, int]:
        """Where the mapping key at `loc` is written, else the position of its value (or its
        nearest located parent: a key that came in through an alias)."""
        return self.keys.get(loc) or self.where(loc)


#: One parsed YAML file: its data, where each value and key is (see `read_yaml_file`).
YamlDoc = _Doc


def default_content_dir() -> Path:
    """The shipped pack: inside the installed package, or `content/` of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_content", here.parent / "content"):
        if candidate.is_dir():
            return candidate
    return here / "_content"


# --------------------------------------------------------------------------------------
# YAML -> data


def _mark(event: Any) -> tuple[int, int]:
    m = event.start_mark
    return (m.line + 1, m.column + 1) if m is not None else (0, 0)


# Control characters (C0 and C1 other than tab and newline, DEL) can come in through YAML
# escapes ("\e[31m"); no text of a pack has a use for them, and on a terminal they are
# commands. `visible` writes them out once, here, so every view shows them literally.


def _scalar(event: Any) -> Any:
    tag = event.tag
    line, col = _mark(event)
    if tag in (None, "!"):
        plain = event.implicit[0] if event.implicit else False
        if not plain:
            return visible(event.value)
        tag = _resolver.resolve(yaml.ScalarNode, event.value, (True, False))
        if tag == _MERGE_TAG:  # a plain `<<`: the mapping decides (see `merge_keys`)
            return "<<"
    elif tag not in _ALLOWED_SCALAR_TAGS:
        raise _YamlProblem(line, col, "yaml_tag", tag=tag)
    if tag == _STD + "str":
        return visible(event.value)
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
    try:
        return _constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        raise _YamlProblem(line, col, "yaml_value", value=event.value[:40]) from exc


def _events(text: str) -> Iterator[Any]:
    if _Parser is not None:
        parser = _Parser(text)
        while True:
            event = parser.get_event()
            if event is None:  # pragma: no cover - defensive
                return
            yield event
            if isinstance(event, yaml.StreamEndEvent):
                return
    else:  # pragma: no cover
        yield from yaml.parse(text, Loader=yaml.SafeLoader)


def parse_yaml(
    text: str, path: str = "<string>", *, merge_keys: bool = False, key_positions: bool = False
) -> _Doc:
    """Parse one YAML document safely into plain data with positions.

    `merge_keys`: take `<<: *anchor` (or a list of them) as YAML's merge key, the keys of
    the mapping itself winning, then the earlier merged mappings; merged keys are located at
    the `<<`. Otherwise a merge key is refused. `key_positions`: also note where each mapping
    key is written (`_Doc.keys`; a pack's errors point at values). Raises `_YamlProblem`
    (located) for anything refused.
    """
    _load_yaml()
    positions: dict[Loc, tuple[int, int]] = {}
    keys: dict[Loc, tuple[int, int]] | None = {} if key_positions else None
    anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (value, node count)
    # Each open collection:
    # [container, loc, pending_key, key_pos, anchor, node_count, pos, merge (pos, mappings)]
    stack: list[list[Any]] = []
    result: Any = None
    documents = 0
    extra_nodes = 0

    def add(value: Any, pos: tuple[int, int], count: int) -> None:
        nonlocal result
        if not stack:
            result = value
            positions[()] = pos
            return
        top = stack[-1]
        top[5] += count
        container = top[0]
        if isinstance(container, list):
            loc = (*top[1], len(container))
            container.append(value)
            positions[loc] = pos
        elif top[2] is _NO_KEY:
            key = value
            if isinstance(key, (dict, list)):
                raise _YamlProblem(*pos, "yaml_complex_key")
            if isinstance(key, str) and key == "<<":
                if not merge_keys:
                    raise _YamlProblem(*pos, "yaml_merge_key")
                if top[7] is not None:
                    raise _YamlProblem(*pos, "yaml_duplicate_key", key=key, first=top[7][0][0])
                top[2], top[3] = _MERGE, pos
                return
            key = key if isinstance(key, (str, int)) else str(key)
            if key in container:
                first = positions.get((*top[1], key), (0, 0))
                raise _YamlProblem(*pos, "yaml_duplicate_key", key=key, first=first[0])
            top[2], top[3] = key, pos
        elif top[2] is _MERGE:
            mappings = value if isinstance(value, list) else [value]
            if not all(isinstance(m, dict) for m in mappings):
                line, col = top[3]
                raise _YamlProblem(line, col, "yaml_merge_value")
            top[7], top[2] = (top[3], mappings), _NO_KEY
        else:
            key = top[2]
            container[key] = value
            positions[(*top[1], key)] = top[3] if isinstance(value, (dict, list)) else pos
            if keys is not None:
                keys[(*top[1], key)] = top[3]
            top[2] = _NO_KEY

    def merge(
        container: dict[Any, Any], loc: Loc, merged: tuple[tuple[int, int], list[Any]]
    ) -> None:
        where, mappings = merged
        for mapping in mappings:
            for key, value in mapping.items():
                if key not in container:
                    container[key] = value
                    positions[(*loc, key)] = where
                    if keys is not None:
                        keys[(*loc, key)] = where

    def child_loc() -> Loc:
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top[0], list):
            return (*top[1], len(top[0]))
        if top[2] is _NO_KEY:
            return (*top[1], "?")  # a collection used as a key: refused when added
        if top[2] is _MERGE:
            return (*top[1], "<<")
        return (*top[1], top[2])

    try:
        for event in _events(text):
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _YamlProblem(*_mark(event), "yaml_multi_doc")
            elif kind is yaml.ScalarEvent:
                value = _scalar(event)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                add(value, _mark(event), 1)
            elif kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent):
                pos = _mark(event)
                tag = event.tag
                if tag is not None and tag not in _ALLOWED_TAGS:
                    raise _YamlProblem(*pos, "yaml_tag", tag=tag)
                if len(stack) >= MAX_DEPTH:
                    raise _YamlProblem(*pos, "yaml_depth", limit=MAX_DEPTH)
                container: Any = {} if kind is yaml.MappingStartEvent else []
                frame = [container, child_loc(), _NO_KEY, (0, 0), event.anchor, 1, pos, None]
                stack.append(frame)
            elif kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                container, loc, _k, _kp, anchor, count, pos, merged = stack.pop()
                if merged is not None:
                    merge(container, loc, merged)
                if anchor:
                    anchors[anchor] = (container, count)
                add(container, pos, count)
            elif kind is yaml.AliasEvent:
                pos = _mark(event)
                if event.anchor not in anchors:
                    raise _YamlProblem(*pos, "yaml_alias", anchor=event.anchor)
                value, count = anchors[event.anchor]
                extra_nodes += count
                if extra_nodes > MAX_ALIAS_NODES:
                    raise _YamlProblem(*pos, "yaml_alias_bomb", limit=MAX_ALIAS_NODES)
                # Shared, not copied: the data is validated into fresh models anyway.
                add(value, pos, count)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = (exc.problem or exc.context or "").strip()
        if "nesting depth" in problem:  # libyaml's own limit, far above ours
            raise _YamlProblem(line, col, "yaml_depth", limit=MAX_DEPTH) from exc
        raise _YamlProblem(line, col, "yaml_syntax", problem=problem) from exc
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (NUL, …)
        before = text[: exc.position]
        line = before.count("\n") + 1
        col = exc.position - (before.rfind("\n") + 1) + 1
        raise _YamlProblem(line, col, "yaml_char", char=f"U+{exc.character:04X}") from exc
    except yaml.YAMLError as exc:
        raise _YamlProblem(0, 0, "yaml_syntax", problem=str(exc).splitlines()[0]) from exc
    return _Doc(path, result, positions, keys or {})


class _NoKey:
    pass


_NO_KEY = _NoKey()
_MERGE = _NoKey()  # the pending key is a merge key: its value is merged at the mapping's end


# --------------------------------------------------------------------------------------
# files -> docs


def _pack_files(root: Path, errors: list[Problem]) -> list[Path]:
    """Every *.yaml / *.yml below `root`, sorted, following no directory symlink loops."""
    found: list[Path] = []
    seen_dirs: set[tuple[int, int]] = set()

    def walk(directory: Path) -> None:
        try:
            st = directory.stat()
        except OSError as exc:
            errors.append(Problem(str(directory), 0, 0, _os_error(exc)))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            return  # a symlink loop or a second link to a directory already read
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            errors.append(Problem(str(directory), 0, 0, _os_error(exc)))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                walk(path)
            elif entry.name.endswith(PACK_SUFFIXES):
                found.append(path)

    walk(root)
    return found


def _os_error(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def _read_file(path: Path, shown: str, lang: Lang, errors: list[Problem]) -> bytes | None:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            errors.append(Problem(shown, 0, 0, t("err_too_big", lang, limit=MAX_FILE_BYTES)))
            return None
        raw = path.read_bytes()
    except OSError as exc:
        errors.append(Problem(shown, 0, 0, t("err_unreadable", lang, reason=_os_error(exc))))
        return None
    if len(raw) > MAX_FILE_BYTES:  # grew while we looked
        errors.append(Problem(shown, 0, 0, t("err_too_big", lang, limit=MAX_FILE_BYTES)))
        return None
    return raw


def _parse_doc(
    raw: bytes, shown: str, lang: Lang, errors: list[Problem], **options: bool
) -> _Doc | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        errors.append(Problem(shown, line, col, t("err_utf8", lang)))
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return parse_yaml(text, shown, **options)
    except _YamlProblem as exc:
        errors.append(Problem(shown, exc.line, exc.col, t("err_" + exc.code, lang, **exc.kw)))
        return None
    except (RecursionError, MemoryError, ValueError, TypeError) as exc:  # pragma: no cover
        # Not expected from any input; if a file ever finds such a path, it is still
        # reported against that file rather than ending the program with a traceback.
        errors.append(Problem(shown, 0, 0, t("err_unreadable", lang, reason=repr(exc)[:200])))
        return None


def read_yaml_file(
    path: str | os.PathLike[str], lang: Lang = "en", *, merge_keys: bool = False
) -> YamlDoc:
    """One YAML file that is not part of a pack (a user's Compose file), read with the pack's
    limits and refusals (size, UTF-8, tags, duplicate keys, depth, aliases); see `parse_yaml`
    for `merge_keys`. Key positions are noted (`YamlDoc.key_at`). Raises `PackError` with the
    one problem, located where it can be."""
    shown = os.fspath(path)
    errors: list[Problem] = []
    try:
        regular = S_ISREG(os.stat(path).st_mode)
    except OSError as exc:
        reason = _os_error(exc)
        raise PackError([Problem(shown, 0, 0, t("err_unreadable", lang, reason=reason))]) from None
    if not regular:  # a directory, a FIFO or a device: nothing to read, or no end to it
        raise PackError([Problem(shown, 0, 0, t("err_not_file", lang))])
    raw = _read_file(Path(path), shown, lang, errors)
    doc = (
        None
        if raw is None
        else _parse_doc(raw, shown, lang, errors, merge_keys=merge_keys, key_positions=True)
    )
    if doc is None:
        raise PackError(errors)
    return doc


# --------------------------------------------------------------------------------------
# docs -> pack


def _list_keys() -> tuple[str, ...]:
    from orchexplorer.model import PackFile

    return tuple(PackFile.model_fields)


def _format_validation(err: Any, lang: Lang) -> str:
    kind = err.get("type", "")
    loc = err.get("loc", ())
    # The field is the last named part of the location, with any list indexes after it:
    # ("tools", 0, "name") -> "name"; ("tools", 0) -> "tools.0".
    last = max((i for i, p in enumerate(loc) if isinstance(p, str)), default=0)
    field_name = ".".join(str(p) for p in loc[last:])
    ctx = err.get("ctx") or {}
    key = "err_v_" + kind
    msg = t(key, lang, field=field_name, **{k: str(v) for k, v in ctx.items()})
    if msg == key:  # no translation for this pydantic error type: use pydantic's text
        msg = str(err.get("msg", kind))
    where = ".".join(str(p) for p in loc)
    return f"{msg} ({where})" if where and where != field_name else msg


def _display_path(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_pack(root: str | os.PathLike[str] | None = None, lang: Lang = "en") -> Pack:
    """Load and validate the pack at `root` (default: the shipped pack).

    Raises `PackError` listing every problem, each located in its file. A pack that
    validated before with exactly the same files is read from the pack cache (validated
    and its references checked again); see `orchexplorer.cache`.
    """
    with cache.gc_paused():
        return _load_pack(root, lang)


def _load_pack(root: str | os.PathLike[str] | None, lang: Lang) -> Pack:
    root_path = Path(root) if root is not None else default_content_dir()
    errors: list[Problem] = []
    shown_root = str(root_path)
    if not root_path.exists():
        raise PackError([Problem(shown_root, 0, 0, t("err_no_pack", lang))])
    if not root_path.is_dir():
        raise PackError([Problem(shown_root, 0, 0, t("err_not_dir", lang))])

    files = _pack_files(root_path, errors)
    if len(files) > MAX_FILES:
        raise PackError([Problem(shown_root, 0, 0, t("err_too_many", lang, limit=MAX_FILES))])
    if not files and not errors:
        raise PackError([Problem(shown_root, 0, 0, t("err_empty_pack", lang))])

    from pydantic import ValidationError

    from orchexplorer.model import Pack, check_references

    stat = None
    if not errors and cache.enabled():
        # Unchanged file status: the pack cached for them, read without reading the files.
        stat = _stat_key(root_path, files)
        found = cache.read_entry(root_path, "pack", stat=stat) if stat else None
        cached = _read_back(found[0]) if found else None
        if found and cached is not None:
            cache.remember(cached, root_path, found[1], stat)
            return cached
    contents: list[tuple[Path, str, bytes | None]] = []
    for path in files:
        shown = _display_path(path, root_path)
        contents.append((path, shown, _read_file(path, shown, lang, errors)))
    key = None
    if not errors and cache.enabled():
        key = cache.fingerprint(
            (path.relative_to(root_path).as_posix(), raw or b"") for path, _, raw in contents
        )
        found = cache.read_entry(root_path, "pack", key=key)
        cached = _read_back(found[0]) if found else None
        if found and cached is not None:
            if stat is not None:  # the same content, files touched: note their new status
                cache.write(root_path, "pack", key, found[0], stat)
            cache.remember(cached, root_path, key, stat)
            return cached

    list_keys = _list_keys()
    merged: dict[str, list[Any]] = {k: [] for k in list_keys}
    # For each merged list, where each element came from: (doc, index in that doc's list)
    origin: dict[str, list[tuple[_Doc, int]]] = {k: [] for k in list_keys}
    for _path, shown, raw in contents:
        doc = None if raw is None else _parse_doc(raw, shown, lang, errors)
        if doc is None:
            continue
        data = doc.data
        if data is None:
            continue  # an empty file or only comments: nothing to add
        if not isinstance(data, dict):
            line, col = doc.where(())
            errors.append(Problem(shown, line, col, t("err_top_mapping", lang)))
            continue
        for name, value in data.items():
            if name not in merged:
                line, col = doc.where((name,))
                errors.append(
                    Problem(
                        shown,
                        line,
                        col,
                        t("err_top_key", lang, key=str(name), allowed=", ".join(list_keys)),
                    )
                )
                continue
            if not isinstance(value, list):
                line, col = doc.where((name,))
                errors.append(Problem(shown, line, col, t("err_top_list", lang, key=name)))
                continue
            for i, item in enumerate(value):
                merged[name].append(item)
                origin[name].append((doc, i))

    def locate(loc: Loc) -> tuple[str, int, int]:
        if len(loc) >= 2 and loc[0] in origin and isinstance(loc[1], int):
            items = origin[str(loc[0])]
            if loc[1] < len(items):
                doc, index = items[loc[1]]
                line, col = doc.where((loc[0], index, *loc[2:]))
                return doc.path, line, col
        return shown_root, 0, 0

    if not merged["tools"] and not errors:
        raise PackError([Problem(shown_root, 0, 0, t("err_no_tools", lang))])
    try:
        pack = Pack.model_validate(merged)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            where, line, col = locate(tuple(err["loc"]))
            errors.append(Problem(where, line, col, _format_validation(err, lang)))
        raise PackError(_sorted(errors)) from None

    for problem in check_references(pack):
        where, line, col = locate(problem.loc)
        errors.append(Problem(where, line, col, _ref_message(problem, lang, locate)))
    if errors:
        raise PackError(_sorted(errors))
    if key is not None:
        _to_cache(root_path, key, pack, stat)
        cache.remember(pack, root_path, key, stat)
    return pack


def _stat_key(root: Path, files: list[Path]) -> str | None:
    try:
        return cache.stat_key((p.relative_to(root).as_posix(), p.stat()) for p in files)
    except OSError:
        return None


def cached_entry(
    root: str | os.PathLike[str] | None, kind: str
) -> tuple[Path, bytes, str, str | None] | None:
    """(directory, body, content key, status key) of the cache entry `kind` of the pack at
    `root` (default: the shipped pack) if it is current, else None. Needs neither YAML nor
    the model: the search command reads a cached index with it."""
    if not cache.enabled():
        return None
    listing = _listing(root)
    if listing is None:
        return None
    root_path, files = listing
    stat = _stat_key(root_path, files)
    found = cache.read_entry(root_path, kind, stat=stat) if stat else None
    if found is None:
        key = _content_key(root_path, files)
        found = cache.read_entry(root_path, kind, key=key) if key else None
    return None if found is None else (root_path, found[0], found[1], stat)


def pack_key(root: str | os.PathLike[str] | None = None) -> tuple[Path, str] | None:
    """(directory, cache key) of the pack at `root` (default: the shipped pack) from its
    files' content, or None if any file cannot be read or is too big, or there are too many.
    Needs neither YAML nor the model: the search command can use a cached index with it."""
    listing = _listing(root)
    if listing is None:
        return None
    key = _content_key(*listing)
    return None if key is None else (listing[0], key)


def _listing(root: str | os.PathLike[str] | None) -> tuple[Path, list[Path]] | None:
    """The pack directory and its files, or None where a cache cannot serve it (no such
    directory, an unreadable folder, no files, too many): then the full load reports why."""
    root_path = Path(root) if root is not None else default_content_dir()
    if not root_path.is_dir():
        return None
    errors: list[Problem] = []
    files = _pack_files(root_path, errors)
    if errors or not files or len(files) > MAX_FILES:
        return None
    return root_path, files


def _content_key(root: Path, files: list[Path]) -> str | None:
    contents = []
    errors: list[Problem] = []
    for path in files:
        raw = _read_file(path, str(path), "en", errors)
        if raw is None:
            return None
        contents.append((path.relative_to(root).as_posix(), raw))
    return cache.fingerprint(contents)


def _read_back(body: bytes) -> Pack | None:
    """A cached pack, or None if the entry cannot be read back as one.

    The entry's integrity and currency are checked by `cache.read_entry` (hash of the body,
    key of the files' content); here the body, JSON, is validated by pydantic as a `Pack`
    and its references are checked, as for a pack read from files. Whatever the body
    holds, the answer is a pack that would have loaded from files, or None (a miss).
    """
    from orchexplorer.model import Pack, check_references

    try:
        pack = Pack.model_validate_json(body)
        if check_references(pack):
            return None
    except Exception:  # any failure to read an entry back is a miss, whatever it is
        return None
    return pack


def _to_cache(root: Path, key: str, pack: Pack, stat: str | None) -> None:
    try:
        body = pack.model_dump_json().encode("utf-8")
    except (ValueError, UnicodeError):  # pragma: no cover - the loader only reads UTF-8 text
        return
    cache.write(root, "pack", key, body, stat)


def _ref_message(problem: RefProblem, lang: Lang, locate: Any) -> str:
    if problem.code == "duplicate_id" and problem.other is not None:
        path, line, col = locate(problem.other)
        first = f"{path}:{line}:{col}" if line else path
        return t("err_duplicate_id", lang, value=problem.value, first=first)
    return t("err_" + problem.code, lang, value=problem.value)


def _sorted(errors: Iterable[Problem]) -> list[Problem]:
    unique = dict.fromkeys(errors)
    return sorted(unique, key=lambda p: (p.path, p.line, p.col, p.message))
