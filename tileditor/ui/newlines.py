"""Qt's text widgets hold "\n" only; a CRLF file is shown with "\n" and saved back with "\r\n".
Mixed newline files cannot round-trip through a widget, so they are opened read-only."""

from __future__ import annotations


def to_widget(text: str) -> tuple[str, str, bool]:
    """(widget_text, newline, exact): `exact` is False when converting back would change bytes."""
    if "\r" not in text:
        return text, "\n", True
    widget = text.replace("\r\n", "\n")
    if "\r" not in widget and widget.replace("\n", "\r\n") == text:
        return widget, "\r\n", True
    return widget.replace("\r", "\n"), "\n", False


def from_widget(widget_text: str, newline: str) -> str:
    return widget_text if newline == "\n" else widget_text.replace("\n", newline)
