"""Interface abuse: thousands of seeded random keys over every screen and dialog, at several
sizes with resizes while running. The app must never raise and must still quit with `q`.

The long run is marked slow (`pytest -m slow`, as .ci/run does); a short one runs by default."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from orchexplorer.loader import load_pack
from tests.tui_helpers import make_app

# Every key the app binds somewhere, plus navigation and a few that mean nothing. `q` and
# ctrl+c are left out so the run goes on; ctrl+q quits too, so it is left out as well.
KEYS = [
    *"jklcdgsrayxnoe123456789/?<>[]",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "tab",
    "shift+tab",
    "enter",
    "escape",
    "backspace",
    "space",
    "ctrl+p",
    "delete",
    "question_mark",
    "slash",
    "less_than_sign",
    "greater_than_sign",
]
SIZES = [(80, 24), (120, 40), (50, 15), (30, 10), (200, 60)]


async def _mash(
    seed: int,
    keys: int,
    size: tuple[int, int] | None,
    config_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    resize_every: int = 100,
) -> None:
    """`keys` seeded random keys from `size` on (None: a random one), a random resize every
    `resize_every`; then the app must still be running and quit with status 0."""
    rng = random.Random(seed)
    app = make_app(load_pack(), config_dir, lang=rng.choice(["en", "ko"]))
    monkeypatch.setattr(app, "open_url", lambda url, **kw: None)  # `o` must not start a browser
    size = size or rng.choice(SIZES)
    async with app.run_test(size=size) as pilot:
        for step in range(keys):
            if step % resize_every == resize_every - 1:
                await pilot.resize_terminal(*rng.choice(SIZES))
            await pilot.press(rng.choice(KEYS))
            assert app.is_running, f"the app stopped after {step + 1} keys (seed {seed})"
        await app.workers.wait_for_complete()
        # Whatever screen or dialog is open, Escape enough times and q ends the app.
        for _ in range(8):
            await pilot.press("escape")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@pytest.mark.parametrize(
    ("seed", "size"),
    [(1, (80, 24)), pytest.param(5, (30, 10), marks=pytest.mark.slow)],
)
async def test_a_few_random_keys_never_break_the_app(
    seed: int, size: tuple[int, int], config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The default run's short version (seed 1 in English, seed 5 in Korean): a crash in
    # common paths shows up here.
    await _mash(seed, 150, size, config_dir, monkeypatch, resize_every=75)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_random_keys_never_break_the_app(
    seed: int, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _mash(seed, 700, None, config_dir, monkeypatch)
