"""The comparison screen, driven with Pilot: keys in, screen text and screen state out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, TypeVar

import pytest
from textual.app import App
from textual.command import CommandList
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, TabbedContent

from orchexplorer.compare import compare_concepts, compare_tools
from orchexplorer.i18n import t
from orchexplorer.model import Pack
from orchexplorer.tui.app import OrchExplorerApp
from orchexplorer.tui.screens.compare import CompareScreen
from orchexplorer.tui.screens.dialogs import RowDetailScreen, ToolChooserScreen
from orchexplorer.tui.screens.explorer import ExplorerScreen
from orchexplorer.tui.screens.help import HelpScreen, key_rows
from orchexplorer.tui.screens.search import SearchScreen
from orchexplorer.tui.widgets.compare_diff import DiffView
from orchexplorer.tui.widgets.compare_grid import CompareGrid
from tests.conftest import FIXTURES
from tests.helpers import notified, wait_for
from tests.tui_helpers import make_app, screen_text

MARKUP = FIXTURES / "markup"
ScreenT = TypeVar("ScreenT", bound=Screen[Any])

AnyPilot = Pilot[Any]


@pytest.fixture
def pack(shipped_pack: Pack) -> Pack:
    return shipped_pack


def compare_app(
    pack: Pack, config_dir: Path, tools: list[str], lang: str = "en"
) -> OrchExplorerApp:
    return OrchExplorerApp(
        pack,
        lang=lang,  # type: ignore[arg-type]
        compare=tools,
        settings_path=config_dir / "config.json",
    )


def compare_screen(app: App[Any]) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen), type(screen)
    return screen


async def on_screen(pilot: AnyPilot, kind: type[ScreenT]) -> ScreenT:
    """Wait until the active screen is a mounted `kind`, and return it."""

    def there() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, kind) and screen.is_mounted

    await wait_for(pilot, there)
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


async def on_compare(pilot: AnyPilot) -> CompareScreen:
    return await on_screen(pilot, CompareScreen)


async def shows(pilot: AnyPilot, *texts: str) -> str:
    """Wait until every one of `texts` is on screen; the screen's text."""
    await wait_for(pilot, lambda: all(text in screen_text(pilot.app) for text in texts))
    return screen_text(pilot.app)


def header_order(app: App[Any]) -> list[str]:
    """The tool names in the order their columns appear in the table's header line."""
    grid = compare_screen(app).query_one("#dimensions-grid", CompareGrid)
    cells = [cell.strip().removeprefix("▸ ") for cell in grid.render_line(0).text.split("│")]
    return [cell for cell in cells if cell and cell != "Feature"]


def line_with(text: str, needle: str) -> str:
    """The first line below the header (which names where you are) with `needle`."""
    return next(line for line in text.splitlines()[1:] if needle in line)


async def search_for(pilot: AnyPilot, query: str) -> SearchScreen:
    """Open the search from the explorer and type `query`."""
    await on_screen(pilot, ExplorerScreen)
    await pilot.press("slash")
    search = await on_screen(pilot, SearchScreen)
    await pilot.press(*query)
    return search


def palette_highlight(app: App[Any]) -> str:
    """The title of the command highlighted in the open command palette ('' if none)."""
    found = app.screen.query(CommandList)
    if not found or found.first().highlighted is None:
        return ""
    commands = found.first()
    assert commands.highlighted is not None
    prompt = commands.get_option_at_index(commands.highlighted).prompt
    return str(getattr(prompt, "plain", prompt)).split("  ")[0]  # without its kind


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
    pack: Pack, config_dir: Path, tool: str, expected: list[str]
) -> None:
    app = make_app(pack, config_dir, tool=tool)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_screen(pilot, ExplorerScreen)
        await pilot.press("c")
        screen = await on_compare(pilot)
        assert [t.name.get("en") for t in screen.tools] == expected
        await shows(pilot, "Comparing:", "Feature")
        assert header_order(app) == expected
        await pilot.press("escape")
        explorer = await on_screen(pilot, ExplorerScreen)
        assert explorer.tool is not None and explorer.tool.id == tool


async def test_compare_option_opens_the_comparison_directly(pack: Pack, config_dir: Path) -> None:
    app = compare_app(pack, config_dir, ["compose", "swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await on_compare(pilot)
        assert screen.tool_ids == ["compose", "swarm", "kubernetes"]
        await shows(pilot, "Compared with Kubernetes: Docker Compose, Docker Swarm, Kubernetes")
        assert isinstance(app.focused, CompareGrid)
        await pilot.press("escape")
        await on_screen(pilot, ExplorerScreen)


def test_the_comparison_module_is_imported_only_when_opened() -> None:
    code = (
        "import sys; import orchexplorer.tui.app; "
        "print(any(m.startswith('orchexplorer.tui.screens.compare') "
        "or m.startswith('orchexplorer.tui.widgets.compare') "
        "or m == 'orchexplorer.compare_state' for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


# --------------------------------------------------------------------------------------
# Tools: add, remove, move


async def test_add_remove_and_move_tools_from_the_keyboard(pack: Pack, config_dir: Path) -> None:
    app = compare_app(pack, config_dir, ["docker", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await on_compare(pilot)
        await pilot.press("a")
        chooser = await on_screen(pilot, ToolChooserScreen)
        others = [tid for tid in pack.tool_ids if tid not in ("docker", "kubernetes")]
        assert [tool.id for tool in chooser.items] == others  # not the shown ones
        await pilot.press(*"swa")
        await wait_for(pilot, lambda: [tool.id for tool in chooser.items] == ["swarm"])
        await pilot.press("enter")
        assert await on_compare(pilot) is screen
        await wait_for(pilot, lambda: screen.tool_ids == ["docker", "kubernetes", "swarm"])
        assert screen.state.focus == 2  # the new column is focused
        assert header_order(app) == ["Docker", "Kubernetes", "Docker Swarm"]

        await pilot.press("less_than_sign")  # move Swarm left
        await wait_for(pilot, lambda: screen.tool_ids == ["docker", "swarm", "kubernetes"])
        assert header_order(app) == ["Docker", "Docker Swarm", "Kubernetes"]
        await shows(pilot, "▸ 2 Docker Swarm")  # the focused tool, by symbol

        await pilot.press("left", "greater_than_sign")  # focus Docker, move it right
        await wait_for(pilot, lambda: screen.tool_ids == ["swarm", "docker", "kubernetes"])
        assert header_order(app) == ["Docker Swarm", "Docker", "Kubernetes"]

        await pilot.press("x")  # remove the focused tool (Docker)
        await wait_for(pilot, lambda: screen.tool_ids == ["swarm", "kubernetes"])
        assert header_order(app) == ["Docker Swarm", "Kubernetes"]
        await pilot.press("x")  # never fewer than two
        await notified(pilot, "at least two")
        assert screen.tool_ids == ["swarm", "kubernetes"]


async def test_at_most_four_tools(pack: Pack, config_dir: Path) -> None:
    app = compare_app(pack, config_dir, ["docker", "compose", "swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await on_compare(pilot)
        assert len(screen.tool_ids) == 4
        await pilot.press("a")
        await notified(pilot, "At most 4")
        assert app.screen is screen  # no chooser


async def test_the_chooser_closes_with_escape_and_filters_to_nothing(
    pack: Pack, config_dir: Path
) -> None:
    app = compare_app(pack, config_dir, ["docker", "kubernetes"])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await on_compare(pilot)
        await pilot.press("a")
        chooser = await on_screen(pilot, ToolChooserScreen)
        await pilot.press(*"zzz")
        await shows(pilot, "No tool matches.")
        assert chooser.items == []
        await pilot.press("enter", "escape")
        assert await on_compare(pilot) is screen
        assert screen.tool_ids == ["docker", "kubernetes"]


async def test_a_pack_of_200_tools_opens_and_lists_them_in_the_chooser(
    pack: Pack, config_dir: Path
) -> None:
    base = pack.tool("docker")
    assert base is not None
    tools = [
        base.model_copy(update={"id": f"tool-{i:03d}", "order": i, "aliases": []})
        for i in range(200)
    ]
    big = Pack(tools=tools)
    app = OrchExplorerApp(big, settings_path=config_dir / "config.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await on_screen(pilot, ExplorerScreen)
        await pilot.press("c")
        screen = await on_compare(pilot)
        assert screen.tool_ids == ["tool-000", "tool-001"]
        await pilot.press("a")
        chooser = await on_screen(pilot, ToolChooserScreen)
        assert len(chooser.items) == 198
        await pilot.press(*"199")
        await wait_for(pilot, lambda: [tool.id for tool in chooser.items] == ["tool-199"])
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.tool_ids == ["tool-000", "tool-001", "tool-199"])


# --------------------------------------------------------------------------------------
# Rows


async def test_d_shows_only_the_rows_that_differ(pack: Pack, config_dir: Path) -> None:
    app = compare_app(pack, config_dir, ["swarm", "kubernetes"])
    matrix = compare_tools(pack, ["swarm", "kubernetes"])
    concepts = compare_concepts(pack, ["swarm", "kubernetes"])
    assert matrix.differing < len(matrix.rows)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await on_compare(pilot)
        grid = screen.dimensions_grid
        assert grid.row_count == len(matrix.rows)
        status = f"{matrix.differing} of {len(matrix.rows)} rows differ"
        await shows(pilot, f"{status} · showing all {len(matrix.rows)} (d: differences only)")
        await pilot.press("d")
        await wait_for(pilot, lambda: grid.row_count == matrix.differing)
        assert grid.row_ids == [r.id for r in matrix.rows if r.differs]
        assert screen.concepts_grid.row_count == concepts.differing
        shown = f"showing differences only, {matrix.differing} rows (d: all)"
        await shows(pilot, f"{status} · {shown}")
        await pilot.press("d")
        await wait_for(pilot, lambda: grid.row_count == len(matrix.rows))


async def test_swarm_and_kubernetes_agree_on_discovery_and_clustering(
    pack: Pack, config_dir: Path
) -> None:
    app = compare_app(pack, config_dir, ["swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        grid = (await on_compare(pilot)).dimensions_grid
        equal = [row.id for row in grid.rows if not row.differs]
        assert equal == ["clustering", "service-discovery"]
        for row_id, title in [
            ("clustering", "Clustering support"),
            ("service-discovery", "Service discovery"),
        ]:
            grid.move_cursor(grid.row_ids.index(row_id))
            await shows(pilot, "▸= " + title)
            assert line_with(screen_text(app), title).startswith("▸= " + title)
        grid.move_cursor(0)
        await shows(pilot, "▸≠ Role")
        assert line_with(screen_text(app), "Role").startswith("▸≠ Role")


async def test_levels_are_shown_with_symbol_and_word(pack: Pack, config_dir: Path) -> None:
    app = compare_app(pack, config_dir, ["compose", "swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        await on_compare(pilot)
        line = line_with(await shows(pilot, "Clustering support"), "Clustering support")
        assert "✗ none" in line and line.count("● full") == 2


async def test_cursor_moves_with_arrows_and_vim_keys_and_scrolls(
    pack: Pack, config_dir: Path
) -> None:
    app = compare_app(pack, config_dir, ["docker", "kubernetes"])
    async with app.run_test(size=(80, 24)) as pilot:
        grid = (await on_compare(pilot)).dimensions_grid
        assert grid.cursor == 0
        await pilot.press("j", "down")
        await wait_for(pilot, lambda: grid.cursor == 2)
        await pilot.press("k")
        await wait_for(pilot, lambda: grid.cursor == 1)
        await pilot.press("end")
        await wait_for(pilot, lambda: grid.cursor == len(grid.rows) - 1)
        await shows(pilot, grid.rows[-1].title.plain)  # scrolled into view
        await pilot.press("home", "pagedown")
        await wait_for(pilot, lambda: grid.cursor > 1)


async def test_notes_open_on_demand(pack: Pack, config_dir: Path) -> None:
    app = compare_app(pack, config_dir, ["compose", "swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await on_compare(pilot)
        grid = screen.dimensions_grid
        grid.move_cursor(grid.row_ids.index("service-discovery"))
        text = await shows(pilot, "※ 1 note(s) (Docker Compose) · n or Enter shows them")
        assert "network (one host) ※" in line_with(text, "network (one host) ※")
        assert "Compose creates a default project network" not in text  # not until asked
        await pilot.press("n")
        await on_screen(pilot, RowDetailScreen)
        await shows(
            pilot,
            "※ Note: The source text says 'none', which is not accurate: Compose creates",
            "Native service discovery",
        )
        await pilot.press("escape")
        assert await on_compare(pilot) is screen
        await pilot.press("enter")
        await on_screen(pilot, RowDetailScreen)
        await pilot.press("enter")
        assert await on_compare(pilot) is screen


# --------------------------------------------------------------------------------------
# Tabs


async def test_concepts_and_examples_tabs(pack: Pack, config_dir: Path) -> None:
    app = compare_app(pack, config_dir, ["compose", "swarm"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await on_compare(pilot)
        tabs = screen.query_one("#compare-tabs", TabbedContent)
        await pilot.press("2")
        await wait_for(pilot, lambda: tabs.active == "concepts")
        await wait_for(pilot, lambda: app.focused is screen.concepts_grid)
        await shows(pilot, "Unit of deployment", "service → tasks", "service (containers)")
        concept = screen.state.concepts.rows[0]
        await pilot.press("n")  # the focused concept's detail: each tool's term and text
        await on_screen(pilot, RowDetailScreen)
        text = await shows(pilot, "■ Docker Compose", "■ Docker Swarm")
        for cell in concept.cells:
            assert cell is not None and cell.term in text
        await pilot.press("escape")
        await on_compare(pilot)

        await pilot.press("3")
        await wait_for(pilot, lambda: tabs.active == "examples")
        await wait_for(pilot, lambda: isinstance(app.focused, DiffView))
        diff = screen.state.current_diff
        assert diff is not None
        assert (diff.left.tool.id, diff.right.tool.id) == ("compose", "swarm")
        text = await shows(pilot, "Docker Compose · compose.yaml", "Docker Swarm · stack.yaml")
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


async def test_three_tools_show_consecutive_example_pairs(pack: Pack, config_dir: Path) -> None:
    app = compare_app(pack, config_dir, ["compose", "swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await on_compare(pilot)
        await pilot.press("3")
        await shows(pilot, "pair 1 of 2 (p: next pair)")
        first = screen.state.current_diff
        await pilot.press("p")
        await shows(pilot, "pair 2 of 2")
        second = screen.state.current_diff
        assert first is not None and second is not None
        assert (first.left.tool.id, first.right.tool.id) == ("compose", "swarm")
        assert (second.left.tool.id, second.right.tool.id) == ("swarm", "kubernetes")
        await pilot.press("p")
        await shows(pilot, "pair 1 of 2")
        assert screen.state.current_diff is first


async def test_no_common_example_says_so(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_screen(pilot, ExplorerScreen)
        await pilot.press("c")
        screen = await on_compare(pilot)
        await pilot.press("3")
        await shows(pilot, "these tools have no two examples of the same app")
        await pilot.press("p", "e", "j", "n")
        await pilot.press("2")  # the keys were all taken in, the screen still answers
        await wait_for(pilot, lambda: screen.active_tab == "concepts")
        assert app.screen is screen


# --------------------------------------------------------------------------------------
# Language, help, search, palette


async def test_l_switches_everything_to_korean_in_place(pack: Pack, config_dir: Path) -> None:
    app = compare_app(pack, config_dir, ["compose", "swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await on_compare(pilot)
        await pilot.press("j", "j", "d")
        await wait_for(pilot, lambda: screen.state.only_differences)
        cursor = screen.dimensions_grid.cursor_row_id
        await pilot.press("l")
        text = await shows(pilot, "서비스 디스커버리", "클러스터링 지원", "비교 항목", "개념")
        assert app.screen is screen
        assert "다른 항목만" in text
        assert "● 완전" in text and "✗ 없음" in text
        assert "Service discovery" not in text
        assert screen.state.only_differences and screen.dimensions_grid.cursor_row_id == cursor
        await pilot.press("3")
        await shows(pilot, "유사도")
        await pilot.press("escape")
        await on_screen(pilot, ExplorerScreen)
        await shows(pilot, "기능")  # the explorer was relabelled too


async def test_the_dialogs_follow_a_language_switch_while_open(
    pack: Pack, config_dir: Path
) -> None:
    app = compare_app(pack, config_dir, ["compose", "swarm", "kubernetes"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await on_compare(pilot)
        grid = screen.dimensions_grid
        grid.move_cursor(grid.row_ids.index("service-discovery"))
        await pilot.press("n")
        await on_screen(pilot, RowDetailScreen)
        await shows(pilot, "Service discovery", "※ Note:")
        app.lang = "ko"  # what the palette's "switch language" does, over any dialog
        text = await shows(pilot, "서비스 디스커버리")
        assert "Service discovery" not in text
        await pilot.press("escape")
        assert await on_compare(pilot) is screen
        await pilot.press("a")
        chooser = await on_screen(pilot, ToolChooserScreen)
        await shows(pilot, t("cmp_add_title", "ko"))
        app.lang = "en"
        await shows(pilot, t("cmp_add_title", "en"), "Docker")
        compared = set(screen.tool_ids)
        assert [tool.id for tool in chooser.items] == [
            x for x in pack.tool_ids if x not in compared
        ]


async def test_help_lists_the_comparison_keys(pack: Pack, config_dir: Path) -> None:
    app = compare_app(pack, config_dir, ["docker", "kubernetes"])
    async with app.run_test(size=(100, 60)) as pilot:
        await on_compare(pilot)
        await pilot.press("question_mark")
        await on_screen(pilot, HelpScreen)
        rows = dict(key_rows(app.screen_stack[-2], "en"))  # all of them, scrolled or not
        assert rows["4"] == "Compose keys"
        assert "Notes / details" in rows.values() and "Examples tab" in rows.values()
        await shows(
            pilot,
            "Differences only",
            "Add tool",
            "Remove tool",
            "Move tool left",
            "Move tool right",
            "Previous column",
            "Next example pair",
            "Down",
            "Back",
        )
        await pilot.press("escape")
        await on_compare(pilot)


async def test_search_hit_on_a_dimension_opens_the_comparison_on_that_row(
    pack: Pack, config_dir: Path
) -> None:
    app = make_app(pack, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        search = await search_for(pilot, "rolling updates")

        def row_hit() -> int | None:
            return next(
                (
                    i
                    for i, h in enumerate(search.hits)
                    if h.kind == "dimension" and h.id == "rolling-updates"
                ),
                None,
            )

        await wait_for(pilot, lambda: row_hit() is not None)
        index = row_hit()
        assert index is not None
        hit = search.hits[index]
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        screen = await on_compare(pilot)
        await wait_for(pilot, lambda: screen.dimensions_grid.cursor_row_id == "rolling-updates")
        if hit.tool is not None:
            assert screen.state.focused_tool == hit.tool
        await shows(pilot, "▸≠")
        assert "Rolling updates" in line_with(screen_text(app), "▸≠")

        # a concept hit from the comparison reuses the screen and opens the Concepts tab
        screen.set_tools(["docker", "kubernetes"], focus_row="unit-of-deployment")
        await wait_for(pilot, lambda: screen.active_tab == "concepts")
        assert app.screen is screen
        assert screen.concepts_grid.cursor_row_id == "unit-of-deployment"


async def test_search_follows_a_language_switch_while_open(pack: Pack, config_dir: Path) -> None:
    app = make_app(pack, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        search = await search_for(pilot, "rolling updates")
        await wait_for(pilot, lambda: any(h.id == "rolling-updates" for h in search.hits))
        hits = list(search.hits)
        await shows(pilot, "Rolling updates", t("search_hint", "en"))
        app.lang = "ko"  # as the palette's "switch language" does
        text = await shows(
            pilot, "롤링 업데이트", t("search_hint", "ko"), t("search_count", "ko", count=len(hits))
        )
        assert t("search_hint", "en") not in text
        assert search.query_one(Input).value == "rolling updates"  # the query is kept
        assert [h.id for h in search.hits] == [h.id for h in hits]


async def test_palette_compares_docker_with_kubernetes(pack: Pack, config_dir: Path) -> None:
    app = make_app(pack, config_dir, tool="swarm")
    async with app.run_test(size=(120, 40)) as pilot:
        await on_screen(pilot, ExplorerScreen)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: bool(app.screen.query(CommandList)))
        await pilot.press(*"Compare Docker with Kubernetes")
        await wait_for(pilot, lambda: palette_highlight(app) == "Compare Docker with Kubernetes")
        await pilot.press("enter")
        screen = await on_compare(pilot)
        assert screen.tool_ids == ["docker", "kubernetes"]
        await shows(pilot, "Main differences between Docker and Kubernetes")


async def test_quit_works_on_the_comparison(pack: Pack, config_dir: Path) -> None:
    app = compare_app(pack, config_dir, ["docker", "kubernetes"])
    async with app.run_test(size=(80, 24)) as pilot:
        await on_compare(pilot)
        await pilot.press("q")
        await wait_for(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0


# --------------------------------------------------------------------------------------
# Safety and sizes


async def test_markup_looking_text_is_shown_literally(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_screen(pilot, ExplorerScreen)
        await pilot.press("c")
        screen = await on_compare(pilot)
        assert screen.tool_ids == ["alpha", "beta"]
        await shows(pilot, "[bold]Alpha[/]", "[bold]Dim", "[red]x ※", "● full", "✗ none")
        await pilot.press("n")
        await on_screen(pilot, RowDetailScreen)
        await shows(pilot, "※ Note: [note]")
        await pilot.press("escape")
        await on_compare(pilot)
        await pilot.press("a")  # both tools compared: nothing to add, and no crash
        await notified(pilot, t("cmp_no_more_tools", "en"))
        assert app.is_running and app.screen is screen


@pytest.mark.parametrize(
    "size",
    [(80, 24), (10, 5), *(pytest.param(s, marks=pytest.mark.slow) for s in [(40, 12), (20, 8)])],
)
async def test_any_size_works(pack: Pack, config_dir: Path, size: tuple[int, int]) -> None:
    app = compare_app(pack, config_dir, ["compose", "swarm", "kubernetes"])
    async with app.run_test(size=size) as pilot:
        screen = await on_compare(pilot)
        for key in [
            "j", "end", "d", "n", "escape", "left", "greater_than_sign", "2", "j",
            "3", "p", "e", "j", "l", "1", "x", "a", "enter", "question_mark", "escape",
        ]:  # fmt: skip
            await pilot.press(key)
        await pilot.resize_terminal(*reversed(size))
        # ">" moved Compose right, "x" removed it, "a" + Enter added the first other tool
        await wait_for(pilot, lambda: screen.tool_ids == ["swarm", "kubernetes", "docker"])
        assert await on_compare(pilot) is screen
        await pilot.press("escape")
        await on_screen(pilot, ExplorerScreen)


async def test_80x24_wraps_cells_in_their_columns(pack: Pack, config_dir: Path) -> None:
    app = compare_app(pack, config_dir, ["compose", "swarm", "kubernetes"], lang="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await on_compare(pilot)
        # three columns side by side, each line of cells cut into columns by "│"
        await wait_for(
            pilot,
            lambda: sum(line.count(" │ ") == 2 for line in screen_text(app).splitlines()) >= 5,
        )
        text = screen_text(app)
        assert all(len(line) <= 80 for line in text.splitlines())
        assert "단일 호스트에 제한됨" in text or "멀티 컨테이너" in text


async def test_a_row_far_down_is_scrolled_into_view_on_opening(
    pack: Pack, config_dir: Path
) -> None:
    app = make_app(pack, config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, ExplorerScreen)
        app.open_compare(["docker"], focus_row="learning-curve")
        screen = await on_compare(pilot)
        grid = screen.dimensions_grid
        assert grid.cursor_row_id == "learning-curve"
        assert grid.row_ids.index("learning-curve") > 10
        await shows(pilot, "Learning curve")
        assert line_with(screen_text(app), "Learning curve").startswith("▸")
