"""Writing finished images: sRGB JPEG or PNG, no metadata from source photos, atomic."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageCms

from ..errors import KontenError
from .atomic import WriteErrors, atomic_write

IMAGE_SUFFIXES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG"}


@cache
def srgb_icc() -> bytes:
    """An sRGB ICC profile with its creation date and ID zeroed, so identical pixels give
    identical files (lcms stamps the current time into every profile it creates)."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = bytes(12)  # dateTimeNumber
    data[84:100] = bytes(16)  # profile ID (MD5); all zero means "not computed"
    return bytes(data)


def image_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise KontenError(f"Akhiran berkas keluaran harus .jpg, .jpeg atau .png: {Path(path).name}")
    return IMAGE_SUFFIXES[suffix]


def encode(image: Image.Image, fmt: str, quality: int = 92) -> dict[str, Any]:
    """Save options: a fresh sRGB tag and nothing else (no EXIF, no GPS, no camera data)."""
    if fmt == "JPEG":
        # optimize=True (Huffman tables per image) costs ~11 ms per card for ~5 % size.
        return {"format": "JPEG", "quality": quality, "subsampling": 0, "optimize": False,
                "progressive": False, "icc_profile": srgb_icc()}
    return {"format": "PNG", "optimize": False, "compress_level": 6, "icc_profile": srgb_icc()}


def image_bytes(image: Image.Image, path: str | Path, quality: int = 92) -> bytes:
    """The file :func:`save_image` would write to ``path``, in memory (the exporter tries
    JPEG qualities against a size limit without writing each try)."""
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, **encode(image, image_format(path), quality))
    return buffer.getvalue()


def save_image(image: Image.Image, path: str | Path, quality: int = 92) -> Path:
    """Write ``image`` to ``path`` atomically (temporary file + rename)."""
    return write_image_bytes(image_bytes(image, path, quality), path)


def write_image_bytes(data: bytes, path: str | Path) -> Path:
    """Write an encoded image (:func:`image_bytes`) to ``path`` atomically."""
    path = Path(path)
    atomic_write(
        path, lambda handle: handle.write(data), prefix=".kontenopd-",
        suffix=path.suffix,
        errors=WriteErrors(
            folder=lambda folder, exc: KontenError(
                f"Folder keluaran tidak bisa ditulisi: {folder} ({exc.strerror})"),
            write=lambda path, exc: KontenError(
                f"Gambar gagal disimpan ke {path} ({exc.strerror or exc})")))
    return path
