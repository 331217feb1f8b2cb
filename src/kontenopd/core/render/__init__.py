"""render(): a pure function from (template, format, draft, profile) to pixels + a report.

Same inputs, same pixels. No Qt, no network, no global state beyond read-only caches of fonts
and decoded files. Problems a user should see come back as warnings; problems that make the
image unfit to publish (protected text that does not fit, text over text) as blocking errors;
every drawn block in the layout report. Invalid input raises a KontenError.

The package: ``engine`` (the renderer, the drawer registry, the fit helper, the report checks),
one ``draw_*`` module per family of layer types, ``values`` (field-value rules), ``slides``
(which images a post produces), ``assets``, ``paint``, ``result``.
"""

from __future__ import annotations

from . import draw_blocks, draw_brand, draw_lists, draw_marks, draw_shapes  # noqa: F401 (register)
from .engine import DRAWERS, LARGE_TEXT_PX, MAX_UPSCALE, Renderer, safe_box
from .pipeline import render
from .result import BLOCKING_CODES, Block, RenderResult, RenderWarning, collapse_warnings
from .slides import slide_count, slide_plan
from .values import build_context, field_value, list_items, missing_required

__all__ = [
    "BLOCKING_CODES", "DRAWERS", "LARGE_TEXT_PX", "MAX_UPSCALE", "Block", "RenderResult",
    "RenderWarning", "Renderer", "build_context", "collapse_warnings", "field_value",
    "list_items", "missing_required", "render", "safe_box", "slide_count", "slide_plan",
]
