"""Every shipped feature, use case and example carries its own `link:` (the page `o` opens),
on an official documentation host, and deeper than the docs home. The tests run over every
tool in the shipped pack, so a tool added later must bring its links too. In the YAML the
`link:` sits right after `description:` (features, use cases; `title:` when there is none) or
after `explanation:` (examples; `code:` when there is none)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from orchexplorer.loader import default_content_dir
from orchexplorer.model import Pack

#: Official hosts: docs.docker.com, kubernetes.io, the Compose Specification, k3s, Podman,
#: HashiCorp (Nomad). A value is a path prefix the link must start with ("" = any path).
OFFICIAL = {
    "docs.docker.com": "",
    "kubernetes.io": "",
    "compose-spec.io": "",
    "github.com": "/compose-spec/",
    "docs.k3s.io": "",
    "docs.podman.io": "",
    "podman.io": "",
    "developer.hashicorp.com": "",
}

#: Home pages of those docs: a link must name a page about the item, not the whole site.
HOMES = {"/", "", "/docs/", "/docs"}

KINDS = ("features", "use_cases", "examples")
#: Where `link:` goes: after the first of these keys the item has.
AFTER = {
    "features": ("description", "title"),
    "use_cases": ("description", "title"),
    "examples": ("explanation", "code"),
}


def _tool_files() -> list[Path]:
    return sorted(p for p in (default_content_dir() / "tools").rglob("*.y*ml") if p.is_file())


def _raw_tools() -> Iterator[tuple[Path, dict[str, Any]]]:
    for path in _tool_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for tool in data.get("tools", []):
            yield path, tool


TOOL_IDS = sorted(str(tool["id"]) for _, tool in _raw_tools())


def _items(pack: Pack, tool_id: str) -> Iterator[tuple[str, str, str | None]]:
    tool = pack.tool(tool_id)
    assert tool is not None, tool_id
    for kind in KINDS:
        for item in getattr(tool, kind):
            yield kind, item.id, item.link


def test_every_shipped_tool_is_covered() -> None:
    # The shipped pack has at least the four tools of the source text.
    assert {"docker", "compose", "swarm", "kubernetes"} <= set(TOOL_IDS)


@pytest.mark.parametrize("tool_id", TOOL_IDS)
def test_every_item_has_an_official_link(shipped_pack: Pack, tool_id: str) -> None:
    problems = []
    count = 0
    for kind, item_id, link in _items(shipped_pack, tool_id):
        count += 1
        where = f"{tool_id} {kind}/{item_id}"
        if link is None:
            problems.append(f"{where}: no link")
            continue
        url = urlsplit(link)
        host = (url.hostname or "").lower()
        if url.scheme != "https":
            problems.append(f"{where}: not https: {link}")
        elif host not in OFFICIAL:
            problems.append(f"{where}: not an official host: {link}")
        elif not url.path.startswith(OFFICIAL[host]):
            problems.append(f"{where}: not under {host}{OFFICIAL[host]}: {link}")
        elif url.path in HOMES and not url.fragment:
            problems.append(f"{where}: the docs home, not a page about the item: {link}")
    assert count > 0, f"{tool_id} has no features, use cases or examples"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("tool_id", TOOL_IDS)
def test_link_sits_after_description_or_explanation(tool_id: str) -> None:
    problems = []
    for path, tool in _raw_tools():
        if tool["id"] != tool_id:
            continue
        for kind in KINDS:
            for item in tool.get(kind, []) or []:
                keys = list(item)
                if "link" not in keys:
                    continue  # a missing link is the test above's to report
                anchor = next(k for k in AFTER[kind] if k in keys)
                before = keys[keys.index("link") - 1]
                if before != anchor:
                    problems.append(
                        f"{path.name} {kind}/{item['id']}: link after {before!r}, not {anchor!r}"
                    )
    assert not problems, "\n".join(problems)


def test_the_checks_catch_a_bad_link() -> None:
    # The host and home rules reject what they should (so the tests above can fail).
    for bad in (
        "https://example.com/docs/x",
        "https://kubernetes.io/docs/",
        "https://github.com/moby/moby",
    ):
        url = urlsplit(bad)
        host = url.hostname or ""
        rejected = (
            host not in OFFICIAL
            or not url.path.startswith(OFFICIAL[host])
            or (url.path in HOMES and not url.fragment)
        )
        assert rejected, bad
