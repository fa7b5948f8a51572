"""The comparison screen, driven with Pilot: keys in, screen text and screen state out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import TabbedContent

from orchexplorer.compare import compare_concepts, compare_tools
from orchexplorer.loader import load_pack
from orchexplorer.model import Pack
from orchexplorer.tui.app import OrchExplorerApp
from orchexplorer.tui.screens.compare import (
    CompareScreen,
    RowDetailScreen,
    ToolChooserScreen,
    default_tools,
    distinct_apps,
)
from orchexplorer.tui.screens.explorer import ExplorerScreen
from orchexplorer.tui.screens.help import HelpScreen
from orchexplorer.tui.widgets.compare_diff import DiffView
from orchexplorer.tui.widgets.compare_grid import CompareGrid
from tests.conftest import FIXTURES
from tests.tui_helpers import make_app, screen_text

MARKUP = FIXTURES / "markup"
PACK = load_pack()


def compare_app(config_dir: Path, tools: list[str], lang: str = "en") -> OrchExplorerApp:
    return OrchExplorerApp(
        PACK,
        lang=lang,  # type: ignore[arg-type]
        compare=tools,
        settings_path=config_dir / "config.json",
    )


def compare_screen(app: OrchExplorerApp) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen), type(screen)
    return screen


def header_order(app: OrchExplorerApp) -> list[str]:
    """The tool names in the order their columns appear in the table's header line."""
    grid = compare_screen(app).query_one("#dimensions-grid", CompareGrid)
    cells = [cell.strip().removeprefix("▸ ") for cell in grid.render_line(0).text.split("│")]
    return [cell for cell in cells if cell and cell != "Feature"]


def line_with(text: str, needle: str) -> str:
    return next(line for line in text.splitlines() if needle in line)


# --------------------------------------------------------------------------------------
# Choosing the tools (pure)


def test_default_tools_follow_the_pack_comparisons() -> None:
    assert default_tools(PACK, ["docker"]) == ["docker", "kubernetes"]
    assert default_tools(PACK, ["compose"]) == ["compose", "swarm", "kubernetes"]
    assert default_tools(PACK, ["swarm"]) == ["compose", "swarm", "kubernetes"]
    assert default_tools(PACK, ["kubernetes"]) == ["docker", "kubernetes"]
    # two or more are kept in the user's order, at most four
    assert default_tools(PACK, ["kubernetes", "swarm"]) == ["kubernetes", "swarm"]
    assert default_tools(PACK, ["swarm", "docker", "nope"]) == ["swarm", "docker"]
    # a dimension row: the comparison that lists it; a concept row: every tool naming it
    assert default_tools(PACK, [], "clustering") == ["compose", "swarm", "kubernetes"]
    assert default_tools(PACK, ["docker"], "role") == ["docker", "kubernetes"]
    assert default_tools(PACK, [], "unit-of-deployment") == [
        "docker",
        "compose",
        "swarm",
        "kubernetes",
    ]


def test_default_tools_without_comparisons_take_the_next_tool() -> None:
    pack = load_pack(MARKUP)
    assert default_tools(pack, ["alpha"]) == ["alpha", "beta"]
    assert default_tools(pack, ["beta"]) == ["beta", "alpha"]
    assert default_tools(pack, []) == ["alpha", "beta"]
    only = Pack(tools=[pack.tools[0]])
    assert default_tools(only, ["alpha"]) == ["alpha"]  # nothing to compare with


def test_distinct_apps_skip_apps_that_pick_the_same_examples() -> None:
    apps = distinct_apps(PACK, ["compose", "swarm"])
    assert apps[0] == "web-db"
    assert "db" not in apps and "web" not in apps  # same examples as web-db


# --------------------------------------------------------------------------------------
# Opening


@pytest.mark.parametrize(
    ("tool", "expected"),
    [
        ("docker", ["Docker", "Kubernetes"]),
        ("compose", ["Docker Compose", "Docker Swarm", "Kubernetes"]),
    ],
)
async def test_c_opens_the_comparison_with_a_counterpart(
    config_dir: Path, tool: str, expected: list[str]
) -> None:
    app = make_app(PACK, config_dir, tool=tool)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, ExplorerScreen)
        await pilot.press("c")
        await pilot.pause()
        screen = compare_screen(app)
        assert [t.name.get("en") for t in screen.tools] == expected
        assert header_order(app) == expected
        text = screen_text(app)
        assert "Comparing:" in text and "Feature" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        assert app.screen.tool is not None and app.screen.tool.id == tool


async def test_compare_option_opens_the_comparison_directly(config_dir: Path) -> None:
    app = compare_app(config_dir, ["compose", "swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = compare_screen(app)
        assert screen.tool_ids == ["compose", "swarm", "kubernetes"]
        text = screen_text(app)
        assert "Compared with Kubernetes: Docker Compose, Docker Swarm, Kubernetes" in text
        assert isinstance(app.focused, CompareGrid)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)


def test_the_comparison_module_is_imported_only_when_opened() -> None:
    code = (
        "import sys; import orchexplorer.tui.app; "
        "print(any(m.startswith('orchexplorer.tui.screens.compare') "
        "or m.startswith('orchexplorer.tui.widgets.compare') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


# --------------------------------------------------------------------------------------
# Tools: add, remove, move


async def test_add_remove_and_move_tools_from_the_keyboard(config_dir: Path) -> None:
    app = compare_app(config_dir, ["docker", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = compare_screen(app)
        await pilot.press("a")
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, ToolChooserScreen)
        assert [tool.id for tool in chooser.shown] == ["compose", "swarm"]  # not the shown ones
        await pilot.press(*"swa")
        await pilot.pause()
        assert [tool.id for tool in chooser.shown] == ["swarm"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.tool_ids == ["docker", "kubernetes", "swarm"]
        assert screen.focus_col == 2  # the new column is focused
        assert header_order(app) == ["Docker", "Kubernetes", "Docker Swarm"]

        await pilot.press("less_than_sign")  # move Swarm left
        await pilot.pause()
        assert screen.tool_ids == ["docker", "swarm", "kubernetes"]
        assert header_order(app) == ["Docker", "Docker Swarm", "Kubernetes"]
        assert "▸ 2 Docker Swarm" in screen_text(app)  # the focused tool, by symbol

        await pilot.press("left", "right_square_bracket")  # focus Docker, move it right
        await pilot.pause()
        assert screen.tool_ids == ["swarm", "docker", "kubernetes"]
        assert header_order(app) == ["Docker Swarm", "Docker", "Kubernetes"]

        await pilot.press("x")  # remove the focused tool (Docker)
        await pilot.pause()
        assert screen.tool_ids == ["swarm", "kubernetes"]
        assert header_order(app) == ["Docker Swarm", "Kubernetes"]
        await pilot.press("x")  # never fewer than two
        await pilot.pause()
        assert screen.tool_ids == ["swarm", "kubernetes"]
        assert any("at least two" in n.message for n in app._notifications)


async def test_at_most_four_tools(config_dir: Path) -> None:
    app = compare_app(config_dir, ["docker", "compose", "swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = compare_screen(app)
        assert len(screen.tool_ids) == 4
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is screen  # no chooser
        assert any("At most 4" in n.message for n in app._notifications)


async def test_the_chooser_closes_with_escape_and_filters_to_nothing(config_dir: Path) -> None:
    app = compare_app(config_dir, ["docker", "kubernetes"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"zzz")
        await pilot.pause()
        assert isinstance(app.screen, ToolChooserScreen)
        assert "No tool matches." in screen_text(app)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert compare_screen(app).tool_ids == ["docker", "kubernetes"]


async def test_a_pack_of_200_tools_opens_and_lists_them_in_the_chooser(config_dir: Path) -> None:
    base = PACK.tool("docker")
    assert base is not None
    tools = [
        base.model_copy(update={"id": f"tool-{i:03d}", "order": i, "aliases": []})
        for i in range(200)
    ]
    pack = Pack(tools=tools)
    app = OrchExplorerApp(pack, settings_path=config_dir / "config.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = compare_screen(app)
        assert screen.tool_ids == ["tool-000", "tool-001"]
        await pilot.press("a")
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, ToolChooserScreen)
        assert len(chooser.shown) == 198
        await pilot.press(*"199", "enter")
        await pilot.pause()
        assert screen.tool_ids == ["tool-000", "tool-001", "tool-199"]


# --------------------------------------------------------------------------------------
# Rows


async def test_d_shows_only_the_rows_that_differ(config_dir: Path) -> None:
    app = compare_app(config_dir, ["swarm", "kubernetes"])
    matrix = compare_tools(PACK, ["swarm", "kubernetes"])
    concepts = compare_concepts(PACK, ["swarm", "kubernetes"])
    assert matrix.differing < len(matrix.rows)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = compare_screen(app)
        grid = screen.dimensions_grid
        assert grid.row_count == len(matrix.rows)
        status = f"{matrix.differing} of {len(matrix.rows)} rows differ"
        assert f"{status} · showing all {len(matrix.rows)} (d: differences only)" in screen_text(
            app
        )
        await pilot.press("d")
        await pilot.pause()
        assert grid.row_count == matrix.differing
        assert grid.row_ids == [r.id for r in matrix.rows if r.differs]
        assert screen.concepts_grid.row_count == concepts.differing
        shown = f"showing differences only, {matrix.differing} rows (d: all)"
        assert f"{status} · {shown}" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert grid.row_count == len(matrix.rows)


async def test_swarm_and_kubernetes_agree_on_discovery_and_clustering(config_dir: Path) -> None:
    app = compare_app(config_dir, ["swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        grid = compare_screen(app).dimensions_grid
        equal = [row.id for row in grid.rows if not row.differs]
        assert equal == ["clustering", "service-discovery"]
        for row_id, title in [
            ("clustering", "Clustering support"),
            ("service-discovery", "Service discovery"),
        ]:
            grid.move_cursor(grid.row_ids.index(row_id))
            await pilot.pause()
            assert line_with(screen_text(app), title).startswith("▸= " + title)
        grid.move_cursor(0)
        await pilot.pause()
        assert line_with(screen_text(app), "Role").startswith("▸≠ Role")


async def test_levels_are_shown_with_symbol_and_word(config_dir: Path) -> None:
    app = compare_app(config_dir, ["compose", "swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        line = line_with(screen_text(app), "Clustering support")
        assert "✗ none" in line and line.count("● full") == 2


async def test_cursor_moves_with_arrows_and_vim_keys_and_scrolls(config_dir: Path) -> None:
    app = compare_app(config_dir, ["docker", "kubernetes"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = compare_screen(app).dimensions_grid
        assert grid.cursor == 0
        await pilot.press("j", "down")
        assert grid.cursor == 2
        await pilot.press("k")
        assert grid.cursor == 1
        await pilot.press("end")
        await pilot.pause()
        last = grid.rows[-1]
        assert grid.cursor == len(grid.rows) - 1
        assert last.title.plain in screen_text(app)  # scrolled into view
        await pilot.press("home", "pagedown")
        assert grid.cursor > 1


async def test_notes_open_on_demand(config_dir: Path) -> None:
    app = compare_app(config_dir, ["compose", "swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        grid = compare_screen(app).dimensions_grid
        grid.move_cursor(grid.row_ids.index("service-discovery"))
        await pilot.pause()
        text = screen_text(app)
        assert "network (one host) ※" in line_with(text, "network (one host) ※")
        assert "※ 1 note(s) (Docker Compose) · n or Enter shows them" in text
        assert "Compose creates a default project network" not in text  # not until asked
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RowDetailScreen)
        text = screen_text(app)
        assert "※ Note: The source text says 'none', which is not accurate: Compose creates" in text
        assert "Native service discovery" in text
        await pilot.press("escape")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RowDetailScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


# --------------------------------------------------------------------------------------
# Tabs


async def test_concepts_and_examples_tabs(config_dir: Path) -> None:
    app = compare_app(config_dir, ["compose", "swarm"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = compare_screen(app)
        tabs = screen.query_one("#compare-tabs", TabbedContent)
        await pilot.press("2")
        await pilot.pause()
        assert tabs.active == "concepts"
        assert isinstance(app.focused, CompareGrid) and app.focused.id == "concepts-grid"
        text = screen_text(app)
        assert "Unit of deployment" in text and "service → tasks" in text
        assert "service (containers)" in text
        concept = screen.concepts.rows[0]
        await pilot.press("n")  # the focused concept's detail: each tool's term and text
        await pilot.pause()
        assert isinstance(app.screen, RowDetailScreen)
        text = screen_text(app)
        assert "■ Docker Compose" in text and "■ Docker Swarm" in text
        for cell in concept.cells:
            assert cell is not None and cell.term in text
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("3")
        await pilot.pause()
        assert tabs.active == "examples"
        assert isinstance(app.focused, DiffView)
        diff = screen.current_diff
        assert diff is not None
        assert (diff.left.tool.id, diff.right.tool.id) == ("compose", "swarm")
        text = screen_text(app)
        assert "Docker Compose · compose.yaml" in text and "Docker Swarm · stack.yaml" in text
        deploy = line_with(text, "deploy:")
        replicas = line_with(text, "replicas: 3")
        for line in (deploy, replicas):
            left, right = line.split(" │ ", 1)
            assert left.strip() == ""  # only on the right
            assert right.lstrip().startswith("+")
        same = line_with(text, "image: nginx")
        assert "+" not in same and "~" not in same
        assert "~ changed  - removed  + added" in text
        assert "similarity 44%" in text


async def test_three_tools_show_consecutive_example_pairs(config_dir: Path) -> None:
    app = compare_app(config_dir, ["compose", "swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = compare_screen(app)
        await pilot.press("3")
        await pilot.pause()
        assert "pair 1 of 2 (p: next pair)" in screen_text(app)
        first = screen.current_diff
        await pilot.press("p")
        await pilot.pause()
        second = screen.current_diff
        assert first is not None and second is not None
        assert (first.left.tool.id, first.right.tool.id) == ("compose", "swarm")
        assert (second.left.tool.id, second.right.tool.id) == ("swarm", "kubernetes")
        assert "pair 2 of 2" in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        assert screen.current_diff is first


async def test_no_common_example_says_so(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c", "3")
        await pilot.pause()
        assert "these tools have no two examples of the same app" in screen_text(app)
        await pilot.press("p", "e", "j", "n")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


# --------------------------------------------------------------------------------------
# Language, help, search, palette


async def test_l_switches_everything_to_korean_in_place(config_dir: Path) -> None:
    app = compare_app(config_dir, ["compose", "swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = compare_screen(app)
        await pilot.press("j", "j", "d")
        await pilot.pause()
        cursor = screen.dimensions_grid.cursor_row_id
        await pilot.press("l")
        await pilot.pause()
        assert app.screen is screen
        text = screen_text(app)
        for korean in ["서비스 디스커버리", "클러스터링 지원", "비교 항목", "개념", "다른 항목만"]:
            assert korean in text, korean
        assert "● 완전" in text and "✗ 없음" in text
        assert "Service discovery" not in text
        assert screen.only_differences and screen.dimensions_grid.cursor_row_id == cursor
        await pilot.press("3")
        await pilot.pause()
        assert "유사도" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        assert "기능" in screen_text(app)  # the explorer was relabelled too


async def test_help_lists_the_comparison_keys(config_dir: Path) -> None:
    app = compare_app(config_dir, ["docker", "kubernetes"])
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for description in [
            "Differences only",
            "Add tool",
            "Remove tool",
            "Move tool left",
            "Move tool right",
            "Previous column",
            "Notes / details",
            "Next example pair",
            "Examples tab",
            "Down",
            "Back",
        ]:
            assert description in text, description
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


async def test_search_hit_on_a_dimension_opens_the_comparison_on_that_row(
    config_dir: Path,
) -> None:
    app = make_app(PACK, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"rolling updates")
        await app.workers.wait_for_complete()
        await pilot.pause()
        hits = app.screen.hits  # type: ignore[attr-defined]
        index = next(
            i for i, h in enumerate(hits) if h.kind == "dimension" and h.id == "rolling-updates"
        )
        hit = hits[index]
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        screen = compare_screen(app)
        assert screen.dimensions_grid.cursor_row_id == "rolling-updates"
        if hit.tool is not None:
            assert screen.tool_ids[screen.focus_col] == hit.tool
        assert "Rolling updates" in line_with(screen_text(app), "▸≠")

        # a concept hit from the comparison reuses the screen and opens the Concepts tab
        screen.set_tools(["docker", "kubernetes"], focus_row="unit-of-deployment")
        await pilot.pause()
        assert app.screen is screen
        assert screen.active_tab == "concepts"
        assert screen.concepts_grid.cursor_row_id == "unit-of-deployment"


async def test_palette_compares_docker_with_kubernetes(config_dir: Path) -> None:
    app = make_app(PACK, config_dir, tool="swarm")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Compare Docker with Kubernetes")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        screen = compare_screen(app)
        assert screen.tool_ids == ["docker", "kubernetes"]
        assert "Main differences between Docker and Kubernetes" in screen_text(app)


async def test_quit_works_on_the_comparison(config_dir: Path) -> None:
    app = compare_app(config_dir, ["docker", "kubernetes"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


# --------------------------------------------------------------------------------------
# Safety and sizes


async def test_markup_looking_text_is_shown_literally(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = compare_screen(app)
        assert screen.tool_ids == ["alpha", "beta"]
        text = screen_text(app)
        for literal in ["[bold]Alpha[/]", "[bold]Dim", "[red]x ※", "● full", "✗ none"]:
            assert literal in text, literal
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RowDetailScreen)
        assert "※ Note: [note]" in screen_text(app)
        await pilot.press("escape", "a")
        await pilot.pause()
        assert app.is_running


@pytest.mark.parametrize("size", [(80, 24), (40, 12), (20, 8), (10, 5)])
async def test_any_size_works(config_dir: Path, size: tuple[int, int]) -> None:
    app = compare_app(config_dir, ["compose", "swarm", "kubernetes"])
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in [
            "j", "end", "d", "n", "escape", "left", "greater_than_sign", "2", "j",
            "3", "p", "e", "j", "l", "1", "x", "a", "enter", "question_mark", "escape",
        ]:  # fmt: skip
            await pilot.press(key)
        await pilot.resize_terminal(*reversed(size))
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        # ">" moved Compose right, "x" removed it, "a" + Enter added the first other tool
        assert app.screen.tool_ids == ["swarm", "kubernetes", "docker"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)


async def test_80x24_wraps_cells_in_their_columns(config_dir: Path) -> None:
    app = compare_app(config_dir, ["compose", "swarm", "kubernetes"], lang="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        lines = text.splitlines()
        assert all(len(line) <= 80 for line in lines)
        # three columns side by side, each line of cells cut into columns by "│"
        cell_lines = [line for line in lines if line.count(" │ ") == 2]
        assert len(cell_lines) >= 5
        assert "단일 호스트에 제한됨" in text or "멀티 컨테이너" in text


async def test_a_row_far_down_is_scrolled_into_view_on_opening(config_dir: Path) -> None:
    app = make_app(PACK, config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_compare(["docker"], focus_row="learning-curve")
        await pilot.pause()
        screen = compare_screen(app)
        grid = screen.dimensions_grid
        assert grid.cursor_row_id == "learning-curve"
        assert grid.row_ids.index("learning-curve") > 10
        assert line_with(screen_text(app), "Learning curve").startswith("▸")
