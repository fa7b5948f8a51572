"""Shared fixtures: every test gets its own settings directory and a fixed language.

Isolation starts when this file is imported, before any test module is: settings, the pack
cache and every directory derived from HOME or XDG_* point into one temporary directory for
the session (per process, so per xdist worker too), and any ORCHEXPLORER_* setting of the
person running the tests is dropped. A test module that loads a pack at import time therefore
writes nowhere real either. tests/test_isolation.py proves it.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from orchexplorer.model import Pack

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The environment as the person running the tests had it, for the rare child process that
# must see their own tools' settings (pip's index, say): see user_tool_env().
USER_HOME_ENV = {
    key: os.environ.get(key)
    for key in ("HOME", *(f"XDG_{d}_HOME" for d in ("CONFIG", "CACHE", "DATA", "STATE")))
}

SESSION_DIR = Path(tempfile.mkdtemp(prefix="orchexplorer-tests-"))
for _name in [name for name in os.environ if name.startswith("ORCHEXPLORER_")]:
    del os.environ[_name]
os.environ.update(
    {
        "HOME": str(SESSION_DIR / "home"),
        "XDG_CONFIG_HOME": str(SESSION_DIR / "home" / ".config"),
        "XDG_CACHE_HOME": str(SESSION_DIR / "home" / ".cache"),
        "XDG_DATA_HOME": str(SESSION_DIR / "home" / ".local" / "share"),
        "XDG_STATE_HOME": str(SESSION_DIR / "home" / ".local" / "state"),
        "ORCHEXPLORER_CONFIG_DIR": str(SESSION_DIR / "config"),
        "ORCHEXPLORER_CACHE_DIR": str(SESSION_DIR / "cache"),
        "TEXTUAL_ANIMATIONS": "none",
    }
)
(SESSION_DIR / "home").mkdir()
# Removed when pytest is done, or at exit when this module was imported some other way.
atexit.register(shutil.rmtree, SESSION_DIR, ignore_errors=True)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(SESSION_DIR, ignore_errors=True)


def user_tool_env() -> dict[str, str]:
    """os.environ with HOME and XDG_* as the person running the tests had them."""
    env = dict(os.environ)
    for key, value in USER_HOME_ENV.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


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
