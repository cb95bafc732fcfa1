"""The app's two icons, drawn with Pillow so the repository carries no binary art.

Teams wants a 192x192 full-colour icon and a 32x32 outline icon: white on a transparent
background. Both show a speech bubble with three dots: a support chat.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

COLOR_SIZE = 192
OUTLINE_SIZE = 32
ACCENT = (0x1F, 0x5F, 0xAD)  # the manifest's accentColor
WHITE = (255, 255, 255)
_SCALE = 8  # draw large, then shrink: smooth edges at 32 pixels


def color_icon() -> bytes:
    """192x192, opaque: a white bubble on the accent colour."""
    image = Image.new("RGB", (COLOR_SIZE, COLOR_SIZE), ACCENT)
    _bubble(ImageDraw.Draw(image), COLOR_SIZE, fill=WHITE, dots=ACCENT, line=0)
    return _png(image)


def outline_icon() -> bytes:
    """32x32: the bubble's outline and dots in white; everything else fully transparent."""
    size = OUTLINE_SIZE * _SCALE
    mask = Image.new("L", (size, size), 0)
    _bubble(ImageDraw.Draw(mask), size, fill=None, dots=255, line=2 * _SCALE, outline=255)
    image = Image.new("RGBA", (OUTLINE_SIZE, OUTLINE_SIZE), (*WHITE, 0))
    image.putalpha(mask.resize((OUTLINE_SIZE, OUTLINE_SIZE), Image.Resampling.LANCZOS))
    return _png(image)


def _bubble(draw: ImageDraw.ImageDraw, size: int, *, fill, dots, line: int, outline=None) -> None:
    """A rounded bubble in the upper part, a tail at the lower left, three dots inside."""
    margin, unit = size * 0.16, size / 32
    top, bottom = size * 0.2, size * 0.68
    draw.rounded_rectangle(
        (margin, top, size - margin, bottom), radius=6 * unit, fill=fill, outline=outline, width=line,
    )
    tail = [(margin + 6 * unit, bottom - line), (margin + 4 * unit, size * 0.84), (margin + 12 * unit, bottom - line)]
    draw.polygon(tail, fill=fill if fill is not None else outline)
    middle, radius = (top + bottom) / 2, 1.8 * unit
    for x in (size / 2 - 6 * unit, size / 2, size / 2 + 6 * unit):
        draw.ellipse((x - radius, middle - radius, x + radius, middle + radius), fill=dots)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
