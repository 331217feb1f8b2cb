"""Draw the placeholder logos of the demo profile.

Writes two PNG files with transparent backgrounds into assets/profiles/demo/:

* pemda.png (512x600): a neutral, made-up regional emblem. It is a heraldic (heater) shield in
  gold and green with a star, a mountain, waves, and sprays of rice and cotton. It copies no real
  emblem.
* opd.png (512x512): a made-up circular agency logo. It is a blue ring with a broadcast /
  communication mark.

Everything is drawn from scratch with Pillow (no fonts, no external images). To antialias, each
logo is drawn at SS times its final size and downsampled with LANCZOS. The output is
deterministic. The images are released under CC0 (see assets/profiles/demo/LICENSE.md).

Usage:  python tools/make_demo_logos.py [output_dir]
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

Pt = tuple[float, float]
Rgba = tuple[int, int, int, int]

SS = 4  # supersampling factor

# Pemda palette
GOLD: Rgba = (212, 160, 23, 255)
GOLD_DARK: Rgba = (150, 108, 10, 255)
GREEN: Rgba = (22, 101, 52, 255)
GREEN_LIGHT: Rgba = (46, 139, 87, 255)
GREEN_DARK: Rgba = (12, 70, 36, 255)
BLUE: Rgba = (24, 86, 168, 255)
WHITE: Rgba = (255, 255, 255, 255)
COTTON: Rgba = (250, 248, 240, 255)

# OPD palette
NAVY: Rgba = (11, 49, 110, 255)
OPD_BLUE: Rgba = (21, 101, 192, 255)
SKY: Rgba = (120, 190, 245, 255)
ORANGE: Rgba = (245, 166, 35, 255)


# ----------------------------------------------------------------------------- helpers


def bezier(p0: Pt, p1: Pt, p2: Pt, p3: Pt, n: int = 64) -> list[Pt]:
    """Points on a cubic Bezier curve from p0 to p3, both ends included."""
    pts = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        x = u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0]
        y = u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]
        pts.append((x, y))
    return pts


def draw_polyline(
    draw: ImageDraw.ImageDraw,
    pts: Sequence[Pt],
    width: float,
    fill: Rgba | int,
    *,
    closed: bool = False,
) -> None:
    """Stroke a polyline with round joins and caps: a quad per segment plus a disc per vertex.

    (ImageDraw.line with a large width leaves hairline gaps and spikes on dense polylines.)
    """
    r = width / 2
    seq = list(pts) + ([pts[0]] if closed else [])
    for (x0, y0), (x1, y1) in pairwise(seq):
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy)
        if length == 0:
            continue
        nx, ny = -dy / length * r, dx / length * r
        quad = [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)]
        draw.polygon(quad, fill=fill)
    for x, y in seq:
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def polygon_mask(size: tuple[int, int], pts: Sequence[Pt]) -> Image.Image:
    m = Image.new("L", size, 0)
    ImageDraw.Draw(m).polygon(list(pts), fill=255)
    return m


def inset_mask(size: tuple[int, int], pts: Sequence[Pt], d: float) -> Image.Image:
    """Mask of the polygon shrunk by distance d (exact offset: shape minus a 2d-wide stroke)."""
    m = polygon_mask(size, pts)
    if d <= 0:
        return m
    stroke = Image.new("L", size, 0)
    draw_polyline(ImageDraw.Draw(stroke), pts, 2 * d, 255, closed=True)
    return ImageChops.subtract(m, stroke)


def fill(img: Image.Image, mask: Image.Image, color: Rgba) -> None:
    img.paste(Image.new("RGBA", img.size, color), (0, 0), mask)


def star_points(center: Pt, r_out: float, r_in: float, n: int = 5) -> list[Pt]:
    cx, cy = center
    pts = []
    for i in range(2 * n):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(-90 + i * 180 / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def oval_poly(
    center: Pt,
    length: float,
    width: float,
    angle_deg: float,
    *,
    pointed: bool = False,
    n: int = 48,
) -> list[Pt]:
    """An ellipse (or, if pointed, a grain/leaf shape) centred on center, long axis at angle."""
    cx, cy = center
    a = math.radians(angle_deg)
    ca, sa = math.cos(a), math.sin(a)
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        st = math.sin(t)
        x = length / 2 * math.cos(t)
        y = width / 2 * (st * abs(st) ** 0.6 if pointed else st)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


def polar(center: Pt, radius: float, angle_deg: float) -> Pt:
    a = math.radians(angle_deg)
    return center[0] + radius * math.cos(a), center[1] + radius * math.sin(a)


def arc_points(center: Pt, radius: float, a_start: float, a_end: float, n: int = 48) -> list[Pt]:
    return [polar(center, radius, a_start + (a_end - a_start) * i / n) for i in range(n + 1)]


# ----------------------------------------------------------------------------- pemda


def shield_outline(x0: float, y0: float, x1: float, y1: float) -> list[Pt]:
    """Heater shield: flat top with small rounded corners, straight sides, curved point."""
    w = x1 - x0
    h = y1 - y0
    cx = (x0 + x1) / 2
    r = w * 0.05  # top corner radius
    side_end = y0 + h * 0.42
    pts = [polar((x0 + r, y0 + r), r, 180 + 90 * i / 8) for i in range(9)]
    pts += [polar((x1 - r, y0 + r), r, 270 + 90 * i / 8) for i in range(9)]
    # right side down, curve to the point, then back up the left side
    pts += bezier((x1, side_end), (x1, y0 + h * 0.78), (cx + w * 0.22, y0 + h * 0.90), (cx, y1))
    pts += bezier((cx, y1), (cx - w * 0.22, y0 + h * 0.90), (x0, y0 + h * 0.78), (x0, side_end))[1:]
    return pts


def rice_spray(
    draw: ImageDraw.ImageDraw,
    center: Pt,
    radius: float,
    arc: tuple[float, float],
    *,
    grains: int,
    grain: float,
    color: Rgba,
    stem_w: float,
) -> None:
    """A rice ear: a stem along an arc (from arc[0] to the tip at arc[1], degrees) with grains
    on alternating sides pointing towards the tip, and one grain at the tip."""
    a_start, a_end = arc
    draw_polyline(draw, arc_points(center, radius, a_start, a_end), stem_w, color)
    sign = 1 if a_end > a_start else -1
    for i in range(grains):
        t = 0.12 + 0.82 * i / (grains - 1)
        a = a_start + (a_end - a_start) * t
        ang = a + 90 * sign + (32 if i % 2 == 0 else -32)
        ln = grain * (0.85 + 0.3 * math.sin(math.pi * t))
        g = polar(polar(center, radius, a), ln * 0.5, ang)
        draw.polygon(oval_poly(g, ln, ln * 0.42, ang, pointed=True), fill=color)
    tangent = a_end + 90 * sign
    tip = polar(polar(center, radius, a_end), grain * 0.4, tangent)
    draw.polygon(oval_poly(tip, grain, grain * 0.42, tangent, pointed=True), fill=color)


def cotton_spray(
    draw: ImageDraw.ImageDraw,
    center: Pt,
    radius: float,
    arc: tuple[float, float],
    *,
    bolls: int,
    boll: float,
    color: Rgba,
    leaf: Rgba,
    stem_w: float,
) -> None:
    """A cotton branch: a stem along an arc with white bolls, each on three small leaves."""
    a_start, a_end = arc
    draw_polyline(draw, arc_points(center, radius, a_start, a_end), stem_w, leaf)
    for i in range(bolls):
        a = a_start + (a_end - a_start) * (0.1 + 0.85 * i / (bolls - 1))
        px, py = polar(center, radius + boll * 0.3, a)
        for k in (-40, 0, 40):
            lc = polar((px, py), boll * 0.75, a + 180 + k)
            draw.polygon(oval_poly(lc, boll * 1.1, boll * 0.56, a + k), fill=leaf)
        draw.ellipse((px - boll, py - boll, px + boll, py + boll), fill=color)


def draw_pemda(width: int = 512, height: int = 600) -> Image.Image:
    w, h = width * SS, height * SS
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    size = img.size
    m = 6 * SS
    outline = shield_outline(m, m, w - m, h - m)
    sw = w - 2 * m  # shield width

    # gold rim with a darker outer edge, green field, thin gold inner line
    fill(img, polygon_mask(size, outline), GOLD_DARK)
    fill(img, inset_mask(size, outline, sw * 0.018), GOLD)
    fill(img, inset_mask(size, outline, sw * 0.075), GREEN_DARK)
    fill(img, inset_mask(size, outline, sw * 0.085), GREEN)
    line_outer = inset_mask(size, outline, sw * 0.105)
    inner = inset_mask(size, outline, sw * 0.118)
    fill(img, ImageChops.subtract(line_outer, inner), GOLD)

    # the charges are drawn on a scene layer, then clipped to the inner field
    scene = Image.new("RGBA", size, (0, 0, 0, 0))
    d = ImageDraw.Draw(scene)
    cx = w / 2

    # waves: blue band with white wavy stripes at the bottom of the shield
    wave_top = h * 0.70
    d.rectangle((0, wave_top, w, h), fill=BLUE)
    amp = h * 0.012
    wl = w / 3.0
    half = h * 0.008
    for k in range(4):
        y = wave_top + h * 0.025 + k * h * 0.05

        def wave_y(x: float, y: float = y) -> float:
            return y + amp * math.sin(2 * math.pi * x / wl)

        upper = [(x, wave_y(x) - half) for x in range(0, w + 1, 8)]
        lower = [(x, wave_y(x) + half) for x in range(w, -1, -8)]
        d.polygon(upper + lower, fill=WHITE)

    # mountain (two peaks) standing on the waves, with a gold ridge highlight
    base = wave_top + 2
    d.polygon(
        [
            (w * 0.22, base),
            (w * 0.43, h * 0.44),
            (w * 0.53, h * 0.52),
            (w * 0.62, h * 0.47),
            (w * 0.80, base),
        ],
        fill=GREEN_DARK,
    )
    d.polygon(
        [
            (w * 0.28, base),
            (w * 0.43, h * 0.48),
            (w * 0.52, h * 0.56),
            (w * 0.62, h * 0.51),
            (w * 0.74, base),
        ],
        fill=GREEN_LIGHT,
    )
    ridge = [(w * 0.335, h * 0.60), (w * 0.43, h * 0.48), (w * 0.49, h * 0.54)]
    draw_polyline(d, ridge, w * 0.012, GOLD)

    # star
    d.polygon(star_points((cx, h * 0.25), w * 0.135, w * 0.055), fill=GOLD)

    # rice (left) and cotton (right) sprays arching round the star and mountain
    arc_c, arc_r = (cx, h * 0.425), w * 0.29
    stem_w = w * 0.010
    rice_spray(d, arc_c, arc_r, (114, 216), grains=11, grain=w * 0.07, color=GOLD, stem_w=stem_w)
    cotton_spray(
        d, arc_c, arc_r, (66, -36), bolls=5, boll=w * 0.03, color=COTTON, leaf=GOLD, stem_w=stem_w
    )

    img.paste(scene, (0, 0), ImageChops.multiply(scene.getchannel("A"), inner))
    return img.resize((width, height), Image.LANCZOS)


# ----------------------------------------------------------------------------- opd


def draw_opd(size_px: int = 512) -> Image.Image:
    s = size_px * SS
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = s / 2
    r = s / 2 - 4 * SS

    def circ(rad: float, **kw: object) -> None:
        d.ellipse((c - rad, c - rad, c + rad, c + rad), **kw)

    circ(r, fill=WHITE)  # light rim: keeps the edge visible on dark bands
    circ(r * 0.975, fill=NAVY)  # outer ring
    circ(r * 0.80, fill=OPD_BLUE)  # disc
    circ(r * 0.755, outline=WHITE, width=int(r * 0.03))  # thin white inner ring

    # broadcast mark: a tapered mast on a foot, a dot on top, radio waves on both sides
    top = (c, c - r * 0.10)
    mast_h = r * 0.50
    mast_w = r * 0.30
    foot_y = top[1] + mast_h
    d.polygon(
        [
            (c - mast_w / 2, foot_y),
            (c + mast_w / 2, foot_y),
            (c + r * 0.03, top[1]),
            (c - r * 0.03, top[1]),
        ],
        fill=WHITE,
    )
    d.rectangle(
        (c - mast_w * 0.85, foot_y - r * 0.005, c + mast_w * 0.85, foot_y + r * 0.055), fill=WHITE
    )
    dot = r * 0.105
    d.ellipse((top[0] - dot, top[1] - dot, top[0] + dot, top[1] + dot), fill=ORANGE)
    wave_w = int(r * 0.07)
    for i, (rr, col) in enumerate([(r * 0.26, WHITE), (r * 0.42, SKY), (r * 0.58, WHITE)]):
        box = (top[0] - rr, top[1] - rr, top[0] + rr, top[1] + rr)
        span = 38 - i * 3
        d.arc(box, 180 - span, 180 + span, fill=col, width=wave_w)
        d.arc(box, -span, span, fill=col, width=wave_w)
        # round the arc ends
        for ang in (180 - span, 180 + span, -span, span):
            x, y = polar(top, rr - wave_w / 2 + 0.5, ang)
            d.ellipse((x - wave_w / 2, y - wave_w / 2, x + wave_w / 2, y + wave_w / 2), fill=col)
    return img.resize((size_px, size_px), Image.LANCZOS)


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    out = Path(argv[1]) if len(argv) > 1 else root / "assets" / "profiles" / "demo"
    out.mkdir(parents=True, exist_ok=True)
    draw_pemda().save(out / "pemda.png", optimize=True)
    draw_opd().save(out / "opd.png", optimize=True)
    print(f"wrote {out / 'pemda.png'} and {out / 'opd.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
