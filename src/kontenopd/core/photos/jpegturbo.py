"""JPEG pixels through libjpeg-turbo's TurboJPEG interface (the ``simplejpeg`` wheel).

Pillow's JPEG decoder is libjpeg-turbo too, but it hands the pixels over a scanline at a
time and repacks each into Pillow's four-bytes-per-pixel layout; TurboJPEG decodes the whole
image into one buffer. Same library, same accurate IDCT, same smooth chroma upsampling, so
the same pixels (tests/core/photos/test_jpegturbo.py compares them), in about 15 % less time
for a 16 MP photo in full (bench: 246 -> 210 ms, progressive) and a little less at 1/2
scale; it also lets go of the GIL for the whole decode.

Used by :mod:`.safeimage`, once :func:`enable` has been called, for a plain JPEG decoded to
RGB or grey after its header, declared size, draft scale and memory have been checked there;
every other case (CMYK, MPO, a scale TurboJPEG would not give exactly, no simplejpeg
installed) is Pillow's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image

# Pillow's mode after draft() -> TurboJPEG's pixel format, and the colour spaces (as the
# JPEG header declares them) that decode to it exactly as Pillow would.
_PIXELS = {"RGB": "RGB", "L": "GRAY"}
_SPACES = {"RGB": ("YCbCr", "RGB"), "L": ("Gray", "YCbCr")}

_turbo: list[Any] = []  # [simplejpeg] once enable() found it


def enable() -> bool:
    """Decode JPEGs with TurboJPEG from now on in this process, when simplejpeg is
    installed. Not at import: simplejpeg brings numpy (~60-90 ms to import), which the
    one-card command line render would pay before its decode could start; the export
    workers and bulk create, which decode photo after photo, enable it as they start."""
    if not _turbo:
        try:
            import simplejpeg  # noqa: PLC0415 - optional: Pillow decodes without it
        except ImportError:
            return False
        _turbo.append(simplejpeg)
    return True


def disable() -> None:
    """Back to Pillow's decoder (tests compare the two)."""
    _turbo.clear()


def applies(img: Image.Image) -> bool:
    """Whether TurboJPEG decodes ``img`` here: enabled, a plain JPEG, in RGB or grey."""
    return bool(_turbo) and img.format == "JPEG" and img.mode in _PIXELS


def extra_memory(img: Image.Image, file_bytes: int) -> int:
    """Bytes this path needs beyond Pillow's own decode: the file read whole, and the
    packed pixels before they are copied into the image."""
    return file_bytes + img.width * img.height * (3 if img.mode == "RGB" else 1)


def decode(img: Image.Image, source: Path | bytes) -> Image.Image | None:
    """The pixels of ``img`` (a JPEG opened by Pillow, its draft scale chosen, not loaded),
    decoded by TurboJPEG at that same scale, as a new image carrying ``img.info`` (EXIF,
    ICC profile); None when this path does not apply, and Pillow decodes instead. A
    damaged or truncated file raises ValueError (TurboJPEG's warnings are errors here), as
    Pillow's decoder raises OSError."""
    if not applies(img):
        return None
    turbo = _turbo[0]
    data = source if isinstance(source, bytes) else source.read_bytes()
    _height, _width, space, _subsampling = turbo.decode_jpeg_header(data)
    if space not in _SPACES[img.mode]:
        return None
    # The smallest of TurboJPEG's scales that covers Pillow's draft size is that scale
    # itself (1/1, 1/2, 1/4 or 1/8): the checks made for it hold.
    pixels = turbo.decode_jpeg(data, colorspace=_PIXELS[img.mode], min_width=img.width,
                               min_height=img.height, strict=True)
    if pixels.shape[:2] != (img.height, img.width):
        return None
    out = Image.fromarray(pixels if img.mode == "RGB" else pixels.reshape(pixels.shape[:2]))
    out.info.update(img.info)
    return out
