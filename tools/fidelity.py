"""Fidelity tool: builds a site's posts with the real Jekyll (kramdown) and with tileditor's
renderer, compares what a reader would see, and reports the share that match and why the rest
differ. Usage: uv run python tools/fidelity.py SITE_DIR [--posts GLOB] [--json OUT] [--show N]"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

TOOLS = Path(__file__).resolve().parent
sys.path[:0] = [str(TOOLS), str(TOOLS.parent)]

import fidelity_compare as fc  # noqa: E402
import fidelity_jekyll as fj  # noqa: E402

# tileditor.core.liquid.engine renders an include as <div|span class="liquid-include">include x</...>.
PLACEHOLDER_CLASSES = {"liquid-include"}


@dataclass
class PostReport:
    post: str
    url: str
    matched: bool
    size: int = 0
    causes: list[str] = field(default_factory=list)
    differences: list[dict] = field(default_factory=list)


# ------------------------------------------------------------------ image resolution


def _site_paths(config: dict) -> tuple[str, str, list[str]]:
    """(origin, baseurl, path prefixes a site URL may carry before the repo path)."""
    url = str(config.get("url") or "").rstrip("/")
    baseurl = str(config.get("baseurl") or "").rstrip("/")
    url_path = urlsplit(url).path.rstrip("/")
    prefixes = [p for p in dict.fromkeys([baseurl, url_path, url_path + baseurl]) if p]
    return (url or "http://site.invalid"), baseurl, sorted(prefixes, key=len, reverse=True) + [""]


def _repo_path(root: Path, path: str, prefixes: list[str]) -> str:
    first = None
    for prefix in prefixes:
        if prefix and not path.startswith(prefix + "/"):
            continue
        rel = path[len(prefix) :].lstrip("/")
        first = first if first is not None else rel
        if rel and (root / rel).is_file():
            return "repo:" + rel
    return "missing:" + (first if first is not None else path.lstrip("/"))


def jekyll_resolver(root: Path, config: dict, page_url: str):
    """Resolve an img src of Jekyll's output the way a browser on the published page would."""
    origin, baseurl, prefixes = _site_paths(config)
    page = origin + baseurl + page_url
    host = urlsplit(origin).netloc

    def resolve(src: str) -> str:
        if src.startswith("data:") or not src:
            return src
        absolute = urlsplit(urljoin(page, src.strip()))
        if absolute.netloc != host or absolute.scheme not in ("http", "https"):
            return src
        return _repo_path(root, unquote(absolute.path), prefixes)

    return resolve


def ours_resolver(root: Path, config: dict, page_url: str):
    """Our preview shows local files through file:// URLs; anything else it leaves to the web."""
    via_web = jekyll_resolver(root, config, page_url)

    def resolve(src: str) -> str:
        if src.startswith("file:"):
            path = Path(unquote(urlsplit(src).path))
            try:
                rel = path.resolve().relative_to(root.resolve()).as_posix()
            except ValueError:
                return "outside-repo:" + str(path)
            return ("repo:" if path.is_file() else "missing:") + rel
        found = via_web(src)
        # A web URL to a file the repo holds is an image the offline preview does not show.
        return "unresolved:" + src if found.startswith("repo:") else found

    return resolve


def is_include_placeholder(el: fc.Element) -> bool:
    """Our visible stand-in for an {% include %}: equal to the empty stub include of the build."""
    if any(k in el.attrs for k in ("data-include", "data-liquid-include", "data-liquid")):
        return True
    return any(c in PLACEHOLDER_CLASSES for c in el.classes())


# ------------------------------------------------------------------ rendering with tileditor


def load_renderer(module_name: str):
    module = importlib.import_module(module_name)
    return module.render


def load_site(root: Path):
    try:
        from tileditor.core.site import JekyllSite
    except ImportError:
        return None
    return JekyllSite(root)


def render_ours(render, site, post: Path) -> str:
    from tileditor.core.textcodec import decode_bytes

    text = decode_bytes(post.read_bytes()).text
    result = render(text, site, post)
    return result if isinstance(result, str) else result.html


def compare_post(built: fj.BuiltPost, root: Path, config: dict, render, site) -> PostReport:
    report = PostReport(built.rel, built.url, False)
    try:
        ours = render_ours(render, site, built.source)
    except Exception as exc:  # a crash is a finding, not a reason to stop the run
        report.causes = ["render error"]
        report.differences = [{"cause": "render error", "expected": "", "ours": repr(exc)}]
        report.size = 10**6
        return report
    exp_opts = fc.Options(resolve_src=jekyll_resolver(root, config, built.url))
    our_opts = fc.Options(
        resolve_src=ours_resolver(root, config, built.url), is_placeholder=is_include_placeholder
    )
    result = fc.compare_html(built.html, ours, exp_opts, our_opts)
    report.matched, report.size, report.causes = result.matched, result.size, result.causes
    report.differences = [asdict(d) for d in result.differences]
    return report


# ------------------------------------------------------------------ report


def summarise(reports: list[PostReport], build: fj.Build, show: int) -> str:
    total = len(reports)
    matched = sum(r.matched for r in reports)
    share = 100.0 * matched / total if total else 0.0
    lines = [f"Matched: {matched}/{total} posts ({share:.1f}%)"]
    if build.unbuilt:
        lines.append(f"Not published by Jekyll (left out): {', '.join(build.unbuilt)}")
    if build.stub_includes:
        lines.append(
            "Includes are empty stubs in the reference build ("
            + ", ".join(build.stub_includes)
            + "); our include placeholder is counted as equal to an empty include."
        )
    lines += _cause_table(reports)
    worst = sorted((r for r in reports if not r.matched), key=lambda r: -r.size)
    worst = worst if show < 0 else worst[:show]
    if worst:
        lines.append(f"Worst {len(worst)} posts:")
    for r in worst:
        lines.append(f"  {r.post}  (differing tokens {r.size}; {', '.join(r.causes)})")
        first = r.differences[0]
        lines.append(f"    [{first['cause']}] expected: {first['expected']!r}")
        lines.append(f"    {' ' * (len(first['cause']) + 2)} ours:     {first['ours']!r}")
    return "\n".join(lines)


def _cause_table(reports: list[PostReport]) -> list[str]:
    posts = Counter(c for r in reports for c in r.causes)
    first = Counter(r.causes[0] for r in reports if r.causes)
    if not posts:
        return []
    lines = ["Causes (posts having it / posts where it is the first difference / example):"]
    for cause, count in posts.most_common():
        example = next(r.post for r in reports if cause in r.causes)
        lines.append(f"  {cause:<32} {count:>4} {first[cause]:>4}  {example}")
    lines.append("One example per cause (Jekyll's tokens, then ours):")
    for cause, _ in posts.most_common():
        post, diff = next(
            (r.post, d) for r in reports for d in r.differences if d["cause"] == cause
        )
        lines.append(f"  [{cause}] {post}")
        lines.append(f"    jekyll: {_short(diff['expected'])}")
        lines.append(f"    ours:   {_short(diff['ours'])}")
    return lines


def _short(text: str, limit: int = 220) -> str:
    text = repr(text)[1:-1]
    return text if len(text) <= limit else text[: limit - 3] + "..."


def url_mismatches(site, build: fj.Build) -> list[tuple[str, str, str]]:
    """(post, Jekyll's URL, JekyllSite.url_for's) where tileditor's site model disagrees."""
    if site is None or not hasattr(site, "url_for"):
        return []
    from tileditor.core.frontmatter import read_header_values

    baseurl = str(build.config.get("baseurl") or "").rstrip("/")
    out = []
    for post in build.posts:
        try:
            fm = read_header_values(post.source.read_text(encoding="utf-8"))
            ours = site.url_for(post.source, fm)
        except Exception as exc:  # a finding to report, not a reason to stop
            ours = f"error: {exc!r}"
        if unquote(ours) != unquote(baseurl + post.url):
            out.append((post.rel, baseurl + post.url, ours))
    return out


def run(site_dir: Path, pattern: str | None, render_module: str, show: int):
    build = fj.build(site_dir, pattern)
    render = load_renderer(render_module)
    site = load_site(site_dir)
    reports = [compare_post(b, site_dir.resolve(), build.config, render, site) for b in build.posts]
    return build, reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="Jekyll site root (holds _config.yml)")
    parser.add_argument("--posts", help="glob on post paths, e.g. '*2013-*'")
    parser.add_argument("--json", type=Path, help="write per-post details here")
    parser.add_argument(
        "--show",
        type=int,
        default=10,
        help="how many worst posts to print (-1: every unmatched post)",
    )
    parser.add_argument(
        "--render-module",
        default="tileditor.core.render",
        help="module whose render(text, site, post_path) is compared (default: tileditor's)",
    )
    args = parser.parse_args(argv)
    build, reports = run(args.site, args.posts, args.render_module, args.show)
    print(f"Fidelity of {args.render_module} against jekyll on {args.site}")
    print(summarise(reports, build, args.show))
    urls = url_mismatches(load_site(args.site), build)
    print(f"JekyllSite.url_for disagrees with Jekyll for {len(urls)} posts")
    for post, jekyll_url, ours in urls[: max(args.show, 0)]:
        print(f"  {post}: jekyll {jekyll_url}  ours {ours}")
    if args.json:
        args.json.write_text(
            json.dumps([asdict(r) for r in reports], indent=1, ensure_ascii=False), "utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
