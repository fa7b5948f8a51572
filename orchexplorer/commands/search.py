"""`orchexplorer search QUERY...`: ranked hits over every tool, feature, use case, example,
comparison row, concept, relation and note of the pack, and its Compose keys, command
mappings (`docker logs` beside `kubectl logs`) and false friends, in plain text or JSON.
Those last three belong to no tool: their lines show `-` for the tool, like a whole
comparison row.

The search module (and rapidfuzz) is imported only when the command runs, so building the
parser for other commands stays cheap.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from orchexplorer.commands import CommandError, Context, clean
from orchexplorer.i18n import t
from orchexplorer.kinds import KINDS

NAME = "search"
HELP = "search tools, features, examples, notes and commands (Korean or English)"

KIND_CHOICES = KINDS
DEFAULT_LIMIT = 10


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query",
        nargs="+",
        help="words to look for (Korean or English); 'swarm:rolling' or 'k8s,swarm:secret' "
        "look only in those tools",
    )
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")
    parser.add_argument(
        "--limit",
        type=_positive,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most N hits (default {DEFAULT_LIMIT})",
    )
    parser.add_argument("--tool", metavar="ID", help="only hits about this tool")
    parser.add_argument("--kind", choices=KIND_CHOICES, help="only hits of this kind")


def _resolver(ctx: Context) -> Callable[[str], str | None]:
    def resolve(word: str) -> str | None:
        try:
            return ctx.tool_id(word)
        except CommandError:
            return None

    return resolve


def run(args: argparse.Namespace, ctx: Context) -> int:
    from orchexplorer.search import split_scope

    index = ctx.search_index()  # from the pack cache when it is current: no pack loaded
    tools = [ctx.tool_id(args.tool)] if args.tool is not None else []
    # A scope in the query: `swarm:rolling`, `k8s,swarm:secret` (with --tool: both count).
    scoped = split_scope(" ".join(args.query), _resolver(ctx))
    if scoped.unknown:
        raise CommandError(
            t(
                "cli_unknown_scope",
                ctx.lang,
                value=clean(", ".join(scoped.unknown)),
                known=", ".join(index.tool_ids),
            )
        )
    tools += [x for x in scoped.tools if x not in tools]
    hits = index.search_tools(scoped.text, tools, limit=args.limit, kind=args.kind)
    if args.json:
        ctx.write_json([hit.to_json(ctx.lang) for hit in hits])
        return 0
    if not hits:
        return 0
    tool_width = max(len(hit.tool or "-") for hit in hits)
    kind_width = max(len(hit.kind) for hit in hits)
    lines = []
    for hit in hits:
        title = " ".join(hit.title.get(ctx.lang).split())
        snippet = hit.snippet.get(ctx.lang)
        text = f"{title} — {snippet}" if snippet and snippet != title else title
        lines.append(f"{hit.tool or '-':<{tool_width}}  {hit.kind:<{kind_width}}  {text}")
    ctx.write("\n".join(lines))
    return 0
