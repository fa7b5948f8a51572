"""A cache of what is slow to derive from a content pack: the validated pack and its search
index, keyed on the exact content of the pack's files. No pydantic, YAML or Textual here.

Why: for a pack of thousands of features, parsing the YAML (in Python, to keep the loader's
safety checks and error positions) and building the search index take seconds; reading
them back takes a fraction of that. See BENCHMARKS.md for the figures.

Rules:

- The key is a hash of every pack file's path (relative to the pack), size and content
  hash, plus the package version, the entry format and a hash of the source of the
  modules that shape what is cached (`code_files`: the model, the loader, the search
  modules, the text rules they apply, this module). Any change to a file, a new or
  removed file, or a change of that code gives another key: the entry is stale and is
  rebuilt. A copied or re-checked-out pack with the same content keeps its entry.
- To spare reading and hashing every file on each start, an entry also records the files'
  status (size, modification and change times, inode): while that is unchanged, the
  content is too (a write always moves the change time, which no program can set back).
  As git does against "racy" timestamps, the status is recorded only for files last
  changed more than two seconds before, so an edit within the clock's resolution of the
  moment of caching is still caught by the content key.
- Only successfully validated packs are cached; a pack with errors is always read from its
  files, so every error keeps its file, line and column.
- An entry is one file, `packs/<hash of the pack's resolved path>.<kind>`: a JSON header
  line (format, kind, key, status key, body length and hash), then the body. It is
  written atomically (`fsutil.atomic_write`, without fsync: a lost entry is only rebuilt),
  so a reader never sees half an entry. On reading, a header that does not parse, another
  format, kind or key, or a body whose length or hash differs makes the entry a miss: it
  is rebuilt and overwritten, never trusted. Both bodies are JSON: the pack's is
  `Pack.model_dump_json()`, read back by `Pack.model_validate_json()` and its references
  checked again (see `loader._read_back`), so an entry, whoever wrote it, can only ever
  give a pack that validates, or a miss. Any failure to read one back is a miss.
- The cache is bounded. A pack path has one entry of each kind, replaced when rewritten,
  and at most `MAX_PER_PACK` files in all (the newest kept). After every write the
  directory is tidied (`tidy`): temporary files that a crash left behind are removed,
  and while the entries take more than `MAX_BYTES`, the least recently written are
  removed, those of other packs first; the entries of the pack just written are kept
  even if they alone are bigger.
- The cache lives in the user cache directory (`~/.cache/orchexplorer` on Linux);
  `ORCHEXPLORER_CACHE_DIR` puts it elsewhere and `ORCHEXPLORER_CACHE=off` turns it off.
  A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from orchexplorer import __version__
from orchexplorer.fsutil import atomic_write, remove_stale_temporaries

ENV_DIR = "ORCHEXPLORER_CACHE_DIR"
ENV_SWITCH = "ORCHEXPLORER_CACHE"
FORMAT = 3  # 3: the pack's body is JSON, validated on reading (2: a pickle; 1: JSON)
MAX_HEADER = 4096
MAX_BYTES = 64 * 1024 * 1024  # all entries together
MAX_PER_PACK = 8  # files of one pack path (one per kind; room for kinds to come)
STALE_TEMPORARY_SECONDS = 600.0  # a temporary file this old belongs to no running write

#: Modules whose source decides what a cache entry holds, besides the search modules (see
#: `code_files`): the version, the model and what it imports, the loader and the text rules
#: it applies to every string, and this module (the entry format).
_CODE = (
    "__init__.py",
    "lang.py",
    "i18n.py",
    "model.py",
    "loader.py",
    "termtext.py",
    "kinds.py",
    "cache.py",
)
_code_stamp: bytes | None = None

# Packs loaded from files in this process: id(pack) -> (pack, root, fingerprint). Lets the
# search index of a loaded pack find its cache entry; a handful is plenty.
_LOADED: dict[int, tuple[object, str, str, str | None]] = {}
_LOADED_MAX = 8


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while building many long-lived objects.

    Loading a pack or building an index allocates hundreds of thousands of objects that all
    stay alive; every few hundred allocations the collector would walk them again. They
    make no reference cycles, so collecting can wait: that makes loading a large pack a
    third faster. Nested and concurrent pauses are counted; the collector is switched back
    on by the last one, and only if it was on before.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "").strip().lower() not in ("off", "0", "no", "false")


def cache_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("orchexplorer", appauthor=False))


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def code_files(package: Path) -> list[str]:
    """The files of `package` (the orchexplorer directory) whose source is in the code stamp,
    relative to it: `_CODE`, and every module of the search package `search/` if there is
    one, else `search.py`."""
    names = list(_CODE)
    search = package / "search"
    if search.is_dir():
        names += sorted(p.relative_to(package).as_posix() for p in search.rglob("*.py"))
    else:
        names.append("search.py")
    return names


def code_stamp() -> bytes:
    """A hash of the source of the modules that shape cached data (read once)."""
    global _code_stamp
    if _code_stamp is None:
        _code_stamp = _stamp_of(Path(__file__).resolve().parent)
    return _code_stamp


def _stamp_of(package: Path) -> bytes:
    h = hashlib.blake2b(f"orchexplorer {__version__} format {FORMAT}".encode(), digest_size=20)
    for name in code_files(package):
        try:
            h.update(name.encode() + b"\0" + (package / name).read_bytes())
        except OSError:  # an install without sources: the version alone decides
            h.update(name.encode() + b"\0-")
    return h.digest()


def fingerprint(files: Iterable[tuple[str, bytes]]) -> str:
    """The key of a pack: every file's relative path, size and content, and the code stamp."""
    h = hashlib.blake2b(code_stamp(), digest_size=20)
    for rel, data in files:
        h.update(rel.encode("utf-8", "surrogateescape") + b"\0")
        h.update(len(data).to_bytes(8, "little"))
        h.update(hashlib.blake2b(data, digest_size=20).digest())
    return h.hexdigest()


RACY_SECONDS = 2.0


def stat_key(files: Iterable[tuple[str, os.stat_result]]) -> str | None:
    """A key from the files' status (see the module's notes), or None when a file changed
    too recently for its times to be trusted."""
    limit = time.time_ns() - int(RACY_SECONDS * 1e9)
    h = hashlib.blake2b(code_stamp(), digest_size=20)
    for rel, st in files:
        if st.st_mtime_ns > limit or st.st_ctime_ns > limit:
            return None
        h.update(rel.encode("utf-8", "surrogateescape") + b"\0")
        stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
        h.update(repr(stamp).encode())
    return "s" + h.hexdigest()


def entry_path(root: str | os.PathLike[str], kind: str) -> Path:
    """The cache file of `kind` ("pack", "index") for the pack at `root`."""
    where = str(Path(root).resolve())
    name = _digest(where.encode("utf-8", "surrogateescape"))
    return cache_dir() / "packs" / f"{name}.{kind}"


def read_entry(
    root: str | os.PathLike[str], kind: str, key: str | None = None, stat: str | None = None
) -> tuple[bytes, str] | None:
    """(body, content key) of the entry `kind` of `root` if it is intact and made for the
    content `key` or the status key `stat`, else None."""
    if not enabled() or (key is None and stat is None):
        return None
    try:
        with open(entry_path(root, kind), "rb") as f:
            header_line = f.readline(MAX_HEADER)
            body = f.read()
    except OSError:
        return None
    try:
        header: Any = json.loads(header_line)
    except ValueError:
        return None
    if not isinstance(header, dict):
        return None
    found = header.get("key")
    if (
        header.get("format") != FORMAT
        or header.get("kind") != kind
        or not isinstance(found, str)
        or not (
            (key is not None and found == key) or (stat is not None and header.get("stat") == stat)
        )
        or header.get("size") != len(body)
        or header.get("hash") != _digest(body)
    ):
        return None
    return body, found


def read(root: str | os.PathLike[str], kind: str, key: str) -> bytes | None:
    """The body of the entry `kind` of `root` if it is intact and made for `key`, else None."""
    found = read_entry(root, kind, key)
    return None if found is None else found[0]


def write(
    root: str | os.PathLike[str], kind: str, key: str, body: bytes, stat: str | None = None
) -> bool:
    """Store `body` as the entry `kind` of `root` for `key` (and the status key `stat`),
    atomically, then tidy the cache (see `tidy`). False if it failed."""
    if not enabled():
        return False
    header = {
        "format": FORMAT,
        "kind": kind,
        "key": key,
        "stat": stat,
        "size": len(body),
        "hash": _digest(body),
    }
    data = json.dumps(header).encode() + b"\n" + body
    try:
        path = entry_path(root, kind)
        atomic_write(path, data, fsync=False)
    except OSError:
        return False
    with contextlib.suppress(OSError):  # the same entry as format 1 named it
        path.with_name(path.name + ".json").unlink(missing_ok=True)
    tidy(path)
    return True


def tidy(written: Path) -> None:
    """Bound the directory of the entry `written` (just written, and kept): remove
    temporary files older than `STALE_TEMPORARY_SECONDS`, all but the newest `MAX_PER_PACK`
    files of each pack path, then the least recently written entries while all of them
    take more than `MAX_BYTES`, other packs' first. Errors are ignored: another process
    may be tidying too."""
    directory = written.parent
    remove_stale_temporaries(directory, STALE_TEMPORARY_SECONDS, time.time())
    own = written.name.split(".", 1)[0]
    groups: dict[str, list[tuple[int, int, Path]]] = {}  # pack path -> (mtime, size, file)
    try:
        with os.scandir(directory) as found:
            for item in found:
                if item.name.startswith(".") or not item.is_file(follow_symlinks=False):
                    continue  # a temporary file, or not an entry
                with contextlib.suppress(OSError):
                    st = item.stat(follow_symlinks=False)
                    group = groups.setdefault(item.name.split(".", 1)[0], [])
                    group.append((st.st_mtime_ns, st.st_size, Path(item.path)))
    except OSError:
        return
    kept: list[tuple[int, int, Path]] = []
    for name, files in groups.items():
        files.sort(key=lambda f: (f[2] != written, -f[0]))  # the written one, then newest
        for _mtime, _size, path in files[MAX_PER_PACK:]:
            _remove(path)
        if name != own:
            kept += files[:MAX_PER_PACK]
    total = sum(size for files in groups.values() for _m, size, _p in files[:MAX_PER_PACK])
    for _mtime, size, path in sorted(kept, key=lambda f: f[0]):
        if total <= MAX_BYTES:
            break
        if _remove(path):
            total -= size


def _remove(path: Path) -> bool:
    """Remove `path`; True if it is gone (another process may have removed it first)."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def remember(pack: object, root: str | os.PathLike[str], key: str, stat: str | None = None) -> None:
    """Note that `pack` was loaded from `root` with files of content key `key` (and status
    key `stat`)."""
    while len(_LOADED) >= _LOADED_MAX:
        del _LOADED[next(iter(_LOADED))]
    _LOADED[id(pack)] = (pack, str(root), key, stat)


def origin(pack: object) -> tuple[str, str, str | None] | None:
    """(root, content key, status key) of a pack loaded from files in this process."""
    entry = _LOADED.get(id(pack))
    if entry is None or entry[0] is not pack:
        return None
    return entry[1], entry[2], entry[3]
