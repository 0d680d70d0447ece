"""Which dictionaries check a post: the post's `lang:` or `locale:`, else the blog's front-matter
defaults for it, else `_config.yml`'s `lang`/`locale`, else en_US. A word's script picks the
dictionary: Hangul words always go to Korean, Latin words to the post's language (English
when the post is Korean, Japanese or Chinese). Pure Python: no Qt, no enchant."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tileditor.core.site import JekyllSite

DEFAULT = "en_US"
KOREAN = "ko_KR"
_DEFAULT_REGION = {"en": "US", "ko": "KR"}
_NOT_LATIN = {"ko", "ja", "zh"}  # their Latin words are English ones
_TAG = re.compile(r"([A-Za-z]{2,3})(?:_([A-Za-z]{2}|\d{3}))?(?:[.@].*)?")


def normalize(tag: str) -> str:
    """`en-us` -> `en_US`, `ko` -> `ko_KR`, `en_US.UTF-8` -> `en_US`; anything else is kept
    as written, so a missing dictionary is reported under the name the user gave."""
    value = str(tag).strip().replace("-", "_")
    m = _TAG.fullmatch(value)
    if not m:
        return value
    lang = m.group(1).lower()
    region = (m.group(2) or _DEFAULT_REGION.get(lang, "")).upper()
    return f"{lang}_{region}" if region else lang


def choose_language(*sources: Mapping | None) -> str:
    """The first non-empty `lang` or `locale` of `sources` (most specific first)."""
    for source in sources:
        if not isinstance(source, Mapping):
            continue
        for key in ("lang", "locale"):
            value = source.get(key)
            if isinstance(value, str) and value.strip():
                return normalize(value)
    return DEFAULT


def post_language(text: str, site: JekyllSite | None = None, post_path: Path | None = None) -> str:
    """The language of the post `text` (at `post_path` in `site`, both optional). A header
    that is not valid YAML is ignored here: the form already says what is wrong with it."""
    from tileditor.core.frontmatter import HeaderError, read_header_values

    try:
        header = read_header_values(text)
    except (HeaderError, ValueError):
        header = {}
    defaults, config = None, None
    if site is not None:
        config = site.config
        if post_path is not None:
            try:
                defaults = site.defaults_for(post_path)
            except (ValueError, OSError):
                defaults = None
    return choose_language(header, defaults, config)


def dictionaries_for(language: str) -> dict[str, str]:
    """script -> dictionary tag for a post in `language`."""
    lang = language.split("_")[0].lower()
    return {"latin": DEFAULT if lang in _NOT_LATIN else language,
            "hangul": language if lang == "ko" else KOREAN}


# The Debian package that brings each dictionary, for the "missing dictionary" message.
_PACKAGES = {"en": "hunspell-en-us", "ko": "hunspell-ko", "de": "hunspell-de-de",
             "fr": "hunspell-fr", "es": "hunspell-es"}


def package_hint(tag: str) -> str:
    lang = tag.split("_")[0].lower()
    if lang == "en" and tag not in ("en", "en_US"):
        return f"hunspell-en-{tag.split('_')[-1].lower()}"
    return _PACKAGES.get(lang, f"a hunspell dictionary for {tag}")
