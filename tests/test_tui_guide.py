"""The guide screen, walked with the keyboard to a result."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from orchexplorer.guide import questions, rank
from orchexplorer.loader import load_pack
from orchexplorer.tui.screens.explorer import ExplorerScreen
from orchexplorer.tui.screens.guide import GuideScreen
from orchexplorer.tui.widgets.detail import ToolDetail
from tests.tui_helpers import make_app, screen_text

# The seed's conclusion "Compose for local development", as answer numbers (1-based) per
# question id; questions not listed are skipped with `s`.
LOCAL_DEV = {"stage": "local-dev", "hosts": "one", "services": "several"}


async def _walk(pilot, app, wanted: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    pack = app.pack
    for question in questions(pack):
        assert isinstance(app.screen, GuideScreen)
        assert question.title.get(app.lang) in screen_text(app)
        answer = wanted.get(question.id)
        if answer is None:
            await pilot.press("s")
        else:
            n = [a.id for a in question.answers].index(answer) + 1
            await pilot.press(str(n), "enter")
        await pilot.pause()


async def _to_result(pilot, app, wanted: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Open the guide from the explorer and answer `wanted` (skipping the rest)."""
    await pilot.press("g")
    await pilot.pause()
    await _walk(pilot, app, wanted)


async def test_walk_to_a_result_then_jump_to_the_best_tool(config_dir: Path) -> None:
    pack = load_pack()
    app = make_app(pack, config_dir, lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        await _walk(pilot, app, LOCAL_DEV)
        expected = rank(pack, LOCAL_DEV)
        assert expected.ranking[0].tool_id == "compose"
        text = screen_text(app)
        assert "Result: which tool fits?" in text
        assert expected.summary.get("en") in text
        assert "1. Docker Compose" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        assert app.screen.query_one(ToolDetail).tool.id == "compose"  # type: ignore[union-attr]


async def test_back_keeps_answers_and_escape_leaves(config_dir: Path) -> None:
    app = make_app(load_pack(), config_dir, lang="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "3", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GuideScreen) and screen.step == 1
        assert screen.answers == {"stage": "production"}
        assert f"질문 2 / {len(questions(app.pack))}" in screen_text(app)
        await pilot.press("backspace")
        assert screen.step == 0
        assert screen.query_one("#guide-list").highlighted == 2  # type: ignore[attr-defined]
        await pilot.press("l")
        await pilot.pause()
        assert f"Question 1 of {len(questions(app.pack))}" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)


async def test_unanswered_guide_explains_the_tie(config_dir: Path) -> None:
    pack = load_pack()
    app = make_app(pack, config_dir, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        for _ in questions(pack):
            await pilot.press("s")
        await pilot.pause()
        tie = rank(pack, {}).ties[0].text.get("en")
        assert tie[:60] in screen_text(app).replace("\n", " ")


async def test_result_compares_the_top_two(config_dir: Path) -> None:
    from orchexplorer.tui.screens.compare import CompareScreen

    pack = load_pack()
    wanted = {"stage": "production", "hosts": "many", "autoscaling": "yes"}
    app = make_app(pack, config_dir, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_result(pilot, app, wanted)
        top = [r.tool_id for r in rank(pack, wanted).ranking[:2]]
        assert top[0] == "kubernetes"
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert list(app.screen.tool_ids) == top


async def test_result_says_why_tools_are_ruled_out_and_which_answers_clash(
    config_dir: Path,
) -> None:
    pack = load_pack()
    wanted = {"hosts": "one", "self-healing": "yes", "rolling-updates": "basic"}
    app = make_app(pack, config_dir, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_result(pilot, app, wanted)
        result = rank(pack, wanted)
        # (K3s on one server, with Deployments, shares first place with Docker Swarm; what
        # rules K3s, Podman and Nomad out depends on their comparison cells)
        assert result.ranking[0].tool_id == "swarm"
        assert {r.tool for r in result.ruled_out} & {"compose", "docker", "swarm"} == {
            "compose",
            "docker",
        }
        text = screen_text(app)
        flat = " ".join(text.split())
        assert "Tied for the best fit: Docker Swarm and K3s" in flat
        for name in ("Docker Compose", "Docker"):
            assert (
                f"✗ {name}: ruled out — required: self-healing that reschedules failed work "
                "onto another node; zero-downtime rolling updates"
            ) in flat
        # on the ranked tool itself (the list scrolls: seven tools are ranked)
        options = app.screen.query_one("#guide-list", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("(ruled out)" in prompt and "Docker Compose" in prompt for prompt in prompts)
        (conflict,) = result.conflicts
        assert " ".join(conflict.text.get("en").split())[:80] in flat
        assert "contradict each other" in flat
        await pilot.press("l")
        await pilot.pause()
        flat = " ".join(screen_text(app).split())
        assert "✗ Docker Compose: 제외 — 필수 조건: " in flat
        assert "중단 없는 롤링 업데이트" in flat and "서로 맞지 않는 답입니다" in flat
