"""Pilot walks of browser-like navigation: history, the breadcrumb, marks, find in the
view, search scopes, `o`, Enter with Hangul, the palette's built-in commands, the theme,
the sidebar and maximising."""

from __future__ import annotations

import json
from pathlib import Path

from rich.syntax import Syntax
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Static

from orchexplorer.history import Place
from orchexplorer.model import Pack
from orchexplorer.tui.app import OrchExplorerApp
from orchexplorer.tui.screens.compare import CompareScreen
from orchexplorer.tui.screens.explorer import ExplorerScreen
from orchexplorer.tui.screens.marks import MarksScreen
from orchexplorer.tui.screens.search import SearchScreen
from orchexplorer.tui.widgets.detail import ToolDetail
from tests.helpers import notified, wait_for
from tests.tui_helpers import make_app, screen_text


def _at(app: OrchExplorerApp, field: str) -> str | None:
    """A field of the place on screen (None when no place is shown)."""
    place = app.place()
    return None if place is None else getattr(place, field)


async def _open_search(pilot: Pilot[int], app: OrchExplorerApp) -> SearchScreen:
    """`/`, and the search screen once its index is ready."""
    await pilot.press("slash")
    await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    await wait_for(pilot, lambda: screen.index is not None)
    return screen


def _header(app: object) -> str:
    return screen_text(app).splitlines()[0]  # type: ignore[arg-type]


async def test_back_and_forward_walk_tools_tabs_and_the_comparison(
    shipped_pack: Pack, config_dir: Path
) -> None:
    app = make_app(shipped_pack, config_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.track_place()
        await pilot.press("down")  # Compose
        await wait_for(pilot, lambda: _at(app, "tool") == "compose")
        app.track_place()
        await pilot.press("2")  # its features
        await wait_for(pilot, lambda: _at(app, "tab") == "features")
        app.track_place()
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        await wait_for(pilot, lambda: app.place() is not None)
        app.track_place()
        assert [p.view for p in app.history.back_places] == ["tool", "tool", "tool"]
        assert "Compare:" in _header(app)

        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen))
        await wait_for(pilot, lambda: "Docker Compose › Features" in _header(app))
        await wait_for(pilot, lambda: app.history_settled)
        await pilot.press("alt+left")
        await wait_for(pilot, lambda: app.place() == Place("tool", tool="compose", tab="overview"))
        assert "Docker Compose › Overview" in _header(app)
        await pilot.press("right_square_bracket")  # forward again
        await wait_for(pilot, lambda: _at(app, "tab") == "features")
        # a new visit after going back drops what was ahead (the comparison)
        await pilot.press("escape", "up")  # to the sidebar, then Docker
        await wait_for(pilot, lambda: _at(app, "tool") == "docker")
        app.track_place()
        assert not app.history.can_forward
        await pilot.press("right_square_bracket")
        await notified(pilot, "Nothing further forward")
        assert isinstance(app.screen, ExplorerScreen)


async def test_a_search_jump_is_a_visit_even_in_the_same_list(
    shipped_pack: Pack, config_dir: Path
) -> None:
    app = make_app(shipped_pack, config_dir, tool="kubernetes")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.track_place()
        app.show_item("kubernetes", "features", "self-healing")
        await wait_for(pilot, lambda: _at(app, "item") == "self-healing")
        app.track_place()
        app.show_item("kubernetes", "features", "rolling-update-rollback")
        await wait_for(pilot, lambda: _at(app, "item") == "rolling-update-rollback")
        app.track_place()
        assert "Kubernetes › Features › Rolling updates and rollback" in _header(app)
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: _at(app, "item") == "self-healing")


async def test_marks_persist_are_listed_and_a_missing_one_is_shown_as_such(
    shipped_pack: Pack, config_dir: Path
) -> None:
    settings = config_dir / "config.json"
    gone = {
        "place": {"view": "tool", "tool": "docker", "tab": "features", "item": "gone"},
        "label": "Docker › Features › Something removed",
    }
    settings.write_text(json.dumps({"lang": "en", "marks": [gone, "junk"]}), encoding="utf-8")
    app = make_app(shipped_pack, config_dir, tool="kubernetes")
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.place() is not None)
        await pilot.press("2")
        await wait_for(pilot, lambda: _at(app, "item") is not None)
        marked = app.place()
        assert marked is not None
        await pilot.press("m")
        await notified(pilot, "Marked: Kubernetes › Features")
        saved = json.loads(settings.read_text(encoding="utf-8"))
        assert saved["lang"] == "en"  # the other settings are kept
        assert saved["marks"][0]["place"]["item"] == marked.item
        assert len(saved["marks"]) == 2  # the junk entry was dropped, the missing one kept
        await pilot.press("1")  # somewhere else
        await pilot.press("apostrophe")
        await wait_for(pilot, lambda: isinstance(app.screen, MarksScreen))
        text = screen_text(app)
        assert "Kubernetes › Features" in text
        assert "Something removed" in text and "(missing)" in text
        await pilot.press("down", "enter")  # the missing one: said so, not followed
        await notified(pilot, "No longer in this pack")
        await pilot.press("up", "enter")
        await wait_for(pilot, lambda: app.place() == marked)
        # m again on the same item forgets it
        await pilot.press("m")
        await wait_for(pilot, lambda: len(app.marks) == 1)
        assert len(json.loads(settings.read_text(encoding="utf-8"))["marks"]) == 1


async def test_find_in_the_tab_counts_and_steps_with_n(
    shipped_pack: Pack, config_dir: Path
) -> None:
    app = make_app(shipped_pack, config_dir, tool="kubernetes")
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.place() is not None)
        await pilot.press("2", "f")
        await pilot.press(*"roll")
        count = app.screen.query_one("#find-count")
        await wait_for(pilot, lambda: "/" in str(count.render()))
        total = int(str(count.render()).split("/")[1])
        assert total >= 2
        first = app.place()
        await pilot.press("enter")  # back to the list, the find stays
        assert app.screen.query_one(ToolDetail).find_query == "roll"
        await pilot.press("n")
        await wait_for(pilot, lambda: app.place() != first)
        assert str(count.render()).startswith("2/")
        await pilot.press("N")
        await wait_for(pilot, lambda: app.place() == first)
        await pilot.press("f", "escape")  # Escape in the bar clears it
        assert app.screen.query_one(ToolDetail).find_query == ""
        await pilot.press("f", *"zzzqqq")
        await wait_for(pilot, lambda: "none" in str(count.render()))


async def test_find_in_the_comparison_and_n_still_opens_notes_without_it(
    shipped_pack: Pack, config_dir: Path
) -> None:
    app = make_app(shipped_pack, config_dir, lang="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_compare(["swarm", "kubernetes"])
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        await wait_for(pilot, lambda: app.place() is not None)
        await pilot.press("f", *"롤링", "enter")
        count = app.screen.query_one("#find-count", Static)
        await wait_for(pilot, lambda: str(count.render()).startswith("1/"))
        row = app.screen.dimensions_grid.cursor_row  # type: ignore[attr-defined]
        assert "롤링" in row.title.plain + "".join(p.plain for c in row.cells for p in c)
        await pilot.press("f", "escape", "n")  # no find: n opens the row's notes
        await wait_for(pilot, lambda: type(app.screen).__name__ == "RowDetailScreen")


async def test_a_scoped_search_lists_only_those_tools_and_names_a_bad_scope(
    shipped_pack: Pack, config_dir: Path
) -> None:
    app = make_app(shipped_pack, config_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _open_search(pilot, app)
        await pilot.press(*"swarm:rolling")
        await wait_for(pilot, lambda: screen.listed_for == "swarm:rolling" and screen.hits)
        assert {hit.tool for hit in screen.hits} <= {"swarm", None}
        assert "In: Docker Swarm" in screen_text(app)
        screen.query_one("#search-input", Input).value = "k8z:secret"
        await wait_for(pilot, lambda: "'k8z' is not a tool" in screen_text(app))
        assert screen.hits == []


async def test_enter_catches_up_with_a_syllable_that_arrived_with_it(
    shipped_pack: Pack, config_dir: Path
) -> None:
    """A Hangul IME sends the last syllable when Enter ends it: the hits listed may be for
    the text without it. Enter then shows the hits for the whole text and opens nothing."""
    app = make_app(shipped_pack, config_dir, lang="ko")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _open_search(pilot, app)
        await pilot.press(*"롤링")
        await wait_for(pilot, lambda: screen.listed_for == "롤링")
        screen.query_one("#search-input", Input).insert_text_at_cursor("업")
        screen.listed_for = "롤링"  # the list has not caught up yet
        await pilot.press("enter")
        assert isinstance(app.screen, SearchScreen)  # not opened from the stale list
        assert screen.listed_for == "롤링업"
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, SearchScreen))


async def test_o_opens_the_item_s_own_link_else_the_tool_s_docs(
    tmp_path: Path, config_dir: Path
) -> None:
    from orchexplorer.loader import load_pack
    from tests.conftest import write_pack

    root = write_pack(
        tmp_path / "pack",
        {
            "t.yaml": """
tools:
  - id: alpha
    name: Alpha
    kind: Tool
    tagline: First
    summary: Alpha summary
    links:
      - {title: Docs, url: "https://example.org/docs"}
    features:
      - id: own
        title: Own link
        description: Has a link.
        link: "https://example.org/own"
      - id: none
        title: No link
        description: Has none.
"""
        },
    )
    app = make_app(load_pack(root), config_dir)
    opened: list[str] = []
    app.open_url = lambda url, **_: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.place() is not None)
        await pilot.press("2")
        await wait_for(pilot, lambda: _at(app, "item") == "own")
        await pilot.press("o")
        await pilot.press("enter", "tab", "down")  # into the detail, its list, the next feature
        await wait_for(pilot, lambda: _at(app, "item") == "none")
        await pilot.press("o")
        await wait_for(pilot, lambda: len(opened) == 2)
        assert opened == ["https://example.org/own", "https://example.org/docs"]
        await notified(pilot, "no source of its own")


async def test_palette_built_ins_are_in_korean_and_the_theme_is_remembered(
    shipped_pack: Pack, config_dir: Path
) -> None:
    app = make_app(shipped_pack, config_dir, lang="ko")
    async with app.run_test(size=(120, 36)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles[:2] == ["테마", "키"] and "종료" in titles
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"테마")
        await wait_for(pilot, lambda: "색 테마를 바꿉니다" in screen_text(app))
        await pilot.press("escape")
        app.theme = "textual-light"
        await wait_for(pilot, lambda: (config_dir / "config.json").exists())
    saved = json.loads((config_dir / "config.json").read_text(encoding="utf-8"))
    assert saved["theme"] == "textual-light"
    again = make_app(shipped_pack, config_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"
        detail = again.screen.query_one(ToolDetail)
        detail.open_tab("examples")
        await pilot.pause()
        code = again.screen.query_one("#example-code", Static)
        await wait_for(pilot, lambda: isinstance(code.content, Syntax))
        # a light theme gets the light terminal colours for code, not the dark ones
        syntax = code.content
        assert isinstance(syntax, Syntax)
        shown = syntax._theme.style_map  # type: ignore[attr-defined]
        assert shown == Syntax.get_theme("ansi_light").style_map  # type: ignore[attr-defined]
        assert shown != Syntax.get_theme("ansi_dark").style_map  # type: ignore[attr-defined]


async def test_an_unknown_saved_theme_is_ignored_and_the_file_left_alone(
    shipped_pack: Pack, config_dir: Path
) -> None:
    settings = config_dir / "config.json"
    settings.write_text(json.dumps({"theme": "no-such-theme"}), encoding="utf-8")
    app = make_app(shipped_pack, config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme != "no-such-theme"
    assert json.loads(settings.read_text(encoding="utf-8")) == {"theme": "no-such-theme"}


async def test_b_hides_the_sidebar_and_z_maximizes_the_focused_pane(
    shipped_pack: Pack, config_dir: Path
) -> None:
    app = make_app(shipped_pack, config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        sidebar = app.screen.query_one("#sidebar")
        await pilot.press("b")
        await wait_for(pilot, lambda: app.screen.query_one("#detail").size.width >= 78)
        assert not sidebar.display and app.focused is not sidebar
        await pilot.press("escape")  # back to the sidebar shows it again
        assert sidebar.display and app.focused is sidebar
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        await pilot.press("z")
        await wait_for(pilot, lambda: app.screen.maximized is not None)
        await pilot.press("z")
        await wait_for(pilot, lambda: app.screen.maximized is None)


async def test_a_screen_still_composing_has_no_place_and_breaks_nothing(
    shipped_pack: Pack, config_dir: Path
) -> None:
    """The place is read a few times a second, also while a screen is being composed or
    removed; a widget not there yet means no place, never an error."""
    from textual.css.query import NoMatches

    app = make_app(shipped_pack, config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.place() is not None)
        screen = app.screen

        def composing() -> Place:
            raise NoMatches("not yet")

        screen.place = composing  # type: ignore[attr-defined]
        assert app.place() is None
        app.track_place()  # nothing recorded, nothing raised
        assert app.history.current is not None and app.history.current.tool == "docker"
