"""Every view with seven tools (issue #17): the sidebar, the comparison and its chooser, the
portability tables with six target columns at 80×24 and at tiny sizes, and the command line.
The pack is tests/fixtures/seven (the shipped ids and orders, small texts)."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Any, TypeVar

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import TabbedContent

from orchexplorer.cli import main
from orchexplorer.compare_state import MAX_TOOLS, CompareState
from orchexplorer.loader import load_pack
from orchexplorer.model import Pack
from orchexplorer.tui.app import OrchExplorerApp
from orchexplorer.tui.screens.compare import CompareScreen
from orchexplorer.tui.screens.dialogs import ToolChooserScreen
from orchexplorer.tui.screens.explorer import ExplorerScreen
from orchexplorer.tui.screens.portability import PortabilityPane, PortabilityScreen
from orchexplorer.tui.widgets.port_table import PortTable
from orchexplorer.tui.widgets.sidebar import ToolList
from tests.conftest import FIXTURES
from tests.helpers import wait_for
from tests.tui_helpers import make_app, screen_text

ScreenT = TypeVar("ScreenT", bound=Screen[Any])

SEVEN = FIXTURES / "seven"
IDS = ["docker", "compose", "swarm", "kubernetes", "k3s", "podman", "nomad"]
NAMES = ["Docker", "Docker Compose", "Docker Swarm", "Kubernetes", "K3s", "Podman", "Nomad"]
TARGETS = ["Docker Compose", "Docker Swarm", "Kubernetes", "K3s", "Podman", "Nomad"]


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(SEVEN)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["--content", str(SEVEN), "--lang", "en", *argv])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _compare_app(pack: Pack, config_dir: Path, tools: list[str]) -> OrchExplorerApp:
    return OrchExplorerApp(pack, lang="en", compare=tools, settings_path=config_dir / "c.json")


async def _screen(pilot: Pilot[Any], kind: type[ScreenT]) -> ScreenT:
    """Wait until the active screen is a mounted `kind`, and return it."""
    await wait_for(
        pilot, lambda: isinstance(pilot.app.screen, kind) and pilot.app.screen.is_mounted
    )
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


# ------------------------------------------------------------------------------ the pack


def test_the_fixture_has_the_shipped_ids_in_order(pack: Pack) -> None:
    assert pack.tool_ids == IDS
    assert [t.name.en for t in pack.ordered_tools] == NAMES


# ------------------------------------------------------------------------------ sidebar


async def test_the_sidebar_lists_all_seven_in_order(pack: Pack, config_dir: Path) -> None:
    app = make_app(pack, config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        explorer = await _screen(pilot, ExplorerScreen)
        sidebar = explorer.query_one(ToolList)
        assert [t.id for t in sidebar.tools] == IDS and sidebar.option_count == len(IDS)
        lines = screen_text(app).splitlines()
        rows = [next(i for i, ln in enumerate(lines) if f" {name}  " in ln) for name in NAMES]
        assert rows == sorted(rows)  # all seven on screen at 24 lines, in order
        for _ in range(len(IDS) - 1):
            await pilot.press("j")
        await wait_for(pilot, lambda: explorer.tool is not None and explorer.tool.id == "nomad")
        assert "▸ Nomad" in screen_text(app)  # the last one, still on screen at 24 lines


# ------------------------------------------------------------------------------ comparison


@pytest.mark.parametrize("four", list(itertools.combinations(IDS, MAX_TOOLS)))
def test_any_four_of_seven_can_be_compared(pack: Pack, four: tuple[str, ...]) -> None:
    state = CompareState.of(pack, four)
    assert state.tool_ids == four and not state.can_add
    assert len(state.candidates) == len(IDS) - MAX_TOOLS


def test_more_than_four_are_never_shown_at_once(pack: Pack) -> None:
    assert MAX_TOOLS == 4  # an 80-column screen reads four tool columns (see the report)
    assert CompareState.of(pack, IDS).tool_ids == tuple(IDS[:MAX_TOOLS])


async def test_the_chooser_lists_every_other_tool_and_the_keyboard_picks(
    pack: Pack, config_dir: Path
) -> None:
    app = _compare_app(pack, config_dir, ["docker", "compose"])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _screen(pilot, CompareScreen)
        await pilot.press("a")
        chooser = await _screen(pilot, ToolChooserScreen)
        assert [t.id for t in chooser.items] == IDS[2:]  # every other tool, in sidebar order
        text = screen_text(app)
        assert all(name in text for name in NAMES[2:])  # all five fit at 80×24
        await pilot.press("down", "down", "down", "enter")  # swarm, kubernetes, k3s, podman
        await wait_for(pilot, lambda: screen.tool_ids == ["docker", "compose", "podman"])
        await pilot.press("a")
        chooser = await _screen(pilot, ToolChooserScreen)
        assert [t.id for t in chooser.items] == ["swarm", "kubernetes", "k3s", "nomad"]
        await pilot.press("down", "down", "down", "enter")
        await wait_for(pilot, lambda: screen.tool_ids == ["docker", "compose", "podman", "nomad"])
        text = screen_text(app)
        assert all(name in text for name in ("Docker", "Compose", "Podman", "Nomad"))
        await pilot.press("a")  # a fifth: refused, said so
        await wait_for(pilot, lambda: any("At most 4" in n.message for n in app._notifications))
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("x", "a")  # make room: drop the focused tool (Nomad), add K3s
        chooser = await _screen(pilot, ToolChooserScreen)
        await pilot.press(*"k3s", "enter")
        await wait_for(pilot, lambda: screen.tool_ids == ["docker", "compose", "podman", "k3s"])


# ------------------------------------------------------------------------------ portability


def _pane(app: Any) -> PortabilityPane:
    screen: Screen[Any] = app.screen
    if isinstance(screen, PortabilityScreen):
        return screen.query_one(f"#port-{screen.section}", PortabilityPane)
    tab = screen.query_one("#compare-tabs", TabbedContent).active
    return screen.query_one(f"#{tab}-pane", PortabilityPane)


async def _walk_columns(pilot: Pilot[Any], total: int) -> None:
    """→ until the last tool column is on show, each step telling which are; the key column
    stays; ← goes back to the first."""
    app = pilot.app
    table = _pane(app).table
    await wait_for(pilot, lambda: f"of {total}" in screen_text(app))
    shown = table.shown_columns()
    assert shown.first == 1 and shown.more_right and not shown.more_left
    assert "▸" in screen_text(app) and "←/→ other columns" in screen_text(app)
    seen = {shown.first, shown.last}
    for _ in range(total):
        if not table.shown_columns().more_right:
            break
        before = table.shown_columns()
        await pilot.press("right")
        await wait_for(pilot, lambda b=before: table.shown_columns() != b)  # type: ignore[misc]
        now = table.shown_columns()
        seen |= set(range(now.first, now.last + 1))
        assert f"columns {now.first}–{now.last} of {total}" in screen_text(app)
        assert table.cursor_row == 0  # the row cursor stays put
    assert seen == set(range(1, total + 1))  # every column was on show at some point
    assert table.shown_columns().last == total and not table.shown_columns().more_right
    for _ in range(total):
        await pilot.press("left")
    await wait_for(pilot, lambda: table.shown_columns().first == 1)
    assert not table.shown_columns().more_left


async def test_six_target_columns_at_80x24(pack: Pack, config_dir: Path) -> None:
    app = make_app(pack, config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await _screen(pilot, PortabilityScreen)
        table = _pane(app).table
        assert isinstance(table, PortTable)
        assert [str(c.label) for c in table.ordered_columns][1:] == TARGETS
        await _walk_columns(pilot, 6)
        await pilot.press("right", "right", "right")
        await wait_for(pilot, lambda: table.shown_columns().first > 1)
        assert "depends_on" in screen_text(app)  # the key column never scrolls away
        assert "(as Kubernetes)" in screen_text(app) or table.shown_columns().first > 4
        await pilot.press("2")  # commands: five tool columns
        await wait_for(pilot, lambda: _pane(app).section == "commands")
        await _walk_columns(pilot, 5)


async def test_comparison_tabs_4_and_5_at_80x24(pack: Pack, config_dir: Path) -> None:
    app = _compare_app(pack, config_dir, ["kubernetes", "k3s"])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _screen(pilot, CompareScreen)
        await pilot.press("4")
        await wait_for(pilot, lambda: screen.active_tab == "cmp-keys")
        await _walk_columns(pilot, 6)
        assert screen.state.focus == 0  # ←/→ scrolled the table, not the compared columns
        await pilot.press("5")
        await wait_for(pilot, lambda: screen.active_tab == "cmp-commands")
        await _walk_columns(pilot, 5)


async def test_wide_enough_says_nothing_about_columns(pack: Pack, config_dir: Path) -> None:
    app = make_app(pack, config_dir)
    async with app.run_test(size=(300, 30)) as pilot:
        await _screen(pilot, ExplorerScreen)  # a key pressed before the explorer is up is lost
        await pilot.press("p")
        await _screen(pilot, PortabilityScreen)
        await wait_for(pilot, lambda: "3 of 3" in screen_text(app))
        await pilot.pause(0.1)
        assert _pane(app).table.shown_columns().all_shown
        assert "other columns" not in screen_text(app)


@pytest.mark.parametrize(
    "size", [(12, 5), *(pytest.param(s, marks=pytest.mark.slow) for s in [(30, 8), (50, 12)])]
)
async def test_tiny_sizes_do_not_crash(pack: Pack, config_dir: Path, size: tuple[int, int]) -> None:
    app = _compare_app(pack, config_dir, ["docker", "compose", "k3s", "nomad"])
    async with app.run_test(size=size) as pilot:
        screen = await _screen(pilot, CompareScreen)
        for key in ("4", "right", "right", "left", "5", "right", "end", "left"):
            await pilot.press(key)
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press("escape", "p")
        await _screen(pilot, PortabilityScreen)
        for key in ("right", "right", "2", "right", "left", "3", "right"):
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, PortabilityScreen)
        app.screen.query_one(PortTable).shown_columns()  # answers at any size


# ------------------------------------------------------------------------------ command line


def test_compare_with_no_tools_lists_them_all(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "compare")
    assert code == 2 and out == ""
    assert ", ".join(IDS) in err
    assert "orchexplorer compare swarm kubernetes nomad" in err  # the pack's own table
    assert len(err.strip().splitlines()) == 1


def test_compare_prints_all_seven_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    for width in ("120", "80"):
        code, out, _ = run(capsys, "compare", *IDS, "--width", width)
        assert code == 0
        lines = out.splitlines()
        heads = lines[: next(i for i, ln in enumerate(lines) if ln.startswith("──"))]
        assert "…" not in "".join(heads)  # a narrow column wraps its name, never cuts it
        for k, name in enumerate(NAMES):  # every name whole, in sidebar order
            parts = [ln.split("│")[k + 2].strip() if ln.count("│") > k + 1 else "" for ln in heads]
            assert "".join(parts).replace(" ", "") == name.replace(" ", ""), (width, parts)
    code, out, _ = run(capsys, "compare", ",".join(IDS), "--format", "markdown")
    assert code == 0 and all(f"**{name}**" in out for name in NAMES)


def test_the_app_refuses_more_than_four_tools_and_says_what_to_do(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    code, out, err = run(capsys, "--compare", "docker,compose,swarm,k8s,k3s")
    assert code == 2 and out == ""
    assert "at most 4 tools" in err and "(got 5)" in err
    assert "orchexplorer compare docker compose swarm kubernetes k3s" in err
    code, _out, err = run(capsys, "--lang", "ko", "--compare", ",".join(IDS))
    assert code == 2 and "4개까지" in err and "7개를 받음" in err


def test_help_texts_name_no_fixed_list_of_tools(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in ([], ["compare"], ["show"], ["explain"]):
        code, out, _ = run(capsys, *argv, "--help")
        assert code == 0
        flat = " ".join(out.split())
        assert "Docker Swarm and Kubernetes" not in flat
        assert "docker, compose, swarm, kubernetes" not in flat
