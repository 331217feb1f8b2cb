"""Rendering for the preview, off the GUI thread: :func:`preview_render` (render() as the
app shows it), :func:`render_job` (the big preview's worker callable, a
:class:`PreviewFrame` out), :func:`strip_job` (the format and slide thumbnails) and
:func:`to_qimage`, which the other panels use for their thumbnails too."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PIL import Image
from PySide6.QtGui import QImage

from ...core.model.records import Draft, Profile
from ...core.photos.cache import PhotoCache
from ...core.render import Block, RenderResult, RenderWarning, render
from ...core.template.schema import Template

STRIP_SCALE = 0.09
STATUS_MARKS = {"ok": "✔", "warning": "⚠", "blocking": "✖"}


def warnings_status(warnings: list[RenderWarning]) -> str:
    """ok, warning or blocking: the mark a format's thumbnail carries."""
    if any(w.blocking for w in warnings):
        return "blocking"
    return "warning" if warnings else "ok"


def to_qimage(image: Image.Image) -> QImage:
    """A PIL RGB image as a QImage that owns its pixels (safe to build off the GUI thread)."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    data = rgb.tobytes()
    return QImage(data, rgb.width, rgb.height, 3 * rgb.width,
                  QImage.Format.Format_RGB888).copy()


def preview_render(template: Template, fmt: str, draft: Draft, profile: Profile, scale: float,
                   cache: PhotoCache, slide: int = 0) -> RenderResult:
    """render() as the app shows it: reduced, sharing the photo cache, empty frames marked."""
    return render(template, fmt, draft, profile, scale=scale, photos=cache, preview=True,
                  slide=slide)


class PreviewFrame(NamedTuple):
    """What the worker sends back: the image, its warnings and its layout report's blocks
    (frozen, in full-size format pixels), for the format and slide asked for."""

    image: QImage
    warnings: list[RenderWarning]
    fmt: str
    slide: int
    blocks: list[Block]


def render_job(template: Template, fmt: str, draft: Draft, profile: Profile, scale: float,
               cache: PhotoCache, slide: int = 0) -> Callable[[], PreviewFrame]:
    """A plain callable for the worker: immutable inputs in, a PreviewFrame out."""
    def job() -> PreviewFrame:
        result = preview_render(template, fmt, draft, profile, scale, cache, slide)
        return PreviewFrame(to_qimage(result.image), result.warnings, fmt, slide,
                            list(result.blocks))
    return job

StripImages = tuple[dict[str, tuple[QImage, list[RenderWarning]]], list[QImage]]


def strip_job(template: Template, draft: Draft, profile: Profile, cache: PhotoCache,
              current: str, slides: int) -> Callable[[], StripImages]:
    """A plain callable for the worker: every format's thumbnail with its warnings, and the
    thumbnails of the ``current`` format's carousel slides (none for a single image)."""
    def job() -> StripImages:
        out = {}
        for fmt in template.format_keys:
            result = preview_render(template, fmt, draft, profile, STRIP_SCALE, cache)
            out[fmt] = (to_qimage(result.image), result.warnings)
        pages = [out[current][0]] if slides > 1 else []
        for slide in range(1, slides):
            result = preview_render(template, current, draft, profile, STRIP_SCALE, cache,
                                    slide)
            pages.append(to_qimage(result.image))
        return out, pages
    return job
