"""Command line: argument parsing, subcommand dispatch, clean failure.

The subcommands never import Textual; the app is imported only when it is opened.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from orchexplorer import __version__
from orchexplorer.commands import CommandError, Context, clean
from orchexplorer.i18n import Lang, detect_lang, parse_lang, t

COMMAND_MODULES = ("show", "validate", "search", "compare", "guide")


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error and exit status 2 (no usage dump)."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {clean(message)} (see '{self.prog} --help')\n")
        raise SystemExit(2)


def _commands() -> list[ModuleType]:
    import importlib

    modules = []
    for name in COMMAND_MODULES:
        try:
            modules.append(importlib.import_module(f"orchexplorer.commands.{name}"))
        except ModuleNotFoundError as exc:  # a command still being built is simply absent
            if exc.name != f"orchexplorer.commands.{name}":
                raise
    return modules


def _add_common(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=default,
        help="content pack directory (env ORCHEXPLORER_CONTENT; default: the shipped pack)",
    )
    parser.add_argument(
        "--lang",
        metavar="ko|en",
        default=default,
        help="language (env ORCHEXPLORER_LANG; default: saved choice, then the locale)",
    )


def build_parser() -> tuple[argparse.ArgumentParser, list[ModuleType]]:
    parser = _Parser(
        prog="orchexplorer",
        description="Explore and compare Docker, Docker Compose, Docker Swarm and Kubernetes. "
        "With no command, opens the interactive explorer.",
    )
    parser.add_argument("--version", action="version", version=f"orchexplorer {__version__}")
    _add_common(parser, suppress=False)
    parser.add_argument("--tool", metavar="ID", help="open the app with this tool selected")
    parser.add_argument(
        "--compare", metavar="A,B,...", help="open the app on the comparison of these tools"
    )
    commands = _commands()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in commands:
        cmd = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        _add_common(cmd, suppress=True)
        module.add_arguments(cmd)
        cmd.set_defaults(_run=module.run)
    return parser, commands


def _lang(args: argparse.Namespace) -> Lang:
    if args.lang is not None and parse_lang(args.lang) is None:
        raise CommandError(t("cli_bad_lang", "en", value=clean(str(args.lang))))
    from orchexplorer.config import load_config

    return detect_lang(args.lang, saved=load_config().lang)


def _run(argv: Sequence[str] | None) -> int:
    parser, commands = build_parser()
    args = parser.parse_args(argv)
    lang = _lang(args)
    content = args.content
    if content is None and os.environ.get("ORCHEXPLORER_CONTENT"):
        content = Path(os.environ["ORCHEXPLORER_CONTENT"])
    ctx = Context(lang=lang, content=content)
    if args.command:
        code: int = args._run(args, ctx)
        return code
    return _open_app(args, ctx, [m.NAME for m in commands])


def _open_app(args: argparse.Namespace, ctx: Context, names: list[str]) -> int:
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        raise CommandError(t("cli_not_tty", ctx.lang, commands=", ".join(names)))
    pack = ctx.pack()  # a pack that fails validation never opens the app
    if args.tool:
        ctx.tool(args.tool)
    compare: list[str] = []
    if args.compare:
        compare = [c.strip().lower() for c in args.compare.split(",") if c.strip()]
        for tool_id in compare:
            ctx.tool(tool_id)
    from orchexplorer.tui.app import run_app

    return run_app(pack, lang=ctx.lang, tool=args.tool, compare=compare, lang_fixed=args.lang)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except CommandError as exc:
        for line in exc.lines:
            sys.stderr.write(f"orchexplorer: {line}\n" if exc.code == 2 else f"{line}\n")
        return exc.code
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`| head -1`). Point stdout at devnull so the interpreter's
        # final flush does not raise again, and exit quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
