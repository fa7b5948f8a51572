"""`orchexplorer validate [DIR]`: check a pack, print a summary or every error."""

from __future__ import annotations

import argparse
from pathlib import Path

from orchexplorer.commands import Context
from orchexplorer.i18n import t

NAME = "validate"
HELP = "check a content pack (default: the shipped one) and summarise it"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", nargs="?", type=Path, help="pack directory to check")


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.dir is not None:
        ctx.content = args.dir
    counts = ctx.pack().counts()
    summary = ", ".join(f"{n} {t('count_' + k, ctx.lang)}" for k, n in counts.items())
    ctx.write(t("cli_valid", ctx.lang, summary=summary))
    return 0
