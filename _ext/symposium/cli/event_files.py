"""The files that name the event beside ``conf.py``: the logo, the favicon's and banner's titles, the social card.

``symposium init`` writes them for a new event. The social card (``_static/social-card.png``,
1200x630) is drawn with Pillow from the event's values: a workflow graph above the short name,
the full name, the days and the place, in Pillow's own font (shipped with Pillow, so the same
Pillow gives the same bytes on any machine; no browser, no network). Its PNG text chunks
``Title`` and ``Description`` say what it shows, which the build's identity check reads.
"""

from __future__ import annotations

import html
import io
import itertools
import re
import textwrap

from ..model.identity import card_alt, when, where

CARD = "_static/social-card.png"
LOGOS = ("_static/logo.svg", "_static/logo-dark.svg")
#: the logo's icon (a small workflow graph), as in the site's logo
_ICON = ('<defs><linearGradient id="lg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0b3d91"/>'
         '<stop offset="1" stop-color="#0aa6a6"/></linearGradient></defs>'
         '<rect x="0" y="0" width="80.0" height="80.0" rx="18.0" fill="url(#lg)"/>'
         '<g fill="none" stroke-linecap="round" stroke-width="4.5">'
         '<path d="M15.0 40.0C27.0 40.0 28.0 17.0 40.0 17.0M40.0 17.0C52.0 17.0 53.0 40.0 65.0 40.0" stroke="#ffffff" '
         'stroke-opacity=".85"/><path d="M15.0 40.0C27.0 40.0 28.0 63.0 40.0 63.0C52.0 63.0 53.0 40.0 65.0 40.0" '
         'stroke="#f2a900"/></g><rect x="8.5" y="33.5" width="13.0" height="13.0" rx="2.5" fill="#ffffff"/>'
         '<circle cx="40.0" cy="17.0" r="6.5" fill="#ffffff"/><circle cx="40.0" cy="63.0" r="6.5" fill="#f2a900"/>'
         '<rect x="58.5" y="33.5" width="13.0" height="13.0" rx="2.5" fill="#ffffff"/>')


def logo_svg(short_name: str, *, dark: bool) -> str:
    """The logo: the icon and the short name beside it (the text's width fixed, so every browser draws it alike)."""
    width = 24 * len(short_name)
    colour = "#eef3fa" if dark else "#0b3d91"
    name = html.escape(short_name)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {94 + width + 4} 80" width="{94 + width + 4}" '
            f'height="80" role="img" aria-labelledby="t"><title id="t">{name}</title>{_ICON}'
            f'<text x="94" y="55" font-family="sans-serif" font-size="42" font-weight="700" textLength="{width}" '
            f'lengthAdjust="spacingAndGlyphs" fill="{colour}">{name}</text></svg>\n')


def retitle_svg(text: str, title: str) -> str:
    """An SVG with its ``<title>`` saying ``title``."""
    return re.sub(r"(<title\b[^>]*>)(.*?)(</title>)", lambda m: m[1] + html.escape(title) + m[3], text, count=1, flags=re.S)


def social_card(short_name: str, name: str, first: str, last: str | None, venue: str, host: str = "") -> bytes:
    """The link preview's image, 1200x630 PNG, the same bytes for the same values and Pillow."""
    from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

    width, height = 1200, 630
    image = Image.new("RGB", (width, height), "#061a3d")
    draw = ImageDraw.Draw(image)
    top, bottom = (6, 26, 61), (11, 61, 145)
    for y in range(height):  # a vertical gradient, deep blue to the site's blue
        mix = y / (height - 1)
        draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)))
    # the workflow graph: task nodes in columns, each joined to the next column's
    columns = [(120, [110, 230]), (330, [70, 170, 270]), (540, [120, 220]), (750, [80, 170, 260]), (960, [130, 230]),
               (1110, [180])]
    for (x1, ys1), (x2, ys2) in itertools.pairwise(columns):
        for i, y1 in enumerate(ys1):
            for j, y2 in enumerate(ys2):
                if (i + j) % 2 == 0 or len(ys2) == 1:
                    draw.line([(x1, y1), (x2, y2)], fill=(242, 169, 0) if (i + j) % 4 == 0 else (120, 170, 220), width=4)
    for n, (x, ys) in enumerate(columns):
        for m, y in enumerate(ys):
            colour = (242, 169, 0) if (n + m) % 3 == 0 else ((10, 166, 166) if (n + m) % 3 == 1 else (255, 255, 255))
            if (n + m) % 2:
                draw.ellipse([x - 16, y - 16, x + 16, y + 16], fill=colour)
            else:
                draw.rounded_rectangle([x - 16, y - 16, x + 16, y + 16], radius=5, fill=colour)
    draw.rectangle([0, 330, width, height], fill=(6, 26, 61))

    def font(size: int):
        return ImageFont.load_default(size=size)

    draw.text((60, 352), short_name, font=font(64), fill="#2cc8c8")
    lines = textwrap.wrap(name, width=52)[:2]
    for n, line in enumerate(lines):
        draw.text((60, 440 + 44 * n), line, font=font(36), fill="#ffffff")
    facts = " \u00b7 ".join(part for part in (when(first, last), where(venue), f"co-located with {host}" if host else "")
                            if part)
    # Pillow's font has no en dash: a hyphen on the card (the alternative text keeps the dash)
    draw.text((60, 440 + 44 * len(lines) + 18), facts.replace("\u2013", "-"), font=font(28), fill="#9fe3e3")
    info = PngImagePlugin.PngInfo()
    info.add_text("Title", short_name)
    info.add_text("Description", card_alt(short_name, first, last, venue, host))
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info)
    return out.getvalue()
