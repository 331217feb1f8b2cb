"""Decoding user photos safely and quickly.

Every photo goes through :func:`open_photo`, which uses the program's one safe image opener
(:mod:`.safeimage`): size and memory caps against decompression bombs, JPEG draft-mode
decoding (the DCT scales down by 1/2, 1/4 or 1/8 while decoding), EXIF orientation,
conversion of CMYK / 16-bit / palette / alpha images to sRGB RGB, and one clear Indonesian
error for anything that is not a usable image (HEIC/HEIF and AVIF included).

A truncated or partly damaged photo is refused, never half-drawn: :func:`check_photo` (the
GUI's add path, the command line's ``--photo``, a photo inside a draft being opened) decodes
the whole file once at thumbnail scale, so it fails there with the same message the render
would give, and the form's thumbnail (:func:`photo_thumbnail`) is that same decode.
"""

from __future__ import annotations

import math
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from PIL import Image

from ..errors import PhotoError
from . import safeimage
from .safeimage import Decoded, ImageInfo

MAX_FILE_BYTES = safeimage.PHOTO.max_file_bytes
MAX_PIXELS_JPEG = safeimage.PHOTO.max_pixels_jpeg  # decoded at reduced scale
MAX_PIXELS_OTHER = safeimage.PHOTO.max_pixels  # PNG/TIFF/WebP... decode in full


def _name(path: Path) -> str:
    return safeimage.display_name(path)


def probe_photo(path: str | Path) -> ImageInfo:
    """Size (after orientation) and format, checked against the caps, without decoding."""
    return safeimage.probe(Path(path), safeimage.PHOTO)


THUMB_SIDE = 192  # the form shows photos at 96x72; twice that for sharp high-DPI icons


@lru_cache(maxsize=64)
def _thumbnail(key: tuple[str, int, int], side: int) -> Image.Image:
    limits = replace(safeimage.PHOTO, max_side=side)  # JPEG: decoded at 1/8 scale, still whole
    return safeimage.open_image(Path(key[0]), limits).image


def photo_thumbnail(path: str | Path, side: int = THUMB_SIDE) -> Image.Image:
    """The whole photo decoded upright by the safe opener, shrunk to ``side`` on its long
    side: what the render will draw, small. A damaged or truncated photo raises PhotoError
    with the message the render would give. Kept per file version; do not modify it."""
    return _thumbnail(PhotoCache._key(Path(path)), side)


def check_photo(path: str | Path, cache: PhotoCache | None = None,
                frames: Sequence[tuple[int, int]] = ()) -> ImageInfo:
    """Whether a photo can be used, before it is added: the caps (header only), then one
    whole decode, so a truncated or damaged file is refused now with a clear message instead
    of leaving an empty frame later. The decode is kept: at thumbnail scale for the form's
    thumbnail (:func:`photo_thumbnail`), or, given a ``cache``, in it at the size the largest
    of ``frames`` needs (the command line decodes each photo once, at the size its render
    needs)."""
    info = probe_photo(path)
    if cache is None:
        photo_thumbnail(path)
    else:
        need = max((needed_decode_size((info.width, info.height), frame) for frame in frames),
                   default=None)
        cache.get(path, need)
    return info


def open_photo(path: str | Path, min_size: tuple[int, int] | None = None) -> Decoded:
    """Decode a photo upright in RGB.

    ``min_size`` is the smallest (width, height) the caller needs, after orientation. JPEGs
    are then decoded at the smallest DCT scale that still covers it.
    """
    return safeimage.open_image(Path(path), safeimage.PHOTO, min_size=min_size)


def cover_crop_box(src: tuple[int, int], dst: tuple[int, int], focus: tuple[float, float],
                   anchor: tuple[float, float] = (0.5, 0.5),
                   ) -> tuple[float, float, float, float]:
    """The source rectangle that fills ``dst`` (same aspect) with the photo point ``focus``
    (0..1) at ``anchor`` (0..1 of the frame; the centre by default), as far as the photo
    reaches: the crop never leaves the photo."""
    sw, sh = src
    dw, dh = dst
    scale = max(dw / sw, dh / sh)
    # min() guards against float error making the crop a hair larger than the photo.
    cw, ch = min(dw / scale, sw), min(dh / scale, sh)
    left = min(max(focus[0] * sw - anchor[0] * cw, 0.0), sw - cw)
    top = min(max(focus[1] * sh - anchor[1] * ch, 0.0), sh - ch)
    left, top = max(0.0, left), max(0.0, top)
    return (left, top, min(float(sw), left + cw), min(float(sh), top + ch))


def cover_scale(src: tuple[int, int], dst: tuple[int, int]) -> float:
    """Frame pixels per source pixel when ``src`` cover-fills ``dst``."""
    return max(dst[0] / src[0], dst[1] / src[1])


# ---------------------------------------------------------------- auto-enhance
#
# "Perbaiki cahaya otomatis": one tone curve for the whole photo, worked out from its
# histogram and applied to R, G and B alike (neutral greys stay neutral), so a dull or dark
# phone photo gets its contrast and midtones back without colour casts. Mild on purpose: the
# stretch is an autocontrast with 0.5% cut off each end (ImageOps.autocontrast with
# preserve_tone, in effect) but at most 3x (then the blacks still reach black), and the
# midtone lift a softened gamma in 0.6..1.4. The curve is computed once per photo (not per
# frame), so every crop and every format of a photo get the same correction.

ENHANCE_CUTOFF = 0.005  # share of pixels let clip at each end
ENHANCE_MAX_GAIN = 3.0
ENHANCE_TARGET_MEAN = 0.46  # mean brightness (0..1) the midtones are pulled towards
ENHANCE_GAMMA = (0.6, 1.4)


def enhance_levels(image: Image.Image) -> list[int]:
    """The 768-entry lookup table (for ``Image.point`` on RGB) that auto-enhances ``image``."""
    probe = image if max(image.size) <= 512 else image.reduce(max(1, max(image.size) // 256))
    hist = probe.convert("L").histogram()
    total = sum(hist) or 1
    cut = total * ENHANCE_CUTOFF
    lo, seen = 0, 0
    for lo in range(256):
        seen += hist[lo]
        if seen > cut:
            break
    hi, seen = 255, 0
    for hi in range(255, -1, -1):
        seen += hist[hi]
        if seen > cut:
            break
    if hi <= lo:
        return list(range(256)) * 3  # one flat colour: nothing to stretch
    gain = min(ENHANCE_MAX_GAIN, 255.0 / (hi - lo))
    # The black point always goes to black (a washed-out look is what makes photos dull);
    # when the stretch is capped, the whites stop short of white instead.
    start = float(lo)

    def stretched(v: float) -> float:
        return min(1.0, max(0.0, (v - start) * gain / 255.0))

    mean = sum(stretched(v) * n for v, n in enumerate(hist)) / total
    gamma = 1.0
    if 0.02 < mean < 0.98:
        gamma = math.log(ENHANCE_TARGET_MEAN) / math.log(mean)
        gamma = min(ENHANCE_GAMMA[1], max(ENHANCE_GAMMA[0], gamma ** 0.6))
    lut = [round(255.0 * stretched(v) ** gamma) for v in range(256)]
    return lut * 3


def enhance_photo(image: Image.Image) -> Image.Image:
    """``image`` (RGB) with its light corrected automatically: see :func:`enhance_levels`."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    return rgb.point(enhance_levels(rgb))


class PhotoCache:
    """Decoded photos, kept by file and modification time, bounded by total pixels.

    A request for a larger decode than the cached one re-decodes; a smaller one reuses it.
    Thread-safe, so preview workers can share it.
    """

    def __init__(self, max_pixels: int = 48_000_000, max_frames: int = 12) -> None:
        self.max_pixels = max_pixels
        self.max_frames = max_frames
        self._items: OrderedDict[tuple[str, int, int], Decoded] = OrderedDict()
        self._info: dict[tuple[str, int, int], ImageInfo] = {}
        self._frames: OrderedDict[tuple[object, ...], Image.Image] = OrderedDict()
        self._levels: dict[tuple[str, int, int], list[int]] = {}
        self._smaller: OrderedDict[tuple[object, ...], Image.Image] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def _key(path: Path) -> tuple[str, int, int]:
        try:
            st = os.stat(path)
        except OSError:
            raise PhotoError(f"Foto tidak ditemukan: {_name(path)}") from None
        return (str(path.resolve()), st.st_mtime_ns, st.st_size)

    def info(self, path: str | Path) -> ImageInfo:
        """Size and format of a photo, probed once per file version."""
        path = Path(path)
        key = self._key(path)
        with self._lock:
            hit = self._info.get(key)
        if hit is None:
            hit = probe_photo(path)
            with self._lock:
                self._info[key] = hit
        return hit

    def get(self, path: str | Path, min_size: tuple[int, int] | None = None) -> Decoded:
        path = Path(path)
        key = self._key(path)
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and self._covers(hit, min_size):
                self._items.move_to_end(key)
                return hit
        photo = open_photo(path, min_size)
        with self._lock:
            self._items[key] = photo
            self._items.move_to_end(key)
            self._trim()
        return photo

    def levels(self, path: str | Path) -> list[int]:
        """The auto-enhance lookup table of a photo (:func:`enhance_levels`), worked out once
        per file version from a small decode, so every frame of it gets the same curve."""
        path = Path(path)
        key = self._key(path)
        with self._lock:
            hit = self._levels.get(key)
        if hit is None:
            hit = enhance_levels(self.get(path, (256, 256)).image)
            with self._lock:
                self._levels[key] = hit
        return hit

    def frame(self, path: str | Path, size: tuple[int, int], focus: tuple[float, float],
              anchor: tuple[float, float] = (0.5, 0.5), enhance: bool = False) -> Image.Image:
        """The photo cover-cropped around ``focus`` (placed at ``anchor`` of the frame) and
        resized to ``size``, with its light corrected automatically when ``enhance``.

        The last few frames are kept, so re-rendering a draft while the user types (same
        photo, same frame) costs a paste instead of a resample. Callers must not modify
        the returned image.
        """
        path = Path(path)
        info = self.info(path)
        need = needed_decode_size((info.width, info.height), size)
        key = (self._key(path), size, round(focus[0], 4), round(focus[1], 4),
               round(anchor[0], 4), round(anchor[1], 4), bool(enhance))
        with self._lock:
            hit = self._frames.get(key)
            if hit is not None:
                self._frames.move_to_end(key)
                return hit
        source = self._reduced(key[0], self.get(path, need).image, need)
        crop = cover_crop_box(source.size, size, focus, anchor)
        ratio = size[0] / (crop[2] - crop[0])
        # Strong reductions get Lanczos. A mild one (to half size or less) differs from
        # Lanczos by about 1 level in 255 with Pillow's antialiased bilinear, which costs
        # under half as much (a story frame from a 16 MP photo: 35 ms against 77, bicubic
        # 59); enlargements keep bicubic.
        method = Image.Resampling.LANCZOS if ratio < 0.5 else \
            Image.Resampling.BILINEAR if ratio < 1 else Image.Resampling.BICUBIC
        framed = source.resize(size, method, box=crop, reducing_gap=2.0)
        if enhance:
            framed = framed.point(self.levels(path))
        with self._lock:
            self._frames[key] = framed
            while len(self._frames) > self.max_frames:
                self._frames.popitem(last=False)
        return framed

    def _reduced(self, key: tuple[str, int, int], image: Image.Image,
                 need: tuple[int, int]) -> Image.Image:
        """``image`` box-reduced by 2, 4 or 8 when it is that many times larger than
        ``need``: what a JPEG draft decode at that scale would have given. A post's tallest
        format decodes the photo large once; its smaller formats then resample from a copy
        of their own size instead of from the whole photo (Lanczos costs per source pixel)."""
        factor = min(image.width // max(1, need[0]), image.height // max(1, need[1]), 8)
        factor = 8 if factor >= 8 else 4 if factor >= 4 else 2 if factor >= 2 else 1
        if factor == 1:
            return image
        with self._lock:
            hit = self._smaller.get((key, image.size, factor))
        if hit is None:
            hit = image.reduce(factor)
            with self._lock:
                self._smaller[(key, image.size, factor)] = hit
                while len(self._smaller) > 4:
                    self._smaller.popitem(last=False)
        return hit

    @staticmethod
    def _covers(photo: Decoded, min_size: tuple[int, int] | None) -> bool:
        if photo.image.size == photo.source_size:
            return True  # a full decode serves any request
        if min_size is None:
            return False
        return photo.image.width >= min_size[0] and photo.image.height >= min_size[1]

    def _trim(self) -> None:
        total = sum(p.image.width * p.image.height for p in self._items.values())
        while total > self.max_pixels and len(self._items) > 1:
            _, old = self._items.popitem(last=False)
            total -= old.image.width * old.image.height

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._info.clear()
            self._frames.clear()
            self._levels.clear()
            self._smaller.clear()


def needed_decode_size(src: tuple[int, int], frame: tuple[int, int]) -> tuple[int, int]:
    """The decoded size at which ``src`` cover-fills ``frame`` without upscaling."""
    scale = min(1.0, cover_scale(src, frame))
    return (math.ceil(src[0] * scale), math.ceil(src[1] * scale))
