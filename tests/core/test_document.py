"""The document model: exact round trips, conflicts, bad inputs, legacy encodings, read-only repos."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.helpers.corpus import corpus_posts
from tileditor.core.document import Document, DocumentError
from tileditor.core.fileio import ConflictError, WriteError, fingerprint, is_temp_name

POST = "---\ntitle: \"TIL :: x\"\ntoc: true \n---\n\nline  \nno final newline"


@pytest.fixture
def post(tmp_path) -> Path:
    p = tmp_path / "_posts" / "2025-04-22-x.md"
    p.parent.mkdir()
    p.write_bytes(POST.encode())
    return p


def test_load_is_clean_and_save_unedited_gives_same_bytes(post):
    doc = Document.load(post)
    assert doc.text == POST and not doc.dirty and doc.read_only_reason is None
    doc.save()
    assert post.read_bytes() == POST.encode()


def test_crlf_and_bom_are_kept(tmp_path):
    p = tmp_path / "a.md"
    raw = b"\xef\xbb\xbfline one\r\nline two\r\n"
    p.write_bytes(raw)
    doc = Document.load(p)
    assert doc.text == "line one\r\nline two\r\n" and doc.bom
    doc.set_text(doc.text + "three")
    doc.save()
    assert p.read_bytes() == raw + b"three"


def test_edit_makes_dirty_and_save_cleans(post):
    doc = Document.load(post)
    doc.set_text(POST + "\nmore")
    assert doc.dirty
    fp = doc.save()
    assert not doc.dirty and fp == fingerprint(post)
    assert post.read_text() == POST + "\nmore"


def test_external_change_is_a_conflict_and_nothing_changes(post):
    doc = Document.load(post)
    doc.set_text("mine")
    post.write_text("theirs")
    old_fp = doc.fingerprint
    assert doc.disk_state() == "changed"
    with pytest.raises(ConflictError):
        doc.save()
    assert post.read_text() == "theirs"
    assert doc.text == "mine" and doc.dirty and doc.fingerprint == old_fp
    diff = doc.diff_against_disk()
    assert "-theirs" in diff and "+mine" in diff and "(on disk)" in diff


def test_save_to_same_file_spelled_differently_is_not_save_as(post, monkeypatch):
    monkeypatch.chdir(post.parent)
    doc = Document.load(post)
    doc.set_text("edited")
    doc.save(Path(post.name))
    assert post.read_text() == "edited" and doc.path == post


def test_reload_takes_disk_text(post):
    doc = Document.load(post)
    post.write_text("theirs")
    assert doc.reload() == "theirs"
    assert doc.text == "theirs" and not doc.dirty and doc.disk_state() == "same"


def test_delete_while_open_keeps_buffer_and_save_recreates(post):
    doc = Document.load(post)
    post.unlink()
    assert doc.disk_state() == "missing"
    doc.mark_missing()
    assert doc.dirty and doc.text == POST
    doc.save()
    assert post.read_text() == POST and not doc.dirty


def test_new_document_save_and_save_as_never_overwrites(tmp_path):
    doc = Document.new("# hi")
    assert doc.dirty and doc.path is None
    with pytest.raises(DocumentError, match="no file name"):
        doc.save()
    existing = tmp_path / "taken.md"
    existing.write_text("someone else's")
    with pytest.raises(ConflictError):
        doc.save(existing)
    assert existing.read_text() == "someone else's"
    doc.save(tmp_path / "new.md")
    assert (tmp_path / "new.md").read_text() == "# hi" and doc.path == tmp_path / "new.md"
    assert not doc.dirty


def test_legacy_encoding_opens_read_only_until_converted(tmp_path):
    p = tmp_path / "old.md"
    raw = "제목: 안녕하세요\n본문".encode("cp949")
    p.write_bytes(raw)
    doc = Document.load(p)
    assert doc.text == "제목: 안녕하세요\n본문"
    assert "cp949" in doc.read_only_reason and "convert" in doc.read_only_reason
    with pytest.raises(DocumentError):
        doc.save()
    assert p.read_bytes() == raw
    doc.convert_to_utf8()
    assert doc.dirty and doc.read_only_reason is None
    doc.save()
    assert p.read_bytes() == "제목: 안녕하세요\n본문".encode()


def test_binary_file_refused_clearly(tmp_path):
    p = tmp_path / "image.md"
    raw = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    p.write_bytes(raw)
    with pytest.raises(DocumentError, match="binary") as info:
        Document.load(p)
    assert p.name in str(info.value)
    assert p.read_bytes() == raw


def test_missing_and_folder_refused(tmp_path):
    with pytest.raises(DocumentError, match="does not exist"):
        Document.load(tmp_path / "nope.md")
    with pytest.raises(DocumentError, match="folder"):
        Document.load(tmp_path)


def test_ten_megabyte_post_opens_with_warning(tmp_path):
    p = tmp_path / "huge.md"
    body = ("Some text with 한글 and a [link](x).\n" * 300_000)
    p.write_text(body, encoding="utf-8")
    assert p.stat().st_size > 10_000_000
    doc = Document.load(p)
    assert doc.text == body and "MB" in doc.warning
    doc.set_text(body + "end")
    doc.save()
    assert p.read_text(encoding="utf-8").endswith("end")


def test_symlink_out_of_repo_is_read_only_and_never_written(tmp_path):
    repo = tmp_path / "repo"
    (repo / "_posts").mkdir(parents=True)
    outside = tmp_path / "elsewhere.md"
    outside.write_text("outside")
    link = repo / "_posts" / "2025-01-01-link.md"
    link.symlink_to(outside)
    doc = Document.load(link, root=repo)
    assert "outside the blog repository" in doc.read_only_reason
    doc.set_text("changed")
    with pytest.raises(DocumentError):
        doc.save(root=repo)
    doc.read_only_reason = None  # even if the UI forgot, the write layer refuses
    with pytest.raises(WriteError, match="outside"):
        doc.save(root=repo)
    assert outside.read_text() == "outside"


@pytest.mark.parametrize("err", [errno.EROFS, errno.EACCES, errno.ENOSPC])
def test_read_only_mount_or_full_disk_keeps_buffer_and_file(post, monkeypatch, err):
    doc = Document.load(post)
    doc.set_text("my edit")
    old_fp = doc.fingerprint

    def refuse(*args, **kwargs):
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(WriteError) as info:
        doc.save()
    monkeypatch.undo()
    assert post.read_text() == POST
    assert doc.text == "my edit" and doc.dirty and doc.fingerprint == old_fp
    assert str(info.value).startswith(f"Could not save {post.name}: ")
    assert not [p for p in post.parent.iterdir() if is_temp_name(p.name)]


def test_follow_move(post):
    doc = Document.load(post)
    new = post.with_name("2025-04-22-renamed.md")
    post.rename(new)
    doc.follow_move(new)
    assert doc.path == new and not doc.dirty and doc.disk_state() == "same"


@pytest.mark.parametrize("path", corpus_posts()[:300], ids=lambda p: p.name)
def test_corpus_posts_round_trip_byte_exact(path, tmp_path):
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    doc = Document.load(copy)
    assert not doc.dirty
    doc.save()
    assert copy.read_bytes() == path.read_bytes()
