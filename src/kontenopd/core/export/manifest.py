"""The manifest of an exported post (``manifest.json``): one entry per file written, with
its template, format, slide, size, bytes, JPEG quality, warnings and, for an image, what
each platform makes of it; for a caption, its checker's counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..captions.compose import Caption
from ..model.platforms import image_uses
from ..render.images import PostImage
from .worker import RenderDone

MANIFEST = "manifest.json"


def image_entry(image: PostImage, done: RenderDone, template_id: str,
                platforms: tuple[str, ...]) -> dict[str, Any]:
    """The manifest's entry for one image written."""
    fmt, d = image.fmt, done
    return {
        "file": Path(d.path).name, "type": "image",
        "mime": "image/jpeg" if d.path.endswith(".jpg") else "image/png",
        "template": template_id, "format": fmt,
        "slide": image.slide + 1, "slides": image.count,
        "width": d.width, "height": d.height, "bytes": d.bytes,
        "quality": d.quality, "color_space": "sRGB", "metadata": "none",
        "warnings": [{"code": c, "message": m, "field": f} for c, m, f in d.warnings],
        "platforms": {k: u.to_dict() for k, u in
                      image_uses(fmt, (d.width, d.height), platforms).items()},
    }


def caption_entry(key: str, caption: Caption, path: Path) -> dict[str, Any]:
    """The manifest's entry for the caption file of platform ``key``."""
    check = caption.check
    return {
        "file": path.name, "type": "caption", "platform": key,
        "bytes": path.stat().st_size, "length": check.length,
        "limit": check.limit, "soft_limit": check.soft_limit,
        "hashtags": check.hashtags, "hashtag_limit": check.hashtag_limit,
        "mentions": check.mentions, "edited": caption.edited, "ok": check.ok,
        "warnings": [{"code": i.code, "level": i.level, "message": i.message}
                     for i in check.issues],
    }
