"""`orchexplorer serve`: the app in a browser, checked over its web socket (no browser)."""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from orchexplorer.commands import Context
from orchexplorer.commands.serve import app_command, is_loopback
from tests.serve_helpers import Session, children_of, served, session

# Servers and one process per session: slow (`pytest -m slow`, which .ci/run runs).
pytestmark = pytest.mark.slow

pytest.importorskip("textual_serve")


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orchexplorer", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


# ---------------------------------------------------------------------- the command line


def test_loopback_addresses() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("127.8.9.1") and is_loopback("::1")
    assert is_loopback("localhost") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")
    assert not is_loopback("example.org") and not is_loopback("::")


def test_session_command_quotes_the_pack_path(tmp_path: Path) -> None:
    pack = tmp_path / "my pack; rm -rf ~"
    command = app_command(Context(lang="ko", content=pack))
    assert command.startswith("exec ")
    assert f"'{pack.resolve()}'" in command and "--lang ko" in command


def test_a_reachable_host_needs_public() -> None:
    done = _cli("serve", "--host", "0.0.0.0")
    assert done.returncode == 2
    assert "--public" in done.stderr and "Traceback" not in done.stderr


def test_a_bad_port_is_a_usage_error() -> None:
    for port in ("0", "70000"):
        done = _cli("serve", "--port", port)
        assert done.returncode == 2 and "port" in done.stderr, done.stderr
    done = _cli("serve", "--port", "eighty")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_missing_extra_says_how_to_install_it() -> None:
    code = (
        "import sys; sys.modules['textual_serve'] = None\n"
        "from orchexplorer.cli import main; raise SystemExit(main(['serve']))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 1
    assert "pip install 'orchexplorer[web]'" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_port_in_use_is_reported() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = _cli("serve", "--port", str(port))
    assert done.returncode == 1
    assert f"127.0.0.1:{port}" in done.stderr and "Traceback" not in done.stderr


def test_a_broken_pack_is_not_served(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text("tools: [unclosed\n", encoding="utf-8")
    done = _cli("serve", "--content", str(tmp_path), "--port", "1")
    assert done.returncode == 1 and "pack.yaml:" in done.stderr


# ---------------------------------------------------------------------- over the web socket


def _border_columns(s: Session) -> set[int]:
    """The columns of the sidebar's right border on every row that has one."""
    columns = set()
    for y in range(s.screen.lines):
        row = s.screen.buffer[y]
        for x in range(s.screen.columns):
            if row[x].data == "▕":
                columns.add(x)
                break
    return columns


async def test_first_screen_in_english_then_korean_aligned(tmp_path: Path) -> None:
    with served(tmp_path, "--lang", "en") as (_proc, port):
        async with session(port) as s:
            await s.shows("orchexplorer — English", "Multi-container tool", "Kubernetes")
            english = _border_columns(s)
            await s.send("l")
            await s.shows("orchexplorer — 한국어", "멀티 컨테이너 도구", "개요")
            # Hangul takes two cells: the sidebar border stays in one column on every row.
            korean = _border_columns(s)
            assert len(korean) == 1 and korean == english


async def test_served_in_korean(tmp_path: Path) -> None:
    with served(tmp_path, "--lang", "ko") as (_proc, port):
        async with session(port, 80, 24) as s:
            await s.shows("orchexplorer — 한국어", "개요", "컨테이너 플랫폼")


async def test_keys_search_and_comparison(tmp_path: Path) -> None:
    with served(tmp_path, "--lang", "en") as (_proc, port):
        async with session(port) as s:
            await s.shows("Multi-container tool")
            await s.send("2")  # Features tab
            await s.shows("Building images")
            await s.send("/")
            await s.shows("Search features, use cases")
            for ch in "rolling":
                await s.send(ch)
            await s.shows("Rolling updates and rollback")
            await s.send("\x1b")
            await s.until(lambda x: "Rolling updates and rollback" not in x.text)
            await s.send("c")
            await s.shows("≠")
            assert "Kubernetes" in s.text


async def test_o_opens_a_browser_tab(tmp_path: Path) -> None:
    with served(tmp_path, "--lang", "en") as (_proc, port):
        async with session(port) as s:
            await s.shows("Multi-container tool")
            await s.send("o")
            await s.until(lambda x: any(m[0] == "open_url" for m in x.texts))
            opened = next(m[1] for m in s.texts if m[0] == "open_url")
            assert opened["url"].startswith("https://docs.docker.com")


async def test_copy_and_save_work_in_the_browser(tmp_path: Path) -> None:
    from orchexplorer.loader import load_pack

    docker = load_pack().tool("docker")
    assert docker is not None
    code = docker.examples[0].code
    with served(tmp_path, "--lang", "en") as (_proc, port):
        async with session(port) as s:
            await s.shows("Multi-container tool")
            await s.send("4")
            await s.shows(docker.examples[0].title.en)
            await s.send("y")  # OSC 52: the browser's terminal puts it on the clipboard
            osc = b"\x1b]52;c;" + base64.b64encode(code.encode())
            await s.until(lambda x: osc in x.raw)
            await s.send("s")  # the fallback: a download
            await s.until(lambda x: any(m[0] == "deliver_file_start" for m in x.texts))
            key = next(m[1] for m in s.texts if m[0] == "deliver_file_start")
            async with (
                aiohttp.ClientSession() as http,
                http.get(f"http://127.0.0.1:{port}/download/{key}") as response,
            ):
                assert response.status == 200
                assert "attachment" in response.headers["Content-Disposition"]
                assert (await response.text()) == code
    assert not (tmp_path / "saved").exists()  # nothing written on the server's disk


async def test_every_session_is_its_own_process(tmp_path: Path) -> None:
    with served(tmp_path, "--lang", "en") as (proc, port):
        async with session(port) as first, session(port) as second:
            await first.shows("Multi-container tool")
            await second.shows("Multi-container tool")
            await first.send("l")
            await first.shows("멀티 컨테이너 도구")
            await second.send("3")  # the other session is unaffected by the first
            await second.shows("Use cases")
            assert "멀티 컨테이너 도구" not in second.text
            assert len(children_of(proc.pid)) >= 2
        _wait_no_children(proc.pid)


def _wait_no_children(pid: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while children_of(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert children_of(pid) == [], "processes left behind"


async def _cycles(tmp_path: Path, count: int) -> None:
    with served(tmp_path, "--lang", "en") as (proc, port):
        for n in range(count):
            async with session(port, 80, 24) as s:
                if n % 2 == 0:  # every other tab is closed before the app has drawn
                    await s.until(lambda x: len(x.raw) > 0)
        _wait_no_children(proc.pid, timeout=60)
        assert proc.poll() is None  # the server itself is still up
        async with session(port) as s:
            await s.shows("Multi-container tool")


async def test_connect_and_disconnect_leave_no_process(tmp_path: Path) -> None:
    await _cycles(tmp_path, 6)


@pytest.mark.slow
async def test_a_hundred_cycles_leave_no_process(tmp_path: Path) -> None:
    await _cycles(tmp_path, 100)
