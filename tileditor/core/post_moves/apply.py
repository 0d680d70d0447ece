"""Performing a MovePlan: edited texts written atomically, then the post and its images folders
renamed; any failure undoes every step already done, so nothing is left half-moved. Returns
the inverse plan (one-step undo). Must not import PySide6."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tileditor.core.fileio import ConflictError, Fingerprint, WriteError, atomic_write
from tileditor.core.post_moves.links import FolderMove
from tileditor.core.post_moves.model import MoveError, MovePlan, TextEdit


def _expected(data: bytes) -> Fingerprint:
    # atomic_write compares size and SHA-256 only (same_bytes); the mtime is not checked.
    return Fingerprint(len(data), 0, hashlib.sha256(data).hexdigest())


def _rel(plan: MovePlan, path: Path) -> str:
    try:
        return path.relative_to(plan.root).as_posix()
    except ValueError:
        return str(path)


def check_plan(plan: MovePlan) -> None:
    """Refuse a plan the disk no longer matches (a file edited or created since planning)."""
    for edit in plan.edits:
        try:
            now = edit.path.read_bytes()
        except OSError:
            now = None
        if now != edit.before:
            raise MoveError(f"{_rel(plan, edit.path)} changed on disk since the move was "
                            "planned, so nothing was moved")
    if not plan.old_path.is_file():
        raise MoveError(f"{_rel(plan, plan.old_path)} no longer exists, so nothing was moved")
    if plan.new_path != plan.old_path and _taken(plan.new_path, plan.old_path):
        raise MoveError(f"{_rel(plan, plan.new_path)} already exists, so nothing was moved")
    for move in plan.folder_moves:
        if not move.old.is_dir():
            raise MoveError(f"the images folder {_rel(plan, move.old)} no longer exists, "
                            "so nothing was moved")
        if _taken(move.new, move.old):
            raise MoveError(f"the images folder {_rel(plan, move.new)} already exists, "
                            "so nothing was moved")


def _taken(path: Path, source: Path) -> bool:
    if not os.path.lexists(path):
        return False
    try:  # a case-only rename on a case-insensitive disk finds the source itself
        return not os.path.samefile(path, source)
    except OSError:
        return True


class _Journal:
    """Steps done so far, each with its undo; rolled back last first."""

    def __init__(self, plan: MovePlan):
        self.plan = plan
        self.undo: list = []
        self.created: list[Path] = []

    def write(self, edit: TextEdit) -> None:
        atomic_write(edit.path, edit.after, expected=_expected(edit.before), root=self.plan.root)
        self.undo.append(lambda: atomic_write(edit.path, edit.before, root=self.plan.root))

    def rename(self, src: Path, dst: Path) -> None:
        self._make_parents(dst.parent)
        # os.rename silently replaces an existing file (or empty folder): look right before.
        if _taken(dst, src):
            raise FileExistsError(17, f"{_rel(self.plan, dst)} already exists")
        os.rename(src, dst)
        self.undo.append(lambda: os.rename(dst, src))

    def _make_parents(self, folder: Path) -> None:
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for d in reversed(missing):
            d.mkdir()
            self.created.append(d)
            self.undo.append(lambda d=d: d.rmdir())

    def rollback(self) -> list[str]:
        failed = []
        for step in reversed(self.undo):
            try:
                step()
            except OSError as exc:
                failed.append(str(exc))
        return failed


def apply_move(plan: MovePlan) -> MovePlan:
    """Do `plan`; returns its inverse. On failure nothing is changed and MoveError says why."""
    check_plan(plan)
    journal = _Journal(plan)
    try:
        for edit in plan.edits:
            journal.write(edit)
        if plan.new_path != plan.old_path:
            journal.rename(plan.old_path, plan.new_path)
        for move in plan.folder_moves:
            journal.rename(move.old, move.new)
    except (OSError, ConflictError) as exc:
        failed = journal.rollback()
        reason = exc.message if isinstance(exc, WriteError) else (
            getattr(exc, "strerror", None) or str(exc))
        tail = "nothing was moved" if not failed else (
            "and undoing it failed too: " + "; ".join(failed))
        raise MoveError(f"could not move {_rel(plan, plan.old_path)}: {reason}; {tail}") from exc
    _remove_empty(plan.remove_dirs)
    return _inverse(plan, tuple(journal.created))


def _remove_empty(folders) -> None:
    for d in folders:
        try:
            d.rmdir()  # only when empty: anything the user put there stays
        except OSError:
            pass


def _inverse(plan: MovePlan, created: tuple[Path, ...]) -> MovePlan:
    def renamed(path: Path) -> Path:
        return plan.new_path if path == plan.old_path else path

    edits = tuple(TextEdit(renamed(e.path), e.after, e.before) for e in plan.edits)
    moves = tuple(FolderMove(m.new, m.old) for m in reversed(plan.folder_moves))
    summary = "Undo: " + plan.summary[:1].lower() + plan.summary[1:]
    return MovePlan(plan.root, plan.new_path, plan.old_path, moves, edits, summary,
                    remove_dirs=tuple(reversed(created)))
