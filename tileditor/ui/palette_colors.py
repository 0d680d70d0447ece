"""Colours derived from a QPalette (light or dark), so no widget hard-codes a colour that only
reads on white: blends, WCAG contrast, readable accents, and error/warning text that follows
the application palette. GUI helpers only; must not import tileditor.services or widgets."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

Role = QPalette.ColorRole


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """`t` of the way from `a` to `b`."""
    return QColor(round(a.red() + (b.red() - a.red()) * t),
                  round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def luminance(c: QColor) -> float:
    def ch(v: int) -> float:
        s = v / 255.0
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_dark(palette: QPalette) -> bool:
    return luminance(palette.color(Role.Window)) < luminance(palette.color(Role.WindowText))


def readable(color: QColor, background: QColor, toward: QColor, ratio: float = 4.5) -> QColor:
    """`color`, moved toward `toward` (the palette's text colour) until it reads on
    `background` with at least `ratio` contrast (WCAG AA for body text)."""
    t = 0.0
    out = QColor(color)
    while contrast(out, background) < ratio and t < 1.0:
        t = min(1.0, t + 0.1)
        out = mix(color, toward, t)
    return out


def accent(palette: QPalette, light: str, dark: str, background: QColor | None = None,
           role: Role = Role.Text) -> QColor:
    """The light-theme or dark-theme variant of an accent colour, made readable on
    `background` (default: the palette's Base)."""
    bg = background if background is not None else palette.color(Role.Base)
    base = QColor(dark if is_dark(palette) else light)
    return readable(base, bg, palette.color(role))


def error_color(palette: QPalette) -> QColor:
    return accent(palette, "#c62828", "#ff8a80", palette.color(Role.Window), Role.WindowText)


def warning_color(palette: QPalette) -> QColor:
    return accent(palette, "#b35c00", "#ffb74d", palette.color(Role.Window), Role.WindowText)


def muted_color(palette: QPalette) -> QColor:
    """Secondary text: halfway to the background, still readable (3:1, as for large text)."""
    text, base = palette.color(Role.Text), palette.color(Role.Base)
    return readable(mix(text, base, 0.45), base, text, 3.0)


_PALETTE_EVENTS = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange)


class _Follower(QObject):
    def __init__(self, widget: QWidget, apply) -> None:
        super().__init__(widget)
        self._apply = apply
        widget.installEventFilter(self)
        apply(widget)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        # A new application palette reaches child widgets as PaletteChange; `apply` only
        # sets what differs, so its own palette change ends here.
        if event.type() in _PALETTE_EVENTS:
            self._apply(obj)
        return False


def follow_palette(widget: QWidget, apply) -> None:
    """Call `apply(widget)` now and whenever the application palette changes."""
    _Follower(widget, apply)


def tint_text(widget: QWidget, kind: str = "error") -> None:
    """Colour `widget`'s text as an error (or "warning"), in the light or dark variant the
    application palette asks for, now and after every theme change."""
    pick = error_color if kind == "error" else warning_color

    def apply(w: QWidget) -> None:
        pal = w.palette()
        color = pick(QApplication.palette())
        if pal.color(Role.WindowText) == color and pal.color(Role.Text) == color:
            return
        pal.setColor(Role.WindowText, color)
        pal.setColor(Role.Text, color)
        w.setPalette(pal)

    follow_palette(widget, apply)
