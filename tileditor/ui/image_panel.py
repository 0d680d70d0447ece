"""ImagePanel: thumbnails of the open post's picture folder, flags for unreferenced files and
missing references, drops, rename in place and an insert button. Emits intents only; must not
write files, import the importer service, or reach into the editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tileditor.ui.palette_colors import Role, error_color, mix, muted_color, tint_text

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".avif", ".ico"}
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "file" or "missing"
THUMB = QSize(96, 72)
HINT = "Drop pictures here or paste with Ctrl+V"


def is_image_name(name: str) -> bool:
    return Path(name).suffix.lower() in IMAGE_SUFFIXES


def _placeholder(color: QColor, mark: str) -> QIcon:
    pal = QApplication.palette()
    pm = QPixmap(THUMB)
    pm.fill(mix(pal.color(Role.Base), pal.color(Role.Text), 0.06))
    p = QPainter(pm)
    p.setPen(color)
    p.drawRect(pm.rect().adjusted(0, 0, -1, -1))
    font = p.font()
    font.setPointSize(20)
    p.setFont(font)
    p.drawText(pm.rect(), Qt.AlignmentFlag.AlignCenter, mark)
    p.end()
    return QIcon(pm)


def load_thumbnail(path: Path, dim: bool = False) -> QIcon | None:
    """A thumbnail decoded at reduced size (cheap even for large photos), or None."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > THUMB.width() or size.height() > THUMB.height()):
        reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    pm = QPixmap(THUMB)
    pm.fill(Qt.GlobalColor.transparent)
    scaled = image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.SmoothTransformation)
    p = QPainter(pm)
    p.setOpacity(0.35 if dim else 1.0)  # unreferenced pictures look faded
    p.drawImage((THUMB.width() - scaled.width()) // 2, (THUMB.height() - scaled.height()) // 2,
                scaled)
    p.end()
    return QIcon(pm)


class _ThumbList(QListWidget):
    """The icon grid; forwards external file drops to the panel."""

    def __init__(self, panel: ImagePanel):
        super().__init__(panel)
        self._panel = panel
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 16, THUMB.height() + 34))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        # A static list view turns drops off on its viewport: enable them after the mode is set.
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.count() == 0:
            # The hint sits where the drop goes, inside the empty grid.
            p = QPainter(self.viewport())
            p.setPen(muted_color(self.palette()))
            p.drawText(self.viewport().rect().adjusted(12, 0, -12, 0),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, HINT)
            p.end()

    def _has_urls(self, event) -> bool:
        return event.mimeData().hasUrls()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.setAccepted(self._has_urls(event))
        if self._has_urls(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._has_urls(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._has_urls(event):
            self._panel.handle_dropped_urls(event.mimeData().urls())
            event.acceptProposedAction()
        else:
            event.ignore()


class ImagePanel(QWidget):
    """Thumbnails of one post's pictures. Signals are requests; the owner does the work."""

    images_dropped = Signal(list)
    insert_requested = Signal()
    image_activated = Signal(Path)
    rename_requested = Signal(Path, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("imagePanel")
        self._populating = False
        self._pending: list[QListWidgetItem] = []
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setInterval(0)
        self._thumb_timer.timeout.connect(self._on_thumb_timer_timeout)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(2)
        top = QHBoxLayout()
        self._insert = QPushButton("Insert image…", self)
        self._insert.setObjectName("insertImageButton")
        self._insert.clicked.connect(self.insert_requested.emit)
        top.addWidget(self._insert)
        top.addStretch(1)
        lay.addLayout(top)
        self._list = _ThumbList(self)
        self._list.setObjectName("imageList")
        self._list.setWordWrap(True)
        self._list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._list.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self._list.itemDoubleClicked.connect(self._on_list_item_double_clicked)
        self._list.itemChanged.connect(self._on_list_item_changed)
        lay.addWidget(self._list, 1)
        self._message = QLabel(self)
        self._message.setObjectName("imageMessage")
        tint_text(self._message, "error")
        self._message.setWordWrap(True)
        self._message.hide()
        lay.addWidget(self._message)

    # --- public API -------------------------------------------------------------------------
    def set_images(self, files: list[Path], missing_refs: list[str], unreferenced: set[Path]):
        """Show `files` (thumbnails load lazily), flag `unreferenced` ones, and add a red
        placeholder for each reference in `missing_refs` that points at no file."""
        self._populating = True
        try:
            self._list.clear()
            self._pending = []
            unref = {Path(p) for p in unreferenced}
            for path in map(Path, files):
                self._list.addItem(self._file_item(path, path in unref))
            for ref in dict.fromkeys(missing_refs):
                self._list.addItem(self._missing_item(ref))
        finally:
            self._populating = False
        self._list.viewport().update()
        if self._pending:
            self._thumb_timer.start()

    def show_message(self, text: str) -> None:
        """Show a one-line notice under the thumbnails ("" hides it)."""
        self._message.setText(text)
        self._message.setVisible(bool(text))

    def message(self) -> str:
        return self._message.text() if not self._message.isHidden() else ""

    def hint_visible(self) -> bool:
        """True when the empty-folder hint is painted (the post has no pictures yet)."""
        return self._list.count() == 0

    def list_widget(self) -> QListWidget:
        return self._list

    def handle_dropped_urls(self, urls) -> None:
        """Emit images_dropped for local image files; refuse everything else with a message."""
        images, refused = [], []
        for url in urls:
            local = url.toLocalFile() if url.isLocalFile() else ""
            if local and is_image_name(local) and Path(local).is_file():
                images.append(local)
            else:
                refused.append(Path(local).name if local else url.toString())
        if refused:
            names = ", ".join(refused)
            self.show_message(f"Not added: {names} (only picture files can be dropped here).")
        else:
            self.show_message("")
        if images:
            self.images_dropped.emit(images)

    def load_pending_thumbnails(self) -> None:
        """Decode every thumbnail still waiting (tests and screenshots)."""
        while self._pending:
            self._on_thumb_timer_timeout()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self._recolor()

    def _recolor(self) -> None:
        """Missing and unreferenced entries in the new theme's error and muted colours."""
        error, muted = error_color(self.palette()), muted_color(self.palette())
        for row in range(self._list.count()):
            item = self._list.item(row)
            kind = item.data(KIND_ROLE)
            if kind == "missing":
                item.setForeground(QBrush(error))
                item.setIcon(_placeholder(error, "?"))
            elif kind == "unreferenced":
                item.setForeground(QBrush(muted))

    # --- internals --------------------------------------------------------------------------
    def _file_item(self, path: Path, unreferenced: bool) -> QListWidgetItem:
        item = QListWidgetItem(_placeholder(muted_color(self.palette()), "…"), path.name)
        item.setData(PATH_ROLE, path)
        item.setData(KIND_ROLE, "unreferenced" if unreferenced else "file")
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        if unreferenced:
            item.setForeground(QBrush(muted_color(self.palette())))
            item.setToolTip(f"{path.name}\nNot referenced by this post")
        else:
            item.setToolTip(path.name)
        self._pending.append(item)
        return item

    def _missing_item(self, ref: str) -> QListWidgetItem:
        item = QListWidgetItem(_placeholder(error_color(self.palette()), "?"), Path(ref).name or ref)
        item.setData(PATH_ROLE, None)
        item.setData(KIND_ROLE, "missing")
        item.setForeground(QBrush(error_color(self.palette())))
        item.setToolTip(f"Missing file: {ref}\nThe post links to a picture that does not exist.")
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        return item

    def _on_thumb_timer_timeout(self) -> None:
        # A few per tick keeps the UI responsive in folders with many large photos.
        for _ in range(4):
            if not self._pending:
                break
            item = self._pending.pop(0)
            if item.listWidget() is None:
                continue
            icon = load_thumbnail(item.data(PATH_ROLE), item.data(KIND_ROLE) == "unreferenced")
            self._populating = True
            item.setIcon(icon or _placeholder(muted_color(self.palette()), "?"))
            self._populating = False
        if not self._pending:
            self._thumb_timer.stop()

    def _on_list_item_double_clicked(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path is not None:
            self.image_activated.emit(path)

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        if self._populating:
            return
        path = item.data(PATH_ROLE)
        if path is None:
            return
        new_name = item.text().strip()
        # Show the real name until the owner has renamed the file and refreshed the panel.
        self._populating = True
        item.setText(path.name)
        self._populating = False
        if new_name and new_name != path.name:
            self.rename_requested.emit(path, new_name)
