"""Renaming (or merging) a tag across every post of a site, touching only the tag lines of
each post and writing each file atomically. Pure file work; must not import PySide6."""

from __future__ import annotations

from pathlib import Path

from tileditor.core.fileio import atomic_write, fingerprint
from tileditor.core.post import Post

TAG_KEYS = ("tags", "tag")


def renamed_value(value, old: str, new: str):
    """The tag value with `old` replaced by `new` (merged when `new` is already there), or
    None when `old` does not occur. Keeps a space-separated string a string."""
    if isinstance(value, str):
        names = value.split()
        if old not in names:
            return None
        out = _replace(names, old, new)
        return " ".join(out)
    if isinstance(value, list):
        names = [str(v) for v in value]
        if old not in names:
            return None
        return _replace(names, old, new)
    return None


def _replace(names: list[str], old: str, new: str) -> list[str]:
    out: list[str] = []
    for n in names:
        n = new if n == old else n
        if n not in out:
            out.append(n)
    return out


def rename_tag(site, old: str, new: str) -> list[Path]:
    """Rename `old` to `new` in every post and draft; returns the files changed."""
    changed: list[Path] = []
    for entry in list(site.posts()) + list(site.drafts()):
        if old not in entry.tags:
            continue
        fp = fingerprint(entry.path)
        post = Post.from_bytes(entry.path.read_bytes())
        if post.front_matter_error:
            continue
        touched = False
        for key in TAG_KEYS:
            if key in post.front_matter:
                value = renamed_value(post.front_matter[key], old, new)
                if value is not None:
                    post.front_matter[key] = value
                    touched = True
        if touched:
            atomic_write(entry.path, post.to_bytes(), expected=fp, root=site.root)
            changed.append(entry.path)
    if hasattr(site, "invalidate"):
        site.invalidate(changed)
    return changed
