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
# kramdown's ALD_TYPE_ANY: whitespace-separated items, each a key="value" pair, a
# reference name or a run of #id and .class; anything else (`as_is#this`, `k=v`) is ignored.
_KEY_VALUE = r"""(\w[\w-]*)=("|')((?:\\\}|\\\2|[^}\x02])*?)\2"""
_ITEM = re.compile(r"(?:\A|\s)(?:" + _KEY_VALUE + r"|(\w[\w-]*)|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))"
                   r"(?=\s|\Z)")
_ID_OR_CLASS = re.compile(r"#([A-Za-z][\w:-]*)|\.([^\s.#]+)")
REFS = " refs"  # where an ALD keeps the references it holds (no attribute has a space)
DT_IDS = " dt ids"  # a definition list's `auto_ids[-prefix]` reference: the ids' prefix
_AUTO_IDS = re.compile(r"auto_ids(?:-([\w-]+))?")


def parse_attributes(text: str) -> tuple[dict[str, str], list[str]]:
    """(attributes, ALD reference names) of one attribute list's inside text, as
    kramdown's parse_attribute_list reads it."""
    attrs: dict[str, str] = {}
    refs: list[str] = []
    for m in _ITEM.finditer(text):
        key, quote, value, ref, ids = m.groups()
        if ref:
            refs.append(ref)
        elif ids:
            for id_name, cls in _ID_OR_CLASS.findall(ids):
                if cls:
                    attrs["class"] = f"{attrs['class']} {cls}" if attrs.get("class") else cls
                else:
                    attrs["id"] = id_name
        else:
            # kramdown: val.gsub!(/\\(\}|#{sep})/, "\\1")
            attrs[key] = re.sub(r"\\([}" + quote + "])", r"\1", value)
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
        if key in ("class", REFS) and target.get(key):  # both pile up, as in kramdown
            target["class"] = f"{target['class']} {value}"
        else:
            target[key] = value


def resolve_refs(attrs: dict[str, str], refs: list[str], alds: dict,
                 seen: tuple[str, ...] = ()) -> dict[str, str]:
    """Attributes with ALD references expanded, an ALD's own references first, as
    kramdown's update_attr_with_ial does. A `toc` reference becomes the TOC pass's marker
    attribute (it takes it off again); other unknown references are dropped, as kramdown
    drops them."""
    out: dict[str, str] = {}
    toc = footnotes = False
    for ref in refs:
        if ref in alds and ref not in seen:
            ald = alds[ref]
            own = {k: v for k, v in ald.items() if k != REFS}
            merge(out, resolve_refs(own, ald.get(REFS, "").split(), alds, (*seen, ref)))
        elif ref == "toc":
            toc = True
        elif ref == "footnotes":  # kramdown's footnote placement (the TOC wins)
            footnotes = True
        elif (auto := _AUTO_IDS.match(ref)) is not None and DT_IDS not in out:
            out[DT_IDS] = auto.group(1) or ""
    merge(out, attrs)
    if toc or footnotes:
        out[TOC_ATTR] = "toc" if toc else "footnotes"
    return out


def apply(element, attrs: dict[str, str]) -> None:
    for key, value in attrs.items():
        if key == DT_IDS:
            _dt_ids(element, value)
        elif key == "class" and element.get("class"):
            element.set("class", f"{element.get('class')} {value}")
        else:
            element.set(key, value)


def _dt_ids(dl, prefix: str) -> None:
    """kramdown's convert_dt under `{:auto_ids}`: each term without an id gets the prefix and
    basic_generate_id of its source text (no counter for repeats)."""
    if dl.tag != "dl":
        return
    for dt in dl.findall("dt"):
        if dt.get("id") is None:
            text = re.sub(r"^[^a-zA-Z]+", "", dt.text or "")
            text = re.sub(r"[^a-zA-Z0-9 -]", "", text).replace(" ", "-").lower()
            dt.set("id", f"{prefix}{text}".lstrip())
