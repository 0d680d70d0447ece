"""The health check's data: a Finding (kind, file, line, message) and one scanned text file
of the blog (its header span, values and body position), read once and shared by every
check. Must not import PySide6."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tileditor.core.frontmatter import HeaderSpan, split_front_matter
from tileditor.core.site import read_text

_TOKEN_SPLIT = re.compile(r"[\s,\[\]:]+")

KINDS = (
    "front_matter", "bad_name", "bad_date", "future_post", "unpublished", "date_mismatch",
    "broken_image", "orphan_image", "near_duplicate_tag", "near_duplicate_category",
    "mojibake", "liquid_in_code",
)


@dataclass(frozen=True, order=True)
class Finding:
    path: Path  # absolute
    line: int  # 1-based line in the file (1 for findings about the whole file)
    kind: str  # one of KINDS
    message: str

    def as_dict(self, root: Path | None = None) -> dict:
        shown = self.path
        if root is not None:
            try:
                shown = self.path.relative_to(root)
            except ValueError:
                pass
        return {"path": shown.as_posix(), "line": self.line, "kind": self.kind,
                "message": self.message}


@dataclass
class ScannedFile:
    path: Path
    rel: str  # relative to the site root
    text: str
    draft: bool
    values: dict = field(default_factory=dict)
    error: str | None = None
    span: HeaderSpan | None = None

    @classmethod
    def read(cls, site, path: Path, draft: bool) -> ScannedFile | None:
        try:
            text = read_text(path)
        except (OSError, ValueError):
            return None
        values, error = site.header_values(path)
        try:
            rel = path.relative_to(site.root).as_posix()
        except ValueError:
            rel = site.rel_path(path)
        return cls(path, rel, text, draft, values, error,
                   split_front_matter(text))

    @property
    def body_start(self) -> int:
        return self.span.body_start if self.span else 0

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    def line_at(self, offset: int) -> int:
        """1-based line of a character offset in the whole text."""
        return self.text.count("\n", 0, offset) + 1

    def key_line(self, *keys: str) -> int:
        """The file line of the last top-level `key:` of the header (Jekyll reads the last)."""
        if self.span is None:
            return 1
        found = 1
        for i, line in enumerate(self.span.yaml.split("\n")):
            name = line.split(":", 1)[0].rstrip()
            if ":" in line and name in keys and not line[:1].isspace():
                found = i + 2
        return found

    def header_line_with(self, word: str, *keys: str) -> int:
        """The header line naming `word` (a tag in a flow or block list), else the key's."""
        if self.span is not None:
            for i, line in enumerate(self.span.yaml.split("\n")):
                stripped = line.split(" #", 1)[0]
                tokens = [t.strip("'\"") for t in _TOKEN_SPLIT.split(stripped)]
                if word in tokens or (" " in word and word in stripped):
                    return i + 2
        return self.key_line(*keys)
