"""Which images a format of a post produces: one, or the slides of a carousel."""

from __future__ import annotations

from ..errors import ValueInputError
from ..model.records import Draft
from ..template.layers import Layer
from ..template.schema import Format, Template
from .values import list_items


def slide_plan(fmt: Format, template: Template,
                draft: Draft) -> list[tuple[tuple[Layer, ...], int]]:
    """The slides of a format as (layers, repeat index); one entry for a single image."""
    if not fmt.slides:
        return [(fmt.layers, 0)]
    def items(key: str) -> int:
        f = template.field(key)
        if f.type == "photo":
            return min(len(draft.photos.get(f.key, [])), max(1, f.max_items))
        return min(len(list_items(draft.values.get(f.key, f.default), f.columns)), 20)

    plan: list[tuple[tuple[Layer, ...], int]] = []
    for slide in fmt.slides:
        if any(items(key) < least for key, least in slide.min_items):
            continue
        if slide.repeat is None:
            plan.append((slide.layers, 0))
            continue
        count = items(slide.repeat)
        # an empty field still shows its one slide (with the placeholder), unless the
        # repeat starts after the cover's item
        last = max(count, 1 if slide.start == 0 else 0)
        plan.extend((slide.layers, i) for i in range(slide.start, last))
    return plan


def slide_count(template: Template, draft: Draft, fmt: str | None = None) -> int:
    """How many images one format of a draft renders to (1 unless it is a carousel)."""
    key = fmt or template.format_keys[0]
    if key not in template.formats:
        raise ValueInputError(f"Format {key} tidak tersedia untuk templat {template.id}.")
    return len(slide_plan(template.formats[key], template, draft))

