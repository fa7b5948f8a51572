"""The shipped examples can be copied and run: every image is pinned to a tag (never
`latest`, never untagged), and run one after another they do not collide (container names,
host ports, project and network names). The source text's own example is quoted as is."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator

import pytest
import yaml

from orchexplorer.loader import load_pack
from orchexplorer.model import Example, Pack

#: Quotations of the source text, kept verbatim (their explanation says what is dated).
QUOTED = {("compose", "web-db-source"), ("swarm", "swarm-deploy")}

# docker options that take a value (the image is the first argument that is not one).
_VALUE_FLAGS = {
    "-e", "--env", "--env-file", "--name", "--network", "--network-alias", "-p", "--publish",
    "-v", "--volume", "--restart", "--mount", "-w", "--workdir", "-u", "--user", "--label",
    "-l", "--replicas", "--mode", "--config", "--secret", "--constraint", "--entrypoint",
}  # fmt: skip


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack()


def _examples(pack: Pack) -> Iterator[tuple[str, Example]]:
    for tool in pack.tools:
        for example in tool.examples:
            if (tool.id, example.id) not in QUOTED:
                yield tool.id, example


def _commands(code: str) -> Iterator[list[str]]:
    """Shell commands of a bash example, continuations joined, comments dropped."""
    for line in code.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        if words:
            yield words


def _after(words: list[str], *start: str) -> list[str] | None:
    n = len(start)
    return words[n:] if words[:n] == list(start) else None


def _first_operand(args: list[str]) -> str | None:
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg.startswith("-"):
            skip = arg in _VALUE_FLAGS
        else:
            return arg
    return None


def _yaml_images(data: object) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "image" and isinstance(value, str):
                yield value
            else:
                yield from _yaml_images(value)
    elif isinstance(data, list):
        for value in data:
            yield from _yaml_images(value)


def images(example: Example) -> list[str]:
    """Every image an example runs or builds from."""
    lang = example.language.lower()
    if lang in ("yaml", "yml"):
        return [i for doc in yaml.safe_load_all(example.code) for i in _yaml_images(doc)]
    if lang == "dockerfile":
        return re.findall(r"^FROM\s+(\S+)", example.code, flags=re.M | re.I)
    found = []
    for words in _commands(example.code):
        for start in (("docker", "run"), ("docker", "service", "create"), ("docker", "pull")):
            args = _after(words, *start)
            if args is not None and (image := _first_operand(args)):
                found.append(image)
        if "--image" in words:
            found.append(words[words.index("--image") + 1])
        args = _after(words, "kubectl", "set", "image")
        if args is not None:
            found += [a.split("=", 1)[1] for a in args[1:] if "=" in a]
    return found


def _pinned(image: str) -> bool:
    if "@sha256:" in image:
        return True
    name = image.rsplit("/", 1)[-1]
    return ":" in name and name.split(":", 1)[1] not in ("", "latest")


def test_the_image_finder_sees_what_it_should() -> None:
    bash = Example(
        id="x",
        title="x",
        language="bash",
        code="docker run -d --name a -p 1:2 \\\n  -e X=1 nginx\n"
        "docker service update --image redis:7 s\nkubectl set image deploy/w w=nginx:latest\n",
    )
    assert images(bash) == ["nginx", "redis:7", "nginx:latest"]
    assert [_pinned(i) for i in images(bash)] == [False, True, False]
    assert _pinned("registry.example.com:5000/team/app:1.0")
    assert not _pinned("registry.example.com:5000/team/app")


def test_every_image_in_every_example_is_pinned(pack: Pack) -> None:
    seen = 0
    for tool_id, example in _examples(pack):
        for image in images(example):
            seen += 1
            assert _pinned(image), f"{tool_id}/{example.id}: {image!r} is not pinned"
        assert ":latest" not in example.code, f"{tool_id}/{example.id}"
    assert seen >= 10


def _host_ports(example: Example) -> list[str]:
    ports = re.findall(r"(?:-p|--publish)\s+(\d+):\d+", example.code)
    told = example.code + (example.explanation.en or "" if example.explanation else "")
    ports += re.findall(r"port-forward\s+\S+\s+(\d+):\d+", told)  # told to run it
    if example.language.lower() in ("yaml", "yml"):
        for doc in yaml.safe_load_all(example.code):
            for service in (doc or {}).get("services", {}).values():
                ports += [str(p).split(":")[0] for p in service.get("ports", []) if ":" in str(p)]
    return ports


def _names(example: Example) -> list[str]:
    names = re.findall(r"--name\s+(\S+)", example.code)
    names += [f"network {n}" for n in re.findall(r"docker network create\s+(\S+)", example.code)]
    if example.language.lower() in ("yaml", "yml"):
        for doc in yaml.safe_load_all(example.code):
            if isinstance(doc, dict) and "name" in doc and "services" in doc:
                names.append(f"project {doc['name']}")
    return names


def test_examples_run_one_after_another_do_not_collide(pack: Pack) -> None:
    owners: dict[str, str] = {}
    for tool_id, example in _examples(pack):
        here = f"{tool_id}/{example.id}"
        for key in [f"port {p}" for p in _host_ports(example)] + _names(example):
            assert key not in owners, f"{key} is used by {owners[key]} and {here}"
            owners[key] = here
    assert sum(k.startswith("port ") for k in owners) >= 5


def test_the_quoted_example_is_explained(pack: Pack) -> None:
    compose = pack.tool("compose")
    assert compose is not None
    quoted = compose.example("web-db-source")
    assert quoted is not None and quoted.explanation is not None
    assert not all(_pinned(i) for i in images(quoted))  # the source's, as it is
    assert "latest" in (quoted.explanation.en or "")
