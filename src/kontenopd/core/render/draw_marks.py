"""QR codes, stamps and icons."""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

from ..paths import assets_dir
from ..template.layers import IconLayer, QrLayer, StampLayer
from ..template.sandbox import render_string
from ..text.layout import TextFit, clean_text, draw_layout, fit_text
from .assets import load_asset
from .engine import Renderer, drawer


@drawer("qr")
def draw_qr(r: Renderer, layer: QrLayer) -> None:
    data = clean_text(render_string(layer.text, r.ctx)).strip()
    if not data:
        return
    key = r.field_of(layer, layer.text)
    import segno  # noqa: PLC0415  (40 ms of imports, for the few templates with a QR code)

    try:
        code = segno.make(data, error="m", micro=False)
    except segno.DataOverflowError:
        r.warn("overflow", f"Isi kode QR '{r.label(key)}' terlalu panjang; "
                              f"perpendek tautannya.", key)
        return
    matrix = code.matrix
    n = len(matrix)
    total = n + 2 * layer.border
    if min(layer.box[2], layer.box[3]) // total < 4:
        r.warn("qr_dense", f"Kode QR '{r.label(key)}' terlalu rapat untuk ukurannya "
                              f"dan sulit dipindai; perpendek tautannya.", key)
    mask = Image.frombytes("L", (n, n), bytes(255 if v else 0 for row in matrix for v in row))
    x, y, w, h = r.box(layer.box)
    side = min(w, h)
    unit = side // total
    if unit >= 1:  # whole pixels per module: crisp edges
        side = unit * total
        mask = mask.resize((unit * n, unit * n), Image.Resampling.NEAREST)
    else:
        mask = mask.resize((round(side * n / total),) * 2, Image.Resampling.BOX)
    left, top = x + (w - side) // 2, y + (h - side) // 2
    r.fill((left, top, side, side), r.color(layer.background, layer.opacity),
              r.px(layer.radius) if layer.radius else 0)
    offset = (side - mask.width) // 2
    ink = r.color(layer.color, layer.opacity)
    if ink[3] < 255:
        mask = mask.point(lambda v: v * ink[3] // 255)
    r.canvas.paste(ink[:3], (left + offset, top + offset), mask)
    r.record("qr", (left, top, side, side), field=key)

@drawer("stamp")
def draw_stamp(r: Renderer, layer: StampLayer) -> None:
    value = clean_text(render_string(layer.text, r.ctx)).strip()
    if layer.uppercase:
        value = value.upper()
    if not value:
        return
    key = r.field_of(layer, layer.text)
    x, y, w, h = r.box(layer.box)
    path = r.font_path(layer.font, layer.weight)
    border = r.px(layer.border) if layer.border else 0
    angle = math.radians(abs(layer.angle))
    size = r.px(layer.size)
    min_size = r.px(layer.min_size or max(12, layer.size // 2))
    while True:
        layout = fit_text(value, TextFit(path, size, size, None, 1.05, layer.tracking), 100000,
                          100000)
        pad_x, pad_y = round(size * 0.38) + 2 * border, round(size * 0.26) + 2 * border
        sw, sh = round(layout.width) + 2 * pad_x, round(layout.height) + 2 * pad_y
        rw = sw * math.cos(angle) + sh * math.sin(angle)
        rh = sw * math.sin(angle) + sh * math.cos(angle)
        if (rw <= w and rh <= h) or size <= min_size:
            break
        size = max(min_size, math.floor(size * 0.92))
    if rw > w + 1 or rh > h + 1:
        r.warn("overflow", f"Cap '{r.label(key)}' terlalu panjang untuk tempatnya; "
                              f"persingkat.", key)
    ink_mask = Image.new("L", (sw, sh), 0)
    d = ImageDraw.Draw(ink_mask)
    if border:
        d.rounded_rectangle((0, 0, sw - 1, sh - 1), radius=border * 2, outline=255,
                            width=border)
        inset = border * 2
        d.rounded_rectangle((inset, inset, sw - 1 - inset, sh - 1 - inset),
                            radius=border, outline=255, width=max(1, border // 3))
    draw_layout(d, layout, (pad_x, pad_y, layout.width, layout.height), (255,), "center")
    ink = r.color(layer.color, layer.opacity)
    if ink[3] < 255:
        ink_mask = ink_mask.point(lambda v: v * ink[3] // 255)
    rotated = ink_mask.rotate(layer.angle, Image.Resampling.BICUBIC, expand=True)
    pos = (x + (w - rotated.width) // 2, y + (h - rotated.height) // 2)
    if layer.fill:
        fill = r.color(layer.fill, layer.opacity)
        back = Image.new("L", (sw, sh), 0)
        ImageDraw.Draw(back).rounded_rectangle((0, 0, sw - 1, sh - 1),
                                               radius=border * 2, fill=fill[3])
        back = back.rotate(layer.angle, Image.Resampling.BICUBIC, expand=True)
        r.canvas.paste(fill[:3], pos, back)
    r.canvas.paste(ink[:3], pos, rotated)
    r.record("stamp", (pos[0], pos[1], rotated.width, rotated.height), field=key)



@drawer("icon")
def draw_icon(r: Renderer, layer: IconLayer) -> None:
    x, y, w, h = r.box(layer.box)
    side = min(w, h)
    left, top = x + (w - side) // 2, y + (h - side) // 2
    size = side
    if layer.circle:
        r._disc((left, top, side), r.color(layer.circle, layer.opacity))
        size = round(side * 0.56)
    asset = load_asset(assets_dir() / "icons" / f"{layer.name}.png")
    if asset is None or size < 1:
        return
    _, alpha = asset.scaled((size, size))
    ink = r.color(layer.color, layer.opacity)
    if ink[3] < 255:
        alpha = alpha.point(lambda v: v * ink[3] // 255)
    r.canvas.paste(ink[:3], (left + (side - size) // 2, top + (side - size) // 2), alpha)

