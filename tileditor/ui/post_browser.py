"""PostBrowserPanel: the list of a site's posts and drafts, newest first, with a filter box.
Model/view: the rows' filter text lives in a QStringListModel and the filter is a
QSortFilterProxyModel pattern, both in C++, so 20,000 posts list and filter without a widget or
a Python call per post; the delegate paints only the rows on screen from PostRows.
Takes any objects with .path/.title/.date/.tags/.categories/.draft; must not read files or
import the site model."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QRect,
    QRegularExpression,
    QSize,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from tileditor.ui.post_rows import PostRow, PostRows, filter_words

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
HAYSTACK_ROLE = Qt.ItemDataRole.UserRole + 2
META_ROLE = Qt.ItemDataRole.UserRole + 3
DRAFT_COLOR = QColor("#6a6a6a")


def filter_pattern(words: list[str]) -> QRegularExpression:
    """Every word somewhere in the (folded) haystack, in any order: one lookahead per word."""
    if not words:
        return QRegularExpression()
    body = "".join(f"(?=.*{QRegularExpression.escape(w)})" for w in words)
    return QRegularExpression("^" + body, QRegularExpression.PatternOption.DotMatchesEverythingOption)


class _PostDelegate(QStyledItemDelegate):
    """Paints a row as a bold title line over a smaller grey date/tags line."""

    def __init__(self, row_for, parent=None):
        super().__init__(parent)
        self._row_for = row_for

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        fm = QFontMetrics(option.font)
        return QSize(option.rect.width(), fm.height() * 2 + 8)

    def paint(self, painter, option, index) -> None:
        row = self._row_for(index)
        if row is None:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        fm = QFontMetrics(opt.font)
        r = opt.rect.adjusted(6, 3, -6, -3)
        painter.save()
        tfont = QFont(opt.font)
        tfont.setItalic(row.draft)  # drafts: italic and grey, the posts bold
        tfont.setBold(not row.draft)
        painter.setFont(tfont)
        painter.setPen(DRAFT_COLOR if row.draft and not selected else opt.palette.color(group))
        top = QRect(r.left(), r.top(), r.width(), fm.height())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft, QFontMetrics(tfont).elidedText(
            row.title, Qt.TextElideMode.ElideRight, r.width()))
        mfont = QFont(opt.font)
        mfont.setPointSizeF(max(6.0, opt.font.pointSizeF() * 0.88))
        painter.setFont(mfont)
        if not selected:
            painter.setPen(QColor("#707070"))
        bottom = QRect(r.left(), r.top() + fm.height() + 1, r.width(), fm.height())
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft, QFontMetrics(mfont).elidedText(
            row.meta, Qt.TextElideMode.ElideRight, r.width()))
        painter.restore()

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt override
        row = self._row_for(index)
        if row is not None and event.type() == event.Type.ToolTip:
            QToolTip.showText(event.globalPos(), row.tooltip, view)
            return True
        return super().helpEvent(event, view, option, index)


class PostListItem:
    """One shown row, answering the QListWidgetItem calls scripts and tests use."""

    def __init__(self, view: PostListView, index: QModelIndex, row: PostRow):
        self._view, self._index, self.row = view, index, row

    def index(self) -> QModelIndex:
        return self._index

    def text(self) -> str:
        return self.row.title

    def toolTip(self) -> str:  # noqa: N802 - QListWidgetItem's name
        return self.row.tooltip

    def isHidden(self) -> bool:  # noqa: N802
        return False

    def data(self, role):
        return {Qt.ItemDataRole.DisplayRole: self.row.title, PATH_ROLE: self.row.path,
                META_ROLE: self.row.meta, HAYSTACK_ROLE: self.row.haystack,
                Qt.ItemDataRole.ToolTipRole: self.row.tooltip}.get(role)


class PostListView(QListView):
    """The list (`postList`): a QListView over the filtered rows, with QListWidget's
    count()/item()/currentItem()/selectedItems()/visualItemRect() over the shown rows."""

    def __init__(self, row_for, parent=None):
        super().__init__(parent)
        self._row_for = row_for

    def count(self) -> int:
        return self.model().rowCount() if self.model() is not None else 0

    def item(self, i: int) -> PostListItem | None:
        index = self.model().index(i, 0)
        return self._item(index)

    def currentItem(self) -> PostListItem | None:  # noqa: N802
        return self._item(self.currentIndex())

    def selectedItems(self) -> list[PostListItem]:  # noqa: N802
        return [it for it in map(self._item, self.selectedIndexes()) if it is not None]

    def visualItemRect(self, item: PostListItem) -> QRect:  # noqa: N802
        return self.visualRect(item.index())

    def _item(self, index: QModelIndex) -> PostListItem | None:
        row = self._row_for(index) if index.isValid() else None
        return PostListItem(self, index, row) if row is not None else None


class PostBrowserPanel(QWidget):
    """Posts newest first; click or Enter emits post_activated(Path)."""

    post_activated = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("postBrowser")
        self._rows = PostRows([])
        self._wanted: Path | None = None  # the selected post, also while the filter hides it
        self._quiet = False  # our own model changes must not count as the user's selection
        self._loading = False
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
        self._source = QStringListModel(self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._source)
        self._list = PostListView(self._row_for, self)
        self._list.setObjectName("postList")
        self._list.setModel(self._proxy)
        self._list.setUniformItemSizes(True)  # one row's height for all: no per-row layout
        self._list.setWordWrap(False)
        self._list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._list.setItemDelegate(_PostDelegate(self._row_for, self._list))
        self._list.clicked.connect(self._on_list_index_activated)
        self._list.activated.connect(self._on_list_index_activated)
        self._list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        lay.addWidget(self._list, 1)
        self._last_emit: tuple[Path | None, float] = (None, 0.0)
        self._count = QLabel(self)
        self._count.setObjectName("postCount")
        lay.addWidget(self._count)
        self._update_count()

    # --- public API -------------------------------------------------------------------------
    def set_posts(self, entries) -> None:
        """Replace the list (entries, or PostRows built off the UI thread); keeps the
        current selection when its path is still there."""
        self._rows = PostRows.build(entries)
        if self._wanted is not None and self._rows.row_of(self._wanted) is None:
            self._wanted = None
        self._quiet = True
        try:
            self._source.setStringList(self._rows.haystacks())
        finally:
            self._quiet = False
        self._show_wanted()
        self._update_count()

    def rows(self) -> PostRows:
        return self._rows

    def set_loading(self, on: bool) -> None:
        """While the repo is still being listed, the count line says so."""
        self._loading = on
        self._update_count()

    def select_path(self, path: Path | None) -> bool:
        """Select the row of `path` without emitting post_activated; False when not listed.
        None (a new, unsaved post) clears the selection."""
        if path is None:
            self._wanted = None
            self._show_wanted()
            return False
        if self._rows.row_of(path) is None:
            return False
        self._wanted = Path(path)
        self._show_wanted()
        return True

    def current_path(self) -> Path | None:
        return self._wanted

    def visible_paths(self) -> list[Path]:
        """Paths of the rows the filter leaves visible, in display order."""
        if not self._filter.text().split():
            return [r.path for r in self._rows]
        proxy = self._proxy
        return [self._rows[proxy.mapToSource(proxy.index(i, 0)).row()].path
                for i in range(proxy.rowCount())]

    def set_filter_text(self, text: str) -> None:
        self._filter.setText(text)

    def filter_edit(self) -> QLineEdit:
        return self._filter

    def list_widget(self) -> PostListView:
        return self._list

    # --- internals --------------------------------------------------------------------------
    def _row_for(self, index: QModelIndex) -> PostRow | None:
        if not index.isValid():
            return None
        source = self._proxy.mapToSource(index) if index.model() is self._proxy else index
        row = source.row()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _show_wanted(self) -> None:
        """Make the view's current row the wanted post (none when it is hidden or unset)."""
        row = self._rows.row_of(self._wanted) if self._wanted is not None else None
        index = self._proxy.mapFromSource(self._source.index(row, 0)) if row is not None \
            else QModelIndex()
        self._quiet = True
        try:
            if index.isValid():
                self._list.setCurrentIndex(index)
                self._list.scrollTo(index)
            else:
                self._list.selectionModel().clear()
        finally:
            self._quiet = False

    def _update_count(self) -> None:
        total, shown = len(self._rows), self._proxy.rowCount()
        words = self._filter.text().split()
        if self._loading and not total:
            self._count.setText("Listing the blog's posts…")
            return
        self._count.setText(f"{shown} of {total} posts" if words else f"{total} posts")

    def _on_filter_text_changed(self, text: str) -> None:
        self._quiet = True
        try:
            self._proxy.setFilterRegularExpression(filter_pattern(filter_words(text)))
        finally:
            self._quiet = False
        self._show_wanted()
        self._update_count()

    def _on_filter_return_pressed(self) -> None:
        if self._proxy.rowCount():
            path = self._row_for(self._proxy.index(0, 0)).path
            self.select_path(path)
            self.post_activated.emit(path)

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        row = self._row_for(current)
        if row is not None:
            self._wanted = row.path

    def _on_list_index_activated(self, index: QModelIndex) -> None:
        # A click and the activation that some styles send with it (or a double-click)
        # arrive as two signals for one intent: emit once.
        row = self._row_for(index)
        if row is None:
            return
        path, now = row.path, time.monotonic()
        if self._last_emit[0] == path and now - self._last_emit[1] < 0.5:
            return
        self._last_emit = (path, now)
        self.post_activated.emit(path)
