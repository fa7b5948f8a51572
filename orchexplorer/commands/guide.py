"""`orchexplorer guide [--answer QUESTION=ANSWER …] [--json] [--list]`: the decision guide.

Ranks the pack's tools for the answers given (unanswered questions are neutral) and prints
each tool's rank, score and the reasons that applied, stating ties, contradictory answers
and the tools a hard requirement rules out (and why). `--list` prints the
questions and their answer ids; `--json` gives either as a machine-readable object.
Unknown or malformed answers end with exit 2 and name the valid ids.
"""

from __future__ import annotations

import argparse
from typing import Any

from orchexplorer.commands import CommandError, Context, clean
from orchexplorer.guide import (
    GuideResult,
    ResolvedRef,
    UnknownAnswerError,
    UnknownQuestionError,
    questions,
    rank,
    signed,
)
from orchexplorer.i18n import Lang, t
from orchexplorer.model import LANGS, GuideQuestion, LocalizedText, Pack

NAME = "guide"
HELP = "decision guide: answer questions, get the tools ranked with reasons"

INDENT = "     "


def add_arguments(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--answer",
        "-a",
        metavar="QUESTION=ANSWER",
        action="append",
        default=[],
        help="answer a question (repeatable); see --list for the ids",
    )
    mode.add_argument("--list", action="store_true", help="list the questions and answer ids")
    parser.add_argument("--json", action="store_true", help="machine-readable JSON output")


def run(args: argparse.Namespace, ctx: Context) -> int:
    pack = ctx.pack()
    if args.list:
        if args.json:
            ctx.write_json({"questions": [_question_json(q) for q in questions(pack)]})
        else:
            ctx.write(render_list(pack, ctx.lang))
        return 0
    answers = parse_answers(pack, args.answer, ctx.lang)
    try:
        result = rank(pack, answers)
    except UnknownQuestionError as exc:
        raise CommandError(
            t(
                "cli_guide_unknown_question",
                ctx.lang,
                value=clean(exc.question_id),
                known=", ".join(exc.known) or "-",
            )
        ) from None
    except UnknownAnswerError as exc:
        raise CommandError(
            t(
                "cli_guide_unknown_answer",
                ctx.lang,
                question=clean(exc.question_id),
                value=clean(exc.answer_id),
                known=", ".join(exc.known),
            )
        ) from None
    if args.json:
        ctx.write_json(result_json(result))
    else:
        ctx.write(render_text(pack, result, ctx.lang))
    return 0


def parse_answers(pack: Pack, raw: list[str], lang: Lang) -> dict[str, str]:
    """`["hosts=many", …]` -> `{"hosts": "many"}`. Ids are trimmed and lower-cased.

    A value without '=' or with an empty side, and a question answered two different ways,
    end the command (exit 2). Unknown ids are left for `rank` to report.
    """
    answers: dict[str, str] = {}
    for item in raw:
        question_id, sep, answer_id = item.partition("=")
        question_id, answer_id = question_id.strip().lower(), answer_id.strip().lower()
        if not sep or not question_id or not answer_id:
            known = ", ".join(q.id for q in questions(pack)) or "-"
            raise CommandError(t("cli_guide_malformed", lang, value=clean(item), known=known))
        first = answers.get(question_id)
        if first is not None and first != answer_id:
            raise CommandError(
                t(
                    "cli_guide_twice",
                    lang,
                    question=clean(question_id),
                    first=clean(first),
                    second=clean(answer_id),
                )
            )
        answers[question_id] = answer_id
    return answers


# --------------------------------------------------------------------------------------
# text


def _ref_label(pack: Pack, ref: ResolvedRef, lang: Lang) -> str:
    if ref.tool is None:
        kind = t("guide_ref_dimension", lang)
    else:
        tool = pack.tool(ref.tool)
        name = tool.name.get(lang) if tool is not None else ref.tool
        kind = t("guide_ref_" + ref.kind, lang, tool=name)
    return f"{ref.title.get(lang).rstrip('.')} ({kind}: {ref.key})"


def render_text(pack: Pack, result: GuideResult, lang: Lang) -> str:
    total = len(pack.guide)
    out = [t("guide_heading", lang, answered=len(result.answers), total=total)]
    if not total:
        out.append(t("guide_empty", lang))
    elif not result.answers:
        out.append(t("guide_hint", lang))
    out.append(result.summary.get(lang))
    if result.conflicts:
        out += ["", t("guide_conflicts_heading", lang)]
        out += [f"  {conflict.text.get(lang)}" for conflict in result.conflicts]
    if result.ruled_out:
        out += ["", t("guide_ruled_out_heading", lang)]
        for ruled in result.ruled_out:
            out.append(f"  {ruled.text.get(lang)}")
            out += [f"{INDENT}{t('guide_source', lang)}: {url}" for url in ruled.sources]
    out.append("")
    for entry in result.ranking:
        line = f"{entry.rank}. {entry.tool.name.get(lang)}  {signed(entry.score)}"
        if entry.ruled_out:
            lacking = ", ".join(r.dimension_title.get(lang) for r in entry.ruled_out)
            line += f"  ({t('guide_ruled_out_tag', lang)}: {lacking})"
        if entry.tied:
            names = ", ".join(_name(pack, tid, lang) for tid in entry.tied_with)
            line += f"  ({t('guide_tied_with', lang, names=names)})"
        out.append(line)
        if not entry.reasons:
            out.append(f"{INDENT}({t('guide_no_reasons', lang)})")
        for reason in entry.reasons:
            out.append(
                f"{INDENT}{signed(reason.counted):>3}  [{reason.question_id}={reason.answer_id}] "
                f"{reason.text.get(lang)}"
            )
            if reason.note is not None:
                out.append(f"{INDENT}     ({reason.note.get(lang)})")
            refs = "; ".join(_ref_label(pack, ref, lang) for ref in reason.refs)
            out.append(f"{INDENT}     {t('guide_see', lang)}: {refs}")
            out += [f"{INDENT}     {t('guide_source', lang)}: {url}" for url in reason.sources]
    if result.ties:
        out += ["", t("guide_ties_heading", lang)]
        out += [f"  {tie.text.get(lang)}" for tie in result.ties]
    return "\n".join(out)


def _name(pack: Pack, tool_id: str, lang: Lang) -> str:
    tool = pack.tool(tool_id)
    return tool.name.get(lang) if tool is not None else tool_id


def render_list(pack: Pack, lang: Lang) -> str:
    qs = questions(pack)
    if not qs:
        return t("guide_empty", lang)
    out = [t("guide_list_heading", lang)]
    for q in qs:
        out += ["", f"{q.id}: {q.title.get(lang)}"]
        if q.help is not None:
            out.append(f"    {q.help.get(lang)}")
        width = max(len(a.id) for a in q.answers)
        for answer in q.answers:
            line = f"    {answer.id:<{width}}  {answer.title.get(lang)}"
            if not answer.effects:
                line += f"  ({t('guide_no_effect', lang)})"
            out.append(line)
    return "\n".join(out)


# --------------------------------------------------------------------------------------
# json


def _question_json(q: GuideQuestion) -> dict[str, Any]:
    return q.model_dump(mode="json", exclude_none=True)


def result_json(result: GuideResult) -> dict[str, Any]:
    """The ranking as plain data; texts carry both languages ({"ko": …, "en": …})."""

    def text(value: LocalizedText) -> dict[str, str]:
        return {lang: value.get(lang) for lang in LANGS}

    return {
        "answers": dict(result.answers),
        "unanswered": list(result.unanswered),
        "summary": text(result.summary),
        "conflicts": [
            {
                "first": "=".join(conflict.first),
                "second": "=".join(conflict.second),
                "text": text(conflict.text),
            }
            for conflict in result.conflicts
        ],
        "ranking": [
            {
                "rank": entry.rank,
                "tool": entry.tool.id,
                "name": text(entry.tool.name),
                "score": entry.score,
                "eligible": entry.eligible,
                "tied": entry.tied,
                "tied_with": list(entry.tied_with),
                "ruled_out": [
                    {
                        "question": ruled.question_id,
                        "answer": ruled.answer_id,
                        "dimension": ruled.dimension,
                        "required_level": ruled.required_level,
                        "level": ruled.level,
                        "sources": list(ruled.sources),
                        "text": text(ruled.text),
                    }
                    for ruled in entry.ruled_out
                ],
                "reasons": [
                    {
                        "question": reason.question_id,
                        "answer": reason.answer_id,
                        "score": reason.score,
                        "counted": reason.counted,
                        "status": reason.status,
                        "fact": reason.fact,
                        "text": text(reason.text),
                        "note": text(reason.note) if reason.note is not None else None,
                        "sources": list(reason.sources),
                        "refs": [
                            {
                                "kind": ref.kind,
                                "tool": ref.tool,
                                "id": ref.id,
                                "title": text(ref.title),
                            }
                            for ref in reason.refs
                        ],
                    }
                    for reason in entry.reasons
                ],
            }
            for entry in result.ranking
        ],
        "ties": [
            {
                "rank": tie.rank,
                "score": tie.score,
                "tools": list(tie.tools),
                "separating": list(tie.separating),
                "text": text(tie.text),
            }
            for tie in result.ties
        ],
    }
