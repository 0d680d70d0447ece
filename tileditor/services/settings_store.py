"""Loads and saves core.settings.Settings through one QSettings object (created after the
QApplication). Tests point it at a temporary folder. QtCore only."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from tileditor.core.settings import Settings


class SettingsStore:
    def __init__(self, path: Path | None = None):
        if path is None:
            self._qs = QSettings("tileditor", "tileditor")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def load(self) -> Settings:
        s = Settings()
        for f in fields(Settings):
            if not self._qs.contains(f.name):
                continue
            raw = self._qs.value(f.name)
            default = getattr(s, f.name)
            setattr(s, f.name, _coerce(raw, default))
        return s

    def save(self, settings: Settings) -> None:
        for f in fields(Settings):
            value = getattr(settings, f.name)
            self._qs.setValue(f.name, list(value) if isinstance(value, list) else value)
        self._qs.sync()

    # Window geometry and splitter states are Qt blobs, kept beside the typed settings.
    def save_blob(self, key: str, data: QByteArray) -> None:
        self._qs.setValue(f"ui/{key}", data)

    def load_blob(self, key: str) -> QByteArray | None:
        value = self._qs.value(f"ui/{key}")
        return value if isinstance(value, QByteArray) else None


def _coerce(raw, default):
    """QSettings' INI backend returns strings; bring values back to the field's type."""
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
    if isinstance(default, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            return default
    if isinstance(default, list):
        if raw is None:
            return []
        return [str(x) for x in (raw if isinstance(raw, list) else [raw])]
    return "" if raw is None else str(raw)
