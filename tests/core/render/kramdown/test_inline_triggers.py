"""The inline passes that skip a pattern on text lacking the characters its matches need
(kramdown/inline_triggers.py): the character sets read from the regexes are sound for every
pattern the bundle registers, and the page is the same as with Python-Markdown's own passes,
over the public suites and generated posts."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tileditor.core.render.kramdown import KramdownBundle, KramdownSettings
from tileditor.core.render.kramdown.bundle import normalize
from tileditor.core.render.kramdown.inline_triggers import (
    TriggeredInlineProcessor,
    looks_behind,
    needed_chars,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[4] / "tools"))

import differential_generate as gen  # noqa: E402
import differential_suites as ds  # noqa: E402

PLAIN = frozenset({("treeprocessors", "inline"), ("treeprocessors", "smarty")})
VARIANTS = (KramdownSettings(), KramdownSettings(gfm=False),
            KramdownSettings(smart_quotes=False, typographic=False))


@pytest.mark.parametrize(("pattern", "needs"), [
    (r"\*|_", {"*", "_"}),
    (r"(?<!\\)\$\$([\s\S]+?)\$\$", {"$"}),
    (r"a?b+", {"b"}),
    (r"(?=x)yy", {"x"}),  # a lookahead's text is in the string too
    (r"[!-#]x", {"x"}),  # the smaller of the two required sets
    (r"(ab|cd)", {"a", "c"}),
    (r".*", None),
    (r"(?i)abc", None),  # case-folded literals are not single characters
    (r"(?i:a)b", {"b"}),
    (r"[^a]", None),
    (r"\w+", None),
    (r"(?!x)y|z", {"y", "z"}),
    (r"x*", None),
])
def test_needed_chars_reads_what_every_match_holds(pattern, needs):
    got = needed_chars(re.compile(pattern))
    assert (None if got is None else set(got)) == needs


def _converter(config: KramdownSettings, without=frozenset()):
    bundle = KramdownBundle(config, without=without)
    return markdown.Markdown(extensions=[bundle]), bundle


def _live_patterns():
    found = []
    for config in VARIANTS:
        md, _ = _converter(config)
        for tree_name in ("inline", "smarty"):
            processor = md.treeprocessors[tree_name]
            assert isinstance(processor, TriggeredInlineProcessor)
            for pattern in processor.inlinePatterns:
                regex = pattern.getCompiledRegExp()
                needs = needed_chars(regex)
                if needs is not None:
                    found.append((f"{tree_name}:{pattern.__class__.__name__}", regex, needs))
    return found


LIVE = _live_patterns()
SPECIALS = "*_`[]()!<>&\\$\"'-.{}:#^~|\n \t\x02\x03ab1"


def test_most_live_patterns_get_a_character_set():
    # The speed-up rests on this; a regex change that defeats the reading should show here.
    assert len(LIVE) >= 25, [name for name, _, _ in LIVE]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(LIVE), st.data())
def test_no_live_pattern_matches_a_text_without_its_characters(live, data):
    name, regex, needs = live
    alphabet = st.sampled_from(sorted(set(SPECIALS) | set(needs)))
    text = data.draw(st.text(alphabet, max_size=24))
    if regex.search(text) is not None:
        assert any(c in text for c in needs), (name, regex.pattern, text)


def _pair(config: KramdownSettings):
    return _converter(config), _converter(config, PLAIN)


def _html(conv, text: str) -> str:
    md, bundle = conv
    source = normalize(text)
    bundle.begin(md, source)
    return md.convert(source)


@pytest.mark.parametrize("suite", sorted(ds.SUITES))
def test_suites_render_the_same_as_with_python_markdowns_passes(suite):
    for config in VARIANTS[:2]:
        fast, plain = _pair(config)
        differ = [c["id"] for c in ds.load(suite)
                  if _html(fast, c["markdown"]) != _html(plain, c["markdown"])]
        assert differ == [], (config, differ[:10])


_FAST, _PLAIN = _pair(KramdownSettings())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gen.til_post())
def test_generated_posts_render_the_same_as_with_python_markdowns_passes(post):
    assert _html(_FAST, post) == _html(_PLAIN, post)


def test_the_skip_really_skips():
    fast, plain = _pair(KramdownSettings())
    calls = {"fast": 0, "plain": 0}
    text = "\n\n".join(f"Plain words in paragraph {i} and more words" for i in range(50))
    for name, (md, bundle) in (("fast", fast), ("plain", plain)):
        proc = md.treeprocessors["inline"]
        original = proc._InlineProcessor__applyPattern

        def counting(*args, _name=name, _original=original):
            calls[_name] += 1
            return _original(*args)

        proc._InlineProcessor__applyPattern = counting
        _html((md, bundle), text)
    assert calls["fast"] * 4 < calls["plain"], calls


@pytest.mark.parametrize(("pattern", "behind"), [
    (r"\[\^", False),
    (r"<(/?)(?=[^\W\d])", False),  # a lookahead reads on from the match
    (r"(?<!\\)\$", True),
    (r"\bword", True),
    (r"x(?:^y)?", True),  # anywhere in the regex, not only at its start
    (r"(a|(?<=b)c)", True),
    (r"[ab]+\Z", False),  # the end of the text is the same either way
])
def test_looks_behind_finds_what_reads_before_the_search(pattern, behind):
    assert looks_behind(re.compile(pattern)) is behind


def test_forward_only_patterns_are_made_in_one_pass():
    md, _ = _FAST
    batched = {type(p).__name__ for p, _probe, batch in md.treeprocessors["inline"]._order
               if batch}
    assert {"LinearFootnoteProcessor", "AngleTextProcessor", "InlineHtmlProcessor",
            "KramdownEmphasisProcessor"} <= batched


# Texts crowded with what the one-pass patterns take, next to what other patterns take and
# what reads the text before a match (emphasis flanking, stray closing tags, escapes).
_CROWD = st.lists(st.sampled_from([
    "[^1]", "[^a]", "[^nope]", "[^", "<x", "<a href=\"q\">", "</a>", "<b>", "</b>", "</i>",
    "<div>", "<!-- c -->", "<?p ?>", "\\<", "*", "**", "_", "`", "<http://x.y>", "word",
    " ", "\n", "  \n", "&amp;", "[l](u)", "$x$", "\"", "<", "__", "a", "-", "*a*", "_a_",
    "**b**", "`c`",
]), min_size=1, max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CROWD)
def test_one_pass_matches_render_as_python_markdowns_passes(text):
    post = f"{text}\n\n- {text}\n\n[^1]: one\n[^a]: a\n"
    assert _html(_FAST, post) == _html(_PLAIN, post)
