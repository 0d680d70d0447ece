"""The kramdown bundle, as Python-Markdown's `extra` bundles its extensions: ROWS lists every
processor of the converter in the order it runs (registry by registry, by priority), with why
it sits there. Our rows build a processor; Python-Markdown's own rows (`make` None) are listed
for their place, and a test checks the table against a live Markdown instance. The modules
keep the processor classes; no priority lives anywhere else. Qt-free (no PySide6)."""

from __future__ import annotations

from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.md_in_html import MarkdownInHtmlExtension
from markdown.extensions.tables import TableExtension
from markdown.inlinepatterns import IMAGE_LINK_RE, LINE_BREAK_RE

from tileditor.core.render import linemap
from tileditor.core.render.kramdown import (
    abbr_defs,
    angle_text,
    autolinks,
    blockquotes,
    deflists,
    emphasis,
    entities,
    extensions,
    fences,
    footnotes,
    gfm_blocks,
    heading_ids,
    html_nesting,
    html_scan,
    ial,
    indented_code,
    inline_blank,
    inline_code,
    inline_triggers,
    link_defs,
    link_scan,
    link_urls,
    list_indent,
    list_tightness,
    markup,
    math,
    open_spans,
    paragraphs,
    raw_elements,
    raw_spans,
    stash,
    tables,
    task_lists,
    toc,
    typography,
)
from tileditor.core.render.kramdown.ial_syntax import IAL_ONE
from tileditor.core.render.kramdown.rows import Build, Row
from tileditor.core.render.kramdown.rows import link_twin as _twin
from tileditor.core.render.kramdown.rows import theirs as _theirs
from tileditor.core.render.kramdown.settings import KramdownSettings
from tileditor.core.render.kramdown.state import ConversionState, StateHolder

# The Python-Markdown minor version whose internals these modules copy or lean on, where no
# public hook serves; pyproject pins `markdown` to it (tests/core/render/kramdown checks).
COPIED_FROM_MARKDOWN = "3.11"
COPIES = {
    "emphasis.KramdownEmphasisProcessor": "the inline pass's stashed_nodes and its "
    "placeholder format (a hard break taken before a delimiter)",
    "link_scan._LinearScan": "LinkInlineProcessor.getText/getLink's bracket counting",
    "html_scan": "HtmlBlockPreprocessor.run and HTMLExtractor's start-tag scan",
    "blockquotes.SeparateBlockQuoteProcessor": "BlockQuoteProcessor.run, without the "
    "merging, and util.nearing_recursion_limit",
    "abbr_defs.LinearAbbrBlockprocessor": "AbbrBlockprocessor.run's one-definition step",
    "footnotes": "the footnotes extension's ids and NBSP_PLACEHOLDER",
    "paragraphs.KramdownParagraphProcessor": "ParagraphProcessor.run",
    "inline_triggers.TriggeredInlineProcessor": "InlineProcessor.run and __handleInline's "
    "loops, their private __applyPattern, __processPlaceholders and __build_ancestors",
}
# Where each registry lives on a Markdown instance ("smarty": the smarty pass's own patterns).
REGISTRIES = ("preprocessors", "blockprocessors", "treeprocessors", "inlinepatterns",
              "postprocessors", "smarty")
# (registry, name, why) of Python-Markdown processors the bundle removes.
REMOVED = (
    ("preprocessors", "normalize_whitespace",
     "the engine normalises before the Liquid pass, so the placeholders Liquid stashes keep "
     "their STX/ETX"),
    ("inlinepatterns", "short_reference",
     "the reference row reads `[text]` itself; this one would link `[foo]` of `[foo][nope]`"),
    ("inlinepatterns", "short_image_ref", "the reference row reads `![text]` itself"),
    ("inlinepatterns", "automail",
     "the autolink row takes the addresses kramdown links; this one links more (`<a+b@c.d>`)"),
)


def _gfm(settings: KramdownSettings) -> bool:
    return settings.gfm


def _quotes(settings: KramdownSettings) -> bool:
    return settings.quotes_on


def _typographic(settings: KramdownSettings) -> bool:
    return settings.typographic


PRE, BLOCK, TREE, INLINE, POST = REGISTRIES[:5]
ROWS: tuple[Row, ...] = (
    # -- preprocessors: the text, line by line ---------------------------------------------
    Row(PRE, "tl_unbounded_tables", 31,
        "First, on the lines as written: a table's lines need a block boundary after them, "
        "which the passes below (fences, list re-indentation, IAL lines) blur",
        lambda b: tables.UnboundedTablePreprocessor(b.md, b.holder)),
    Row(PRE, "tl_footnote_end", 30,
        "First, on the lines as written (fences and `{:` lines not yet rewritten): ends a "
        "note at its first less-indented line, escapes a definition inside a paragraph",
        lambda b: footnotes.FootnoteEndPreprocessor(b.md)),
    Row(PRE, "tl_raw_elements", 29.5,
        "On the lines as written, before IALs (29) and fences (28): an element Python-"
        "Markdown has no block for (`<font>`, `<요약>`) takes its lines raw, fences and all",
        lambda b: raw_elements.RawElementPreprocessor(b.md, b.holder)),
    Row(PRE, "tl_block_ial", 29,
        "Before fences (28): skips fences itself but takes `{::comment}`/`{::nomarkdown}` "
        "bodies whole, fences inside included; IAL lines become blank-separated marker lines",
        lambda b: ial.BlockIalPreprocessor(b.md, b.holder)),
    Row(PRE, "tl_fences", 28,
        "Before math (27) and the list passes (26, 25): code is stashed before a `$$` or a "
        "list marker inside it is read; its placeholder goes at the item's text column",
        lambda b: fences.FencePreprocessor(b.md, b.holder)),
    Row(PRE, "tl_math_block", 27,
        "After fences (`$$` in code stays code), before list re-indentation (26)",
        lambda b: math.MathBlockPreprocessor(b.md, b.holder)),
    Row(PRE, "tl_list_indent", 26,
        "After every pass that puts placeholders in (29-27), so they move with their item; "
        "writes the soft blank lines 25 ignores",
        lambda b: list_indent.ListIndentPreprocessor(b.md, b.holder, b.settings.gfm)),
    Row(PRE, "tl_list_tightness", 25,
        "Right after re-indentation (26): reads 4-space levels, skips its soft blank lines",
        lambda b: list_tightness.ListTightnessPreprocessor(b.md, b.holder)),
    Row(PRE, "tl_nested_md_attr", 21,
        "Right before raw HTML extraction (20), which it prepares (`markdown=` on ancestors)",
        lambda b: html_nesting.NestedMarkdownAttrPreprocessor(b.md)),
    Row(PRE, "html_block", 20, "md_in_html's raw HTML extraction; same output in linear time",
        lambda b: (html_scan.LinearHtmlBlockPreprocessor(b.md) if b.settings is None
                   else html_scan.KramdownHtmlBlockPreprocessor(b.md, b.holder)), "md_in_html",
        twin=True),
    Row(PRE, "tl_line_map", 5,
        "Last: aligns the lines the block parser reads with the source (every placeholder "
        "and the lines it stands for are known by now)",
        lambda b: linemap.LineMapPreprocessor(b.md, b.holder)),
    # -- block processors: blocks into the tree --------------------------------------------
    Row(BLOCK, "tl_data_lines", 200,
        "First: sees each top-level block before any processor takes it (and declines it)",
        lambda b: linemap.DataLineBlockProcessor(b.md.parser, b.holder)),
    _theirs(BLOCK, "markdown_block", 105, "md_in_html"),
    Row(BLOCK, "empty", 100, "Python-Markdown's place; notes a second blank line (a "
        "definition needs its terms one blank line up)",
        lambda b: deflists.BlankCountingEmptyProcessor(b.md.parser, b.holder), "markdown"),
    Row(BLOCK, "tl_raw_elements", 99,
        "Before indent (90) and the rest: a block in a container opening with an element "
        "Python-Markdown has no block for (the top level: pre 29.5) is that raw element",
        lambda b: raw_elements.NestedRawElementProcessor(b.md.parser, b.holder)),
    Row(BLOCK, "indent", 90, "Python-Markdown's place; not right after a definition",
        lambda b: list_indent.KramdownListIndentProcessor(b.md.parser, b.holder), "markdown"),
    Row(BLOCK, "defindent", 85, "def_list's place; not right after a definition",
        lambda b: list_indent.KramdownDefIndentProcessor(b.md.parser, b.holder), "def_list"),
    Row(BLOCK, "code", 80, "Python-Markdown's place; kramdown's lazy lines join the code "
        "block, its last line keeps its trailing spaces",
        lambda b: indented_code.KramdownCodeBlockProcessor(b.md.parser, b.holder), "markdown"),
    Row(BLOCK, "table", 75, "the tables extension's place; kramdown's tables (separator "
        "rows start a tbody or the tfoot, no header needed, a body needed, ragged rows)",
        lambda b: tables.KramdownTableProcessor(b.md.parser, b.holder), "tables"),
    Row(BLOCK, "tl_lazy_quote", 74.5,
        "Above hashheader (70), setextheader (60), hr (50) and the lists (40, 30): a block "
        "opening with `>` is all quote (kramdown's lazy lines); below tables (75)",
        lambda b: blockquotes.LazyBlockQuoteProcessor(b.md.parser)),
    Row(BLOCK, "hashheader", 70, "Python-Markdown's place; GFM: `#Title` is no heading",
        lambda b: gfm_blocks.GfmHashHeaderProcessor(b.md.parser, b.holder), "markdown", _gfm),
    Row(BLOCK, "setextheader", 60, "Python-Markdown's place; `***` over `---` is two rules",
        lambda b: gfm_blocks.NoRuleSetextProcessor(b.md.parser, b.holder), "markdown", _gfm),
    Row(BLOCK, "hr", 50,
        "Python-Markdown's place; a rule splits a block only where GFM ends a paragraph",
        lambda b: gfm_blocks.GfmRuleProcessor(b.md.parser, b.holder), "markdown", _gfm),
    Row(BLOCK, "olist", 40, "Python-Markdown's place; another marker kind starts a new list",
        lambda b: list_indent.KramdownOListProcessor(b.md.parser, b.holder), "markdown"),
    Row(BLOCK, "ulist", 30, "Python-Markdown's place; another marker kind starts a new list",
        lambda b: list_indent.KramdownUListProcessor(b.md.parser, b.holder), "markdown"),
    Row(BLOCK, "deflist", 25, "def_list's place; kramdown's paragraphs in definitions (after a "
        "blank line) and lazy lines up to the next `:` line",
        lambda b: deflists.KramdownDefListProcessor(b.md.parser, b.holder), "def_list"),
    Row(BLOCK, "quote", 20,
        "Python-Markdown's place; a blank line between `>` lines starts a new quote",
        lambda b: blockquotes.SeparateBlockQuoteProcessor(b.md.parser), "markdown"),
    Row(BLOCK, "footnote", 17, "footnotes' place; a definition ends the list before it",
        lambda b: footnotes.EobFootnoteBlockProcessor(b.replaced.footnotes, b.holder),
        "footnotes"),
    Row(BLOCK, "abbr", 16, "abbr's place; a run of definitions at once, same output (linear); "
        "kramdown's definitions (a block's first lines, one line each, maybe untitled)",
        lambda b: abbr_defs.LinearAbbrBlockprocessor(b.md.parser, b.replaced.abbrs)
        if b.settings is None
        else abbr_defs.KramdownAbbrBlockprocessor(b.md.parser, b.replaced.abbrs, b.holder),
        "abbr", twin=True),
    Row(BLOCK, "reference", 15, "Python-Markdown's place; kramdown's link definitions: at a "
        "block's start only, a URL with spaces, no parenthesised title",
        lambda b: link_defs.KramdownReferenceProcessor(b.md.parser, b.holder), "markdown"),
    Row(BLOCK, "paragraph", 10, "Python-Markdown's place, last; only ASCII whitespace comes "
        "off a paragraph's start (U+3000 stays)",
        lambda b: paragraphs.KramdownParagraphProcessor(b.md.parser), "markdown"),
    # -- tree processors: the element tree -------------------------------------------------
    Row(TREE, "tl_data_lines", 100,
        "First: tags what the last block made, before footnotes (50) add their list",
        lambda b: linemap.DataLineTreeprocessor(b.md, b.holder)),
    _theirs(TREE, "footnote", 50, "footnotes"),
    Row(TREE, "tl_block_ial", 26,
        "Before inline parsing (20), while marker paragraphs are plain text; the ids and "
        "classes it gives are there for heading ids (4) and the TOC (3)",
        lambda b: ial.ApplyBlockIalTreeprocessor(b.md, b.holder)),
    Row(TREE, "tl_list_tightness", 24.5,
        "Before inline parsing (20): matches items by raw text against pre 25's decisions",
        lambda b: list_tightness.ListTightnessTreeprocessor(b.md, b.holder)),
    Row(TREE, "tl_item_ial", 24.45,
        "After list tightness (24.5) matched items by their raw text, before inline parsing "
        "(20) would print the IAL: `* {:.cls} a` puts the class on the item",
        lambda b: ial.ItemIalTreeprocessor(b.md, b.holder)),
    Row(TREE, "tl_fence_in_item", 24.4,
        "After list tightness (24.5) unwraps first paragraphs, before inline parsing (20): "
        "a fence right under an item's text ends that paragraph",
        lambda b: fences.FenceInItemTreeprocessor(b.md, b.holder)),
    Row(TREE, "tl_explicit_ids", 24,
        "Before inline parsing (20): takes `{#id}` off a heading and keeps its source text "
        "(kramdown input hashes it) before escapes and emphasis rewrite it",
        lambda b: heading_ids.ExplicitIdTreeprocessor(b.md)),
    Row(TREE, "tl_task_lists", 23, "Before inline parsing (20): `[ ]` is no link reference",
        lambda b: task_lists.TaskListTreeprocessor(b.md)),
    Row(TREE, "tl_raw_span_html", 20.8,
        "Right before inline parsing (20): stashes raw-content elements (`<u>`, `<kbd>`) "
        "found left to right as kramdown reads spans, so no pattern reads inside them",
        lambda b: raw_spans.RawSpanTreeprocessor(b.md)),
    Row(TREE, "tl_blank_text", 20.5,
        "Right before inline parsing (20): newline-only texts go atomic (no pattern runs)",
        lambda b: inline_blank.BlankTextTreeprocessor(b.md)),
    Row(TREE, "inline", 20, "Python-Markdown's place; skips a pattern on text lacking every "
        "character its matches need (same output, most of a full render's time saved)",
        lambda b: inline_triggers.TriggeredInlineProcessor(b.md), "markdown", twin=True),
    Row(TREE, "tl_close_spans", 19,
        "Right after inline parsing (20) stashed every tag: closes span elements a text block "
        "left open, prints a closing tag that is not the innermost open element's",
        lambda b: open_spans.CloseOpenSpansTreeprocessor(b.md, b.holder)),
    _theirs(TREE, "footnote-duplicate", 15, "footnotes"),
    Row(TREE, "prettify", 10, "Python-Markdown's place; code keeps its last line's trailing "
        "spaces", lambda b: indented_code.CodePrettifyTreeprocessor(b.md), "markdown"),
    Row(TREE, "tl_blank_text_2", 9,
        "After prettify (10) adds newlines, before smarty (6), the second inline pass",
        lambda b: inline_blank.BlankTextTreeprocessor(b.md)),
    Row(TREE, "tl_span_ial", 8,
        "After inline parsing made its `tl-ial` elements; before abbr (7) and smarty (6), "
        "so the text it puts back (an IAL kramdown prints) is read as other text",
        lambda b: ial.ApplySpanIalTreeprocessor(b.md, b.holder)),
    Row(TREE, "abbr", 7, "abbr's place; kramdown's word boundaries (`(X)HTML`), an "
        "untitled `<abbr>`, its definition's IALs",
        lambda b: abbr_defs.KramdownAbbrTreeprocessor(b.md, b.replaced.abbrs, b.holder),
        "abbr"),
    Row(TREE, "tl_footnotes", 6.9,
        "After footnotes' passes (50, 15) built notes and back links: kramdown's markup "
        "and numbering by first reference",
        lambda b: footnotes.KramdownFootnoteTreeprocessor(b.md)),
    Row(TREE, "tl_smart_quotes", 6.5,
        "After inline parsing and the span IALs (8) put their text back; before smarty (6), "
        "which turns dashes and ellipses (its own quote rules are not loaded): kramdown's "
        "quote rules, reading the Markdown around each text run",
        lambda b: typography.smart_quotes_processor(b.smarty, b.md), when=_quotes),
    Row(TREE, "smarty", 6, "smarty's place and patterns; skips as the inline pass (20) does",
        lambda b: inline_triggers.TriggeredInlineProcessor(b.md, b.replaced.inlinePatterns),
        "smarty", twin=True),
    Row(TREE, "tl_inline_code", 5,
        "After inline parsing made code spans; before the TOC (3) copies heading markup",
        lambda b: inline_code.InlineCodeTreeprocessor(b.md)),
    Row(TREE, "tl_table_align", 4.8, "Any time after the tables block processor (75)",
        lambda b: markup.TableAlignTreeprocessor(b.md)),
    Row(TREE, "tl_indented_code", 4.5,
        "Any time after parsing (inline passes skip code); keeps the block's data-line",
        lambda b: fences.IndentedCodeTreeprocessor(b.md)),
    Row(TREE, "tl_heading_ids", 4,
        "After inline parsing and smarty (6): GFM hashes the visible text (`A -- B` is "
        "`a--b`); before the TOC (3) reads the ids",
        lambda b: heading_ids.HeadingIdTreeprocessor(
            b.md, "gfm" if b.settings.gfm else "kramdown", b.settings.auto_ids)),
    Row(TREE, "tl_toc", 3,
        "After heading ids (4); before unescape (0), so it unescapes the sidebar it "
        "serialises itself",
        lambda b: toc.TocTreeprocessor(b.md, b.holder, b.settings.toc_levels)),
    _theirs(TREE, "unescape", 0, "markdown"),
    # -- inline patterns: text inside blocks -----------------------------------------------
    Row(INLINE, "backtick", 190, "Python-Markdown's place, first: kramdown's parse_codespan "
        "(a run closes at the next run of as many backticks; single-backtick spans keep their "
        "spaces)", lambda b: inline_code.backtick_processor(), "markdown"),
    Row(INLINE, "tl_math_inline", 187, "Below code spans (190); above span IALs (186): TeX may "
        "hold `{:`", lambda b: math.InlineMathProcessor(math.INLINE_MATH, b.md)),
    Row(INLINE, "tl_span_extension", 186.5,
        "Below inline math (187), above span IALs (186): `{::comment}`/`{::nomarkdown}` "
        "bodies are taken whole before an IAL, escape or emphasis reads inside them",
        lambda b: extensions.SpanExtensionProcessor(extensions.SPAN_START, b.md)),
    Row(INLINE, "tl_span_ial", 186,
        "Above escapes (180): attribute values keep the backslashes parse_attributes reads",
        lambda b: ial.SpanIalProcessor(IAL_ONE, b.md)),
    Row(INLINE, "tl_backslash_break", 181, "Above escapes (180), which would take the backslash",
        lambda b: gfm_blocks.backslash_break_processor(), when=_gfm),
    _theirs(INLINE, "escape", 180, "markdown"),
    Row(INLINE, "footnote", 175, "footnotes' place; finds the same `[^id]` in linear time",
        lambda b: link_scan.LinearFootnoteProcessor(b.replaced.footnotes), "footnotes",
        twin=True),
    _twin("reference", 170, link=True),
    Row(INLINE, "tl_image_first", 165,
        "Above links (160): an image's brackets are alt text, links and all, as kramdown "
        "reads left to right; image_link (150) stays for images inside a link's text",
        lambda b: link_urls.KramdownImageFirstProcessor(IMAGE_LINK_RE, b.md)),
    _twin("link", 160, link=True),
    _twin("image_link", 150),
    _twin("image_reference", 140),
    _twin("short_reference", 130, link=True),
    _twin("short_image_ref", 125),
    Row(INLINE, "autolink", 120, "Python-Markdown's place; kramdown's AUTOLINK_START (its "
        "schemes and address characters), mail addresses too (automail is removed)",
        lambda b: autolinks.KramdownAutolinkProcessor(b.md), "markdown"),
    Row(INLINE, "linebreak", 100, "Python-Markdown's place; no break inside a tag that "
        "opens before it (kramdown reads the tag first)",
        lambda b: angle_text.KramdownLineBreakProcessor(LINE_BREAK_RE, "br"), "markdown"),
    Row(INLINE, "tl_angle_text", 92,
        "Above stray closing tags (91) and raw inline HTML (90): a `<` kramdown's HTML_TAG_RE "
        "does not take, or a block element's tag in running text, is text",
        lambda b: angle_text.AngleTextProcessor(b.md)),
    Row(INLINE, "tl_stray_close_tag", 91,
        "Right above raw inline HTML (90), which would pass the closing tag through",
        lambda b: markup.StrayCloseTagProcessor(markup.STRAY_CLOSE_TAG, b.md)),
    Row(INLINE, "html", 90, "Python-Markdown's place (smarty's stricter pattern kept when it "
        "loads one): notes the tags it stashes for tree tl_close_spans (19); `<a/>` is `<a></a>`",
        lambda b: open_spans.InlineHtmlProcessor(b.replaced.pattern, b.md, b.holder), "markdown"),
    Row(INLINE, "entity", 80, "Python-Markdown's place; kramdown's entity names and forms: "
        "another `&name;` (HTML 5's `&Dcaron;`) or `&#X22;` is text",
        lambda b: entities.KramdownEntityProcessor(entities.PATTERN, b.md), "markdown"),
    Row(INLINE, "tl_strike", 65,
        "Above emphasis (60): an element's text is parsed by the patterns below its own, so "
        "emphasis pairs inside `~~` and around it",
        lambda b: gfm_blocks.strike_processor(), when=_gfm),
    Row(INLINE, "em_strong", 60, "Python-Markdown's place, last: kramdown's parse_emphasis "
        "(no element inside its own kind, an open `**` retried as `*`) over what the patterns "
        "above left", lambda b: emphasis.KramdownEmphasisProcessor(b.md, b.holder), "markdown"),
    # -- postprocessors: the serialised HTML -----------------------------------------------
    Row(POST, "tl_lift_data_lines", 40,
        "Before raw HTML goes back (30): moves data-line from a `<p>` around a stashed "
        "block onto the block, still editable in the stash",
        lambda b: linemap.LiftDataLinesPostprocessor(b.md, b.holder)),
    Row(POST, "tl_math_unwrap", 31,
        "Before raw HTML goes back (30), while a math block is still its placeholder: drops "
        "the `<p>` around display math (an IAL's attributes go on kramdown's `<div>`)",
        lambda b: math.MathParagraphPostprocessor(b.md, b.holder)),
    _theirs(POST, "raw_html", 30, "md_in_html"),
    _theirs(POST, "footnote", 25, "footnotes"),
    _theirs(POST, "amp_substitute", 20, "markdown"),
    Row(POST, "tl_markdown_attr", 5, "After raw HTML is back (30): drops `markdown=` from it",
        lambda b: markup.MarkdownAttrPostprocessor(b.md)),
    Row(POST, "tl_stray_marks", 2,
        "After everything that can put text back: a marker left (in raw HTML) becomes the "
        "text it replaced, so none reaches the page",
        lambda b: stash.StrayMarkPostprocessor(b.md, b.holder)),
    Row(POST, "tl_trailing", 1,
        "Last: notes the trailing whitespace Markdown.convert strips (fragments need it)",
        lambda b: linemap.TrailingPostprocessor(b.md, b.holder)),
    # -- smarty's own patterns (run by its tree processor, priority 6) ---------------------
    Row("smarty", "smarty-em-dashes", 50, "smarty's place; `---` from the left of any run of "
        "hyphens, as kramdown's TYPOGRAPHIC_SYMS (smarty's `--` at 45 then reads the rest as kramdown "
        "does)", lambda b: typography.symbol(b.smarty, b.md, "---"),
        "smarty", _typographic),
    Row("smarty", "tl_laquo_space", 41, "Above smarty's `<<` (40): kramdown's laquo_space, "
        "the space after `<<` kept as a no-break space",
        lambda b: typography.spaced_guillemet(b.smarty, b.md, "<< "), when=_typographic),
    Row("smarty", "tl_raquo_space", 36, "Above smarty's `>>` (35): kramdown's raquo_space",
        lambda b: typography.spaced_guillemet(b.smarty, b.md, " >>"), when=_typographic),
    Row("smarty", "smarty-ellipses", 10, "smarty's place; `...` from the left of any run of "
        "dots", lambda b: typography.symbol(b.smarty, b.md, "..."), "smarty", _typographic),
)


def registry(md, name: str):
    """The Markdown instance's registry called `name` in ROWS."""
    if name == "blockprocessors":
        return md.parser.blockprocessors
    if name == "inlinepatterns":
        return md.inlinePatterns
    if name == "smarty":
        return md.treeprocessors["smarty"].inlinePatterns
    return getattr(md, name)


def active(row: Row, settings: KramdownSettings) -> bool:
    """Whether the bundle registers `row` for `settings`."""
    return row.ours and (row.when is None or row.when(settings))


def normalize(body: str) -> str:
    """What the removed normalize_whitespace did, for the engine to run before the Liquid
    pass (so placeholders made by Liquid survive): no STX/ETX, `\n` newlines, tabs expanded
    outside verbatim code, whitespace-only lines emptied outside fenced code, two newlines
    appended so the last block ends like every other one."""
    body = body.replace(stash.STX, "").replace(stash.ETX, "")
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(fences.expand_tabs(body.split("\n"))) + "\n\n"


class KramdownBundle(Extension):
    """Loads Python-Markdown's extensions and registers every row of ROWS (but those named
    in `without`, as (registry, name): for experiments and tests). `holder.state` is the
    running conversion's state; Markdown.reset() starts a fresh one.

    The protocol: `begin(md, source, ...)`, then anything that stashes into this conversion
    (the Liquid pass), then `md.convert(text)`; results are in `holder.state`."""

    def __init__(self, settings: KramdownSettings | None = None,
                 without: frozenset[tuple[str, str]] = frozenset(), **kwargs):
        super().__init__(**kwargs)
        self.settings = settings or KramdownSettings()
        self.without = without
        self.holder = StateHolder()
        self.registered: dict[tuple[str, str], object] = {}  # (registry, name) -> processor

    def begin(self, md, source: str, data_lines: bool = False,
              first_line: int = 1) -> ConversionState:
        """Start converting `source` (normalised text; file line `first_line` first): a
        Markdown.reset(), which gives a fresh state, and the state's inputs."""
        md.reset()
        state = self.holder.state
        state.data_lines, state.first_line = data_lines, first_line
        if data_lines:
            state.source_lines = source[:-2].split("\n")
        return state

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        # Python-Markdown's extensions first, as `extra` loads them (footnotes and smarty
        # configured for kramdown's markup); the rows then add to and replace their processors.
        smarty = typography.typography_extension(self.settings)
        # As instances, not by name: a name makes Python-Markdown look it up in the installed
        # packages' entry points (importlib.metadata, ~20 ms before the first render).
        md.registerExtensions([AbbrExtension(), DefListExtension(), TableExtension(),
                               MarkdownInHtmlExtension(), footnotes.footnote_extension(), smarty],
                              {})
        for reg_name, name, _why in REMOVED:
            registry(md, reg_name).deregister(name)
        # Not a processor: the escape pattern reads md.ESCAPED_CHARS (kramdown escapes more).
        md.ESCAPED_CHARS = list(dict.fromkeys([*md.ESCAPED_CHARS, *markup.KRAMDOWN_ESCAPES]))
        for row in ROWS:
            if active(row, self.settings) and (row.registry, row.name) not in self.without:
                self.registered[row.registry, row.name] = _register(
                    md, row, Build(md, self.holder, self.settings, smarty))
        md.registerExtension(self)

    def reset(self) -> None:
        self.holder.reset()


class LinearTwinsExtension(Extension):
    """Only the twin rows, on whatever Python-Markdown setup it joins (the bounded-time tests
    compare it with the original processors): each replaces its namesake if present."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        for row in ROWS:
            if row.twin and row.name in registry(md, row.registry):
                _register(md, row, Build(md, None, None))


def _register(md, row: Row, build: Build):
    reg = registry(md, row.registry)
    build.replaced = reg[row.name] if row.name in reg else None
    processor = row.make(build)
    reg.register(processor, row.name, row.priority)
    return processor
