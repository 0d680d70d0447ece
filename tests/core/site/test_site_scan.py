"""PostScanner/SiteSnapshot (the listing made off the UI thread) against JekyllSite's own
posts()/drafts()/tag_index() on real files, rescans after changes, and tree_stats."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tileditor.core.demo import install_demo_blog
from tileditor.core.site import (
    Conventions,
    JekyllSite,
    PostScanner,
    ScanCancelled,
    forget_changed,
    pending,
    tree_stats,
    with_conventions,
)


def _fresh(root: Path) -> JekyllSite:
    return JekyllSite(root)  # no snapshot: posts() walks the disk, the reference


def _assert_same(root: Path, snapshot) -> None:
    ref = _fresh(root)
    assert snapshot.posts == tuple(ref.posts())
    assert snapshot.drafts == tuple(ref.drafts())
    assert snapshot.tags == ref.tag_index()
    assert snapshot.post_stems == {e.path.stem.lower() for e in ref.posts()}
    assert snapshot.draft_stems == {e.path.stem.lower() for e in ref.drafts()}


def _write(path: Path, text: str, mtime: float | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(path, (mtime, mtime))


@pytest.fixture
def odd_site(tmp_path) -> Path:
    """Jekyll's reading rules in one repo: subfolders, special names, other extensions,
    nested `x/_posts`, an excluded folder, undated names, drafts with equal mtimes."""
    root = tmp_path / "blog"
    _write(root / "_config.yml", "title: t\nexclude: [vendor, old]\nmarkdown_ext: md,mkd\n"
           "timezone: Asia/Seoul\n")
    posts = root / "_posts"
    _write(posts / "2024-01-02-a.md", "---\ntitle: A\ntags: [x, y, x]\n---\nbody")
    _write(posts / "2024" / "2024-03-04-b.markdown", "---\ntag: Solo\ncategory: C\n---\n")
    _write(posts / "2024" / "deep" / "2024-03-04-c.mkd", "---\ndate: 2024-03-04 10:00 +0900\n---\n")
    _write(posts / "2024-05-06-no-header.md", "just text")
    _write(posts / "2024-05-07-broken.md", '---\ntitle: "unclosed\n---\n')
    _write(posts / "not-dated.md", "---\ntitle: skipped\n---\n")
    _write(posts / "_hidden" / "2024-01-01-h.md", "---\ntitle: h\n---\n")
    _write(posts / ".dot" / "2024-01-01-d.md", "---\ntitle: d\n---\n")
    _write(posts / "2024-01-01-tilde.md~", "backup")
    _write(posts / "2024-01-01-x.txt", "not markdown")
    _write(root / "ko" / "_posts" / "2023-12-31-한글.md", "---\ntitle: 한글 제목\ntags: [파이썬]\n---\n")
    _write(root / "vendor" / "_posts" / "2020-01-01-v.md", "---\ntitle: vendored\n---\n")
    _write(root / "_drafts" / "one.md", "---\ntitle: One\n---\n", mtime=1_700_000_000)
    _write(root / "_drafts" / "two.md", "---\ntitle: Two\n---\n", mtime=1_700_000_000)
    _write(root / "_drafts" / "sub" / "three.md", "---\n---\n", mtime=1_700_000_500)
    return root


def test_snapshot_equals_the_sites_own_listing(odd_site):
    snapshot = PostScanner().scan(JekyllSite(odd_site))
    _assert_same(odd_site, snapshot)
    names = {e.path.name for e in snapshot.posts}
    assert "2023-12-31-한글.md" in names and "2024-03-04-c.mkd" in names
    assert "2020-01-01-v.md" not in names and "2024-01-01-h.md" not in names
    assert [e.path.name for e in snapshot.drafts][0] == "three.md"


def test_demo_blog_and_corpus_listings_are_equal(tmp_path, corpus_or_none):
    roots = [install_demo_blog(tmp_path)]
    if corpus_or_none is not None:
        roots += sorted(p.parent for p in corpus_or_none.glob("*/**/_config.yml"))
    for root in roots:
        _assert_same(root, PostScanner().scan(JekyllSite(root)))


@pytest.fixture
def corpus_or_none():
    from tests.helpers.corpus import corpus_dir

    return corpus_dir()


def test_rescan_follows_creates_edits_and_deletes(odd_site):
    site, scanner = JekyllSite(odd_site), PostScanner()
    first = scanner.scan(site)
    assert scanner.scan(site) is first  # nothing changed: the very same snapshot
    a = odd_site / "_posts" / "2024-01-02-a.md"
    _write(a, "---\ntitle: A again, longer\ntags: [z]\n---\n")
    _write(odd_site / "_posts" / "2025-01-01-new.md", "---\ntitle: New\ntags: [fresh]\n---\n")
    (odd_site / "_posts" / "2024-05-06-no-header.md").unlink()
    second = scanner.scan(site)
    assert second is not first
    _assert_same(odd_site, second)
    kept = {e.path: e for e in first.posts}
    reused = [e for e in second.posts if kept.get(e.path) is e]
    assert len(reused) == len(second.posts) - 2  # only the edited and the new one re-read
    assert second.tags.tags["fresh"] == 1 and "x" not in second.tags.tags


def test_same_size_same_mtime_rewrite_is_seen_after_forget(odd_site):
    """A rewrite that keeps size and mtime (coarse clocks) is invisible to stat: the
    watcher's named paths are forgotten and read again."""
    site, scanner = JekyllSite(odd_site), PostScanner()
    a = odd_site / "_posts" / "2024-01-02-a.md"
    scanner.scan(site)
    st = a.stat()
    a.write_text(a.read_text(encoding="utf-8").replace("title: A", "title: B"), encoding="utf-8")
    os.utime(a, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert next(e for e in scanner.scan(site).posts if e.path == a).title == "A"
    forget_changed(site, scanner, [str(a)])
    assert next(e for e in scanner.scan(site).posts if e.path == a).title == "B"


def test_site_answers_from_its_snapshot_until_the_next(odd_site):
    site, scanner = JekyllSite(odd_site), PostScanner()
    snapshot = with_conventions(site, scanner.scan(site), scanner)
    assert snapshot.conventions is not None
    site.use_snapshot(snapshot)
    assert site.posts() == list(snapshot.posts)
    assert site.conventions() is snapshot.conventions
    index = site.tag_index()
    index.tags["mutated"] += 1  # a caller's own copy
    assert "mutated" not in site.tag_index().tags
    _write(odd_site / "_posts" / "2025-09-09-later.md", "---\ntitle: later\n---\n")
    assert len(site.posts()) == len(snapshot.posts)  # the snapshot, until the next one
    assert scanner.scan(site) is not snapshot
    site.invalidate([odd_site / "_posts" / "2025-09-09-later.md"])  # the disk again, exactly
    assert site.snapshot is None and len(site.posts()) == len(snapshot.posts) + 1


def test_while_listed_the_posts_wait_and_conventions_are_defaults(odd_site):
    site = JekyllSite(odd_site)
    listed = PostScanner().scan(site)
    asked = []

    def wait():
        asked.append(1)
        return listed

    site.use_snapshot(pending(wait))
    assert site.conventions() == Conventions() and asked == []  # no waiting for these
    assert site.posts() == list(listed.posts) and asked == [1]
    assert site.drafts() == list(listed.drafts) and site.tag_index() == listed.tags
    site.use_snapshot(pending(lambda: None))  # the listing failed: the disk answers
    assert site.posts() == _fresh(odd_site).posts()


def test_unchanged_rescan_returns_the_snapshot_with_its_conventions(odd_site):
    site, scanner = JekyllSite(odd_site), PostScanner()
    done = with_conventions(site, scanner.scan(site), scanner)
    assert scanner.scan(site) is done


def test_cancel_stops_a_scan(odd_site):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ScanCancelled):
        PostScanner().scan(JekyllSite(odd_site), cancel)


def test_config_change_starts_over(odd_site):
    site, scanner = JekyllSite(odd_site), PostScanner()
    scanner.scan(site)
    config = odd_site / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("Asia/Seoul", "UTC"),
                      encoding="utf-8")
    forget_changed(site, scanner, [str(config)])
    assert site.tz is not None and str(site.tz) == "UTC"
    _assert_same(odd_site, scanner.scan(site))


_NAME = st.sampled_from(["2024-01-02-a", "2024-1-2-b", "2023-12-31-한글", "nodate", "_x", ".y",
                         "#z", "2024-02-02-c~", "2024-03-03-d e"])
_EXT = st.sampled_from([".md", ".markdown", ".MD", ".txt", ""])
_DIR = st.sampled_from(["", "2024/", "_skip/", "a/b/", ".git/"])
_HEAD = st.sampled_from(["", "---\ntitle: T\n---\n", "---\ntags: [a, b]\ncategory: c\n---\n",
                         "---\ndate: 2024-06-01\n---\n", '---\ntitle: "bad\n---\n'])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(st.sampled_from(["_posts", "_drafts", "x/_posts"]), _DIR, _NAME,
                                _EXT, _HEAD), max_size=12))
def test_any_tree_lists_as_jekyllsite_does(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("tree")
    _write(root / "_config.yml", "title: t\n")
    for n, (top, sub, name, ext, head) in enumerate(files):
        _write(root / top / f"{sub}{name}{ext}", head, mtime=1_700_000_000 + n % 3)
    _assert_same(root, PostScanner().scan(JekyllSite(root)))


# -- tree_stats: the watcher's look at the disk -------------------------------------------------
def test_tree_stats_diff_and_recent(tmp_path):
    root = Path(os.path.realpath(tmp_path))
    _write(root / "_config.yml", "title: t\n")
    keep = root / "_posts" / "2024-01-01-keep.md"
    edit = root / "_drafts" / "edit.md"
    gone = root / "_posts" / "sub" / "2024-01-02-gone.md"
    for p in (keep, edit, gone):
        _write(p, "x")
    _write(root / "images" / "a.png", "png")  # outside what is looked at
    before = tree_stats.snapshot(root)
    assert set(before) == {str(keep), str(edit), str(gone), str(root / "_config.yml")}
    time.sleep(0.1)  # the watcher's own margin for the kernel's coarse file clock is 20 ms
    since = time.time_ns() - 20_000_000
    time.sleep(0.05)
    edit.write_text("longer now", encoding="utf-8")
    gone.unlink()
    new = root / "_posts" / "2024-01-03-new.md"
    _write(new, "n")
    recent: set[str] = set()
    after = tree_stats.snapshot(root, since=since, recent=recent)
    assert tree_stats.changed_paths(before, after) == {str(edit), str(gone), str(new)}
    assert {str(edit), str(new), str(gone.parent)} <= recent and str(keep) not in recent
    none_yet: set[str] = set()
    tree_stats.snapshot(root, since=since, recent=none_yet, until=since)
    assert none_yet == set()  # changed after `until`: the watches were there, events told
    assert tree_stats.covers(str(root), str(keep)) and tree_stats.covers(str(root), str(root / "_config.yml"))
    assert not tree_stats.covers(str(root), str(root / "images" / "a.png"))
    assert not tree_stats.covers(str(root), str(root / "_posts"))
    stop = threading.Event()
    stop.set()
    assert tree_stats.snapshot(root, stop) == {str(root / "_config.yml"): after[str(root / "_config.yml")]}
