"""The kinds of search hit, in tie-break order. Standard library only: the command line
builds its `--kind` choices from it without importing the search package."""

from __future__ import annotations

from typing import Literal, get_args

Kind = Literal[
    "tool",
    "feature",
    "use_case",
    "component",
    "concept",
    "dimension",
    "example",
    "relation",
    "note",
    "conclusion",
    "compose_key",
    "command",
    "false_friend",
]
#: Every kind of hit, in tie-break order (earlier wins a tie).
#: Every kind of hit, in tie-break order (earlier wins a tie).
KINDS: tuple[Kind, ...] = get_args(Kind)
