"""`orchexplorer compare`: formats, options, errors and import hygiene, through cli.main."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from orchexplorer.cli import main
from orchexplorer.termtext import cell_width

PACK = textwrap.dedent(
    """\
    tools:
      - id: docker
        order: 1
        name: Docker
        kind: {ko: 컨테이너 엔진, en: container engine}
        tagline: t
        summary: s
        examples:
          - id: build
            title: build
            code: docker build .
      - id: compose
        order: 2
        name: Docker Compose
        kind: t
        tagline: t
        summary: s
        examples:
          - id: web-db
            title: web and db
            language: yaml
            filename: compose.yaml
            code: |
              services:
                web:
                  image: nginx
                db:
                  image: mysql
      - id: swarm
        order: 3
        name: Docker Swarm
        kind: t
        tagline: t
        summary: s
        examples:
          - id: stack-web-db
            title: stack
            language: yaml
            code: |
              services:
                web:
                  image: nginx
                  deploy:
                    replicas: 2
                db:
                  image: mysql
      - id: kubernetes
        order: 4
        name: Kubernetes
        aliases: [k8s]
        kind: t
        tagline: t
        summary: s
    dimensions:
      - id: role
        order: 1
        title: {ko: 역할, en: Role}
        cells:
          docker: {text: {ko: 컨테이너 생성 및 관리, en: Builds and runs containers}}
          kubernetes:
            text: {ko: 오케스트레이션 | 관리, en: Orchestration | management}
      - id: clustering
        order: 2
        title: {ko: 클러스터링 지원, en: Clustering}
        cells:
          docker: {text: {ko: 없음, en: none}, level: none}
          compose: {text: {ko: 단일 호스트에 제한됨, en: single host only}, level: none}
          swarm:
            text: {ko: 여러 노드를 클러스터로 구성 가능, en: multi-node clusters}
            level: full
          kubernetes:
            text: {ko: 여러 노드를 클러스터로 구성 가능, en: multi-node clusters}
            level: full
      - id: rolling-updates
        order: 3
        title: {ko: 롤링 업데이트, en: Rolling updates}
        cells:
          compose: {text: {ko: 없음, en: none}, level: none}
          swarm:
            text: {ko: 기본적인 롤링 업데이트 지원, en: basic rolling updates}
            level: basic
            note: {ko: 롤백도 가능, en: rollback too}
          kubernetes:
            text: {ko: 고급 롤링 업데이트 및 롤백 지원, en: advanced rolling updates and rollback}
            level: advanced
      - id: escape
        order: 4
        title: {ko: 제어 문자, en: Control}
        cells:
          docker: {text: "red \\x1b[31m text"}
          kubernetes: {text: plain}
    comparisons:
      - id: docker-vs-kubernetes
        title: {ko: Docker와 Kubernetes, en: Docker and Kubernetes}
        tools: [docker, kubernetes]
        dimensions: [role, clustering]
    concepts:
      - id: workload
        title: {ko: 워크로드, en: Workload}
        cells:
          compose: {term: service, text: {ko: 컨테이너 정의, en: a container definition}}
          swarm: {term: service, text: {ko: 복제되는 작업, en: replicated tasks}}
          kubernetes: {term: Deployment, text: {ko: 파드 관리, en: manages Pods}}
    """
)


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    return tmp_path


def run(
    capsys: pytest.CaptureFixture[str], pack_dir: Path, *args: str, lang: str = "en"
) -> tuple[int, str, str]:
    code = main(["compare", *args, "--content", str(pack_dir), "--lang", lang])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], pack_dir: Path, *args: str) -> dict[str, Any]:
    code, out, err = run(capsys, pack_dir, *args, "--format", "json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


# --------------------------------------------------------------------------------------
# Output formats


def test_json_exact_shape_and_values(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    data = run_json(capsys, pack_dir, "kubernetes", "docker")
    assert set(data) == {"tools", "rows"}
    assert data["tools"] == ["kubernetes", "docker"]
    # the comparison's dimensions first in its order, then the others with a cell
    assert [r["id"] for r in data["rows"]] == ["role", "clustering", "rolling-updates", "escape"]
    role = data["rows"][0]
    assert set(role) == {"id", "title", "values", "levels", "notes", "note_sources", "differs"}
    assert role["title"] == "Role"
    assert role["values"] == {
        "kubernetes": "Orchestration | management",
        "docker": "Builds and runs containers",
    }
    assert role["levels"] == {"kubernetes": None, "docker": None}
    clustering = data["rows"][1]
    assert clustering["levels"] == {"kubernetes": "full", "docker": "none"}
    assert all(r["differs"] is True for r in data["rows"])


def test_swarm_and_kubernetes_agree_on_clustering(
    capsys: pytest.CaptureFixture[str], pack_dir: Path
) -> None:
    data = run_json(capsys, pack_dir, "swarm", "kubernetes")
    differs = {r["id"]: r["differs"] for r in data["rows"]}
    assert differs == {"role": True, "clustering": False, "rolling-updates": True, "escape": True}
    notes = next(r["notes"] for r in data["rows"] if r["id"] == "rolling-updates")
    assert notes == {"swarm": "rollback too", "kubernetes": None}


def test_only_differences(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    data = run_json(capsys, pack_dir, "swarm", "kubernetes", "--only-differences")
    assert [r["id"] for r in data["rows"]] == ["role", "rolling-updates", "escape"]


def test_comma_separated_tools_and_aliases(
    capsys: pytest.CaptureFixture[str], pack_dir: Path
) -> None:
    separate = run_json(capsys, pack_dir, "compose", "swarm", "kubernetes")
    commas = run_json(capsys, pack_dir, "compose,swarm,kubernetes")
    mixed = run_json(capsys, pack_dir, "compose,swarm", "K8S")
    assert separate == commas == mixed
    assert separate["tools"] == ["compose", "swarm", "kubernetes"]


def test_markdown_in_korean(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    code, out, _ = run(capsys, pack_dir, "docker", "kubernetes", "--format", "markdown", lang="ko")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "| **특징** | **Docker** | **Kubernetes** |"
    assert lines[1] == "| --- | --- | --- |"
    assert lines[2] == "| **역할** | 컨테이너 생성 및 관리 | 오케스트레이션 \\| 관리 |"
    assert lines[3] == "| **클러스터링 지원** | 없음 | 여러 노드를 클러스터로 구성 가능 |"


def test_table_marks_rows_and_shows_levels(
    capsys: pytest.CaptureFixture[str], pack_dir: Path
) -> None:
    code, out, _ = run(capsys, pack_dir, "swarm", "kubernetes", "--width", "100")
    assert code == 0
    lines = out.splitlines()
    clustering = next(ln for ln in lines if "Clustering" in ln)
    assert clustering.startswith("= ")
    rolling = next(ln for ln in lines if "Rolling updates" in ln)
    assert rolling.startswith("≠ ")
    assert "◑ basic" in rolling and "★ advanced" in rolling
    assert "※ rollback too" in out
    assert "3 of 4 rows differ" in out


@pytest.mark.parametrize("columns", [50, 72, 120])
def test_table_wraps_to_the_terminal_width(
    capsys: pytest.CaptureFixture[str],
    pack_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = run(capsys, pack_dir, "compose", "swarm", "kubernetes", lang="ko")
    assert code == 0
    widths = [cell_width(ln) for ln in out.splitlines()]
    assert max(widths) <= columns
    # Korean cells are wrapped, not cut: every word of a long cell is there
    flat = " ".join(out.split())
    for word in ("고급", "롤링", "업데이트", "및", "롤백", "지원"):
        assert word in flat


def test_table_default_width_is_100(
    capsys: pytest.CaptureFixture[str], pack_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(
        shutil, "get_terminal_size", lambda fallback=(80, 24): os.terminal_size(fallback)
    )
    code, out, _ = run(capsys, pack_dir, "compose", "swarm", "kubernetes")
    assert code == 0
    widths = [cell_width(ln) for ln in out.splitlines()]
    assert 90 < max(widths) <= 100


def test_control_characters_are_escaped(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    for fmt in ("table", "markdown"):
        code, out, _ = run(capsys, pack_dir, "docker", "kubernetes", "--format", fmt)
        assert code == 0
        assert "\x1b" not in out
        assert "red \\x1b[31m text" in out
    code, out, _ = run(capsys, pack_dir, "docker", "kubernetes", "--format", "json")
    assert "\x1b" not in out and "\\u001b" not in out
    escape = json.loads(out)["rows"][-1]
    # the loader makes control characters visible once, so JSON consumers get the same text
    assert escape["values"]["docker"] == "red \\x1b[31m text"


# --------------------------------------------------------------------------------------
# Concepts and examples


def test_concepts(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    data = run_json(capsys, pack_dir, "compose", "swarm", "--concepts")
    assert data["rows"] == [
        {
            "id": "workload",
            "title": "Workload",
            "terms": {"compose": "service", "swarm": "service"},
            "values": {"compose": "a container definition", "swarm": "replicated tasks"},
            "differs": True,
            "false_friends": [],
        }
    ]
    code, out, _ = run(capsys, pack_dir, "compose", "kubernetes", "--concepts", lang="ko")
    assert code == 0
    assert "워크로드" in out and "Deployment" in out and "파드 관리" in out


def test_examples_side_by_side(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    data = run_json(capsys, pack_dir, "compose", "swarm", "kubernetes", "--examples")
    assert data["app"] == "web-db"
    (diff,) = data["diffs"]  # kubernetes has no web-db example in this pack
    assert diff["left"] == {"tool": "compose", "example": "web-db"}
    assert diff["right"] == {"tool": "swarm", "example": "stack-web-db"}
    assert [r["tag"] for r in diff["rows"]] == [
        "equal",
        "equal",
        "equal",
        "insert",
        "insert",
        "equal",
        "equal",
    ]
    code, out, _ = run(capsys, pack_dir, "compose", "swarm", "--app", "web-db")
    assert code == 0
    plus = [ln for ln in out.splitlines() if ln.startswith("+ ")]
    assert len(plus) == 2 and "replicas: 2" in plus[1]
    for columns in ("40", "61", "100"):
        code, out, _ = run(
            capsys, pack_dir, "compose", "swarm", "--examples", "--width", columns, lang="ko"
        )
        assert code == 0
        assert max(cell_width(ln) for ln in out.splitlines()) <= int(columns)
        assert "유사도" in out
    code, out, _ = run(capsys, pack_dir, "compose", "swarm", "--examples", "--format", "markdown")
    assert code == 0
    assert "```diff" in out and "+      replicas: 2" in out


def test_examples_errors(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    code, out, err = run(capsys, pack_dir, "compose", "swarm", "--examples", "--app", "nope")
    assert code == 2 and out == ""
    assert "nope" in err and "web-db" in err
    code, out, err = run(capsys, pack_dir, "docker", "kubernetes", "--examples")
    assert code == 1 and out == ""
    assert "no two examples" in err


# --------------------------------------------------------------------------------------
# Errors


def test_unknown_tool_exits_2_naming_known_ids(
    capsys: pytest.CaptureFixture[str], pack_dir: Path
) -> None:
    code, out, err = run(capsys, pack_dir, "docker", "podman")
    assert code == 2 and out == ""
    assert "podman" in err
    assert "docker, compose, swarm, kubernetes" in err
    assert len(err.strip().splitlines()) == 1


def test_one_tool_exits_2(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    code, out, err = run(capsys, pack_dir, "docker")
    assert code == 2 and out == ""
    assert err.startswith("orchexplorer: ")
    assert "two different tools" in err and "docker" in err
    assert len(err.strip().splitlines()) == 1
    code, _out, err = run(capsys, pack_dir, "docker", lang="ko")
    assert code == 2 and "두 개 이상" in err


def test_a_tool_given_twice_is_compared_once(
    capsys: pytest.CaptureFixture[str], pack_dir: Path
) -> None:
    code, _out, err = run(capsys, pack_dir, "docker,docker")
    assert code == 2 and "two different tools" in err
    code, _out, _err = run(capsys, pack_dir, "docker", "k8s", "kubernetes", "--format", "json")
    assert code == 0
    assert json.loads(_out)["tools"] == ["docker", "kubernetes"]


def test_no_tool_is_a_usage_error(capsys: pytest.CaptureFixture[str], pack_dir: Path) -> None:
    code = main(["compare", "--content", str(pack_dir), "--lang", "en"])
    assert code == 2
    err = capsys.readouterr().err  # which tools there are, and one comparison to try
    assert "name two or more tools" in err and "docker, compose, swarm, kubernetes" in err
    assert "For example: orchexplorer compare " in err


def test_bad_pack_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text("tools: 3\n", encoding="utf-8")
    code = main(["compare", "a", "b", "--content", str(tmp_path), "--lang", "en"])
    assert code == 1
    assert "pack.yaml" in capsys.readouterr().err


# --------------------------------------------------------------------------------------
# Import hygiene


def test_compare_command_does_not_import_textual(pack_dir: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from orchexplorer.cli import main
        code = main(["compare", "swarm", "kubernetes", "--content", {str(pack_dir)!r},
                     "--lang", "en", "--format", "json"])
        assert code == 0, code
        main(["compare", "compose", "swarm", "--examples", "--content", {str(pack_dir)!r},
              "--lang", "en"])
        loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
        print("TEXTUAL:", loaded)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert '"tools": [' in result.stdout  # the command really ran
    assert "TEXTUAL: []" in result.stdout


def test_shipped_pack_compare(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["compare", "compose,swarm,kubernetes", "--format", "json", "--lang", "ko"])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert data["tools"] == ["compose", "swarm", "kubernetes"]
    titles = [r["title"] for r in data["rows"]]
    assert titles[:3] == ["주요 목적", "클러스터링 지원", "서비스 디스커버리"]
    sd = next(r for r in data["rows"] if r["id"] == "service-discovery")
    assert sd["values"]["compose"] != sd["values"]["swarm"]
    assert sd["values"]["swarm"] == sd["values"]["kubernetes"] == "네이티브 서비스 디스커버리 제공"
    code = main(["compare", "docker", "nope", "--lang", "en"])
    assert code == 2
    assert "docker, compose, swarm, kubernetes" in capsys.readouterr().err
