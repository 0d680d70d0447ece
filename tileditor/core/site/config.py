"""Reading a Jekyll `_config.yml`: url, baseurl, permalink style, exclude and front-matter
defaults, the way Jekyll interprets them. Pure data, no file listing. Must not import PySide6."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from urllib.parse import urlsplit

from ruamel.yaml.error import YAMLError

from tileditor.core.frontmatter import psych_yaml

CONFIG_NAMES = ("_config.yml", "_config.yaml")

# Jekyll::Configuration::STYLE_TO_PERMALINK (jekyll 4.3)
PERMALINK_STYLES = {
    "none": "/:categories/:title:output_ext",
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}

# Folders Jekyll never reads as site content, whatever the config says.
ALWAYS_EXCLUDED = ("_site", "vendor", "node_modules", ".git", ".jekyll-cache", ".sass-cache")

_yaml = psych_yaml()  # Jekyll reads _config.yml with Psych too (`future: yes` is true)
_yaml.allow_duplicate_keys = True


def config_path(root: Path) -> Path | None:
    for name in CONFIG_NAMES:
        p = root / name
        if p.is_file():
            return p
    return None


def load_config(root: Path) -> tuple[dict, str | None]:
    """(config dict, error message or None); a broken or missing config reads as {}."""
    path = config_path(root)
    if path is None:
        return {}, None
    try:
        data = _yaml.load(path.read_text(encoding="utf-8-sig", errors="replace"))
    except (YAMLError, ValueError) as exc:
        return {}, f"{path.name} is not valid YAML: {exc}"
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, f"{path.name} is not a YAML mapping"
    return data, None


def clean_url(value) -> str:
    return str(value or "").strip().rstrip("/")


def clean_baseurl(value) -> str:
    text = str(value or "").strip().strip("/")
    return "/" + text if text else ""


def url_path_prefix(url: str) -> str:
    try:
        return urlsplit(url).path.rstrip("/")
    except ValueError:
        return ""


def expand_permalink(value) -> str:
    """Jekyll's named styles expanded; a custom template kept as written. Default 'date'."""
    text = str(value).strip() if value not in (None, "") else "date"
    style = text.lstrip(":")
    if style in PERMALINK_STYLES:
        return PERMALINK_STYLES[style]
    return text


def exclude_patterns(config: dict) -> list[str]:
    raw = config.get("exclude") or []
    if isinstance(raw, str):
        raw = [raw]
    pats = [str(p).strip().lstrip("/").rstrip("/") for p in raw if p is not None]
    include = config.get("include") or []
    include = {str(p).strip().lstrip("/").rstrip("/") for p in include if p is not None}
    return [p for p in pats if p and p not in include] + list(ALWAYS_EXCLUDED)


def is_excluded(rel: str, patterns: list[str]) -> bool:
    """Jekyll's EntryFilter#glob_include?: a pattern matches by fnmatch or as a path prefix."""
    return any(rel.startswith(p) or fnmatch.fnmatchcase(rel, p) for p in patterns)


# --- front-matter defaults -------------------------------------------------------------


def _scope_path(scope: dict) -> str:
    return str(scope.get("path") or "").strip().strip("/")


def _applies(scope: dict, rel: str, doc_type: str) -> bool:
    stype = scope.get("type")
    if stype is not None and str(stype) != doc_type:
        return False
    spath = _scope_path(scope)
    if not spath:
        return True
    if "*" in spath:
        return fnmatch.fnmatchcase(rel, spath) or fnmatch.fnmatchcase(rel, spath + "/*")
    return rel == spath or rel.startswith(spath + "/")


def _precedes(old: dict | None, new: dict) -> bool:
    # FrontmatterDefaults#has_precedence?: longer path wins, then a scope with a type.
    if old is None:
        return True
    new_len, old_len = len(_scope_path(new)), len(_scope_path(old))
    if new_len != old_len:
        return new_len >= old_len
    if "type" in new:
        return True
    return "type" not in old


def deep_merge(base: dict, other: dict) -> dict:
    out = dict(base)
    for key, value in other.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def defaults_for(defaults: list, rel: str, doc_type: str = "posts") -> dict:
    """Values a document at `rel` (posix path from the site root) inherits from `defaults`."""
    merged: dict = {}
    old_scope = None
    for entry in defaults or []:
        if not isinstance(entry, dict):
            continue
        scope = entry.get("scope") or {}
        values = entry.get("values") or {}
        if not isinstance(scope, dict) or not isinstance(values, dict):
            continue
        if not _applies(scope, rel, doc_type):
            continue
        if _precedes(old_scope, scope):
            merged = deep_merge(merged, values)
            old_scope = scope
        else:
            merged = deep_merge(values, merged)
    return merged
