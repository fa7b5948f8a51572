"""`orchexplorer compare TOOL TOOL [TOOL…]`: tools side by side over the pack's dimensions
(or its concepts, or the same app's examples), as a terminal table, Markdown or JSON.

Tools may be given as separate arguments or comma-separated, by id, alias ("k8s") or name.
A tool named twice is compared once; fewer than two different tools is an error (exit 2),
and naming none lists the pack's tools with an example to run. Any number of tools may be
compared here (the app shows at most `compare_state.MAX_TOOLS` at once).
"""

from __future__ import annotations

import argparse
import difflib
import shutil
from collections.abc import Callable, Sequence
from typing import Any

from orchexplorer.commands import CommandError, Context, clean
from orchexplorer.compare import (
    FALSE_FRIEND_MARK,
    LEVELS,
    ConceptMatrix,
    ExampleDiff,
    Matrix,
    TooFewToolsError,
    UnknownToolError,
    common_apps,
    compare_concepts,
    compare_tools,
    diff_example_set,
    level_label,
    pick_examples,
    resolve_tools,
)
from orchexplorer.i18n import Lang, t
from orchexplorer.termtext import cell_width, char_width

NAME = "compare"
HELP = "compare two or more tools side by side (dimensions, concepts or examples)"

DEFAULT_WIDTH = 100
MIN_WIDTH = 40
MISSING = "—"


def _t(key: str, lang: Lang, **values: object) -> str:
    """The command's strings live in i18n.STRINGS as `cmp_<key>` (shared with the TUI)."""
    return t("cmp_" + key, lang, **values)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "tools",
        nargs="*",
        metavar="TOOL",
        help="two or more tool ids, aliases or names (also comma-separated: compose,swarm); "
        "none lists the pack's tools",
    )
    parser.add_argument(
        "--format",
        choices=("table", "markdown", "json"),
        default="table",
        help="output format (default: table)",
    )
    parser.add_argument(
        "--only-differences",
        action="store_true",
        help="leave out the rows where every tool has the same value",
    )
    view = parser.add_mutually_exclusive_group()
    view.add_argument(
        "--concepts",
        action="store_true",
        help="compare how each tool names the same ideas instead of the dimensions",
    )
    view.add_argument(
        "--examples",
        action="store_true",
        help="show the tools' examples of the same app side by side, line by line",
    )
    parser.add_argument(
        "--app",
        metavar="APP",
        help="with --examples: the app whose examples to show, e.g. web-db "
        "(default: the one most of the tools have)",
    )
    parser.add_argument(
        "--width",
        type=int,
        metavar="COLUMNS",
        help=f"table width (default: the terminal's, or {DEFAULT_WIDTH})",
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    tool_ids = _tool_ids(args.tools, ctx)
    pack = ctx.pack()
    width = _table_width(args.width)
    try:
        if args.examples or args.app is not None:
            return _run_examples(ctx, tool_ids, args.app, args.format, width)
        if args.concepts:
            cmatrix = compare_concepts(pack, tool_ids, only_differences=args.only_differences)
            _emit(
                ctx, args.format, cmatrix, concepts_json, concepts_markdown, concepts_table, width
            )
        else:
            matrix = compare_tools(pack, tool_ids, only_differences=args.only_differences)
            _emit(ctx, args.format, matrix, matrix_json, matrix_markdown, matrix_table, width)
    except TooFewToolsError as exc:  # pragma: no cover - _tool_ids already checked
        raise CommandError(_t("too_few", ctx.lang, got=", ".join(exc.tool_ids) or "-")) from None
    return 0


def _emit(
    ctx: Context,
    fmt: str,
    data: Any,
    as_json: Callable[[Any, Lang], dict[str, Any]],
    as_markdown: Callable[[Any, Lang], str],
    as_table: Callable[[Any, Lang, int], str],
    width: int,
) -> None:
    if fmt == "json":
        ctx.write_json(as_json(data, ctx.lang))
    elif fmt == "markdown":
        ctx.write(as_markdown(data, ctx.lang).rstrip("\n"))
    else:
        ctx.write(as_table(data, ctx.lang, width).rstrip("\n"))


def _tool_ids(names: Sequence[str], ctx: Context) -> list[str]:
    pack = ctx.pack()
    if not any(name.strip(" ,") for name in names):
        raise CommandError(_no_tools(ctx))
    try:
        ids = resolve_tools(pack, names)
    except UnknownToolError as exc:
        ctx.tool(exc.name)  # raises the shared "unknown tool … Known tools: …" error
        raise CommandError(  # pragma: no cover - ctx.tool knows no more than resolve_tools
            t("cli_unknown_tool", ctx.lang, value=clean(exc.name), known=", ".join(exc.known))
        ) from None
    if len(ids) < 2:
        raise CommandError(_t("too_few", ctx.lang, got=", ".join(ids) or "-"))
    return ids


def _no_tools(ctx: Context) -> str:
    """Which tools there are, and a comparison to try: the pack's first named table (the
    source's own), else its first two tools."""
    pack = ctx.pack()
    example = next(
        (c.tools for c in pack.comparisons if all(pack.tool(tid) for tid in c.tools)),
        pack.tool_ids[:2],
    )
    known = ", ".join(pack.tool_ids)
    return _t("no_tools", ctx.lang, known=known, example=" ".join(example))


def _table_width(option: int | None) -> int:
    if option is not None:
        return max(MIN_WIDTH, option)
    columns = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return max(MIN_WIDTH, columns or DEFAULT_WIDTH)


# --------------------------------------------------------------------------------------
# Wrapping to display width (double-width Korean: orchexplorer.termtext)


def _split_at(word: str, width: int) -> tuple[str, str]:
    """The longest head of `word` that fits `width` (at least one character), and the rest."""
    used = 0
    for i, ch in enumerate(word):
        w = char_width(ch)
        if used + w > width and i > 0:
            return word[:i], word[i:]
        used += w
    return word, ""


def wrap(text: str, width: int) -> list[str]:
    """Word-wrap prose to `width` columns; words longer than a line are broken."""
    width = max(1, width)
    lines: list[str] = []
    for para in text.replace("\t", " ").split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        current, used = "", 0
        for word in words:
            w = cell_width(word)
            if current and used + 1 + w <= width:
                current, used = f"{current} {word}", used + 1 + w
                continue
            if current:
                lines.append(current)
            while cell_width(word) > width:
                head, word = _split_at(word, width)
                lines.append(head)
            current, used = word, cell_width(word)
        if current:
            lines.append(current)
    return lines


def hard_wrap(line: str, width: int) -> list[str]:
    """Break a code line at exactly `width` columns, keeping its spaces."""
    width = max(1, width)
    line = line.expandtabs(4)
    parts: list[str] = []
    while cell_width(line) > width:
        head, line = _split_at(line, width)
        parts.append(head)
    parts.append(line)
    return parts


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_width(text))


def _allocate(natural: list[int], total: int, minimum: int) -> list[int]:
    """Share `total` columns between columns wanting `natural` widths: a column that needs
    less than an equal share keeps its need and leaves the rest to the others."""
    widths = [0] * len(natural)
    left = list(range(len(natural)))
    remaining = total
    while left:
        share = max(minimum, remaining // len(left))
        small = [i for i in left if natural[i] <= share]
        if not small:
            for i in left:
                widths[i] = share
            break
        for i in small:
            widths[i] = max(minimum, natural[i])
            remaining -= widths[i]
            left.remove(i)
    return widths


_SEP = " │ "
_CROSS = "─┼─"


def _grid(
    header: list[str],
    rows: list[tuple[str, list[list[str]]]],
    width: int,
    breaks: frozenset[int] = frozenset(),
) -> list[str]:
    """A table of a marker column, a title column and one column per tool.

    `rows` are (marker, [title lines, cell lines per tool]); every cell is a list of
    paragraphs already cleaned for the terminal. Wraps each cell to its column. A double
    rule comes before the rows whose index is in `breaks`.
    """
    n = len(header)  # title + tools
    room = max(n * 6, width - 1 - len(_SEP) * n)
    title_natural = max(
        [cell_width(header[0])] + [cell_width(p) for _m, cells in rows for p in cells[0]]
    )
    title_w = min(title_natural, max(6, room // (n + 1)))
    natural = [
        max(
            [cell_width(header[c])]
            + [max((cell_width(p) for p in cells[c]), default=0) for _m, cells in rows]
        )
        for c in range(1, n)
    ]
    tool_ws = _allocate(natural, room - title_w, 6)
    widths = [title_w, *tool_ws]

    def line(marker: str, parts: list[str]) -> str:
        cols = [_pad(p, w) for p, w in zip(parts, widths, strict=True)]
        return (marker + _SEP + _SEP.join(cols)).rstrip()

    rule = ("─" + _CROSS + _CROSS.join("─" * w for w in widths)).rstrip()
    double = ("═" + "═╪═" + "═╪═".join("═" * w for w in widths)).rstrip()
    # A header wider than its column wraps (never cut: "Docker Compose" and "Docker Swarm"
    # must not both become "Docker…" when seven tools share a narrow terminal).
    heads = [wrap(h, w) or [""] for h, w in zip(header, widths, strict=True)]
    out = [
        line(" ", [h[k] if k < len(h) else "" for h in heads])
        for k in range(max(len(h) for h in heads))
    ]
    out.append(rule)
    for i, (marker, cells) in enumerate(rows):
        wrapped = [
            [ln for p in cell for ln in wrap(p, w)] for cell, w in zip(cells, widths, strict=True)
        ]
        height = max(len(c) for c in wrapped)
        for k in range(height):
            parts = [c[k] if k < len(c) else "" for c in wrapped]
            out.append(line(marker if k == 0 else " ", parts))
        if i < len(rows) - 1:
            out.append(double if i + 1 in breaks else rule)
    return out


def _fit(text: str, width: int) -> str:
    if cell_width(text) <= width:
        return text
    head, _rest = _split_at(text, max(1, width - 1))
    return head + "…"


# --------------------------------------------------------------------------------------
# Dimensions


def matrix_json(matrix: Matrix, lang: Lang) -> dict[str, Any]:
    """`{"tools": [...], "rows": [{"id", "title", "values", "levels", "notes", "differs"}]}`."""
    ids = matrix.tool_ids
    rows = []
    for row in matrix.rows:
        rows.append(
            {
                "id": row.id,
                "title": row.title(lang),
                "values": {
                    tid: (c.text.get(lang) if c is not None else None)
                    for tid, c in zip(ids, row.cells, strict=True)
                },
                "levels": {
                    tid: (c.level if c is not None else None)
                    for tid, c in zip(ids, row.cells, strict=True)
                },
                "notes": {
                    tid: (c.note.get(lang) if c is not None and c.note is not None else None)
                    for tid, c in zip(ids, row.cells, strict=True)
                },
                "note_sources": {
                    tid: {"url": c.source, "checked": str(c.checked)}
                    for tid, c in zip(ids, row.cells, strict=True)
                    if c is not None and c.source is not None
                },
                "differs": row.differs,
            }
        )
    return {"tools": ids, "rows": rows}


def _md_cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _md_table(header: list[str], body: list[list[str]]) -> list[str]:
    out = [
        "| " + " | ".join(f"**{_md_cell(h)}**" for h in header) + " |",
        "| " + " | ".join("---" for _ in header) + " |",
    ]
    for cells in body:
        first, *rest = cells
        out.append(
            "| " + " | ".join([f"**{_md_cell(first)}**", *(_md_cell(c) for c in rest)]) + " |"
        )
    return out


def matrix_markdown(matrix: Matrix, lang: Lang) -> str:
    """A GitHub table in the seed's shape: `| **특징** | **Docker** | **Kubernetes** |`."""
    header = [_t("col_feature", lang), *(tl.name.get(lang) for tl in matrix.tools)]
    body = [
        [row.title(lang), *(c.text.get(lang) if c is not None else MISSING for c in row.cells)]
        for row in matrix.rows
    ]
    return "\n".join(_md_table(header, body)) + "\n"


def matrix_table(matrix: Matrix, lang: Lang, width: int) -> str:
    if not matrix.rows:
        key = "no_differences" if matrix.only_differences else "no_rows"
        return _t(key, lang) + "\n"
    header = [_t("col_feature", lang), *(clean(tl.name.get(lang)) for tl in matrix.tools)]
    rows: list[tuple[str, list[list[str]]]] = []
    for row in matrix.rows:
        cells: list[list[str]] = [[clean(row.title(lang))]]
        for cell in row.cells:
            if cell is None:
                cells.append([MISSING])
                continue
            paras = []
            if cell.level is not None:
                paras.append(level_label(cell.level, lang))
            paras.extend(clean(cell.text.get(lang)).split("\n"))
            if cell.note is not None:
                paras.append("※ " + clean(cell.note.get(lang)))
                if cell.source is not None:
                    paras.append(
                        f"({t('note_checked', lang)} {cell.checked}: {clean(cell.source)})"
                    )
            cells.append(paras)
        rows.append(("≠" if row.differs else "=", cells))
    out: list[str] = []
    breaks: frozenset[int] = frozenset()
    if matrix.comparison is not None:
        out += [*wrap(clean(matrix.comparison.title.get(lang)), width), ""]
        # a double rule between the comparison's own rows and the other dimensions
        breaks = frozenset(
            i
            for i, row in enumerate(matrix.rows)
            if i and matrix.rows[i - 1].in_comparison and not row.in_comparison
        )
    out += _grid(header, rows, width, breaks)
    levels = "  ".join(info.label(lang) for info in LEVELS.values())
    out += _footer(matrix, lang, width, f"{_t('legend_differs', lang)}  ·  {levels}")
    return "\n".join(out) + "\n"


def _footer(matrix: Matrix | ConceptMatrix, lang: Lang, width: int, legend: str) -> list[str]:
    if matrix.only_differences:
        summary = _t("summary_only", lang, rows=len(matrix.rows))
    else:
        summary = _t("summary", lang, rows=len(matrix.rows), differ=matrix.differing)
    return ["", *wrap(summary, width), *wrap(legend, width)]


# --------------------------------------------------------------------------------------
# Concepts


def concepts_json(matrix: ConceptMatrix, lang: Lang) -> dict[str, Any]:
    """`{"tools": [...], "rows": [{"id", "title", "terms", "values", "differs"}]}`."""
    ids = matrix.tool_ids
    return {
        "tools": ids,
        "rows": [
            {
                "id": row.id,
                "title": row.title(lang),
                "terms": {
                    tid: (c.term if c is not None else None)
                    for tid, c in zip(ids, row.cells, strict=True)
                },
                "values": {
                    tid: (c.text.get(lang) if c is not None else None)
                    for tid, c in zip(ids, row.cells, strict=True)
                },
                "differs": row.differs,
                "false_friends": [
                    {"term": f.term, "difference": f.difference.get(lang)}
                    for f in row.false_friends
                ],
            }
            for row in matrix.rows
        ],
    }


def concepts_markdown(matrix: ConceptMatrix, lang: Lang) -> str:
    header = [_t("col_concept", lang), *(tl.name.get(lang) for tl in matrix.tools)]
    body = [
        [
            row.label(lang),
            *(f"`{c.term}` — {c.text.get(lang)}" if c is not None else MISSING for c in row.cells),
        ]
        for row in matrix.rows
    ]
    return "\n".join(_md_table(header, body) + _false_friend_lines(matrix, lang, "- ")) + "\n"


def _false_friend_lines(matrix: ConceptMatrix, lang: Lang, bullet: str = "") -> list[str]:
    """After a concept table: each false friend of its rows, one sentence each."""
    lines = [
        f"{bullet}{FALSE_FRIEND_MARK} {_t('false_friend', lang, term=f.term)}: "
        f"{f.difference.get(lang)}"
        for row in matrix.rows
        for f in row.false_friends
    ]
    return ["", *lines] if lines else []


def concepts_table(matrix: ConceptMatrix, lang: Lang, width: int) -> str:
    if not matrix.rows:
        key = "no_differences" if matrix.only_differences else "no_rows"
        return _t(key, lang) + "\n"
    header = [_t("col_concept", lang), *(clean(tl.name.get(lang)) for tl in matrix.tools)]
    rows: list[tuple[str, list[list[str]]]] = []
    for row in matrix.rows:
        cells: list[list[str]] = [[clean(row.label(lang))]]
        for cell in row.cells:
            if cell is None:
                cells.append([MISSING])
            else:
                cells.append([clean(cell.term), *clean(cell.text.get(lang)).split("\n")])
        rows.append(("≠" if row.differs else "=", cells))
    out = _grid(header, rows, width)
    out += _footer(matrix, lang, width, _t("legend_differs", lang))
    for line in _false_friend_lines(matrix, lang):
        out += wrap(clean(line), width) if line else [""]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------
# Examples

_TAG_MARK = {"equal": " ", "replace": "~", "delete": "-", "insert": "+"}


def _run_examples(ctx: Context, tool_ids: list[str], app: str | None, fmt: str, width: int) -> int:
    pack = ctx.pack()
    apps = common_apps(pack, tool_ids)
    if app is not None:
        if app.strip().lower() not in apps:
            raise CommandError(
                _t("unknown_app", ctx.lang, value=clean(app), known=", ".join(apps) or "-")
            )
        app = app.strip().lower()
    elif apps:
        app = apps[0]
    examples = pick_examples(pack, tool_ids, app) if app else []
    if len(examples) < 2:
        raise CommandError(_t("no_examples", ctx.lang), code=1)
    diffs = diff_example_set(examples)
    if fmt == "json":
        ctx.write_json(examples_json(diffs, tool_ids, app or ""))
    elif fmt == "markdown":
        ctx.write(examples_markdown(diffs, ctx.lang).rstrip("\n"))
    else:
        ctx.write(examples_table(diffs, ctx.lang, width).rstrip("\n"))
    return 0


def examples_json(
    diffs: Sequence[ExampleDiff], tool_ids: Sequence[str], app: str
) -> dict[str, Any]:
    return {
        "tools": list(tool_ids),
        "app": app,
        "diffs": [
            {
                "left": {"tool": d.left.tool.id, "example": d.left.example.id},
                "right": {"tool": d.right.tool.id, "example": d.right.example.id},
                "ratio": round(d.ratio, 4),
                "rows": [
                    {
                        "tag": r.tag,
                        "left": r.left,
                        "right": r.right,
                        "left_no": r.left_no,
                        "right_no": r.right_no,
                    }
                    for r in d.rows
                ],
            }
            for d in diffs
        ],
    }


def _example_heading(diff: ExampleDiff, lang: Lang) -> str:
    left, right = diff.left, diff.right
    return (
        f"{left.tool.name.get(lang)} `{left.example.id}` → "
        f"{right.tool.name.get(lang)} `{right.example.id}` "
        f"({_t('similarity', lang)} {round(diff.ratio * 100)}%)"
    )


def examples_markdown(diffs: Sequence[ExampleDiff], lang: Lang) -> str:
    out: list[str] = []
    for diff in diffs:
        left, right = diff.left.example, diff.right.example
        lines = list(
            difflib.unified_diff(
                left.code.splitlines(),
                right.code.splitlines(),
                fromfile=f"{diff.left.tool.id}/{left.filename or left.id}",
                tofile=f"{diff.right.tool.id}/{right.filename or right.id}",
                lineterm="",
                n=len(left.code.splitlines()) + len(right.code.splitlines()),
            )
        )
        fence = "````" if any("```" in ln for ln in lines) else "```"
        out += [f"### {_example_heading(diff, lang)}", "", fence + "diff", *lines, fence, ""]
    return "\n".join(out)


def examples_table(diffs: Sequence[ExampleDiff], lang: Lang, width: int) -> str:
    out: list[str] = []
    for diff in diffs:
        if out:
            out.append("")
        out += wrap(clean(_example_heading(diff, lang)).replace("`", ""), width)
        rows = diff.rows
        num_w = len(str(max((max(r.left_no or 0, r.right_no or 0) for r in rows), default=1)))
        # "M NN code │ NN code": 2 + (num_w + 1) + side + 3 + (num_w + 1) + side columns
        side = max(8, (width - 7 - 2 * num_w) // 2)
        titles = [
            _fit(clean(f"{side_.tool.id}/{side_.example.filename or side_.example.id}"), side)
            for side_ in (diff.left, diff.right)
        ]
        blank = " " * num_w
        out.append(f"  {blank} {_pad(titles[0], side)}{_SEP}{blank} {titles[1]}".rstrip())
        out.append("─" * (2 * side + 2 * num_w + 7))
        for r in rows:
            lparts = hard_wrap(clean(r.left), side) if r.left is not None else [""]
            rparts = hard_wrap(clean(r.right), side) if r.right is not None else [""]
            for k in range(max(len(lparts), len(rparts))):
                lno = str(r.left_no) if k == 0 and r.left_no is not None else ""
                rno = str(r.right_no) if k == 0 and r.right_no is not None else ""
                ltext = lparts[k] if k < len(lparts) else ""
                rtext = rparts[k] if k < len(rparts) else ""
                mark = _TAG_MARK[r.tag] if k == 0 else " "
                left_part = f"{mark} {lno:>{num_w}} {_pad(ltext, side)}"
                out.append(f"{left_part}{_SEP}{rno:>{num_w}} {rtext}".rstrip())
        if diff.changed == 0:
            out.append(_t("no_changes", lang))
    out.append("")
    out.append(_t("legend_diff", lang))
    return "\n".join(out) + "\n"
