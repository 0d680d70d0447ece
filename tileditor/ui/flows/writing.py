"""Wires the Edit menu (undo, clipboard, select all on whichever text widget has focus) and the
View menu's writing modes (zoom, full screen, focus, typewriter) to the editor, and remembers
the choices in Settings. Part of the composition root; holds no document state."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from tileditor.ui.writing_modes import WritingModes

_TEXT_WIDGETS = (QPlainTextEdit, QTextEdit, QLineEdit)


class WritingFlow(QObject):
    def __init__(self, actions, editor, settings, set_full_screen, parent=None):
        """`set_full_screen(on)`: the window goes full screen (True) or back (False)."""
        super().__init__(parent)
        self.editor, self.settings = editor, settings
        self._set_full_screen = set_full_screen
        self.modes = WritingModes(editor, self)
        if settings.editor_font_size:
            self.modes.set_point_size(settings.editor_font_size)
        self.modes.zoom_changed.connect(self._on_modes_zoom_changed)
        for action, method in ((actions.undo, "undo"), (actions.redo, "redo"), (actions.cut, "cut"),
                               (actions.copy, "copy"), (actions.paste, "paste"),
                               (actions.select_all, "selectAll")):
            action.triggered.connect(lambda _=False, m=method: self._on_edit_command(m))
        actions.paste_plain.triggered.connect(self.paste_plain)
        actions.zoom_in.triggered.connect(lambda: self.modes.zoom(1))
        actions.zoom_out.triggered.connect(lambda: self.modes.zoom(-1))
        actions.full_screen.toggled.connect(self._on_full_screen_toggled)
        actions.focus_mode.setChecked(settings.focus_mode)
        actions.focus_mode.toggled.connect(self._on_focus_mode_toggled)
        actions.typewriter.setChecked(settings.typewriter)
        actions.typewriter.toggled.connect(self._on_typewriter_toggled)
        self.modes.set_focus_mode(settings.focus_mode)
        self.modes.set_typewriter(settings.typewriter)

    def _target(self):
        widget = QApplication.focusWidget()
        return widget if isinstance(widget, _TEXT_WIDGETS) else self.editor

    def _on_edit_command(self, method: str) -> None:
        getattr(self._target(), method)()

    def paste_plain(self) -> None:
        """The clipboard's text as typed text: no picture import, no file links, no markup."""
        text = QGuiApplication.clipboard().text()
        target = self._target()
        if not text or target.isReadOnly():
            return
        if isinstance(target, QLineEdit):
            target.insert(text)
        else:
            target.insertPlainText(text)

    def _on_modes_zoom_changed(self, size: int) -> None:
        self.settings.editor_font_size = size

    def _on_full_screen_toggled(self, on: bool) -> None:
        self._set_full_screen(on)

    def _on_focus_mode_toggled(self, on: bool) -> None:
        self.settings.focus_mode = on
        self.modes.set_focus_mode(on)

    def _on_typewriter_toggled(self, on: bool) -> None:
        self.settings.typewriter = on
        self.modes.set_typewriter(on)
