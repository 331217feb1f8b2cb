"""What the Draf browser shows about a draft file, read from draft.json only: nothing is
extracted, so listing a folder of drafts stays fast and safe."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..photos import safeimage
from ..template.roles import one_line
from .draft_archive import MAX_FILE_BYTES, read_json
from .draft_schema import SCHEMA_VERSION, DraftFileError, check_version, migrate, parse_time


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


def read_draft_info(path: str | Path) -> DraftInfo:
    """Title, template, date and counts from draft.json, without extracting anything."""
    path = Path(path)
    name = safeimage.display_name(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise DraftFileError(f"Berkas draf terlalu besar: {name}.")
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("draft.json")
            data = read_json(zf, info, name)
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
        saved_at=parse_time(data.get("saved_at")),
        photo_count=sum(len(v) for v in photos.values() if isinstance(v, list))
        if isinstance(photos, dict) else 0,
        has_thumbnail=has_thumb,
        schema_version=version,
        meta=meta if isinstance(meta, dict) else {},
    )


__all__ = ["DraftInfo", "read_draft_info"]
