"""The decision guide knows K3s, Podman and Nomad (issue #17): the answers that call for
each of them put it first, with reasons in both languages that rest on its own features,
and the hard requirements rule them out where their comparison cells say they lack it."""

from __future__ import annotations

import pytest

from orchexplorer.guide import rank
from orchexplorer.loader import load_pack
from orchexplorer.model import SUPPORT_LEVELS, Pack
from tests.test_guide import ASSUMED_LEVELS, with_assumed_cells

NEW_TOOLS = ("k3s", "podman", "nomad")


@pytest.fixture(scope="module")
def pack() -> Pack:
    return with_assumed_cells(load_pack())


#: (answers, the tool that must come first, its score, the tool that must come second)
RANKINGS = [
    # one small server that wants the Kubernetes API
    ({"hosts": "one", "format": "kubernetes"}, "k3s", 3, None),
    ({"hosts": "one", "format": "kubernetes", "stage": "production"}, "k3s", 4, "kubernetes"),
    # rootless, daemonless containers
    ({"rootless": "daemonless"}, "podman", 3, "docker"),
    ({"rootless": "daemonless", "stage": "local-dev"}, "podman", 4, "compose"),
    ({"rootless": "daemonless", "services": "one"}, "podman", 5, "docker"),
    # containers plus plain binaries, Java or virtual machines
    ({"workloads": "mixed"}, "nomad", 4, None),
    ({"workloads": "mixed", "hosts": "few"}, "nomad", 6, "swarm"),
    ({"workloads": "mixed", "hosts": "many", "self-healing": "yes"}, "nomad", 8, "kubernetes"),
]


@pytest.mark.parametrize(("answers", "leader", "score", "second"), RANKINGS)
def test_the_new_tool_that_fits_comes_first(
    pack: Pack, answers: dict[str, str], leader: str, score: int, second: str | None
) -> None:
    result = rank(pack, answers)
    first = result.ranking[0]
    assert (first.tool_id, first.score, first.rank) == (leader, score, 1)
    assert first.eligible and not first.tied, first.tied_with
    assert result.ranking[1].score < first.score
    if second is not None:
        assert result.ranking[1].tool_id == second
    name = first.tool.name
    assert result.summary.get("en") == f"Best fit: {name.en} (score +{score})."
    assert result.summary.get("ko") == f"가장 잘 맞는 도구: {name.ko} (+{score}점)."
    # every counted reason of the leader is in both languages and rests on pack items
    counted = [r for r in first.reasons if r.status == "counted"]
    assert sum(r.counted for r in counted) == score and counted
    for reason in counted:
        assert reason.text.ko and reason.text.en and reason.text.ko != reason.text.en
        assert reason.refs


def test_each_new_tool_leads_on_its_own_features(pack: Pack) -> None:
    expected = {
        "k3s": ({"hosts": "one", "format": "kubernetes"}, "k3s/kubernetes-api"),
        "podman": ({"rootless": "daemonless"}, "podman/daemonless"),
        "nomad": ({"workloads": "mixed"}, "nomad/task-drivers"),
    }
    for tool_id, (answers, feature) in expected.items():
        leader = rank(pack, answers).ranking[0]
        assert leader.tool_id == tool_id
        keys = {ref.key for r in leader.reasons for ref in r.refs}
        assert feature in keys, (tool_id, keys)
        # a reference's title is the pack item's own title, not the bare id
        for r in leader.reasons:
            for ref in r.refs:
                assert ref.title.get("en") != ref.id, ref.key


def test_every_new_tool_has_reasons_in_both_languages_in_many_answers(pack: Pack) -> None:
    seen = {tool: 0 for tool in NEW_TOOLS}
    for q in pack.guide:
        for a in q.answers:
            for e in a.effects:
                if e.tool in seen:
                    assert e.reason.complete and e.refs, f"{q.id}={a.id} {e.tool}"
                    assert e.reason.ko != e.reason.en
                    seen[e.tool] += 1
    assert all(n >= 10 for n in seen.values()), seen
    # and each appears in a ranking with a reason shown in both languages
    for tool_id in NEW_TOOLS:
        entry = rank(pack, {"stage": "production"}).tool(tool_id)
        assert entry is not None and entry.reasons, tool_id
        (reason,) = entry.reasons
        assert reason.text.get("ko") and reason.text.get("en"), tool_id


def test_a_mixed_workload_costs_the_container_only_tools(pack: Pack) -> None:
    result = rank(pack, {"workloads": "mixed"})
    for entry in result.ranking:
        if entry.tool_id != "nomad":
            assert entry.score == -1, entry.tool_id
            (reason,) = entry.reasons
            assert "OCI" in reason.text.get("en") and "OCI" in reason.text.get("ko")


def test_k3s_and_kubernetes_are_separated_by_who_runs_the_control_plane(pack: Pack) -> None:
    base = {"services": "one", "autoscaling": "yes"}
    plain = rank(pack, base)
    k3s, k8s = plain.tool("k3s"), plain.tool("kubernetes")
    assert k3s is not None and k8s is not None and k3s.score == k8s.score
    assert "control-plane" in plain.tie_of("k3s").separating  # type: ignore[union-attr]
    managed = rank(pack, {**base, "control-plane": "managed"}).ranking[0]
    own = rank(pack, {**base, "control-plane": "self"}).ranking[0]
    assert managed.tool_id == "kubernetes" and own.tool_id == "k3s"


@pytest.mark.parametrize(
    ("answers", "dimension"),
    [
        ({"hosts": "few"}, "clustering"),
        ({"autoscaling": "yes"}, "autoscaling"),
        ({"rolling-updates": "basic"}, "rolling-updates"),
    ],
)
def test_podman_is_ruled_out_where_its_cell_lacks_the_capability(
    pack: Pack, answers: dict[str, str], dimension: str
) -> None:
    dim = pack.dimension(dimension)
    assert dim is not None
    cell = dim.cells["podman"]
    result = rank(pack, answers)
    podman = result.tool("podman")
    assert podman is not None
    required = next(
        r
        for q in pack.guide
        for a in q.answers
        for r in a.requires
        if f"{q.id}={a.id}" == "=".join(next(iter(answers.items())))
    )
    lacks = cell.level is not None and SUPPORT_LEVELS.index(cell.level) < SUPPORT_LEVELS.index(
        required.level
    )
    assert podman.eligible is not lacks
    if lacks:
        (ruled,) = podman.ruled_out
        assert ruled.text.get("en").startswith("Podman: ruled out — required: ")
        assert ruled.text.get("ko").startswith("Podman: 제외 — 필수 조건: ")
        assert podman.rank > max(e.rank for e in result.ranking if e.eligible)


def test_assumed_cells_only_fill_what_the_pack_does_not_say() -> None:
    real = load_pack()
    filled = with_assumed_cells(real)
    for dim in filled.dimensions:
        own = real.dimension(dim.id)
        assert own is not None
        for tool_id, cell in own.cells.items():
            assert dim.cells[tool_id] == cell  # a real cell is never replaced
        for tool_id, levels in ASSUMED_LEVELS.items():
            if dim.id in levels and tool_id not in own.cells:
                assert dim.cells[tool_id].level == levels[dim.id]
