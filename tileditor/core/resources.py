"""Where the app's shipped files are: `resources/` in a source checkout, `tileditor/_resources`
in an installed wheel. Must not import PySide6."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    for candidate in (_PACKAGE.parent / "resources", _PACKAGE / "_resources"):
        if candidate.is_dir():
            return candidate
    return _PACKAGE.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
