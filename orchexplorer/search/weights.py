"""How much things count: field weights, bonuses and the preference between kinds. The
numbers that tune the ranking live here, and only here."""

from __future__ import annotations

# Field weights: how much a word counts depending on where it is found.
W_NAME = 10.0  # tool name or id, item title, a concept cell's term
W_ALIAS = 9.0  # tool aliases
W_KEYWORD = 7.0  # keywords and synonyms given by the content
W_SUB = 4.0  # taglines, kinds, file names, ids, a cell's dimension/concept title
W_BODY = 2.0  # descriptions, summaries, cell texts, notes, relations, conclusions
W_CODE = 1.0  # example code
W_CONTEXT = 1.0  # a query word naming the tool a document belongs to
PAIR_FACTOR = 0.5  # bonus for two query words found together, times their field weight
# Bonus when the whole query equals a title/name/alias (or a keyword, a file name, an id).
EXACT_NAME = 10.0
EXACT_KEYWORD = 6.0
EXACT_SUB = 4.0
#: The exact bonus, a little smaller, for the initial consonants of a Hangul name.
CHOSEONG_EXACT = 0.9

#: A small preference between kinds for otherwise equal matches.
KIND_FACTOR: dict[str, float] = {
    "tool": 1.0,
    "feature": 1.0,
    "use_case": 0.96,
    "component": 0.95,
    "concept": 0.9,
    "dimension": 0.9,
    "example": 0.9,
    "relation": 0.86,
    "note": 0.85,
    "conclusion": 0.85,
    "compose_key": 0.9,
    "command": 0.9,
    "false_friend": 0.88,
}
CELL_FACTOR = 0.8  # one tool's cell of a dimension or concept
