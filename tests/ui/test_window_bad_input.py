"""Bad input through the real window: each case checks the message the user gets and that
nothing on disk changed that the user did not ask to change (broken YAML, legacy encodings,
binary and huge files, a folder without _config.yml, bad pictures, hostile titles, symlinks out
of the repo, a read-only disk and a full one)."""

from __future__ import annotations

import errno
import os
import re
import struct
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
)

from tests.helpers.window import drop_files
from tests.helpers.window import save as _save
from tests.helpers.window import type_at_end as _type_at_end
from tileditor.app import build_window
from tileditor.core.frontmatter import read_header_values
from tileditor.ui.dialogs import RecordingPrompter


def _tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (outside .git) with its bytes: 'nothing changed' is equality."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(root).parts}




def _one_sentence(message: str) -> bool:
    return message.endswith(".") and not re.search(r"[.!?]\s+[A-Z]", message) and "\n" not in message


# -- headers and encodings ----------------------------------------------------------------
def test_header_that_is_not_yaml(qtbot, window, tmp_site, prompter):
    bad = tmp_site / "_posts" / "2025-05-01-bad.md"
    original = b"---\ntitle: ok\ntags: [a, b\nfoo: : bar\n---\nbody\n"
    bad.write_bytes(original)
    assert window.open_post(bad)
    form = window.form
    assert "line 4" in form.error_text() and not form.fields_enabled()
    assert form.raw_button.isChecked() and form._raw.isEnabled()
    assert form.raw_text() == "title: ok\ntags: [a, b\nfoo: : bar"
    with qtbot.waitSignal(window.autosaver.snapshot_saved, timeout=3000):
        _type_at_end(qtbot, window, "more")  # the recovery copy works with a broken header too
    assert bad.read_bytes() == original
    _save(qtbot, window)
    assert bad.read_bytes() == original + b"more"  # the buffer as is, header untouched
    assert prompter.messages() == []


@pytest.mark.parametrize("encoding,text", [
    ("cp949", "---\ntitle: 오늘 배운 것\n---\n한글 본문입니다.\n"),
    ("latin-1", "---\ntitle: Café crème\n---\nDéjà vu, naïve façade.\n"),
])
def test_legacy_encoding_opens_read_only_until_converted(qtbot, window, tmp_site, prompter,
                                                         encoding, text):
    legacy = tmp_site / "_posts" / "2025-05-02-legacy.md"
    original = text.encode(encoding)
    legacy.write_bytes(original)
    before = _tree(tmp_site)
    assert window.open_post(legacy)
    bar = window.info_bar
    assert "not UTF-8" in bar.text() and window.session.document.encoding in bar.text()
    assert bar.action_text() == "Convert to UTF-8"
    assert window.editor.isReadOnly() and window.editor.text() == text
    _type_at_end(qtbot, window, "x")
    _save(qtbot, window)
    assert window.editor.text() == text
    assert prompter.infos and "not UTF-8" in prompter.infos[-1][1]
    assert _tree(tmp_site) == before

    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert not window.editor.isReadOnly() and bar.text() == ""
    assert window.windowTitle().startswith("*")
    assert _tree(tmp_site) == before  # converting is not saving: never re-encoded silently
    _save(qtbot, window)
    assert legacy.read_bytes() == text.encode("utf-8")
    assert not window.windowTitle().startswith("*")


def test_binary_file_is_not_opened(qtbot, window, tmp_site, post, prompter, tiny_png):
    binary = tmp_site / "_posts" / "2025-05-03-binary.md"
    binary.write_bytes(tiny_png + b"\x00" * 64)
    before = _tree(tmp_site)
    shown = window.editor.text()
    assert not window.open_post(binary)
    assert prompter.warnings[-1][0] == "Cannot open"
    assert "binary" in prompter.warnings[-1][1] and "2025-05-03-binary.md" in prompter.warnings[-1][1]
    assert window.session.document.path == post and window.editor.text() == shown
    assert _tree(tmp_site) == before


def test_ten_megabyte_post_opens_with_a_warning(qtbot, window, tmp_site, prompter):
    big = tmp_site / "_posts" / "2025-05-04-big.md"
    para = "Some text with **bold** and `code` in a paragraph that goes on.\n\n"
    big.write_text("---\ntitle: big\n---\n" + para * (10_000_000 // len(para)), encoding="utf-8")
    before = _tree(tmp_site)
    assert window.open_post(big)
    assert "10 MB" in window.info_bar.text() and window.info_bar.action_text() == ""
    assert "10 MB" in window.statusBar().currentMessage()
    assert not window.editor.isReadOnly() and not window.session.document.dirty
    assert len(window.editor.text()) == big.stat().st_size
    assert _tree(tmp_site) == before and prompter.messages() == []


@pytest.mark.parametrize("answer", ["Use as plain folder", "Cancel"])
def test_folder_without_config_is_offered_as_plain_folder(qtbot, tmp_path, answer):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "idea.md").write_text("# An idea\n", encoding="utf-8")
    before = _tree(folder)
    prompter = RecordingPrompter([answer])
    w = build_window(folder, settings_path=tmp_path / "s.ini", data_path=tmp_path / "d",
                     prompter=prompter)
    qtbot.addWidget(w)
    try:
        assert len(prompter.asked) == 1 and "_config.yml" in prompter.asked[0].message
        assert prompter.asked[0].choices == ("Use as plain folder", "Cancel")
        if answer == "Cancel":
            assert w.site is None
        else:
            assert w.site is not None and w.site.root == folder
        assert _tree(folder) == before and sorted(os.listdir(folder)) == ["idea.md"]
    finally:
        w.shutdown()


# -- pictures ------------------------------------------------------------------------------
_drop_files = drop_files


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _bad_pictures(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    img = QImage(120, 90, QImage.Format.Format_RGB32)
    img.fill(QColor("#228833"))
    good = folder / "good.png"
    assert img.save(str(good))
    data = good.read_bytes()
    corrupt = folder / "corrupt.png"
    corrupt.write_bytes(data[: len(data) // 2])
    giant = folder / "giant.png"  # a few hundred bytes that claim 50000 x 50000 pixels
    giant.write_bytes(b"\x89PNG\r\n\x1a\n"
                      + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 50000, 50000, 8, 2, 0, 0, 0))
                      + _png_chunk(b"IDAT", zlib.compress(b"\0" * 100)) + _png_chunk(b"IEND", b""))
    heavy = folder / "heavy.png"
    with open(heavy, "wb") as fh:  # sparse: 60 MB without using the disk
        fh.truncate(60 * 1024 * 1024)
    fake = folder / "fake.png"
    fake.write_text("this is a text file wearing a .png name\n", encoding="utf-8")
    same = folder / "shot.png"  # same name as the picture the post already has
    img.fill(QColor("#aa2222"))
    assert img.save(str(same))
    return {"corrupt": corrupt, "giant": giant, "heavy": heavy, "fake": fake, "same": same}


def test_bad_pictures_are_refused_and_nothing_is_overwritten(qtbot, window, tmp_site, tmp_path,
                                                             prompter):
    folder = tmp_site / "images" / "2025-04-22-TIL25_ANewChapter"
    existing = (folder / "shot.png").read_bytes()
    bad = _bad_pictures(tmp_path / "incoming")
    _drop_files(window.editor.viewport(), list(bad.values()))

    assert len(prompter.warnings) == 1 and prompter.warnings[0][0] == "Images not added"
    lines = prompter.warnings[0][1].splitlines()
    assert len(lines) == 4
    assert any("corrupt.png is damaged" in ln for ln in lines)
    assert any("giant.png is 50000×50000 pixels" in ln for ln in lines)
    assert any("heavy.png is larger than 50 MB" in ln for ln in lines)
    assert any("fake.png is not a picture" in ln for ln in lines)
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 2 and "shot.png" in files, files
    renamed = next(n for n in files if n != "shot.png")
    assert (folder / "shot.png").read_bytes() == existing  # never overwritten
    assert (folder / renamed).read_bytes() == bad["same"].read_bytes()
    assert renamed in window.editor.text()
    for name in ("corrupt", "giant", "heavy", "fake"):
        assert f"{name}.png" not in window.editor.text()


# -- titles --------------------------------------------------------------------------------
@pytest.mark.parametrize("title", ["🎉🚀✨", "?!... ,;:", "../../../../../tmp/evil",
                                   "..", "/", "a/b\\c", "C:\\Windows\\x"])
def test_hostile_titles_save_a_safe_file_inside_posts(qtbot, window, tmp_site, tmp_path, title):
    outside_before = _tree(tmp_path)
    window.findChild(type(window.actions_.new_post), "newPostAction").trigger()
    QGuiApplication.clipboard().setText(title)
    field = window.form.title_field
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == title
    _type_at_end(qtbot, window, "Body.")
    _save(qtbot, window)
    saved = window.session.document.path
    assert saved is not None and saved.is_file()
    rel = saved.resolve().relative_to((tmp_site / "_posts").resolve())
    assert re.fullmatch(r"(\d{4}/)?\d{4}-\d{2}-\d{2}-[A-Za-z0-9-]+\.md", rel.as_posix()), rel
    # The title itself is kept as typed (quoted as YAML needs).
    assert read_header_values(saved.read_text(encoding="utf-8"))["title"] == title
    created = set(_tree(tmp_path)) - set(outside_before)
    assert {c for c in created if not c.startswith("data/")} == {f"blog/_posts/{rel.as_posix()}"}


# -- symlinks and failing disks ----------------------------------------------------------------
def test_symlink_out_of_repo_is_never_written_through(qtbot, window, tmp_site, tmp_path,
                                                      prompter):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    target = outside / "2025-05-05-outside.md"
    target.write_text("---\ntitle: Outside\n---\nnot the blog's\n", encoding="utf-8")
    link = tmp_site / "_posts" / "2025-05-05-outside.md"
    link.symlink_to(target)
    (tmp_site / "_posts" / "linked-dir").symlink_to(outside, target_is_directory=True)
    before = _tree(outside)
    for path in (link, tmp_site / "_posts" / "linked-dir" / target.name):
        assert window.open_post(path)
        assert "leads outside the blog repository" in window.info_bar.text()
        assert window.info_bar.action_text() == "" and window.editor.isReadOnly()
        _save(qtbot, window)
        assert "leads outside the blog repository" in prompter.infos[-1][1]
        assert _tree(outside) == before


def _fail_in(root: Path, monkeypatch, err: int, func: str) -> None:
    """Make os.open (creating) or os.write fail with `err` for files under `root` only."""
    real = getattr(os, func)
    real_root = os.path.realpath(root)

    def under_root(path) -> bool:
        return os.path.realpath(path).startswith(real_root + os.sep)

    if func == "open":
        def failing(path, flags, *args, **kwargs):
            if flags & os.O_CREAT and under_root(path):
                raise OSError(err, os.strerror(err), str(path))
            return real(path, flags, *args, **kwargs)
    else:
        def failing(fd, data):
            if under_root(os.readlink(f"/proc/self/fd/{fd}")):
                raise OSError(err, os.strerror(err))
            return real(fd, data)
    monkeypatch.setattr(os, func, failing)


@pytest.mark.parametrize("err,func,reason", [
    (errno.EROFS, "open", "the folder is on a read-only disk"),
    (errno.ENOSPC, "write", "the disk is full"),
])
def test_read_only_mount_and_full_disk(qtbot, window, tmp_site, post, prompter, monkeypatch,
                                       err, func, reason):
    _type_at_end(qtbot, window, " unsaved words")
    before = _tree(tmp_site)
    _fail_in(tmp_site, monkeypatch, err, func)
    _save(qtbot, window)
    monkeypatch.undo()
    assert prompter.warnings == [("Not saved", f"Could not save {post.name}: {reason}.")]
    assert _one_sentence(prompter.warnings[0][1])
    assert window.session.document.dirty and window.windowTitle().startswith("*")
    assert window.editor.text().endswith(" unsaved words")
    assert _tree(tmp_site) == before  # no half-written temp file left either
    _save(qtbot, window)  # the disk is back: the same buffer saves
    assert post.read_text(encoding="utf-8").endswith(" unsaved words")
