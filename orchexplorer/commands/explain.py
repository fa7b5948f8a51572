"""`orchexplorer explain FILE`: what Docker Swarm, Kubernetes (or any tools of the pack) make
of each key of your own Compose file, from the pack's portability matrix, with the file's
line numbers: what is ignored, what has no equivalent, what is partial, what to use instead.

The file is read by the pack's own safe loader (no tags, bounded aliases, duplicate keys
refused, every error `path:line:col`). It explains; it converts nothing. Exit 0 when the file
was read (findings are not errors), 1 when it is not a Compose file, 2 for a usage error.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from orchexplorer.commands import CommandError, Context, clean
from orchexplorer.i18n import Lang, t
from orchexplorer.model import KeySupport, Pack, PortLevel
from orchexplorer.portability import PORT_LEVELS, inherited_label, port_label
from orchexplorer.termtext import cell_width

if TYPE_CHECKING:
    from orchexplorer.explain import Explanation, KeyFinding, Place

NAME = "explain"
HELP = (
    "explain what other tools (by default Swarm and Kubernetes; --target any of the pack) "
    "make of each key of your Compose file"
)

DEFAULT_TARGETS = "swarm,kubernetes"
FORMATS = ("text", "markdown", "json")
NO_SERVICE = "—"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="your Compose file (compose.yaml, …)")
    parser.add_argument(
        "--target",
        metavar="A,B",
        default=DEFAULT_TARGETS,
        help=f"tools to explain it for: ids, aliases or names (default: {DEFAULT_TARGETS})",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format")
    parser.add_argument(
        "--all",
        action="store_true",
        help="also list the keys every target supports as written (JSON always lists them)",
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    targets = _targets(args.target, ctx)
    pack = ctx.pack()
    from orchexplorer.explain import ComposeFileError, explain
    from orchexplorer.loader import PackError, Problem, read_yaml_file

    try:
        doc = read_yaml_file(args.file, ctx.lang, merge_keys=True)
        explanation = explain(doc, pack, targets)
    except PackError as exc:
        raise CommandError([clean(str(e)) for e in exc.errors], code=1) from None
    except ComposeFileError as exc:
        problem = Problem(args.file, exc.line, exc.col, t(exc.message, ctx.lang, **exc.values))
        raise CommandError(clean(str(problem)), code=1) from None
    if args.format == "json":
        ctx.write_json(explanation_json(explanation, pack, ctx.lang))
    elif args.format == "markdown":
        ctx.write(render_markdown(explanation, pack, ctx.lang, args.all).rstrip("\n"))
    else:
        ctx.write(render_text(explanation, pack, ctx.lang, args.all).rstrip("\n"))
    return 0


def _targets(value: str, ctx: Context) -> list[str]:
    """Tool ids for `--target`, by id, alias or name, in the order given, each once."""
    ids: list[str] = []
    for name in value.split(","):
        if name.strip():
            tool_id = ctx.tool(name).id  # an unknown one: exit 2 naming the known ids
            if tool_id not in ids:
                ids.append(tool_id)
    if not ids:
        raise CommandError(t("explain_no_target", ctx.lang, known=", ".join(ctx.pack().tool_ids)))
    return ids


# --------------------------------------------------------------------------------------
# shared pieces


def _name(pack: Pack, tool_id: str, lang: Lang) -> str:
    tool = pack.tool(tool_id)
    return tool.name.get(lang) if tool is not None else tool_id


def _label(level: PortLevel | None, lang: Lang) -> str:
    """'⊘ ignored', …; '? no information' where the matrix has no cell for the tool."""
    return port_label(level, lang) if level is not None else "? " + t("explain_no_cell", lang)


def _cell_lines(finding: KeyFinding, tool: str, pack: Pack, lang: Lang) -> list[str]:
    """What a tool does with a key: its level (and equivalent, and "(as Kubernetes)" for a
    cell shown from the tool it implements); where it is not supported as written, how it
    behaves there and what to use instead."""
    cell: KeySupport | None = finding.support(tool)
    if cell is None:
        return [_label(None, lang)]
    lines = [_label(cell.level, lang) + (f" — {cell.equivalent}" if cell.equivalent else "")]
    source = finding.inherited_from(tool)
    if source is not None:
        lines[0] += f" ({inherited_label(pack, source, lang)})"
    if cell.level != "supported":
        if cell.text is not None:
            lines.append(cell.text.get(lang))
        if cell.workaround is not None:
            lines.append(f"{t('port_workaround', lang)}: {cell.workaround.get(lang)}")
    return lines


def _service(place: Place) -> str:
    return place.service if place.service is not None else NO_SERVICE


def _others(explanation: Explanation, lang: Lang) -> list[tuple[str, tuple[Place, ...]]]:
    """The keys without a finding, under their titles: not in the matrix, extension fields."""
    sections = [
        (t("explain_unknown", lang, count=len(explanation.unknown)), explanation.unknown),
        (t("explain_extensions", lang, count=len(explanation.extensions)), explanation.extensions),
    ]
    return [(title, places) for title, places in sections if places]


def _key(finding: KeyFinding) -> str:
    """The key as written, with the matrix's key when it is not the same (`depends_on.db.
    condition` is explained by `depends_on.condition`)."""
    key, matrix_key = finding.place.key, finding.entry.key
    return key if key == matrix_key else f"{key} ({matrix_key})"


def _heading(explanation: Explanation, pack: Pack, lang: Lang) -> str:
    return t(
        "explain_head",
        lang,
        file=explanation.file,
        count=len(explanation.services),
        names=", ".join(explanation.services) or "-",
        targets=", ".join(_name(pack, tool, lang) for tool in explanation.targets),
    )


def _summary(explanation: Explanation, pack: Pack, lang: Lang) -> str:
    parts = []
    for tool in explanation.targets:
        counts = explanation.counts(tool)
        levels: list[PortLevel | None] = [*PORT_LEVELS, None]
        shown = [f"{_label(level, lang)} {counts[level]}" for level in levels if level in counts]
        parts.append(f"{_name(pack, tool, lang)}: {', '.join(shown) or '-'}")
    return " · ".join(parts)


def _groups(findings: list[KeyFinding]) -> list[tuple[str | None, list[KeyFinding]]]:
    """Findings by service, the top level first, then the services in file order."""
    groups: dict[str | None, list[KeyFinding]] = {None: []}
    for finding in findings:
        groups.setdefault(finding.place.service, []).append(finding)
    return [(service, items) for service, items in groups.items() if items]


def _where(place: Place) -> str:
    return f"{place.line}:{place.column}" if place.line else "-"


def _trailer(explanation: Explanation, pack: Pack, lang: Lang, everything: bool) -> list[str]:
    out = [_summary(explanation, pack, lang)]
    hidden = len(explanation.findings) - len(explanation.listed(everything))
    if hidden:
        out.append(t("explain_all_supported", lang, count=hidden))
    if not explanation.has_matrix:
        out.append(t("explain_no_matrix", lang))
    out.append(t("explain_note", lang))
    return out


# --------------------------------------------------------------------------------------
# text


def render_text(explanation: Explanation, pack: Pack, lang: Lang, everything: bool = False) -> str:
    listed = explanation.listed(everything)
    names = {tool: _name(pack, tool, lang) for tool in explanation.targets}
    name_width = max(cell_width(n) for n in names.values())
    places = [f.place for f in listed] + list(explanation.unknown) + list(explanation.extensions)
    where_width = max((len(_where(p)) for p in places), default=0)
    indent = " " * (2 + where_width + 2)
    out = [_heading(explanation, pack, lang)]
    for service, findings in _groups(listed):
        title = (
            t("explain_top", lang) if service is None else t("explain_service", lang, name=service)
        )
        out += ["", title]
        for finding in findings:
            out.append(f"  {_where(finding.place):<{where_width}}  {_key(finding)}")
            for tool in explanation.targets:
                name = names[tool]
                first, *more = _cell_lines(finding, tool, pack, lang)
                out.append(f"{indent}{name}{' ' * (name_width - cell_width(name))}  {first}")
                out += [f"{indent}{' ' * (name_width + 2)}{line}" for line in more]
    for title, others in _others(explanation, lang):
        out += ["", title]
        out += [f"  {_where(p):<{where_width}}  {_service(p)}  {p.key}" for p in others]
    if not explanation.findings and not explanation.unknown and not explanation.extensions:
        out += ["", t("explain_nothing", lang)]
    return "\n".join([*out, "", *_trailer(explanation, pack, lang, everything)]) + "\n"


# --------------------------------------------------------------------------------------
# markdown


def _md(text: str) -> str:
    """Text safe in a Markdown table cell: backslashes and pipes escaped, one line."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join("---" for _ in header) + " |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def render_markdown(
    explanation: Explanation, pack: Pack, lang: Lang, everything: bool = False
) -> str:
    line, service_col, key_col = (
        t("explain_col_line", lang),
        t("explain_col_service", lang),
        t("port_col_key", lang),
    )
    out = [f"# {_md(explanation.file)}", "", _md(_heading(explanation, pack, lang))]
    listed = explanation.listed(everything)
    if listed:
        header = [line, service_col, key_col] + [
            _md(_name(pack, tool, lang)) for tool in explanation.targets
        ]
        rows = [
            [
                _where(f.place),
                _md(_service(f.place)),
                _md(_key(f)),
                *(
                    "<br>".join(_md(line) for line in _cell_lines(f, tool, pack, lang))
                    for tool in explanation.targets
                ),
            ]
            for f in listed
        ]
        out += ["", *_md_table(header, rows)]
    for title, others in _others(explanation, lang):
        rows = [[_where(p), _md(_service(p)), _md(p.key)] for p in others]
        out += ["", f"## {_md(title)}", "", *_md_table([line, service_col, key_col], rows)]
    out.append("")
    out += [_md(text) + "  " for text in _trailer(explanation, pack, lang, everything)]
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------------------
# json


def _place_json(place: Place) -> dict[str, Any]:
    return {"service": place.service, "key": place.key, "line": place.line, "column": place.column}


def explanation_json(explanation: Explanation, pack: Pack, lang: Lang) -> dict[str, Any]:
    """Every finding, one per key and target, texts in `lang`; supported ones included."""

    def text(value: Any) -> str | None:
        return None if value is None else str(value.get(lang))

    findings = []
    for finding in explanation.findings:
        for tool in explanation.targets:
            cell = finding.support(tool)
            findings.append(
                {
                    **_place_json(finding.place),
                    "matrix_key": finding.entry.key,
                    "matrix_id": finding.entry.id,
                    "tool": tool,
                    "level": None if cell is None else cell.level,
                    "equivalent": None if cell is None else cell.equivalent,
                    "workaround": None if cell is None else text(cell.workaround),
                    "text": None if cell is None else text(cell.text),
                    "inherited_from": finding.inherited_from(tool),
                }
            )
    return {
        "file": explanation.file,
        "lang": lang,
        "targets": list(explanation.targets),
        "services": list(explanation.services),
        "findings": findings,
        "unknown_keys": [_place_json(p) for p in explanation.unknown],
        "extension_fields": [_place_json(p) for p in explanation.extensions],
        "summary": {
            tool: {level or "unknown": n for level, n in explanation.counts(tool).items()}
            for tool in explanation.targets
        },
        "note": t("explain_note", lang),
    }
