"""tools/differential_compare.py: the shared normaliser forgives only what a reader cannot see
(attribute order, entity spelling, collapsible whitespace, preview-only data-line) and keeps
every visible difference; categories and marker-leak detection name what differs."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))

import differential_compare as dc  # noqa: E402


def test_attribute_order_entities_and_whitespace_are_forgiven():
    a = '<p class="b a" id="x">Tom &amp; &quot;Jerry&quot; &#8220;x&#8221;</p>\n\n<ul>\n<li>a</li>\n</ul>\n'
    b = '<p data-line="3" id="x" class="a b">Tom &amp; "Jerry" “x”</p><ul><li>a</li></ul>'
    assert dc.compare(a, b).exact


def test_void_tags_and_boolean_attributes_are_forgiven():
    assert dc.compare('<p>a<br />b<input disabled="" /></p>', "<p>a<br>b<input disabled></p>").exact


def test_whitespace_inside_pre_counts():
    out = dc.compare("<pre><code>a\n  b\n</code></pre>", "<pre><code>a\n b\n</code></pre>")
    assert not out.exact and out.block and out.category == "code text"


def test_visible_differences_are_kept_and_named():
    assert dc.compare("<p>a b</p>", "<p>ab</p>").category == "text"
    assert dc.compare("<p>“x”</p>", "<p>”x”</p>").category == "text: typography"
    assert dc.compare("<p><em>x</em></p>", "<p>*x*</p>").category == "inline: <em>"
    assert dc.compare('<h2 id="a">A</h2>', '<h2 id="b">A</h2>').category == "attribute: h2 id"
    out = dc.compare("<blockquote><p>x</p></blockquote>", "<p>&gt; x</p>")
    assert not out.block and out.category.startswith("block: ")
    assert dc.compare("<p>\u00a0x</p>", "<p> x</p>").category == "whitespace"


def test_marker_leaks_are_found_first():
    assert dc.leaks('<p data-tl-ref="x">a\x02wzxhzdk:1\x03</p>') == ["\x02", "\x03", "data-tl-",
                                                                     "wzxhzdk"]
    assert dc.leaks("<p>plain</p>") == []
    assert dc.compare("<p>a</p>", '<p data-tl-ref="x">b</p>').category == "marker leak"


def test_similarity_is_one_for_equal_and_lower_for_different():
    out = dc.compare("<p>one two three</p>", "<p>one two four</p>")
    assert 0.5 < out.similarity < 1.0
