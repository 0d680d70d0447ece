"""The Raw header box's view of a post: the YAML lines between the two `---` fences, and the one
edit that puts an edited copy of those lines back without touching anything else. Pure text
functions over editor text ("\\n" newlines); must not import PySide6."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tileditor.core.frontmatter.header import HeaderSpan, split_front_matter

# A line Jekyll takes for the closing fence (Jekyll::Document::YAML_FRONT_MATTER_REGEXP):
# typed into Raw it would end the header early and spill the rest into the body.
_FENCE_LINE = re.compile(r"^(?:---|\.\.\.)[ \t\r\f\v]*$", re.M)
_OPENING = re.compile(r"\A---[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class RawRefusal:
    """Why an edit made in Raw was not applied to the post (shown under the box)."""

    message: str


def raw_view(span: HeaderSpan | None) -> str:
    """What Raw shows for a header: its YAML lines without the last newline, so that the
    cursor at the end of the box is at the end of the last line, never on the fence."""
    if span is None:
        return ""
    yaml = span.yaml
    return yaml[:-1] if yaml.endswith("\n") else yaml


def opens_header(text: str) -> bool:
    """True when `text` starts with an opening fence (whether or not it is ever closed)."""
    return bool(_OPENING.match(text))


def replace_header_lines(text: str, raw: str) -> str | RawRefusal:
    """`text` with its header's YAML lines replaced by Raw's `raw` (the inverse of raw_view),
    or why not. The body and both fences stay byte for byte; a text without a header gets
    one, never a second one."""
    if "\r" in raw or "\u2029" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")
    fence = _FENCE_LINE.search(raw)
    if fence is not None:
        line = raw.count("\n", 0, fence.start()) + 2
        return RawRefusal(
            f"Line {line} of the header reads as a closing {fence.group().strip()} fence, "
            "which would end the header there: not applied until it is changed.")
    yaml = raw + "\n" if raw else ""
    span = split_front_matter(text)
    if span is not None:
        return text[: span.yaml_start] + yaml + text[span.yaml_start + len(span.yaml):]
    if opens_header(text):
        return RawRefusal("The header has no closing --- line: add it in the editor first.")
    if not raw:
        return text
    return f"---\n{yaml}---\n" + text
