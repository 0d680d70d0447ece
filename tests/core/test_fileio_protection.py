"""Issue 10 item 7: a write-protected post is never replaced by the atomic rename (the tests run
as root, who may write anything, so the mode bits decide, not os.access); an immutable one
(chattr +i, tried only where it works) not even on the user's word; new files get
0o666 & ~umask like a plain write, pictures included."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tileditor.core.document import Document, DocumentError
from tileditor.core.fileio import WriteProtectedError, atomic_write, fingerprint, protection
from tileditor.services.image_importer import write_new_file


def _post(tmp_path: Path, mode: int) -> Path:
    p = tmp_path / "2025-01-01-locked.md"
    p.write_bytes(b"---\ntitle: locked\n---\nbody\n")
    p.chmod(mode)
    return p


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o464, 0o044])
def test_owner_cannot_write_means_never_replaced(tmp_path, mode):
    p = _post(tmp_path, mode)
    before = p.read_bytes()
    with pytest.raises(WriteProtectedError, match="read-only on disk") as info:
        atomic_write(p, b"replaced", expected=fingerprint(p))
    assert info.value.kind == "mode"
    assert p.read_bytes() == before and os.stat(p).st_mode & 0o777 == mode
    assert [q.name for q in tmp_path.iterdir()] == [p.name]  # no temp left either


def test_save_anyway_writes_and_keeps_the_mode(tmp_path):
    p = _post(tmp_path, 0o444)
    atomic_write(p, b"the user said so", allow_protected=True)
    assert p.read_bytes() == b"the user said so" and os.stat(p).st_mode & 0o777 == 0o444


def test_document_opens_read_only_with_the_reason_and_edit_anyway_still_asks(tmp_path):
    p = _post(tmp_path, 0o444)
    doc = Document.load(p)
    assert doc.protection == "mode" and doc.read_only
    assert "read-only on disk" in doc.read_only_reason and p.name in doc.read_only_reason
    with pytest.raises(DocumentError):
        doc.save()
    doc.edit_anyway()
    doc.set_text(doc.text + "more\n")
    with pytest.raises(WriteProtectedError):
        doc.save()
    assert p.read_bytes() == b"---\ntitle: locked\n---\nbody\n" and doc.dirty
    doc.save(allow_protected=True)
    assert p.read_text() == doc.text and not doc.dirty and os.stat(p).st_mode & 0o777 == 0o444


def test_writable_post_is_not_protected(tmp_path):
    p = _post(tmp_path, 0o644)
    assert protection(p) is None and not Document.load(p).read_only


@pytest.fixture
def immutable(tmp_path):
    p = _post(tmp_path, 0o644)
    if shutil.which("chattr") is None or os.geteuid() != 0:
        pytest.skip("chattr +i needs root and e2fsprogs")
    if subprocess.run(["chattr", "+i", str(p)], capture_output=True).returncode != 0:
        pytest.skip("this file system does not support chattr +i")
    yield p
    subprocess.run(["chattr", "-i", str(p)], check=True)


def test_immutable_post_opens_read_only_and_is_never_replaced(immutable):
    before = immutable.read_bytes()
    doc = Document.load(immutable)
    assert doc.protection == "immutable" and "immutable" in doc.read_only_reason
    doc.edit_anyway()  # no effect: even the user's word cannot replace it
    assert doc.read_only
    with pytest.raises(WriteProtectedError, match="immutable") as info:
        atomic_write(immutable, b"x", allow_protected=True)
    assert info.value.kind == "immutable" and immutable.read_bytes() == before


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield
    os.umask(old)


def test_new_post_and_new_picture_follow_the_umask(tmp_path, umask_027, tiny_png):
    doc = Document.new("---\ntitle: new\n---\n")
    target = tmp_path / "_posts" / "2025-01-02-new.md"
    target.parent.mkdir()
    doc.save(target)
    picture = tmp_path / "images" / "x.png"
    write_new_file(picture, tiny_png)
    assert os.stat(target).st_mode & 0o777 == 0o640
    assert os.stat(picture).st_mode & 0o777 == 0o640  # mkstemp gave 0600
    assert sorted(p.name for p in picture.parent.iterdir()) == ["x.png"]


def test_new_picture_under_the_usual_umask_is_644(tmp_path, tiny_png):
    old = os.umask(0o022)
    try:
        write_new_file(tmp_path / "shot.png", tiny_png)
    finally:
        os.umask(old)
    assert os.stat(tmp_path / "shot.png").st_mode & 0o777 == 0o644
