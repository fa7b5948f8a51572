"""The user's settings: a small JSON file under the user's config directory.

Written atomically (`fsutil.atomic_write`: temp file in the same directory, fsync, rename),
so a crash mid-write leaves the old file. A corrupt or unreadable file is ignored with a
notice and is not overwritten until the user changes a setting.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orchexplorer.fsutil import atomic_write

ENV_DIR = "ORCHEXPLORER_CONFIG_DIR"
FILENAME = "config.json"
MAX_BYTES = 64 * 1024


def config_path() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override) / FILENAME
    from platformdirs import user_config_dir

    return Path(user_config_dir("orchexplorer", appauthor=False)) / FILENAME


@dataclass
class Config:
    """Settings as read. `problem` says why the file was ignored, if it was."""

    values: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None
    path: Path | None = None

    @property
    def lang(self) -> str | None:
        value = self.values.get("lang")
        return value if isinstance(value, str) else None


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    try:
        if path.stat().st_size > MAX_BYTES:
            return Config(problem=f"{path}: too large, ignored", path=path)
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config(path=path)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or exc.__class__.__name__
        return Config(problem=f"{path}: {reason}, ignored", path=path)
    if not isinstance(data, dict):
        return Config(problem=f"{path}: not a JSON object, ignored", path=path)
    return Config(values=data, path=path)


def save_setting(key: str, value: Any, path: Path | None = None) -> str | None:
    """Set one setting and write the file atomically. Returns an error message or None.

    Other settings already in a readable file are kept; an unreadable one is replaced only
    now, because the user changed a setting.
    """
    path = path or config_path()
    current = load_config(path)
    values = dict(current.values)
    values[key] = value
    data = json.dumps(values, ensure_ascii=False, indent=2) + "\n"
    try:
        atomic_write(path, data.encode("utf-8"))
    except OSError as exc:
        return f"{path}: {exc.strerror or exc.__class__.__name__}"
    return None
