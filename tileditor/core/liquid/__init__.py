"""The subset of Jekyll's Liquid the preview runs (engine) and its filters (filters). Code
outside this package imports from here. Must not import Qt."""

from tileditor.core.liquid.engine import LiquidContext, render_liquid

__all__ = ["LiquidContext", "render_liquid"]
