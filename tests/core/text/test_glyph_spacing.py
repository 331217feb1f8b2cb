"""Even letter spacing at small sizes: every glyph is drawn where the font's unhinted layout
puts it, and ``measure`` (what lines are wrapped to) is that same layout.

FreeType hinting plus whole-pixel glyph placement used to shift single glyphs by up to
1.5 px in 22-30 px text ("M ojokerto", "94 ,7%"). Here each glyph is isolated in the drawn
output (the line drawn up to and including it, minus the line drawn up to it), its left ink
edge is found to a fraction of a pixel, and compared with the same glyph rendered alone at
16x the size at its unhinted pen position (the shaped prefix's advance, kerning included)
and box-filtered down: an ideal unhinted rendering measured the same way.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from kontenopd.core.text import fonts
from kontenopd.core.text.layout import TextFit, draw_layout, fit_text, measure

REF = 16  # reference layout and rendering at 16 x the size: hinting there is negligible
SIZES = range(22, 31)
LINES = ("Mojokerto", "diberitakan", "94,7%", "Kabupaten Mojokerto")
FACES = [("Plus Jakarta Sans", "regular"), ("Plus Jakarta Sans", "extrabold"),
         ("Noto Sans", "regular"), ("Noto Sans", "bold"),
         ("Merriweather", "regular"), ("Merriweather", "bold")]


def _drawn(text: str, path: Path, size: int, width: int) -> np.ndarray:
    """``text`` drawn by the renderer (fit_text + draw_layout), pen origin at x = size."""
    img = Image.new("L", (width, 3 * size), 0)
    if text:
        layout = fit_text(text, TextFit(path, size, size), 100_000, 100_000)
        draw_layout(ImageDraw.Draw(img), layout, (size, size, 100_000, 100_000), (255,))
    return np.asarray(img, dtype=np.float64)


def _left_edge(coverage: np.ndarray) -> float:
    """Left ink edge to a fraction of a pixel: the first column with ink, less the part of
    it the ink covers (its strongest pixel)."""
    column = coverage.max(axis=0) / 255.0
    first = int(np.nonzero(column > 0.03)[0][0])
    return first + 1 - float(column[first])


def _pen(path: Path, size: int, text: str, i: int) -> float:
    """Unhinted pen position of glyph ``i`` (kerning with the glyph before it included)."""
    big = fonts.load_font(path, size * REF)
    return (big.getlength(text[: i + 1], language="id")
            - big.getlength(text[i], language="id")) / REF


def _reference_edge(path: Path, size: int, text: str, i: int) -> float:
    """Glyph ``i`` rendered alone at REF x size at its exact pen position, box-filtered to
    the output size: the left edge an unhinted renderer draws."""
    big = fonts.load_font(path, size * REF)
    pen = _pen(path, size, text, i)
    whole = math.floor(pen)
    _, top, right, bottom = big.getbbox(text[i], anchor="ls", language="id")
    img = Image.new("L", ((math.ceil(right / REF) + 6) * REF,
                          (math.ceil((bottom - top) / REF) + 2) * REF), 0)
    ImageDraw.Draw(img).text((2 * REF + round((pen - whole) * REF), REF - top), text[i],
                             font=big, fill=255, anchor="ls", language="id")
    return _left_edge(np.asarray(img.reduce(REF), dtype=np.float64)) - 2 + whole


def _glyph_errors(path: Path, size: int, text: str) -> list[float]:
    width = int(fonts.load_font(path, size).getlength(text)) + 4 * size
    errors = []
    before = _drawn("", path, size, width)
    for i, ch in enumerate(text):
        upto = _drawn(text[: i + 1], path, size, width)
        if ch != " ":
            edge = _left_edge(np.clip(upto - before, 0, 255)) - size
            errors.append(edge - _reference_edge(path, size, text, i))
        before = upto
    return errors


@pytest.mark.parametrize(("family", "weight"), FACES)
def test_every_glyph_sits_on_its_unhinted_position(family: str, weight: str) -> None:
    path = fonts.font_file(family, weight)
    errors: list[float] = []
    for size in SIZES:
        for text in LINES:
            found = _glyph_errors(path, size, text)
            off = [(ch, round(e, 2)) for ch, e in zip(text.replace(" ", ""), found, strict=True)
                   if abs(e) > 1.0]
            assert not off, f"{family} {weight} {size}px {text!r}: glyphs off by > 1 px: {off}"
            errors += found
    # Within 1 px everywhere, and on average far closer (hinted drawing: 0.3-0.4 px).
    assert float(np.mean(np.abs(errors))) < 0.2


@pytest.mark.parametrize("size", [22, 26, 30, 44, 64])
def test_measured_width_is_the_drawn_advance(size: int) -> None:
    """What wrapping measures is where the renderer puts the next glyph."""
    path = fonts.font_file("Plus Jakarta Sans", "bold")
    font = fonts.load_font(path, size)
    big = fonts.load_font(path, size * REF)
    for text in ("Kabupaten Mojokerto", "94,7% warga", "AVATAR Tahun 2023"):
        for end in range(1, len(text) + 1):
            unhinted = big.getlength(text[:end], language="id") / REF
            assert abs(measure(font, text[:end]) - unhinted) < 0.2
