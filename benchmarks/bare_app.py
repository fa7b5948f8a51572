"""The first-paint baseline: what Textual alone costs to draw orchexplorer's first screen.

It draws the same kind of widgets as orchexplorer's first screen (the explorer, see
`orchexplorer/tui/screens/explorer.py`), and no more:

- a `Header` with a title and a sub-title;
- a sidebar: an `OptionList` 26 columns wide with one two-line option per tool (the first
  one marked), as many rows as the pack has tools;
- a `TabbedContent` with the same five tabs; only the visible one, Overview, has content:
  a `VerticalScroll` of `Static`s (title, summary, section headings, items), the same
  number of them with the same text as orchexplorer's Overview of its first tool. The
  four hidden tabs hold what orchexplorer's hold before they are first opened: empty
  `Static`s, empty `OptionList`s and, in Examples, an empty scrolling pane;
- a `Footer` with the same shown bindings (plus the same number of hidden ones).

No orchexplorer code, no content model, YAML or pydantic: only Textual (and `json` to read
the screen's text). `bench.py` extracts the text of orchexplorer's real first screen into a
JSON file (see `worker_screen` there) and starts `python benchmarks/bare_app.py --screen
FILE` in a pseudo-terminal beside `orchexplorer`, waiting for the same markers. Run without
`--screen` it draws filler text in the shape of the shipped pack's first screen. `q` quits.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static, TabbedContent, TabPane

#: Without `--screen`: the shipped pack's first screen in shape (the length of each
#: Overview block, in its order; "section" blocks are headings), with filler words.
SHIPPED_SHAPE: list[tuple[str, int]] = [
    ("title", 116),
    ("summary", 228),
    ("section", 10),
    *(("item", n) for n in (144, 150, 126, 205, 154, 135)),
    ("section", 11),
    *(("item", n) for n in (144, 275)),
    ("section", 11),
    *(("item note", n) for n in (578, 596)),
    ("section", 22),
    *(("item", n) for n in (48, 125, 89)),
]
WORDS = ["container", "image", "service", "cluster", "node", "network", "volume", "deploy"]


def _filler(length: int, seed: int) -> str:
    words: list[str] = []
    size = 0
    while size < length:
        word = WORDS[(seed + len(words) * 7) % len(WORDS)]
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:length]


def default_screen() -> dict[str, Any]:
    tools = [f"▸ Tool {n}\n  Kind of tool {n}" for n in range(1, 5)]
    tools[1:] = [f"  {row[2:]}" for row in tools[1:]]
    return {
        "title": "orchexplorer",
        "sub_title": "English",
        "sidebar": tools,
        "tabs": ["Overview", "Features", "Use cases", "Examples", "Relations"],
        "overview": [[kind, _filler(length, i)] for i, (kind, length) in enumerate(SHIPPED_SHAPE)],
        "footer": [
            ["q", "Quit"],
            ["question_mark", "Help"],
            ["slash", "Search"],
            ["g", "Guide"],
            ["l", "한국어"],
            ["c", "Compare"],
            ["y", "Copy example"],
            ["o", "Open docs"],
        ],
        "hidden_bindings": ["escape", "1", "2", "3", "4", "5"],
    }


def _two_lines(text: str) -> Content:
    """The first line in bold and the rest plain, as orchexplorer's titles are styled."""
    head, sep, rest = text.partition("\n")
    return Content.assemble((head, "bold"), sep, rest)


class BareApp(App[None]):
    CSS = """
    #main { height: 1fr; }
    #sidebar {
        width: 26; height: 1fr;
        border-right: vkey $foreground 20%; background: $surface;
    }
    #detail { width: 1fr; height: 1fr; }
    #tabs { height: 1fr; }
    TabPane { padding: 0 1; height: 1fr; }
    .items { height: 1fr; border: none; }
    #examples-list { height: auto; max-height: 8; border: none; margin-bottom: 1; }
    #example-scroll { height: 1fr; }
    #overview > .title { margin: 1 0; }
    #overview > .summary { margin-bottom: 1; }
    #overview > .section { margin-top: 1; }
    #overview > .note { margin-bottom: 1; }
    .empty { color: $text-muted; padding: 1 2; }
    """
    AUTO_FOCUS = "#sidebar"

    def __init__(self, screen: dict[str, Any]) -> None:
        super().__init__()
        self.spec = screen
        self.title = screen["title"]
        self.sub_title = screen["sub_title"]
        # One action per key (the Footer shows one key per action), none of them doing
        # anything but `q`.
        for key, description in screen["footer"]:
            action = "quit" if key == "q" else f"nothing('{key}')"
            self.bind(key, action, description=description)
        for key in screen["hidden_bindings"]:
            self.bind(key, f"nothing('{key}')", description=key, show=False)

    def compose(self) -> ComposeResult:
        spec = self.spec
        overview, *hidden = spec["tabs"]
        yield Header()
        with Horizontal(id="main"):
            yield OptionList(*(_two_lines(row) for row in spec["sidebar"]), id="sidebar")
            with Vertical(id="detail"), TabbedContent(id="tabs"):
                with TabPane(overview, id="tab-overview"), VerticalScroll(id="overview"):
                    for kind, text in spec["overview"]:
                        if kind == "section":
                            yield Static(Content.styled(text, "bold $accent"), classes=kind)
                        elif kind == "title":
                            yield Static(_two_lines(text), classes=kind)
                        else:
                            yield Static(Content(text), classes=kind)
                for n, label in enumerate(hidden):
                    with TabPane(label, id=f"tab-{n}"):
                        yield Static(classes="empty")
                        if n == 2:  # Examples: a short list above a scrolling example
                            yield OptionList(id="examples-list")
                            with VerticalScroll(id="example-scroll"):
                                yield Static()
                                yield Static()
                        else:
                            yield OptionList(classes="items")
        yield Footer()

    def action_nothing(self, key: str) -> None:
        pass


def main(argv: list[str]) -> None:
    if argv[:1] == ["--screen"] and len(argv) == 2:
        with open(argv[1], encoding="utf-8") as f:
            screen = json.load(f)
    elif not argv:
        screen = default_screen()
    else:
        raise SystemExit("usage: python benchmarks/bare_app.py [--screen FILE]")
    BareApp(screen).run()


if __name__ == "__main__":
    main(sys.argv[1:])
