"""The one way the program opens an image file: photos, logos, template images, icons.

Image files come from other people's machines, so nothing is decoded before its declared
size has been checked:

* the file size, then the pixel count the header declares, against a cap per use
  (:data:`PHOTO`, :data:`LOGO`, :data:`ASSET`) and per format: JPEG can be decoded at 1/2,
  1/4 or 1/8 scale by the DCT (``draft``), every other format (PNG, TIFF, WebP, AVIF,
  HEIC/HEIF, GIF, BMP, ICNS, ICO, PSD, ...) decodes in full;
* the memory the decode and the conversion to RGB/RGBA will take (estimated by
  :func:`~.modes.estimate_memory`: mode, decoder overhead, conversion steps) against a memory
  cap per use;
* images nested inside others (the PNG in an ICNS or ICO, GIF frames, TIFF tiles) against
  the same pixel cap while they load (:mod:`.pixelguard`).

Everything that can go wrong (not an image, an unsupported format, a decompression bomb, a
truncated or damaged file, an odd mode, too little memory) becomes a :class:`KontenError`
subclass with one Indonesian line naming the file. A truncated file is refused, never
half-decoded, so a thumbnail never succeeds where the render later fails. Multi-frame files
(GIF, APNG, TIFF, MPO, ICNS, ICO) give their first (or, for icons, largest) frame, HEIC
its primary image.

HEIC/HEIF (what iPhones save) is decoded by pillow-heif (libheif), registered with Pillow
once, on first use (:func:`register_heif`). libheif applies the file's own rotation and
mirroring (``irot``/``imir``) while decoding and pillow-heif resets the EXIF orientation
to 1, so the size it reports is already upright and orientation is applied exactly once.
AVIF is Pillow's own decoder, which reports the rotation as an EXIF orientation instead.
"""

from __future__ import annotations

import io
import math
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import KontenError, PhotoError
from . import jpegturbo
from .modes import estimate_memory, to_rgb, to_rgba
from .pixelguard import OversizeError, pixel_limit

MB = 2**20

# The formats a photo or a logo may be in (JPEG also opens multi-picture MPO files; HEIF is
# pillow-heif's, see register_heif). Everything else Pillow can identify (EPS, which runs
# Ghostscript; WMF; FITS; scientific and game formats) is refused as "not an image".
FORMATS = ("JPEG", "PNG", "GIF", "BMP", "DIB", "TIFF", "WEBP", "AVIF", "HEIF", "ICO", "ICNS",
           "PPM", "TGA", "PSD", "JPEG2000", "QOI", "PCX", "SGI")
JPEG_FORMATS = ("JPEG", "MPO")  # decoded at reduced scale when a smaller image is enough
# ISO base media files (ftyp box) of the HEIF family, HEIC and AVIF included: told apart from
# other files when no decoder accepted them, for a message that says "damaged", not "no image".
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"heif", b"mif1",
                b"mif2", b"msf1", b"avif", b"avis")

_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


@dataclass(frozen=True)
class Limits:
    """Caps for one use of images. ``what`` names the image in messages ("Foto", "Logo")."""

    what: str
    max_file_bytes: int
    max_pixels: int  # declared pixels, formats decoded in full
    max_pixels_jpeg: int  # declared pixels, JPEG (decoded at reduced scale when asked)
    max_memory: int  # estimated bytes to decode and convert
    max_side: int | None = None  # shrink to this long side while loading
    error: type[KontenError] = KontenError
    max_aspect: float | None = None  # long side / short side

    def named(self, what: str) -> Limits:
        return replace(self, what=what)


# Photos: phone and camera shots (12-50 MP JPEG) are fine; a 64 MP PNG or TIFF decodes in
# full in 256 MB. 768 MB of estimated peak leaves room for the conversion of big RGBA or
# 16-bit files while refusing the ones that would need gigabytes (e.g. a 64 MP WebP).
PHOTO = Limits("Foto", 256 * MB, 64_000_000, 178_000_000, 768 * MB, None, PhotoError)
# Logos are drawn at most ~180 px tall on a 1080 px card: 2048 px on the long side is more
# than any template needs, so bigger logos are shrunk while loading, and a logo that would
# take more than 16 MP (64 MB as RGBA) to decode is refused.
# A logo more than 20 times wider than tall (or taller than wide) is refused too: drawn at a
# logo's height it would need a strip wider than the card.
LOGO = Limits("Logo", 16 * MB, 16_000_000, 64_000_000, 256 * MB, 2048, max_aspect=20.0)
# Template images (decor, icons): drawn at most full-card size (1080x1920).
ASSET = Limits("Gambar", 32 * MB, 16_000_000, 64_000_000, 256 * MB, 2048)
# The small preview stored in a draft file.
THUMBNAIL = Limits("Gambar kecil", 2 * MB, 4_000_000, 4_000_000, 64 * MB, 1280)


@dataclass(frozen=True)
class ImageInfo:
    width: int  # after EXIF orientation
    height: int
    format: str
    mode: str


@dataclass(frozen=True)
class Decoded:
    """The decoded image plus the size of the original (after orientation) it stands for."""

    image: Image.Image
    source_size: tuple[int, int]
    format: str

    @property
    def scale(self) -> float:
        """Decoded pixels per source pixel (<= 1 when draft decoding shrank it)."""
        return self.image.width / self.source_size[0]


# ---------------------------------------------------------------- formats

_plugins_lock = threading.Lock()
_heif_registered: list[bool] = []  # filled once: whether pillow-heif could be registered


def register_heif() -> bool:
    """Teach Pillow to open HEIC/HEIF files (pillow-heif), once; called on first use, never
    at import. False when pillow-heif is missing (a broken install)."""
    with _plugins_lock:
        if not _heif_registered:
            try:
                import pillow_heif  # noqa: PLC0415 - loads libheif; only when an image opens
            except ImportError:
                _heif_registered.append(False)
            else:
                # Depth maps, auxiliary images and embedded previews are never used: not read.
                pillow_heif.register_heif_opener(thumbnails=False, depth_images=False,
                                                 aux_images=False)
                _heif_registered.append(True)
        return _heif_registered[0]


def _formats() -> tuple[str, ...]:
    """FORMATS that this Pillow can open (HEIF registered first)."""
    register_heif()
    Image.init()
    return tuple(f for f in FORMATS if f in Image.OPEN)


def _open_as(fp: Path | io.BytesIO, formats: tuple[str, ...]) -> Image.Image | None:
    """``Image.open`` limited to ``formats``; None when the file is none of them."""
    try:
        return Image.open(fp, formats=formats)
    except UnidentifiedImageError:
        if isinstance(fp, io.BytesIO):
            fp.seek(0)
        return None


def _heif_brand(source: Path | bytes) -> bytes | None:
    """The major brand of a HEIF-family file (b"heic", b"avif", ...), else None."""
    head = _head(source, 12)
    brand = head[8:12].lower()
    return brand if head[4:8] == b"ftyp" and brand in _HEIF_BRANDS else None


def _unreadable_heif(source: Path | bytes, brand: bytes, limits: Limits,
                     name: str) -> KontenError:
    """Why no decoder accepted a file that says it is HEIF/AVIF, as one line."""
    if brand not in (b"avif", b"avis"):
        if not register_heif():
            return limits.error(f"{limits.what} HEIC tidak bisa dibuka: komponen pembaca HEIC "
                                f"(pillow-heif) tidak terpasang. Pasang ulang KontenOPD: {name}.")
        import pillow_heif  # noqa: PLC0415

        try:  # libheif says what is wrong (e.g. "Unexpected end of file")
            pillow_heif.open_heif(io.BytesIO(source) if isinstance(source, bytes) else source)
        except Exception as exc:
            return _damaged(limits, name, exc)
    return _damaged(limits, name, ValueError(name))


# ---------------------------------------------------------------- messages


def display_name(path: str | Path) -> str:
    name = Path(path).name or str(path)
    return name if len(name) <= 60 else name[:57] + "..."


def _megapixels(pixels: int) -> str:
    return f"{pixels / 1_000_000:.0f}" if pixels >= 10_000_000 else f"{pixels / 1_000_000:.1f}"


def _too_large(limits: Limits, name: str, size: tuple[int, int], cap: int) -> KontenError:
    return limits.error(
        f"{limits.what} {name} terlalu besar ({size[0]}x{size[1]} piksel; maksimal "
        f"{_megapixels(cap)} megapiksel). Perkecil gambarnya lalu coba lagi.")


def _damaged(limits: Limits, name: str, exc: BaseException) -> KontenError:
    text = str(exc).lower()
    if isinstance(exc, EOFError) or "truncat" in text or "premature" in text \
            or "end of file" in text or "not enough data" in text:
        return limits.error(f"{limits.what} terpotong atau rusak: {name}. Salin ulang berkas "
                            "aslinya atau minta dikirim ulang.")
    return limits.error(f"{limits.what} rusak dan tidak bisa dibaca: {name}.")


# ---------------------------------------------------------------- opening


def _source_size(source: Path | bytes) -> int:
    if isinstance(source, bytes):
        return len(source)
    return source.stat().st_size


def _head(source: Path | bytes, count: int) -> bytes:
    """The first ``count`` bytes of a file (b"" when it cannot be read)."""
    if isinstance(source, bytes):
        return source[:count]
    try:
        with open(source, "rb") as handle:
            return handle.read(count)
    except OSError:
        return b""


def _signature(source: Path | bytes) -> str | None:
    """"JPEG" or "PNG" from the file's first bytes, else None: the header check applies
    JPEG's cap (the only format decoded at reduced scale) before Pillow says which format
    it is, and these two are opened without loading every plugin."""
    head = _head(source, 8)
    if head[:3] == b"\xff\xd8\xff":
        return "JPEG"
    return "PNG" if head == b"\x89PNG\r\n\x1a\n" else None


def _check_file(source: Path | bytes, limits: Limits, name: str) -> None:
    """The file exists and its byte size is within ``limits`` (before any parsing)."""
    try:
        size = _source_size(source)
        if not isinstance(source, bytes) and not source.is_file():
            raise FileNotFoundError(source)
    except OSError:
        raise limits.error(
            f"{limits.what} tidak ditemukan atau tidak bisa dibuka: {name}") from None
    if size == 0:
        raise limits.error(f"Berkas {limits.what.lower()} kosong (0 byte): {name}")
    if size > limits.max_file_bytes:
        raise limits.error(f"{limits.what} {name} terlalu besar ({size // MB} MB; maksimal "
                           f"{limits.max_file_bytes // MB} MB).")


def _open_header(source: Path | bytes, limits: Limits, name: str, cap: int,
                 likely: str | None) -> Image.Image:
    """Pillow's open (the header only) under the pixel cap, every failure as one line."""
    fp = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with pixel_limit(cap):
            # A JPEG or PNG (nearly every photo and logo) is tried as one first: loading
            # every Pillow plugin and the HEIF reader costs a tenth of a second on a
            # command-line render.
            img = _open_as(fp, (likely,)) if likely else None
            return img if img is not None else Image.open(fp, formats=_formats())
    except OversizeError as exc:
        raise _too_large(limits, name, exc.size, cap) from None
    except UnidentifiedImageError:
        brand = _heif_brand(source)
        if brand is not None:
            raise _unreadable_heif(source, brand, limits, name) from None
        raise limits.error(f"Berkas ini bukan gambar yang dikenali: {name}.") from None
    except MemoryError:
        raise limits.error(f"Memori tidak cukup untuk membuka {limits.what.lower()}: "
                           f"{name}") from None
    except Image.DecompressionBombError:
        raise limits.error(f"{limits.what} {name} terlalu besar (ukuran piksel tidak "
                           "wajar).") from None
    except OSError as exc:
        if exc.errno is not None:
            raise limits.error(f"{limits.what} tidak bisa dibaca: {name} "
                               f"({exc.strerror or exc}).") from None
        raise _damaged(limits, name, exc) from None
    except Exception as exc:  # a damaged header can raise nearly anything inside a plugin
        raise _damaged(limits, name, exc) from None


def _check_declared(img: Image.Image, limits: Limits, name: str) -> None:
    """The size the header declares: positive, under the cap, not absurdly thin."""
    width, height = img.size
    if width <= 0 or height <= 0:
        raise limits.error(f"{limits.what} rusak (ukuran {width}x{height}): {name}.")
    cap = limits.max_pixels_jpeg if img.format in JPEG_FORMATS else limits.max_pixels
    if width * height > cap:
        raise _too_large(limits, name, (width, height), cap)
    if limits.max_aspect and max(width, height) > limits.max_aspect * min(width, height):
        raise limits.error(f"{limits.what} {name} terlalu pipih ({width}x{height} piksel; "
                           f"paling banyak {limits.max_aspect:g} kali lebih lebar daripada "
                           "tingginya).")
    _check_nested(img, limits, name, cap)


def _open(source: str | Path | bytes, limits: Limits, name: str) -> Image.Image:
    """The image with its header read and its declared size within ``limits``."""
    if not isinstance(source, bytes):
        source = Path(source)
    _check_file(source, limits, name)
    likely = _signature(source)
    cap = limits.max_pixels_jpeg if likely == "JPEG" else limits.max_pixels
    img = _open_header(source, limits, name, cap, likely)
    try:
        _check_declared(img, limits, name)
    except BaseException:
        img.close()
        raise
    return img


def _check_nested(img: Image.Image, limits: Limits, name: str, cap: int) -> None:
    """Icons hold their pixels in an inner PNG (or BMP, JPEG 2000) whose own header may
    declare a much larger size than the icon's: read that header now, under the cap."""
    try:
        with pixel_limit(cap):
            if img.format == "ICNS":
                img.icns.dataforsize(img.best_size)  # type: ignore[attr-defined]
            elif img.format == "ICO":
                img.ico.getimage(img.size)  # type: ignore[attr-defined]
    except OversizeError as exc:
        raise _too_large(limits, name, exc.size, cap) from None
    except AttributeError:
        pass  # another Pillow version: the same cap still applies while loading
    except MemoryError:
        raise
    except Exception as exc:
        raise _damaged(limits, name, exc) from None


def _orientation(img: Image.Image) -> int:
    try:
        value = int(img.getexif().get(0x0112, 1))
    except Exception:
        return 1
    return value if 1 <= value <= 8 else 1


def _check_memory(img: Image.Image, limits: Limits, name: str, size: tuple[int, int],
                  target: str, turned: bool) -> int:
    """The memory the decode and conversion will take (bytes), refused over the cap."""
    need = estimate_memory(img, size, target, turned)
    if need > limits.max_memory:
        raise limits.error(
            f"{limits.what} {name} butuh terlalu banyak memori untuk dibuka (~{need // MB} MB "
            f"untuk {size[0]}x{size[1]} piksel {img.mode}; maksimal {limits.max_memory // MB} "
            "MB). Perkecil gambarnya lalu coba lagi.")
    return need


def _smallest_decode(img: Image.Image) -> tuple[int, int]:
    """The least the decoder can be asked to produce (JPEG: 1/8 scale, others in full)."""
    w, h = img.size
    if img.format in JPEG_FORMATS:
        return (max(1, math.ceil(w / 8)), max(1, math.ceil(h / 8)))
    return (w, h)


def probe(source: str | Path | bytes, limits: Limits = PHOTO, *,
          name: str | None = None, mode: str = "RGB") -> ImageInfo:
    """Size (after orientation), format and mode, checked against ``limits`` (decoding to
    ``mode`` at the smallest scale the format allows), without decoding pixels."""
    label = name or (display_name(source) if not isinstance(source, bytes) else "gambar")
    img = _open(source, limits, label)
    with img:
        orientation = _orientation(img)
        _check_memory(img, limits, label, _smallest_decode(img), mode, False)
        w, h = img.size
        if orientation in _ROTATED:
            w, h = h, w
        return ImageInfo(w, h, img.format or "", img.mode)


def _draft(img: Image.Image, limits: Limits, orientation: int,
           min_size: tuple[int, int] | None, mode: str) -> None:
    """Ask a JPEG decoder for the smallest DCT scale that still covers ``min_size`` (after
    orientation) or ``limits.max_side``; other formats decode in full."""
    if img.format not in JPEG_FORMATS or not (min_size or limits.max_side):
        return
    w, h = img.size
    if min_size:  # in stored (not upright) orientation
        need_w, need_h = min_size[::-1] if orientation in _ROTATED else min_size
        if limits.max_side:
            need_w, need_h = min(need_w, limits.max_side), min(need_h, limits.max_side)
    else:  # the long side at least max_side, or the whole image
        scale = min(1.0, (limits.max_side or 1) / max(w, h))
        need_w, need_h = math.ceil(w * scale), math.ceil(h * scale)
    img.draft("L" if mode == "L" else "RGB", (max(1, need_w), max(1, need_h)))


def _load(img: Image.Image, limits: Limits, label: str, source: Path | bytes,
          need: int) -> Image.Image:
    """Decode the pixels under the cap; a damaged file as one line. Returns ``img``
    loaded or, for a plain JPEG in RGB or grey, the same pixels from TurboJPEG
    (:mod:`.jpegturbo`) as a new image, when its extra buffers fit in the memory cap
    beside ``need`` (the estimate checked before)."""
    cap = limits.max_pixels_jpeg if img.format in JPEG_FORMATS else limits.max_pixels
    try:
        if img.format in JPEG_FORMATS:
            if jpegturbo.applies(img) and need + jpegturbo.extra_memory(
                    img, _source_size(source)) <= limits.max_memory:
                fast = jpegturbo.decode(img, source)
                if fast is not None:
                    return fast
            # The whole file to the decoder at once (the size is capped): in 64 KB blocks,
            # the decoding thread would wait for the GIL ~80 times for a phone photo.
            img.decodermaxblock = max(img.decodermaxblock, limits.max_file_bytes)  # type: ignore[attr-defined]
        with pixel_limit(cap):
            img.load()
    except OversizeError as exc:
        raise _too_large(limits, label, exc.size, cap) from None
    except MemoryError:
        raise
    except Image.DecompressionBombError:
        raise limits.error(f"{limits.what} {label} terlalu besar (ukuran piksel tidak "
                           "wajar).") from None
    except Exception as exc:
        raise _damaged(limits, label, exc) from None
    return img


def _finish(img: Image.Image, limits: Limits, label: str, mode: str,
            turned: bool) -> Image.Image:
    """The loaded image upright, in ``mode``, shrunk to ``limits.max_side``."""
    upright = img
    if turned:
        try:
            upright = ImageOps.exif_transpose(img)
        except Exception:
            upright = img  # a damaged EXIF block: keep the pixels as stored
    try:
        if mode == "L":
            out = upright if upright.mode == "L" else to_rgb(upright).convert("L")
        else:
            out = to_rgba(upright) if mode == "RGBA" else to_rgb(upright)
        if limits.max_side and max(out.size) > limits.max_side:
            out.thumbnail((limits.max_side, limits.max_side), Image.Resampling.LANCZOS,
                          reducing_gap=3.0)
    except MemoryError:
        raise
    except Exception as exc:
        raise _damaged(limits, label, exc) from None
    return out


def open_image(source: str | Path | bytes, limits: Limits = PHOTO, *,
               name: str | None = None, min_size: tuple[int, int] | None = None,
               mode: str = "RGB") -> Decoded:
    """Decode an image upright in ``mode`` ("RGB": transparency flattened onto white,
    "RGBA", or "L": grey, which a JPEG decodes from its luminance alone, about twice as
    fast; for analysis such as face detection), within ``limits``.

    ``min_size`` is the smallest (width, height) the caller needs, after orientation: JPEGs
    are then decoded at the smallest DCT scale that still covers it. With ``limits.max_side``
    the result is shrunk to that long side (JPEGs already while decoding).
    """
    label = name or (display_name(source) if not isinstance(source, bytes) else "gambar")
    img = _open(source, limits, label)
    out: Image.Image | None = None
    try:
        orientation = _orientation(img)
        fmt = img.format or ""
        w, h = img.size
        source_size = (h, w) if orientation in _ROTATED else (w, h)
        _draft(img, limits, orientation, min_size, mode)
        turned = orientation != 1
        need = _check_memory(img, limits, label, img.size, mode, turned)
        loaded = _load(img, limits, label, source if isinstance(source, bytes)
                       else Path(source), need)
        # Icons and some containers only know their real size and mode once loaded.
        _check_memory(loaded, limits, label, loaded.size, mode, turned)
        out = _finish(loaded, limits, label, mode, turned)
    except MemoryError:
        raise limits.error(f"Memori tidak cukup untuk membuka {limits.what.lower()}: "
                           f"{label}") from None
    finally:
        if out is not img:  # the file handle is released once loaded; keep the pixels
            img.close()
    return Decoded(out, source_size, fmt)


def check_file(path: str | Path, limits: Limits, what: str | None = None) -> str | None:
    """Why ``path`` cannot be used under ``limits`` (one line), or None when it decodes."""
    try:
        open_image(path, limits.named(what) if what else limits, mode="RGBA")
    except KontenError as exc:
        return str(exc)
    return None


__all__ = [
    "ASSET", "FORMATS", "LOGO", "PHOTO", "THUMBNAIL", "Decoded", "ImageInfo", "Limits",
    "check_file", "display_name", "open_image", "probe", "register_heif",
]
