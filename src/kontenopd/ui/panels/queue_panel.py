"""The export queue panel: the formats and platforms for the current post, the queue of
posts to export (a :class:`~.queue_model.QueueModel` shown by a QueueView: reorder by
dragging or with Naik/Turun, each row checked off the GUI thread and kept across restarts),
and the export itself (:class:`~.queue_export.ExportBox`: on a worker thread, with progress,
Batal, per-post errors and "Buka folder" at the end).

Keys: Ctrl+E exports the current post at once (with the formats and platforms ticked here),
like "Ekspor" in any editor; Ctrl+Shift+E exports the whole queue.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.export.jobs import ExportJob, ExportReport
from ...core.export.preflight import Preflight
from ...core.io.profile_file import demo_traces
from ...core.model.platforms import PLATFORM_KEYS, PLATFORMS
from ...core.model.records import Profile
from ...core.render import missing_required
from ...core.store.queue import QueueStore
from ..controllers.queue_export import ExportBox
from ..dialogs.profile_dialog import demo_fields
from ..models.document import Document
from ..models.queue_model import QueuedPost, QueueModel, QueueView
from ..style import error_color, heading_label, muted_color, small_font
from ..tasks import Runner, SyncRunner, TaskRunner
from ..widgets import set_texts

SETTINGS_PLATFORMS = "export/platforms"
SETTINGS_FORMATS_OFF = "export/formats_off"
SETTINGS_TYPE = "export/type"


def open_folder(path: Path) -> bool:
    """Show ``path`` in the file manager (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def setting_list(settings: QSettings, key: str, default: Sequence[str]) -> list[str]:
    value = settings.value(key, None)
    if value is None:
        return list(default)
    if isinstance(value, str):
        return [v for v in value.split(",") if v]
    return [str(v) for v in value]


def _row(*items: QWidget | None) -> QHBoxLayout:
    """A row of ``items`` from the left; None stands for a stretch."""
    row = QHBoxLayout()
    for item in items:
        if item is None:
            row.addStretch(1)
        else:
            row.addWidget(item)
    return row


class QueuePanel(QWidget):
    """Formats and platforms for the current post, the queue, and the export controls."""

    status = Signal(str)
    export_started = Signal()
    export_finished = Signal(object)  # ExportReport | None
    count_changed = Signal(int)

    def __init__(self, document: Document, settings: QSettings,
                 parent: QWidget | None = None, store: QueueStore | None = None,
                 runner: Runner | None = None, store_runner: Runner | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.settings = settings
        runner = runner or SyncRunner()  # checks each queued post off the GUI thread
        # the store's writes get a thread of their own, one at a time and in order
        # (synchronous when the checks are: tests)
        store_runner = store_runner or (SyncRunner() if isinstance(runner, SyncRunner)
                                        else TaskRunner())
        self.model = QueueModel(document.library, store, runner, store_runner, self)
        app = QCoreApplication.instance()
        if app is not None:  # what an export finishing as the window closed changed
            app.aboutToQuit.connect(self.model.flush)
        self.workers: int | None = None  # None: core decides (all cores for big queues)
        self._exporting: list[QueuedPost] = []  # the queue's posts being exported, in order
        self._formats_off = set(setting_list(settings, SETTINGS_FORMATS_OFF, ()))
        self.title = heading_label("", 1)
        choose = self._build_choices(settings)
        self._build_queue(settings)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addLayout(choose)
        layout.addLayout(_row(self.add_button, self.export_current_button, None))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label, 1)  # in the list's place while the queue is empty
        layout.addLayout(_row(self.up_button, self.down_button, self.remove_button, None,
                              self.export_button))
        layout.addWidget(self.export_box)
        self._build_actions()
        document.template_changed.connect(self._build_formats)
        document.changed.connect(lambda key: self._build_formats() if key == "" else None)
        self._build_formats()
        self.retranslate()
        self._update_buttons()

    # ------------------------------------------------------------ building
    def _build_choices(self, settings: QSettings) -> QGridLayout:
        """Formats (filled in by _build_formats), platforms and file type, with the note."""
        self.formats_label = QLabel()
        self.formats_row = _row(None)  # the boxes go before its stretch
        self.format_boxes: dict[str, QCheckBox] = {}
        self.platforms_label = QLabel()
        self.platform_boxes: dict[str, QCheckBox] = {}
        chosen = setting_list(settings, SETTINGS_PLATFORMS, PLATFORM_KEYS)
        for key in PLATFORM_KEYS:
            box = QCheckBox(PLATFORMS[key].name)
            box.setChecked(key in chosen)
            box.toggled.connect(self._platforms_toggled)
            self.platform_boxes[key] = box
        self.type_label = QLabel()
        self.type_combo = QComboBox()
        self.type_combo.addItem("JPG", "jpg")
        self.type_combo.addItem("PNG", "png")
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(
            str(settings.value(SETTINGS_TYPE, "jpg")))))
        self.type_combo.currentIndexChanged.connect(
            lambda _i: self.settings.setValue(SETTINGS_TYPE, self.type_combo.currentData()))
        self.choice_note = QLabel()
        self.choice_note.setFont(small_font(self))
        self.choice_note.setWordWrap(True)
        choose = QGridLayout()
        choose.setHorizontalSpacing(8)
        for row, (label, fields) in enumerate((
                (self.formats_label, self.formats_row),
                (self.platforms_label, _row(*self.platform_boxes.values(), None)),
                (self.type_label, _row(self.type_combo, None)))):
            choose.addWidget(label, row, 0)
            choose.addLayout(fields, row, 1)
        choose.addWidget(self.choice_note, 3, 1)
        choose.setColumnStretch(1, 1)
        return choose

    def _build_queue(self, settings: QSettings) -> None:
        """The queue's list and buttons, and the export box."""
        self.add_button = self._button(self.add_current)
        self.export_current_button = self._button(self.export_current)
        self.list = QueueView(self.model)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.rowsInserted.connect(lambda _parent, _first, last: self._inserted(last))
        self.model.rowsRemoved.connect(self._update_buttons)
        self.model.rowsMoved.connect(self._update_buttons)
        self.model.problem.connect(self.status)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.up_button = self._button(lambda: self.move_current(-1))
        self.down_button = self._button(lambda: self.move_current(1))
        self.remove_button = self._button(self.remove_current)
        self.export_button = self._button(self.export_all)
        self.export_button.setObjectName("exportAll")
        # open_folder is looked up when called: tests replace it
        self.export_box = ExportBox(settings, lambda path: open_folder(path))  # noqa: PLW0108
        self.export_box.status.connect(self.status)
        self.export_box.finished.connect(self._finished)

    @staticmethod
    def _button(clicked: Callable[[], object]) -> QPushButton:
        button = QPushButton()
        button.clicked.connect(clicked)
        return button

    def _build_actions(self) -> None:
        """Menu entries: Ctrl+E exports the current post, Ctrl+Shift+E the whole queue."""
        self.act_export_current, self.act_add, self.act_export_all = (
            QAction(self), QAction(self), QAction(self))
        for act, slot, keys in ((self.act_export_current, self.export_current, "Ctrl+E"),
                                (self.act_add, self.add_current, ""),
                                (self.act_export_all, self.export_all, "Ctrl+Shift+E")):
            act.setShortcut(QKeySequence(keys))
            act.triggered.connect(slot)

    # ------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.title.setText(self.tr("Antrean ekspor"))
        self.formats_label.setText(self.tr("Format"))
        self.platforms_label.setText(self.tr("Platform"))
        self.type_label.setText(self.tr("Jenis berkas"))
        self.type_combo.setToolTip(self.tr("JPG untuk unggahan (kecil); PNG untuk dicetak "
                                           "atau disunting lagi."))
        set_texts(self.add_button, self.tr("Tambah ke antrean"), self.tr(
            "Simpan potret konten ini (isi, format dan platform di atas) ke antrean"))
        set_texts(self.export_current_button, self.tr("Ekspor konten ini…"), self.tr(
            "Ekspor konten yang sedang disunting saja (Ctrl+E)"))
        set_texts(self.up_button, self.tr("Naik"), self.tr(
            "Pindahkan ke atas (urutan juga bisa diubah dengan menyeret)"))
        set_texts(self.down_button, self.tr("Turun"), self.tr("Pindahkan ke bawah"))
        set_texts(self.remove_button, self.tr("Hapus"), self.tr(
            "Hapus dari antrean (berkas yang sudah diekspor tidak dihapus)"))
        set_texts(self.export_button, self.tr("Ekspor semua…"), self.tr(
            "Ekspor seluruh antrean ke satu folder (Ctrl+Shift+E)"))
        self.empty_label.setText(self.tr("Antrean kosong. Isi konten, lalu klik “Tambah ke "
                                         "antrean”; ulangi untuk konten berikutnya."))
        self.act_export_current.setText(self.tr("&Ekspor konten ini…"))
        self.act_add.setText(self.tr("Tambah ke &antrean ekspor"))
        self.act_export_all.setText(self.tr("Ekspor semua &antrean…"))
        self._update_note()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def menu_actions(self) -> list[QAction]:
        return [self.act_export_current, self.act_add, self.act_export_all]

    # ------------------------------------------------------------ choices
    def _build_formats(self) -> None:
        template = self.document.template
        wanted = set(self.document.draft.formats) or set(template.format_keys)
        keys = list(template.format_keys)
        if list(self.format_boxes) == keys:
            return
        for box in self.format_boxes.values():
            self.formats_row.removeWidget(box)
            box.deleteLater()
        self.format_boxes = {}
        for fmt in keys:
            box = QCheckBox(fmt)
            box.setChecked(fmt in wanted and fmt not in self._formats_off)
            box.toggled.connect(lambda on, f=fmt: self._format_toggled(f, on))
            self.formats_row.insertWidget(self.formats_row.count() - 1, box)
            self.format_boxes[fmt] = box
        self._update_note()

    def _format_toggled(self, fmt: str, on: bool) -> None:
        (self._formats_off.discard if on else self._formats_off.add)(fmt)
        self.settings.setValue(SETTINGS_FORMATS_OFF, ",".join(sorted(self._formats_off)))
        self._update_note()

    def _platforms_toggled(self, _on: bool) -> None:
        self.settings.setValue(SETTINGS_PLATFORMS, ",".join(self.chosen_platforms()))
        self._update_note()

    def chosen_formats(self) -> list[str]:
        return [f for f, box in self.format_boxes.items() if box.isChecked()]

    def chosen_platforms(self) -> list[str]:
        return [k for k, box in self.platform_boxes.items() if box.isChecked()]

    def _update_note(self) -> None:
        formats, platforms = self.chosen_formats(), self.chosen_platforms()
        if not formats:
            text, color = self.tr("Pilih minimal satu format."), error_color(self)
        elif not platforms:
            text, color = self.tr("Pilih minimal satu platform."), error_color(self)
        else:
            text = self.tr("{images} gambar + {captions} caption per konten.").format(
                images=len(formats), captions=len(platforms))
            color = muted_color(self)
        self.choice_note.setText(text)
        self.choice_note.setStyleSheet(f"color: {color}")

    # ------------------------------------------------------------ the queue
    def job_for_current(self) -> ExportJob | None:
        """A snapshot of the current draft, or None (with the reason in the status bar)."""
        doc = self.document
        formats, platforms = self.chosen_formats(), self.chosen_platforms()
        if not formats or not platforms:
            self.status.emit(self.tr("Pilih minimal satu format dan satu platform di panel "
                                     "Antrean."))
            return None
        empty = missing_required(doc.template, doc.draft)
        if empty:
            self.status.emit(self.tr("Belum bisa diekspor: isi dulu {fields}.").format(
                fields=", ".join(f.label for f in empty)))
            return None
        return ExportJob.from_draft(doc.draft, doc.profile, formats=formats,
                                    platforms=platforms,
                                    image_type=str(self.type_combo.currentData()),
                                    template=doc.template)

    def refuse_demo(self, profiles: Sequence[Profile | None], what: str,
                    queued: bool = False) -> bool:
        """True, after saying so in a warning, when one of ``profiles`` still carries the
        bundled demo identity: nothing with "Pemerintah Kabupaten Contoh" is published."""
        traces = list(dict.fromkeys(trace for profile in profiles if profile is not None
                                    for trace in demo_traces(profile)))
        if not traces:
            return False
        message = self.tr(
            "{what} memakai profil contoh: {fields} masih berisi contoh, sehingga belum bisa "
            "diekspor.").format(what=what, fields=demo_fields(traces)) + "\n\n" + (
            self.tr("Hapus konten itu dari antrean, pakai profil OPD Anda (menu Profil), lalu "
                    "tambahkan lagi.") if queued else
            self.tr("Isi identitas OPD Anda lewat Profil ▸ Kelola profil… (atau pilih profil "
                    "OPD Anda di menu Profil), lalu coba lagi."))
        self.status.emit(self.tr("Belum bisa diekspor: profil contoh."))
        QMessageBox.warning(self, self.tr("Profil contoh"), message)
        return True

    def add_current(self) -> bool:
        if self.running:
            self.status.emit(self.tr("Tunggu ekspor selesai sebelum mengubah antrean."))
            return False
        job = self._current_job()
        if job is None:
            return False
        if self.model.holds(job):
            self.status.emit(self.tr("Konten ini, dengan pilihan yang sama, sudah ada di "
                                     "antrean."))
            return False
        post = self.model.add(job, keep=True)  # kept off the GUI thread ("menyimpan…")
        if self.model.store is None or post.stored is not None:  # else the problem was said
            self.status.emit(self.tr("Ditambahkan ke antrean: {label} ({n} konten).").format(
                label=job.label, n=self.list.count()))
        return True

    def add_job(self, job: ExportJob) -> QueuedPost:
        """Queue ``job`` for this session (not kept in the store)."""
        return self.model.add(job)

    def restore(self) -> int:
        """Put back the queue a previous session left; returns how many posts came back."""
        count, notices = self.model.restore()
        if notices:
            self.status.emit(notices[0])
        elif count:
            self.status.emit(self.tr("Antrean ekspor dari sesi sebelumnya: {n} konten.")
                             .format(n=count))
        return count

    def _inserted(self, row: int) -> None:
        self.list.setCurrentRow(row)
        self.export_box.result_box.hide()
        self._update_buttons()

    def check_of(self, key: int) -> Preflight | None:
        """What the small render of the post with ``key`` (JOB_ROLE) found, once done."""
        post = self.model.find(key)
        return post.check if post is not None else None

    def queued_jobs(self) -> list[ExportJob]:
        """The queue in its current order (after drags and moves)."""
        return self.model.jobs()

    def move_current(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count() or self.running:
            return
        self.model.move(row, target)  # kept in the store too
        self.list.setCurrentRow(target)
        self._update_buttons()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0 or self.running:
            return
        self.model.remove([self.model.posts[row]])

    def _update_buttons(self, *_args: object) -> None:
        count, row, busy = self.list.count(), self.list.currentRow(), self.running
        self.up_button.setEnabled(not busy and row > 0)
        self.down_button.setEnabled(not busy and 0 <= row < count - 1)
        self.remove_button.setEnabled(not busy and row >= 0)
        self.export_button.setEnabled(not busy and count > 0)
        for control in (self.add_button, self.export_current_button, self.act_export_all,
                        self.act_export_current, self.act_add):
            control.setEnabled(not busy)
        self.list.setDragEnabled(not busy)
        self.empty_label.setVisible(count == 0)
        self.list.setVisible(count > 0)
        self.count_changed.emit(count)

    # ------------------------------------------------------------ exporting
    @property
    def running(self) -> bool:
        return self.export_box.running

    @property
    def last_report(self) -> ExportReport | None:
        return self.export_box.report

    def export_current(self) -> bool:
        """Ctrl+E: export the post being edited now (the queue is left as it is)."""
        if self.running:
            return False
        job = self._current_job()
        if job is None:
            return False
        return self._start([job], [])

    def _current_job(self) -> ExportJob | None:
        """The post being edited as a job: None when its profile is the demo one (said in
        a message) or it cannot be exported as it is (see job_for_current)."""
        if self.refuse_demo([self.document.profile], self.tr("Konten ini")):
            return None
        return self.job_for_current()

    def export_all(self) -> bool:
        if self.running:
            return False
        if self.list.count() == 0:
            self.status.emit(self.tr("Antrean kosong: tambahkan konten dengan “Tambah ke "
                                     "antrean”."))
            return False
        posts = list(self.model.posts)
        demo = [p.job for p in posts if p.job.profile is not None
                and demo_traces(p.job.profile)]
        if demo and self.refuse_demo(
                [j.profile for j in demo],
                self.tr("{n} konten di antrean ({labels})").format(
                    n=len(demo), labels=", ".join(f"“{j.label}”" for j in demo[:3])
                    + (" …" if len(demo) > 3 else "")), queued=True):
            return False
        # the snapshots in memory are exported: a post still being kept need not wait
        return self._start([p.job for p in posts], posts)

    def _start(self, jobs: list[ExportJob], posts: list[QueuedPost]) -> bool:
        folder = self.export_box.choose_folder()
        if folder is None:
            return False
        self._exporting = posts
        self.model.clear_errors()
        self.export_box.start(jobs, folder, self.document.library, self.workers)
        self._update_buttons()
        self.export_started.emit()
        return True

    def _finished(self, report: ExportReport | None, error: BaseException | None) -> None:
        posts, self._exporting = self._exporting, []
        if report is not None:
            # Posts written are taken off the queue; failed and cancelled ones stay, marked.
            written = []
            for result in report.posts:
                if result.job >= len(posts):
                    continue
                if result.ok:
                    written.append(posts[result.job])
                elif not report.cancelled or result.error != "Dibatalkan.":
                    self.model.set_error(posts[result.job], result.error or "")
            self.model.remove(written)
        message = self.export_box.show_summary(report, error)
        self.status.emit(message if report is None else message.split("\n")[0])
        self._update_buttons()
        self.export_finished.emit(report)

    # ------------------------------------------------------------ closing
    def confirm_close(self) -> bool:
        """Before the window closes: a running export is cancelled (after asking) and waited
        for, so no worker outlives the window and no half-written folder is left; the
        queue's files still being written are waited for. Posts waiting in a queue that is
        not kept across restarts would be lost, so closing asks first."""
        if not self.running:
            if self.model.posts and self.model.store is None:
                answer = QMessageBox.question(
                    self, self.tr("Antrean belum diekspor"),
                    self.tr("Antrean ekspor masih berisi {n} konten yang belum diekspor dan "
                            "akan dikosongkan saat aplikasi ditutup. Tetap tutup?").format(
                                n=len(self.model.posts)),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No)
                return answer == QMessageBox.StandardButton.Yes
            self.model.flush()  # a stored queue comes back next time
            return True

        answer = QMessageBox.question(
            self, self.tr("Ekspor sedang berjalan"),
            self.tr("Ekspor belum selesai. Batalkan ekspor dan tutup?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.export_box.cancel()
        self.export_box.wait()
        self.model.flush()
        return True
