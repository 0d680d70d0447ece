"""HealthPanel: the repo health check's findings, one line each (file:line: kind: message),
with Check and "Move to trash" (for pictures no post uses). Emits intent signals only; must
not import services or touch files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class HealthPanel(QWidget):
    check_requested = Signal()
    finding_activated = Signal(object, int)  # (Path, line)
    trash_requested = Signal(object)  # Path of an unused picture

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("healthPanel")
        self._root: Path | None = None
        self.check_button = QPushButton("Check", self)
        self.check_button.setObjectName("healthCheckButton")
        self.check_button.clicked.connect(self.check_requested)
        self.trash_button = QPushButton("Move picture to trash…", self)
        self.trash_button.setObjectName("healthTrashButton")
        self.trash_button.setEnabled(False)
        self.trash_button.clicked.connect(self._on_trash_clicked)
        self.status = QLabel("Not checked yet.", self)
        self.status.setObjectName("healthStatus")
        self.model = QStandardItemModel(self)
        self.results = QListView(self)
        self.results.setObjectName("healthResults")
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.results.activated.connect(self._on_results_activated)
        self.results.clicked.connect(self._on_results_activated)
        self.results.selectionModel().currentChanged.connect(self._on_current_changed)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.check_button)
        top.addWidget(self.trash_button)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.results, 1)

    def set_root(self, root: Path | None) -> None:
        self._root = root

    def show_running(self) -> None:
        self.status.setText("Checking every post…")
        self.check_button.setEnabled(False)

    def show_findings(self, findings: list) -> None:
        self.model.clear()
        for f in findings:
            d = f.as_dict(self._root)
            item = QStandardItem(f"{d['path']}:{d['line']}: {d['kind']}: {d['message']}")
            item.setData(f, FINDING_ROLE)
            self.model.appendRow(item)
        files = len({f.path for f in findings})
        self.status.setText(f"{len(findings)} findings in {files} files." if findings
                            else "Nothing found: the blog is healthy.")
        self.check_button.setEnabled(True)
        self.trash_button.setEnabled(False)

    def show_error(self, message: str) -> None:
        self.status.setText(message)
        self.check_button.setEnabled(True)

    def findings(self) -> list:
        return [self.model.item(r).data(FINDING_ROLE) for r in range(self.model.rowCount())]

    def select_row(self, row: int) -> None:
        self.results.setCurrentIndex(self.model.index(row, 0))

    def _current(self):
        index = self.results.currentIndex()
        return index.data(FINDING_ROLE) if index.isValid() else None

    def _on_current_changed(self, current: QModelIndex, _previous) -> None:
        finding = current.data(FINDING_ROLE) if current.isValid() else None
        self.trash_button.setEnabled(finding is not None and finding.kind == "orphan_image")

    def _on_results_activated(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE) if index.isValid() else None
        if finding is not None and finding.kind != "orphan_image":
            self.finding_activated.emit(finding.path, finding.line)

    def _on_trash_clicked(self) -> None:
        finding = self._current()
        if finding is not None and finding.kind == "orphan_image":
            self.trash_requested.emit(finding.path)
