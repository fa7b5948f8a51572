"""The search index of a pack loaded from files, kept in the pack cache (`orchexplorer.cache`,
keyed on the files' content) as the bytes `SearchIndex.to_json` writes. The search package
itself does no file I/O; this module reads and writes its entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from orchexplorer import cache
from orchexplorer.search import SearchIndex

if TYPE_CHECKING:
    import os

    from orchexplorer.model import Pack

#: The kind of the index's cache entries.
KIND = "index"


def build_index(pack: Pack) -> SearchIndex:
    """The index of `pack` (see `orchexplorer.search.build_index`). For a pack loaded from
    files, read from the pack cache when it holds one for exactly these files, and stored
    there when it is built."""
    origin = cache.origin(pack)
    if origin is None:
        return _build(pack)
    root, key, stat = origin
    found = cache.read_entry(root, KIND, key=key)
    index = _from_cache(found[0]) if found else None
    if index is None:
        index = _build(pack)
        cache.write(root, KIND, key, index.to_json(), stat)
    return index


def cached_index(root: str | os.PathLike[str] | None = None) -> SearchIndex | None:
    """The cached index of the pack at `root` (default: the shipped pack) if the cache holds
    one for exactly its current files, else None. Needs neither YAML nor the model."""
    from orchexplorer import loader

    found = loader.cached_entry(root, KIND)
    return None if found is None else _from_cache(found[1])


def _build(pack: Pack) -> SearchIndex:
    # Building allocates many long-lived objects and no cycles: see `cache.gc_paused`.
    with cache.gc_paused():
        return SearchIndex(pack)


def _from_cache(body: bytes) -> SearchIndex | None:
    try:
        with cache.gc_paused():
            return SearchIndex.from_json(body)
    except ValueError:
        return None
