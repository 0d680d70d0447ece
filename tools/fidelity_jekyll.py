"""Fidelity tool, Jekyll half: builds a minimal copy of a site (its posts, its kramdown settings,
a layout that prints only the content, empty stub includes) with the real `jekyll` and maps each
post to its built HTML. Never writes into the source site. Imports nothing from tileditor or Qt."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from ruamel.yaml import YAML

# Keys Debian's jekyll cannot honour without the theme's gems, or that would hide posts.
DROP_KEYS = {
    "theme", "remote_theme", "plugins", "gems", "whitelist", "include", "exclude", "keep_files",
    "collections", "sass", "source", "destination", "layouts_dir", "includes_dir", "data_dir",
    "plugins_dir", "safe", "incremental", "paginate", "paginate_path", "jekyll-archives",
    "show_drafts", "unpublished", "limit_posts", "future", "defaults", "compress_html", "lsi",
    "markdown_ext",
}  # fmt: skip
INCLUDE_RE = re.compile(r"\{%-?\s*include(?:_cached)?\s+([^\s%}]+)")
LAYOUT_RE = re.compile(r"^layout\s*:\s*['\"]?([^'\"\s#]+)", re.M)
MAP_PAGE = """---
layout: null
---
{ {% for p in site.posts %}{{ p.path | jsonify }}: {{ p.url | jsonify }}{% unless forloop.last %},
{% endunless %}{% endfor %} }
"""
# GitHub Pages' include_cached (jekyll-include-cache) renders exactly like include; the edit link
# tag (jekyll-github-metadata's github_edit_link) is stubbed with the URL the plugin would print.
PLUGIN_STUBS = """
module FidelityStubs
  class IncludeCached < Jekyll::Tags::IncludeTag; end

  class EditLink < Liquid::Tag
    def initialize(name, markup, tokens)
      super
      @text = markup.strip.delete_prefix('"').delete_suffix('"')
    end

    def render(context)
      site = context.registers[:site].config
      page = context.registers[:page]
      url = "https://github.com/#{site['repository']}/edit/#{site['branch'] || 'main'}/#{page['path']}"
      @text.empty? ? url : "<a href=\\"#{url}\\">#{@text}</a>"
    end
  end
end
Liquid::Template.register_tag("include_cached", FidelityStubs::IncludeCached)
Liquid::Template.register_tag("github_edit_link", FidelityStubs::EditLink)
"""


@dataclass
class BuiltPost:
    source: Path  # the post in the original site
    rel: str  # its path relative to the site root (what Jekyll calls page.path)
    url: str  # Jekyll's page.url (without baseurl)
    html: str  # the built body fragment


@dataclass
class Build:
    posts: list[BuiltPost]
    unbuilt: list[str]  # posts Jekyll did not publish (published: false, ...)
    stub_includes: list[str]
    config: dict
    log: str


def load_config(site: Path) -> dict:
    path = site / "_config.yml"
    if not path.is_file():
        return {}
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def minimal_config(config: dict) -> dict:
    out = {k: v for k, v in config.items() if k not in DROP_KEYS}
    out["future"] = True  # a post dated after the build must still be compared
    out["defaults"] = [{"scope": {"path": ""}, "values": {"layout": "default"}}]
    for entry in config.get("defaults") or []:
        values = {k: v for k, v in (entry.get("values") or {}).items() if k != "layout"}
        if values and isinstance(entry.get("scope"), dict):
            out["defaults"].append({"scope": entry["scope"], "values": values})
    return out


def post_files(site: Path, pattern: str | None = None) -> list[Path]:
    posts = site / "_posts"
    if not posts.is_dir():
        return []
    found = sorted(p for p in posts.rglob("*") if p.suffix in (".md", ".markdown") and p.is_file())
    if pattern:
        found = [p for p in found if p.match(pattern) or p.relative_to(site).match(pattern)]
    return found


def _names_used(posts: list[Path]) -> tuple[set[str], set[str]]:
    includes, layouts = set(), {"default"}
    for post in posts:
        text = post.read_text(encoding="utf-8", errors="replace")
        includes |= {n for n in INCLUDE_RE.findall(text) if "{{" not in n}
        head = text.split("\n---", 1)[0] if text.startswith("---") else ""
        layouts |= set(LAYOUT_RE.findall(head))
    return includes, layouts


def prepare_site(site: Path, dest: Path, posts: list[Path], config: dict) -> list[str]:
    """Write the minimal site into `dest`; returns the stub include names."""
    for post in posts:
        target = dest / post.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(post, target)
    yaml = YAML()
    yaml.default_flow_style = False
    with (dest / "_config.yml").open("w", encoding="utf-8") as fh:
        yaml.dump(minimal_config(config), fh)
    includes, layouts = _names_used(posts)
    (dest / "_layouts").mkdir()
    for name in layouts:
        (dest / "_layouts" / f"{name}.html").write_text("{{ content }}", encoding="utf-8")
    (dest / "_includes").mkdir()
    for name in includes:
        stub = dest / "_includes" / name
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text("", encoding="utf-8")
    (dest / "_plugins").mkdir()
    (dest / "_plugins" / "fidelity_stubs.rb").write_text(PLUGIN_STUBS, encoding="utf-8")
    (dest / "fidelity-map.json").write_text(MAP_PAGE, encoding="utf-8")
    return sorted(includes)


def output_file(built: Path, url: str) -> Path:
    rel = unquote(url).lstrip("/")
    path = built / rel
    if url.endswith("/") or not rel:
        return path / "index.html"
    if path.is_file():
        return path
    return built / (rel + ".html")


def build(site: Path, pattern: str | None = None, jekyll: str = "jekyll") -> Build:
    site = site.resolve()
    every = post_files(site)  # all built, so {% post_url %} finds its target
    posts = post_files(site, pattern)
    config = load_config(site)
    with tempfile.TemporaryDirectory(prefix="fidelity-") as tmp:
        src, out = Path(tmp) / "site", Path(tmp) / "_site"
        src.mkdir()
        stubs = prepare_site(site, src, every, config)
        # Not --safe: the stub plugin above must load (GitHub Pages whitelists the real one).
        proc = subprocess.run(
            [jekyll, "build", "--quiet", "-s", str(src), "-d", str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"jekyll build failed:\n{proc.stdout}\n{proc.stderr}")
        urls = json.loads((out / "fidelity-map.json").read_text(encoding="utf-8"))
        built, unbuilt = [], []
        for post in posts:
            rel = post.relative_to(site).as_posix()
            if rel not in urls:
                unbuilt.append(rel)
                continue
            html = output_file(out, urls[rel]).read_text(encoding="utf-8")
            built.append(BuiltPost(post, rel, urls[rel], html))
    return Build(built, unbuilt, stubs, config, proc.stdout + proc.stderr)
