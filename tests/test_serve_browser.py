"""`orchexplorer serve` in a real browser: Debian's headless Chromium, driven by Playwright
(its own browser download is not used). The screenshot is kept at
`artifacts/serve-browser-*.png` (or under $ORCHEXPLORER_ARTIFACTS) for CI to keep."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyte
import pytest

from tests.serve_helpers import served

# A real browser and a server per session: slow (`pytest -m slow`, which .ci/run runs).
pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("ORCHEXPLORER_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(
    os.environ.get("ORCHEXPLORER_ARTIFACTS", Path(__file__).resolve().parent.parent / "artifacts")
)
# Chromium's background services would try the network, which this machine does not have.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _browser_or_skip() -> None:
    pytest.importorskip("playwright.sync_api")
    pytest.importorskip("textual_serve")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        if os.environ.get("CI"):
            pytest.fail(f"CI must install Chromium ({CHROMIUM}); see .ci/run")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium fonts-noto-cjk)")


def _screen_from_frames(frames: list[bytes], width: int, height: int) -> str:
    screen = pyte.Screen(width, height)
    stream = pyte.ByteStream(screen)
    for frame in frames:
        stream.feed(frame)
    return "\n".join(screen.display)


def test_the_page_runs_the_app_in_korean_and_english(tmp_path: Path) -> None:
    _browser_or_skip()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with served(tmp_path, "--lang", "ko") as (_proc, port), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 760})
            problems: list[str] = []
            page.on(
                "console",
                lambda m: problems.append(m.text) if m.type == "error" else None,
            )
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on(
                "response",
                lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
            )
            outside: list[str] = []
            page.on(
                "request",
                lambda r: None if "127.0.0.1" in r.url else outside.append(r.url),
            )
            frames: list[bytes] = []
            size: dict[str, int] = {}

            def on_socket(ws: object) -> None:
                def received(payload: object) -> None:
                    if isinstance(payload, bytes):
                        frames.append(payload)

                def sent(payload: object) -> None:
                    if isinstance(payload, str) and payload.startswith('["resize"'):
                        import json

                        size.update(json.loads(payload)[1])

                ws.on("framereceived", received)  # type: ignore[attr-defined]
                ws.on("framesent", sent)  # type: ignore[attr-defined]

            page.on("websocket", on_socket)
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("body.-first-byte", timeout=30_000)

            def screen() -> str:
                return _screen_from_frames(frames, size.get("width", 80), size.get("height", 24))

            _wait(page, lambda: "orchexplorer — 한국어" in screen() and "개요" in screen())
            page.screenshot(path=str(ARTIFACTS / "serve-browser-ko.png"))
            page.click("#terminal")
            page.keyboard.press("l")
            _wait(page, lambda: "orchexplorer — English" in screen())
            page.keyboard.press("/")
            _wait(page, lambda: "Search features, use cases" in screen())
            page.keyboard.type("rolling")
            _wait(page, lambda: "Rolling updates and rollback" in screen())
            page.screenshot(path=str(ARTIFACTS / "serve-browser-search.png"))
            assert problems == []
            assert outside == []  # no font or script fetched from the network
            font_stack = page.evaluate("() => getComputedStyle(document.body).fontFamily")
            assert "Noto Sans Mono CJK KR" in font_stack
        finally:
            browser.close()
    assert (ARTIFACTS / "serve-browser-ko.png").stat().st_size > 10_000


def _wait(page: object, predicate: object, timeout: float = 30.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("the page never showed what was expected")
        page.wait_for_timeout(100)  # type: ignore[attr-defined]
