"""TokenField: a chip input for tags or categories, with completion counts and a near-duplicate
warning. Owns only its widgets and plain lists of names; must not import the core post model
or reach into sibling widgets."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from tileditor.core.near_duplicate import default_near_duplicate, edit_distance  # noqa: F401

# Re-exported: the rules live in core, shared with the repo health check.
from tileditor.ui.palette_colors import Role, follow_palette, mix, readable, tint_text

NAME_ROLE = Qt.ItemDataRole.UserRole + 1

NearDuplicateFn = Callable[[str, Counter], "str | None"]


class _FlowLayout(QLayout):
    """Chips left to right, wrapping to a new line; the last item (the input) takes the rest
    of its line. Keeps the field one line high for a few tags and never forces width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 3, min_last: int = 80):
        super().__init__(parent)
        self._items: list = []
        self._gap = spacing
        self._min_last = min_last
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def insert_widget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = sum(i.sizeHint().width() + self._gap for i in self._items)
        return QSize(width, self.minimumSize().height())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        h = max((i.sizeHint().height() for i in self._items), default=0)
        w = max((i.minimumSize().width() for i in self._items[:-1]), default=0)
        return QSize(max(w, self._min_last), h)

    def _arrange(self, rect: QRect, apply: bool) -> int:
        x, y, line_h = rect.x(), rect.y(), 0
        right = rect.x() + rect.width()
        for n, item in enumerate(self._items):
            hint = item.sizeHint()
            last = n == len(self._items) - 1
            w = self._min_last if last else min(hint.width(), rect.width())
            if x > rect.x() and x + w > right:
                x, y, line_h = rect.x(), y + line_h + self._gap, 0
            if last:
                w = max(w, right - x)
            if apply:
                item.setGeometry(QRect(QPoint(x, y), QSize(w, hint.height())))
            x += w + self._gap
            line_h = max(line_h, hint.height())
        return y + line_h - rect.y()


def style_chip(chip: QFrame) -> None:
    # Blended from the application palette (not palette(midlight), which some dark system
    # palettes leave near-white under light text), and redone when the theme changes.
    pal = QApplication.palette()
    base, accent = pal.color(Role.Base), pal.color(Role.Highlight)
    text = readable(pal.color(Role.Text), mix(base, accent, 0.18), pal.color(Role.Text))
    sheet = (
        f"#tokenChip {{ background: {mix(base, accent, 0.18).name()};"
        f" border: 1px solid {mix(base, accent, 0.55).name()}; border-radius: 8px; }}"
        f" #tokenChip QLabel, #tokenChip QToolButton {{ color: {text.name()}; }}"
    )
    if chip.styleSheet() != sheet:  # a style sheet change repolishes: never loop on it
        chip.setStyleSheet(sheet)


class _Chip(QFrame):
    """One token shown as a rounded label with an x button."""

    remove_clicked = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self.setObjectName("tokenChip")
        follow_palette(self, style_chip)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 0, 1, 0)
        lay.setSpacing(1)
        lay.addWidget(QLabel(name, self))
        button = QToolButton(self)
        button.setObjectName("chipRemove")
        button.setText("×")
        button.setAutoRaise(True)
        button.setToolTip(f"Remove {name}")
        button.setFixedSize(16, 16)
        button.clicked.connect(lambda: self.remove_clicked.emit(self.name))
        lay.addWidget(button)


class TokenField(QWidget):
    """Chips plus a line edit. Enter or comma adds a token, Backspace on empty removes the last.

    `tokens_changed(list)` fires on user edits only; `set_tokens` is silent.
    """

    tokens_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None, placeholder: str = "add…"):
        super().__init__(parent)
        self._tokens: list[str] = []
        self._chips: list[_Chip] = []
        self._completions: Counter = Counter()
        self._near_fn: NearDuplicateFn = default_near_duplicate
        self._warning = ""

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        self._layout = _FlowLayout()
        outer.addLayout(self._layout)
        self._edit = QLineEdit(self)
        self._edit.setObjectName("tokenInput")
        self._edit.setPlaceholderText(placeholder)
        self._edit.setMinimumWidth(60)
        self._edit.installEventFilter(self)
        self._edit.returnPressed.connect(self._on_edit_return)
        self._edit.textEdited.connect(self._on_edit_text_edited)
        self._layout.addWidget(self._edit)
        self._warning_label = QLabel(self)
        self._warning_label.setObjectName("nearDuplicateLabel")
        tint_text(self._warning_label, "warning")
        self._warning_label.hide()
        outer.addWidget(self._warning_label)

        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionRole(NAME_ROLE)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        # Not QLineEdit.setCompleter: the line edit would write the chosen name back into
        # itself after `activated`, leaving it behind the new chip.
        self._completer.setWidget(self._edit)
        self._completer.activated[str].connect(self._on_completer_activated)
        # Focusing the field (a label's mnemonic, setFocus) puts the cursor in its input.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self._edit)

    # --- public API -------------------------------------------------------------------------
    def tokens(self) -> list[str]:
        return list(self._tokens)

    def set_tokens(self, tokens: list[str]) -> None:
        """Show `tokens` (duplicates dropped) without emitting tokens_changed; text being
        typed in the input is kept."""
        seen: list[str] = []
        for t in tokens:
            t = str(t).strip()
            if t and t not in seen:
                seen.append(t)
        if seen == self._tokens:
            return
        self._tokens = seen
        self._set_warning("")
        self._rebuild_chips()

    def set_completions(self, counter: Counter) -> None:
        """Names offered while typing, shown as "name (count)", most used first."""
        self._completions = Counter(counter)
        self._model.clear()
        for name, count in sorted(self._completions.items(), key=lambda kv: (-kv[1], kv[0])):
            item = QStandardItem(f"{name} ({count})")
            item.setData(name, NAME_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)

    def completer(self) -> QCompleter:
        return self._completer

    def set_near_duplicate_fn(self, fn: NearDuplicateFn | None) -> None:
        """Replace the check `fn(name, completions) -> existing name or None`."""
        self._near_fn = fn or default_near_duplicate

    def near_duplicate_warning(self) -> str:
        """The warning currently shown ("" when none)."""
        return self._warning

    def line_edit(self) -> QLineEdit:
        return self._edit

    # --- editing ----------------------------------------------------------------------------
    def _add_user_tokens(self, names: list[str]) -> None:
        added = [n for n in (s.strip() for s in names) if n and n not in self._tokens]
        added = list(dict.fromkeys(added))
        if not added:
            return
        self._tokens.extend(added)
        self._rebuild_chips()
        self._check_near(added[-1])
        self.tokens_changed.emit(self.tokens())

    def _remove_user_token(self, name: str) -> None:
        if name in self._tokens:
            self._tokens.remove(name)
            self._rebuild_chips()
            self._set_warning("")
            self.tokens_changed.emit(self.tokens())

    def _rebuild_chips(self) -> None:
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.hide()  # deleteLater waits for the event loop; hide it now
            chip.deleteLater()
        self._chips = []
        for i, name in enumerate(self._tokens):
            chip = _Chip(name, self)
            chip.remove_clicked.connect(self._remove_user_token)
            self._layout.insert_widget(i, chip)
            chip.show()  # the layout would only show it on the next event-loop pass
            self._chips.append(chip)

    def _check_near(self, name: str) -> None:
        match = self._near_fn(name, self._completions) if name else None
        if match and match != name:
            n = self._completions.get(match, 0)
            posts = "post" if n == 1 else "posts"
            self._set_warning(f"Did you mean {match}? ({n} {posts})")
        else:
            self._set_warning("")

    def _set_warning(self, text: str) -> None:
        self._warning = text
        self._warning_label.setText(text)
        self._warning_label.setVisible(bool(text))
        self._edit.setToolTip(text)

    def _on_edit_return(self) -> None:
        popup = self._completer.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            return  # Return picks the highlighted completion: `activated` adds that one
        popup.hide()
        text = self._edit.text()
        self._edit.clear()
        self._add_user_tokens(text.split(","))

    def _on_edit_text_edited(self, text: str) -> None:
        if text[:1].isspace():
            text = text.lstrip()
            self._edit.setText(text)
        if "," in text:
            *done, rest = text.split(",")
            self._edit.setText(rest.lstrip())
            self._add_user_tokens(done)
        else:
            self._check_near(text.strip())
        self._complete(self._edit.text())

    def _complete(self, prefix: str) -> None:
        prefix = prefix.strip()
        if not prefix:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(prefix)
        self._completer.complete()

    def _on_completer_activated(self, name: str) -> None:
        self._edit.clear()
        self._add_user_tokens([name])

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        # A click on the field's free space (between or after chips) means "type here".
        self._edit.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            obj is self._edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Backspace
            and not self._edit.text()
            and self._tokens
        ):
            self._remove_user_token(self._tokens[-1])
            return True
        return super().eventFilter(obj, event)
