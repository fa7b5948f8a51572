"""Text as search sees it: normalised (NFKC + casefold), cut into tokens, and the Hangul
initial consonants (초성) that let "ㅋㅂㄴㅌㅅ" find 쿠버네티스."""

from __future__ import annotations

import re
import unicodedata

CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
CHOSEONG_SET = frozenset(CHOSEONG)
SYL_FIRST, SYL_LAST = 0xAC00, 0xD7A3
# NFKC turns the compatibility jamo people type (U+3131..) into conjoining choseong
# (U+1100..U+1112), in the same order: map them back to one form.
_TO_COMPAT = {0x1100 + i: ch for i, ch in enumerate(CHOSEONG)}
# Control characters, lone surrogates and noncharacters never take part in matching.
_DROP = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"
#: A token: a run of Hangul, or a run of other letters and digits.
TOKEN = re.compile(f"[{_HANGUL}]+|[^\\W_{_HANGUL}]+")
#: Words on either side of these are not joined into a phrase.
BREAK = re.compile(r"[.,;:!?()\[\]{}<>\"“”‘’、。，；：！？|\n\r\t=#]+")
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC + casefold, control characters and surrogates dropped, jamo in one form."""
    text = _DROP.sub(" ", text)
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return text.translate(_TO_COMPAT)


def tokenize(text: str) -> list[str]:
    """The tokens of already normalised text."""
    return TOKEN.findall(text)


_CHOSEONG_TABLE: dict[int, str] = {}
_SYLLABLES = re.compile("[\uac00-\ud7a3]*")


def choseong(text: str) -> str:
    """The initial consonants of Hangul syllables; other characters are kept as they are."""
    if not _CHOSEONG_TABLE:
        _CHOSEONG_TABLE.update(
            (code, CHOSEONG[(code - SYL_FIRST) // 588]) for code in range(SYL_FIRST, SYL_LAST + 1)
        )
    return text.translate(_CHOSEONG_TABLE)


def all_syllables(text: str) -> bool:
    """Every character is a Hangul syllable (an empty text too)."""
    return _SYLLABLES.fullmatch(text) is not None


def is_jamo_query(token: str) -> bool:
    """Hangul with at least one bare initial consonant: "ㅋㅂㄴㅌㅅ", "쿠ㅂ"."""
    has_jamo = False
    for ch in token:
        if ch in CHOSEONG_SET:
            has_jamo = True
        elif not SYL_FIRST <= ord(ch) <= SYL_LAST:
            return False
    return has_jamo


def jamo_fits(pattern: str, term: str) -> bool:
    """`term` starts with `pattern`, where a bare consonant stands for any syllable with it."""
    if len(term) < len(pattern):
        return False
    for p, ch in zip(pattern, term, strict=False):
        if p == ch:
            continue
        code = ord(ch)
        if p not in CHOSEONG_SET or not SYL_FIRST <= code <= SYL_LAST:
            return False
        if CHOSEONG[(code - SYL_FIRST) // 588] != p:
            return False
    return True


def collapse(text: str) -> str:
    """`text` on one line: control characters dropped, runs of white space made one space."""
    return _SPACE.sub(" ", _DROP.sub(" ", text)).strip()
