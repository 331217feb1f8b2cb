"""The public render() call: draw one image of a format, then the field-length and face checks."""

from __future__ import annotations

from ..model.records import Draft, Profile
from ..photos.cache import PhotoCache
from ..template.schema import Template
from .engine import Renderer
from .result import RenderResult, RenderWarning


def render(template: Template, fmt: str, draft: Draft, profile: Profile, *,
           scale: float = 1.0, photos: PhotoCache | None = None,
           preview: bool = False, slide: int | None = None) -> RenderResult:
    """Render one format of a draft.

    ``scale`` < 1 gives a faster, smaller preview; ``preview`` marks empty photo frames with
    a camera sign (an exported card shows a plain colour there instead). For a carousel,
    ``slide`` (0-based, see ``slide_count``) picks the slide; the first by default.
    """
    photos = photos or PhotoCache()
    renderer = Renderer(template, fmt, draft, profile, scale, photos, preview, slide)
    result = renderer.run()
    for f in template.fields:
        value = draft.values.get(f.key)
        if f.max_length and isinstance(value, str) and len(value) > f.max_length:
            result.warnings.append(RenderWarning(
                "length", f"'{f.label}' {len(value)} karakter; sebaiknya paling banyak "
                          f"{f.max_length}.", f.key))
    result.warnings.extend(_face_warnings(template, fmt, draft, profile, photos))
    return result


def _face_warnings(template: Template, fmt: str, draft: Draft, profile: Profile,
                   photos: PhotoCache) -> list[RenderWarning]:
    """A face this format still cuts or hides (under a strip, badge or story zone)."""
    if not draft.photos:
        return []
    from . import faces  # noqa: PLC0415  (OpenCV loads on first use, and only if present)

    paths = [ref.path for refs in draft.photos.values() for ref in refs]
    # an export worker handed the parent's faces needs no detector (nor OpenCV's memory)
    if not faces.all_known(paths) and not faces.available():
        return []
    return [RenderWarning("face_cut", message, key)
            for key, message in faces.face_warnings(template, fmt, draft, profile, photos)]
