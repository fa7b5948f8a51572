"""The pack cache: keyed on the files' content, a stale or corrupt entry is rebuilt, never
trusted; errors are never cached; the cache lives where ORCHEXPLORER_CACHE_DIR says."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from orchexplorer import cache, loader
from orchexplorer.index_cache import build_index, cached_index
from orchexplorer.loader import PackError, load_pack
from orchexplorer.model import LocalizedText, Pack, Relation, check_references
from tests.conftest import REPO, TOOL_A, write_pack

TOOL_B = TOOL_A.replace("alpha", "beta").replace("Alpha", "Beta")


def entries(kind: str) -> list[Path]:
    return sorted((cache.cache_dir() / "packs").glob(f"*.{kind}"))


def test_tests_keep_the_cache_in_a_temporary_directory(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    assert os.environ["ORCHEXPLORER_CACHE_DIR"].startswith(str(tmp_path_factory.getbasetemp()))


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, parsing a pack file fails: a load must come from the cache. Returns the
    files that were parsed anyway (the failure could be caught on its way)."""
    parsed: list[str] = []

    def refuse(text: str, path: str = "<string>") -> Any:
        parsed.append(path)
        raise AssertionError(f"{path} was parsed, not read from the cache")

    monkeypatch.setattr(loader, "parse_yaml", refuse)
    return parsed


def test_a_loaded_pack_is_cached_and_read_back_equal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A, "b.yml": TOOL_B})
    first = load_pack(root)
    assert len(entries("pack")) == 1
    parsed = _no_yaml(monkeypatch)
    second = load_pack(root)  # would raise if any file were parsed
    assert parsed == []
    assert second == first and second is not first
    assert second.tool_ids == ["alpha", "beta"]  # the lookups are rebuilt too
    assert second.tool("beta") == first.tool("beta")


def test_the_pack_entry_is_the_packs_json(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    good = load_pack(root)
    assert cache.read(root, "pack", _key(root)) == good.model_dump_json().encode()


def test_changing_a_file_makes_the_entry_stale(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    load_pack(root)
    (root / "a.yaml").write_text(TOOL_A.replace("First", "Premier"), encoding="utf-8")
    assert load_pack(root).tools[0].tagline.get("en") == "Premier"
    (root / "b.yaml").write_text(TOOL_B, encoding="utf-8")
    assert [t.id for t in load_pack(root).tools] == ["alpha", "beta"]
    (root / "b.yaml").unlink()
    assert [t.id for t in load_pack(root).tools] == ["alpha"]


def test_a_file_made_invalid_is_reported_not_served_from_the_cache(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    load_pack(root)
    (root / "a.yaml").write_text(TOOL_A + "    bogus: 1\n", encoding="utf-8")
    with pytest.raises(PackError) as err:
        load_pack(root)
    assert "a.yaml:7:" in str(err.value) and "bogus" in str(err.value)


def test_a_pack_with_errors_is_never_cached(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A + "    bogus: 1\n"})
    for _ in range(2):
        with pytest.raises(PackError):
            load_pack(root)
    assert entries("pack") == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-10],  # truncated
        lambda data: data.replace(b"Alpha summary", b"Alpha Summary"),  # one byte changed
        lambda data: b"not json\n" + data.split(b"\n", 1)[1],  # header garbage
        lambda data: b"",  # empty
        lambda data: data.replace(b'"format": %d' % cache.FORMAT, b'"format": 99'),  # format
    ],
    ids=["truncated", "changed", "bad-header", "empty", "format"],
)
def test_a_corrupt_entry_is_detected_and_rebuilt(tmp_path: Path, damage: object) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    good = load_pack(root)
    (entry,) = entries("pack")
    data = entry.read_bytes()
    damaged = damage(data)  # type: ignore[operator]
    assert damaged != data
    entry.write_bytes(damaged)
    assert cache.read(root, "pack", _key(root)) is None
    assert load_pack(root) == good
    assert cache.read(root, "pack", _key(root)) is not None  # rewritten whole


def _forge(root: Path, body: bytes, stat: str | None = None) -> None:
    """Store `body` as the pack's entry, with a header and hash that check out."""
    assert cache.write(root, "pack", _key(root), body, stat)


def _rebuilt(root: Path, good: Pack) -> bool:
    body = cache.read(root, "pack", _key(root))
    return body is not None and Pack.model_validate_json(body) == good


def test_a_pickled_entry_cannot_run_code(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    good = load_pack(root)
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    _forge(root, pickle.dumps(Exploit()))
    assert load_pack(root) == good  # refused: the files were read again
    assert not marker.exists()
    assert _rebuilt(root, good)


def _with_ghost_cell(pack: Pack) -> bytes:
    """The pack's JSON with a dimension cell for a tool that does not exist."""
    data = json.loads(pack.model_dump_json())
    cell = {"text": {"en": "x"}}
    if data["dimensions"]:
        data["dimensions"][0]["cells"]["ghost"] = cell
    else:
        data["dimensions"] = [{"id": "d", "title": {"en": "D"}, "cells": {"ghost": cell}}]
    return json.dumps(data).encode()


def _nested(depth: int) -> bytes:
    return b'{"tools": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize(
    "body",
    [
        lambda pack: pickle.dumps(pack),  # the body format 2 wrote
        lambda pack: pack.tools[0].model_dump_json().encode(),  # not a pack
        lambda pack: b'{"tools": "nope"}',  # JSON of the wrong shape
        lambda pack: b"[1, 2, 3]",
        lambda pack: b"null",
        lambda pack: pack.model_dump_json().encode()[:-20],  # cut short, hash made to fit
        lambda pack: pack.model_dump_json().replace('"alpha"', '"Not An Id"').encode(),
        lambda pack: pack.model_dump_json()[:-1].encode() + b', "extra": 1}',
        lambda pack: b"\xff\xfe" + pack.model_dump_json().encode(),  # not UTF-8
        lambda pack: _nested(100_000),
        _with_ghost_cell,  # validates, but a reference is broken
        lambda pack: (
            pack.model_copy(
                update={
                    "relations": [
                        Relation(id="r", source="alpha", target="ghost", text=LocalizedText(en="x"))
                    ]
                }
            )
            .model_dump_json()
            .encode()
        ),
    ],
    ids=[
        "pickle",
        "not-a-pack",
        "wrong-shape",
        "a-list",
        "null",
        "cut-short",
        "bad-id",
        "extra-field",
        "not-utf8",
        "deeply-nested",
        "ghost-cell",
        "ghost-relation",
    ],
)
def test_an_entry_that_does_not_read_back_as_a_valid_pack_is_rebuilt(
    tmp_path: Path, body: Callable[[Pack], bytes]
) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    good = load_pack(root)
    forged = body(good)
    _forge(root, forged)
    assert cache.read(root, "pack", _key(root)) == forged  # the forgery passes the header
    assert loader._read_back(forged) is None
    assert load_pack(root) == good
    assert _rebuilt(root, good)


SHOW = [sys.executable, "-m", "orchexplorer", "--lang", "en", "show", "docker"]


def _show(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(SHOW, capture_output=True, text=True, cwd=REPO, env=env, timeout=60)


@pytest.mark.parametrize("route", ["content", "status"])
@pytest.mark.parametrize("forgery", ["wrong-shape", "ghost-cell"])
def test_show_survives_a_forged_entry_of_the_shipped_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forgery: str, route: str
) -> None:
    """A hash-valid entry with a well-formed header and a body that is JSON of the wrong
    shape, or a valid pack with a broken reference, is a miss: `show` answers as from the
    files, with no traceback, and the entry is rebuilt. `route`: the entry is found by the
    files' content key, or by their status key (found without reading the files)."""
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("ORCHEXPLORER_CACHE_DIR", str(cache_dir))
    env = dict(os.environ, ORCHEXPLORER_CACHE="off")
    expected = _show(env)
    assert expected.returncode == 0 and "Docker" in expected.stdout

    root = loader.default_content_dir()
    good = load_pack(root)
    stat = None
    if route == "status":
        stat = loader._stat_key(root, loader._pack_files(root, []))
        if stat is None:
            pytest.skip("the shipped pack's files changed moments ago")
    if forgery == "wrong-shape":
        forged = b'{"tools": [{"id": 5}], "dimensions": "none"}'
    else:  # a valid pack, but for its references: those are checked on reading back too
        forged = _with_ghost_cell(good)
        assert check_references(Pack.model_validate_json(forged))
    _forge(root, forged, stat)
    assert cache.read_entry(root, "pack", key=None if stat else _key(root), stat=stat)

    env.pop("ORCHEXPLORER_CACHE")
    result = _show(env)
    assert "Traceback" not in result.stderr, result.stderr
    assert (result.returncode, result.stdout, result.stderr) == (0, expected.stdout, "")
    assert _rebuilt(root, good)
    assert _show(env).stdout == expected.stdout  # and served from the rebuilt entry


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORCHEXPLORER_CACHE", "off")
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    load_pack(root)
    assert not (cache.cache_dir() / "packs").exists()


def test_an_unwritable_cache_is_simply_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ORCHEXPLORER_CACHE_DIR", str(blocker / "cache"))
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    assert load_pack(root) == load_pack(root)


def test_the_search_index_is_cached_with_the_pack(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A, "b.yaml": TOOL_B})
    assert cached_index(root) is None  # nothing cached yet
    built = build_index(load_pack(root))
    (entry,) = entries("index")
    index = cached_index(root)
    assert index is not None
    assert index.search("beta") == built.search("beta")
    assert index.tool_ids == ["alpha", "beta"]
    (root / "b.yaml").unlink()
    assert cached_index(root) is None  # the files changed: stale
    entry.write_bytes(entry.read_bytes()[:-5])
    assert cached_index(root) is None


def test_the_search_command_gives_the_same_answer_from_the_cache(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A, "b.yaml": TOOL_B})
    env = dict(os.environ, ORCHEXPLORER_CACHE_DIR=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "orchexplorer", "--content", str(root), "--lang", "en"]
    outputs = []
    for _ in range(2):  # cold, then from the cache
        result = subprocess.run(
            [*command, "search", "--json", "beta"],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1] and outputs[0][0]["id"] == "beta"
    assert list((tmp_path / "cache" / "packs").glob("*.index"))


def _key(root: Path) -> str:
    from orchexplorer.loader import pack_key

    found = pack_key(root)
    assert found is not None
    return found[1]


def test_unchanged_file_status_spares_reading_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchexplorer import loader

    monkeypatch.setattr(cache, "RACY_SECONDS", 0.0)  # files just written count as settled
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A, "b.yaml": TOOL_B})
    time.sleep(0.05)
    first = load_pack(root)
    reads: list[Path] = []
    real = loader._read_file

    def counting(path: Path, *args: object) -> bytes | None:
        reads.append(path)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "_read_file", counting)
    assert load_pack(root) == first
    assert reads == []  # served on the files' status alone
    index = build_index(first)
    assert cached_index(root) is not None and reads == []
    assert cached_index(root).search("beta") == index.search("beta")  # type: ignore[union-attr]


def test_a_write_that_keeps_size_and_time_is_still_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_SECONDS", 0.0)
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    time.sleep(0.05)
    load_pack(root)
    path = root / "a.yaml"
    before = path.stat()
    time.sleep(0.05)
    path.write_text(TOOL_A.replace("First", "Fyrst"), encoding="utf-8")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the old time
    assert path.stat().st_size == before.st_size
    assert load_pack(root).tools[0].tagline.get("en") == "Fyrst"


def test_files_changed_moments_ago_are_checked_by_content(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    load_pack(root)
    (entry,) = entries("pack")
    header = json.loads(entry.read_bytes().split(b"\n", 1)[0])
    assert header["stat"] is None  # just written: its times are not trusted yet


def test_an_entry_of_the_earlier_format_is_replaced_not_left_behind(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    old = cache.entry_path(root, "pack").with_name(cache.entry_path(root, "pack").name + ".json")
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_bytes(b'{"format": 1, "kind": "pack"}\n{}')  # as versions before 2 wrote it
    load_pack(root)
    assert [p.name for p in (cache.cache_dir() / "packs").iterdir()] == [
        cache.entry_path(root, "pack").name
    ]


# --------------------------------------------------------------------------------------
# the code stamp


def _package(tmp_path: Path, names: list[str]) -> Path:
    package = tmp_path / "orchexplorer"
    for name in names:
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(f"# {name}\n", encoding="utf-8")
    return package


def test_the_code_stamp_covers_every_module_of_a_search_package(tmp_path: Path) -> None:
    names = ["search/__init__.py", "search/index.py", "search/rank/score.py", "search/notes.txt"]
    package = _package(tmp_path, [*cache._CODE, *names])
    files = cache.code_files(package)
    assert files == [*cache._CODE, *names[:3]]  # .py files only, and no search.py
    before = cache._stamp_of(package)
    (package / "search" / "rank" / "score.py").write_text("# changed\n", encoding="utf-8")
    assert cache._stamp_of(package) != before


def test_the_code_stamp_covers_search_py_without_a_package(tmp_path: Path) -> None:
    package = _package(tmp_path, [*cache._CODE, "search.py"])
    assert cache.code_files(package) == [*cache._CODE, "search.py"]
    before = cache._stamp_of(package)
    (package / "search.py").write_text("# changed\n", encoding="utf-8")
    assert cache._stamp_of(package) != before


def test_the_code_stamp_names_modules_that_exist() -> None:
    package = Path(cache.__file__).resolve().parent
    files = cache.code_files(package)
    assert all((package / name).is_file() for name in files), files
    for shaping in ("model.py", "loader.py", "termtext.py", "cache.py"):
        assert shaping in files
    assert any(name == "search.py" or name.startswith("search/") for name in files)


# --------------------------------------------------------------------------------------
# a bounded cache


def _age(path: Path, seconds_ago: float) -> None:
    when = time.time() - seconds_ago
    os.utime(path, (when, when))


def _fill(tmp_path: Path, count: int, size: int) -> list[Path]:
    """Entries of `count` packs, `size` bytes of body each, written oldest first."""
    written = []
    for i in range(count):
        root = tmp_path / f"pack{i}"
        root.mkdir()
        assert cache.write(root, "pack", "k", b"x" * size)
        path = cache.entry_path(root, "pack")
        _age(path, 1000 - i)
        written.append(path)
    return written


def test_temporary_files_left_by_a_crash_are_removed(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    packs = cache.cache_dir() / "packs"
    packs.mkdir(parents=True)
    orphan = packs / f".{cache.entry_path(root, 'pack').name}.abc123.tmp"
    orphan.write_bytes(b"half an entry")
    _age(orphan, cache.STALE_TEMPORARY_SECONDS + 60)
    live = packs / ".other.index.def456.tmp"  # another process may be writing it now
    live.write_bytes(b"being written")
    load_pack(root)
    assert not orphan.exists()
    assert live.exists()
    assert entries("pack") == [cache.entry_path(root, "pack")]


def test_the_least_recently_written_entries_go_when_the_cache_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_BYTES", 10_000)
    written = _fill(tmp_path, 4, 2_000)  # about 8 KB: all kept
    assert all(p.exists() for p in written)
    root = tmp_path / "newest"
    root.mkdir()
    assert cache.write(root, "pack", "k", b"x" * 3_000)  # about 11 KB: the oldest one goes
    newest = cache.entry_path(root, "pack")
    assert [p.exists() for p in written] == [False, True, True, True]
    assert newest.exists()
    total = sum(p.stat().st_size for p in (cache.cache_dir() / "packs").iterdir())
    assert total <= cache.MAX_BYTES


def test_the_entry_just_written_is_kept_even_if_alone_too_big(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_BYTES", 10_000)
    older = _fill(tmp_path, 2, 1_000)
    root = write_pack(tmp_path / "big", {"a.yaml": TOOL_A})
    assert cache.write(root, "pack", "k", b"x" * 20_000)
    assert cache.write(root, "index", "k", b"y" * 20_000)  # the same pack's: kept as well
    assert not any(p.exists() for p in older)
    assert sorted(p.name for p in (cache.cache_dir() / "packs").iterdir()) == sorted(
        [cache.entry_path(root, "pack").name, cache.entry_path(root, "index").name]
    )
    assert cache.read(root, "pack", "k") == b"x" * 20_000


def test_a_pack_path_keeps_its_newest_files_only(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    other = tmp_path / "q"
    other.mkdir()
    assert cache.write(other, "pack", "k", b"other")
    _age(cache.entry_path(other, "pack"), 2000)
    kinds = [f"kind{i}" for i in range(cache.MAX_PER_PACK + 3)]
    for i, kind in enumerate(kinds):
        assert cache.write(root, kind, "k", kind.encode())
        _age(cache.entry_path(root, kind), 1000 - i)  # each newer than the one before
    kept = [k for k in kinds if cache.entry_path(root, k).exists()]
    assert kept == kinds[-cache.MAX_PER_PACK :]  # the newest
    assert cache.read(other, "pack", "k") == b"other"  # another pack's are not counted
    for kind in kept:  # files dated in the future (a clock set back): still the one written
        _age(cache.entry_path(root, kind), -1000)
    assert cache.write(root, "late", "k", b"late")
    assert cache.read(root, "late", "k") == b"late"
    assert sum(cache.entry_path(root, k).exists() for k in kinds) == cache.MAX_PER_PACK - 1


def test_tidying_ignores_what_is_not_an_entry(tmp_path: Path) -> None:
    packs = cache.cache_dir() / "packs"
    (packs / "a-directory").mkdir(parents=True)
    root = tmp_path / "p"
    root.mkdir()
    assert cache.write(root, "pack", "k", b"body")
    assert (packs / "a-directory").is_dir()
