"""Draft files in the window: New, Open, Open Recent, Save, Save As, the Draf browser,
autosave every few idle seconds and the crash-recovery offer at start-up.

:class:`DraftFiles` is the controller the main window owns (``window.files``): it is given
what it works with (:class:`DraftFilesSetup`) and a parent widget for its questions, and
tells the window what to show by signal (``status``, ``title_changed``, ``draft_opened``…).
Slow work (opening, saving, preparing photos, autosave) runs on its own one-thread pool,
renders of the small preview stored in a file run on the window's render pool, and the GUI
thread only takes snapshots and applies results. Its dialogs (:mod:`.draft_dialogs`) expose
classmethods returning the user's choice so tests can patch them (STYLE.md rule 7).
"""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from PIL import Image
from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QMenu,
    QMessageBox,
    QProgressBar,
    QWidget,
)

from ...core.errors import KontenError
from ...core.io.draft_file import (
    SUFFIX,
    THUMBNAIL_SIDE,
    OpenedDraft,
    cleanup_workdirs,
    draft_to_dict,
    load_draft,
    prepare_photos,
    save_draft,
)
from ...core.io.profile_file import ProfileStore, same_profile
from ...core.model.records import Draft, Profile, slugify
from ...core.paths import AppPaths
from ...core.photos.cache import PhotoCache
from ...core.store.autosave import AutosaveStore, BrowserEntry, RecentDrafts, browse
from ...core.template.library import Template
from ...core.template.roles import draft_title, post_title
from ..dialogs.draft_dialogs import DISCARD, SAVE, DraftFileDialogs, UnsavedChangesDialog
from ..dialogs.draft_profile import DraftProfileDialog
from ..dialogs.profile_dialog import profile_name, profile_title
from ..dialogs.recovery import RecoveryDialog
from ..folders import remember_folder, start_folder
from ..models.document import Document
from ..panels.draft_browser import DraftBrowser, format_when
from ..tasks import SyncRunner, TaskRunner

AUTOSAVE_IDLE_MS = 3000  # autosave after this long without a change
AUTOSAVE_MAX_S = 30.0  # ... or at the latest this long after the first unsaved change


def _ignore(_result: object, _error: BaseException | None) -> None:
    return None


def _message(error: BaseException, fallback: str) -> str:
    """One line for the user: the error's own Indonesian text, else ``fallback``."""
    if isinstance(error, KontenError) and str(error).strip():
        return " ".join(str(error).split())
    return fallback


def _known_profile(opened: OpenedDraft, current: Profile,
                   profiles: Path) -> tuple[bool, Profile | None]:
    """For the worker that opens a draft: whether its profile gives the same cards as the
    ``current`` one, and else the stored profile (under ``profiles``) that does, if any."""
    if same_profile(opened.profile, current):
        return True, None
    if not opened.profile_from_file:
        return False, None
    return False, ProfileStore(profiles).find_same(opened.profile)


# ---------------------------------------------------------------- the controller


@dataclass(frozen=True)
class DraftFilesSetup:
    """What :class:`DraftFiles` works with: the ``document`` it saves and loads (its
    library opens drafts), the app's ``paths`` and ``settings``, the user's ``profiles``,
    and the photo ``cache`` and ``render_runner`` the small preview stored in a file is
    rendered with."""

    document: Document
    paths: AppPaths
    settings: QSettings
    profiles: ProfileStore
    cache: PhotoCache
    render_runner: TaskRunner | SyncRunner


class DraftFiles(QObject):
    """Save / open / recent / autosave for one document. It owns its actions and asks its
    questions over ``parent``; what the window shows in return it hears by signal."""

    status = Signal(str, int)  # a message for the status bar, for so many ms (0: until next)
    title_changed = Signal()  # the draft's name or its unsaved mark may have changed
    draft_started = Signal()  # Baru: an empty post replaced the draft
    # A draft was opened, recovered or made like another: the form and preview start afresh;
    # True when it came with another identity (the thumbnails are drawn again).
    draft_opened = Signal(bool)
    saved = Signal(object)  # Path: the draft was written to this file
    close_requested = Signal()  # Simpan in "Simpan perubahan?" before closing has finished
    nothing_opened = Signal()  # start-up opened and offered nothing (the day-two bar may)

    def __init__(self, setup: DraftFilesSetup, parent: QWidget,
                 runner: TaskRunner | SyncRunner | None = None,
                 store: AutosaveStore | None = None) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # of the actions, menus and questions
        self.document = setup.document
        self.library = setup.document.library
        self.paths = setup.paths
        self.settings = setup.settings
        self.profiles = setup.profiles
        self.cache = setup.cache
        self.render_runner = setup.render_runner
        if runner is None:
            runner = SyncRunner() if isinstance(self.render_runner, SyncRunner) \
                else TaskRunner()
        self.runner = runner
        self.workdir = self.paths.cache / "drafts"
        self.recent = RecentDrafts(self.paths)
        self.store: AutosaveStore | None = store or AutosaveStore(self.paths)
        try:
            self.store.start()
        except KontenError as exc:  # e.g. a read-only data folder: work on, without autosave
            self.store = None
            self._autosave_error = str(exc)
        else:
            self._autosave_error = ""
        self._user_profile: Profile | None = None  # set while a draft's own profile is shown
        self._after_open: list[Callable[[], None]] = []  # see when_opened()
        # not a QSignalBlocker on the Document: the form, preview and title follow a load
        self._loading = False
        self._saving = False
        self._opening = False
        self._settling = False
        self._autosaving = False
        self._autosaved = False  # this session's autosave file exists
        self._dirty_since: float | None = None
        self._recovered: list[BrowserEntry] = []  # forget these once our autosave holds them
        self._prepared: set[str] = set()
        self._busy_count = 0
        self._closed = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_IDLE_MS)
        self.timer.timeout.connect(self.autosave_now)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(110)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self._build_actions()
        self.document.changed.connect(self._changed)
        self.document.captions_changed.connect(self._changed)  # autosave them too
        self.document.modified_changed.connect(self._modified_changed)
        self.document.profile_changed.connect(self._profile_changed)

    # ------------------------------------------------------------ actions and menus
    def _build_actions(self) -> None:
        w = self.parent_widget

        def action(shortcuts: list[QKeySequence | QKeySequence.StandardKey | str],
                   slot: Callable[[], Any]) -> QAction:
            act = QAction(w)
            act.setShortcuts([QKeySequence(s) for s in shortcuts])
            act.triggered.connect(lambda _on=False: slot())
            w.addAction(act)
            return act

        self.act_open = action([QKeySequence.StandardKey.Open], self.open_dialog)
        self.act_save = action([QKeySequence.StandardKey.Save], self.save)
        self.act_save_as = action(["Ctrl+Shift+S"], self.save_as)
        self.act_browser = action(["Ctrl+Shift+O"], self.show_browser)
        self.act_clear_recent = QAction(w)
        self.act_clear_recent.triggered.connect(self.clear_recent)
        self.menu_recent = QMenu(w)
        self.menu_recent.setToolTipsVisible(True)
        self.menu_recent.aboutToShow.connect(self.fill_recent_menu)

    def add_to_menu(self, menu: QMenu) -> None:
        """Buka…, Draf Terbaru, Draf…, Simpan, Simpan Sebagai… (after Baru)."""
        menu.addAction(self.act_open)
        menu.addMenu(self.menu_recent)
        menu.addAction(self.act_browser)
        menu.addSeparator()
        menu.addAction(self.act_save)
        menu.addAction(self.act_save_as)

    def retranslate(self) -> None:
        self.act_open.setText(self.tr("B&uka…"))
        self.act_open.setToolTip(self.tr("Buka draf yang tersimpan (Ctrl+O)"))
        self.act_save.setText(self.tr("&Simpan"))
        self.act_save.setToolTip(self.tr("Simpan draf ini (Ctrl+S)"))
        self.act_save_as.setText(self.tr("Simpan Seb&agai…"))
        self.act_browser.setText(self.tr("&Draf…"))
        self.act_browser.setToolTip(self.tr("Draf terbaru dan simpanan otomatis, dengan "
                                            "pratinjau dan pencarian"))
        self.act_clear_recent.setText(self.tr("Bersihkan daftar"))
        self.menu_recent.setTitle(self.tr("Draf &Terbaru"))
        self.busy.setToolTip(self.tr("Sedang bekerja…"))

    def fill_recent_menu(self) -> None:
        menu = self.menu_recent
        menu.clear()
        entries = self.recent.entries()
        for i, entry in enumerate(entries):
            label = entry.path.name
            if entry.title:
                label = f"{entry.title} — {label}"
            if len(label) > 70:
                label = label[:69] + "…"
            if not entry.exists:
                label = self.tr("{name} (tidak ditemukan)").format(name=label)
            prefix = f"&{i + 1} " if i < 9 else ""
            act = menu.addAction(prefix + label.replace("&", "&&"))
            act.setToolTip(str(entry.path))
            act.setData(str(entry.path))
            act.triggered.connect(lambda _on=False, p=entry.path: self.open_recent(p))
        if not entries:
            empty = menu.addAction(self.tr("(belum ada)"))
            empty.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.act_clear_recent)
        self.act_clear_recent.setEnabled(bool(entries))

    def clear_recent(self) -> None:
        self.recent.clear()

    # ------------------------------------------------------------ small helpers
    def _status(self, text: str, msecs: int = 6000) -> None:
        self.status.emit(text, msecs)

    def _set_busy(self, delta: int) -> None:
        self._busy_count = max(0, self._busy_count + delta)
        self.busy.setVisible(self._busy_count > 0)

    @property
    def working(self) -> bool:
        """A save or an open is running."""
        return self._saving or self._opening

    def display_name(self) -> str:
        doc = self.document
        if doc.path is not None:
            return doc.path.name
        return post_title(doc.draft, doc.template)

    def window_title(self) -> str:
        return f"{self.display_name().replace('[*]', '')}[*] — KontenOPD"

    def _folder(self) -> str:
        return start_folder(self.settings, "drafts/folder")

    def _remember_folder(self, path: Path) -> None:
        remember_folder(self.settings, "drafts/folder", path.parent)

    def _suggested_path(self) -> str:
        doc = self.document
        if doc.path is not None:
            return str(doc.path.with_suffix(SUFFIX) if doc.path.suffix.lower() != SUFFIX
                       else doc.path)
        name = slugify(post_title(doc.draft, doc.template))
        return str(Path(self._folder()) / f"{name}{SUFFIX}")

    def _thumbnail_then(self, template: Template, draft: Draft, profile: Profile,
                        then: Callable[[Image.Image | None], None]) -> None:
        """Render the small preview stored in a file on the render pool, then ``then``."""
        if template.id != draft.template:
            then(None)
            return
        fmt = next((f for f in draft.formats if f in template.formats),
                   template.format_keys[0])
        spec = template.formats[fmt]
        scale = THUMBNAIL_SIDE / max(spec.width, spec.height)
        cache = self.cache

        def job() -> Image.Image:
            from ..panels.preview import preview_render  # noqa: PLC0415

            return preview_render(template, fmt, draft, profile, scale, cache).image

        self.render_runner.run(job, lambda image, error: then(image if error is None else None),
                               -5)

    # ------------------------------------------------------------ asking before losing work
    def confirm(self, proceed: Callable[[], None],
                cancelled: Callable[[], None] | None = None) -> None:
        """Run ``proceed`` once unsaved changes are saved or the user lets them go."""
        if not self.document.modified:
            proceed()
            return
        choice = UnsavedChangesDialog.ask(self.parent_widget, self.display_name())
        if choice == SAVE:
            if not self.save(then=proceed) and cancelled is not None:
                cancelled()
        elif choice == DISCARD:
            proceed()
        elif cancelled is not None:
            cancelled()

    def confirm_close(self) -> bool:
        """For closeEvent: True to close now. Choosing Simpan saves first and closes the
        window when the save has finished."""
        if self._saving:
            self._status(self.tr("Draf masih disimpan; tunggu sebentar lalu tutup lagi."))
            return False
        if not self.document.modified:
            return True
        choice = UnsavedChangesDialog.ask(self.parent_widget, self.display_name())
        if choice == DISCARD:
            return True
        if choice == SAVE:
            self.save(then=lambda: QTimer.singleShot(0, self.close_requested.emit))
        return False

    def shutdown(self) -> None:
        """Clean exit: wait for file work, drop this session's autosave, release its lock."""
        self._closed = True
        self.timer.stop()
        self.runner.wait(30000)
        if self.store is not None:
            self._forget_recovered()
            self.store.close()

    # ------------------------------------------------------------ new
    def new_draft(self) -> None:
        self.confirm(self._start_new)

    def _start_new(self) -> None:
        doc = self.document
        profile, self._user_profile = self._user_profile, None
        self._loading = True
        try:
            from ...core import editing  # noqa: PLC0415

            doc.load(editing.new_draft(doc.template), doc.template, profile)
        finally:
            self._loading = False
        self.draft_started.emit()
        self._discard_autosave()
        self._status(self.tr("Konten baru dimulai."), 4000)

    def new_like(self, path: Path) -> bool:
        """"Buat seperti kemarin": a new post made like the draft at ``path`` (read in the
        background): its template, formats, settings and hashtags kept, its content cleared,
        today's date, no photos (:func:`kontenopd.core.editing.like_yesterday`). The new post
        has no file, so Simpan asks for a name and ``path`` is never overwritten."""
        path = Path(path)
        if self._opening:
            self._status(self.tr("Draf lain masih dibuka; tunggu sebentar."))
            return False
        self._opening = True
        self._set_busy(+1)
        current = self._user_profile or self.document.profile
        profiles = self.profiles.root
        today = date.today()

        def job() -> tuple[OpenedDraft, bool, Profile | None]:
            opened = load_draft(path, workdir=self.workdir, library=self.library)
            try:
                return opened, *_known_profile(opened, current, profiles)
            finally:  # (logos compared by bytes first) its photos and logos are not needed
                if opened.workdir is not None:
                    shutil.rmtree(opened.workdir, ignore_errors=True)

        def done(result: Any, error: BaseException | None) -> None:
            self._opening = False
            self._set_busy(-1)
            self._settling = True
            try:
                if not self._closed:
                    self._like_opened(path, result, error, today)
            finally:
                self._settling = False
                waiting, self._after_open = self._after_open, []
                for callback in waiting:
                    QTimer.singleShot(0, callback)

        self.runner.run(job, done)
        return True

    def _like_opened(self, path: Path, result: Any, error: BaseException | None,
                     today: date) -> None:
        from ...core import editing  # noqa: PLC0415

        if error is not None:
            self._open_failed(path, error)
            return
        opened, same, known = result
        template = self.library.templates.get(opened.draft.template)
        if template is None:
            message = self.tr("Templat draf {name} tidak terpasang lagi; pilih templat di "
                              "galeri untuk konten baru.").format(name=path.name)
            self._status(message, 10000)
            return
        # The same identity as yesterday's post: a stored profile giving the same cards, else
        # the profile in use (a draft's own unstored identity is not carried into a new post).
        profile = known if (not same and known is not None) else self._user_profile

        def start() -> None:
            self._user_profile = None
            if profile is not None and profile is known:
                self.settings.setValue("profile", profile.id)
            self._loading = True
            try:
                self.document.load(editing.like_yesterday(template, opened.draft, today),
                                   template, profile)
            finally:
                self._loading = False
            self.draft_opened.emit(profile is not None)
            self._discard_autosave()
            self.title_changed.emit()
            self._status(self.tr("Konten baru seperti “{name}”: isi dan foto dikosongkan, "
                                 "pengaturan dan tagar dibawa.").format(
                name=opened.title or path.stem), 12000)

        self.confirm(start)

    # ------------------------------------------------------------ saving
    def save(self, then: Callable[[], None] | None = None) -> bool:
        """Save to the document's file (or ask for one). Returns False when nothing was
        started (cancelled, or a save is already running); ``then`` runs after success."""
        path = self.document.path
        if path is None or path.suffix.lower() != SUFFIX:
            return self.save_as(then)
        return self.save_to(path, then)

    def save_as(self, then: Callable[[], None] | None = None) -> bool:
        path = DraftFileDialogs.save_path(self.parent_widget, self._suggested_path())
        if path is None:
            return False
        if path.suffix.lower() != SUFFIX:  # "rapat" or "rapat.jpg" typed: add .kontenopd
            path = path.with_name(path.name + SUFFIX)
        return self.save_to(path, then)

    def save_to(self, path: Path, then: Callable[[], None] | None = None) -> bool:
        if self._saving:
            self._status(self.tr("Draf masih disimpan; tunggu sebentar."))
            return False
        doc = self.document
        path = Path(path)
        self._saving = True
        self._set_busy(+1)
        self._remember_folder(path)
        draft, profile, template = doc.draft.copy(), doc.profile, doc.template
        snapshot = draft_to_dict(draft)
        self._status(self.tr("Menyimpan {name}…").format(name=path.name), 0)

        def write(thumbnail: Image.Image | None) -> None:
            title = draft_title(draft, template)  # what the Draf browser will show
            self.runner.run(lambda: save_draft(path, draft, profile, thumbnail=thumbnail,
                                               title=title),
                            lambda result, error: self._saved(path, draft, snapshot, error,
                                                              then))

        self._thumbnail_then(template, draft, profile, write)
        return True

    def _saved(self, path: Path, draft: Draft, snapshot: dict[str, Any],
               error: BaseException | None, then: Callable[[], None] | None) -> None:
        self._saving = False
        self._set_busy(-1)
        doc = self.document
        if error is not None:
            message = _message(error, self.tr("Draf gagal disimpan ({kind}).").format(
                kind=type(error).__name__))
            self._status(message, 10000)
            QMessageBox.warning(self.parent_widget, self.tr("Draf belum tersimpan"), self.tr(
                "{message}\n\nPerubahan masih ada di jendela ini; coba simpan lagi atau pilih "
                "Simpan Sebagai… ke folder lain.").format(message=message))
            return
        saved_at = datetime.now(timezone.utc).replace(microsecond=0)
        resolved = path.resolve()
        if draft_to_dict(doc.draft) == snapshot:
            doc.mark_saved(resolved, saved_at)
        else:  # edited while saving: the file is this document's, the newest edits are not in it
            doc.path, doc.saved_at = resolved, saved_at
        title = draft_title(draft, doc.library.templates.get(draft.template))
        self.runner.run(lambda: self.recent.add(resolved, draft=draft, title=title,
                                                saved_at=saved_at), _ignore)
        if not doc.modified:
            self._discard_autosave()
        self.title_changed.emit()
        self.saved.emit(resolved)
        self._status(self.tr("Tersimpan: {name}, {when}.").format(
            name=path.name, when=format_when(saved_at)), 8000)
        if then is not None:
            then()

    # ------------------------------------------------------------ opening
    def open_dialog(self) -> None:
        path = DraftFileDialogs.open_path(self.parent_widget, self._folder())
        if path is not None:
            self.open_path(path)

    def open_recent(self, path: Path) -> None:
        if not path.is_file():
            answer = QMessageBox.question(
                self.parent_widget, self.tr("Draf tidak ditemukan"),
                self.tr("Berkas {path} tidak ditemukan: mungkin dipindah, dihapus, atau ada di "
                        "flashdisk yang belum dipasang.\n\nHapus dari daftar Draf Terbaru?")
                .format(path=path))
            if answer == QMessageBox.StandardButton.Yes:
                self.recent.remove(path)
            return
        self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open a draft file (in the background); asks about unsaved changes once the file
        has been read, so a damaged file never costs the current work anything."""
        path = Path(path)
        if self._opening:
            self._status(self.tr("Draf lain masih dibuka; tunggu sebentar."))
            return False
        self._opening = True
        self._set_busy(+1)
        self._status(self.tr("Membuka {name}…").format(name=path.name), 0)
        current = self._user_profile or self.document.profile
        profiles = self.profiles.root

        def job() -> tuple[OpenedDraft, bool, Profile | None]:
            opened = load_draft(path, workdir=self.workdir, library=self.library)
            return opened, *_known_profile(opened, current, profiles)

        self.runner.run(job, lambda result, error: self._opened(path, result, error))
        return True

    def recover(self, entry: BrowserEntry) -> bool:
        """Open an autosave left by a session that ended without closing (crash, power)."""
        if self.store is None or self._opening:
            return False
        self._opening = True
        self._set_busy(+1)
        current = self._user_profile or self.document.profile
        store = self.store
        profiles = self.profiles.root

        def job() -> tuple[OpenedDraft, bool, Profile | None]:
            opened = store.recover(entry, workdir=self.workdir, library=self.library)
            return opened, *_known_profile(opened, current, profiles)

        self.runner.run(job, lambda result, error: self._opened(entry.path, result, error,
                                                                entry))
        return True

    def _opened(self, path: Path, result: Any, error: BaseException | None,
                entry: BrowserEntry | None = None) -> None:
        self._opening = False
        self._set_busy(-1)
        self._settling = True  # questions about the opened draft may still be asked
        try:
            self._opened_now(path, result, error, entry)
        finally:
            self._settling = False
            waiting, self._after_open = self._after_open, []
            for callback in waiting:
                QTimer.singleShot(0, callback)

    def when_opened(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` now, or once the draft being opened is open (or refused)."""
        if self.opening:
            self._after_open.append(callback)
        else:
            callback()

    @property
    def opening(self) -> bool:
        """A draft is being read, or the questions about it are being asked."""
        return self._opening or self._settling

    @property
    def showing_draft_profile(self) -> bool:
        """The document shows the identity a draft carries, which is none of my profiles."""
        return self._user_profile is not None

    def _open_failed(self, path: Path, error: BaseException) -> None:
        """A draft could not be read: said in the status bar and in a warning."""
        message = _message(error, self.tr("Draf tidak bisa dibuka: {name} ({kind}).")
                           .format(name=path.name, kind=type(error).__name__))
        self._status(message, 10000)
        QMessageBox.warning(self.parent_widget, self.tr("Draf tidak bisa dibuka"), message)

    def _opened_now(self, path: Path, result: Any, error: BaseException | None,
                    entry: BrowserEntry | None) -> None:
        if self._closed:  # the window closed while the file was being read
            return
        if error is not None:
            self._open_failed(path, error)
            return
        opened, same, known = result

        def drop() -> None:
            if opened.workdir is not None:
                shutil.rmtree(opened.workdir, ignore_errors=True)
            self._status(self.tr("Batal membuka {name}.").format(name=path.name), 4000)

        self.confirm(lambda: self._apply(opened, same, known, entry), drop)

    def _draft_profile(self, opened: OpenedDraft, known: Profile | None,
                       name: str) -> tuple[Profile, bool, str]:
        """Which identity an opened draft whose profile is not the active one gets: (the
        profile, whether the draft changes with it, a note for the status bar). A stored
        profile giving the same cards is used as it is; otherwise the user is asked once."""
        store = self.profiles
        if known is not None:
            self._user_profile = None
            self.settings.setValue("profile", known.id)
            return known, False, self.tr("Profil dipakai: {name}.").format(
                name=profile_name(known))
        mine = store.list()
        current = self._user_profile or self.document.profile
        choice, chosen = DraftProfileDialog.ask(self.parent_widget, opened.profile, mine,
                                                current.id, name)
        if choice == DraftProfileDialog.USE_DRAFT:
            wanted = opened.profile.id
            if not wanted or slugify(wanted, 60) != wanted or store.exists(wanted):
                wanted = store.unique_id(opened.profile.opd_name or "profil")
            try:
                saved = store.save(replace(opened.profile, id=wanted))
            except KontenError as exc:
                QMessageBox.warning(self.parent_widget, self.tr("Profil draf belum disimpan"),
                                    self.tr("{message}\n\nDraf tetap memakai identitasnya "
                                            "sendiri.").format(message=exc))
            else:
                self._user_profile = None
                self.settings.setValue("profile", saved.id)
                return saved, False, self.tr("Profil draf disimpan ke daftar profil dan "
                                             "dipakai: {name}.").format(
                    name=profile_name(saved))
        elif choice == DraftProfileDialog.SWITCH and chosen is not None:
            self._user_profile = None
            self.settings.setValue("profile", chosen.id)
            return chosen, True, self.tr("Draf dipindah ke profil {name}; simpan untuk "
                                         "menyimpan perubahannya.").format(
                name=profile_name(chosen))
        if self._user_profile is None:
            self._user_profile = self.document.profile
        return opened.profile, False, self.tr(
            "Draf memakai identitasnya sendiri ({name}), tanpa disimpan sebagai profil; ganti "
            "lewat menu Profil.").format(name=profile_title(opened.profile))

    def _apply(self, opened: OpenedDraft, same: bool, known: Profile | None,
               entry: BrowserEntry | None) -> None:
        doc = self.document
        template = self.library.templates.get(opened.draft.template) or doc.template
        profile: Profile | None = None
        switched = False
        notes: list[str] = []
        if opened.profile_from_file and not same:
            name = opened.path.name if opened.path is not None else draft_title(opened.draft)
            profile, switched, note = self._draft_profile(opened, known, name)
            notes.append(note)
        elif self._user_profile is not None:
            profile, self._user_profile = self._user_profile, None
        recovered = entry is not None
        self._loading = True
        try:
            doc.load(opened.draft, template, profile, path=opened.path,
                     saved_at=None if recovered else opened.saved_at, unsaved=recovered)
        finally:
            self._loading = False
        if switched:  # the draft now carries another identity than its file
            doc.mark_unsaved()
        self.draft_opened.emit(profile is not None and not self.showing_draft_profile)
        self.title_changed.emit()
        notices = list(opened.notices)
        if recovered:
            first = notices.pop(0) if notices else ""
            self._recovered.append(entry)
            self._status(" ".join([first, *notes]), 15000)
            self.autosave_now()  # this session now holds the recovered work
        else:
            if opened.path is not None:
                path = opened.path
                self.runner.run(lambda: self.recent.add(path, draft=opened.draft,
                                                        title=opened.title or None,
                                                        saved_at=opened.saved_at), _ignore)
            self._discard_autosave()
            when = format_when(opened.saved_at) if opened.saved_at else ""
            text = self.tr("Draf dibuka: {name} (disimpan {when}).").format(
                name=self.display_name(), when=when) if when else \
                self.tr("Draf dibuka: {name}.").format(name=self.display_name())
            self._status(" ".join([text, *notes]), 12000)
        if notices:
            QMessageBox.information(
                self.parent_widget, self.tr("Catatan saat membuka draf"),
                self.tr("Draf dibuka, dengan catatan berikut:") + "\n\n"
                + "\n".join(f"• {n}" for n in notices))

    # ------------------------------------------------------------ browser
    def show_browser(self) -> None:
        entries = browse(paths=self.paths, store=self.store, include_missing=True) \
            if self.store is not None else RecentDrafts(self.paths).entries()
        action, entry = DraftBrowser.choose(self.parent_widget, entries, self.runner)
        if action == DraftBrowser.BROWSE:
            self.open_dialog()
        elif action == DraftBrowser.OPEN and entry is not None:
            if entry.kind == "autosave":
                self.recover(entry)
            else:
                self.open_recent(entry.path)

    # ------------------------------------------------------------ start-up and recovery
    def startup(self, paths: list[str] | None = None) -> None:
        """After the window is shown: open a file given on the command line, offer drafts
        an earlier session left behind, tidy old work folders. With neither, the day-two bar
        offers the last draft (not on the first start; see :mod:`kontenopd.ui.dialogs.daytwo`)."""
        recoverable = self.store.recoverable() if self.store is not None else []
        if not recoverable:  # work folders may still hold photos an autosave links to
            workdir = self.workdir
            self.runner.run(lambda: cleanup_workdirs(workdir), _ignore, -20)
        if self._autosave_error:
            self._status(self._autosave_error, 10000)
        if paths:
            self.open_path(paths[0])
        if recoverable:
            QTimer.singleShot(0, self.offer_recovery)
        elif not paths:
            self.nothing_opened.emit()

    def offer_recovery(self) -> None:
        """Offer the drafts of sessions that ended without closing: Pulihkan / Buang / Nanti."""
        if self.store is None:
            return
        entries = self.store.recoverable()
        while entries:
            action, entry = RecoveryDialog.ask(self.parent_widget, entries)
            if action == RecoveryDialog.RECOVER and entry is not None:
                self.recover(entry)
                return
            if action == RecoveryDialog.DISCARD and entry is not None:
                self.store.forget(entry)
                entries = [e for e in entries if e.path != entry.path]
                continue
            self._status(self.tr("Draf simpanan otomatis tetap bisa dibuka lewat "
                                 "Berkas ▸ Draf…"), 8000)
            return

    # ------------------------------------------------------------ autosave
    def _changed(self, _key: str) -> None:
        if self.document.path is None:
            self.title_changed.emit()
        self._prepare_photos()
        if self._loading or self.store is None:
            return
        if not self.document.modified:
            return
        now = time.monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
        if now - self._dirty_since > AUTOSAVE_MAX_S:
            self.autosave_now()
        else:
            self.timer.start()

    def _modified_changed(self, modified: bool) -> None:
        if modified and not self._loading and self.store is not None:
            if self._dirty_since is None:
                self._dirty_since = time.monotonic()
            self.timer.start()

    def _profile_changed(self) -> None:
        if self._loading:
            return
        self._user_profile = None  # the user picked a profile from the menu
        if self.document.path is not None:
            self.document.mark_unsaved()

    def _prepare_photos(self) -> None:
        """Photos are shrunk/stripped for saving in the background as soon as they are
        added, so Ctrl+S is quick even with 24-megapixel camera photos."""
        paths = {ref.path for refs in self.document.draft.photos.values() for ref in refs}
        new = sorted(paths - self._prepared)
        if new:
            self._prepared.update(new)
            self.runner.run(lambda: prepare_photos(new), _ignore, -10)

    def autosave_now(self) -> None:
        self.timer.stop()
        store = self.store
        doc = self.document
        if store is None:
            return
        if not doc.modified:
            self._dirty_since = None
            self._discard_autosave()
            return
        if self._autosaving:
            self.timer.start()
            return
        self._autosaving = True
        self._dirty_since = None
        draft, profile, template, source = doc.draft.copy(), doc.profile, doc.template, doc.path

        def write(thumbnail: Image.Image | None) -> None:
            if self._closed:  # the window closed meanwhile: a clean exit keeps no autosave
                self._autosaving = False
                return
            title = draft_title(draft, template)
            self.runner.run(lambda: store.save(draft, profile, source=source,
                                               thumbnail=thumbnail, title=title),
                            self._autosaved_done)

        self._thumbnail_then(template, draft, profile, write)

    def _autosaved_done(self, _result: object, error: BaseException | None) -> None:
        self._autosaving = False
        if self._closed:
            return
        if error is not None:
            self._status(self.tr("Simpan otomatis gagal: {message}").format(
                message=_message(error, type(error).__name__)), 10000)
            return
        self._autosaved = True
        if not self.document.modified:
            self._discard_autosave()
        else:
            self._forget_recovered()  # our autosave holds the recovered work now

    def _forget_recovered(self) -> None:
        store, entries, self._recovered = self.store, self._recovered, []
        if store is None:
            return
        for entry in entries:
            with contextlib.suppress(OSError, ValueError):
                store.forget(entry)

    def _discard_autosave(self) -> None:
        self.timer.stop()
        self._dirty_since = None
        self._forget_recovered()  # the recovered work was saved or deliberately let go
        if self.store is not None and self._autosaved:
            self._autosaved = False
            self.runner.run(self.store.discard, _ignore)
