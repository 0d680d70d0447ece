"""Incremental rendering: the block splitter (blocks), per-block HTML groups (html_blocks) and
the renderer that re-renders only changed blocks (renderer). Must not import Qt."""

from tileditor.core.render.incremental.blocks import split_blocks
from tileditor.core.render.incremental.html_blocks import cut, split_tail, top_level_items
from tileditor.core.render.incremental.renderer import IncrementalRenderer, compose_patches

__all__ = ["IncrementalRenderer", "compose_patches", "cut", "split_blocks", "split_tail", "top_level_items"]
