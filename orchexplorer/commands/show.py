"""`orchexplorer show TOOL`: one tool's overview, features, use cases, components, examples,
relations, conclusions and fact-checks, as text, Markdown or JSON; `--example ID` prints that
code alone. Every fact-check shows its source and the day it was checked, wherever it is
attached (the tool, a relation, a conclusion)."""

from __future__ import annotations

import argparse
from typing import Any

from orchexplorer.commands import CommandError, Context
from orchexplorer.i18n import Lang, t
from orchexplorer.model import Conclusion, Note, Pack, Relation, Tool
from orchexplorer.termtext import cell_width

NAME = "show"
HELP = "show one tool (overview, features, use cases, examples, notes)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "tool",
        help='tool id, alias or name (docker, k8s, "Docker Swarm", …); an unknown one '
        "lists the pack's tools",
    )
    parser.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help="output format"
    )
    parser.add_argument("--example", metavar="ID", help="print only this example's code")


def run(args: argparse.Namespace, ctx: Context) -> int:
    tool = ctx.tool(args.tool)
    if args.example is not None:
        example = tool.example(args.example)
        if example is None:
            known = ", ".join(e.id for e in tool.examples) or "-"
            raise CommandError(
                t("cli_unknown_example", ctx.lang, tool=tool.id, value=args.example, known=known)
            )
        if args.format == "json":
            ctx.write_json({"tool": tool.id, **example.model_dump(mode="json", exclude_none=True)})
        else:  # the code alone, so `> compose.yaml` gives a usable file
            ctx.write(example.code.rstrip("\n"))
        return 0
    pack = ctx.pack()
    if args.format == "json":
        ctx.write_json(tool_json(pack, tool))
    elif args.format == "markdown":
        ctx.write(render_markdown(pack, tool, ctx.lang))
    else:
        ctx.write(render_text(pack, tool, ctx.lang))
    return 0


def _conclusions(pack: Pack, tool: Tool) -> list[Conclusion]:
    return [c for c in pack.conclusions if tool.id in c.tools]


def tool_json(pack: Pack, tool: Tool) -> dict[str, Any]:
    data = tool.model_dump(mode="json", exclude_none=True)
    data["relations"] = [
        r.model_dump(mode="json", exclude_none=True) for r in pack.relations_of(tool.id)
    ]
    data["conclusions"] = [
        c.model_dump(mode="json", exclude_none=True) for c in _conclusions(pack, tool)
    ]
    return data


def _relation_line(pack: Pack, rel: Relation, lang: Lang) -> str:
    names = {tl.id: tl.name.get(lang) for tl in pack.tools}
    head = f"{names.get(rel.source, rel.source)} → {names.get(rel.target, rel.target)}"
    return f"{head}: {rel.text.get(lang)}"


def _checked(n: Note, lang: Lang) -> str:
    return f"{t('note_checked', lang)} {n.checked.isoformat()}"


def _note_lines(n: Note, lang: Lang, indent: str = "") -> list[str]:
    """A fact-check as text: status, the claim it corrects, what is true, source and date."""
    status = t("note_status_" + n.status, lang)
    if n.claim:
        lines = [
            f"• [{status}] {t('note_claim', lang)}: {n.claim.get(lang)}",
            f"  → {n.text.get(lang)}",
        ]
    else:
        lines = [f"• [{status}] {n.text.get(lang)}"]
    lines.append(f"  {n.source} ({_checked(n, lang)})")
    return [indent + line for line in lines]


def _note_md(n: Note, lang: Lang) -> str:
    claim = f"{t('note_claim', lang)}: {n.claim.get(lang)} → " if n.claim else ""
    return (
        f"*{t('note_status_' + n.status, lang)}* — {claim}{n.text.get(lang)} "
        f"([source]({n.source}), {_checked(n, lang)})"
    )


def render_text(pack: Pack, tool: Tool, lang: Lang) -> str:
    out: list[str] = []

    def heading(key: str) -> None:
        title = t(key, lang)
        out.extend(["", title, "─" * max(4, cell_width(title))])

    name = tool.name.get(lang)
    out.append(f"{name} — {tool.kind.get(lang)}")
    out.append(tool.tagline.get(lang))
    heading("sec_overview")
    out.append(tool.summary.get(lang))
    if tool.features:
        heading("sec_features")
        for f in tool.features:
            out.append(f"• {f.title.get(lang)}: {f.description.get(lang)}")
    if tool.use_cases:
        heading("sec_use_cases")
        for u in tool.use_cases:
            desc = f": {u.description.get(lang)}" if u.description else ""
            out.append(f"• {u.title.get(lang)}{desc}")
    if tool.components:
        heading("sec_components")
        for c in tool.components:
            out.append(f"• {c.name.get(lang)}: {c.description.get(lang)}")
    relations = pack.relations_of(tool.id)
    if relations:
        heading("sec_relations")
        for r in relations:
            out.append("• " + _relation_line(pack, r, lang))
            if r.note:
                out.append(f"  ⓘ {r.note.get(lang)}")
            for n in r.notes:
                out.extend(_note_lines(n, lang, indent="  "))
    conclusions = _conclusions(pack, tool)
    if conclusions:
        heading("sec_conclusions")
        for concl in conclusions:
            out.append(f"• {concl.text.get(lang)}")
            for n in concl.notes:
                out.extend(_note_lines(n, lang, indent="  "))
    if tool.examples:
        heading("sec_examples")
        for e in tool.examples:
            out.append(f"[{e.id}] {e.title.get(lang)} ({e.language})")
            if e.explanation:
                out.append(e.explanation.get(lang))
            out.extend("    " + line for line in e.code.rstrip("\n").splitlines())
            out.append("")
    if tool.notes:
        heading("sec_notes")
        for n in tool.notes:
            out.extend(_note_lines(n, lang))
    if tool.links:
        heading("sec_links")
        for link in tool.links:
            out.append(f"• {link.title.get(lang)}: {link.url}")
    return "\n".join(out).rstrip() + "\n"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(pack: Pack, tool: Tool, lang: Lang) -> str:
    out: list[str] = [
        f"# {tool.name.get(lang)}",
        "",
        f"*{tool.kind.get(lang)}* — {tool.tagline.get(lang)}",
        "",
        f"## {t('sec_overview', lang)}",
        "",
        tool.summary.get(lang),
    ]
    if tool.features:
        out += ["", f"## {t('sec_features', lang)}", ""]
        out += [f"- **{f.title.get(lang)}**: {f.description.get(lang)}" for f in tool.features]
    if tool.use_cases:
        out += ["", f"## {t('sec_use_cases', lang)}", ""]
        out += [
            f"- {u.title.get(lang)}" + (f": {u.description.get(lang)}" if u.description else "")
            for u in tool.use_cases
        ]
    if tool.components:
        out += ["", f"## {t('sec_components', lang)}", ""]
        out += [f"- **{c.name.get(lang)}**: {c.description.get(lang)}" for c in tool.components]
    relations = pack.relations_of(tool.id)
    if relations:
        out += ["", f"## {t('sec_relations', lang)}", ""]
        for r in relations:
            out.append("- " + _relation_line(pack, r, lang))
            if r.note:
                out.append(f"  - ⓘ {r.note.get(lang)}")
            out += [f"  - {_note_md(n, lang)}" for n in r.notes]
    conclusions = _conclusions(pack, tool)
    if conclusions:
        out += ["", f"## {t('sec_conclusions', lang)}", ""]
        for c in conclusions:
            out.append(f"- {c.text.get(lang)}")
            out += [f"  - {_note_md(n, lang)}" for n in c.notes]
    if tool.examples:
        out += ["", f"## {t('sec_examples', lang)}"]
        for e in tool.examples:
            out += ["", f"### {e.title.get(lang)}", ""]
            if e.explanation:
                out += [e.explanation.get(lang), ""]
            fence = "````" if "```" in e.code else "```"
            out += [fence + e.language, e.code.rstrip("\n"), fence]
    if tool.notes:
        out += ["", f"## {t('sec_notes', lang)}", ""]
        out += [f"- {_note_md(n, lang)}" for n in tool.notes]
    if tool.links:
        out += ["", f"## {t('sec_links', lang)}", ""]
        out += [f"- [{_md_escape(link.title.get(lang))}]({link.url})" for link in tool.links]
    return "\n".join(out) + "\n"
