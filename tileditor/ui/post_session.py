"""The open post and how its views stay in step: editor text is the source of truth; the form,
the outline, the preview and the image panel follow it, and form edits come back to the editor
as one undo step touching only the changed header lines. Part of the composition root."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from tileditor.core.document import Document
from tileditor.core.frontmatter import (
    FrontMatterEditError,
    HeaderError,
    RawRefusal,
    cached_scan,
    load_header_values,
    raw_view,
    replace_header_lines,
    split_front_matter,
    split_lines,
)
from tileditor.core.frontmatter import opens_header as _opens_header
from tileditor.core.newlines import from_widget, to_widget
from tileditor.core.outline import Heading, headings_from_render
from tileditor.core.page import date_from_filename, page_meta, reading_time
from tileditor.core.post import Post
from tileditor.core.text_diff import minimal_replacement

PREVIEW_LIMIT_CHARS = 2_000_000
# Past this size reading the whole text out of the editor costs ~10 ms per MB: it is read only
# when someone needs it (a snapshot, a save; see Document.defer_text), not on every keystroke.
LAZY_TEXT_CHARS = PREVIEW_LIMIT_CHARS
SYNC_IDLE_MS = 120  # header views follow the text after this pause in typing
BIG_SYNC_IDLE_MS = 1500  # ... and this one in a huge post, where they cost a second or more


def _preview_off(chars: int) -> str:
    """What the preview shows instead of a post past PREVIEW_LIMIT_CHARS: rendering megabytes
    takes minutes and holds up quitting, so it says so."""
    return (f"*The preview is off for this post: it is {chars // 1_000_000} MB, far larger "
            "than a post usually is.*\n")


@dataclass(frozen=True)
class RenderExtras:
    """What the preview thread derives from a render besides the page: the page header's
    meta (reading time scans the whole HTML) and the outline (it reads the whole text)."""

    meta: object  # core.page.PageMeta
    headings: list[Heading]  # of the rendered text (a notice's, for a post too big)


def render_extras(result, site, post_path, text: str) -> RenderExtras:
    """PreviewRenderer's extras_fn: runs on the preview thread, never the UI thread."""
    meta = page_meta(result.front_matter, result.html, site, post_path)
    return RenderExtras(meta, headings_from_render(result, text))


class PostSession(QObject):
    """Keeps one Document and the widgets that show it consistent."""

    document_changed = Signal()  # a different post (or a new one) is now open
    dirty_changed = Signal(bool)
    status_reported = Signal(str)  # a one-line message for the status bar
    planned_path_changed = Signal(object)  # Path where a new post will be saved
    header_field_edited = Signal(str)  # the key a form edit changed
    stats_changed = Signal(int, str)  # words and read time of the rendered post, worded as the page words it

    def __init__(self, editor, form, outline, preview, renderer, parent=None):
        super().__init__(parent)
        self.editor, self.form, self.outline = editor, form, outline
        self.preview, self.renderer = preview, renderer
        self.site = None
        self.document: Document = Document.new("")
        self.draft = False
        self.series_slug: str | None = None  # a new series post's file-name slug
        self._newline = "\n"
        self._applying_form = False
        self._last_dirty = False
        self.last_result = None  # the newest RenderResult shown, for export and the image panel
        self.last_meta = None
        self._new_date = datetime.now()
        self._sync_timer = QTimer(self, singleShot=True, interval=SYNC_IDLE_MS)
        self._sync_timer.timeout.connect(self._sync_header_views)
        editor.text_edited.connect(self._on_editor_text_edited)
        form.field_changed.connect(self._on_form_field_changed)
        form.raw_header_edited.connect(self._on_form_raw_header_edited)
        renderer.finished.connect(self._on_renderer_finished)
        outline.heading_activated.connect(editor.goto_line)

    # -- opening ------------------------------------------------------------------------
    def set_site(self, site) -> None:
        self.site = site
        self.request_render()

    def show_document(self, document: Document, draft: bool = False) -> None:
        """Put `document` in the editor (as its exact text) and refresh every view."""
        self.document = document
        self.draft = draft
        self.series_slug = None
        self._new_date = datetime.now()
        widget_text, self._newline, exact = to_widget(document.text)
        if not exact and document.read_only_reason is None:
            what = ("mixes line endings" if "\r" in document.text
                    else "holds private-use characters the editor needs for itself")
            document.read_only_reason = f"This file {what}; it is open read-only so no byte changes."
        self.editor.set_text(widget_text, 1)
        self.editor.setReadOnly(document.read_only_reason is not None)
        self._last_dirty = document.dirty
        self.outline.forget_render()
        self._sync_header_views()
        self.request_render()
        _warm_header_scan(document.text)
        self.document_changed.emit()
        if document.read_only_reason:
            self.status_reported.emit(document.read_only_reason)

    # -- paths --------------------------------------------------------------------------
    def planned_path(self) -> Path | None:
        """Where this post lives, or would be saved if it is new."""
        if self.document.path is not None:
            return self.document.path
        if self.site is None:
            return None
        from tileditor.core.slug import new_post_path

        post = Post.from_text(self.document.text)
        title = ""
        if not post.front_matter_error:
            title = str(post.front_matter.get("title") or "")
        path = new_post_path(self.site, title or "untitled", self.post_date(), draft=self.draft)
        if self.series_slug:
            # The next post of a series keeps the series' own file name (TIL25_Day210), which
            # slugifying its title would not give.
            when = self.post_date()
            name = self.series_slug if self.draft else f"{when:%Y-%m-%d}-{self.series_slug}"
            if not (path.parent / f"{name}.md").exists():
                path = path.parent / f"{name}.md"
        return path

    def set_new_date(self, when: datetime) -> None:
        """The day an unsaved post without a `date:` key will be filed under."""
        self._new_date = when
        self.planned_path_changed.emit(self.planned_path())

    def post_date(self) -> datetime:
        """The post's date: header `date`, else the file name, else the new post's day."""
        from tileditor.core.frontmatter import as_datetime

        try:
            values = self.header_values()
        except HeaderError:
            values = {}
        when = as_datetime(values.get("date"))
        return when or date_from_filename(self.document.path) or self._new_date

    def header_values(self) -> dict:
        span = split_front_matter(self.document.text)
        return load_header_values(span.yaml, 2) if span else {}

    # -- editor -> everything -------------------------------------------------------------
    def _on_editor_text_edited(self) -> None:
        if self.editor.char_count() > LAZY_TEXT_CHARS:
            self._on_huge_text_edited()
            return
        self.document.set_text(self._editor_text())
        self.request_render()
        if not self._applying_form:
            self._sync_timer.start(SYNC_IDLE_MS)
        self.report_dirty()

    def _editor_text(self) -> str:
        return from_widget(self.editor.text(), self._newline)

    def _on_huge_text_edited(self) -> None:
        was_pending = self.document.text_pending
        if not was_pending and len(self.document.text) <= PREVIEW_LIMIT_CHARS:
            self.document.set_text(self._editor_text())
            self.request_render()  # it just grew past the limit: the preview says so, once
        self.document.defer_text(self._editor_text)
        # The page shows the preview-off note for this edit too, so `rendered` follows every
        # keystroke as in any post (sized from the editor: reading the text costs megabytes).
        chars = self.editor.char_count()
        if chars > PREVIEW_LIMIT_CHARS:  # planned_path() of a new post would read it all
            self.renderer.request(_preview_off(chars), self.site, self.document.path)
        if not self._applying_form:
            self._sync_timer.start(BIG_SYNC_IDLE_MS)
        if not self._last_dirty:
            # An edit makes the buffer dirty; typing it back to the saved text is noticed at the
            # next pause (_sync_header_views), not by reading megabytes per key.
            self._last_dirty = True
            self.dirty_changed.emit(True)

    def report_dirty(self) -> None:
        if self.document.dirty != self._last_dirty:
            self._last_dirty = self.document.dirty
            self.dirty_changed.emit(self._last_dirty)

    def request_render(self) -> None:
        text = self.document.text
        if len(text) > PREVIEW_LIMIT_CHARS:
            text = _preview_off(len(text))
        self.renderer.request(text, self.site, self.planned_path())

    def _sync_header_views(self) -> None:
        widget_text = self.editor.text()
        if self.document.text_pending:
            self.document.set_text(from_widget(widget_text, self._newline))  # read once, not twice
        self.outline.set_text(widget_text, 1)
        self._refresh_form()
        self.form.set_raw_text(raw_view(split_front_matter(widget_text)))
        self.planned_path_changed.emit(self.planned_path())
        self.report_dirty()

    def _refresh_form(self) -> None:
        """Show the header's values (or its error, with the line) in the form fields."""
        text = self.document.text
        span = split_front_matter(text)
        file_date = date_from_filename(self.document.path)
        file_date_s = file_date.strftime("%Y-%m-%d") if file_date else self._new_date.strftime("%Y-%m-%d")
        try:
            values = load_header_values(span.yaml, 2) if span else {}
            error = None if span or not _opens_header(text) else (
                "The header has no closing --- line: add it in the editor.")
        except HeaderError as exc:
            values, error = {}, str(exc)
        self.form.set_values(values, error=error, file_date=file_date_s)

    # -- form -> editor -------------------------------------------------------------------
    def _on_form_field_changed(self, key: str, value) -> None:
        if self._refuse_read_only():
            return
        post = Post.from_text(self.document.text)
        if post.front_matter_error:
            self.status_reported.emit("The header is not valid YAML: edit it in the raw view.")
            return
        if value is not None and value != [] and value != "":
            key = _existing_spelling(post, key, self.site)
        try:
            post.front_matter.set_field(key, value)
        except FrontMatterEditError as exc:
            # Unusual headers (anchors, merge keys, JSON style) refuse edits they cannot make
            # safely: the field goes back to what the file says, and the reason is shown.
            self.status_reported.emit(str(exc))
            self._refresh_form()
            return
        self.apply_full_text(post.to_text())
        self.form.set_raw_text(raw_view(split_front_matter(self.editor.text())))
        self.header_field_edited.emit(key)

    def _on_form_raw_header_edited(self, raw_text: str) -> None:
        """Raw shows the lines between the fences: put them back there and nowhere else."""
        if self._refuse_read_only():
            return
        text = self.editor.text()
        new = replace_header_lines(text, raw_text)
        if isinstance(new, RawRefusal):
            self.form.set_raw_problem(new.message)
            return
        self.form.set_raw_problem(None)
        self.apply_full_text(new)
        self._refresh_form()

    def _refuse_read_only(self) -> bool:
        # Programmatic edits would get past the editor's read-only flag: refuse them here.
        if self.document.read_only_reason is None:
            return False
        self.status_reported.emit(self.document.read_only_reason)
        self._sync_header_views()
        return True

    def apply_full_text(self, new_text: str) -> None:
        """Replace the editor's text by `new_text` as one undo step on the changed range."""
        old_widget = self.editor.text()
        new_widget, _, _ = to_widget(new_text)
        start, end, repl = minimal_replacement(old_widget, new_widget)
        if start == end and not repl:
            return
        self._applying_form = True
        try:
            self.editor.replace_range(start, end, repl)
            # replace_range emits text_edited, which updates the document; make sure of it.
            self.document.set_text(from_widget(self.editor.text(), self._newline))
        finally:
            self._applying_form = False
        self.request_render()
        self.report_dirty()
        self.outline.set_text(self.editor.text(), 1)
        self.planned_path_changed.emit(self.planned_path())

    def insert_text(self, position: int | None, text: str) -> None:
        pos = self.editor.cursor_position() if position is None or position < 0 else position
        span = split_front_matter(self.editor.text())
        if span is not None and pos < span.body_start:
            # Inside (or above) the header it would break the front matter: start of the body.
            pos = span.body_start
        self.editor.insert_at(pos, text)

    # -- preview --------------------------------------------------------------------------
    def _on_renderer_finished(self, generation: int, result) -> None:
        extras = self.renderer.extras_for(generation)
        if extras is None:  # a renderer without extras_fn (tests): derive them here
            extras = render_extras(result, self.site, self.planned_path(), self.document.text)
        meta = extras.meta
        self.preview.show_result(result, meta.as_dict())
        if len(self.document.text) <= PREVIEW_LIMIT_CHARS:  # else the page is only a notice
            self.outline.show_headings(extras.headings)
        self.last_meta = meta
        words = meta.extra.get("words", 0)
        wpm = self.site.words_per_minute if self.site is not None else 200
        self.stats_changed.emit(words, meta.reading_time or reading_time("", wpm, words))
        self.last_result = result



def _warm_header_scan(text: str) -> None:
    """Scan a big header on a side thread, so the first form edit finds it scanned (1-2 s of
    ruamel for 10,000 lines, which the edit would otherwise spend on the UI thread)."""
    span = split_front_matter(text)
    if span is None or len(span.yaml) < 4096:
        return

    def scan() -> None:
        try:
            cached_scan(split_lines(span.yaml), 2)
        except HeaderError:
            pass  # the form shows the error; nothing to remember

    threading.Thread(target=scan, name="header-scan", daemon=True).start()


_ALIASES = {"tags": ("tags", "tag"), "tag": ("tag", "tags"),
            "categories": ("categories", "category"), "category": ("category", "categories")}


def _existing_spelling(post: Post, key: str, site=None) -> str:
    """Keep the author's key spelling: the form says `tags`, the file may say `tag`; a new
    key takes the spelling the blog's other posts use."""
    aliases = _ALIASES.get(key, (key,))
    for alias in aliases:
        if alias in post.front_matter:
            return alias
    if site is not None and key in _ALIASES:
        conv = site.conventions()
        preferred = conv.tag_key if key in ("tags", "tag") else conv.category_key
        if preferred in aliases:
            return preferred
    return key
