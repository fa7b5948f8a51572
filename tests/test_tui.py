"""The explorer, driven with Pilot as a person would: keys in, screen text out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.widgets import OptionList, Static, TabbedContent

from orchexplorer.loader import load_pack
from orchexplorer.model import Pack
from orchexplorer.tui.screens.explorer import ExplorerScreen
from orchexplorer.tui.screens.help import HelpScreen
from orchexplorer.tui.widgets.detail import ToolDetail
from orchexplorer.tui.widgets.sidebar import ToolList
from tests.conftest import FIXTURES
from tests.helpers import wait_for
from tests.tui_helpers import make_app, screen_text

MARKUP = FIXTURES / "markup"


async def test_selecting_tools_with_arrows_and_vim_keys(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        detail = app.screen.query_one(ToolDetail)
        assert detail.tool is not None and detail.tool.id == "alpha"
        await pilot.press("j")
        assert detail.tool.id == "beta"
        assert "Beta has no features, examples or relations." in screen_text(app)
        await pilot.press("k")
        assert detail.tool.id == "alpha"
        await pilot.press("down")
        assert detail.tool.id == "beta"


async def test_number_keys_switch_tabs(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        tabs = app.screen.query_one(TabbedContent)
        for key, pane in [
            ("2", "features"),
            ("3", "use_cases"),
            ("4", "examples"),
            ("5", "relations"),
            ("1", "overview"),
        ]:
            await pilot.press(key)
            assert tabs.active == pane
        await pilot.press("2")
        assert "dict[str, list[int]] [@click=app.quit]quit[/]" in screen_text(app)


async def test_markup_looking_content_is_shown_literally_everywhere(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        text = screen_text(app)
        for literal in [
            "[bold]Alpha[/]",
            "[IaC] tool",
            "list[int] and [link=https://example.com]",
            "[b]bold[/b] summary [/] end \\[escaped]",
            "[on red]Comp: [[double]]",
            "[red]old claim",
            "[green]new fact",
            "[u]Docs",
        ]:
            assert literal in text, literal
        await pilot.press("3")
        assert "[italic]Use[/]" in screen_text(app)
        await pilot.press("4")
        text = screen_text(app)
        assert "[bold]Example" in text and '"[bold]value[/]"' in text and "[dim]explained" in text
        await pilot.press("5")
        assert "[b]uses[/b] beta" in screen_text(app)
        assert app.is_running  # `[@click=app.quit]` did nothing


async def test_empty_states_in_a_one_tool_pack(config_dir: Path) -> None:
    full = load_pack(MARKUP)
    beta = full.tool("beta")
    assert beta is not None
    app = make_app(Pack(tools=[beta]), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        for key, message in [
            ("2", "This tool has no features."),
            ("3", "This tool has no use cases."),
            ("4", "This tool has no examples."),
            ("5", "No relations between this tool and the others."),
        ]:
            await pilot.press(key)
            assert message in screen_text(app)


async def test_empty_pack_shows_a_message(config_dir: Path) -> None:
    app = make_app(Pack(), config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "The pack has no tools." in screen_text(app)
        await pilot.press("j", "2", "y", "o", "l", "q")
    assert app.return_code == 0


async def test_language_toggle_changes_everything_and_persists(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        text = screen_text(app)
        assert "Features" in text and "[b]bold[/b] summary" in text and "Quit" in text
        await pilot.press("l")
        await pilot.pause()
        text = screen_text(app)
        assert "기능" in text and "사용 사례" in text  # tab labels
        assert "[b]굵게[/b] 요약" in text  # content
        assert "종료" in text  # footer
        assert "orchexplorer — 한국어" in text  # header
        assert json.loads((config_dir / "config.json").read_text())["lang"] == "ko"
        await pilot.press("l")
        await pilot.pause()
        assert "Features" in screen_text(app)
        assert json.loads((config_dir / "config.json").read_text())["lang"] == "en"


async def test_help_lists_every_binding_and_closes(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir, lang="ko")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        # Every row, also those below the fold of the scrolling list.
        text = str(app.screen.query_one("#help-keys", Static).render())
        for description in [
            "종료",
            "도움말",
            "예제 복사",
            "공식 문서",
            "기능 탭",
            "아래로",
            "위로",
            "뒤로 (방문 기록)",  # [ / Alt+←
            "앞으로 (방문 기록)",
            "표시하기 / 표시 지우기",  # m
            "표시한 곳",  # '
            "이 화면에서 찾기",  # f
            "사이드바 숨기기 / 보이기",  # b
            "창 최대화 / 되돌리기",  # z
        ]:
            assert description in text, description
        await pilot.press("escape")
        assert isinstance(app.screen, ExplorerScreen)


async def test_quit_exits_with_status_zero(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_tool_option_selects_the_tool(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir, tool="beta")
    async with app.run_test(size=(100, 30)):
        assert app.screen.query_one(ToolList).current.id == "beta"  # type: ignore[union-attr]
        assert app.screen.query_one(ToolDetail).tool.id == "beta"  # type: ignore[union-attr]


async def test_copy_example_and_open_docs(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(MARKUP, config_dir)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "y")
        assert app.clipboard == 'key: "[bold]value[/]"\n'
        await pilot.press("o")
        assert opened == ["https://example.com/docs"]
        await pilot.press("j", "y")  # beta has no example: a warning, not a crash
        assert app.clipboard == 'key: "[bold]value[/]"\n'


async def test_enter_on_relation_jumps_to_the_other_tool(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "tab", "tab")
        assert app.focused is not None and app.focused.id == "relations-list"
        await pilot.press("enter")
        assert app.screen.query_one(ToolDetail).tool.id == "beta"  # type: ignore[union-attr]
        assert isinstance(app.focused, ToolList)


async def test_tab_moves_focus_and_escape_returns_to_sidebar(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.focused, ToolList)
        await pilot.press("tab")
        assert not isinstance(app.focused, ToolList)
        await pilot.press("escape")
        assert isinstance(app.focused, ToolList)


@pytest.mark.parametrize(
    "size",
    [
        (10, 5),
        (80, 24),
        *(pytest.param(s, marks=pytest.mark.slow) for s in [(20, 8), (40, 12), (250, 80)]),
    ],
)
async def test_any_size_works(config_dir: Path, size: tuple[int, int]) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=size) as pilot:
        for key in ["j", "2", "4", "5", "l", "question_mark", "escape", "k", "1"]:
            await pilot.press(key)
        await pilot.resize_terminal(*reversed(size))
        await pilot.pause()
        assert app.is_running
        await pilot.press("q")
    assert app.return_code == 0


async def test_corrupt_config_is_ignored_with_notice_and_kept(config_dir: Path) -> None:
    path = config_dir / "config.json"
    path.write_text("{not json", encoding="utf-8")
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any("Settings file ignored" in n.message for n in app._notifications)
    assert path.read_text(encoding="utf-8") == "{not json"  # not overwritten


def _palette_choice(app: App[Any]) -> str:
    """The command the palette would run on Enter (plain text), or "" while it has none."""
    if not isinstance(app.screen, CommandPalette):
        return ""
    commands = app.screen.query_one(CommandList)
    if commands.highlighted is None:
        return ""
    return str(commands.get_option_at_index(commands.highlighted).prompt)


async def test_command_palette_finds_features_safely(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"reverse")
        await wait_for(pilot, lambda: "[reverse]Feature[/reverse]" in _palette_choice(app))
        assert "Alpha[/]: [reverse]Feature[/reverse]" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen))
        assert app.screen.query_one(TabbedContent).active == "features"


async def test_command_palette_switches_language(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"korean")
        await wait_for(pilot, lambda: "Switch to Korean" in _palette_choice(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen))
        assert app.lang == "ko"
        await wait_for(pilot, lambda: "기능" in screen_text(app))


async def _search(pilot: object, app: object, query: str) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("slash")
    await pilot.pause()
    await pilot.press(*query)
    # the index is built and the query run in workers: wait for them
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_search_jumps_to_the_hit_and_escape_returns(config_dir: Path) -> None:
    from orchexplorer.tui.screens.search import SearchScreen

    app = make_app(load_pack(), config_dir, lang="ko")
    async with app.run_test(size=(100, 30)) as pilot:
        await _search(pilot, app, "ㅅㅍ ㅎㄹ")  # 초성 for 셀프 힐링
        assert isinstance(app.screen, SearchScreen)
        text = screen_text(app)
        assert "Kubernetes  기능  자가 치유(원문: 셀프 힐링)" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        detail = app.screen.query_one(ToolDetail)
        assert detail.tool is not None and detail.tool.id == "kubernetes"
        assert detail.active_tab == "features"
        features = app.screen.query_one("#features-list")
        assert features.highlighted is not None  # type: ignore[attr-defined]
        option = features.get_option_at_index(features.highlighted)  # type: ignore[attr-defined]
        assert option.id == "self-healing"
        # Escape closes search and leaves the explorer as it was
        await pilot.press("1", "slash")
        await pilot.pause()
        await pilot.press(*"docker", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        assert detail.tool.id == "kubernetes" and detail.active_tab == "overview"


async def test_search_moves_through_hits(config_dir: Path) -> None:
    app = make_app(load_pack(), config_dir, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await _search(pilot, app, "stack deploy")
        screen = app.screen
        hits = screen.hits  # type: ignore[attr-defined]
        assert len(hits) >= 2
        first, chosen = hits[0], hits[1]
        # The second hit is another of the same tool's examples, so only the highlighted
        # example tells whether Down moved to it.
        assert chosen.tool is not None and chosen.section == "examples"
        assert (first.tool, first.section) == (chosen.tool, "examples") and first.id != chosen.id
        await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        detail = app.screen.query_one(ToolDetail)
        assert detail.tool is not None and detail.tool.id == chosen.tool
        assert detail.active_tab == "examples"
        examples = app.screen.query_one("#examples-list", OptionList)
        assert examples.highlighted is not None
        assert examples.get_option_at_index(examples.highlighted).id == chosen.id


async def test_search_shows_markup_and_odd_queries_literally(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await _search(pilot, app, "reverse")
        assert "[reverse]Feature[/reverse]" in screen_text(app)
        for query in ["[.*", "[bold]", "\\", "ㅋ"]:
            await pilot.press(*(["backspace"] * 10))
            await pilot.press(*query)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.is_running
        await pilot.press("backspace", "backspace", "x", "y", "z", "q")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Nothing matches 'xyzq'." in screen_text(app)


async def test_ctrl_c_quits_with_status_zero(config_dir: Path) -> None:
    app = make_app(MARKUP, config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "ctrl+c")
        await pilot.pause()
    assert app.return_code == 0


async def test_each_tab_shows_the_tool_and_language_chosen_while_it_was_closed(
    config_dir: Path,
) -> None:
    # Only the open tab is filled when the tool or language changes; the others are filled
    # when opened. Whatever the order of keys, a tab must show the current tool.
    app = make_app(load_pack(None), config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        assert "Creating and managing containers" in screen_text(app)  # docker
        await pilot.press("1", "j", "2")  # compose chosen on the overview
        await pilot.pause()
        text = screen_text(app)
        assert "Defining multi-container applications" in text
        assert "Creating and managing containers" not in text
        await pilot.press("4", "tab", "tab", "j", "j", "escape")  # compose's third example…
        await pilot.press("1", "j", "j", "4")  # …then kubernetes, which has two
        await pilot.pause()
        text = screen_text(app)
        assert "web + db as Kubernetes manifests" in text and "kubectl: apply" in text
        assert "Everyday docker compose commands" not in text
        await pilot.press("1", "l", "2")  # Korean chosen on the overview
        await pilot.pause()
        text = screen_text(app)
        assert "컨테이너 오케스트레이션" in text and "Container orchestration" not in text
        await pilot.press("1", "k", "tab", "right")  # swarm; the tab bar's own keys
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "features"
        assert "클러스터링" in screen_text(app)


async def test_copy_takes_the_first_example_of_a_tool_whose_examples_were_not_opened(
    config_dir: Path,
) -> None:
    app = make_app(load_pack(None), config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "tab", "tab", "j", "j", "escape")  # docker's third example
        await pilot.press("1", "j", "j", "j", "y")  # kubernetes, chosen on the overview
        await pilot.pause()
        kubernetes = app.pack.tool("kubernetes")
        assert kubernetes is not None
        assert app.clipboard == kubernetes.examples[0].code


def test_the_first_screen_leaves_search_and_syntax_highlighting_for_later(
    tmp_path: Path,
) -> None:
    # What the first screen does not need is imported when first used (see BENCHMARKS.md):
    # the search module with `/`, Pygments when an example is shown.
    code = f"""
import asyncio, sys
from pathlib import Path
from typing import Any
from orchexplorer.loader import load_pack
from orchexplorer.tui.app import OrchExplorerApp

def loaded():
    return [m for m in ("orchexplorer.search", "rich.syntax", "pygments") if m in sys.modules]

async def main():
    app = OrchExplorerApp(load_pack(None), settings_path=Path({str(tmp_path / "config.json")!r}))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        print(loaded())
        await pilot.press("4")
        await pilot.pause()
        print(loaded())
        await pilot.press("slash")
        await pilot.pause()
        print(loaded())

asyncio.run(main())
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.split("\n")[:3] == [
        "[]",
        "['rich.syntax', 'pygments']",
        "['orchexplorer.search', 'rich.syntax', 'pygments']",
    ]


async def test_a_note_found_by_search_is_scrolled_into_view(config_dir: Path) -> None:
    # The note is far down another tool's overview, and another tab is open: the overview
    # is filled for the new tool, then scrolled to the note once it is laid out.
    app = make_app(load_pack(), config_dir, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await _search(pilot, app, "dockershim")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        detail = app.screen.query_one(ToolDetail)
        assert detail.tool is not None and detail.tool.id == "kubernetes"
        assert detail.active_tab == "overview"
        assert "dockershim, which connected Docker Engine directly" in screen_text(app)
