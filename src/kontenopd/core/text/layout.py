"""Text fitting and drawing: wrap in a box, shrink to fit, ellipsis with an overflow flag.

Line breaking is ``linebreak.wrap`` (Indonesian rules: kept units, CamelCase and hyphenated
breaks of over-wide words, balanced titles); this module adds a line-height rhythm, a line
limit, a binary search over font sizes, letter spacing for short caps labels, and the
ellipsis. Lines are positioned on baselines so the cap height of the first line sits on the
box top.

Glyphs are drawn unhinted: FreeType's hinting (Pillow has no switch for it) snaps every glyph
to whole pixels and gives uneven letter spacing in 22-30 px text ("M ojokerto"). A line is
rendered at ``_supersample(size)`` times its size and box-filtered down, so each glyph sits
where the font's unhinted advances put it; ``measure`` uses those same advances, so the width
a line is wrapped to is the width it is drawn at.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from . import fonts, linebreak

ELLIPSIS = "…"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")


@dataclass(frozen=True)
class TextFit:
    """How a text is fitted: its font file, its size and the smallest size it may shrink
    to, its line limit, line height (x size), letter spacing (em) and whether its lines are
    balanced (titles, quotes). Hashable: fitted layouts are cached by it."""

    path: Path
    size: int
    min_size: int | None = None
    max_lines: int | None = None
    line_height: float = 1.2
    tracking: float = 0.0
    balance: bool = False


@dataclass(frozen=True)
class TextLayout:
    lines: tuple[str, ...]
    font: ImageFont.FreeTypeFont
    size: int
    line_step: float
    cap_height: float
    descent: float
    tracking: float  # extra pixels between characters
    overflow: bool  # True when text was cut (ellipsis) to fit

    @property
    def height(self) -> float:
        if not self.lines:
            return 0.0
        return self.cap_height + (len(self.lines) - 1) * self.line_step + self.descent

    def line_width(self, line: str) -> float:
        return measure(self.font, line, self.tracking)

    @property
    def width(self) -> float:
        return max((self.line_width(line) for line in self.lines), default=0.0)


def clean_text(text: str) -> str:
    """Normalise newlines, drop control and zero-width characters, NFC-compose."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def _supersample(size: float) -> int:
    """How many times larger a line is rasterised than drawn: enough that hinting and
    whole-pixel glyph placement there are a small fraction of a pixel once scaled down (x3
    for labels and body text, x2 for titles: within 0.6 px of the unhinted positions, 0.1 px
    on average, tests/core/text/test_glyph_spacing.py), and not at all for big figures, where a
    pixel is under 1 % of the letter. A line's first drawing costs about factor² times
    more; the masks are cached."""
    if size >= 96:
        return 1
    return 3 if size < 36 else 2


@lru_cache(maxsize=512)
def _render_font(font: ImageFont.FreeTypeFont) -> tuple[ImageFont.FreeTypeFont, int]:
    """The font lines are rasterised with and its scale: ``font`` at ``_supersample`` x."""
    factor = _supersample(font.size)
    if factor == 1 or not isinstance(font.path, (str, Path)):
        return font, 1
    return fonts.load_font(Path(font.path), round(font.size * factor)), factor


@lru_cache(maxsize=8192)
def measure(font: ImageFont.FreeTypeFont, line: str, tracking: float = 0.0) -> float:
    """The drawn width of ``line``: the font's unhinted advances (kerning included), or for
    tracked labels, drawn a character at a time, the characters' advances plus tracking.
    Cached: a render asks for the same lines' widths many times."""
    big, factor = _render_font(font)
    if not tracking:
        return big.getlength(line, features=None, language="id") / factor
    return (sum(big.getlength(ch, language="id") for ch in line) / factor
            + tracking * max(0, len(line) - 1))


@lru_cache(maxsize=256)
def _metrics(path: Path, size: int) -> tuple[float, float]:
    """Cap height and descent of the unhinted glyphs, as drawn."""
    big, factor = _render_font(fonts.load_font(path, size))
    cap = -big.getbbox("H", anchor="ls")[1] / factor
    desc = big.getbbox("gjpqy", anchor="ls")[3] / factor
    return float(cap), float(desc)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: float, balance: bool = False,
          relax: int = 0) -> list[str]:
    return linebreak.wrap(text, width, lambda line: measure(font, line), balance=balance,
                          relax=relax)


def _layout_at(text: str, fit: TextFit, size: int, width: float, relax: int = 0,
               balance: bool | None = None) -> TextLayout:
    """``text`` wrapped in ``width`` at ``size`` with ``fit``'s font and spacing."""
    font = fonts.load_font(fit.path, size)
    cap, desc = _metrics(fit.path, size)
    tracking = fit.tracking * size
    balanced = fit.balance if balance is None else balance
    # Tracked (letter-spaced) caps labels do not wrap; everything else does.
    lines = ([ln.strip() for ln in text.split("\n")] if tracking
             else _wrap(text, font, width, balanced, relax))
    return TextLayout(tuple(lines), font, size, size * fit.line_height, cap, desc, tracking,
                      False)


def _fits(layout: TextLayout, width: float, height: float, max_lines: int | None) -> bool:
    if max_lines is not None and len(layout.lines) > max_lines:
        return False
    if layout.tracking and layout.width > width + 0.5:
        return False
    return layout.height <= height + 0.5


@lru_cache(maxsize=1024)
def fit_text(text: str, fit: TextFit, width: float, height: float) -> TextLayout:
    """Lay ``text`` out in a ``width`` x ``height`` box.

    Tries ``fit.size`` first, then the largest size down to ``fit.min_size`` at which
    everything fits. If nothing fits at the minimum, keeps the lines that fit, ends the last
    one with "…" and sets ``overflow``. ``fit.balance`` (titles, quotes) keeps the line count
    of plain filling at each size but evens the line widths out and avoids a one-word last
    line; it never changes which size fits. Words kept together (a name and its degrees,
    "Kab. Mojokerto", "8.000 ASN") are let go, weakest first, only when the text fits no
    size that way; text cut with "…" is filled plainly.
    """
    text = clean_text(text).strip()
    min_size = max(1, min(fit.size, fit.min_size or fit.size))
    for relax in linebreak.RELAX_LEVELS if not fit.tracking else (0,):
        layout = _largest_fit(text, fit, width, height, min_size, relax)
        if layout is not None:
            return layout
    return _truncate(_layout_at(text, fit, min_size, width, linebreak.RELAX_LEVELS[-1],
                                balance=False),
                     width, height, fit.max_lines)


def _largest_fit(text: str, fit: TextFit, width: float, height: float, min_size: int,
                 relax: int) -> TextLayout | None:
    """``fit.size`` if the text fits at it, else the largest size down to ``min_size`` that
    fits (binary search), else None."""
    layout = _layout_at(text, fit, fit.size, width, relax)
    if _fits(layout, width, height, fit.max_lines):
        return layout
    lo, hi = min_size, fit.size - 1
    best: TextLayout | None = None
    while lo <= hi:
        mid = (lo + hi) // 2
        trial = _layout_at(text, fit, mid, width, relax)
        if _fits(trial, width, height, fit.max_lines):
            best, lo = trial, mid + 1
        else:
            hi = mid - 1
    return best


def _truncate(layout: TextLayout, width: float, height: float,
              max_lines: int | None) -> TextLayout:
    room = 1 + math.floor((height - layout.cap_height - layout.descent) / layout.line_step)
    keep = max(1, min(room, max_lines or room, len(layout.lines)))
    lines = list(layout.lines[:keep])
    last = lines[-1]
    while last and measure(layout.font, last + ELLIPSIS, layout.tracking) > width:
        cut = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        last = cut.rstrip(" ,.;:-–")
    lines[-1] = last.rstrip(" ,.;:-–") + ELLIPSIS
    return TextLayout(tuple(lines), layout.font, layout.size, layout.line_step,
                      layout.cap_height, layout.descent, layout.tracking, True)


@lru_cache(maxsize=2048)
def _line_mask(font: ImageFont.FreeTypeFont, line: str,
               tracking: float) -> tuple[Image.Image, tuple[int, int]]:
    """One line's coverage mask and its offset from the baseline origin (cached).

    Rasterised at ``_supersample`` x the size with the origin on a whole output pixel, then
    box-filtered down: glyphs land on their unhinted positions to a fraction of a pixel.
    Labels, names and footers repeat on every preview; rendering their glyphs once saves
    most of the text cost of a re-render.
    """
    if tracking:
        return _tracked_mask(font, line, tracking)
    return _raster(font, line, 0)


def _raster(font: ImageFont.FreeTypeFont, text: str,
            phase: int) -> tuple[Image.Image, tuple[int, int]]:
    """``text`` shaped and rasterised at the supersampled size with its origin ``phase``
    supersampled pixels right of a whole output pixel, box-filtered down; the mask's offset
    from that output pixel on the baseline."""
    big, f = _render_font(font)
    left, top, right, bottom = big.getbbox(text, anchor="ls", language="id")
    x0, y0 = math.floor((left + phase) / f), math.floor(top / f)  # in output pixels
    x1, y1 = math.ceil((right + phase) / f), math.ceil(bottom / f)
    if x1 <= x0 or y1 <= y0:  # nothing to draw (an empty line, a space)
        return Image.new("L", (0, 0)), (0, 0)
    canvas = Image.new("L", ((x1 - x0) * f, (y1 - y0) * f), 0)
    ImageDraw.Draw(canvas).text((phase - x0 * f, -y0 * f), text, font=big, fill=255,
                                anchor="ls", language="id")
    return (canvas.reduce(f) if f > 1 else canvas), (x0, y0)


_char_mask = lru_cache(maxsize=4096)(_raster)  # letters of tracked labels, per phase


def _tracked_mask(font: ImageFont.FreeTypeFont, line: str,
                  tracking: float) -> tuple[Image.Image, tuple[int, int]]:
    """A letter-spaced label: one character at a time, tracking between them. Caps labels
    share their letters, so each character's mask is cached per sub-pixel phase."""
    big, f = _render_font(font)
    placed, cx = [], 0.0
    for ch in line:
        whole, phase = divmod(round(cx), f)
        if not ch.isspace():
            mask, (ox, oy) = _char_mask(font, ch, phase)
            if mask.width and mask.height:
                placed.append((mask, whole + ox, oy))
        cx += big.getlength(ch, language="id") + tracking * f
    if not placed:
        return Image.new("L", (0, 0)), (0, 0)
    x0 = min(x for _, x, _ in placed)
    y0 = min(y for _, _, y in placed)
    x1 = max(x + m.width for m, x, _ in placed)
    y1 = max(y + m.height for m, _, y in placed)
    canvas = Image.new("L", (x1 - x0, y1 - y0), 0)
    for mask, x, y in placed:  # coverage "over": overlapping edges add up as ink does
        canvas.paste(255, (x - x0, y - y0, x - x0 + mask.width, y - y0 + mask.height), mask)
    return canvas, (x0, y0)


def draw_layout(draw: ImageDraw.ImageDraw, layout: TextLayout,
                box: tuple[float, float, float, float], fill: tuple[int, ...],
                align: str = "left", valign: str = "top") -> tuple[float, float, float, float]:
    """Draw a layout in ``box`` (x, y, w, h); return the bounding box of the ink block."""
    x, y, w, h = box
    top = y
    if valign == "middle":
        top = y + (h - layout.height) / 2
    elif valign == "bottom":
        top = y + h - layout.height
    baseline = top + layout.cap_height
    left_most, right_most = x + w, x
    for line in layout.lines:
        lw = layout.line_width(line)
        lx = x if align == "left" else x + (w - lw) / 2 if align == "center" else x + w - lw
        left_most, right_most = min(left_most, lx), max(right_most, lx + lw)
        mask, (ox, oy) = _line_mask(layout.font, line, layout.tracking)
        if mask.width and mask.height:
            # Whole-pixel placement keeps the cached mask exact and the output reproducible.
            px, py = round(lx) + ox, round(baseline) + oy
            draw.bitmap((px, py), mask, fill=fill)
        baseline += layout.line_step
    return (left_most, top, right_most - left_most, layout.height)
