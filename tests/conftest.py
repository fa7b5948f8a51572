"""Shared fixtures: every test gets its own settings directory and a fixed language."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from orchexplorer.model import Pack

os.environ["TEXTUAL_ANIMATIONS"] = "none"

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    config_dir = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("ORCHEXPLORER_CONFIG_DIR", str(config_dir))
    monkeypatch.setenv("ORCHEXPLORER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("ORCHEXPLORER_LANG", raising=False)
    monkeypatch.delenv("ORCHEXPLORER_CONTENT", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    yield config_dir


@pytest.fixture
def config_dir(_isolated_settings: Path) -> Path:
    return _isolated_settings


def write_pack(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write a pack of files (relative path -> text or bytes) under `root`."""
    root.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")
    return root


TOOL_A = """\
tools:
  - id: alpha
    name: Alpha
    kind: Tool
    tagline: First
    summary: {ko: 알파, en: Alpha summary}
"""


@pytest.fixture(scope="session")
def shipped_pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    """The shipped pack, loaded once, through a cache directory of its own (the per-test
    isolation above starts later than a session fixture)."""
    from orchexplorer.loader import load_pack

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ORCHEXPLORER_CACHE_DIR", str(tmp_path_factory.mktemp("pack-cache")))
        return load_pack()
