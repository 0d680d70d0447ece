"""The kramdown bundle's row type (bundle.ROWS is a table of them) and the factory of its
link-family rows, whose processors differ between the kramdown bundle (kramdown's reading of
references and destinations) and the bare linear twins (Python-Markdown's). Qt-free."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tileditor.core.render.kramdown import link_refs, link_scan, link_urls
from tileditor.core.render.kramdown.settings import KramdownSettings
from tileditor.core.render.kramdown.state import StateHolder


@dataclass
class Build:
    """What a row's `make` gets: the converter, the state holder, the settings, the smarty
    extension and the processor the row replaces (None when it adds one)."""

    md: object
    holder: StateHolder | None
    settings: KramdownSettings | None
    smarty: object = None
    replaced: object = None


@dataclass(frozen=True)
class Row:
    registry: str
    name: str
    priority: float
    why: str
    make: Callable[[Build], object] | None = None  # None: Python-Markdown's own processor
    origin: str = ""  # the Python-Markdown extension ("markdown": core) whose processor it is
    when: Callable[[KramdownSettings], bool] | None = None  # registered only if true
    twin: bool = False  # same output as the processor it replaces, in linear time

    @property
    def ours(self) -> bool:
        return self.make is not None


def theirs(registry: str, name: str, priority: float, origin: str, why: str = "") -> Row:
    return Row(registry, name, priority, why, origin=origin)


# Patterns the kramdown bundle leaves to its reference row (link_refs), which reads them all.
_READ_BY_REFERENCE = ("short_reference", "short_image_ref")


def _never(settings: KramdownSettings) -> bool:
    return False


def link_twin(name: str, priority: float, link: bool = False) -> Row:
    cls, pattern = link_scan.REPLACEMENTS[name]

    def make(b):
        # kramdown reads references (link_refs) and destinations (link_urls) its own way;
        # the bare twins match Python-Markdown.
        if b.settings is not None and name in link_refs.KRAMDOWN:
            return link_refs.KramdownReferenceProcessor(link_refs.KRAMDOWN[name], b.md)
        kind = cls if b.settings is None else link_urls.KRAMDOWN.get(name, cls)
        processor = kind(pattern, b.md)
        if link and b.settings is not None:
            # kramdown makes no link inside a link's text (`[a [b](c)](d)` keeps `[b](c)` as
            # text); images stay allowed. Not for the bare twins, which match Python-Markdown.
            processor.ANCESTOR_EXCLUDES = ("a",)
        return processor

    return Row("inlinepatterns", name, priority,
               "Python-Markdown's own place; finds the same matches in linear time"
               + ("; none inside a link's text, as in kramdown" if link else "")
               + ("; kramdown's destinations (backslashes kept)" if name in link_urls.KRAMDOWN
                  else "")
               + ("; kramdown's ids (as typed; an undefined one links nothing)"
                  if name in link_refs.KRAMDOWN else "")
               + ("; a twin only: kramdown's reference row reads these"
                  if name in _READ_BY_REFERENCE else ""),
               make, "markdown", _never if name in _READ_BY_REFERENCE else None, twin=True)
