"""kramdown behaviours as Python-Markdown processors, one module per behaviour, registered by
one bundle (bundle.ROWS: every processor, its registry, priority and why) that shares one
per-conversion state (state.py) and one stash/marker helper (stash.py). Must not import Qt."""

from tileditor.core.render.kramdown.bundle import ROWS, KramdownBundle, LinearTwinsExtension, Row
from tileditor.core.render.kramdown.settings import KramdownSettings
from tileditor.core.render.kramdown.state import ConversionState, StateHolder

__all__ = ["ROWS", "ConversionState", "KramdownBundle", "KramdownSettings",
           "LinearTwinsExtension", "Row", "StateHolder"]
