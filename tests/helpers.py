"""Helpers shared by test modules."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.pilot import Pilot


async def wait_for(
    pilot: Pilot[Any], predicate: Callable[[], object], timeout: float = 5.0
) -> None:
    """Let the app run until `predicate()` holds; fail the test after `timeout` seconds.

    Instead of a fixed pause: fast when the app is, and patient on a loaded machine."""
    give_up = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() >= give_up:
            raise AssertionError(f"not true within {timeout} s: {predicate}")
        await pilot.pause(0.02)
