"""FrontMatterForm: a compact form over a post's front matter (title, date, layout, categories,
tags, toc, a collapsed "More" section of Minimal Mistakes keys, and a raw YAML editor).
Takes plain values, emits intent signals; must not import the post model or touch files."""

from __future__ import annotations

import copy
import re
from collections import Counter
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tileditor.core.frontmatter import as_datetime, as_list
from tileditor.core.text_diff import minimal_replacement
from tileditor.ui.palette_colors import error_color, tint_text
from tileditor.ui.token_field import TokenField

LAYOUTS = ["single", "posts", "archive", "splash", "home", "categories", "tags", "default"]

# Minimal Mistakes keys shown under "More": (key, kind, label). Dotted keys live in a nested
# mapping (header.teaser is `header: {teaser: ...}`): edits emit the whole parent mapping.
MORE_FIELDS = [
    ("excerpt", "text", "Excerpt"),
    ("header.teaser", "text", "Teaser image"),
    ("header.image", "text", "Header image"),
    ("header.overlay_image", "text", "Overlay image"),
    ("classes", "text", "Classes"),
    ("sidebar.nav", "text", "Sidebar nav"),
    ("toc_label", "text", "TOC label"),
    ("toc_icon", "text", "TOC icon"),
    ("toc_sticky", "bool", "Sticky TOC"),
    ("author_profile", "bool", "Author profile"),
    ("read_time", "bool", "Read time"),
    ("comments", "bool", "Comments"),
    ("share", "bool", "Share"),
    ("related", "bool", "Related"),
]

DATE_TIP = "date: YYYY-MM-DD [HH:MM[:SS] [+ZZZZ]]; empty uses the date in the file name"
_DATE_RE = re.compile(
    r"\s*\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?\s*"
)
INHERIT_TIP = "Partly checked: not set in this post (the site default applies)"


def _lookup(values: dict, dotted: str):
    cur = values
    for part in dotted.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def format_date(value) -> str:
    """A front-matter date value as the text a user would type."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        text = value.strftime("%Y-%m-%d %H:%M:%S")
        return text + (value.strftime(" %z") if value.tzinfo else "")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def is_valid_date_text(text: str) -> bool:
    """True for an empty date or one Jekyll (Ruby's Time.parse on YAML dates) accepts."""
    if not text.strip():
        return True
    return bool(_DATE_RE.fullmatch(text)) and as_datetime(text) is not None


def _qt_pos(text: str, index: int) -> int:
    """Qt's position of `text[index]` (a character beyond U+FFFF counts two there)."""
    head = text[:index]
    return index if head.isascii() else len(head.encode("utf-16-le", "surrogatepass")) // 2


def _set_text(edit: QLineEdit, text: str) -> None:
    # Re-setting the same text would move the cursor of a user typing in the field.
    if edit.text() != text:
        edit.setText(text)


def _buddy_label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    # Alt+<letter> focuses the field (token fields pass focus on to their input).
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def _bool_state(value) -> Qt.CheckState:
    if value is None:
        return Qt.CheckState.PartiallyChecked
    truthy = value is True or str(value).strip().lower() in ("true", "yes", "on", "1")
    return Qt.CheckState.Checked if truthy else Qt.CheckState.Unchecked


class FrontMatterForm(QWidget):
    """The header editor above the body. `field_changed(key, value)` fires only for the field
    the user touched (value None: delete the key); programmatic setters emit nothing."""

    field_changed = Signal(str, object)
    raw_header_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("frontMatterForm")
        self._loading = False
        self._values: dict = {}
        self._tags_key = "tags"
        self._categories_key = "categories"
        self._more: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 2, 4, 2)
        outer.setSpacing(2)
        self._fields = QWidget(self)
        self._fields.setObjectName("frontMatterFields")
        fl = QVBoxLayout(self._fields)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.setSpacing(2)
        fl.addLayout(self._build_first_row())
        fl.addLayout(self._build_second_row())
        self._more_box = self._build_more()
        fl.addWidget(self._more_box)
        outer.addWidget(self._fields)
        self._error = QLabel(self)
        self._error.setObjectName("frontMatterError")
        tint_text(self._error, "error")
        self._error.setWordWrap(True)
        self._error.hide()
        outer.addWidget(self._error)
        self._raw = QPlainTextEdit(self)
        self._raw.setObjectName("rawHeaderEditor")
        self._raw.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._raw.setMaximumHeight(140)
        self._raw.textChanged.connect(self._on_raw_text_changed)
        self._raw.hide()
        outer.addWidget(self._raw)
        self._raw_problem = QLabel(self)
        self._raw_problem.setObjectName("rawHeaderProblem")
        tint_text(self._raw_problem, "error")
        self._raw_problem.setWordWrap(True)
        self._raw_problem.hide()
        outer.addWidget(self._raw_problem)

    # --- construction -----------------------------------------------------------------------
    def _build_first_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        self.title_field = QLineEdit(self)
        self.title_field.setObjectName("titleField")
        self.title_field.setPlaceholderText("Title")
        self.title_field.textEdited.connect(lambda t: self._emit("title", t or None))
        self.date_field = QLineEdit(self)
        self.date_field.setObjectName("dateField")
        self.date_field.setFixedWidth(118)
        self.date_field.setToolTip(DATE_TIP)
        self.date_field.textEdited.connect(self._on_date_edited)
        self.layout_field = QComboBox(self)
        self.layout_field.setObjectName("layoutField")
        self.layout_field.setEditable(True)
        self.layout_field.addItems(LAYOUTS)
        self.layout_field.lineEdit().setPlaceholderText("layout")
        self.layout_field.setMinimumContentsLength(7)
        self.layout_field.lineEdit().textEdited.connect(self._on_layout_edited)
        self.layout_field.activated.connect(
            lambda i: self._on_layout_edited(self.layout_field.itemText(i))
        )
        row.addWidget(_buddy_label("Tit&le", self.title_field, self))
        row.addWidget(self.title_field, 1)
        row.addWidget(_buddy_label("Da&te", self.date_field, self))
        row.addWidget(self.date_field)
        row.addWidget(self.layout_field)
        return row

    def _build_second_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        self.categories_field = TokenField(self, placeholder="category…")
        self.categories_field.setObjectName("categoriesField")
        self.categories_field.tokens_changed.connect(
            lambda v: self._emit(self._categories_key, v or None)
        )
        self.tags_field = TokenField(self, placeholder="tag…")
        self.tags_field.setObjectName("tagsField")
        self.tags_field.tokens_changed.connect(lambda v: self._emit(self._tags_key, v or None))
        self.toc_field = QCheckBox("TOC", self)
        self.toc_field.setObjectName("tocField")
        self.toc_field.setTristate(True)
        self.toc_field.setToolTip(INHERIT_TIP)
        self.toc_field.clicked.connect(lambda: self._on_bool_clicked("toc", self.toc_field))
        self.more_button = self._toggle_button("moreButton", "More", self._on_more_toggled)
        self.raw_button = self._toggle_button("rawButton", "Raw", self._on_raw_toggled)
        # Token fields wrap onto more lines when they hold many chips: keep the rest on top.
        top = Qt.AlignmentFlag.AlignTop
        for widget, stretch in (
            (_buddy_label("C&ategories", self.categories_field, self), 0),
            (self.categories_field, 2), (_buddy_label("Ta&gs", self.tags_field, self), 0),
            (self.tags_field, 3), (self.toc_field, 0), (self.more_button, 0),
            (self.raw_button, 0),
        ):
            row.addWidget(widget, stretch, Qt.AlignmentFlag(0) if stretch else top)
        return row

    def _toggle_button(self, name: str, text: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setCheckable(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setArrowType(Qt.ArrowType.RightArrow)
        button.toggled.connect(slot)
        return button

    def _build_more(self) -> QWidget:
        box = QWidget(self)
        box.setObjectName("moreSection")
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        checks = QGridLayout()
        checks.setVerticalSpacing(2)
        n_text = n_bool = 0
        for key, kind, label in MORE_FIELDS:
            if kind == "bool":
                w = QCheckBox(label, box)
                w.setTristate(True)
                w.setToolTip(f"{key}: {INHERIT_TIP}")
                w.clicked.connect(lambda _=False, k=key, cb=w: self._on_bool_clicked(k, cb))
                checks.addWidget(w, n_bool // 2, n_bool % 2)
                n_bool += 1
            else:
                w = QLineEdit(box)
                w.setToolTip(key)
                w.setPlaceholderText(key)
                w.textEdited.connect(lambda t, k=key: self._emit(k, t or None))
                # Two label/field pairs per row keep the section short.
                row, col = n_text // 2, (n_text % 2) * 2
                grid.addWidget(QLabel(label, box), row, col)
                grid.addWidget(w, row, col + 1)
                n_text += 1
            w.setObjectName("more_" + key.replace(".", "_"))
            self._more[key] = w
        grid.addLayout(checks, 0, 4, max(1, (n_text + 1) // 2), 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        box.hide()
        return box

    # --- public API -------------------------------------------------------------------------
    def set_values(
        self, values: dict, error: str | None = None, file_date: str | None = None
    ) -> None:
        """Show `values` (the header as plain data). With `error`, the fields are disabled, the
        message shown and the raw editor opened; `file_date` is the date from the file name."""
        self._loading = True
        try:
            values = values or {}
            self._values = copy.deepcopy(values)
            title = values.get("title")
            _set_text(self.title_field, "" if title is None else str(title))
            _set_text(self.date_field, format_date(values.get("date")))
            self._show_date_validity(self.date_field.text())
            hint = f"{file_date} (file name)" if file_date else "YYYY-MM-DD"
            self.date_field.setPlaceholderText(hint)
            _set_text(self.layout_field.lineEdit(), str(values.get("layout") or ""))
            self._tags_key = next((k for k in ("tags", "tag") if k in values), "tags")
            self._categories_key = next(
                (k for k in ("categories", "category") if k in values), "categories"
            )
            self.tags_field.set_tokens(as_list(values.get(self._tags_key)))
            self.categories_field.set_tokens(as_list(values.get(self._categories_key)))
            self.toc_field.setCheckState(_bool_state(values.get("toc")))
            self._set_more_values(values)
            self._set_error(error)
        finally:
            self._loading = False

    def set_raw_text(self, text: str) -> None:
        """Show the header's YAML lines in the raw editor (without emitting
        raw_header_edited); the cursor stays on the character it was on."""
        self.set_raw_problem(None)
        old = self.raw_text()
        if old == text:
            return
        # Only the changed stretch is replaced (setPlainText of a 10,000-line header took
        # 40 ms a form edit); the box's own undo history stays empty, as after setPlainText.
        start, end, repl = minimal_replacement(old, text)
        self._loading = True
        try:
            cursor = QTextCursor(self._raw.document())
            cursor.setPosition(_qt_pos(old, start))
            cursor.setPosition(_qt_pos(old, end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(repl)
            if self.raw_text() != text:  # a character insertText reads differently: whole text
                self._raw.setPlainText(text)
            self._raw.document().clearUndoRedoStacks()
        finally:
            self._loading = False

    def raw_text(self) -> str:
        # toPlainText() would turn U+00A0 into spaces: read the exact characters.
        return self._raw.document().toRawText().replace("\u2029", "\n")

    def set_raw_problem(self, message: str | None) -> None:
        """Say why the raw text was not applied to the post (None: it was)."""
        self._raw_problem.setText(message or "")
        self._raw_problem.setVisible(bool(message) and self._raw.isVisible())

    def raw_problem(self) -> str:
        return self._raw_problem.text()

    def set_defaults(self, defaults: dict) -> None:
        """Show what the post inherits from `_config.yml` defaults (e.g. site.defaults_for(path))
        as placeholders and tooltips of the fields left unset. Emits nothing."""
        defaults = defaults or {}
        layout = defaults.get("layout")
        self.layout_field.lineEdit().setPlaceholderText(
            f"{layout} (default)" if layout else "layout")
        boxes = {"toc": self.toc_field}
        boxes.update({k: w for k, w in self._more.items() if isinstance(w, QCheckBox)})
        for key, box in boxes.items():
            value = _lookup(defaults, key)
            inherited = "" if value is None else f" (site default: {str(value).lower()})"
            box.setToolTip(f"{key}: {INHERIT_TIP}{inherited}")
        for key, widget in self._more.items():
            if isinstance(widget, QLineEdit):
                value = _lookup(defaults, key)
                widget.setPlaceholderText(f"{value} (default)" if value is not None else key)

    def set_completions(self, tags: Counter, categories: Counter) -> None:
        self.tags_field.set_completions(tags)
        self.categories_field.set_completions(categories)

    def error_text(self) -> str:
        return self._error.text() if not self._error.isHidden() else ""

    def fields_enabled(self) -> bool:
        return all(w.isEnabled() for w in self._editors())

    def more_field(self, key: str) -> QWidget:
        """The widget editing Minimal Mistakes key `key` (e.g. "header.teaser")."""
        return self._more[key]

    def focus_title(self) -> None:
        """Put the cursor in the title field (a new post starts there)."""
        self.title_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title_field.selectAll()

    def set_more_visible(self, visible: bool) -> None:
        self.more_button.setChecked(visible)

    def set_raw_visible(self, visible: bool) -> None:
        self.raw_button.setChecked(visible)

    # --- internals --------------------------------------------------------------------------
    def _set_more_values(self, values: dict) -> None:
        for key, widget in self._more.items():
            value = _lookup(values, key)
            if isinstance(widget, QCheckBox):
                widget.setCheckState(_bool_state(value))
            else:
                _set_text(widget, "" if value is None else str(value))

    def _editors(self) -> list[QWidget]:
        fixed = [self.title_field, self.date_field, self.layout_field, self.categories_field]
        return fixed + [self.tags_field, self.toc_field, *self._more.values()]

    def _set_error(self, error: str | None) -> None:
        # The More/Raw toggles stay usable: the raw editor is how the user fixes the YAML.
        for widget in self._editors():
            widget.setEnabled(error is None)
        self._error.setText(error or "")
        self._error.setVisible(bool(error))
        if error:
            self.raw_button.setChecked(True)
        self._raw.setEnabled(True)

    def _emit(self, key: str, value) -> None:
        if self._loading:
            return
        if "." in key:
            key, value = self._nested_update(key, value)
        self.field_changed.emit(key, value)

    def _nested_update(self, dotted: str, value) -> tuple[str, dict | None]:
        # `header.teaser` -> ("header", {...the other header keys kept..., "teaser": value}),
        # so the receiver edits one top-level key; an emptied mapping deletes the key.
        parent, *rest = dotted.split(".")
        root = self._values.get(parent)
        root = copy.deepcopy(root) if isinstance(root, dict) else {}
        node = root
        for part in rest[:-1]:
            if not isinstance(node.get(part), dict):
                node[part] = {}
            node = node[part]
        if value is None:
            node.pop(rest[-1], None)
        else:
            node[rest[-1]] = value
        self._values[parent] = root
        return parent, (root or None)

    def _on_date_edited(self, text: str) -> None:
        self._show_date_validity(text)
        self._emit("date", text.strip() or None)

    def _show_date_validity(self, text: str) -> None:
        # Jekyll stops the whole build on a date it cannot parse: say so while typing.
        ok = is_valid_date_text(text)
        red = error_color(self.palette()).name()
        self.date_field.setStyleSheet("" if ok else f"QLineEdit {{ border: 1px solid {red}; }}")
        self.date_field.setToolTip(DATE_TIP if ok else "Not a date Jekyll can read. " + DATE_TIP)

    def date_is_valid(self) -> bool:
        return is_valid_date_text(self.date_field.text())

    def _on_layout_edited(self, text: str) -> None:
        self._emit("layout", text.strip() or None)

    def _on_bool_clicked(self, key: str, box: QCheckBox) -> None:
        # A tri-state click cycles unchecked -> partial -> checked; partial means "unset".
        state = box.checkState()
        value = None if state == Qt.CheckState.PartiallyChecked else state == Qt.CheckState.Checked
        self._emit(key, value)

    def _on_more_toggled(self, on: bool) -> None:
        self._more_box.setVisible(on)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def _on_raw_toggled(self, on: bool) -> None:
        self._raw.setVisible(on)
        self._raw_problem.setVisible(on and bool(self._raw_problem.text()))
        self.raw_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def _on_raw_text_changed(self) -> None:
        if not self._loading:
            self.raw_header_edited.emit(self.raw_text())
