"""Autosave and crash recovery (:class:`DraftAutosave`, a mixin of
:class:`~.draft_files.DraftFiles`): the draft is saved aside a few idle seconds after a
change (at the latest AUTOSAVE_MAX_S after the first unsaved one), and at start-up the
drafts of a session that ended without closing are offered back.

Its texts belong to DraftFiles (the class they are shown by), hence ``translate``."""

from __future__ import annotations

import contextlib
import time

from PIL import Image
from PySide6.QtCore import QCoreApplication, QTimer

from ...core.io.draft_file import cleanup_workdirs
from ...core.io.draft_photos import prepare_photos
from ...core.template.roles import draft_title
from ..dialogs.recovery import RecoveryDialog
from ..tasks import error_line, ignore_result

translate = QCoreApplication.translate

AUTOSAVE_IDLE_MS = 3000  # autosave after this long without a change
AUTOSAVE_MAX_S = 30.0  # ... or at the latest this long after the first unsaved change


class DraftAutosave:
    """The autosave timer and store of a :class:`~.draft_files.DraftFiles`, and the
    recovery offer at start-up."""

    # ------------------------------------------------------------ start-up and recovery
    def startup(self, paths: list[str] | None = None) -> None:
        """After the window is shown: open a file given on the command line, offer drafts
        an earlier session left behind, tidy old work folders. With neither, the day-two bar
        offers the last draft (not on the first start; see :mod:`kontenopd.ui.dialogs.daytwo`)."""
        recoverable = self.store.recoverable() if self.store is not None else []
        if not recoverable:  # work folders may still hold photos an autosave links to
            workdir = self.workdir
            self.runner.run(lambda: cleanup_workdirs(workdir), ignore_result, -20)
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
            self._status(translate("DraftFiles", "Draf simpanan otomatis tetap bisa dibuka lewat "
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

    def _prepare_photos(self) -> None:
        """Photos are shrunk/stripped for saving in the background as soon as they are
        added, so Ctrl+S is quick even with 24-megapixel camera photos."""
        paths = {ref.path for refs in self.document.draft.photos.values() for ref in refs}
        new = sorted(paths - self._prepared)
        if new:
            self._prepared.update(new)
            self.runner.run(lambda: prepare_photos(new), ignore_result, -10)

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
            self._status(translate("DraftFiles", "Simpan otomatis gagal: {message}").format(
                message=error_line(error, type(error).__name__)), 10000)
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
            self.runner.run(self.store.discard, ignore_result)
