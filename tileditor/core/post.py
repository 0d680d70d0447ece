"""The post model: front matter (line-preserving, see frontmatter.py) plus body, read from and
written to bytes so an unedited save gives back the very same bytes (encoding, BOM, newlines,
final newline). Must not import PySide6."""

from __future__ import annotations

from tileditor.core.frontmatter import FrontMatter, as_list, split_front_matter
from tileditor.core.textcodec import decode_bytes, encode_text


def _newline_of(text: str) -> str:
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"


class Post:
    """A post's text split into fences, front matter and body; to_text() joins them back."""

    def __init__(self, body: str = "", *, open_line: str | None = None, yaml: str = "",
                 close_line: str = "", encoding: str = "utf-8", bom: bool = False):
        self._open = open_line
        self._close = close_line
        self._body = body
        self.encoding = encoding
        self.bom = bom
        self._front_matter = self._make_front_matter(yaml)

    @classmethod
    def from_text(cls, text: str) -> Post:
        span = split_front_matter(text)
        if span is None:
            return cls(text)
        return cls(text[span.body_start:], open_line=span.open_line, yaml=span.yaml,
                   close_line=span.close_line)

    @classmethod
    def from_bytes(cls, data: bytes) -> Post:
        """Decode a post file (raises textcodec.BinaryFileError for binary data)."""
        decoded = decode_bytes(data)
        post = cls.from_text(decoded.text)
        post.encoding, post.bom = decoded.encoding, decoded.bom
        return post

    def to_text(self) -> str:
        yaml = self._front_matter.text
        if self._open is None:
            if not yaml:
                return self._body
            nl = _newline_of(self._body)
            if not yaml.endswith("\n"):
                yaml += nl
            return f"---{nl}{yaml}---{nl}{self._body}"
        return self._open + yaml + self._close + self._body

    def to_bytes(self) -> bytes:
        return encode_text(self.to_text(), self.encoding, self.bom)

    # Parts --------------------------------------------------------------------------
    @property
    def has_front_matter(self) -> bool:
        return self._open is not None or bool(self._front_matter.text)

    @property
    def front_matter(self) -> FrontMatter:
        return self._front_matter

    @property
    def front_matter_error(self) -> str | None:
        return self._front_matter.error

    @property
    def header_text(self) -> str:
        """The YAML between the fences; setting it re-parses the front matter."""
        return self._front_matter.text

    @header_text.setter
    def header_text(self, yaml: str) -> None:
        if yaml and not yaml.endswith("\n"):
            yaml += self._header_newline()
        self._front_matter = self._make_front_matter(yaml)

    @property
    def body(self) -> str:
        return self._body

    @body.setter
    def body(self, text: str) -> None:
        self._body = text

    # Jekyll's readings -------------------------------------------------------------
    @property
    def tags(self) -> list[str]:
        return self._plural("tag", "tags")

    @property
    def categories(self) -> list[str]:
        """Categories written in the front matter (Jekyll adds folder ones on top)."""
        return self._plural("category", "categories")

    def _plural(self, singular: str, plural: str) -> list[str]:
        # Jekyll's Utils.pluralized_array_from_hash: the singular key wins and is not split.
        fm = self._front_matter
        if fm.get(singular) is not None:
            value = fm[singular]
            return as_list(value if isinstance(value, list) else [value])
        return as_list(fm.get(plural))

    def _header_newline(self) -> str:
        if self._open is not None:
            return "\r\n" if self._open.endswith("\r\n") else "\n"
        return _newline_of(self._body)

    def _make_front_matter(self, yaml: str) -> FrontMatter:
        return FrontMatter(yaml, newline=self._header_newline(), line_offset=2)
