"""Every local image reference in the shared corpus resolves to a file, like the published site."""

from __future__ import annotations

import json

import pytest

from tests.helpers.corpus import corpus_dir
from tileditor.core.frontmatter import split_front_matter
from tileditor.core.images import (
    find_image_references,
    front_matter_image_refs,
    page_folders,
    resolve_reference,
    site_paths_for,
)
from tileditor.core.site import JekyllSite, parse_header, read_text

# (post rel path, src) -> why it does not resolve in the corpus copy.
KNOWN_UNRESOLVED = {
    ("_posts/2015-04-22-the-difference-between-18f-and-usds.md",
     "//ben.balter.com/wp-content/uploads/2015/18f-vs-usds.png"):
        "front-matter og image: the file is in the upstream repo but was not copied "
        "(the corpus copied body images only)",
}


def _manifests():
    base = corpus_dir()
    return sorted(base.glob("*/corpus.json")) if base else []


def _local_refs(site, entry):
    text = read_text(entry.path)
    fm, _ = parse_header(text)
    span = split_front_matter(text)
    body_offset = span.body_start if span else 0
    refs = [(r.src, False) for r in find_image_references(text[body_offset:])]
    refs += [(s, True) for s in front_matter_image_refs(fm)]
    for src, from_fm in refs:
        probe = src if not from_fm or src.startswith(("/", "{", "http", "//")) else "/" + src
        if site_paths_for(site, entry.path, probe):  # empty: another site's URL
            yield src, from_fm, fm


@pytest.mark.parametrize("manifest", _manifests(), ids=lambda p: p.parent.name)
def test_corpus_local_images_resolve(manifest):
    info = json.loads(manifest.read_text(encoding="utf-8"))
    prefix = info["site_root"] + "/" if info["site_root"] else ""
    site = JekyllSite(manifest.parent / info["site_root"])
    complete = set(info["posts_with_all_local_images_present"])
    upstream = set(info["repo_image_paths"])
    resolved, unresolved, files = 0, [], set()
    for entry in site.posts() + site.drafts():
        for src, from_fm, fm in _local_refs(site, entry):
            hit = resolve_reference(site, entry.path, src, fm, from_front_matter=from_fm)
            # The preview computes the post's page folders once for all its images.
            folders = page_folders(site, entry.path, fm)
            assert resolve_reference(site, entry.path, src, fm, from_front_matter=from_fm,
                                     folders=folders) == hit
            if hit is not None:
                assert hit.is_file() and site.root in hit.parents
                resolved += 1
                files.add(hit)
                continue
            unresolved.append((entry.rel, src))
            assert prefix + entry.rel not in complete or from_fm, (entry.rel, src)
            assert (entry.rel, src) in KNOWN_UNRESOLVED, (entry.rel, src)
            wanted = site_paths_for(site, entry.path, src)[0].lstrip("/")
            assert prefix + wanted in upstream, "not in upstream either: really broken"
    print(f"{manifest.parent.name}: {resolved} refs to {len(files)} files resolved, "
          f"{len(unresolved)} known unresolved")
    # Every image the corpus copied because a post references it is found again.
    assert len(files) == info["images_included"]
    assert {u for u in unresolved} <= set(KNOWN_UNRESOLVED)


def test_corpus_posts_with_complete_images_are_all_found(corpus):
    for manifest in _manifests():
        info = json.loads(manifest.read_text(encoding="utf-8"))
        site = JekyllSite(manifest.parent / info["site_root"])
        prefix = info["site_root"] + "/" if info["site_root"] else ""
        listed = {prefix + e.rel for e in site.posts()}
        missing = set(info["posts_with_all_local_images_present"]) - listed
        assert not missing
        assert len(site.posts()) == info["n_post_files"]
