"""kramdown puts a no-break space before every footnote back link (issue 9); Debian kramdown
2.4 (GFM parser, Jekyll's options) gives, pasted:
`<p>text\xa0<a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a>\xa0<a
href="#fnref:1:1" class="reversefootnote" role="doc-backlink">&#8617;<sup>2</sup></a></p>`."""

from __future__ import annotations

import re

from tests.helpers.render import html_of


def test_a_no_break_space_comes_before_each_back_link():
    html = html_of("Note[^1] and again[^1].\n\n[^1]: text\n")
    note = re.search(r'<li id="fn:1"[^>]*>\s*<p>(.*?)</p>', html, re.S).group(1)
    assert re.sub(r"<a [^>]*>.*?</a>", "A", note) == "text\xa0A\xa0A"


def test_the_last_paragraph_of_a_note_carries_it():
    html = html_of("Note[^1].\n\n[^1]: para one\n\n    para two\n")
    assert "para one</p>" in html and "para two\xa0<a " in html


def test_references_are_named_in_document_order():
    # kramdown: the quote's reference (parsed later by Python-Markdown's inline pass) is the
    # first, `fnref:1`; the paragraph's the second, `fnref:1:1`; each matches its back link.
    html = html_of("> q [^1]\n\nNote[^1]\n\n- [^1]\n\n[^1]: x\n")
    ids = re.findall(r'<sup id="([^"]+)"', html)
    assert ids == ["fnref:1", "fnref:1:1", "fnref:1:2"]
    quote = html[:html.index("</blockquote>")]
    assert 'id="fnref:1"' in quote
    assert re.findall(r'href="#(fnref[^"]*)"', html) == ids


def test_a_note_only_a_note_refers_to_is_listed_next():
    # kramdown (kramdown's suite, span/04_footnote/inside_footnote): notes first, second,
    # then third, which only first refers to, numbered 3.
    html = html_of("A[^first] b[^second].\n\n[^first]: x[^third]\n\n[^second]: y\n\n"
                   "[^third]: z\n")
    assert re.findall(r'<li id="(fn:[^"]+)"', html) == ["fn:first", "fn:second", "fn:third"]
    assert re.findall(r'href="#fn:third"[^>]*>(\d+)<', html) == ["3"]
