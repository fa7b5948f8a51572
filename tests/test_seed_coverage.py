"""The shipped pack covers every fact of the source document (tests/data/seed.txt).

The seed is parsed here, independently of the pack: its two markdown tables (row labels
and cells), each tool section's summary, "주요 기능" bullet titles and "사용 사례"
bullets, the two code blocks, the relationship bullets and every sentence of "정리" and
"결론". Each is then looked up in the pack, in Korean, verbatim (markdown `**` removed).

Two things the content adds are undone before comparing, and nothing else:
- a glossary gloss, where the source spells a term otherwise than the Kubernetes Korean
  glossary: the content writes "파드(원문: 포드)" where the source writes "포드";
- a corrected cell: where the source's words would contradict the cell's level, the cell's
  `claim` keeps them verbatim and its `text` says what is true.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from orchexplorer.model import LocalizedText, Pack

SEED = Path(__file__).parent / "data" / "seed.txt"
REPO = Path(__file__).resolve().parent.parent

# Column headers of the seed's tables, and the headings of its tool sections.
TOOL_IDS = {
    "Docker": "docker",
    "Kubernetes": "kubernetes",
    "Docker Compose": "compose",
    "Docker Swarm": "swarm",
}
SECTION_TOOLS = {
    "## Docker란?": "docker",
    "## Kubernetes란?": "kubernetes",
    "### 1. Docker Compose": "compose",
    "### 2. Docker Swarm": "swarm",
}
COMPARISONS = ("docker-vs-kubernetes", "compose-swarm-kubernetes")  # seed table order

#: The source's spelling -> the Kubernetes Korean glossary's, as the content glosses it.
GLOSSED = {"포드": "파드", "자가 복구": "자가 치유", "셀프 힐링": "자가 치유"}


def unglossed(text: str) -> str:
    """The content's text with each gloss "TERM(원문: WORD)" put back to the source's WORD."""
    for word, term in GLOSSED.items():
        text = text.replace(f"{term}(원문: {word})", word)
    return text


# --------------------------------------------------------------------------------------
# the seed, parsed


def plain(text: str) -> str:
    """Markdown emphasis removed, whitespace trimmed."""
    return text.replace("**", "").strip()


@dataclass
class Table:
    tools: list[str]
    rows: list[tuple[str, list[str]]]  # (row label, one cell per tool)


@dataclass
class Section:
    summary: str = ""
    features: list[tuple[str, str]] = field(default_factory=list)  # (title, text)
    use_cases: list[str] = field(default_factory=list)


@dataclass
class Seed:
    tables: list[Table]
    sections: dict[str, Section]
    code_blocks: dict[str, str]  # language -> code (with its final newline)
    relations: list[str]
    conclusion_sentences: list[str]


def _split_row(line: str) -> list[str]:
    return [plain(c) for c in line.strip().strip("|").split("|")]


def _parse_tables(lines: list[str]) -> list[Table]:
    tables: list[Table] = []
    current: Table | None = None
    for line in lines:
        if not line.startswith("|"):
            current = None
            continue
        cells = _split_row(line)
        if current is None:
            assert cells[0] == "특징", line
            current = Table([TOOL_IDS[c] for c in cells[1:]], [])
            tables.append(current)
        elif set("".join(cells)) <= set("-: "):
            continue  # the |---|---| separator
        else:
            assert len(cells) == len(current.tools) + 1, line
            current.rows.append((cells[0], cells[1:]))
    return tables


def _parse_sections(lines: list[str]) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    section: Section | None = None
    bucket: str | None = None
    for line in lines:
        if line.startswith("#"):
            tool = SECTION_TOOLS.get(line.strip())
            section = sections.setdefault(tool, Section()) if tool else None
            bucket = None
            continue
        if section is None:
            continue
        stripped = line.strip()
        if not section.summary and stripped.startswith("**") and not stripped.startswith("- "):
            section.summary = plain(stripped)
        elif stripped == "- **주요 기능**:":
            bucket = "features"
        elif stripped == "- **사용 사례**:":
            bucket = "use_cases"
        elif line.startswith("  - ") and bucket == "features":
            m = re.match(r"^\s*- \*\*(.+?)\*\*:\s*(.+)$", line)
            assert m, line
            section.features.append((m.group(1).strip(), plain(m.group(2))))
        elif line.startswith("  - ") and bucket == "use_cases":
            section.use_cases.append(plain(line[4:]))
        elif stripped and not line.startswith("  "):
            bucket = None
    return sections


def _parse_code_blocks(text: str) -> dict[str, str]:
    blocks: dict[str, str] = {}
    for lang, body in re.findall(r"^```(\w+)\n(.*?)^```", text, flags=re.M | re.S):
        assert lang not in blocks, f"two {lang} blocks in the seed"
        blocks[lang] = body
    return blocks


def _section_body(lines: list[str], heading: str) -> list[str]:
    """The lines after `heading` up to the next heading of any level."""
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("#")), len(lines))
    return lines[start:end]


def _sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.])\s+", paragraph) if s.strip()]


def parse_seed(text: str) -> Seed:
    lines = text.splitlines()
    relations = [
        plain(line[2:])
        for line in _section_body(lines, "### Docker와 Kubernetes의 관계")
        if line.startswith("- ")
    ]
    sentences: list[str] = []
    for heading in ("### 정리", "### 결론"):
        for line in _section_body(lines, heading):
            body = line[2:] if line.startswith("- ") else line
            sentences += _sentences(plain(body))
    return Seed(
        tables=_parse_tables(lines),
        sections=_parse_sections(lines),
        code_blocks=_parse_code_blocks(text),
        relations=relations,
        conclusion_sentences=sentences,
    )


# --------------------------------------------------------------------------------------
# the pack


def _load_pack() -> Pack:
    try:
        from orchexplorer.loader import default_content_dir, load_pack
    except ImportError:  # the loader is optional for this test: read the YAML directly
        from orchexplorer.model import PackFile, check_references

        data: dict[str, list[Any]] = {k: [] for k in PackFile.model_fields}
        for path in sorted((REPO / "content").rglob("*.yaml")):
            doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            PackFile.model_validate(doc)
            for key, value in doc.items():
                data[key] += value
        pack = Pack.model_validate(data)
        assert check_references(pack) == []
        return pack
    return load_pack(default_content_dir())


@pytest.fixture(scope="module")
def seed() -> Seed:
    return parse_seed(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pack() -> Pack:
    return _load_pack()


def _tool(pack: Pack, tool_id: str) -> Any:
    tool = pack.tool(tool_id)
    assert tool is not None, f"tool {tool_id!r} missing"
    return tool


# --------------------------------------------------------------------------------------
# the parser itself (so a broken parser cannot make the coverage checks pass vacuously)


def test_seed_parses_as_expected(seed: Seed) -> None:
    assert [t.tools for t in seed.tables] == [
        ["docker", "kubernetes"],
        ["compose", "swarm", "kubernetes"],
    ]
    assert [len(t.rows) for t in seed.tables] == [7, 8]
    assert set(seed.sections) == {"docker", "kubernetes", "compose", "swarm"}
    counts = {k: (len(s.features), len(s.use_cases)) for k, s in seed.sections.items()}
    assert counts == {"docker": (4, 3), "kubernetes": (5, 3), "compose": (3, 3), "swarm": (4, 3)}
    assert all(s.summary for s in seed.sections.values())
    assert set(seed.code_blocks) == {"yaml", "bash"}
    assert len(seed.relations) == 3
    assert len(seed.conclusion_sentences) == 11


# --------------------------------------------------------------------------------------
# coverage


def test_tools_present_in_order(pack: Pack) -> None:
    assert pack.tool_ids[:4] == ["docker", "compose", "swarm", "kubernetes"]
    assert [_tool(pack, t).order for t in pack.tool_ids[:4]] == [10, 20, 30, 40]


def _titled(title: str | None, label: str) -> bool:
    """The row label, alone or with a qualifier in parentheses ("복잡성 (규모)")."""
    return title is not None and re.fullmatch(re.escape(label) + r"( \(.+\))?", title) is not None


def test_every_row_label_is_a_dimension_title(pack: Pack, seed: Seed) -> None:
    for table in seed.tables:
        for label, _cells in table.rows:
            assert any(_titled(d.title.ko, label) for d in pack.dimensions), label


@pytest.mark.parametrize("index", range(len(COMPARISONS)))
def test_comparison_matches_seed_table(pack: Pack, seed: Seed, index: int) -> None:
    table = seed.tables[index]
    comparison = next((c for c in pack.comparisons if c.id == COMPARISONS[index]), None)
    assert comparison is not None, f"comparison {COMPARISONS[index]!r} missing"
    assert comparison.tools == table.tools
    assert len(comparison.dimensions) == len(table.rows), "rows missing or extra"
    for dim_id, (label, cells) in zip(comparison.dimensions, table.rows, strict=True):
        dim = pack.dimension(dim_id)
        assert dim is not None, f"unknown dimension {dim_id!r}"
        assert _titled(dim.title.ko, label), f"{dim_id}: title {dim.title.ko!r} != {label!r}"
        for tool_id, seed_text in zip(table.tools, cells, strict=True):
            cell = dim.cells.get(tool_id)
            assert cell is not None, f"{dim_id}: no cell for {tool_id}"
            words = (cell.claim or cell.text).ko or ""
            assert unglossed(words) == seed_text, f"{dim_id}/{tool_id}: {words!r}"


def test_shared_label_with_same_text_is_one_dimension(pack: Pack, seed: Seed) -> None:
    """The label 확장성 is in both tables with the same Kubernetes text: one dimension."""
    first, second = (c for c in pack.comparisons if c.id in COMPARISONS)
    shared = set(first.dimensions) & set(second.dimensions)
    assert shared == {"scalability"}
    scalability = pack.dimension("scalability")
    assert scalability is not None
    assert {"docker", "compose", "swarm", "kubernetes"} <= set(scalability.cells)


def test_seed_equal_cells_stay_equal(pack: Pack) -> None:
    for dim_id in ("service-discovery", "clustering"):
        dim = pack.dimension(dim_id)
        assert dim is not None
        swarm, kube = dim.cells["swarm"], dim.cells["kubernetes"]
        assert swarm.text == kube.text
        assert swarm.level == kube.level


def test_every_dimension_has_every_tool(pack: Pack) -> None:
    tools = {t.id for t in pack.tools}
    assert {"docker", "compose", "swarm", "kubernetes"} <= tools
    for dim in pack.dimensions:
        assert set(dim.cells) == tools, dim.id


def test_tool_summaries(pack: Pack, seed: Seed) -> None:
    for tool_id, section in seed.sections.items():
        assert _tool(pack, tool_id).summary.ko == section.summary


def test_features_in_seed_order(pack: Pack, seed: Seed) -> None:
    for tool_id, section in seed.sections.items():
        features = _tool(pack, tool_id).features
        got = [
            (unglossed(f.title.ko or ""), unglossed(f.description.ko or ""))
            for f in features[: len(section.features)]
        ]
        assert got == section.features, f"{tool_id}: seed features missing, changed or moved"


def test_use_cases_in_seed_order(pack: Pack, seed: Seed) -> None:
    for tool_id, section in seed.sections.items():
        use_cases = _tool(pack, tool_id).use_cases
        got = [u.title.ko for u in use_cases[: len(section.use_cases)]]
        assert got == section.use_cases, f"{tool_id}: seed use cases missing, changed or moved"


def test_compose_seed_example_is_verbatim(pack: Pack, seed: Seed) -> None:
    example = _tool(pack, "compose").example("web-db-source")
    assert example is not None
    assert example.language == "yaml"
    assert example.code == seed.code_blocks["yaml"]


def test_compose_modern_example_is_the_seed_app_made_current(pack: Pack, seed: Seed) -> None:
    """The modern form drops `version`, pins the images to the seed's repositories, names
    the project and picks its own host port (so examples run one after another); the rest
    is the seed's, unchanged."""
    example = _tool(pack, "compose").example("web-db")
    assert example is not None
    assert example.filename == "compose.yaml"
    seed_data = yaml.safe_load(seed.code_blocks["yaml"])
    modern = yaml.safe_load(example.code)
    assert "version" not in modern and modern.pop("name") == "web-db-compose"
    seed_data.pop("version")
    for name, service in modern["services"].items():
        seed_service = seed_data["services"][name]
        repo, tag = service.pop("image").split(":")
        assert repo == seed_service.pop("image") and tag, name
        if "ports" in service:
            ports = [p.split(":")[1] for p in service.pop("ports")]
            assert ports == [p.split(":")[1] for p in seed_service.pop("ports")], name
    assert modern == seed_data


def test_swarm_seed_commands_are_verbatim(pack: Pack, seed: Seed) -> None:
    example = _tool(pack, "swarm").example("swarm-deploy")
    assert example is not None
    assert example.language == "bash"
    assert example.code == seed.code_blocks["bash"]


def test_yaml_examples_parse(pack: Pack) -> None:
    found = 0
    for tool in pack.tools:
        for example in tool.examples:
            if example.language.lower() in ("yaml", "yml"):
                docs = [d for d in yaml.safe_load_all(example.code) if d is not None]
                assert docs, f"{tool.id}/{example.id}: no YAML document"
                assert all(isinstance(d, dict) for d in docs), f"{tool.id}/{example.id}"
                found += 1
    assert found >= 4


def test_web_db_variants_stay_aligned(pack: Pack) -> None:
    """Compose, Swarm stack and Kubernetes variants describe the same web/db app."""
    compose = yaml.safe_load(_tool(pack, "compose").example("web-db").code)
    stack = yaml.safe_load(_tool(pack, "swarm").example("stack-web-db").code)
    docs = list(yaml.safe_load_all(_tool(pack, "kubernetes").example("web-db-manifests").code))
    images = {
        c["name"]: c["image"]
        for d in docs
        if d["kind"] in ("Deployment", "StatefulSet")
        for c in d["spec"]["template"]["spec"]["containers"]
    }
    for data in (compose, stack):
        assert set(data["services"]) == {"web", "db"}
        assert data["services"]["web"]["image"] == images["web"]
        assert images["web"].startswith("nginx:")
        [port] = data["services"]["web"]["ports"]
        assert port.endswith(":80")
        assert data["services"]["db"]["image"] == images["db"]
        assert images["db"].startswith("mysql:")
        assert data["services"]["db"]["environment"] == {"MYSQL_ROOT_PASSWORD": "example"}
    names = {(d["kind"], d["metadata"]["name"]) for d in docs}
    assert {("Deployment", "web"), ("Service", "web"), ("Service", "db")} <= names
    assert names & {("Deployment", "db"), ("StatefulSet", "db")}
    for doc in docs:
        assert doc["apiVersion"] in ("v1", "apps/v1")


def test_relations_cover_the_seed_bullets(pack: Pack, seed: Seed) -> None:
    texts = [r.text.ko for r in pack.relations]
    for bullet in seed.relations:
        assert bullet in texts, f"relation missing: {bullet[:40]}..."


def test_conclusions_cover_every_sentence(pack: Pack, seed: Seed) -> None:
    texts = [c.text.ko or "" for c in pack.conclusions]
    for sentence in seed.conclusion_sentences:
        assert any(sentence in t for t in texts), f"conclusion missing: {sentence[:40]}..."
    final = next(c for c in pack.conclusions if (c.text.ko or "").startswith("각 도구는"))
    assert final.tools == ["compose", "swarm", "kubernetes"]


def test_notes_have_official_sources(pack: Pack) -> None:
    notes = [
        *(n for t in pack.tools for n in t.notes),
        *(n for r in pack.relations for n in r.notes),
        *(n for c in pack.conclusions for n in c.notes),
    ]
    assert notes
    for note in notes:
        assert note.source.startswith("https://"), note.id
        assert isinstance(note.checked, dt.date), note.id
    ids = {n.id for n in notes}
    for required in (
        "dockershim-removed",
        "master-is-control-plane",
        "version-key-obsolete",
        "service-discovery-by-name",
        "compose-v1-end-of-life",
        "default-file-name",
    ):
        assert required in ids, f"fact-check {required!r} missing"


def _localized(obj: Any, where: str) -> list[tuple[str, LocalizedText]]:
    """Every LocalizedText inside a model, with its path."""
    found: list[tuple[str, LocalizedText]] = []
    if isinstance(obj, LocalizedText):
        found.append((where, obj))
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            found += _localized(getattr(obj, name), f"{where}.{name}")
    elif isinstance(obj, dict):
        for key, value in obj.items():
            found += _localized(value, f"{where}[{key}]")
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            found += _localized(value, f"{where}[{i}]")
    return found


def test_all_text_is_bilingual(pack: Pack) -> None:
    texts = _localized(pack, "pack")
    assert len(texts) > 300
    for where, text in texts:
        assert text.ko and text.en, f"{where}: needs both ko and en"
        assert text.ko.strip() == text.ko and text.en.strip() == text.en, where
