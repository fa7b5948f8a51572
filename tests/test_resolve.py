"""One resolver for tool names: ids, aliases and names work wherever a tool is named."""

from __future__ import annotations

import io
from typing import Any

import pytest

from orchexplorer import cli
from orchexplorer.loader import load_pack


@pytest.mark.parametrize(
    ("name", "tool_id"),
    [
        ("kubernetes", "kubernetes"),
        ("K8S", "kubernetes"),
        ("쿠버네티스", "kubernetes"),
        (" Docker Swarm ", "swarm"),
        ("docker compose", "compose"),
        ("docker", "docker"),
    ],
)
def test_the_pack_resolves_ids_aliases_and_names(name: str, tool_id: str) -> None:
    tool = load_pack().resolve(name)
    assert tool is not None and tool.id == tool_id


def test_an_unknown_name_resolves_to_nothing() -> None:
    assert load_pack().resolve("nomad-ish") is None


def _run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_and_search_take_an_alias(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run("show", "k8s", capsys=capsys)
    assert code == 0 and out.startswith("Kubernetes")
    code, out, _ = _run("search", "--tool", "k8s", "--json", "rolling", capsys=capsys)
    assert code == 0 and '"tool": "kubernetes"' in out and '"tool": "swarm"' not in out
    code, out, _ = _run("compare", "k8s,docker swarm", "--format", "json", capsys=capsys)
    assert code == 0 and '"kubernetes"' in out and '"swarm"' in out


def test_unknown_names_list_the_known_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run("show", "nope", capsys=capsys)
    assert code == 2 and "docker, compose, swarm, kubernetes" in err


def test_the_app_flags_take_aliases(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: dict[str, Any] = {}

    def fake_run_app(pack: object, **kwargs: Any) -> int:
        seen.update(kwargs)
        return 0

    import orchexplorer.tui.app as app_module

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    monkeypatch.setattr("sys.stdin", _Tty())
    monkeypatch.setattr("sys.stdout", _Tty())
    assert cli.main(["--tool", "k8s", "--compare", "K8s,swarm,kubernetes"]) == 0
    assert seen["tool"] == "kubernetes"
    assert seen["compare"] == ["kubernetes", "swarm"]


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True
