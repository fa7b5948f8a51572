"""How fast orchexplorer is, measured on this machine and written to BENCHMARKS.md.

    python benchmarks/bench.py                          # every size; rewrites BENCHMARKS.md
    python benchmarks/bench.py --sizes shipped,10k      # some sizes (shipped, 1k, 10k, 50k)
    python benchmarks/bench.py --quick                  # fewer runs, for a first look
    python benchmarks/bench.py --label L --json F.json  # also save the figures (and F.md)
    python benchmarks/bench.py --compare EARLIER.json   # add a before → after table
    python benchmarks/bench.py --render F.json [--compare EARLIER.json]  # report, no runs
    python benchmarks/bench.py --write-pack DIR --tools T --features N   # only write a pack

For the shipped pack and synthetic packs (`synthetic.py`) of 1k, 10k and 50k features it
measures loading and validation, the search index, search latency, comparisons, memory, the
command line and the app's first paint in a real pseudo-terminal beside a bare Textual app
drawing the same screen (`bare_app.py`). Every measurement runs in a fresh process; the
report, with the method, is written by `report.py`. A full run takes 6 to 10 minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(ROOT))

from benchmarks.paint import PaintError, first_paint  # noqa: E402
from benchmarks.report import render  # noqa: E402
from benchmarks.synthetic import write_pack  # noqa: E402

#: name -> (tools, features); "shipped" is the pack inside the package.
SIZES: dict[str, tuple[int, int] | None] = {
    "shipped": None,
    "1k": (20, 1_000),
    "10k": (100, 10_000),
    "50k": (200, 50_000),
}

#: The fixed queries, Latin and Hangul: names, phrases, prefixes as typed, a typo, 초성,
#: spacing variants. Each pack adds the titles of three of its own features in both
#: languages (the first, one in the middle, the last).
LATIN = [
    "kubernetes",
    "k8s",
    "rolling update",
    "self healing",
    "autoscaling",
    "load balancing",
    "container",
    "scal",
    "kuberntes",
    "compose file",
]
HANGUL = [
    "쿠버네티스",
    "로드 밸런싱",
    "롤링 업데이트",
    "컨테이너",
    "ㅋㅂㄴㅌㅅ",
    "자동 확장",
    "배포",
]
CLI_QUERY = ["rolling", "update"]

# ======================================================================================
# helpers


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def _timed(fn: Callable[[], Any], runs: int, budget: float = 15.0) -> tuple[float, Any]:
    """Median seconds of `runs` calls (fewer, but at least two, once `budget` seconds are
    spent: a big pack's slow paths), and the last result."""
    times: list[float] = []
    result = None
    spent = time.perf_counter()
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        if len(times) >= 2 and time.perf_counter() - spent > budget:
            break
    return _median(times), result


def _env(base: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed: with bytecode
    env.pop("ORCHEXPLORER_CACHE", None)
    env.pop("ORCHEXPLORER_CONTENT", None)
    env.update(LANG="C.UTF-8", TEXTUAL_ANIMATIONS="none")
    env.update(base)
    return env


def _worker(mode: str, pack: str, runs: int, env: dict[str, str], extra: Sequence[str] = ()) -> Any:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", mode, "--pack", pack]
    cmd += ["--runs", str(runs), *extra]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        raise RuntimeError(f"worker {mode} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _index_functions() -> tuple[Callable[..., Any], Callable[..., Any]]:
    """`build_index` and `cached_index`, wherever this version of orchexplorer has them:
    `orchexplorer.index_cache` since the search package was split, `orchexplorer.search`
    before (so the same script measures the code before and after that change)."""
    try:
        from orchexplorer.index_cache import build_index, cached_index
    except ImportError:
        from orchexplorer.search import build_index, cached_index  # type: ignore[attr-defined,no-redef]
    return build_index, cached_index


def _queries(pack: Any) -> list[str]:
    tools = pack.ordered_tools
    picks = []
    for tool, pick in ((tools[0], 0), (tools[len(tools) // 2], 1), (tools[-1], -1)):
        if tool.features:
            feature = tool.features[{0: 0, 1: len(tool.features) // 2, -1: -1}[pick]]
            picks.append(feature)
    return LATIN + HANGUL + [f.title.en for f in picks] + [f.title.ko for f in picks]


# ======================================================================================
# workers (run in their own process)


def worker_logic(pack_arg: str, runs: int) -> dict[str, Any]:
    from orchexplorer.compare import compare_tools
    from orchexplorer.loader import default_content_dir, load_pack
    from orchexplorer.search import SearchIndex

    build_index, cached_index = _index_functions()
    root = default_content_dir() if pack_arg == "shipped" else Path(pack_arg)
    out: dict[str, Any] = {}
    os.environ["ORCHEXPLORER_CACHE"] = "off"
    out["load_yaml"], pack = _timed(lambda: load_pack(root), runs)
    os.environ.pop("ORCHEXPLORER_CACHE")
    load_pack(root)  # writes the cache
    out["load_cache"], pack = _timed(lambda: load_pack(root), runs)
    out["counts"] = pack.counts()
    out["index_build"], index = _timed(lambda: SearchIndex(pack), runs)
    build_index(pack)  # writes the index to the cache
    out["index_cache"], _ = _timed(lambda: cached_index(root), runs)
    out["vocabulary"] = index.vocabulary_size
    out["documents"] = len(index)

    queries = _queries(pack)
    samples: list[float] = []
    for query in queries:
        index.search(query, limit=20)
        for _ in range(20):
            start = time.perf_counter()
            hits = index.search(query, limit=20)
            for hit in hits:
                hit.snippet.get("en")
            samples.append(time.perf_counter() - start)
    out["search_p50"] = _median(samples)
    out["search_p95"] = _percentile(samples, 0.95)
    out["search_max"] = max(samples)
    fresh = cached_index(root)
    assert fresh is not None
    first = []
    for query in queries:
        start = time.perf_counter()
        for hit in fresh.search(query, limit=20):
            hit.snippet.get("en")
        first.append(time.perf_counter() - start)
    out["search_first_p95"] = _percentile(first, 0.95)
    out["queries"] = queries

    ids = pack.tool_ids
    out["compare_two"], matrix = _timed(lambda: compare_tools(pack, ids[:2]), runs)
    out["compare_all"], matrix = _timed(lambda: compare_tools(pack, ids), runs)
    out["compare_rows"] = len(matrix.rows)
    return out


def worker_memory(pack_arg: str, runs: int) -> dict[str, Any]:
    from orchexplorer.compare import compare_tools
    from orchexplorer.loader import default_content_dir, load_pack

    build_index, _ = _index_functions()
    root = default_content_dir() if pack_arg == "shipped" else Path(pack_arg)
    pack = load_pack(root)
    index = build_index(pack)
    index.search("rolling update", limit=20)
    compare_tools(pack, pack.tool_ids[:2])
    return {"max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def worker_tui(pack_arg: str, runs: int) -> dict[str, Any]:
    """Sidebar steps and typing in the search screen, headless, timed until drawn."""
    from textual import events

    from orchexplorer.loader import default_content_dir, load_pack
    from orchexplorer.tui.app import OrchExplorerApp, freeze_long_lived

    root = default_content_dir() if pack_arg == "shipped" else Path(pack_arg)
    pack = load_pack(root)
    freeze_long_lived()  # as `run_app` does before starting the app
    steps = max(5, min(runs * 3, 20))
    result: dict[str, Any] = {}

    async def run() -> None:
        app = OrchExplorerApp(pack, lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            driver = app._driver
            assert driver is not None

            async def drawn() -> None:
                done = asyncio.Event()
                app.screen.call_after_refresh(done.set)
                await asyncio.wait_for(done.wait(), 10)

            async def until(check: Callable[[], bool]) -> None:
                deadline = time.perf_counter() + 30
                while not check() and time.perf_counter() < deadline:
                    await asyncio.sleep(0.0005)

            def key(name: str, char: str | None) -> None:
                driver.send_message(events.Key(name, char))

            sidebar = app.screen.query_one("#sidebar")
            times = []
            for _ in range(steps):
                before = getattr(sidebar, "highlighted", None)
                start = time.perf_counter()
                key("down", None)
                await until(lambda b=before: getattr(sidebar, "highlighted", None) != b)
                await drawn()
                times.append(time.perf_counter() - start)
            result["sidebar_step"] = _median(times)
            result["sidebar_step_max"] = max(times)

            key("slash", "/")
            await until(lambda: app.screen.id != sidebar.screen.id)
            screen: Any = app.screen
            await until(lambda: getattr(screen, "index", None) is not None)
            shown: list[tuple[str, float]] = []
            original = screen._show

            def show(query: str, hits: Any, *rest: Any) -> None:
                original(query, hits, *rest)
                shown.append((query, time.perf_counter()))

            screen._show = show
            field = screen.query_one("#search-input")
            keys, ready = [], []
            typed = ""
            # The longest stretch the UI thread goes without returning to its event loop
            # while typing: a task that asks to wake every millisecond records how late it
            # wakes. Search runs in a thread; if it held the UI up, this would show it.
            lags: list[float] = []
            typing = True

            async def watch_lag() -> None:
                while typing:
                    before = time.perf_counter()
                    await asyncio.sleep(0.001)
                    lags.append(time.perf_counter() - before - 0.001)

            watcher = asyncio.create_task(watch_lag())
            for char in "rolling update":
                typed += char
                start = time.perf_counter()
                key("space" if char == " " else char, char)
                await until(lambda t=typed: field.value == t)
                await drawn()
                keys.append(time.perf_counter() - start)
                await until(lambda t=typed: any(q == t for q, _ in shown))
                await drawn()
                ready.append(time.perf_counter() - start)
            typing = False
            await watcher
            result["type_lag_max"] = max(lags)
            result["type_lag_p99"] = _percentile(lags, 0.99)
            result["type_key"] = _median(keys)
            result["type_key_max"] = max(keys)
            result["type_ready"] = _median(ready)
            result["type_ready_max"] = max(ready)

            # The comparison: opened with `c` from the explorer, then tools added (the
            # chooser lists every tool not compared yet) and removed again.
            key("escape", None)
            await until(lambda: app.screen is sidebar.screen)
            start = time.perf_counter()
            key("c", "c")
            await until(lambda: type(app.screen).__name__ == "CompareScreen")
            await drawn()
            result["compare_open"] = time.perf_counter() - start
            compare: Any = app.screen
            added, removed = [], []
            for _ in range(steps // 2):
                count = len(compare.tool_ids)
                start = time.perf_counter()
                key("a", "a")
                await until(lambda: app.screen is not compare)
                await drawn()
                key("enter", None)
                await until(lambda c=count: len(compare.tool_ids) == c + 1)
                await drawn()
                added.append(time.perf_counter() - start)
                start = time.perf_counter()
                key("x", "x")
                await until(lambda c=count: len(compare.tool_ids) == c)
                await drawn()
                removed.append(time.perf_counter() - start)
            result["compare_add"] = _median(added)
            result["compare_add_max"] = max(added)
            result["compare_remove"] = _median(removed)

            # The command palette: what its provider spends on each key typed (Textual
            # asks it again for every key), the first key building the list of commands
            # for this pack and language, the others reading it from the cache.
            from orchexplorer.tui.commands import ExplorerCommands

            provider = ExplorerCommands(app.screen)
            palette = []
            typed = ""
            for char in "compare docker kubernetes":
                typed += char
                start = time.perf_counter()
                async for _hit in provider.search(typed):
                    pass
                palette.append(time.perf_counter() - start)
            result["palette_first"] = palette[0]
            result["palette_key"] = _median(palette[1:])
            result["palette_key_max"] = max(palette[1:])

    asyncio.run(run())
    return result


def _textual_binding(node: Any, key: str, action: str) -> bool:
    """Whether `node` has the binding of `key` to `action` from Textual's own class (the
    nearest Textual class it derives from), not from orchexplorer."""
    base = next(c for c in type(node).__mro__ if c.__module__.startswith("textual."))
    merged = getattr(base, "_merged_bindings", None)
    return merged is not None and any(
        b.action == action for b in merged.key_to_bindings.get(key, [])
    )


def worker_screen(pack_arg: str, runs: int) -> dict[str, Any]:
    """The text of orchexplorer's first screen, read from the real app (headless, 100×30,
    English), for the bare app to draw the same (`bare_app.py --screen FILE`); the markers
    that say the screen is drawn (the Overview tab, the footer's Quit, the first tool's name
    and the start of its tagline); and whether the bare app, given that text, draws a screen
    identical in text to orchexplorer's (`same_screen`)."""
    from textual.widgets import Header, OptionList, TabbedContent

    from benchmarks.bare_app import BareApp
    from orchexplorer.loader import default_content_dir, load_pack
    from orchexplorer.tui.app import OrchExplorerApp

    root = default_content_dir() if pack_arg == "shipped" else Path(pack_arg)
    pack = load_pack(root)
    tool = pack.ordered_tools[0]
    markers = ["Overview", "Quit", tool.name.get("en"), tool.tagline.get("en")[:16]]
    screen: dict[str, Any] = {}
    drawn: dict[str, list[str]] = {}

    async def draw(app: Any, name: str, ready: Callable[[list[str]], bool]) -> Any:
        async with app.run_test(size=(100, 30)) as pilot:
            deadline = time.perf_counter() + 10
            while True:
                await pilot.pause()
                text = [strip.text for strip in app.screen._compositor.render_strips()]
                if ready(text) or time.perf_counter() > deadline:
                    break
            drawn[name] = text
            if name == "app":
                read(app.screen)

    def read(explorer: Any) -> None:
        header = explorer.query_one(Header)
        sidebar = explorer.query_one("#sidebar", OptionList)
        tabs = explorer.query_one(TabbedContent)
        overview = explorer.query_one("#overview-scroll")
        # orchexplorer's keys, wherever they are bound (screen, app, focused widget); the
        # bare app's Textual screen, app and widgets bring Textual's own keys by themselves.
        keys = [
            active.binding
            for key, active in explorer.active_bindings.items()
            if key != explorer.app.COMMAND_PALETTE_BINDING
            and not _textual_binding(active.node, key, active.binding.action)
        ]
        screen.update(
            title=header.screen_title,
            # orchexplorer's header also says where you are ("English  │  Docker › Overview"):
            # the bare app shows the same text as its sub-title
            sub_title=header.format_title().plain.split(" — ", 1)[-1],
            sidebar=[
                str(sidebar.get_option_at_index(i).prompt) for i in range(sidebar.option_count)
            ],
            tabs=[str(tabs.get_tab(pane.id or "").label) for pane in tabs.query("TabPane")],
            overview=[[" ".join(sorted(w.classes)), str(w.render())] for w in overview.children],
            footer=[[b.key, b.description] for b in keys if b.show],
            hidden_bindings=[b.key for b in keys if not b.show],
        )

    def painted(text: list[str]) -> bool:
        joined = "\n".join(text)
        return all(m in joined for m in markers)

    asyncio.run(draw(OrchExplorerApp(pack, lang="en"), "app", painted))
    asyncio.run(draw(BareApp(screen), "bare", lambda text: text == drawn["app"]))
    screen["markers"] = markers
    screen["same_screen"] = drawn["bare"] == drawn["app"]
    screen["different_lines"] = [
        [a, b] for a, b in zip(drawn["app"], drawn["bare"], strict=False) if a != b
    ]
    return screen


# ======================================================================================
# the run


def _cli(argv: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return _median(times)


class LoadSampler(threading.Thread):
    """The 1-minute load average (as `uptime` shows it), every few seconds while running."""

    def __init__(self, every: float = 5.0) -> None:
        super().__init__(daemon=True)
        self.every = every
        self.samples: list[float] = []
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.samples.append(os.getloadavg()[0])
            self._stop_event.wait(self.every)

    def stop(self) -> list[float]:
        self._stop_event.set()
        self.join()
        return self.samples


def _machine() -> str:
    import pydantic
    import textual
    import yaml

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
        f"{', ' + cpu if cpu else ''}; Python {platform.python_version()}, Textual "
        f"{textual.__version__}, pydantic {pydantic.VERSION}, PyYAML {yaml.__version__} "
        f"(libyaml {'yes' if yaml.__with_libyaml__ else 'no'})"
    )


def _code(env: dict[str, str]) -> dict[str, str]:
    """The orchexplorer measured: this checkout's (the workers import it from here, and the
    `orchexplorer` command must too), and the last commit that changed its code or content
    (a checkout's later commits to the benchmarks alone do not change it)."""
    found = subprocess.run(
        [sys.executable, "-c", "import orchexplorer; print(orchexplorer.__file__)"],
        env=env,
        cwd=tempfile.gettempdir(),  # not the current directory: what the command imports
        capture_output=True,
        text=True,
    )
    package = Path(found.stdout.strip()).parent if found.returncode == 0 else None
    if package != ROOT / "orchexplorer":
        raise SystemExit(
            f"the orchexplorer command imports {package or 'no orchexplorer'}, not this "
            f"checkout's {ROOT / 'orchexplorer'}: run with PYTHONPATH={ROOT} or after "
            "pip install -e ."
        )
    code: dict[str, str] = {"path": str(package)}

    def git(*argv: str) -> str:
        done = subprocess.run(["git", "-C", str(ROOT), *argv], capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("log", "-1", "--format=%h", "--", "orchexplorer", "content")
    code["commit"] = commit or "unknown (not a git checkout)"
    if commit and git("status", "--porcelain", "--", "orchexplorer", "content"):
        code["dirty"] = " with uncommitted changes"
    return code


def _cache_entry(cache: Path) -> dict[str, Any]:
    """Format and size on disk of the pack's cache entry (the file `*.pack` in the cache)."""
    out: dict[str, Any] = {}
    for path in sorted((cache / "packs").glob("*.pack")):
        with path.open("rb") as f:
            header = f.readline(4096)
        try:
            out["cache_format"] = json.loads(header).get("format")
        except (ValueError, AttributeError):
            out["cache_format"] = "?"
        out["cache_pack_bytes"] = path.stat().st_size
    return out


def _read_results(path: str) -> dict[str, Any]:
    try:
        results = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SystemExit(f"cannot read the figures of {path}: {exc}") from None
    if not isinstance(results, dict) or not isinstance(results.get("sizes"), dict):
        raise SystemExit(f"{path} does not hold the figures of a run of bench.py (--json)")
    return results


def _write_report(args: argparse.Namespace, results: dict[str, Any]) -> None:
    before = _read_results(args.compare) if args.compare else None
    text = render(results, before)
    print(text)
    if not args.no_write:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    runs = 3 if args.quick else args.runs
    paint_runs = 3 if args.quick else args.paint_runs
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for size in sizes:
        if size not in SIZES:
            raise SystemExit(f"unknown size {size!r}: choose from {', '.join(SIZES)}")
    if args.compare:
        _read_results(args.compare)  # before a run of minutes, not after it
    exe = str(Path(sys.executable).parent / "orchexplorer")
    if not Path(exe).exists():
        raise SystemExit("orchexplorer is not installed in this environment (pip install -e .)")
    code = _code(_env({}))
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", code["path"]], env=_env({}), check=False
    )
    work = Path(tempfile.mkdtemp(prefix="orchexplorer-bench-"))
    results: dict[str, Any] = {
        "label": args.label,
        "date": dt.date.today().isoformat(),
        "machine": _machine(),
        "code": code,
        "sizes": {},
        "runs": runs,
        "paint_runs": paint_runs,
        "load_before": list(os.getloadavg()),
    }
    load = LoadSampler()
    load.start()
    started = time.perf_counter()
    try:
        base = _env({"ORCHEXPLORER_CONFIG_DIR": str(work / "config")})
        results["import_baseline"] = _cli(
            [sys.executable, "-c", "import pydantic, yaml"], base, runs * 3
        )
        for size in sizes:
            t0 = time.perf_counter()
            spec = SIZES[size]
            if spec is None:
                pack_arg = "shipped"
                content: list[str] = []
            else:
                tools, features = spec
                pack_dir = work / f"pack-{size}"
                # In a child process, as everything else: this process stays small, since a
                # child's peak memory (ru_maxrss) starts from its parent's size at fork.
                synthetic = [sys.executable, str(ROOT / "benchmarks" / "synthetic.py")]
                subprocess.run(
                    [*synthetic, str(pack_dir), "--tools", str(tools), "--features", str(features)],
                    env=base,
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
                time.sleep(2.5)  # files settled, as a user's pack is (see orchexplorer/cache.py)
                pack_arg = str(pack_dir)
                content = ["--content", pack_arg]
            cache = work / f"cache-{size}"
            env = dict(base, ORCHEXPLORER_CACHE_DIR=str(cache))
            print(f"[{size}] logic …", file=sys.stderr, flush=True)
            try:
                entry: dict[str, Any] = _worker("logic", pack_arg, runs, env)
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                results["failed"] = {**results.get("failed", {}), size: str(exc)[-500:]}
                print(f"[{size}] failed: {exc}", file=sys.stderr, flush=True)
                continue
            entry["tools"], entry["features"] = (
                (entry["counts"]["tools"], entry["counts"]["features"]) if spec is None else spec
            )
            entry.update(_cache_entry(cache))
            entry["rss_warm_kb"] = _worker("memory", pack_arg, 1, env)["max_rss_kb"]
            off = dict(env, ORCHEXPLORER_CACHE="off")
            entry["rss_cold_kb"] = _worker("memory", pack_arg, 1, off)["max_rss_kb"]
            print(f"[{size}] command line …", file=sys.stderr, flush=True)
            search = [exe, *content, "search", *CLI_QUERY]
            subprocess.run(search, env=env, stdout=subprocess.DEVNULL, check=False)
            entry["cli_warm"] = _cli(search, env, runs * 2)
            entry["cli_cold"] = _cli(search, off, max(1, runs // 2 if spec else runs))
            print(f"[{size}] first paint …", file=sys.stderr, flush=True)
            try:
                entry.update(_paints(size, pack_arg, content, exe, env, work, paint_runs))
            except (PaintError, RuntimeError, subprocess.TimeoutExpired) as exc:
                entry["paint_error"] = str(exc)[:300]
            print(f"[{size}] app responsiveness …", file=sys.stderr, flush=True)
            try:
                entry.update(_worker("tui", pack_arg, runs, env))
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                entry["tui_error"] = str(exc)[-300:]
            entry["seconds"] = time.perf_counter() - t0
            results["sizes"][size] = entry
            print(_size_line(size, entry), file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        results["load_during"] = load.stop()
    results["load_after"] = list(os.getloadavg())
    results["seconds"] = time.perf_counter() - started
    if args.json:
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {path}", file=sys.stderr)
        if not args.no_write:  # the report beside the figures, kept when --out is rewritten
            path.with_suffix(".md").write_text(
                render(results, _read_results(args.compare) if args.compare else None), "utf-8"
            )
    _write_report(args, results)
    return 0


def _paints(
    size: str,
    pack_arg: str,
    content: list[str],
    exe: str,
    env: dict[str, str],
    work: Path,
    paint_runs: int,
) -> dict[str, Any]:
    """First paints of orchexplorer and of the bare app drawing the same screen, alternated."""
    screen = _worker("screen", pack_arg, 1, env)
    screen_file = work / f"screen-{size}.json"
    screen_file.write_text(json.dumps(screen, ensure_ascii=False), encoding="utf-8")
    markers = screen["markers"]
    bare = [sys.executable, str(ROOT / "benchmarks" / "bare_app.py"), "--screen", str(screen_file)]
    app = [exe, "--lang", "en", *content]
    first_paint(app, markers, env)  # warm the cache and the page cache
    first_paint(bare, markers, env)
    app_times, app_rss, bare_times, bare_rss = [], [], [], []
    for _ in range(paint_runs):
        p = first_paint(bare, markers, env)
        bare_times.append(p.seconds)
        bare_rss.append(p.max_rss_kb)
        p = first_paint(app, markers, env)
        app_times.append(p.seconds)
        app_rss.append(p.max_rss_kb)
    return {
        "paint": _median(app_times),
        "paint_rss_kb": _median(app_rss),
        "bare_paint": _median(bare_times),
        "bare_rss_kb": _median(bare_rss),
        "paint_samples": app_times,  # in pairs with the bare app's: bare, then app
        "bare_paint_samples": bare_times,
        "same_screen": screen["same_screen"],
        "screen_rows": len(screen["sidebar"]),
        "screen_blocks": len(screen["overview"]),
        "screen_different_lines": screen["different_lines"][:3],
    }


def _size_line(size: str, e: dict[str, Any]) -> str:
    return (
        f"[{size}] load {e['load_yaml']:.3f}s/{e['load_cache']:.3f}s "
        f"index {e['index_build']:.3f}s/{e['index_cache']:.3f}s "
        f"search p95 {e['search_p95'] * 1000:.2f}ms cli {e['cli_warm']:.3f}s "
        f"paint {e.get('paint', float('nan')):.3f}s bare {e.get('bare_paint', float('nan')):.3f}s"
    )


# ======================================================================================


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default=",".join(SIZES), help="comma-separated: " + ", ".join(SIZES)
    )
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (median)")
    parser.add_argument("--paint-runs", type=int, default=7, help="first paints per program")
    parser.add_argument("--quick", action="store_true", help="3 runs of everything")
    parser.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"), help="the report")
    parser.add_argument("--no-write", action="store_true", help="print, do not write --out")
    parser.add_argument("--label", help="name of this run in the report (e.g. before-X)")
    parser.add_argument(
        "--json", metavar="FILE", help="also save the figures as JSON (and the report as .md)"
    )
    parser.add_argument(
        "--compare", metavar="EARLIER.json", help="add a before → after table against a saved run"
    )
    parser.add_argument(
        "--render",
        metavar="FILE.json",
        help="measure nothing: write the report of a saved run (with --compare, beside another)",
    )
    parser.add_argument("--write-pack", metavar="DIR", help="only write a synthetic pack")
    parser.add_argument("--tools", type=int, default=20)
    parser.add_argument("--features", type=int, default=1000)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--pack", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.write_pack:
        info = write_pack(Path(args.write_pack), args.tools, args.features)
        print(f"wrote {info.files} files ({info.bytes / 1e6:.1f} MB) to {info.root}")
        return 0
    if args.worker:
        workers = {
            "logic": worker_logic,
            "memory": worker_memory,
            "tui": worker_tui,
            "screen": worker_screen,
        }
        print(json.dumps(workers[args.worker](args.pack, args.runs)))
        return 0
    if args.render:
        _write_report(args, _read_results(args.render))
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
