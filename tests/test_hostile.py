"""Hostile content packs: each refused with one located line, or loaded and shown literally."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchexplorer.cli import main
from orchexplorer.loader import PackError, load_pack
from tests.conftest import FIXTURES, TOOL_A, write_pack
from tests.helpers import run_into_closed_pipe
from tests.tui_helpers import make_app, screen_text

HOSTILE = sorted(p for p in (FIXTURES / "hostile").iterdir() if p.is_dir())
ANSI = FIXTURES / "ansi"
ERROR_LINE = re.compile(r"^[^\n]+?(:\d+:\d+)?: [^\n]+$")


@pytest.mark.parametrize("pack", HOSTILE, ids=[p.name for p in HOSTILE])
def test_hostile_pack_gives_its_one_line(
    pack: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = (pack / "expected.txt").read_text(encoding="utf-8").strip()
    monkeypatch.chdir(pack)
    code = main(["validate", "."])
    out, err = capsys.readouterr()
    if expected.startswith("content pack is valid"):
        assert code == 0 and out.strip() == expected
        return
    assert code == 1 and out == ""
    assert err.splitlines() == [expected, "1 error(s)"]


def test_python_tag_has_no_side_effect(tmp_path: Path) -> None:
    marker = Path("/tmp/orchexplorer-owned")
    marker.unlink(missing_ok=True)
    with pytest.raises(PackError):
        load_pack(FIXTURES / "hostile" / "python-apply")
    assert not marker.exists()


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(17 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(PackError) as info:
        load_pack(tmp_path)
    (problem,) = info.value.errors
    assert problem.message == "file is too large (limit 16777216 bytes)"


def test_missing_pack_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["--content", str(tmp_path / "none"), "show", "docker"])
    assert code == 1
    assert (
        capsys.readouterr()
        .err.splitlines()[0]
        .endswith("none: content pack directory does not exist")
    )


# -------------------------------------------------------------------------- literal text


def test_escape_sequences_never_reach_the_terminal_from_the_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for argv in (
        ["show", "shouty"],
        ["show", "shouty", "--format", "markdown"],
        ["show", "shouty", "--format", "json"],
        ["search", "shouty"],
        ["search", "feature", "--json"],
        ["compare", "shouty", "calm"],
        ["compare", "shouty", "calm", "--format", "json"],
    ):
        code = main(["--content", str(ANSI), *argv])
        out = capsys.readouterr().out
        assert code == 0, argv
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out), argv
    main(["--content", str(ANSI), "show", "shouty", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["name"]["en"] == "\\x1b[31mShouty\\x1b[0m"


async def test_escape_sequences_are_shown_literally_in_the_app(config_dir: Path) -> None:
    app = make_app(ANSI, config_dir, tool="shouty")
    async with app.run_test(size=(120, 30)) as pilot:
        text = screen_text(app)
        assert "\\x1b[31mShouty\\x1b[0m" in text
        assert "clears\\x1b[2J the screen \\x0d overwrites" in text
        await pilot.press("2")
        assert "\\x1b]8;;https://evil.example\\x1b\\link" in screen_text(app)
        assert "\x1b" not in screen_text(app)


# -------------------------------------------------------------------------- fuzzing

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates(),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=12), inner, max_size=5),
    ),
    max_leaves=25,
)
# Documents shaped like a pack, so the fuzzing reaches validation and cross-references too.
pack_like = st.fixed_dictionaries(
    {},
    optional={
        "tools": st.lists(
            st.dictionaries(
                st.sampled_from(["id", "name", "kind", "tagline", "summary", "features", "x"]),
                documents,
                max_size=6,
            ),
            max_size=3,
        ),
        "dimensions": st.lists(documents, max_size=2),
        "relations": st.lists(documents, max_size=2),
    },
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=st.one_of(documents, pack_like))
def test_any_yaml_document_loads_or_gives_located_errors(tmp_path: Path, doc: object) -> None:
    root = tmp_path / "fuzz"
    write_pack(root, {"a.yaml": TOOL_A, "b.yaml": yaml.safe_dump(doc, allow_unicode=True)})
    try:
        load_pack(root)
    except PackError as exc:
        assert exc.errors
        for problem in exc.errors:
            assert ERROR_LINE.match(str(problem)), str(problem)
            assert problem.path.endswith(("a.yaml", "b.yaml", "fuzz"))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_bytes_load_or_give_located_errors(tmp_path: Path, raw: bytes) -> None:
    root = tmp_path / "bytes"
    write_pack(root, {"a.yaml": TOOL_A, "b.yaml": raw})
    try:
        load_pack(root)
    except PackError as exc:
        for problem in exc.errors:
            assert ERROR_LINE.match(str(problem)), str(problem)


# -------------------------------------------------------------------------- pipes


@pytest.mark.parametrize("command", ["search docker", "compare docker kubernetes", "validate"])
def test_a_closed_pipe_gives_a_quiet_exit_141(command: str) -> None:
    # The reader has gone before the first write (`| true`): the write fails, and the CLI
    # says nothing about it and exits as a program killed by SIGPIPE would (128 + 13).
    result = run_into_closed_pipe(*command.split())
    assert (result.stderr, result.returncode) == ("", 141)
