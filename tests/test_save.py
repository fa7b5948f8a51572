"""`s` saves the selected example to a file: the copy that works in every terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from orchexplorer.loader import load_pack
from orchexplorer.tui.save import file_name, write_new
from tests.tui_helpers import make_app


def test_write_new_never_replaces_a_file(tmp_path: Path) -> None:
    (tmp_path / "docker-run.sh").write_text("mine\n", encoding="utf-8")
    first = write_new(tmp_path, "docker-run.sh", "echo one\n")
    second = write_new(tmp_path, "docker-run.sh", "echo two\n")
    assert (first.name, second.name) == ("docker-run-2.sh", "docker-run-3.sh")
    assert (tmp_path / "docker-run.sh").read_text(encoding="utf-8") == "mine\n"
    assert second.read_text(encoding="utf-8") == "echo two\n"


def test_file_names_are_safe_and_typed() -> None:
    pack = load_pack()
    names = {file_name(tool, ex) for tool in pack.tools for ex in tool.examples}
    assert len(names) == sum(len(tool.examples) for tool in pack.tools)  # no two alike
    for name in names:
        assert "/" not in name and not name.startswith(".")
    for tool in pack.tools:
        for ex in tool.examples:
            suffix = {"yaml": (".yaml", ".yml"), "bash": (".sh",)}.get(ex.language)
            if suffix:
                assert file_name(tool, ex).endswith(suffix), (tool.id, ex.id)


async def test_s_saves_the_example_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:
    monkeypatch.setenv("ORCHEXPLORER_SAVE_DIR", str(tmp_path / "out"))
    pack = load_pack()
    docker = pack.tool("docker")
    assert docker is not None
    app = make_app(load_pack(), config_dir, tool="docker")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "s")
        await pilot.pause()
        saved = sorted((tmp_path / "out").iterdir())
        assert [p.read_text(encoding="utf-8") for p in saved] == [docker.examples[0].code]
        assert str(saved[0]) in " ".join(n.message for n in app._notifications)
        await pilot.press("s")
        await pilot.pause()
        assert len(list((tmp_path / "out").iterdir())) == 2  # a second file, not a rewrite


async def test_y_says_the_copy_went_to_the_terminal_clipboard(config_dir: Path) -> None:
    app = make_app(load_pack(), config_dir, tool="docker")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "y")
        await pilot.pause()
        messages = " ".join(n.message for n in app._notifications)
        assert "OSC 52" in messages and "press s" in messages
