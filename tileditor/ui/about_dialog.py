"""The About dialog (version, Qt/PySide6/Python versions, licence, data and log folders) and the
crash report shown by the excepthook. Thin widgets: they show text they are given or can read
from the installed package; must not import tileditor.services."""

from __future__ import annotations

import html
import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
)

from tileditor import __version__

HOMEPAGE = "https://github.com/tileditor/tileditor"


def about_text(data_dir: Path | None, log_path: Path | None) -> str:
    rows = [
        ("Version", __version__),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
        ("Python", f"{platform.python_version()} ({platform.system()})"),
        ("Licence", "MIT"),
        ("Data folder", str(data_dir) if data_dir else "-"),
        ("Log file", str(log_path) if log_path else "none (logging to stderr)"),
    ]
    cells = "".join(f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>"
                    for k, v in rows)
    return (f"<h3>tileditor {html.escape(__version__)}</h3>"
            "<p>Write TIL posts into your Jekyll blog, with a live preview of the published page.</p>"
            f"<table>{cells}</table><p><a href='{HOMEPAGE}'>{HOMEPAGE}</a></p>")


class AboutDialog(QDialog):
    def __init__(self, parent=None, data_dir: Path | None = None, log_path: Path | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About tileditor")
        layout = QVBoxLayout(self)
        icon = QLabel(self)
        icon.setPixmap(QApplication.windowIcon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(icon)
        self.text = QLabel(about_text(data_dir, log_path), self)
        self.text.setObjectName("aboutText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.text.setOpenExternalLinks(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_about(parent, data_dir: Path | None) -> AboutDialog:
    """Opens the dialog window-modal without blocking (tests and offscreen runs never hang)."""
    from tileditor.logging_setup import current_log_path

    dialog = AboutDialog(parent, data_dir, current_log_path())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


_open_reports: list[QMessageBox] = []


def show_crash_report(summary: str, log_path: Path | None) -> QMessageBox | None:
    """One non-blocking report at a time: a burst of errors from one slot must not stack
    dozens of dialogs over the editor."""
    if QApplication.instance() is None or any(box.isVisible() for box in _open_reports):
        return None
    where = f"The details are in {log_path}." if log_path else "The details were printed on stderr."
    box = QMessageBox(QMessageBox.Icon.Critical, "tileditor: internal error",
                      f"Something went wrong: {summary}\n\n{where}\nYour unsaved text is kept "
                      "(and snapshotted for recovery); saving your work now is a good idea.",
                      QMessageBox.StandardButton.Ok, QApplication.activeWindow())
    box.setObjectName("crashDialog")
    box.setWindowIcon(QApplication.windowIcon() or QIcon())
    box.finished.connect(lambda _=0: _open_reports.remove(box) if box in _open_reports else None)
    _open_reports.append(box)
    box.open()
    return box
