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

import pytest

from orchexplorer import cache
from orchexplorer.index_cache import build_index, cached_index
from orchexplorer.loader import PackError, _pack_stamp, load_pack
from orchexplorer.model import LocalizedText, Pack, Relation
from tests.conftest import REPO, TOOL_A, write_pack

TOOL_B = TOOL_A.replace("alpha", "beta").replace("Alpha", "Beta")


def entries(kind: str) -> list[Path]:
    return sorted((cache.cache_dir() / "packs").glob(f"*.{kind}"))


def test_tests_keep_the_cache_in_a_temporary_directory(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    assert os.environ["ORCHEXPLORER_CACHE_DIR"].startswith(str(tmp_path_factory.getbasetemp()))


def test_a_loaded_pack_is_cached_and_read_back_equal(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A, "b.yml": TOOL_B})
    first = load_pack(root)
    assert len(entries("pack")) == 1
    second = load_pack(root)
    assert second == first and second is not first


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


def _forge(root: Path, body: bytes) -> None:
    """Store `body` as the pack's entry, with a header and hash that check out."""
    assert cache.write(root, "pack", _key(root), body)


def test_a_forged_entry_cannot_run_code(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    good = load_pack(root)
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    _forge(root, pickle.dumps((_pack_stamp(), Exploit())))
    assert load_pack(root) == good  # refused: the files were read again
    assert not marker.exists()
    assert pickle.loads(cache.read(root, "pack", _key(root)) or b"")[1] == good  # rewritten


def test_a_forged_pack_with_a_broken_reference_is_not_trusted(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    good = load_pack(root)
    ghost = Relation(id="r", source="alpha", target="ghost", text=LocalizedText(en="x"))
    forged = good.model_copy(update={"relations": [ghost]})
    _forge(root, pickle.dumps((_pack_stamp(), forged)))
    assert load_pack(root) == good


@pytest.mark.parametrize(
    "body",
    [
        lambda pack: pickle.dumps((("orchexplorer-pack", "0.1", "3.0"), pack)),  # other pydantic
        lambda pack: pickle.dumps((_pack_stamp(), pack.tools[0])),  # not a pack
        lambda pack: pickle.dumps(pack),  # no stamp
        lambda pack: pack.model_dump_json().encode(),  # the old JSON body
    ],
    ids=["other-versions", "not-a-pack", "no-stamp", "json"],
)
def test_an_entry_that_does_not_read_back_as_a_pack_is_rebuilt(
    tmp_path: Path, body: Callable[[Pack], bytes]
) -> None:
    root = write_pack(tmp_path / "p", {"a.yaml": TOOL_A})
    good = load_pack(root)
    _forge(root, body(good))
    again = load_pack(root)
    assert again == good
    stamp, cached = pickle.loads(cache.read(root, "pack", _key(root)) or b"")
    assert stamp == _pack_stamp() and cached == good  # the entry was rebuilt


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
