"""Moving a post within its blog: publish (draft -> post), unpublish, rename (slug, date, title).
plan_* compute a MovePlan (new path, images folder moves, every text edit) and touch no file;
apply_move (post_moves_apply) performs one and returns its undo. Must not import PySide6."""

from __future__ import annotations

import datetime as _dt
import os
import re
import stat
import unicodedata
from pathlib import Path

from tileditor.core.images import (
    find_image_references,
    front_matter_image_refs,
    post_image_dir,
    resolve_reference,
)
from tileditor.core.post import Post
from tileditor.core.post_moves.apply import apply_move, check_plan
from tileditor.core.post_moves.links import (
    FolderMove,
    LinkError,
    mentions,
    rewrite_body,
    rewrite_header,
    typora_root,
)
from tileditor.core.post_moves.model import MoveChange, MoveError, MovePlan, TextEdit
from tileditor.core.post_moves.paths import Where, check_free, clean_slug, locate, target_path
from tileditor.core.post_moves.post_url import PostName, post_url_refs, rewrite_post_urls
from tileditor.core.textcodec import BinaryFileError, decode_bytes

__all__ = ["FolderMove", "MoveChange", "MoveError", "MovePlan", "TextEdit", "apply_move",
           "check_plan", "clean_slug", "plan_move", "plan_publish", "plan_rename",
           "plan_unpublish"]

_DATE_IN_LINE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


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
    where = locate(site, old)
    data = _read(old)
    try:
        post = Post.from_bytes(data)
    except BinaryFileError as exc:
        raise MoveError(f"{old.name}: {exc}") from None
    if post.front_matter_error:
        raise MoveError(f"the header of {old.name} is not valid YAML ({post.front_matter_error});"
                        " fix it first")
    new, when = target_path(site, where, change)
    if change.date is None and not where.draft:
        when = None  # the day is not changing: a `date:` key (even 9999-12-31) stays as is
    check_free(site, old, new)
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


def _post_name(site, path: Path) -> PostName | None:
    where = locate(site, path)
    if where.draft:
        return None
    outer = where.base.parent.relative_to(site.root).as_posix()
    return PostName(where.day, where.slug, "".join(p + "/" for p in where.inner),
                    "" if outer == "." else outer + "/")


def _edits(site, old, new, post, data, old_fm, moves, when, change) -> tuple[TextEdit, ...]:
    _edit_header(site, post, old, new, when, change)
    new_fm = dict(post.front_matter.items())
    rewrite_header(site, post, old, new, old_fm, new_fm, moves)
    rewrite_body(site, post, old, new, old_fm, new_fm, moves)
    names = (_post_name(site, old), _post_name(site, new)) if old != new else (None, None)
    if names[0] and names[1]:
        post.body = rewrite_post_urls(post.body, *names)
    edits = []
    if post.to_bytes() != data:
        _writable(site, old)
        edits.append(TextEdit(old, data, post.to_bytes()))
    if moves or names[0]:
        edits += _other_posts(site, old, moves, *names)
    return tuple(edits)


def _other_posts(site, old: Path, moves, old_name, new_name) -> list[TextEdit]:
    """Posts and drafts (not the moved one) whose links lead into a moved folder or that name
    the moved post with {% post_url %}."""
    out, dangling = [], []
    folders = [m.old.name for m in moves]
    for entry in site.posts() + site.drafts():
        if entry.path == old:
            continue
        try:
            data = entry.path.read_bytes()
            text = decode_bytes(data).text
        except (OSError, BinaryFileError):
            continue
        named = old_name is not None and "post_url" in text
        if not (named or any(mentions(text, n) for n in folders)):
            continue  # the cheap test first: parsing every header costs ~2 ms a post
        post = Post.from_bytes(data)
        if post.front_matter_error:
            continue
        fm = dict(post.front_matter.items())
        rewrite_header(site, post, entry.path, entry.path, fm, fm, moves)
        rewrite_body(site, post, entry.path, entry.path, fm, fm, moves)
        if named and new_name is None and post_url_refs(post.body, old_name):
            dangling.append(entry.rel)
        elif named and new_name is not None:
            post.body = rewrite_post_urls(post.body, old_name, new_name)
        after = post.to_bytes()
        if after != data:
            _writable(site, entry.path)
            out.append(TextEdit(entry.path, data, after))
    if dangling:
        raise MoveError(f"{', '.join(dangling[:3])} link{'s' if len(dangling) == 1 else ''} it "
                        "with {% post_url %}; as a draft it would break the site's build")
    return out


def _summary(site, where: Where, old, new, moves, edits) -> str:
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
    if not locate(site, Path(os.path.abspath(draft_path))).draft:
        raise MoveError(f"{Path(draft_path).name} is already published")
    return plan_move(site, draft_path, MoveChange(date=date, draft=False))


def plan_unpublish(site, post_path) -> MovePlan:
    """A post back to `_drafts/slug.md`."""
    if locate(site, Path(os.path.abspath(post_path))).draft:
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
