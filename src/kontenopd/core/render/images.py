"""The images a post produces: one owner for "which files does this draft become".

A single-image template gives one image per format; a carousel gives one per slide, all in
the same ratio (Instagram requires one ratio for every slide of a carousel). The preview's
slide strip, the exporter (file names, manifest), the queue and the contact sheet all ask
:func:`images_of`, so they can never disagree about how many images there are.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import KontenError
from ..model.records import Draft
from ..template.schema import Template

MAX_SLIDES_APP = 20  # what the Instagram app accepts in one carousel post
MAX_SLIDES_API = 10  # what the publishing API (and so every scheduler) accepts


def format_slug(fmt: str) -> str:
    """"4:5" -> "4x5" (file names cannot hold a colon on Windows)."""
    return fmt.replace(":", "x")


@dataclass(frozen=True)
class PostImage:
    """One image of a post: a format, and for a carousel the slide (0-based) of ``count``."""

    fmt: str
    slide: int = 0
    count: int = 1

    @property
    def carousel(self) -> bool:
        return self.count > 1

    @property
    def label(self) -> str:
        """"4:5" or "4:5 2/5", for progress lines, warnings and the contact sheet."""
        return f"{self.fmt} {self.slide + 1}/{self.count}" if self.carousel else self.fmt

    def stem(self, slug: str) -> str:
        """"<slug>_4x5" for a single image, "<slug>_4x5_01" ... for carousel slides."""
        base = f"{slug}_{format_slug(self.fmt)}"
        return f"{base}_{self.slide + 1:02d}" if self.carousel else base


def images_of(template: Template, draft: Draft, fmt: str) -> list[PostImage]:
    """Every image format ``fmt`` of ``draft`` renders to, in posting order."""
    from . import slide_count  # noqa: PLC0415 - the renderer loads Pillow and fonts

    count = slide_count(template, draft, fmt)
    return [PostImage(fmt, slide, count) for slide in range(count)]


def carousel_warnings(images: list[PostImage]) -> list[str]:
    """Instagram's carousel limits, in Indonesian. More than MAX_SLIDES_APP slides cannot be
    posted at all: that is :func:`check_carousel`'s error, not a warning."""
    if images and images[0].count > MAX_SLIDES_API:
        return [f"Carousel {images[0].fmt} berisi {images[0].count} slide: aplikasi Instagram "
                f"menerima sampai {MAX_SLIDES_APP}, tetapi penjadwal dan API hanya "
                f"{MAX_SLIDES_API}."]
    return []


def check_carousel(images: list[PostImage]) -> None:
    """Raise a KontenError when the slides cannot be posted as one carousel."""
    if images and images[0].count > MAX_SLIDES_APP:
        raise KontenError(
            f"Carousel {images[0].fmt} berisi {images[0].count} slide; Instagram menerima "
            f"paling banyak {MAX_SLIDES_APP}. Kurangi foto atau butir daftarnya.")
