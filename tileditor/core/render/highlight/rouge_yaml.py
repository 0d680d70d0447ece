"""Rouge 3.30's YAML lexer (rouge/lib/rouge/lexers/yaml.rb, MIT), ported with the parts of
Rouge's RegexLexer it relies on: rules tried in order at the scan position, a state stack,
mixins, rules starting with `^` tried only at a line start, at most 5 empty matches in a row,
one Error character where no rule matches, and consecutive tokens of one type merged. Its
indentation tracking decides what Pygments' YAML lexer cannot mimic (a quoted item under a
deeper `- ` is a plain string to Rouge). Yields Pygments token types. Must not import PySide6."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Punctuation,
    String,
    Text,
)

# Ruby's \s, \S, \w and \d are ASCII; Python's are Unicode.
_S, _NS, _W = r"[ \t\n\r\f\v]", r"[^ \t\n\r\f\v]", r"[A-Za-z0-9_]"
_PLAIN_START = r"""[^ \t\n\r\f\v?:,\[\]{}#&*!|>'"%@`]"""
_INDICATOR = Punctuation.Indicator
_MAX_NULL_SCANS = 5


class _Lexer:
    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0
        self.stack = ["root"]
        self.out: list[tuple] = []
        self.m: re.Match | None = None
        self.reset_indent()

    # -- what Rouge's rule blocks call -----------------------------------------------------
    def token(self, ttype, value: str | None = None) -> None:
        value = self.m.group(0) if value is None else value
        if value:
            self.out.append((ttype, value))

    def groups(self, *types) -> None:
        for i, ttype in enumerate(types, 1):
            self.token(ttype, self.m.group(i) or "")

    def push(self, state: str) -> None:
        self.stack.append(state)

    def pop(self, times: int = 1) -> None:
        del self.stack[len(self.stack) - times:]

    def goto(self, state: str) -> None:
        self.stack[-1] = state

    # -- the YAML lexer's indentation bookkeeping -------------------------------------------
    def reset_indent(self) -> None:
        self.indent_stack, self.next_indent, self.block_scalar_indent = [0], 0, None

    @property
    def indent(self) -> int:
        return self.indent_stack[-1]

    def save_indent(self, match: str) -> tuple[str, str]:
        self.next_indent = len(match)
        if self.next_indent < self.indent:
            while self.next_indent < self.indent:
                self.indent_stack.pop()
            # dedenting to a level never indented to is an error
            return match[:self.indent], match[self.indent:]
        return match, ""

    def continue_indent(self, match: str) -> None:
        self.next_indent += len(match)

    def set_indent(self, match: str, implicit: bool = False) -> None:
        if self.indent < self.next_indent:
            self.indent_stack.append(self.next_indent)
        if not implicit:
            self.next_indent += len(match)

    # -- Rouge's RegexLexer#stream_tokens ---------------------------------------------------
    def run(self) -> list[tuple]:
        null_steps, text = 0, self.text
        while self.pos < len(text):
            for regex, action, bol in STATES[self.stack[-1]]:
                if bol and not (self.pos == 0 or text[self.pos - 1] == "\n"):
                    continue
                m = regex.match(text, self.pos)
                if m is None:
                    continue
                self.m, self.pos = m, m.end()
                action(self)
                if m.end() > m.start():
                    null_steps = 0
                    break
                null_steps += 1
                if null_steps <= _MAX_NULL_SCANS:
                    break
                # Rouge: after its action, a sixth empty match in a row fails the step (it
                # would resume after the mixin holding the rule; none of these loops there).
                self._error_char()
                break
            else:
                self._error_char()
        return self.out

    def _error_char(self) -> None:
        if self.pos < len(self.text):
            self.out.append((Error, self.text[self.pos]))
            self.pos += 1


Action = Callable[[_Lexer], None]


def _emit(ttype, then: str | None = None) -> Action:
    def act(lx: _Lexer) -> None:
        lx.token(ttype)
        if then == "pop":
            lx.pop()
        elif then is not None:
            lx.push(then)
    return act


def _root_indent(lx: _Lexer) -> None:
    text, err = lx.save_indent(lx.m.group(0))
    lx.token(Text, text)
    lx.token(Error, err)
    lx.push("block_line")
    lx.push("indentation")


def _directive(state: str) -> Action:
    def act(lx: _Lexer) -> None:
        lx.token(Name.Tag)
        lx.reset_indent()
        lx.push(state)
    return act


def _doc_marker(lx: _Lexer) -> None:
    lx.token(Name.Namespace)
    lx.reset_indent()
    lx.push("block_line")


def _indent_blank_line(lx: _Lexer) -> None:
    lx.token(Text)
    lx.pop(2)


def _indent_space(lx: _Lexer) -> None:
    lx.token(Text)
    lx.continue_indent(lx.m.group(0))


def _collection_indicator(lx: _Lexer) -> None:
    lx.set_indent(lx.m.group(0))
    lx.token(_INDICATOR)


def _line_start(lx: _Lexer) -> None:
    lx.token(Text)
    lx.continue_indent(lx.m.group(0))
    lx.pop()


def _implicit_key(lx: _Lexer) -> None:
    lx.groups(Name.Attribute, _INDICATOR)
    lx.set_indent(lx.m.group(0), implicit=True)


def _block_scalar(lx: _Lexer) -> None:
    lx.token(_INDICATOR)
    lx.push("block_scalar_content")
    lx.push("block_scalar_header")


def _plain_scalar_in_block(lx: _Lexer) -> None:
    lx.token(Name.Variable)
    lx.push("plain_scalar_in_block_context")


def _blank_scalar_line(lx: _Lexer) -> None:
    text = lx.m.group(0)
    mark = lx.block_scalar_indent if lx.block_scalar_indent is not None else len(text)
    lx.token(Text, text[:mark])
    lx.token(Name.Constant, text[mark:])


def _scalar_line_start(lx: _Lexer) -> None:
    lx.token(Text)
    size = len(lx.m.group(0))
    dedent_level = lx.block_scalar_indent if lx.block_scalar_indent is not None else lx.indent
    if lx.block_scalar_indent is None:
        lx.block_scalar_indent = size
    if size < dedent_level:
        lx.save_indent(lx.m.group(0))
        lx.pop()
        lx.push("indentation")


def _scalar_header(lx: _Lexer) -> None:
    lx.block_scalar_indent = None
    lx.goto("ignored_line")
    m = lx.m
    if not m.group(0):
        return
    # Rouge reads `m[1] || m[2]`: Ruby's m[1] is the whole indicator ("2-", "+"), never nil
    # here, and String#to_i takes its leading integer ("+" is 0, "-2" is -2).
    lead = re.match(r"[+-]?[0-9]+", m.group(1))
    lx.block_scalar_indent = lx.indent + (int(lead.group(0)) if lead else 0)
    lx.token(_INDICATOR)


def _new_document(lx: _Lexer) -> None:
    lx.pop(3)


def _plain_line_start(lx: _Lexer) -> None:
    lx.token(Text)
    lx.pop()
    if len(lx.m.group(0)) <= lx.indent:  # a dedent ends the scalar
        lx.pop()
        lx.save_indent(lx.m.group(0))
        lx.push("indentation")


def _plain_newline(lx: _Lexer) -> None:
    lx.token(Text)
    lx.push("plain_scalar_in_block_context_new_line")


def _plain_in_flow(lx: _Lexer) -> None:
    lx.push("plain_scalar_in_flow_context")


def _groups_then_ignore(*types) -> Action:
    def act(lx: _Lexer) -> None:
        lx.groups(*types)
        lx.goto("ignored_line")
    return act


_RAW: dict[str, list] = {
    "basic": [(r"#.*$", _emit(Comment.Single))],
    "root": [
        "basic",
        (r"\n+", _emit(Text)),
        (r"[ ]+(?=#|$)", _emit(Text)),
        (r"^%YAML\b", _directive("yaml_directive")),
        (r"^%TAG\b", _directive("tag_directive")),
        (r"^(?:---|\.\.\.)(?= |$)", _doc_marker),
        (rf"[ ]*(?!{_S}|$)", _root_indent),
    ],
    "indentation": [
        (rf"{_S}*?\n", _indent_blank_line),
        (r"[ ]+(?=[-:?](?:[ ]|$))", _indent_space),
        (r"[?:-](?=[ ]|$)", _collection_indicator),
        (r"[ ]*", _line_start),
    ],
    "block_line": [
        (r"[ ]*(?=#|$)", _emit(Text, "pop")),
        (r"[ ]+", _emit(Text)),
        "descriptors",
        "block_nodes",
        "flow_nodes",
        (rf"(?={_PLAIN_START}|[?:-]{_NS})", _plain_scalar_in_block),
    ],
    "descriptors": [
        (r"!<[0-9A-Za-z;/?:@&=+$,_.!~*'()\[\]%-]+>", _emit(Keyword.Type)),
        (rf"(?:!(?:{_W}|-)+)?!(?:{_W}|[;/?:@&=+$,.!~*'()\[\]%-])*", _emit(Keyword.Type)),
        (r"&[\w-]+", _emit(Name.Label)),
        (r"\*[\w-]+", _emit(Name.Variable)),
    ],
    "block_nodes": [
        (rf"""([^#,:?\[\]{{}}"'\n]+)(:)(?={_S}|$)""", _implicit_key),
        (r"[|>][+-]?", _block_scalar),
    ],
    "flow_nodes": [
        (r"\[", _emit(_INDICATOR, "flow_sequence")),
        (r"\{", _emit(_INDICATOR, "flow_mapping")),
        (r"'", _emit(String.Single, "single_quoted_scalar")),
        (r'"', _emit(String.Double, "double_quoted_scalar")),
    ],
    "flow_collection": [
        (rf"{_S}+", _emit(Text)),
        "basic",
        (r"[?:,]", _emit(_INDICATOR)),
        "descriptors",
        "flow_nodes",
        (rf"(?={_PLAIN_START})", _plain_in_flow),
    ],
    "flow_sequence": [(r"\]", _emit(_INDICATOR, "pop")), "flow_collection"],
    "flow_mapping": [(r"\}", _emit(_INDICATOR, "pop")), "flow_collection"],
    "block_scalar_content": [
        (r"\n+", _emit(Text)),
        (r"^[ ]+$", _blank_scalar_line),
        (r"^[ ]*", _scalar_line_start),
        (r"[^\n\r\f\v]+", _emit(String)),
    ],
    "block_scalar_header": [
        (r"(([1-9])[+-]?|[+-]?([1-9])?)(?=[ ]|$)", _scalar_header),
    ],
    "ignored_line": ["basic", (r"[ ]+", _emit(Text)), (r"\n", _emit(Text, "pop"))],
    "quoted_scalar_whitespaces": [
        (r"^[ ]+", _emit(Text)),
        (r"[ ]+$", _emit(Text)),
        (r"\n+", _emit(Text)),
        (r"[ ]+", _emit(Name.Variable)),
    ],
    "single_quoted_scalar": [
        "quoted_scalar_whitespaces",
        (r"\\'", _emit(String.Escape)),
        (r"'", _emit(String, "pop")),
        (r"[^ \t\n\r\f\v']+", _emit(String)),
    ],
    "double_quoted_scalar": [
        (r'"', _emit(String, "pop")),
        "quoted_scalar_whitespaces",
        (r'\\[0abt\tn\nvfre "\\N_LP]', _emit(String.Escape)),
        (r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})", _emit(String.Escape)),
        (r'[^ \t\n\r\f\v"\\]+', _emit(String)),
    ],
    "plain_scalar_in_block_context_new_line": [
        (r"^[ ]+\n", _emit(Text)),
        (r"\n+", _emit(Text)),
        (r"^(?=---|\.\.\.)", _new_document),
        (r"^[ ]*", _plain_line_start),
    ],
    "plain_scalar_in_block_context": [
        (r"[ ]*(?=:[ \n]|:$)", _emit(Text, "pop")),
        (rf"[ ]*:{_NS}+", _emit(String)),
        (r"[ ]+(?=#)", _emit(Text, "pop")),
        (r"[ ]+$", _emit(Text)),
        (r"\n+", _plain_newline),
        (r"[ ]+", _emit(String)),
        (r"true|false|null", _emit(Name.Constant)),
        (r"[0-9]+(?:\.[0-9]+)?(?=(\r?\n)| +#)", _emit(Number, "pop")),
        (r"[^ \t\n\r\f\v:]+", _emit(String)),
    ],
    "plain_scalar_in_flow_context": [
        (r"[ ]*(?=[,:?\[\]{}])", _emit(Text, "pop")),
        (r"[ ]+(?=#)", _emit(Text, "pop")),
        (r"^[ ]+", _emit(Text)),
        (r"[ ]+$", _emit(Text)),
        (r"\n+", _emit(Text)),
        (r"[ ]+", _emit(Name.Variable)),
        (r"[^ \t\n\r\f\v,:?\[\]{}]+", _emit(Name.Variable)),
    ],
    "yaml_directive": [(r"([ ]+)([0-9]+\.[0-9]+)", _groups_then_ignore(Text, Number))],
    "tag_directive": [
        (rf"([ ]+)(!|!(?:{_W}|-)*!)([ ]+)(!|!?(?:{_W}|[;/?:@&=+$,.!~*'()\[\]%-])+)",
         _groups_then_ignore(Text, Keyword.Type, Text, Keyword.Type)),
    ],
}


def _expand(name: str) -> list[tuple[re.Pattern, Action, bool]]:
    rules = []
    for rule in _RAW[name]:
        if isinstance(rule, str):
            rules += _expand(rule)
        else:
            source, action = rule
            rules.append((re.compile(source, re.M), action, source.startswith("^")))
    return rules


STATES = {name: _expand(name) for name in _RAW}


def yaml_tokens(code: str) -> Iterator[tuple]:
    """(Pygments token type, text) as Rouge's YAML lexer yields them, same types merged."""
    merged: list[list] = []
    for ttype, text in _Lexer(code).run():
        if merged and merged[-1][0] is ttype:
            merged[-1][1] += text
        else:
            merged.append([ttype, text])
    return iter([(t, v) for t, v in merged])
