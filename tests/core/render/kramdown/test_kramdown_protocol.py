"""The render protocol (issue 8): the bundle's table is what a live Markdown instance runs,
per-conversion state lives in ConversionState and never on the Markdown object, the frozen
KramdownSettings keys the converters, and the `markdown` pin matches the copied code."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import markdown
import pytest

from tests.helpers.render import bundle_html
from tileditor.core.render import RenderOptions, render, render_fragment
from tileditor.core.render.kramdown import ROWS, KramdownBundle, KramdownSettings
from tileditor.core.render.kramdown import bundle as kbundle
from tileditor.core.render.kramdown.state import ConversionState

ROOT = Path(__file__).resolve().parents[4]
RENDER = ROOT / "tileditor" / "core" / "render"
SETTINGS = [KramdownSettings(), KramdownSettings(gfm=False), KramdownSettings(
    smart_quotes=False, typographic=False, auto_ids=False, toc_levels=(2, 3))]


def _converter(settings: KramdownSettings) -> markdown.Markdown:
    return markdown.Markdown(output_format="xhtml", extensions=[KramdownBundle(settings)])


def _bundle(md) -> KramdownBundle:
    return next(e for e in md.registeredExtensions if isinstance(e, KramdownBundle))


def _live(reg) -> list[tuple[str, float]]:
    reg._sort()  # Registry keeps its order in _priority (no public accessor for priorities)
    return [(item.name, item.priority) for item in reg._priority]


def _expected(registry: str, settings: KramdownSettings) -> list[tuple[str, float]]:
    """The table's rows of `registry` as registered for `settings`: Python-Markdown's own,
    ours that are active, and where an inactive row of ours replaces one, the original
    (unless the bundle removes it)."""
    removed = {(reg, name) for reg, name, _why in kbundle.REMOVED}
    return [(row.name, row.priority) for row in ROWS if row.registry == registry and (
        not row.ours or kbundle.active(row, settings)
        or (row.origin and (row.registry, row.name) not in removed))]


@pytest.mark.parametrize("settings", SETTINGS, ids=["gfm", "kramdown", "plain"])
def test_the_table_is_the_registration_order(settings):
    md = _converter(settings)
    for registry in kbundle.REGISTRIES[:5]:
        assert _live(kbundle.registry(md, registry)) == _expected(registry, settings), registry
    ours = _bundle(md).registered
    for row in ROWS:
        reg = kbundle.registry(md, row.registry)
        if kbundle.active(row, settings):
            assert reg[row.name] is ours[row.registry, row.name]
        elif row.name in reg:  # Python-Markdown's own processor
            assert not any(reg[row.name] is p for p in ours.values()), row.name
            assert not row.ours or row.origin
        else:
            # an addition the settings switch off, or a replacement of a processor the same
            # settings keep out (smarty loads no dash pattern with typographic symbols off)
            assert row.ours and (not row.origin or row.when is not None)


def test_quotes_are_ours_and_smarty_keeps_no_quote_rule():
    md = _converter(KramdownSettings())
    assert "tl_smart_quotes" in md.treeprocessors
    smarty = md.treeprocessors["smarty"].inlinePatterns
    assert not any("quote" in n and "angle" not in n for n, _ in _live(smarty))
    plain = _converter(KramdownSettings(smart_quotes=False))
    assert "tl_smart_quotes" not in plain.treeprocessors


def test_the_table_reads_in_run_order_and_says_why():
    order = [kbundle.REGISTRIES.index(row.registry) for row in ROWS]
    assert order == sorted(order)
    for registry in kbundle.REGISTRIES:
        priorities = [row.priority for row in ROWS if row.registry == registry]
        assert priorities == sorted(priorities, reverse=True)
        assert len(set(priorities)) == len(priorities), f"a tie in {registry}"
    assert all(row.why for row in ROWS if row.ours)
    assert all(row.origin for row in ROWS if not row.ours or row.twin)


def test_removed_processors_are_gone():
    md = _converter(KramdownSettings())
    for registry, name, why in kbundle.REMOVED:
        assert why and name not in kbundle.registry(md, registry)


def test_no_processor_priority_lives_outside_the_table():
    """Modules keep the classes; only bundle.py registers (with the table's numbers)."""
    bad = [f"{p.relative_to(ROOT)}:{n}" for p in RENDER.rglob("*.py") if p.name != "bundle.py"
           for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
           if re.search(r"\.register\(", line)]
    assert bad == []


# -- per-conversion state ------------------------------------------------------------------

# md.tl_x, self.md.htmlStash.tl_x, stash.tl_x, getattr(anything, "tl_x"...), setattr(...)
_AD_HOC = re.compile(r"""(?:\bmd|[sS]tash)\.tl_\w+|(?:get|set|has)attr\([^,()]+,\s*["']tl_""")


def test_no_tl_attribute_on_the_markdown_object_in_the_source():
    bad = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}" for p in RENDER.rglob("*.py")
           for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
           if _AD_HOC.search(line)]
    assert bad == []


_RICH = """---
title: x
---
* TOC
{:toc}

# Head \\*one\\*
{: .big}

{:ald: .x}
- a
- b

  more
{: ald}

```py
x = 1
```

$$a^2$$

| a | b |
| c | d |

Note[^1] and {% raw %}{{ raw }}{% endraw %}.

[^1]: the note
"""


def test_rendering_leaves_no_tl_key_on_the_markdown_instance():
    from tileditor.core.render import engine

    render(_RICH)
    render_fragment("# again\n\n- x\n", {}, 5)
    md, bundle = engine._converter(KramdownSettings.of(None, RenderOptions()))
    for obj in (md, md.htmlStash, md.parser):
        assert [k for k in vars(obj) if k.startswith("tl_")] == []
    assert isinstance(bundle.holder.state, ConversionState)


def test_each_conversion_starts_from_a_fresh_state():
    bundle = KramdownBundle(KramdownSettings())
    md = markdown.Markdown(extensions=[bundle])
    text = kbundle.normalize("{:ald: .x}\n\n# A\n\npara\n{: ald}\n")
    first = bundle.begin(md, text, data_lines=True)
    md.convert(text)
    assert first.alds and first.headings and first.spans
    second = bundle.begin(md, kbundle.normalize("plain\n"))
    assert second is not first and second == ConversionState()
    # and nothing of the first document reaches the second's HTML
    assert 'class="x"' not in bundle_html("para\n{: ald}\n")


def test_fragment_trailing_is_the_whitespace_after_the_last_block():
    assert render_fragment("para\n\n<div>x</div>\n", {}, 1).trailing == "\n"
    assert render_fragment("para\n", {}, 1).trailing == ""
    assert render_fragment("\n\n", {}, 1).trailing == ""


def test_top_level_blocks_carry_the_line_they_start_on():
    html = render("---\nt: 1\n---\n# T\n\npara\nstill\n\n> quote\n\n```\nc\n```\n\n- item\n").html
    assert re.findall(r'<(\w+)[^>]*data-line="(\d+)"', html) == [
        ("h1", "4"), ("p", "6"), ("blockquote", "9"), ("div", "11"), ("ul", "15")]


# -- settings ------------------------------------------------------------------------------

def test_settings_are_frozen_and_key_the_converters():
    from tileditor.core.render import engine

    site = type("Site", (), {"kramdown": {"smart_quotes": ["lsquo", "rsquo", "ldquo", "rdquo"],
                                          "toc_levels": "2..3", "input": "GFM"}})()
    a = KramdownSettings.of(site, RenderOptions())
    assert a == KramdownSettings(toc_levels=(2, 3)) and hash(a) == hash(
        KramdownSettings(toc_levels=(2, 3)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.gfm = False  # type: ignore[misc]
    assert engine._converter(a) is engine._converter(KramdownSettings(toc_levels=(2, 3)))
    assert engine._converter(a) is not engine._converter(KramdownSettings())


# -- the pin on Python-Markdown ------------------------------------------------------------

def test_installed_markdown_is_the_minor_version_our_copies_come_from():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pin = next(d for d in deps if d.lower().startswith("markdown"))
    minor = kbundle.COPIED_FROM_MARKDOWN
    major, low = (int(x) for x in minor.split("."))
    where = "; ".join(f"{k}: {v}" for k, v in kbundle.COPIES.items())
    assert pin.replace(" ", "") == f"markdown>={minor},<{major}.{low + 1}", (
        f"pyproject pins {pin!r}, but tileditor/core/render/kramdown copies Python-Markdown "
        f"{minor} internals ({where}): re-check them before moving the pin")
    installed = version("markdown")
    assert installed.split(".")[:2] == minor.split("."), (
        f"markdown {installed} is installed; the copied code ({where}) follows {minor}")


def test_architecture_doc_shows_the_table_as_it_is():
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for registry in kbundle.REGISTRIES:
        cells = []
        for row in (r for r in ROWS if r.registry == registry):
            name = f"**{row.name}**" if row.ours else row.name
            cells.append(f"{name} {row.priority:g}" + (" (twin)" if row.twin else ""))
        line = f"| `{registry}` | " + ", ".join(cells) + " |"
        assert line in doc, f"docs/architecture.md: the {registry} line of the render protocol"
