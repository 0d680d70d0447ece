"""Where the app's shipped files are: `tileditor/_resources` inside the package (wheel, frozen
bundle), else `resources/` of the source checkout the package sits in. Must not import PySide6."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    # Ask the package itself first: in an installed wheel, `site-packages/resources/` may be
    # another distribution's folder, so the checkout layout counts only beside a pyproject.toml.
    installed = Path(str(files("tileditor") / "_resources"))
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "resources").is_dir():
        return checkout / "resources"
    return installed


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def packaging_path(name: str) -> Path:
    """A desktop-integration file (.desktop, metainfo): `packaging/` in a checkout, copied
    into `_resources/desktop/` in the wheel."""
    shipped = resources_dir() / "desktop" / name
    if shipped.is_file():
        return shipped
    return _PACKAGE.parent / "packaging" / name
