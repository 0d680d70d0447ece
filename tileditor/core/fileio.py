"""Safe writes into the user's repository and disk fingerprints: temp file in the same folder,
fsync, atomic replace, mode kept, a conflict check against what was loaded, one-sentence errors.
Must not import PySide6."""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import stat as stat_mod
from dataclasses import dataclass
from pathlib import Path

# Hidden, recognisable temp names so the repo watcher can ignore our own half-written files.
TEMP_SUFFIX = ".tileditor-tmp"


class _Any:
    def __repr__(self) -> str:
        return "ANY"


ANY = _Any()


@dataclass(frozen=True)
class Fingerprint:
    size: int
    mtime_ns: int
    sha256: str

    def same_bytes(self, other: Fingerprint | None) -> bool:
        return other is not None and other.size == self.size and other.sha256 == self.sha256


class WriteError(OSError):
    """A write failed; str() is one sentence for the user, the file on disk is unchanged."""

    def __init__(self, message: str, path: Path, err: int | None = None):
        super().__init__(err or 0, message)
        self.message = message
        self.path = Path(path)
        self.err = err

    def __str__(self) -> str:
        return self.message


class ConflictError(Exception):
    """The file on disk is no longer what was loaded: it was not overwritten."""

    def __init__(self, path: Path, expected: Fingerprint | None, found: Fingerprint | None):
        self.path = Path(path)
        self.expected = expected
        self.found = found
        if expected is None:
            msg = f"{self.path.name} already exists on disk, so it was not overwritten."
        elif found is None:
            msg = f"{self.path.name} was deleted or moved on disk since it was opened."
        else:
            msg = f"{self.path.name} was changed on disk since it was opened, so it was not saved."
        super().__init__(msg)


class FileTooLargeError(OSError):
    """read_bytes_limited found more bytes than allowed."""


def is_temp_name(name: str) -> bool:
    """True for the temp files atomic_write creates (the watcher ignores them)."""
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def fingerprint_of(data: bytes, st: os.stat_result) -> Fingerprint:
    return Fingerprint(len(data), st.st_mtime_ns, hashlib.sha256(data).hexdigest())


def fingerprint(path: Path | str) -> Fingerprint | None:
    """Size, mtime and SHA-256 of a file; None when it does not exist."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat_mod.S_ISREG(st.st_mode):
                return None
            data = fh.read()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    return fingerprint_of(data, st)


def read_bytes_limited(path: Path | str, limit: int) -> tuple[bytes, Fingerprint]:
    """Read a file of at most `limit` bytes, with the fingerprint of exactly those bytes."""
    with open(path, "rb") as fh:
        st = os.fstat(fh.fileno())
        if st.st_size > limit:
            raise FileTooLargeError(
                errno.EFBIG, f"{Path(path).name} is {st.st_size // 1_000_000} MB, too large to open"
            )
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise FileTooLargeError(errno.EFBIG, f"{Path(path).name} is too large to open")
    return data, fingerprint_of(data, st)


def user_message(exc: OSError, path: Path) -> str:
    """One sentence naming the file and what went wrong, by errno."""
    name = path.name
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.EACCES: "permission was denied",
        errno.EPERM: "permission was denied",
        errno.EROFS: "the folder is on a read-only disk",
        errno.ENOENT: f"the folder {path.parent} no longer exists",
        errno.ENOTDIR: f"the folder {path.parent} no longer exists",
    }
    reason = reasons.get(exc.errno) or (exc.strerror or str(exc)).rstrip(".").lower()
    return f"Could not save {name}: {reason}."


def resolve_target(path: Path, root: Path | None) -> Path:
    """The real file a write lands on; refuses targets outside `root` (symlinks out of the repo)."""
    target = Path(os.path.realpath(path))
    if root is not None:
        real_root = Path(os.path.realpath(root))
        if target != real_root and real_root not in target.parents:
            raise WriteError(
                f"Could not save {Path(path).name}: it leads outside the blog repository "
                f"(to {target}), which tileditor never writes.",
                Path(path),
                errno.EACCES,
            )
    return target


def check_expected(target: Path, expected: object) -> None:
    if expected is ANY:
        return
    found = fingerprint(target)
    if expected is None:
        if found is not None:
            raise ConflictError(target, None, found)
        return
    if not isinstance(expected, Fingerprint):
        raise TypeError(f"expected must be ANY, None or a Fingerprint, not {expected!r}")
    if not expected.same_bytes(found):
        raise ConflictError(target, expected, found)


def atomic_write(
    path: Path | str,
    data: bytes,
    expected: Fingerprint | None | object = ANY,
    root: Path | None = None,
) -> Fingerprint:
    """Write `data` to `path` atomically; see the module docstring. Returns the new fingerprint."""
    path = Path(path)
    target = resolve_target(path, root)
    check_expected(target, expected)
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise WriteError(user_message(exc, path), path, exc.errno) from exc
    tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    try:
        _write_temp(tmp, data, old)
        os.replace(tmp, target)
    except OSError as exc:
        _remove_quietly(tmp)
        raise WriteError(user_message(exc, path), path, exc.errno) from exc
    _fsync_dir(target.parent)
    st = os.stat(target)
    return Fingerprint(len(data), st.st_mtime_ns, hashlib.sha256(data).hexdigest())


def _write_temp(tmp: Path, data: bytes, old: os.stat_result | None) -> None:
    # 0o666 lets the kernel apply the umask for a new file, as any editor would.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
        if old is not None:
            os.fchmod(fd, stat_mod.S_IMODE(old.st_mode))
            _keep_owner(fd, old)
    finally:
        os.close(fd)


def _keep_owner(fd: int, old: os.stat_result) -> None:
    # Only possible (and only needed) when running with privileges, e.g. as root in a container:
    # the replaced file must not silently become root's.
    st = os.fstat(fd)
    if (st.st_uid, st.st_gid) == (old.st_uid, old.st_gid) or not hasattr(os, "fchown"):
        return
    try:
        os.fchown(fd, old.st_uid, old.st_gid)
    except PermissionError:
        pass


def _remove_quietly(tmp: Path) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _fsync_dir(folder: Path) -> None:
    # The rename is durable only once the folder entry is on disk; failure here is not a
    # failed save (the data is in place), so it is ignored.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
