"""The Liquid pass Jekyll runs on a post body before Markdown: variables, filters, raw,
comment, include placeholders, post_url, highlight, assign/capture/if/unless/for, case/when,
cycle, tablerow, increment/decrement.
Pure text in, text and warnings out. Must not import PySide6 or the Markdown renderer."""

from __future__ import annotations

import html
import re
from collections import ChainMap
from collections.abc import Callable
from dataclasses import dataclass, field

from tileditor.core.liquid.filters import FILTERS, lookup, to_text

# Where a `{%` or `{{` may open a token. The token then runs to the first `%}` / `}}` after
# its opener: found with str.find, not a lazy regex (which rescans to the end of the text for
# every opener without a closer: quadratic on a run of `{{`).
_OPENER = re.compile(r"\{(?=[{%])")
_RAW_END = re.compile(r"\{%-?\s*endraw\s*-?%\}", re.S)
_BLOCKS = {"if", "unless", "for", "capture", "comment", "highlight", "case", "tablerow"}
_MIDDLES = {"if": {"elsif", "else"}, "unless": {"elsif", "else"}, "for": {"else"},
            "case": {"when", "else"}, "tablerow": set()}


@dataclass
class LiquidContext:
    """What a post's Liquid sees. `variables` holds `site` and `page` mappings.

    `post_url(name) -> url or None` resolves `{% post_url %}`; `protect(html, block) -> text`
    lets the caller shield generated HTML from Markdown; `highlight(code, lang, linenos) ->
    html` renders `{% highlight %}` (a plain escaped figure when None); `markdownify(text) ->
    html` is Jekyll's `markdownify` filter (the text passes through when None)."""

    variables: dict = field(default_factory=dict)
    post_url: Callable[[str], str | None] | None = None
    protect: Callable[[str, bool], str] | None = None
    highlight: Callable[[str, str, bool], str] | None = None
    markdownify: Callable[[str], str] | None = None


@dataclass
class _Node:
    kind: str  # "text", "var" or "tag"
    value: str  # text, expression, or tag markup after the name
    name: str = ""
    alone: bool = False  # the tag stands alone on its line
    branches: list = field(default_factory=list)  # [(tag name, markup, [nodes])]


def render_liquid(text: str, context: LiquidContext | dict | None = None
                  ) -> tuple[str, list[str]]:
    """Run the Liquid pass on `text`; returns (output text, warnings).

    `context` may also be a plain dict of variables ({"site": ..., "page": ...})."""
    if isinstance(context, dict):
        context = LiquidContext(variables=context)
    ctx = context or LiquidContext()
    warnings: list[str] = []
    tokens = _tokenize(text, warnings)
    if any(t.kind == "text" and t.name != "raw" and ("{{" in t.value or "{%" in t.value)
           for t in tokens):
        warnings.append("Liquid: an unclosed '{{' or '{%' stays as text (Jekyll will fail)")
    nodes = _parse(tokens, warnings)
    # increment/decrement counters live beside the assigns, which shadow them (Liquid 5).
    scope = ChainMap(dict(ctx.variables), {})
    out: list[str] = []
    _Evaluator(ctx, scope, warnings).run(nodes, out)
    return "".join(out), warnings


def _tokenize(text: str, warnings: list[str]) -> list[_Node]:
    tokens: list[_Node] = []
    pos = 0
    strip_next = False
    lasts = {"%": text.rfind("%}"), "{": text.rfind("}}")}
    while True:
        m = _next_token(text, pos, lasts)
        chunk = text[pos:m.start()] if m else text[pos:]
        if strip_next:
            chunk = chunk.lstrip()
        tok = m.group(0) if m else ""
        if tok[2:3] == "-":
            chunk = chunk.rstrip()
        if chunk:
            tokens.append(_Node("text", chunk))
        if not m:
            return tokens
        strip_next = tok[-3:-2] == "-"
        inner = tok[2:-2].strip("-").strip()
        if tok.startswith("{{"):
            tokens.append(_Node("var", inner))
            pos = m.end()
            continue
        name, _, markup = inner.partition(" ")
        name = name.strip()
        if name == "raw":
            end = _RAW_END.search(text, m.end())
            stop = end.start() if end else len(text)
            if end is None:
                warnings.append("Liquid: {% raw %} without {% endraw %}")
            tokens.append(_Node("text", text[m.end():stop], name="raw"))
            pos = end.end() if end else len(text)
            strip_next = bool(end) and end.group(0)[-3:-2] == "-"
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        alone = not text[line_start:m.start()].strip() and not text[
            m.end():line_end if line_end >= 0 else len(text)].strip()
        tokens.append(_Node("tag", markup.strip(), name=name, alone=alone))
        pos = m.end()


class _Token:
    """The span of one `{% ... %}` or `{{ ... }}` token (the re.Match methods used above)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _index: int = 0) -> str:
        return self._text[self._start:self._end]


def _next_token(text: str, pos: int, lasts: dict[str, int]) -> _Token | None:
    """The leftmost token at or after `pos`, as `\\{%-?.*?-?%\\}|\\{\\{-?.*?-?\\}\\}` (DOTALL) finds
    it: an opener at p has a token iff its closer occurs at or after p + 2 (`lasts` holds
    each closer's last position), so openers without one are skipped in O(1)."""
    for m in _OPENER.finditer(text, pos):
        at = m.start()
        kind = text[at + 1]
        if at + 2 <= lasts[kind]:
            end = text.find("%}" if kind == "%" else "}}", at + 2)
            return _Token(text, at, end + 2)
    return None


def _parse(tokens: list[_Node], warnings: list[str]) -> list[_Node]:
    root: list[_Node] = []
    stack: list[tuple[_Node, list[_Node]]] = []
    for tok in tokens:
        current = stack[-1][1] if stack else root
        if tok.kind != "tag":
            current.append(tok)
            continue
        name = tok.name
        if name in _BLOCKS:
            if name == "comment" or (stack and stack[-1][0].name == "comment"):
                # Everything inside a comment is dropped, including nested tags.
                if stack and stack[-1][0].name == "comment":
                    continue
            body: list[_Node] = []
            tok.branches = [(name, tok.value, body)]
            current.append(tok)
            stack.append((tok, body))
        elif stack and name == "end" + stack[-1][0].name:
            stack.pop()
        elif stack and stack[-1][0].name == "comment":
            continue
        elif stack and name in _MIDDLES.get(stack[-1][0].name, ()):
            body = []
            stack[-1][0].branches.append((name, tok.value, body))
            stack[-1] = (stack[-1][0], body)
        elif name.startswith("end"):
            warnings.append(f"Liquid: unexpected {{% {name} %}} removed")
        else:
            current.append(tok)
    for node, _ in stack:
        warnings.append(f"Liquid: {{% {node.name} %}} is never closed")
    return root


class _Evaluator:
    def __init__(self, ctx: LiquidContext, scope: ChainMap, warnings: list[str]):
        self.ctx, self.scope, self.warnings = ctx, scope, warnings
        self.cycles: dict[str, int] = {}

    def run(self, nodes: list[_Node], out: list[str]) -> None:
        for node in nodes:
            if node.kind == "text":
                out.append(node.value)
            elif node.kind == "var":
                out.append(to_text(self.expression(node.value)))
            elif node.branches:
                self.block(node, out)
            else:
                self.simple_tag(node, out)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def expression(self, expr: str):
        parts = _split_outside_quotes(expr, "|")
        value = lookup(parts[0], self.scope)
        site = self.scope.get("site") or {}
        for part in parts[1:]:
            fname, _, argtext = part.strip().partition(":")
            fname = fname.strip()
            args = [lookup(a, self.scope) for a in _split_outside_quotes(argtext, ",")
                    if a.strip() and not re.match(r"^\s*\w+\s*:", a)]
            if fname == "markdownify" and self.ctx.markdownify is not None:
                value = self.ctx.markdownify(to_text(value))
                continue
            func = FILTERS.get(fname)
            if func is None:
                self.warn(f"Liquid: filter '{fname}' is not previewed (value passed through)")
                continue
            try:
                value = func(value, args, site)
            except (TypeError, ValueError, IndexError, ZeroDivisionError, OverflowError):
                self.warn(f"Liquid: filter '{fname}' failed on {to_text(value)[:40]!r}")
        return value

    def condition(self, markup: str) -> bool:
        # Liquid evaluates and/or right to left without precedence.
        m = re.search(r"\s+(and|or)\s+", markup)
        if m:
            left = self.condition(markup[:m.start()])
            right = self.condition(markup[m.end():])
            return (left and right) if m.group(1) == "and" else (left or right)
        m = re.match(r"^(.*?)\s*(==|!=|<>|>=|<=|>|<|\bcontains\b)\s*(.*)$", markup.strip())
        if not m:
            value = lookup(markup, self.scope)
            return value is not None and value is not False
        a, op, b = lookup(m.group(1), self.scope), m.group(2), lookup(m.group(3), self.scope)
        try:
            if op == "contains":
                return b is not None and a is not None and to_text(b) in (
                    a if isinstance(a, (list, tuple)) else to_text(a))
            return {"==": a == b, "!=": a != b, "<>": a != b}.get(op) if op in (
                "==", "!=", "<>") else _compare(a, b, op)
        except TypeError:
            return False

    def block(self, node: _Node, out: list[str]) -> None:
        name = node.name
        if name == "comment":
            return
        if name in ("if", "unless"):
            for branch, markup, body in node.branches:
                ok = branch == "else" or self.condition(markup)
                if branch == "unless":
                    ok = not ok
                if ok:
                    self.run(body, out)
                    return
        elif name == "for":
            self.for_loop(node, out)
        elif name == "capture":
            buf: list[str] = []
            self.run(node.branches[0][2], buf)
            self.scope[node.value.strip()] = "".join(buf)
        elif name == "highlight":
            self.highlight(node, out)
        elif name == "case":
            self.case(node, out)
        elif name == "tablerow":
            self.tablerow(node, out)
        else:
            self.warn(f"Liquid: {{% {name} %}} is not previewed (removed)")

    def for_loop(self, node: _Node, out: list[str]) -> None:
        m = re.match(r"^(\w+)\s+in\s+(\S+(?:\s*\.\.\s*\S+\))?)(.*)$", node.value)
        if not m:
            self.warn(f"Liquid: cannot read {{% for {node.value} %}}")
            return
        items = lookup(m.group(2), self.scope)
        if isinstance(items, dict):
            items = list(items.items())
        elif isinstance(items, str):
            items = [items] if items else []  # Liquid iterates a string once, whole
        items = list(items) if isinstance(items, (list, tuple)) else []
        items = self._window(items, m.group(3))
        if re.search(r"\breversed\b", m.group(3)):
            items.reverse()  # after offset and limit, as Liquid does
        if not items:
            for _branch, _, body in node.branches[1:]:
                self.run(body, out)
            return
        saved = self.scope.get(m.group(1)), self.scope.get("forloop")
        for i, item in enumerate(items):
            self.scope[m.group(1)] = item
            self.scope["forloop"] = {"index": i + 1, "index0": i, "first": i == 0,
                                     "last": i == len(items) - 1, "length": len(items)}
            self.run(node.branches[0][2], out)
        self.scope[m.group(1)], self.scope["forloop"] = saved

    def _window(self, items: list, markup: str) -> list:
        """`offset:` and `limit:` of a for or tablerow tag."""
        opts = dict(re.findall(r"(\w+)\s*:\s*([^\s,]+)", markup))
        start = int(to_text(lookup(opts.get("offset", "0"), self.scope)) or 0)
        limit = lookup(opts["limit"], self.scope) if "limit" in opts else None
        return items[start:start + int(limit)] if limit is not None else items[start:]

    def case(self, node: _Node, out: list[str]) -> None:
        """Every `when` whose values (`,` or `or` between them) equal the subject renders, in
        order; `else` only when none did (Liquid 5)."""
        subject = lookup(node.value, self.scope)
        matched = False
        for branch, markup, body in node.branches[1:]:
            if branch == "when":
                values = re.split(r"\s*,\s*|\s+or\s+", markup.strip())
                if any(lookup(v, self.scope) == subject for v in values if v):
                    matched = True
                    self.run(body, out)
            elif branch == "else" and not matched:
                self.run(body, out)

    def tablerow(self, node: _Node, out: list[str]) -> None:
        m = re.match(r"^(\w+)\s+in\s+(\S+(?:\s*\.\.\s*\S+\))?)(.*)$", node.value)
        items = lookup(m.group(2), self.scope) if m else None
        if not m or not isinstance(items, (list, tuple)):
            return
        items = self._window(list(items), m.group(3))
        cols = re.search(r"\bcols\s*:\s*([^\s,]+)", m.group(3))
        cols = int(to_text(lookup(cols.group(1), self.scope)) or 0) if cols else 0
        html_out = ['<tr class="row1">\n']
        saved = self.scope.get(m.group(1))
        for i, item in enumerate(items):
            col = i % cols + 1 if cols else i + 1
            row = i // cols + 1 if cols else 1
            self.scope[m.group(1)] = item
            self.scope["tablerowloop"] = {"index": i + 1, "index0": i, "col": col, "col0": col - 1,
                                          "row": row, "first": i == 0,
                                          "last": i == len(items) - 1, "length": len(items)}
            html_out.append(f'<td class="col{col}">')
            self.run(node.branches[0][2], html_out)
            html_out.append("</td>")
            if cols and col == cols and i < len(items) - 1:
                html_out.append(f'</tr>\n<tr class="row{row + 1}">')
        html_out.append("</tr>\n")
        self.scope[m.group(1)] = saved
        self.scope.pop("tablerowloop", None)
        out.append("".join(html_out))

    def counter(self, name: str, markup: str, out: list[str]) -> None:
        """increment prints the counter then adds one; decrement subtracts one then prints."""
        var, counters = markup.strip(), self.scope.maps[-1]
        value = counters.get(var, 0)
        if name == "increment":
            out.append(str(value))
            counters[var] = value + 1
        else:
            counters[var] = value - 1
            out.append(str(value - 1))

    def cycle(self, markup: str, out: list[str]) -> None:
        group, _, values = markup.rpartition(":") if re.match(
            r"""^\s*(?:"[^"]*"|'[^']*'|\w+)\s*:""", markup) else ("", "", markup)
        items = [v for v in _split_outside_quotes(values, ",") if v.strip()]
        if not items:
            return
        key = group.strip() or ",".join(v.strip() for v in items)
        turn = self.cycles.get(key, 0)
        self.cycles[key] = turn + 1
        out.append(to_text(lookup(items[turn % len(items)], self.scope)))

    def highlight(self, node: _Node, out: list[str]) -> None:
        buf: list[str] = []
        self.run(node.branches[0][2], buf)
        words = node.value.split()
        lang = words[0] if words else "plaintext"
        linenos = any(w.startswith("linenos") for w in words[1:])
        code = "".join(buf).strip("\n")
        if self.ctx.highlight is not None:
            markup = self.ctx.highlight(code, lang, linenos)
        else:
            markup = (f'<figure class="highlight"><pre><code class="language-{html.escape(lang)}" '
                      f'data-lang="{html.escape(lang)}">{html.escape(code)}</code></pre></figure>')
        out.append(self.ctx.protect(markup, True) if self.ctx.protect else markup)

    def simple_tag(self, node: _Node, out: list[str]) -> None:
        name = node.name
        if name == "assign":
            var, _, expr = node.value.partition("=")
            self.scope[var.strip()] = self.expression(expr)
        elif name in ("include", "include_cached", "include_relative"):
            self.include(node, out)
        elif name == "post_url":
            self.post_url(node, out)
        elif name == "github_edit_link":
            out.append(self.edit_link(node.value))
        elif name in ("increment", "decrement"):
            self.counter(name, node.value, out)
        elif name == "cycle":
            self.cycle(node.value, out)
        elif name in ("break", "continue", "#"):
            if name != "#":
                self.warn(f"Liquid: {{% {name} %}} is not previewed (removed)")
        else:
            self.warn(f"Liquid: unknown tag {{% {name} %}} removed")

    def include(self, node: _Node, out: list[str]) -> None:
        target = node.value.split()[0] if node.value.split() else "?"
        label = html.escape(f"{node.name.replace('_cached', '')} {target}")
        tag = "div" if node.alone else "span"
        markup = f'<{tag} class="liquid-include">{label}</{tag}>'
        out.append(self.ctx.protect(markup, node.alone) if self.ctx.protect else markup)

    def post_url(self, node: _Node, out: list[str]) -> None:
        name = node.value.strip()
        url = self.ctx.post_url(name) if self.ctx.post_url else None
        if url is None:
            self.warn(f"Liquid: post_url: no post named {name}")
            return
        out.append(url)


    def edit_link(self, markup: str) -> str:
        """jekyll-github-metadata's `{% github_edit_link ["text"] %}` (a GitHub Pages plugin):
        the page's edit URL on GitHub, or a link with that text."""
        site, page = self.scope.get("site") or {}, self.scope.get("page") or {}
        github = site.get("github") if isinstance(site.get("github"), dict) else {}
        repo = to_text(site.get("repository") or github.get("repository_nwo"))
        url = (f"https://github.com/{repo}/edit/{to_text(site.get('branch')) or 'main'}/"
               f"{to_text(page.get('path'))}")
        text = to_text(lookup(markup, self.scope)) if markup.strip() else ""
        return f'<a href="{html.escape(url)}">{text}</a>' if text else url


def _compare(a, b, op: str) -> bool:
    if a is None or b is None:
        return False
    return {">": a > b, "<": a < b, ">=": a >= b, "<=": a <= b}[op]


def _split_outside_quotes(text: str, sep: str) -> list[str]:
    parts, buf, quote = [], [], ""
    for ch in text:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == sep:
            parts.append("".join(buf))
            buf = []
            continue
        buf.append(ch)
    parts.append("".join(buf))
    return parts
