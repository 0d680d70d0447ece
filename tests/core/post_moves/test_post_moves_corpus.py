"""Renaming real posts of the shared corpus (in a copy): every image that showed before still
shows the same bytes after, and the undo gives back every byte of the repo."""

from __future__ import annotations

import shutil

import pytest

from tests.helpers.corpus import corpus_sites
from tests.helpers.post_moves import snapshot
from tileditor.core.images import find_image_references, resolve_reference
from tileditor.core.post import Post
from tileditor.core.post_moves import apply_move, plan_rename
from tileditor.core.site import JekyllSite

pytestmark = pytest.mark.corpus


def _shown(site, path):
    post = Post.from_bytes(path.read_bytes())
    fm = dict(post.front_matter.items())
    hits = [resolve_reference(site, path, r.src, fm) for r in find_image_references(post.body)]
    return [h.read_bytes() if h else None for h in hits]


@pytest.mark.parametrize("site_root", corpus_sites(), ids=lambda p: p.parent.name)
def test_renaming_corpus_posts_keeps_their_images_and_undoes_exactly(tmp_path, site_root):
    root = tmp_path / "site"
    shutil.copytree(site_root, root)
    root = root.resolve()
    site = JekyllSite(root)
    before = snapshot(root)
    posts = site.posts()
    for entry in posts[::40]:
        shown = _shown(site, entry.path)
        plan = plan_rename(site, entry.path, slug=entry.slug + "-moved")
        undo = apply_move(plan)
        site.invalidate()
        assert _shown(site, plan.new_path) == shown, entry.rel
        apply_move(undo)
        site.invalidate()
    assert snapshot(root) == before
