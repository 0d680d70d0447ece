"""A slim bar above the editor that says why the post is read-only or what to watch out for,
with at most one action button (e.g. "Convert to UTF-8"). A thin widget: it emits
`action_triggered` and knows nothing about documents; must not import tileditor.services."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from tileditor.ui.palette_colors import Role, mix

# kind -> (tint, how much of it in the background, in the bottom border): blended into the
# current palette's Window at paint time, so the bar reads in a light and a dark theme alike.
_TINTS = {"warning": (QColor("#f0b400"), 0.22, 0.6), "info": (QColor("#3b8bd9"), 0.14, 0.5)}


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
        self._kind = "warning"
        self.hide()

    def colors(self) -> tuple[QColor, QColor]:
        """(background, border) for the current kind and palette."""
        tint, fill, line = _TINTS[self._kind]
        window = self.palette().color(Role.Window)
        return mix(window, tint, fill), mix(window, tint, line)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        background, border = self.colors()
        painter = QPainter(self)
        painter.fillRect(self.rect(), background)
        painter.fillRect(0, self.height() - 1, self.width(), 1, border)
        painter.end()
        super().paintEvent(event)

    def show_message(self, text: str, action: str | None = None, kind: str = "warning") -> None:
        self._kind = kind if kind in _TINTS else "info"
        self.update()
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
