"""Minimal Mistakes skins: Sass mix() arithmetic, each skin's colours, which skin the preview
shows, and the CSS the preview and the HTML export paint with."""

from pathlib import Path

import pytest

from tileditor.core import skins
from tileditor.core.page import page_meta, standalone_html
from tileditor.core.site import JekyllSite


def test_mix_rounds_half_up_like_sass():
    # 90% white with the theme's gray: 242.5 -> 243 (Python's round() would give 242).
    assert skins.mix("#fff", "#7a8288", 90) == "#f2f3f3"
    assert skins.mix("#000", "#3b9cba", 20) == "#2f7d95"
    assert skins.mix("#000", "#7a8288", 40) == "#494e52"
    assert skins.mix("#abc", "#123456", 100) == "#aabbcc"
    assert skins.mix("#abc", "#123456", 0) == "#123456"


def test_default_skin_is_the_look_the_preview_always_had():
    s = skins.skin("default")
    assert (s.background, s.text, s.link, s.border, s.code_background, s.muted) == (
        "#ffffff", "#494e52", "#2f7d95", "#f2f3f3", "#fafafa", "#7a8288")
    assert not s.dark


def test_dark_skin_values_match_the_compiled_theme():
    s = skins.skin("dark")
    # Minimal Mistakes' compiled dark skin: border #51555d, links #8cd2d5.
    assert (s.background, s.text, s.border, s.link) == ("#252a34", "#eaeaea", "#51555d", "#8cd2d5")
    assert s.code_background == skins.mix("#000", "#252a34", 15)
    assert s.footer == skins.mix("#000", "#252a34", 30)
    assert s.dark


@pytest.mark.parametrize("name", skins.SKIN_NAMES)
def test_every_skin_has_readable_text(name):
    s = skins.skin(name)
    assert skins.contrast(s.text, s.background) >= 4.5
    assert s.dark == (name in skins.DARK_SKINS)


def test_dirt_and_others_take_their_own_colours():
    assert skins.skin("dirt").background == "#f3f3f3"
    assert skins.skin("dirt").border == "#e9dcbe"
    assert skins.skin("air").border == skins.mix("#fff", "#393e46", 75)
    assert skins.skin("sunrise").code_background == skins.mix("#fff", "#e8d5b7", 20)
    assert skins.skin("aqua").muted == "#1976d2"


def test_site_skin_reads_the_config_and_falls_back_to_default():
    assert skins.site_skin({"minimal_mistakes_skin": "dirt"}) == "dirt"
    assert skins.site_skin({"minimal_mistakes_skin": " Dirt "}) == "dirt"
    assert skins.site_skin({}) == "default"
    assert skins.site_skin(None) == "default"
    assert skins.site_skin({"minimal_mistakes_skin": "no-such-skin"}) == "default"
    assert skins.site_skin({"minimal_mistakes_skin": None}) == "default"


def test_preview_skin_goes_dark_only_when_the_blog_chose_none():
    assert skins.preview_skin("default", dark_mode=True) == "dark"
    assert skins.preview_skin(None, dark_mode=True) == "dark"
    assert skins.preview_skin("default", dark_mode=False) == "default"
    assert skins.preview_skin("dirt", dark_mode=True) == "dirt"
    assert skins.preview_skin("plum", dark_mode=False) == "plum"


def test_skin_css_sets_the_custom_properties_and_dark_code_colours():
    css = skins.skin_css("dark")
    assert "--bg: #252a34" in css and "--text: #eaeaea" in css
    assert "color-scheme: dark" in css
    light = skins.skin_css("default")
    assert "--bg: #ffffff" in light and ".highlight" in light
    assert css.split("\n", 1)[1] != light.split("\n", 1)[1]  # code colours differ


def _site(tmp_path: Path, config: str) -> JekyllSite:
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    return JekyllSite(tmp_path)


def test_export_uses_the_sites_skin(tmp_path):
    site = _site(tmp_path, 'title: t\nminimal_mistakes_skin: "dirt"\n')
    post = tmp_path / "_posts" / "2024-01-02-a.md"
    meta = page_meta({"title": "A"}, "<p>x</p>", site, post)
    assert meta.skin == "dirt" and meta.as_dict()["skin"] == "dirt"
    page = standalone_html("<p>x</p>", meta)
    assert "--bg: #f3f3f3" in page
    assert "--bg: #252a34" in standalone_html("<p>x</p>", meta, skin="dark")
    (tmp_path / "b").mkdir()
    plain = page_meta({"title": "A"}, "<p>x</p>", _site(tmp_path / "b", "title: b\n"), post)
    assert plain.skin == "default"
