"""The decision guide: model checks, loader errors, ranking logic, ties, the CLI, no Textual."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from orchexplorer import guide
from orchexplorer.cli import main
from orchexplorer.guide import UnknownAnswerError, UnknownQuestionError, rank
from orchexplorer.loader import PackError, load_pack
from orchexplorer.model import GuideRef, Pack, RefProblem, check_references
from tests.conftest import REPO, write_pack

# --------------------------------------------------------------------------------------
# helpers


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


TOOLS = textwrap.dedent(
    """\
    tools:
      - id: alpha
        order: 1
        name: Alpha
        kind: Tool
        tagline: First
        summary: {ko: 알파, en: Alpha summary}
        features:
          - {id: fast, title: {ko: 빠름, en: Fast}, description: Quick}
        use_cases:
          - {id: demo, title: Demo}
      - id: beta
        order: 2
        name: Beta
        kind: Tool
        tagline: Second
        summary: Beta summary
    dimensions:
      - id: speed
        title: {ko: 속도, en: Speed}
        cells:
          alpha: {text: fast}
          beta: {text: slow}
    """
)


def guide_yaml(refs: str, tool: str = "alpha") -> str:
    """A one-question guide whose first answer has one effect with `refs` (a flow list)."""
    return textwrap.dedent(
        f"""\
        guide:
          - id: q
            title: {{ko: 질문, en: Question}}
            answers:
              - id: a
                title: A
                effects:
                  - tool: {tool}
                    score: 2
                    reason: {{ko: 이유, en: Because}}
                    refs: {refs}
              - id: b
                title: B
        """
    )


def where(body: str, needle: str) -> str:
    """`LINE:COL` (1-based) of the first `needle` in `body`, counted here independently."""
    for number, line in enumerate(body.splitlines(), start=1):
        if needle in line:
            return f"{number}:{line.index(needle) + 1}"
    raise AssertionError(f"{needle!r} not in the file")


def errors_of(root: Path, lang: str = "en") -> list[str]:
    with pytest.raises(PackError) as info:
        load_pack(root, lang=lang)  # type: ignore[arg-type]
    return [str(e) for e in info.value.errors]


def small_pack(tmp_path: Path, guide_text: str) -> Pack:
    return load_pack(write_pack(tmp_path, {"tools.yaml": TOOLS, "guide.yaml": guide_text}))


# --------------------------------------------------------------------------------------
# the shipped guide


def test_shipped_guide_is_counted_and_complete(pack: Pack) -> None:
    assert pack.counts()["guide_questions"] == len(pack.guide) >= 6
    ids = {q.id for q in pack.guide}
    assert {"stage", "hosts", "services", "apps", "autoscaling", "self-healing"} <= ids
    assert {"rolling-updates", "team", "orchestration"} <= ids
    for q in pack.guide:
        assert q.title.complete and len(q.answers) >= 2, q.id
        for a in q.answers:
            assert a.title.complete, f"{q.id}={a.id}"
            for e in a.effects:
                assert e.reason.complete and e.refs, f"{q.id}={a.id} {e.tool}"


def test_every_shipped_reference_resolves_to_a_pack_item(pack: Pack) -> None:
    seen = 0
    for q in pack.guide:
        for a in q.answers:
            for e in a.effects:
                for ref in e.refs:
                    resolved = guide.resolve_ref(pack, ref, e.tool)
                    # the fallback title is the bare id: a real item has a real title
                    assert resolved.title.get("en") != resolved.id, resolved.key
                    seen += 1
    assert seen > 50


def test_every_answer_moves_a_score_except_declared_neutral_ones(pack: Pack) -> None:
    neutral = [f"{q.id}={a.id}" for q in pack.guide for a in q.answers if not a.effects]
    assert neutral == ["autoscaling=no"]


# --------------------------------------------------------------------------------------
# the seed's conclusions come out


@pytest.mark.parametrize(
    ("answers", "conclusion", "expected"),
    [
        ({"stage": "local-dev"}, "conclusion-compose", "compose"),
        ({"stage": "local-dev", "hosts": "one"}, "conclusion-compose", "compose"),
        ({"hosts": "few", "team": "small-docker"}, "conclusion-swarm", "swarm"),
        (
            {"hosts": "few", "team": "small-docker", "stage": "production"},
            "conclusion-swarm",
            "swarm",
        ),
        (
            {"hosts": "many", "autoscaling": "yes", "stage": "production"},
            "conclusion-kubernetes",
            "kubernetes",
        ),
        (
            {"apps": "one", "stage": "all-stages", "orchestration": "no"},
            "summary-docker",
            "docker",
        ),
        (
            {"services": "one", "stage": "all-stages", "orchestration": "no"},
            "summary-docker",
            "docker",
        ),
    ],
)
def test_seed_conclusions(
    pack: Pack, answers: dict[str, str], conclusion: str, expected: str
) -> None:
    result = rank(pack, answers)
    first = result.ranking[0]
    assert first.tool_id == expected and first.rank == 1
    assert not first.tied, f"{expected} is tied with {first.tied_with}"
    assert result.ranking[1].score < first.score
    # the seed's own conclusion names that tool
    seed_tools = next(c.tools for c in pack.conclusions if c.id == conclusion)
    assert seed_tools == [expected]
    assert result.summary.get("en") == f"Best fit: {first.tool.name.en} (score +{first.score})."


def test_local_development_reasons_cite_compose_features(pack: Pack) -> None:
    compose = rank(pack, {"stage": "local-dev"}).tool("compose")
    assert compose is not None and compose.score == 3
    (reason,) = compose.reasons
    assert (reason.question_id, reason.answer_id, reason.score) == ("stage", "local-dev", 3)
    assert reason.text.ko and reason.text.en and reason.text.ko != reason.text.en
    assert [r.key for r in reason.refs] == [
        "compose/local-development",
        "compose/local-multi-container",
        "use-cases-env",
    ]
    assert [r.kind for r in reason.refs] == ["feature", "use_case", "dimension"]
    assert reason.refs[0].title.en == "Local development environment"
    assert reason.question.en == "What is the environment for?"


def test_score_is_the_sum_of_the_reasons_for_every_pair_of_answers(pack: Pack) -> None:
    qs = guide.questions(pack)
    pairs = 0
    for q1, q2 in itertools.combinations(qs, 2):
        for a1, a2 in itertools.product(q1.answers, q2.answers):
            result = rank(pack, {q1.id: a1.id, q2.id: a2.id})
            for entry in result.ranking:
                assert entry.score == sum(r.score for r in entry.reasons)
            scores = [e.score for e in result.ranking]
            assert scores == sorted(scores, reverse=True)
            pairs += 1
    assert pairs > 100


# --------------------------------------------------------------------------------------
# neutral answers and ties


def test_unanswered_is_all_neutral_and_the_tie_is_explained(pack: Pack) -> None:
    result = rank(pack, {})
    assert [e.tool_id for e in result.ranking] == pack.tool_ids  # pack order, not hidden
    assert {e.score for e in result.ranking} == {0}
    assert {e.rank for e in result.ranking} == {1}
    for entry in result.ranking:
        assert set(entry.tied_with) == set(pack.tool_ids) - {entry.tool_id}
        assert entry.tied and entry.reasons == ()
    (tie,) = result.ties
    assert tie.tools == tuple(pack.tool_ids) and tie.score == 0 and tie.rank == 1
    assert tie.separating == tuple(q.id for q in guide.questions(pack))
    assert tie.text.en.startswith("No question is answered yet")
    assert tie.text.ko.startswith("아직 답한 질문이 없어")
    assert result.unanswered == tie.separating and result.answers == ()
    assert result.summary.en.startswith("Tied for the best fit: Docker, Docker Compose")
    assert len(result.leaders) == 4


def test_neutral_answer_keeps_everything_tied_and_says_why(pack: Pack) -> None:
    result = rank(pack, {"autoscaling": "no"})
    assert {e.score for e in result.ranking} == {0}
    (tie,) = result.ties
    assert tie.text.en.startswith("The answers so far move no tool's score")
    assert "autoscaling" not in tie.separating and "hosts" in tie.separating
    assert result.answers == (("autoscaling", "no"),)


def test_partial_ties_share_a_rank_and_name_separating_questions(pack: Pack) -> None:
    result = rank(pack, {"self-healing": "yes"})
    assert [(e.tool_id, e.score, e.rank) for e in result.ranking] == [
        ("swarm", 2, 1),
        ("kubernetes", 2, 1),
        ("docker", -1, 3),
        ("compose", -1, 3),
    ]
    swarm = result.tool("swarm")
    assert swarm is not None and swarm.tied_with == ("kubernetes",)
    top, bottom = result.ties
    assert top.tools == ("swarm", "kubernetes") and bottom.tools == ("docker", "compose")
    assert top.text.en.startswith("Docker Swarm and Kubernetes are tied at +2 (shared rank 1).")
    assert "Docker Swarm, Kubernetes의 점수가 +2점으로 같습니다 (공동 1위)." in top.text.ko
    # "autoscaling" moves Docker and Compose by the same amount: it cannot separate them
    assert "autoscaling" not in bottom.separating and "services" in bottom.separating
    assert "self-healing" not in top.separating  # answered already
    assert result.tie_of("compose") is bottom
    assert result.summary.en == "Tied for the best fit: Docker Swarm and Kubernetes (score +2)."


def test_tie_with_no_separating_question_says_so(tmp_path: Path) -> None:
    text = guide_yaml("[{dimension: speed}]").replace("tool: alpha", "tool: beta")
    small = small_pack(tmp_path, text.replace("score: 2", "score: 0"))
    result = rank(small, {"q": "a"})
    (tie,) = result.ties
    assert tie.separating == ()
    assert tie.text.en == (
        "Alpha and Beta are tied at 0 (shared rank 1). No remaining question separates "
        "them; they are listed in the pack's tool order."
    )


def test_questions_follow_order_then_file_order(tmp_path: Path) -> None:
    body = guide_yaml("[{dimension: speed}]")
    second = body.replace("guide:\n", "").replace("id: q\n", "id: p\n    order: 5\n", 1)
    third = body.replace("guide:\n", "").replace("id: q\n", "id: r\n", 1)
    small = small_pack(tmp_path, body + second + third)
    assert [q.id for q in guide.questions(small)] == ["p", "q", "r"]


def test_pack_without_guide_ranks_everything_neutral(tmp_path: Path) -> None:
    small = load_pack(write_pack(tmp_path, {"tools.yaml": TOOLS}))
    assert small.counts()["guide_questions"] == 0
    result = rank(small, {})
    assert [e.rank for e in result.ranking] == [1, 1]
    assert result.ties[0].text.en.endswith("listed in the pack's tool order.")
    with pytest.raises(UnknownQuestionError) as info:
        rank(small, {"hosts": "one"})
    assert info.value.known == []


# --------------------------------------------------------------------------------------
# answer validation


def test_unknown_question_names_the_valid_ones(pack: Pack) -> None:
    with pytest.raises(UnknownQuestionError) as info:
        rank(pack, {"host": "one"})
    assert info.value.question_id == "host"
    assert info.value.known == [q.id for q in guide.questions(pack)]
    assert "questions: stage, hosts, services" in str(info.value)


def test_unknown_answer_names_the_valid_ones(pack: Pack) -> None:
    with pytest.raises(UnknownAnswerError) as info:
        guide.validate_answers(pack, {"stage": "local-dev", "hosts": "lots"})
    assert (info.value.question_id, info.value.answer_id) == ("hosts", "lots")
    assert info.value.known == ["one", "few", "many"]
    assert str(info.value) == "question 'hosts' has no answer 'lots' (answers: one, few, many)"


def test_ids_are_matched_exactly(pack: Pack) -> None:
    with pytest.raises(UnknownAnswerError):
        rank(pack, {"hosts": "Many"})
    assert guide.validate_answers(pack, {"team": "new", "hosts": "many"}) == {
        "hosts": "many",
        "team": "new",
    }


# --------------------------------------------------------------------------------------
# model and loader: references in guide files


def test_unknown_feature_is_located(tmp_path: Path) -> None:
    body = guide_yaml("[{feature: alpha/slow}]")
    write_pack(tmp_path, {"tools.yaml": TOOLS, "guide.yaml": body})
    (err,) = errors_of(tmp_path)
    assert where(body, "alpha/slow") == "11:30"
    assert err == (
        f"{tmp_path}/guide.yaml:11:30: "
        "unknown feature id 'alpha/slow' (a feature is named TOOL/FEATURE-ID)"
    )


def test_unknown_feature_in_korean(tmp_path: Path) -> None:
    # a bare feature id belongs to the effect's tool, and the message says so
    body = guide_yaml("[{feature: slow}]")
    write_pack(tmp_path, {"tools.yaml": TOOLS, "guide.yaml": body})
    (err,) = errors_of(tmp_path, "ko")
    assert err == (
        f"{tmp_path}/guide.yaml:{where(body, 'slow')}: "
        "알 수 없는 기능 id 'alpha/slow' (기능은 도구/기능-id로 가리킵니다)"
    )


@pytest.mark.parametrize(
    ("refs", "needle", "message"),
    [
        ("[{dimension: sped}]", "sped", "unknown dimension id 'sped'"),
        ("[{use_case: alpha/nope}]", "alpha/nope", "unknown use case id 'alpha/nope'"),
        ("[{use_case: beta/demo}]", "beta/demo", "unknown use case id 'beta/demo'"),
        ("[{feature: gamma/fast}]", "gamma/fast", "unknown tool id 'gamma'"),
        (
            "[{dimension: speed}, {feature: beta/fast}]",
            "beta/fast",
            "unknown feature id 'beta/fast'",
        ),
    ],
)
def test_bad_references_are_located(tmp_path: Path, refs: str, needle: str, message: str) -> None:
    body = guide_yaml(refs)
    write_pack(tmp_path, {"tools.yaml": TOOLS, "guide.yaml": body})
    (err,) = errors_of(tmp_path)
    assert err.startswith(f"{tmp_path}/guide.yaml:{where(body, needle)}: {message}")


def test_unknown_effect_tool_is_reported_once(tmp_path: Path) -> None:
    # the bare feature id belongs to the unknown tool: only the tool is reported
    body = guide_yaml("[{feature: fast}]", tool="gamma")
    write_pack(tmp_path, {"tools.yaml": TOOLS, "guide.yaml": body})
    at = where(body, "gamma")
    assert errors_of(tmp_path) == [f"{tmp_path}/guide.yaml:{at}: unknown tool id 'gamma'"]


def test_valid_references_load_and_bare_ids_belong_to_the_effect_tool(tmp_path: Path) -> None:
    refs = "[{feature: fast}, {feature: alpha/fast}, {use_case: demo}, {dimension: speed}]"
    small = small_pack(tmp_path, guide_yaml(refs))
    (reason,) = rank(small, {"q": "a"}).ranking[0].reasons
    assert [r.key for r in reason.refs] == ["alpha/fast", "alpha/fast", "alpha/demo", "speed"]
    assert [r.title.ko for r in reason.refs] == ["빠름", "빠름", "Demo", "속도"]


def test_duplicate_question_and_answer_ids(tmp_path: Path) -> None:
    # the first question answers "a" twice; a second question "q" follows
    body = guide_yaml("[{dimension: speed}]")
    body = body.replace("- id: b", "- id: a") + body.replace("guide:\n", "")
    assert body.splitlines()[11] == "      - id: a" and body.splitlines()[13] == "  - id: q"
    write_pack(tmp_path, {"tools.yaml": TOOLS, "guide.yaml": body})
    path = f"{tmp_path}/guide.yaml"
    assert errors_of(tmp_path) == [
        f"{path}:12:13: duplicate id 'a' (first defined at {path}:5:13)",
        f"{path}:14:9: duplicate id 'q' (first defined at {path}:2:9)",
    ]


def test_the_same_answer_id_in_two_questions_is_fine(tmp_path: Path) -> None:
    body = guide_yaml("[{dimension: speed}]")
    small = small_pack(tmp_path, body + body.replace("guide:\n", "").replace("id: q", "id: p"))
    assert [a.id for q in small.guide for a in q.answers] == ["a", "b", "a", "b"]


def test_check_references_gives_pydantic_style_locs(tmp_path: Path) -> None:
    small = small_pack(tmp_path, guide_yaml("[{dimension: speed}]"))
    data = small.model_dump()
    data["guide"][0]["answers"][0]["effects"][0]["refs"].append({"feature": "alpha/slow"})
    broken = Pack.model_validate(data)
    assert check_references(broken) == [
        RefProblem(
            ("guide", 0, "answers", 0, "effects", 0, "refs", 1, "feature"),
            "unknown_feature",
            "alpha/slow",
        )
    ]


@pytest.mark.parametrize(
    ("refs", "score", "message"),
    [
        ("[{feature: fast, dimension: speed}]", "2", "needs exactly one of feature, use_case"),
        ("[{}]", "2", "needs exactly one of feature, use_case"),
        ("[]", "2", "'refs' has too few items (at least 1)"),
        ("[{dimension: speed}]", "6", "'score' must be at most 5"),
        ("[{dimension: speed}]", "-6", "'score' must be at least -5"),
        ("[{feature: a/b/c}]", "2", "'feature' has the wrong form"),
    ],
)
def test_malformed_effects_are_located(tmp_path: Path, refs: str, score: str, message: str) -> None:
    body = guide_yaml(refs).replace("score: 2", f"score: {score}")
    write_pack(tmp_path, {"tools.yaml": TOOLS, "guide.yaml": body})
    (err,) = errors_of(tmp_path)
    assert "guide.yaml:" in err and message in err


def test_guide_ref_accessors() -> None:
    ref = GuideRef(feature="kubernetes/autoscaling")
    assert (ref.kind, ref.value, ref.target("swarm")) == (
        "feature",
        "kubernetes/autoscaling",
        ("kubernetes", "autoscaling"),
    )
    assert GuideRef(use_case="demo").target("alpha") == ("alpha", "demo")
    assert GuideRef(dimension="speed").target("alpha") == (None, "speed")


# --------------------------------------------------------------------------------------
# command line


def test_cli_ranking_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "guide", "--answer", "hosts=many", "-a", "autoscaling=yes", "-a", "stage=production"
    )
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Decision guide: 3 of 9 questions answered"
    assert lines[1] == "Best fit: Kubernetes (score +8)."
    ranked = [line for line in lines if line[:1].isdigit()]
    assert ranked == [
        "1. Kubernetes  +8",
        "2. Docker Swarm  +1",
        "3. Docker  -5  (tied with Docker Compose)",
        "3. Docker Compose  -5  (tied with Docker)",
    ]
    k8s = lines.index("1. Kubernetes  +8")
    assert lines[k8s + 1].startswith("      +2  [stage=production] The source recommends")
    assert lines[k8s + 2].startswith("          see: Automated deployment")
    assert "Autoscaling (Kubernetes feature: kubernetes/autoscaling)" in out
    assert "Ties" in lines
    assert "  Docker and Docker Compose are tied at -5 (shared rank 3)." in out


def test_cli_korean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "ko", "guide", "-a", "stage=local-dev")
    assert code == 0
    assert out.startswith(
        "선택 가이드: 질문 9개 중 1개에 답함\n가장 잘 맞는 도구: Docker Compose (+3점)."
    )
    assert "로컬 개발 환경 (Docker Compose 기능: compose/local-development)" in out


def test_cli_no_answers_explains_the_tie(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "guide")
    assert code == 0
    assert "Answer with --answer QUESTION=ANSWER" in out
    assert sum(1 for line in out.splitlines() if line.startswith("1. ")) == 4
    assert "No question is answered yet, so every tool scores 0 and all are tied." in out


def test_cli_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "ko", "guide", "--json", "-a", "self-healing=yes")
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    assert set(data) == {"answers", "unanswered", "summary", "ranking", "ties"}
    assert data["answers"] == {"self-healing": "yes"}
    ranking = data["ranking"]
    assert [(r["tool"], r["score"], r["rank"], r["tied"]) for r in ranking] == [
        ("swarm", 2, 1, True),
        ("kubernetes", 2, 1, True),
        ("docker", -1, 3, True),
        ("compose", -1, 3, True),
    ]
    first = ranking[0]
    assert set(first) == {"rank", "tool", "name", "score", "tied", "tied_with", "reasons"}
    assert first["tied_with"] == ["kubernetes"]
    (reason,) = first["reasons"]
    assert set(reason) == {"question", "answer", "score", "text", "refs"}
    assert set(reason["text"]) == {"ko", "en"}
    assert reason["refs"][0] == {
        "kind": "feature",
        "tool": "swarm",
        "id": "built-in-orchestration",
        "title": {"ko": "내장 오케스트레이션", "en": "Built-in orchestration"},
    }
    assert [t["tools"] for t in data["ties"]] == [["swarm", "kubernetes"], ["docker", "compose"]]


def test_cli_list(capsys: pytest.CaptureFixture[str], pack: Pack) -> None:
    code, out, _ = run(capsys, "guide", "--list")
    assert code == 0
    assert out.startswith("Questions and answers (--answer QUESTION=ANSWER)\n")
    assert "hosts: How many machines (hosts) will run the containers?" in out
    assert "    one   One machine\n" in out
    assert "(no effect on scores)" in out
    for q in pack.guide:
        assert f"\n{q.id}: " in out
        for a in q.answers:
            assert f"    {a.id} " in out


def test_cli_list_json(capsys: pytest.CaptureFixture[str], pack: Pack) -> None:
    code, out, _ = run(capsys, "guide", "--list", "--json")
    assert code == 0
    data = json.loads(out)
    assert [q["id"] for q in data["questions"]] == [q.id for q in guide.questions(pack)]
    hosts = next(q for q in data["questions"] if q["id"] == "hosts")
    assert [a["id"] for a in hosts["answers"]] == ["one", "few", "many"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["-a", "hosts"],
            "--answer expects QUESTION=ANSWER, got 'hosts'. Questions: stage, hosts,",
        ),
        (["-a", "=one"], "--answer expects QUESTION=ANSWER, got '=one'."),
        (["-a", "hosts="], "--answer expects QUESTION=ANSWER, got 'hosts='."),
        (["-a", "host=one"], "unknown question 'host'. Questions: stage, hosts, services, apps"),
        (["-a", "hosts=lots"], "question 'hosts' has no answer 'lots'. Answers: one, few, many"),
        (
            ["-a", "hosts=one", "-a", "hosts=many"],
            "question 'hosts' is answered twice: 'one' and 'many'",
        ),
    ],
)
def test_cli_bad_answers_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "guide", *argv)
    assert code == 2 and out == ""
    assert err.startswith(f"orchexplorer: {message}")
    assert len(err.splitlines()) == 1


def test_cli_answers_are_trimmed_and_case_folded(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "guide", "-a", " Hosts = MANY ", "-a", "hosts=many")
    assert code == 0 and "1. Kubernetes  +3" in out


def test_cli_control_characters_in_answers_are_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "guide", "-a", "hosts=\x1b[31mred")
    assert code == 2
    assert "\x1b" not in err and "\\x1b[31mred" in err


def test_cli_list_and_answer_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "guide", "--list", "-a", "hosts=one")
    assert code == 2 and "not allowed with" in err


def test_cli_bad_guide_file_exits_1_with_location(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_pack(tmp_path, {"tools.yaml": TOOLS, "guide.yaml": guide_yaml("[{feature: nope}]")})
    code, out, err = run(capsys, "--content", str(tmp_path), "guide")
    assert code == 1 and out == ""
    assert "guide.yaml:11:30: unknown feature id 'alpha/nope'" in err
    assert "Traceback" not in err


def test_guide_command_does_not_import_textual() -> None:
    probe = (
        "import sys\nfrom orchexplorer.cli import main\n"
        "main(['guide', '-a', 'hosts=many'])\n"
        "main(['guide', '--list'])\n"
        "print('TEXTUAL' if any(m.split('.')[0] == 'textual' for m in sys.modules) else 'CLEAN')"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "1. Kubernetes  +3" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "CLEAN", result.stderr
