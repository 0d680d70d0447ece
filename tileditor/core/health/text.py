"""Text findings: mojibake (UTF-8 that was once decoded as cp1252 or Latin-1, e.g. `â€™`,
`Ã©`, `ì•ˆ`), and Liquid-looking text (`{{`, `{%`) inside code that is not wrapped in
`{% raw %}`, which Jekyll evaluates before Markdown (it vanishes or stops the build).
Must not import PySide6."""

from __future__ import annotations

import re

from tileditor.core.images import code_regions

from .model import Finding, ScannedFile


def _continuation_chars() -> str:
    chars = set()
    for b in range(0x80, 0xC0):
        try:
            chars.add(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            pass
        chars.add(bytes([b]).decode("latin-1"))  # C1 controls where cp1252 has holes
    return "".join(sorted(chars))


_CONT = "[" + re.escape(_continuation_chars()) + "]"
_MOJIBAKE = re.compile(
    f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}")


def _as_bytes(s: str) -> bytes | None:
    out = bytearray()
    for ch in s:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            try:
                out += ch.encode("latin-1")
            except UnicodeEncodeError:
                return None
    return bytes(out)


def _repaired(fragment: str) -> str | None:
    data = _as_bytes(fragment)
    if data is None:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def mojibake_findings(f: ScannedFile) -> list[Finding]:
    out: list[Finding] = []
    last_line = 0
    for m in _MOJIBAKE.finditer(f.text):
        fixed = _repaired(m.group(0))
        if fixed is None or fixed.isascii():
            continue
        line = f.line_at(m.start())
        if line == last_line:
            continue  # one finding per line is enough to send the user there
        last_line = line
        out.append(Finding(f.path, line, "mojibake",
                           f"{m.group(0)!r} looks like {fixed!r} decoded with the wrong "
                           "encoding (UTF-8 read as cp1252/Latin-1)"))
    return out


_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)(?:\{%-?\s*endraw\s*-?%\}|\Z)", re.S)
_RAW_OPEN = re.compile(r"\{%-?\s*raw\s*-?%\}")
_LIQUID = re.compile(r"\{\{|\{%")
_HIGHLIGHT_TAG = re.compile(r"\{%-?\s*(?:end)?highlight\b[^%]*%\}")


def liquid_findings(f: ScannedFile) -> list[Finding]:
    if f.values.get("render_with_liquid") is False:
        return []
    if "{{" not in f.text and "{%" not in f.text:
        return []
    body, base = f.body, f.body_start
    raw = [m.span() for m in _RAW.finditer(body)]
    out: list[Finding] = []
    for m in _RAW.finditer(body):
        if not re.search(r"\{%-?\s*endraw", body[m.start():m.end()]):
            out.append(Finding(f.path, f.line_at(base + m.start()), "liquid_in_code",
                               "{% raw %} is never closed with {% endraw %}: Jekyll stops "
                               "the build"))
    for start, end in code_regions(body):
        chunk = _HIGHLIGHT_TAG.sub(lambda t: " " * len(t.group(0)), body[start:end])
        for hit in _LIQUID.finditer(chunk):
            pos = start + hit.start()
            if any(a <= pos < b for a, b in raw):
                continue
            snippet = chunk[hit.start():hit.start() + 40].split("\n", 1)[0]
            out.append(Finding(f.path, f.line_at(base + pos), "liquid_in_code",
                               f"{snippet!r} in code is Liquid to Jekyll (it is evaluated, "
                               "not shown): wrap the code in {% raw %}...{% endraw %}"))
            break  # one finding per code block
    return out
