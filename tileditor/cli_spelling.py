"""`tileditor check [POST ...] --spelling`: the editor's spell checker on posts (or on every
post and draft of the blog), printing `path:line: word (suggestions)`. Exit 0 when clean, 1
when a word is flagged, 2 when a post cannot be read or a dictionary it needs is missing
(and nothing was flagged). No Qt unless the platform's data folder needs QStandardPaths."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SUGGESTIONS_SHOWN = 5


def data_dir() -> Path:
    """The data folder tileditor.paths gives (where the editor keeps the personal word list),
    computed without Qt on XDG systems: QStandardPaths' GenericDataLocation is
    $XDG_DATA_HOME, else ~/.local/share."""
    override = os.environ.get("TILEDITOR_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "tileditor"
    from tileditor import paths

    return paths.data_dir()


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _targets(args) -> list[Path] | None:
    from tileditor.core.site import JekyllSite

    if args.posts:
        return [p.resolve() for p in args.posts]
    site = JekyllSite.find((args.repo or Path.cwd()).resolve())
    if site is None:
        return None
    return [e.path for e in [*site.posts(), *site.drafts()]]


def cmd_check_spelling(args) -> int:
    from tileditor.core.site import JekyllSite
    from tileditor.core.spelling import (
        SpellChecker,
        find_misspellings,
        personal_words_path,
        post_language,
    )
    from tileditor.core.textcodec import BinaryFileError, decode_bytes

    posts = _targets(args)
    if posts is None:
        print("tileditor: not inside a Jekyll site (no _config.yml found); give POST files",
              file=sys.stderr)
        return 2
    personal = personal_words_path(data_dir())
    checkers: dict[str, SpellChecker] = {}  # one per language, so words are cached across posts
    flagged, checked, unreadable = 0, 0, False
    for post in posts:
        try:
            text = decode_bytes(post.read_bytes()).text
        except (OSError, BinaryFileError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            print(f"tileditor: {_shown(post)}: {reason}", file=sys.stderr)
            unreadable = True
            continue
        checked += 1
        language = post_language(text, JekyllSite.find(post), post)
        checker = checkers.setdefault(language, SpellChecker(language, personal))
        for m in find_misspellings(text, checker):
            hints = ", ".join(m.suggestions[:SUGGESTIONS_SHOWN]) or "no suggestions"
            print(f"{_shown(post)}:{m.line}: {m.word} ({hints})")
            flagged += 1
    problems = sorted({p for c in checkers.values() for p in c.problems()})
    for problem in problems:
        print(f"tileditor: spelling: {problem}", file=sys.stderr)
    print(f"{flagged} misspelling(s) in {checked} post(s)" if flagged else
          f"no misspellings in {checked} post(s)", file=sys.stderr)
    if flagged:
        return 1
    return 2 if problems or unreadable else 0
