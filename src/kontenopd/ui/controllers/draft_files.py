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

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
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
    save_draft,
)
from ...core.io.draft_schema import draft_to_dict
from ...core.io.profile_file import ProfileStore
from ...core.model.records import Draft, Profile, slugify
from ...core.paths import AppPaths
from ...core.photos.cache import PhotoCache
from ...core.store.autosave import AutosaveStore, BrowserEntry, RecentDrafts, browse
from ...core.template.roles import draft_title, post_title
from ...core.template.schema import Template
from ..dialogs.draft_dialogs import DISCARD, SAVE, DraftFileDialogs, UnsavedChangesDialog
from ..folders import remember_folder, start_folder
from ..models.document import Document
from ..panels.draft_browser import DraftBrowser, format_when
from ..tasks import SyncRunner, TaskRunner, error_line, ignore_result
from .draft_autosave import AUTOSAVE_IDLE_MS, DraftAutosave
from .draft_opening import DraftOpening

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


class DraftFiles(DraftOpening, DraftAutosave, QObject):
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
            from ..panels.preview_render import preview_render  # noqa: PLC0415

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
            message = error_line(error, self.tr("Draf gagal disimpan ({kind}).").format(
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
                                                saved_at=saved_at), ignore_result)
        if not doc.modified:
            self._discard_autosave()
        self.title_changed.emit()
        self.saved.emit(resolved)
        self._status(self.tr("Tersimpan: {name}, {when}.").format(
            name=path.name, when=format_when(saved_at)), 8000)
        if then is not None:
            then()

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

    def _profile_changed(self) -> None:
        if self._loading:
            return
        self._user_profile = None  # the user picked a profile from the menu
        if self.document.path is not None:
            self.document.mark_unsaved()


