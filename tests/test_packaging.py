"""Desktop identity and packaging: the .desktop file and AppStream metainfo pass their real
validators (CI installs desktop-file-utils and appstream), the icon files exist and match, the
metadata names the licence, and resources come from the package even when another wheel ships a
top-level `resources/` folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tileditor import APP_ID

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils absent")
def test_desktop_file_validates_clean():
    proc = subprocess.run(["desktop-file-validate", str(PACKAGING / f"{APP_ID}.desktop")],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == "", proc.stdout  # not even hints


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream absent")
def test_metainfo_validates_strict():
    proc = subprocess.run(["appstreamcli", "validate", "--strict", "--no-net",
                           str(PACKAGING / f"{APP_ID}.metainfo.xml")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_desktop_and_metainfo_name_the_app_id_and_icon():
    desktop = (PACKAGING / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in desktop and "Exec=tileditor %F\n" in desktop
    meta = (PACKAGING / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in meta and f'<icon type="stock">{APP_ID}</icon>' in meta
    shot = meta.split("<image>", 1)[1].split("</image>", 1)[0]
    assert shot.endswith("/main/docs/screenshot.png") and (ROOT / "docs" / "screenshot.png").is_file()


def test_icons_are_real_images_of_their_size():
    from PySide6.QtGui import QImage

    assert (ICONS / f"{APP_ID}.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for n in (48, 128, 256):
        image = QImage(str(ICONS / f"{APP_ID}-{n}.png"))
        assert (image.width(), image.height()) == (n, n)
        assert image.pixelColor(n // 2, n // 2).alpha() == 255  # the page, not a blank square


def test_metadata_licence_urls_authors_and_scripts():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["license"] == "MIT" and meta["license-files"] == ["LICENSE"]
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert meta["authors"] and {"Homepage", "Issues", "Source"} <= set(meta["urls"])
    assert meta["gui-scripts"]["tileditor"] == meta["scripts"]["tileditor-cli"] == "tileditor.__main__:main"
    assert not any(d.startswith("pymdown") for d in meta["dependencies"])


def test_package_resources_win_over_a_foreign_top_level_resources_folder(tmp_path):
    """A wheel layout: site/tileditor/_resources is ours; site/resources is another wheel's."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "tileditor", site / "tileditor",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources" / "preview", site / "tileditor" / "_resources" / "preview")
    (site / "resources" / "preview").mkdir(parents=True)
    (site / "resources" / "preview" / "preview.css").write_text("", encoding="utf-8")
    code = ("from tileditor.core.resources import resources_dir, resource_path; "
            "print(resources_dir()); print(len(resource_path('preview', 'preview.css').read_text()))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(site)), timeout=30)
    assert proc.returncode == 0, proc.stderr
    where, size = proc.stdout.split()
    assert Path(where) == site / "tileditor" / "_resources" and int(size) > 1000


def test_checkout_uses_its_resources_folder():
    from tileditor.core.resources import packaging_path, resources_dir

    assert resources_dir() == ROOT / "resources"
    assert packaging_path(f"{APP_ID}.desktop") == PACKAGING / f"{APP_ID}.desktop"
