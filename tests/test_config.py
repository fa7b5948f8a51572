"""Settings: atomic writes, nothing lost on a crash, corrupt files ignored and kept."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from orchexplorer.config import load_config, save_setting


def test_save_and_load_round_trip(config_dir: Path) -> None:
    assert save_setting("lang", "ko") is None
    assert load_config().lang == "ko"
    assert save_setting("other", 3) is None
    assert load_config().values == {"lang": "ko", "other": 3}  # other settings are kept


def test_crash_mid_write_leaves_the_old_file(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_setting("lang", "en")
    before = (config_dir / "config.json").read_bytes()

    def crash(*args: object, **kwargs: object) -> None:
        handle = args[1]
        handle.write('{"lang": "k')  # type: ignore[attr-defined]  # half written, then dies
        raise KeyboardInterrupt

    monkeypatch.setattr(json, "dump", crash)  # the json module config.py writes with
    with pytest.raises(KeyboardInterrupt):
        save_setting("lang", "ko")
    assert (config_dir / "config.json").read_bytes() == before
    assert sorted(os.listdir(config_dir)) == ["config.json"]  # no temp file left behind


@pytest.mark.parametrize(
    "body", [b"{not json", b"[1, 2]", b"\xff\xfe", b'"just a string"', b"x" * 70_000]
)
def test_corrupt_file_is_ignored_with_a_reason_and_not_rewritten(
    config_dir: Path, body: bytes
) -> None:
    path = config_dir / "config.json"
    path.write_bytes(body)
    loaded = load_config()
    assert loaded.values == {} and loaded.lang is None
    assert loaded.problem is not None and str(path) in loaded.problem
    assert path.read_bytes() == body  # reading never writes


def test_unreadable_directory_reports_instead_of_raising(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = config_dir / "blocked"
    target.write_text("a file where a directory should be")
    monkeypatch.setenv("ORCHEXPLORER_CONFIG_DIR", str(target))
    problem = save_setting("lang", "ko")
    assert problem is not None and "blocked" in problem


def test_changing_a_setting_replaces_a_corrupt_file(config_dir: Path) -> None:
    path = config_dir / "config.json"
    path.write_text("{broken")
    assert save_setting("lang", "ko") is None
    assert json.loads(path.read_text()) == {"lang": "ko"}
