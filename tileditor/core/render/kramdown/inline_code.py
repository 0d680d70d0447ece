"""Jekyll's kramdown+rouge marks inline code spans `<code class="language-plaintext
highlighter-rouge">`; the theme styles them by that class. Must not import PySide6."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor


class InlineCodeTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            if parent.tag == "pre":
                continue
            for child in parent:
                if child.tag == "code" and not child.get("class"):
                    child.set("class", "language-plaintext highlighter-rouge")

