"""`orchexplorer explain FILE`: each key of a user's Compose file against the portability
matrix, with line numbers; hostile files end in one located line; the shipped examples get
exactly what the shipped matrix predicts.

Exact findings are checked against a small fixture pack (tests/fixtures/explain/pack), so the
shipped matrix can change without breaking them; the last part checks the shipped pack.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from orchexplorer.cli import main
from orchexplorer.commands.explain import render_markdown, render_text
from orchexplorer.explain import Explanation, explain
from orchexplorer.loader import PackError, _YamlProblem, load_pack, parse_yaml, read_yaml_file
from orchexplorer.model import Pack
from tests.conftest import FIXTURES, REPO, TOOL_A, write_pack

DATA = Path(__file__).resolve().parent / "data" / "compose"
PACK_DIR = FIXTURES / "explain" / "pack"
TARGETS = ("swarm", "kubernetes")

S, P, I, N = "supported", "partial", "ignored", "none"  # noqa: E741 - the four levels


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ORCHEXPLORER_CACHE_DIR", str(tmp_path_factory.mktemp("explain-cache")))
        return load_pack(PACK_DIR)


def explained(name: str | Path, pack: Pack, targets: tuple[str, ...] = TARGETS) -> Explanation:
    path = name if isinstance(name, Path) else DATA / name
    return explain(read_yaml_file(path, merge_keys=True), pack, targets)


def rows(ex: Explanation) -> list[tuple[object, ...]]:
    """(service, key as written, matrix key, line:col, level per target) per finding."""
    return [
        (
            f.place.service,
            f.place.key,
            f.entry.key,
            f"{f.place.line}:{f.place.column}",
            *(f.level(tool) for tool in ex.targets),
        )
        for f in ex.findings
    ]


def unknown(ex: Explanation) -> list[tuple[object, ...]]:
    return [(p.service, p.key, f"{p.line}:{p.column}") for p in ex.unknown]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def fixture_run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run(capsys, "--content", str(PACK_DIR), "--lang", "en", "explain", *argv)


# ------------------------------------------------------------------------------ findings

# file -> (findings: service, key, matrix key, line:col, swarm, kubernetes; unknown keys)
EXPECTED: dict[str, tuple[list[tuple[object, ...]], list[tuple[object, ...]]]] = {
    "build.yaml": (
        [
            ("api", "build", "build", "4:5", I, N),  # short syntax: a path
            ("api", "image", "image", "5:5", S, S),
            ("web", "build", "build", "7:5", I, N),  # long syntax: its keys belong to build
            ("web", "command", "command", "12:5", S, S),
        ],
        [],
    ),
    "profiles.yaml": (
        [
            ("app", "image", "image", "3:5", S, S),
            ("debug", "image", "image", "5:5", S, S),
            ("debug", "profiles", "profiles", "6:5", I, N),
            ("debug", "container_name", "container_name", "7:5", I, N),
            ("adminer", "image", "image", "9:5", S, S),
            ("adminer", "profiles", "profiles", "10:5", I, N),
        ],
        [],
    ),
    "anchors.yaml": (
        [
            (None, "x-defaults", "x-*", "1:1", S, N),
            (None, "x-deploy", "x-*", "5:1", S, N),
            # merged keys are located at their `<<`; keys inside an alias at the alias
            ("api", "restart", "restart", "13:5", P, P),
            ("api", "environment", "environment", "13:5", S, S),
            ("api", "image", "image", "14:5", S, S),
            ("api", "deploy.replicas", "deploy.replicas", "15:5", S, S),
            ("api", "deploy.resources", "deploy.resources", "15:5", S, S),
            ("worker", "environment", "environment", "17:5", S, S),
            ("worker", "command", "command", "17:5", S, S),
            ("worker", "image", "image", "18:5", S, S),
            ("worker", "restart", "restart", "19:5", P, P),  # its own value wins over <<
            ("cron", "image", "image", "21:5", S, S),
            ("cron", "x-owner", "x-*", "22:5", S, N),  # a service's extension field
        ],
        [],
    ),
    "ports_volumes.yaml": (
        [
            ("web", "image", "image", "3:5", S, S),
            ("web", "ports", "ports", "4:5", S, P),  # short and long syntax alike
            ("web", "volumes", "volumes", "11:5", P, P),  # the service's volumes
            (None, "volumes", "volumes", "20:1", P, P),  # the top-level volumes
        ],
        [],
    ),
    "depends_on.yaml": (
        [
            ("web", "image", "image", "3:5", S, S),
            ("web", "depends_on", "depends_on", "4:5", I, N),
            ("api", "image", "image", "7:5", S, S),
            ("api", "depends_on", "depends_on", "8:5", I, N),
            ("api", "depends_on.db.condition", "depends_on.condition", "10:9", N, N),
            ("api", "depends_on.migrate.condition", "depends_on.condition", "13:9", N, N),
            ("migrate", "image", "image", "15:5", S, S),
            ("migrate", "depends_on", "depends_on", "16:5", I, N),
            ("db", "image", "image", "18:5", S, S),
        ],
        [],
    ),
    "deploy.yaml": (
        [
            ("api", "image", "image", "3:5", S, S),
            ("api", "deploy.replicas", "deploy.replicas", "5:7", S, S),
            ("api", "deploy.resources", "deploy.resources", "6:7", S, S),
            ("api", "deploy.placement", "deploy.placement", "12:7", S, P),
            ("empty", "image", "image", "17:5", S, S),
        ],
        # a deploy key the matrix does not have; a deploy section with nothing in it
        [("api", "deploy.max_replicas_per_node", "15:7"), ("empty", "deploy", "18:5")],
    ),
    "secrets_configs.yaml": (
        [
            ("db", "image", "image", "3:5", S, S),
            ("db", "environment", "environment", "4:5", S, S),
            ("db", "secrets", "secrets", "6:5", S, P),
            ("db", "configs", "configs", "8:5", S, P),
            (None, "secrets", "secrets", "11:1", S, P),
            (None, "configs", "configs", "14:1", S, P),
        ],
        [],
    ),
    "healthcheck.yaml": (
        [
            ("api", "image", "image", "3:5", S, S),
            ("api", "healthcheck", "healthcheck", "4:5", S, P),
            ("api", "restart", "restart", "10:5", P, P),
        ],
        [],
    ),
    "network_mode.yaml": (
        [
            (None, "name", "name", "1:1", N, N),
            ("exporter", "image", "image", "4:5", S, S),
            ("exporter", "network_mode", "network_mode", "5:5", P, P),
            ("sidecar", "image", "image", "7:5", S, S),
            ("sidecar", "network_mode", "network_mode", "8:5", P, P),
            ("dashboard", "image", "image", "10:5", S, S),
            ("dashboard", "networks", "networks", "11:5", S, P),
            (None, "networks", "networks", "13:1", S, P),
        ],
        [],
    ),
    "webapp.yaml": (
        [
            (None, "name", "name", "2:1", N, N),
            (None, "x-app", "x-*", "4:1", S, N),
            ("proxy", "image", "image", "13:5", S, S),
            ("proxy", "ports", "ports", "14:5", S, P),
            ("proxy", "volumes", "volumes", "17:5", P, P),
            ("proxy", "depends_on", "depends_on", "19:5", I, N),
            ("api", "image", "image", "22:5", S, S),
            ("api", "environment", "environment", "22:5", S, S),
            ("api", "restart", "restart", "22:5", P, P),
            ("api", "build", "build", "23:5", I, N),
            ("api", "command", "command", "26:5", S, S),
            ("api", "healthcheck", "healthcheck", "27:5", S, P),
            ("api", "depends_on", "depends_on", "30:5", I, N),
            ("api", "depends_on.db.condition", "depends_on.condition", "32:9", N, N),
            ("api", "depends_on.cache.condition", "depends_on.condition", "34:9", N, N),
            ("api", "deploy.replicas", "deploy.replicas", "36:7", S, S),
            ("worker", "image", "image", "38:5", S, S),
            ("worker", "restart", "restart", "38:5", P, P),
            ("worker", "command", "command", "39:5", S, S),
            ("worker", "environment", "environment", "40:5", S, S),  # its own, with a <<
            ("worker", "depends_on", "depends_on", "43:5", I, N),
            ("db", "image", "image", "45:5", S, S),
            ("db", "environment", "environment", "46:5", S, S),
            ("db", "secrets", "secrets", "49:5", S, P),
            ("db", "volumes", "volumes", "51:5", P, P),
            ("db", "healthcheck", "healthcheck", "53:5", S, P),
            ("cache", "image", "image", "56:5", S, S),
            ("cache", "command", "command", "57:5", S, S),
            (None, "volumes", "volumes", "59:1", P, P),
            (None, "secrets", "secrets", "62:1", S, P),
        ],
        [],
    ),
    "unknown.yaml": (
        [
            (None, "version", "version", "1:1", S, N),
            (None, "x-comment", "x-*", "2:1", S, N),
            ("app", "image", "image", "5:5", S, S),
            ("app", "x-team", "x-*", "8:5", S, N),
            ("app", "deploy.replicas", "deploy.replicas", "10:7", S, S),
        ],
        [
            ("app", "imagee", "6:5"),
            ("app", "stop_grace_period", "7:5"),
            ("app", "deploy.mode", "11:7"),
            (None, "serivces", "12:1"),  # a misspelt top-level key: listed, not dropped
        ],
    ),
    "include.yaml": ([(None, "include", "include", "1:1", N, N)], []),  # no services: fine
    "short.yaml": (
        [
            ("1", "image", "image", "3:5", S, S),  # a service named by a number
            ("we\\x1b[31mb|pipe", "image", "image", "5:5", S, S),  # ESC made visible
            ("we\\x1b[31mb|pipe", "ports", "ports", "6:5", S, P),
        ],
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_of_each_file(name: str, pack: Pack) -> None:
    ex = explained(name, pack)
    expected_findings, expected_unknown = EXPECTED[name]
    assert rows(ex) == expected_findings
    assert unknown(ex) == expected_unknown
    assert ex.extensions == ()  # the fixture matrix has an x-* entry


def test_every_data_file_has_its_expectations() -> None:
    files = {p.name for p in DATA.glob("*.yaml") if not p.name.startswith("bad-")}
    assert files == set(EXPECTED)
    assert len(files) >= 10


def test_services_are_listed_in_file_order(pack: Pack) -> None:
    assert explained("webapp.yaml", pack).services == ("proxy", "api", "worker", "db", "cache")


def test_a_tool_the_matrix_has_no_cell_for(pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "compose.yaml"
    path.write_text("services:\n  web:\n    image: nginx\n    labels: [a=b]\n", "utf-8")
    ex = explained(path, pack, ("compose", "kubernetes"))
    assert rows(ex) == [
        ("web", "image", "image", "3:5", S, S),
        ("web", "labels", "labels", "4:5", S, None),  # the fixture has no kubernetes cell
    ]
    assert ex.counts("kubernetes") == {S: 1, None: 1}
    assert [f.place.key for f in ex.listed()] == ["labels"]  # not known everywhere: listed


def test_a_name_is_skipped_only_below_a_key_the_matrix_has_whole(
    pack: Pack, tmp_path: Path
) -> None:
    path = tmp_path / "compose.yaml"
    path.write_text(
        "services:\n"
        "  web:\n"
        "    deploy:\n"
        "      odd:\n"  # deploy is no entry of its own: odd is not a name to skip
        "        replicas: 2\n"
        "    depends_on:\n"
        "      db: {condition: service_started, required: false}\n",  # db is skipped
        "utf-8",
    )
    ex = explained(path, pack)
    assert rows(ex) == [
        ("web", "depends_on", "depends_on", "6:5", I, N),
        ("web", "depends_on.db.condition", "depends_on.condition", "7:12", N, N),
    ]
    assert unknown(ex) == [("web", "deploy.odd", "4:7")]  # required: part of depends_on


def test_no_services_no_keys(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "compose.yaml"
    path.write_text("services: {}\n", "utf-8")
    code, out, err = fixture_run(capsys, str(path))
    assert (code, err) == (0, "")
    assert "0 service(s) (-)" in out and "\nNo keys to explain\n" in out


def test_without_an_x_entry_extension_fields_are_listed_apart(pack: Pack) -> None:
    keys = [k for k in pack.compose_keys if k.key != "x-*"]
    bare = Pack.model_validate({**pack.model_dump(), "compose_keys": keys})
    ex = explained("unknown.yaml", bare)
    assert [(p.service, p.key, p.line) for p in ex.extensions] == [
        (None, "x-comment", 2),
        ("app", "x-team", 8),
    ]
    assert "x-*" not in {f.entry.key for f in ex.findings}
    assert ("app", "x-team", "8:5") not in unknown(ex)  # never "not in the matrix"
    text = render_text(ex, bare, "en")
    assert "Extension fields (2): names starting with x-, which no tool interprets" in text


def test_a_pack_without_a_matrix_lists_every_key_as_unknown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tools = (PACK_DIR / "tools.yaml").read_text("utf-8")
    content = write_pack(tmp_path / "pack", {"tools.yaml": tools})
    code, out, err = run(
        capsys, "--content", str(content), "explain", str(DATA / "healthcheck.yaml")
    )
    assert code == 0, err
    assert "Not in the matrix (3)" in out
    assert "  4:5   api  healthcheck" in out
    assert "no Compose key matrix (compose_keys)" in out


# ------------------------------------------------------------------------------ output


def test_text_lists_key_by_key_with_lines_and_what_to_do_instead(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = fixture_run(capsys, str(DATA / "depends_on.yaml"))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].endswith(
        "depends_on.yaml: 4 service(s) (web, api, migrate, db), explained for Docker Swarm, "
        "Kubernetes"
    )
    at = lines.index("Service api")
    assert lines[at + 1 : at + 11] == [
        "  8:5   depends_on",
        "        Docker Swarm  ⊘ ignored",
        "                      swarm and depends_on: why",
        "                      Instead: instead of depends_on on swarm",
        "        Kubernetes    ✗ no equivalent",
        "                      kubernetes and depends_on: why",
        "                      Instead: instead of depends_on on kubernetes",
        "  10:9  depends_on.db.condition (depends_on.condition)",
        "        Docker Swarm  ✗ no equivalent",
        "                      swarm and depends_on.condition: why",
    ]
    assert "image" not in out.split("Service web")[1].split("Service api")[0]
    assert "Docker Swarm: ● supported 4, ⊘ ignored 3, ✗ no equivalent 2" in out
    assert "4 key(s) that every target supports as written are not listed" in out
    assert "it does not convert the file" in lines[-1]


def test_all_lists_the_supported_keys_too(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = fixture_run(capsys, str(DATA / "healthcheck.yaml"), "--all")
    assert code == 0
    assert "  3:5   image\n        Docker Swarm  ● supported\n" in out
    assert "        Kubernetes    ● supported — containers[].image\n" in out
    assert "not listed" not in out
    code, out, _ = fixture_run(capsys, str(DATA / "healthcheck.yaml"))
    assert "3:5   image" not in out and "1 key(s) that every target supports" in out


def test_text_in_korean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--content", str(PACK_DIR), "--lang", "ko", "explain", str(DATA / "build.yaml")
    )
    assert code == 0
    assert "서비스 2개 (api, web), 대상: 도커 스웜, 쿠버네티스" in out.splitlines()[0]
    assert "서비스 web" in out
    assert "       도커 스웜   ⊘ 무시됨\n" in out  # names aligned by their width
    assert "대신: build 대신" in out
    assert "파일을 변환하거나 실행해 보지 않습니다" in out


def test_json_is_one_finding_per_key_and_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = fixture_run(capsys, str(DATA / "deploy.yaml"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {
        "file",
        "lang",
        "targets",
        "services",
        "findings",
        "unknown_keys",
        "extension_fields",
        "summary",
        "note",
    }
    assert data["file"].endswith("deploy.yaml") and data["targets"] == list(TARGETS)
    assert data["services"] == ["api", "empty"]
    assert len(data["findings"]) == 5 * 2  # supported ones included
    assert data["findings"][-3] == {
        "service": "api",
        "key": "deploy.placement",
        "matrix_key": "deploy.placement",
        "matrix_id": "deploy-placement",
        "line": 12,
        "column": 7,
        "tool": "kubernetes",
        "level": "partial",
        "equivalent": "nodeSelector",
        "workaround": "instead of deploy.placement on kubernetes",
        "text": "kubernetes and deploy.placement: why",
        "inherited_from": None,
    }
    assert data["unknown_keys"] == [
        {"service": "api", "key": "deploy.max_replicas_per_node", "line": 15, "column": 7},
        {"service": "empty", "key": "deploy", "line": 18, "column": 5},
    ]
    assert data["summary"] == {
        "swarm": {"supported": 5},
        "kubernetes": {"supported": 4, "partial": 1},
    }
    assert "does not convert" in data["note"]


def test_json_follows_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(
        capsys,
        *("--content", str(PACK_DIR), "--lang", "ko", "explain", str(DATA / "build.yaml")),
        *("--format", "json", "--target", "swarm"),
    )
    data = json.loads(out)
    assert data["lang"] == "ko" and data["findings"][0]["workaround"] == "build 대신"
    assert "변환" in data["note"]


def test_markdown_table_escapes_pipes_and_control_characters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = fixture_run(capsys, str(DATA / "short.yaml"), "--format", "markdown")
    assert code == 0
    assert "\x1b" not in out
    lines = out.splitlines()
    assert lines[0].startswith("# ") and lines[0].endswith("short.yaml")
    assert "| Line | Service | Key | Docker Swarm | Kubernetes |" in lines
    row = next(line for line in lines if line.startswith("| 6:5 |"))
    assert row.startswith(
        "| 6:5 | we\\\\x1b[31mb\\|pipe | ports | ● supported — --publish | ◑ partial — Service<br>"
    )
    assert row.count(" | ") == 4  # the name's pipe does not add a column
    assert any("does not convert" in line for line in lines)


def test_control_characters_never_reach_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("text", "json", "markdown"):
        code, out, _ = fixture_run(capsys, str(DATA / "short.yaml"), "--format", fmt, "--all")
        assert code == 0 and "\x1b" not in out
        assert "we\\x1b[31mb|pipe" in out or "we\\\\x1b[31mb" in out


def test_render_functions_agree_on_what_is_listed(pack: Pack) -> None:
    ex = explained("webapp.yaml", pack)
    text, markdown = render_text(ex, pack, "en"), render_markdown(ex, pack, "en")
    listed = ex.listed()
    assert 0 < len(listed) < len(ex.findings)
    for finding in listed:
        assert f"{finding.place.line}:{finding.place.column}" in text
        assert f"| {finding.place.line}:{finding.place.column} |" in markdown
    table = [line for line in markdown.splitlines() if line.startswith("| ") and ":" in line[:8]]
    assert len(table) == len(listed)


# ------------------------------------------------------------------------------ targets


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("k8s", ["kubernetes"]),
        ("KUBERNETES", ["kubernetes"]),
        ("Docker Swarm,kube", ["swarm", "kubernetes"]),
        ("compose, swarm,compose", ["compose", "swarm"]),
        ("쿠버네티스", ["kubernetes"]),
    ],
)
def test_targets_by_id_alias_or_name(
    capsys: pytest.CaptureFixture[str], target: str, expected: list[str]
) -> None:
    code, out, err = fixture_run(
        capsys, str(DATA / "build.yaml"), "--target", target, "--format", "json"
    )
    assert code == 0, err
    assert json.loads(out)["targets"] == expected


@pytest.mark.parametrize("target", ["nomad", ",", "swarm,nomad"])
def test_unknown_target_is_a_usage_error_naming_the_known_ids(
    capsys: pytest.CaptureFixture[str], target: str
) -> None:
    code, out, err = fixture_run(capsys, str(DATA / "build.yaml"), "--target", target)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Known tools: compose, swarm, kubernetes" in err


@pytest.mark.parametrize(
    "argv",
    [["--format", "yaml", str(DATA / "build.yaml")], [], ["a.yaml", "b.yaml"], ["--bogus", "x"]],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = fixture_run(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


# ------------------------------------------------------------------------------ hostile files

BAD = {
    "bad-python-tag.yaml": "2:8: tag tag:yaml.org,2002:python/object/apply:os.system is not "
    "allowed: only standard YAML tags are read, nothing is executed",
    "bad-duplicate.yaml": "5:5: duplicate key 'image' (first at line 3)",
    "bad-list.yaml": "1:1: the top level of a Compose file must be a mapping (services: ...)",
    "bad-services-null.yaml": "1:1: 'services' must be a mapping of service names to their "
    "settings",
    "bad-services-list.yaml": "1:1: 'services' must be a mapping of service names to their "
    "settings",
    "bad-service-scalar.yaml": "2:3: the settings of service 'web' must be a mapping",
    "bad-empty.yaml": " no YAML data (the file is empty or only comments): not a Compose file",
    "bad-comments.yaml": " no YAML data (the file is empty or only comments): not a Compose file",
    "bad-syntax.yaml": "4:1: YAML syntax error: did not find expected ',' or ']'",
    "bad-no-services.yaml": "1:1: no 'services' mapping: not a Compose file",
    "bad-merge.yaml": "3:5: a merge key (<<) takes a mapping or a list of mappings",
    "bad-alias.yaml": "3:9: unknown anchor: missing",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_gives_one_located_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = str(DATA / name)
    code, out, err = fixture_run(capsys, path)
    assert code == 1 and out == ""
    assert err == f"{path}:{BAD[name]}\n"


def test_every_bad_file_has_its_line() -> None:
    assert {p.name for p in DATA.glob("bad-*.yaml")} == set(BAD)


def _billion_laughs() -> str:
    """Nine levels of nine aliases each: 9**9 strings if expanded."""
    text = 'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for before, name in zip("abcdefgh", "bcdefghi", strict=True):
        text += f"x-{name}: &{name} [" + ", ".join([f"*{before}"] * 9) + "]\n"
    return text + "services:\n  web: {image: x}\n"


def _deep_block(depth: int) -> str:
    keys = "".join(f"{' ' * (6 + 2 * i)}k{i}:\n" for i in range(depth))
    return "services:\n  web:\n    x-deep:\n" + keys


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (_billion_laughs(), ":5:10: alias expansion is too large (limit 10000 nodes)"),
        ("services:\n  web:\n    x-deep: " + "[" * 10_000 + "]" * 10_000 + "\n", ": nesting is"),
        (_deep_block(200), ":65:129: nesting is too deep (limit 64 levels)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", ":1:1: not valid UTF-8 text"),
        (b"services:\n  web:\n    image: a\x00b\n", ":3:13: character U+0000 is not allowed"),
        ("services:\n  web:\n\timage: x\n", ":3:1: YAML syntax error"),
        ("a: 1\n---\nb: 2\n", ":2:1: only one YAML document per file"),
    ],
    ids=["billion-laughs", "deep-flow", "deep-block", "binary", "nul", "tab", "two-documents"],
)
def test_hostile_input_is_refused_quickly_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, body: str | bytes, expected: str
) -> None:
    path = tmp_path / "compose.yaml"
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, "utf-8")
    started = time.monotonic()
    code, out, err = fixture_run(capsys, str(path))
    assert code == 1 and out == "", err
    assert err.count("\n") == 1 and err.startswith(str(path) + ":"), err
    assert expected in err
    assert "Traceback" not in err
    assert time.monotonic() - started < 30  # a bound against hanging, not a speed claim


def test_alias_bomb_through_merge_keys_is_bounded() -> None:
    text = "x-0: &a0 {k: v}\n"
    for i in range(1, 30):
        text += f"x-{i}: &a{i}\n  <<: [*a{i - 1}, *a{i - 1}]\n  k{i}: v\n"
    with pytest.raises(_YamlProblem) as caught:
        parse_yaml(text, merge_keys=True)
    assert caught.value.code == "yaml_alias_bomb"


def test_a_big_valid_file_is_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "compose.yaml"
    pad = "x-pad: |\n" + ("  " + "a" * 98 + "\n") * 50_000  # 5 MB of an extension field
    path.write_text(pad + "services:\n  web:\n    image: nginx\n    build: .\n", "utf-8")
    assert path.stat().st_size > 5_000_000
    code, out, err = fixture_run(capsys, str(path), "--format", "json")
    assert code == 0, err
    findings = {(f["key"], f["line"], f["tool"], f["level"]) for f in json.loads(out)["findings"]}
    assert ("build", 50_005, "swarm", "ignored") in findings


def test_a_file_over_the_size_limit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "compose.yaml"
    with path.open("wb") as handle:  # sparse: no need to write 16 MB
        handle.truncate(16 * 1024 * 1024 + 1)
    code, out, err = fixture_run(capsys, str(path))
    assert (code, out) == (1, "")
    assert err == f"{path}: file is too large (limit {16 * 1024 * 1024} bytes)\n"


def test_missing_file_directory_and_fifo(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)  # reading it would wait forever for a writer
    cases = {
        tmp_path / "missing.yaml": "cannot read file: No such file or directory",
        tmp_path: "not a regular file (a directory or a device)",
        fifo: "not a regular file (a directory or a device)",
    }
    for path, message in cases.items():
        code, out, err = fixture_run(capsys, str(path))
        assert (code, out, err) == (1, "", f"{path}: {message}\n")


def test_unreadable_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "compose.yaml"
    path.write_text("services: {}\n", "utf-8")

    read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return read_bytes(self)  # the pack's files

    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, out, err = fixture_run(capsys, str(path))
    assert (code, out, err) == (1, "", f"{path}: cannot read file: Permission denied\n")


def test_a_file_name_with_control_characters_is_shown_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad\x1b[2Jname.yaml"
    path.write_text("- a list\n", "utf-8")
    code, _out, err = fixture_run(capsys, str(path))
    assert code == 1 and "\x1b" not in err and "bad\\x1b[2Jname.yaml:1:1: the top level" in err


# ------------------------------------------------------------------------------ loader


def test_merge_keys_semantics_and_positions() -> None:
    doc = parse_yaml(
        "x-a: &a {k: a, only_a: 1}\nx-b: &b {k: b, only_b: 2}\nm:\n  k: own\n  <<: [*a, *b]\n",
        merge_keys=True,
        key_positions=True,
    )
    assert doc.keys[("m", "k")] == (4, 3)
    assert doc.data["m"] == {"k": "own", "only_a": 1, "only_b": 2}  # own, then earlier wins
    assert doc.key_at(("m", "k")) == (4, 3)
    assert doc.key_at(("m", "only_b")) == (5, 3)  # merged keys: at the <<
    merged = parse_yaml("x: &x {a: 1, b: 2}\ny: {<<: *x, b: 3}\n", merge_keys=True).data
    assert merged["y"] == {"a": 1, "b": 3}
    assert merged["x"] == {"a": 1, "b": 2}  # the anchored mapping is left as it was
    assert parse_yaml("a: 1\n").keys == {}  # a pack's files: values located, not keys


def test_a_second_merge_key_is_a_duplicate() -> None:
    with pytest.raises(_YamlProblem) as caught:
        parse_yaml("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n", merge_keys=True)
    assert (caught.value.code, caught.value.line, caught.value.kw) == (
        "yaml_duplicate_key",
        4,
        {"key": "<<", "first": 3},
    )


def test_a_pack_still_refuses_merge_keys(tmp_path: Path) -> None:
    body = TOOL_A.replace("    kind: Tool\n", "    <<: {kind: Tool}\n")
    write_pack(tmp_path, {"a.yaml": body})
    with pytest.raises(PackError) as caught:
        load_pack(tmp_path)
    [error] = caught.value.errors
    assert str(error).endswith("a.yaml:4:5: merge keys (<<) are not supported")


def test_read_yaml_file_needs_merge_keys_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "compose.yaml"
    path.write_text("x: &x {a: 1}\ny:\n  <<: *x\n", "utf-8")
    assert read_yaml_file(path, merge_keys=True).data["y"] == {"a": 1}
    with pytest.raises(PackError) as caught:
        read_yaml_file(path, "ko")
    assert str(caught.value.errors[0]) == f"{path}:3:3: 병합 키(<<)는 지원하지 않습니다"


# ------------------------------------------------------------------------------ subprocess


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orchexplorer", "--content", str(PACK_DIR), "explain", *argv],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["tests/data/compose/webapp.yaml"], 0),
        (["tests/data/compose/bad-python-tag.yaml"], 1),
        (["tests/data/compose/webapp.yaml", "--format", "xml"], 2),
        (["tests/data/compose/webapp.yaml", "--target", "nomad"], 2),
        ([], 2),
    ],
    ids=["valid", "python-tag", "bad-format", "bad-target", "no-file"],
)
def test_exit_codes_of_the_program(argv: list[str], code: int) -> None:
    result = _cli(*argv)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    if code:
        assert result.stdout == "" and result.stderr.count("\n") == 1
    else:
        assert "Service api" in result.stdout and result.stderr == ""


def test_explain_does_not_import_textual() -> None:
    probe = (
        "import sys\nfrom orchexplorer.cli import main\n"
        f"code = main(['--content', {str(PACK_DIR)!r}, 'explain', "
        f"{str(DATA / 'webapp.yaml')!r}, '--format', 'json'])\n"
        "print(code, any(m.split('.')[0] == 'textual' for m in sys.modules), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.stderr.strip().splitlines()[-1] == "0 False", result.stderr


# ------------------------------------------------------------------------------ shipped pack


def _yaml_examples(pack: Pack, *tool_ids: str) -> list[tuple[str, str]]:
    found = []
    for tool_id in tool_ids:
        tool = pack.tool(tool_id)
        assert tool is not None
        found += [(f"{tool_id}/{e.id}", e.code) for e in tool.examples if e.language == "yaml"]
    return found


def _predicted(pack: Pack, code: str, targets: tuple[str, ...]) -> set[tuple[object, ...]]:
    """What the matrix says of each key of `code`, found independently of `explain`: PyYAML
    reads the (trusted, shipped) example; a key with a matrix entry of its own name, or a
    dotted one a level down (`deploy.replicas`, `depends_on.<service>.condition`), is
    predicted with each target's level."""
    entries = {(k.scope, k.key): k for k in pack.compose_keys}
    predicted: set[tuple[object, ...]] = set()

    def add(service: str | None, key: str, matrix_key: str, node: yaml.Node) -> None:
        entry = entries[("top" if service is None else "service", matrix_key)]
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        for tool in targets:
            cell = entry.support.get(tool)
            level = None if cell is None else cell.level
            predicted.add((service, key, matrix_key, line, column, tool, level))

    root = yaml.compose(code)
    assert root is not None
    for key_node, value in root.value:
        if key_node.value != "services":
            add(None, key_node.value, key_node.value, key_node)
            continue
        for service_node, body in value.value:
            for node, inner in body.value:
                key = node.value
                if ("service", key) in entries:
                    add(service_node.value, key, key, node)
                if not isinstance(inner, yaml.MappingNode):
                    continue
                for child, grandchild in inner.value:
                    dotted = f"{key}.{child.value}"
                    if ("service", dotted) in entries:
                        add(service_node.value, dotted, dotted, child)
                    if key == "depends_on" and isinstance(grandchild, yaml.MappingNode):
                        for leaf, _ in grandchild.value:  # depends_on.<service>.condition
                            condition = f"{key}.{leaf.value}"
                            if ("service", condition) in entries:
                                add(service_node.value, f"{dotted}.{leaf.value}", condition, leaf)
    return predicted


def _explained_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, code: str
) -> dict[str, object]:
    path = tmp_path / "compose.yaml"
    path.write_text(code, "utf-8")
    status, out, err = run(capsys, "--lang", "en", "explain", str(path), "--format", "json")
    assert status == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def _findings(data: dict[str, object]) -> set[tuple[object, ...]]:
    findings = data["findings"]
    assert isinstance(findings, list)
    return {
        (f["service"], f["key"], f["matrix_key"], f["line"], f["column"], f["tool"], f["level"])
        for f in findings
    }


def test_shipped_examples_get_exactly_what_the_matrix_predicts(
    shipped_pack: Pack, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    if not shipped_pack.compose_keys:
        pytest.skip("the shipped pack has no Compose key matrix yet")
    examples = _yaml_examples(shipped_pack, "compose", "swarm")
    assert len(examples) >= 3  # web-db-seed, web-db, stack-web-db
    for example_id, code in examples:
        data = _explained_json(capsys, tmp_path, code)
        predicted = _predicted(shipped_pack, code, TARGETS)
        assert predicted, example_id
        assert _findings(data) == predicted, example_id
        assert data["unknown_keys"] == [], example_id


def test_shipped_examples_depends_on_is_explained(
    shipped_pack: Pack, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    entries = {k.key: k for k in shipped_pack.compose_keys if k.scope == "service"}
    if "depends_on" not in entries:
        pytest.skip("the shipped matrix has no depends_on key yet")
    examples = [
        (i, c) for i, c in _yaml_examples(shipped_pack, "compose", "swarm") if "depends_on" in c
    ]
    if not examples:
        pytest.skip("no shipped Compose or stack example uses depends_on")
    for example_id, code in examples:
        findings = _findings(_explained_json(capsys, tmp_path, code))
        swarm = entries["depends_on"].support["swarm"].level
        assert any(f[2] == "depends_on" and f[5:] == ("swarm", swarm) for f in findings), example_id


def test_webapp_against_the_shipped_matrix(
    shipped_pack: Pack, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The realistic file against the shipped matrix: every finding has the shipped level,
    and its depends_on (short and long syntax) is explained."""
    if not shipped_pack.compose_keys:
        pytest.skip("the shipped pack has no Compose key matrix yet")
    data = _explained_json(capsys, tmp_path, (DATA / "webapp.yaml").read_text("utf-8"))
    entries = {k.key: k for k in shipped_pack.compose_keys}
    findings = data["findings"]
    assert isinstance(findings, list)
    for finding in findings:
        cell = entries[finding["matrix_key"]].support.get(finding["tool"])
        assert finding["level"] == (None if cell is None else cell.level)
    keys = {(f["service"], f["key"], f["line"]) for f in findings}
    if "depends_on" in entries:
        assert {("proxy", "depends_on", 19), ("api", "depends_on", 30)} <= keys
    if "depends_on.condition" in entries:
        assert ("api", "depends_on.db.condition", 32) in keys
    assert data["unknown_keys"] == []
