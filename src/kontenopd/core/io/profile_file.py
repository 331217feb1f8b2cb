"""The profile (brand kit) store: one folder per profile under ``AppPaths.profiles``.

``<profiles>/<id>/profile.json`` plus the profile's logos, copied into that folder so a
profile keeps working when the original logo files move. Qt-free; the GUI's profile dialog
and the first-start flow build on it.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from dataclasses import replace
from hashlib import sha256
from pathlib import Path
from typing import IO

from ..errors import ProfileError
from ..model.records import HANDLE_PLATFORMS, Profile, demo_profile, slugify
from ..photos import safeimage
from .atomic import atomic_write

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


# ---------------------------------------------------------------- the demo identity
#
# The bundled demo profile ("Pemerintah Kabupaten Contoh", its made-up emblem and logo) is for
# trying the app, never for publishing. A profile is "demo" while any of its identifying values
# is still the demo's: the Pemda name, the dateline city, the website, a social-media handle, a
# "...Contoh" hashtag or one of the demo logos (compared by bytes). The OPD name and short name
# ("Dinas Komunikasi dan Informatika", "Diskominfo") are real agency names and do not count.

DEMO_TRACES = ("pemda_name", "city", "website", "handles", "hashtags", "pemda_logo",
               "opd_logo")
DEMO_TRACE_LABELS = {"pemda_name": "nama Pemda", "city": "kota", "website": "situs web",
                     "handles": "akun media sosial", "hashtags": "tagar",
                     "pemda_logo": "lambang Pemda", "opd_logo": "logo OPD"}

_DIGESTS: dict[tuple[str, int, int], str] = {}
_DEMO: list[tuple[Profile, dict[str, str]]] = []


def _digest(path: str) -> str:
    """The SHA-256 of a file's bytes ('' when unreadable), remembered per file version."""
    try:
        st = Path(path).stat()
    except OSError:
        return ""
    key = (str(path), st.st_mtime_ns, st.st_size)
    with _CHECKED_LOCK:
        if key in _DIGESTS:
            return _DIGESTS[key]
    try:
        value = sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""
    with _CHECKED_LOCK:
        if len(_DIGESTS) > 256:
            _DIGESTS.clear()
        _DIGESTS[key] = value
    return value


def _demo() -> tuple[Profile, dict[str, str]]:
    if not _DEMO:
        try:
            demo = demo_profile()
        except ProfileError:  # an incomplete install: the dataclass defaults are the demo's
            demo = Profile()
        logos = {key: _digest(getattr(demo, key)) for key in ("pemda_logo", "opd_logo")}
        _DEMO.append((demo, logos))
    return _DEMO[0]


def _same_text(a: str, b: str) -> bool:
    return bool(a.strip()) and " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def demo_traces(profile: Profile) -> list[str]:
    """The identifying fields of ``profile`` (keys of :data:`DEMO_TRACE_LABELS`, in that
    order) that still hold the bundled demo's values; empty for a real profile."""
    demo, logos = _demo()
    found = []
    for key in ("pemda_name", "city", "website"):
        if _same_text(getattr(profile, key), getattr(demo, key)):
            found.append(key)
    demo_handles = {h.strip().lstrip("@").casefold() for h in demo.handles.values() if h}
    if any(h.strip().lstrip("@").casefold() in demo_handles
           for p, h in profile.handles.items() if p in HANDLE_PLATFORMS and h.strip()):
        found.append("handles")
    demo_tags = {t.casefold() for tags in (demo.hashtags, *demo.hashtag_groups.values())
                 for t in tags if "contoh" in t.casefold()}
    tags = (*profile.hashtags, *(t for g in profile.hashtag_groups.values() for t in g))
    if any(t.casefold() in demo_tags for t in tags):
        found.append("hashtags")
    for key in ("pemda_logo", "opd_logo"):
        value = getattr(profile, key)
        if value and logos[key] and _digest(value) == logos[key]:
            found.append(key)
    return found


def is_demo(profile: Profile) -> bool:
    """Whether ``profile`` still carries the demo identity (see :func:`demo_traces`)."""
    return bool(demo_traces(profile))


def demo_refusal(profile: Profile) -> str | None:
    """Why a post with ``profile`` must not be exported (one Indonesian line), or None."""
    traces = demo_traces(profile)
    if not traces:
        return None
    fields = ", ".join(DEMO_TRACE_LABELS[t] for t in traces)
    return (f"Profil contoh tidak boleh diekspor: {fields} masih berisi contoh "
            f"(“{_demo()[0].pemda_name}”). Pakai profil OPD Anda sendiri.")


def same_profile(a: Profile, b: Profile) -> bool:
    """Whether two profiles give the same cards (the id aside; logos compared by bytes)."""
    da, db = a.to_dict(), b.to_dict()
    da.pop("id", None)
    db.pop("id", None)
    for role in ("pemda_logo", "opd_logo"):
        pa, pb = da.pop(role, ""), db.pop(role, "")
        if bool(pa) != bool(pb):
            return False
        if pa and pa != pb:
            try:
                if Path(pa).read_bytes() != Path(pb).read_bytes():
                    return False
            except OSError:
                return False
    return da == db


def empty_profile(profile_id: str, opd_name: str) -> Profile:
    """A new profile with only its id and OPD name: no demo names, accounts or logos (colours
    and fonts keep the neutral defaults so cards still render)."""
    return Profile(id=profile_id, pemda_name="", opd_name=opd_name, opd_short="", city="",
                   pemda_logo="", opd_logo="", handles={}, website="", tagline="",
                   hashtags=(), hashtag_groups={}, badge_berakhlak=False,
                   badge_bangga_melayani=False)


def _with_logos(profile: Profile, logos: dict[str, str]) -> Profile:
    """``profile`` with the logo paths in ``logos`` (keyed by :data:`LOGO_KEYS`) replaced."""
    return replace(profile, pemda_logo=logos.get("pemda_logo", profile.pemda_logo),
                   opd_logo=logos.get("opd_logo", profile.opd_logo))


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
        return replace(_with_logos(profile, dropped), id=profile_id)

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
        return _with_logos(profile, logos)

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

    def create_empty(self, name: str) -> Profile:
        """A new, empty profile named ``name`` (see :func:`empty_profile`)."""
        return self.save(empty_profile(self.unique_id(name), name))

    def find_same(self, profile: Profile) -> Profile | None:
        """The stored profile that gives the same cards as ``profile`` (see
        :func:`same_profile`), if any; the one with ``profile``'s id is tried first."""
        stored = self.list()
        stored.sort(key=lambda p: p.id != profile.id)
        return next((p for p in stored if same_profile(p, profile)), None)

    def first_or_create(self) -> tuple[Profile, bool]:
        """The first stored profile, or a new one from the demo (then ``True``)."""
        profiles = self.list()
        if profiles:
            return profiles[0], False
        return self.create_from_demo(), True


def _write_json_atomic(path: Path, data: dict) -> None:
    # Text as a text-mode file writes it: UTF-8, native line ends (JSON strings hold no
    # raw newline). Left 0600 like mkstemp made it; an OSError is the caller's to word.
    def write(handle: IO[bytes]) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=2)
        handle.write(text.replace("\n", os.linesep).encode("utf-8"))

    atomic_write(path, write, prefix=".profile-", mode=None)
