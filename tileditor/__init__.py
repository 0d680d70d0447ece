"""tileditor: a desktop Markdown editor for TIL posts in a Jekyll blog repository."""

__version__ = "0.1.0"
APP_ID = "io.github.tileditor.TilEditor"
