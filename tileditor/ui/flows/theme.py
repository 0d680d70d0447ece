"""The View > Theme choice (System / Light / Dark): applies an explicit Fusion palette to the
application (System restores the one it started with), then rebuilds what paints with derived
colours (the editor's highlighting, the preview's skin). Composition root; no document state."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QActionGroup, QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QStyleFactory

from tileditor.ui.palette_colors import is_dark
from tileditor.ui.token_field import style_chip

THEMES = ("system", "light", "dark")
Role, Group = QPalette.ColorRole, QPalette.ColorGroup
_SYSTEM: dict = {}  # the palette and style the process started with (captured once)


def light_palette() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


def dark_palette() -> QPalette:
    """Fusion's dark look: mid-grey chrome, darker text areas, blue selection."""
    pal = QPalette()
    colours = {
        Role.Window: "#353535", Role.WindowText: "#eeeeee", Role.Base: "#262626",
        Role.AlternateBase: "#2f2f2f", Role.ToolTipBase: "#1e1e1e", Role.ToolTipText: "#eeeeee",
        Role.Text: "#e8e8e8", Role.Button: "#3a3a3a", Role.ButtonText: "#eeeeee",
        Role.BrightText: "#ff6e6e", Role.Link: "#6cb4ff", Role.LinkVisited: "#b59cff",
        Role.Highlight: "#2f6fb8", Role.HighlightedText: "#ffffff", Role.Light: "#505050",
        Role.Midlight: "#444444", Role.Mid: "#2c2c2c", Role.Dark: "#1e1e1e",
        Role.Shadow: "#141414", Role.PlaceholderText: "#8c8c8c",
    }
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        pal.setColor(Group.Disabled, role, QColor("#7f7f7f"))
    return pal


def _capture_system(app: QApplication) -> None:
    if not _SYSTEM:
        _SYSTEM["palette"] = QPalette(app.palette())
        _SYSTEM["style"] = app.style().name()


def apply_theme(theme: str) -> None:
    """Give the whole application the palette of `theme` ("system", "light" or "dark")."""
    app = QApplication.instance()
    _capture_system(app)
    if theme in ("light", "dark"):
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")  # native styles ignore palettes; Fusion paints with them
        app.setPalette(light_palette() if theme == "light" else dark_palette())
    else:
        if app.style().name().lower() != _SYSTEM["style"].lower():
            app.setStyle(_SYSTEM["style"])
        app.setPalette(_SYSTEM["palette"])


class ThemeFlow(QObject):
    def __init__(self, actions, settings, editor, preview, parent=None):
        super().__init__(parent)
        self.settings, self.editor, self.preview = settings, editor, preview
        _capture_system(QApplication.instance())
        self._actions = {"system": actions.theme_system, "light": actions.theme_light,
                         "dark": actions.theme_dark}
        group = QActionGroup(self)
        group.setExclusive(True)
        theme = settings.theme if settings.theme in THEMES else "system"
        for name, action in self._actions.items():
            group.addAction(action)
            action.setChecked(name == theme)
            action.toggled.connect(lambda on, n=name: self.set_theme(n) if on else None)
        self._shown: tuple | None = None
        # A system palette change (the desktop switching to dark) reaches every widget.
        editor.installEventFilter(self)
        if theme != "system":
            apply_theme(theme)  # "system": leave the application exactly as it started
        self.refresh()

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme  # saved with the other settings when the window closes
        self._actions.get(theme, self._actions["system"]).setChecked(True)
        apply_theme(theme)
        self.refresh()

    def is_dark(self) -> bool:
        return is_dark(QApplication.palette())

    def refresh(self) -> None:
        """Repaint what derives its colours from the palette, once per palette."""
        pal = QApplication.palette()
        key = (pal.color(Role.Base).name(), pal.color(Role.Text).name(),
               pal.color(Role.Window).name())
        if key == self._shown:
            return
        self._shown = key
        self.editor.highlighter.set_palette(pal)
        self.preview.set_dark_mode(is_dark(pal))
        # Widgets with a style sheet do not all see the palette event: restyle the chips.
        # Every chip of the editor's window (the header form's tags and categories).
        for chip in self.editor.window().findChildren(QFrame, "tokenChip"):
            style_chip(chip)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self.refresh()  # once per palette: refresh() skips one it already shows
        return False
