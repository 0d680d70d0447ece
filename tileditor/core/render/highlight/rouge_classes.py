"""Pygments tokens to Rouge's short CSS classes (Rouge::Token::Tokens, rouge 3.30 token.rb) and
the per-language fix-ups where Rouge's lexers classify or split what Pygments' lexers also
see. Pure functions over (token type, text) streams; must not import PySide6."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Rouge's token table: qualified name -> short class ("" is bare text).
_ROUGE = """Text: Text.Whitespace:w Escape:esc Error:err Other:x Keyword:k Keyword.Constant:kc
Keyword.Declaration:kd Keyword.Namespace:kn Keyword.Pseudo:kp Keyword.Reserved:kr Keyword.Type:kt
Keyword.Variable:kv Name:n Name.Attribute:na Name.Builtin:nb Name.Builtin.Pseudo:bp Name.Class:nc
Name.Constant:no Name.Decorator:nd Name.Entity:ni Name.Exception:ne Name.Function:nf
Name.Function.Magic:fm Name.Property:py Name.Label:nl Name.Namespace:nn Name.Other:nx Name.Tag:nt
Name.Variable:nv Name.Variable.Class:vc Name.Variable.Global:vg Name.Variable.Instance:vi
Name.Variable.Magic:vm Literal:l Literal.Date:ld Literal.String:s Literal.String.Affix:sa
Literal.String.Backtick:sb Literal.String.Char:sc Literal.String.Delimiter:dl
Literal.String.Doc:sd Literal.String.Double:s2 Literal.String.Escape:se Literal.String.Heredoc:sh
Literal.String.Interpol:si Literal.String.Other:sx Literal.String.Regex:sr Literal.String.Single:s1
Literal.String.Symbol:ss Literal.Number:m Literal.Number.Bin:mb Literal.Number.Float:mf
Literal.Number.Hex:mh Literal.Number.Integer:mi Literal.Number.Integer.Long:il
Literal.Number.Oct:mo Literal.Number.Other:mx Operator:o Operator.Word:ow Punctuation:p
Punctuation.Indicator:pi Comment:c Comment.Hashbang:ch Comment.Doc:cd Comment.Multiline:cm
Comment.Preproc:cp Comment.PreprocFile:cpf Comment.Single:c1 Comment.Special:cs Generic:g
Generic.Deleted:gd Generic.Emph:ge Generic.Error:gr Generic.Heading:gh Generic.Inserted:gi
Generic.Output:go Generic.Prompt:gp Generic.Strong:gs Generic.Subheading:gu Generic.Traceback:gt
Generic.Lineno:gl"""
ROUGE = dict(item.split(":") for item in _ROUGE.split())
# Languages whose Rouge lexer marks blanks as Text::Whitespace (a `w` span); the others leave
# blanks bare, whatever Pygments calls them.
_WHITESPACE_SPANS = {"json", "r", "console"}

# (language, Pygments-side class, text or None for any) -> Rouge's class, from Rouge's lexers.
_RENAME = {
    "python": {("o", "."): "p", ("ne", None): "nb", ("kc", None): "bp", ("nb", "print"): "k",
               ("sd", None): "s", ("s1", None): "s", ("s2", None): "s"},
    "javascript": {("p", "=>"): "o", ("ow", None): "k", ("kr", "constructor"): "kd",
                   ("k", "extends"): "kd", ("ne", None): "nb", ("sb", None): "s2",
                   ("si", "${"): "p", ("si", "}"): "p", ("kr", "from"): "k"},
    "c": {("nc", None): "n"},
    "cpp": {("nn", None): "n"},
    "html": {("cm", None): "c"},
    "sql": {("k", "IF"): "n"},
    # Rouge leaves the text around `<?php ... ?>` bare
    "php": {("x", None): "", ("k", "class"): "kd", ("k", "extends"): "kd"},
    "ruby": {("o", "."): "p", ("o", "["): "p", ("o", "]"): "p", ("kp", "attr_reader"): "nb",
             ("kp", "attr_writer"): "nb", ("kp", "attr_accessor"): "nb",
             ("n", "require_relative"): "nb"},
}


def rouge_class(ttype) -> str:
    """Rouge's class for a Pygments token type: its own name, or the nearest ancestor's."""
    while ttype.parent is not None:
        name = str(ttype)[len("Token."):]
        if name in ROUGE:
            return ROUGE[name]
        ttype = ttype.parent
    return ""


def rouge_spans(tokens: Iterable, lang: str) -> list[tuple[str, str]]:
    """(class, text) runs as Rouge's HTML formatter would write them for `lang`."""
    runs = [[rouge_class(ttype), text] for ttype, text in tokens if text]
    keep_w = lang in _WHITESPACE_SPANS
    renames = _RENAME.get(lang, {})
    for run in runs:
        if run[0] == "w" and not keep_w:
            run[0] = ""
        run[0] = renames.get((run[0], run[1]), renames.get((run[0], None), run[0]))
    fix = _FIXES.get(lang)
    if fix is not None:
        runs = fix(runs)
    merged: list[list[str]] = []
    for cls, text in runs:
        if merged and merged[-1][0] == cls:
            merged[-1][1] += text
        else:
            merged.append([cls, text])
    return [(cls, text) for cls, text in merged]


_INT = re.compile(r"\d+$")
_QUOTED = re.compile(r"""^(['"])(.*)\1$""", re.S)


def _last(out: list[list[str]]) -> list[str]:
    """The last run that is not blank text."""
    for run in reversed(out):
        if run[0] or run[1].strip():
            return run
    return ["", ""]


def _next_text(runs: list[list[str]], i: int) -> str:
    for cls, text in runs[i + 1:]:
        if cls or text.strip():
            return text
    return ""


def _fix_python(runs: list[list[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    for cls, text in runs:
        prev = _last(out)
        if cls == "nd" and text.startswith("@"):
            out += [["o", "@"], ["n", text[1:]]]
        elif cls == "fm":  # Rouge: a def's name is a function, any other dunder a name
            out.append(["nf" if prev == ["k", "def"] else "n", text])
        elif cls == "nn" and prev == ["k", "as"]:
            out.append(["n", text])
        elif not cls and text.startswith("\n") and out and out[-1][0] == "c1":
            out[-1][1] += "\n"  # Rouge's comment rule takes the line end
            if text[1:]:
                out.append(["", text[1:]])
        else:
            out.append([cls, text])
    return out


def _fix_javascript(runs: list[list[str]]) -> list[list[str]]:
    out = []
    for i, (cls, text) in enumerate(runs):
        m = _QUOTED.match(text) if cls in ("s1", "s2") else None
        if m:  # Rouge lexes the quotes as String::Delimiter around the content
            out += [["dl", m.group(1)], [cls, m.group(2)], ["dl", m.group(1)]]
        elif cls == "mf" and _INT.match(text):
            out.append(["mi", text])
        elif cls == "nx" and _next_text(runs, i).startswith(":"):
            out.append(["na", text])  # an object literal's key
        elif cls == "o" and text == ":" and _last(out)[0] == "na":
            out.append(["p", text])
        else:
            out.append([cls, text])
    return out


def _split_line_comment(runs: list[list[str]]) -> list[list[str]]:
    """Rouge's `//` and `--` comments stop before the newline; Pygments' take it."""
    out = []
    for cls, text in runs:
        if cls == "c1" and text.endswith("\n"):
            out += [[cls, text[:-1]], ["", "\n"]]
        else:
            out.append([cls, text])
    return out


_DECIMAL = re.compile(r"(\d+)\.(\d+)$")


def _fix_c(runs: list[list[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    for cls, text in _split_line_comment(runs):
        m = _DECIMAL.match(text) if cls == "mf" else None
        if m:  # Rouge 3.30's C lexer reads 3.14 as 3 . 14
            out += [["mi", m.group(1)], ["p", "."], ["mi", m.group(2)]]
            continue
        if not cls and text.startswith("\n") and out and out[-1][0] in ("cp", "cpf"):
            out.append(["cp", "\n"])  # Rouge's preprocessor state ends after the newline
            text = text[1:]
            if not text:
                continue
        if cls in ("mi", "mf", "mh") and text.startswith("-"):
            out += [["o", "-"], [cls, text[1:]]]
            continue
        out.append([cls, text])
    return out


def _fix_html(runs: list[list[str]]) -> list[list[str]]:
    """Rouge writes `<div` and `>` as one Name.Tag each and `class=` as one Name.Attribute."""
    out: list[list[str]] = []
    for cls, text in runs:
        if cls == "nt" and out and out[-1][0] == "p" and out[-1][1] in ("<", "</"):
            out[-1] = ["nt", out[-1][1] + text]
        elif (not cls and not text.strip() and len(out) > 1 and out[-2] == ["nt", "<"]
              and out[-1][0] == "nt" and out[-1][1].lower() in ("script", "style")):
            out[-1][1] += text  # Rouge's `<\s*script\s*` rule takes the blanks after the name
        elif cls == "p" and text in (">", "/>", "/", "<", "</"):
            out.append(["nt", text])
        elif cls == "o" and text == "=" and out and out[-1][0] == "na":
            out[-1][1] += text
        else:
            out.append([cls, text])
    return out


def _fix_ruby(runs: list[list[str]]) -> list[list[str]]:
    """Rouge's Ruby lexer: a method name after `.` (or `&.`) is a function, a constant after
    `::` a constant, `1.0` one float, and a `key:` symbol takes the blanks after it (with
    none it is a plain name)."""
    out: list[list[str]] = []
    i = 0
    while i < len(runs):
        cls, text = runs[i]
        prev = _last(out)
        if cls == "o" and text == "&.":
            out += [["o", "&"], ["p", "."]]
        elif cls == "n" and prev[0] == "p" and prev[1].endswith("."):
            out.append(["nf", text])
        elif cls == "n" and text[:1].isupper() and (
                prev == ["o", "::"] or _next_text(runs, i) == "::"):
            out.append(["no", text])
        elif (cls == "mi" and i + 2 < len(runs) and runs[i + 1] == ["p", "."]
              and runs[i + 2][0] == "mi"):
            out.append(["mf", text + "." + runs[i + 2][1]])
            i += 3
            continue
        elif cls == "ss" and i + 1 < len(runs) and runs[i + 1] == ["p", ":"]:
            after = runs[i + 2][1] if i + 2 < len(runs) and not runs[i + 2][0] else ""
            blank = after[:len(after) - len(after.lstrip())]
            if blank:
                out.append(["ss", text + ":" + blank])
                if after[len(blank):]:
                    out.append(["", after[len(blank):]])
                i += 3
                continue
            out += [["n", text], ["p", ":"]]
            i += 2
            continue
        else:
            out.append([cls, text])
        i += 1
    return out


_UPPER_NAME = re.compile(r"[A-Z][A-Z0-9_]*$")


def _fix_php(runs: list[list[str]]) -> list[list[str]]:
    """Rouge's PHP lexer: the name after `new` or `extends` is a class, as is one beside
    `::`; a called name (after `->`, `::` or alone) a function, a declared one a plain
    name; an upper-case name a constant; the `.` operator a Number::Float (sic); `//`
    comments stop before the newline."""
    runs = _split_line_comment(runs)
    out: list[list[str]] = []
    for i, (cls, text) in enumerate(runs):
        prev, after = _last(out), _next_text(runs, i)
        if cls in ("nx", "na", "nf", "fm"):
            if prev in (["k", "new"], ["kd", "extends"]):
                cls = "nc"
            elif prev == ["k", "function"]:
                cls = "n"
            elif after.startswith("("):
                cls = "nf"
            elif prev == ["o", "::"] or after.startswith("::"):
                cls = "nc"
            elif cls == "nx" and _UPPER_NAME.match(text):
                cls = "no"
            elif cls == "na":
                cls = "n"
        elif cls == "o" and text == ".":
            cls = "mf"
        out.append([cls, text])
    return out


_QUOTE_MARK = re.compile(r"\s*>\s*$")
_LIST_MARK = re.compile(r"[*+-]|\d+\.")


def _fix_markdown(runs: list[list[str]]) -> list[list[str]]:
    """Rouge's Markdown lexer: a list marker is punctuation (with the indentation before
    it), a quote line one Generic::Traceback run (its newline outside), and a link
    `[text](url)` punctuation around a Name::Variable and a String::Other."""
    out: list[list[str]] = []
    n = len(runs)
    i = 0
    while i < n:
        cls, text = runs[i]
        nxt = runs[i + 1] if i + 1 < n else ["", ""]
        if cls == "k" and _QUOTE_MARK.match(text) and nxt[0] == "ge":
            body = nxt[1].rstrip("\n")
            out += [["gt", text + body], ["", nxt[1][len(body):]]]
            i += 2
            continue
        if cls == "k" and _LIST_MARK.fullmatch(text):
            if (out and not out[-1][0] and not out[-1][1].strip()
                    and (len(out) == 1 or out[-2][1].endswith("\n"))):
                text = out.pop()[1] + text  # the item's indentation
            cls = "p"
        elif not cls and text == "[" and nxt[0] == "nt":
            out += [["p", "["], ["nv", nxt[1]]]
            i += 2
            continue
        elif (not cls and text == "]" and nxt == ["", "("] and i + 2 < n
              and runs[i + 2][0] == "na"):
            out += [["p", "]("], ["sx", runs[i + 2][1]]]
            i += 3
            if i < n and runs[i] == ["", ")"]:
                out.append(["p", ")"])
                i += 1
            continue
        out.append([cls, text])
        i += 1
    return [run for run in out if run[1]]


_CSS_NUMBER = {"m", "mi", "mf", "mh"}
_CSS_NAMES = {"all", "ease-in-out"}  # Pygments' value keywords Rouge has no builtin for


def _fix_css(runs: list[list[str]]) -> list[list[str]]:
    """Rouge's CSS lexer: a property is a Name::Label (`--x` a Name::Property), a value
    keyword a builtin, a function a plain name, a number with its unit one Number, `.x`
    `#x` `:x` selectors one run each, `url(...)` one String::Other, `@media` one keyword
    with punctuation and names in its query, strings single-quoted class."""
    out: list[list[str]] = []
    n = len(runs)
    media = False  # in an @media query, up to its `{`
    value = False  # after a declaration's `:`, up to its `;`
    i = 0
    while i < n:
        cls, text = runs[i]
        nxt = runs[i + 1] if i + 1 < n else ["", ""]
        if cls == "p" and text in (".", "#", ":", "::") and nxt[0] in ("nc", "nn", "nd"):
            out.append(["nf" if text == "#" else "nd" if text != "." else "nc", text + nxt[1]])
            i += 2
            continue
        if cls == "kp" and text.startswith("-") and nxt[0] == "k":  # -webkit-transition
            out.append(["nl", text + nxt[1]])
            i += 2
            continue
        if cls == "p" and text == "@" and nxt[0] == "k":
            out.append(["k", "@" + nxt[1]])
            media = nxt[1] == "media"
            i += 2
            continue
        if cls == "nb" and text == "url" and nxt == ["p", "("]:
            j = i + 2
            while j < n and runs[j] != ["p", ")"] and "\n" not in runs[j][1]:
                j += 1
            if j < n and runs[j] == ["p", ")"]:
                out.append(["sx", "".join(r[1] for r in runs[i:j + 1])])
                i = j + 1
                continue
        if cls in _CSS_NUMBER:
            if nxt[0] == "kt":
                text += nxt[1]
                i += 1
            cls = "m"
        elif media and cls in ("o", "nt"):
            cls = "p" if cls == "o" else "m" if text[:1].isdigit() else "n"
        elif cls == "p" and text in ("{", ";", "}", ":"):
            media = media and text != "{"
            value = text == ":"
        else:
            cls = {"k": "n" if value else "nl", "nb": "n", "nv": "py", "s2": "s1",
                   "kc": "n" if text in _CSS_NAMES else "nb"}.get(cls, cls)
            if cls == "o" and text == "-":
                cls = "n"
        out.append([cls, text])
        i += 1
    return out


_FIXES = {"python": _fix_python, "markdown": _fix_markdown, "css": _fix_css, "ruby": _fix_ruby, "php": _fix_php, "javascript": _fix_javascript,
          "c": _fix_c, "cpp": _fix_c, "html": _fix_html, "sql": _split_line_comment}
# Rouge's TypeScript lexer is its JavaScript one with more keywords (its types still differ).
_RENAME["typescript"] = _RENAME["javascript"]
_FIXES["typescript"] = _fix_javascript
# HTML's <script> content is Rouge's JavaScript lexer's (its tags and strings the fixes leave).
_RENAME["html"] = {**_RENAME["javascript"], **_RENAME["html"]}
_FIXES["html"] = lambda runs: _fix_html(_fix_javascript(runs))
