"""The preview page template (core/page_template.py): plain strings, no Qt."""

from tileditor.core import page_template as tpl
from tileditor.core.render import IncrementalRenderer


def test_a_posts_own_block_marker_comment_cannot_shift_the_patches():
    """Issue 15, item 14 (part): a raw `<!--tlb-->` in a post read as one of the page's own
    block marks, so the next patch replaced the wrong blocks."""
    result = IncrementalRenderer().render("a\n\n<!--tlb-->\n\nb <!--tlt--!> c\n\nd\n")
    page = tpl.content_html(result)
    assert page.count(tpl.BLOCK_MARK) == len(result.blocks)
    assert page.count(tpl.TAIL_MARK) == 1
    assert "<!--tlt--!>" not in page
