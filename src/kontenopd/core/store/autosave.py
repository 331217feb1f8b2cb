"""Autosave with crash recovery, the recent-drafts list, and the draft browser's index.

Qt-free, so the GUI only wires timers and dialogs to it:

- :class:`AutosaveStore`: one per running app. ``start()`` takes a lock file for this
  session; ``save()`` writes the working draft to ``<data>/autosave/<session>.kontenopd``
  (atomically); ``discard()`` after the user saved or closed cleanly. At the next start,
  ``recoverable()`` lists autosaves whose session is no longer running (crash, power loss),
  newest first, with the time they were saved; ``recover()`` opens one; ``forget()`` deletes.
  A session is "running" while its lock file is locked by the OS (``filelock.FileLock``), so a
  second window of the app never sees the first one's autosave as a crash, and a killed process
  releases its lock.
- :class:`RecentDrafts`: ``<data>/recent.json``, most recent first, at most 15 entries.
- :func:`browse`: recent and recoverable drafts as :class:`BrowserEntry` rows, filtered by a
  search string (title, template, file name, date such as ``21 november`` or ``2022-11-21``).
  Thumbnails come from :func:`kontenopd.core.io.draft_file.read_thumbnail`.

Nothing here touches the disk at import time.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import threading
import time
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from PIL import Image

from ..io.atomic import atomic_write
from ..io.draft_file import DRAFT_WRITE_ERRORS, SUFFIX, SaveOptions, load_draft, save_draft
from ..io.draft_info import read_draft_info
from ..io.draft_loader import OpenedDraft
from ..io.draft_schema import DraftFileError
from ..model.dates import BULAN
from ..model.records import Draft, Profile
from ..paths import AppPaths
from ..template.library import Library
from ..template.roles import draft_title

RECENT_MAX = 15
EMBED_LIMIT = 24 * 2**20  # photo bytes an autosave embeds; beyond this it links by path


@dataclass(frozen=True)
class BrowserEntry:
    """One row of the draft browser."""

    path: Path  # the file to open (an autosave lives in the autosave folder)
    title: str
    template: str
    saved_at: datetime | None  # aware; show with .astimezone()
    kind: str  # "recent" or "autosave"
    exists: bool = True
    source: Path | None = None  # autosave: the file the user was editing, if it had one

    @property
    def display_title(self) -> str:
        return self.title or (self.source.stem if self.source else "") or self.path.stem


# ---------------------------------------------------------------- OS file locks


def _os_lock(path: Path) -> FileLock:
    """An exclusive OS lock on ``path`` (flock / LockFileEx) taken in one non-blocking try.

    Never a soft (file-exists) lock: only an OS lock is released when its process is killed.
    Not thread-local: :meth:`AutosaveStore.save` may take it on a worker thread and
    :meth:`AutosaveStore.close` release it on the GUI thread. The file stays on release (the
    store removes its own when it closes).
    """
    return FileLock(path, timeout=0, blocking=False, thread_local=False,
                    fallback_to_soft=False, preserve_lock_file=True)


def _session_alive(lock_path: Path) -> bool:
    """True while another running session holds ``lock_path``."""
    if not lock_path.exists():
        return False
    probe = _os_lock(lock_path)
    try:
        probe.acquire()
    except OSError:  # filelock.Timeout: held; or cannot tell (Windows denies access): keep it
        return True
    with contextlib.suppress(OSError):
        probe.release()
    return False


# ---------------------------------------------------------------- autosave


class AutosaveStore:
    """The working draft saved every few idle seconds, and what earlier sessions left."""

    def __init__(self, paths: AppPaths | None = None, session: str | None = None) -> None:
        self.paths = paths or AppPaths.default()
        self.session = session or (
            time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}-{secrets.token_hex(3)}")
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,80}", self.session):
            raise ValueError(f"invalid session id {self.session!r}")
        self._lock: FileLock | None = None  # held from start() to close()
        self._mutex = threading.Lock()

    @property
    def folder(self) -> Path:
        return self.paths.autosave

    @property
    def file(self) -> Path:
        """This session's autosave file."""
        return self.folder / f"{self.session}{SUFFIX}"

    def _lock_path(self, session: str) -> Path:
        return self.folder / f"{session}.lock"

    def start(self) -> None:
        """Create the folder and hold this session's lock until :meth:`close`."""
        if self._lock is not None:
            return
        lock = _os_lock(self._lock_path(self.session))
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            lock.acquire()
        except Timeout:  # an OSError too: first
            raise DraftFileError("Sesi simpan otomatis ini sedang dipakai jendela lain.") \
                from None
        except OSError as exc:
            raise DraftFileError(
                f"Folder simpan otomatis tidak bisa dibuat: {self.folder} ({exc.strerror}).") \
                from None
        self._lock = lock

    def save(self, draft: Draft, profile: Profile, *, source: str | Path | None = None,
             thumbnail: Image.Image | None = None, title: str | None = None,
             embed_photos: bool | None = None) -> Path:
        """Write the working draft (``source``: the file it belongs to, if saved before).

        Safe to call from a worker thread; photos that vanished are left out rather than
        failing, so the text the user typed is always kept. Photos are embedded when they
        total at most :data:`EMBED_LIMIT` bytes (``embed_photos=None``); larger sets are
        recorded by path, since the originals survive a crash, which keeps each autosave
        a small, quick write.
        """
        self.start()
        if embed_photos is None:
            embed_photos = _photo_bytes(draft) <= EMBED_LIMIT
        meta = {"autosave": True, "session": self.session,
                "source": str(Path(source).resolve()) if source else None}
        with self._mutex:
            return save_draft(self.file, draft, profile, thumbnail=thumbnail, backup=False,
                              title=title,
                              options=SaveOptions(strict_photos=False,
                                                  link_photos=not embed_photos, meta=meta))

    def discard(self) -> None:
        """Remove this session's autosave (after a successful save, or on clean close)."""
        with self._mutex:
            self.file.unlink(missing_ok=True)

    def close(self) -> None:
        """Clean end of the session: discard the autosave and release the lock."""
        self.discard()
        lock, self._lock = self._lock, None
        if lock is not None:
            with contextlib.suppress(OSError):
                lock.release()
            self._lock_path(self.session).unlink(missing_ok=True)

    def __enter__(self) -> AutosaveStore:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def recoverable(self) -> list[BrowserEntry]:
        """Autosaves left by sessions that are no longer running, newest first."""
        if not self.folder.is_dir():
            return []
        out = []
        for file in self.folder.glob(f"*{SUFFIX}"):
            session = file.name[: -len(SUFFIX)]
            if session == self.session or _session_alive(self._lock_path(session)):
                continue
            try:
                info = read_draft_info(file)
            except DraftFileError:
                continue  # a damaged autosave cannot be offered; forget() removes it
            source = info.meta.get("source")
            out.append(BrowserEntry(
                path=file, title=info.title, template=info.template,
                saved_at=info.saved_at or _mtime(file), kind="autosave",
                source=Path(source) if isinstance(source, str) and source else None))
        for lock in self.folder.glob("*.lock"):  # dead sessions that left no autosave
            session = lock.name[: -len(".lock")]
            if session != self.session and not (self.folder / f"{session}{SUFFIX}").exists() \
                    and not _session_alive(lock):
                with contextlib.suppress(OSError):
                    lock.unlink()
        out.sort(key=_sort_key, reverse=True)
        return out

    def recover(self, entry: BrowserEntry, *, workdir: str | Path | None = None,
                library: Library | None = None) -> OpenedDraft:
        """Open an autosave. ``path`` of the result is the file the user was editing (or
        None for a draft never saved); treat the draft as having unsaved changes."""
        opened = load_draft(entry.path, workdir=workdir, library=library,
                            allow_linked_photos=True)
        when = entry.saved_at.astimezone().strftime("%H.%M") if entry.saved_at else "?"
        day = _tanggal(entry.saved_at.astimezone()) if entry.saved_at else ""
        opened.notices.insert(0, f"Draf dipulihkan dari simpanan otomatis {day} pukul {when}."
                              .replace("  ", " "))
        opened.path = entry.source
        return opened

    def forget(self, entry: BrowserEntry) -> None:
        """Delete a recoverable autosave (the user recovered and saved it, or declined)."""
        if entry.path.parent.resolve() != self.folder.resolve():
            raise ValueError("not an autosave of this store")
        session = entry.path.name[: -len(SUFFIX)]
        if _session_alive(self._lock_path(session)):
            return
        entry.path.unlink(missing_ok=True)
        if session != self.session:
            self._lock_path(session).unlink(missing_ok=True)


def _photo_bytes(draft: Draft) -> int:
    total = 0
    for text in {str(ref.path) for refs in draft.photos.values() for ref in refs}:
        with contextlib.suppress(OSError):
            total += Path(text).stat().st_size
    return total


# ---------------------------------------------------------------- recent drafts


class RecentDrafts:
    """The recently opened or saved draft files, most recent first."""

    def __init__(self, paths: AppPaths | None = None, limit: int = RECENT_MAX) -> None:
        self.paths = paths or AppPaths.default()
        self.limit = limit
        self._mutex = threading.Lock()

    @property
    def file(self) -> Path:
        return self.paths.data / "recent.json"

    def _read(self) -> list[dict[str, Any]]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []  # missing or damaged: start a new list rather than fail
        items = data.get("recent") if isinstance(data, dict) else None
        if not isinstance(items, list):
            return []
        return [i for i in items if isinstance(i, dict) and isinstance(i.get("path"), str)]

    def _write(self, items: list[dict[str, Any]]) -> None:
        payload = json.dumps({"recent": items}, ensure_ascii=False, indent=1).encode("utf-8")
        # The recent list is a convenience: never block the user's work on it.
        with contextlib.suppress(DraftFileError):
            atomic_write(self.file, lambda handle: handle.write(payload),
                         errors=DRAFT_WRITE_ERRORS)

    def entries(self) -> list[BrowserEntry]:
        out = []
        for item in self._read()[: self.limit]:
            path = Path(item["path"])
            out.append(BrowserEntry(
                path=path, title=str(item.get("title") or ""),
                template=str(item.get("template") or ""),
                saved_at=_parse(item.get("saved_at")), kind="recent", exists=path.is_file()))
        return out

    def paths_list(self) -> list[Path]:
        return [e.path for e in self.entries()]

    def add(self, path: str | Path, *, title: str | None = None, template: str | None = None,
            saved_at: datetime | None = None, draft: Draft | None = None) -> None:
        """Put ``path`` first. Title/template default to the draft's, else draft.json's."""
        path = Path(path).resolve()
        if draft is not None:
            title = draft_title(draft) if title is None else title
            template = draft.template if template is None else template
        if title is None or template is None or saved_at is None:
            try:
                info = read_draft_info(path)
                title = info.title if title is None else title
                template = info.template if template is None else template
                saved_at = info.saved_at if saved_at is None else saved_at
            except DraftFileError:
                pass
        item = {"path": str(path), "title": title or "", "template": template or "",
                "saved_at": (saved_at or datetime.now(timezone.utc)).isoformat()}
        with self._mutex:
            items = [i for i in self._read() if not _same(i["path"], path)]
            self._write([item, *items][: self.limit])

    def remove(self, path: str | Path) -> None:
        path = Path(path).resolve()
        with self._mutex:
            items = self._read()
            kept = [i for i in items if not _same(i["path"], path)]
            if len(kept) != len(items):
                self._write(kept)

    def clear(self) -> None:
        with self._mutex:
            self._write([])


def _same(text: str, path: Path) -> bool:
    a, b = str(Path(text)), str(path)
    return a.lower() == b.lower() if os.name == "nt" else a == b


# ---------------------------------------------------------------- browser


def browse(query: str = "", *, paths: AppPaths | None = None,
           store: AutosaveStore | None = None, include_missing: bool = False) -> list[BrowserEntry]:
    """Recoverable autosaves (newest first), then recent drafts (most recently used first),
    matching ``query``.

    Every word of ``query`` must appear in the title, template id, file name or saved date
    (``2022-11-21``, ``21/11/2022``, ``21 november 2022``); case and accents are ignored.
    """
    paths = paths or (store.paths if store else AppPaths.default())
    store = store or AutosaveStore(paths, session="browse-" + secrets.token_hex(4))
    autosaves = store.recoverable()
    recent = RecentDrafts(paths).entries()
    if not include_missing:
        recent = [e for e in recent if e.exists]
    rows = autosaves + recent
    words = _norm(query).split()
    return [e for e in rows if all(w in _haystack(e) for w in words)]


def matches(entry: BrowserEntry, query: str) -> bool:
    """Whether ``entry`` matches a search string (see :func:`browse`)."""
    return all(w in _haystack(entry) for w in _norm(query).split())


def _haystack(entry: BrowserEntry) -> str:
    parts = [entry.title, entry.template, entry.path.stem]
    if entry.source:
        parts.append(entry.source.stem)
    if entry.saved_at:
        local = entry.saved_at.astimezone()
        parts += [local.strftime("%Y-%m-%d"), local.strftime("%d/%m/%Y"), _tanggal(local),
                  f"{local.day}/{local.month}/{local.year}"]
    return _norm(" | ".join(parts))


def _tanggal(stamp: datetime) -> str:
    return f"{stamp.day} {BULAN[stamp.month - 1]} {stamp.year}"


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _parse(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    except OSError:
        return None


def _sort_key(entry: BrowserEntry) -> float:
    return entry.saved_at.timestamp() if entry.saved_at else 0.0


__all__ = ["AutosaveStore", "BrowserEntry", "RecentDrafts", "browse", "matches"]
