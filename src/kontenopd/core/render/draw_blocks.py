"""Text boxes, rules and stacks: the measured flow of a card's message block.

A stack lays its children top to bottom in its box, measured with the real fonts. When they do
not all fit it fits by priority: every text shrinks together towards its minimum size, then
optional children (a summary, a tagline) are left out whole, last first; if the protected text
still does not fit, one blocking error names the longest field and about how much to cut.
Nothing is drawn partly clipped and nothing runs past the stack's box.
"""

from __future__ import annotations

import math

from ..template.layers import Layer, ListLayer, RuleLayer, StackLayer, TextLayer
from ..text.layout import TextLayout, fit_text
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
    return fit_text(value, r.text_fit(child, value, at, at), width - 2 * pad_x,
                    room - 2 * pad_y)


Child = TextLayer | RuleLayer | ListLayer
Item = tuple[int, TextLayout | None, float]  # child index, its layout (texts), its height


@drawer("stack")
def draw_stack(r: Renderer, layer: StackLayer) -> None:
    flow = _StackFlow(r, layer)
    if not any(isinstance(c, (TextLayer, ListLayer)) for c, _ in flow.children):
        return
    items, total, ok = flow.fit()
    items, total, ok = flow.give_list_the_rest(items, total, ok)
    if not ok:
        items, total = flow.overflow(items)
    flow.draw(items, total)


class _StackFlow:
    """One stack being laid out: its visible children, then the plan that fits them."""

    def __init__(self, r: Renderer, layer: StackLayer) -> None:
        self.r, self.layer = r, layer
        self.x, self.y, self.w, self.h = r.box(layer.box)
        self.gap = r.px(layer.gap)
        self.children: list[tuple[Child, str]] = []
        self.entries: dict[int, list[str]] = {}  # a list child's items, by child index
        for child in layer.children:
            if r.visible(child):
                self._add(child)
        self.list_sizes: dict[int, int] = {}  # a list child's size in the latest plan
        self.dropped: set[int] = set()
        self.droppable = [i for i, (c, _) in enumerate(self.children)
                          if isinstance(c, TextLayer) and c.optional][::-1]

    def _add(self, child: Layer) -> None:
        if isinstance(child, TextLayer):
            value = self.r.text_value(child)
            if value:
                self.children.append((child, value))
        elif isinstance(child, ListLayer):
            found = list_entries(self.r, child)
            if found:
                self.entries[len(self.children)] = found
                self.children.append((child, ""))
        elif isinstance(child, RuleLayer):
            self.children.append((child, ""))

    def _item(self, i: int, squeeze: float) -> tuple[Item, bool]:
        """Child ``i`` measured at ``squeeze``, and whether it fits its own limits."""
        r, (child, value) = self.r, self.children[i]
        if isinstance(child, TextLayer):
            room = r.px(child.height) if child.height else self.h
            lay = _measure(r, child, value, self.w, room, squeeze)
            pad_y = r.px(child.panel.padding[1]) if child.panel else 0
            return (i, lay, lay.height + 2 * pad_y), not lay.overflow
        if isinstance(child, ListLayer):
            at = _squeezed(r, child, squeeze)
            layouts, height, _ = list_plan(r, child, self.entries[i], self.w, self.h, at)
            self.list_sizes[i] = at
            return (i, None, height), not any(lay.overflow for lay in layouts)
        return (i, None, r.px(child.thickness)), True

    def plan(self, squeeze: float) -> tuple[list[Item], float, bool]:
        """Every child not left out at ``squeeze``; their total height; whether all fit."""
        items: list[Item] = []
        fits = True
        for i in range(len(self.children)):
            if i not in self.dropped:
                item, ok = self._item(i, squeeze)
                items.append(item)
                fits = fits and ok
        total = self.total(items)
        return items, total, fits and total <= self.h + 0.5

    def total(self, items: list[Item]) -> float:
        return sum(height for _, _, height in items) + sum(
            _gap(self.r, self.children[i][0], self.gap) for i, _, _ in items[1:])

    def fit(self) -> tuple[list[Item], float, bool]:
        """Shrink every text together only as far as needed; when even the smallest sizes do
        not fit, leave optional children out, last first, and try again."""
        while True:
            first = self.plan(0.0)
            if first[2]:
                return first
            smallest = self.plan(1.0)
            if smallest[2]:
                return self._squeeze()
            if not self.droppable:
                return smallest
            self.dropped.add(self.droppable.pop(0))

    def _squeeze(self) -> tuple[list[Item], float, bool]:
        lo, hi = 0.0, 1.0
        for _ in range(SQUEEZE_STEPS):
            mid = (lo + hi) / 2
            if self.plan(mid)[2]:
                hi = mid
            else:
                lo = mid
        return self.plan(hi)

    def give_list_the_rest(self, items: list[Item], total: float,
                           ok: bool) -> tuple[list[Item], float, bool]:
        """When the texts fit at their smallest, a single list gets the rest of the box and
        reports the items that do not fit in it (whole items only)."""
        lists = [n for n, (i, _, _) in enumerate(items)
                 if isinstance(self.children[i][0], ListLayer)]
        own_limit = any(lay is not None and lay.overflow for _, lay, _ in items)
        if ok or own_limit or len(lists) != 1 or total - items[lists[0]][2] >= self.h:
            return items, total, ok
        n = lists[0]
        i, lay, height = items[n]
        items[n] = (i, lay, self.h - (total - height))
        return items, float(self.h), True

    def overflow(self, items: list[Item]) -> tuple[list[Item], float]:
        """The blocking error, and what is kept whole; a list left out is said so."""
        r = self.r
        kept_before = {i for i, _, _ in items}
        items, total = self._keep_what_fits(items)
        for i in sorted(kept_before - {i for i, _, _ in items}):
            child = self.children[i][0]
            if isinstance(child, ListLayer):  # never left out silently
                r.warn("overflow", f"Daftar '{r.label(child.field)}' tidak muat di format "
                                   f"{r.fmt_key}; persingkat teks di atasnya atau butirnya.",
                       child.field)
        return items, total

    def _keep_what_fits(self, items: list[Item]) -> tuple[list[Item], float]:
        """Everything protected at its minimum size is still too tall: name the field and about
        how much of it to cut, and keep only what fits whole (the export of this format stops)."""
        r, children, room = self.r, self.children, self.h
        fixed: list[tuple[int, TextLayout | None, float]] = []
        own = False
        for i, measured, room_used in items:
            child, value = children[i]
            lay, height = measured, room_used
            if lay is not None and lay.overflow and isinstance(child, TextLayer):
                own = True  # too long for its own line limit: fit() names it and what to cut
                pad_x, pad_y = (r.px(p) for p in child.panel.padding) if child.panel else (0, 0)
                limit = r.px(child.height) if child.height else room
                lay = r.fit(value, r.text_fit(child, value, lay.size, lay.size),
                            self.w - 2 * pad_x, limit - 2 * pad_y,
                            field=r.field_of(child, child.text))
                height = lay.height + 2 * pad_y
            fixed.append((i, lay, height))
        total = self.total(fixed)
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
            before = _gap(r, children[i][0], self.gap) if n else 0
            if used + before + height > room + 0.5:
                break
            kept.append((i, layout, height))
            used += before + height
        return kept, used

    def _top(self, total: float) -> float:
        y, h, anchor = self.y, self.h, self.layer.anchor
        top = y if anchor == "top" else y + (h - total) / 2 if anchor == "middle" \
            else y + h - total
        return max(y, top)

    def draw(self, items: list[Item], total: float) -> None:
        r, layer, x, w = self.r, self.layer, self.x, self.w
        top = self._top(total)
        if layer.panel:
            pad_x, pad_y = (r.px(p) for p in layer.panel.padding)
            r.fill((x - pad_x, round(top) - pad_y, w + 2 * pad_x, round(total) + 2 * pad_y),
                   r.color(layer.panel.fill, layer.opacity), r.px(layer.panel.radius))
        for i in sorted(self.dropped):
            dropped_child = self.children[i][0]
            if isinstance(dropped_child, TextLayer):  # only optional texts are ever left out
                _drop(r, dropped_child, x, top)
        placed: list[Placed] = []  # (child index, child, layout, top, height)
        cursor = top
        for n, (i, layout, height) in enumerate(items):
            child = self.children[i][0]
            if n:
                cursor += _gap(r, child, self.gap)
            placed.append((i, child, layout, cursor, height))
            cursor += height
        if layer.scrim == "auto" and not layer.panel:
            _stack_scrim(r, layer, placed, (x, self.y, w, self.h))
        for i, child, layout, at, height in placed:
            self._draw_child(i, child, layout, at, height)

    def _draw_child(self, i: int, child: Child, layout: TextLayout | None, at: float,
                    height: float) -> None:
        r, x, w = self.r, self.x, self.w
        if isinstance(child, TextLayer) and layout is not None:
            r.draw_text(child, layout, (x, at, w, height))
        elif isinstance(child, ListLayer):
            size = self.list_sizes[i]
            draw_list_in(r, child, self.entries[i], (x, at, w, height), size, size)
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


