"""Drive `orchexplorer serve` the way a browser does: over its web socket, with the
terminal output fed into pyte, a terminal emulator that handles wide characters."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pyte


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def children_of(pid: int) -> list[int]:
    """Every live descendant of `pid`, from /proc (zombies included)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        parents[int(entry.name)] = int(fields[1])
    found: list[int] = []
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == parent]
        found += kids
        frontier += kids
    return found


@contextlib.contextmanager
def served(tmp_path: Path, *args: str) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """`orchexplorer serve` on a free loopback port; stopped (and checked) afterwards."""
    port = free_port()
    env = dict(os.environ)
    env.update(
        ORCHEXPLORER_CACHE_DIR=str(tmp_path / "cache"),
        ORCHEXPLORER_CONFIG_DIR=str(tmp_path / "config"),
        ORCHEXPLORER_SAVE_DIR=str(tmp_path / "saved"),
        TEXTUAL_ANIMATIONS="none",
    )
    env.pop("TEXTUAL_DRIVER", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "orchexplorer", "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in first, first
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # listening once a connection is accepted
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            time.sleep(0.05)
        yield proc, port
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:  # pragma: no cover - a hang is a failure below
            proc.kill()
            proc.wait(5)


class Session:
    """One browser-like session: a web socket and the screen it draws."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse, width: int, height: int) -> None:
        self.ws = ws
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.texts: list[Any] = []

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    async def send(self, data: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", data]))

    async def until(self, predicate: Callable[[Session], bool], timeout: float = 20.0) -> None:
        """Read frames until `predicate(self)` holds; fail with the screen if it never does."""
        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        while not predicate(self):
            left = end - loop.time()
            if left <= 0:
                raise AssertionError("screen never matched:\n" + self.text)
            try:
                msg = await self.ws.receive(timeout=left)
            except TimeoutError:
                continue
            if msg.type == aiohttp.WSMsgType.BINARY:
                self.raw += msg.data
                self.stream.feed(msg.data)
            elif msg.type == aiohttp.WSMsgType.TEXT:
                self.texts.append(json.loads(msg.data))
            else:
                raise AssertionError(f"socket closed ({msg.type}):\n" + self.text)

    async def shows(self, *needles: str, timeout: float = 20.0) -> None:
        """Wait until every one of `needles` is on the screen at once."""
        await self.until(lambda s: all(n in s.text for n in needles), timeout)


@contextlib.asynccontextmanager
async def session(port: int, width: int = 100, height: int = 30) -> Any:
    # A session that hangs fails the test instead of hanging the run.
    async with (
        asyncio.timeout(120),
        aiohttp.ClientSession() as http,
        http.ws_connect(
            f"http://127.0.0.1:{port}/ws?width={width}&height={height}",
            timeout=aiohttp.ClientWSTimeout(ws_receive=None, ws_close=5.0),
        ) as ws,
    ):
        await ws.send_str(json.dumps(["resize", {"width": width, "height": height}]))
        yield Session(ws, width, height)
