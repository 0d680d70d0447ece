"""The listing kept in the data folder: a new process lists by stat-ing, reads only what
changed since, and ignores a kept listing that is broken or made under other rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from tileditor.core.site import HeaderCache, JekyllSite, PostScanner, listing_cache


def _repo(root: Path) -> Path:
    (root / "_posts" / "2024").mkdir(parents=True)
    (root / "_drafts").mkdir()
    (root / "_config.yml").write_text("title: t\ntimezone: Asia/Seoul\n", encoding="utf-8")
    for i in range(30):
        (root / "_posts" / "2024" / f"2024-02-{1 + i % 28:02d}-p{i}.md").write_text(
            f"---\ntitle: Post {i}\ntags: [t{i % 4}, 2024]\ndate: 2024-02-01 09:30:00 +0900\n"
            f"---\nbody\n", encoding="utf-8")
    (root / "_drafts" / "d.md").write_text('---\ntitle: "bad\n---\n', encoding="utf-8")
    return root


def _kept(tmp_path: Path, root: Path) -> Path:
    site, scanner = JekyllSite(root), PostScanner()
    scanner.scan(site)
    folder = tmp_path / "listings"
    listing_cache.save(folder, root, scanner.cache_context(site), scanner.export())
    return folder


@pytest.fixture
def reads(monkeypatch):
    """Headers read from the disk, by path."""
    seen: list[Path] = []
    real = HeaderCache.get

    def get(self, path, stat=None):
        seen.append(Path(path))
        return real(self, path, stat)

    monkeypatch.setattr(HeaderCache, "get", get)
    return seen


def test_a_new_process_lists_from_the_kept_listing_and_reads_only_what_changed(
        tmp_path, reads):
    root = _repo(tmp_path / "blog")
    folder = _kept(tmp_path, root)
    changed = root / "_posts" / "2024" / "2024-02-05-p4.md"
    changed.write_text("---\ntitle: Changed since\n---\n", encoding="utf-8")
    reads.clear()
    site, scanner = JekyllSite(root), PostScanner()  # as in a new process
    assert scanner.seed(site, listing_cache.load(folder, root, scanner.cache_context(site))) == 31
    snapshot = scanner.scan(site)
    assert reads == [changed]
    fresh = JekyllSite(root)
    assert snapshot.posts == tuple(fresh.posts()) and snapshot.drafts == tuple(fresh.drafts())
    assert snapshot.tags == fresh.tag_index()


def test_a_kept_listing_of_other_rules_or_broken_is_ignored(tmp_path):
    root = _repo(tmp_path / "blog")
    folder = _kept(tmp_path, root)
    site = JekyllSite(root)
    context = PostScanner().cache_context(site)
    assert listing_cache.load(folder, root, context)
    assert listing_cache.load(folder, root, [None, *context[1:]]) == {}  # another timezone
    assert listing_cache.load(folder, tmp_path / "elsewhere", context) == {}
    listing_cache.cache_file(folder, root).write_text("{not json", encoding="utf-8")
    assert listing_cache.load(folder, root, context) == {}
    listing_cache.cache_file(folder, root).write_text('{"version": 1, "entries": [[1]]}',
                                                      encoding="utf-8")
    assert listing_cache.load(folder, root, context) == {}


def test_saving_where_nothing_can_be_written_is_quiet(tmp_path):
    root = _repo(tmp_path / "blog")
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    site, scanner = JekyllSite(root), PostScanner()
    scanner.scan(site)
    listing_cache.save(blocker, root, scanner.cache_context(site), scanner.export())
    assert blocker.read_text(encoding="utf-8") == "x"


def test_the_kept_listing_is_json_lines_a_head_then_one_post_a_line(tmp_path):
    import json

    root = _repo(tmp_path / "blog")
    folder = _kept(tmp_path, root)
    lines = listing_cache.cache_file(folder, root).read_text(encoding="utf-8").split("\n")
    head = json.loads(lines[0])
    assert head["listing"] == listing_cache.VERSION and head["count"] == 31
    assert lines[-1] == "" and len(lines) == 31 + 2
    paths = {json.loads(line)[0] for line in lines[1:-1]}
    assert paths == {str(p) for p in root.rglob("*.md")}
    assert listing_cache.kept_count(folder, root) == 31  # from the first line alone
    assert listing_cache.kept_count(folder, tmp_path / "never-listed") == 0


@pytest.mark.parametrize("cut", ["last_line_half", "last_line_whole", "head_only", "middle",
                                 "empty", "bytes"])
def test_a_cut_short_or_corrupt_kept_listing_is_ignored_and_the_disk_read(tmp_path, cut, reads):
    root = _repo(tmp_path / "blog")
    folder = _kept(tmp_path, root)
    path = listing_cache.cache_file(folder, root)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    broken = {
        "last_line_half": text[: len(text) - 1 - len(lines[-2]) // 2],  # a write cut mid-line
        "last_line_whole": "\n".join(lines[:-2]) + "\n",  # cut at a line's end: one short
        "head_only": lines[0] + "\n",
        "middle": "\n".join([*lines[:10], '["x", 1, 2', *lines[11:]]),
        "empty": "",
    }.get(cut)
    if broken is None:
        path.write_bytes(b"\xff\xfe" + path.read_bytes()[:50])
    else:
        path.write_text(broken, encoding="utf-8")
    site, scanner = JekyllSite(root), PostScanner()
    assert listing_cache.load(folder, root, scanner.cache_context(site)) == {}
    reads.clear()
    snapshot = scanner.scan(site)  # nothing seeded: every header read, the same listing
    assert len(reads) == 31
    fresh = JekyllSite(root)
    assert snapshot.posts == tuple(fresh.posts()) and snapshot.drafts == tuple(fresh.drafts())


def test_a_kept_listing_of_the_first_format_is_ignored_and_replaced(tmp_path):
    root = _repo(tmp_path / "blog")
    folder = tmp_path / "listings"
    folder.mkdir()
    old = listing_cache.cache_file(folder, root).with_suffix(".json")
    old.write_text('{"version": 1, "entries": []}', encoding="utf-8")
    site, scanner = JekyllSite(root), PostScanner()
    assert listing_cache.load(folder, root, scanner.cache_context(site)) == {}
    scanner.scan(site)
    listing_cache.save(folder, root, scanner.cache_context(site), scanner.export())
    assert not old.exists()
    assert len(listing_cache.load(folder, root, scanner.cache_context(site))) == 31
