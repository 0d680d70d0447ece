"""The one pure render function (Liquid, then kramdown-faithful Markdown) used by the preview
and by export, the incremental renderer built on it, and what a failed render says. Code
outside this package imports from here. Must not import Qt."""

from tileditor.core.render.engine import Fragment, render, render_fragment
from tileditor.core.render.failure import RenderFailure
from tileditor.core.render.failure import describe as describe_failure
from tileditor.core.render.highlight import highlight_code
from tileditor.core.render.incremental import IncrementalRenderer, compose_patches, split_blocks
from tileditor.core.render.options import RenderOptions, RenderResult

__all__ = [
    "Fragment", "IncrementalRenderer", "RenderFailure", "RenderOptions", "RenderResult", "compose_patches",
    "describe_failure", "highlight_code", "render", "render_fragment", "split_blocks",
]
