"""The wheel carries the shipped pack: installed in a fresh venv, run from elsewhere.

Slow (a wheel build and a venv): `pytest -m slow` runs it, as .ci/run does."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, user_tool_env

pytestmark = pytest.mark.slow


def _without_pythonpath(env: dict[str, str]) -> dict[str, str]:
    """PYTHONPATH would put this checkout before the installed package."""
    return {key: value for key, value in env.items() if key != "PYTHONPATH"}


# pip sees the user's own pip settings (their index, say) but writes no cache of theirs.
PIP_ENV = {**_without_pythonpath(user_tool_env()), "PIP_NO_CACHE_DIR": "1"}


def test_wheel_installs_and_validates_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(REPO),
        ],
        check=True,
        timeout=300,
        env=PIP_ENV,
    )
    (wheel,) = dist.glob("orchexplorer-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "orchexplorer/_content/tools/kubernetes.yaml" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", str(wheel)], check=True, timeout=600, env=PIP_ENV)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(venv / "bin" / "orchexplorer"), "validate"],
        cwd=elsewhere,
        env=_without_pythonpath(dict(os.environ)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # the wheel carries the whole shipped pack: as many tools as the source tree's
    from orchexplorer.loader import load_pack

    assert result.stdout.startswith(f"content pack is valid: {len(load_pack().tools)} tools, ")
    located = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "from orchexplorer.loader import default_content_dir; print(default_content_dir())",
        ],
        cwd=elsewhere,
        env=_without_pythonpath(dict(os.environ)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "site-packages/orchexplorer/_content" in located.stdout
