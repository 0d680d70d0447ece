"""SearchPanel: the query box, its options (regex, whole word, case) and the list of hits across
every post. Emits `search_requested(SearchQuery)` and `hit_activated(Path, line)`; shows what it
is given. Must not import services or read files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from tileditor.core.search import SearchQuery

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_SHOWN = 5000  # a list of more hits helps nobody; the count still says how many


class SearchPanel(QWidget):
    search_requested = Signal(object)  # SearchQuery
    hit_activated = Signal(object, int)  # (Path, file line)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._root: Path | None = None
        self._count = 0
        self.input = QLineEdit(self)
        self.input.setObjectName("searchInput")
        self.input.setPlaceholderText("Search every post…")
        self.input.setClearButtonEnabled(True)
        self.regex = self._option("searchRegex", ".*", "Regular expression")
        self.word = self._option("searchWord", "W", "Whole words only")
        self.case = self._option("searchCase", "Aa", "Match case")
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.model = QStandardItemModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)  # thousands of rows stay cheap to lay out
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.results.activated.connect(self._on_results_activated)
        self.results.clicked.connect(self._on_results_activated)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.input, 1)
        for box in (self.regex, self.word, self.case):
            top.addWidget(box)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.results, 1)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.request_search)
        self.input.textEdited.connect(lambda _t: self._debounce.start())
        self.input.returnPressed.connect(self.request_search)
        self.setFocusProxy(self.input)

    def _option(self, name: str, text: str, tip: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setObjectName(name)
        box.setToolTip(tip)
        box.toggled.connect(lambda _on: self.request_search() if self.input.text() else None)
        return box

    # -- public API -------------------------------------------------------------------------
    def set_root(self, root: Path | None) -> None:
        self._root = root

    def query(self) -> SearchQuery:
        return SearchQuery(self.input.text(), regex=self.regex.isChecked(),
                           word=self.word.isChecked(), case=self.case.isChecked())

    def request_search(self) -> None:
        self._debounce.stop()
        self.clear_results()
        if self.input.text():
            self.status.setText("Searching…")
            self.search_requested.emit(self.query())

    def clear_results(self) -> None:
        self.model.clear()
        self._count = 0
        self.status.setText("")

    def add_hits(self, hits: list) -> None:
        room = MAX_SHOWN - self.model.rowCount()
        for hit in hits[: max(0, room)]:
            item = QStandardItem(f"{self._name(hit.path)}:{hit.line}: {hit.text.strip()}")
            item.setData((hit.path, hit.line), HIT_ROLE)
            item.setToolTip(str(hit.path))
            self.model.appendRow(item)
        self._count += len(hits)
        self.status.setText(f"{self._count} lines so far…")

    def show_finished(self, count: int, seconds: float) -> None:
        files = len({self.model.item(r).data(HIT_ROLE)[0] for r in range(self.model.rowCount())})
        if count == 0:
            self.status.setText("No matches.")
            return
        more = f" (the first {MAX_SHOWN} shown)" if count > MAX_SHOWN else ""
        self.status.setText(f"{count} lines in {files} posts{more} · {seconds * 1000:.0f} ms")

    def show_error(self, message: str) -> None:
        self.status.setText(message)

    def hit_count(self) -> int:
        return self.model.rowCount()

    def activate_row(self, row: int) -> None:
        self._on_results_activated(self.model.index(row, 0))

    # -- internals --------------------------------------------------------------------------
    def _name(self, path: Path) -> str:
        if self._root is not None:
            try:
                return Path(path).relative_to(self._root).as_posix()
            except ValueError:
                pass
        return str(path)

    def _on_results_activated(self, index: QModelIndex) -> None:
        data = index.data(HIT_ROLE) if index.isValid() else None
        if data:
            self.hit_activated.emit(Path(data[0]), int(data[1]))
