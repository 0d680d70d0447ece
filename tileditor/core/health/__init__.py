"""The repo health check: everything in a blog a reader would trip over or Jekyll would
silently skip, as Findings (kind, file, line, message). Read-only; one read of each post.
Must not import PySide6."""

from __future__ import annotations

from datetime import datetime

from .dates import header_findings
from .images import image_findings
from .model import KINDS, Finding, ScannedFile
from .names import scan_files
from .tags import tag_findings
from .text import liquid_findings, mojibake_findings

__all__ = ["KINDS", "Finding", "ScannedFile", "check_repo"]


def check_repo(site, now: datetime | None = None, kinds=None) -> list[Finding]:
    """Every finding of `site` (a JekyllSite), sorted by file and line. `now` is the build
    time for future-dated posts (default: now, in the site's zone); `kinds` limits the
    check to some of KINDS."""
    files, out = scan_files(site)
    out += header_findings(site, files, now)
    out += image_findings(site, files)
    out += tag_findings(files)
    for f in files:
        out += mojibake_findings(f)
        out += liquid_findings(f)
    if kinds is not None:
        wanted = set(kinds)
        out = [x for x in out if x.kind in wanted]
    return sorted(set(out))
