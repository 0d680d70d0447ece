"""The user's folders: data (recovery store, demo blog), state (logs) and cache, from
QStandardPaths (XDG on Linux, native elsewhere), each overridable by an environment variable so
tests and portable setups can point them anywhere. QtCore only; no widgets."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

APP_DIR = "tileditor"
_Loc = QStandardPaths.StandardLocation


def _location(env: str, where: QStandardPaths.StandardLocation) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override)
    # Generic* locations plus our own folder name: ~/.local/share/tileditor, not Qt's
    # organisation/application nesting, so existing recovery stores stay where they were.
    return Path(QStandardPaths.writableLocation(where)) / APP_DIR


def data_dir() -> Path:
    return _location("TILEDITOR_DATA_DIR", _Loc.GenericDataLocation)


def state_dir() -> Path:
    return _location("TILEDITOR_STATE_DIR", _Loc.GenericStateLocation)


def cache_dir() -> Path:
    return _location("TILEDITOR_CACHE_DIR", _Loc.GenericCacheLocation)


def log_path() -> Path:
    return state_dir() / "tileditor.log"
