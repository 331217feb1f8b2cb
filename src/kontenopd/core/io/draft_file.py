"""Draft files (``*.kontenopd``): saving atomically, opening defensively.

A draft file is a ZIP archive::

    draft.json          schema_version, template, formats, values, photo entries with focal
                        points (and "enhance": true where auto-enhance is on), caption
                        overrides, title, saved_at, a snapshot of the profile
    photos/<hash>.jpg   every photo the draft uses (content-addressed, stored once)
    profile/<role>.png  the profile's logos, so the card looks the same on another PC
    thumbnail.jpg       optional small preview (<= 320 px) for the draft browser

This module is the public API: :func:`save_draft`, :func:`load_draft`, the thumbnail and
the extraction folders. The parts have one owner each: draft.json's schema, codec and
migrations in :mod:`.draft_schema`, the guard that reads the ZIP safely in
:mod:`.draft_archive`, the stored photo bytes (metadata stripped) in :mod:`.draft_photos`,
the reading of an opened archive in :mod:`.draft_loader`, and the Draf browser's look
without extracting in :mod:`.draft_info`.

Saving writes a temporary file in the same folder, flushes and fsyncs it, keeps the previous
version as ``<name>.bak`` and renames the new file into place, so the file on disk is always
either the old or the new version. Opening never writes next to the user's file: photos are
extracted to a fresh folder under ``workdir`` (or the user cache folder), and every entry is
checked (names, sizes, types) before it is used.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from PIL import Image

from ... import __version__
from ..errors import PhotoError
from ..model.records import Draft, Profile
from ..paths import AppPaths
from ..photos import safeimage
from ..template.library import Library
from ..template.roles import draft_title
from .atomic import WriteErrors, atomic_write
from .draft_archive import CORRUPT, MAX_FILE_BYTES, MAX_THUMB_BYTES, is_damage, read_member
from .draft_loader import DraftLoader, OpenedDraft, WorkdirError, backup_hint
from .draft_photos import logo_blob, prepare_photos, safe_file_name
from .draft_schema import (
    APP_MARK,
    SCHEMA_VERSION,
    DraftFileError,
    draft_to_dict,
    json_safe,
    placement,
)

SUFFIX = ".kontenopd"
THUMBNAIL_SIDE = 320


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


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
        data["meta"] = json_safe(options.meta)
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

    return atomic_write(path, write, backup=backup, errors=DRAFT_WRITE_ERRORS)


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
                                "name": safe_file_name(linked.name),
                                **placement(ref, 6)})
                continue
            blob = prepared[str(ref.path)]
            if isinstance(blob, PhotoError):
                if options.strict_photos:
                    raise blob
                continue
            name = f"photos/{blob.digest}{blob.ext}"
            members[name] = blob.data
            entries.append({"file": name, "name": safe_file_name(Path(ref.path).name),
                            **placement(ref, 6)})
        photos[str(key)] = entries
    return photos


def _profile_entry(profile: Profile, members: dict[str, bytes]) -> dict[str, Any]:
    """The profile snapshot for draft.json; its usable logos are added to ``members``."""
    profile_data = profile.to_dict()
    for role in ("pemda", "opd"):
        logo = logo_blob(getattr(profile, f"{role}_logo"))
        if logo is None:
            profile_data[f"{role}_logo"] = ""
            continue
        name = f"profile/{role}{logo.ext}"
        members[name] = logo.data
        profile_data[f"{role}_logo"] = name
    return profile_data


def _add(zf: zipfile.ZipFile, name: str, data: bytes,
         stamp: tuple[int, int, int, int, int, int], method: int) -> None:
    info = zipfile.ZipInfo(name, date_time=max((1980, 1, 1, 0, 0, 0), stamp))
    info.compress_type = method
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)


# atomic_write's failures in the draft's words: DraftFileError, the OSError behind it as its
# __context__ (the autosave store and the export queue write their files with them too)
DRAFT_WRITE_ERRORS = WriteErrors(
    folder=lambda folder, exc: DraftFileError(
        f"Folder tujuan tidak bisa ditulisi: {folder} ({exc.strerror or exc})."),
    write=lambda path, exc: DraftFileError(
        f"Draf gagal disimpan ke {safeimage.display_name(path)} "
        f"({'disk penuh' if exc.errno == 28 else (exc.strerror or str(exc))})."))


# ---------------------------------------------------------------- opening


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
    name = safeimage.display_name(path)
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
        raise DraftFileError(f"Berkas draf kosong (0 byte): {name}.{backup_hint(path)}")
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
            return DraftLoader(handle, path.resolve(), target, library, allow_linked_photos).load()
    except DraftFileError:
        raise
    except WorkdirError as exc:
        raise DraftFileError(
            f"Foto draf tidak bisa disalin ke folder kerja {target} ({exc}).") from None
    except OSError as exc:
        if is_damage(exc):
            raise DraftFileError(f"Berkas draf rusak atau bukan draf KontenOPD: {name}."
                                 f"{backup_hint(path)}") from None
        raise DraftFileError(
            f"Berkas draf tidak bisa dibaca: {name} ({exc.strerror or exc}).") from None
    except MemoryError:
        raise DraftFileError(f"Memori tidak cukup untuk membuka draf: {name}.") from None
    except CORRUPT:
        raise DraftFileError(
            f"Berkas draf rusak atau bukan draf KontenOPD: {name}.{backup_hint(path)}") \
            from None
    except Exception as exc:  # the last line of defence: never a traceback
        raise DraftFileError(
            f"Berkas draf rusak: {name} ({type(exc).__name__}).{backup_hint(path)}") \
            from None


# ---------------------------------------------------------------- thumbnails


def _thumbnail_bytes(image: Image.Image) -> bytes:
    thumb = image.copy()
    if thumb.mode not in ("RGB", "L"):
        thumb = thumb.convert("RGB")
    thumb.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    thumb.save(buf, "JPEG", quality=85, optimize=True)
    return buf.getvalue()


def read_thumbnail(path: str | Path) -> Image.Image | None:
    """The small preview stored in a draft, or None (missing, damaged, not a draft)."""
    try:
        with zipfile.ZipFile(Path(path)) as zf:
            info = zf.getinfo("thumbnail.jpg")
            data = read_member(zf, info, MAX_THUMB_BYTES)
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


# ---------------------------------------------------------------- extraction folders


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
    "DRAFT_WRITE_ERRORS",
    "SUFFIX",
    "THUMBNAIL_SIDE",
    "SaveOptions",
    "cleanup_workdirs",
    "load_draft",
    "make_thumbnail",
    "read_thumbnail",
    "save_draft",
]
