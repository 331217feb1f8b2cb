"""Draw the bundled icons (assets/icons/*.png): white shapes on transparency, 256 px.

The icons are drawn from scratch by this script for KontenOPD and are released under CC0 1.0
(see LICENSE.md). Templates tint them with a profile colour. Re-run to regenerate:

    python assets/icons/make_icons.py
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "assets" / "icons"
SIZE = 256
SS = 4  # supersampling
S = SIZE * SS
W = round(S * 0.085)  # stroke width
INK = 255

Draw = ImageDraw.ImageDraw


def u(v: float) -> float:
    """Units of 1/100 of the icon."""
    return v * S / 100


def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
    return (u(x0), u(y0), u(x1), u(y1))


def line(d: Draw, pts: list[tuple[float, float]], width: int = W) -> None:
    d.line([(u(x), u(y)) for x, y in pts], fill=INK, width=width, joint="curve")
    for x, y in (pts[0], pts[-1]):
        r = width / 2
        d.ellipse((u(x) - r, u(y) - r, u(x) + r, u(y) + r), fill=INK)


def calendar(d: Draw) -> None:
    d.rounded_rectangle(box(12, 18, 88, 90), radius=u(10), outline=INK, width=W)
    d.rectangle(box(14, 20, 86, 38), fill=INK)
    line(d, [(32, 8), (32, 24)])
    line(d, [(68, 8), (68, 24)])
    for cx, cy in ((32, 54), (50, 54), (68, 54), (32, 72), (50, 72)):
        d.rounded_rectangle(box(cx - 6, cy - 5, cx + 6, cy + 5), radius=u(2), fill=INK)


def clock(d: Draw) -> None:
    d.ellipse(box(10, 10, 90, 90), outline=INK, width=W)
    line(d, [(50, 26), (50, 50), (66, 62)])


def pin(d: Draw) -> None:
    d.ellipse(box(20, 6, 80, 66), fill=INK)
    d.polygon([(u(23), u(46)), (u(77), u(46)), (u(50), u(94))], fill=INK)
    d.ellipse(box(37, 23, 63, 49), fill=0)


def phone(d: Draw) -> None:
    d.rounded_rectangle(box(26, 6, 74, 94), radius=u(10), outline=INK, width=W)
    d.rounded_rectangle(box(42, 78, 58, 84), radius=u(3), fill=INK)


def user(d: Draw) -> None:
    d.ellipse(box(31, 8, 69, 46), fill=INK)
    d.chord(box(12, 52, 88, 128), 180, 360, fill=INK)


def users(d: Draw) -> None:
    d.ellipse(box(14, 18, 44, 48), fill=INK)
    d.chord(box(0, 54, 58, 112), 180, 360, fill=INK)
    d.ellipse(box(52, 10, 86, 44), fill=INK)
    d.chord(box(36, 50, 100, 114), 180, 360, fill=INK)


def megaphone(d: Draw) -> None:
    d.polygon([(u(14), u(38)), (u(40), u(38)), (u(80), u(14)), (u(80), u(82)), (u(40), u(60)),
               (u(14), u(60))], fill=INK)
    d.rounded_rectangle(box(24, 56, 40, 88), radius=u(4), fill=INK)
    line(d, [(88, 40), (88, 56)])


def info(d: Draw) -> None:
    d.ellipse(box(8, 8, 92, 92), fill=INK)
    d.ellipse(box(44, 22, 56, 34), fill=0)
    d.rounded_rectangle(box(44, 42, 56, 76), radius=u(3), fill=0)


def warning(d: Draw) -> None:
    r = u(8)
    pts = [(50, 8), (94, 88), (6, 88)]
    d.polygon([(u(x), u(y)) for x, y in pts], fill=INK)
    d.line([(u(x), u(y)) for x, y in [*pts, pts[0]]], fill=INK, width=round(r), joint="curve")
    d.rounded_rectangle(box(45, 34, 55, 64), radius=u(3), fill=0)
    d.ellipse(box(44, 70, 56, 82), fill=0)


def check(d: Draw) -> None:
    d.ellipse(box(8, 8, 92, 92), fill=INK)
    d.line([(u(30), u(52)), (u(44), u(66)), (u(71), u(36))], fill=0, width=W, joint="curve")


def cross(d: Draw) -> None:
    d.ellipse(box(8, 8, 92, 92), fill=INK)
    d.line([(u(34), u(34)), (u(66), u(66))], fill=0, width=W)
    d.line([(u(66), u(34)), (u(34), u(66))], fill=0, width=W)


def globe(d: Draw) -> None:
    d.ellipse(box(10, 10, 90, 90), outline=INK, width=W)
    d.ellipse(box(32, 10, 68, 90), outline=INK, width=round(W * 0.8))
    line(d, [(12, 50), (88, 50)], round(W * 0.8))


def quote(d: Draw) -> None:
    for x in (10, 54):
        d.ellipse(box(x, 40, x + 34, 74), fill=INK)
        d.polygon([(u(x), u(58)), (u(x + 18), u(16)), (u(x + 30), u(20)), (u(x + 16), u(60))],
                  fill=INK)


def document(d: Draw) -> None:
    d.rounded_rectangle(box(18, 6, 82, 94), radius=u(8), outline=INK, width=W)
    for y in (32, 50, 68):
        line(d, [(34, y), (66, y)])


def money(d: Draw) -> None:
    d.rounded_rectangle(box(6, 24, 94, 76), radius=u(8), outline=INK, width=W)
    d.ellipse(box(37, 37, 63, 63), fill=INK)
    d.ellipse(box(16, 46, 24, 54), fill=INK)
    d.ellipse(box(76, 46, 84, 54), fill=INK)


def idcard(d: Draw) -> None:
    d.rounded_rectangle(box(6, 18, 94, 82), radius=u(8), outline=INK, width=W)
    d.ellipse(box(18, 32, 40, 54), fill=INK)
    d.chord(box(14, 52, 44, 80), 180, 360, fill=INK)
    for y, x1 in ((38, 80), (52, 80), (66, 68)):
        line(d, [(54, y), (x1, y)], round(W * 0.8))


def chat(d: Draw) -> None:
    d.rounded_rectangle(box(8, 12, 92, 72), radius=u(14), fill=INK)
    d.polygon([(u(24), u(66)), (u(44), u(66)), (u(20), u(90))], fill=INK)
    for x in (30, 50, 70):
        d.ellipse(box(x - 6, 36, x + 6, 48), fill=0)


def health(d: Draw) -> None:
    d.rounded_rectangle(box(8, 8, 92, 92), radius=u(18), fill=INK)
    d.rectangle(box(42, 22, 58, 78), fill=0)
    d.rectangle(box(22, 42, 78, 58), fill=0)


def mail(d: Draw) -> None:
    d.rounded_rectangle(box(6, 18, 94, 82), radius=u(8), outline=INK, width=W)
    line(d, [(14, 28), (50, 56), (86, 28)])


def camera(d: Draw) -> None:
    d.rounded_rectangle(box(6, 26, 94, 86), radius=u(10), fill=INK)
    d.rounded_rectangle(box(32, 14, 68, 34), radius=u(5), fill=INK)
    d.ellipse(box(32, 38, 68, 74), fill=0)
    d.ellipse(box(40, 46, 60, 66), fill=INK)


def wave(d: Draw) -> None:
    for y in (30, 52, 74):
        pts = [(6 + i * 2, y + 7 * math.sin(i * 2 * math.pi / 22)) for i in range(45)]
        d.line([(u(x), u(yy)) for x, yy in pts], fill=INK, width=W, joint="curve")


def _drop(d: Draw, cx: float, cy: float, r: float, top: float, ink: int) -> None:
    """A teardrop: a circle with a point straight above it (tangent sides)."""
    h = cy - top
    a = math.asin(min(1.0, r / h))
    tx, ty = r * math.cos(a), r * math.sin(a)
    d.ellipse(box(cx - r, cy - r, cx + r, cy + r), fill=ink)
    d.polygon([(u(cx), u(top)), (u(cx + tx * math.cos(a) / math.cos(a)), u(cy - ty)),
               (u(cx - tx), u(cy - ty))], fill=ink)


def drop(d: Draw) -> None:
    _drop(d, 50, 62, 32, 4, INK)
    _drop(d, 42, 70, 10, 48, 0)


def star(d: Draw) -> None:
    pts = []
    for i in range(10):
        r = 46 if i % 2 == 0 else 19
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((u(50 + r * math.cos(a)), u(54 + r * math.sin(a))))
    d.polygon(pts, fill=INK)


def building(d: Draw) -> None:
    d.polygon([(u(50), u(6)), (u(94), u(30)), (u(6), u(30))], fill=INK)
    for x in (16, 34, 52, 70):
        d.rectangle(box(x, 36, x + 12, 78), fill=INK)
    d.rectangle(box(6, 82, 94, 92), fill=INK)


def arrow(d: Draw) -> None:
    line(d, [(12, 50), (84, 50)])
    line(d, [(60, 26), (86, 50), (60, 74)])


def search(d: Draw) -> None:
    d.ellipse(box(8, 8, 66, 66), outline=INK, width=W)
    line(d, [(60, 60), (88, 88)], round(W * 1.3))


ICONS: dict[str, Callable[[Draw], None]] = {
    "calendar": calendar, "clock": clock, "pin": pin, "phone": phone, "user": user,
    "users": users, "megaphone": megaphone, "info": info, "warning": warning, "check": check,
    "cross": cross, "globe": globe, "quote": quote, "document": document, "money": money,
    "idcard": idcard, "chat": chat, "health": health, "mail": mail, "camera": camera,
    "wave": wave, "drop": drop, "star": star, "building": building, "arrow": arrow,
    "search": search,
}


def main() -> None:
    for name, draw in ICONS.items():
        mask = Image.new("L", (S, S), 0)
        draw(ImageDraw.Draw(mask))
        small = mask.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
        icon = Image.new("LA", (SIZE, SIZE), 255)
        icon.putalpha(small)
        icon.save(OUT / f"{name}.png", optimize=True)
    print(f"{len(ICONS)} ikon ditulis ke {OUT}")


if __name__ == "__main__":
    main()
