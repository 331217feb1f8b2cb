"""The export queue: snapshots of drafts with their formats and platforms, exported in one
go on a worker thread (kontenopd.core.export uses a process pool across the cores) with a
progress bar, Cancel, per-post errors and "Buka folder" at the end.

Keys: Ctrl+E exports the current post at once (with the formats and platforms ticked here),
like "Ekspor" in any editor; Ctrl+Shift+E exports the whole queue.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QSize, QStandardPaths, Qt, QThread, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QDesktopServices,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import KontenError
from ..core.export import ExportJob, ExportProgress, ExportReport, Preflight, export, preflight
from ..core.images import images_of
from ..core.model import Profile
from ..core.platforms import PLATFORM_KEYS, PLATFORMS
from ..core.profiles import demo_traces
from ..core.queue_store import QueueEntry, QueueStore
from ..core.render import missing_required
from ..core.templates import Library
from .document import Document
from .preview import to_qimage
from .profile_dialog import demo_fields
from .style import error_color, heading_label, muted_color, small_font, warning_color
from .tasks import SyncRunner, TaskRunner

JOB_ROLE = Qt.ItemDataRole.UserRole
THUMB_SIDE = 72  # px, the queue row's picture of the post
SUMMARY_WARNINGS = 12  # warnings listed in the summary; the rest are counted
SETTINGS_FOLDER = "export/folder"
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


class ExportThread(QThread):
    """Runs core.export() off the GUI thread; progress and the result come back by signal."""

    progressed = Signal(object)  # ExportProgress
    finished_export = Signal(object, object)  # ExportReport | None, Exception | None

    def __init__(self, jobs: list[ExportJob], out_dir: Path, library: Library,
                 workers: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs, self.out_dir, self.library, self.workers = jobs, out_dir, library, workers
        self.cancel = threading.Event()

    def run(self) -> None:
        try:
            report = export(self.jobs, self.out_dir, library=self.library,
                            workers=self.workers, progress=self.progressed.emit,
                            cancel=self.cancel, refuse_demo=True)
        except Exception as exc:  # handed to the GUI thread; never a traceback for the user
            self.finished_export.emit(None, exc)
        else:
            self.finished_export.emit(report, None)


class QueuePanel(QWidget):
    """Formats and platforms for the current post, the queue, and the export controls."""

    status = Signal(str)
    export_started = Signal()
    export_finished = Signal(object)  # ExportReport | None
    count_changed = Signal(int)

    def __init__(self, document: Document, settings: QSettings,
                 parent: QWidget | None = None, store: QueueStore | None = None,
                 runner: TaskRunner | SyncRunner | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.runner = runner or SyncRunner()  # checks each queued post off the GUI thread
        self._checks: dict[int, Preflight] = {}  # job id -> what its export would give
        self.settings = settings
        self.store = store  # keeps the queue across restarts (None: this session only)
        self._kept: dict[int, QueueEntry] = {}
        self.workers: int | None = None  # None: core decides (all cores for big queues)
        self.jobs: dict[int, ExportJob] = {}
        self._ids = itertools.count(1)
        self.thread: ExportThread | None = None
        self.last_report: ExportReport | None = None
        self._running_ids: list[int] = []
        self._formats_off = set(setting_list(settings, SETTINGS_FORMATS_OFF, ()))

        self.title = heading_label("", 1)
        self.formats_label = QLabel()
        self.formats_row = QHBoxLayout()
        self.formats_row.addStretch(1)  # the boxes go before it
        self.format_boxes: dict[str, QCheckBox] = {}
        self.platforms_label = QLabel()
        self.platform_boxes: dict[str, QCheckBox] = {}
        chosen = setting_list(settings, SETTINGS_PLATFORMS, PLATFORM_KEYS)
        platforms_row = QHBoxLayout()
        for key in PLATFORM_KEYS:
            box = QCheckBox(PLATFORMS[key].name)
            box.setChecked(key in chosen)
            box.toggled.connect(self._platforms_toggled)
            self.platform_boxes[key] = box
            platforms_row.addWidget(box)
        platforms_row.addStretch(1)
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

        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_current)
        self.export_current_button = QPushButton()
        self.export_current_button.clicked.connect(self.export_current)

        self.list = QListWidget()
        self.list.setObjectName("exportQueue")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.model().rowsMoved.connect(lambda *_a: (self._update_buttons(), self._save()))
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.up_button = QPushButton()
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton()
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_current)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportAll")
        self.export_button.clicked.connect(self.export_all)

        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress_label = QLabel()
        self.progress_label.setFont(small_font(self))
        self.progress_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a long file name wraps instead of widening the side panel (and squeezing the form)
        self.progress_label.setWordWrap(True)
        self.progress_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                          QSizePolicy.Policy.Preferred)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.progress_box = QWidget()
        pl = QGridLayout(self.progress_box)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.progress, 0, 0)
        pl.addWidget(self.cancel_button, 0, 1)
        pl.addWidget(self.progress_label, 1, 0, 1, 2)
        self.progress_box.hide()
        self.result_label = QLabel()
        self.result_label.setObjectName("exportResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_result_folder)
        self.copy_button = QPushButton()  # when no file manager opens: the path to paste
        self.copy_button.clicked.connect(self.copy_result_folder)
        self.copy_button.hide()
        self.result_box = QWidget()
        rl = QHBoxLayout(self.result_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.result_label, 1, Qt.AlignmentFlag.AlignTop)
        rl.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        rl.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        self.result_box.hide()

        choose = QGridLayout()
        choose.setHorizontalSpacing(8)
        choose.addWidget(self.formats_label, 0, 0)
        choose.addLayout(self.formats_row, 0, 1)
        choose.addWidget(self.platforms_label, 1, 0)
        choose.addLayout(platforms_row, 1, 1)
        type_row = QHBoxLayout()
        type_row.addWidget(self.type_combo)
        type_row.addStretch(1)
        choose.addWidget(self.type_label, 2, 0)
        choose.addLayout(type_row, 2, 1)
        choose.addWidget(self.choice_note, 3, 1)
        choose.setColumnStretch(1, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.export_current_button)
        add_row.addStretch(1)
        list_buttons = QHBoxLayout()
        for b in (self.up_button, self.down_button, self.remove_button):
            list_buttons.addWidget(b)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addLayout(choose)
        layout.addLayout(add_row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label, 1)  # in the list's place while the queue is empty
        layout.addLayout(list_buttons)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.result_box)

        self.act_export_current = QAction(self)
        self.act_export_current.setShortcut(QKeySequence("Ctrl+E"))
        self.act_export_current.triggered.connect(self.export_current)
        self.act_add = QAction(self)
        self.act_add.triggered.connect(self.add_current)
        self.act_export_all = QAction(self)
        self.act_export_all.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.act_export_all.triggered.connect(self.export_all)

        document.template_changed.connect(self._build_formats)
        document.changed.connect(lambda key: self._build_formats() if key == "" else None)
        self._build_formats()
        self.retranslate()
        self._update_buttons()

    # ------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.title.setText(self.tr("Antrean ekspor"))
        self.formats_label.setText(self.tr("Format"))
        self.platforms_label.setText(self.tr("Platform"))
        self.type_label.setText(self.tr("Jenis berkas"))
        self.type_combo.setToolTip(self.tr("JPG untuk unggahan (kecil); PNG untuk dicetak "
                                           "atau disunting lagi."))
        self.add_button.setText(self.tr("Tambah ke antrean"))
        self.add_button.setToolTip(self.tr("Simpan potret konten ini (isi, format dan "
                                           "platform di atas) ke antrean"))
        self.export_current_button.setText(self.tr("Ekspor konten ini…"))
        self.export_current_button.setToolTip(self.tr("Ekspor konten yang sedang disunting "
                                                      "saja (Ctrl+E)"))
        self.up_button.setText(self.tr("Naik"))
        self.down_button.setText(self.tr("Turun"))
        self.remove_button.setText(self.tr("Hapus"))
        self.up_button.setToolTip(self.tr("Pindahkan ke atas (urutan juga bisa diubah dengan "
                                          "menyeret)"))
        self.down_button.setToolTip(self.tr("Pindahkan ke bawah"))
        self.remove_button.setToolTip(self.tr("Hapus dari antrean (berkas yang sudah diekspor "
                                              "tidak dihapus)"))
        self.export_button.setText(self.tr("Ekspor semua…"))
        self.export_button.setToolTip(self.tr("Ekspor seluruh antrean ke satu folder "
                                              "(Ctrl+Shift+E)"))
        self.cancel_button.setText(self.tr("Batal"))
        self.open_button.setText(self.tr("Buka folder"))
        self.copy_button.setText(self.tr("Salin alamat folder"))
        self.empty_label.setText(self.tr("Antrean kosong. Isi konten, lalu klik “Tambah ke "
                                         "antrean”; ulangi untuk konten berikutnya."))
        self.act_export_current.setText(self.tr("&Ekspor konten ini…"))
        self.act_add.setText(self.tr("Tambah ke &antrean ekspor"))
        self.act_export_all.setText(self.tr("Ekspor semua &antrean…"))
        self._update_note()
        for row in range(self.list.count()):
            self._describe(self.list.item(row))

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
        traces: list[str] = []
        for profile in profiles:
            for trace in demo_traces(profile) if profile is not None else []:
                if trace not in traces:
                    traces.append(trace)
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
        if self.refuse_demo([self.document.profile], self.tr("Konten ini")):
            return False
        job = self.job_for_current()
        if job is None:
            return False
        if any(j == job for j in self.jobs.values()):
            self.status.emit(self.tr("Konten ini, dengan pilihan yang sama, sudah ada di "
                                     "antrean."))
            return False
        item = self.add_job(job)
        if self.store is not None:
            try:
                self._kept[int(item.data(JOB_ROLE))] = self.store.keep(job)
                self._save()
            except (KontenError, OSError) as exc:
                self.status.emit(self.tr("Antrean tidak bisa disimpan untuk lain kali: {error}")
                                 .format(error=exc))
                return True
        self.status.emit(self.tr("Ditambahkan ke antrean: {label} ({n} konten).").format(
            label=job.label, n=self.list.count()))
        return True

    def _save(self) -> None:
        """Write the queue's order to the store (after every change)."""
        if self.store is None:
            return
        ids = [int(self.list.item(r).data(JOB_ROLE)) for r in range(self.list.count())]
        try:
            self.store.write([self._kept[i] for i in ids if i in self._kept])
        except (KontenError, OSError) as exc:
            self.status.emit(self.tr("Antrean tidak bisa disimpan untuk lain kali: {error}")
                             .format(error=exc))

    def restore(self) -> int:
        """Put back the queue a previous session left; returns how many posts came back."""
        if self.store is None:
            return 0
        entries, notices = self.store.read()
        for entry in entries:
            item = self.add_job(entry.job)
            self._kept[int(item.data(JOB_ROLE))] = entry
            self._describe(item)  # now that the template is known
        if entries or notices:
            self._save()  # forget entries that could not be restored
        if notices:
            self.status.emit(notices[0])
        elif entries:
            self.status.emit(self.tr("Antrean ekspor dari sesi sebelumnya: {n} konten.")
                             .format(n=len(entries)))
        return len(entries)

    def add_job(self, job: ExportJob) -> QListWidgetItem:
        job_id = next(self._ids)
        self.jobs[job_id] = job
        item = QListWidgetItem()
        item.setData(JOB_ROLE, job_id)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
        self._describe(item)
        self.list.addItem(item)
        self.list.setCurrentItem(item)
        self.result_box.hide()
        self._update_buttons()
        self._check(job_id, job)
        return item

    def _check(self, job_id: int, job: ExportJob) -> None:
        """Render the queued post small, off the GUI thread: its thumbnail, its warnings and
        the formats its export would not write appear on its row."""
        template = self.document.library.templates.get(job.draft.template) \
            if job.draft is not None else None
        if template is None or job.profile is None:
            return
        draft, profile = job.draft, job.profile
        formats = job.formats or tuple(draft.formats) or (template.format_keys[0],)

        def done(result: Preflight | None, error: BaseException | None) -> None:
            if job_id not in self.jobs:
                return  # exported or removed meanwhile
            self._checks[job_id] = result if result is not None else Preflight(
                error=str(error))
            item = self._item_for(job_id)
            if item is not None:
                self._describe(item)

        self.runner.run(lambda: preflight(template, draft, profile, formats,
                                          thumb_side=THUMB_SIDE), done)

    def check_of(self, job_id: int) -> Preflight | None:
        return self._checks.get(job_id)

    def _describe(self, item: QListWidgetItem, error: str = "") -> None:
        job = self.jobs.get(int(item.data(JOB_ROLE)))
        if job is None:
            return
        kept = self._kept.get(int(item.data(JOB_ROLE)))
        template_id = job.draft.template if job.draft else kept.template if kept else ""
        template = self.document.library.templates.get(template_id)
        names = ", ".join(PLATFORMS[p].name for p in job.platforms)
        line2 = self.tr("{template} · {formats} · {platforms} · {type}").format(
            template=template.name if template else "", formats=", ".join(job.formats),
            platforms=names, type=job.image_type.upper())
        if template is not None and job.draft is not None:
            try:
                count = sum(len(images_of(template, job.draft, f)) for f in job.formats
                            if f in template.formats)
            except KontenError:
                count = 0
            if count:
                line2 += " · " + self.tr("{n} gambar").format(n=count)
        text = f"{job.label}\n{line2}"
        tip = [line2]
        check = self._checks.get(int(item.data(JOB_ROLE)))
        if check is not None:
            if check.thumbnail is not None:
                item.setIcon(QIcon(QPixmap.fromImage(to_qimage(check.thumbnail))))
            if check.error:
                text += "\n" + self.tr("✖ Belum bisa diekspor: {error}").format(
                    error=check.error)
                tip.append(check.error)
            for fmt, why in check.blocked.items():
                text += "\n" + self.tr("✖ {format} tidak akan diekspor: {why}").format(
                    format=fmt, why=why)
                tip.append(f"✖ {fmt}: {why}")
            if check.warnings:
                text += "\n" + self.tr("⚠ {n} peringatan (arahkan kursor untuk membaca)").format(
                    n=len(check.warnings))
                tip += [f"⚠ {w}" for w in check.warnings]
            elif not check.blocked and not check.error:
                text += "\n" + self.tr("✔ Siap diekspor")
        if error:
            text += "\n" + self.tr("✖ Gagal: {error}").format(error=error)
        item.setText(text)
        item.setData(Qt.ItemDataRole.UserRole + 1, error)
        problem = bool(error or (check is not None and (check.error or check.blocked)))
        item.setForeground(QColor(error_color(self)) if problem else self.palette().text())
        item.setToolTip("\n".join([error, *tip] if error else tip))

    def queued_jobs(self) -> list[ExportJob]:
        """The queue in its current order (after drags and moves)."""
        return [self.jobs[int(self.list.item(r).data(JOB_ROLE))]
                for r in range(self.list.count())]

    def move_current(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count() or self.running:
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._update_buttons()
        self._save()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0 or self.running:
            return
        item = self.list.takeItem(row)
        self.jobs.pop(int(item.data(JOB_ROLE)), None)
        self._kept.pop(int(item.data(JOB_ROLE)), None)
        self._update_buttons()
        self._save()

    def _update_buttons(self, *_args: object) -> None:
        count, row, busy = self.list.count(), self.list.currentRow(), self.running
        self.up_button.setEnabled(not busy and row > 0)
        self.down_button.setEnabled(not busy and 0 <= row < count - 1)
        self.remove_button.setEnabled(not busy and row >= 0)
        self.export_button.setEnabled(not busy and count > 0)
        self.add_button.setEnabled(not busy)
        self.export_current_button.setEnabled(not busy)
        self.act_export_all.setEnabled(not busy)
        self.act_export_current.setEnabled(not busy)
        self.act_add.setEnabled(not busy)
        self.list.setDragEnabled(not busy)
        self.empty_label.setVisible(count == 0)
        self.list.setVisible(count > 0)
        self.count_changed.emit(count)

    # ------------------------------------------------------------ exporting
    @property
    def running(self) -> bool:
        return self.thread is not None

    def choose_folder(self) -> Path | None:
        start = self.start_folder()
        folder = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder tujuan ekspor"),
                                                  start)
        if not folder:
            return None
        self.settings.setValue(SETTINGS_FOLDER, folder)
        return Path(folder)

    def start_folder(self) -> str:
        """Where the folder dialog opens: the last export folder, else Pictures, else home,
        whichever exists first (a remembered folder on a removed flash drive is skipped)."""
        candidates = [str(self.settings.value(SETTINGS_FOLDER, "") or ""),
                      QStandardPaths.writableLocation(
                          QStandardPaths.StandardLocation.PicturesLocation),
                      str(Path.home())]
        for candidate in candidates:
            if candidate and Path(candidate).is_dir():
                return candidate
        return str(Path.home())

    def export_current(self) -> bool:
        """Ctrl+E: export the post being edited now (the queue is left as it is)."""
        if self.running:
            return False
        if self.refuse_demo([self.document.profile], self.tr("Konten ini")):
            return False
        job = self.job_for_current()
        if job is None:
            return False
        return self._start([job], [])

    def export_all(self) -> bool:
        if self.running:
            return False
        if self.list.count() == 0:
            self.status.emit(self.tr("Antrean kosong: tambahkan konten dengan “Tambah ke "
                                     "antrean”."))
            return False
        ids = [int(self.list.item(r).data(JOB_ROLE)) for r in range(self.list.count())]
        demo = [self.jobs[i] for i in ids if self.jobs[i].profile is not None
                and demo_traces(self.jobs[i].profile)]
        if demo and self.refuse_demo(
                [j.profile for j in demo],
                self.tr("{n} konten di antrean ({labels})").format(
                    n=len(demo), labels=", ".join(f"“{j.label}”" for j in demo[:3])
                    + (" …" if len(demo) > 3 else "")), queued=True):
            return False
        return self._start([self.jobs[i] for i in ids], ids)

    def _start(self, jobs: list[ExportJob], ids: list[int]) -> bool:
        folder = self.choose_folder()
        if folder is None:
            return False
        self._running_ids = ids
        for row in range(self.list.count()):
            self._describe(self.list.item(row))
        self.result_box.hide()
        self.progress.setRange(0, 0)  # busy until the first report gives the total
        self.progress_label.setText(self.tr("Menyiapkan {n} konten…").format(n=len(jobs)))
        self.progress_box.show()
        self.cancel_button.setEnabled(True)
        self.thread = ExportThread(jobs, folder, self.document.library, self.workers, self)
        self.thread.progressed.connect(self._progressed)
        self.thread.finished_export.connect(self._finished)
        self._update_buttons()
        self.export_started.emit()
        self.thread.start()
        return True

    def _progressed(self, progress: ExportProgress) -> None:
        if progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(progress.done)
        if progress.name:
            self.progress_label.setText(self.tr("{done} dari {total}: {name}").format(
                done=progress.done, total=progress.total, name=progress.name))
        elif progress.total:
            self.progress_label.setText(self.tr("Mengekspor {total} gambar…")
                                        .format(total=progress.total))

    def cancel(self) -> None:
        if self.thread is None:
            return
        self.thread.cancel.set()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Membatalkan… menunggu gambar yang sedang dibuat."))

    def _finished(self, report: ExportReport | None, error: BaseException | None) -> None:
        thread, self.thread = self.thread, None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        self.progress_box.hide()
        self.last_report = report
        ids, self._running_ids = self._running_ids, []
        if report is None:
            message = str(error) if isinstance(error, KontenError) else self.tr(
                "Ekspor gagal: {error}").format(error=error)
            self._show_result(message, error_color(self), False)
            self.status.emit(message)
            self._update_buttons()
            self.export_finished.emit(None)
            return
        # Posts written are taken off the queue; failed and cancelled ones stay, marked.
        for post in report.posts:
            if post.job >= len(ids):
                continue
            item = self._item_for(ids[post.job])
            if item is None:
                continue
            if post.ok:
                self.list.takeItem(self.list.row(item))
                self.jobs.pop(ids[post.job], None)
                self._kept.pop(ids[post.job], None)
            elif not report.cancelled or post.error != "Dibatalkan.":
                self._describe(item, post.error or "")
        written = [p for p in report.posts if p.ok]
        n_files = sum(len(p.files) for p in written)
        if report.cancelled:
            message = self.tr("Ekspor dibatalkan. {n} konten yang sudah selesai tetap "
                              "tersimpan; tidak ada berkas setengah jadi.").format(n=len(written))
            color = warning_color(self)
        elif report.ok:
            message = self.tr("Selesai: {n} konten, {files} berkas di {folder}.").format(
                n=len(written), files=n_files, folder=report.out_dir)
            color = muted_color(self)
        else:
            failed = [p for p in report.posts if not p.ok]
            message = self.tr("{n} konten diekspor, {failed} gagal:").format(
                n=len(written), failed=len(failed)) if failed else self.tr(
                "{n} konten diekspor, tidak semua formatnya:").format(n=len(written))
            message += "".join(f"\n✖ {p.label}: {p.error}" for p in failed)
            message += "".join(f"\n✖ {line}" for line in report.blocked)
            color = error_color(self)
        warnings = [f"{p.label}: {w}" for p in written for w in p.warnings]
        if warnings:
            message += "\n" + self.tr("{n} peringatan:").format(n=len(warnings))
            message += "".join(f"\n⚠ {w}" for w in warnings[:SUMMARY_WARNINGS])
            if len(warnings) > SUMMARY_WARNINGS:
                message += "\n" + self.tr("… dan {n} lainnya (lihat manifest.json di folder "
                                           "hasil).").format(n=len(warnings) - SUMMARY_WARNINGS)
            if report.ok:
                color = warning_color(self)
        self._save()
        self._show_result(message, color, bool(written))
        self.status.emit(message.split("\n")[0])
        self._update_buttons()
        self.export_finished.emit(report)

    def _item_for(self, job_id: int) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if int(item.data(JOB_ROLE)) == job_id:
                return item
        return None

    def _show_result(self, message: str, color: str, can_open: bool) -> None:
        self.result_label.setText(message)
        self.result_label.setStyleSheet(f"color: {color}")
        self.open_button.setVisible(can_open)
        self.copy_button.hide()
        self.result_box.show()

    def result_folder(self) -> Path | None:
        report = self.last_report
        if report is None:
            return None
        folders = report.folders
        return folders[0] if len(folders) == 1 else report.out_dir

    def open_result_folder(self) -> bool:
        folder = self.result_folder()
        if folder is None:
            return False
        if not open_folder(folder):
            # no file manager here: show where the files are, with a button to copy it
            note = self.tr("Folder tidak bisa dibuka di pengelola berkas. Hasil ada di:\n"
                           "{folder}").format(folder=folder)
            if note not in self.result_label.text():
                self.result_label.setText(self.result_label.text() + "\n\n" + note)
            self.copy_button.show()
            self.status.emit(self.tr("Folder tidak bisa dibuka: {folder}").format(
                folder=folder))
            return False
        return True

    def copy_result_folder(self) -> None:
        folder = self.result_folder()
        if folder is None:
            return
        QGuiApplication.clipboard().setText(str(folder))
        self.status.emit(self.tr("Alamat folder disalin: {folder}").format(folder=folder))

    # ------------------------------------------------------------ closing
    def confirm_close(self) -> bool:
        """Before the window closes: a running export is cancelled (after asking) and waited
        for, so no worker outlives the window and no half-written folder is left. Posts
        still waiting in the queue are not kept across restarts, so closing asks first."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        if self.thread is None:
            if not self.jobs or self.store is not None:  # a stored queue comes back next time
                return True
            answer = QMessageBox.question(
                self, self.tr("Antrean belum diekspor"),
                self.tr("Antrean ekspor masih berisi {n} konten yang belum diekspor dan akan "
                        "dikosongkan saat aplikasi ditutup. Tetap tutup?").format(
                            n=len(self.jobs)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            return answer == QMessageBox.StandardButton.Yes

        answer = QMessageBox.question(
            self, self.tr("Ekspor sedang berjalan"),
            self.tr("Ekspor belum selesai. Batalkan ekspor dan tutup?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        thread = self.thread
        thread.cancel.set()
        thread.wait()
        return True
