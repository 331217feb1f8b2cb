"""Lists and statistics: numbered steps, requirements, figures with labels."""

from __future__ import annotations

import math
from typing import Any

from ..template.layers import ListLayer, StatsLayer
from ..template.schema import Field
from ..text import fonts
from ..text.layout import TextFit, TextLayout, fit_text
from .engine import Renderer, drawer
from .values import list_items


def list_entries(r: Renderer, layer: ListLayer) -> list[str]:
    """The items a list layer draws (empty: the layer, and its label, stay out)."""
    return [str(i) for i in (r.ctx.get(layer.field) or [])]


def list_plan(r: Renderer, layer: ListLayer, items: list[str], width: float, room: float,
              size: int) -> tuple[list[TextLayout], float, int]:
    """Every item laid out at ``size`` in ``width``: (layouts, total height, marker size)."""
    path = r.font_path(layer.font, layer.weight)
    gap = r.px(layer.gap)
    marker = round(size * 1.35)
    text_w = width - marker - round(size * 0.6)
    layouts = [fit_text(item, TextFit(path, size, size, None, layer.line_height), text_w, room)
               for item in items]
    total = sum(max(lay.height, marker) for lay in layouts) + gap * (len(items) - 1)
    return layouts, total, marker


@drawer("list")
def draw_list(r: Renderer, layer: ListLayer) -> None:
    items = list_entries(r, layer)
    if not items or layer.box is None:
        return
    draw_list_in(r, layer, items, r.box(layer.box), r.px(layer.size),
                 r.px(layer.min_size or layer.size))


def draw_list_in(r: Renderer, layer: ListLayer, items: list[str],
                 box: tuple[float, float, float, float], size: int, min_size: int) -> None:
    """Draw ``items`` in a (scaled) box from ``size`` down to ``min_size``; items that do not
    fit are left out whole and reported, never drawn cut."""
    x, y, w, h = box
    path = r.font_path(layer.font, layer.weight)
    gap = r.px(layer.gap)
    layouts, total, marker = list_plan(r, layer, items, w, h, size)
    while total > h + 0.5 and size > min_size:
        size = max(min_size, size - max(1, size // 12))
        layouts, total, marker = list_plan(r, layer, items, w, h, size)
    cursor, shown = float(y), 0
    ink = r.color(layer.color, layer.opacity)
    text_w = w - marker - round(size * 0.6)
    x = round(x)
    for i, planned in enumerate(layouts):
        lay = planned
        row_h = max(lay.height, marker)
        if cursor + row_h > y + h + 1:
            break
        if lay.overflow:  # one item taller than the whole box: its lines that fit, whole
            lay = r.fit(items[i], TextFit(path, size, size, None, layer.line_height), text_w,
                        y + h - cursor, field=layer.field,
                        what=f"{r.label(layer.field)} butir ke-{i + 1}")
        _marker(r, layer, i, x, round(cursor + (lay.cap_height - marker) / 2 + 0), marker,
                size)
        r.lines(lay, (x + marker + round(size * 0.6), cursor, text_w, row_h), ink,
                field=layer.field, kind="list")
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
        dot = d // 5
        cx, cy = x + d // 2, y + d // 2
        r.draw.ellipse((cx - dot, cy - dot, cx + dot, cy + dot), fill=fill[:3])
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
            (2 * r.px(20) if layer.card else 0)
        fit = max(1, (h + gap) // max(1, min_h + gap)) * max(1, layer.columns)
    items = _within_capacity(r, f, items, fit)
    if layer.direction == "row":
        _stats_rows(r, layer, items, cols)
        return
    plan = _grid_plan(r, layer, items, cols, (w, h), gap)
    columns, rows, cell_w, cell_h, size, pad = plan
    n = len(items)
    inner_w = cell_w - 2 * pad
    value_path = r.font_path(layer.value_font, "extrabold")
    label_path = r.font_path("body", "medium")
    label_size = r.px(layer.label_size)
    value_ink = r.color(layer.value_color, layer.opacity)
    label_ink = r.color(layer.label_color, layer.opacity)
    top_y = y + (h - (rows * cell_h + gap * (rows - 1))) / 2  # a short grid sits centred
    for i, item in enumerate(items):
        row, col = divmod(i, columns)
        if row == rows - 1 and n % columns and layer.align == "center":
            offset = (columns - n % columns) * (cell_w + gap) / 2
        else:
            offset = 0
        cx = x + offset + col * (cell_w + gap)
        cy = top_y + row * (cell_h + gap)
        if layer.card:
            r.fill((round(cx), round(cy), round(cell_w), round(cell_h)),
                   r.color(layer.card, layer.opacity), r.px(layer.card_radius))
        what = f"{r.label(layer.field)} butir ke-{i + 1}"
        value = r.fit(item[cols[0]], TextFit(value_path, size, size, 1, 1.0), inner_w,
                      cell_h - 2 * pad, field=layer.field, what=f"Nilai {what}")
        label_room = cell_h - 2 * pad - value.height - r.px(16)
        label = r.fit(item[cols[1]] if len(cols) > 1 else "",
                      TextFit(label_path, label_size, r.px(22), 3, 1.3), inner_w, label_room,
                      field=layer.field, what=f"Keterangan {what}")
        block = value.height + r.px(16) + label.height
        top = cy + (cell_h - block) / 2
        r.lines(value, (cx + pad, top, inner_w, value.height), value_ink,
                layer.align, field=layer.field, kind="stats")
        r.lines(label, (cx + pad, top + value.height + r.px(16), inner_w,
                        label.height), label_ink, layer.align, field=layer.field,
                kind="stats")


def _grid_plan(r: Renderer, layer: StatsLayer, items: list[dict[str, str]],
               cols: tuple[str, ...], area: tuple[float, float],
               gap: int) -> tuple[int, int, float, float, int, int]:
    """Columns, rows, cell size and the one figure size for a stats grid.

    The figures share one size so they read as a set. From the declared columns down to
    one, and from the declared figure size down to its minimum, the first arrangement in
    which every figure fits on one line and every label in at most three lines wins; cells
    are only as tall as their content needs (one figure does not get a card the size of the
    whole box). Nothing fits: the declared arrangement at the minimum size, and the fit
    helper reports what is too long."""
    w, h = area
    n = len(items)
    value_path = r.font_path(layer.value_font, "extrabold")
    label_path = r.font_path("body", "medium")
    label_size, label_min = r.px(layer.label_size), r.px(22)
    big, small = r.px(layer.value_size), r.px(layer.value_min_size)
    labels = [item[cols[1]] if len(cols) > 1 else "" for item in items]

    def arrangement(columns: int) -> tuple[int, int, float, float]:
        rows = math.ceil(n / columns)
        columns = math.ceil(n / rows)  # balanced: 4 items in 2x2, not 3+1
        return (columns, rows, (w - gap * (columns - 1)) / columns,
                (h - gap * (rows - 1)) / rows)

    def padding(cell_h: float) -> int:  # a card's padding, tighter in short cells
        return min(r.px(28), round(cell_h * 0.1)) if layer.card else 0

    def label_heights(inner_w: float) -> list[float] | None:
        """Each label's height at this width (they do not depend on the figures' size)."""
        laid = [fit_text(label, TextFit(label_path, label_size, label_min, 3, 1.3), inner_w, 10000)
                for label in labels]
        return None if any(lab.overflow for lab in laid) else [lab.height for lab in laid]

    def needed(size: int, inner_w: float, pad: int, under: list[float]) -> float | None:
        """The cell height the figures at ``size`` above their labels need, or None."""
        tallest = 0.0
        for item, label_h in zip(items, under, strict=True):
            value = fit_text(item[cols[0]], TextFit(value_path, size, size, 1, 1.0), inner_w, 10000)
            if value.overflow or value.width > inner_w + 0.5:
                return None
            tallest = max(tallest, value.height + r.px(16) + label_h)
        return tallest + 2 * pad

    first = min(layer.columns, n)
    for wanted in range(first, 0, -1):
        columns, rows, cell_w, cell_h = arrangement(wanted)
        pad = padding(cell_h)
        inner_w = cell_w - 2 * pad
        under = label_heights(inner_w)
        if under is None:
            continue
        size = big
        while True:
            need = needed(size, inner_w, pad, under)
            if need is not None and need <= cell_h:
                content = max(need, cell_h * 0.55, (size + label_size * 2.6) + 2 * pad)
                return columns, rows, cell_w, min(cell_h, content), size, pad
            if size <= small:
                break
            size = max(small, size - max(1, size // 12))
    columns, rows, cell_w, cell_h = arrangement(first)
    return columns, rows, cell_w, cell_h, small, padding(cell_h)


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
        lay = fit_text(item[cols[0]], TextFit(value_path, size, r.px(layer.value_min_size), 1, 1.0),
                       inner_w * 0.5, inner_h)
        size = min(size, lay.size)
    values = [r.fit(item[cols[0]], TextFit(value_path, size, r.px(layer.value_min_size), 1, 1.0),
                    inner_w * 0.5, inner_h, field=layer.field,
                    what=f"Nilai {r.label(layer.field)} butir ke-{i + 1}")
              for i, item in enumerate(items)]
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
        label = r.fit(item[cols[1]] if len(cols) > 1 else "",
                      TextFit(label_path, r.px(layer.label_size), r.px(22), 3, 1.3), label_w,
                      inner_h, field=layer.field,
                      what=f"Keterangan {r.label(layer.field)} butir ke-{i + 1}")
        r.lines(value, (cx + pad, cy + pad_y, value_col, inner_h),
                value_ink, "left", "middle", field=layer.field, kind="stats")
        r.lines(label, (cx + pad + value_col + space, cy + pad_y, label_w,
                        inner_h), label_ink, "left", "middle", field=layer.field,
                kind="stats")

# ------------------------------------------------------------ qr, stamp, badge, icon
