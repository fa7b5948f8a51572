"""`orchexplorer validate [DIR]`: check a pack, print a summary or every error.

`--stale DAYS` instead lists the fact-checks (of tools, relations and conclusions) last
checked more than DAYS days ago, oldest first, and exits 1 when there is any, so a scheduled
job can tell that the content needs checking against the official sources again.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from orchexplorer.commands import CommandError, Context
from orchexplorer.i18n import Lang, t
from orchexplorer.model import Note, Pack

NAME = "validate"
HELP = "check a content pack (default: the shipped one) and summarise it"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", nargs="?", type=Path, help="pack directory to check")
    parser.add_argument(
        "--stale",
        metavar="DAYS",
        help="list the fact-checks last checked more than DAYS days ago (exit 1 if any)",
    )


def parse_days(value: str, lang: Lang) -> int:
    """DAYS as given to --stale: a whole number, 0 or more. Raises CommandError (exit 2)."""
    text = value.strip()
    if not text.isascii() or not text.isdigit():
        raise CommandError(t("validate_bad_days", lang, value=value))
    return int(text)


@dataclass(frozen=True)
class CellCheck:
    """A comparison cell's note: where it was checked, and when."""

    source: str
    checked: dt.date


def dated_notes(pack: Pack) -> Iterator[tuple[str, Note]]:
    """Every fact-check note of the pack with where it is (`tools/swarm/no-autoscaling`)."""
    for tool in pack.tools:
        for note in tool.notes:
            yield f"tools/{tool.id}/{note.id}", note
    for rel in pack.relations:
        for note in rel.notes:
            yield f"relations/{rel.id}/{note.id}", note
    for concl in pack.conclusions:
        for note in concl.notes:
            yield f"conclusions/{concl.id}/{note.id}", note


def dated_checks(pack: Pack) -> Iterator[tuple[str, Note | CellCheck]]:
    """`dated_notes` and the notes of comparison cells (`dimensions/scalability/compose`)."""
    yield from dated_notes(pack)
    for dim in pack.dimensions:
        for tool_id, cell in dim.cells.items():
            if cell.source is not None and cell.checked is not None:
                yield f"dimensions/{dim.id}/{tool_id}", CellCheck(cell.source, cell.checked)


def stale_notes(pack: Pack, days: int, today: dt.date) -> list[tuple[str, Note | CellCheck]]:
    """The fact-checks last checked more than `days` days before `today`, oldest first."""
    return sorted(
        ((where, n) for where, n in dated_checks(pack) if (today - n.checked).days > days),
        key=lambda item: (item[1].checked, item[0]),
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.dir is not None:
        ctx.content = args.dir
    days = parse_days(args.stale, ctx.lang) if args.stale is not None else None
    pack = ctx.pack()
    if days is None:
        counts = pack.counts()
        summary = ", ".join(f"{n} {t('count_' + k, ctx.lang)}" for k, n in counts.items())
        ctx.write(t("cli_valid", ctx.lang, summary=summary))
        return 0
    return _report_stale(pack, days, ctx)


def _report_stale(pack: Pack, days: int, ctx: Context) -> int:
    today = dt.date.today()
    notes = list(dated_checks(pack))
    if not notes:
        ctx.write(t("validate_no_notes", ctx.lang))
        return 0
    stale = stale_notes(pack, days, today)
    if not stale:
        oldest = min(n.checked for _, n in notes).isoformat()
        ctx.write(t("validate_none_stale", ctx.lang, days=days, count=len(notes), oldest=oldest))
        return 0
    for where, note in stale:
        age = (today - note.checked).days
        checked = note.checked.isoformat()
        line = t(
            "validate_stale_line",
            ctx.lang,
            checked=checked,
            age=age,
            where=where,
            source=note.source,
        )
        ctx.write(line)
    ctx.write(t("validate_stale_count", ctx.lang, count=len(stale), days=days))
    return 1
