"""BENCHMARKS.md from the figures of a run (`bench.py`), and a run compared with an earlier one.

`render(results, before=None)` takes what `bench.py` measured (the dictionary it also saves
with `--json FILE`) and returns the Markdown: the figures, the targets, a before → after
table when `before` (an earlier run's dictionary) is given, and the method. Everything the
file says is written here, so a new run rewrites the whole file consistently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: What a first paint must not exceed, as a multiple of the bare Textual app's (shipped
#: pack), and the same for the memory at first paint.
PAINT_TARGET = 1.2
MEMORY_TARGET = 1.3

COMMAND_BEFORE = (
    "python benchmarks/bench.py --label before-code-health "
    "--json benchmarks/results/before-code-health.json"
)
COMMAND_AFTER = (
    "python benchmarks/bench.py --label after-code-health "
    "--json benchmarks/results/after-code-health.json "
    "--compare benchmarks/results/before-code-health.json"
)

METHOD = f"""\
## Method

Run `python benchmarks/bench.py` from the checkout to measure, with its `orchexplorer`
importable (`pip install -e .`, or `PYTHONPATH=$PWD`); the report names the code it
measured (its directory and the last commit that changed `orchexplorer/` or `content/`).
It rewrites this file. `--sizes shipped,10k` measures some sizes, `--quick` does 3 runs of
everything instead of 7, `--json FILE` also saves the figures (and the report beside them,
as `FILE` with `.md`), `--compare EARLIER.json` adds a before → after table against a saved
run, and `--render FILE.json [--compare EARLIER.json]` writes the report again from saved
figures without measuring anything. A full run takes 6 to 10 minutes on this machine.

Before and after a change (the code-health change was measured so), run once on the code
before it:

```sh
{COMMAND_BEFORE}
```

and once on the code after it, in one command that also writes the comparison here:

```sh
{COMMAND_AFTER}
```

Packs: the shipped pack, and synthetic packs written by
`benchmarks/synthetic.py` (`--write-pack DIR --tools T --features N`): T tools sharing N
features, both languages, text as long as the shipped pack's (a feature's description is
about 140 characters in English and 80 in Korean, with about 10 keywords), made-up product
names so that the vocabulary grows with the pack, 24 comparison dimensions with a cell for
every tool (4 of them for half the tools), 6 concepts, relations, a comparison table.
Sizes: 1k features over 20 tools, 10k over 100, 50k over 200.

Every figure comes from fresh processes started by the script, with bytecode compiled (as
after `pip install`), settings and the pack cache in temporary directories:

- **load from YAML**: `load_pack(DIR)` with the cache off (parse every file, validate,
  check references). **load from cache**: the same call when the cache holds the pack
  (compare the files' status with the entry's, read the entry and check it, decode the
  pack in the format `orchexplorer/cache.py` writes, check references); the format and the
  size of the entry on disk are in the figures. The pack is written a few seconds before,
  so its files count as settled, as a user's do. Median of the runs in one process.
- **index build**: `SearchIndex(pack)`. **index from cache**: `cached_index(DIR)` (the
  same check of the files, read the entry). Median of the runs.
- **search p50 / p95**: every query of the fixed set (below), each run 20 times on a built
  index; a run is `search(query, limit=20)` plus reading every hit's snippet. **first
  query p95**: the first run of each query on an index just read from the cache (its
  lazily decoded tables included).
- **compare**: `compare_tools` for the first two tools, and for all the tools. Median.
- **peak memory**: `ru_maxrss` of a fresh process that loads the pack, gets its index,
  searches once and compares two tools, from the cache (warm) and with the cache off (cold).
  The script's own process stays small (packs are written by a child), because a child's
  `ru_maxrss` starts from its parent's size at the fork.
- **command line**: wall time of `orchexplorer [--content DIR] search rolling update`
  started as a subprocess, median of the runs, with the cache warm, and with the cache
  off; beside it `python -c "import pydantic, yaml"` measured in the same run.
- **first paint**: the program is started in a pseudo-terminal of 100×30 (`TERM=
  xterm-256color`); the clock runs from just before the process is spawned until the
  terminal has received the first screen's text (the Overview tab, the footer's Quit, the
  first tool's name and the start of its tagline). Then `q` is sent and `ru_maxrss` of the
  exited process is read. Nothing in the product is patched: `orchexplorer --lang en
  [--content DIR]` is run as a user would. Median of the runs.
- **the bare Textual app** (`benchmarks/bare_app.py`), the baseline of the first paint
  and its memory: what Textual alone costs to draw the same first screen. Before timing,
  the script runs orchexplorer headless at 100×30 and reads the text of its first screen;
  the bare app draws that text with the same kind of widgets, and nothing else: a `Header`
  (title and sub-title); a sidebar `OptionList` 26 columns wide with one two-line option
  per tool of the pack (4 for the shipped pack, 200 for 50k); a `TabbedContent` with the
  same five tabs, where only the visible one, Overview, has content: a `VerticalScroll` of
  `Static`s, as many as orchexplorer's Overview of the first tool has and with the same
  text (title, summary, section headings, items and notes), while the four hidden tabs
  hold what orchexplorer's hold until first opened (an empty `Static` and an empty
  `OptionList` each; Examples also an empty scrolling pane with two empty `Static`s); and
  a `Footer` with the same keys, shown and hidden.
  No orchexplorer code, no content model, YAML or pydantic: it reads the text from a JSON
  file. It waits for the same markers, and the script checks, headless, that it draws a
  screen identical in text to orchexplorer's (the "same screen" row). So the ratio is what
  orchexplorer adds to Textual for the same screen: the content model, loading the pack,
  its own code and styles. (An earlier baseline also filled the hidden tabs with
  Markdown, lists and a DataTable: it drew more than orchexplorer and made the ratio look
  better than it was. Both runs of the code-health change use this one.) The bare app
  and orchexplorer are started alternately, so that both see the same machine load; the
  first of each is a warm-up.
  The figures are medians; "each pair" gives the lowest and highest ratio of one bare
  paint to the orchexplorer paint right after it, a measure of how much the load moved.
- **sidebar step** and **search typing** (Textual's `run_test` at 120×40, headless, the
  pack loaded from the cache and frozen out of the garbage collector's sight as `run_app`
  does): the time for the app to handle `↓` in the sidebar (the next tool's open tab
  filled, laid out and drawn), and for the search screen to handle one typed character
  of `rolling update`; and the time until the results for what was typed are on screen
  (search runs in a thread worker, on an index read from the cache). Median and maximum.
  **longest UI stall while typing**: while those characters are typed and their results
  shown, a task on the app's event loop asks to wake every millisecond and records how
  late it wakes; the 99th percentile and the maximum of that lateness are the longest
  stretches in which the UI thread could not draw or take a key. The shipped pack's
  figure is what Textual itself needs to draw the results; a large pack must not add
  more than one frame (16.7 ms at 60 frames per second) to it. **comparison**: from `c`
  in the explorer until the comparison screen is drawn; a tool added (`a`, the chooser
  drawn with every tool not compared yet, Enter, the grid redrawn) and removed again
  (`x`), median and maximum.

The machine is shared and noisy (2 cores; other work runs beside the benchmark): medians
of several runs, and ratios measured in the same run, are what to read. The load averages
(as `uptime` shows them) before, during and after the run are written at the top; a
figure from a run under a higher load is slower for that reason alone, so compare two
runs' ratios rather than their absolute times when their loads differ. Timings are never
asserted in tests (tests check that the synthetic pack validates and that search and
compare answer correctly on it).
"""


# ======================================================================================
# formatting


def _ms(seconds: float | None) -> str:
    if seconds is None or seconds != seconds:
        return "—"
    return f"{seconds * 1000:.2f} ms" if seconds < 0.01 else f"{seconds * 1000:.0f} ms"


def _mb(kb: float | None) -> str:
    return "—" if kb is None else f"{kb / 1024:.0f} MB"


def _ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or not b:
        return "—"
    return f"{a / b:.2f}×"


def _div(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or not b else a / b


def _load(triple: list[float] | None) -> str:
    return "—" if not triple else ", ".join(f"{x:.2f}" for x in triple)


# ======================================================================================
# the figures: one row per figure, one column per size


def _figure_rows(
    shipped: dict[str, Any] | None,
) -> list[tuple[str, Callable[[dict[str, Any]], str]]]:
    def both(a: str, b: str, fmt: Callable[[Any], str] = _ms) -> Callable[[dict[str, Any]], str]:
        return lambda e: f"{fmt(e.get(a))} / {fmt(e.get(b))}"

    return [
        ("documents indexed / vocabulary", lambda e: f"{e['documents']:,} / {e['vocabulary']:,}"),
        ("load from YAML (parse, validate, check)", lambda e: _ms(e["load_yaml"])),
        ("load from cache (check, read, decode, check refs)", lambda e: _ms(e["load_cache"])),
        (
            "pack cache entry (format, size on disk)",
            lambda e: (
                f"{e['cache_format']}, {e['cache_pack_bytes'] / 1e6:.2f} MB"
                if e.get("cache_pack_bytes") is not None
                else "—"
            ),
        ),
        ("index build", lambda e: _ms(e["index_build"])),
        ("index from cache", lambda e: _ms(e["index_cache"])),
        ("search p50", lambda e: _ms(e["search_p50"])),
        ("search p95", lambda e: _ms(e["search_p95"])),
        ("search, first query p95", lambda e: _ms(e["search_first_p95"])),
        ("compare 2 tools", lambda e: _ms(e["compare_two"])),
        ("compare all tools", lambda e: f"{_ms(e['compare_all'])} ({e['compare_rows']} rows)"),
        ("peak memory, from cache", lambda e: _mb(e["rss_warm_kb"])),
        ("peak memory, cache off", lambda e: _mb(e["rss_cold_kb"])),
        ("`search` command, cache warm", lambda e: _ms(e["cli_warm"])),
        ("`search` command, cache off", lambda e: _ms(e["cli_cold"])),
        ("first paint", lambda e: _ms(e.get("paint"))),
        ("bare Textual app, same screen, same run", lambda e: _ms(e.get("bare_paint"))),
        ("first paint ÷ bare app", lambda e: _ratio(e.get("paint"), e.get("bare_paint"))),
        ("first paint ÷ bare app, each pair (lowest to highest)", _pair_ratios),
        (
            "first paint ÷ shipped pack's",
            lambda e: _ratio(e.get("paint"), shipped.get("paint")) if shipped else "—",
        ),
        ("app memory at first paint", lambda e: _mb(e.get("paint_rss_kb"))),
        ("bare app memory at first paint", lambda e: _mb(e.get("bare_rss_kb"))),
        ("app memory ÷ bare app's", lambda e: _ratio(e.get("paint_rss_kb"), e.get("bare_rss_kb"))),
        (
            "bare app: same screen as orchexplorer's (sidebar rows, Overview blocks)",
            lambda e: (
                "—"
                if "same_screen" not in e
                else f"{'yes' if e['same_screen'] else 'NO'} ({e['screen_rows']}, "
                f"{e['screen_blocks']})"
            ),
        ),
        ("sidebar step (median / max)", both("sidebar_step", "sidebar_step_max")),
        ("search: key handled (median / max)", both("type_key", "type_key_max")),
        ("search: results shown (median / max)", both("type_ready", "type_ready_max")),
        ("comparison opened (`c`)", lambda e: _ms(e.get("compare_open"))),
        (
            "comparison: tool added with `a` + Enter (median / max)",
            both("compare_add", "compare_add_max"),
        ),
        ("comparison: tool removed (`x`)", lambda e: _ms(e.get("compare_remove"))),
        (
            "command palette: first key (builds the commands) / each next key (median / max)",
            lambda e: (
                f"{_ms(e.get('palette_first'))} / {_ms(e.get('palette_key'))} / "
                f"{_ms(e.get('palette_key_max'))}"
            ),
        ),
        (
            "search: longest UI stall while typing (p99 / max)",
            both("type_lag_p99", "type_lag_max"),
        ),
    ]


def _pair_ratios(e: dict[str, Any]) -> str:
    """The spread of the ratio over the pairs of first paints (the bare app's, then
    orchexplorer's right after it): how much the machine's load moved the figure."""
    app, bare = e.get("paint_samples") or [], e.get("bare_paint_samples") or []
    pairs = [a / b for a, b in zip(app, bare, strict=True)]
    return f"{min(pairs):.2f}× to {max(pairs):.2f}×" if pairs else "—"


def _table(
    sizes: dict[str, dict[str, Any]], rows: list[tuple[str, Callable[[dict[str, Any]], str]]]
) -> list[str]:
    names = list(sizes)
    head = "| | " + " | ".join(
        f"{n} ({sizes[n]['tools']} tools, {sizes[n]['features']:,} features)" for n in names
    )
    lines = [head + " |", "| --- |" + " --- |" * len(names)]
    for label, fn in rows:
        cells = [fn(sizes[n]) for n in names]
        if any(c != "—" for c in cells):  # a figure an earlier version did not record
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def _about(results: dict[str, Any]) -> str:
    """Who, what, where: the run's label, the code measured, the machine and its load."""
    label = f" (`{results['label']}`)" if results.get("label") else ""
    code = results.get("code") or {}
    during = results.get("load_during") or []
    span = (
        f"{min(during):.2f} to {max(during):.2f} (median {sorted(during)[len(during) // 2]:.2f})"
        if during
        else "—"
    )
    return (
        f"Generated by `python benchmarks/bench.py` on {results.get('date', '?')}{label}: "
        f"{results.get('machine', '?')}. Code measured: `{code.get('path', '?')}`, last "
        f"changed in commit {code.get('commit', '?')}{code.get('dirty', '')}. "
        f"{results['runs']} runs per figure, {results['paint_runs']} first paints per "
        f"program; the whole run took {results['seconds'] / 60:.1f} minutes. Machine load "
        f"(`uptime` load averages over 1, 5 and 15 minutes): {_load(results.get('load_before'))} "
        f"before the run, {_load(results.get('load_after'))} after it; the 1-minute average "
        f"during it went from {span}. The method is at the end."
    )


def render(results: dict[str, Any], before: dict[str, Any] | None = None) -> str:
    sizes: dict[str, dict[str, Any]] = results["sizes"]
    shipped = sizes.get("shipped")
    lines = ["# Benchmarks", "", _about(results), "", "## Figures", ""]
    lines += _table(sizes, _figure_rows(shipped))
    lines += [
        "",
        f'`python -c "import pydantic, yaml"` in the same run: {_ms(results["import_baseline"])}.',
        "",
    ]
    errors = [
        f"- {n}: {e[k]}" for n, e in sizes.items() for k in ("paint_error", "tui_error") if k in e
    ]
    errors += [f"- {n}: {why}" for n, why in results.get("failed", {}).items()]
    if errors:
        lines += ["Measurements that failed:", "", *errors, ""]
    lines += ["## Targets", "", "| Target | Figure | Met |", "| --- | --- | --- |"]
    lines += [*_targets(results), ""]
    if before is not None:
        lines += [*compare(before, results), ""]
    queries = next(iter(sizes.values()))["queries"] if sizes else []
    lines += [
        METHOD.rstrip("\n"),
        "",
        "The fixed queries (the last six are the titles of three of the pack's own features, "
        "so they differ per pack; these are "
        f"{next(iter(sizes), '')}'s): " + ", ".join(f"`{q}`" for q in queries) + ".",
        "",
    ]
    return "\n".join(lines)


def _targets(results: dict[str, Any]) -> list[str]:
    sizes = results["sizes"]
    out = []

    def line(target: str, figure: str, met: bool | None) -> None:
        out.append(f"| {target} | {figure} | {'—' if met is None else ('yes' if met else 'no')} |")

    shipped = sizes.get("shipped")
    if shipped and "paint" in shipped:
        r = shipped["paint"] / shipped["bare_paint"]
        line(
            f"first paint, shipped pack, ≤ {PAINT_TARGET}× the bare Textual app's (same screen)",
            f"{r:.2f}×",
            r <= PAINT_TARGET,
        )
        m = shipped["paint_rss_kb"] / shipped["bare_rss_kb"]
        line(
            f"memory at first paint, shipped pack, ≤ {MEMORY_TARGET}× the bare Textual app's",
            f"{m:.2f}×",
            m <= MEMORY_TARGET,
        )
    if shipped:
        r = shipped["cli_warm"] / results["import_baseline"]
        line("`search` ≤ 2× `import pydantic, yaml`", f"{r:.2f}×", r <= 2.0)
    ten = sizes.get("10k")
    if ten:
        line("search p95 < 2 ms at 10k", _ms(ten["search_p95"]), ten["search_p95"] < 0.002)
        line("`--content DIR search` < 0.6 s at 10k", _ms(ten["cli_warm"]), ten["cli_warm"] < 0.6)
        if shipped and "paint" in ten and "paint" in shipped:
            r = ten["paint"] / shipped["paint"]
            line("first paint at 10k ≤ 1.5× shipped pack's", f"{r:.2f}×", r <= 1.5)
    fifty = sizes.get("50k")
    if fifty:
        works = "paint" in fifty and "tui_error" not in fifty
        line("50k features works (figures above)", "yes" if works else "no", works)
    if shipped and "type_lag_max" in shipped:
        base = shipped["type_lag_max"]
        big = [(n, sizes[n].get("type_lag_max")) for n in ("10k", "50k") if n in sizes]
        big = [(n, lag) for n, lag in big if lag is not None]
        if big:
            worst = max(lag for _, lag in big)
            figure = ", ".join(f"{n} {_ms(lag)}" for n, lag in big)
            line(
                "typing never blocks a frame: longest UI stall while typing, large packs "
                "within one frame (16.7 ms) of the shipped pack's",
                f"shipped {_ms(base)}, {figure}",
                worst <= base + 1 / 60,
            )
    if fifty:
        line(
            "sidebar and comparison responsive with 200 tools",
            f"sidebar step {_ms(fifty.get('sidebar_step'))}, comparison opened in "
            f"{_ms(fifty.get('compare_open'))}, a tool added in {_ms(fifty.get('compare_add'))}",
            None,
        )
    return out


# ======================================================================================
# before → after

#: (label, figure of a size's entry, unit): "s" seconds, "kb" kilobytes, "b" bytes, "x" a
#: ratio. The figures compared between two runs.
COMPARED: list[tuple[str, Callable[[dict[str, Any]], float | None], str]] = [
    ("load from YAML", lambda e: e.get("load_yaml"), "s"),
    ("load from cache", lambda e: e.get("load_cache"), "s"),
    ("pack cache entry on disk", lambda e: e.get("cache_pack_bytes"), "b"),
    ("index build", lambda e: e.get("index_build"), "s"),
    ("index from cache", lambda e: e.get("index_cache"), "s"),
    ("search p50", lambda e: e.get("search_p50"), "s"),
    ("search p95", lambda e: e.get("search_p95"), "s"),
    ("search, first query p95", lambda e: e.get("search_first_p95"), "s"),
    ("compare 2 tools", lambda e: e.get("compare_two"), "s"),
    ("compare all tools", lambda e: e.get("compare_all"), "s"),
    ("peak memory, from cache", lambda e: e.get("rss_warm_kb"), "kb"),
    ("peak memory, cache off", lambda e: e.get("rss_cold_kb"), "kb"),
    ("`search` command, cache warm", lambda e: e.get("cli_warm"), "s"),
    ("`search` command, cache off", lambda e: e.get("cli_cold"), "s"),
    ("first paint", lambda e: e.get("paint"), "s"),
    ("bare Textual app", lambda e: e.get("bare_paint"), "s"),
    ("first paint ÷ bare app", lambda e: _div(e.get("paint"), e.get("bare_paint")), "x"),
    ("app memory at first paint", lambda e: e.get("paint_rss_kb"), "kb"),
    ("bare app memory", lambda e: e.get("bare_rss_kb"), "kb"),
    ("app memory ÷ bare app's", lambda e: _div(e.get("paint_rss_kb"), e.get("bare_rss_kb")), "x"),
    ("sidebar step, median", lambda e: e.get("sidebar_step"), "s"),
    ("search: key handled, median", lambda e: e.get("type_key"), "s"),
    ("search: results shown, median", lambda e: e.get("type_ready"), "s"),
    ("comparison opened", lambda e: e.get("compare_open"), "s"),
    ("comparison: tool added, median", lambda e: e.get("compare_add"), "s"),
    ("comparison: tool removed", lambda e: e.get("compare_remove"), "s"),
    ("command palette: each key, median", lambda e: e.get("palette_key"), "s"),
    ("search: longest UI stall while typing, max", lambda e: e.get("type_lag_max"), "s"),
]


def _value(x: float, unit: str) -> str:
    if unit == "s":
        return _ms(x).removesuffix(" ms")
    if unit == "kb":
        return f"{x / 1024:.0f}"
    if unit == "b":
        return f"{x / 1e6:.2f}"
    return f"{x:.2f}"


UNITS = {"s": " ms", "kb": " MB", "b": " MB", "x": "×"}


def _change(a: float | None, b: float | None, unit: str) -> str:
    """`a → b unit (±difference, ±percent)`."""
    if a is None or b is None or a != a or b != b:
        return "—" if a is None and b is None else f"{_or_dash(a, unit)} → {_or_dash(b, unit)}"
    diff = b - a
    if unit == "s":
        places = 2 if abs(diff) < 0.01 else 1 if abs(diff) < 0.1 else 0
        d = f"{diff * 1000:+.{places}f} ms"
    elif unit in ("kb", "b"):
        d = f"{diff / (1024 if unit == 'kb' else 1e6):+.1f} MB"
    else:
        d = f"{diff:+.2f}"
    pct = f", {diff / a * 100:+.0f}%" if a else ""
    return f"{_value(a, unit)} → {_value(b, unit)}{UNITS[unit]} ({d}{pct})"


def _or_dash(x: float | None, unit: str) -> str:
    return "—" if x is None or x != x else _value(x, unit) + UNITS[unit]


def compare(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The section of a report that puts an earlier run (`before`) beside this one."""
    b_label = before.get("label") or "before"
    a_label = after.get("label") or "after"
    names = [n for n in after["sizes"] if n in before["sizes"]]
    lines = [
        f"## Before → after: `{b_label}` → `{a_label}`",
        "",
        f"- **{b_label}**: {_brief(before)}",
        f"- **{a_label}**: {_brief(after)}",
        "",
        "Each cell is before → after (difference, change). Times are medians of the runs "
        "(see the method); a change of a few percent is within the noise of this shared "
        "machine, more so when the two runs' loads differ.",
        "",
    ]
    if not names:
        return [*lines, "The two runs have no size in common.", ""]
    lines += [
        "| | " + " | ".join(names) + " |",
        "| --- |" + " --- |" * len(names),
    ]
    formats = [
        f"{run['sizes'][n].get('cache_format', '?')}" for n in names for run in (before, after)
    ]
    formats = [f"{a} → {b}" for a, b in zip(formats[::2], formats[1::2], strict=True)]
    lines.append("| pack cache entry format | " + " | ".join(formats) + " |")
    for label, fn, unit in COMPARED:
        cells = [_change(fn(before["sizes"][n]), fn(after["sizes"][n]), unit) for n in names]
        if all(c == "—" for c in cells):
            continue
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    a_imp, b_imp = after.get("import_baseline"), before.get("import_baseline")
    lines += [
        "",
        f'`python -c "import pydantic, yaml"`: {_change(b_imp, a_imp, "s")}.',
    ]
    return lines


def _brief(results: dict[str, Any]) -> str:
    code = results.get("code") or {}
    return (
        f"{results.get('date', '?')}, `{code.get('path', '?')}` as of commit "
        f"{code.get('commit', '?')}{code.get('dirty', '')}, {results['runs']} runs; load "
        f"averages {_load(results.get('load_before'))} before the run and "
        f"{_load(results.get('load_after'))} after"
    )
