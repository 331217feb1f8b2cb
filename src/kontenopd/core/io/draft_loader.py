"""Opening a draft's archive into an :class:`OpenedDraft`, defensively.

:class:`DraftLoader` reads a draft file whose archive passed the guard
(:mod:`.draft_archive`): it checks and migrates draft.json (:mod:`.draft_schema`), extracts
each photo and logo into the work folder (never next to the user's file) and checks it, and
turns everything recoverable into a notice: a photo that is missing or damaged, a logo that
cannot be used, a value the template refuses. :func:`.draft_file.load_draft` is the entry.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from ..errors import PhotoError, ProfileError
from ..model.records import Draft, Profile
from ..photos import safeimage
from ..template.library import Library
from ..template.roles import one_line
from .atomic import BACKUP_SUFFIX, backup_path
from .draft_archive import (
    ENTRY_DAMAGE,
    MAX_LOGO_BYTES,
    MAX_PHOTO_BYTES,
    ArchiveBudget,
    checked_members,
    is_damage,
    read_json,
    read_member,
)
from .draft_photos import safe_file_name
from .draft_schema import (
    SCHEMA_VERSION,
    DraftFileError,
    check_version,
    collapse_notices,
    draft_from_data,
    migrate,
    parse_time,
)

_MEMBER = re.compile(r"(photos|profile)/[A-Za-z0-9][A-Za-z0-9._-]{0,120}")


@dataclass
class OpenedDraft:
    """A draft file as :func:`.draft_file.load_draft` opened it."""

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


def backup_hint(path: Path) -> str:
    """The sentence telling where the previous version of a damaged ``path`` is, or ""."""
    bak = backup_path(path)
    if path.name.endswith(BACKUP_SUFFIX) or not bak.is_file():
        return ""
    return f" Versi sebelumnya tersimpan sebagai {safeimage.display_name(bak)}."


class WorkdirError(Exception):
    """An extracted photo or logo could not be written to the work folder."""


class _EntryDamagedError(Exception):
    pass


class DraftLoader:
    """Reads one draft file (``handle``, at ``path``) and extracts into ``target``."""

    def __init__(self, handle: IO[bytes], path: Path, target: Path,
                 library: Library | None, allow_linked: bool = False) -> None:
        self.allow_linked = allow_linked
        self.handle = handle
        self.path = path
        self.name = safeimage.display_name(path)
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
                            f"{backup_hint(self.path)}")
        with zipfile.ZipFile(self.handle) as zf:
            self.zf = zf
            self.members = checked_members(zf, self.handle)
            self.budget = ArchiveBudget()
            if "draft.json" not in self.members:
                raise self.fail(f"Berkas ini bukan draf KontenOPD (draft.json tidak ada): "
                                f"{self.name}.{backup_hint(self.path)}")
            data = read_json(zf, self.members["draft.json"], self.name, self.budget)
            version = check_version(data, self.name)
            if version < SCHEMA_VERSION:
                data = migrate(data, version)
                self.notices.append(
                    f"Draf dari versi lama (skema {version}) diperbarui; simpan ulang agar "
                    "tetap bisa dibuka versi ini.")
            return self.build(data, version)

    def build(self, data: dict[str, Any], version: int) -> OpenedDraft:
        draft = draft_from_data(data, self.notices, self.photo_path)
        profile, from_file = self.profile(data.get("profile"))
        template_missing = False
        if self.library is not None:
            template_missing = self.check_template(draft)
        meta = data.get("meta")
        title = data.get("title")
        return OpenedDraft(
            draft=draft, profile=profile, path=self.path,
            saved_at=parse_time(data.get("saved_at")),
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
            label = safe_file_name(str(entry.get("name") or member))
            self.notices.append(f"Foto {label} hilang dari berkas draf dan dilewati.")
            return None
        if member not in self.extracted:
            display = safe_file_name(str(entry.get("name") or Path(member).name))
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

        label = safe_file_name(str(entry.get("name") or "foto"))
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
            data = read_member(self.zf, info, limit, self.budget)
        except ENTRY_DAMAGE:
            raise _EntryDamagedError(member) from None
        except OSError as exc:
            if is_damage(exc):
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
            raise WorkdirError(exc.strerror or str(exc)) from None
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


__all__ = ["DraftLoader", "OpenedDraft", "WorkdirError", "backup_hint"]
