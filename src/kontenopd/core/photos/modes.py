"""Pillow modes: what each costs in memory, and how each becomes 8-bit sRGB.

* :func:`estimate_memory`: the memory the decode and the conversion to RGB/RGBA will take,
  estimated from the mode (Pillow keeps 1, L and P in one byte a pixel, I;16 in two,
  everything else in four), a per-format decoder overhead (measured: WebP and AVIF ~4x,
  JPEG 2000 ~5x, HEIC ~2.5x, compressed TIFF ~1.5x) and the conversion steps below;
  :mod:`.safeimage` checks it against the memory cap of each use before decoding.
* :func:`to_rgb` / :func:`to_rgba`: any mode (palette, 1-bit, grey, CMYK, with or without
  alpha; 16-bit, 32-bit and float grey scaled, not clipped) to 8-bit RGB with transparency
  flattened onto white, or to RGBA; colours go to sRGB through the image's ICC profile.
"""

from __future__ import annotations

import io
import math

from PIL import Image, ImageCms

_BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16B": 2, "I;16L": 2, "I;16N": 2}
# HEIF measured: libheif's YCbCr planes and RGB buffer beside Pillow's copy, ~9.6 bytes a pixel
_DECODER_OVERHEAD = {"WEBP": 4.0, "AVIF": 4.0, "JPEG2000": 5.0, "HEIF": 2.5, "TIFF": 1.5}
_ALPHA_MODES = ("RGBA", "LA", "La", "PA", "RGBa")
_DEEP_MODES = ("I", "F", "I;16", "I;16B", "I;16L", "I;16N")
_SRGB = ImageCms.createProfile("sRGB")


# ---------------------------------------------------------------- estimates


def bytes_per_pixel(mode: str) -> int:
    """What Pillow keeps per pixel in memory for ``mode``."""
    return _BYTES_PER_PIXEL.get(mode, 4)


def _has_alpha(img: Image.Image) -> bool:
    return img.mode in _ALPHA_MODES or "transparency" in img.info


def estimate_memory(img: Image.Image, size: tuple[int, int], target: str = "RGB",
                    turned: bool = False) -> int:
    """Bytes needed to decode ``img`` at ``size`` and convert it to ``target`` (peak)."""
    pixels = max(1, size[0]) * max(1, size[1])
    mode = img.mode
    per_pixel = bytes_per_pixel(mode) * _DECODER_OVERHEAD.get(img.format or "", 1.0)
    icc = bool(img.info.get("icc_profile"))
    if mode in _DEEP_MODES:
        extra = 9.0  # 32-bit working copy, scaled copy, then 8-bit grey and the result
    elif _has_alpha(img):
        extra = (0 if mode == "RGBA" else 4) + (5 if target == "RGB" else 0)
    elif mode == target:
        extra = 4 if icc else 0
    else:
        extra = 8 if icc else 4
    if turned:
        extra += bytes_per_pixel(mode)
    return math.ceil(pixels * (per_pixel + extra))


# ---------------------------------------------------------------- conversions


def _to_8bit(img: Image.Image) -> Image.Image:
    """16-bit, 32-bit and float greyscale to 8-bit "L", scaled instead of clipped."""
    if img.mode.startswith("I;16"):
        img = img.convert("I")
    lo, hi = img.getextrema()
    if isinstance(lo, tuple) or isinstance(hi, tuple):  # per-band pairs: not a deep mode
        return img.convert("L")
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return img.convert("L")
    if img.mode == "F" and lo >= 0 and hi <= 1.0:
        scale, offset = 255.0, 0.0  # float images in 0..1
    elif lo >= 0 and hi <= 255:
        return img.convert("L")
    elif lo >= 0 and hi <= 65535:
        scale, offset = 1 / 256, 0.0  # 16-bit
    else:
        scale = 255.0 / (hi - lo) if hi > lo else 0.0
        offset = -lo * scale
    return img.point(lambda v: v * scale + offset).convert("L")


def _icc_to_srgb(img: Image.Image, icc: bytes | None) -> Image.Image:
    if not icc or img.mode not in ("RGB", "CMYK", "L"):
        return img
    try:
        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        desc = ImageCms.getProfileDescription(src) or ""
        if "srgb" not in desc.lower() or img.mode != "RGB":
            converted = ImageCms.profileToProfile(img, src, _SRGB, outputMode="RGB")
            if converted is not None:  # None only with inPlace=True
                return converted
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        pass  # a broken profile: fall back to the plain conversion
    return img


def _shallow(img: Image.Image) -> Image.Image:
    """Deep greyscale scaled to 8-bit "L" and premultiplied "La" as "LA": the modes both
    conversions start from."""
    if img.mode in _DEEP_MODES:
        img = _to_8bit(img)
    if img.mode == "La":
        img = img.convert("LA")
    return img


def to_rgb(img: Image.Image) -> Image.Image:
    """Any Pillow mode to 8-bit sRGB RGB; transparency is flattened onto white."""
    icc = img.info.get("icc_profile")
    img = _shallow(img)
    if img.mode in ("P", "1"):
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
    elif img.mode in ("L", "RGB") and "transparency" in img.info:
        img = img.convert("RGBA")
    if img.mode in _ALPHA_MODES:
        rgba = img if img.mode == "RGBA" else img.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        img = flat
    img = _icc_to_srgb(img, icc)
    if img.mode != "RGB":
        img = img.convert("RGB")
    return img


def to_rgba(img: Image.Image) -> Image.Image:
    """Any Pillow mode to 8-bit RGBA (alpha kept; colour converted to sRGB when opaque)."""
    icc = img.info.get("icc_profile")
    img = _shallow(img)
    if _has_alpha(img):
        return img if img.mode == "RGBA" else img.convert("RGBA")
    if img.mode == "1":
        img = img.convert("L")
    if img.mode not in ("RGB", "CMYK", "L"):
        img = img.convert("RGB")
    return _icc_to_srgb(img, icc).convert("RGBA")
