"""The main window: template gallery | editor form | live preview."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from ..core import editing
from ..core.errors import KontenError
from ..core.io.profile_file import ProfileStore, is_demo
from ..core.model.records import PhotoRef, Profile
from ..core.paths import AppPaths
from ..core.photos.cache import PhotoCache, check_photo
from ..core.template.library import Library, load_library
from . import i18n
from .actions import WindowActions
from .controllers.draft_files import DraftFiles, DraftFilesSetup
from .dialogs.daytwo import DayTwo
from .dialogs.profile_dialog import ProfileDialog, profile_name, profile_title
from .models.commands import SetPhotosCommand
from .models.document import Document
from .panels.photo_slot import IMAGE_FILTER_SUFFIXES, PICKER_THRESHOLD
from .photo_drops import PhotoDrops, image_paths
from .shortcuts import AppShortcutsFirst
from .tasks import SyncRunner, TaskRunner
from .window_layout import WindowLayout

if TYPE_CHECKING:  # imported when first used: each costs start-up time (numpy, sheets)
    from .dialogs.bulk_dialog import BulkDialog
    from .dialogs.guide import GuideDialog


class MainWindow(WindowActions, WindowLayout, PhotoDrops, QMainWindow):
    """Template gallery | editor form | live preview, with the menus and the draft files;
    its actions and menus (:mod:`.actions`), panels and layout (:mod:`.window_layout`) and
    dropped photos (:mod:`.photo_drops`) are built by its mixins."""

    def __init__(self, paths: AppPaths, settings: QSettings, library: Library | None = None,
                 runner: TaskRunner | SyncRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self._shut_down = False  # set by closeEvent once everything was saved and stopped
        self.library = library or load_library()
        self.runner = runner or TaskRunner()
        self.cache = PhotoCache()
        self.store = ProfileStore(paths.profiles)
        self.profile, self.first_start = self._initial_profile()
        if not self.library.templates:
            raise KontenError("Tidak ada templat yang bisa dimuat; instalasi tidak lengkap.")
        last = str(settings.value("template", ""))
        template = self.library.templates.get(last) or sorted(
            self.library.templates.values(), key=lambda t: (t.kind != "liputan", t.name))[0]
        self.document = Document(self.library, template, self.profile, self)
        self.files = DraftFiles(DraftFilesSetup(  # save / open / recent / autosave / recovery
            self.document, paths, settings, self.store, self.cache, self.runner), self)
        self._build_actions()
        self.day_two = DayTwo(self)  # the start-up "Lanjutkan / Buat seperti kemarin" bar
        self._build_panels()
        self.profile_label = QLabel()
        self.statusBar().addPermanentWidget(self.files.busy)
        self.statusBar().addPermanentWidget(self.profile_label)
        self._build_menus()
        self._add_panel_actions()
        self.gallery.select(template.id)
        self._connect_signals()
        QApplication.instance().installEventFilter(self)
        # Ctrl+E and the like work with the cursor in a text field (Linux fields claim them)
        QApplication.instance().installEventFilter(AppShortcutsFirst(self))
        self.retranslate()
        self._restore_layout()
        self.preview.request()
        QTimer.singleShot(0, self._render_thumbnails)

    # ------------------------------------------------------------ set-up
    def _initial_profile(self) -> tuple[Profile, bool]:
        wanted = str(self.settings.value("profile", ""))
        try:
            if wanted and self.store.exists(wanted):
                return self.store.load(wanted), False
            return self.store.first_or_create()
        except KontenError:
            from ..core.model.records import demo_profile  # noqa: PLC0415

            return demo_profile(), False

    def _connect_signals(self) -> None:
        """The panels, the document and the draft files to the window (and each other)."""
        self.gallery.template_chosen.connect(self.choose_template)
        self.form.add_photo_requested.connect(self.add_photos_dialog)
        self.form.paste_photo_requested.connect(self.paste_photo)
        self.preview.warnings_changed.connect(self.form.set_warnings)
        self.preview.warning_activated.connect(self.form.focus_field)
        self.preview.status.connect(lambda m: self.statusBar().showMessage(m, 6000))
        self.document.modified_changed.connect(self._update_title)
        self.document.template_changed.connect(self._template_changed)
        self.document.profile_changed.connect(self._update_title)
        self.files.status.connect(self.statusBar().showMessage)
        self.files.title_changed.connect(self._update_title)
        self.files.draft_started.connect(self.form.clear_photo_errors)
        self.files.draft_opened.connect(self._draft_opened)
        self.files.close_requested.connect(self.close)
        self.files.nothing_opened.connect(self.day_two.offer)

    def _side_tab_titles(self, *_args: object) -> None:
        self.side_tabs.setTabText(0, self.tr("Pratinjau"))
        self.side_tabs.setTabText(1, self.tr("Caption ⚠") if self.captions.has_problems
                                  else self.tr("Caption"))
        count = self.queue.list.count()
        self.side_tabs.setTabText(2, self.tr("Antrean ({n})").format(n=count) if count
                                  else self.tr("Antrean"))
        self.side_tabs.setTabToolTip(1, self.tr("Caption per platform, tagar, salin"))
        self.side_tabs.setTabToolTip(2, self.tr("Antrean ekspor dan ekspor sekaligus"))
        self.queue.act_export_current.setIconText(self.tr("Ekspor"))

    def retranslate(self) -> None:
        self.menu_file.setTitle(self.tr("&Berkas"))
        self.menu_edit.setTitle(self.tr("&Sunting"))
        self.menu_view.setTitle(self.tr("&Tampilan"))
        self.menu_formats.setTitle(self.tr("Format pratinjau"))
        self.menu_lang.setTitle(self.tr("Bahasa / Language"))
        self.menu_profile.setTitle(self.tr("&Profil"))
        self.menu_help.setTitle(self.tr("Ba&ntuan"))
        self.toolbar.setWindowTitle(self.tr("Bilah alat"))
        self.act_new.setText(self.tr("&Baru"))
        self.act_new.setToolTip(self.tr("Mulai konten baru dengan templat ini (Ctrl+N)"))
        self.act_quit.setText(self.tr("&Keluar"))
        self._undo_texts()
        self.act_add_photo.setText(self.tr("Tambah foto…"))
        self.act_add_photo.setToolTip(self.tr("Pilih foto dari komputer"))
        self.act_paste_photo.setText(self.tr("Tempel foto"))
        self.act_sample.setText(self.tr("Isi dengan contoh"))
        self.act_bulk.setText(self.tr("Buat &Massal dari Lembar Kerja…"))
        self.act_bulk.setToolTip(self.tr("Satu postingan per baris lembar Excel/CSV "
                                         "(Ctrl+Shift+M)"))
        self.act_grid.setText(self.tr("Grid Instagram 3:4"))
        self.act_grid.setToolTip(self.tr("Tampilkan bagian yang terlihat di grid profil "
                                         "Instagram (3:4)"))
        self.act_safe.setText(self.tr("Zona aman story"))
        self.act_safe.setToolTip(self.tr("Tandai bagian atas dan bawah story yang tertutup "
                                         "tombol aplikasi"))
        self.act_profiles.setText(self.tr("Kelola profil…"))
        self.act_profiles.setToolTip(self.tr("Nama, logo, warna dan akun OPD"))
        self.act_guide.setText(self.tr("&Panduan singkat"))
        self.act_about.setText(self.tr("Tentang KontenOPD"))
        self.files.retranslate()
        self._side_tab_titles()
        self._update_title()

    def _undo_texts(self, _text: str = "") -> None:
        stack = self.document.undo_stack
        undo, redo = stack.undoText(), stack.redoText()
        self.act_undo.setText(self.tr("&Urungkan {what}").format(what=undo).strip()
                              if undo else self.tr("&Urungkan"))
        self.act_redo.setText(self.tr("Ula&ngi {what}").format(what=redo).strip()
                              if redo else self.tr("Ula&ngi"))
        self.act_undo.setIconText(self.tr("Urungkan"))
        self.act_redo.setIconText(self.tr("Ulangi"))
        self.act_undo.setToolTip(self.tr("Urungkan (Ctrl+Z)"))
        self.act_redo.setToolTip(self.tr("Ulangi (Ctrl+Y)"))

    def _update_title(self, _modified: bool = False) -> None:
        doc = self.document
        self.setWindowTitle(self.files.window_title())
        self.setWindowModified(doc.modified)
        title = profile_title(doc.profile)
        if self.files.showing_draft_profile:
            title = self.tr("{name} — profil dari draf").format(name=title)
        self.profile_label.setText(title)
        self.profile_label.setToolTip(self.tr(
            "Profil contoh: konten belum bisa diekspor. Isi identitas OPD Anda lewat "
            "Profil ▸ Kelola profil…") if is_demo(doc.profile) else
            self.tr("Profil yang dipakai kartu ini"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._shut_down:  # closed once already (saved or discarded): never ask twice
            super().closeEvent(event)
            return
        if not self.files.confirm_close():
            event.ignore()
            return
        if not self.queue.confirm_close():  # a running export is cancelled and waited for
            event.ignore()
            return
        self.save_layout()
        QApplication.instance().removeEventFilter(self)
        self.runner.wait(3000)
        self.files.shutdown()
        self._shut_down = True
        super().closeEvent(event)

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Buang perubahan?"),
            self.tr("Konten ini belum disimpan. Buang perubahannya?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # ------------------------------------------------------------ first start, profiles
    def first_start_if_needed(self) -> None:
        if self.first_start:
            self.first_start = False
            QTimer.singleShot(0, self._welcome)

    def _welcome(self) -> None:
        """The first-start wizard, once a draft being opened is open: a draft that carries
        its own identity has asked its question already (DraftProfileDialog), so the welcome
        is shown only while the document is on the demo profile. Finishing it uses the new
        profile and drops the untouched demo one made for the first start; skipping keeps
        the demo (marked, not exportable)."""
        if self.files.opening:
            self.files.when_opened(self._welcome)
            return
        demo = self.document.profile
        if self.files.showing_draft_profile or not is_demo(demo):
            return
        from .dialogs.wizard import FirstStartWizard  # noqa: PLC0415  (the first start only)

        profile = FirstStartWizard.welcome(self, self.store, self.library)
        if profile is None:
            self.statusBar().showMessage(self.tr(
                "Memakai profil contoh: konten tidak bisa diekspor sebelum identitas OPD Anda "
                "diisi lewat Profil → Kelola profil."), 10000)
            return
        self.use_profile(profile)
        try:  # when it cannot go, it stays in the list, marked "(contoh)"
            if self.store.exists(demo.id) and is_demo(self.store.load(demo.id)):
                self.store.delete(demo.id)
        except KontenError:
            pass

    def edit_profiles(self, welcome: bool = False) -> None:
        shown = self.document.profile
        # A draft's own identity (not one of my profiles) is kept when the dialog is
        # cancelled; only a profile of mine that was deleted in the dialog is replaced.
        was_mine = not self.files.showing_draft_profile and self.store.exists(shown.id)
        profile, accepted = ProfileDialog.edit_profiles(self, self.store, shown.id, welcome)
        if accepted and profile is not None:
            self.use_profile(profile)
        elif was_mine and not self.store.exists(shown.id):
            fallback, _ = self.store.first_or_create()
            self.use_profile(fallback)
        else:
            self._update_title()  # the profile may have been renamed or filled in

    def use_profile(self, profile: Profile) -> None:
        self.cache_clear_logos()
        self.document.set_profile(profile)
        self.settings.setValue("profile", profile.id)
        self.statusBar().showMessage(self.tr("Profil dipakai: {name}").format(
            name=profile_name(profile)), 4000)
        QTimer.singleShot(0, self._render_thumbnails)

    def cache_clear_logos(self) -> None:
        """Logos are read by path and modification time; nothing to clear today."""

    # ------------------------------------------------------------ templates and drafts
    def choose_template(self, template_id: str) -> None:
        template = self.library.templates.get(template_id)
        if template is None or template is self.document.template:
            return
        self.document.switch_template(template, self.tr("Ganti templat ke '{name}'")
                                      .format(name=template.name))
        self.statusBar().showMessage(
            self.tr("Templat: {name}. Isian yang sama dibawa; Ctrl+Z untuk kembali.")
            .format(name=template.name), 5000)

    def _template_changed(self) -> None:
        self.gallery.select(self.document.template.id)
        self._fill_format_menu()
        self._update_title()

    def _draft_opened(self, identity_changed: bool) -> None:
        """A draft was opened, recovered or made like another: its first format shown, the
        old photos' errors gone, the thumbnails drawn again with another identity."""
        if identity_changed:
            QTimer.singleShot(0, self._render_thumbnails)
        if self.document.draft.formats:
            self.preview.set_format(self.document.draft.formats[0])
        self.form.clear_photo_errors()

    def new_draft(self) -> None:
        self.files.new_draft()  # asks Simpan / Jangan Simpan / Batal first

    def fill_sample(self) -> None:
        self.document.fill_sample(self.tr("Isi dengan contoh"))

    def open_bulk(self) -> BulkDialog:
        """Berkas ▸ Buat Massal dari Lembar Kerja: beside the window (not modal), one at a
        time; the open one is brought forward."""
        from .dialogs.bulk_dialog import BulkDialog  # noqa: PLC0415  (first use: sheets)

        dialog = BulkDialog.reusable(self.bulk_dialog) or BulkDialog(
            self.document, self.paths.bulk_columns, self.settings, self.runner, self)
        self.bulk_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    # ------------------------------------------------------------ photos
    def photo_fields(self) -> list[str]:
        return [f.key for f in self.document.template.fields if f.type == "photo"]

    def _target_field(self, key: str) -> str:
        if key:
            return key
        for field_key in self.photo_fields():
            f = self.document.template.field(field_key)
            if len(self.document.photos(field_key)) < f.max_items:
                return field_key
        fields = self.photo_fields()
        return fields[0] if fields else ""

    def add_photos(self, paths: list[str], key: str = "") -> int:
        """Add photos to ``key`` (or the first photo field with room); returns how many."""
        key = self._target_field(key)
        if not key:
            self.statusBar().showMessage(self.tr("Templat ini tidak memakai foto."), 6000)
            return 0
        f = self.document.template.field(key)
        refs = self.document.photos(key)
        errors: list[str] = []
        added = 0
        for path in paths:
            if len(refs) >= f.max_items:
                errors.append(self.tr("'{label}' menerima paling banyak {n} foto.")
                              .format(label=f.label, n=f.max_items))
                break
            try:
                check_photo(path)  # a truncated or damaged photo is refused here, not half-drawn
            except KontenError as exc:
                errors.append(str(exc))
                continue
            refs.append(PhotoRef(str(Path(path).resolve())))
            added += 1
        if added:
            command = self.document.set_photos(key, refs, self.tr("Tambah foto ke '{label}'")
                                               .format(label=f.label))
            if command is not None:
                self._focus_on_faces(command, list(range(len(refs) - added, len(refs))))
        self.form.set_photo_errors(key, errors)
        if errors:
            self.statusBar().showMessage(errors[0], 8000)
        elif added:
            self.statusBar().showMessage(self.tr("{n} foto ditambahkan ke '{label}'.")
                                         .format(n=added, label=f.label), 4000)
        return added

    def _focus_on_faces(self, command: SetPhotosCommand, indices: list[int]) -> None:
        """Detect the faces of newly added photos off the GUI thread and give each photo the
        focal point that keeps them in the template's frames (the previewed format first);
        the result is folded into the add, so it stays one undo step."""
        key, template, profile = command.key, self.document.template, self.document.profile
        edited = self.document.draft  # the Document keeps this object until another is loaded
        draft = edited.copy()
        formats = list(draft.formats)
        if self.preview.format in formats:
            formats.remove(self.preview.format)
            formats.insert(0, self.preview.format)
        photos = [(i, draft.photos[key][i].path) for i in indices if i < len(draft.photos[key])]

        def job() -> list[tuple[int, str, tuple[float, float]]]:
            from ..core.render.faces import plan_focus  # noqa: PLC0415  (loads OpenCV on first use)

            return [(i, path, plan_focus(path, template, key, i, formats, draft, profile).focus)
                    for i, path in photos]

        def done(result: object, error: BaseException | None) -> None:
            if error is not None or not isinstance(result, list):
                return  # no face focus: the photo keeps the centre, as before
            if self.document.template is not template or self.document.draft is not edited:
                return  # another template or another draft now: not these frames
            found = [item for item in result if item[2] != (0.5, 0.5)]
            if found:  # named like a focus drag, should it become an undo step of its own
                hit = editing.FrameHit(key, found[0][0], (0, 0, 0, 0))
                text = self.preview.focus.focus_text(hit)
                self.document.amend_focus(command, found, text)

        self.runner.run(job, done, 5)

    def add_photos_dialog(self, key: str = "") -> None:
        key = self._target_field(key)
        if not key:
            self.statusBar().showMessage(self.tr("Templat ini tidak memakai foto."), 6000)
            return
        start = str(self.settings.value("photos/folder", str(Path.home())))
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Pilih foto"), start,
            self.tr("Foto ({patterns});;Semua berkas (*)").format(
                patterns=" ".join(f"*{suffix}" for suffix in IMAGE_FILTER_SUFFIXES)))
        if paths:
            self.settings.setValue("photos/folder", str(Path(paths[0]).parent))
            self.add_picked_photos(paths, key)

    def add_picked_photos(self, paths: list[str], key: str = "") -> None:
        """Add photos; many at once go through the picker first (best ones, its limit the
        field's room), and nothing is added when the user cancels it."""
        key = self._target_field(key)
        room = self.document.template.field(key).max_items - len(self.document.photos(key)) \
            if key else 0
        if len(paths) >= PICKER_THRESHOLD and room > 0:
            from .panels.photo_picker import PhotoPicker  # noqa: PLC0415  (numpy: when shown)

            paths = PhotoPicker.choose(self, paths, room) or []
        if paths:
            self.add_photos(paths, key)

    def paste_photo(self, key: str = "") -> None:
        mime = QGuiApplication.clipboard().mimeData()
        paths = image_paths(mime) if mime is not None else []
        if paths:
            self.add_photos(paths, key)
            return
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            self.statusBar().showMessage(self.tr("Papan klip tidak berisi foto."), 5000)
            return
        folder = self.paths.data / "tempel"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / time.strftime("tempel-%Y%m%d-%H%M%S.png")
        n = 1
        while path.exists():
            path = folder / time.strftime(f"tempel-%Y%m%d-%H%M%S-{n}.png")
            n += 1
        if not image.save(str(path), "PNG"):
            self.statusBar().showMessage(self.tr("Foto dari papan klip tidak dapat disimpan."),
                                         6000)
            return
        self.add_photos([str(path)], key)

    # ------------------------------------------------------------ language, about
    def set_language(self, code: str) -> None:
        code = i18n.install_language(code)
        self.settings.setValue("language", code)
        self.lang_actions[code].setChecked(True)

    def show_guide(self) -> GuideDialog:
        """The short guide, beside the window (not modal: read a step, then do it)."""
        if self.guide is None:
            from .dialogs.guide import GuideDialog  # noqa: PLC0415

            self.guide = GuideDialog(self)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
        return self.guide

    def about(self) -> None:
        from .. import __version__  # noqa: PLC0415

        QMessageBox.about(self, self.tr("Tentang KontenOPD"), self.tr(
            "<b>KontenOPD {version}</b><br>Konten media sosial OPD yang resmi dan seragam, "
            "sepenuhnya luring.<br>Lisensi: GPL-3.0-or-later.").format(version=__version__))

    # ------------------------------------------------------------ gallery thumbnails
    def _render_thumbnails(self) -> None:
        self.gallery.render_thumbnails(self.document.profile, self.cache, self.runner)
