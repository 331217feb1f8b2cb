"""The bytes a draft file stores for its photos and logos.

Photos are kept as they are when they are JPEG or PNG of at most :data:`PHOTO_MAX_SIDE`
pixels on the long side (metadata such as GPS location is stripped from the bytes, the pixel
data is untouched, so renders stay identical); anything larger or in another format is stored
once as a high-quality sRGB JPEG capped at :data:`PHOTO_MAX_SIDE`. Prepared photos are
cached per file version, so saving again is fast.
"""

from __future__ import annotations

import io
import os
import re
import struct
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from PIL import Image

from ..errors import KontenError, PhotoError
from ..photos import safeimage
from .draft_archive import MAX_LOGO_BYTES, MAX_PHOTO_BYTES

PHOTO_MAX_SIDE = 4096  # long side of a photo stored in a draft
PHOTO_QUALITY = 90  # JPEG quality for photos that had to be re-encoded

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._ ()-]+")


@dataclass(frozen=True)
class Blob:
    """The bytes stored for one photo or logo."""

    data: bytes
    ext: str  # ".jpg" / ".png"

    @property
    def digest(self) -> str:
        return sha256(self.data).hexdigest()[:20]


_PREPARED: OrderedDict[tuple[str, int, int], Blob] = OrderedDict()
_PREPARED_LOCK = threading.Lock()
_PREPARED_MAX_BYTES = 256 * 2**20


def _cache_get(key: tuple[str, int, int]) -> Blob | None:
    with _PREPARED_LOCK:
        blob = _PREPARED.get(key)
        if blob is not None:
            _PREPARED.move_to_end(key)
        return blob


def _cache_put(key: tuple[str, int, int], blob: Blob) -> None:
    with _PREPARED_LOCK:
        _PREPARED[key] = blob
        total = sum(len(b.data) for b in _PREPARED.values())
        while total > _PREPARED_MAX_BYTES and len(_PREPARED) > 1:
            _, old = _PREPARED.popitem(last=False)
            total -= len(old.data)


def _minimal_exif(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif.tobytes()


def _strip_jpeg(data: bytes, orientation: int) -> bytes | None:
    """JPEG bytes without metadata segments (EXIF/GPS, XMP, IPTC, comments, MPF extras).

    Keeps JFIF, ICC (APP2 ICC_PROFILE), Adobe (APP14) and every coding segment, so the
    decoded pixels are unchanged; a minimal EXIF block carries the orientation. Returns None
    when the structure is not understood (the caller re-encodes instead).
    """
    if data[:2] != b"\xff\xd8":
        return None
    out = [b"\xff\xd8"]
    if orientation != 1:
        payload = _minimal_exif(orientation)
        out.append(b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload)
    pos, n = 2, len(data)
    while pos < n:
        found = _jpeg_marker(data, pos)
        if found is None:
            return None
        marker, pos = found
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            continue  # standalone markers
        if marker == 0xD9:
            out.append(b"\xff\xd9")
            return b"".join(out)
        length = _jpeg_segment_length(data, pos)
        if length is None:
            return None
        segment = data[pos - 2:pos + length]
        body = data[pos + 2:pos + length]
        pos += length
        if marker == 0xDA:  # start of scan: copy everything up to the end-of-image marker
            end = data.find(b"\xff\xd9", pos)
            if end < 0:
                return None
            out.append(segment)
            out.append(data[pos:end + 2])
            return b"".join(out)
        if _keep_jpeg_segment(marker, body):
            out.append(segment)
    return None


def _jpeg_marker(data: bytes, pos: int) -> tuple[int, int] | None:
    """The marker at ``pos`` (after its 0xFF fill bytes) and the position after it; None
    when there is no marker there."""
    n = len(data)
    if data[pos] != 0xFF:
        return None
    while pos < n and data[pos] == 0xFF:
        pos += 1  # fill bytes
    if pos >= n:
        return None
    return data[pos], pos + 1


def _jpeg_segment_length(data: bytes, pos: int) -> int | None:
    """The length field of the segment whose length starts at ``pos``; None when it does
    not fit in ``data``."""
    if pos + 2 > len(data):
        return None
    length: int = struct.unpack(">H", data[pos:pos + 2])[0]
    if length < 2 or pos + length > len(data):
        return None
    return length


def _keep_jpeg_segment(marker: int, body: bytes) -> bool:
    """JFIF (APP0), ICC (APP2 ICC_PROFILE), Adobe (APP14) and every non-metadata segment."""
    return (
        marker == 0xE0
        or (marker == 0xE2 and body.startswith(b"ICC_PROFILE\x00"))
        or marker == 0xEE
        or not (0xE0 <= marker <= 0xEF or marker == 0xFE)
    )


_PNG_KEEP = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND", b"iCCP", b"sRGB", b"gAMA",
             b"cHRM", b"sBIT", b"pHYs", b"bKGD"}


def _strip_png(data: bytes) -> bytes | None:
    """PNG bytes keeping only image and colour chunks (no text, EXIF or timestamps)."""
    sig = b"\x89PNG\r\n\x1a\n"
    if not data.startswith(sig):
        return None
    out = [sig]
    pos, n = len(sig), len(data)
    while pos + 8 <= n:
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        end = pos + 12 + length
        if end > n:
            return None
        if kind in _PNG_KEEP:
            out.append(data[pos:end])
        pos = end
        if kind == b"IEND":
            return b"".join(out)
    return None


def _reencode(path: Path) -> Blob:
    from ..photos.cache import open_photo, probe_photo  # noqa: PLC0415
    from .imagefile import srgb_icc  # noqa: PLC0415

    info = probe_photo(path)
    scale = min(1.0, PHOTO_MAX_SIDE / max(info.width, info.height))
    target = (max(1, round(info.width * scale)), max(1, round(info.height * scale)))
    img = open_photo(path, target).image
    if img.size != target and max(img.size) > PHOTO_MAX_SIDE:
        # Bicubic: the stored photo is still ~4x the card's size, and Lanczos costs 60% more.
        img = img.resize(target, Image.Resampling.BICUBIC)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=PHOTO_QUALITY, subsampling=0, icc_profile=srgb_icc())
    return Blob(buf.getvalue(), ".jpg")


def _prepare_photo(path: Path) -> Blob:
    """The bytes to store for a photo: the original (metadata stripped) or a capped JPEG."""
    try:
        st = path.stat()
    except OSError:
        raise PhotoError(f"Foto tidak ditemukan: {safeimage.display_name(path)}") from None
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    hit = _cache_get(key)
    if hit is not None:
        return hit
    blob = None
    if 0 < st.st_size <= MAX_PHOTO_BYTES:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PhotoError(f"Foto tidak bisa dibaca: {safeimage.display_name(path)} "
                             f"({exc.strerror})") from None
        blob = _verbatim(data)
    if blob is None:
        blob = _reencode(path)  # raises PhotoError for anything that is not a usable image
    _cache_put(key, blob)
    return blob


def prepare_photos(paths: list[str] | list[Path]) -> dict[str, Blob | PhotoError]:
    """Prepare photos for storing in a draft, in parallel; results are cached per file
    version, so a GUI may call this in the background when photos are added, making the
    next save fast. Returns, per path (as given, as str), the bytes or the PhotoError."""
    unique = list(dict.fromkeys(str(p) for p in paths))

    def one(text: str) -> Blob | PhotoError:
        try:
            return _prepare_photo(Path(text))
        except PhotoError as exc:
            return exc

    if len(unique) <= 1:
        return {text: one(text) for text in unique}
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

    workers = min(len(unique), max(1, min(4, os.cpu_count() or 1)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip(unique, pool.map(one, unique), strict=True))


def _verbatim(data: bytes) -> Blob | None:
    try:
        fmt = safeimage.probe(data, safeimage.PHOTO).format  # caps first, header only
        with Image.open(io.BytesIO(data), formats=[fmt]) as img:
            w, h = img.size
            try:
                orientation = int(img.getexif().get(0x0112, 1))
            except Exception:
                orientation = 1
    except Exception:  # not usable as it is: _reencode decides, with a clear error
        return None
    if max(w, h) > PHOTO_MAX_SIDE or orientation not in range(1, 9):
        return None
    if fmt == "JPEG":
        stripped = _strip_jpeg(data, orientation)
        return Blob(stripped, ".jpg") if stripped else None
    if fmt == "PNG" and orientation == 1:
        stripped = _strip_png(data)
        return Blob(stripped, ".png") if stripped else None
    return None


def logo_blob(path_text: str) -> Blob | None:
    """A profile logo's bytes to store, or None when there is none or opening the draft
    would refuse it."""
    if not path_text:
        return None
    from .profile_file import check_logo  # noqa: PLC0415

    path = Path(path_text)
    try:
        if not path.is_file() or path.stat().st_size > MAX_LOGO_BYTES or check_logo(path):
            return None  # a logo that would be refused when the draft is opened
        data = path.read_bytes()
        fmt = safeimage.probe(data, safeimage.LOGO, name=path.name, mode="RGBA").format
    except (OSError, KontenError):
        return None
    ext = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp", "GIF": ".gif"}.get(fmt or "")
    return Blob(data, ext) if ext else None


_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
             *(f"LPT{i}" for i in range(10))}


def safe_file_name(name: str) -> str:
    """A file name safe on every OS (no separators, no leading dots, no device names)."""
    name = unicodedata.normalize("NFC", name)
    name = _SAFE_NAME.sub("_", name).strip(" ._") or "foto"
    if name.split(".")[0].strip().upper() in _RESERVED:
        name = "foto-" + name
    return name[:80]


__all__ = [
    "PHOTO_MAX_SIDE",
    "PHOTO_QUALITY",
    "Blob",
    "logo_blob",
    "prepare_photos",
    "safe_file_name",
]
