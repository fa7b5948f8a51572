"""A synthetic but valid content pack of T tools and N features, for benchmarks and tests.

The text is generated, deterministic for a seed, in both languages, with the lengths of the
shipped pack (a feature: a title of about 25 characters, a description of about 140
characters in English and 80 in Korean, about 10 keywords). Words come from a small domain
vocabulary plus made-up product names, so the vocabulary grows with the pack as a real one
does. Every tool has a cell on every comparison dimension except the `part-*` ones.

What the tests rely on (see `tests/test_synthetic_pack.py`):

- tool ids are `tool-001` …; feature ids are `<tool id>-f00001` …;
- every feature title is unique in both languages;
- a dimension whose id starts with `same-` has the same cell for every tool, `diff-` a
  different cell for every tool, `part-` a cell only for the tools of even index
  (`tool-002`, `tool-004`, …), all with the same text.

Usage: `python benchmarks/synthetic.py DIR --tools T --features N` (or `bench.py
--write-pack DIR --tools T --features N`).
"""

from __future__ import annotations

import argparse
import copy
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


def _words(text: str) -> list[str]:
    return text.split()


EN_WORDS = _words(
    """
    container image registry cluster node service deployment rollout rollback network volume
    secret config policy quota namespace tenant ingress gateway proxy balancer scheduler
    controller operator agent daemon runtime sandbox snapshot backup restore replica shard
    queue stream event metric trace log alert dashboard audit token certificate identity
    role permission workload job batch cron pipeline build cache layer artifact manifest
    template chart bundle release version channel mirror storage disk bucket object database
    index schema migration health probe restart scaling autoscaling capacity limit request
    budget priority affinity placement zone region failover recovery upgrade patch
    compliance encryption firewall route endpoint port socket mesh sidecar telemetry
    sampling retention archive export import sync drift reconcile plugin extension hook
    webhook trigger worker pool lease lock leader
    """
)
EN_ADJECTIVES = _words(
    """
    automatic declarative distributed encrypted incremental isolated managed multi-zone
    on-demand rolling scheduled secure shared stateful stateless zero-downtime federated
    immutable lightweight portable private public regional global local
    """
)
EN_GLUE = _words(
    """
    the a of for with and to in on across by from per when while without
    """
)

KO_WORDS = _words(
    """
    컨테이너 이미지 레지스트리 클러스터 노드 서비스 배포 롤아웃 롤백 네트워크 볼륨
    시크릿 설정 정책 할당량 네임스페이스 테넌트 인그레스 게이트웨이 프록시
    로드밸런서 스케줄러 컨트롤러 오퍼레이터 에이전트 데몬 런타임 샌드박스 스냅숏
    백업 복원 복제본 샤드 큐 스트림 이벤트 지표 추적 로그 알림 대시보드 감사
    토큰 인증서 신원 역할 권한 워크로드 작업 배치 파이프라인 빌드 캐시 레이어
    아티팩트 매니페스트 템플릿 차트 번들 릴리스 버전 채널 미러 스토리지 디스크
    버킷 객체 데이터베이스 인덱스 스키마 마이그레이션 상태 점검 재시작 확장
    오토스케일링 용량 제한 요청 예산 우선순위 배치 영역 리전 장애 조치 복구
    업그레이드 패치 규정 암호화 방화벽 라우트 엔드포인트 포트 소켓 메시 사이드카
    원격 측정 보존 보관 내보내기 가져오기 동기화 조정 플러그인 확장 훅 웹훅
    트리거 워커 풀 임대 잠금 리더
    """
)
KO_ADJECTIVES = _words(
    """
    자동 선언적 분산 암호화된 증분 격리된 관리형 다중 영역 주문형 롤링 예약된
    안전한 공유 상태 저장 무상태 무중단 연합 불변 경량 이식 가능한 비공개 공개
    지역 전역 로컬
    """
)
#: Particles as (after a final consonant, after a vowel).
KO_PARTICLES = (
    ("은", "는"),
    ("을", "를"),
    ("의", "의"),
    ("에서", "에서"),
    ("으로", "로"),
    ("과", "와"),
)
KO_VERBS = (
    "관리합니다",
    "제공합니다",
    "자동으로 처리합니다",
    "지원합니다",
    "구성할 수 있습니다",
    "유지합니다",
    "배포합니다",
    "확인합니다",
)
EN_VERBS = (
    "manages",
    "provides",
    "handles automatically",
    "supports",
    "can configure",
    "keeps",
    "deploys",
    "checks",
)

_LATIN_ONSETS = _words(
    """
    b c d f g h j k l m n p r s t v w z br cr dr gr kr pl st tr vr zh
    """
)
_LATIN_VOWELS = _words(
    """
    a e i o u ae io ou
    """
)
_LATIN_CODAS = ["", "", "n", "r", "s", "x", "l", "m", "k"]
_HANGUL_SYLLABLES = (
    "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초코토포호"
    "구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히렌몬벡솔잭켄톤핀헥즈브스트"
)

LEVELS = ("none", "limited", "basic", "full", "advanced")
DIMENSIONS = 24  # 8 `same-`, 12 `diff-`, 4 `part-`
CONCEPTS = 6
FEATURES_PER_FILE = 20_000  # a tool lives in one file; keep files well under 16 MiB


@dataclass(frozen=True)
class PackInfo:
    """What was written."""

    root: Path
    tools: int
    features: int
    files: int
    bytes: int


class _Words:
    """Deterministic text from a seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self._latin: set[str] = set()
        self._hangul: set[str] = set()

    def pick(self, words: tuple[str, ...] | list[str]) -> str:
        return words[self.rng.randrange(len(words))]

    def latin_name(self) -> str:
        """A new made-up product word ("Zorvex"), never given twice."""
        rng = self.rng
        while True:
            parts = [
                rng.choice(_LATIN_ONSETS) + rng.choice(_LATIN_VOWELS)
                for _ in range(rng.randint(2, 3))
            ]
            word = "".join(parts) + rng.choice(_LATIN_CODAS)
            if word not in self._latin:
                self._latin.add(word)
                return word.capitalize()

    def hangul_name(self) -> str:
        """A new made-up Hangul word ("코렌디"), never given twice."""
        rng = self.rng
        while True:
            word = "".join(rng.choice(_HANGUL_SYLLABLES) for _ in range(rng.randint(3, 4)))
            if word not in self._hangul:
                self._hangul.add(word)
                return word

    def en_sentence(self, words: int, name: str | None = None) -> str:
        rng = self.rng
        out = [self.pick(EN_ADJECTIVES), self.pick(EN_WORDS)]
        if name is not None:
            out.insert(0, name)
        out.append(self.pick(EN_VERBS))
        while len(out) < words:
            out.append(self.pick(EN_GLUE) if rng.random() < 0.3 else self.pick(EN_WORDS))
        text = " ".join(out)
        return text[0].upper() + text[1:] + "."

    def ko_sentence(self, words: int, name: str | None = None) -> str:
        out = [name] if name is not None else []
        while len(out) < words - 1:
            word = self.pick(KO_WORDS)
            if self.rng.random() < 0.7:
                final = (ord(word[-1]) - 0xAC00) % 28 != 0
                word += self.pick(KO_PARTICLES)[0 if final else 1]
            out.append(word)
        out.append(self.pick(KO_VERBS))
        return " ".join(out) + "."


def _lt(ko: str, en: str) -> dict[str, str]:
    return {"ko": ko, "en": en}


def _feature(w: _Words, tool_id: str, index: int, titles: set[str]) -> dict[str, Any]:
    rng = w.rng
    while True:
        en_name, ko_name = w.latin_name(), w.hangul_name()
        noun = w.pick(EN_WORDS)
        title_en = f"{en_name} {w.pick(EN_ADJECTIVES)} {noun}"
        title_ko = f"{ko_name} {w.pick(KO_ADJECTIVES)} {w.pick(KO_WORDS)}"
        if title_en not in titles and title_ko not in titles:
            titles.update((title_en, title_ko))
            break
    description_en = w.en_sentence(rng.randint(12, 18), en_name)
    description_ko = w.ko_sentence(rng.randint(10, 15), ko_name)
    if rng.random() < 0.5:
        description_en += " " + w.en_sentence(rng.randint(6, 10))
        description_ko += " " + w.ko_sentence(rng.randint(4, 7))
    keywords = [en_name.lower(), ko_name, noun]
    target = rng.randint(8, 14)
    while len(keywords) < target:
        keywords.append(w.pick(EN_WORDS) if rng.random() < 0.5 else w.pick(KO_WORDS))
    return {
        "id": f"{tool_id}-f{index:05d}",
        "title": _lt(title_ko, title_en),
        "description": _lt(description_ko, description_en),
        "keywords": list(dict.fromkeys(keywords)),
    }


_CODE = """\
services:
  {name}:
    image: registry.example.com/{name}:{version}
    deploy:
      replicas: {replicas}
    environment:
      {env}: "{value}"
    ports:
      - "{port}:{port}"
"""


def _tool(w: _Words, number: int, features: int, titles: set[str]) -> dict[str, Any]:
    rng = w.rng
    tool_id = f"tool-{number:03d}"
    en_name, ko_name = w.latin_name(), w.hangul_name()
    tool: dict[str, Any] = {
        "id": tool_id,
        "order": number,
        "name": _lt(ko_name, f"{en_name} Platform"),
        "kind": _lt(w.pick(KO_WORDS) + " 도구", w.pick(EN_WORDS).capitalize() + " tool"),
        "aliases": [en_name.lower(), f"{ko_name} 플랫폼", f"{en_name.lower()}-{number}"],
        "tagline": _lt(w.ko_sentence(8, ko_name), w.en_sentence(12, en_name)),
        "summary": _lt(
            w.ko_sentence(14, ko_name) + " " + w.ko_sentence(10),
            w.en_sentence(20, en_name) + " " + w.en_sentence(14),
        ),
        "features": [_feature(w, tool_id, i + 1, titles) for i in range(features)],
        "use_cases": [
            {
                "id": f"uc-{i + 1}",
                "title": _lt(w.ko_sentence(6), w.en_sentence(8)),
                "description": _lt(w.ko_sentence(12), w.en_sentence(18)),
                "keywords": [w.pick(EN_WORDS), w.pick(KO_WORDS)],
            }
            for i in range(3)
        ],
        "components": [
            {
                "id": f"component-{i + 1}",
                "name": _lt(f"{w.hangul_name()} {w.pick(KO_WORDS)}", f"{w.latin_name()}d"),
                "description": _lt(w.ko_sentence(10), w.en_sentence(14)),
                "keywords": [w.pick(EN_WORDS)],
            }
            for i in range(3)
        ],
        "examples": [
            {
                "id": f"example-{i + 1}",
                "title": _lt(w.ko_sentence(5), w.en_sentence(6)),
                "language": "yaml",
                "filename": f"{tool_id}-{i + 1}.yaml",
                "code": _CODE.format(
                    name=en_name.lower(),
                    version=f"{rng.randint(1, 9)}.{rng.randint(0, 20)}",
                    replicas=rng.randint(1, 9),
                    env=w.pick(EN_WORDS).upper(),
                    value=w.pick(EN_WORDS),
                    port=rng.randint(1024, 9999),
                ),
                "explanation": _lt(w.ko_sentence(14), w.en_sentence(22)),
                "keywords": [w.pick(EN_WORDS)],
            }
            for i in range(2)
        ],
        "links": [
            {
                "title": _lt(f"{ko_name} 문서", f"{en_name} documentation"),
                "url": f"https://docs.example.com/{tool_id}/",
            }
        ],
        "notes": [
            {
                "id": "note-1",
                "status": "clarification",
                "claim": _lt(w.ko_sentence(8, ko_name), w.en_sentence(10, en_name)),
                "text": _lt(w.ko_sentence(14), w.en_sentence(20)),
                "source": f"https://docs.example.com/{tool_id}/notes",
                "checked": "2025-01-15",
            }
        ],
    }
    return tool


def dimension_ids() -> list[str]:
    """The dimension ids every synthetic pack has, in order."""
    ids = []
    for i in range(DIMENSIONS):
        prefix = "same" if i % 3 == 0 else ("part" if i % 6 == 1 else "diff")
        ids.append(f"{prefix}-{i + 1:02d}")
    return ids


def _shared(w: _Words, tool_ids: list[str]) -> dict[str, Any]:
    dimensions = []
    for i, dim_id in enumerate(dimension_ids()):
        word_en, word_ko = w.pick(EN_WORDS), w.pick(KO_WORDS)
        shared_cell = {
            "text": _lt(w.ko_sentence(5), w.en_sentence(7)),
            "level": LEVELS[i % len(LEVELS)],
        }
        cells: dict[str, Any] = {}
        for n, tool_id in enumerate(tool_ids):
            # Copies: the same object twice would be written as a YAML alias.
            if dim_id.startswith("same"):
                cells[tool_id] = copy.deepcopy(shared_cell)
            elif dim_id.startswith("part"):
                if n % 2 == 1:  # tool-002, tool-004, ...
                    cells[tool_id] = copy.deepcopy(shared_cell)
            else:
                cells[tool_id] = {
                    "text": _lt(
                        f"{tool_id}: " + w.ko_sentence(5), f"{tool_id}: " + w.en_sentence(7)
                    ),
                    "level": LEVELS[(i + n) % len(LEVELS)],
                    **({"note": _lt(w.ko_sentence(6), w.en_sentence(8))} if n % 4 == 0 else {}),
                }
        dimensions.append(
            {
                "id": dim_id,
                "order": (i + 1) * 10,
                "title": _lt(f"{word_ko} {w.pick(KO_WORDS)}", f"{word_en.capitalize()} handling"),
                "description": _lt(w.ko_sentence(8), w.en_sentence(12)),
                "keywords": [word_en, word_ko],
                "cells": cells,
            }
        )
    concepts = [
        {
            "id": f"concept-{i + 1}",
            "order": (i + 1) * 10,
            "title": _lt(w.pick(KO_WORDS) + " 단위", w.pick(EN_WORDS).capitalize() + " unit"),
            "description": _lt(w.ko_sentence(8), w.en_sentence(10)),
            "keywords": [w.pick(EN_WORDS)],
            "cells": {
                tool_id: {
                    "term": w.pick(EN_WORDS),
                    "text": _lt(w.ko_sentence(8), w.en_sentence(10)),
                }
                for tool_id in tool_ids
            },
        }
        for i in range(CONCEPTS)
    ]
    kinds = ("runs", "extends", "deploys-to", "part-of", "builds-for", "alternative", "uses")
    relations = [
        {
            "id": f"rel-{i + 1}",
            "source": tool_ids[i],
            "target": tool_ids[i + 1],
            "kind": kinds[i % len(kinds)],
            "text": _lt(w.ko_sentence(10), w.en_sentence(14)),
        }
        for i in range(len(tool_ids) - 1)
    ]
    comparisons = []
    if len(tool_ids) >= 2:
        comparisons.append(
            {
                "id": "first-two",
                "title": _lt("처음 두 도구", "The first two tools"),
                "tools": tool_ids[:2],
                "dimensions": dimension_ids()[:6],
            }
        )
    conclusions = [
        {
            "id": f"conclusion-{i + 1}",
            "tools": [tool_id],
            "text": _lt(w.ko_sentence(10), w.en_sentence(14)),
        }
        for i, tool_id in enumerate(tool_ids[:3])
    ]
    return {
        "dimensions": dimensions,
        "comparisons": comparisons,
        "relations": relations,
        "concepts": concepts,
        "conclusions": conclusions,
    }


def _dump(data: dict[str, Any], path: Path) -> int:
    text = yaml.dump(
        data,
        Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    body = ("# Synthetic pack written by benchmarks/synthetic.py\n" + text).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    return len(body)


def write_pack(root: Path, tools: int, features: int, seed: int = 0) -> PackInfo:
    """Write a pack of `tools` tools sharing `features` features under `root`.

    `root` is emptied first if it holds an earlier synthetic pack. Features are spread
    evenly over the tools (the first tools get one more when it does not divide).
    """
    if tools < 1:
        raise ValueError("a pack needs at least one tool")
    if features < 0:
        raise ValueError("features must be zero or more")
    if -(-features // tools) > FEATURES_PER_FILE:
        raise ValueError(
            f"at most {FEATURES_PER_FILE} features per tool (one tool is one file): use more tools"
        )
    root = Path(root)
    if root.exists():
        if any(root.iterdir()) and not (root / "shared.yaml").exists():
            raise ValueError(f"{root} is not empty and not a synthetic pack: refusing to clear it")
        shutil.rmtree(root)
    w = _Words(seed)
    titles: set[str] = set()
    written = files = 0
    tool_ids = []
    base, extra = divmod(features, tools)
    for number in range(1, tools + 1):
        count = base + (1 if number <= extra else 0)
        tool = _tool(w, number, count, titles)
        tool_ids.append(tool["id"])
        written += _dump({"tools": [tool]}, root / "tools" / f"{tool['id']}.yaml")
        files += 1
    written += _dump(_shared(w, tool_ids), root / "shared.yaml")
    files += 1
    return PackInfo(root, tools, features, files, written)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic orchexplorer content pack.")
    parser.add_argument("dir", type=Path)
    parser.add_argument("--tools", type=int, default=20)
    parser.add_argument("--features", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    try:
        info = write_pack(args.dir, args.tools, args.features, args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    print(f"wrote {info.files} files, {info.bytes / 1e6:.1f} MB, to {info.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
