"""Which language checks a post: its own `lang:`/`locale:`, the blog's front-matter defaults,
`_config.yml`, else en_US; tags are normalised and a script picks the dictionary."""

from __future__ import annotations

import pytest

from tileditor.core.site import JekyllSite
from tileditor.core.spelling.language import (
    choose_language,
    dictionaries_for,
    normalize,
    post_language,
)


@pytest.mark.parametrize("tag, expected", [
    ("en", "en_US"), ("en-us", "en_US"), ("en-GB", "en_GB"), ("ko", "ko_KR"),
    ("ko-KR", "ko_KR"), ("en_US.UTF-8", "en_US"), ("de", "de"), ("xx_XX", "xx_XX"),
    ("klingon!", "klingon!"),
])
def test_tags_are_normalised(tag, expected):
    assert normalize(tag) == expected


def test_the_most_specific_source_wins():
    assert choose_language({"lang": "ko"}, {"locale": "en-GB"}) == "ko_KR"
    assert choose_language({"title": "x"}, {"locale": "en-GB"}) == "en_GB"
    assert choose_language({"lang": " "}, None, {"lang": 3}) == "en_US"


def test_dictionaries_follow_the_script():
    assert dictionaries_for("en_GB") == {"latin": "en_GB", "hangul": "ko_KR"}
    assert dictionaries_for("ko_KR") == {"latin": "en_US", "hangul": "ko_KR"}
    assert dictionaries_for("ja") == {"latin": "en_US", "hangul": "ko_KR"}


def test_post_then_defaults_then_config(tmp_path):
    root = tmp_path / "blog"
    (root / "_posts" / "ko").mkdir(parents=True)
    (root / "_config.yml").write_text(
        'locale: "en-GB"\ndefaults:\n  - scope: {path: "_posts/ko"}\n    values: {lang: ko}\n',
        encoding="utf-8")
    site = JekyllSite(root)
    english, korean = root / "_posts" / "2025-01-01-a.md", root / "_posts" / "ko" / "2025-01-01-b.md"
    assert post_language("---\ntitle: a\n---\nText\n", site, english) == "en_GB"
    assert post_language("---\ntitle: b\n---\n본문\n", site, korean) == "ko_KR"
    assert post_language("---\nlocale: en-US\n---\nText\n", site, korean) == "en_US"
    assert post_language("no header\n") == "en_US"
    assert post_language("---\nlang: [unclosed\n---\nText\n", site, english) == "en_GB"
