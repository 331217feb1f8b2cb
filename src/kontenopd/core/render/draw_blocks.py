"""Text boxes, rules and stacks: the measured flow of a card's message block.

A stack lays its children top to bottom in its box, measured with the real fonts. When they do
not all fit it fits by priority: every text shrinks together towards its minimum size, then
optional children (a summary, a tagline) are left out whole, last first; if the protected text
still does not fit, one blocking error names the longest field and about how much to cut.
Nothing is drawn partly clipped and nothing runs past the stack's box.
"""

from __future__ import annotations

import math

from ..templates import ListLayer, RuleLayer, StackLayer, TextLayer
from ..text import TextLayout, fit_text
from . import scrim
from .draw_lists import draw_list_in, list_entries, list_plan
from .engine import Renderer, drawer
from .paint import ink_box

Placed = tuple[int, TextLayer | RuleLayer | ListLayer, TextLayout | None, float, float]
SQUEEZE_STEPS = 6  # bisection steps over the shared shrink factor (1/64 of the size range)


def _drop(r: Renderer, layer: TextLayer, x: float, y: float) -> None:
    key = r.field_of(layer, layer.text)
    r.record("text", (x, y, 0, 0), field=key, dropped=True)
    r.warn("dropped", f"'{r.label(key)}' tidak ditampilkan di format {r.fmt_key} karena "
                      f"tidak muat; teks lain tetap utuh.", key)


@drawer("text")
def draw_text(r: Renderer, layer: TextLayer) -> None:
    value = r.text_value(layer)
    if not value or layer.box is None:
        return
    box = r.box(layer.box)
    layout = r.layout_text(layer, value, box[2], box[3], protect=not layer.optional)
    if layer.optional and layout.overflow:
        _drop(r, layer, box[0], box[1])
        return
    r.draw_text(layer, layout, box)


@drawer("rule")
def draw_rule(r: Renderer, layer: RuleLayer) -> None:
    if layer.box is None:
        return
    r.fill(r.box(layer.box), r.color(layer.color, layer.opacity), r.px(layer.radius))


def _squeezed(r: Renderer, child: TextLayer | ListLayer, squeeze: float) -> int:
    """``child``'s size ``squeeze`` of the way from its size to its minimum size."""
    size = r.px(child.size)
    smallest = r.px(child.min_size) if child.min_size else size
    return max(1, round(size - squeeze * (size - smallest)))


def _measure(r: Renderer, child: TextLayer, value: str, width: float, room: float,
             squeeze: float) -> TextLayout:
    """``child`` at the size ``squeeze`` of the way from its size to its minimum size."""
    at = _squeezed(r, child, squeeze)
    pad_x, pad_y = (r.px(p) for p in child.panel.padding) if child.panel else (0, 0)
    return fit_text(value, r.text_path(child, value), width - 2 * pad_x, room - 2 * pad_y, at,
                    at, child.max_lines, child.line_height, child.tracking,
                    balance=child.balance)


@drawer("stack")
def draw_stack(r: Renderer, layer: StackLayer) -> None:
    x, y, w, h = r.box(layer.box)
    gap = r.px(layer.gap)
    children: list[tuple[TextLayer | RuleLayer | ListLayer, str]] = []
    entries: dict[int, list[str]] = {}  # a list child's items, by child index
    for child in layer.children:
        if not r.visible(child):
            continue
        if isinstance(child, TextLayer):
            value = r.text_value(child)
            if value:
                children.append((child, value))
        elif isinstance(child, ListLayer):
            found = list_entries(r, child)
            if found:
                entries[len(children)] = found
                children.append((child, ""))
        elif isinstance(child, RuleLayer):
            children.append((child, ""))
    if not any(isinstance(c, (TextLayer, ListLayer)) for c, _ in children):
        return
    list_sizes: dict[int, int] = {}  # a list child's size in the latest plan
    dropped: set[int] = set()
    droppable = [i for i, (c, _) in enumerate(children)
                 if isinstance(c, TextLayer) and c.optional][::-1]

    def plan(squeeze: float) -> tuple[list[tuple[int, TextLayout | None, float]], float, bool]:
        items: list[tuple[int, TextLayout | None, float]] = []
        fits = True
        for i, (child, value) in enumerate(children):
            if i in dropped:
                continue
            if isinstance(child, TextLayer):
                room = r.px(child.height) if child.height else h
                lay = _measure(r, child, value, w, room, squeeze)
                fits = fits and not lay.overflow
                pad_y = r.px(child.panel.padding[1]) if child.panel else 0
                items.append((i, lay, lay.height + 2 * pad_y))
            elif isinstance(child, ListLayer):
                at = _squeezed(r, child, squeeze)
                layouts, height, _ = list_plan(r, child, entries[i], w, h, at)
                fits = fits and not any(lay.overflow for lay in layouts)
                list_sizes[i] = at
                items.append((i, None, height))
            else:
                items.append((i, None, r.px(child.thickness)))
        total = sum(height for _, _, height in items) + sum(
            _gap(r, children[i][0], gap) for i, _, _ in items[1:])
        return items, total, fits and total <= h + 0.5

    while True:
        items, total, ok = plan(0.0)
        if ok:
            break
        items, total, ok = plan(1.0)
        if ok:  # shrink all together only as far as needed
            lo, hi = 0.0, 1.0
            for _ in range(SQUEEZE_STEPS):
                mid = (lo + hi) / 2
                trial = plan(mid)
                if trial[2]:
                    hi, (items, total, ok) = mid, trial
                else:
                    lo = mid
            items, total, ok = plan(hi)
            break
        if not droppable:
            break
        dropped.add(droppable.pop(0))
    lists = [n for n, (i, _, _) in enumerate(items) if isinstance(children[i][0], ListLayer)]
    own_limit = any(lay is not None and lay.overflow for _, lay, _ in items)
    if not ok and not own_limit and len(lists) == 1 and total - items[lists[0]][2] < h:
        # the texts fit at their smallest: the list gets the rest, and reports the items
        # that do not fit in it (whole items only)
        n = lists[0]
        i, lay, height = items[n]
        items[n] = (i, lay, h - (total - height))
        total, ok = float(h), True
    if not ok:
        kept_before = {i for i, _, _ in items}
        items, total = _report_overflow(r, children, items, total, w, h, gap)
        for i in sorted(kept_before - {i for i, _, _ in items}):
            child = children[i][0]
            if isinstance(child, ListLayer):  # never left out silently
                r.warn("overflow", f"Daftar '{r.label(child.field)}' tidak muat di format "
                                   f"{r.fmt_key}; persingkat teks di atasnya atau butirnya.",
                       child.field)
    top = y if layer.anchor == "top" else y + (h - total) / 2 if layer.anchor == "middle" \
        else y + h - total
    top = max(y, top)
    if layer.panel:
        pad_x, pad_y = (r.px(p) for p in layer.panel.padding)
        r.fill((x - pad_x, round(top) - pad_y, w + 2 * pad_x, round(total) + 2 * pad_y),
               r.color(layer.panel.fill, layer.opacity), r.px(layer.panel.radius))
    for i in sorted(dropped):
        dropped_child = children[i][0]
        if isinstance(dropped_child, TextLayer):  # only optional texts are ever left out
            _drop(r, dropped_child, x, top)
    placed: list[Placed] = []  # (child index, child, layout, top, height)
    cursor = top
    for n, (i, layout, height) in enumerate(items):
        child = children[i][0]
        if n:
            cursor += _gap(r, child, gap)
        placed.append((i, child, layout, cursor, height))
        cursor += height
    if layer.scrim == "auto" and not layer.panel:
        _stack_scrim(r, layer, placed, (x, y, w, h))
    for i, child, layout, at, height in placed:
        if isinstance(child, TextLayer) and layout is not None:
            r.draw_text(child, layout, (x, at, w, height))
        elif isinstance(child, ListLayer):
            draw_list_in(r, child, entries[i], (x, at, w, height), list_sizes[i],
                         list_sizes[i])
        elif isinstance(child, RuleLayer):
            rule_w = min(w, r.px(child.width))
            rx = x if child.align == "left" else x + (w - rule_w) // 2 \
                if child.align == "center" else x + w - rule_w
            r.fill((rx, round(at), rule_w, round(height)),
                   r.color(child.color, child.opacity), r.px(child.radius))


def _stack_scrim(r: Renderer, layer: StackLayer, placed: list[Placed],
                 area: tuple[float, float, float, float]) -> None:
    """One scrim behind the block as placed: every text's ink box (a child on its own panel
    only widens it), as strong as the most demanding text needs."""
    x, _, w, _ = area
    items = []
    for _, child, layout, at, height in placed:
        if not isinstance(child, TextLayer) or layout is None or not layout.lines:
            continue
        if child.panel:
            pad_x = r.px(child.panel.padding[0])
            block_w = layout.width + 2 * pad_x
            bx = x if child.align == "left" else x + (w - block_w) / 2 \
                if child.align == "center" else x + w - block_w
            items.append(scrim.item(r, child, layout, (bx, at, block_w, height),
                                    measure=False))
        else:
            inked = ink_box(layout, (x, at, w, height), child.align, child.valign)
            items.append(scrim.item(r, child, layout, inked))
    if items:
        r.paint_scrim(items, layer.anchor, area)


def _gap(r: Renderer, child: TextLayer | RuleLayer | ListLayer, gap: int) -> int:
    space = getattr(child, "space_before", None)
    return gap if space is None else r.px(space)


def _report_overflow(r: Renderer,
                     children: list[tuple[TextLayer | RuleLayer | ListLayer, str]],
                     items: list[tuple[int, TextLayout | None, float]], total: float,
                     width: float, room: float,
                     gap: int) -> tuple[list[tuple[int, TextLayout | None, float]], float]:
    """Everything protected at its minimum size is still too tall: name the field and about
    how much of it to cut, and keep only what fits whole (the export of this format stops)."""
    fixed: list[tuple[int, TextLayout | None, float]] = []
    own = False
    for i, measured, room_used in items:
        child, value = children[i]
        lay, height = measured, room_used
        if lay is not None and lay.overflow and isinstance(child, TextLayer):
            own = True  # too long for its own line limit: fit() names it and what to cut
            pad_x, pad_y = (r.px(p) for p in child.panel.padding) if child.panel else (0, 0)
            limit = r.px(child.height) if child.height else room
            lay = r.fit(value, r.text_path(child, value), width - 2 * pad_x, limit - 2 * pad_y,
                        lay.size, lay.size, child.max_lines, child.line_height, child.tracking,
                        field=r.field_of(child, child.text), balance=child.balance)
            height = lay.height + 2 * pad_y
        fixed.append((i, lay, height))
    total = sum(h for _, _, h in fixed) + sum(
        _gap(r, children[i][0], gap) for i, _, _ in fixed[1:])
    if not own and total > room + 0.5:
        texts = [(i, c, lay) for i, lay, _ in fixed
                 if lay is not None and isinstance(c := children[i][0], TextLayer)]
        longest, child, lay = max(texts, key=lambda t: len(children[t[0]][1]))
        value = children[longest][1]
        per_line = len(value) / max(1, len(lay.lines))
        chars = max(1, round(math.ceil((total - room) / max(1.0, lay.line_step)) * per_line))
        key = r.field_of(child, child.text)
        others = [r.label(r.field_of(c, c.text)) for j, (c, _) in enumerate(children)
                  if isinstance(c, TextLayer) and j != longest]
        together = f" bersama {', '.join(dict.fromkeys(others))}" if others else ""
        r.warn("overflow", f"'{r.label(key)}'{together} tidak muat di format {r.fmt_key}: "
                           f"hapus sekitar {chars} karakter dari '{r.label(key)}'.", key)
    kept: list[tuple[int, TextLayout | None, float]] = []
    used = 0.0
    for n, (i, layout, height) in enumerate(fixed):
        before = _gap(r, children[i][0], gap) if n else 0
        if used + before + height > room + 0.5:
            break
        kept.append((i, layout, height))
        used += before + height
    return kept, used
