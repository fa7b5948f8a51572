"""The portability screen: `p` opens it; rows filter as you type; Enter shows a row's detail
with its sources; the language switches in place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable

from orchexplorer.loader import load_pack
from orchexplorer.model import Pack
from orchexplorer.tui.screens.portability import PortabilityPane, PortabilityScreen
from tests.conftest import FIXTURES, REPO
from tests.helpers import wait_for
from tests.tui_helpers import make_app, screen_text


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    root = tmp_path_factory.mktemp("pack")
    shutil.copytree(REPO / "content", root, dirs_exist_ok=True)
    for extra in ("portability.yaml", "commands.yaml", "false_friends.yaml"):
        (root / extra).unlink(missing_ok=True)  # the shipped reference, if it has landed
    shutil.copy(FIXTURES / "portability-tui.yaml", root / "portability.yaml")
    return load_pack(root)


def _pane(app: object) -> PortabilityPane:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, PortabilityScreen)
    return screen.query_one(f"#port-{screen.section}", PortabilityPane)


async def test_p_opens_the_matrix_and_typing_filters(pack: Pack, config_dir: Path) -> None:
    app = make_app(pack, config_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PortabilityScreen))
        await wait_for(pilot, lambda: "depends_on" in screen_text(app))
        text = screen_text(app)
        assert "⊘ ignored" in text and "✗ no equivalent" in text and "3 of 3" in text
        assert "[bold]x[/bold]" not in text  # summaries are not in the table
        await wait_for(pilot, lambda: _pane(app).table.has_focus)
        await pilot.press(*"health")  # typing on the table goes to the filter
        await wait_for(pilot, lambda: "1 of 3" in screen_text(app))
        assert _pane(app).filter_input.value == "health"
        assert [item.id for item in _pane(app).shown] == ["healthcheck"]
        await pilot.press("enter")  # back to the table
        await pilot.press("enter")  # the row's detail
        await wait_for(pilot, lambda: "Sources" in screen_text(app))
        detail = screen_text(app)
        assert "Container health check [bold]x[/bold]" in detail  # literal, never markup
        assert "livenessProbe" in detail and "checked 2026-12-02" in detail
        assert "kubernetes.io/docs/concepts/configuration" in detail


async def test_commands_and_false_friends_tabs(pack: Pack, config_dir: Path) -> None:
    app = make_app(pack, config_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PortabilityScreen))
        await pilot.press("2")
        await wait_for(pilot, lambda: "kubectl logs --previous web-0" in screen_text(app))
        await pilot.press("3")
        await wait_for(pilot, lambda: "⚠ service" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "A word that means different things" in screen_text(app))
        assert "a network endpoint in front of Pods" in screen_text(app)


async def test_filter_matches_korean_and_the_language_switches(
    pack: Pack, config_dir: Path
) -> None:
    app = make_app(pack, config_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PortabilityScreen))
        await pilot.press("slash")
        await pilot.press(*"의존성")
        await wait_for(pilot, lambda: [i.id for i in _pane(app).shown] == ["depends-on"])
        await pilot.press("escape")  # leaves the filter for the table
        assert _pane(app).table.has_focus
        await pilot.press("l")
        await wait_for(pilot, lambda: "대응 없음" in screen_text(app))
        assert "1/3개" in screen_text(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, PortabilityScreen))


async def test_a_pack_without_the_reference_says_so(config_dir: Path) -> None:
    app = make_app(load_pack(FIXTURES / "markup"), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert not isinstance(app.screen, PortabilityScreen)
        assert any("no portability reference" in n.message for n in app._notifications)


async def test_any_size_works(pack: Pack, config_dir: Path) -> None:
    app = make_app(pack, config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PortabilityScreen))
        for size in ((40, 12), (20, 8), (200, 60), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 3


async def test_the_comparison_has_a_tab_for_keys_and_one_for_commands(
    pack: Pack, config_dir: Path
) -> None:
    from orchexplorer.tui.screens.compare import CompareScreen

    app = make_app(pack, config_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        await pilot.press("4")
        await wait_for(pilot, lambda: "depends_on" in screen_text(app))
        assert "⊘ ignored" in screen_text(app)
        await pilot.press("slash", *"build")
        await wait_for(pilot, lambda: "1 of 3" in screen_text(app))
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: "build and push first" in screen_text(app))
        await pilot.press("escape")
        await pilot.press("5")
        await wait_for(pilot, lambda: "kubectl logs --previous web-0" in screen_text(app))
        await pilot.press("l")
        await wait_for(pilot, lambda: "할 일" in screen_text(app))
