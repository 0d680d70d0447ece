"""Safe writes into the user's repository and disk fingerprints: a locked temp file in the same
folder, fsync, atomic replace, mode kept, write-protected files refused, a conflict check against
what was loaded, one-sentence errors. Must not import PySide6."""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import stat as stat_mod
import struct
from dataclasses import dataclass
from pathlib import Path

from tileditor.core.locks import lock_fd

try:
    import fcntl
except ImportError:  # pragma: no cover - not Linux: no inode flags to read
    fcntl = None  # type: ignore[assignment]

# Hidden, recognisable temp names so the repo watcher can ignore our own half-written files.
TEMP_SUFFIX = ".tileditor-tmp"
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
# linux/fs.h: FS_IOC_GETFLAGS and the flags that make a file unreplaceable.
_FS_IOC_GETFLAGS = 0x80086601
_FS_IMMUTABLE_FL, _FS_APPEND_FL = 0x10, 0x20


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


class WriteProtectedError(WriteError):
    """The file on disk is write-protected (`kind` "mode" or "immutable"); it is unchanged."""

    def __init__(self, message: str, path: Path, kind: str):
        super().__init__(message, path, errno.EACCES)
        self.kind = kind


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
    allow_protected: bool = False,
) -> Fingerprint:
    """Write `data` to `path` atomically; see the module docstring. Returns the new fingerprint.
    A file whose mode denies its owner writing is replaced only with `allow_protected` (the
    user's explicit word); an immutable one never."""
    path = Path(path)
    target = resolve_target(path, root)
    check_expected(target, expected)
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise WriteError(user_message(exc, path), path, exc.errno) from exc
    if old is not None:
        check_protection(target, path, old, allow_protected)
    fd, tmp = create_temp(target, path)
    try:
        try:
            _write_temp(fd, data, old)
            # Replaced while our lock is still on the temp: a sweep by another instance never
            # takes a half-written temp for the leftover of a killed save.
            os.replace(tmp, target)
        finally:
            os.close(fd)
    except OSError as exc:
        _remove_quietly(tmp)
        raise WriteError(user_message(exc, path), path, exc.errno) from exc
    _fsync_dir(target.parent)
    st = os.stat(target)
    return Fingerprint(len(data), st.st_mtime_ns, hashlib.sha256(data).hexdigest())


def create_temp(target: Path, shown: Path | None = None) -> tuple[int, Path]:
    """A new, locked temp file `.<name>.<hex>.tileditor-tmp` beside `target`, with the mode a
    plain write gives a new file (0o666 less the umask, not mkstemp's 0600). The lock tells
    core.stale_temps that a live writer still owns it."""
    for _attempt in range(100):
        tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            shown = shown or target
            raise WriteError(user_message(exc, shown), shown, exc.errno) from exc
        lock_fd(fd)
        return fd, tmp
    raise WriteError(f"Could not save {target.name}: no free temporary name.", target)


def protection(path: Path | str, st: os.stat_result | None = None) -> str | None:
    """Why a file must not be replaced: "immutable" (chattr +i or +a), "mode" (its owner may
    not write it, e.g. chmod 444; checked on the mode bits because root may write anything,
    and an atomic rename only needs the folder to be writable), or None."""
    try:
        st = st or os.stat(path)
    except OSError:
        return None
    if _fs_flags(path) & (_FS_IMMUTABLE_FL | _FS_APPEND_FL):
        return "immutable"
    if not st.st_mode & stat_mod.S_IWUSR:
        return "mode"
    if os.geteuid() != 0 and not os.access(path, os.W_OK):
        return "mode"
    return None


def check_protection(target: Path, path: Path, old: os.stat_result, allow: bool) -> None:
    kind = protection(target, old)
    if kind == "immutable":
        raise WriteProtectedError(
            f"Could not save {path.name}: the file is marked immutable on disk "
            "(chattr +i), so it is never replaced.", path, "immutable")
    if kind == "mode" and not allow:
        mode = stat_mod.S_IMODE(old.st_mode)
        raise WriteProtectedError(
            f"Could not save {path.name}: the file is read-only on disk (mode {mode:o}).",
            path, "mode")


def _fs_flags(path: Path | str) -> int:
    if fcntl is None:
        return 0
    try:
        fd = os.open(path, os.O_RDONLY | _CLOEXEC | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return 0
    try:
        buf = fcntl.ioctl(fd, _FS_IOC_GETFLAGS, b"\0" * 8)
        return struct.unpack("i", buf[:4])[0]  # the kernel writes an int despite the name
    except OSError:
        return 0  # tmpfs, network shares: no inode flags
    finally:
        os.close(fd)


def _write_temp(fd: int, data: bytes, old: os.stat_result | None) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)
    if old is not None:
        os.fchmod(fd, stat_mod.S_IMODE(old.st_mode))
        _keep_owner(fd, old)


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
