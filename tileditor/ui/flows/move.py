"""Publish, unpublish and rename the open post from the window: save first, plan the move in
core (post file, images folder, every link to them), apply it, reopen the post at its new path,
and keep the inverse as one "Undo move" step. Part of the composition root."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal

# core.post_moves is imported by the moves themselves, not before the first frame.

_STEM = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})-(.+)")


class MoveFlow(QObject):
    status_reported = Signal(str)
    moved = Signal(object)  # the post's new Path

    def __init__(self, session, actions, prompter, hooks, parent=None):
        super().__init__(parent)
        self.session, self.actions, self.prompter, self.hooks = session, actions, prompter, hooks
        self._undo = None
        a = actions
        a.publish.triggered.connect(self.publish)
        a.unpublish.triggered.connect(self.unpublish)
        a.rename.triggered.connect(self.rename)
        a.undo_move.triggered.connect(self.undo_last)
        a.undo_move.setEnabled(False)
        session.document_changed.connect(self.update_actions)
        session.header_field_edited.connect(
            lambda key: self.on_form_date_changed() if key == "date" else None)
        self.update_actions()

    # -- state of the actions ----------------------------------------------------------------
    def is_draft(self) -> bool:
        path = self.session.document.path
        return path is not None and "_drafts" in Path(path).parts

    def update_actions(self) -> None:
        a, path = self.actions, self.session.document.path
        saved = path is not None and self.session.site is not None
        a.publish.setVisible(self.is_draft())
        a.publish.setEnabled(saved and self.is_draft())
        a.unpublish.setEnabled(saved and not self.is_draft())
        a.rename.setEnabled(saved and not self.is_draft())

    # -- the moves ----------------------------------------------------------------------------
    def publish(self) -> bool:
        answer = self.prompter.ask_text("Publish", "Publish on (YYYY-MM-DD):", date.today().isoformat())
        if answer is None:
            return False
        try:
            when = date.fromisoformat(answer.strip())
        except ValueError:
            self.prompter.warn("Publish", f"{answer!r} is not a date like 2025-04-22.")
            return False
        from tileditor.core.post_moves import plan_publish

        return self._run(lambda site, path: plan_publish(site, path, when))

    def unpublish(self) -> bool:
        from tileditor.core.post_moves import plan_unpublish

        return self._run(plan_unpublish)

    def rename(self) -> bool:
        path = Path(self.session.document.path or "")
        answer = self.prompter.ask_text("Rename post", "New file name (YYYY-MM-DD-slug):",
                                        self.suggested_stem(path))
        if answer is None or answer.strip() == path.stem:
            return False
        m = _STEM.fullmatch(answer.strip())
        if m is None:
            self.prompter.warn("Rename post", "The name must look like 2025-04-22-my-slug.")
            return False
        try:
            when = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            self.prompter.warn("Rename post", f"{answer!r} does not start with a real date.")
            return False
        from tileditor.core.post_moves import plan_rename

        return self._run(lambda site, p: plan_rename(site, p, slug=m[4], date=when))

    def suggested_stem(self, path: Path) -> str:
        """The file name the header asks for: its `date:` when that differs from the name's."""
        m = _STEM.fullmatch(path.stem)
        if m is None:
            return path.stem
        when = self.session.post_date().date()
        return f"{when:%Y-%m-%d}-{m[4]}"

    def on_form_date_changed(self) -> None:
        """A date typed in the form on a saved post: offer to move the file (and pictures)."""
        path = self.session.document.path
        if path is None or self.is_draft() or self.session.site is None:
            return
        stem = self.suggested_stem(Path(path))
        if stem != Path(path).stem:
            self.status_reported.emit(
                f"The file name still says {Path(path).stem[:10]}: Rename post (Ctrl+Alt+R) "
                f"moves it to {stem} with its pictures.")

    def undo_last(self) -> bool:
        if self._undo is None:
            return False
        plan, self._undo = self._undo, None
        ok = self._apply(plan, undoing=True)
        self.actions.undo_move.setEnabled(self._undo is not None)
        return ok

    def _run(self, make_plan) -> bool:
        from tileditor.core.post_moves import MoveError

        session = self.session
        if session.site is None or session.document.path is None:
            self.status_reported.emit("Save the post first: only a saved post can be moved.")
            return False
        if session.document.dirty and not self.hooks.save():
            return False  # the plan reads the files on disk: they must hold the user's text
        try:
            plan = make_plan(session.site, Path(session.document.path))
        except MoveError as exc:
            self.prompter.warn("Cannot move the post", str(exc))
            return False
        return self._apply(plan, undoing=False)

    def _apply(self, plan, undoing: bool) -> bool:
        from tileditor.core.post_moves import MoveError, apply_move

        try:
            inverse = apply_move(plan)
        except MoveError as exc:
            self.prompter.warn("Cannot move the post", str(exc))
            return False
        self.session.site.invalidate(list(plan.changed_paths))
        self.hooks.reopen_post(plan.new_path)
        self.hooks.refresh_repo_views()
        self._undo = None if undoing else inverse
        self.actions.undo_move.setEnabled(self._undo is not None)
        self.update_actions()
        self.status_reported.emit(("Undone: " if undoing else "") + plan.summary)
        self.moved.emit(plan.new_path)
        return True
