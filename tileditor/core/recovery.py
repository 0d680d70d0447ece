"""The crash-recovery store: one JSON file per unsaved buffer in the user's data folder (never in
the repo), listed after a crash with a diff against disk; nothing is discarded unless asked.
Must not import PySide6."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from tileditor.core.document import unified_diff
from tileditor.core.fileio import atomic_write, read_bytes_limited
from tileditor.core.textcodec import BinaryFileError, decode_bytes

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
_KEY_RE = re.compile(r"^[A-Za-z0-9_.-]{1,120}$")


def default_folder() -> Path:
    """$XDG_DATA_HOME/tileditor/recovery (the services layer may pass Qt's own data path)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tileditor" / "recovery"


def key_for(path: Path | str | None, session_id: str) -> str:
    """A stable file-name-safe key: per real path for saved posts, per session for new ones."""
    if path is None:
        return "new-" + re.sub(r"[^A-Za-z0-9_-]", "_", session_id)[:60]
    digest = hashlib.sha256(os.path.realpath(path).encode("utf-8", "surrogatepass")).hexdigest()
    stem = re.sub(r"[^A-Za-z0-9_-]", "_", Path(path).stem)[:40]
    return f"post-{stem}-{digest[:16]}"


@dataclass(frozen=True)
class RecoveryEntry:
    key: str
    path: Path | None
    repo: Path | None
    text: str
    saved_at: float
    imported_images: list[str] = field(default_factory=list)
    disk_text: str | None = None
    title: str = ""
    loaded_sha256: str | None = None  # the disk file's hash when the buffer was loaded

    @property
    def differs_from_disk(self) -> bool:
        return self.disk_text != self.text


class RecoveryStore:
    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self.skipped: list[tuple[Path, str]] = []  # corrupt files left in place, with why

    def _file(self, key: str) -> Path:
        if not _KEY_RE.match(_safe(key)):
            raise ValueError(f"invalid recovery key {key!r}")
        return self.folder / f"{_safe(key)}.json"

    def save(self, key: str, text: str, meta: dict | None = None) -> Path:
        """Write one buffer's snapshot atomically; refuses a store folder inside the repo."""
        meta = dict(meta or {})
        repo = meta.get("repo")
        if repo is not None and _inside(self.folder, Path(repo)):
            raise ValueError(f"the recovery folder {self.folder} is inside the repo {repo}")
        record = {
            "version": FORMAT_VERSION,
            "key": key,
            "text": text,
            "path": _str_or_none(meta.get("path")),
            "repo": _str_or_none(repo),
            "fingerprint": _sha_of(meta.get("fingerprint")),
            "title": str(meta.get("title") or ""),
            "imported_images": [str(p) for p in meta.get("imported_images") or []],
            "saved_at": float(meta.get("saved_at") or time.time()),
        }
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._file(key)
        atomic_write(target, json.dumps(record, ensure_ascii=False).encode("utf-8"))
        return target

    def entries(self) -> list[RecoveryEntry]:
        """Every readable snapshot, newest first; corrupt ones are logged in `skipped`."""
        self.skipped = []
        out: list[RecoveryEntry] = []
        if not self.folder.is_dir():
            return out
        for file in sorted(self.folder.glob("*.json")):
            try:
                out.append(self._read(file))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.warning("skipping unreadable recovery file %s: %s", file, exc)
                self.skipped.append((file, str(exc)))
        out.sort(key=lambda e: e.saved_at, reverse=True)
        return out

    def _read(self, file: Path) -> RecoveryEntry:
        record = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise ValueError("not a recovery record")
        path = Path(record["path"]) if record.get("path") else None
        return RecoveryEntry(
            key=file.stem,
            path=path,
            repo=Path(record["repo"]) if record.get("repo") else None,
            text=record["text"],
            saved_at=float(record.get("saved_at") or 0.0),
            imported_images=[str(p) for p in record.get("imported_images") or []],
            disk_text=_disk_text(path),
            title=str(record.get("title") or ""),
            loaded_sha256=record.get("fingerprint"),
        )

    def get(self, key: str) -> RecoveryEntry | None:
        file = self._file(key)
        try:
            return self._read(file)
        except FileNotFoundError:
            return None

    def diff(self, entry: RecoveryEntry) -> str:
        """Unified diff from the file on disk (empty when missing) to the recovered text."""
        name = entry.path.name if entry.path else (entry.title or "untitled")
        return unified_diff(
            entry.disk_text or "", entry.text, f"{name} (on disk)", f"{name} (recovered)"
        )

    def discard(self, key: str) -> None:
        """Forget one snapshot: called only after a save or the user's explicit choice."""
        try:
            self._file(key).unlink()
        except FileNotFoundError:
            pass


def _safe(key: str) -> str:
    return key.replace("/", "_").replace(os.sep, "_")


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)


def _sha_of(fp) -> str | None:
    if fp is None:
        return None
    return getattr(fp, "sha256", None) or str(fp)


def _disk_text(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        data, _ = read_bytes_limited(path, 64_000_000)
        return decode_bytes(data).text
    except (OSError, BinaryFileError):
        return None


def _inside(folder: Path, root: Path) -> bool:
    f, r = Path(os.path.realpath(folder)), Path(os.path.realpath(root))
    return f == r or r in f.parents
