"""Real failures instead of injected ones: a full tmpfs and a tmpfs remounted read-only.
Needs the right to mount (root in a container here); skips cleanly anywhere else."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tileditor.core.document import Document
from tileditor.core.fileio import WriteError, atomic_write, fingerprint, is_temp_name


def _mount(args: list[str]) -> bool:
    if shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def small_fs(tmp_path):
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if not _mount(["-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", str(mnt)]):
        pytest.skip("cannot mount a tmpfs here (needs privileges)")
    try:
        yield mnt
    finally:
        if subprocess.run(["umount", str(mnt)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _post(folder: Path) -> Path:
    p = folder / "2025-04-22-post.md"
    p.write_bytes(b"---\ntitle: on a small disk\n---\nbody")
    return p


def test_real_full_disk_leaves_original_and_no_temp(small_fs):
    post = _post(small_fs)
    before = post.read_bytes()
    with pytest.raises(WriteError) as info:
        atomic_write(post, b"x" * 200_000, expected=fingerprint(post))
    assert str(info.value) == f"Could not save {post.name}: the disk is full."
    assert post.read_bytes() == before
    assert not [p for p in small_fs.iterdir() if is_temp_name(p.name)]


def test_real_read_only_mount_keeps_document_and_file(small_fs):
    post = _post(small_fs)
    doc = Document.load(post)
    doc.set_text(doc.text + "\nedit")
    if not _mount(["-o", "remount,ro", str(small_fs)]):
        pytest.skip("cannot remount read-only here")
    with pytest.raises(WriteError) as info:
        doc.save()
    assert str(info.value) == f"Could not save {post.name}: the folder is on a read-only disk."
    assert post.read_bytes() == b"---\ntitle: on a small disk\n---\nbody"
    assert doc.dirty and doc.text.endswith("\nedit")
