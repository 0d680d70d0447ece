"""Which post is open and how buffers change hands: opening a post or a new one, the
unsaved-changes question, the info bar (read-only reason, large-file warning, Convert to UTF-8),
recovery keys and what follows a save or a rename on disk. Part of the composition root."""

from __future__ import annotations

import os
import weakref
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from tileditor.core.document import Document, DocumentError
from tileditor.core.frontmatter import header_title
from tileditor.core.recovery import key_for as recovery_key
from tileditor.ui.flows.recovery import offer_recovery

SAVE, DISCARD, CANCEL = "Save", "Discard", "Cancel"
CONVERT = "Convert to UTF-8"
EDIT_ANYWAY = "Edit anyway"


class DocumentFlow(QObject):
    status_reported = Signal(str)

    def __init__(self, *, session, editor, form, info_bar, browser, draft_action, disk, images,
                 importer, autosaver, recovery, prompter, settings, store, data_dir: Path,
                 session_id: str, parent=None):
        super().__init__(parent)
        self.session, self.editor, self.form = session, editor, form
        self.info_bar, self.browser, self.draft_action = info_bar, browser, draft_action
        self.disk, self.images, self.importer = disk, images, importer
        self.autosaver, self.recovery, self.prompter = autosaver, recovery, prompter
        self.settings, self.store = settings, store
        self.data_dir, self.session_id = data_dir, session_id
        # One recovery key per buffer (and its path): two restored buffers, new or of one post,
        # must never share a snapshot.
        self._keys: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._new_count = 0
        self._tracked_key = ""

    # -- opening ------------------------------------------------------------------------------
    def open_post(self, path: Path, ask: bool = True) -> bool:
        """Open `path`; `ask=False` when the caller has already settled the unsaved buffer."""
        if ask and not self.confirm_discard():
            return False
        site = self.session.site
        try:
            doc = Document.load(Path(path), root=site.root if site else None)
        except DocumentError as exc:
            self.prompter.warn("Cannot open", str(exc))
            self.status_reported.emit(str(exc))
            return False
        self.show(doc, draft="_drafts" in Path(path).parts)
        self.remember(path)
        if doc.warning:
            self.status_reported.emit(doc.warning)
        return True

    def remember(self, path: Path) -> None:
        """Persist the post being edited now, not at close: after a crash the next start
        reopens this post (with its recovery copy), not the repo's newest one."""
        self.settings.last_post = str(path)
        self.store.save(self.settings)

    def new_post(self, ask: bool = True) -> bool:
        if ask and not self.confirm_discard():
            return False
        from tileditor.core.new_post import TemplateError, new_post_text
        from tileditor.core.template_store import load_override

        site, draft = self.session.site, self.draft_action.isChecked()
        text = ""
        if site is not None:
            template = load_override(self.data_dir, site.root, draft)
            try:
                text = new_post_text(site, "", datetime.now(), draft=draft, template=template)
            except TemplateError as exc:  # a stored template gone bad: say so, use the blog's
                self.status_reported.emit(str(exc))
                text = new_post_text(site, "", datetime.now(), draft=draft)
        doc = Document(text)
        # The template holds nothing of the user's yet: no question on close, no recovery copy.
        doc.saved_text = text
        self.show(doc, draft=draft)
        self.form.focus_title()
        return True

    def new_series_post(self, ask: bool = True, today=None) -> bool:
        """File > New TIL in series: the next number of the newest post's series, with its
        categories, tag style and layout keys; unsaved until the user saves it."""
        from datetime import date

        from tileditor.core.next_til import next_in_series, next_post_text

        site, today = self.session.site, today or date.today()
        nxt = next_in_series(site, today) if site is not None else None
        if nxt is None:
            self.status_reported.emit("No recent post has a series number to continue "
                                      "(like TIL25_Day209).")
            return False
        if ask and not self.confirm_discard():
            return False
        text = next_post_text(site, nxt)
        doc = Document(text)
        doc.saved_text = text  # nothing of the user's yet
        self.show(doc, draft=self.draft_action.isChecked())
        self.session.series_slug = nxt.slug
        self.session.set_new_date(datetime.combine(today, datetime.min.time()))
        self.session.planned_path_changed.emit(self.session.planned_path())
        self.editor.setFocus()
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self.status_reported.emit(f"New post {nxt.title}, continuing {nxt.source.name if nxt.source else 'the series'}.")
        return True

    def edit_template(self, run=None) -> bool:
        """Settings > New post template: show the blog's template, store the user's edit.
        `run(dialog) -> accepted` is the dialog's exec (tests answer it themselves)."""
        from tileditor.core.new_post import post_template
        from tileditor.core.template_store import load_override, save_override
        from tileditor.ui.template_dialog import TemplateDialog

        site = self.session.site
        if site is None:
            self.status_reported.emit("Open a blog to set its new-post template.")
            return False
        draft = self.draft_action.isChecked()
        derived = post_template(site, draft)
        dialog = TemplateDialog(load_override(self.data_dir, site.root, draft) or derived, derived,
                                self.form.window())
        accepted = (run or (lambda d: d.exec() == d.DialogCode.Accepted))(dialog)
        if accepted:
            save_override(self.data_dir, site.root, dialog.result_text(), draft)
            self.status_reported.emit("New posts of this blog start with the new template.")
        dialog.deleteLater()
        return bool(accepted)

    def show(self, doc: Document, draft: bool) -> None:
        self.session.show_document(doc, draft)
        self.draft_action.blockSignals(True)
        self.draft_action.setChecked(draft)
        self.draft_action.blockSignals(False)
        self.track(doc)
        if doc.path is not None and self.disk.watcher is not None:
            self.disk.watcher.watch_file(str(doc.path))
        self.browser.select_path(doc.path)  # None: a new post, nothing selected

    def track(self, doc: Document) -> None:
        """Snapshots of `doc` go to the recovery store under its key (re-keyed after a save)."""
        self._tracked_key = self.key(doc)
        self.autosaver.track(doc, self._tracked_key, lambda: self.recovery_meta(doc))

    def key(self, doc: Document) -> str:
        known = self._keys.get(doc)
        if known is not None and known[0] == doc.path:
            return known[1]
        session_id = self.session_id
        if doc.path is not None:
            base = recovery_key(doc.path, session_id)
        else:
            self._new_count += 1
            base = recovery_key(None, f"{session_id}-{self._new_count}")
        # Another buffer of this post may hold that key (restored, no longer on screen).
        taken = {k for d, (_, k) in self._keys.items() if d is not doc}
        key, n = base, 2
        while key in taken or self.recovery.has_own(key):
            key, n = f"{base}-{n}", n + 1
        self._keys[doc] = (doc.path, key)
        return key

    def recovery_meta(self, doc: Document) -> dict:
        """What the snapshot of `doc` records (the tracked buffer, which may no longer be the
        one on screen when the autosaver flushes it)."""
        # From the title's own lines (each snapshot; a header may have 10,000 lines), and a
        # header that is not valid YAML must not stop the snapshot itself.
        title = header_title(doc.text)
        site = self.session.site
        return {"path": str(doc.path) if doc.path else None,
                "repo": str(site.root) if site else None, "title": title}

    # -- unsaved changes --------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """True when the open buffer may be replaced (saved, clean, or thrown away by choice)."""
        doc = self.session.document
        if not doc.dirty:
            return True
        name = doc.path.name if doc.path else "this new post"
        answer = self.prompter.ask("Unsaved changes", f"Save the changes to {name} first?",
                                   (SAVE, DISCARD, CANCEL), escape=CANCEL)
        if answer == SAVE:
            return self.disk.save()
        if answer == DISCARD:
            # Untrack first: tracking the next post would otherwise snapshot this one again.
            self.autosaver.untrack()
            self.recovery.discard(self.key(doc))
            return True
        return False

    # -- after a save / a rename on disk -----------------------------------------------------
    def on_saved(self, path: Path) -> None:
        self.track(self.session.document)  # re-keyed by path; the new-post snapshot is dropped
        self.remember(path)
        # The name is final: the importer stops moving this post's pictures along with it.
        self.importer.forget(path)
        self.images.forget_planned()

    def on_moved(self, path: Path) -> None:
        old_key = self._tracked_key
        self.track(self.session.document)
        if old_key and old_key != self._tracked_key:
            # Write the copy under the new name first, then drop the one under the old name.
            self.autosaver.flush()
            self.recovery.discard(old_key)
        self.browser.select_path(path)

    # -- info bar ----------------------------------------------------------------------------
    def update_info_bar(self) -> None:
        doc = self.session.document
        self.form.setEnabled(not doc.read_only)
        if doc.read_only_reason:
            self.info_bar.show_message(doc.read_only_reason, self._info_action(doc))
        elif doc.warning:
            self.info_bar.show_message(doc.warning, kind="info")
        else:
            self.info_bar.clear()

    def _info_action(self, doc: Document) -> str | None:
        if doc.protection == "mode":
            return EDIT_ANYWAY
        return CONVERT if self._convertible(doc) else None

    def on_info_bar_action(self) -> None:
        doc = self.session.document
        if doc.read_only_reason and doc.protection == "mode":
            self.edit_anyway()
        else:
            self.convert_to_utf8()

    def edit_anyway(self) -> None:
        """The user's choice for a post chmod-ed read-only: edit it here; every save still asks
        before replacing the protected file (DiskFlow.save)."""
        doc = self.session.document
        doc.edit_anyway()
        if doc.read_only_reason:
            return
        self.editor.setReadOnly(False)
        self.update_info_bar()
        name = doc.path.name if doc.path else "the post"
        self.status_reported.emit(f"Editing {name} although it is read-only on disk; saving "
                                  "will ask before replacing it.")

    def _convertible(self, doc: Document) -> bool:
        if doc.encoding == "utf-8" or doc.path is None:
            return False
        site = self.session.site
        return site is None or _inside(doc.path, site.root)

    def convert_to_utf8(self) -> None:
        """The user's explicit choice: the buffer becomes editable and the next save is UTF-8."""
        doc = self.session.document
        if not self._convertible(doc):
            return
        old = doc.encoding
        doc.convert_to_utf8()
        self.editor.setReadOnly(False)
        self.update_info_bar()
        self.session.report_dirty()
        self.status_reported.emit(f"Converted from {old} to UTF-8 in the editor; "
                                  "saving will write UTF-8.")

    # -- crash recovery ----------------------------------------------------------------------
    def offer_recovery(self) -> int:
        restored = offer_recovery(self.recovery, self.prompter, self.form.window(),
                                  self.open_recovered)
        if restored > 1:
            self.status_reported.emit(
                f"Restored {restored} unsaved posts: the editor shows the last one; the others "
                "are kept in recovery and offered again at the next start.")
        return restored

    def open_recovered(self, entry) -> None:
        path = Path(entry.path) if entry.path else None
        doc = None
        if path is not None and path.is_file():
            try:
                site = self.session.site
                doc = Document.load(path, root=site.root if site else None)
                doc.set_text(entry.text)
                if entry.base is not None and not entry.base.same_bytes(doc.fingerprint):
                    # The file changed since the buffer was loaded (a git pull): until the
                    # user decides, the buffer keeps its old base, so a save conflicts.
                    doc.fingerprint = entry.base
            except DocumentError:
                doc = None
        if doc is None:
            doc = Document.new(entry.text)
            doc.path = path
            if path is not None:
                doc.mark_missing()
        self.show(doc, draft=path is not None and "_drafts" in path.parts)
        # Our own copy is on disk before the caller drops the leftover it came from.
        self.autosaver.flush()
        self.disk.check_restored()


def _inside(path: Path, root: Path) -> bool:
    target, real_root = Path(os.path.realpath(path)), Path(os.path.realpath(root))
    return target == real_root or real_root in target.parents
