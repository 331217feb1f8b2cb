"""Text fitting and drawing: wrap in a box, shrink to fit, ellipsis with an overflow flag.

Wrapping uses Pillow's ``ImageText.Text.wrap`` (raqm-shaped measurements); this module adds
what it lacks for posters: a line-height rhythm, a line limit, breaking words wider than the
box, a binary search over font sizes, letter spacing for short caps labels, and the ellipsis.
Lines are positioned on baselines so the cap height of the first line sits on the box top.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageText

from . import fonts

ELLIPSIS = "…"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")


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


def measure(font: ImageFont.FreeTypeFont, line: str, tracking: float = 0.0) -> float:
    width = font.getlength(line, features=None, language="id")
    return width + tracking * max(0, len(line) - 1) if tracking else width


@lru_cache(maxsize=256)
def _metrics(path: Path, size: int) -> tuple[float, float]:
    font = fonts.load_font(path, size)
    cap = -font.getbbox("H", anchor="ls")[1]
    desc = font.getbbox("gjpqy", anchor="ls")[3]
    return float(cap), float(desc)


def _break_long_words(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """Split any word wider than ``width`` (long URLs, names without spaces) into pieces."""
    def split_word(match: re.Match[str]) -> str:
        word = match.group(0)
        if font.getlength(word) <= width:
            return word
        pieces, current = [], ""
        for ch in word:
            if current and font.getlength(current + ch) > width:
                pieces.append(current)
                current = ch
            else:
                current += ch
        pieces.append(current)
        return "\n".join(pieces)

    return re.sub(r"\S+", split_word, text)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    if not text:
        return []
    limit = max(1, int(width))
    for margin in (1.0, 0.85):
        # Pillow measures a shaped piece slightly differently from getlength() at times
        # ("Word does not fit within line"): retry with the long words cut shorter.
        prepared = _break_long_words(text, font, width if margin == 1.0 else limit * margin)
        wrapped = ImageText.Text(prepared, font)
        try:
            wrapped.wrap(limit)
        except ValueError:
            continue
        return [line.strip() for line in str(wrapped.text).split("\n")]
    return [line.strip() for line in _break_long_words(text, font, limit * 0.7).split("\n")]


def _layout_at(text: str, path: Path, size: int, width: float, line_height: float,
               tracking_em: float) -> TextLayout:
    font = fonts.load_font(path, size)
    cap, desc = _metrics(path, size)
    tracking = tracking_em * size
    # Tracked (letter-spaced) caps labels do not wrap; everything else does.
    lines = [ln.strip() for ln in text.split("\n")] if tracking else _wrap(text, font, width)
    return TextLayout(tuple(lines), font, size, size * line_height, cap, desc, tracking, False)


def _fits(layout: TextLayout, width: float, height: float, max_lines: int | None) -> bool:
    if max_lines is not None and len(layout.lines) > max_lines:
        return False
    if layout.tracking and layout.width > width + 0.5:
        return False
    return layout.height <= height + 0.5


@lru_cache(maxsize=1024)
def fit_text(text: str, path: Path, width: float, height: float, size: int,
             min_size: int | None = None, max_lines: int | None = None,
             line_height: float = 1.2, tracking: float = 0.0) -> TextLayout:
    """Lay ``text`` out in a ``width`` x ``height`` box.

    Tries ``size`` first, then the largest size down to ``min_size`` at which everything fits.
    If nothing fits at ``min_size``, keeps the lines that fit, ends the last one with "…" and
    sets ``overflow``.
    """
    text = clean_text(text).strip()
    min_size = max(1, min(size, min_size or size))
    layout = _layout_at(text, path, size, width, line_height, tracking)
    if _fits(layout, width, height, max_lines):
        return layout
    lo, hi = min_size, size - 1  # binary search for the largest size that fits
    best: TextLayout | None = None
    while lo <= hi:
        mid = (lo + hi) // 2
        trial = _layout_at(text, path, mid, width, line_height, tracking)
        if _fits(trial, width, height, max_lines):
            best, lo = trial, mid + 1
        else:
            hi = mid - 1
    if best is not None:
        return best
    return _truncate(_layout_at(text, path, min_size, width, line_height, tracking),
                     width, height, max_lines)


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

    Labels, names and footers repeat on every preview; rendering their glyphs once saves
    most of the text cost of a re-render.
    """
    if not tracking:
        left, top, right, bottom = font.getbbox(line, anchor="ls", language="id")
        mask = Image.new("L", (max(0, right - left), max(0, bottom - top)), 0)
        ImageDraw.Draw(mask).text((-left, -top), line, font=font, fill=255, anchor="ls",
                                  language="id")
        return mask, (left, top)
    boxes, cx = [], 0.0
    for ch in line:
        boxes.append((cx, ch))
        cx += font.getlength(ch) + tracking
    top = min((font.getbbox(ch, anchor="ls")[1] for ch in line), default=0)
    bottom = max((font.getbbox(ch, anchor="ls")[3] for ch in line), default=0)
    mask = Image.new("L", (max(0, math.ceil(cx)), max(0, bottom - top)), 0)
    draw = ImageDraw.Draw(mask)
    for x, ch in boxes:
        draw.text((x, -top), ch, font=font, fill=255, anchor="ls")
    return mask, (0, top)


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
