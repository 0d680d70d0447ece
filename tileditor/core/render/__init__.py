"""The one pure render function (Liquid, then kramdown-faithful Markdown) used by the preview
and by export. Must not import PySide6."""

from tileditor.core.render.engine import Fragment, render, render_fragment
from tileditor.core.render.options import RenderOptions, RenderResult

__all__ = ["render", "render_fragment", "Fragment", "RenderOptions", "RenderResult"]
