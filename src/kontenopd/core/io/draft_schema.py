"""draft.json, the heart of a draft file: its schema version, the draft <-> JSON codec and
the migrations of older schemas.

Decoding is lenient: what is wrong in a file is dropped and explained in notices (see
:func:`collapse_notices`); only a missing or invalid template id is fatal. Every step of
reading or writing a draft file raises :class:`DraftFileError` (defined here, the lowest of
the ``draft_*`` modules).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import KontenError
from ..model.platforms import FORMAT_SIZES
from ..model.records import MAX_VALUE_CHARS, Draft, PhotoRef, value_chars

SCHEMA_VERSION = 1
APP_MARK = "kontenopd-draft"

# Limits on what one draft.json may ask for (the archive's own limits: draft_archive).
MAX_PHOTOS = 200
MAX_VALUES = 500  # fields in one draft (templates have a dozen or so)
MAX_VALUE_DEPTH = 8
MAX_TEXT = MAX_VALUE_CHARS  # characters in one field value (see model.MAX_VALUE_CHARS)
MAX_CAPTION = 100_000  # characters in one caption override (captions are not drawn)
MAX_NOTICES = 30  # distinct notices shown for one draft; identical ones are counted

_TEMPLATE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class DraftFileError(KontenError):
    """A draft file cannot be saved or opened. ``str()`` is one Indonesian line."""


# ---------------------------------------------------------------- helpers


def parse_time(value: Any) -> datetime | None:
    """draft.json's ``saved_at`` as a timezone-aware time (UTC when it names no zone), or
    None when it is missing or not a time."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    return stamp


def json_safe(value: Any, depth: int = 0) -> Any:
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
        return [json_safe(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {str(k): json_safe(v, depth + 1) for k, v in value.items()}
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


def placement(ref: PhotoRef, digits: int | None = None) -> dict[str, Any]:
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
        "values": {str(k): json_safe(v) for k, v in draft.values.items()},
        "photos": {
            str(k): [{"path": str(ref.path), **placement(ref)} for ref in refs]
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

    draft = draft_from_data(data, notices, photo_path)
    if notices:
        raise DraftFileError(notices[0])
    return draft


def draft_from_data(data: Any, notices: list[str],
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
            safe = json_safe(value)
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


# ---------------------------------------------------------------- notices and versions


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


__all__ = [
    "APP_MARK",
    "MAX_CAPTION",
    "MAX_NOTICES",
    "MAX_TEXT",
    "MAX_VALUES",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "DraftFileError",
    "check_version",
    "collapse_notices",
    "draft_from_data",
    "draft_from_dict",
    "draft_to_dict",
    "json_safe",
    "migrate",
    "parse_time",
    "placement",
]
