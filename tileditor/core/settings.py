"""The user's preferences as a typed dataclass with defaults. Persistence lives in
services/settings_store.py (QSettings); this module must not import PySide6."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass
class Settings:
    last_repo: str = ""
    last_post: str = ""
    recent_repos: list[str] = field(default_factory=list)
    # Recovery snapshots (never into the repo) while a post has unsaved edits: a crash loses at
    # most this much typing plus the write itself, well under the promised second.
    autosave_interval_ms: int = 500
    autosave_to_repo: bool = False  # opt-in: also save edited posts to the repo
    preview_allow_scripts: bool = False  # run the post's own <script> in the preview
    preview_block_remote: bool = False  # block remote images/iframes in the preview
    preview_visible: bool = True
    editor_font_size: int = 0  # 0: the system's fixed font size; zooming remembers a size
    focus_mode: bool = False
    typewriter: bool = False
    spell_check: bool = True  # underline misspelled words as you type (Edit menu)
    theme: str = "system"  # "system", "light" or "dark" (View > Theme)
    max_recent: int = 8

    def remember_repo(self, path: str) -> None:
        self.recent_repos = [path] + [p for p in self.recent_repos if p != path]
        del self.recent_repos[self.max_recent :]

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]
