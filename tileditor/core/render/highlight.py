"""Code highlighting with Pygments in the markup Jekyll's rouge produces (fenced blocks and the
`{% highlight %}` tag), so the theme's CSS applies. Must not import PySide6."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from pygments import highlight as _pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

_FORMATTER = HtmlFormatter(nowrap=True)


@lru_cache(maxsize=128)
def _lexer(lang: str):
    if not lang or lang in ("plaintext", "text", "plain"):
        return None
    try:
        return get_lexer_by_name(lang, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


_STASHED = re.compile("(\x02wzxhzdk:\\d+\x03)")
_WHITESPACE_SPAN = re.compile(r'<span class="w">(\s*)</span>')


def highlight_code(code: str, lang: str) -> str:
    """Code as HTML spans with Pygments' short CSS classes (escaped text for unknown langs).

    Placeholders of HTML stashed by the Liquid pass (include boxes) are kept whole."""
    if "\x02" in code:
        parts = _STASHED.split(code)
        return "".join(p if i % 2 else _highlight_piece(p, lang) for i, p in enumerate(parts))
    return _highlight_piece(code, lang)


def _highlight_piece(code: str, lang: str) -> str:
    if not code:
        return ""
    lexer = _lexer(lang.lower())
    if lexer is None:
        return html.escape(code, quote=False)
    # Rouge writes whitespace as bare text; Pygments wraps it in <span class="w">.
    return _WHITESPACE_SPAN.sub(r"\1", _pygments_highlight(code, lexer, _FORMATTER))


def fenced_block_html(code: str, lang: str | None) -> str:
    """Rouge's markup for a fenced or indented code block; no language means plaintext."""
    lang = (lang or "plaintext").strip() or "plaintext"
    body = highlight_code(code, lang)
    if not body.endswith("\n"):
        body += "\n"
    cls = html.escape(lang, quote=True)
    return (f'<div class="language-{cls} highlighter-rouge"><div class="highlight">'
            f'<pre class="highlight"><code>{body}</code></pre></div></div>')


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
