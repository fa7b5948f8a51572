"""`orchexplorer search`: output formats, options, errors and import hygiene, via cli.main."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from orchexplorer.cli import main
from orchexplorer.commands import search as search_command
from orchexplorer.search import KINDS
from tests.conftest import REPO
from tests.test_search import FIXTURE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_yaml_pack(root: Path, data: dict[str, Any]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    return write_yaml_pack(tmp_path / "pack", FIXTURE)


def search(capsys: pytest.CaptureFixture[str], pack: Path, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "search", "--content", str(pack), *argv)


def test_plain_output_best_first_one_line_per_hit(
    capsys: pytest.CaptureFixture[str], pack_dir: Path
) -> None:
    code, out, err = search(capsys, pack_dir, "--lang", "en", "self", "healing")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == (
        "kubernetes  feature  Self-healing — Restarts failed containers automatically."
    )
    assert lines[1].startswith("kubernetes  tool     Kubernetes — ")


def test_plain_output_columns_are_aligned(
    capsys: pytest.CaptureFixture[str], pack_dir: Path
) -> None:
    code, out, _ = search(capsys, pack_dir, "--lang", "en", "docker", "--limit", "6")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 6
    assert lines[0].startswith("docker   tool      Docker — ")
    tools = [line.split()[0] for line in lines]
    kinds = [line.split()[1] for line in lines]
    assert "compose" in tools and "feature" in kinds
    # Tool and kind are padded to the widest of each: titles start in one column.
    column = max(map(len, tools)) + 2 + max(map(len, kinds)) + 2
    for line in lines:
        assert line[column - 2 : column] == "  " and line[column] != " ", line


def test_output_follows_the_language(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    _, out, _ = search(capsys, pack_dir, "--lang", "ko", "self-healing", "--limit", "1")
    assert out == "kubernetes  feature  셀프 힐링 — 실패한 컨테이너를 자동으로 다시 시작합니다.\n"
    # A Korean query finds the result shown in English.
    _, out, _ = search(capsys, pack_dir, "--lang", "en", "셀프힐링", "--limit", "1")
    assert out.startswith("kubernetes  feature  Self-healing")


def test_json_output(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    code, out, _ = search(capsys, pack_dir, "--lang", "en", "--json", "k8s", "--limit", "2")
    data = json.loads(out)
    assert code == 0 and len(data) <= 2
    assert data[0] == {
        "tool": "kubernetes",
        "kind": "tool",
        "id": "kubernetes",
        "section": "overview",
        "title": "Kubernetes",
        "snippet": data[0]["snippet"],
        "score": data[0]["score"],
    }
    assert isinstance(data[0]["score"], float) and data[0]["score"] > 0
    assert isinstance(data[0]["snippet"], str)


def test_json_tool_is_null_for_a_whole_comparison_row(
    capsys: pytest.CaptureFixture[str], pack_dir: Path
) -> None:
    _, out, _ = search(
        capsys, pack_dir, "--json", "--kind", "dimension", "롤링", "업데이트", "지원"
    )
    data = json.loads(out)
    assert data[0]["tool"] is None and data[0]["id"] == "rolling-updates"


def test_no_hits(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    assert search(capsys, pack_dir, "qqqzzzxxx") == (0, "", "")
    assert search(capsys, pack_dir, "--json", "qqqzzzxxx") == (0, "[]\n", "")
    assert search(capsys, pack_dir, "--json", "[.*") == (0, "[]\n", "")


def test_limit(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    _, out, _ = search(capsys, pack_dir, "docker", "--limit", "1")
    assert len(out.splitlines()) == 1
    _, out, _ = search(capsys, pack_dir, "s", "--limit", "100")
    assert len(out.splitlines()) > search_command.DEFAULT_LIMIT == 10
    _, out, _ = search(capsys, pack_dir, "s")
    assert len(out.splitlines()) == 10


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1.5"])
def test_bad_limit_exits_2(capsys: pytest.CaptureFixture[str], pack_dir: Path, value: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["search", "--content", str(pack_dir), "docker", "--limit", value])
    out, err = capsys.readouterr()
    assert exc.value.code == 2 and out == ""
    assert "--limit" in err and "Traceback" not in err


def test_unknown_tool_exits_2_naming_known_ids(
    capsys: pytest.CaptureFixture[str], pack_dir: Path
) -> None:
    code, out, err = search(capsys, pack_dir, "--lang", "en", "docker", "--tool", "nomad")
    assert code == 2 and out == ""
    assert "nomad" in err and "docker, compose, swarm, kubernetes" in err


def test_bad_kind_exits_2(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["search", "--content", str(pack_dir), "docker", "--kind", "recipe"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_tool_and_kind_filters(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    _, out, _ = search(capsys, pack_dir, "--json", "update", "--tool", "SWARM", "--limit", "50")
    data = json.loads(out)
    assert data and {d["tool"] for d in data} <= {"swarm", None}
    assert any(d["id"] == "rolling-update" for d in data)
    _, out, _ = search(capsys, pack_dir, "--json", "docker", "--kind", "example")
    data = json.loads(out)
    assert data and {d["kind"] for d in data} == {"example"}


def test_kind_choices_match_the_search_module() -> None:
    assert search_command.KIND_CHOICES == KINDS


def test_control_characters_in_content_are_not_sent_raw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = copy.deepcopy(FIXTURE)
    data["tools"][0]["features"][0]["title"] = "Evil\x1b[2J title"
    pack = write_yaml_pack(tmp_path / "evil", data)
    code, out, _ = search(capsys, pack, "--lang", "en", "evil")
    assert code == 0 and "Evil" in out
    assert "\x1b" not in out and "\\x1b[2J" in out
    _, out, _ = search(capsys, pack, "--lang", "en", "--json", "evil")
    # the loader makes control characters visible once, for every output
    assert "\x1b" not in out and json.loads(out)[0]["title"] == "Evil\\x1b[2J title"


def test_markup_like_text_is_printed_as_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = copy.deepcopy(FIXTURE)
    data["tools"][0]["features"][0]["title"] = "[bold]Infra[/] as code [IaC]"
    pack = write_yaml_pack(tmp_path / "markup", data)
    _, out, _ = search(capsys, pack, "--lang", "en", "IaC", "--limit", "1")
    assert "[bold]Infra[/] as code [IaC]" in out


def test_bad_pack_is_one_clean_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("tools: [1]\n", encoding="utf-8")
    code, out, err = search(capsys, tmp_path, "docker")
    assert code == 1 and out == "" and "Traceback" not in err and "a.yaml" in err


def test_shipped_pack(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "--lang", "en", "--json", "k8s")
    assert code == 0 and json.loads(out)[0]["id"] == "kubernetes"
    code, out, _ = run(capsys, "search", "--lang", "ko", "로드밸런싱", "--limit", "3")
    assert code == 0 and len(out.splitlines()) == 3 and "로드 밸런싱" in out.splitlines()[0]


def test_search_does_not_import_textual() -> None:
    probe = (
        "import sys\nfrom orchexplorer.cli import main\n"
        "code = main(['search', '--lang', 'en', 'docker'])\n"
        "print(code, any(m.split('.')[0] == 'textual' for m in sys.modules), "
        "'orchexplorer.search' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("docker")  # it did search
    assert lines[-1] == "0 False True"


def test_building_the_parser_does_not_import_search() -> None:
    probe = (
        "import sys\nfrom orchexplorer.cli import build_parser\nbuild_parser()\n"
        "print('orchexplorer.search' in sys.modules, 'rapidfuzz' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.stdout.strip() == "False False", result.stderr
