"""The command map (content/commands.yaml) and the false friends (content/false_friends.yaml)
of the shipped pack: the rows a person needs are there, each command is filed under the
tool whose CLI it is, images are pinned, every fact has an official source, and the text
keeps the project's vocabulary. Also: a hit of these kinds opens the comparison."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from orchexplorer.loader import load_pack
from orchexplorer.model import CommandMapping, FalseFriend, LocalizedText, Pack
from tests.tui_helpers import make_app

PACK: Pack = load_pack()
COMMANDS: dict[str, CommandMapping] = {m.id: m for m in PACK.commands}
FRIENDS: dict[str, FalseFriend] = {f.id: f for f in PACK.false_friends}
CHECKED = dt.date(2026, 12, 2)
NEW_TOOLS_CHECKED = dt.date(2026, 12, 3)  # the Podman and Nomad cells came a day later
DOCKER_USERS = "https://kubernetes.io/docs/reference/kubectl/docker-cli-to-kubectl/"
DOCKER_USERS_KO = "https://kubernetes.io/ko/docs/reference/kubectl/docker-cli-to-kubectl/"
OFFICIAL_HOSTS = {
    "kubernetes.io",
    "docs.docker.com",
    "helm.sh",
    "docs.podman.io",
    "developer.hashicorp.com",
    "docs.k3s.io",
}
#: Podman's own repository (rootless.md, troubleshooting.md) is official too.
OFFICIAL_PREFIXES = ("https://github.com/containers/podman/",)
HANGUL = re.compile(r"[\uac00-\ud7a3]")

#: The tasks the map must have (the page "kubectl for Docker Users" and beyond).
TASKS = (
    "run-app",
    "list-running",
    "logs",
    "logs-follow",
    "logs-previous",
    "exec",
    "attach",
    "copy-files",
    "stop",
    "remove",
    "scale",
    "update-image",
    "rollback",
    "restart",
    "inspect",
    "publish-port",
    "port-forward",
    "registry-login",
    "version",
    "cluster-info",
    "events",
    "resource-usage",
    "apply-file",
    "list-nodes",
)
TERMS = ("service", "stack", "task", "volume", "deploy", "network", "node", "label", "replica")

#: What a tool's command starts with. Swarm's commands are the Docker CLI's cluster ones.
_CLUSTER = re.compile(r"^docker (service|stack|node|swarm) |^docker (info|events)\b")


def _filed_right(tool: str, command: str) -> bool:
    if tool == "nomad":
        return command.startswith("nomad ")
    if tool == "kubernetes":
        return command.startswith("kubectl ")
    if tool == "compose":
        return command.startswith("docker compose ")
    if tool == "swarm":
        return bool(_CLUSTER.match(command))
    if tool == "podman":
        return all(p.startswith("podman ") for p in command.split(" && "))
    if tool == "docker":
        parts = command.split(" && ")
        return all(
            p.startswith("docker ") and not p.startswith("docker compose ") and not _cluster(p)
            for p in parts
        )
    return False


def _cluster(command: str) -> bool:
    return bool(re.match(r"^docker (service|stack|node|swarm) ", command))


#: An image named as a word of a command (after a space or `=`), not a path like /etc/nginx.
_IMAGE = re.compile(r"(?:(?<=\s)|(?<==))(nginx|busybox|redis|ubuntu)(:[\w.-]+)?(?=\s|$)")


def _new_tool(url: str) -> bool:
    """A source about Podman, Nomad or K3s: checked a day after the first four tools."""
    return "podman" in url or "hashicorp.com" in url or "k3s.io" in url


def _prose(mapping: CommandMapping) -> list[LocalizedText]:
    cells = [c.text for c in mapping.commands.values() if c.text is not None]
    return [mapping.task, mapping.difference, *cells]


def _friend_prose(friend: FalseFriend) -> list[LocalizedText]:
    return [friend.difference, *friend.meanings.values()]


# --------------------------------------------------------------------------------------
# the command map


def test_the_map_has_every_task() -> None:
    assert len(PACK.commands) >= 18
    missing = [t for t in TASKS if t not in COMMANDS]
    assert not missing, missing


@pytest.mark.parametrize("mapping_id", sorted(COMMANDS))
def test_a_row_puts_tools_side_by_side_with_their_own_cli(mapping_id: str) -> None:
    mapping = COMMANDS[mapping_id]
    assert len(mapping.commands) >= 2, mapping_id
    assert set(mapping.commands) <= {"docker", "compose", "swarm", "kubernetes", "podman", "nomad"}
    for tool, cell in mapping.commands.items():
        assert _filed_right(tool, cell.command), (mapping_id, tool, cell.command)
        assert cell.command == cell.command.strip() and "\n" not in cell.command


def test_the_shell_checks_catch_a_misfiled_command() -> None:
    assert not _filed_right("docker", "docker service ls")
    assert not _filed_right("docker", "docker compose ps")
    assert not _filed_right("swarm", "docker ps")
    assert not _filed_right("compose", "docker ps")
    assert not _filed_right("kubernetes", "docker logs web")
    assert not _filed_right("podman", "docker ps")
    assert not _filed_right("docker", "podman ps")
    assert not _filed_right("podman", "podman rm -f web && docker run -d web")
    assert not _filed_right("nomad", "kubectl get pods")
    assert _filed_right("swarm", "docker events --filter scope=swarm")


def test_every_image_in_a_command_is_pinned() -> None:
    images = 0
    for mapping in PACK.commands:
        for cell in mapping.commands.values():
            for found in _IMAGE.finditer(cell.command):
                images += 1
                assert found.group(2), (mapping.id, cell.command)
                assert found.group(2) not in (":latest", ":stable"), (mapping.id, cell.command)
    assert images >= 5  # the check looked at something
    unpinned = _IMAGE.search("docker run -d nginx")
    assert unpinned is not None and unpinned.group(2) is None  # an unpinned image is seen
    assert _IMAGE.search("docker cp web:/etc/nginx/nginx.conf .") is None  # a path is not


def test_kubectl_run_and_create_deployment_are_told_apart() -> None:
    run = COMMANDS["run-app"]
    assert run.commands["kubernetes"].command.startswith("kubectl create deployment ")
    assert run.commands["swarm"].command.startswith("docker service create ")
    for lang in ("ko", "en"):
        text = run.difference.get(lang)
        assert "kubectl run" in text and "kubectl create deployment" in text, lang
        assert ("파드" if lang == "ko" else "Pod") in text
        assert ("컨트롤러" if lang == "ko" else "controller") in text
        assert ("태스크" if lang == "ko" else "task") in text


def test_previous_logs_say_why_they_matter() -> None:
    previous = COMMANDS["logs-previous"]
    assert "--previous" in previous.commands["kubernetes"].command
    for lang in ("ko", "en"):
        assert "--previous" in previous.difference.get(lang), lang
        assert "--previous" in COMMANDS["logs"].difference.get(lang), lang
    assert "이전 인스턴스" in (previous.difference.ko or "")
    assert "instance before" in (previous.difference.en or "")
    assert "restart" in (previous.task.en or "").lower()


def test_the_logs_row_answers_to_both_clis() -> None:
    keywords = COMMANDS["logs"].keywords
    assert "docker logs" in keywords and "kubectl logs" in keywords and "로그" in keywords


@pytest.mark.parametrize("mapping_id", sorted(COMMANDS))
def test_a_row_has_official_sources_checked_on_the_day(mapping_id: str) -> None:
    mapping = COMMANDS[mapping_id]
    for source in mapping.sources:
        official = urlparse(source.url).hostname in OFFICIAL_HOSTS
        assert official or source.url.startswith(OFFICIAL_PREFIXES), source.url
        assert source.url.startswith("https://"), source.url
        assert source.checked == (NEW_TOOLS_CHECKED if _new_tool(source.url) else CHECKED), (
            source.url
        )


def test_the_kubernetes_page_for_docker_users_is_cited_in_both_languages() -> None:
    urls = {s.url for m in PACK.commands for s in m.sources}
    assert DOCKER_USERS in urls and DOCKER_USERS_KO in urls


@pytest.mark.parametrize("mapping_id", sorted(COMMANDS))
def test_keywords_are_given_in_both_languages(mapping_id: str) -> None:
    keywords = COMMANDS[mapping_id].keywords
    assert any(HANGUL.search(k) for k in keywords), mapping_id
    assert any(not HANGUL.search(k) for k in keywords), mapping_id


# --------------------------------------------------------------------------------------
# false friends


def test_every_false_friend_is_there() -> None:
    assert len(PACK.false_friends) >= 6
    terms = {f.term.split(" ")[0] for f in PACK.false_friends}
    assert set(TERMS) <= terms, set(TERMS) - terms


@pytest.mark.parametrize("friend_id", sorted(FRIENDS))
def test_a_false_friend_means_different_things_in_one_sentence(friend_id: str) -> None:
    friend = FRIENDS[friend_id]
    assert len(friend.meanings) >= 2, friend_id
    en, ko = friend.difference.en or "", friend.difference.ko or ""
    assert en.endswith(".") and ". " not in en, en
    assert ko.endswith("다.") and "다. " not in ko, ko
    for source in friend.sources:
        assert urlparse(source.url).hostname in OFFICIAL_HOSTS, source.url
        assert source.checked == (NEW_TOOLS_CHECKED if _new_tool(source.url) else CHECKED), (
            source.url
        )
    keywords = friend.keywords
    assert any(HANGUL.search(k) for k in keywords) and any(not HANGUL.search(k) for k in keywords)


def test_a_kubernetes_service_is_not_a_workload() -> None:
    service = FRIENDS["term-service"]
    assert service.concept == "service"
    kubernetes = service.meanings["kubernetes"]
    assert "not a workload" in (kubernetes.en or "")
    assert "워크로드가 아니" in (kubernetes.ko or "")
    assert "task" in (service.meanings["swarm"].en or "")
    assert "container definition" in (service.meanings["compose"].en or "")


def test_concepts_of_false_friends_exist() -> None:
    concepts = {c.id for c in PACK.concepts}
    linked = [f for f in PACK.false_friends if f.concept is not None]
    assert len(linked) >= 5
    assert all(f.concept in concepts for f in linked)


# --------------------------------------------------------------------------------------
# words


def _all_prose() -> list[tuple[str, LocalizedText]]:
    found = [(m.id, t) for m in PACK.commands for t in _prose(m)]
    return found + [(f.id, t) for f in PACK.false_friends for t in _friend_prose(f)]


def test_korean_follows_the_kubernetes_glossary_and_english_never_says_seed() -> None:
    prose = _all_prose()
    assert len(prose) > 100
    for where, text in prose:
        ko, en = text.ko or "", text.en or ""
        assert ko and en, where
        assert "포드" not in ko and "라벨" not in ko and "디플로이먼트를를" not in ko, where
        assert "seed" not in en.lower(), where
    korean = " ".join(t.ko or "" for _, t in prose)
    for word in ("파드", "디플로이먼트", "서비스", "노드", "컨트롤러", "레플리카셋", "레이블"):
        assert word in korean, word


def test_ids_do_not_name_a_comparison_row() -> None:
    # Until they have views of their own, these hits open the comparison on `hit.id`: an id
    # that is also a dimension or concept would put the cursor on that unrelated row.
    rows = {d.id for d in PACK.dimensions} | {c.id for c in PACK.concepts}
    ids = set(COMMANDS) | set(FRIENDS) | {k.id for k in PACK.compose_keys}
    assert not ids & rows, ids & rows


# --------------------------------------------------------------------------------------
# in the app


async def test_a_command_hit_opens_the_comparison(config_dir: Path) -> None:
    from textual.widgets import Input

    from orchexplorer.tui.screens.compare import CompareScreen
    from orchexplorer.tui.screens.search import SearchScreen

    app = make_app(PACK, config_dir, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_search()
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        search.query_one(Input).value = "kubectl logs --previous"  # as if typed
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [(h.tool, h.kind, h.id) for h in search.hits[:1]] == [
            (None, "command", "logs-previous")
        ]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
