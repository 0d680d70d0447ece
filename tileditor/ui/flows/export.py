"""Export the post as the preview shows it: a standalone HTML page, or a PDF printed by the
preview's own page (images and typeset math included). Never onto the post or another Markdown
file. Part of the composition root; asks for the file, reports the result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog


class ExportFlow(QObject):
    status_reported = Signal(str)
    pdf_exported = Signal(str, bool)  # (path, ok)

    def __init__(self, session, preview, actions, prompter, parent=None):
        super().__init__(parent)
        self.session, self.preview, self.prompter = session, preview, prompter
        actions.export.triggered.connect(self._on_export_html_triggered)
        actions.export_pdf.triggered.connect(self._on_export_pdf_triggered)
        preview.page().pdfPrintingFinished.connect(self._on_page_pdf_printing_finished)

    def _default_name(self, suffix: str) -> str:
        path = self.session.planned_path()
        stem = Path(path).stem if path is not None else "post"
        return str(Path.home() / f"{stem}{suffix}")

    def _on_export_pdf_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.preview.window(), "Export PDF", self._default_name(".pdf"),
                                              "PDF (*.pdf)")
        if path:
            self.export_pdf(Path(path))

    def _refused(self, title: str, path: Path) -> bool:
        source = self.session.document.path
        if (source is not None and Path(path).resolve() == Path(source).resolve()) or \
                Path(path).suffix.lower() in (".md", ".markdown"):
            self.prompter.warn(title, "Choose another file: that one is a Markdown post.")
            return True
        return False

    def _on_export_html_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.preview.window(), "Export HTML", self._default_name(".html"),
                                              "HTML (*.html)")
        if path:
            self.export_html(Path(path))

    def export_html(self, path: Path) -> bool:
        """The page the preview shows, with its CSS, math and pictures inside the one file
        (see core/portable_page.py), written atomically to `path`."""
        from tileditor.core.fileio import WriteError, atomic_write
        from tileditor.core.page import page_meta
        from tileditor.core.portable_page import portable_html

        result = self.session.last_result
        if result is None or self._refused("Export HTML", path):
            return False
        post_path = self.session.planned_path()
        site = self.session.site
        meta = page_meta(result.front_matter, result.html, site, post_path)
        page, left_out = portable_html(result.html, meta, result.toc_html, self.preview.skin(),
                                       site, post_path, result.front_matter)
        try:
            atomic_write(path, page.encode("utf-8"))
        except (WriteError, OSError) as exc:
            self.prompter.warn("Export HTML", str(exc))
            return False
        note = f" {len(left_out)} file(s) outside the blog left out." if left_out else ""
        self.status_reported.emit(f"Exported {Path(path).name}.{note}")
        return True

    def export_pdf(self, path: Path) -> bool:
        """Print the preview page to `path`; `pdf_exported` says when it is written."""
        if self._refused("Export PDF", path):
            return False
        self.status_reported.emit(f"Printing {Path(path).name}…")
        self.preview.page().printToPdf(str(path))
        return True

    def _on_page_pdf_printing_finished(self, path: str, ok: bool) -> None:
        if ok:
            self.status_reported.emit(f"Exported {Path(path).name}.")
        else:
            self.prompter.warn("Export PDF", f"Could not write {path}.")
        self.pdf_exported.emit(path, ok)
