"""Character references as kramdown reads them (its HTML_ENTITY_RE and entity table): a
name kramdown's table (the 253 HTML 4 names and `apos`) has, `&#NN;` and `&#xHH;` (lowercase
`x`) are entities; any other `&name;` or `&#XHH;` is text, its `&` printed as `&amp;`.
Python-Markdown passes every name (HTML 5's 2,000 too) to the page, where the browser reads
them. The names come from `ruby -rkramdown -e 'puts Kramdown::Utils::Entities::ENTITY_MAP
.values.map(&:name).compact.uniq.sort'`. Must not import PySide6."""

from __future__ import annotations

import html

from markdown.inlinepatterns import HtmlInlineProcessor

NAMES = frozenset("""
AElig Aacute Acirc Agrave Alpha Aring Atilde Auml Beta Ccedil Chi Dagger Delta ETH Eacute
Ecirc Egrave Epsilon Eta Euml Gamma Iacute Icirc Igrave Iota Iuml Kappa Lambda Mu Ntilde Nu
OElig Oacute Ocirc Ograve Omega Omicron Oslash Otilde Ouml Phi Pi Prime Psi Rho Scaron Sigma
THORN Tau Theta Uacute Ucirc Ugrave Upsilon Uuml Xi Yacute Yuml Zeta aacute acirc acute
aelig agrave alefsym alpha amp and ang apos aring asymp atilde auml bdquo beta brvbar bull
cap ccedil cedil cent chi circ clubs cong copy crarr cup curren dArr dagger darr deg delta
diams divide eacute ecirc egrave empty emsp ensp epsilon equiv eta eth euml euro exist fnof
forall frac12 frac14 frac34 frasl gamma ge gt hArr harr hearts hellip iacute icirc iexcl
igrave image infin int iota iquest isin iuml kappa lArr lambda lang laquo larr lceil ldquo
le lfloor lowast loz lrm lsaquo lsquo lt macr mdash micro middot minus mu nabla nbsp ndash
ne ni not notin nsub ntilde nu oacute ocirc oelig ograve oline omega omicron oplus or ordf
ordm oslash otilde otimes ouml para part permil perp phi pi piv plusmn pound prime prod prop
psi quot rArr radic rang raquo rarr rceil rdquo real reg rfloor rho rlm rsaquo rsquo sbquo
scaron sdot sect shy sigma sigmaf sim spades sub sube sum sup sup1 sup2 sup3 supe szlig tau
there4 theta thetasym thinsp thorn tilde times trade uArr uacute uarr ucirc ugrave uml upsih
upsilon uuml vellip weierp xi yacute yen yuml zeta zwj zwnj
""".split())
# What the browser would read as a reference (so Python-Markdown's serializer keeps its `&`).
PATTERN = r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[\w:][\w.:-]*);"


class KramdownEntityProcessor(HtmlInlineProcessor):
    """An entity kramdown reads goes to the page as written; any other keeps its text,
    the `&` escaped."""

    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's name)
        ref = m.group(0)
        if not (ref[1:2] == "#" and ref[2:3] != "X" or ref[1:-1] in NAMES):
            return self.md.htmlStash.store("&amp;"), m.start(0), m.start(0) + 1
        # Jekyll's entity_output as_char: the character, but `<`, `>` and `&` as written.
        char = html.unescape(ref)
        return self.md.htmlStash.store(ref if char in "<>&" else char), m.start(0), m.end(0)
