"""Lists and statistics: numbered steps, requirements, figures with labels."""

from __future__ import annotations

import math
from typing import Any

from .. import fonts
from ..templates import (
    Field,
    ListLayer,
    StatsLayer,
)
from ..text import TextLayout, fit_text
from .engine import Renderer, drawer
from .values import list_items


@drawer("list")
def draw_list(r: Renderer, layer: ListLayer) -> None:
    items = [str(i) for i in (r.ctx.get(layer.field) or [])]
    if not items:
        return
    x, y, w, h = r.box(layer.box)
    path = r.font_path(layer.font, layer.weight)
    gap = r.px(layer.gap)

    def plan(size: int) -> tuple[list[TextLayout], float, int]:
        marker = round(size * 1.35)
        text_w = w - marker - round(size * 0.6)
        layouts = [fit_text(item, path, text_w, h, size, size, None, layer.line_height)
                   for item in items]
        total = sum(max(lay.height, marker) for lay in layouts) + gap * (len(items) - 1)
        return layouts, total, marker

    size, min_size = r.px(layer.size), r.px(layer.min_size or layer.size)
    layouts, total, marker = plan(size)
    while total > h and size > min_size:
        size = max(min_size, size - max(1, size // 12))
        layouts, total, marker = plan(size)
    cursor, shown = float(y), 0
    ink = r.color(layer.color, layer.opacity)
    for i, lay in enumerate(layouts):
        row_h = max(lay.height, marker)
        if cursor + row_h > y + h + 1:
            break
        _marker(r, layer, i, x, round(cursor + (lay.cap_height - marker) / 2 + 0), marker,
                     size)
        r.lines(lay, (x + marker + round(size * 0.6), cursor, w, row_h), ink)
        cursor += row_h + gap
        shown += 1
    if shown < len(items):
        r.warn("overflow", f"Daftar '{r.label(layer.field)}' terlalu panjang: "
                              f"{len(items) - shown} butir tidak muat. Persingkat atau "
                              f"kurangi butirnya.", layer.field)

def _marker(r: Renderer, layer: ListLayer, index: int, x: int, y: int, d: int, size: int) -> None:
    y = max(0, y)
    fill = r.color(layer.marker_color, layer.opacity)
    if layer.marker == "bullet":
        r = d // 5
        cx, cy = x + d // 2, y + d // 2
        r.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill[:3])
        return
    r.draw.ellipse((x, y, x + d - 1, y + d - 1), fill=fill[:3])
    ink = r.color(layer.marker_text, layer.opacity)[:3]
    if layer.marker == "check":
        u = d / 10
        r.draw.line([(x + 2.8 * u, y + 5.2 * u), (x + 4.4 * u, y + 6.8 * u),
                        (x + 7.4 * u, y + 3.6 * u)], fill=ink, width=max(2, round(u)),
                       joint="curve")
        return
    font = fonts.load_font(r.font_path("heading", "bold"), round(size * 0.8))
    r.draw.text((x + d / 2, y + d / 2), str(index + 1), font=font, fill=ink, anchor="mm")

@drawer("stats")
def draw_stats(r: Renderer, layer: StatsLayer) -> None:
    f = r.fields[layer.field]
    items = list_items(r.ctx.get(layer.field), f.columns or ("nilai", "keterangan"))
    if not items:
        return
    cols = f.columns or ("nilai", "keterangan")
    x, y, w, h = r.box(layer.box)
    gap = r.px(layer.gap)
    # Room for a cell of at least a minimum-size figure and one label line (rows) or a
    # figure above two label lines (grid): a pack may declare far more items than fit.
    if layer.direction == "row":
        min_h = r.px(max(layer.value_min_size, 22 * 1.3) + 8)
        fit = max(1, (h + gap) // max(1, min_h + gap)) * max(1, layer.columns)
    else:
        min_h = r.px(layer.value_min_size + 16 + 2 * 22 * 1.3) + \
            (2 * r.px(28) if layer.card else 0)
        fit = max(1, (h + gap) // max(1, min_h + gap)) * max(1, layer.columns)
    items = _within_capacity(r, f, items, fit)
    if layer.direction == "row":
        _stats_rows(r, layer, items, cols)
        return
    n = len(items)
    rows = math.ceil(n / min(layer.columns, n))
    columns = math.ceil(n / rows)  # balanced grid: 4 items in 2x2, not 3+1
    cell_w = (w - gap * (columns - 1)) / columns
    cell_h = (h - gap * (rows - 1)) / rows
    pad = r.px(28) if layer.card else 0
    inner_w = cell_w - 2 * pad
    value_path = r.font_path(layer.value_font, "extrabold")
    label_path = r.font_path("body", "medium")
    label_size = r.px(layer.label_size)
    # One value size for every cell, so the figures read as a set.
    value_room = (cell_h - 2 * pad) * 0.62
    size = r.px(layer.value_size)
    for item in items:
        lay = fit_text(item[cols[0]], value_path, inner_w, value_room, size,
                       r.px(layer.value_min_size), 1, 1.0)
        size = min(size, lay.size)
    value_ink = r.color(layer.value_color, layer.opacity)
    label_ink = r.color(layer.label_color, layer.opacity)
    for i, item in enumerate(items):
        row, col = divmod(i, columns)
        if row == rows - 1 and n % columns and layer.align == "center":
            offset = (columns - n % columns) * (cell_w + gap) / 2
        else:
            offset = 0
        cx = x + offset + col * (cell_w + gap)
        cy = y + row * (cell_h + gap)
        if layer.card:
            r.fill((round(cx), round(cy), round(cell_w), round(cell_h)),
                      r.color(layer.card, layer.opacity), r.px(layer.card_radius))
        value = fit_text(item[cols[0]], value_path, inner_w, value_room, size,
                         r.px(layer.value_min_size), 1, 1.0)
        label_room = cell_h - 2 * pad - value.height - r.px(16)
        label = fit_text(item[cols[1]] if len(cols) > 1 else "", label_path, inner_w,
                         label_room, label_size, r.px(22), 3, 1.3)
        block = value.height + r.px(16) + label.height
        top = cy + (cell_h - block) / 2
        if value.overflow or label.overflow:
            r.warn("overflow", f"Angka/keterangan ke-{i + 1} di '{r.label(layer.field)}'"
                                  f" terlalu panjang dan dipotong.", layer.field)
        r.lines(value, (cx + pad, top, inner_w, value.height), value_ink,
                    layer.align)
        r.lines(label, (cx + pad, top + value.height + r.px(16), inner_w,
                                       label.height), label_ink, layer.align)

def _within_capacity(r: Renderer, f: Field, items: list[Any], fit: int) -> list[Any]:
    """The items a stats grid can draw: at most the field's declared ``max_items`` and
    what fits its box at the minimum type size.

    A draft from another machine may hold far more (the grid would shrink its cells to
    nothing); the surplus is reported, never drawn half or silently dropped."""
    limit = max(1, min(f.max_items, fit))
    if len(items) <= limit:
        return items
    r.warn("overflow", f"'{f.label}' berisi {len(items)} butir; templat ini memuat "
                          f"paling banyak {limit}. Hapus {len(items) - limit} butir.", f.key)
    return items[:limit]

def _stats_rows(r: Renderer, layer: StatsLayer, items: list[dict[str, str]],
                cols: tuple[str, ...]) -> None:
    """Stats as rows: the figure on the left, its label beside it."""
    x, y, w, h = r.box(layer.box)
    n = len(items)
    columns = min(layer.columns, n)
    rows = math.ceil(n / columns)
    gap = r.px(layer.gap)
    cell_w = (w - gap * (columns - 1)) / columns
    cell_h = (h - gap * (rows - 1)) / rows
    pad = r.px(28) if layer.card else 0
    pad_y = min(pad, round(cell_h * 0.12))
    inner_w, inner_h = cell_w - 2 * pad, max(1, cell_h - 2 * pad_y)
    value_path = r.font_path(layer.value_font, "extrabold")
    label_path = r.font_path("body", "medium")
    size = r.px(layer.value_size)
    for item in items:
        lay = fit_text(item[cols[0]], value_path, inner_w * 0.5, inner_h, size,
                       r.px(layer.value_min_size), 1, 1.0)
        size = min(size, lay.size)
    values = [fit_text(item[cols[0]], value_path, inner_w * 0.5, inner_h, size,
                       r.px(layer.value_min_size), 1, 1.0) for item in items]
    value_col = max(v.width for v in values)
    space = r.px(32)
    label_w = max(1, inner_w - value_col - space)
    value_ink = r.color(layer.value_color, layer.opacity)
    label_ink = r.color(layer.label_color, layer.opacity)
    for i, (item, value) in enumerate(zip(items, values, strict=True)):
        row, col = divmod(i, columns)
        cx = x + col * (cell_w + gap)
        cy = y + row * (cell_h + gap)
        if layer.card:
            r.fill((round(cx), round(cy), round(cell_w), round(cell_h)),
                      r.color(layer.card, layer.opacity), r.px(layer.card_radius))
        label = fit_text(item[cols[1]] if len(cols) > 1 else "", label_path, label_w,
                         inner_h, r.px(layer.label_size), r.px(22), 3, 1.3)
        if value.overflow or label.overflow:
            r.warn("overflow", f"Angka/keterangan ke-{i + 1} di '{r.label(layer.field)}'"
                                  f" terlalu panjang dan dipotong.", layer.field)
        r.lines(value, (cx + pad, cy + pad_y, value_col, inner_h),
                    value_ink, "left", "middle")
        r.lines(label, (cx + pad + value_col + space, cy + pad_y, label_w,
                                       inner_h), label_ink, "left", "middle")

# ------------------------------------------------------------ qr, stamp, badge, icon
