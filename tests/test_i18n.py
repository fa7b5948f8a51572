"""The program's string table (orchexplorer.i18n.STRINGS): every string in both languages
with the same placeholders, every key the code asks for present, no key left unused.

The code is read as Python syntax trees, not run: a key is asked for by a literal
`t("key", ...)`, or by a family built at run time (`t("note_status_" + note.status, ...)`)
whose members are listed in FAMILIES from where the code takes them.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, get_args, get_type_hints

import pydantic_core.core_schema
import pytest

import orchexplorer
from orchexplorer import i18n, lang
from orchexplorer.i18n import STRINGS, t

PACKAGE = Path(orchexplorer.__file__).parent


@cache
def trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text("utf-8")) for path in sorted(PACKAGE.rglob("*.py"))}


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', 0)}"


def constants(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def literal_values(annotation: Any) -> set[str]:
    """The strings of a `Literal[...]` (through `X | None`)."""
    values: set[str] = set()
    for arg in get_args(annotation):
        if isinstance(arg, str):
            values.add(arg)
        else:
            values |= literal_values(arg)
    return values


def yaml_problem_codes() -> set[str]:
    """The codes the loader raises `_YamlProblem` with (shown as `err_<code>`)."""
    codes = set()
    for node in ast.walk(trees()[PACKAGE / "loader.py"]):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_YamlProblem"
        ):
            codes |= {a.value for a in node.args if isinstance(a, ast.Constant)}
    return {c for c in codes if isinstance(c, str)}


@cache
def families() -> dict[str, tuple[set[str], bool]]:
    """Keys built at run time, by prefix: (the suffixes the code puts after it, whether every
    suffix must have a key). pydantic's error types without a key of ours fall back to
    pydantic's text, and the compare command's `_t` turns any of its strings into `cmp_…`."""
    from orchexplorer.model import OPTIONAL_COUNTS, GuideRefKind, Note, Pack, RefProblem
    from orchexplorer.search import KINDS
    from orchexplorer.tui.screens import compare as compare_screen
    from orchexplorer.tui.screens.portability import SECTIONS
    from orchexplorer.tui.widgets.detail import TABS

    tabs = {pane for pane, _key in TABS}
    compare_command = PACKAGE / "commands" / "compare.py"
    return {
        "note_status_": (literal_values(Note.model_fields["status"].annotation), True),
        "err_": (literal_values(get_type_hints(RefProblem)["code"]) | yaml_problem_codes(), True),
        "err_v_": (literal_values(pydantic_core.core_schema.ErrorType), False),
        "count_": (set(Pack().counts()) | set(OPTIONAL_COUNTS), True),
        "guide_ref_": (literal_values(GuideRefKind), True),
        "kind_": (set(KINDS), True),
        "key_tab_": (tabs, True),
        "empty_": (tabs - {"overview"}, True),
        "key_": ({key for _pane, key in compare_screen.TABS}, True),
        "cmp_": (set(constants(trees()[compare_command])), False),
        "port_tab_": (set(SECTIONS), True),
    }


# ------------------------------------------------------------------------------ the table


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_is_given_in_korean_and_english(key: str) -> None:
    pair = STRINGS[key]
    assert isinstance(pair, tuple) and len(pair) == 2, key
    ko, en = pair
    assert isinstance(ko, str) and ko.strip(), f"{key}: empty Korean"
    assert isinstance(en, str) and en.strip(), f"{key}: empty English"
    assert ko == ko.strip() and en == en.strip(), f"{key}: leading or trailing space"


def placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_korean_and_english_take_the_same_placeholders(key: str) -> None:
    ko, en = STRINGS[key]
    assert placeholders(ko) == placeholders(en), key
    # and each formats with its placeholders given, leaving no brace behind
    values = {name: "X" for name in placeholders(ko)}
    for text in (t(key, "ko", **values), t(key, "en", **values)):
        assert "{" not in text and "}" not in text, (key, text)


def test_t_formats_and_falls_back() -> None:
    assert t("cli_errors", "en", count=3) == "3 error(s)"
    assert t("cli_errors", "ko", count=3) == "오류 3개"
    assert t("no_such_key", "ko") == "no_such_key"
    assert t("cli_errors", "en") == "{count} error(s)"  # a missing value stays visible


def test_the_languages_live_apart_from_the_strings() -> None:
    assert i18n.Lang is lang.Lang and i18n.LANGS == lang.LANGS == ("ko", "en")
    model = (PACKAGE / "model.py").read_text("utf-8")
    assert "orchexplorer.i18n" not in model  # the model does not import the string table


# ------------------------------------------------------------------------------ the code


def literal_requests() -> Iterator[tuple[str, str]]:
    """(key, place) for every key the code names literally: `t("k")`, the compare command's
    `_t("k")` (= `cmp_k`), and the tables of keys (tabs, help's actions, palette kinds)."""
    for path, tree in trees().items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            if node.func.id == "t":
                yield first.value, where(path, node)
            elif node.func.id == "_t" and path.name == "compare.py":
                yield "cmp_" + first.value, where(path, node)
            elif node.func.id == "PaletteCommand" and len(node.args) >= 3:
                kind = node.args[2]
                if isinstance(kind, ast.Constant) and isinstance(kind.value, str):
                    yield kind.value, where(path, node)
    from orchexplorer.tui.screens import compare as compare_screen
    from orchexplorer.tui.screens.help import ACTION_KEYS
    from orchexplorer.tui.widgets.detail import TABS

    for _pane, key in TABS:
        yield key, "tui/widgets/detail.py TABS"
    for _pane, key in compare_screen.TABS:
        yield key, "tui/screens/compare.py TABS"
    for key in ACTION_KEYS.values():
        yield key, "tui/screens/help.py ACTION_KEYS"


def test_every_key_the_code_names_exists() -> None:
    requests = list(literal_requests())
    assert len(requests) > 200  # the scan finds the calls
    missing = sorted({f"{key} ({place})" for key, place in requests if key not in STRINGS})
    assert not missing, missing


def dynamic_prefixes() -> Iterator[tuple[str, str]]:
    """("prefix_", place) for every `"prefix_" + value` in the code."""
    for path, tree in trees().items():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Add)
                and isinstance(node.left, ast.Constant)
                and isinstance(node.left.value, str)
                and node.left.value.endswith("_")
            ):
                yield node.left.value, where(path, node)
            if isinstance(node, ast.JoinedStr) and node.values:
                head = node.values[0]
                if isinstance(head, ast.Constant) and str(head.value).endswith("_"):
                    yield str(head.value), where(path, node)


def test_every_key_family_built_at_run_time_is_known_and_complete() -> None:
    found = list(dynamic_prefixes())
    assert {prefix for prefix, _ in found} >= {"note_status_", "err_", "kind_"}
    unknown = sorted({f"{prefix} ({place})" for prefix, place in found if prefix not in families()})
    assert not unknown, f"a key family built at run time: list its members in FAMILIES: {unknown}"
    for prefix, (suffixes, complete) in families().items():
        assert suffixes, prefix
        if complete:
            missing = sorted(prefix + s for s in suffixes if prefix + s not in STRINGS)
            assert not missing, missing


def test_no_key_is_unused() -> None:
    table = PACKAGE / "i18n.py"  # where every key is written once, as the table's key
    named = {c for path, tree in trees().items() if path != table for c in constants(tree)}
    built = {prefix + s for prefix, (suffixes, _c) in families().items() for s in suffixes}
    unused = sorted(key for key in STRINGS if key not in named and key not in built)
    assert not unused, f"keys no code asks for: {unused}"
