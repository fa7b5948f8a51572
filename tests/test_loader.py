"""The loader: safe YAML, located errors, collected not stopped at the first."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from orchexplorer import loader
from orchexplorer.loader import PackError, load_pack, parse_yaml
from tests.conftest import FIXTURES, TOOL_A, write_pack


def errors_of(root: Path, lang: str = "en") -> list[str]:
    with pytest.raises(PackError) as info:
        load_pack(root, lang=lang)  # type: ignore[arg-type]
    return [str(e) for e in info.value.errors]


def test_valid_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path, {"a.yaml": TOOL_A}))
    tool = pack.tool("alpha")
    assert tool is not None
    assert tool.summary.get("ko") == "알파"
    assert tool.tagline.get("ko") == "First"  # a plain string serves both languages


def test_files_are_read_recursively_and_merged(tmp_path: Path) -> None:
    second = TOOL_A.replace("alpha", "beta").replace("Alpha", "Beta")
    write_pack(tmp_path, {"a.yaml": TOOL_A, "deep/er/b.yml": second, "notes.txt": "x: ["})
    assert load_pack(tmp_path).tool_ids == ["alpha", "beta"]


def test_python_tag_is_refused_and_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    body = f"tools: !!python/object/apply:os.system ['touch {marker}']\n"
    write_pack(tmp_path / "pack", {"evil.yaml": body})
    errs = errors_of(tmp_path / "pack")
    assert len(errs) == 1
    assert errs[0].endswith(
        "evil.yaml:1:8: tag tag:yaml.org,2002:python/object/apply:os.system "
        "is not allowed: only standard YAML tags are read, nothing is executed"
    )
    assert not marker.exists()


@pytest.mark.parametrize("tag", ["!custom", "!!python/name:os.system", "!!binary", "!!set"])
def test_other_tags_are_refused(tmp_path: Path, tag: str) -> None:
    write_pack(tmp_path, {"t.yaml": f"tools: {tag} x\n"})
    (err,) = errors_of(tmp_path)
    assert "is not allowed" in err and ":1:8:" in err


def test_duplicate_key_is_an_error_with_both_lines(tmp_path: Path) -> None:
    body = TOOL_A + "    kind: Again\n"
    write_pack(tmp_path, {"a.yaml": body})
    (err,) = errors_of(tmp_path)
    assert err.endswith("a.yaml:7:5: duplicate key 'kind' (first at line 4)")


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    write_pack(tmp_path, {"bomb.yaml": "\n".join(lines) + "\n"})
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    (err,) = errors_of(tmp_path)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert "refused as an alias bomb" in err
    assert grown_kib < 50_000  # expanding it would take gigabytes


def test_small_aliases_are_fine(tmp_path: Path) -> None:
    body = (
        TOOL_A
        + "    aliases: &al [a1, a2]\n"
        + TOOL_A.split("tools:\n")[1].replace("alpha", "beta")
        + "    aliases: *al\n"
    )
    write_pack(tmp_path, {"a.yaml": body})
    assert load_pack(tmp_path).tool("beta").aliases == ["a1", "a2"]  # type: ignore[union-attr]


@pytest.mark.parametrize("depth", [100, 20_000])
def test_deep_nesting_is_refused_without_recursion_error(tmp_path: Path, depth: int) -> None:
    write_pack(tmp_path, {"deep.yaml": "tools: " + "[" * depth + "]" * depth + "\n"})
    (err,) = errors_of(tmp_path)
    assert "nesting is too deep" in err


def test_invalid_utf8_names_file_line_and_column(tmp_path: Path) -> None:
    write_pack(tmp_path, {"bad.yaml": b"tools:\n  - id: \xff\xfe\n"})
    (err,) = errors_of(tmp_path)
    assert err.endswith("bad.yaml:2:9: not valid UTF-8 text")


def test_too_large_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    write_pack(tmp_path, {"big.yaml": "# " + "x" * 200 + "\n"})
    (err,) = errors_of(tmp_path)
    assert "big.yaml: file is too large (limit 100 bytes)" in err


def test_unknown_reference_is_located(tmp_path: Path) -> None:
    dims = """\
dimensions:
  - id: role
    title: Role
    cells:
      alpha: {text: Supported}
      gamma: {text: Missing}
"""
    write_pack(tmp_path, {"a.yaml": TOOL_A, "d.yaml": dims})
    (err,) = errors_of(tmp_path)
    assert err.endswith("d.yaml:6:7: unknown tool id 'gamma'")


def test_duplicate_id_across_files_names_both_places(tmp_path: Path) -> None:
    write_pack(tmp_path, {"a.yaml": TOOL_A, "b.yaml": TOOL_A})
    (err,) = errors_of(tmp_path)
    assert "b.yaml:2:9: duplicate id 'alpha' (first defined at " in err
    assert err.endswith("a.yaml:2:9)")


def test_missing_field_points_at_the_object(tmp_path: Path) -> None:
    write_pack(tmp_path, {"a.yaml": TOOL_A.replace("    tagline: First\n", "")})
    (err,) = errors_of(tmp_path)
    assert err.endswith("a.yaml:2:5: missing required field 'tagline' (tools.0.tagline)")


def test_unknown_field_and_bad_value_are_both_reported(tmp_path: Path) -> None:
    body = TOOL_A + "    colour: red\n    order: many\n"
    write_pack(tmp_path, {"a.yaml": body})
    errs = errors_of(tmp_path)
    assert len(errs) == 2
    assert errs[0].endswith("a.yaml:7:13: unknown field 'colour' (tools.0.colour)")
    assert errs[1].endswith("a.yaml:8:12: 'order' must be an integer (tools.0.order)")


def test_errors_in_korean(tmp_path: Path) -> None:
    write_pack(tmp_path, {"a.yaml": TOOL_A.replace("    tagline: First\n", "")})
    (err,) = errors_of(tmp_path, lang="ko")
    assert "필수 항목 'tagline'가 없습니다" in err


def test_errors_are_collected_across_files(tmp_path: Path) -> None:
    write_pack(
        tmp_path, {"a.yaml": "tools: [", "b.yaml": "x: !!python/name:os 1\n", "c.yaml": TOOL_A}
    )
    errs = errors_of(tmp_path)
    assert len(errs) == 2
    assert "a.yaml:2:1:" in errs[0] and "YAML syntax error" in errs[0]
    assert "b.yaml:1:4:" in errs[1]


def test_empty_and_comment_only_files_are_fine(tmp_path: Path) -> None:
    write_pack(tmp_path, {"a.yaml": TOOL_A, "empty.yaml": "", "comments.yaml": "# nothing\n"})
    assert load_pack(tmp_path).tool_ids == ["alpha"]


def test_top_level_must_be_a_mapping_of_known_lists(tmp_path: Path) -> None:
    write_pack(tmp_path, {"a.yaml": "- 1\n", "b.yaml": "tool: []\n", "c.yaml": "tools: {}\n"})
    errs = errors_of(tmp_path)
    assert "a.yaml:1:1: the top level of a file must be a mapping" in errs[0]
    assert "b.yaml:1:1: unknown top-level key 'tool'" in errs[1]
    assert "c.yaml:1:1: 'tools' must be a list" in errs[2]


def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    write_pack(tmp_path, {"a.yaml": TOOL_A})
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert load_pack(tmp_path).tool_ids == ["alpha"]


def test_unreadable_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pack(tmp_path, {"a.yaml": TOOL_A, "secret.yaml": TOOL_A})
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "secret.yaml":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    (err,) = errors_of(tmp_path)
    assert err.endswith("secret.yaml: cannot read file: Permission denied")


def test_missing_directory(tmp_path: Path) -> None:
    (err,) = errors_of(tmp_path / "nope")
    assert err.endswith("nope: content pack directory does not exist")


def test_parse_yaml_positions_are_one_based() -> None:
    doc = parse_yaml("a:\n  b: [1, 2]\n")
    assert doc.data == {"a": {"b": [1, 2]}}
    assert doc.where(("a", "b", 1)) == (2, 10)


def test_markup_fixture_loads_literally() -> None:
    pack = load_pack(FIXTURES / "markup")
    alpha = pack.tool("alpha")
    assert alpha is not None and alpha.name.get("en") == "[bold]Alpha[/]"


def test_unquoted_yes_gets_a_helpful_message(tmp_path: Path) -> None:
    write_pack(tmp_path, {"a.yaml": TOOL_A.replace("tagline: First", "tagline: yes")})
    (err,) = errors_of(tmp_path)
    assert "a.yaml:5:14: 'tagline': expected text, got true" in err
    assert "quote the text" in err
