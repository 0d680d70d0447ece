"""PostBrowserPanel: the list of a site's posts and drafts, newest first, with a filter box.
Takes any objects with .path/.title/.date/.tags/.categories/.draft; must not read files or
import the site model."""

from __future__ import annotations

import time
import unicodedata
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
HAYSTACK_ROLE = Qt.ItemDataRole.UserRole + 2
META_ROLE = Qt.ItemDataRole.UserRole + 3


def _fold(text: str) -> str:
    # NFC first: macOS file names arrive decomposed (NFD), so Hangul would not match otherwise.
    return unicodedata.normalize("NFC", text).casefold()


def _sort_key(entry) -> tuple:
    # Undated entries (drafts) are the ones in progress: keep them on top.
    when = entry.date
    if when is None:
        return (1, datetime.max, str(entry.path))
    if when.tzinfo is not None:
        when = when.replace(tzinfo=None)
    return (0, when, str(entry.path))


def _row_text(entry) -> tuple[str, str]:
    title = (entry.title or "").strip() or Path(entry.path).stem
    when = entry.date.strftime("%Y-%m-%d") if entry.date else ""
    flags = (
        "draft" if entry.draft else "",
        "unpublished" if getattr(entry, "published", True) is False else "",
        "header error" if getattr(entry, "error", None) else "",
    )
    bits = [b for b in (when, *flags) if b]
    tags = ", ".join(str(t) for t in (entry.tags or []))
    if tags:
        bits.append("#" + tags.replace(", ", " #"))
    return title, "  ·  ".join(bits)


class _PostDelegate(QStyledItemDelegate):
    """Paints a row as a bold title line over a smaller grey date/tags line."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        fm = QFontMetrics(option.font)
        return QSize(option.rect.width(), fm.height() * 2 + 8)

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, meta = index.data(Qt.ItemDataRole.DisplayRole), index.data(META_ROLE) or ""
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        fm = QFontMetrics(opt.font)
        r = opt.rect.adjusted(6, 3, -6, -3)
        painter.save()
        tfont = QFont(opt.font)
        tfont.setBold(not opt.font.italic())
        painter.setFont(tfont)
        painter.setPen(opt.palette.color(group))
        top = QRect(r.left(), r.top(), r.width(), fm.height())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft, QFontMetrics(tfont).elidedText(
            title, Qt.TextElideMode.ElideRight, r.width()))
        mfont = QFont(opt.font)
        mfont.setPointSizeF(max(6.0, opt.font.pointSizeF() * 0.88))
        painter.setFont(mfont)
        if not selected:
            painter.setPen(QColor("#707070"))
        bottom = QRect(r.left(), r.top() + fm.height() + 1, r.width(), fm.height())
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft, QFontMetrics(mfont).elidedText(
            meta, Qt.TextElideMode.ElideRight, r.width()))
        painter.restore()


class PostBrowserPanel(QWidget):
    """Posts newest first; click or Enter emits post_activated(Path)."""

    post_activated = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("postBrowser")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(2)
        self._filter = QLineEdit(self)
        self._filter.setObjectName("postFilter")
        self._filter.setPlaceholderText("Filter posts (title, tag, file)")
        self._filter.setClearButtonEnabled(True)
        self._filter.textChanged.connect(self._on_filter_text_changed)
        self._filter.returnPressed.connect(self._on_filter_return_pressed)
        lay.addWidget(self._filter)
        self._list = QListWidget(self)
        self._list.setObjectName("postList")
        self._list.setUniformItemSizes(False)
        self._list.setWordWrap(False)
        self._list.setItemDelegate(_PostDelegate(self._list))
        self._list.itemClicked.connect(self._on_list_item_activated)
        self._list.itemActivated.connect(self._on_list_item_activated)
        lay.addWidget(self._list, 1)
        self._last_emit: tuple[Path | None, float] = (None, 0.0)
        self._count = QLabel(self)
        self._count.setObjectName("postCount")
        lay.addWidget(self._count)

    # --- public API -------------------------------------------------------------------------
    def set_posts(self, entries) -> None:
        """Replace the list; keeps the current selection when its path is still there."""
        current = self.current_path()
        self._list.clear()
        for entry in sorted(entries, key=_sort_key, reverse=True):
            self._list.addItem(self._make_item(entry))
        self._apply_filter()
        if current is not None:
            self.select_path(current)

    def select_path(self, path: Path | None) -> bool:
        """Select the row of `path` without emitting post_activated; False when not listed.
        None (a new, unsaved post) clears the selection."""
        if path is None:
            self._list.setCurrentItem(None)
            self._list.clearSelection()
            return False
        target = Path(path)
        for i in range(self._list.count()):
            item = self._list.item(i)
            if item.data(PATH_ROLE) == target:
                self._list.setCurrentItem(item)
                self._list.scrollToItem(item)
                return True
        return False

    def current_path(self) -> Path | None:
        item = self._list.currentItem()
        return item.data(PATH_ROLE) if item is not None else None

    def visible_paths(self) -> list[Path]:
        """Paths of the rows the filter leaves visible, in display order."""
        return [
            self._list.item(i).data(PATH_ROLE)
            for i in range(self._list.count())
            if not self._list.item(i).isHidden()
        ]

    def set_filter_text(self, text: str) -> None:
        self._filter.setText(text)

    def filter_edit(self) -> QLineEdit:
        return self._filter

    def list_widget(self) -> QListWidget:
        return self._list

    # --- internals --------------------------------------------------------------------------
    def _make_item(self, entry) -> QListWidgetItem:
        title, meta = _row_text(entry)
        path = Path(entry.path)
        item = QListWidgetItem(title)
        item.setData(META_ROLE, meta)
        item.setData(PATH_ROLE, path)
        cats = " ".join(str(c) for c in (entry.categories or []))
        tags = " ".join(str(t) for t in (entry.tags or []))
        item.setData(HAYSTACK_ROLE, _fold(f"{title}\n{tags}\n{cats}\n{path.name}"))
        error = getattr(entry, "error", None)
        item.setToolTip(f"{path}\n{error}" if error else str(path))
        if entry.draft:
            font = QFont(item.font())
            font.setItalic(True)
            item.setFont(font)
            item.setForeground(QBrush(QColor("#6a6a6a")))
        return item

    def _apply_filter(self) -> None:
        words = _fold(self._filter.text()).split()
        shown = 0
        for i in range(self._list.count()):
            item = self._list.item(i)
            hay = item.data(HAYSTACK_ROLE)
            hidden = not all(w in hay for w in words)
            item.setHidden(hidden)
            shown += not hidden
        total = self._list.count()
        self._count.setText(f"{shown} of {total} posts" if words else f"{total} posts")

    def _on_filter_text_changed(self, _text: str) -> None:
        self._apply_filter()

    def _on_filter_return_pressed(self) -> None:
        paths = self.visible_paths()
        if paths:
            self.select_path(paths[0])
            self.post_activated.emit(paths[0])

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        # A click and the activation that some styles send with it (or a double-click)
        # arrive as two signals for one intent: emit once.
        path, now = item.data(PATH_ROLE), time.monotonic()
        if self._last_emit[0] == path and now - self._last_emit[1] < 0.5:
            return
        self._last_emit = (path, now)
        self.post_activated.emit(path)
