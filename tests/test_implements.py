"""`Tool.implements`: a tool that implements another's API (k3s implements kubernetes) shows
the target's cells in the portability matrix and the command map, marked as inherited; its own
cell wins. The loader refuses an unknown target, the tool itself and a chain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orchexplorer.cli import main
from orchexplorer.commands.explain import render_markdown, render_text
from orchexplorer.explain import explain
from orchexplorer.i18n import with_wa
from orchexplorer.loader import PackError, load_pack, read_yaml_file
from orchexplorer.model import Pack
from orchexplorer.portability import (
    cell_of,
    command_cell,
    command_tools,
    inherited_label,
    key_cell,
    key_tools,
    row_cells,
)
from orchexplorer.tui.screens.portability import detail
from tests.conftest import FIXTURES, TOOL_A, write_pack

SEVEN = FIXTURES / "seven"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(SEVEN)


def _key(pack: Pack, key_id: str):  # type: ignore[no-untyped-def]
    return next(k for k in pack.compose_keys if k.id == key_id)


def _command(pack: Pack, row_id: str):  # type: ignore[no-untyped-def]
    return next(c for c in pack.commands if c.id == row_id)


# ------------------------------------------------------------------------------ loader


def _tool(tool_id: str, implements: str | None = None) -> str:
    line = f"    implements: {implements}\n" if implements else ""
    return (
        TOOL_A.replace("tools:\n", "")
        .replace("alpha", tool_id)
        .replace("    tagline: First\n", line + "    tagline: First\n")
    )


def _errors(root: Path, lang: str = "en") -> list[str]:
    with pytest.raises(PackError) as info:
        load_pack(root, lang=lang)  # type: ignore[arg-type]
    return [str(e) for e in info.value.errors]


def test_a_known_target_loads(tmp_path: Path) -> None:
    body = "tools:\n" + _tool("kube") + _tool("lite", "kube")
    pack = load_pack(write_pack(tmp_path, {"a.yaml": body}))
    lite = pack.tool("lite")
    assert lite is not None and lite.implements == "kube"
    kube = pack.tool("kube")
    assert kube is not None and kube.implements is None


def test_an_unknown_target_is_located(tmp_path: Path) -> None:
    write_pack(tmp_path, {"a.yaml": "tools:\n" + _tool("lite", "kube")})
    (err,) = _errors(tmp_path)
    assert err.endswith("a.yaml:5:17: unknown tool id 'kube'")


def test_a_tool_implementing_itself_is_located(tmp_path: Path) -> None:
    write_pack(tmp_path, {"a.yaml": "tools:\n" + _tool("lite", "lite")})
    (err,) = _errors(tmp_path)
    assert err.endswith("a.yaml:5:17: a tool implements itself: 'lite'")
    (ko,) = _errors(tmp_path, "ko")
    assert "자기 자신을 구현" in ko


def test_a_chain_is_located_at_the_tool_that_starts_it(tmp_path: Path) -> None:
    first = "tools:\n" + _tool("kube") + _tool("lite", "kube")
    write_pack(tmp_path, {"a.yaml": first, "b.yaml": "tools:\n" + _tool("tiny", "lite")})
    (err,) = _errors(tmp_path)
    assert "b.yaml:5:17: 'lite' implements another tool itself" in err
    assert "one step only" in err


def test_a_cycle_of_two_reports_both(tmp_path: Path) -> None:
    body = "tools:\n" + _tool("one", "two") + _tool("two", "one")
    write_pack(tmp_path, {"a.yaml": body})
    errs = _errors(tmp_path)
    assert len(errs) == 2
    assert all("implements another tool itself" in e for e in errs)


def test_not_an_id_is_a_validation_error(tmp_path: Path) -> None:
    write_pack(tmp_path, {"a.yaml": "tools:\n" + _tool("lite", "'Not An Id'")})
    (err,) = _errors(tmp_path)
    assert "a.yaml:5:17:" in err and "implements" in err


# ------------------------------------------------------------------------------ the matrix


def test_columns_include_the_implementing_tool_in_sidebar_order(pack: Pack) -> None:
    targets = ["compose", "swarm", "kubernetes", "k3s", "podman", "nomad"]
    assert key_tools(pack) == targets
    assert command_tools(pack) == ["docker", "kubernetes", "k3s", "podman", "nomad"]


def test_a_tool_without_a_cell_shows_the_implemented_tools_cell(pack: Pack) -> None:
    key = _key(pack, "depends-on")
    cell, source = key_cell(pack, key, "k3s")
    assert cell is key.support["kubernetes"] and source == "kubernetes"
    own, none = key_cell(pack, key, "kubernetes")
    assert own is key.support["kubernetes"] and none is None


def test_its_own_cell_wins(pack: Pack) -> None:
    key = _key(pack, "volumes")
    cell, source = key_cell(pack, key, "k3s")
    assert cell is not None and cell.level == "supported" and source is None
    command, source = command_cell(pack, _command(pack, "list"), "k3s")
    assert command is not None and command.command.startswith("k3s ") and source is None


def test_no_cell_anywhere_is_none(pack: Pack) -> None:
    assert key_cell(pack, _key(pack, "ports"), "docker") == (None, None)
    assert cell_of(pack, {}, "k3s") == (None, None)
    assert cell_of(pack, {"x": 1}, "no-such-tool") == (None, None)


def test_inherited_commands(pack: Pack) -> None:
    command, source = command_cell(pack, _command(pack, "logs"), "k3s")
    assert command is not None and command.command == "kubectl logs web-0"
    assert source == "kubernetes"


def test_row_cells_put_inherited_ones_after_their_tool(pack: Pack) -> None:
    ids = [(tid, src) for tid, _cell, src in row_cells(pack, _key(pack, "ports").support)]
    assert ids == [
        ("compose", None),
        ("swarm", None),
        ("kubernetes", None),
        ("k3s", "kubernetes"),
        ("podman", None),
        ("nomad", None),
    ]
    own = [src for tid, _c, src in row_cells(pack, _key(pack, "volumes").support) if tid == "k3s"]
    assert own == [None]


@pytest.mark.parametrize(
    ("word", "particle"),
    [
        ("Kubernetes", "와"),
        ("쿠버네티스", "와"),
        ("Docker Swarm", "과"),
        ("도커 스웜", "과"),
        ("Podman", "과"),
        ("Nomad", "와"),
        ("K3s", "와"),
        ("Helm 3", "과"),
        ("", "와"),
    ],
)
def test_the_korean_particle_follows_the_name(word: str, particle: str) -> None:
    assert with_wa(word) == particle


def test_the_inherited_mark_in_both_languages(pack: Pack) -> None:
    assert inherited_label(pack, "kubernetes", "en") == "as Kubernetes"
    assert inherited_label(pack, "kubernetes", "ko") == "Kubernetes와 같음"
    assert inherited_label(pack, "swarm", "ko") == "Docker Swarm과 같음"


def test_the_row_detail_marks_inherited_cells(pack: Pack) -> None:
    _title, body = detail(pack, _key(pack, "depends-on"), "en")
    text = body.plain
    assert "■ K3s  ✗ no equivalent  (as Kubernetes)" in text
    assert text.index("■ Kubernetes") < text.index("■ K3s") < text.index("■ Podman")
    _title, own = detail(pack, _key(pack, "volumes"), "en")
    assert "■ K3s  ● supported" in own.plain and "as Kubernetes" not in own.plain
    _title, commands = detail(pack, _command(pack, "logs"), "ko")
    assert "■ K3s  (Kubernetes와 같음)" in commands.plain


# ------------------------------------------------------------------------------ explain


def _compose(tmp_path: Path) -> Path:
    path = tmp_path / "compose.yaml"
    path.write_text(
        "services:\n  web:\n    image: nginx:1.27-alpine\n    depends_on: [db]\n"
        "    volumes: [data:/data]\n  db:\n    image: postgres:17\n",
        encoding="utf-8",
    )
    return path


def test_explain_uses_the_implemented_tools_cells(pack: Pack, tmp_path: Path) -> None:
    doc = read_yaml_file(_compose(tmp_path), merge_keys=True)
    ex = explain(doc, pack, ["k3s", "kubernetes"])
    levels = {f.entry.id: (f.level("k3s"), f.inherited_from("k3s")) for f in ex.findings}
    assert levels == {"depends-on": ("none", "kubernetes"), "volumes": ("supported", None)}
    assert all(f.inherited_from("kubernetes") is None for f in ex.findings)
    text = render_text(ex, pack, "en")
    assert "K3s         ✗ no equivalent — initContainers (as Kubernetes)" in text
    assert "Kubernetes  ✗ no equivalent — initContainers\n" in text
    markdown = render_markdown(ex, pack, "ko")
    assert "(Kubernetes와 같음)" in markdown


def test_explain_json_names_where_a_cell_came_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--content", str(SEVEN), "--lang", "en", "explain", str(_compose(tmp_path))]
    code = main([*argv, "--target", "k3s,nomad", "--format", "json"])
    out, _err = capsys.readouterr()
    assert code == 0
    found = {(f["matrix_id"], f["tool"]): f for f in json.loads(out)["findings"]}
    assert found[("depends-on", "k3s")]["inherited_from"] == "kubernetes"
    assert found[("depends-on", "k3s")]["level"] == "none"
    assert found[("volumes", "k3s")]["inherited_from"] is None
    assert found[("depends-on", "nomad")]["inherited_from"] is None
