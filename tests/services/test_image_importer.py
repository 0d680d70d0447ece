"""ImageImporter against real files in a temporary Jekyll repo: copies, reuse of identical
bytes, unique names, refusals, PNG from QImage, never overwriting, moving a new post's images."""

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from tileditor.core.site import JekyllSite
from tileditor.services.image_importer import (
    ImageImporter,
    rewrite_image_links,
    write_new_file,
)

POST = "_posts/2025/2025-04-22-TIL25_ANewChapter.md"
FOLDER = "images/2025-04-22-TIL25_ANewChapter"


def _png_bytes(color: str, size=(8, 6)) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    img = QImage(*size, QImage.Format.Format_RGB32)
    img.fill(QColor(color))
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    assert img.save(buf, "PNG")
    return bytes(buf.data())


@pytest.fixture
def site(tmp_site):
    return JekyllSite(tmp_site)


@pytest.fixture
def importer(qapp):
    imp = ImageImporter()
    yield imp
    imp.deleteLater()


def test_copies_a_file_and_keeps_the_source(site, importer, tmp_path):
    src = tmp_path / "Screen Shot 1.png"
    src.write_bytes(_png_bytes("#ff0000"))
    report = importer.import_files(site, site.root / POST, [src])
    assert report.errors == []
    (plan,) = report.plans
    assert plan.dest.parent == site.root / FOLDER
    assert plan.dest.read_bytes() == src.read_bytes()
    assert src.exists()
    assert " " not in plan.dest.name
    assert plan.dest.name in plan.snippet and plan.url in plan.snippet
    assert importer.created_files(site.root / POST) == [plan.dest]
    assert not list((site.root / FOLDER).glob(".tileditor-*"))  # no temp files left


def test_identical_bytes_reuse_existing_file(site, importer, tmp_path, tiny_png):
    src = tmp_path / "again.png"
    src.write_bytes(tiny_png)  # the same bytes as the fixture's shot.png
    before = sorted(os.listdir(site.root / FOLDER))
    report = importer.import_files(site, site.root / POST, [src])
    (plan,) = report.plans
    assert plan.reuse_existing and plan.dest.name == "shot.png"
    assert sorted(os.listdir(site.root / FOLDER)) == before
    assert importer.created_files(site.root / POST) == []


def test_same_name_different_bytes_gets_unique_name_never_overwrites(site, importer, tmp_path,
                                                                      tiny_png):
    src = tmp_path / "shot.png"
    src.write_bytes(_png_bytes("#00ff00"))
    report = importer.import_files(site, site.root / POST, [src])
    (plan,) = report.plans
    assert plan.dest.name == "shot-2.png"
    assert (site.root / FOLDER / "shot.png").read_bytes() == tiny_png
    again = tmp_path / "b" / "shot.png"
    again.parent.mkdir()
    again.write_bytes(_png_bytes("#0000ff"))
    (plan3,) = importer.import_files(site, site.root / POST, [again]).plans
    assert plan3.dest.name == "shot-3.png"


def test_text_file_renamed_png_is_refused(site, importer, tmp_path):
    fake = tmp_path / "notes.png"
    fake.write_text("just some notes\n", encoding="utf-8")
    report = importer.import_files(site, site.root / POST, [fake])
    assert report.plans == []
    (error,) = report.errors
    assert "notes.png" in error and "not a picture" in error
    assert sorted(p.name for p in (site.root / FOLDER).iterdir()) == ["shot.png"]


def test_missing_huge_and_mixed_batches(site, tmp_path, qapp):
    importer = ImageImporter(max_bytes=1000)
    big = tmp_path / "big.png"
    big.write_bytes(_png_bytes("#123456", (400, 400)) + b"\0" * 2000)
    ok = tmp_path / "ok.png"
    ok.write_bytes(_png_bytes("#abcdef"))
    report = importer.import_files(site, site.root / POST, [big, tmp_path / "gone.png", ok])
    assert [p.dest.name for p in report.plans] == ["ok.png"]
    assert len(report.errors) == 2
    assert "big.png is larger than" in report.errors[0]
    assert "gone.png" in report.errors[1]
    assert not (site.root / FOLDER / "big.png").exists()


def test_png_from_qimage(site, importer):
    img = QImage(30, 20, QImage.Format.Format_ARGB32)
    img.fill(QColor("#336699"))
    report = importer.import_image(site, site.root / POST, img, name_hint="screenshot-101500")
    (plan,) = report.plans
    assert plan.dest.name == "screenshot-101500.png"
    data = plan.dest.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    back = QImage(str(plan.dest))
    assert (back.width(), back.height()) == (30, 20)
    assert back.pixelColor(5, 5) == QColor("#336699")
    assert importer.import_image(site, site.root / POST, QImage()).errors


def test_import_bytes_creates_folder_for_a_new_post(site, importer):
    post = site.root / "_posts/2026/2026-01-05-new-post.md"
    report = importer.import_bytes(site, post, _png_bytes("#111111"), "diagram.png")
    (plan,) = report.plans
    assert plan.dest == site.root / "images/2026-01-05-new-post/diagram.png"
    assert plan.dest.exists()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_pasted_picture_gets_the_mode_of_a_plain_write(site, importer, umask, mode):
    """Issue 10 item 7: mkstemp made every picture 0600 where the blog's are 0644."""
    old = os.umask(umask)
    try:
        report = importer.import_image(site, site.root / POST, _qimage("#336699"))
    finally:
        os.umask(old)
    [plan] = report.plans
    assert os.stat(plan.dest).st_mode & 0o777 == mode
    assert sorted(p.name for p in plan.dest.parent.iterdir() if p.name.startswith(".")) == []


def _qimage(color: str) -> QImage:
    img = QImage(8, 6, QImage.Format.Format_RGB32)
    img.fill(QColor(color))
    return img


def test_write_new_file_refuses_to_replace(tmp_path):
    dest = tmp_path / "x" / "a.png"
    write_new_file(dest, b"first")
    with pytest.raises(FileExistsError):
        write_new_file(dest, b"second")
    assert dest.read_bytes() == b"first"
    assert sorted(os.listdir(dest.parent)) == ["a.png"]


def test_move_post_images_moves_folder_and_rewrites_links(site, importer):
    old = site.root / "_posts/2026/2026-01-05-untitled.md"
    new = site.root / "_posts/2026/2026-01-06-docker-cache.md"
    p1 = importer.import_bytes(site, old, _png_bytes("#010101"), "a.png").plans[0]
    p2 = importer.import_bytes(site, old, _png_bytes("#020202"), "b.png").plans[0]
    text = f"Intro\n\n{p1.snippet}\n\ntext {p2.snippet}\n\nimages/other/a.png stays\n"
    moved = importer.move_post_images(old, new, text)
    new_folder = site.root / "images/2026-01-06-docker-cache"
    assert sorted(p.name for p in new_folder.iterdir()) == ["a.png", "b.png"]
    assert not (site.root / "images/2026-01-05-untitled").exists()
    assert "2026-01-05-untitled" not in moved
    assert moved.count("images/2026-01-06-docker-cache/") == 2
    assert "images/other/a.png stays" in moved
    assert importer.created_files(new) == [new_folder / "a.png", new_folder / "b.png"]
    assert importer.created_files(old) == []
    assert importer.move_post_images(old, new, "same") == "same"


def test_move_keeps_files_it_did_not_create_and_avoids_clashes(site, importer):
    old = site.root / "_posts/2026/2026-01-05-untitled.md"
    new = site.root / "_posts/2026/2026-01-06-final.md"
    plan = importer.import_bytes(site, old, _png_bytes("#030303"), "a.png").plans[0]
    (plan.folder / "mine.txt").write_text("user file", encoding="utf-8")
    (site.root / "images/2026-01-06-final").mkdir(parents=True)
    (site.root / "images/2026-01-06-final/a.png").write_bytes(b"someone else's")
    text = importer.move_post_images(old, new, f"![]({plan.url})")
    assert (plan.folder / "mine.txt").exists()
    assert (site.root / "images/2026-01-06-final/a.png").read_bytes() == b"someone else's"
    assert (site.root / "images/2026-01-06-final/a-2.png").exists()
    assert text.endswith("images/2026-01-06-final/a-2.png)")


def test_rewrite_image_links_handles_encoded_spaces():
    text = "![](/images/my%20post/a.png) and <img src='/images/my post/a.png'>"
    out = rewrite_image_links(text, [("images/my post/a.png", "images/new post/a.png")])
    assert out == "![](/images/new%20post/a.png) and <img src='/images/new post/a.png'>"


def test_services_module_imports_no_widgets():
    import ast

    import tileditor.services.image_importer as mod

    tree = ast.parse(Path(mod.__file__).read_text(encoding="utf-8"))
    names = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not any(n.startswith(("PySide6.QtWidgets", "tileditor.ui")) for n in names)
