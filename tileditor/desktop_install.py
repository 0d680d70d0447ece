"""`tileditor install-desktop`: copies the .desktop entry, the AppStream metainfo and the icons
into the user's XDG data folder (and removes them again), so the app shows in the menu of an
installation made with `uv tool install` or pipx. Plain files only: no Qt imports."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tileditor import APP_ID
from tileditor.core.resources import packaging_path, resource_path

ICON_SIZES = (48, 128, 256)


def data_home(override: Path | None = None) -> Path:
    if override is not None:
        return Path(override)
    env = os.environ.get("XDG_DATA_HOME")
    return Path(env) if env and os.path.isabs(env) else Path.home() / ".local" / "share"


def _targets(home: Path) -> list[tuple[Path, Path]]:
    """(source, destination) of every installed file."""
    icons = home / "icons" / "hicolor"
    out = [(packaging_path(f"{APP_ID}.desktop"), home / "applications" / f"{APP_ID}.desktop"),
           (packaging_path(f"{APP_ID}.metainfo.xml"), home / "metainfo" / f"{APP_ID}.metainfo.xml"),
           (resource_path("icons", f"{APP_ID}.svg"), icons / "scalable" / "apps" / f"{APP_ID}.svg")]
    out += [(resource_path("icons", f"{APP_ID}-{n}.png"), icons / f"{n}x{n}" / "apps" / f"{APP_ID}.png")
            for n in ICON_SIZES]
    return out


def launcher() -> str:
    """The command that starts this very installation, for the entry's Exec= line: a menu
    launch does not see ~/.local/bin or a virtual environment on PATH."""
    if getattr(sys, "frozen", False):
        return sys.executable
    beside = Path(sys.executable).parent / ("tileditor.exe" if os.name == "nt" else "tileditor")
    if beside.is_file():
        return str(beside)
    return shutil.which("tileditor") or "tileditor"


def _exec_quote(command: str) -> str:
    """Quote an Exec= program per the Desktop Entry spec (then escape for a string value)."""
    if re.fullmatch(r"[A-Za-z0-9/._+-]+", command):
        return command
    inner = re.sub(r'(["`$\\])', r"\\\1", command)
    return '"' + inner.replace("\\", "\\\\") + '"'


def install(override: Path | None = None) -> list[Path]:
    home = data_home(override)
    written = []
    for src, dest in _targets(home):
        if not src.is_file():
            raise OSError(f"{src} is missing from this installation")
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.suffix == ".desktop":
            text = src.read_text(encoding="utf-8")
            text = re.sub(r"(?m)^Exec=tileditor ", f"Exec={_exec_quote(launcher())} ", text)
            dest.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(src, dest)
        written.append(dest)
    _refresh_caches(home)
    return written


def uninstall(override: Path | None = None) -> list[Path]:
    home = data_home(override)
    removed = []
    for _src, dest in _targets(home):
        if dest.is_file():
            dest.unlink()
            removed.append(dest)
    _refresh_caches(home)
    return removed


def _refresh_caches(home: Path) -> None:
    # Menus watch these folders anyway; the cache update only makes the change immediate.
    tool = shutil.which("update-desktop-database")
    apps = home / "applications"
    if tool and apps.is_dir():
        subprocess.run([tool, "-q", str(apps)], check=False, capture_output=True, timeout=30)
