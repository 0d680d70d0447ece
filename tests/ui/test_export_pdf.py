"""PDF export of the preview through the real window: the file is a PDF whose text is the
post's and which embeds the post's picture; the post itself is never the target."""

from __future__ import annotations

from PySide6.QtPdf import QPdfDocument


def test_pdf_has_the_posts_text_and_its_image(qtbot, window, tmp_path, post, prompter):
    qtbot.waitUntil(lambda: getattr(window.session, "last_result", None) is not None, timeout=10000)
    with qtbot.waitSignal(window.preview.rendered, timeout=10000, raising=False):
        pass
    target = tmp_path / "out.pdf"
    with qtbot.waitSignal(window.exports.pdf_exported, timeout=30000) as done:
        assert window.exports.export_pdf(target)
    assert done.args == [str(target), True]
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and b"/Subtype /Image" in data
    doc = QPdfDocument(None)
    assert doc.load(str(target)) == QPdfDocument.Error.None_
    text = " ".join(doc.getAllText(page).text() for page in range(doc.pageCount()))
    assert "A new chapter" in text and "with a break" in text
    assert not window.exports.export_pdf(post) and prompter.warnings


def test_html_export_writes_the_page_and_never_a_post(qtbot, window, tmp_path, post, prompter):
    qtbot.waitUntil(lambda: getattr(window.session, "last_result", None) is not None, timeout=10000)
    target = tmp_path / "out.html"
    assert window.exports.export_html(target)
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") or "<html" in html[:200]
    assert "A new chapter" in html
    before = post.read_bytes()
    assert not window.exports.export_html(post) and post.read_bytes() == before
    assert not window.exports.export_html(tmp_path / "other.md")
