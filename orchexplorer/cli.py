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
from typing import Any, NoReturn

from orchexplorer import __version__
from orchexplorer.commands import CommandError, Context, clean
from orchexplorer.i18n import t
from orchexplorer.lang import Lang, detect_lang, parse_lang

COMMAND_MODULES = ("show", "validate", "search", "compare", "guide", "explain", "serve")


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error and exit status 2 (no usage dump)."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {clean(message)} (see '{self.prog} --help')\n")
        raise SystemExit(2)


class _CommandParser(_Parser):
    """A subcommand's parser whose module (so its arguments) is imported only when the
    command runs or shows its help: opening the app or running one command imports no other
    command (some import the comparison or guide logic)."""

    def __init__(self, *args: Any, module: ModuleType | str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._module: ModuleType | str | None = module or None
        if isinstance(module, ModuleType):
            self._load()

    def _load(self) -> None:
        module = self._module
        if module is None:
            return
        self._module = None
        if isinstance(module, str):
            import importlib

            module = importlib.import_module(f"orchexplorer.commands.{module}")
        self.description = module.HELP
        _add_common(self, suppress=True)
        module.add_arguments(self)
        self.set_defaults(_run=module.run)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        self._load()
        return super().parse_known_args(*args, **kwargs)

    def format_help(self) -> str:
        self._load()
        return super().format_help()

    def format_usage(self) -> str:
        self._load()
        return super().format_usage()


class _MainParser(_Parser):
    """The top-level parser; its help lists every command, so it imports them all."""

    def format_help(self) -> str:
        return build_parser(lazy=False)[0].format_help()


def _commands() -> list[ModuleType]:
    import importlib

    return [importlib.import_module(f"orchexplorer.commands.{n}") for n in COMMAND_MODULES]


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


def build_parser(lazy: bool = True) -> tuple[argparse.ArgumentParser, list[str]]:
    """The parser and the command names. `lazy`: a command's module is imported only when
    that command is used (see `_CommandParser`)."""
    parser = (_MainParser if lazy else _Parser)(
        prog="orchexplorer",
        description="Explore and compare the container tools and orchestrators of a content "
        "pack (the shipped one: Docker, Kubernetes and more; 'orchexplorer compare' with no "
        "tool lists them). With no command, opens the interactive explorer.",
    )
    parser.add_argument("--version", action="version", version=f"orchexplorer {__version__}")
    _add_common(parser, suppress=False)
    parser.add_argument("--tool", metavar="ID", help="open the app with this tool selected")
    parser.add_argument(
        "--compare",
        metavar="A,B,...",
        help="open the app on the comparison of these tools (two to four at once; "
        "'orchexplorer compare' prints a table of any number)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser)
    if lazy:
        for name in COMMAND_MODULES:
            sub.add_parser(name, module=name)
        return parser, list(COMMAND_MODULES)
    modules = _commands()
    for module in modules:
        sub.add_parser(module.NAME, help=module.HELP, module=module)
    return parser, [m.NAME for m in modules]


def _lang(args: argparse.Namespace) -> Lang:
    if args.lang is not None and parse_lang(args.lang) is None:
        raise CommandError(t("cli_bad_lang", "en", value=clean(str(args.lang))))
    from orchexplorer.config import load_config

    return detect_lang(args.lang, saved=load_config().lang)


def _run(argv: Sequence[str] | None) -> int:
    parser, names = build_parser()
    args = parser.parse_args(argv)
    lang = _lang(args)
    content = args.content
    if content is None and os.environ.get("ORCHEXPLORER_CONTENT"):
        content = Path(os.environ["ORCHEXPLORER_CONTENT"])
    ctx = Context(lang=lang, content=content)
    if args.command:
        code: int = args._run(args, ctx)
        return code
    return _open_app(args, ctx, names)


def _open_app(args: argparse.Namespace, ctx: Context, names: list[str]) -> int:
    pack = ctx.pack()  # a pack that fails validation never opens the app: exit 1
    # Under `orchexplorer serve` Textual's web driver talks over pipes, not a terminal.
    served = "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")
    if not served and not (sys.stdout.isatty() and sys.stdin.isatty()):
        raise CommandError(t("cli_not_tty", ctx.lang, commands=", ".join(names)))
    tool = ctx.tool(args.tool).id if args.tool else None
    compare: list[str] = []
    for name in (args.compare or "").split(","):
        if name.strip() and ctx.tool(name).id not in compare:
            compare.append(ctx.tool(name).id)
    from orchexplorer.compare_state import MAX_TOOLS

    if len(compare) > MAX_TOOLS:  # the app's columns; never trimmed silently
        raise CommandError(
            t(
                "cli_compare_max",
                ctx.lang,
                max=MAX_TOOLS,
                count=len(compare),
                tools=" ".join(compare),
            )
        )
    from orchexplorer.tui.app import run_app

    return run_app(pack, lang=ctx.lang, tool=tool, compare=compare)


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
