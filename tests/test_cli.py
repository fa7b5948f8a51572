"""The command line: show, validate, options, clean failure, no Textual import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orchexplorer import __version__
from orchexplorer.cli import main
from orchexplorer.loader import load_pack
from tests.conftest import FIXTURES, REPO, TOOL_A, write_pack
from tests.helpers import run_into_closed_pipe

MARKUP = str(FIXTURES / "markup")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own exits (--help, --version, usage errors)
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"orchexplorer {__version__}"


def test_validate_shipped_pack(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate")
    assert code == 0, err
    assert out.startswith(f"content pack is valid: {len(load_pack().tools)} tools, ")


def test_validate_reports_every_error_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_pack(tmp_path, {"a.yaml": TOOL_A + "    bogus: 1\n", "b.yaml": "tools: !!python/none x"})
    code, out, err = run(capsys, "validate", str(tmp_path))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 3 and lines[-1] == "2 error(s)"
    assert "a.yaml:7:12: unknown field 'bogus'" in lines[0]
    assert "b.yaml:1:8: tag" in lines[1]


def test_validate_in_korean(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--lang", "ko", "validate", MARKUP)
    assert code == 0 and out.startswith("콘텐츠 팩이 올바릅니다: 2 도구")


def test_lang_from_env_and_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert run(capsys, "validate", MARKUP)[1].startswith("콘텐츠 팩이 올바릅니다")
    monkeypatch.setenv("ORCHEXPLORER_LANG", "en")
    assert run(capsys, "validate", MARKUP)[1].startswith("content pack is valid")
    # the flag wins over the environment, after the subcommand too
    assert run(capsys, "validate", MARKUP, "--lang", "ko")[1].startswith("콘텐츠 팩이")


def test_content_from_env(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORCHEXPLORER_CONTENT", MARKUP)
    code, out, _ = run(capsys, "show", "beta")
    assert code == 0 and "Beta has no features" in out


def test_show_text_markdown_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "kubernetes")
    assert code == 0
    assert out.startswith("Kubernetes — ")
    for heading in ("Features", "Use cases", "Components", "Examples", "Fact-checks"):
        assert f"\n{heading}\n" in out
    assert "dockershim" in out
    code, out, _ = run(capsys, "--lang", "ko", "show", "kubernetes", "--format", "markdown")
    assert (
        code == 0 and out.startswith("# Kubernetes\n") and "## 기능" in out and "셀프 힐링" in out
    )
    code, out, _ = run(capsys, "show", "swarm", "--format", "json")
    data = json.loads(out)
    assert data["id"] == "swarm" and data["features"] and data["examples"]
    assert {"source", "target"} <= set(data["relations"][0])


def test_show_example_gives_a_usable_file(capsys: pytest.CaptureFixture[str]) -> None:
    import yaml

    code, out, _ = run(capsys, "show", "compose", "--example", "web-db")
    assert code == 0
    data = yaml.safe_load(out)
    assert set(data["services"]) == {"web", "db"} and "version" not in data
    assert data["services"]["web"]["image"].startswith("nginx")


def test_show_unknown_tool_and_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "no-such-tool")
    assert code == 2
    known = ", ".join(load_pack().tool_ids)
    assert err == f"orchexplorer: unknown tool 'no-such-tool'. Known tools: {known}\n"
    known = ", ".join(load_pack().tool_ids)  # the shipped tools, however many
    assert err == f"orchexplorer: unknown tool 'no-such-tool'. Known tools: {known}\n"
    code, _, err = run(capsys, "show", "compose", "--example", "nope")
    assert code == 2 and "Examples: " in err and "web-db" in err


def test_output_never_carries_raw_escape_sequences(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_pack(
        tmp_path, {"a.yaml": TOOL_A.replace("tagline: First", 'tagline: "\\e[31mred\\e[0m\\a"')}
    )
    code, out, _ = run(capsys, "show", "alpha", "--content", str(tmp_path))
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\\x1b[31mred" in out


@pytest.mark.parametrize(
    "argv",
    [["--lang", "fr", "validate"], ["show"], ["show", "docker", "--format", "pdf"], ["frobnicate"]],
)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_pack_does_not_open_the_app(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write_pack(tmp_path, {"a.yaml": "tools: [1]\n"})
    code, _, err = run(capsys, "--content", str(tmp_path))
    assert code == 1  # the pack is checked before anything else
    assert "a.yaml:1:9: 'tools.0' must be a mapping\n" in err
    assert "Traceback" not in err


def _python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **env},
        timeout=60,
    )


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["show", "docker"],
        ["--version"],
        ["explain", "tests/data/compose/webapp.yaml", "--format", "json"],
    ],
)
def test_subcommands_do_not_import_textual(command: list[str]) -> None:
    probe = (
        "import sys\nfrom orchexplorer.cli import main\n"
        f"try:\n    main({command!r})\nexcept SystemExit:\n    pass\n"
        "print('TEXTUAL' if any(m.split('.')[0] == 'textual' for m in sys.modules) else 'CLEAN')"
    )
    result = _python(probe)
    assert result.stdout.strip().splitlines()[-1] == "CLEAN", result.stderr


def test_no_subcommand_without_a_terminal_exits_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "orchexplorer"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 2
    assert "not a terminal" in result.stderr and "validate" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("fmt", "first"), [("text", b"A"), ("markdown", b"#"), ("json", b"{")], ids=str
)
def test_a_reader_that_stops_early_gets_no_traceback(
    tmp_path: Path, fmt: str, first: bytes
) -> None:
    # `orchexplorer show alpha | head -c 1`, the output far larger than the pipe's buffer, so
    # the reader leaves while the CLI is still writing. CPython's buffered writer absorbs a
    # pipe that breaks during one large write (exit 0); a write after the break raises
    # BrokenPipeError, which the CLI turns into a quiet 141 (128 + SIGPIPE, as a shell
    # reports a program that SIGPIPE killed). Nothing on stderr either way.
    summary = "A long summary. " * 40_000  # 640 kB of output
    pack = write_pack(tmp_path, {"a.yaml": TOOL_A.replace("en: Alpha summary", f"en: {summary}")})
    argv = ("--content", str(pack), "show", "alpha", "--format", fmt)
    early = run_into_closed_pipe(*argv, read=1)
    assert early.read == first and early.stderr == "" and early.returncode in (0, 141)
    # The reader gone before the first write: the write fails, and the handler answers.
    gone = run_into_closed_pipe(*argv)
    assert (gone.stderr, gone.returncode) == ("", 141)


def test_unknown_tool_or_compare_id_exits_2_before_the_app_opens(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    known = ", ".join(load_pack().tool_ids)  # the shipped tools, however many
    for argv in (["--tool", "no-such-tool"], ["--compare", "docker,no-such-tool"]):
        code, _, err = run(capsys, *argv)
        assert code == 2
        assert err == f"orchexplorer: unknown tool 'no-such-tool'. Known tools: {known}\n"
        assert err == f"orchexplorer: unknown tool 'no-such-tool'. Known tools: {known}\n"
