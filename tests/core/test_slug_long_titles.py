"""Issue 15 item 9: a very long title still gives a file name the file system takes (255 UTF-8
bytes on Linux, with room for the atomic save's temp name), while the header keeps it whole."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from tileditor.core.fileio import atomic_write
from tileditor.core.images import post_image_dir
from tileditor.core.new_post import new_post_text
from tileditor.core.post import Post
from tileditor.core.site import JekyllSite
from tileditor.core.slug import NAME_MAX_BYTES, fit_slug, new_post_path

LONG_TITLES = [
    pytest.param("Long title " * 27 + "end", id="300-ascii"),
    pytest.param("한글제목입니다" * 12 + "끝끝끝끝끝끝", id="90-hangul"),
]


@pytest.mark.parametrize("title", LONG_TITLES)
@pytest.mark.parametrize("draft", [False, True])
def test_long_title_gives_a_writable_name_and_keeps_the_title(tmp_site, title, draft):
    assert len(title) >= 90
    site = JekyllSite(tmp_site)
    path = new_post_path(site, title, date(2025, 5, 6), draft=draft)
    assert len(path.name.encode("utf-8")) <= NAME_MAX_BYTES
    # The temp name of an atomic save must fit too: `.<name>.<8 hex>.tileditor-tmp`.
    assert len(path.name.encode("utf-8")) + 24 <= 255
    assert path.stem.split("-", 3)[-1][:10] == path.stem.split("-", 3)[-1][:10].strip("-")
    text = new_post_text(site, title, date(2025, 5, 6), draft=draft)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, text.encode("utf-8"), expected=None, root=site.root)
    assert Post.from_bytes(path.read_bytes()).front_matter["title"] == title
    folder = post_image_dir(site, path)
    folder.mkdir(parents=True)  # the images folder takes the post's (shortened) name
    (folder / "shot.png").write_bytes(b"x")
    site.invalidate()
    again = new_post_path(site, title, date(2025, 5, 6), draft=draft)
    assert again != path and len(again.name.encode("utf-8")) + 24 <= 255


def test_fit_slug_cuts_on_character_boundaries():
    slug = "가" * 100  # 3 bytes each
    cut = fit_slug(slug, "2025-01-01-.md")
    assert cut == "가" * ((NAME_MAX_BYTES - 14) // 3)
    assert fit_slug("short", "2025-01-01-.md") == "short"
    # A letter with its combining mark is kept or dropped as one.
    decomposed = unicodedata.normalize("NFD", "é") * 200
    out = fit_slug(decomposed, "", limit=11)
    assert out == unicodedata.normalize("NFD", "é") * 3
    assert fit_slug("ab-" + "c" * 300, "", limit=3) == "ab"
