"""Draft files (``*.kontenopd``): saving atomically, opening defensively.

A draft file is a ZIP archive::

    draft.json          schema_version, template, formats, values, photo entries with focal
                        points (and "enhance": true where auto-enhance is on), caption
                        overrides, title, saved_at, a snapshot of the profile
    photos/<hash>.jpg   every photo the draft uses (content-addressed, stored once)
    profile/<role>.png  the profile's logos, so the card looks the same on another PC
    thumbnail.jpg       optional small preview (<= 320 px) for the draft browser

Photos are kept as they are when they are JPEG or PNG of at most :data:`PHOTO_MAX_SIDE`
pixels on the long side (metadata such as GPS location is stripped from the bytes, the pixel
data is untouched, so renders stay identical); anything larger or in another format is stored
once as a high-quality sRGB JPEG capped at :data:`PHOTO_MAX_SIDE`.

Saving writes a temporary file in the same folder, flushes and fsyncs it, keeps the previous
version as ``<name>.bak`` and renames the new file into place, so the file on disk is always
either the old or the new version. Opening never writes next to the user's file: photos are
extracted to a fresh folder under ``workdir`` (or the user cache folder), and every entry is
checked (names, sizes, types) before it is used.
"""

from __future__ import annotations

import errno
import io
import json
import lzma
import math
import os
import re
import shutil
import struct
import tempfile
import threading
import time
import unicodedata
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from hashlib import sha256
from itertools import pairwise
from pathlib import Path
from typing import IO, Any

from PIL import Image

from ... import __version__
from ..errors import KontenError, PhotoError, ProfileError
from ..model.records import MAX_VALUE_CHARS, Draft, PhotoRef, Profile, value_chars
from ..paths import AppPaths
from ..photos import safeimage
from ..template.library import FORMAT_SIZES, Library
from ..template.roles import draft_title, one_line
from .atomic import BACKUP_SUFFIX, WriteErrors
from .atomic import atomic_write as _atomic_write
from .atomic import backup_path as _backup_path

SCHEMA_VERSION = 1
SUFFIX = ".kontenopd"
APP_MARK = "kontenopd-draft"

PHOTO_MAX_SIDE = 4096  # long side of a photo stored in a draft
PHOTO_QUALITY = 90  # JPEG quality for photos that had to be re-encoded
THUMBNAIL_SIDE = 320

# Limits against damaged or hostile files.
MAX_FILE_BYTES = 1024 * 2**20
MAX_ENTRIES = 2000
MAX_JSON_BYTES = 8 * 2**20
MAX_PHOTO_BYTES = 64 * 2**20  # also the most any one entry may hold
MAX_LOGO_BYTES = 16 * 2**20
MAX_THUMB_BYTES = 2 * 2**20
MAX_TOTAL_BYTES = 512 * 2**20  # declared, and counted while reading, whatever Python's zipfile
MAX_RATIO = 200  # uncompressed / compressed, for entries above 1 MB
MAX_PHOTOS = 200
MAX_VALUES = 500  # fields in one draft (templates have a dozen or so)
MAX_VALUE_DEPTH = 8
MAX_TEXT = MAX_VALUE_CHARS  # characters in one field value (see model.MAX_VALUE_CHARS)
MAX_CAPTION = 100_000  # characters in one caption override (captions are not drawn)
MAX_NOTICES = 30  # distinct notices shown for one draft; identical ones are counted

_TEMPLATE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_MEMBER = re.compile(r"(photos|profile)/[A-Za-z0-9][A-Za-z0-9._-]{0,120}")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._ ()-]+")


class DraftFileError(KontenError):
    """A draft file cannot be saved or opened. ``str()`` is one Indonesian line."""


@dataclass
class OpenedDraft:
    draft: Draft  # PhotoRef.path point at real files extracted from the archive
    profile: Profile  # the snapshot saved in the file (logos extracted too)
    path: Path | None
    saved_at: datetime | None  # timezone-aware (UTC); show with .astimezone()
    notices: list[str] = field(default_factory=list)  # recoveries, migrations
    title: str = ""
    workdir: Path | None = None  # the folder the photos were extracted to
    template_missing: bool = False  # only known when a library was given
    schema_version: int = SCHEMA_VERSION  # the version the file was written with
    meta: dict[str, Any] = field(default_factory=dict)  # e.g. autosave's {"source": ...}
    profile_from_file: bool = True  # False: the snapshot was unusable, demo profile used


@dataclass(frozen=True)
class DraftInfo:
    """What the draft browser shows, read from draft.json only (no extraction)."""

    path: Path
    title: str
    template: str
    formats: tuple[str, ...]
    saved_at: datetime | None
    photo_count: int
    has_thumbnail: bool
    schema_version: int
    meta: dict[str, Any] = field(default_factory=dict, compare=False)


# ---------------------------------------------------------------- helpers


def _short(path: Path) -> str:
    name = path.name or str(path)
    return name if len(name) <= 60 else name[:57] + "..."


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    return stamp


# The fields that name a post, most telling first. The one owner of "the title of a post":
# the Draf browser, window title, file name, export folder, queue label and caption headline
# all come from here (draft_title / headline_key).


def _json_safe(value: Any, depth: int = 0) -> Any:
    """A copy of ``value`` that json.dumps accepts and that round-trips unchanged."""
    if depth > MAX_VALUE_DEPTH:
        raise ValueError("terlalu bertingkat")
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json_safe(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_safe(v, depth + 1) for k, v in value.items()}
    return str(value)


def _focus(value: Any) -> tuple[float, float]:
    try:
        x, y = (float(v) for v in value)
    except (TypeError, ValueError):
        return (0.5, 0.5)
    if not (math.isfinite(x) and math.isfinite(y)):
        return (0.5, 0.5)
    return (min(1.0, max(0.0, x)), min(1.0, max(0.0, y)))


def _anchor(entry: dict[str, Any]) -> tuple[float, float]:
    """Where in the frame the focal point sits; drafts without one centre it."""
    return _focus(entry.get("anchor"))


def _placement(ref: PhotoRef, digits: int | None = None) -> dict[str, Any]:
    """A photo entry's focus, its anchor when it is not the centre, and ``"enhance": true``
    when auto-enhance is on (so drafts that never had either stay as they were)."""
    def pair(value: tuple[float, float]) -> list[float]:
        return [float(v) if digits is None else round(float(v), digits) for v in value]
    out: dict[str, Any] = {"focus": pair(ref.focus)}
    if tuple(ref.anchor) != (0.5, 0.5):
        out["anchor"] = pair(ref.anchor)
    if ref.enhance:
        out["enhance"] = True
    return out


# ---------------------------------------------------------------- model <-> JSON


def draft_to_dict(draft: Draft) -> dict[str, Any]:
    """The draft as JSON-safe data (photo paths as they are); see :func:`draft_from_dict`."""
    return {
        "template": draft.template,
        "formats": [str(f) for f in draft.formats],
        "values": {str(k): _json_safe(v) for k, v in draft.values.items()},
        "photos": {
            str(k): [{"path": str(ref.path), **_placement(ref)} for ref in refs]
            for k, refs in draft.photos.items()
        },
        "captions": {str(k): str(v) for k, v in draft.captions.items()},
    }


def draft_from_dict(data: dict[str, Any]) -> Draft:
    """The inverse of :func:`draft_to_dict`. Raises DraftFileError for invalid data."""
    notices: list[str] = []

    def photo_path(entry: dict[str, Any]) -> str | None:
        path = entry.get("path")
        if isinstance(path, str) and path:
            return path
        notices.append("Satu foto di draf tidak valid (tanpa 'path').")
        return None

    draft = _draft_from_data(data, notices, photo_path)
    if notices:
        raise DraftFileError(notices[0])
    return draft


def _draft_from_data(data: Any, notices: list[str],
                     photo_path: Callable[[dict[str, Any]], str | None]) -> Draft:
    """Build a Draft leniently: what is wrong is dropped and explained in ``notices``.

    Only a missing or invalid template id is fatal. ``photo_path`` maps a photo entry to a
    usable file path, or None when it cannot be used (it adds its own notice then).
    """
    if not isinstance(data, dict):
        raise DraftFileError("Isi draf tidak valid: harus berupa objek JSON.")
    template = data.get("template")
    if not isinstance(template, str) or not _TEMPLATE_ID.fullmatch(template) \
            or len(template) > 100:
        raise DraftFileError("Draf tidak menyebut templat yang valid.")
    formats = _formats_from(data.get("formats", []), notices)
    values = _values_from(data.get("values", {}), notices)
    photos = _photos_from(data.get("photos", {}), notices, photo_path)
    captions = _captions_from(data.get("captions", {}), notices)
    return Draft(template=template, formats=formats or ["4:5"], values=values, photos=photos,
                 captions=captions)


def _formats_from(raw_formats: Any, notices: list[str]) -> list[str]:
    formats: list[str] = []
    if not isinstance(raw_formats, list):
        notices.append("Daftar format di draf tidak valid; memakai format bawaan templat.")
        return formats
    for fmt in raw_formats:
        if isinstance(fmt, str) and fmt in FORMAT_SIZES and fmt not in formats:
            formats.append(fmt)
        else:
            notices.append(f"Format {str(fmt)[:20]!r} di draf tidak dikenal dan dilewati.")
    return formats


def _values_from(raw_values: Any, notices: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if not isinstance(raw_values, dict):
        notices.append("Isian field di draf tidak valid dan dikosongkan.")
        return values
    for key, value in raw_values.items():
        if len(values) >= MAX_VALUES:
            notices.append(f"Draf berisi terlalu banyak isian (lebih dari {MAX_VALUES}); "
                           "sisanya dilewati.")
            break
        try:
            safe = _json_safe(value)
        except (ValueError, RecursionError):
            notices.append(f"Isi field '{str(key)[:40]}' di draf rusak dan dikosongkan.")
            continue
        length = value_chars(safe)
        if length > MAX_TEXT:  # would take seconds to lay out on every render
            notices.append(f"Isi field '{str(key)[:40]}' di draf terlalu panjang ({length} "
                           f"karakter; maksimal {MAX_TEXT}) dan dikosongkan.")
            continue
        values[str(key)] = safe
    return values


@dataclass
class _PhotoBudget:
    """The photos one draft may bring: at most MAX_PHOTOS kept, and a bound on the entries
    looked at, kept or not (the work a file can ask for)."""

    kept: int = 0
    examined: int = 0
    exhausted: bool = False  # an entry was left unexamined

    def take(self) -> bool:
        """Count one more entry to examine; False (and ``exhausted``) once the budget is spent."""
        if self.kept >= MAX_PHOTOS or self.examined >= 5 * MAX_PHOTOS:
            self.exhausted = True
            return False
        self.examined += 1
        return True


def _photos_from(raw_photos: Any, notices: list[str],
                 photo_path: Callable[[dict[str, Any]], str | None]) -> dict[str, list[PhotoRef]]:
    photos: dict[str, list[PhotoRef]] = {}
    if not isinstance(raw_photos, dict):
        notices.append("Daftar foto di draf tidak valid dan dilewati.")
        return photos
    budget = _PhotoBudget()
    for key, entries in raw_photos.items():
        if not budget.take():
            break
        if not isinstance(entries, list):
            notices.append(f"Daftar foto '{str(key)[:40]}' di draf tidak valid dan dilewati.")
            continue
        refs = _photo_refs(str(key), entries, budget, notices, photo_path)
        if refs:
            photos[str(key)] = refs
    if budget.exhausted:
        notices.append("Draf berisi terlalu banyak foto; sisanya dilewati.")
    return photos


def _photo_refs(key: str, entries: list[Any], budget: _PhotoBudget, notices: list[str],
                photo_path: Callable[[dict[str, Any]], str | None]) -> list[PhotoRef]:
    """The usable photos of one photo field, as far as ``budget`` allows."""
    refs = []
    for entry in entries:
        if not budget.take():
            break
        if not isinstance(entry, dict):
            notices.append(f"Satu foto '{key[:40]}' di draf tidak valid dan dilewati.")
            continue
        path = photo_path(entry)
        if not path:
            continue
        # anything but a JSON true (a damaged or older entry) leaves enhance off
        refs.append(PhotoRef(path, _focus(entry.get("focus")), _anchor(entry),
                             enhance=entry.get("enhance") is True))
        budget.kept += 1
    return refs


def _captions_from(raw_captions: Any, notices: list[str]) -> dict[str, str]:
    if not isinstance(raw_captions, dict):
        notices.append("Teks keterangan (caption) di draf tidak valid dan dilewati.")
        return {}
    captions = {str(k)[:40]: v[:MAX_CAPTION] for k, v in list(raw_captions.items())[:50]
                if isinstance(v, str)}
    if len(captions) != len(raw_captions):
        notices.append("Sebagian teks keterangan (caption) di draf tidak valid dan dilewati.")
    if any(isinstance(v, str) and len(v) > MAX_CAPTION for v in raw_captions.values()):
        notices.append(f"Teks keterangan (caption) di draf lebih dari {MAX_CAPTION} "
                       "karakter dan dipotong.")
    return captions


# ---------------------------------------------------------------- preparing photos


@dataclass(frozen=True)
class _Blob:
    data: bytes
    ext: str  # ".jpg" / ".png"

    @property
    def digest(self) -> str:
        return sha256(self.data).hexdigest()[:20]


_PREPARED: OrderedDict[tuple[str, int, int], _Blob] = OrderedDict()
_PREPARED_LOCK = threading.Lock()
_PREPARED_MAX_BYTES = 256 * 2**20


def _cache_get(key: tuple[str, int, int]) -> _Blob | None:
    with _PREPARED_LOCK:
        blob = _PREPARED.get(key)
        if blob is not None:
            _PREPARED.move_to_end(key)
        return blob


def _cache_put(key: tuple[str, int, int], blob: _Blob) -> None:
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


def _reencode(path: Path) -> _Blob:
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
    return _Blob(buf.getvalue(), ".jpg")


def _prepare_photo(path: Path) -> _Blob:
    """The bytes to store for a photo: the original (metadata stripped) or a capped JPEG."""
    try:
        st = path.stat()
    except OSError:
        raise PhotoError(f"Foto tidak ditemukan: {_short(path)}") from None
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    hit = _cache_get(key)
    if hit is not None:
        return hit
    blob = None
    if 0 < st.st_size <= MAX_PHOTO_BYTES:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PhotoError(f"Foto tidak bisa dibaca: {_short(path)} ({exc.strerror})") from None
        blob = _verbatim(data)
    if blob is None:
        blob = _reencode(path)  # raises PhotoError for anything that is not a usable image
    _cache_put(key, blob)
    return blob


def prepare_photos(paths: list[str] | list[Path]) -> dict[str, _Blob | PhotoError]:
    """Prepare photos for storing in a draft, in parallel; results are cached per file
    version, so a GUI may call this in the background when photos are added, making the
    next save fast. Returns, per path (as given, as str), the bytes or the PhotoError."""
    unique = list(dict.fromkeys(str(p) for p in paths))

    def one(text: str) -> _Blob | PhotoError:
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


def _verbatim(data: bytes) -> _Blob | None:
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
        return _Blob(stripped, ".jpg") if stripped else None
    if fmt == "PNG" and orientation == 1:
        stripped = _strip_png(data)
        return _Blob(stripped, ".png") if stripped else None
    return None


def _logo_blob(path_text: str) -> _Blob | None:
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
    return _Blob(data, ext) if ext else None


def _thumbnail_bytes(image: Image.Image) -> bytes:
    thumb = image.copy()
    if thumb.mode not in ("RGB", "L"):
        thumb = thumb.convert("RGB")
    thumb.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    thumb.save(buf, "JPEG", quality=85, optimize=True)
    return buf.getvalue()


# ---------------------------------------------------------------- saving


@dataclass(frozen=True)
class SaveOptions:
    """How :func:`save_draft` stores the photos and what else it records. The defaults are a
    draft the user saves; autosave relaxes them."""

    strict_photos: bool = True  # False: a photo that can no longer be read is left out
    link_photos: bool = False  # record the photos' paths, not their bytes (large autosaves)
    meta: dict[str, Any] | None = None  # stored as-is (JSON) and returned on load


def save_draft(path: str | Path, draft: Draft, profile: Profile, *,
               thumbnail: Image.Image | None = None, backup: bool = True,
               title: str | None = None, options: SaveOptions | None = None) -> Path:
    """Write ``draft`` to ``path`` atomically and return the path.

    The previous file, if any, is kept as ``<path>.bak`` when ``backup`` is true. With
    ``options.strict_photos`` false (autosave), a photo that can no longer be read is left
    out instead of failing the save. ``options.meta`` is stored as-is (JSON) and returned on
    load. ``options.link_photos`` (autosave of large drafts only) records the photos' paths
    instead of their bytes; such links are honoured only by
    ``load_draft(..., allow_linked_photos=True)``. Raises DraftFileError (or PhotoError for
    an unreadable photo) with a clear message.
    """
    path = Path(path)
    options = options or SaveOptions()
    members: dict[str, bytes] = {}
    photos = _photo_entries(draft, options, members)
    profile_data = _profile_entry(profile, members)
    model = draft_to_dict(draft)
    model["photos"] = photos
    saved_at = _now()
    data: dict[str, Any] = {
        "app": APP_MARK,
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "saved_at": saved_at.isoformat().replace("+00:00", "Z"),
        "title": title if title is not None else draft_title(draft),
        **model,
        "profile": profile_data,
    }
    if options.meta:
        data["meta"] = _json_safe(options.meta)
    if thumbnail is not None:
        members["thumbnail.jpg"] = _thumbnail_bytes(thumbnail)
    document = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    local = time.localtime(saved_at.timestamp())
    stamp = (local.tm_year, local.tm_mon, local.tm_mday, local.tm_hour, local.tm_min,
             local.tm_sec)

    def write(handle: IO[bytes]) -> None:
        with zipfile.ZipFile(handle, "w") as zf:
            _add(zf, "draft.json", document, stamp, zipfile.ZIP_DEFLATED)
            for name in sorted(members):
                _add(zf, name, members[name], stamp, zipfile.ZIP_STORED)

    return atomic_write(path, write, backup=backup)


def _photo_entries(draft: Draft, options: SaveOptions,
                   members: dict[str, bytes]) -> dict[str, list[dict[str, Any]]]:
    """draft.json's photo entries per field; the photos' bytes are added to ``members``
    (once per content) unless they are linked."""
    photos: dict[str, list[dict[str, Any]]] = {}
    all_paths = [ref.path for refs in draft.photos.values() for ref in refs]
    prepared = {} if options.link_photos else prepare_photos(all_paths)
    for key, refs in draft.photos.items():
        entries = []
        for ref in refs:
            if options.link_photos:
                linked = Path(ref.path)
                if not linked.is_file() and not options.strict_photos:
                    continue
                entries.append({"path": str(linked.resolve()),
                                "name": _display_name(linked.name),
                                **_placement(ref, 6)})
                continue
            blob = prepared[str(ref.path)]
            if isinstance(blob, PhotoError):
                if options.strict_photos:
                    raise blob
                continue
            name = f"photos/{blob.digest}{blob.ext}"
            members[name] = blob.data
            entries.append({"file": name, "name": _display_name(Path(ref.path).name),
                            **_placement(ref, 6)})
        photos[str(key)] = entries
    return photos


def _profile_entry(profile: Profile, members: dict[str, bytes]) -> dict[str, Any]:
    """The profile snapshot for draft.json; its usable logos are added to ``members``."""
    profile_data = profile.to_dict()
    for role in ("pemda", "opd"):
        logo = _logo_blob(getattr(profile, f"{role}_logo"))
        if logo is None:
            profile_data[f"{role}_logo"] = ""
            continue
        name = f"profile/{role}{logo.ext}"
        members[name] = logo.data
        profile_data[f"{role}_logo"] = name
    return profile_data


_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
             *(f"LPT{i}" for i in range(10))}


def _display_name(name: str) -> str:
    """A file name safe on every OS (no separators, no leading dots, no device names)."""
    name = unicodedata.normalize("NFC", name)
    name = _SAFE_NAME.sub("_", name).strip(" ._") or "foto"
    if name.split(".")[0].strip().upper() in _RESERVED:
        name = "foto-" + name
    return name[:80]


def _add(zf: zipfile.ZipFile, name: str, data: bytes,
         stamp: tuple[int, int, int, int, int, int], method: int) -> None:
    info = zipfile.ZipInfo(name, date_time=max((1980, 1, 1, 0, 0, 0), stamp))
    info.compress_type = method
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)


# atomic_write's failures in the draft's words
_DRAFT_WRITE_ERRORS = WriteErrors(
    folder=lambda folder, exc: DraftFileError(
        f"Folder tujuan tidak bisa ditulisi: {folder} ({exc.strerror or exc})."),
    write=lambda path, exc: DraftFileError(
        f"Draf gagal disimpan ke {_short(path)} "
        f"({'disk penuh' if exc.errno == 28 else (exc.strerror or str(exc))})."))


def atomic_write(path: str | Path, write: Callable[[IO[bytes]], object], *,
                 backup: bool = False) -> Path:
    """Write a file so that ``path`` is always either the old or the new complete file.

    :func:`kontenopd.core.io.atomic.atomic_write` with the draft's wording: raises
    DraftFileError on I/O failure (the OSError behind it is its ``__context__``). With
    ``backup``, the previous file is kept as ``<path>.bak``.
    """
    return _atomic_write(path, write, backup=backup, errors=_DRAFT_WRITE_ERRORS)


# ---------------------------------------------------------------- opening


_CORRUPT = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, KeyError,
            IndexError, TypeError, NotImplementedError, RuntimeError, struct.error,
            OverflowError, RecursionError, UnicodeDecodeError, AttributeError, zlib.error,
            lzma.LZMAError)
# Damage inside one entry's data (CRC, inflate, unsupported method, lying sizes).
_ENTRY_DAMAGE = (zipfile.BadZipFile, EOFError, NotImplementedError, zlib.error,
                 lzma.LZMAError, ValueError, struct.error)


def _is_damage(exc: OSError) -> bool:
    """An OSError that means a damaged archive (bad seek, bad stream), not an I/O failure."""
    return exc.errno is None or exc.errno == errno.EINVAL


def load_draft(path: str | Path, *, workdir: str | Path | None = None,
               library: Library | None = None,
               allow_linked_photos: bool = False) -> OpenedDraft:
    """Open a draft file. Photos and logos are extracted to a new folder under ``workdir``
    (default: the user cache folder), never next to ``path``; ``path`` is only read.

    With ``library``, the template is looked up: a template that no longer exists still
    loads (``template_missing``, with a notice), formats it lacks are dropped, and values its
    fields cannot use are cleared with a notice. Raises DraftFileError with a clear message
    for a file that cannot be used. ``allow_linked_photos`` is for the app's own autosaves
    (photos recorded by path); a file from elsewhere never makes the app read other paths.
    """
    path = Path(path)
    name = _short(path)
    _check_draft_file(path, name)
    target = _new_workdir(workdir)
    try:
        return _load_into(path, name, target, library, allow_linked_photos)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise


def _check_draft_file(path: Path, name: str) -> None:
    """Refuse a missing, empty or oversized file before it is opened."""
    try:
        st = path.stat()
    except OSError:
        raise DraftFileError(f"Berkas draf tidak ditemukan: {name}.") from None
    if not path.is_file():
        raise DraftFileError(f"Bukan berkas draf: {name}.")
    if st.st_size == 0:
        raise DraftFileError(f"Berkas draf kosong (0 byte): {name}.{_backup_hint(path)}")
    if st.st_size > MAX_FILE_BYTES:
        raise DraftFileError(f"Berkas draf terlalu besar ({st.st_size // 2**20} MB): {name}.")


def _new_workdir(workdir: str | Path | None) -> Path:
    """A fresh folder for the photos and logos of one opened draft."""
    base = Path(workdir) if workdir is not None else AppPaths.default().cache / "drafts"
    try:
        base.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix="draf-", dir=base))
    except OSError as exc:
        raise DraftFileError(
            f"Folder kerja untuk membuka draf tidak bisa dibuat: {base} ({exc.strerror}).") \
            from None


def _load_into(path: Path, name: str, target: Path, library: Library | None,
               allow_linked_photos: bool) -> OpenedDraft:
    """Read the draft at ``path``, extracting into ``target``; every failure becomes one
    DraftFileError line (``name`` is the file as shown)."""
    try:
        with open(path, "rb") as handle:
            return _Loader(handle, path.resolve(), target, library, allow_linked_photos).load()
    except DraftFileError:
        raise
    except _WorkdirError as exc:
        raise DraftFileError(
            f"Foto draf tidak bisa disalin ke folder kerja {target} ({exc}).") from None
    except OSError as exc:
        if _is_damage(exc):
            raise DraftFileError(f"Berkas draf rusak atau bukan draf KontenOPD: {name}."
                                 f"{_backup_hint(path)}") from None
        raise DraftFileError(
            f"Berkas draf tidak bisa dibaca: {name} ({exc.strerror or exc}).") from None
    except MemoryError:
        raise DraftFileError(f"Memori tidak cukup untuk membuka draf: {name}.") from None
    except _CORRUPT:
        raise DraftFileError(
            f"Berkas draf rusak atau bukan draf KontenOPD: {name}.{_backup_hint(path)}") \
            from None
    except Exception as exc:  # the last line of defence: never a traceback
        raise DraftFileError(
            f"Berkas draf rusak: {name} ({type(exc).__name__}).{_backup_hint(path)}") \
            from None


def _backup_hint(path: Path) -> str:
    bak = _backup_path(path)
    if path.name.endswith(BACKUP_SUFFIX) or not bak.is_file():
        return ""
    return f" Versi sebelumnya tersimpan sebagai {_short(bak)}."


class _WorkdirError(Exception):
    pass


class _EntryDamagedError(Exception):
    pass


def _member_ok(info: zipfile.ZipInfo) -> str | None:
    """Why a ZIP entry is refused, or None when its name and type are safe."""
    name = info.filename
    if not name or len(name) > 300 or "\x00" in name or "\\" in name or ":" in name:
        return "nama berkas tidak aman"
    if name.startswith("/") or any(part in ("..", ".") for part in name.split("/")):
        return "nama berkas tidak aman"
    mode = (info.external_attr >> 16) & 0o170000
    if mode == 0o120000:
        return "berisi tautan (symlink)"
    if info.flag_bits & 0x1:
        return "terenkripsi"
    return None


class _Loader:
    def __init__(self, handle: IO[bytes], path: Path, target: Path,
                 library: Library | None, allow_linked: bool = False) -> None:
        self.allow_linked = allow_linked
        self.handle = handle
        self.path = path
        self.name = _short(path)
        self.target = target
        self.library = library
        self.notices: list[str] = []
        self.extracted: dict[str, Path | None] = {}

    def fail(self, message: str) -> DraftFileError:
        return DraftFileError(message)

    def load(self) -> OpenedDraft:
        head = self.handle.read(4)
        self.handle.seek(0)
        if head[:2] != b"PK":
            raise self.fail(f"Berkas ini bukan draf KontenOPD (bukan arsip ZIP): {self.name}."
                            f"{_backup_hint(self.path)}")
        with zipfile.ZipFile(self.handle) as zf:
            self.zf = zf
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES:
                raise self.fail(f"Berkas draf ditolak: terlalu banyak isi ({len(infos)}).")
            self.members: dict[str, zipfile.ZipInfo] = {}
            total = 0
            for info in infos:
                why = _member_ok(info)
                if why:
                    raise self.fail(f"Berkas draf ditolak: {why} ({info.filename[:60]!r}).")
                if info.filename in self.members:
                    raise self.fail(f"Berkas draf ditolak: nama {info.filename[:60]!r} muncul "
                                    "dua kali.")
                if info.file_size > MAX_PHOTO_BYTES or (
                        info.file_size > 2**20
                        and info.file_size > MAX_RATIO * max(1, info.compress_size)):
                    raise self.fail(f"Berkas draf ditolak: isi {info.filename[:60]!r} "
                                    "berukuran tidak wajar.")
                total += info.file_size
                self.members[info.filename] = info
            if total > MAX_TOTAL_BYTES:
                raise self.fail("Berkas draf ditolak: ukuran isinya tidak wajar.")
            why = _overlap(self.handle, infos, getattr(zf, "start_dir", 2**63))
            if why:
                raise self.fail(f"Berkas draf ditolak: {why}.")
            self.budget = _Budget(MAX_TOTAL_BYTES)
            if "draft.json" not in self.members:
                raise self.fail(f"Berkas ini bukan draf KontenOPD (draft.json tidak ada): "
                                f"{self.name}.{_backup_hint(self.path)}")
            data = _read_json(zf, self.members["draft.json"], self.name, self.budget)
            version = check_version(data, self.name)
            if version < SCHEMA_VERSION:
                data = migrate(data, version)
                self.notices.append(
                    f"Draf dari versi lama (skema {version}) diperbarui; simpan ulang agar "
                    "tetap bisa dibuka versi ini.")
            return self.build(data, version)

    def build(self, data: dict[str, Any], version: int) -> OpenedDraft:
        draft = _draft_from_data(data, self.notices, self.photo_path)
        profile, from_file = self.profile(data.get("profile"))
        template_missing = False
        if self.library is not None:
            template_missing = self.check_template(draft)
        meta = data.get("meta")
        title = data.get("title")
        return OpenedDraft(
            draft=draft, profile=profile, path=self.path,
            saved_at=_parse_time(data.get("saved_at")),
            notices=collapse_notices(self.notices),
            title=one_line(title) if isinstance(title, str) else "",
            workdir=self.target, template_missing=template_missing, schema_version=version,
            meta=meta if isinstance(meta, dict) else {},
            profile_from_file=from_file,
        )

    def photo_path(self, entry: dict[str, Any]) -> str | None:
        member = entry.get("file")
        if member is None and "path" in entry:
            return self.linked_path(entry)
        if not isinstance(member, str) or not member.startswith("photos/") \
                or not _MEMBER.fullmatch(member):
            self.notices.append("Satu foto di draf tidak valid dan dilewati.")
            return None
        if member not in self.members:
            label = _display_name(str(entry.get("name") or member))
            self.notices.append(f"Foto {label} hilang dari berkas draf dan dilewati.")
            return None
        if member not in self.extracted:
            display = _display_name(str(entry.get("name") or Path(member).name))
            if Path(display).suffix.lower() != Path(member).suffix.lower():
                display = Path(display).stem[:70] + Path(member).suffix.lower()
            from ..photos.cache import check_photo  # noqa: PLC0415

            try:
                dest = self.extract(member, f"p{len(self.extracted) + 1}", display,
                                    MAX_PHOTO_BYTES)
                check_photo(dest)  # a truncated photo is skipped with a notice, not half-drawn
            except _EntryDamagedError:
                self.notices.append(f"Foto {display} di draf rusak dan dilewati.")
                self.extracted[member] = None
                return None
            except PhotoError as exc:
                self.notices.append(f"Foto {display} di draf rusak atau tidak bisa dipakai dan "
                                    f"dilewati: {exc}")
                self.extracted[member] = None
                return None
            self.extracted[member] = dest
        stored = self.extracted[member]
        return str(stored) if stored is not None else None

    def linked_path(self, entry: dict[str, Any]) -> str | None:
        from ..photos.cache import probe_photo  # noqa: PLC0415

        label = _display_name(str(entry.get("name") or "foto"))
        linked = entry.get("path")
        if not self.allow_linked or not isinstance(linked, str) or not linked \
                or len(linked) > 1000 or not Path(linked).is_absolute():
            self.notices.append(f"Foto {label} tidak ada di berkas draf dan dilewati.")
            return None
        try:
            probe_photo(linked)
        except PhotoError:
            self.notices.append(f"Foto {label} tidak ditemukan lagi di {linked}; dilewati.")
            return None
        return linked

    def extract(self, member: str, folder: str, filename: str, limit: int) -> Path:
        """Write one entry to the work folder; raises _EntryDamagedError when its data is bad."""
        info = self.members[member]
        try:
            data = _read_member(self.zf, info, limit, self.budget)
        except _ENTRY_DAMAGE:
            raise _EntryDamagedError(member) from None
        except OSError as exc:
            if _is_damage(exc):
                raise _EntryDamagedError(member) from None
            raise
        dest_dir = self.target / folder
        dest = dest_dir / filename
        root = self.target.resolve()
        if not dest.resolve().is_relative_to(root):  # belt and braces: names are generated
            raise self.fail("Berkas draf ditolak: nama berkas tidak aman.")
        try:
            dest_dir.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
        except OSError as exc:
            raise _WorkdirError(exc.strerror or str(exc)) from None
        return dest

    def profile(self, raw: Any) -> tuple[Profile, bool]:
        from ..model.records import demo_profile  # noqa: PLC0415

        if not isinstance(raw, dict):
            self.notices.append("Profil (brand kit) tidak ada di draf; memakai profil bawaan.")
            return demo_profile(), False
        raw = dict(raw)
        for role, label in (("pemda", "Pemda"), ("opd", "OPD")):
            member = raw.get(f"{role}_logo")
            raw[f"{role}_logo"] = ""
            if not member:
                continue
            if not isinstance(member, str) or not member.startswith("profile/") \
                    or not _MEMBER.fullmatch(member) or member not in self.members:
                self.notices.append(f"Logo {label} hilang dari berkas draf.")
                continue
            try:
                dest = self.extract(member, "profil", f"{role}{Path(member).suffix.lower()}",
                                    MAX_LOGO_BYTES)
            except _EntryDamagedError:
                self.notices.append(f"Logo {label} di berkas draf rusak dan dilewati.")
                continue
            # Decoded once now, within the logo caps, so a damaged or hostile logo is a
            # notice here and never an error at render time.
            problem = safeimage.check_file(dest, safeimage.LOGO)
            if problem:
                self.notices.append(f"Logo {label} di berkas draf tidak dipakai: {problem}")
                continue
            raw[f"{role}_logo"] = str(dest)
        try:
            return Profile.from_dict(raw), True
        except ProfileError as exc:
            self.notices.append(f"Profil di draf tidak valid ({exc}); memakai profil bawaan.")
            return demo_profile(), False

    def check_template(self, draft: Draft) -> bool:
        assert self.library is not None
        template = self.library.templates.get(draft.template)
        if template is None:
            self.notices.append(
                f"Templat '{draft.template}' tidak ada di aplikasi ini; isian draf tetap "
                "dimuat, pilih templat lain untuk memakainya.")
            return True
        from ..render import field_value  # noqa: PLC0415

        dropped = [f for f in draft.formats if f not in template.formats]
        if dropped:
            self.notices.append(f"Format {', '.join(dropped)} tidak tersedia di templat ini "
                                "dan dilewati.")
        draft.formats = [f for f in draft.formats if f in template.formats] \
            or [template.format_keys[0]]
        fields = {f.key: f for f in template.fields}
        for key in list(draft.values):
            f = fields.get(key)
            if f is None or f.type == "photo":
                continue
            try:
                field_value(f, draft.values[key])
            except Exception:
                self.notices.append(f"Isi '{f.label}' di draf tidak valid dan dikosongkan.")
                del draft.values[key]
        for key in list(draft.photos):
            f = fields.get(key)
            if f is not None and f.type == "photo" and len(draft.photos[key]) > f.max_items:
                self.notices.append(f"'{f.label}' menerima paling banyak {f.max_items} foto; "
                                    "sisanya dilewati.")
                draft.photos[key] = draft.photos[key][:f.max_items]
        return False


class _Budget:
    """The bytes still allowed to be extracted from one archive, counted as they are read."""

    def __init__(self, total: int) -> None:
        self.remaining = total


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int,
                 budget: _Budget | None = None) -> bytes:
    """An entry's bytes, never more than ``limit`` (nor than what is left of ``budget``)
    whatever its header claims: the bytes actually inflated are counted."""
    if info.file_size > limit:
        raise DraftFileError(f"Berkas draf ditolak: isi {info.filename[:60]!r} terlalu besar.")
    allowed = limit if budget is None else min(limit, budget.remaining)
    with zf.open(info) as stream:
        data = stream.read(allowed + 1)
    if len(data) > limit:
        raise DraftFileError(f"Berkas draf ditolak: isi {info.filename[:60]!r} terlalu besar.")
    if budget is not None:
        if len(data) > budget.remaining:
            raise DraftFileError(f"Berkas draf ditolak: isinya melebihi "
                                 f"{MAX_TOTAL_BYTES // 2**20} MB setelah dibuka.")
        budget.remaining -= len(data)
    return data


def _overlap(handle: IO[bytes], infos: list[zipfile.ZipInfo], start_dir: int) -> str | None:
    """Why the entries' data cannot be trusted (overlapping, or reaching into the central
    directory), or None. Each entry spans its local header, name, extra field and compressed
    data; two entries sharing bytes is how small files inflate to gigabytes (Python's zipfile
    only checks this from 3.11.8/3.12.2 on)."""
    spans = []
    for info in infos:
        handle.seek(info.header_offset)
        head = handle.read(30)
        if len(head) < 30 or head[:4] != b"PK\x03\x04":
            return f"isi {info.filename[:60]!r} tidak ditemukan di tempatnya"
        name_len, extra_len = struct.unpack("<HH", head[26:30])
        end = info.header_offset + 30 + name_len + extra_len + info.compress_size
        spans.append((info.header_offset, end, info.filename))
    spans.sort()
    for (_, end, name), (start, _, other) in pairwise(spans):
        if end > start:
            return f"isi {name[:40]!r} dan {other[:40]!r} saling bertumpuk"
    if spans and spans[-1][1] > start_dir:
        return f"isi {spans[-1][2][:60]!r} bertumpuk dengan daftar isi arsip"
    return None


def collapse_notices(notices: list[str], limit: int = MAX_NOTICES) -> list[str]:
    """Identical notices once each, in first-seen order, with a count ("... (×79800)"); at
    most ``limit`` distinct ones, then one line saying how many more there were."""
    counts: dict[str, int] = {}
    for notice in notices:
        counts[notice] = counts.get(notice, 0) + 1
    out = [n if c == 1 else f"{n} (×{c})" for n, c in counts.items()]
    if len(out) > limit:
        rest = sum(counts[n] for n in list(counts)[limit:])
        out = [*out[:limit], f"... dan {rest} pemberitahuan lain tentang draf ini."]
    return out


def _read_json(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str,
               budget: _Budget | None = None) -> dict[str, Any]:
    raw = _read_member(zf, info, MAX_JSON_BYTES, budget)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, ValueError):
        raise DraftFileError(f"Isi draf rusak (draft.json bukan JSON yang benar): {name}.") \
            from None
    if not isinstance(data, dict):
        raise DraftFileError(f"Isi draf rusak (draft.json harus berupa objek): {name}.")
    return data


def check_version(data: dict[str, Any], name: str = "") -> int:
    """The schema version of draft.json data; refuses unknown and newer versions."""
    app = data.get("app", APP_MARK)
    if app != APP_MARK:
        raise DraftFileError(f"Berkas ini bukan draf KontenOPD: {name}.")
    version = data.get("schema_version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise DraftFileError(f"Versi skema draf tidak valid: {str(version)[:20]!r}.")
    if version > SCHEMA_VERSION:
        raise DraftFileError(
            f"Draf ini dibuat dengan KontenOPD yang lebih baru (skema "
            f"{version if version < 10**6 else '?'}, aplikasi ini "
            f"skema {SCHEMA_VERSION}); perbarui KontenOPD untuk membukanya.")
    return version


# ---------------------------------------------------------------- migrations
#
# Schema 0 (the first prototype) had one "format" string instead of "formats", photo entries
# as bare archive names ("photos/a.jpg") with focal points in a separate "focus" map keyed by
# the same names, no "app" mark, no captions and no title:
#
#   {"schema_version": 0, "template": "liputan-kegiatan", "format": "4:5",
#    "values": {...}, "photos": {"foto": ["photos/a.jpg"]},
#    "focus": {"photos/a.jpg": [0.3, 0.4]}, "profile": {...}}


def _migrate_0(data: dict[str, Any]) -> dict[str, Any]:
    out = dict(data)
    fmt = out.pop("format", None)
    if "formats" not in out:
        out["formats"] = [fmt] if isinstance(fmt, str) else []
    focus = out.pop("focus", {})
    focus = focus if isinstance(focus, dict) else {}
    photos = out.get("photos", {})
    if isinstance(photos, dict):
        migrated = {}
        for key, raw in photos.items():
            entries = [raw] if isinstance(raw, str) else raw
            if isinstance(entries, list):
                entries = [
                    {"file": e, "name": Path(e).name, "focus": focus.get(e, [0.5, 0.5])}
                    if isinstance(e, str) else e
                    for e in entries
                ]
            migrated[key] = entries
        out["photos"] = migrated
    out.setdefault("captions", {})
    out["schema_version"] = 1
    out["app"] = APP_MARK
    return out


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0}


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """draft.json data of an older schema brought up to :data:`SCHEMA_VERSION`."""
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data


# ---------------------------------------------------------------- browsing without extracting


def read_draft_info(path: str | Path) -> DraftInfo:
    """Title, template, date and counts from draft.json, without extracting anything."""
    path = Path(path)
    name = _short(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise DraftFileError(f"Berkas draf terlalu besar: {name}.")
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("draft.json")
            data = _read_json(zf, info, name)
            version = check_version(data, name)
            if version < SCHEMA_VERSION:
                data = migrate(data, version)
            has_thumb = "thumbnail.jpg" in zf.namelist()
    except DraftFileError:
        raise
    except OSError as exc:
        raise DraftFileError(f"Berkas draf tidak bisa dibaca: {name} ({exc.strerror}).") \
            from None
    except Exception:
        raise DraftFileError(f"Berkas draf rusak atau bukan draf KontenOPD: {name}.") from None
    formats = data.get("formats")
    photos = data.get("photos")
    title = data.get("title")
    template = data.get("template")
    meta = data.get("meta")
    return DraftInfo(
        path=path,
        title=one_line(title) if isinstance(title, str) else "",
        template=template if isinstance(template, str) else "",
        formats=tuple(f for f in formats if isinstance(f, str)) if isinstance(formats, list)
        else (),
        saved_at=_parse_time(data.get("saved_at")),
        photo_count=sum(len(v) for v in photos.values() if isinstance(v, list))
        if isinstance(photos, dict) else 0,
        has_thumbnail=has_thumb,
        schema_version=version,
        meta=meta if isinstance(meta, dict) else {},
    )


def read_thumbnail(path: str | Path) -> Image.Image | None:
    """The small preview stored in a draft, or None (missing, damaged, not a draft)."""
    try:
        with zipfile.ZipFile(Path(path)) as zf:
            info = zf.getinfo("thumbnail.jpg")
            data = _read_member(zf, info, MAX_THUMB_BYTES)
        info_ = safeimage.probe(data, safeimage.THUMBNAIL, name="thumbnail.jpg")
        if info_.format != "JPEG" or max(info_.width, info_.height) > 4 * THUMBNAIL_SIDE:
            return None
        return safeimage.open_image(data, safeimage.THUMBNAIL, name="thumbnail.jpg").image
    except Exception:
        return None


def make_thumbnail(template: Any, draft: Draft, profile: Profile,
                   fmt: str | None = None) -> Image.Image:
    """A small render of the draft's first format, for :func:`save_draft`'s ``thumbnail``."""
    from ..render import render  # noqa: PLC0415

    fmt = fmt or next((f for f in draft.formats if f in template.formats),
                      template.format_keys[0])
    width = template.formats[fmt].width
    return render(template, fmt, draft, profile, scale=THUMBNAIL_SIDE / width,
                  preview=True).image


def cleanup_workdirs(base: str | Path | None = None, max_age_days: float = 7.0) -> int:
    """Remove extraction folders older than ``max_age_days``; returns how many were removed.

    Call at start-up (the GUI) so the cache does not grow; a draft opened within the age
    limit keeps its photos.
    """
    base = Path(base) if base is not None else AppPaths.default().cache / "drafts"
    if not base.is_dir():
        return 0
    limit = time.time() - max_age_days * 86400
    removed = 0
    for folder in base.glob("draf-*"):
        try:
            if folder.is_dir() and folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        except OSError:
            pass
    return removed


__all__ = [
    "SCHEMA_VERSION",
    "SUFFIX",
    "DraftFileError",
    "DraftInfo",
    "OpenedDraft",
    "SaveOptions",
    "atomic_write",
    "check_version",
    "cleanup_workdirs",
    "draft_from_dict",
    "draft_to_dict",
    "load_draft",
    "make_thumbnail",
    "migrate",
    "prepare_photos",
    "read_draft_info",
    "read_thumbnail",
    "save_draft",
]
