"""FindBar: the find/replace bar shown under the editor (Ctrl+F, Ctrl+H, F3, Esc). It works on
the QPlainTextEdit it is given; replace-all is one undo step. Must not import
tileditor.services or reach into other widgets."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

FindFlag = QTextDocument.FindFlag


class FindBar(QWidget):
    """objectName `findBar`; children `findField`, `replaceField`, `caseSensitive`."""

    def __init__(self, editor: QPlainTextEdit, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._editor = editor
        self.find_field = QLineEdit(objectName="findField", placeholderText="Find")
        self.replace_field = QLineEdit(objectName="replaceField", placeholderText="Replace")
        self.case_box = QCheckBox("Match case", objectName="caseSensitive")
        self.status = QLabel(objectName="findStatus")
        self._buttons: dict[str, QPushButton] = {}
        self._build_layout()
        self._install_shortcuts()
        self.find_field.installEventFilter(self)
        self.replace_field.installEventFilter(self)
        self.find_field.textEdited.connect(self._on_find_field_edited)
        self.hide()

    # -- public API ------------------------------------------------------------------------

    def open_find(self) -> None:
        self._open(replace=False)

    def open_replace(self) -> None:
        self._open(replace=True)

    show_find = open_find  # names the window's actions use
    show_replace = open_replace

    def close_bar(self) -> None:
        self.hide()
        self._editor.setFocus()

    def is_replace_mode(self) -> bool:
        return self._replace_mode

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def replace_current(self) -> bool:
        """Replace the selected match (if the selection is one), then select the next match."""
        cursor = self._editor.textCursor()
        if self._is_match(cursor.selectedText()):
            cursor.insertText(self.replace_field.text())  # insertText is one undo step
            self._editor.setTextCursor(cursor)
        return self.find_next()

    def replace_all(self) -> int:
        """Replace every match in one undo step; returns how many were replaced."""
        needle = self.find_field.text()
        if not needle:
            return 0
        doc = self._editor.document()
        count = 0
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        found = doc.find(needle, 0, self._flags())
        while not found.isNull():
            found.insertText(self.replace_field.text())
            count += 1
            found = doc.find(needle, found, self._flags())
        edit.endEditBlock()
        self.status.setText(f"Replaced {count}" if count else "No matches")
        return count

    # -- internals ---------------------------------------------------------------------------

    def _build_layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        specs = [("previous", "Previous", self.find_previous), ("next", "Next", self.find_next),
                 ("replace", "Replace", self.replace_current),
                 ("replaceAll", "Replace all", self.replace_all), ("close", "✕", self.close_bar)]
        for name, label, slot in specs:
            button = QPushButton(label, objectName=f"find_{name}")
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self._buttons[name] = button
        grid.addWidget(self.find_field, 0, 0)
        grid.addWidget(self._buttons["previous"], 0, 1)
        grid.addWidget(self._buttons["next"], 0, 2)
        grid.addWidget(self.case_box, 0, 3)
        grid.addWidget(self.status, 0, 4)
        grid.addWidget(self._buttons["close"], 0, 5)
        grid.addWidget(self.replace_field, 1, 0)
        grid.addWidget(self._buttons["replace"], 1, 1)
        grid.addWidget(self._buttons["replaceAll"], 1, 2)
        grid.setColumnStretch(0, 1)
        self._replace_mode = False

    def _install_shortcuts(self) -> None:
        # Key handling through event filters, not QShortcut: accepting ShortcutOverride in
        # the editor and the bar wins over a window action on the same key (e.g. the
        # window's Ctrl+F), where two QShortcuts would be ambiguous and neither would fire.
        ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
        none = Qt.KeyboardModifier.NoModifier
        self._keys = {
            (Qt.Key.Key_F, ctrl): self.open_find,
            (Qt.Key.Key_H, ctrl): self.open_replace,
            (Qt.Key.Key_F3, none): self.find_next,
            (Qt.Key.Key_F3, shift): self.find_previous,
            (Qt.Key.Key_G, ctrl): self.find_next,
            (Qt.Key.Key_G, ctrl | shift): self.find_previous,
        }
        self._editor.installEventFilter(self)
        self.installEventFilter(self)
        self.case_box.installEventFilter(self)
        for button in self._buttons.values():
            button.installEventFilter(self)

    def _key_action(self, ev):
        mods = ev.modifiers() & (Qt.KeyboardModifier.ControlModifier |
                                 Qt.KeyboardModifier.ShiftModifier |
                                 Qt.KeyboardModifier.AltModifier)
        action = self._keys.get((ev.key(), mods))
        if action is None and ev.key() == Qt.Key.Key_Escape and self.isVisible() and \
                mods == Qt.KeyboardModifier.NoModifier:
            action = self.close_bar
        return action

    def _open(self, replace: bool) -> None:
        self._replace_mode = replace
        for w in (self.replace_field, self._buttons["replace"], self._buttons["replaceAll"]):
            w.setVisible(replace)
        selected = self._editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        self.show()
        self.find_field.setFocus()
        self.find_field.selectAll()

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case_box.isChecked():
            flags |= FindFlag.FindCaseSensitively
        if backward:
            flags |= FindFlag.FindBackward
        return flags

    def _is_match(self, text: str) -> bool:
        needle = self.find_field.text()
        if not needle or not text:
            return False
        if self.case_box.isChecked():
            return text == needle
        return text.casefold() == needle.casefold()

    def _find(self, backward: bool) -> bool:
        needle = self.find_field.text()
        if not needle:
            return False
        doc = self._editor.document()
        found = doc.find(needle, self._editor.textCursor(), self._flags(backward))
        wrapped = False
        if found.isNull():  # wrap around
            start = QTextCursor(doc)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = doc.find(needle, start, self._flags(backward))
            wrapped = True
        if found.isNull():
            self.status.setText("No matches")
            return False
        self._editor.setTextCursor(found)
        self.status.setText("Wrapped" if wrapped else "")
        return True

    def _on_find_field_edited(self, _text: str) -> None:
        # Search as you type, from the start of the current match.
        cursor = self._editor.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self._editor.setTextCursor(cursor)
        self.find_next()

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802
        kind = ev.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            action = self._key_action(ev)
            if action is not None:
                ev.accept()
                if kind == QEvent.Type.KeyPress:
                    action()
                return True
        if kind == QEvent.Type.KeyPress and obj in (self.find_field, self.replace_field):
            key = ev.key()
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if obj is self.replace_field:
                    self.replace_current()
                elif ev.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(obj, ev)
