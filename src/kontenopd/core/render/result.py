"""What a render produces: the image, its warnings and blocking errors, and the layout report.

The report lists every block actually drawn (its field, kind, ink box, font size, line count,
whether it was cut or dropped), so the preview, the export, the CLI (``--report``) and the tests
all judge a card by the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PIL import Image

# Codes that mean the image is not fit to publish as rendered: protected text that does not
# fit (never cut with "…"), text run into other text, list items left out. An export does not
# write such a format; the preview shows the message beside the field.
BLOCKING_CODES = frozenset({"overflow", "collision"})


@dataclass(frozen=True)
class RenderWarning:
    code: str  # overflow, collision, dropped, contrast, photo_small, glyphs, logo_missing, ...
    message: str  # Indonesian, one line
    field: str | None = None

    def __str__(self) -> str:
        return self.message

    @property
    def blocking(self) -> bool:
        return self.code in BLOCKING_CODES


@dataclass(frozen=True)
class Block:
    """One drawn (or dropped) block, in full-size canvas pixels: box is (x0, y0, x1, y1)."""

    kind: str  # text, photo, logo, identity, footer, list, stats, qr, stamp, badge, icon
    box: tuple[int, int, int, int]
    field: str | None = None
    font_px: int | None = None
    lines: int = 0
    cut: bool = False  # lines that did not fit were left out (a blocking error says so)
    dropped: bool = False  # an optional block left out whole because it did not fit
    ellipsis: bool = False  # drawn text ends with "…" (never for protected text)
    protected: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"field": self.field, "kind": self.kind, "box": list(self.box),
                "font_px": self.font_px, "lines": self.lines, "cut": self.cut,
                "dropped": self.dropped, "ellipsis": self.ellipsis,
                "protected": self.protected}


def intersects(a: tuple[int, int, int, int], b: tuple[int, int, int, int],
               tolerance: int = 1) -> bool:
    """Whether two (x0, y0, x1, y1) boxes overlap by more than ``tolerance`` px both ways."""
    return (min(a[2], b[2]) - max(a[0], b[0]) > tolerance
            and min(a[3], b[3]) - max(a[1], b[1]) > tolerance)


@dataclass
class RenderResult:
    image: Image.Image
    warnings: list[RenderWarning] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    safe_box: tuple[int, int, int, int] | None = None  # where text must stay (full size)

    def __post_init__(self) -> None:
        self.warnings = collapse_warnings(self.warnings)

    @property
    def errors(self) -> list[RenderWarning]:
        """The blocking problems: this format must not be exported as it is."""
        return [w for w in self.warnings if w.blocking]

    def report(self) -> dict[str, Any]:
        """The layout report as plain JSON data (``kontenopd render --report``)."""
        return {
            "size": list(self.image.size) if self.image is not None else None,
            "safe_box": list(self.safe_box) if self.safe_box else None,
            "blocks": [b.as_json() for b in self.blocks],
            "warnings": [{"code": w.code, "field": w.field, "message": w.message}
                         for w in self.warnings if not w.blocking],
            "errors": [{"code": w.code, "field": w.field, "message": w.message}
                       for w in self.errors],
        }


def collapse_warnings(warnings: list[RenderWarning]) -> list[RenderWarning]:
    """Identical warnings once each, in first-seen order, with a count: "... (×79800)"."""
    counts: dict[RenderWarning, int] = {}
    for w in warnings:
        counts[w] = counts.get(w, 0) + 1
    return [w if n == 1 else RenderWarning(w.code, f"{w.message} (×{n})", w.field)
            for w, n in counts.items()]
