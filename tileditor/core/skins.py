"""Minimal Mistakes skins (`minimal_mistakes_skin`): each skin's colours as the theme's scss
computes them (Sass `mix()`), which skin the preview shows, and the CSS that paints it.
Pure; must not import PySide6 (the preview, the HTML export and the CLI share it)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

DEFAULT = "default"
DARK_SKINS = ("dark", "neon", "plum")


def _rgb(color: str) -> tuple[int, int, int]:
    c = color.lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def mix(a: str, b: str, percent: float) -> str:
    """Sass `mix(a, b, percent%)` for opaque colours: `percent`% of `a`, the rest of `b`,
    each channel rounded half up (as Sass rounds, not Python's half-to-even)."""
    p = percent / 100.0
    return "#" + "".join(
        f"{int(x * p + y * (1 - p) + 0.5):02x}" for x, y in zip(_rgb(a), _rgb(b), strict=True)
    )


def luminance(color: str) -> float:
    """WCAG relative luminance of `#rrggbb`."""
    def channel(v: int) -> float:
        s = v / 255.0
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio (1 to 21) between two colours."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass(frozen=True)
class Skin:
    name: str
    background: str
    text: str
    primary: str
    link: str
    border: str
    code_background: str
    muted: str
    footer: str

    @property
    def dark(self) -> bool:
        return luminance(self.background) < luminance(self.text)


_GRAY = "#7a8288"
_INFO = "#3b9cba"
_BASE = {  # _variables.scss
    "background": "#ffffff", "text": mix("#000", _GRAY, 40), "primary": "#6f777d",
    "link": mix("#000", _INFO, 20), "border": mix("#fff", _GRAY, 90),
    "code_background": "#fafafa", "muted": _GRAY, "footer": "#f2f3f3",
}


def _dark_like(bg: str, text: str, primary: str, footer: str, link: str) -> dict:
    return {"background": bg, "text": text, "primary": primary, "border": mix("#fff", bg, 20),
            "code_background": mix("#000", bg, 15), "footer": footer, "link": link}


_SKINS: dict[str, dict] = {
    DEFAULT: {},
    "air": {"background": "#ffffff", "text": "#222831", "muted": "#57b0e4", "primary": "#ffffff",
            "border": mix("#fff", "#393e46", 75), "footer": "#ffffff", "link": "#393e46"},
    "aqua": {"muted": "#1976d2", "background": "#f0fff0", "text": mix("#000", "#1976d2", 40),
             "border": mix("#fff", "#1976d2", 90), "primary": "#1976d2", "link": "#03a9f4",
             "code_background": mix("#000", "#f0fff0", 15)},
    "contrast": {"text": "#000000", "muted": "#000000", "primary": "#ff0000",
                 "border": mix("#fff", "#000", 75), "footer": "#000000", "link": "#0000ff",
                 "background": "#ffffff"},
    "dark": _dark_like("#252a34", "#eaeaea", "#00adb5", mix("#000", "#252a34", 30),
                       mix("#00adb5", "#eaeaea", 40)),
    "dirt": {"background": "#f3f3f3", "text": "#343434", "muted": "#8e8b82", "primary": "#343434",
             "border": "#e9dcbe", "footer": "#e9dcbe", "link": "#343434"},
    "mint": {"background": "#f3f6f6", "text": "#40514e", "muted": "#40514e", "primary": "#11999e",
             "border": mix("#fff", "#40514e", 75), "footer": "#a2e1db", "link": "#11999e"},
    "neon": _dark_like("#141010", "#fff6fb", "#f21368", mix("#f21368", "#000", 10), "#f21368"),
    "plum": _dark_like("#521477", "#fffd86", "#c327ab", mix("#000", "#521477", 25), "#c327ab"),
    "sunrise": {"background": "#e8d5b7", "text": "#000000", "muted": "#0e2431",
                "primary": "#fc3a52", "border": mix("#000", "#e8d5b7", 20),
                "code_background": mix("#fff", "#e8d5b7", 20), "footer": "#f9b248",
                "link": mix("#000", "#fc3a52", 10)},
}
SKIN_NAMES = tuple(_SKINS)


def skin(name: str | None) -> Skin:
    """The colours of skin `name`; an unknown or empty name is the default skin."""
    key = normalise(name)
    return Skin(name=key, **{**_BASE, **_SKINS[key]})


def normalise(name) -> str:
    key = str(name or "").strip().lower()
    return key if key in _SKINS else DEFAULT


def site_skin(config: dict | None) -> str:
    """The skin a site's `_config.yml` asks for (`minimal_mistakes_skin`, default "default")."""
    value = (config or {}).get("minimal_mistakes_skin") if isinstance(config, dict) else None
    return normalise(value)


def preview_skin(site_skin_name: str | None, dark_mode: bool) -> str:
    """What the preview shows: the blog's own skin, except that a dark app shows the "dark"
    skin for a blog that chose none (or "default"), so the pane does not glare."""
    name = normalise(site_skin_name)
    return "dark" if dark_mode and name == DEFAULT else name


def _strong_border(s: Skin) -> str:
    # The default skin's chip/table rules as the preview always drew them; other skins derive.
    return "#bdc1c4" if s.name == DEFAULT else mix(s.text, s.background, 30)


def _heading(s: Skin) -> str:
    return "#313639" if s.name == DEFAULT else s.text


@cache
def _code_style(dark: bool) -> str:
    from pygments.formatters import HtmlFormatter

    style = "monokai" if dark else "friendly"  # friendly: what resources/preview/pygments.css held
    return HtmlFormatter(style=style).get_style_defs(".highlight")


def skin_css(name: str | None) -> str:
    """CSS custom properties (read by preview.css) and the code colours for skin `name`."""
    s = skin(name)
    props = {
        "--bg": s.background, "--text": s.text, "--heading": _heading(s), "--primary": s.primary,
        "--link": s.link, "--link-hover": mix("#000", s.link, 25) if not s.dark else
        mix("#fff", s.link, 25), "--border": s.border, "--strong-border": _strong_border(s),
        "--code-bg": s.code_background, "--muted": s.muted, "--footer": s.footer,
        "--on-primary": "#000000" if luminance(s.primary) > 0.4 else "#ffffff",
    }
    body = "; ".join(f"{k}: {v}" for k, v in props.items())
    scheme = "dark" if s.dark else "light"
    return f":root {{ {body}; color-scheme: {scheme}; }}\n{_code_style(s.dark)}\n"
