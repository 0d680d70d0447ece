"""Bytes <-> text for the user's files, keeping encoding and BOM so a save of unedited text
gives back the same bytes. Never translates newlines (the text keeps "\r\n" if the file has it).
Must not import PySide6."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# Legacy encodings met in real blogs, tried in this order when UTF-8 fails.
LEGACY_ENCODINGS = ("cp949", "cp1252", "latin-1")


class BinaryFileError(ValueError):
    """The bytes are not text (NUL bytes or undecodable)."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # Python codec name: "utf-8", "utf-16", "cp949", "latin-1"...
    bom: bool  # the file started with a byte order mark
    legacy: bool  # not UTF-8: open read-only until the user chooses to convert

    @property
    def newline(self) -> str:
        """The file's dominant newline ("\n" when it has none)."""
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        cr = self.text.count("\r") - crlf
        if crlf > lf and crlf >= cr:
            return "\r\n"
        if cr > lf:
            return "\r"
        return "\n"


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a post file's bytes; raises BinaryFileError for binary data."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return DecodedText(data[len(bom):].decode(enc), enc, True, enc != "utf-8")
            except UnicodeDecodeError as exc:
                raise BinaryFileError(f"The file has a {enc} byte order mark but is not valid {enc}") from exc
    if b"\x00" in data[:8192]:
        raise BinaryFileError("The file is binary, not a text post")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", False, False)
    except UnicodeDecodeError:
        pass
    for enc in LEGACY_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise BinaryFileError("The file is binary, not a text post")
        return DecodedText(text, enc, False, True)
    raise BinaryFileError("The file is not text in any known encoding")  # pragma: no cover


def encode_text(text: str, encoding: str = "utf-8", bom: bool = False) -> bytes:
    """Inverse of decode_bytes for the same encoding and BOM flag."""
    prefix = b""
    if bom:
        prefix = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[encoding]
    return prefix + text.encode(encoding)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls / len(sample) > 0.05
