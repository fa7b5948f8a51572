"""The Nomad column of the portability matrix (content/portability.yaml) and Nomad's cells
in the command map (content/commands.yaml).

Nomad does not read Compose files: its column says how each key is written in a Nomad job
specification with the Docker task driver. Every key has a cell, what is not supported says
what to do instead in both languages, every cell cites a HashiCorp page, and the facts the
Nomad docs settle are pinned here so an edit that gets them wrong fails.
"""

from __future__ import annotations

import datetime as dt

import pytest

from orchexplorer.loader import default_content_dir, load_pack
from orchexplorer.model import CommandMapping, ComposeKey, KeySupport, Pack
from tests.helpers import check_column_says_what_to_do

NOMAD_DOCS = "https://developer.hashicorp.com/nomad/"
CHECKED = dt.date(2026, 12, 3)


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack()


@pytest.fixture(scope="module")
def keys(pack: Pack) -> dict[str, ComposeKey]:
    return {k.id: k for k in pack.compose_keys}


def nomad(keys: dict[str, ComposeKey], key_id: str) -> KeySupport:
    return keys[key_id].support["nomad"]


# ---------------------------------------------------------------------------- every key


def test_every_key_has_a_nomad_cell_with_a_level(pack: Pack) -> None:
    missing = [k.id for k in pack.compose_keys if "nomad" not in k.support]
    assert not missing, missing
    assert len(pack.compose_keys) >= 70
    for ckey in pack.compose_keys:
        assert ckey.support["nomad"].level in ("supported", "partial", "ignored", "none")


def test_the_nomad_cell_comes_first_in_every_key() -> None:
    """First under `support`, so a column appended after `kubernetes` never touches it."""
    for ckey in load_pack().compose_keys:
        assert next(iter(ckey.support)) == "nomad", ckey.id


def test_a_key_nomad_does_not_support_says_what_to_do_in_both_languages(pack: Pack) -> None:
    assert check_column_says_what_to_do(pack, "nomad") >= 20  # it looked at something


def test_every_nomad_cell_is_backed_by_a_hashicorp_page_checked_today(pack: Pack) -> None:
    for ckey in pack.compose_keys:
        nomad_sources = [s for s in ckey.sources if s.url.startswith(NOMAD_DOCS)]
        assert nomad_sources, f"{ckey.id}: no developer.hashicorp.com/nomad page"
        assert all(s.checked == CHECKED for s in nomad_sources), ckey.id


def test_the_file_header_says_what_the_nomad_column_assumes() -> None:
    header = (default_content_dir() / "portability.yaml").read_text(encoding="utf-8")
    header = header.split("compose_keys:", 1)[0]
    assert "Nomad" in header and "Docker task driver" in header


# ---------------------------------------------------------------------------- pinned facts


def test_replicas_and_scale_are_the_group_count(keys: dict[str, ComposeKey]) -> None:
    for key_id in ("deploy-replicas", "scale"):
        cell = nomad(keys, key_id)
        assert cell.level == "supported", key_id
        assert cell.equivalent == "group.count", key_id


@pytest.mark.parametrize(
    ("key_id", "fragment"),
    [
        ("image", "task.config.image"),
        ("entrypoint", "task.config.entrypoint"),
        ("environment", "task.env"),
        ("ports", "group.network.port"),
        ("deploy-update-config", "update"),
        ("deploy-restart-policy", "restart"),
        ("healthcheck", "check"),
        ("top-volumes", "group.volume"),
        ("service-volumes", "volume_mount"),
        ("top-configs", "template"),
        ("env-file", "env = true"),
        ("user", "task.user"),
        ("stop-grace-period", "task.kill_timeout"),
        ("stop-signal", "task.kill_signal"),
        ("working-dir", "task.config.work_dir"),
        ("read-only", "task.config.readonly_rootfs"),
        ("deploy-placement", "constraint"),
        ("mem-limit", "task.resources.memory"),
    ],
)
def test_nomad_job_spec_paths(keys: dict[str, ComposeKey], key_id: str, fragment: str) -> None:
    assert fragment in (nomad(keys, key_id).equivalent or ""), key_id


def test_command_and_entrypoint_keep_their_meaning(keys: dict[str, ComposeKey]) -> None:
    # Unlike Kubernetes, the Docker driver's `command`/`args` are the image's CMD and
    # `entrypoint` is its ENTRYPOINT: the names do not swap.
    assert "args" in (nomad(keys, "command").equivalent or "")
    assert not (nomad(keys, "entrypoint").equivalent or "").endswith(".command")


def test_global_mode_is_a_system_job(keys: dict[str, ComposeKey]) -> None:
    cell = nomad(keys, "deploy-mode")
    assert cell.equivalent is not None and "system" in cell.equivalent
    assert cell.text is not None and "`system`" in (cell.text.en or "")


def test_secrets_go_through_nomad_variables_and_templates(keys: dict[str, ComposeKey]) -> None:
    top = nomad(keys, "top-secrets")
    assert top.level == "partial"
    assert top.equivalent is not None and "Nomad variables" in top.equivalent
    assert top.workaround is not None and "nomad var put" in (top.workaround.en or "")
    assert "template" in (nomad(keys, "service-secrets").equivalent or "")


def test_cpu_is_in_mhz_not_cores(keys: dict[str, ComposeKey]) -> None:
    cell = nomad(keys, "cpus")
    assert cell.level == "partial"
    assert cell.equivalent is not None and "MHz" in cell.equivalent
    assert "cores" in cell.equivalent


def test_what_nomad_has_no_key_for(keys: dict[str, ComposeKey]) -> None:
    for key_id in ("build", "profiles", "extends", "develop", "links", "container-name"):
        assert nomad(keys, key_id).level == "none", key_id
    # container names are {taskName}-{allocId} and not configurable
    text = nomad(keys, "container-name").text
    assert text is not None and "{taskName}-{allocId}" in (text.en or "")


def test_privileged_needs_the_client_to_allow_it(keys: dict[str, ComposeKey]) -> None:
    cell = nomad(keys, "privileged")
    assert cell.text is not None and "allow_privileged = true" in (cell.text.en or "")
    cap_add = nomad(keys, "cap-add")
    assert cap_add.text is not None and "allow_caps" in (cap_add.text.en or "")


def test_depends_on_is_a_lifecycle_hook_inside_one_group(keys: dict[str, ComposeKey]) -> None:
    cell = nomad(keys, "depends-on")
    assert cell.level == "partial"
    assert cell.equivalent is not None and "prestart" in cell.equivalent
    assert cell.text is not None and "no order between groups" in (cell.text.en or "")


# ---------------------------------------------------------------------------- commands


@pytest.fixture(scope="module")
def commands(pack: Pack) -> dict[str, CommandMapping]:
    return {m.id: m for m in pack.commands}


@pytest.mark.parametrize(
    ("row", "command"),
    [
        ("run-app", "nomad job run web.nomad.hcl"),
        ("apply-file", "nomad job run web.nomad.hcl"),
        ("list-running", "nomad job status web"),
        ("logs", "nomad alloc logs -job web"),
        ("logs-follow", "nomad alloc logs -f -job web"),
        ("exec", "nomad alloc exec -i -t -job web /bin/sh"),
        ("scale", "nomad job scale web 3"),
        ("rollback", "nomad job revert web 1"),
        ("stop", "nomad job stop web"),
        ("remove", "nomad job stop -purge web"),
        ("list-nodes", "nomad node status"),
    ],
)
def test_nomad_commands(commands: dict[str, CommandMapping], row: str, command: str) -> None:
    assert commands[row].commands["nomad"].command == command


def test_nomad_commands_come_first_and_are_sourced(commands: dict[str, CommandMapping]) -> None:
    with_nomad = [m for m in commands.values() if "nomad" in m.commands]
    assert len(with_nomad) >= 15
    for mapping in with_nomad:
        assert next(iter(mapping.commands)) == "nomad", mapping.id
        cell = mapping.commands["nomad"]
        assert cell.command.startswith("nomad "), mapping.id
        assert cell.text is not None and cell.text.ko and cell.text.en, mapping.id
        assert any(s.url.startswith(NOMAD_DOCS) for s in mapping.sources), mapping.id


def test_rows_without_a_nomad_command_have_none(commands: dict[str, CommandMapping]) -> None:
    # No Nomad command attaches to a container or forwards a port; the header says so.
    for row in ("attach", "port-forward", "publish-port", "registry-login"):
        assert "nomad" not in commands[row].commands, row
    header = (default_content_dir() / "commands.yaml").read_text(encoding="utf-8")
    assert "Nomad has no cell" in header.split("commands:", 1)[0]
