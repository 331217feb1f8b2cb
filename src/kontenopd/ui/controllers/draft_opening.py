"""Opening drafts (:class:`DraftOpening`, a mixin of :class:`~.draft_files.DraftFiles`):
Buka…, Draf Terbaru, recovering an autosave and "Buat seperti kemarin". A file is read on
the controller's own thread; only then are the questions asked (unsaved changes here, the
identity a draft carries), so a damaged file never costs the current work anything.

Its texts belong to DraftFiles (the class they are shown by), hence ``translate``."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox

from ...core.errors import KontenError
from ...core.io.draft_file import load_draft
from ...core.io.draft_loader import OpenedDraft
from ...core.io.profile_file import ProfileStore, same_profile
from ...core.model.records import Profile, slugify
from ...core.store.autosave import BrowserEntry
from ...core.template.roles import draft_title
from ..dialogs.draft_dialogs import DraftFileDialogs
from ..dialogs.draft_profile import DraftProfileDialog
from ..dialogs.profile_dialog import profile_name, profile_title
from ..panels.draft_browser import format_when
from ..tasks import error_line, ignore_result

translate = QCoreApplication.translate


def _known_profile(opened: OpenedDraft, current: Profile,
                   profiles: Path) -> tuple[bool, Profile | None]:
    """For the worker that opens a draft: whether its profile gives the same cards as the
    ``current`` one, and else the stored profile (under ``profiles``) that does, if any."""
    if same_profile(opened.profile, current):
        return True, None
    if not opened.profile_from_file:
        return False, None
    return False, ProfileStore(profiles).find_same(opened.profile)


class DraftOpening:
    """Reading a draft in the background, then applying it to the document."""

    def new_like(self, path: Path) -> bool:
        """"Buat seperti kemarin": a new post made like the draft at ``path`` (read in the
        background): its template, formats, settings and hashtags kept, its content cleared,
        today's date, no photos (:func:`kontenopd.core.editing.like_yesterday`). The new post
        has no file, so Simpan asks for a name and ``path`` is never overwritten."""
        path = Path(path)
        started = self._start_reading()
        if started is None:
            return False
        current, profiles = started
        today = date.today()

        def job() -> tuple[OpenedDraft, bool, Profile | None]:
            opened = load_draft(path, workdir=self.workdir, library=self.library)
            try:
                return opened, *_known_profile(opened, current, profiles)
            finally:  # (logos compared by bytes first) its photos and logos are not needed
                if opened.workdir is not None:
                    shutil.rmtree(opened.workdir, ignore_errors=True)

        self.runner.run(job, lambda result, error: self._settled(
            path, error, lambda: self._like_opened(path, result, today)))
        return True

    def _like_opened(self, path: Path, result: Any, today: date) -> None:
        from ...core import editing  # noqa: PLC0415

        opened, same, known = result
        template = self.library.templates.get(opened.draft.template)
        if template is None:
            message = translate("DraftFiles", "Templat draf {name} tidak terpasang lagi; pilih "
                                "templat di galeri untuk konten baru.").format(name=path.name)
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
            self._status(translate("DraftFiles", "Konten baru seperti “{name}”: isi dan foto "
                                   "dikosongkan, pengaturan dan tagar dibawa.").format(
                name=opened.title or path.stem), 12000)

        self.confirm(start)

    def open_dialog(self) -> None:
        path = DraftFileDialogs.open_path(self.parent_widget, self._folder())
        if path is not None:
            self.open_path(path)

    def open_recent(self, path: Path) -> None:
        if not path.is_file():
            answer = QMessageBox.question(
                self.parent_widget, translate("DraftFiles", "Draf tidak ditemukan"),
                translate("DraftFiles", "Berkas {path} tidak ditemukan: mungkin dipindah, "
                          "dihapus, atau ada di flashdisk yang belum dipasang.\n\nHapus dari "
                          "daftar Draf Terbaru?")
                .format(path=path))
            if answer == QMessageBox.StandardButton.Yes:
                self.recent.remove(path)
            return
        self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open a draft file (in the background); asks about unsaved changes once the file
        has been read, so a damaged file never costs the current work anything."""
        path = Path(path)
        started = self._start_reading()
        if started is None:
            return False
        current, profiles = started
        self._status(translate("DraftFiles", "Membuka {name}…").format(name=path.name), 0)

        def job() -> tuple[OpenedDraft, bool, Profile | None]:
            opened = load_draft(path, workdir=self.workdir, library=self.library)
            return opened, *_known_profile(opened, current, profiles)

        self.runner.run(job, lambda result, error: self._opened(path, result, error))
        return True

    def recover(self, entry: BrowserEntry) -> bool:
        """Open an autosave left by a session that ended without closing (crash, power)."""
        store = self.store
        if store is None:
            return False
        started = self._start_reading(quiet=True)
        if started is None:
            return False
        current, profiles = started

        def job() -> tuple[OpenedDraft, bool, Profile | None]:
            opened = store.recover(entry, workdir=self.workdir, library=self.library)
            return opened, *_known_profile(opened, current, profiles)

        self.runner.run(job, lambda result, error: self._opened(entry.path, result, error,
                                                                entry))
        return True

    def _opened(self, path: Path, result: Any, error: BaseException | None,
                entry: BrowserEntry | None = None) -> None:
        self._settled(path, error, lambda: self._opened_now(path, result, entry))

    def _start_reading(self, *, quiet: bool = False) -> tuple[Profile, Path] | None:
        """A draft is about to be read: (the profile in use, the profiles folder) for the
        worker, or None while another is being read (said in the status bar unless
        ``quiet``)."""
        if self._opening:
            if not quiet:
                self._status(translate("DraftFiles", "Draf lain masih dibuka; tunggu sebentar."))
            return None
        self._opening = True
        self._set_busy(+1)
        return self._user_profile or self.document.profile, self.profiles.root

    def _settled(self, path: Path, error: BaseException | None,
                 work: Callable[[], None]) -> None:
        """The read of ``path`` has ended: ``work`` (which may still ask questions about the
        draft) unless it failed or the window closed meanwhile, then what waited for the
        draft to be open (see when_opened)."""
        self._opening = False
        self._set_busy(-1)
        self._settling = True
        try:
            if self._closed:  # the window closed while the file was being read
                pass
            elif error is not None:
                self._open_failed(path, error)
            else:
                work()
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
        message = error_line(error, translate(
            "DraftFiles", "Draf tidak bisa dibuka: {name} ({kind}).").format(
                name=path.name, kind=type(error).__name__))
        self._status(message, 10000)
        QMessageBox.warning(self.parent_widget,
                            translate("DraftFiles", "Draf tidak bisa dibuka"), message)

    def _opened_now(self, path: Path, result: Any, entry: BrowserEntry | None) -> None:
        opened, same, known = result

        def drop() -> None:
            if opened.workdir is not None:
                shutil.rmtree(opened.workdir, ignore_errors=True)
            self._status(translate("DraftFiles", "Batal membuka {name}.").format(
                name=path.name), 4000)

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
            return known, False, translate("DraftFiles", "Profil dipakai: {name}.").format(
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
                QMessageBox.warning(
                    self.parent_widget, translate("DraftFiles", "Profil draf belum disimpan"),
                    translate("DraftFiles", "{message}\n\nDraf tetap memakai identitasnya "
                              "sendiri.").format(message=exc))
            else:
                self._user_profile = None
                self.settings.setValue("profile", saved.id)
                return saved, False, translate("DraftFiles", "Profil draf disimpan ke daftar "
                                               "profil dan dipakai: {name}.").format(
                    name=profile_name(saved))
        elif choice == DraftProfileDialog.SWITCH and chosen is not None:
            self._user_profile = None
            self.settings.setValue("profile", chosen.id)
            return chosen, True, translate("DraftFiles", "Draf dipindah ke profil {name}; "
                                           "simpan untuk menyimpan perubahannya.").format(
                name=profile_name(chosen))
        if self._user_profile is None:
            self._user_profile = self.document.profile
        return opened.profile, False, translate("DraftFiles",
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
                                                        saved_at=opened.saved_at), ignore_result)
            self._discard_autosave()
            when = format_when(opened.saved_at) if opened.saved_at else ""
            text = translate("DraftFiles", "Draf dibuka: {name} (disimpan {when}).").format(
                name=self.display_name(), when=when) if when else \
                translate("DraftFiles", "Draf dibuka: {name}.").format(name=self.display_name())
            self._status(" ".join([text, *notes]), 12000)
        if notices:
            QMessageBox.information(
                self.parent_widget, translate("DraftFiles", "Catatan saat membuka draf"),
                translate("DraftFiles", "Draf dibuka, dengan catatan berikut:") + "\n\n"
                + "\n".join(f"• {n}" for n in notices))

