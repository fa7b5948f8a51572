"""App-wide keys and the language: the keys are the app's, bound once and working on every
full screen; every screen and widget follows the app's `lang` by watching it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from orchexplorer.lang import Lang
from orchexplorer.loader import load_pack
from orchexplorer.model import Pack
from orchexplorer.tui.app import OrchExplorerApp
from orchexplorer.tui.screens.explorer import ExplorerScreen
from orchexplorer.tui.screens.guide import GuideScreen
from orchexplorer.tui.screens.help import HelpScreen
from tests.conftest import FIXTURES
from tests.tui_helpers import make_app, screen_text

MARKUP = FIXTURES / "markup"
APP_KEYS = ("q", "question_mark", "slash", "g", "l")


def footer(app: OrchExplorerApp) -> str:
    return screen_text(app).splitlines()[-1]


async def until(pilot: Pilot[int], condition: Callable[[], bool], tries: int = 50) -> bool:
    """Let the app run until `condition` holds (False if it never does)."""
    for _ in range(tries):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


def in_order(text: str, parts: list[str]) -> bool:
    positions = [text.find(part) for part in parts]
    return -1 not in positions and positions == sorted(positions)


async def open_guide(pilot: Pilot[int], app: OrchExplorerApp) -> GuideScreen:
    await pilot.press("g")
    await pilot.pause()
    assert isinstance(app.screen, GuideScreen)
    return app.screen


async def test_app_wide_keys_are_bound_on_the_app_alone(config_dir: Path) -> None:
    app = make_app(load_pack(), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        explorer = app.screen
        guide = await open_guide(pilot, app)
        for key in APP_KEYS:
            assert key in app._bindings.key_to_bindings, key
            for screen in (explorer, guide):
                assert key not in screen._bindings.key_to_bindings, (type(screen), key)


@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_the_footers_list_the_app_keys_together_where_they_did(
    config_dir: Path, lang: Lang
) -> None:
    app = make_app(load_pack(), config_dir, lang=lang)
    ko = lang == "ko"
    async with app.run_test(size=(120, 30)) as pilot:
        # The explorer: the app's keys first, then its own.
        assert in_order(
            footer(app),
            ["종료", "도움말", "검색", "선택 가이드", "English", "비교", "예제 복사"]
            if ko
            else ["Quit", "Help", "Search", "Guide", "한국어", "Compare", "Copy example"],
        )
        # The guide: its own keys first, then the app's.
        await open_guide(pilot, app)
        text = footer(app)
        assert in_order(
            text,
            ["이전", "건너뛰기", "처음부터", "종료", "도움말", "English"]
            if ko
            else ["Back", "Skip", "Start over", "Quit", "Help", "한국어"],
        )
        # Keys that do nothing in the guide are not offered there.
        assert ("선택 가이드" not in text and "검색" not in text) if ko else "Guide" not in text
        assert ko or "Search" not in text


async def test_app_wide_keys_work_in_the_guide(config_dir: Path) -> None:
    app = make_app(load_pack(), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        guide = await open_guide(pilot, app)
        await pilot.press("s")  # on to the second question
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for description in ["Quit", "Help", "한국어", "Back", "Skip", "Start over"]:
            assert description in text, description
        assert "Guide" not in text and "Search" not in text  # turned off in the guide
        await pilot.press("escape")
        await pilot.pause()
        assert active(app) is guide
        await pilot.press("g", "slash")  # already in the guide; no search from here
        await pilot.pause()
        assert active(app) is guide and guide.step == 1
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "ko" and f"질문 2 / {len(guide.questions)}" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_ctrl_c_quits_from_the_guide(config_dir: Path) -> None:
    app = make_app(load_pack(), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_guide(pilot, app)
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_help_follows_the_language_while_open(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir, lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Copy example" in screen_text(app)
        # The palette opens over the help (ctrl+p works everywhere) and switches language.
        await pilot.press("ctrl+p", *"korean")
        assert await until(pilot, lambda: "Switch to Korean" in screen_text(app))
        await pilot.press("enter")
        assert await until(pilot, lambda: app.lang == "ko" and isinstance(app.screen, HelpScreen))
        text = screen_text(app)
        for korean in ["키 도움말", "종료", "도움말", "예제 복사", "기능 탭", "Esc 또는 ?로 닫기"]:
            assert korean in text, korean
        assert "Copy example" not in text and "Quit" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        assert "기능" in screen_text(app) and "예제 복사" in footer(app)


async def test_a_closed_screen_no_longer_follows_the_language(config_dir: Path) -> None:
    app = make_app(load_pack(), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(2):  # a guide closed, then a guide open: only the open one is redrawn
            await open_guide(pilot, app)
            await pilot.press("escape")
            await pilot.pause()
        guide = await open_guide(pilot, app)
        await pilot.press("l", "escape")
        await pilot.pause()
        assert app.screen is not guide and isinstance(app.screen, ExplorerScreen)
        await pilot.press("l")  # the closed guide's widgets are gone: must not be touched
        await pilot.pause()
        assert app.is_running and app.lang == "en"
        assert "Features" in screen_text(app)


async def test_the_empty_pack_message_follows_the_language(config_dir: Path) -> None:
    app = make_app(Pack(), config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "The pack has no tools." in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert "팩에 도구가 없습니다." in screen_text(app)
        assert "The pack has no tools." not in screen_text(app)


def active(app: App[Any]) -> Screen[Any]:
    """The active screen, without the narrowing an earlier isinstance gave `app.screen`."""
    return app.screen
