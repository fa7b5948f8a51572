"""History, marks, find and search scopes as plain logic (no terminal)."""

from __future__ import annotations

from orchexplorer.find import matching, spans, step
from orchexplorer.history import (
    History,
    Mark,
    Place,
    breadcrumb,
    marks_from_settings,
    place_exists,
    toggle_mark,
)
from orchexplorer.model import Pack
from orchexplorer.search import build_index, split_scope

K8S_FEATURE = Place("tool", tool="kubernetes", tab="features", item="rolling-update-rollback")


def test_history_goes_back_and_forward_and_a_new_visit_drops_what_was_ahead() -> None:
    history = History()
    a, b, c, d = (Place("tool", tool=x, tab="overview") for x in "abcd")
    for place in (a, b, c):
        assert history.visit(place)
    assert not history.visit(c)  # where we are already: nothing added
    assert history.back() == b and history.back() == a
    assert history.back() is None and history.current == a
    assert history.forward() == b
    assert history.visit(d)  # a new visit after going back
    assert history.forward() is None and not history.can_forward
    assert history.back_places == [a, b]


def test_history_keeps_at_most_its_limit() -> None:
    history = History(limit=3)
    for n in range(10):
        history.visit(Place("tool", tool=f"t{n}"))
    assert [p.tool for p in history.back_places] == ["t6", "t7", "t8"]


def test_breadcrumb_names_tool_tab_and_item_in_both_languages(shipped_pack: Pack) -> None:
    assert breadcrumb(K8S_FEATURE, shipped_pack, "en") == [
        "Kubernetes",
        "Features",
        "Rolling updates and rollback",
    ]
    assert breadcrumb(K8S_FEATURE, shipped_pack, "ko")[:2] == ["Kubernetes", "기능"]
    row = Place("compare", tab="dimensions", item="rolling-updates", tools=("swarm", "kubernetes"))
    assert breadcrumb(row, shipped_pack, "en") == [
        "Compare: Docker Swarm · Kubernetes",
        "Dimensions",
        "Rolling updates",
    ]


def test_a_place_the_pack_no_longer_has_is_told_apart(shipped_pack: Pack) -> None:
    assert place_exists(K8S_FEATURE, shipped_pack)
    gone = Place("tool", tool="kubernetes", tab="features", item="gone")
    assert not place_exists(gone, shipped_pack)
    assert not place_exists(Place("tool", tool="nope"), shipped_pack)
    assert not place_exists(Place("compare", tools=("docker", "nope")), shipped_pack)
    assert not place_exists(Place("portability", tab="keys", item="gone"), shipped_pack)
    assert place_exists(Place("portability", tab="keys", item="healthcheck"), shipped_pack)
    # its breadcrumb leaves out what is gone instead of failing
    assert breadcrumb(gone, shipped_pack, "en") == ["Kubernetes", "Features"]


def test_marks_round_trip_and_anything_else_in_the_file_is_skipped() -> None:
    marks, marked = toggle_mark([], K8S_FEATURE, "Kubernetes › Features › Rolling")
    assert marked and marks[0].place == K8S_FEATURE
    saved = [m.to_json() for m in marks]
    junk = [42, {"place": {"view": "nowhere"}, "label": "x"}, {"place": None}, "text"]
    assert marks_from_settings(saved + junk) == marks
    assert marks_from_settings({"not": "a list"}) == []
    again, marked = toggle_mark(marks, K8S_FEATURE, "again")
    assert not marked and again == []
    long_label = Mark.from_json({"place": K8S_FEATURE.to_json(), "label": "x" * 1000})
    assert long_label is not None and len(long_label.label) == 300


def test_find_ignores_case_width_and_spacing_and_maps_back_to_the_text() -> None:
    text = "Rolling  UPDATES and ｒｏｌｌｂａｃｋｓ"
    assert spans(text, "rolling updates") == [(0, 16)]
    assert spans(text, "ROLL") == [(0, 4), (text.index("ｒ"), text.index("ｒ") + 4)]
    assert spans(text, "   ") == [] and spans(text, "") == []
    assert matching(["롤링 업데이트", "rollback", "다른 것"], "롤링") == [0]


def test_find_steps_wrap_around() -> None:
    assert step([2, 5, 9], None, 1) == 2 and step([2, 5, 9], None, -1) == 9
    assert step([2, 5, 9], 5, 1) == 9 and step([2, 5, 9], 9, 1) == 2
    assert step([2, 5, 9], 2, -1) == 9 and step([2, 5, 9], 6, -1) == 5
    assert step([], 3, 1) is None


def test_a_scope_names_tools_by_id_alias_or_name(shipped_pack: Pack) -> None:
    def resolve(word: str) -> str | None:
        tool = shipped_pack.resolve(word)
        return tool.id if tool else None

    scoped = split_scope("k8s,nope:secret", resolve)
    assert scoped.tools == ("kubernetes",) and scoped.unknown == ("nope",)
    assert split_scope("쿠버네티스:시크릿", resolve).tools == ("kubernetes",)
    scoped = split_scope("k8s,swarm: secret", resolve)
    assert (scoped.tools, scoped.text, scoped.unknown) == (("kubernetes", "swarm"), "secret", ())
    # not scopes: an image reference, a colon at the end, a colon inside a phrase
    for query in ("nginx:1.27", "swarm:", "rolling update: how"):
        assert split_scope(query, resolve).tools == () and split_scope(query, resolve).text == query
    assert split_scope("k8z:secret", resolve).unknown == ("k8z",)


def test_a_scoped_search_keeps_only_hits_about_those_tools(shipped_pack: Pack) -> None:
    index = build_index(shipped_pack)
    everywhere = index.search("secret", limit=None)
    both = index.search_tools("secret", ["kubernetes", "swarm"], limit=None)
    only = index.search_tools("secret", ["swarm"], limit=None)
    assert {h.tool for h in everywhere} - {"kubernetes", "swarm", None}  # compose or docker too
    assert {h.tool for h in both} <= {"kubernetes", "swarm", None}
    assert {h.key for h in only} < {h.key for h in both}
    assert len({h.key for h in both}) == len(both)  # a hit about both tools is listed once
    assert [h.score for h in both] == sorted((h.score for h in both), reverse=True)
