"""ImageImporter: copies pictures (files, clipboard images, raw bytes) into a post's image folder
as new files, never overwriting, and moves a new post's pictures when its name changes before
the first save. Uses QtCore/QtGui only (QImage encoding); must not import widgets or ui."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QObject
from PySide6.QtGui import QImage

from tileditor.core.fileio import WriteError, create_temp
from tileditor.core.images import ImportPlan, NotAnImageError, plan_import, post_image_dir

MAX_BYTES = 50 * 1024 * 1024


@dataclass
class ImportReport:
    """What an import did: one plan per picture placed (or reused), one sentence per refusal."""

    plans: list[ImportPlan] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def extend(self, other: ImportReport) -> None:
        self.plans += other.plans
        self.errors += other.errors


@dataclass
class _Created:
    site: object
    files: list[Path] = field(default_factory=list)


def write_new_file(dest: Path, data: bytes) -> None:
    """Write `data` to `dest`, which must not exist: a temp file in the same folder is linked
    into place so a reader never sees half a picture, and an existing file is never replaced.
    Raises FileExistsError when `dest` appeared meanwhile."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    # Not mkstemp: its 0600 would make the picture unlike the blog's others (0644 under the
    # usual umask); the locked `.<name>.<hex>.tileditor-tmp` temp is swept if we are killed.
    try:
        fd, tmp = create_temp(dest)
    except WriteError as exc:  # the caller words its own message from the errno
        raise OSError(exc.err or 0, os.strerror(exc.err) if exc.err else str(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            try:
                _place(tmp, dest, data)
            finally:
                _unlink_quietly(tmp)  # before the lock goes: a sweep never sees it unlocked
    finally:
        _unlink_quietly(tmp)


def _place(tmp: Path, dest: Path, data: bytes) -> None:
    try:
        os.link(tmp, dest)  # keeps the temp's mode
    except FileExistsError:
        raise
    except OSError:
        # File systems without hard links (FAT, some network shares): O_EXCL still
        # refuses to replace an existing file.
        with open(dest, "xb") as fh:
            fh.write(data)


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def rewrite_image_links(text: str, moves: list[tuple[str, str]]) -> str:
    """`text` with each site-relative picture path `old` replaced by `new` (also in the
    %20-encoded form links use for spaces). Pure string work."""
    for old, new in moves:
        if old == new:
            continue
        text = text.replace(old, new)
        enc_old, enc_new = old.replace(" ", "%20"), new.replace(" ", "%20")
        if enc_old != old:
            text = text.replace(enc_old, enc_new)
    return text


def _encode_png(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = image.save(buffer, "PNG")
    data = bytes(buffer.data()) if ok else b""
    buffer.close()
    return data


class ImageImporter(QObject):
    """Puts pictures next to a post and remembers which files it created for which post."""

    def __init__(self, parent: QObject | None = None, max_bytes: int = MAX_BYTES):
        super().__init__(parent)
        self.max_bytes = max_bytes
        self._created: dict[Path, _Created] = {}

    # --- imports ----------------------------------------------------------------------------
    def import_files(self, site, post_path, paths, alt: str = "",
                     front_matter=None) -> ImportReport:
        """Import each file in `paths`; refusals are reported, never raised."""
        report = ImportReport()
        for path in map(Path, paths):
            data, error = self._read(path)
            if error:
                report.errors.append(error)
                continue
            report.extend(self.import_bytes(site, post_path, data, path.name, alt, front_matter))
        return report

    def import_image(self, site, post_path, image: QImage, name_hint: str = "pasted-image",
                     alt: str = "", front_matter=None) -> ImportReport:
        """Import a clipboard/dropped QImage as a PNG file."""
        if image is None or image.isNull():
            return ImportReport(errors=["The clipboard picture is empty and was not added."])
        data = _encode_png(image)
        if not data:
            return ImportReport(errors=["The picture could not be encoded as PNG."])
        hint = name_hint if name_hint.lower().endswith(".png") else name_hint + ".png"
        return self.import_bytes(site, post_path, data, hint, alt, front_matter)

    def import_bytes(self, site, post_path, data: bytes, name_hint: str, alt: str = "",
                     front_matter=None) -> ImportReport:
        """Place picture bytes for `post_path`; identical bytes already there are reused."""
        name = Path(name_hint).name or "image"
        if len(data) > self.max_bytes:
            return ImportReport(errors=[self._too_big(name)])
        for _attempt in range(5):
            try:
                plan = plan_import(site, post_path, data, name_hint, alt, front_matter)
            except NotAnImageError:
                return ImportReport(errors=[
                    f"{name} is not a picture (PNG, JPEG, GIF, WebP, SVG, BMP or AVIF) "
                    "and was not added."])
            if plan.reuse_existing:
                return ImportReport(plans=[plan])
            try:
                write_new_file(plan.dest, data)
            except FileExistsError:
                continue  # another writer took the name between planning and writing
            except OSError as exc:
                reason = exc.strerror or str(exc)
                return ImportReport(errors=[f"{name} could not be written to "
                                            f"{plan.folder}: {reason}."])
            self._remember(site, post_path, plan.dest)
            return ImportReport(plans=[plan])
        return ImportReport(errors=[f"{name} was not added: no free file name was found."])

    def _read(self, path: Path) -> tuple[bytes, str | None]:
        try:
            if not path.is_file():
                return b"", f"{path.name} is not a file and was not added."
            if path.stat().st_size > self.max_bytes:
                return b"", self._too_big(path.name)
            return path.read_bytes(), None
        except OSError as exc:
            return b"", f"{path.name} could not be read ({exc.strerror or exc})."

    def _too_big(self, name: str) -> str:
        return f"{name} is larger than {self.max_bytes // (1024 * 1024)} MB and was not added."

    # --- files created per post --------------------------------------------------------------
    def _remember(self, site, post_path, dest: Path) -> None:
        entry = self._created.setdefault(Path(post_path), _Created(site))
        entry.site = site
        entry.files.append(Path(dest))

    def created_files(self, post_path) -> list[Path]:
        """Files this importer wrote for `post_path` that still exist."""
        entry = self._created.get(Path(post_path))
        return [p for p in entry.files if p.exists()] if entry else []

    def forget(self, post_path) -> None:
        """Stop tracking `post_path` (e.g. once it is saved and its name is final)."""
        self._created.pop(Path(post_path), None)

    def move_post_images(self, old_post_path, new_post_path, text: str) -> str:
        """Move the pictures created for `old_post_path` into `new_post_path`'s folder and
        return `text` with their links rewritten. Files not created here are left alone."""
        entry = self._created.pop(Path(old_post_path), None)
        if entry is None:
            return text
        site = entry.site
        new_folder = post_image_dir(site, new_post_path)
        moves: list[tuple[str, str]] = []
        moved: list[Path] = []
        for src in entry.files:
            if not src.exists():
                continue
            dest = self._move_one(src, new_folder)
            moved.append(dest)
            if dest != src:
                moves.append((self._rel(site, src), self._rel(site, dest)))
        self._remove_if_empty(post_image_dir(site, old_post_path))
        if moved:
            self._created[Path(new_post_path)] = _Created(site, moved)
        return rewrite_image_links(text, moves)

    @staticmethod
    def _move_one(src: Path, folder: Path) -> Path:
        if src.parent == folder:
            return src
        folder.mkdir(parents=True, exist_ok=True)
        stem, suffix = src.stem, src.suffix
        dest, n = folder / src.name, 2
        while True:
            try:
                os.link(src, dest)  # fails rather than replacing a file already there
                break
            except FileExistsError:
                dest, n = folder / f"{stem}-{n}{suffix}", n + 1
            except OSError:
                if dest.exists():
                    dest, n = folder / f"{stem}-{n}{suffix}", n + 1
                    continue
                os.rename(src, dest)
                return dest
        os.unlink(src)
        return dest

    @staticmethod
    def _rel(site, path: Path) -> str:
        try:
            return path.relative_to(site.root).as_posix()
        except ValueError:
            return path.as_posix()

    @staticmethod
    def _remove_if_empty(folder: Path) -> None:
        try:
            folder.rmdir()  # only succeeds when nothing else lives there
        except OSError:
            pass
