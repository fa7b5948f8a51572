"""False friends in the concept mapping: a row whose word means different things per tool is
marked, and says how (comparison screen, compare --concepts in every format)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orchexplorer import cli
from orchexplorer.compare import FALSE_FRIEND_MARK, compare_concepts
from orchexplorer.loader import load_pack
from orchexplorer.model import FalseFriend
from orchexplorer.portability import row_cells
from orchexplorer.tui.screens.compare import CompareScreen
from orchexplorer.tui.screens.dialogs import RowDetailScreen
from orchexplorer.tui.screens.portability import detail
from tests.helpers import wait_for
from tests.tui_helpers import make_app, screen_text


def test_rows_carry_the_false_friends_of_their_concept() -> None:
    pack = load_pack()
    matrix = compare_concepts(pack, ["compose", "swarm", "kubernetes"])
    service = next(r for r in matrix.rows if r.id == "service")
    assert [f.term for f in service.false_friends] == ["service"]
    assert service.label("en").endswith(FALSE_FRIEND_MARK)
    linked = {f.concept for f in pack.false_friends if f.concept}
    for row in matrix.rows:
        assert bool(row.false_friends) == (row.id in linked), row.id


def test_compare_concepts_marks_them_in_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["compare", "compose", "kubernetes", "--concepts"]) == 0
    table = capsys.readouterr().out
    assert "'service' means different things per tool" in table
    assert cli.main(["compare", "compose", "kubernetes", "--concepts", "--format", "json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    assert rows["service"]["false_friends"][0]["term"] == "service"
    assert rows["service"]["false_friends"][0]["difference"]
    md_args = ["--lang", "ko", "compare", "compose", "kubernetes", "--concepts", "--format"]
    assert cli.main([*md_args, "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "- ⚠ 'service'은(는) 도구마다 뜻이 다른 용어입니다" in markdown


async def test_the_concepts_tab_marks_the_row_and_its_detail_explains(config_dir: Path) -> None:
    pack = load_pack()
    friend = next(f for f in pack.false_friends if f.term == "service")
    app = make_app(pack, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(["compose", "swarm", "kubernetes"])
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        await pilot.press("2")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        grid = screen.concepts_grid
        await wait_for(pilot, lambda: "service" in grid.row_ids)
        grid.move_cursor(grid.row_ids.index("service"))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, RowDetailScreen))
        text = screen_text(app)
        assert "'service' means different things per tool" in text
        assert " ".join((friend.difference.en or "").split()[:6]) in " ".join(text.split())


# --------------------------------------------------------------------------------------
# Podman, Nomad and K3s


def _friend(term: str) -> FalseFriend:
    return next(f for f in load_pack().false_friends if f.term == term)


def test_a_nomad_job_is_not_a_run_to_completion_job() -> None:
    job = _friend("job")
    nomad = job.meanings["nomad"]
    assert "not a run-to-completion job" in (nomad.en or "")
    assert "Nomad 잡" in (nomad.ko or "") and "워크로드 전체의 명세" in (nomad.ko or "")
    for word in ("service", "batch", "system"):
        assert word in (nomad.en or "") and word in (nomad.ko or ""), word
    assert "runs to completion" in (job.difference.en or "")
    assert 'type = "batch"' in (job.difference.en or "") and "Nomad 잡" in (job.difference.ko or "")
    assert "finish" in (job.meanings["kubernetes"].en or "")


def test_nomad_task_service_and_deployment_say_what_they_are() -> None:
    task = _friend("task").meanings["nomad"]
    assert "one container or one process" in (task.en or "") and "group" in (task.en or "")
    assert "그룹" in (task.ko or "") and "컨테이너 하나나 프로세스 하나" in (task.ko or "")
    service = _friend("service").meanings["nomad"]
    assert "registers" in (service.en or "") and "runs nothing" in (service.en or "")
    assert "등록" in (service.ko or "") and "실행하지 않" in (service.ko or "")
    deploy = _friend("deploy / Deployment").meanings["nomad"]
    assert "not an object you write" in (deploy.en or "")
    assert "`update`" in (deploy.en or "") and "`update`" in (deploy.ko or "")


def test_a_podman_pod_is_on_one_host_and_not_scheduled() -> None:
    pod = _friend("pod")
    podman = pod.meanings["podman"]
    assert "infra container" in (podman.en or "") and "one host" in (podman.en or "")
    assert "no scheduler" in (podman.en or "")
    assert "인프라 컨테이너" in (podman.ko or "") and "스케줄러도" in (podman.ko or "")
    assert "Nomad has no pods" in (pod.meanings["nomad"].en or "")
    assert 'mode = "bridge"' in (pod.meanings["nomad"].en or "")
    assert "docker" not in pod.meanings and "compose" not in pod.meanings


def test_k3s_has_an_entry_only_where_it_differs_and_inherits_the_rest() -> None:
    pack = load_pack()
    k3s = pack.tool("k3s")
    assert k3s is not None and k3s.implements == "kubernetes"
    own = [f.id for f in pack.false_friends if "k3s" in f.meanings]
    assert own == ["term-node"]
    node = _friend("node / manager").meanings["k3s"]
    assert "a server node runs Pods too" in (node.en or "")
    # every word Kubernetes has is shown for K3s too, as Kubernetes's meaning
    for friend in pack.false_friends:
        cells = {tid: src for tid, _m, src in row_cells(pack, friend.meanings)}
        if "kubernetes" in friend.meanings:
            assert "k3s" in cells, friend.id
            assert cells["k3s"] == (None if "k3s" in friend.meanings else "kubernetes"), friend.id


def test_the_detail_shows_k3s_as_kubernetes_where_it_has_no_entry() -> None:
    pack = load_pack()
    _title, body = detail(pack, _friend("service"), "en")
    assert "■ K3s  (as Kubernetes)" in body.plain
    _title, body = detail(pack, _friend("node / manager"), "en")
    assert "■ K3s\n" in body.plain and "(as Kubernetes)" not in body.plain
