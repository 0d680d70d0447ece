"""Code highlighting in the markup Jekyll's Rouge produces (fenced blocks and the
`{% highlight %}` tag): Pygments lexes (or a Rouge port in rouge_lexers), tokens get Rouge's
short class names and boundaries, so the theme's CSS colours them as on the site. No PySide6."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from tileditor.core.render.highlight.rouge_classes import rouge_spans
from tileditor.core.render.highlight.rouge_lexers import (
    RougeJavaLexer,
    RougeJsonLexer,
    RougeRLexer,
    RougeShellLexer,
    console_tokens,
)
from tileditor.core.render.highlight.rouge_names import rouge_knows
from tileditor.core.render.highlight.rouge_yaml import yaml_tokens

# Rouge's own lexer is ported where Pygments' splits tokens differently (rouge_lexers.py).
_PORTED = {"shell": RougeShellLexer, "bash": RougeShellLexer, "sh": RougeShellLexer,
           "zsh": RougeShellLexer, "ksh": RougeShellLexer, "json": RougeJsonLexer,
           "java": RougeJavaLexer, "r": RougeRLexer}
# Rouge's lexer names for the aliases posts use, so per-language fix-ups find them.
_CANONICAL = {"bash": "shell", "sh": "shell", "zsh": "shell", "ksh": "shell", "js": "javascript",
              "py": "python", "python3": "python", "yml": "yaml", "c++": "cpp", "shell-session":
              "console", "shellsession": "console", "ts": "typescript", "rb": "ruby", "md": "markdown"}


@lru_cache(maxsize=128)
def _lexer(lang: str, inline: bool = False):
    if not lang or lang in ("plaintext", "text", "plain", "console"):
        return None
    if inline:  # PHP code with no `<?`: Rouge's start_inline guess reads it as PHP
        return get_lexer_by_name(lang, stripnl=False, ensurenl=False, startinline=True)
    ported = _PORTED.get(lang)
    if ported is not None:
        return ported(stripnl=False, ensurenl=False)
    try:
        return get_lexer_by_name(lang, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


_STASHED = re.compile("(\x02wzxhzdk:\\d+\x03)")


def highlight_code(code: str, lang: str) -> str:
    """Code as HTML spans with Rouge's short CSS classes (escaped text for unknown langs).

    Placeholders of HTML stashed by the Liquid pass (include boxes) are kept whole."""
    if "\x02" in code:
        parts = _STASHED.split(code)
        return "".join(p if i % 2 else _highlight_piece(p, lang) for i, p in enumerate(parts))
    return _highlight_piece(code, lang)


def _escape(text: str) -> str:
    # Rouge's formatter escapes only these three; quotes stay as typed.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _highlight_piece(code: str, lang: str) -> str:
    if not code:
        return ""
    lang = lang.lower()
    name = _CANONICAL.get(lang, lang)
    if name == "console":
        tokens = console_tokens(code)
    elif name == "yaml":
        tokens = yaml_tokens(code)
    else:
        lexer = _lexer(lang, name == "php" and "<?" not in code)
        if lexer is None:
            return _escape(code)
        tokens = lexer.get_tokens(code)
    out = []
    for cls, text in rouge_spans(tokens, name):
        out.append(f'<span class="{cls}">{_escape(text)}</span>' if cls else _escape(text))
    return "".join(out)


def fenced_block_html(code: str, lang: str | None) -> str:
    """Rouge's markup for a fenced or indented code block; no language means plaintext. In
    a language Rouge has no lexer for, kramdown's bare `<pre><code class="language-x">`."""
    lang = (lang or "plaintext").strip() or "plaintext"
    if not rouge_knows(lang):
        return plain_block_html(code, lang)
    body = highlight_code(code, lang)
    # One final newline, which may sit inside the last span (a Python comment's, console
    # output's); rouge prints nothing at all for empty code.
    if body and not code.endswith("\n"):
        body += "\n"
    cls = html.escape(lang, quote=True)
    return (f'<div class="language-{cls} highlighter-rouge"><div class="highlight">'
            f'<pre class="highlight"><code>{body}</code></pre></div></div>')


def plain_block_html(code: str, lang: str, attrs: str = "") -> str:
    """kramdown's code block when Rouge finds no lexer: the escaped code, one final newline;
    `attrs` (serialised, leading space) go on the `<pre>`."""
    cls = html.escape(lang, quote=True)
    return (f'<pre{attrs}><code class="language-{cls}">{_escape(code).rstrip(chr(10))}\n'
            "</code></pre>")


def highlight_tag_html(code: str, lang: str, linenos: bool = False) -> str:
    """Jekyll's `{% highlight lang [linenos] %}` markup."""
    body = highlight_code(code, lang)
    cls = html.escape(lang, quote=True)
    if linenos:
        count = code.count("\n") + 1
        numbers = "".join(f"{i}\n" for i in range(1, count + 1))
        body = (f'<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">'
                f'{numbers}</pre></td><td class="code"><pre>{body.rstrip(chr(10))}\n</pre></td>'
                f"</tr></tbody></table>")
    else:
        body = body.rstrip("\n")
    return (f'<figure class="highlight"><pre><code class="language-{cls}" data-lang="{cls}">'
            f"{body}</code></pre></figure>")
