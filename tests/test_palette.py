"""The command palette builds its commands once per pack and language, not on every key."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette

from orchexplorer.loader import load_pack
from orchexplorer.tui import commands
from tests.helpers import wait_for
from tests.tui_helpers import make_app


async def test_typing_in_the_palette_builds_the_commands_once(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[str] = []
    real = commands.palette_commands

    def counting(app: object) -> list[commands.PaletteCommand]:
        builds.append(app.lang)  # type: ignore[attr-defined]
        return real(app)  # type: ignore[arg-type]

    monkeypatch.setattr(commands, "palette_commands", counting)
    app = make_app(load_pack(), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"rolling")

        def found() -> bool:
            listed = app.screen.query(CommandList)
            return bool(listed) and listed.first().option_count > 0

        await wait_for(pilot, found)
        assert builds == ["en"]  # seven keys and the opening: one build
        await pilot.press("escape")
        await pilot.press("l")  # another language: built again, once
        await wait_for(pilot, lambda: app.lang == "ko")
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"kube")
        await wait_for(pilot, found)
        assert builds == ["en", "ko"]


def test_the_quick_check_never_drops_what_the_fuzzy_match_would_find() -> None:
    from orchexplorer.tui.commands import could_match

    assert could_match("cmp dk", "compare docker with kubernetes")
    assert could_match("도커", "docker 도커 보기")
    assert not could_match("kd", "docker")  # not in this order
    assert not could_match("zz", "docker")
    assert could_match("", "anything") and could_match("   ", "")
