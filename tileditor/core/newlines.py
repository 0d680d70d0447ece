"""Qt's text widgets hold "\n" only; a CRLF file is shown with "\n" and saved back with "\r\n".
Mixed newline files cannot round-trip through a widget, so they are opened read-only.
QTextDocument also takes U+2029, U+FDD0 and U+FDD1 for its own block and frame marks (each
becomes a line break): they travel through the widget as private-use stand-ins instead."""

from __future__ import annotations

# Plane-16 private-use code points that no post uses; a text that holds one cannot round-trip.
_STAND_INS = {"\u2029": "\U0010fe29", "\ufdd0": "\U0010fed0", "\ufdd1": "\U0010fed1"}
_BACK = {v: k for k, v in _STAND_INS.items()}
_TO_WIDGET = str.maketrans(_STAND_INS)
_FROM_WIDGET = str.maketrans(_BACK)


def protect_specials(text: str) -> str:
    """`text` with the characters QTextDocument would turn into line breaks replaced."""
    return text.translate(_TO_WIDGET) if any(c in text for c in _STAND_INS) else text


def restore_specials(widget_text: str) -> str:
    return widget_text.translate(_FROM_WIDGET) if any(c in widget_text for c in _BACK) else widget_text


def to_widget(text: str) -> tuple[str, str, bool]:
    """(widget_text, newline, exact): `exact` is False when converting back would change bytes."""
    exact = not any(c in text for c in _BACK)
    text = protect_specials(text)
    if "\r" not in text:
        return text, "\n", exact
    widget = text.replace("\r\n", "\n")
    if "\r" not in widget and widget.replace("\n", "\r\n") == text:
        return widget, "\r\n", exact
    return widget.replace("\r", "\n"), "\n", False


def from_widget(widget_text: str, newline: str) -> str:
    widget_text = restore_specials(widget_text)
    return widget_text if newline == "\n" else widget_text.replace("\n", newline)
