"""RenderOptions and RenderResult: the public value types of the renderer. No PySide6."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tileditor.core.render.incremental.renderer import BlockPatch


@dataclass(frozen=True)
class RenderOptions:
    """Per-call switches; None means "follow the site's kramdown config" (Jekyll's defaults)."""

    resolve_image: Callable[[str], str | None] | None = None
    smart_quotes: str | bool | None = None  # "lsquo,rsquo,ldquo,rdquo", False = straight quotes
    typographic: bool = True  # -- en dash, --- em dash, ... ellipsis, << >> guillemets
    toc_levels: tuple[int, ...] | None = None
    auto_ids: bool | None = None
    input: str | None = None  # "GFM" (Jekyll's default) or "kramdown"
    data_lines: bool = True


@dataclass(frozen=True)
class RenderResult:
    html: str
    warnings: list[str] = field(default_factory=list)
    title: str | None = None
    front_matter: dict = field(default_factory=dict)
    toc_html: str = ""
    headings: list[tuple[int, str, str]] = field(default_factory=list)
    images: list[tuple[str, str | None]] = field(default_factory=list)
    # Set by the IncrementalRenderer (IncrementalResult); a whole render() leaves them empty.
    blocks: tuple[str, ...] = ()  # the page's HTML per block group
    tail: str = ""  # what follows the groups (the endnotes)
    version: int | None = None  # counts this renderer's results
    patch: BlockPatch | None = None  # the groups changed since version `patch.base`
