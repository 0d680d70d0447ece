"""Reading kramdown attribute lists (`{: #id .class key="v" ref}`) and ALD definitions into
plain dicts, and applying them to elements. Must not import PySide6."""

from __future__ import annotations

import re

from tileditor.core.render.kramdown.stash import TOC_ATTR

# kramdown's ALD_ANY_CHARS: `\}` is a brace inside the list, not its end.
_ANY = r"(?:\\\}|[^}\n])*"
IAL_ONE = r"\{:(?!:)(?![\w-]+:)(" + _ANY + r")\}"
# A block IAL never opens with `/` (kramdown's IAL_BLOCK): a stray `{:/comment}` line is text.
_BLOCK_IAL_ONE = r"\{:(?![:/])(?![\w-]+:)(" + _ANY + r")\}"
BLOCK_IAL_LINE = re.compile(r"^ *((?:" + _BLOCK_IAL_ONE + r"[ \t]*)+)$")
ALD_LINE = re.compile(r"^ {0,3}\{:([\w-]+):(" + _ANY + r")\}[ \t]*$")
_ONE = re.compile(IAL_ONE)
_ATTR = re.compile(r"""([#.])([\w:-]+)|([\w:-]+)=(?:"((?:\\.|[^"])*)"|'((?:\\.|[^'])*)'|(\S+))|([\w-]+)""")


def parse_attributes(text: str) -> tuple[dict[str, str], list[str]]:
    """(attributes, ALD reference names) of one attribute list's inside text."""
    attrs: dict[str, str] = {}
    refs: list[str] = []
    for m in _ATTR.finditer(text):
        mark, name, key, dq, sq, bare, ref = m.groups()
        if mark == "#":
            attrs["id"] = name
        elif mark == ".":
            attrs["class"] = f"{attrs['class']} {name}" if attrs.get("class") else name
        elif key:
            value = dq if dq is not None else sq if sq is not None else bare
            # kramdown: val.gsub!(/\\(\}|#{sep})/, "\\1")
            attrs[key] = re.sub(r"\\([}" + ('"' if dq is not None else "'") + "])", r"\1", value)
        elif ref:
            refs.append(ref)
    return attrs, refs


def parse_chain(text: str) -> tuple[dict[str, str], list[str]]:
    """Merge a chain like `{: .a}{: .b width="3"}` into one (attributes, refs)."""
    attrs: dict[str, str] = {}
    refs: list[str] = []
    for m in _ONE.finditer(text):
        more, more_refs = parse_attributes(m.group(1))
        merge(attrs, more)
        refs += more_refs
    return attrs, refs


def merge(target: dict[str, str], more: dict[str, str]) -> None:
    for key, value in more.items():
        if key == "class" and target.get("class"):
            target["class"] = f"{target['class']} {value}"
        else:
            target[key] = value


def resolve_refs(attrs: dict[str, str], refs: list[str], alds: dict) -> dict[str, str]:
    """Attributes with ALD references expanded. A `toc` reference becomes the TOC pass's
    marker attribute (it takes it off again); other unknown references are dropped, as
    kramdown drops them."""
    out: dict[str, str] = {}
    toc = False
    for ref in refs:
        if ref in alds:
            merge(out, alds[ref])
        elif ref == "toc":
            toc = True
    merge(out, attrs)
    if toc:
        out[TOC_ATTR] = "toc"
    return out


def apply(element, attrs: dict[str, str]) -> None:
    for key, value in attrs.items():
        if key == "class" and element.get("class"):
            element.set("class", f"{element.get('class')} {value}")
        else:
            element.set(key, value)
