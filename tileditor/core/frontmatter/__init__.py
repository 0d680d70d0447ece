"""Front matter: where the header starts and ends (header), its keys and line ranges (scan),
the user's writing habits (style), YAML text for Python values (emit), the line-preserving
mapping that edits it (mapping) and the Raw box's view (raw). Code outside this package
imports from here. Must not import Qt."""

from tileditor.core.frontmatter import emit, scan  # modules used by name
from tileditor.core.frontmatter.chunks import MIN_CHARS, load_header_values
from tileditor.core.frontmatter.emit import Style
from tileditor.core.frontmatter.header import (
    HeaderError,
    HeaderSpan,
    as_datetime,
    as_list,
    load_yaml_mapping,
    psych_yaml,
    read_header_values,
    split_front_matter,
)
from tileditor.core.frontmatter.mapping import FrontMatter, FrontMatterEditError
from tileditor.core.frontmatter.raw import RawRefusal, opens_header, raw_view, replace_header_lines
from tileditor.core.frontmatter.scan import MappingKey, cached_scan, load_value, split_lines
from tileditor.core.frontmatter.title import header_title

__all__ = ["MIN_CHARS", "cached_scan", "header_title", "load_header_values", "split_lines", "FrontMatter", "FrontMatterEditError", "HeaderError", "HeaderSpan", "MappingKey", "RawRefusal", "Style", "as_datetime", "as_list", "emit", "load_value", "load_yaml_mapping", "opens_header", "psych_yaml", "raw_view", "read_header_values", "replace_header_lines", "scan", "split_front_matter"]
