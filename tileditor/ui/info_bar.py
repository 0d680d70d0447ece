"""A slim bar above the editor that says why the post is read-only or what to watch out for,
with at most one action button (e.g. "Convert to UTF-8"). A thin widget: it emits
`action_triggered` and knows nothing about documents; must not import tileditor.services."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

_STYLES = {
    "warning": "QFrame#infoBar { background: #fff4ce; border-bottom: 1px solid #e0c860; }",
    "info": "QFrame#infoBar { background: #e8f1fb; border-bottom: 1px solid #9cc0e6; }",
}


class InfoBar(QFrame):
    action_triggered = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("infoBar")
        self.label = QLabel(self)
        self.label.setObjectName("infoBarLabel")
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("infoBarButton")
        self.button.clicked.connect(self.action_triggered)
        close = QToolButton(self)
        close.setObjectName("infoBarCloseButton")
        close.setText("✕")
        close.setToolTip("Hide this message")
        close.clicked.connect(self.hide)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 4, 4)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        lay.addWidget(close)
        self.hide()

    def show_message(self, text: str, action: str | None = None, kind: str = "warning") -> None:
        self.setStyleSheet(_STYLES.get(kind, _STYLES["info"]))
        self.label.setText(text)
        self.button.setText(action or "")
        self.button.setVisible(bool(action))
        self.show()

    def clear(self) -> None:
        self.label.clear()
        self.hide()

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def action_text(self) -> str:
        return "" if self.isHidden() or self.button.isHidden() else self.button.text()
