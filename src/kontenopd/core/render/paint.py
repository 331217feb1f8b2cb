"""Small painting helpers shared by the drawers: gradients and ink boxes."""

from __future__ import annotations

import itertools
from functools import lru_cache

from PIL import Image

from ..model.colors import RGBA
from ..text.layout import TextLayout


@lru_cache(maxsize=64)
def gradient_image(stops: tuple[tuple[float, RGBA], ...], direction: str,
                    size: tuple[int, int]) -> tuple[Image.Image, Image.Image]:
    """A gradient box as (RGB, alpha), cached: scrims repeat on every render."""
    w, h = size
    vertical = direction in ("down", "up")
    length = h if vertical else w
    if direction in ("up", "left"):
        stops = tuple((1 - pos, c) for pos, c in reversed(stops))
    strip = Image.new("RGBA", (1, length) if vertical else (length, 1))
    strip.putdata([gradient_at(stops, i / max(1, length - 1)) for i in range(length)])
    full = strip.resize((w, h), Image.Resampling.NEAREST)
    return full.convert("RGB"), full.getchannel("A")


def gradient_at(stops: tuple[tuple[float, RGBA], ...], t: float) -> RGBA:
    """The colour at ``t`` (0..1) along sorted gradient stops, interpolated in RGBA."""
    if t <= stops[0][0]:
        return stops[0][1]
    for (p0, c0), (p1, c1) in itertools.pairwise(stops):
        if t <= p1:
            f = 0.0 if p1 <= p0 else (t - p0) / (p1 - p0)
            r, g, b, a = (round(x + (y - x) * f) for x, y in zip(c0, c1, strict=True))
            return (r, g, b, a)
    return stops[-1][1]


def ink_box(layout: TextLayout, box: tuple[float, float, float, float], align: str,
             valign: str) -> tuple[float, float, float, float]:
    x, y, w, h = box
    lw, lh = layout.width, layout.height
    bx = x if align == "left" else x + (w - lw) / 2 if align == "center" else x + w - lw
    by = y if valign == "top" else y + (h - lh) / 2 if valign == "middle" else y + h - lh
    return (bx, by, lw, lh)

