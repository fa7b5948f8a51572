"""The search index in the pack cache (orchexplorer.index_cache): only a pack loaded from
files is cached, and an entry that does not decode is rebuilt, never used. (Keys, staleness
and the search command from the cache are in tests/test_cache.py.)"""

from __future__ import annotations

from pathlib import Path

from orchexplorer import cache
from orchexplorer.index_cache import KIND, build_index, cached_index
from orchexplorer.loader import load_pack
from orchexplorer.model import Pack
from tests.conftest import TOOL_A, write_pack

TOOL_B = TOOL_A.replace("alpha", "beta").replace("Alpha", "Beta")


def index_entries() -> list[Path]:
    return sorted((cache.cache_dir() / "packs").glob(f"*.{KIND}"))


def test_a_pack_not_loaded_from_files_is_built_not_cached(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    pack = Pack.model_validate(load_pack(root).model_dump())  # equal, but not from files
    assert build_index(pack).search("alpha")[0].id == "alpha"
    assert index_entries() == []
    build_index(load_pack(root))
    assert len(index_entries()) == 1


def test_an_entry_that_is_not_an_index_is_rebuilt(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A, "b.yaml": TOOL_B})
    pack = load_pack(root)
    origin = cache.origin(pack)
    assert origin is not None
    where, key, stat = origin
    # An intact cache entry (its hash is right) whose body is no index.
    assert cache.write(where, KIND, key, b'{"format": 2}\n', stat)
    assert cached_index(root) is None
    index = build_index(pack)
    assert index.search("beta")[0].id == "beta"
    read = cached_index(root)
    assert read is not None and read.search("beta") == index.search("beta")
