"""False friends in the concept mapping: a row whose word means different things per tool is
marked, and says how (comparison screen, compare --concepts in every format)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orchexplorer import cli
from orchexplorer.compare import FALSE_FRIEND_MARK, compare_concepts
from orchexplorer.loader import load_pack
from orchexplorer.tui.screens.compare import CompareScreen
from orchexplorer.tui.screens.dialogs import RowDetailScreen
from tests.helpers import wait_for
from tests.tui_helpers import make_app, screen_text


def test_rows_carry_the_false_friends_of_their_concept() -> None:
    pack = load_pack()
    matrix = compare_concepts(pack, ["compose", "swarm", "kubernetes"])
    service = next(r for r in matrix.rows if r.id == "service")
    assert [f.term for f in service.false_friends] == ["service"]
    assert service.label("en").endswith(FALSE_FRIEND_MARK)
    linked = {f.concept for f in pack.false_friends if f.concept}
    for row in matrix.rows:
        assert bool(row.false_friends) == (row.id in linked), row.id


def test_compare_concepts_marks_them_in_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["compare", "compose", "kubernetes", "--concepts"]) == 0
    table = capsys.readouterr().out
    assert "'service' means different things per tool" in table
    assert cli.main(["compare", "compose", "kubernetes", "--concepts", "--format", "json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    assert rows["service"]["false_friends"][0]["term"] == "service"
    assert rows["service"]["false_friends"][0]["difference"]
    md_args = ["--lang", "ko", "compare", "compose", "kubernetes", "--concepts", "--format"]
    assert cli.main([*md_args, "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "- ⚠ 'service'은(는) 도구마다 뜻이 다른 용어입니다" in markdown


async def test_the_concepts_tab_marks_the_row_and_its_detail_explains(config_dir: Path) -> None:
    pack = load_pack()
    friend = next(f for f in pack.false_friends if f.term == "service")
    app = make_app(pack, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(["compose", "swarm", "kubernetes"])
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        await pilot.press("2")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        grid = screen.concepts_grid
        await wait_for(pilot, lambda: "service" in grid.row_ids)
        grid.move_cursor(grid.row_ids.index("service"))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, RowDetailScreen))
        text = screen_text(app)
        assert "'service' means different things per tool" in text
        assert " ".join((friend.difference.en or "").split()[:6]) in " ".join(text.split())
