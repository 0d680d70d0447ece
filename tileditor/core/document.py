"""The open document: path, exact text, what was last saved, encoding/BOM and the disk fingerprint.
Owns load/save/reload/diff against disk through core.fileio and core.textcodec.
Must not import PySide6."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from tileditor.core.fileio import (
    ANY,
    FileTooLargeError,
    Fingerprint,
    atomic_write,
    fingerprint,
    protection,
    read_bytes_limited,
)
from tileditor.core.textcodec import BinaryFileError, decode_bytes, encode_text

# A post this big still opens (a warning says so); past the hard limit it is surely not a post.
LARGE_POST_BYTES = 5_000_000
MAX_POST_BYTES = 64_000_000


class DocumentError(Exception):
    """A document could not be opened or saved; str() is one sentence for the user."""


def unified_diff(old: str, new: str, old_label: str, new_label: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), old_label, new_label
    )
    # Lines without a final newline would run together in the joined diff.
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


class Document:
    """One post buffer. `text` is kept exactly as the user has it: no newline translation."""

    def __init__(self, text: str = "", path: Path | None = None):
        self.path: Path | None = Path(path) if path is not None else None
        self._pull = None
        self.text = text
        self.saved_text = text if path is not None else ""
        self.fingerprint: Fingerprint | None = None
        self.encoding = "utf-8"
        self.bom = False
        self.read_only_reason: str | None = None
        self.warning: str | None = None
        self.missing_on_disk = False
        # "mode" or "immutable" when the file on disk is write-protected; a "mode" file is
        # replaced only after the user's explicit word (allow_protected on save).
        self.protection: str | None = None
        self._needs_save = False

    # -- creation -------------------------------------------------------------------------
    @classmethod
    def new(cls, text: str = "") -> Document:
        doc = cls(text)
        doc._needs_save = bool(text)
        return doc

    @classmethod
    def load(cls, path: Path | str, root: Path | None = None) -> Document:
        doc = cls(path=Path(path))
        doc._read_from_disk()
        if root is not None and not _inside(Path(path), root):
            doc.read_only_reason = (
                f"{Path(path).name} leads outside the blog repository "
                f"(to {os.path.realpath(path)}), so it opens read-only."
            )
        return doc

    def _read_from_disk(self) -> str:
        path = self.path
        assert path is not None
        try:
            data, fp = read_bytes_limited(path, MAX_POST_BYTES)
            decoded = decode_bytes(data)
        except FileTooLargeError as exc:
            raise DocumentError(f"{exc.strerror}; a post should be far smaller.") from exc
        except BinaryFileError as exc:
            raise DocumentError(f"Cannot open {path.name} as a post: {exc}.") from exc
        except IsADirectoryError as exc:
            raise DocumentError(f"Cannot open {path.name}: it is a folder.") from exc
        except FileNotFoundError as exc:
            raise DocumentError(f"Cannot open {path.name}: the file does not exist.") from exc
        except PermissionError as exc:
            raise DocumentError(f"Cannot open {path.name}: permission was denied.") from exc
        except OSError as exc:
            raise DocumentError(f"Cannot open {path.name}: {exc.strerror or exc}.") from exc
        self.text = self.saved_text = decoded.text
        self.encoding, self.bom, self.fingerprint = decoded.encoding, decoded.bom, fp
        self.missing_on_disk = self._needs_save = False
        self.read_only_reason = None
        if decoded.legacy:
            self.read_only_reason = (
                f"{path.name} is encoded as {decoded.encoding}, not UTF-8; it opens read-only "
                "until you choose to convert it to UTF-8."
            )
        self._check_protection()
        self.warning = None
        if len(data) > LARGE_POST_BYTES:
            self.warning = (
                f"{path.name} is {len(data) // 1_000_000} MB; editing and preview may be slow."
            )
        return decoded.text

    def _check_protection(self) -> None:
        assert self.path is not None
        self.protection = protection(self.path)
        name = self.path.name
        if self.protection == "immutable":
            self.read_only_reason = (
                f"{name} is marked immutable on disk (chattr +i), so it opens read-only and "
                "is never replaced.")
        elif self.protection == "mode" and self.read_only_reason is None:
            self.read_only_reason = (
                f"{name} is read-only on disk (its permissions do not let its owner write "
                "it), so it opens read-only.")

    def edit_anyway(self) -> None:
        """The user's choice for a chmod-read-only post: the buffer becomes editable; saving
        still asks (Document.save needs allow_protected while the file stays protected)."""
        if self.protection == "mode":
            self.read_only_reason = None

    # -- state ----------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._needs_save or self.missing_on_disk or self.text != self.saved_text

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def set_text(self, text: str) -> None:
        self.text = text

    # The text is a property so that a huge buffer can be read from its widget only when
    # someone needs it (a snapshot, a save), not on every keystroke; every read is exact.
    @property
    def text(self) -> str:
        pull = self._pull
        if pull is not None:
            self._pull = None
            self._text = pull()
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self._pull = None
        self._text = value

    def defer_text(self, pull) -> None:
        """The text changed; `pull()` returns it, called on the next read of `text`."""
        self._pull = pull

    @property
    def text_pending(self) -> bool:
        return self._pull is not None

    def mark_missing(self) -> None:
        """The file was deleted or moved away: keep the buffer, count it as unsaved."""
        self.missing_on_disk = True

    def follow_move(self, new_path: Path) -> None:
        """The file was renamed on disk: the buffer now belongs to the new path."""
        self.path = Path(new_path)
        self.fingerprint = fingerprint(self.path)
        self.missing_on_disk = self.fingerprint is None

    def convert_to_utf8(self) -> None:
        """The user's explicit choice for a legacy-encoded post: the next save writes UTF-8."""
        if self.encoding in ("utf-8",) and not self.bom:
            return
        self.encoding, self.bom = "utf-8", False
        self.read_only_reason = None
        self._needs_save = True

    # -- disk -----------------------------------------------------------------------------
    def save(
        self, path: Path | str | None = None, root: Path | None = None, overwrite: bool = False,
        allow_protected: bool = False,
    ) -> Fingerprint:
        """Write atomically; ConflictError/WriteError leave the document exactly as it was
        (WriteProtectedError for a chmod-read-only file unless `allow_protected`)."""
        if self.read_only_reason:
            raise DocumentError(self.read_only_reason)
        target = Path(path) if path is not None else self.path
        if path is not None and _same_file(target, self.path):
            target = self.path
        if target is None:
            raise DocumentError("This post has no file name yet; choose where to save it.")
        expected: object
        if overwrite:
            expected = ANY
        elif not _same_file(target, self.path) or self.missing_on_disk or not self.fingerprint:
            expected = None
        else:
            expected = self.fingerprint
        try:
            data = encode_text(self.text, self.encoding, self.bom)
        except UnicodeEncodeError as exc:
            raise DocumentError(
                f"Cannot save {target.name} as {self.encoding}: the text holds characters "
                "that encoding cannot store; convert the file to UTF-8 first."
            ) from exc
        text = self.text
        fp = atomic_write(target, data, expected=expected, root=root,
                          allow_protected=allow_protected)
        self.path, self.fingerprint, self.saved_text = target, fp, text
        self.missing_on_disk = self._needs_save = False
        return fp

    def disk_state(self) -> str:
        """'same' (disk holds what we loaded/saved), 'changed' or 'missing'."""
        if self.path is None:
            return "missing"
        found = fingerprint(self.path)
        if found is None:
            return "missing"
        if self.fingerprint is not None and self.fingerprint.same_bytes(found):
            return "same"
        return "changed"

    def disk_text(self) -> str | None:
        """The current text on disk, or None when missing or unreadable."""
        if self.path is None:
            return None
        try:
            data, _ = read_bytes_limited(self.path, MAX_POST_BYTES)
            return decode_bytes(data).text
        except (OSError, BinaryFileError):
            return None

    def disk_equals_buffer(self) -> bool:
        return self.disk_text() == self.text

    def reload(self) -> str:
        """Replace the buffer with the file on disk (the user chose theirs); returns the text."""
        if self.path is None:
            raise DocumentError("This post has never been saved, so there is nothing to reload.")
        return self._read_from_disk()

    def diff_against_disk(self) -> str:
        """Unified diff from the file on disk to the buffer ('' when they are equal)."""
        name = self.path.name if self.path else "untitled"
        disk = self.disk_text()
        return unified_diff(disk or "", self.text, f"{name} (on disk)", f"{name} (your version)")


def _same_file(a: Path, b: Path | None) -> bool:
    return b is not None and os.path.realpath(a) == os.path.realpath(b)


def _inside(path: Path, root: Path) -> bool:
    target = Path(os.path.realpath(path))
    real_root = Path(os.path.realpath(root))
    return target == real_root or real_root in target.parents
