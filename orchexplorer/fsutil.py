"""Writing files so that a crash never leaves half of one. Standard library only."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: bytes, *, fsync: bool = True) -> None:
    """Write `data` to `path` through a temporary file in the same directory, renamed over
    it: a reader sees the old file or the new one, never a part. The temporary file is
    removed if anything fails. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if fsync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def remove_stale_temporaries(directory: Path, older_than: float, now: float) -> int:
    """Remove temporary files `atomic_write` left behind in `directory` (a crash between
    creating and renaming one) last changed more than `older_than` seconds before `now`.
    Returns how many were removed; errors are ignored."""
    removed = 0
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
            continue
        with contextlib.suppress(OSError):
            if now - entry.stat(follow_symlinks=False).st_mtime > older_than:
                os.unlink(entry.path)
                removed += 1
    return removed
