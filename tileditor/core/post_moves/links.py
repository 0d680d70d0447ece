"""Rewriting the links of one post that point into a moved images folder, each in its own style
(relative, baseurl path, Liquid, own-domain URL, HTML src, front-matter paths). Pure text work
on a Post; reads no file but the site's config. Must not import PySide6."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

from tileditor.core.images import (
    find_image_references,
    front_matter_image_refs,
    image_url,
    resolve_reference,
    site_paths_for,
)

_URL_SAFE = "/:@!$&'()*+,;=~"


class LinkError(ValueError):
    """A link into the moved folder could not be rewritten so that it still shows."""


@dataclass(frozen=True)
class FolderMove:
    old: Path  # absolute folders under the site root
    new: Path


def _encodings(name: str) -> list[str]:
    forms = [name, unicodedata.normalize("NFC", name), unicodedata.normalize("NFD", name)]
    out = []
    for f in forms:
        out += [f, f.replace(" ", "%20"), quote(f, safe=_URL_SAFE)]
    return list(dict.fromkeys(out))


def mentions(text: str, stem: str) -> bool:
    """Cheap prefilter: whether `text` can hold a link to a folder named `stem`."""
    return any(enc in text for enc in _encodings(stem))


def _swap_segment(src: str, move: FolderMove) -> str | None:
    """`src` with the folder's own path segment renamed, encoded as `src` encodes it."""
    old, new = move.old.name, move.new.name
    parent = move.old.parent.name
    for enc_old in _encodings(old):
        enc_new = _same_encoding(src, enc_old, old, new)
        for parent_enc in (_encodings(parent) if parent else []):
            anchor = f"{parent_enc}/{enc_old}/"
            i = src.find(anchor)
            if i >= 0:
                j = i + len(parent_enc) + 1
                return src[:j] + enc_new + src[j + len(enc_old):]
        m = re.search(r"(?:(?<=/)|^)" + re.escape(enc_old) + "(?=/)", src)
        if m:
            return src[:m.start()] + enc_new + src[m.end():]
    return None


def _same_encoding(src: str, enc_old: str, old: str, new: str) -> str:
    """`new` written the way `src` writes names: the old name's own form when it shows one
    (raw or %-escaped Hangul, raw or %20 spaces), else the rest of the link's habit."""
    n = unicodedata.normalize("NFC", new)
    src = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", src)  # Liquid's own spaces say nothing
    for form in ("NFC", "NFD"):
        o = unicodedata.normalize(form, old)
        if enc_old == quote(o, safe=_URL_SAFE) and enc_old not in (o, o.replace(" ", "%20")):
            return quote(unicodedata.normalize(form, new), safe=_URL_SAFE)
        if enc_old in (o, o.replace(" ", "%20")):
            n = unicodedata.normalize(form, new)
            break
    if old.isascii() and re.search(r"%[89A-Fa-f][0-9A-Fa-f]", src):
        return quote(n, safe=_URL_SAFE)  # the link escapes non-ASCII letters
    if " " in enc_old or (" " in src and "%20" not in enc_old):
        return n
    return n.replace(" ", "%20")


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _target(site, post: Path, src: str, fm: dict, moves, front: bool):
    """(move, file rel to the old folder, resolved via site paths?) for a src into a moved
    folder, or None. Missing files count too: the link keeps pointing at the moved name."""
    hit = resolve_reference(site, post, src, fm, from_front_matter=front)
    for move in moves:
        if hit is not None and _inside(hit, move.old):
            return move, hit.relative_to(move.old).as_posix(), _via_site(site, post, src, fm,
                                                                         hit, front)
    for move in moves:
        rel_folder = "/" + move.old.relative_to(site.root).as_posix() + "/"
        for path in _site_paths(site, post, src, fm, front):
            if unicodedata.normalize("NFC", path).startswith(
                    unicodedata.normalize("NFC", rel_folder)):
                return move, path[len(rel_folder):], True
    return None


def _site_paths(site, post, src, fm, front) -> list[str]:
    s = src.strip()
    if front and not s.startswith(("/", "{", "http:", "https:", "//", ".")):
        s = "/" + s
    out = []
    for p in site_paths_for(site, post, s, fm):
        out += [unquote(p), p]
    return list(dict.fromkeys(out))


def _via_site(site, post, src, fm, file: Path, front) -> bool:
    want = "/" + file.relative_to(site.root).as_posix()
    return any(unicodedata.normalize("NFC", p) == unicodedata.normalize("NFC", want)
               for p in _site_paths(site, post, src, fm, front))


def _is_relative(src: str) -> bool:
    s = src.strip()
    return not (s.startswith(("/", "{", "#")) or "://" in s or s.startswith("//"))


def new_src(site, src: str, old_post: Path, new_post: Path, old_fm: dict, new_fm: dict,
            moves, front: bool = False) -> str | None:
    """The rewritten `src` (None when it does not point into a moved folder). The result is
    checked against the post's new URL; a relative link whose depth changed is recomputed."""
    found = _target(site, old_post, src, old_fm, moves, front)
    if found is None:
        return None
    move, inner, via_site = found
    out = _swap_segment(src, move)
    new_file = move.new / inner
    if out is not None and not via_site and _is_relative(src):
        out = _refolder(out, move, old_post.parent, new_post.parent)
    if out is not None and (not via_site or _via_site(site, new_post, out, new_fm, new_file,
                                                          front)):
        return out
    if _is_relative(src) and not front:
        out = image_url(site, new_post, new_file, style="relative", front_matter=new_fm)
        if _via_site(site, new_post, out, new_fm, new_file, front):
            return out
    raise LinkError(f"the link {src!r} in {new_post.name} could not be rewritten to "
                    f"{new_file.relative_to(site.root).as_posix()}")


def _refolder(src: str, move: FolderMove, old_dir: Path, new_dir: Path) -> str:
    """A link relative to the post's file (Typora's habit, not the page URL): its `../` part
    follows the post to its new folder."""
    before = posixpath.relpath(move.old.parent.as_posix(), old_dir.as_posix())
    after = posixpath.relpath(move.new.parent.as_posix(), new_dir.as_posix())
    lead = "./" if src.startswith("./") else ""
    if before == after or not src[len(lead):].startswith(before + "/"):
        return src
    return lead + after + src[len(lead) + len(before):]


def rewrite_body(site, post, old_path: Path, new_path: Path, old_fm, new_fm, moves) -> int:
    """Rewrite the body's image links in place (by offsets, last first); returns the count."""
    body = post.body
    changes = []
    for ref in find_image_references(body):
        out = new_src(site, ref.src, old_path, new_path, old_fm, new_fm, moves)
        if out is not None and out != ref.src:
            changes.append((ref.start, ref.end, out))
    for start, end, out in sorted(changes, reverse=True):
        body = body[:start] + out + body[end:]
    post.body = body
    return len(changes)


def rewrite_header(site, post, old_path: Path, new_path: Path, old_fm, new_fm, moves) -> int:
    """Rewrite front-matter image paths (header.teaser, image, og_image...) on their own
    lines only; the header is re-parsed to check each value really changed."""
    fm = dict(post.front_matter.items())
    pairs = []
    for value in front_matter_image_refs(fm):
        out = new_src(site, value, old_path, new_path, old_fm, new_fm, moves, front=True)
        if out is not None and out != value:
            pairs.append((value, out))
    if not pairs:
        return 0
    lines = post.header_text.splitlines(keepends=True)
    for old, new in pairs:
        lines = [line.replace(old, new) if old in line else line for line in lines]
    post.header_text = "".join(lines)
    after = front_matter_image_refs(dict(post.front_matter.items()))
    if post.front_matter_error or any(new not in after for _old, new in pairs):
        raise LinkError(f"the header image paths of {new_path.name} could not be rewritten")
    return len(pairs)


def typora_root(value: str, old_parent: Path, new_parent: Path) -> str:
    """`typora-root-url` for the new folder, naming the same folder as before, in its style.
    Absolute paths and URLs name the same place from anywhere and stay as written."""
    if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z][\w+.-]*:", value):
        return value
    target = posixpath.normpath(posixpath.join(old_parent.as_posix(), value))
    rel = posixpath.relpath(target, new_parent.as_posix())
    if value.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel
