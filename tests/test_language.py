"""The shipped content's language: "the source text" (원문) in every sentence that names the
document the content comes from, one Korean term per idea following the Kubernetes Korean
localization glossary, no two comparison rows with the same title, no known calques."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from orchexplorer.loader import load_pack
from orchexplorer.model import LocalizedText, Pack

CONTENT = Path(__file__).resolve().parent.parent / "content"

#: Spellings the glossary (https://kubernetes.io/ko/docs/contribute/localization_ko/) does
#: not use -> the glossary term. Outside a quoted claim the content writes the glossary
#: term; where the source text spells it otherwise, the gloss "파드(원문: 포드)" says so.
NOT_GLOSSARY: dict[str, str] = {
    "포드": "파드",
    "셀프 힐링": "자가 치유",
    "셀프힐링": "자가 치유",
    "자가 복구": "자가 치유",
    "자가복구": "자가 치유",
    "객체": "오브젝트",
    "제어 평면": "컨트롤 플레인",
    "디플로이멘트": "디플로이먼트",
    "복제본": "레플리카",
    "원하는 상태": "의도한 상태",
}

#: Translations found wrong once; they must not come back.
CALQUES = ("값을 합니다", "기능이 남습니다")
MISTRANSLATIONS = ("from the same environment", "expansion", "How far and how easily")

#: A quotation of the source inside the content's own sentence: "(원문: 포드)", "(원문 표기: 포드)".
_QUOTED = re.compile(r"\(원문[^()]*\)")


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack()


def _texts(obj: Any, where: str) -> Iterator[tuple[str, LocalizedText]]:
    """Every LocalizedText in a model with its path, except quoted claims (`claim`)."""
    if isinstance(obj, LocalizedText):
        yield where, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            if name != "claim":
                yield from _texts(getattr(obj, name), f"{where}.{name}")
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _texts(value, f"{where}[{key}]")
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from _texts(value, f"{where}[{i}]")


def _glossary_problems(obj: Any, where: str) -> list[str]:
    problems = []
    for path, text in _texts(obj, where):
        korean = _QUOTED.sub("", text.ko or "")
        for wrong, right in NOT_GLOSSARY.items():
            if wrong in korean:
                problems.append(f"{path}: {wrong!r} (glossary: {right!r})")
    return problems


def _content_files() -> list[Path]:
    return sorted(CONTENT.rglob("*.yaml"))


def test_no_seed_in_the_content() -> None:
    """The document is "the source text" (원문), never "the seed", in text and comments."""
    files = _content_files()
    assert len(files) >= 6
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not re.search(r"seed", line, re.IGNORECASE), f"{path.name}:{number}: {line}"


def test_no_two_comparison_rows_share_a_title(pack: Pack) -> None:
    for lang in ("ko", "en"):
        titles = [d.title.get(lang) for d in pack.dimensions]
        repeated = {t for t in titles if titles.count(t) > 1}
        assert not repeated, (lang, repeated)


def test_korean_follows_the_kubernetes_glossary(pack: Pack) -> None:
    parts = pack.model_copy(update={"guide": []})
    assert _glossary_problems(parts, "pack") == []


def test_the_glossary_check_finds_a_stray_spelling(pack: Pack) -> None:
    """The check above would see a non-glossary word, and not one inside a gloss or claim."""
    assert _glossary_problems(LocalizedText(ko="자동으로 포드를 늘립니다", en="x"), "t")
    assert not _glossary_problems(LocalizedText(ko="파드(원문: 포드)", en="x"), "t")
    kube = pack.tool("kubernetes")
    assert kube is not None
    quoting = [n for n in kube.notes if n.claim and "포드" in (n.claim.ko or "")]
    assert quoting and not _glossary_problems(quoting, "notes")


def test_the_source_spelling_is_glossed_where_it_appears(pack: Pack) -> None:
    kube = pack.tool("kubernetes")
    assert kube is not None
    features = {f.id: f for f in kube.features}
    assert "파드(원문: 포드)" in (features["autoscaling"].description.ko or "")
    assert features["self-healing"].title.ko == "자가 치유(원문: 셀프 힐링)"
    assert "자가 치유(원문: 자가 복구)" in (
        features["container-orchestration"].description.ko or ""
    )


def test_the_stage_question_says_the_same_in_both_languages(pack: Pack) -> None:
    stage = next(q for q in pack.guide if q.id == "stage")
    assert "단계" in stage.title.get("ko") and "stage" in stage.title.get("en")


def test_the_guide_follows_the_glossary_and_has_no_calques(pack: Pack) -> None:
    assert _glossary_problems(pack.guide, "guide") == []
    guide = (CONTENT / "guide.yaml").read_text(encoding="utf-8")
    assert not [c for c in CALQUES if c in guide]


def test_no_known_calque_or_mistranslation(pack: Pack) -> None:
    parts = pack.model_copy(update={"guide": []})
    for path, text in _texts(parts, "pack"):
        for calque in CALQUES:
            assert calque not in (text.ko or ""), path
        for wrong in MISTRANSLATIONS:
            assert wrong not in (text.en or ""), path


def test_the_scalability_row_says_the_same_in_both_languages(pack: Pack) -> None:
    dim = pack.dimension("scalability")
    assert dim is not None and dim.description is not None
    # ko: 부하에 맞춰 애플리케이션을 늘리거나 줄이는 능력
    assert "out or in" in (dim.description.en or "") and "load" in (dim.description.en or "")
