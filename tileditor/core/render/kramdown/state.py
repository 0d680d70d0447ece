"""What one conversion's processors tell each other (stashed block spans, IALs, list decisions,
headings, the line map), in one dataclass made fresh for every conversion: the bundle's
reset() (called by Markdown.reset()) replaces it, so nothing carries over between renders and
nothing is stored on the Markdown object. Qt-free (no PySide6)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ConversionState:
    # -- set by the engine before converting ----------------------------------------------
    data_lines: bool = False  # tag top-level blocks with the file line they start on
    source_lines: list[str] = field(default_factory=list)  # the body as written (no Liquid)
    first_line: int = 1  # file line of source_lines[0]
    # -- written by preprocessors ---------------------------------------------------------
    # Placeholder or marker line -> how many source lines it stands for (the line map).
    spans: dict[str, int] = field(default_factory=dict)
    whole_blocks: set[int] = field(default_factory=set)  # stash indexes kept out of a <p>
    # container element id -> (stash index, end tags added) of a raw element left open
    raw_open: dict[int, tuple[int, str]] = field(default_factory=dict)
    fences_in_item: set[str] = field(default_factory=set)  # fences right under item text
    math_blocks: set[str] = field(default_factory=set)  # display-math placeholders
    # placeholder -> source of a fence or math block outside quotes (raw text if an element
    # a list item leaves open holds it)
    block_sources: dict[str, str] = field(default_factory=dict)
    mark_sources: dict[str, str] = field(default_factory=dict)  # marker (row) -> text replaced
    ials: list[tuple[tuple[dict, list], str]] = field(default_factory=list)  # (attrs, refs), dir
    eobs_after_blank: set[str] = field(default_factory=set)  # markers of `^` after a blank
    alds: dict[str, dict[str, str]] = field(default_factory=dict)  # ALD name -> attributes
    # link definition name -> (attributes, refs) of the IALs under or over it
    link_ials: dict[str, tuple[dict, list]] = field(default_factory=dict)
    abbr_ials: dict[str, dict[str, str]] = field(default_factory=dict)  # abbreviation -> attrs
    soft_blanks: set[int] = field(default_factory=set)  # blank lines added for Python-Markdown
    bare_items: list[tuple[str, bool]] = field(default_factory=list)  # (item prefix, bare)
    line_of: list[int] = field(default_factory=list)  # preprocessed line -> source line index
    # -- the block parser's progress (data-line tagging) ----------------------------------
    top_blocks: list[str] | None = None  # the document's own block list, once parsing starts
    block_starts: list[int] = field(default_factory=list)  # line of each top block's start
    block_texts: list[str] = field(default_factory=list)  # each top block as first split
    block_newlines: dict[int, list[int]] = field(default_factory=dict)  # their "\n" offsets
    pending: tuple[int, int] | None = None  # (root children before this block, its line)
    deflist_rest: str | None = None  # the block a definition put back (no blank line before)
    after_blanks: str | None = None  # the block after two or more blank lines
    eob: tuple[object, int] | None = None  # (parent, its child count) at a definition's end
    # the rest of a block a definition opened (no blank line between): kramdown's :eob of a
    # definition is no block boundary, so no table or setext heading starts there
    no_boundary: str | None = None
    # first lines of blocks kramdown reads right after something that is no block boundary:
    # the text after a raw element's end tag on its line (raw_elements), the line under a
    # block IAL that went to the block above it (ial: kramdown's :eob of an IAL)
    no_boundary_lines: set[str] = field(default_factory=set)
    unbounded_tables: set[str] = field(default_factory=set)  # first lines of table-like runs
    # that no block boundary follows (kramdown reverts them to paragraphs)
    # -- the inline pass -----------------------------------------------------------------
    inline_tags: dict[str, tuple[str, str]] = field(default_factory=dict)  # placeholder ->
    # ("open" or "close", element name) of each tag the raw inline HTML pattern stashed
    emphasis: object = None  # emphasis.EmphasisMemo, made on the first emphasis delimiter
    # -- results --------------------------------------------------------------------------
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # (level, id, text)
    toc_html: str = ""  # the sidebar TOC, serialised before postprocessing
    trailing: str = ""  # whitespace the output ends with (Markdown.convert strips it)


def mark_eob(holder: StateHolder, parent) -> None:
    """A definition (link, footnote, abbreviation) took a whole block: kramdown leaves an
    :eob element there, so the list, code block or definition list before it is not
    continued after it."""
    holder.state.eob = (parent, len(parent))


def after_eob(holder: StateHolder, parent) -> bool:
    """Whether a definition is the last thing read into `parent`."""
    eob = holder.state.eob
    return eob is not None and eob[0] is parent and eob[1] == len(parent)


class EobAware:
    """For a block processor: no last child to continue right after a definition."""

    holder: StateHolder

    def lastChild(self, parent):  # noqa: N802 (Python-Markdown's name)
        return None if after_eob(self.holder, parent) else super().lastChild(parent)


class NeedsBoundary:
    """For a block processor of an element that starts only after a block boundary
    (kramdown's after_block_boundary?: tables, setext headings)."""

    def __init__(self, parser, holder: StateHolder):
        super().__init__(parser)
        self.holder = holder

    def at_boundary(self, block: str) -> bool:
        state = self.holder.state
        return block is not state.no_boundary and not (
            state.no_boundary_lines and block.split("\n", 1)[0] in state.no_boundary_lines)


class StateHolder:
    """Hands every processor the current conversion's state; `reset()` starts a new one."""

    __slots__ = ("state",)

    def __init__(self) -> None:
        self.state = ConversionState()

    def reset(self) -> ConversionState:
        self.state = ConversionState()
        return self.state
