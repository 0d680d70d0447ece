"""Moving a post within its blog: publish (draft -> post), unpublish, rename (slug, date, title).
plan_move computes a MovePlan (new path, images folder moves, every text edit) and touches no
file; post_moves_apply.apply_move performs one. Must not import PySide6."""

from __future__ import annotations

import datetime as _dt
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .images import (
    find_image_references,
    front_matter_image_refs,
    post_image_dir,
    resolve_reference,
)
from .post import Post
from .post_moves_links import (
    FolderMove,
    LinkError,
    mentions,
    rewrite_body,
    rewrite_header,
    typora_root,
)
from .slug import fit_slug, post_subdir, slugify
from .textcodec import BinaryFileError

_DATED = re.compile(r"^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$")
_DATE_IN_LINE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


class MoveError(Exception):
    """The move cannot be planned or was not done; str() is one sentence for the user."""


@dataclass(frozen=True)
class MoveChange:
    """What the user asked for; None keeps the current value."""

    title: str | None = None  # the header's title; the slug follows it unless `slug` is given
    slug: str | None = None  # the file name's slug, used as typed (made safe, not slugified)
    date: _dt.date | None = None  # the file name's day (a published post only)
    draft: bool | None = None  # True: unpublish to _drafts, False: publish to _posts


@dataclass(frozen=True)
class TextEdit:
    path: Path  # the file as it is named before the move
    before: bytes  # what must still be on disk when the plan is applied
    after: bytes


@dataclass(frozen=True)
class MovePlan:
    root: Path
    old_path: Path
    new_path: Path
    folder_moves: tuple[FolderMove, ...]
    edits: tuple[TextEdit, ...]
    summary: str
    remove_dirs: tuple[Path, ...] = ()  # folders to remove when left empty (an undo's own)

    @property
    def changed_paths(self) -> tuple[Path, ...]:
        """Every file and folder the move touches, before and after (for git and watchers)."""
        paths = [self.old_path, self.new_path]
        for m in self.folder_moves:
            paths += [m.old, m.new]
        paths += [e.path for e in self.edits]
        return tuple(dict.fromkeys(paths))


@dataclass(frozen=True)
class _Where:
    base: Path  # the `_posts` or `_drafts` folder holding the post
    inner: tuple[str, ...]  # folders between it and the file
    day: str | None
    slug: str
    ext: str

    @property
    def draft(self) -> bool:
        return self.base.name == "_drafts"


def _locate(site, path: Path) -> _Where:
    try:
        parts = path.relative_to(site.root).parts
    except ValueError:
        raise MoveError(f"{path} is not inside the blog at {site.root}") from None
    folders = parts[:-1]
    idx = next((i for i, p in enumerate(folders) if p in ("_posts", "_drafts")), None)
    if idx is None:
        raise MoveError(f"{'/'.join(parts)} is not in a _posts or _drafts folder")
    m = _DATED.match(path.name)
    if m:
        day, slug, ext = m.groups()
    else:
        day, slug, ext = None, path.stem, path.suffix
    if folders[idx] == "_posts" and day is None:
        raise MoveError(f"{path.name} has no YYYY-MM-DD- date in its name")
    return _Where(site.root.joinpath(*parts[:idx + 1]), tuple(folders[idx + 1:]), day, slug, ext)


def clean_slug(text: str) -> str:
    """A slug typed by the user, kept as typed but never a path or a hidden file."""
    slug = unicodedata.normalize("NFC", str(text or "")).strip()
    if not slug or slug.startswith(".") or any(c in slug for c in "/\\") or any(
            unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in slug):
        raise MoveError(f"{text!r} cannot be a file name: no '/', '\\', leading '.' or "
                        "control characters")
    return slug


def _parse_day(day: str) -> _dt.date:
    y, m, d = (int(x) for x in day.split("-"))
    return _dt.date(y, m, d)


def _target(site, where: _Where, change: MoveChange) -> tuple[Path, _dt.date | None]:
    to_draft = where.draft if change.draft is None else change.draft
    if change.slug is not None:
        slug = clean_slug(change.slug)
    elif change.title is not None:
        slug = slugify(change.title, keep_case=site.conventions().slug_case == "keep")
    else:
        slug = where.slug
    container = where.base.parent
    if to_draft:
        if change.date is not None:
            raise MoveError("a draft has no date in its name; publish it to give it one")
        inner = () if not where.draft else where.inner
        return container / "_drafts" / Path(*inner, fit_slug(slug, where.ext) + where.ext), None
    old_day = _parse_day(where.day) if where.day and not where.draft else None
    when = change.date or old_day or _dt.date.today()
    if where.draft:
        inner = tuple(p for p in post_subdir(site, when).split("/") if p)
    elif old_day and where.inner == (str(old_day.year),):
        inner = (str(when.year),)  # a year folder follows the year
    else:
        inner = where.inner
    prefix = f"{when:%Y-%m-%d}-"
    name = prefix + fit_slug(slug, prefix + where.ext) + where.ext
    return container / "_posts" / Path(*inner, name), when


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise MoveError(f"{path.name} does not exist") from None
    except OSError as exc:
        raise MoveError(f"could not read {path.name}: {exc.strerror or exc}") from None


def _writable(site, path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise MoveError(f"{site.rel_path(path)} is read-only, so nothing was moved")


def _image_folders(site, path: Path, post: Post, fm: dict) -> list[Path]:
    """The post's own images folders: `<image_root>/<stem>/` and any folder named after the
    post that its links lead into (e.g. `assets/images/<stem>/` on a blog using `images/`)."""
    stem = unicodedata.normalize("NFC", path.stem)
    found = []
    default = post_image_dir(site, path)
    if default.is_dir():
        found.append(default)
    srcs = [(r.src, False) for r in find_image_references(post.body)]
    srcs += [(s, True) for s in front_matter_image_refs(fm)]
    for src, front in srcs:
        hit = resolve_reference(site, path, src, fm, from_front_matter=front)
        if hit is None:
            continue
        for folder in hit.parents:
            if folder == site.root or site.root not in folder.parents:
                break
            if unicodedata.normalize("NFC", folder.name) == stem:
                found.append(folder)
                break
    found = list(dict.fromkeys(found))
    return [f for f in found if not any(o in f.parents for o in found)]


def _edit_header(site, post: Post, old: Path, new: Path, when, change: MoveChange) -> None:
    fm = post.front_matter
    if change.title is not None and fm.get("title") != change.title:
        fm["title"] = change.title
    if when is not None:
        _set_date(site, post, when)
    root = fm.get("typora-root-url")
    if isinstance(root, str) and root.strip() and old.parent != new.parent:
        value = typora_root(root.strip(), old.parent, new.parent)
        if value != root.strip():
            fm["typora-root-url"] = value


def _set_date(site, post: Post, when: _dt.date) -> None:
    """A `date:` key gets the new day on its own line (time and zone kept); a post without
    one gets one only when the blog's posts carry it (the file name holds the date)."""
    fm = post.front_matter
    if "date" not in fm:
        if site.conventions().date_in_header:
            fm["date"] = when
        return
    first, last = fm.line_span("date")
    lines = post.header_text.splitlines(keepends=True)
    line = lines[first]
    colon = line.index(":") + 1
    new = line[:colon] + _DATE_IN_LINE.sub(f"{when:%Y-%m-%d}", line[colon:], count=1)
    if new == line:
        return
    lines[first] = new
    post.header_text = "".join(lines)
    if post.front_matter_error:
        raise MoveError(f"could not set the date in the header to {when:%Y-%m-%d}")


def plan_move(site, post_path, change: MoveChange) -> MovePlan:
    """Plan moving the saved post at `post_path` as `change` asks (nothing is written)."""
    old = Path(os.path.abspath(post_path))
    where = _locate(site, old)
    data = _read(old)
    try:
        post = Post.from_bytes(data)
    except BinaryFileError as exc:
        raise MoveError(f"{old.name}: {exc}") from None
    if post.front_matter_error:
        raise MoveError(f"the header of {old.name} is not valid YAML ({post.front_matter_error});"
                        " fix it first")
    new, when = _target(site, where, change)
    _check_free(site, old, new)
    old_fm = dict(post.front_matter.items())
    moves = ()
    if new.stem != old.stem:
        moves = tuple(FolderMove(f, f.parent / new.stem)
                      for f in _image_folders(site, old, post, old_fm))
    for m in moves:
        if m.new.exists():
            raise MoveError(f"the images folder {site.rel_path(m.new)} already exists")
    try:
        edits = _edits(site, old, new, post, data, old_fm, moves, when, change)
    except LinkError as exc:
        raise MoveError(str(exc)) from None
    if new == old and not edits:
        raise MoveError(f"nothing to change: {site.rel_path(old)} already has that name")
    return MovePlan(site.root, old, new, moves, edits, _summary(site, where, old, new, moves,
                                                               edits))


def _check_free(site, old: Path, new: Path) -> None:
    if new == old:
        return
    if new.exists() and not _same_file(old, new):
        raise MoveError(f"{site.rel_path(new)} already exists")
    # Jekyll builds two posts with one date and slug to one page (new_post_path's rule).
    entries = site.drafts() if new.parent.name == "_drafts" else site.posts()
    key = new.stem.lower()
    for e in entries:
        if e.path != old and e.path.stem.lower() == key:
            raise MoveError(f"{e.rel} already has the name {new.name}")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _edits(site, old, new, post, data, old_fm, moves, when, change) -> tuple[TextEdit, ...]:
    _edit_header(site, post, old, new, when, change)
    new_fm = dict(post.front_matter.items())
    rewrite_header(site, post, old, new, old_fm, new_fm, moves)
    rewrite_body(site, post, old, new, old_fm, new_fm, moves)
    edits = []
    if post.to_bytes() != data:
        _writable(site, old)
        edits.append(TextEdit(old, data, post.to_bytes()))
    if moves:
        edits += _other_posts(site, old, moves)
    return tuple(edits)


def _other_posts(site, old: Path, moves) -> list[TextEdit]:
    """Posts and drafts (not the moved one) whose links lead into a moved folder."""
    out = []
    names = [m.old.name for m in moves]
    for entry in site.posts() + site.drafts():
        if entry.path == old:
            continue
        try:
            data = entry.path.read_bytes()
            post = Post.from_bytes(data)
        except (OSError, BinaryFileError):
            continue
        if not any(mentions(post.to_text(), n) for n in names) or post.front_matter_error:
            continue
        fm = dict(post.front_matter.items())
        rewrite_header(site, post, entry.path, entry.path, fm, fm, moves)
        rewrite_body(site, post, entry.path, entry.path, fm, fm, moves)
        after = post.to_bytes()
        if after != data:
            _writable(site, entry.path)
            out.append(TextEdit(entry.path, data, after))
    return out


def _summary(site, where: _Where, old, new, moves, edits) -> str:
    now_draft = "_drafts" in new.relative_to(site.root).parts
    verb = {(True, False): "Published", (False, True): "Unpublished"}.get(
        (where.draft, now_draft), "Renamed")
    text = f"{verb} {site.rel_path(old)} as {site.rel_path(new)}" if new != old else (
        f"Updated {site.rel_path(old)}")
    others = sum(1 for e in edits if e.path != old)
    extra = []
    if moves:
        extra.append("moved " + ", ".join(site.rel_path(m.old) + "/" for m in moves))
    if others:
        extra.append(f"updated links in {others} other post{'s' if others != 1 else ''}")
    return text + (f" ({'; '.join(extra)})" if extra else "")


def plan_publish(site, draft_path, date: _dt.date | None = None) -> MovePlan:
    """A draft to `_posts/[folder/]YYYY-MM-DD-slug.md` (`date` defaults to today)."""
    if not _locate(site, Path(os.path.abspath(draft_path))).draft:
        raise MoveError(f"{Path(draft_path).name} is already published")
    return plan_move(site, draft_path, MoveChange(date=date, draft=False))


def plan_unpublish(site, post_path) -> MovePlan:
    """A post back to `_drafts/slug.md`."""
    if _locate(site, Path(os.path.abspath(post_path))).draft:
        raise MoveError(f"{Path(post_path).name} is already a draft")
    return plan_move(site, post_path, MoveChange(draft=True))


def plan_rename(site, post_path, *, title: str | None = None, slug: str | None = None,
                date: _dt.date | None = None) -> MovePlan:
    """A new title (the slug follows it), slug or date, within the same folder kind."""
    if title is None and slug is None and date is None:
        raise MoveError("give a new title, slug or date")
    if title is not None and not title.strip():
        raise MoveError("the title is empty")
    return plan_move(site, post_path, MoveChange(title=title, slug=slug, date=date))


from .post_moves_apply import apply_move, check_plan  # noqa: E402 - needs the names above

__all__ = ["MoveChange", "MoveError", "MovePlan", "TextEdit", "FolderMove", "apply_move",
           "check_plan", "plan_move", "plan_publish", "plan_rename", "plan_unpublish"]
