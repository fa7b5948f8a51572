"""The shipped key-level portability matrix (content/portability.yaml).

Every Compose key users meet has a cell for Compose, Swarm and Kubernetes; what a tool does
not honour says what to do instead; facts that docker/cli and the Kubernetes docs settle
are pinned here, so an edit that gets them wrong fails.
"""

from __future__ import annotations

import re

import pytest
from pydantic import TypeAdapter, ValidationError

from orchexplorer.loader import default_content_dir, load_pack
from orchexplorer.model import ComposeKey, ComposeKeyPath, KeySupport, Pack

TOOLS = ("compose", "swarm", "kubernetes")
#: Every tool with a column in the matrix (TOOLS is the three the pinned facts below compare).
#: Every column of the matrix (the Nomad column has its own tests in test_portability_nomad.py).
#: The matrix columns written out (K3s implements Kubernetes: it has none of its own).
MATRIX_TOOLS = (*TOOLS, "podman", "nomad")

# The keys the portability issue names, as (scope, key).
REQUIRED_TOP = ("name", "version", "include", "x-*", "volumes", "networks", "secrets", "configs")
REQUIRED_SERVICE = (
    "build",
    "image",
    "command",
    "entrypoint",
    "environment",
    "env_file",
    "ports",
    "expose",
    "volumes",
    "networks",
    "network_mode",
    "depends_on",
    "depends_on.condition",
    "links",
    "healthcheck",
    "restart",
    "deploy.replicas",
    "deploy.resources",
    "deploy.placement",
    "deploy.update_config",
    "deploy.rollback_config",
    "deploy.restart_policy",
    "deploy.mode",
    "deploy.labels",
    "deploy.endpoint_mode",
    "secrets",
    "configs",
    "logging",
    "labels",
    "profiles",
    "extends",
    "privileged",
    "cap_add",
    "cap_drop",
    "devices",
    "ulimits",
    "user",
    "working_dir",
    "init",
    "stop_grace_period",
    "stop_signal",
    "extra_hosts",
    "dns",
    "tmpfs",
    "sysctls",
    "container_name",
    "hostname",
    "security_opt",
    "read_only",
    "shm_size",
    "pid",
    "ipc",
    "userns_mode",
    "platform",
    "pull_policy",
    "develop",
    "cgroup_parent",
    "mem_limit",
    "cpus",
    "scale",
    "stdin_open",
    "tty",
)

# docker/cli, which implements `docker stack deploy`:
# - keys its v3 schema does not know, or that types.go forbids: the deploy fails;
STACK_REFUSED = (
    ("top", "name"),
    ("top", "include"),
    ("service", "profiles"),
    ("service", "extends"),
    ("service", "develop"),
    ("service", "platform"),
    ("service", "pull_policy"),
    ("service", "scale"),
    ("service", "cpus"),
    ("service", "mem_limit"),
    ("service", "depends_on.condition"),
)
# - types.go's UnsupportedProperties and DeprecatedProperties: skipped with a message
#   ("restart" is listed too, but convert/service.go still falls back on it: partial).
STACK_SKIPPED = (
    "build",
    "cgroup_parent",
    "devices",
    "ipc",
    "links",
    "network_mode",
    "pid",
    "privileged",
    "security_opt",
    "shm_size",
    "userns_mode",
    "container_name",
    "expose",
)

OFFICIAL = re.compile(
    r"^https://(docs\.docker\.com|kubernetes\.io|docs\.podman\.io"
    r"|developer\.hashicorp\.com/nomad/"
    r"|github\.com/(docker|moby|kubernetes|compose-spec|containers|hashicorp)/)"
)


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack()


@pytest.fixture(scope="module")
def keys(pack: Pack) -> dict[tuple[str, str], ComposeKey]:
    return {(k.scope, k.key): k for k in pack.compose_keys}


def cell(keys: dict[tuple[str, str], ComposeKey], key: str, tool: str) -> KeySupport:
    scope = "top" if key in ("name", "version", "include", "x-*") else "service"
    return keys[(scope, key)].support[tool]


def levels(keys: dict[tuple[str, str], ComposeKey], key: str) -> tuple[str, ...]:
    """The key's level for compose, swarm and kubernetes, in that order."""
    return tuple(cell(keys, key, tool).level for tool in TOOLS)


def test_the_matrix_lives_in_its_own_content_file() -> None:
    path = default_content_dir() / "portability.yaml"
    assert path.is_file()
    assert path.read_text(encoding="utf-8").startswith("# Key-level portability")


@pytest.mark.parametrize(
    ("key", "valid"),
    [
        ("depends_on.condition", True),
        ("x-*", True),
        ("x-common", True),
        ("deploy.x-note", True),
        ("x-", False),
        ("x-*y", False),
        ("depends-on", False),
        ("Deploy.mode", False),
        ("deploy..mode", False),
    ],
)
def test_a_key_path_allows_a_hyphen_only_in_extension_fields(key: str, valid: bool) -> None:
    adapter: TypeAdapter[str] = TypeAdapter(ComposeKeyPath)
    if valid:
        assert adapter.validate_python(key) == key
    else:
        with pytest.raises(ValidationError):
            adapter.validate_python(key)


def test_at_least_sixty_keys_each_listed_once(pack: Pack) -> None:
    assert len(pack.compose_keys) >= 60
    pairs = [(k.scope, k.key) for k in pack.compose_keys]
    assert len(set(pairs)) == len(pairs), "a (scope, key) pair is listed twice"
    ids = [k.id for k in pack.compose_keys]
    assert len(set(ids)) == len(ids)
    for key_id in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key_id), key_id


def test_every_key_the_issue_names_is_present(keys: dict[tuple[str, str], ComposeKey]) -> None:
    wanted = [("top", k) for k in REQUIRED_TOP] + [("service", k) for k in REQUIRED_SERVICE]
    missing = [f"{scope}:{key}" for scope, key in wanted if (scope, key) not in keys]
    assert not missing, f"missing Compose keys: {missing}"


def test_every_key_has_a_cell_for_each_matrix_tool(pack: Pack) -> None:
    for ckey in pack.compose_keys:
        assert set(ckey.support) == set(MATRIX_TOOLS), f"{ckey.id}: {sorted(ckey.support)}"


def test_a_key_a_tool_does_not_support_says_what_to_do_instead(pack: Pack) -> None:
    for ckey in pack.compose_keys:
        for tool, support in ckey.support.items():
            if support.level == "supported":
                continue
            assert support.workaround is not None or support.equivalent, (
                f"{ckey.id}/{tool}: {support.level} without a workaround or an equivalent"
            )
            # A skipped or refused key always says why, so the reader is not left guessing.
            if support.level in ("ignored", "none"):
                assert support.text is not None or support.workaround is not None, ckey.id


def test_summaries_are_bilingual_and_sources_official_and_dated(pack: Pack) -> None:
    for ckey in pack.compose_keys:
        assert ckey.summary.ko and ckey.summary.en, ckey.id
        assert re.search("[가-힣]", ckey.summary.ko), f"{ckey.id}: Korean summary is not Korean"
        assert ckey.sources, ckey.id
        for source in ckey.sources:
            assert OFFICIAL.match(source.url), f"{ckey.id}: {source.url} is not an official page"
            assert source.checked.year >= 2026, ckey.id
        # at least one documentation page, not only source code or an issue
        assert any(
            s.url.startswith(("https://docs.docker.com/", "https://kubernetes.io/"))
            for s in ckey.sources
        ), ckey.id
        for support in ckey.support.values():
            for text in (support.text, support.workaround):
                if text is not None:
                    assert text.ko and text.en, ckey.id


def test_keywords_cover_both_languages(pack: Pack) -> None:
    for ckey in pack.compose_keys:
        assert any(re.search("[가-힣]", k) for k in ckey.keywords), ckey.id
        assert any(re.search("[a-z]", k) for k in ckey.keywords), ckey.id


def test_english_never_says_seed(pack: Pack) -> None:
    for ckey in pack.compose_keys:
        texts = [ckey.summary.en or ""]
        for support in ckey.support.values():
            texts += [t.en or "" for t in (support.text, support.workaround) if t]
        for text in texts:
            assert "seed" not in text.lower(), ckey.id


# ---------------------------------------------------------------------------- pinned facts


def test_depends_on_has_no_start_order_in_swarm_or_kubernetes(
    keys: dict[tuple[str, str], ComposeKey],
) -> None:
    assert levels(keys, "depends_on") == ("supported", "ignored", "none")
    k8s = cell(keys, "depends_on", "kubernetes")
    assert k8s.workaround is not None
    advice = (k8s.workaround.en or "").lower()
    assert "readiness" in advice and "init container" in advice
    assert "레디니스 프로브" in (k8s.workaround.ko or "")
    assert "초기화 컨테이너" in (k8s.workaround.ko or "")


def test_depends_on_conditions_fail_a_stack_deploy(
    keys: dict[tuple[str, str], ComposeKey],
) -> None:
    summary = keys[("service", "depends_on.condition")].summary.en or ""
    for condition in ("service_started", "service_healthy", "service_completed_successfully"):
        assert condition in summary
    swarm = cell(keys, "depends_on.condition", "swarm")
    assert swarm.level == "none"
    assert swarm.text is not None and "must be a list" in (swarm.text.en or "")


def test_build_is_skipped_by_stack_deploy_and_absent_from_kubernetes(
    keys: dict[tuple[str, str], ComposeKey],
) -> None:
    assert levels(keys, "build") == ("supported", "ignored", "none")
    swarm = cell(keys, "build", "swarm")
    assert swarm.workaround is not None and "push" in (swarm.workaround.en or "")


def test_healthcheck_maps_to_probes(keys: dict[tuple[str, str], ComposeKey]) -> None:
    assert cell(keys, "healthcheck", "swarm").level == "supported"
    k8s = cell(keys, "healthcheck", "kubernetes")
    assert k8s.equivalent is not None and "livenessProbe" in k8s.equivalent
    assert "readinessProbe" in k8s.equivalent


def test_rolling_updates_are_swarms_and_not_composes(
    keys: dict[tuple[str, str], ComposeKey],
) -> None:
    assert levels(keys, "deploy.update_config") == ("ignored", "supported", "partial")
    k8s = cell(keys, "deploy.update_config", "kubernetes")
    assert k8s.equivalent is not None and "maxSurge" in k8s.equivalent
    assert cell(keys, "deploy.rollback_config", "kubernetes").equivalent == (
        "kubectl rollout undo deployment/NAME"
    )


def test_compose_honours_replicas_and_resources(keys: dict[tuple[str, str], ComposeKey]) -> None:
    for key in ("deploy.replicas", "deploy.resources"):
        assert cell(keys, key, "compose").level == "supported", key
    assert cell(keys, "deploy.placement", "compose").level == "ignored"


def test_command_and_entrypoint_swap_names_in_kubernetes(
    keys: dict[tuple[str, str], ComposeKey],
) -> None:
    assert (cell(keys, "command", "kubernetes").equivalent or "").endswith(".args")
    assert (cell(keys, "entrypoint", "kubernetes").equivalent or "").endswith(".command")


@pytest.mark.parametrize(("scope", "key"), STACK_REFUSED)
def test_keys_the_stack_schema_refuses_are_none_for_swarm(
    keys: dict[tuple[str, str], ComposeKey], scope: str, key: str
) -> None:
    swarm = keys[(scope, key)].support["swarm"]
    assert swarm.level == "none"
    assert swarm.workaround is not None


@pytest.mark.parametrize("key", STACK_SKIPPED)
def test_keys_stack_deploy_skips_are_ignored_for_swarm(
    keys: dict[tuple[str, str], ComposeKey], key: str
) -> None:
    assert keys[("service", key)].support["swarm"].level == "ignored"


def test_swarm_specific_facts(keys: dict[tuple[str, str], ComposeKey]) -> None:
    # restart: warned about, yet used when deploy.restart_policy is absent
    assert cell(keys, "restart", "swarm").level == "partial"
    # capabilities, ulimits, sysctls and init reach the service spec
    for key in ("cap_add", "cap_drop", "ulimits", "sysctls", "init"):
        assert cell(keys, key, "swarm").level == "supported", key
    # secrets and configs are Swarm-native
    for scope_key in (("top", "secrets"), ("top", "configs"), ("service", "secrets")):
        assert keys[scope_key].support["swarm"].level == "supported", scope_key
    # env_file is read by the CLI that deploys
    env_file = cell(keys, "env_file", "swarm")
    assert env_file.level == "supported"
    assert env_file.text is not None and "CLI" in (env_file.text.en or "")


def test_kubernetes_field_paths(keys: dict[tuple[str, str], ComposeKey]) -> None:
    expected = {
        "privileged": "securityContext.privileged",
        "cap_add": "securityContext.capabilities.add",
        "user": "runAsUser",
        "working_dir": "workingDir",
        "stop_grace_period": "terminationGracePeriodSeconds",
        "extra_hosts": "hostAliases",
        "dns": "dnsConfig",
        "tmpfs": "medium: Memory",
        "sysctls": "securityContext.sysctls",
        "deploy.replicas": "spec.replicas",
        "deploy.placement": "nodeSelector",
        "environment": "env",
        "env_file": "envFrom",
        "network_mode": "hostNetwork: true",
    }
    for key, fragment in expected.items():
        assert fragment in (cell(keys, key, "kubernetes").equivalent or ""), key
    assert cell(keys, "secrets", "kubernetes").equivalent is not None
    assert keys[("top", "secrets")].support["kubernetes"].equivalent == "Secret"
    assert keys[("top", "configs")].support["kubernetes"].equivalent == "ConfigMap"
    for key in ("profiles", "links", "build", "init", "logging"):
        assert cell(keys, key, "kubernetes").level == "none", key
