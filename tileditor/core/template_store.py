"""The user's own new-post template per blog, kept in tileditor's data folder (never in the
repo): the window's template setting writes it, the window and `tileditor new` read it. A blog
without one uses the template derived from its posts. Must not import PySide6."""

from __future__ import annotations

import json
from pathlib import Path

from tileditor.core.fileio import atomic_write

FILE_NAME = "post-templates.json"


def _load(data_dir: Path) -> dict:
    try:
        value = json.loads((Path(data_dir) / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _key(repo_root: Path, draft: bool) -> tuple[str, str]:
    return str(Path(repo_root).resolve()), "drafts" if draft else "posts"


def load_override(data_dir: Path, repo_root: Path, draft: bool = False) -> str | None:
    """The template the user set for this blog, or None to use the derived one."""
    repo, kind = _key(repo_root, draft)
    value = _load(data_dir).get(repo, {}).get(kind)
    return value if isinstance(value, str) else None


def save_override(data_dir: Path, repo_root: Path, text: str | None, draft: bool = False) -> None:
    """Remember `text` as this blog's template (None forgets it)."""
    data = _load(data_dir)
    repo, kind = _key(repo_root, draft)
    entry = data.setdefault(repo, {})
    if text is None:
        entry.pop(kind, None)
        if not entry:
            data.pop(repo, None)
    else:
        entry[kind] = text
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    atomic_write(Path(data_dir) / FILE_NAME, json.dumps(data, indent=1, ensure_ascii=False).encode())
