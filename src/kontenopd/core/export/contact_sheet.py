"""Sample drafts and the contact sheet: every template in every format on one image.

``kontenopd sheet -o sheet.png`` renders each template's realistic Indonesian sample (with the
bundled CC0 / public-domain photos of assets/samples) in every format, carousels slide by slide,
so the whole library can be reviewed at a glance.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PIL import Image, ImageDraw

from .. import editing
from ..model.records import Profile
from ..photos.cache import PhotoCache
from ..render import RenderWarning, render
from ..render.images import images_of
from ..template.library import Library
from ..text import fonts
from ..text.layout import TextFit, draw_layout, fit_text

FORMAT_ORDER = ("4:5", "1:1", "3:4", "9:16", "16:9")


@dataclass(frozen=True)
class SheetEntry:
    template: str
    fmt: str
    slide: int
    warnings: tuple[RenderWarning, ...]


def contact_sheet(library: Library, profile: Profile, *, row_height: int = 420,
                  templates: Iterable[str] | None = None,
                  progress: Callable[[str], None] | None = None,
                  ) -> tuple[Image.Image, list[SheetEntry]]:
    """One row per template (carousels: one row per format), one thumbnail per image.

    Returns the sheet and, per image, the warnings its sample produced.
    """
    ids = list(templates) if templates is not None else sorted(library.templates)
    photos = PhotoCache()
    gap, pad, label_h = 24, 40, 64
    rows: list[tuple[str, list[tuple[str, Image.Image]]]] = []
    entries: list[SheetEntry] = []
    for tid in ids:
        template = library.get(tid)
        draft = editing.sample_draft(template, formats=template.format_keys[:1],
                                     sample_photos=True)
        carousel = any(f.slides for f in template.formats.values())
        fmts = [f for f in FORMAT_ORDER if f in template.formats]
        row: list[tuple[str, Image.Image]] = []
        for fmt in fmts:
            if carousel and row:
                rows.append((f"{template.name} ({tid})", row))
                row = []
            for post_image in images_of(template, draft, fmt):
                slide = post_image.slide
                if progress:
                    progress(f"{tid} {fmt}" + (f" slide {slide + 1}" if post_image.carousel
                                               else ""))
                # Full size, then reduced: the sheet shows exactly what an export looks like.
                result = render(template, fmt, draft, profile, photos=photos, slide=slide)
                entries.append(SheetEntry(tid, fmt, slide, tuple(result.warnings)))
                label = post_image.label
                image = result.image
                width = max(1, round(image.width * row_height / image.height))
                row.append((label, image.resize((width, row_height), Image.Resampling.LANCZOS,
                                                reducing_gap=3.0)))
        rows.append((f"{template.name} ({tid})", row))
    width = max(sum(img.width for _, img in row) + gap * (len(row) - 1) for _, row in rows)
    width += 2 * pad
    height = pad + len(rows) * (label_h + row_height + 28 + gap) + pad
    sheet = Image.new("RGB", (width, height), (229, 231, 235))
    draw = ImageDraw.Draw(sheet)
    title_font = fonts.font_file("Plus Jakarta Sans", "bold")
    small_font = fonts.font_file("Plus Jakarta Sans", "medium")
    y = pad
    for name, row in rows:
        title = fit_text(name, TextFit(title_font, 30, 22, 1), width - 2 * pad, label_h)
        draw_layout(draw, title, (pad, y, width - 2 * pad, label_h - 16), (17, 24, 39),
                    "left", "middle")
        y += label_h
        x = pad
        for label, img in row:
            sheet.paste(img, (x, y))
            caption = fit_text(label, TextFit(small_font, 20, 16, 1), img.width, 28)
            draw_layout(draw, caption, (x, y + row_height + 6, img.width, 22), (75, 85, 99))
            x += img.width + gap
        y += row_height + 28 + gap
    return sheet, entries
