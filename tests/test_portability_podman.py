"""The Podman column of the shipped portability matrix and command map.

The column describes `podman compose` running docker-compose against rootless Podman's API
socket (the header of content/portability.yaml says so). Pinned here: every key has a
Podman cell, whatever is not supported says what to do instead in both languages, and the
facts that Podman's docs and maintainers settle (links refused, ports below 1024, cgroup
delegation, no BuildKit) stay right. `explain --target podman` gives Podman's verdicts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from orchexplorer.cli import main
from orchexplorer.loader import default_content_dir, load_pack
from orchexplorer.model import ComposeKey, KeySupport, Pack
from tests.helpers import check_column_says_what_to_do

PODMAN = "podman"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack()


@pytest.fixture(scope="module")
def keys(pack: Pack) -> dict[tuple[str, str], ComposeKey]:
    return {(k.scope, k.key): k for k in pack.compose_keys}


def podman(keys: dict[tuple[str, str], ComposeKey], key: str, scope: str = "service") -> KeySupport:
    return keys[(scope, key)].support[PODMAN]


def both(text: object) -> str:
    """Both languages of a LocalizedText, for assertions on either."""
    return f"{getattr(text, 'ko', '') or ''}\n{getattr(text, 'en', '') or ''}"


# ---------------------------------------------------------------------------- the column


def test_the_header_says_which_route_the_column_describes() -> None:
    header = []
    for line in (default_content_dir() / "portability.yaml").read_text("utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    text = " ".join(header)
    assert "`podman compose`" in text and "docker-compose" in text
    assert "external provider" in text and "rootless" in text
    assert "DOCKER_HOST" in text and "DOCKER_BUILDKIT=0" in text


def test_every_key_has_a_podman_cell_with_a_level(pack: Pack) -> None:
    assert len(pack.compose_keys) >= 60
    missing = [k.id for k in pack.compose_keys if PODMAN not in k.support]
    assert not missing, missing
    for ckey in pack.compose_keys:
        assert ckey.support[PODMAN].level in ("supported", "partial", "ignored", "none"), ckey.id
        assert list(ckey.support)[-1] == PODMAN, f"{ckey.id}: podman is not the last column"


def test_what_podman_does_not_support_says_what_to_do_in_both_languages(pack: Pack) -> None:
    assert check_column_says_what_to_do(pack, PODMAN) >= 10  # it looked at something
    for ckey in pack.compose_keys:
        cell = ckey.support[PODMAN]
        if cell.level != "supported":
            assert cell.text is not None, f"{ckey.id}: {cell.level} without saying why"


def test_an_equivalent_is_a_podman_command(pack: Pack) -> None:
    equivalents = [k.support[PODMAN].equivalent for k in pack.compose_keys]
    given = [e for e in equivalents if e]
    assert len(given) >= 40
    assert all(e.startswith("podman ") for e in given), given


def test_every_key_with_a_podman_cell_cites_podman(pack: Pack) -> None:
    for ckey in pack.compose_keys:
        urls = [s.url for s in ckey.sources]
        podman_sources = [
            s
            for s in ckey.sources
            if s.url.startswith(("https://docs.podman.io/", "https://github.com/containers/"))
        ]
        assert podman_sources, f"{ckey.id}: {urls}"
        assert all(s.checked.isoformat() == "2026-12-03" for s in podman_sources), ckey.id


# ---------------------------------------------------------------------------- pinned facts


def test_links_are_refused_by_podmans_compat_api(keys: dict[tuple[str, str], ComposeKey]) -> None:
    links = podman(keys, "links")
    assert links.level == "none"
    assert links.text is not None and "link is not supported" in (links.text.en or "")
    assert links.workaround is not None and "aliases" in (links.workaround.en or "")
    urls = {s.url for s in keys[("service", "links")].sources}
    assert "https://github.com/containers/podman/issues/24254" in urls


def test_rootless_limits(keys: dict[tuple[str, str], ComposeKey]) -> None:
    ports = podman(keys, "ports")
    assert ports.level == "partial" and ports.equivalent == "podman run --publish"
    assert "1024" in both(ports.text)
    assert "ip_unprivileged_port_start" in both(ports.workaround)
    for key in ("mem_limit", "cpus", "deploy.resources"):
        cell = podman(keys, key)
        assert cell.level == "partial", key
        assert "cgroup v2" in both(cell.text), key
        assert "Delegate=memory pids cpu cpuset" in both(cell.workaround), key
    privileged = podman(keys, "privileged")
    assert privileged.level == "partial"
    assert "more privileges than the account" in both(privileged.text)
    for key in ("devices", "ulimits", "userns_mode"):
        assert podman(keys, key).level == "partial", key


def test_builds_go_without_buildkit(keys: dict[tuple[str, str], ComposeKey]) -> None:
    build = podman(keys, "build")
    assert build.level == "partial"
    assert "DOCKER_BUILDKIT=0" in both(build.text)
    assert "podman build" in both(build.workaround)


def test_the_provider_handles_what_never_reaches_podman(
    keys: dict[tuple[str, str], ComposeKey],
) -> None:
    # The provider reads the file: Compose-only keys work, Swarm-only ones are ignored.
    for key in ("profiles", "extends", "depends_on", "depends_on.condition", "scale"):
        assert podman(keys, key).level == "supported", key
    for scope, key in (("top", "name"), ("top", "include")):
        assert podman(keys, key, scope).level == "supported", key
    assert podman(keys, "version", "top").level == "ignored"
    for key in ("deploy.placement", "deploy.update_config", "deploy.labels"):
        assert podman(keys, key).level == keys[("service", key)].support["compose"].level, key


def test_restart_after_a_reboot_needs_a_systemd_unit(
    keys: dict[tuple[str, str], ComposeKey],
) -> None:
    for key in ("restart", "deploy.restart_policy"):
        cell = podman(keys, key)
        assert cell.level == "partial", key
        assert "podman-restart.service" in both(cell.text), key
    assert "systemd" in both(podman(keys, "healthcheck").text)


def test_logging_names_podmans_own_drivers(keys: dict[tuple[str, str], ComposeKey]) -> None:
    logging = podman(keys, "logging")
    assert logging.level == "partial" and logging.equivalent == "podman run --log-driver"
    text = both(logging.text)
    for driver in ("k8s-file", "journald", "passthrough", "json-file"):
        assert driver in text, driver


# ---------------------------------------------------------------------------- commands


def test_podman_commands_in_the_command_map(pack: Pack) -> None:
    rows = {m.id: m for m in pack.commands}
    with_podman = [m for m in pack.commands if PODMAN in m.commands]
    assert len(with_podman) >= 18
    assert rows["run-app"].commands[PODMAN].command.startswith("podman run -d ")
    assert rows["apply-file"].commands[PODMAN].command.startswith("podman kube play ")
    assert rows["scale"].commands[PODMAN].command.startswith("podman compose up ")
    for mapping in with_podman:
        assert list(mapping.commands)[-1] == PODMAN, mapping.id
    # a row without a Podman command says so in its difference
    for row_id in ("logs-previous", "rollback", "list-nodes"):
        row = rows[row_id]
        assert PODMAN not in row.commands, row_id
        assert "Podman" in (row.difference.en or "") or "podman" in (row.difference.en or "")
        assert "Podman" in (row.difference.ko or "") or "podman" in (row.difference.ko or "")


# ---------------------------------------------------------------------------- explain

COMPOSE = """\
services:
  web:
    image: docker.io/library/nginx:1.27
    ports: ["80:80"]
    links: [db]
  db:
    image: docker.io/library/postgres:16
"""


def _explain(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> str:
    code = main(["--lang", "en", "explain", str(path), "--target", "swarm,podman", *extra])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_explain_gives_podmans_verdict_per_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pack: Pack
) -> None:
    path = tmp_path / "compose.yaml"
    path.write_text(COMPOSE, "utf-8")
    data = json.loads(_explain(capsys, path, "--format", "json"))
    assert data["targets"] == ["swarm", PODMAN]
    verdicts = {
        (f["service"], f["key"]): f["level"] for f in data["findings"] if f["tool"] == PODMAN
    }
    assert verdicts[("web", "links")] == "none"
    assert verdicts[("web", "ports")] == "partial"
    assert verdicts[("web", "image")] == "supported"
    assert data["summary"][PODMAN] == {"supported": 2, "partial": 1, "none": 1}

    text = _explain(capsys, path)
    podman_tool = pack.tool(PODMAN)
    assert podman_tool is not None
    name = podman_tool.name.en or PODMAN
    assert name in text.splitlines()[0]  # "explained for Docker Swarm, Podman"
    assert re.search(rf"{re.escape(name)}\s+✗ no equivalent", text)
    assert "link is not supported" in text
