"""Saving an example to a file: the copy that always works.

In a terminal the file is written to the downloads folder (or ORCHEXPLORER_SAVE_DIR, or the
current folder when there is no downloads folder) under a name that is not taken yet, so
nothing already there is overwritten. In a browser (`orchexplorer serve`) the same key
starts a download instead.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

from textual.app import App

from orchexplorer.model import Example, Tool

ENV_DIR = "ORCHEXPLORER_SAVE_DIR"
_SUFFIX = {"yaml": ".yaml", "yml": ".yaml", "bash": ".sh", "sh": ".sh", "json": ".json"}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def file_name(tool: Tool, example: Example) -> str:
    """A safe file name for `example`: its own `filename` if it has one, else
    TOOL-EXAMPLE with a suffix for its language."""
    if example.filename:
        name = _UNSAFE.sub("-", Path(example.filename).name).strip(".-")
        if name:
            return f"{tool.id}-{example.id}-{name}"
    lang = example.language.lower()
    if lang == "dockerfile":
        return f"{tool.id}-{example.id}.Dockerfile"
    return f"{tool.id}-{example.id}{_SUFFIX.get(lang, '.txt')}"


def save_directory() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    from platformdirs import user_downloads_path

    downloads = user_downloads_path()
    return downloads if downloads.is_dir() else Path.cwd()


def write_new(directory: Path, name: str, text: str) -> Path:
    """Write `text` to a file in `directory` named `name`, or `stem-2.ext`, `stem-3.ext` …
    when that is taken: an existing file is never replaced. Raises OSError."""
    directory.mkdir(parents=True, exist_ok=True)
    stem, dot, suffix = name.partition(".")
    for n in range(1, 1000):
        candidate = directory / (name if n == 1 else f"{stem}-{n}{dot}{suffix}")
        try:
            with open(candidate, "x", encoding="utf-8") as handle:
                handle.write(text)
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(directory / name)


def save_example(app: App[object], tool: Tool, example: Example) -> Path | None:
    """Save `example`: a download in a browser (returns None), else a new file (its path)."""
    name = file_name(tool, example)
    if app.is_web:
        app.deliver_text(io.StringIO(example.code), save_filename=name, mime_type="text/plain")
        return None
    return write_new(save_directory(), name, example.code)
