"""Fact-checks: every claim of the source text that is wrong, dated or imprecise carries a
note with an official source and the day it was checked; every face shows the note and its
date; `validate --stale DAYS` finds the notes due for checking again."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from textual.widgets import TabbedContent

from orchexplorer.cli import main
from orchexplorer.commands.validate import dated_notes, stale_notes
from orchexplorer.loader import PackError, load_pack
from orchexplorer.model import Note, Pack
from orchexplorer.tui.widgets.detail import ToolDetail
from tests.conftest import TOOL_A, write_pack
from tests.tui_helpers import make_app, screen_text

SEED = Path(__file__).parent / "data" / "seed.txt"
TODAY = dt.date.today()

#: Every claim of the source text that the content marks wrong, dated or imprecise: words of
#: the source (as they stand in it, `**` removed), and the note that corrects them. A note
#: removed, moved or no longer quoting the source fails here; so does a new note with a
#: claim that is not listed.
SOURCE_CLAIMS: list[tuple[str, str]] = [
    # Docker
    ("오픈 소스 플랫폼입니다", "tools/docker/open-source-vs-desktop"),
    ("경량의 가상 머신 대안으로 사용", "tools/docker/containers-share-kernel"),
    ("기본적인 확장성 제공 (Docker Swarm)", "tools/docker/scaling-is-swarm-mode"),
    # Compose
    ("version: '3'", "tools/compose/version-key-obsolete"),
    ("docker-compose.yml", "tools/compose/compose-v1-end-of-life"),
    ("docker-compose.yml", "tools/compose/compose-v2-and-v5"),
    ("`docker-compose.yml` 파일을 사용하여", "tools/compose/default-file-name"),
    ("없음", "tools/compose/service-discovery-by-name"),
    ("없음", "tools/compose/no-rolling-update"),
    ("멀티컨테이너 애플리케이션 정의 및 로컬 실행", "tools/compose/compose-in-production"),
    ("단일 호스트의 포트 매핑", "tools/compose/load-balancing-dns-round-robin"),
    # Swarm
    ("Docker에서 제공하는 기본 컨테이너 오케스트레이션 도구", "tools/swarm/swarm-mode-vs-classic"),
    ("Docker Compose와도 연동되어", "tools/swarm/stack-deploy-compose-format"),
    ("자동으로 배포, 확장, 복구합니다", "tools/swarm/no-autoscaling"),
    ("노드 간의 로드 밸런싱 제공", "tools/swarm/routing-mesh-load-balancing"),
    ("하나의 가상 서버처럼 동작하게 합니다", "tools/swarm/not-one-virtual-server"),
    (
        "Docker Swarm은 Docker의 기본 오케스트레이션 도구로",
        "conclusions/conclusion-swarm/swarm-status",
    ),
    # Kubernetes
    ("컨테이너 런타임으로 Docker를 사용할 수 있으며", "tools/kubernetes/dockershim-removed"),
    (
        "Kubernetes Master, Nodes, Pods, Services, Deployments",
        "tools/kubernetes/master-is-control-plane",
    ),
    (
        "Kubernetes Master, Nodes, Pods, Services, Deployments",
        "tools/kubernetes/objects-not-components",
    ),
    (
        "자동으로 컨테이너(포드)를 확장하거나 축소할 수 있습니다",
        "tools/kubernetes/hpa-needs-metrics",
    ),
    ("수평적, 수직적 확장 지원, 자동화된 스케일링", "tools/kubernetes/vertical-scaling-vpa"),
    ("수직적 확장 지원", "tools/kubernetes/in-place-pod-resize"),
    ("클러스터 전반에 걸친 고급 로드 밸런싱 제공", "tools/kubernetes/load-balancing-layers"),
    # relations and conclusions
    (
        "Kubernetes는 컨테이너 런타임으로 Docker를 사용할 수 있으며",
        "relations/kubernetes-runs-docker-containers/dockershim-removed",
    ),
    ("Kubernetes는 Docker를 확장", "relations/kubernetes-extends-docker/not-an-extension"),
    (
        "Docker는 개별 컨테이너의 생성 및 관리를 담당하고",
        "relations/docker-containers-kubernetes-cluster/image-is-the-handover",
    ),
    ("Docker와 같은 컨테이너 런타임을 사용하여", "conclusions/summary-kubernetes/runtime-is-cri"),
]

#: Cells whose source words would contradict the cell's level: `claim` keeps them, `text`
#: and `level` say what is true, and a note of the tool explains (dimension, tool, words).
CLAIMED_CELLS: dict[tuple[str, str], tuple[str, str]] = {
    ("service-discovery", "compose"): ("없음", "tools/compose/service-discovery-by-name"),
    ("scalability", "docker"): (
        "기본적인 확장성 제공 (Docker Swarm)",
        "tools/docker/scaling-is-swarm-mode",
    ),
}

#: Facts that are current this year and must stay covered (place of the note, a word of it).
CURRENT_FACTS: list[tuple[str, str]] = [
    ("tools/compose/compose-v2-and-v5", "v5"),
    ("tools/kubernetes/ingress-nginx-retired", "Gateway API"),
    ("tools/kubernetes/load-balancing-layers", "Gateway API"),
    ("conclusions/conclusion-swarm/swarm-status", "Mirantis"),
    ("tools/swarm/configs-not-encrypted", "not encrypted at rest"),
    ("tools/swarm/service-jobs", "replicated-job"),
    ("tools/swarm/csi-cluster-volumes", "CSI"),
    ("tools/kubernetes/hpa-needs-metrics", "metrics-server"),
    ("tools/kubernetes/vertical-scaling-vpa", "metrics-server"),
]


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack()


@pytest.fixture(scope="module")
def notes(pack: Pack) -> dict[str, Note]:
    found: dict[str, Note] = {}
    for where, note in dated_notes(pack):
        assert where not in found, f"two notes at {where}"
        found[where] = note
    return found


def _seed() -> str:
    return SEED.read_text(encoding="utf-8").replace("**", "")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------------------
# every corrected claim has its note


@pytest.mark.parametrize(("words", "where"), SOURCE_CLAIMS, ids=[w for _, w in SOURCE_CLAIMS])
def test_each_listed_source_claim_has_its_note(
    notes: dict[str, Note], words: str, where: str
) -> None:
    assert words in _seed(), f"{words!r} is not in the source text"
    note = notes.get(where)
    assert note is not None, f"no note at {where}"
    assert note.claim is not None and words in (note.claim.ko or ""), where
    assert note.status in ("dated", "wrong", "clarification")


def test_every_note_that_quotes_the_source_is_listed(notes: dict[str, Note]) -> None:
    listed = {where for _, where in SOURCE_CLAIMS}
    quoting = {where for where, note in notes.items() if note.claim is not None}
    assert quoting == listed


@pytest.mark.parametrize(("where", "word"), CURRENT_FACTS)
def test_facts_of_this_year_stay_covered(notes: dict[str, Note], where: str, word: str) -> None:
    note = notes.get(where)
    assert note is not None, where
    assert word in (note.text.en or ""), where


def test_every_note_has_an_official_source_and_a_date(notes: dict[str, Note]) -> None:
    assert len(notes) >= 30
    official = (
        "https://docs.docker.com/",
        "https://kubernetes.io/",
        "https://github.com/kubernetes/",
        "https://github.com/docker/",
        "https://github.com/moby/",
        "https://docs.mirantis.com/",
        "https://docs.podman.io/",
        "https://github.com/containers/",
        "https://github.com/podman-container-tools/",
        "https://docs.k3s.io/",
        "https://github.com/k3s-io/",
        "https://github.com/cncf/",
        # the tools added in issue #17: their own documentation and repositories
        "https://docs.k3s.io/",
        "https://github.com/k3s-io/",
        "https://docs.podman.io/",
        "https://podman.io/",
        "https://github.com/containers/",
        "https://developer.hashicorp.com/nomad/",
        "https://github.com/hashicorp/",
        "https://developer.hashicorp.com/nomad/",
        "https://github.com/hashicorp/",
        "https://newsroom.ibm.com/",  # HashiCorp's owner, for its own acquisition
    )
    for where, note in notes.items():
        assert note.source.startswith(official), (where, note.source)
        assert dt.date(2026, 1, 1) <= note.checked <= TODAY, where
        assert note.text.ko and note.text.en, where


def test_the_relation_and_conclusion_the_issue_names_are_corrected(pack: Pack) -> None:
    runtime = next(r for r in pack.relations if r.id == "kubernetes-runs-docker-containers")
    assert any("cri-dockerd" in (n.text.en or "") for n in runtime.notes)
    extends = next(r for r in pack.relations if r.id == "kubernetes-extends-docker")
    assert extends.notes and "not an extension" in (extends.notes[0].text.en or "")
    summary = next(c for c in pack.conclusions if c.id == "summary-kubernetes")
    assert any("1.24" in (n.text.en or "") for n in summary.notes)


# --------------------------------------------------------------------------------------
# a level never contradicts its own text

_NONE_WORDS = ("없음", "none", "no ")


def _says_none(text: str) -> bool:
    return text.strip().lower().startswith(_NONE_WORDS)


def test_a_cell_that_says_none_has_no_other_level(pack: Pack) -> None:
    checked = 0
    for dim in pack.dimensions:
        for tool_id, cell in dim.cells.items():
            if any(_says_none(text) for text in cell.text.both()):
                checked += 1
                assert cell.level in (None, "none"), f"{dim.id}/{tool_id}: {cell.level}"
    assert checked >= 5


def test_cells_that_keep_the_source_words_as_a_claim(pack: Pack, notes: dict[str, Note]) -> None:
    claimed = {
        (dim.id, tool_id): cell
        for dim in pack.dimensions
        for tool_id, cell in dim.cells.items()
        if cell.claim is not None
    }
    assert set(claimed) == set(CLAIMED_CELLS)
    for key, (words, where) in CLAIMED_CELLS.items():
        cell = claimed[key]
        assert cell.claim is not None and cell.claim.ko == words, key
        assert cell.note is not None and words in (cell.note.ko or ""), key
        assert cell.text.ko != words, f"{key}: the text still holds the source's words"
        assert where in notes, key
    sd = claimed[("service-discovery", "compose")]
    assert sd.level == "basic" and "DNS" in (sd.text.en or "")


def test_a_claim_without_a_note_is_refused_by_the_loader(tmp_path: Path) -> None:
    write_pack(
        tmp_path,
        {
            "a.yaml": TOOL_A,
            "d.yaml": (
                "dimensions:\n"
                "  - id: discovery\n"
                "    title: Discovery\n"
                "    cells:\n"
                "      alpha: {text: DNS, level: basic, claim: None given}\n"
            ),
        },
    )
    with pytest.raises(PackError) as info:
        load_pack(tmp_path)
    message = str(info.value)
    assert "d.yaml" in message and "'claim' needs a 'note'" in message


# --------------------------------------------------------------------------------------
# every face shows the notes and their dates


def _tool_notes(pack: Pack, tool_id: str) -> list[Note]:
    tool = pack.tool(tool_id)
    assert tool is not None
    return [
        *tool.notes,
        *(n for r in pack.relations_of(tool_id) for n in r.notes),
        *(n for c in pack.conclusions if tool_id in c.tools for n in c.notes),
    ]


@pytest.mark.parametrize("tool_id", ["docker", "compose", "swarm", "kubernetes", "nomad"])
def test_show_prints_every_note_with_its_date(
    capsys: pytest.CaptureFixture[str], pack: Pack, tool_id: str
) -> None:
    mine = _tool_notes(pack, tool_id)
    assert mine
    code, text, _ = run(capsys, "show", tool_id)
    assert code == 0
    code, markdown, _ = run(capsys, "show", tool_id, "--format", "markdown")
    assert code == 0
    code, korean, _ = run(capsys, "--lang", "ko", "show", tool_id)
    assert code == 0
    for note in mine:
        date = note.checked.isoformat()
        assert f"{note.source} (checked {date})" in text, note.id
        assert (note.text.en or "") in text, note.id
        assert f"([source]({note.source}), checked {date})" in markdown, note.id
        assert f"{note.source} (확인일 {date})" in korean, note.id


def test_show_prints_the_runtime_correction_under_its_relation_in_every_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    claim = "Kubernetes can use Docker as its container runtime"
    for fmt in ("text", "markdown"):
        code, out, _ = run(capsys, "show", "docker", "--format", fmt)
        assert code == 0
        relations = out.split("Relations", 1)[1].split("Examples", 1)[0]
        bullet = relations.split(claim, 1)[1]
        # the correction follows the relation, before the next relation
        assert "cri-dockerd" in bullet.split("Kubernetes extends Docker", 1)[0], fmt
        assert "checked 2026-12-02" in bullet, fmt
    code, out, _ = run(capsys, "show", "docker", "--format", "json")
    data = json.loads(out)
    rel = next(r for r in data["relations"] if r["id"] == "kubernetes-runs-docker-containers")
    assert rel["notes"][0]["checked"] == "2026-12-02"
    assert "cri-dockerd" in rel["notes"][0]["text"]["en"]
    code, out, _ = run(capsys, "show", "kubernetes", "--format", "json")
    data = json.loads(out)
    concl = next(c for c in data["conclusions"] if c["id"] == "summary-kubernetes")
    assert concl["notes"][0]["id"] == "runtime-is-cri"


async def test_the_detail_shows_relation_and_conclusion_notes_with_dates(
    config_dir: Path, pack: Pack
) -> None:
    app = make_app(pack, config_dir, lang="en", tool="kubernetes")
    async with app.run_test(size=(160, 120)) as pilot:
        detail = app.screen.query_one(ToolDetail)
        summary = next(c for c in pack.conclusions if c.id == "summary-kubernetes")
        note = summary.notes[0]
        await pilot.pause()
        text = screen_text(app)
        assert f"{note.source}  (checked {note.checked})" in text
        assert "Since Kubernetes v1.24 removed dockershim" in text
        await pilot.press("5")
        assert app.screen.query_one(TabbedContent).active == "relations"
        await pilot.pause()
        text = screen_text(app)
        assert detail.active_tab == "relations"
        assert "Kubernetes is not an extension or add-on of Docker" in text
        extends = next(r for r in pack.relations if r.id == "kubernetes-extends-docker")
        assert f"{extends.notes[0].source}  (checked {extends.notes[0].checked})" in text


# --------------------------------------------------------------------------------------
# validate --stale DAYS


def _pack_with_dates(root: Path, *checked: dt.date) -> Path:
    notes = "".join(
        f"      - id: n{i}\n"
        f"        text: note {i}\n"
        f"        source: https://docs.docker.com/{i}\n"
        f"        checked: {day.isoformat()}\n"
        for i, day in enumerate(checked)
    )
    return write_pack(root, {"a.yaml": TOOL_A + "    notes:\n" + notes})


def test_stale_lists_old_notes_oldest_first_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    days = [TODAY - dt.timedelta(days=200), TODAY, TODAY - dt.timedelta(days=400)]
    root = _pack_with_dates(tmp_path, *days)
    code, out, err = run(capsys, "validate", str(root), "--stale", "180")
    assert code == 1 and err == ""
    lines = out.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(days[2].isoformat()) and "tools/alpha/n2" in lines[0]
    assert "(400 days ago)" in lines[0] and "https://docs.docker.com/2" in lines[0]
    assert "tools/alpha/n0" in lines[1]
    assert lines[2] == (
        "2 fact-check(s) older than 180 days: check them against their sources again "
        "and update 'checked'"
    )
    assert "tools/alpha/n1" not in out
    code, out, _ = run(capsys, "--lang", "ko", "validate", str(root), "--stale", "180")
    assert code == 1 and "(400일 전)" in out and "180일보다 오래된 사실 확인 2개" in out


def test_stale_with_nothing_old_exits_0_with_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = _pack_with_dates(tmp_path, TODAY, TODAY - dt.timedelta(days=180))
    code, out, _ = run(capsys, "validate", str(root), "--stale", "180")
    assert code == 0
    assert out.splitlines() == [
        "no fact-check is older than 180 days (2 fact-checks, "
        f"oldest checked {(TODAY - dt.timedelta(days=180)).isoformat()})"
    ]
    code, out, _ = run(capsys, "validate", str(root), "--stale", "0")
    assert code == 1 and "tools/alpha/n1" in out and "tools/alpha/n0" not in out


def test_stale_on_the_shipped_pack(capsys: pytest.CaptureFixture[str], pack: Pack) -> None:
    code, out, _ = run(capsys, "validate", "--stale", "100000")
    assert code == 0 and out.startswith("no fact-check is older than 100000 days (")
    newest = max(n.checked for _, n in dated_notes(pack))
    age = (TODAY - newest).days
    code, out, _ = run(capsys, "validate", "--stale", str(age))
    # every note not checked on the newest day is listed, each once
    expected = stale_notes(pack, age, TODAY)
    assert code == (1 if expected else 0)
    for where, _note in expected:
        assert out.count(f"  {where}  ") == 1


@pytest.mark.parametrize("days", ["abc", "-1", "1.5", "", " ", "٣"])
def test_stale_with_bad_days_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], days: str
) -> None:
    code, out, err = run(capsys, "validate", "--stale", days)
    assert code == 2 and out == ""
    assert err == f"orchexplorer: --stale needs a whole number of days, 0 or more: '{days}'\n"


def test_stale_counts_relation_and_conclusion_notes(tmp_path: Path) -> None:
    old = (TODAY - dt.timedelta(days=30)).isoformat()
    note = "      - {id: n, text: t, source: 'https://kubernetes.io/x', checked: " + old + "}\n"
    root = write_pack(
        tmp_path,
        {
            "a.yaml": TOOL_A + TOOL_A.split("tools:\n", 1)[1].replace("alpha", "beta"),
            "r.yaml": (
                "relations:\n  - {id: ab, source: alpha, target: beta, text: r,\n"
                "     notes: [{id: n, text: t, source: 'https://kubernetes.io/x', "
                f"checked: {old}}}]}}\n"
                "conclusions:\n  - id: c\n    tools: [alpha]\n    text: c\n    notes:\n" + note
            ),
        },
    )
    pack = load_pack(root)
    assert [w for w, _ in stale_notes(pack, 10, TODAY)] == ["conclusions/c/n", "relations/ab/n"]
    assert stale_notes(pack, 30, TODAY) == []


#: Where a comparison cell's note may be checked: each tool's own documentation or repository.
OFFICIAL_CELL_SOURCES = (
    "https://docs.docker.com/",
    "https://kubernetes.io/",
    "https://docs.k3s.io/",
    "https://github.com/k3s-io/",
    "https://docs.podman.io/",
    "https://github.com/containers/",
    "https://developer.hashicorp.com/nomad/",
    "https://github.com/hashicorp/nomad",
)


def test_every_cell_note_of_the_shipped_pack_has_a_source_and_a_date() -> None:
    from orchexplorer.loader import load_pack

    pack = load_pack()
    noted = [(d.id, tid, c) for d in pack.dimensions for tid, c in d.cells.items() if c.note]
    assert len(noted) >= 13
    for dim_id, tool_id, cell in noted:
        assert cell.source is not None and cell.checked is not None, (dim_id, tool_id)
        assert cell.source.startswith(OFFICIAL_CELL_SOURCES), (dim_id, tool_id, cell.source)


def test_a_cell_source_needs_its_date_and_its_note() -> None:
    import pydantic

    from orchexplorer.model import Cell

    text = {"ko": "가", "en": "a"}
    with pytest.raises(pydantic.ValidationError, match="both 'source' and 'checked'"):
        Cell.model_validate({"text": text, "note": text, "source": "https://docs.docker.com/"})
    with pytest.raises(pydantic.ValidationError, match="needs the 'note'"):
        Cell.model_validate(
            {"text": text, "source": "https://docs.docker.com/", "checked": "2026-12-02"}
        )


def test_cell_notes_show_their_date_in_the_cli_and_are_checked_for_freshness(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from orchexplorer import cli

    assert cli.main(["compare", "compose", "swarm", "--width", "200"]) == 0
    out = capsys.readouterr().out
    assert "(checked 2026-12-02: https://docs.docker.com/compose/how-tos/networking/)" in out
    assert cli.main(["compare", "compose", "swarm", "--format", "json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    assert rows["service-discovery"]["note_sources"]["compose"]["checked"] == "2026-12-02"
    import datetime as dt

    from orchexplorer.commands.validate import stale_notes
    from orchexplorer.loader import load_pack

    later = stale_notes(load_pack(), 30, dt.date(2027, 6, 1))
    assert "dimensions/service-discovery/compose" in [where for where, _ in later]
