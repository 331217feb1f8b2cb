"""Preflight: what exporting a post would give, found before the export by rendering it at
half size (the queue's thumbnail, warnings and formats that would not be written)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import KontenError
from ..model.records import Draft, Profile
from ..render.images import carousel_warnings, images_of
from ..template.schema import Template


@dataclass
class Preflight:
    """What exporting a post would give, found by rendering it small: a thumbnail of its
    first image, its warnings ("4:5: …", once each) and the formats an export would not
    write (format -> why)."""

    thumbnail: Any = None  # PIL image (first format, first slide) or None
    warnings: list[str] = field(default_factory=list)
    blocked: dict[str, str] = field(default_factory=dict)
    error: str | None = None  # the post cannot be exported at all

    @property
    def ok(self) -> bool:
        return self.error is None and not self.blocked and not self.warnings


PREFLIGHT_SCALE = 0.5  # large enough that text fits as at full size (fitting is per pixel)


def preflight(template: Template, draft: Draft, profile: Profile, formats: Sequence[str],
              photos: Any = None, thumb_side: int = 96) -> Preflight:
    """Render every image of ``formats`` at half size, as the queue shows it before export;
    never raises."""
    from ..render import missing_required, render  # noqa: PLC0415

    check = Preflight()
    if photos is None:
        from ..photos.cache import PhotoCache  # noqa: PLC0415

        photos = PhotoCache()  # each photo decoded once for all the post's images
    try:
        empty = missing_required(template, draft)
        if empty:
            check.error = "Field wajib belum diisi: " + ", ".join(f.label for f in empty) + "."
        for fmt in formats:
            if fmt not in template.formats:
                continue
            images = images_of(template, draft, fmt)
            check.warnings += [f"{fmt}: {w}" for w in carousel_warnings(images)]
            for image in images:
                result = render(template, fmt, draft, profile, scale=PREFLIGHT_SCALE,
                                photos=photos, slide=image.slide)
                if check.thumbnail is None:
                    thumb = result.image.copy()
                    thumb.thumbnail((thumb_side, thumb_side))
                    check.thumbnail = thumb
                where = f"{fmt} slide {image.slide + 1}" if image.count > 1 else fmt
                for w in result.warnings:
                    line = f"{where}: {w.message}"
                    if w.blocking:
                        check.blocked.setdefault(fmt, w.message)
                    elif line not in check.warnings:
                        check.warnings.append(line)
    except KontenError as exc:
        check.error = str(exc)
    return check


__all__ = ["PREFLIGHT_SCALE", "Preflight", "preflight"]
