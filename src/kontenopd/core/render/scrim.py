"""Contrast that holds: measuring what is behind text, adaptive scrims and logo plates.

One judge for every check. ``background_tone`` samples the canvas already drawn behind an ink
box (point samples of at most ``SAMPLES`` pixels: cheap, and a busy or speckled photo keeps
its bright pixels instead of being averaged to grey) and returns the tone that is hardest for
the ink: the lightest 10 % under light ink, the darkest 10 % under dark ink. ``contrast_on``
is the WCAG ratio of the ink as it shows (translucent ink blends with the tone) against it.
``Renderer._check_contrast`` and the scrim both use these two functions.

An adaptive scrim (``"scrim": "auto"`` on a text or stack layer) is painted before the text:
the alpha that brings the measured contrast to the text's WCAG minimum (4.5:1, 3:1 for large
text) is solved from the measured tone; black darkens under light ink, white lightens under
dark ink. The shade covers the ink box plus a padding at full strength and fades out
smoothly (smoothstep ramps), three times longer away from the edge of the layer's box the
block is anchored to (a bottom-anchored title: a shade that fades out upwards), so it reads
as a soft shade, not a box; a block most of the canvas wide gets a band from edge to edge.
A photo that is already dark enough gets nothing (the canvas is left as it is). When the
alpha needed is above ``PANEL_ALPHA`` a shade would be a black blotch: a solid rounded panel
in the profile's primary colour (light on dark) or black is painted instead.

``logo_blends`` tells whether a logo disappears into the band under it (more than half of
the pixels along its outline within 1.6:1 of the band), for the identity strip's backing
plate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from PIL import Image, ImageChops, ImageFilter

from ..model.colors import RGBA, contrast_ratio, luminance

if TYPE_CHECKING:
    from ..template.layers import TextLayer
    from ..text.layout import TextLayout
    from .assets import Asset
    from .engine import Renderer

SAMPLES = 16384  # canvas pixels measured per region, at most (point samples, not averages)
HARD_SHARE = 0.1  # judge against the lightest (darkest) 10 % of the background
PANEL_ALPHA = 0.9  # above this a shade is a blotch: paint a solid panel instead
WIDE = 0.8  # a shade this share of the canvas wide spans it edge to edge (no side fades)
LONG_FADE = 3  # the fade away from the anchored edge is this many times the others
MARGIN = 1.03  # solve for 3 % above the minimum: 8-bit rounding never drops below it
PLATE_CONTRAST = 1.6  # a logo pixel closer than this to the band colour blends into it
PLATE_SHARE = 0.5  # a logo gets a plate when more than this share of its outline blends
PLATE_REF = 128  # logos are judged at this height, whatever the scale of the render
BLACK: RGBA = (0, 0, 0, 255)
WHITE: RGBA = (255, 255, 255, 255)

Box = tuple[float, float, float, float]  # x, y, w, h in canvas pixels


@dataclass(frozen=True)
class ScrimItem:
    """One text that a scrim must make readable: its ink box, its colour as drawn, the
    contrast it needs; ``measure`` False for text on its own panel (only extends the shade)."""

    box: Box
    ink: RGBA
    need: float
    size: int
    measure: bool = True


@dataclass(frozen=True)
class Scrim:
    """What was painted: the full-strength box (x0, y0, x1, y1, canvas px), its alpha (0-1),
    its colour, and whether it is a solid panel instead of a soft shade."""

    box: tuple[int, int, int, int]
    alpha: float
    color: RGBA
    panel: bool


# ---------------------------------------------------------------- measuring


def _tone_luminance(tone: float) -> float:
    return luminance((tone, tone, tone))


@lru_cache(maxsize=1)
def _gray_luminance() -> tuple[float, ...]:
    return tuple(_tone_luminance(t) for t in range(256))


def light_ink(ink: RGBA) -> bool:
    """Whether ``ink`` reads as light (it needs a darker background), by WCAG luminance."""
    return contrast_ratio(ink, BLACK) >= contrast_ratio(ink, WHITE)


def sample(canvas: Image.Image, box: Box) -> Image.Image | None:
    """The canvas under ``box`` as luma, point-sampled down to at most ``SAMPLES`` pixels."""
    x, y, w, h = box
    x0, y0 = max(0, math.floor(x)), max(0, math.floor(y))
    x1, y1 = min(canvas.width, math.ceil(x + w)), min(canvas.height, math.ceil(y + h))
    if x1 <= x0 or y1 <= y0:
        return None
    step = max(1.0, math.sqrt((x1 - x0) * (y1 - y0) / SAMPLES))
    size = (max(1, round((x1 - x0) / step)), max(1, round((y1 - y0) / step)))
    return canvas.resize(size, Image.Resampling.NEAREST, box=(x0, y0, x1, y1)).convert("L")


def hardest_tone(histogram: list[int], light: bool) -> int:
    """The tone (0-255) at the lightest (light ink) or darkest (dark ink) ``HARD_SHARE``."""
    target, running = sum(histogram) * HARD_SHARE, 0
    tone = 0
    for tone in range(255, -1, -1) if light else range(256):
        running += histogram[tone]
        if running >= target:
            break
    return tone


def background_tone(canvas: Image.Image, box: Box, ink: RGBA) -> int | None:
    """The background tone hardest for ``ink`` behind ``box``; None outside the canvas."""
    region = sample(canvas, box)
    if region is None:
        return None
    return hardest_tone(region.histogram(), light_ink(ink))


def shown(ink: RGBA, background: tuple[float, float, float]) -> tuple[float, float, float]:
    """The colour translucent ink actually shows over ``background``."""
    a = ink[3] / 255
    return (ink[0] * a + background[0] * (1 - a), ink[1] * a + background[1] * (1 - a),
            ink[2] * a + background[2] * (1 - a))


def contrast_on(ink: RGBA, tone: float) -> float:
    """WCAG contrast of ``ink`` (as shown) on a grey of ``tone``."""
    grey = (tone, tone, tone)
    return contrast_ratio(shown(ink, grey), grey)


def contrast_on_color(ink: RGBA, background: RGBA) -> float:
    rgb = (float(background[0]), float(background[1]), float(background[2]))
    return contrast_ratio(shown(ink, rgb), rgb)


def scrim_alpha(ink: RGBA, tone: float, need: float, darken: bool) -> float | None:
    """The least alpha of a black (``darken``) or white scrim over ``tone`` that gives
    ``ink`` the contrast ``need``: 0 when the tone is fine already, None when even an opaque
    scrim is not enough (the ink itself is too faint)."""
    if contrast_on(ink, tone) >= need:
        return 0.0

    def reaches(a: float) -> bool:
        after = tone * (1 - a) if darken else tone + (255 - tone) * a
        return contrast_on(ink, after) >= need

    if not reaches(1.0):
        return None
    lo, hi = 0.0, 1.0
    for _ in range(14):
        mid = (lo + hi) / 2
        if reaches(mid):
            hi = mid
        else:
            lo = mid
    return hi


# ---------------------------------------------------------------- painting


def _smooth(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


@lru_cache(maxsize=64)
def _profile(start: int, stop: int, core0: int, core1: int, fade0: int, fade1: int,
             peak: int) -> Image.Image:
    """A 1-px strip over [start, stop): ``peak`` in [core0, core1), smooth ramps outside."""
    values = []
    for v in range(start, stop):
        if v < core0:
            t = _smooth(1 - (core0 - v) / max(1, fade0))
        elif v >= core1:
            t = _smooth(1 - (v - core1 + 1) / max(1, fade1))
        else:
            t = 1.0
        values.append(round(peak * t))
    strip = Image.new("L", (len(values), 1))
    strip.putdata(values)
    return strip


def shade_mask(size: tuple[int, int], origin: tuple[int, int],
               core: tuple[int, int, int, int], fades: tuple[int, int, int, int],
               alpha8: int) -> Image.Image:
    """A soft mask of ``size`` at ``origin``: ``alpha8`` over ``core`` (x0, y0, x1, y1),
    fading out over ``fades`` (left, top, right, bottom) px, as a product of two ramps."""
    w, h = size
    ox, oy = origin
    horizontal = _profile(ox, ox + w, core[0], core[2], fades[0], fades[2], 255)
    vertical = _profile(oy, oy + h, core[1], core[3], fades[1], fades[3], alpha8)
    rows = vertical.transpose(Image.Transpose.TRANSPOSE).resize(size, Image.Resampling.NEAREST)
    if horizontal.getextrema()[0] == 255:
        return rows
    return ImageChops.multiply(rows, horizontal.resize(size, Image.Resampling.NEAREST))


def _union(boxes: list[Box]) -> tuple[float, float, float, float]:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes))


def item(r: Renderer, layer: TextLayer, layout: TextLayout, box: Box, *,
         measure: bool = True) -> ScrimItem:
    """The scrim item of a text layer drawn with ``layout`` in ink box ``box``."""
    return ScrimItem(box, r.color(layer.color, layer.opacity),
                     r.contrast_needed(layer, layout), layout.size, measure)


def paint(r: Renderer, items: list[ScrimItem], anchor: str, area: Box) -> Scrim | None:
    """Paint the scrim the ``items`` need (see the module doc) and record it in the report
    as a block of kind "scrim"; None when the canvas behind them is already good enough.

    ``anchor`` (top, middle, bottom) is the edge of ``area`` (the layer's box) the block
    hangs from: the shade reaches that edge of the area and fades out the other way."""
    canvas = r.canvas
    measured = [i for i in items if i.measure]
    if not measured:
        return None
    needs: dict[bool, float] = {}
    for it in measured:
        tone = background_tone(canvas, it.box, it.ink)
        if tone is None:
            continue
        darken = light_ink(it.ink)
        alpha = scrim_alpha(it.ink, tone, it.need * MARGIN, darken)
        needs[darken] = max(needs.get(darken, 0.0), 1.0 if alpha is None else alpha)
    if not needs:
        return None
    darken = max(needs, key=lambda d: needs[d])  # mixed inks: serve the one in most need
    alpha = needs[darken]
    alpha8 = min(255, math.ceil(alpha * 255))
    if alpha8 <= 0:
        return None
    x0, y0, x1, y1 = _union([i.box for i in items])
    size = max(i.size for i in items)
    if alpha > PANEL_ALPHA:
        return _panel(r, [i for i in measured if light_ink(i.ink) == darken], darken,
                      (x0, y0, x1, y1))
    pad = max(r.px(24), round(size * 0.45))
    fade = max(r.px(48), round(size * 1.1))
    core = [math.floor(x0) - pad, math.floor(y0) - pad, math.ceil(x1) + pad,
            math.ceil(y1) + pad]
    fades = [fade, fade, fade, fade]
    if core[2] - core[0] >= WIDE * canvas.width:  # a wide block: a band, edge to edge
        core[0], core[2], fades[0], fades[2] = 0, canvas.width, 1, 1
    _, ay, _, ah = area
    if anchor == "bottom":  # hang from the area's bottom, fade out upwards
        core[3] = max(core[3], math.ceil(ay + ah))
        fades[1] = fade * LONG_FADE
    elif anchor == "top":
        core[1] = min(core[1], math.floor(ay))
        fades[3] = fade * LONG_FADE
    ox0, oy0 = max(0, core[0] - fades[0]), max(0, core[1] - fades[1])
    ox1 = min(canvas.width, core[2] + fades[2])
    oy1 = min(canvas.height, core[3] + fades[3])
    if ox1 <= ox0 or oy1 <= oy0:
        return None
    mask = shade_mask((ox1 - ox0, oy1 - oy0), (ox0, oy0), (core[0], core[1], core[2], core[3]),
                      (fades[0], fades[1], fades[2], fades[3]), alpha8)
    color = BLACK if darken else WHITE
    canvas.paste(Image.new("RGB", mask.size, color[:3]), (ox0, oy0), mask)
    cx0, cy0 = max(0, core[0]), max(0, core[1])
    cx1, cy1 = min(canvas.width, core[2]), min(canvas.height, core[3])
    r.record("scrim", (cx0, cy0, cx1 - cx0, cy1 - cy0))
    return Scrim(r.full((cx0, cy0, cx1 - cx0, cy1 - cy0)), alpha8 / 255, color, False)


def _panel(r: Renderer, items: list[ScrimItem], darken: bool,
           union: tuple[float, float, float, float]) -> Scrim:
    """A solid rounded panel behind the block: the profile's primary (light ink) or light
    (dark ink) colour when every ink reads on it, else black or white."""
    candidates = (r.color("profile.primary"), BLACK) if darken else (
        r.color("profile.light"), WHITE)
    color = next((c for c in candidates
                  if all(contrast_on_color(i.ink, c) >= i.need for i in items)),
                 candidates[-1])
    pad_x, pad_y = r.px(20), r.px(12)
    x0, y0 = math.floor(union[0]) - pad_x, math.floor(union[1]) - pad_y
    x1, y1 = math.ceil(union[2]) + pad_x, math.ceil(union[3]) + pad_y
    x0, y0 = max(0, x0), max(0, y0)
    x1, y1 = min(r.canvas.width, x1), min(r.canvas.height, y1)
    box = (x0, y0, max(1, x1 - x0), max(1, y1 - y0))
    r.fill(box, (color[0], color[1], color[2], 255), r.px(12))
    r.record("scrim", box)
    return Scrim(r.full(box), 1.0, color, True)


# ---------------------------------------------------------------- logos


def _band_tone(region: Image.Image) -> int:
    """The median luma of a (band) region."""
    hist = region.convert("L").histogram()
    half, running = sum(hist) / 2, 0
    for tone, count in enumerate(hist):
        running += count
        if running >= half:
            return tone
    return 255


def blend_share(histogram: list[int] | tuple[int, ...], tone: int) -> float:
    """The share of the pixels counted in a luma ``histogram`` that are within
    ``PLATE_CONTRAST`` of a grey ``tone``."""
    total = sum(histogram)
    if not total:
        return 0.0
    lum = _gray_luminance()
    bg = lum[tone] + 0.05
    close = sum(n for t, n in enumerate(histogram)
                if n and max(lum[t] + 0.05, bg) / min(lum[t] + 0.05, bg) < PLATE_CONTRAST)
    return close / total


def outline(alpha: Image.Image) -> Image.Image:
    """The outermost opaque pixels of a logo's shape: where it meets the band (the image's
    own edge counts as an edge of the shape)."""
    opaque = alpha.point(lambda v: 255 if v >= 128 else 0)
    framed = Image.new("L", (opaque.width + 2, opaque.height + 2), 0)
    framed.paste(opaque, (1, 1))
    inner = framed.filter(ImageFilter.MinFilter(3)).crop((1, 1, opaque.width + 1,
                                                          opaque.height + 1))
    return ImageChops.subtract(opaque, inner)


def outline_histogram(rgb: Image.Image, alpha: Image.Image) -> tuple[int, ...]:
    """The luma histogram of a logo's outline pixels."""
    return tuple(rgb.convert("L").histogram(mask=outline(alpha)))


@lru_cache(maxsize=32)
def logo_outline(asset: Asset) -> tuple[int, ...]:
    """``outline_histogram`` of a logo at ``PLATE_REF`` px tall, so the answer does not
    change with the preview scale; cached per file (it is the same on every render)."""
    size = (max(1, round(asset.width * PLATE_REF / asset.height)), PLATE_REF)
    return outline_histogram(*asset.scaled(size))


def logo_blends(outline_hist: tuple[int, ...], background: Image.Image) -> bool:
    """Whether a logo would disappear into ``background`` (the canvas under it): more than
    half of its outline (``logo_outline``) is within 1.6:1 of the band's median tone. A navy
    emblem on a navy band does; one ringed in white (or on a white square of its own) keeps
    its shape and does not, nor does a gold one."""
    return blend_share(outline_hist, _band_tone(background)) > PLATE_SHARE


def plate_color(r: Renderer, outline_hist: tuple[int, ...]) -> RGBA:
    """White, unless the logo is itself light: then the profile's primary, or near-black."""
    for candidate in (WHITE, r.color("profile.primary"), (17, 17, 17, 255)):
        grey = round(0.299 * candidate[0] + 0.587 * candidate[1] + 0.114 * candidate[2])
        if blend_share(outline_hist, grey) <= PLATE_SHARE:
            return candidate
    return WHITE
