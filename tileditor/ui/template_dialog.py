"""TemplateDialog: shows and edits the header a new post of this blog starts with (derived from
its recent posts, jekyll-compose's setting, or the user's own), refusing text that is not a
usable header. Plain widgets; the caller reads and stores the result."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tileditor.core.new_post import check_template


class TemplateDialog(QDialog):
    """`result_text()` after exec(): the edited template, or None for "use the derived one"."""

    def __init__(self, text: str, derived: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.setWindowTitle("New post template")
        self._derived = derived
        self._reset = False
        intro = QLabel("The header every new post of this blog starts with. The title and date "
                       "are filled in; the other keys are copied as written here.", self)
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("templateEditor")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setPlainText(text)
        self.error = QLabel(self)
        self.error.setObjectName("templateError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        reset = QPushButton("Use the blog's own", self)
        reset.setObjectName("templateReset")
        reset.setToolTip("Forget this template and derive one from the blog's recent posts")
        self.buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        reset.clicked.connect(self._on_reset_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        lay = QVBoxLayout(self)
        for w in (intro, self.editor, self.error, self.buttons):
            lay.addWidget(w)
        self.resize(560, 360)
        self._on_editor_text_changed()

    def _on_editor_text_changed(self) -> None:
        problem = check_template(self.editor.toPlainText())
        self.error.setText(problem or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)

    def _on_reset_clicked(self) -> None:
        self._reset = True
        self.editor.setPlainText(self._derived)
        self._reset = True  # setPlainText's textChanged does not undo the choice

    def result_text(self) -> str | None:
        text = self.editor.toPlainText()
        return None if self._reset and text == self._derived else text
