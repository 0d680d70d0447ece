"""Plain scalars as Jekyll reads them: Ruby's Psych resolves an unquoted value by its own
rules (YAML 1.1 with quirks), not YAML 1.2's, so `toc: no` is false, `1,000` is 1000, `017`
is 15, `1e3` a string and `1:30` 5400 on the site. A port of Psych 4's ScalarScanner#tokenize
(Ruby 3.1, /usr/lib/ruby/3.1.0/psych/scalar_scanner.rb), checked value for value against Ruby's
Psych in tests/core/frontmatter/test_psych_scalars.py. Must not import PySide6."""

from __future__ import annotations

import math
import re
from datetime import date

from ruamel.yaml.constructor import ConstructorError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

PLAIN_TAG = "tag:tileditor,2026:psych-plain"  # an unquoted, untagged scalar, resolved below
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MERGE_TAG = "tag:yaml.org,2002:merge"

# Ruby's [[:alpha:]] is any letter: [^\W\d_] in Python.
_WORDISH = re.compile(r"[^\d.:-]?(?:[^\W\d_]|[_\s!@#$%^&*(){}<>|/\\~;=])+")
_TIME = re.compile(r"-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?"
                   r"(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?\Z")
_DATE = re.compile(r"\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)\Z")
_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?\Z")
_INTEGER = re.compile(r"(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)"
                      r"|[-+]?0x[0-9a-fA-F_,]+)\Z")
_BASE60_INT = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\Z")
_BASE60_FLOAT = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*\Z")


class SymbolRefused(ValueError):
    """`:name` is a Ruby Symbol to Psych, which Jekyll's safe load refuses (the post fails)."""


def tokenize(text: str, timestamp=None):
    """The value Psych gives the plain scalar `text`; `timestamp(text)` builds a time
    (ruamel's own constructor, so times look as they always did here)."""
    if text == "":
        return None
    if _WORDISH.match(text) or "\n" in text:
        if len(text) > 5:
            return text
        lower = text.lower()
        if lower[:1] not in "ytonf~":
            return text
        if text == "~" or lower == "null":
            return None
        if lower in ("yes", "true", "on"):
            return True
        if lower in ("no", "false", "off"):
            return False
        return text
    if _TIME.match(text):
        try:
            return timestamp(text) if timestamp is not None else text
        except (ValueError, TypeError, ConstructorError):
            return text
    if _DATE.match(text):
        y, m, d = (int(p) for p in text.split("-"))
        try:
            return date(y, m, d)
        except ValueError:
            return text
    lower = text.lower()
    if lower in (".inf", "+.inf"):
        return math.inf
    if lower == "-.inf":
        return -math.inf
    if lower == ".nan":
        return math.nan
    if len(text) > 1 and text[0] == ":":
        raise SymbolRefused(text)
    if _BASE60_INT.match(text):
        return _base60(text, _ruby_to_i)
    if _BASE60_FLOAT.match(text):
        return _base60(text, _ruby_to_f)
    if _FLOAT.match(text):
        if re.fullmatch(r"[-+]?\.", text):
            return text
        try:
            return float(re.sub(r"[,_]|\.(?=[Ee]|$)", "", text))
        except ValueError:
            return text
    if _INTEGER.match(text):
        return _ruby_integer(text.replace(",", "").replace("_", ""))
    return text


def _base60(text: str, number) -> int | float:
    # Psych weighs part e by 60 ** |e - 2| (so `1:30` is 5400 on the site, not 90).
    parts = text.split(":")
    return sum(number(p) * 60 ** abs(e - 2) for e, p in enumerate(parts))


def _ruby_to_i(part: str) -> int:
    m = re.match(r"[-+]?\d[\d_]*", part)
    return int(m.group(0).replace("_", "")) if m else 0


def _ruby_to_f(part: str) -> float:
    m = re.match(r"[-+]?\d[\d_]*(?:\.\d[\d_]*)?", part)
    return float(m.group(0).replace("_", "")) if m else 0.0


def _ruby_integer(text: str) -> int:
    """Kernel#Integer on a string: 0b, 0x and a leading 0 (octal) prefixes, a sign."""
    sign, body = (-1, text[1:]) if text[:1] == "-" else (1, text.lstrip("+"))
    if body[:2].lower() == "0b":
        return sign * int(body[2:], 2)
    if body[:2].lower() == "0x":
        return sign * int(body[2:], 16)
    if len(body) > 1 and body[0] == "0":
        return sign * int(body[1:], 8)
    return sign * int(body)


class PsychResolver(VersionedResolver):
    """Every unquoted, untagged scalar gets PLAIN_TAG (tokenize() decides its type); `<<`
    stays the merge key and everything else resolves as before."""

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode and implicit[0] and value != "<<":
            return Tag(suffix=PLAIN_TAG)
        return super().resolve(kind, value, implicit)


def construct_plain(constructor, node):
    """The ruamel constructor for PLAIN_TAG."""
    text = constructor.construct_scalar(node)

    def timestamp(value: str):
        return constructor.construct_yaml_timestamp(
            ScalarNode(TIMESTAMP_TAG, value, node.start_mark, node.end_mark))

    try:
        return tokenize(text, timestamp)
    except SymbolRefused:
        raise ConstructorError(
            None, None, f"{text!r} is a Ruby symbol to Jekyll, which refuses to load it: "
            "put it in quotes", node.start_mark) from None
