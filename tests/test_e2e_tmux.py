"""End to end: the installed `orchexplorer` in a real terminal (tmux), keys in, screen out.

Each test runs its own tmux server (a socket of its own), so tests in parallel, or a tmux
the user has open, never meet."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
# A real terminal and a real install: slow (`pytest -m slow`, which .ci/run runs).
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)"),
]


def _env(tmp_path: Path) -> str:
    """Settings and the pack cache in the test's own directory, never the user's."""
    config = shlex.quote(str(tmp_path))
    cache = shlex.quote(str(tmp_path / "cache"))
    return f"ORCHEXPLORER_CONFIG_DIR={config} ORCHEXPLORER_CACHE_DIR={cache} TERM=xterm-256color"


Tmux = Callable[..., str]


@pytest.fixture
def tmux(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tmux]:
    """Run a tmux command against this test's own server (no user configuration); the
    server is killed after."""
    socket = str(tmp_path_factory.mktemp("tmux") / "socket")

    def run(*args: str) -> str:
        result = subprocess.run(
            ["tmux", "-S", socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=30,
        )
        return result.stdout

    yield run
    run("kill-server")


def _wait_for(tmux: Tmux, session: str, *texts: str, timeout: float = 20.0) -> str:
    """The screen once every one of `texts` is on it (the first paint comes in parts)."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if all(text in screen for text in texts):
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{texts!r} did not all appear; screen was:\n{screen}")


def test_real_terminal_session(tmp_path: Path, tmux: Tmux) -> None:
    exe = Path(sys.executable).parent / "orchexplorer"
    assert exe.exists(), "orchexplorer is not installed in this environment"
    status = tmp_path / "status"
    session = f"ox-{uuid.uuid4().hex[:8]}"
    program = f"{_env(tmp_path)} {shlex.quote(str(exe))} --lang en"
    command = f"{program}; echo $? > {shlex.quote(str(status))}; sleep 5"
    tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", session, command)
    _wait_for(tmux, session, "Docker Compose", "Kubernetes", "Overview", "Quit")
    tmux("send-keys", "-t", session, "Down", "Down", "Down", "2")  # Kubernetes, Features
    _wait_for(tmux, session, "Self-healing", "Kubernetes › Features")  # the breadcrumb too
    tmux("send-keys", "-t", session, "l")
    _wait_for(tmux, session, "셀프 힐링", "기능", "종료")
    tmux("send-keys", "-t", session, "q")
    deadline = time.monotonic() + 20
    while not status.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert status.read_text().strip() == "0"
    assert '"lang": "ko"' in (tmp_path / "config.json").read_text()


def test_ctrl_c_quits_cleanly_and_no_color_stays_readable(tmp_path: Path, tmux: Tmux) -> None:
    exe = Path(sys.executable).parent / "orchexplorer"
    status = tmp_path / "status"
    session = f"ox-{uuid.uuid4().hex[:8]}"
    program = f"{_env(tmp_path)} NO_COLOR=1 {shlex.quote(str(exe))} --lang ko --tool swarm"
    command = f"{program}; echo $? > {shlex.quote(str(status))}; sleep 5"
    tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", session, command)
    # without colour, the current tool is still marked by a symbol
    _wait_for(tmux, session, "▸ Docker Swarm", "종료")
    tmux("send-keys", "-t", session, "C-c")
    deadline = time.monotonic() + 20
    while not status.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert status.read_text().strip() == "0"
    screen = tmux("capture-pane", "-p", "-t", session)
    assert "Traceback" not in screen
