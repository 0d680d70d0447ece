"""Pygments ports of Rouge 3.30's shell, JSON and Java lexers (rouge/lib/rouge/lexers/*.rb,
MIT), whose token boundaries Pygments' own lexers do not share, plus Rouge's console split.
Must not import PySide6."""

from __future__ import annotations

import re

from pygments.lexer import RegexLexer, bygroups, include, this, using
from pygments.token import (
    Comment,
    Generic,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)

_SH_KEYWORDS = ("if fi else while do done for then return function select continue until esac "
                "elif in").split()
_SH_BUILTINS = """alias bg bind break builtin caller cd command compgen complete declare dirs
disown enable eval exec exit export false fc fg getopts hash help history jobs let local logout
mapfile popd pushd pwd read readonly set shift shopt source suspend test time times trap true
type typeset ulimit umask unalias unset wait cat tac nl od base32 base64 fmt pr fold head tail
split csplit wc sum cksum b2sum md5sum sha1sum sha224sum sha256sum sha384sum sha512sum sort shuf
uniq comm ptx tsort cut paste join tr expand unexpand ls dir vdir dircolors cp dd install mv rm
shred link ln mkdir mkfifo mknod readlink rmdir unlink chown chgrp chmod touch df du stat sync
truncate echo printf yes expr tee basename dirname pathchk mktemp realpath pwd stty printenv tty
id logname whoami groups users who date arch nproc uname hostname hostid uptime chcon runcon
chroot env nice nohup stdbuf timeout kill sleep factor numfmt seq tar grep sudo awk sed gzip
gunzip""".split()


class RougeShellLexer(RegexLexer):
    """Rouge's Shell lexer (keywords and builtins keep their trailing blanks, options are
    Name.Tag); heredocs are left to the plain rules."""

    name = "RougeShell"
    flags = re.M
    tokens = {
        "basic": [
            (r"#.*$", Comment),
            (r"\b({})\s*\b".format("|".join(_SH_KEYWORDS)), Keyword),
            (r"\bcase\b", Keyword, "case"),
            (r"\b({})\s*\b(?!(\.|-))".format("|".join(_SH_BUILTINS)), Name.Builtin),
            (r"[.](?=\s)", Name.Builtin),
            (r"(\b\w+)(=)", bygroups(Name.Variable, Operator)),
            (r"[\[\]{}()!=>]", Operator),
            (r"&&|\|\|", Operator),
            (r"<<<", Operator),
        ],
        "double_quotes": [
            (r'(?:\$#?)?"', String.Double, "#pop"),
            include("interp"),
            (r'[^"`\\$]+', String.Double),
        ],
        "ansi_string": [
            (r"\\.", String.Escape),
            (r"[^\\']+", String.Single),
            include("single_quotes"),
        ],
        "single_quotes": [
            (r"'", String.Single, "#pop"),
            (r"[^']+", String.Single),
        ],
        "data": [
            (r"\s+", Text),
            (r"\\.", String.Escape),
            (r'\$?"', String.Double, "double_quotes"),
            (r"\$'", String.Single, "ansi_string"),
            (r"'", String.Single, "single_quotes"),
            (r"\*", Keyword),
            (r";", Punctuation),
            (r"--?[\w-]+", Name.Tag),
            (r"[^=\*\s{}()$\"'`;\\<]+", Text),
            (r"\d+(?= |\Z)", Number),
            (r"<", Text),
            include("interp"),
        ],
        "curly": [
            (r"\}", Keyword, "#pop"),
            (r":-", Keyword),
            (r"[a-zA-Z0-9_]+", Name.Variable),
            (r"[^}:\"`'$]+", Punctuation),
            include("root"),
        ],
        "paren_interp": [
            (r"\)", String.Interpol, "#pop"),
            (r"\(", Operator, "paren_inner"),
            include("root"),
        ],
        "paren_inner": [
            (r"\(", Operator, "#push"),
            (r"\)", Operator, "#pop"),
            include("root"),
        ],
        "math": [
            (r"\)\)", Keyword, "#pop"),
            (r"[-+*/%^|&!]|\*\*|\|\|", Operator),
            (r"\d+(#\w+)?", Number),
            include("root"),
        ],
        "case": [
            (r"\besac\b", Keyword, "#pop"),
            (r"\|", Punctuation),
            (r"\)", Punctuation, "case_stanza"),
            include("root"),
        ],
        "case_stanza": [
            (r";;", Punctuation, "#pop"),
            include("root"),
        ],
        "backticks": [
            (r"`", String.Backtick, "#pop"),
            include("root"),
        ],
        "interp": [
            (r"\\$", String.Escape),
            (r"\\.", String.Escape),
            (r"\$\(\(", Keyword, "math"),
            (r"\$\(", String.Interpol, "paren_interp"),
            (r"\$\{#?", Keyword, "curly"),
            (r"`", String.Backtick, "backticks"),
            (r"\$#?(\w+|.)", Name.Variable),
            (r"\$[*@]", Name.Variable),
        ],
        "root": [include("basic"), include("data")],
    }


class RougeJsonLexer(RegexLexer):
    name = "RougeJSON"
    tokens = {
        "whitespace": [(r"\s+", Text.Whitespace)],
        "root": [
            include("whitespace"),
            (r"\{", Punctuation, "object"),
            (r"\[", Punctuation, "array"),
            include("name"),
            include("value"),
            (r"[\]}]", Punctuation),
        ],
        "object": [
            include("whitespace"), include("name"), include("value"),
            (r"\}", Punctuation, "#pop"),
            (r",", Punctuation),
        ],
        "name": [(r'("(?:\\.|[^"\\\n])*?")(\s*)(:)',
                  bygroups(Name.Label, Text.Whitespace, Punctuation))],
        "value": [
            include("whitespace"), include("constants"),
            (r'"', String.Double, "string"),
            (r"\[", Punctuation, "array"),
            (r"\{", Punctuation, "object"),
        ],
        "string": [
            (r'[^\\"]+', String.Double),
            (r"\\.", String.Escape),
            (r'"', String.Double, "#pop"),
        ],
        "array": [
            include("value"),
            (r"\]", Punctuation, "#pop"),
            (r",", Punctuation),
        ],
        "constants": [
            (r"(?:true|false|null)", Keyword.Constant),
            (r"(?i)-?(?:0|[1-9]\d*)\.\d+(?:e[+-]?\d+)?", Number.Float),
            (r"(?i)-?(?:0|[1-9]\d*)(?:e[+-]?\d+)?", Number.Integer),
        ],
    }

    def get_tokens_unprocessed(self, text, stack=("root",)):
        # Rouge emits an unmatched character as Error and goes on; so does Pygments.
        yield from super().get_tokens_unprocessed(text, stack)


_JAVA_KEYWORDS = ("assert break case catch continue default do else finally for if goto "
                  "instanceof new return switch this throw try while").split()
_JAVA_DECLARATIONS = ("abstract const enum extends final implements native private protected "
                      "public static strictfp super synchronized throws transient volatile").split()
_JAVA_TYPES = "boolean byte char double float int long short var void".split()
_ID = r"[^\W\d][\w]*"


class RougeJavaLexer(RegexLexer):
    name = "RougeJava"
    flags = re.M | re.S
    _digit = r"(?:[0-9]_+[0-9]|[0-9])"
    tokens = {
        "root": [
            (r"[^\S\n]+", Text),
            (r"//.*?$", Comment.Single),
            (r"/\*.*?\*/", Comment.Multiline),
            (r"(?:{})\b".format("|".join(_JAVA_KEYWORDS)), Keyword),
            (r"(\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?)([a-zA-Z_][a-zA-Z0-9_]*)(\s*)(\()",
             bygroups(using(this), Name.Function, Text, Operator)),
            (r"@" + _ID, Name.Decorator),
            (r"(?:{})\b".format("|".join(_JAVA_DECLARATIONS)), Keyword.Declaration),
            (r"(?:{})\b".format("|".join(_JAVA_TYPES)), Keyword.Type),
            (r"(?:true|false|null)\b", Keyword.Constant),
            (r"(?:class|interface)\b", Keyword.Declaration, "class"),
            (r"(?:import|package)\b", Keyword.Namespace, "import"),
            (r'"(\\\\|\\"|[^"])*"', String),
            (r"'(?:\\.|[^\\]|\\u[0-9a-f]{4})'", String.Char),
            (rf"(\.)({_ID})", bygroups(Operator, Name.Attribute)),
            (_ID + ":", Name.Label),
            (r"[A-Z][A-Z0-9_]*\b", Name.Constant),
            (r"[A-Z][a-zA-Z0-9]*\b", Name.Class),
            (r"\$?" + _ID, Name),
            (r"[~^*!%&\[\](){}<>|+=:;,./?-]", Operator),
            (rf"{_digit}+\.{_digit}+([eE]{_digit}+)?[fd]?", Number.Float),
            (r"(?i)0b(?:[01]_+[01]|[01])+", Number.Bin),
            (r"(?i)0x(?:[0-9a-f]_+[0-9a-f]|[0-9a-f])+", Number.Hex),
            (r"0(?:[0-7]_+[0-7]|[0-7])+", Number.Oct),
            (rf"{_digit}+L?", Number.Integer),
            (r"\n", Text),
        ],
        "class": [(r"\s+", Text), (_ID, Name.Class, "#pop")],
        "import": [(r"\s+", Text), (r"(?i)[a-z0-9_.]+\*?", Name.Namespace, "#pop")],
    }


_PROMPT = re.compile(r"^.*?(?:\$|#|>|;)")


def console_tokens(code: str):
    """Rouge's console lexer: a line with a prompt (up to the first `$ # > ;`) is the prompt,
    its blanks, then shell; any other line is output."""
    shell = RougeShellLexer(stripnl=False, ensurenl=False)
    for line in code.splitlines(keepends=True):
        m = _PROMPT.match(line)
        if m is None:
            yield Generic.Output, line
            continue
        yield Generic.Prompt, m.group(0)
        rest = line[m.end():]
        blanks = rest[: len(rest) - len(rest.lstrip())] if rest.strip() else ""
        if blanks:
            yield Text.Whitespace, blanks
        yield from shell.get_tokens(rest[len(blanks):])


_R_KEYWORDS = set("if else for while repeat in next break function".split())
_R_CONSTANTS = set("NULL Inf TRUE FALSE NaN NA NA_integer_ NA_real_ NA_complex_ "
                   "NA_character_".split())
_R_BUILTIN_CONSTANTS = set("LETTERS letters month.abb month.name pi T F".split())
_R_PRIMITIVES = """abs acos acosh all any anyNA Arg as.call as.character as.complex as.double
as.environment as.integer as.logical as.null.default as.numeric as.raw asin asinh atan atanh attr
attributes baseenv browser c call ceiling class Conj cos cosh cospi cummax cummin cumprod cumsum
digamma dim dimnames emptyenv exp expression floor forceAndCall gamma gc.time globalenv Im
interactive invisible is.array is.atomic is.call is.character is.complex is.double
is.environment is.expression is.finite is.function is.infinite is.integer is.language is.list
is.logical is.matrix is.na is.name is.nan is.null is.numeric is.object is.pairlist is.raw
is.recursive is.single is.symbol lazyLoadDBfetch length lgamma list log max min missing Mod
names nargs nzchar oldClass on.exit pos.to.env proc.time prod quote range Re rep retracemem
return round seq_along seq_len seq.int sign signif sin sinh sinpi sqrt standardGeneric
substitute sum switch tan tanh tanpi tracemem trigamma trunc unclass untracemem UseMethod
xtfrm""".split()


def _r_name(lexer, match):
    word = match.group(0)
    if word in _R_KEYWORDS:
        tok = Keyword
    elif word in _R_CONSTANTS:
        tok = Keyword.Constant
    elif word in _R_BUILTIN_CONSTANTS:
        tok = Name.Builtin
    else:
        tok = Name
    yield match.start(), tok, word


class RougeRLexer(RegexLexer):
    name = "RougeR"
    tokens = {
        "root": [
            (r"#'.*?$", Comment.Doc),
            (r"#.*?$", Comment.Single),
            (r"\s+", Text.Whitespace),
            (r"`[^`]+?`", Name),
            (r"(?s)'(\\.|.)*?'", String.Single),
            (r'(?s)"(\\.|.)*?"', String.Double),
            (r"%[^%]*?%", Operator),
            (r"0[xX][a-fA-F0-9]+([pP][0-9]+)?[Li]?", Number.Hex),
            (r"[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?[Li]?", Number),
            # Rouge's `\b(?<!.)` sees nothing before its scan position: no look-behind here.
            (r"({})(?=\()".format("|".join(re.escape(f) for f in _R_PRIMITIVES)),
             Name.Function),
            (r"(?:(?:[^\W\d_]|[.][._a-zA-Z])[.\w]*)|[.]", _r_name),
            (r"[\[\]{}();,]", Punctuation),
            (r"[-<>?*+^/!=~$@:%&|]", Operator),
        ],
    }
