"""Small helpers shared by test modules: waiting on a condition, reading a closed pipe."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tests.conftest import REPO

if TYPE_CHECKING:
    from textual.pilot import Pilot


async def wait_for(
    pilot: Pilot[Any], predicate: Callable[[], object], timeout: float = 5.0
) -> None:
    """Let the app run until `predicate()` is true; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout} s: {predicate}")
        await pilot.pause(0.02)


async def notified(pilot: Pilot[Any], words: str) -> None:
    """Wait until a notification saying `words` has been shown."""
    await wait_for(pilot, lambda: any(words in n.message for n in pilot.app._notifications))


@dataclass(frozen=True)
class PipeRun:
    returncode: int
    read: bytes
    stderr: str


def run_into_closed_pipe(*args: str, read: int = 0) -> PipeRun:
    """`python -m orchexplorer *args` writing into a pipe whose reader takes `read` bytes and
    then closes it, as `| head -c N` does. With read=0 the reader has gone before the program
    starts, so its first write fails. Otherwise the reader leaves while the program is still
    writing only if the output is larger than the pipe's buffer (64 KiB on Linux)."""
    command = [sys.executable, "-m", "orchexplorer", *args]
    if read == 0:
        reader, writer = os.pipe()
        os.close(reader)
        try:
            result = subprocess.run(
                command, stdout=writer, stderr=subprocess.PIPE, cwd=REPO, timeout=60
            )
        finally:
            os.close(writer)
        return PipeRun(result.returncode, b"", result.stderr.decode())
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO
    ) as process:
        assert process.stdout is not None
        first = process.stdout.read(read)
        process.stdout.close()
        try:
            _, stderr = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    return PipeRun(process.returncode, first, stderr.decode())


def check_column_says_what_to_do(pack: Any, tool: str) -> int:
    """Every cell of `tool`'s portability column is in both languages (Korean in Korean,
    no "seed"), and every cell it does not support says what to do instead; returns how
    many cells were not supported (so a caller can check it looked at something)."""
    import re

    hangul = re.compile(r"[가-힣]")
    unsupported = 0
    for ckey in pack.compose_keys:
        cell = ckey.support[tool]
        for text in (cell.text, cell.workaround):
            if text is not None:
                assert text.ko and text.en, ckey.id
                assert hangul.search(text.ko), f"{ckey.id}: Korean text is not Korean"
                assert "seed" not in text.en.lower(), ckey.id
        if cell.level == "supported":
            continue
        unsupported += 1
        assert cell.workaround is not None, f"{ckey.id}: {cell.level} without a workaround"
        assert cell.workaround.ko and cell.workaround.en, ckey.id
    return unsupported
