"""Renaming (or merging) a tag across every post of a site, touching only the tag lines of
each post and writing each file atomically. Pure file work; must not import PySide6."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tileditor.core.fileio import atomic_write, fingerprint
from tileditor.core.frontmatter import as_list
from tileditor.core.post import Post

if TYPE_CHECKING:
    from tileditor.core.site import JekyllSite

TAG_KEYS = ("tags", "tag")


class RenameResult(list):
    """The files changed (a list of paths, as before), plus `found`: how many posts carry
    the tag, and `skipped`: (path, reason) of those that hold it but could not be edited.
    `not result and not result.skipped` means the tag is in no post at all."""

    def __init__(self):
        super().__init__()
        self.found = 0
        self.skipped: list[tuple[Path, str]] = []


def renamed_value(value, old: str, new: str):
    """The tag value with `old` replaced by `new` (merged when `new` is already there), or
    None when `old` does not occur. Keeps a space-separated string a string and a flow list
    nested in a block list (`- [A, B]`) nested; other items stay as they are."""
    if isinstance(value, str):
        names = value.split()
        if old not in names:
            return None
        out = _replace(names, old, new)
        return " ".join(out)
    if isinstance(value, list):
        names = as_list(value)
        if old not in names:
            return None
        seen: set[str] = {n for n in names if n != old}
        return _rename_items(value, old, new, seen)
    return None


def _rename_items(items: list, old: str, new: str, seen: set[str]) -> list:
    out: list = []
    for item in items:
        if isinstance(item, list):
            inner = _rename_items(item, old, new, seen)
            if inner or not item:
                out.append(inner)
        elif item is not None and str(item) == old:
            if new not in seen:  # the first `old` becomes `new`; a merge drops it
                seen.add(new)
                out.append(new)
        else:
            out.append(item)
    return out


def _replace(names: list[str], old: str, new: str) -> list[str]:
    out: list[str] = []
    for n in names:
        n = new if n == old else n
        if n not in out:
            out.append(n)
    return out


def rename_tag(site: JekyllSite, old: str, new: str) -> RenameResult:
    """Rename `old` to `new` in every post and draft; returns the files changed."""
    result = RenameResult()
    for entry in list(site.posts()) + list(site.drafts()):
        if old not in entry.tags:
            continue
        result.found += 1
        fp = fingerprint(entry.path)
        post = Post.from_bytes(entry.path.read_bytes())
        if post.front_matter_error:
            result.skipped.append((entry.path, post.front_matter_error))
            continue
        touched = False
        try:
            for key in TAG_KEYS:
                if key in post.front_matter:
                    value = renamed_value(post.front_matter[key], old, new)
                    if value is not None:
                        post.front_matter[key] = value
                        touched = True
        except ValueError as exc:
            result.skipped.append((entry.path, str(exc)))
            continue
        if touched:
            atomic_write(entry.path, post.to_bytes(), expected=fp, root=site.root)
            result.append(entry.path)
    site.invalidate(list(result))
    return result
