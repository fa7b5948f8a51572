"""Where the user is, where they have been, and what they marked (no Textual here).

A `Place` is one thing a person can look at: a tool's tab and item, a comparison and its
row, a row of the portability reference, a guide result. `History` keeps the places
visited, like a browser: going back and then somewhere new drops the forward part.
`Mark`s are places the user keeps; they are saved in the settings file, so a mark can name
an item that a later pack no longer has: `place_exists` tells, and the mark is shown as
missing rather than followed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from orchexplorer.i18n import Lang, t
from orchexplorer.model import Pack
from orchexplorer.portability import Section

View = Literal["tool", "compare", "portability", "guide"]
VIEWS: tuple[str, ...] = get_args(View)

#: A tool's tabs, in key order (1..5), and the label of each: the detail's tabs.
TOOL_TABS: dict[str, str] = {
    "overview": "sec_overview",
    "features": "sec_features",
    "use_cases": "sec_use_cases",
    "examples": "sec_examples",
    "relations": "sec_relations",
}
#: The comparison's own tabs (1..3) and their labels; tabs 4 and 5 are portability sections.
COMPARE_TABS: dict[str, str] = {
    "dimensions": "cmp_tab_dimensions",
    "concepts": "cmp_tab_concepts",
    "examples": "cmp_tab_examples",
}
#: The portability reference's sections and their labels.
PORT_SECTIONS: dict[str, str] = {section: f"port_tab_{section}" for section in get_args(Section)}
#: The comparison's tabs 4 and 5: (tab id, portability section).
COMPARE_PORT_TABS: tuple[tuple[str, Section], ...] = (
    ("cmp-keys", "keys"),
    ("cmp-commands", "commands"),
)

SEPARATOR = " › "
MAX_HISTORY = 200
MAX_MARKS = 100


@dataclass(frozen=True)
class Place:
    """One thing on screen. `tab` is the tool's tab, the comparison's tab or the
    portability section; `item` the feature, example, row or key under the cursor."""

    view: View
    tool: str | None = None
    tab: str | None = None
    item: str | None = None
    tools: tuple[str, ...] = ()
    answers: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"view": self.view}
        for name in ("tool", "tab", "item"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        if self.tools:
            data["tools"] = list(self.tools)
        if self.answers:
            data["answers"] = dict(self.answers)
        return data

    @classmethod
    def from_json(cls, data: object) -> Place | None:
        """A place read back from the settings file, or None if it is not one (the file
        is the user's: anything may be in it)."""
        if not isinstance(data, Mapping) or data.get("view") not in VIEWS:
            return None
        texts: dict[str, str | None] = {}
        for name in ("tool", "tab", "item"):
            value = data.get(name)
            if value is not None and not (isinstance(value, str) and 0 < len(value) <= 200):
                return None
            texts[name] = value
        tools = data.get("tools", [])
        answers = data.get("answers", {})
        if not isinstance(tools, list) or not all(isinstance(x, str) for x in tools):
            return None
        if not isinstance(answers, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in answers.items()
        ):
            return None
        return cls(
            view=data["view"],
            tool=texts["tool"],
            tab=texts["tab"],
            item=texts["item"],
            tools=tuple(tools[:8]),
            answers=tuple(sorted(answers.items()))[:50],
        )


@dataclass
class History:
    """Places visited. `visit` adds one (dropping the forward part); `back` and `forward`
    move through them; `replace` corrects the current place without adding one (the
    cursor moved within the same list)."""

    limit: int = MAX_HISTORY
    _back: list[Place] = field(default_factory=list)
    _forward: list[Place] = field(default_factory=list)
    current: Place | None = None

    def visit(self, place: Place) -> bool:
        """Go to `place`. Returns False (and changes nothing) if it is where we are."""
        if place == self.current:
            return False
        if self.current is not None:
            self._back.append(self.current)
            del self._back[: -self.limit]
        self.current = place
        self._forward.clear()
        return True

    def replace(self, place: Place) -> None:
        self.current = place

    def back(self) -> Place | None:
        return self._step(self._back, self._forward)

    def forward(self) -> Place | None:
        return self._step(self._forward, self._back)

    def _step(self, source: list[Place], target: list[Place]) -> Place | None:
        """Go to the nearest place of `source`, leaving the current one on `target`."""
        if not source:
            return None
        if self.current is not None:
            target.append(self.current)
        self.current = source.pop()
        return self.current

    @property
    def can_forward(self) -> bool:
        return bool(self._forward)

    @property
    def back_places(self) -> list[Place]:
        """Places behind, the most recent last."""
        return list(self._back)


def same_item_place(a: Place | None, b: Place) -> bool:
    """`b` is `a` with only the cursor moved (the same view, tool, tab and tools): such a
    move corrects the current place instead of adding one to the history."""
    return (
        a is not None
        and a.view == b.view
        and a.tool == b.tool
        and a.tab == b.tab
        and a.tools == b.tools
        and a.answers == b.answers
    )


# ---------------------------------------------------------------------- naming places


def _tool_name(pack: Pack, tool_id: str, lang: Lang) -> str | None:
    tool = pack.tool(tool_id)
    return tool.name.get(lang) if tool is not None else None


def _tool_item_title(pack: Pack, place: Place, lang: Lang) -> str | None:
    tool = pack.tool(place.tool or "")
    if tool is None or place.item is None:
        return None
    groups: dict[str, Sequence[Any]] = {
        "features": tool.features,
        "use_cases": tool.use_cases,
        "examples": tool.examples,
    }
    for item in groups.get(place.tab or "", ()):
        if item.id == place.item:
            return str(item.title.get(lang))
    if place.tab == "relations":
        for rel in pack.relations_of(tool.id):
            if rel.id == place.item:
                names = [_tool_name(pack, x, lang) or x for x in (rel.source, rel.target)]
                return " → ".join(names)
    if place.tab == "overview":
        for note in tool.notes:
            if note.id == place.item:
                return note.text.get(lang)
        for comp in tool.components:
            if comp.id == place.item:
                return comp.name.get(lang)
    return None


def _row_title(pack: Pack, section: str | None, row: str | None, lang: Lang) -> str | None:
    """The title of a comparison row or a portability item."""
    if row is None:
        return None
    if section in (None, "dimensions"):
        for dim in pack.dimensions:
            if dim.id == row:
                return dim.title.get(lang)
    if section in (None, "concepts"):
        for concept in pack.concepts:
            if concept.id == row:
                return concept.title.get(lang)
    if section in (None, "keys", "cmp-keys"):
        for key in pack.compose_keys:
            if key.id == row:
                return key.key
    if section in (None, "commands", "cmp-commands"):
        for command in pack.commands:
            if command.id == row:
                return command.task.get(lang)
    if section in (None, "friends"):
        for friend in pack.false_friends:
            if friend.id == row:
                return friend.term
    return None


def place_exists(place: Place, pack: Pack) -> bool:
    """The pack still has what `place` shows (a mark may outlive its item)."""
    if place.view == "tool":
        if pack.tool(place.tool or "") is None or place.tab not in (None, *TOOL_TABS):
            return False
        return place.item is None or _tool_item_title(pack, place, "en") is not None
    if place.view == "compare":
        if len(place.tools) < 2 or any(pack.tool(x) is None for x in place.tools):
            return False
        return place.item is None or _row_title(pack, place.tab, place.item, "en") is not None
    if place.view == "portability":
        if place.tab not in (None, *PORT_SECTIONS):
            return False
        return place.item is None or _row_title(pack, place.tab, place.item, "en") is not None
    questions = {q.id: {a.id for a in q.answers} for q in pack.guide}
    return all(answer in questions.get(q, set()) for q, answer in place.answers)


def breadcrumb(place: Place | None, pack: Pack, lang: Lang) -> list[str]:
    """Where `place` is, from the widest to the narrowest: ["Kubernetes", "Features",
    "Rolling updates"]. Parts the pack no longer has are left out."""
    if place is None:
        return []
    parts: list[str | None]
    if place.view == "tool":
        tab = TOOL_TABS.get(place.tab or "")
        parts = [
            _tool_name(pack, place.tool or "", lang),
            t(tab, lang) if tab else None,
            _tool_item_title(pack, place, lang),
        ]
    elif place.view == "compare":
        names = [_tool_name(pack, x, lang) or x for x in place.tools]
        sections = {tab_id: PORT_SECTIONS[section] for tab_id, section in COMPARE_PORT_TABS}
        tab = (COMPARE_TABS | sections).get(place.tab or "")
        parts = [
            t("crumb_compare", lang, tools=" · ".join(names)),
            t(tab, lang) if tab else None,
            _row_title(pack, place.tab, place.item, lang),
        ]
    elif place.view == "portability":
        section = PORT_SECTIONS.get(place.tab or "")
        parts = [
            t("key_portability", lang),
            t(section, lang) if section else None,
            _row_title(pack, place.tab, place.item, lang),
        ]
    else:
        parts = [t("key_guide", lang), t("crumb_guide_result", lang) if place.answers else None]
    return [part for part in parts if part]


# ---------------------------------------------------------------------- marks


@dataclass(frozen=True)
class Mark:
    """A kept place and what it was called when kept (shown if the pack loses it)."""

    place: Place
    label: str

    def to_json(self) -> dict[str, Any]:
        return {"place": self.place.to_json(), "label": self.label}

    @classmethod
    def from_json(cls, data: object) -> Mark | None:
        if not isinstance(data, Mapping):
            return None
        place = Place.from_json(data.get("place"))
        label = data.get("label")
        if place is None or not isinstance(label, str):
            return None
        return cls(place, label[:300])


def marks_from_settings(value: object) -> list[Mark]:
    """The marks saved in the settings file; entries that are not marks are skipped."""
    if not isinstance(value, list):
        return []
    marks = [Mark.from_json(entry) for entry in value[:MAX_MARKS]]
    return [mark for mark in marks if mark is not None]


def toggle_mark(marks: Sequence[Mark], place: Place, label: str) -> tuple[list[Mark], bool]:
    """`marks` with `place` added (at the front), or removed if it was marked already.
    Returns the new list and whether the place is now marked."""
    kept = [mark for mark in marks if mark.place != place]
    if len(kept) < len(marks):
        return kept, False
    return [Mark(place, label), *kept][:MAX_MARKS], True
