"""The crash-recovery store: one JSON file per unsaved buffer and instance in the user's data
folder (never in the repo); a snapshot is offered only once its instance is gone, with a diff
against disk; nothing is discarded unless asked. Must not import PySide6."""

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
from tileditor.core.fileio import Fingerprint, atomic_write, read_bytes_limited
from tileditor.core.locks import release, try_lock
from tileditor.core.stale_temps import remove_stale_temps
from tileditor.core.textcodec import BinaryFileError, decode_bytes

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
_KEY_RE = re.compile(r"^[A-Za-z0-9_.-]{1,120}$")
INSTANCES = "instances"
LOCK_NAME = ".lock"
LEGACY_LOCK = ".legacy.lock"  # held while one instance offers the older flat files
# A dead owner's lock can read as held while one of our own subprocesses is being forked;
# a live owner costs this much once per start.
LIVE_OWNER_PATIENCE = 0.2


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
    loaded_size: int | None = None
    file: Path | None = None  # where the snapshot lives (its owner's folder)
    owner: str | None = None  # the instance that wrote it; None: an older tileditor's flat file

    @property
    def differs_from_disk(self) -> bool:
        return self.disk_text != self.text

    @property
    def base(self) -> Fingerprint | None:
        """The fingerprint of the file the buffer was based on (mtime unknown)."""
        if not self.loaded_sha256:
            return None
        size = -1 if self.loaded_size is None else self.loaded_size
        return Fingerprint(size, 0, self.loaded_sha256)


class RecoveryStore:
    """Snapshots per instance: `instances/<id>/<key>.json`, the folder's `.lock` held (flock)
    for the life of the instance that writes there. A running instance's snapshots are never
    offered or deleted by another; files at the top level come from older versions."""

    def __init__(self, folder: Path | str, instance: str | None = None):
        self.folder = Path(folder)
        self.instance = _safe(instance) if instance else None
        if self.instance is not None and not _KEY_RE.match(self.instance):
            raise ValueError(f"invalid instance id {instance!r}")
        self.skipped: list[tuple[Path, str]] = []  # corrupt files left in place, with why
        self._own_lock: int | None = None
        self._adopted: dict[Path, int] = {}  # dead owners' folders held while offering

    @property
    def own_folder(self) -> Path:
        if self.instance is None:
            return self.folder
        return self.folder / INSTANCES / self.instance

    def _file(self, key: str) -> Path:
        if not _KEY_RE.match(_safe(key)):
            raise ValueError(f"invalid recovery key {key!r}")
        return self.own_folder / f"{_safe(key)}.json"

    def save(self, key: str, text: str, meta: dict | None = None) -> Path:
        """Write one buffer's snapshot atomically; refuses a store folder inside the repo.
        `meta["fingerprint"]`, when given, is the Fingerprint the buffer was loaded from."""
        meta = dict(meta or {})
        repo = meta.get("repo")
        if repo is not None and _inside(self.folder, Path(repo)):
            raise ValueError(f"the recovery folder {self.folder} is inside the repo {repo}")
        fp: Fingerprint | None = meta.get("fingerprint")
        record = {
            "version": FORMAT_VERSION,
            "key": key,
            "text": text,
            "path": _str_or_none(meta.get("path")),
            "repo": _str_or_none(repo),
            "fingerprint": fp.sha256 if fp is not None else None,
            "fingerprint_size": fp.size if fp is not None else None,
            "title": str(meta.get("title") or ""),
            "imported_images": [str(p) for p in meta.get("imported_images") or []],
            "saved_at": float(meta.get("saved_at") or time.time()),
            "pid": os.getpid(),
        }
        target = self._file(key)
        self._claim()
        atomic_write(target, json.dumps(record, ensure_ascii=False).encode("utf-8"))
        return target

    def _claim(self) -> None:
        """Create our folder and hold its lock before the first snapshot lands there."""
        self.own_folder.mkdir(parents=True, exist_ok=True)
        if self.instance is None or self._own_lock is not None:
            return
        fd = try_lock(self.own_folder / LOCK_NAME, create=True)
        if fd is None:
            raise ValueError(f"the recovery folder {self.own_folder} is held by another process")
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} since {time.time():.0f}\n".encode())
        self._own_lock = fd

    def close(self) -> None:
        """Give up our lock (the window is closing): what is left is a leftover for the next
        start. Also ends any adoption still open."""
        self.release_leftovers()
        release(self._own_lock)
        self._own_lock = None

    # -- listing ------------------------------------------------------------------------
    def entries(self) -> list[RecoveryEntry]:
        """Every readable snapshot of every owner, newest first; corrupt ones in `skipped`."""
        self.skipped = []
        out: list[RecoveryEntry] = []
        for folder, owner in self._folders():
            out += self._read_folder(folder, owner)
        out.sort(key=lambda e: e.saved_at, reverse=True)
        return out

    def leftovers(self) -> list[RecoveryEntry]:
        """Snapshots whose writer is gone (crashed, killed or closed), newest first: never our
        own, never a running instance's. Each dead owner's folder stays locked by us until
        release_leftovers(), so two instances starting at once never offer the same buffer."""
        self.skipped = []
        out: list[RecoveryEntry] = []
        for folder, owner in self._folders():
            if folder == self.own_folder and owner == self.instance:
                continue
            if folder not in self._adopted:
                lock = folder / (LEGACY_LOCK if owner is None else LOCK_NAME)
                fd = try_lock(lock, create=True, patience=LIVE_OWNER_PATIENCE)
                if fd is None:
                    continue  # its owner (or another instance offering it) is alive
                self._adopted[folder] = fd
            out += self._read_folder(folder, owner)
        out.sort(key=lambda e: e.saved_at, reverse=True)
        return out

    def release_leftovers(self) -> None:
        """End the offering: dead owners' folders left empty are removed, locks released."""
        for folder, fd in list(self._adopted.items()):
            remove_stale_temps(folder)  # snapshots half-written when their owner was killed
            if folder != self.folder:
                if not any(folder.glob("*.json")):
                    _remove_quietly(folder / LOCK_NAME)
                    try:
                        folder.rmdir()
                    except OSError:
                        pass
            release(fd)
        self._adopted.clear()

    def _folders(self) -> list[tuple[Path, str | None]]:
        found: list[tuple[Path, str | None]] = []
        if self.folder.is_dir():
            found.append((self.folder, None))
        inst = self.folder / INSTANCES
        if inst.is_dir():
            found += [(d, d.name) for d in sorted(inst.iterdir()) if d.is_dir()]
        return found

    def _read_folder(self, folder: Path, owner: str | None) -> list[RecoveryEntry]:
        out = []
        for file in sorted(folder.glob("*.json")):
            try:
                out.append(self._read(file, owner))
            except FileNotFoundError:
                continue  # discarded by its owner meanwhile
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.warning("skipping unreadable recovery file %s: %s", file, exc)
                self.skipped.append((file, str(exc)))
        return out

    def _read(self, file: Path, owner: str | None = None) -> RecoveryEntry:
        record = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise ValueError("not a recovery record")
        path = Path(record["path"]) if record.get("path") else None
        size = record.get("fingerprint_size")
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
            loaded_size=size if isinstance(size, int) else None,
            file=file,
            owner=owner,
        )

    def get(self, key: str) -> RecoveryEntry | None:
        file = self._file(key)
        try:
            return self._read(file, self.instance)
        except FileNotFoundError:
            return None

    def has_own(self, key: str) -> bool:
        return self._file(key).exists()

    def diff(self, entry: RecoveryEntry) -> str:
        """Unified diff from the file on disk (empty when missing) to the recovered text."""
        name = entry.path.name if entry.path else (entry.title or "untitled")
        return unified_diff(
            entry.disk_text or "", entry.text, f"{name} (on disk)", f"{name} (recovered)"
        )

    def discard(self, key: str) -> None:
        """Forget one of our own snapshots: called only after a save or the user's choice."""
        _remove_quietly(self._file(key))

    def discard_entry(self, entry: RecoveryEntry) -> None:
        """Forget a leftover the user restored or threw away; refuses a running owner's."""
        file = entry.file or self._file(entry.key)
        if file.parent != self.own_folder and file.parent not in self._adopted:
            raise ValueError(f"{file} belongs to a running tileditor; it is not ours to delete")
        _remove_quietly(file)


def _safe(key: str) -> str:
    return key.replace("/", "_").replace(os.sep, "_")


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)


def _disk_text(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        data, _ = read_bytes_limited(path, 64_000_000)
        return decode_bytes(data).text
    except (OSError, BinaryFileError):
        return None


def _remove_quietly(file: Path) -> None:
    try:
        file.unlink()
    except FileNotFoundError:
        pass


def _inside(folder: Path, root: Path) -> bool:
    f, r = Path(os.path.realpath(folder)), Path(os.path.realpath(root))
    return f == r or r in f.parents
