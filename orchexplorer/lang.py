"""The two languages of the app and of the content, and how one is chosen.

Both the model (`LocalizedText`) and the app's strings (`orchexplorer.i18n`) speak of them;
this module holds nothing else, so the model does not import the string table and the
command line can choose a language without importing the model. Standard library only.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

Lang = Literal["ko", "en"]
LANGS: tuple[Lang, ...] = ("ko", "en")


def parse_lang(value: str | None) -> Lang | None:
    """'ko', 'KO', 'ko_KR.UTF-8' -> 'ko'; 'en', 'en_US' -> 'en'; anything else -> None."""
    if not value:
        return None
    head = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    if head == "ko":
        return "ko"
    if head == "en":
        return "en"
    return None


def locale_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """Korean when the locale is `ko_*`, otherwise English."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "ko" if parse_lang(value) == "ko" else "en"
    return "en"


def detect_lang(
    flag: str | None = None,
    saved: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Lang:
    """Pick the language: `--lang`, then ORCHEXPLORER_LANG, then the saved choice, then locale."""
    env = os.environ if environ is None else environ
    for candidate in (flag, env.get("ORCHEXPLORER_LANG"), saved):
        lang = parse_lang(candidate)
        if lang is not None:
            return lang
    return locale_lang(env)
