"""The profile (brand kit) store: one folder per profile under ``AppPaths.profiles``.

``<profiles>/<id>/profile.json`` plus the profile's logos, copied into that folder so a
profile keeps working when the original logo files move. Qt-free; the GUI's profile dialog
and the first-start flow build on it.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from dataclasses import replace
from pathlib import Path

from . import safeimage
from .errors import ProfileError
from .model import Profile, demo_profile, slugify

PROFILE_FILE = "profile.json"
LOGO_KEYS = ("pemda_logo", "opd_logo")
LOGO_LABELS = {"pemda_logo": "Pemda", "opd_logo": "OPD"}

_CHECKED: dict[tuple[str, int, int], str | None] = {}
_CHECKED_LOCK = threading.Lock()


def check_logo(path: str | Path) -> str | None:
    """Why the logo at ``path`` cannot be used (one Indonesian line naming the file), or
    None when it decodes within the logo caps. A missing file is reported too. The answer is
    remembered per file version, so listing profiles does not decode every logo each time."""
    path = Path(path)
    try:
        st = path.stat()
    except OSError:
        return f"Berkas logo tidak ditemukan: {safeimage.display_name(path)}."
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    with _CHECKED_LOCK:
        if key in _CHECKED:
            return _CHECKED[key]
    problem = safeimage.check_file(path, safeimage.LOGO)
    with _CHECKED_LOCK:
        if len(_CHECKED) > 256:
            _CHECKED.clear()
        _CHECKED[key] = problem
    return problem


class ProfileStore:
    """List, load, save, duplicate and delete profiles kept as JSON in ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        # Per profile id, what the last load() had to leave out (a damaged or too large logo).
        self.notices: dict[str, list[str]] = {}

    def folder(self, profile_id: str) -> Path:
        return self.root / profile_id

    def ids(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if (p / PROFILE_FILE).is_file())

    def list(self) -> list[Profile]:
        """Every profile that loads; broken ones are skipped (see :meth:`errors`)."""
        out = []
        for profile_id in self.ids():
            try:
                out.append(self.load(profile_id))
            except ProfileError:
                continue
        return out

    def exists(self, profile_id: str) -> bool:
        return (self.folder(profile_id) / PROFILE_FILE).is_file()

    def load(self, profile_id: str) -> Profile:
        """The stored profile. A logo file that is there but cannot be used (damaged, not an
        image, too large) is left out so the profile still works; why is in
        ``notices[profile_id]``. A missing logo file is kept (render warns about it)."""
        path = self.folder(profile_id) / PROFILE_FILE
        profile = Profile.load(path)
        notices: list[str] = []
        dropped: dict[str, str] = {}
        for key in LOGO_KEYS:
            value = getattr(profile, key)
            if not value or not Path(value).is_file():
                continue
            problem = check_logo(value)
            if problem:
                notices.append(f"Logo {LOGO_LABELS[key]} tidak dipakai: {problem}")
                dropped[key] = ""
        self.notices[profile_id] = notices
        return replace(profile, id=profile_id, **dropped)

    def unique_id(self, name: str) -> str:
        base = slugify(name, 40) or "profil"
        candidate, n = base, 2
        while self.exists(candidate):
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def save(self, profile: Profile) -> Profile:
        """Write ``profile`` (its ``id`` names the folder); copy outside logos in.

        Returns the profile as stored, with logo paths pointing into its folder.
        """
        if not profile.id or slugify(profile.id, 60) != profile.id:
            raise ProfileError(f"Id profil tidak valid: {profile.id!r}.")
        folder = self.folder(profile.id)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            logos: dict[str, str] = {}
            for key in LOGO_KEYS:
                logos[key] = self._keep_logo(folder, key, getattr(profile, key))
            data = profile.to_dict()
            data.update({key: Path(value).name if value else "" for key, value in logos.items()})
            _write_json_atomic(folder / PROFILE_FILE, data)
        except OSError as exc:
            raise ProfileError(
                f"Profil tidak dapat disimpan di {folder} ({exc.strerror or exc}).") from None
        return replace(profile, **logos)

    @staticmethod
    def _keep_logo(folder: Path, key: str, value: str) -> str:
        if not value:
            return ""
        src = Path(value)
        if not src.is_file():
            raise ProfileError(f"Berkas logo tidak ditemukan: {src.name}.")
        problem = check_logo(src)
        if problem:
            raise ProfileError(problem)
        if src.parent.resolve() == folder.resolve():
            return str(src.resolve())
        target = folder / f"{key.split('_', maxsplit=1)[0]}{src.suffix.lower() or '.png'}"
        shutil.copyfile(src, target)
        return str(target.resolve())

    def duplicate(self, profile_id: str, new_name: str) -> Profile:
        source = self.load(profile_id)
        new_id = self.unique_id(new_name)
        copy = replace(source, id=new_id, opd_name=new_name)
        return self.save(copy)

    def delete(self, profile_id: str) -> None:
        folder = self.folder(profile_id)
        if not self.exists(profile_id):
            raise ProfileError(f"Profil '{profile_id}' tidak ditemukan.")
        try:
            shutil.rmtree(folder)
        except OSError as exc:
            raise ProfileError(f"Profil tidak dapat dihapus ({exc.strerror or exc}).") from None

    def create_from_demo(self, name: str | None = None) -> Profile:
        """A new profile starting from the bundled demo brand kit."""
        demo = demo_profile()
        name = name or demo.opd_name
        return self.save(replace(demo, id=self.unique_id(name), opd_name=name))

    def first_or_create(self) -> tuple[Profile, bool]:
        """The first stored profile, or a new one from the demo (then ``True``)."""
        profiles = self.list()
        if profiles:
            return profiles[0], False
        return self.create_from_demo(), True


def _write_json_atomic(path: Path, data: dict) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".profile-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
