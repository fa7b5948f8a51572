"""First paint, measured from outside: a program started for real in a pseudo-terminal.

`first_paint(argv, markers)` starts `argv` with a new pseudo-terminal as its stdin, stdout
and stderr (a fixed size, `TERM=xterm-256color`), reads everything the program writes to
the terminal, and stops the clock when every marker (a piece of text that appears only
once the first real screen is drawn, such as a tab label, a footer key and the first tool's
name) has been written. The clock starts just before the process is spawned, so the time
includes the interpreter's start, every import, loading the content and Textual's first
frame: what a person waits for after pressing Enter.

Then it sends `q`, waits for the process to exit (killing it after a few seconds if it does
not) and reads its peak resident memory from `wait4`'s resource usage (`ru_maxrss`).

Nothing in the measured program is patched or subclassed: the same harness measures
`orchexplorer` and the bare Textual app.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Paint:
    seconds: float  # from spawn until every marker was written to the terminal
    max_rss_kb: int  # peak resident memory of the process (kB)
    exit_code: int | None


class PaintError(RuntimeError):
    pass


def first_paint(
    argv: Sequence[str],
    markers: Sequence[str],
    env: Mapping[str, str] | None = None,
    cols: int = 100,
    rows: int = 30,
    timeout: float = 30.0,
) -> Paint:
    """Start `argv` in a pseudo-terminal; time until all `markers` are on the terminal."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    full_env = dict(os.environ if env is None else env)
    full_env.setdefault("TERM", "xterm-256color")
    full_env.setdefault("COLORTERM", "truecolor")
    wanted = [m.encode("utf-8") for m in markers]
    output = bytearray()
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=full_env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    painted: float | None = None
    status: int | None = None
    rusage = None
    try:
        deadline = start + timeout
        while painted is None:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise PaintError(f"no first paint after {timeout:.0f} s: {_tail(output)}")
            ready, _, _ = select.select([master], [], [], min(left, 0.5))
            if not ready:
                if proc.poll() is not None:
                    raise PaintError(f"exited before painting: {_tail(output)}")
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the program closed the terminal
                raise PaintError(f"terminal closed before painting: {_tail(output)}") from None
            output += chunk
            if all(m in output for m in wanted):
                painted = time.perf_counter() - start
        os.write(master, b"q")
        quit_by = time.perf_counter() + 10.0
        killed = False
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > quit_by and not killed:
                os.killpg(proc.pid, signal.SIGKILL)
                killed = True
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                with contextlib.suppress(OSError):  # keep the terminal drained so it can exit
                    os.read(master, 65536)
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        os.close(master)
    return Paint(painted, rusage.ru_maxrss, proc.returncode)


def _tail(output: bytearray) -> str:
    return bytes(output[-300:]).decode("utf-8", "replace")
