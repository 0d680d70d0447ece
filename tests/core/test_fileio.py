"""Safe writes: atomicity, conflict checks, permissions, symlinks, and injected OS failures."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tileditor.core import fileio
from tileditor.core.fileio import (
    ANY,
    ConflictError,
    FileTooLargeError,
    WriteError,
    atomic_write,
    fingerprint,
    is_temp_name,
    read_bytes_limited,
)


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if is_temp_name(p.name)]


def test_fingerprint_of_missing_file_is_none(tmp_path):
    assert fingerprint(tmp_path / "nope.md") is None
    assert fingerprint(tmp_path / "no" / "folder.md") is None


def test_fingerprint_tracks_content(tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes(b"one")
    a = fingerprint(p)
    p.write_bytes(b"two")
    b = fingerprint(p)
    assert a.size == 3 and a.sha256 != b.sha256
    assert not a.same_bytes(b)


def test_write_new_file_and_return_matching_fingerprint(tmp_path):
    p = tmp_path / "post.md"
    fp = atomic_write(p, "héllo\r\nno final newline".encode(), expected=None)
    assert p.read_bytes() == "héllo\r\nno final newline".encode()
    assert fp == fingerprint(p)
    assert _leftovers(tmp_path) == []


def test_new_file_mode_follows_umask(tmp_path):
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "n.md", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "n.md").stat().st_mode) == 0o640


def test_existing_mode_is_kept(tmp_path):
    p = tmp_path / "post.md"
    p.write_bytes(b"old")
    p.chmod(0o604)
    atomic_write(p, b"new", expected=fingerprint(p))
    assert stat.S_IMODE(p.stat().st_mode) == 0o604
    assert p.read_bytes() == b"new"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_owner_is_kept_when_running_as_root(tmp_path):
    p = tmp_path / "post.md"
    p.write_bytes(b"old")
    os.chown(p, 1234, 2345)
    atomic_write(p, b"new", expected=fingerprint(p))
    owner = p.stat()
    assert (owner.st_uid, owner.st_gid) == (1234, 2345)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=4096))
def test_any_bytes_round_trip(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("prop")
    p = folder / "x.md"
    fp = atomic_write(p, data)
    assert p.read_bytes() == data and fp.same_bytes(fingerprint(p))
    assert _leftovers(folder) == []


def test_expected_none_refuses_existing_file(tmp_path):
    p = tmp_path / "post.md"
    p.write_bytes(b"theirs")
    with pytest.raises(ConflictError, match="already exists"):
        atomic_write(p, b"mine", expected=None)
    assert p.read_bytes() == b"theirs"


def test_changed_on_disk_is_a_conflict_and_not_overwritten(tmp_path):
    p = tmp_path / "post.md"
    p.write_bytes(b"loaded")
    fp = fingerprint(p)
    p.write_bytes(b"edited elsewhere")
    with pytest.raises(ConflictError, match="changed on disk") as info:
        atomic_write(p, b"mine", expected=fp)
    assert info.value.found.sha256 != fp.sha256
    assert p.read_bytes() == b"edited elsewhere"
    assert _leftovers(tmp_path) == []


def test_deleted_on_disk_is_a_conflict(tmp_path):
    p = tmp_path / "post.md"
    p.write_bytes(b"loaded")
    fp = fingerprint(p)
    p.unlink()
    with pytest.raises(ConflictError, match="deleted or moved"):
        atomic_write(p, b"mine", expected=fp)
    assert not p.exists()


def test_touch_without_content_change_is_not_a_conflict(tmp_path):
    p = tmp_path / "post.md"
    p.write_bytes(b"same")
    fp = fingerprint(p)
    os.utime(p, ns=(1, 1))
    atomic_write(p, b"new", expected=fp)
    assert p.read_bytes() == b"new"


def test_any_skips_check(tmp_path):
    p = tmp_path / "post.md"
    p.write_bytes(b"whatever")
    atomic_write(p, b"new", expected=ANY)
    assert p.read_bytes() == b"new"


def test_symlink_inside_root_is_written_through(tmp_path):
    root = tmp_path / "repo"
    (root / "_posts").mkdir(parents=True)
    real = root / "_posts" / "real.md"
    real.write_bytes(b"old")
    link = root / "_posts" / "link.md"
    link.symlink_to(real)
    atomic_write(link, b"new", expected=fingerprint(link), root=root)
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_symlink_out_of_root_is_refused(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    outside = tmp_path / "secret.md"
    outside.write_bytes(b"outside")
    link = root / "post.md"
    link.symlink_to(outside)
    with pytest.raises(WriteError, match="outside the blog repository") as info:
        atomic_write(link, b"pwned", root=root)
    assert outside.read_bytes() == b"outside"
    assert link.is_symlink()
    assert "\n" not in str(info.value)


def test_folder_gone_says_so(tmp_path):
    p = tmp_path / "gone" / "post.md"
    with pytest.raises(WriteError, match="no longer exists"):
        atomic_write(p, b"x")


def _original(tmp_path: Path) -> Path:
    p = tmp_path / "2025-04-22-post.md"
    p.write_bytes(b"---\ntitle: original\n---\nbody")
    return p


FAULTS = [
    ("open", errno.ENOSPC, "disk is full"),
    ("open", errno.EACCES, "permission was denied"),
    ("open", errno.EROFS, "read-only"),
    ("write", errno.ENOSPC, "disk is full"),
    ("write", errno.EIO, "input/output error"),
    ("fsync", errno.ENOSPC, "disk is full"),
    ("fsync", errno.EIO, "input/output error"),
    ("replace", errno.EACCES, "permission was denied"),
    ("replace", errno.EPERM, "permission was denied"),
    ("replace", errno.EROFS, "read-only"),
]


@pytest.mark.parametrize(("func", "err", "phrase"), FAULTS)
def test_injected_failure_leaves_original_and_no_temp(tmp_path, monkeypatch, func, err, phrase):
    p = _original(tmp_path)
    before = p.read_bytes()
    fp = fingerprint(p)
    real = getattr(os, func)
    calls = []

    def failing(*args, **kwargs):
        # Only the temp-file step fails; the folder fsync open is allowed through.
        target = str(args[0]) if func == "open" else ""
        if func == "open" and not fileio.is_temp_name(Path(target).name):
            return real(*args, **kwargs)
        calls.append(args)
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(os, func, failing)
    with pytest.raises(WriteError) as info:
        atomic_write(p, b"new text that must not land", expected=fp)
    monkeypatch.undo()
    assert calls, f"os.{func} was never called"
    assert p.read_bytes() == before
    assert _leftovers(tmp_path) == []
    msg = str(info.value)
    assert phrase in msg.lower() and p.name in msg and msg.count(".") <= 3
    assert info.value.err == err


def test_partial_write_then_enospc_leaves_original(tmp_path, monkeypatch):
    p = _original(tmp_path)
    before = p.read_bytes()
    real_write = os.write
    state = {"n": 0}

    def short_then_full(fd, data):
        state["n"] += 1
        if state["n"] == 1:
            return real_write(fd, bytes(data[:5]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", short_then_full)
    with pytest.raises(WriteError, match="disk is full"):
        atomic_write(p, b"x" * 1000)
    monkeypatch.undo()
    assert state["n"] == 2
    assert p.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_read_bytes_limited(tmp_path):
    p = tmp_path / "big.md"
    p.write_bytes(b"a" * 100)
    data, fp = read_bytes_limited(p, 100)
    assert data == b"a" * 100 and fp == fingerprint(p)
    with pytest.raises(FileTooLargeError):
        read_bytes_limited(p, 99)
