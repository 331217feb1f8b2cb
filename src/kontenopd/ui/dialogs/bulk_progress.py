"""The bottom of Buat Massal dari Lembar Kerja: "Buat Draf…" and "Ekspor Gambar…" beside Tutup;
while posts are written, the progress with Batal; then the summary with "Buka Folder" /
"Buka Laporan"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.export.bulk import STATUS_WARNING, BulkProgress, BulkReport
from ...core.io.profile_file import demo_traces
from ...core.model.platforms import PLATFORM_KEYS, PLATFORMS
from ...core.model.records import Profile
from ..controllers.bulk_run import BulkRun
from ..folders import remember_folder, start_folder
from ..panels import queue_panel
from ..style import error_color, muted_color, warning_color
from .bulk_sheet import SETTINGS_OUT
from .profile_dialog import demo_fields
from .progress_box import ProgressBox, ResultBox


def export_choices(settings: QSettings | None) -> tuple[list[str], str]:
    """The platforms and file type of an image export: those of the Antrean panel."""
    if settings is None:
        return list(PLATFORM_KEYS), "jpg"
    chosen = queue_panel.setting_list(settings, queue_panel.SETTINGS_PLATFORMS, PLATFORM_KEYS)
    platforms = [p for p in chosen if p in PLATFORMS] or list(PLATFORM_KEYS)
    image_type = str(settings.value(queue_panel.SETTINGS_TYPE, "jpg") or "jpg")
    return platforms, image_type if image_type in ("jpg", "png") else "jpg"


class RunPanel(QWidget):
    """The actions and what a :class:`BulkRun` is doing: its progress while it goes (Batal
    stops it after the post being written), its summary once done."""

    wanted = Signal(bool)  # "Buat Draf…" (True) or "Ekspor Gambar…" (False) was clicked
    said = Signal(str)  # a folder or report that cannot be opened: where it is

    def __init__(self, run: BulkRun, settings: QSettings | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = run
        self.settings = settings
        self.report: BulkReport | None = None  # the one summarised
        # ---- progress
        self.progress_box = ProgressBox("bulkProgress")
        self.progress = self.progress_box.bar
        self.progress_label = self.progress_box.label
        self.cancel_button = self.progress_box.cancel_button
        self.cancel_button.clicked.connect(self.cancel)
        # ---- result
        self.open_folder_button = QPushButton()
        self.open_folder_button.clicked.connect(self.open_result_folder)
        self.open_report_button = QPushButton()
        self.open_report_button.clicked.connect(self.open_report)
        self.result_box = ResultBox("bulkSummary",
                                    [self.open_folder_button, self.open_report_button])
        self.summary_label = self.result_box.label
        # ---- actions
        self.draft_button = QPushButton()
        self.draft_button.setObjectName("bulkDrafts")
        self.draft_button.clicked.connect(lambda: self.wanted.emit(True))
        self.export_button = QPushButton()
        self.export_button.setObjectName("bulkExport")
        self.export_button.clicked.connect(lambda: self.wanted.emit(False))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        actions = QHBoxLayout()
        actions.addWidget(self.draft_button)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        actions.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.result_box)
        layout.addLayout(actions)
        run.started.connect(self._started)
        run.progressed.connect(self._step)
        run.finished.connect(self._finished)
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("&Batal"))
        self.cancel_button.setToolTip(self.tr("Hentikan: postingan yang sudah selesai tetap "
                                              "tersimpan"))
        self.open_folder_button.setText(self.tr("Buka &Folder"))
        self.open_report_button.setText(self.tr("Buka Lap&oran"))
        self.open_report_button.setToolTip(self.tr("laporan.csv: status dan alasan tiap baris, "
                                                   "bisa dibuka di Excel"))
        self.draft_button.setText(self.tr("Buat &Draf…"))
        self.draft_button.setToolTip(self.tr("Simpan satu draf (.kontenopd) per postingan ke "
                                             "folder pilihan, untuk diperiksa dan disunting di "
                                             "aplikasi sebelum diekspor"))
        self.export_button.setText(self.tr("&Ekspor Gambar…"))
        platforms, image_type = export_choices(self.settings)
        self.export_button.setToolTip(self.tr(
            "Langsung ekspor gambar dan caption tiap postingan ke folder pilihan. Jenis berkas "
            "({type}) dan platform ({platforms}) mengikuti pilihan di panel Antrean.").format(
                type=image_type.upper(),
                platforms=", ".join(PLATFORMS[p].name for p in platforms)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def enable(self, *, run: bool, close: bool) -> None:
        """"Buat Draf…" and "Ekspor Gambar…" when a run can start; Tutup unless the dialog
        is already closing."""
        self.draft_button.setEnabled(run)
        self.export_button.setEnabled(run)
        self.buttons.setEnabled(close)

    def focus_chain(self) -> list[QWidget]:
        """The actions in Tab order."""
        return [self.draft_button, self.export_button]

    def refusal(self, profile: Profile) -> str:
        """Why images with ``profile`` are not exported ("" for a real OPD profile)."""
        traces = demo_traces(profile)
        if not traces:
            return ""
        return self.tr("Gambar belum bisa diekspor: profil yang dipakai masih profil contoh "
                       "({fields} masih berisi contoh). Isi identitas OPD Anda lewat Profil ▸ "
                       "Kelola profil…, atau pilih “Buat Draf…” dulu.").format(
                           fields=demo_fields(traces))

    def ask_folder(self, drafts: bool, sheet_path: Path | None) -> str:
        """The folder to write the drafts (or images) into, "" if none was chosen."""
        title = self.tr("Pilih folder untuk draf") if drafts else self.tr(
            "Pilih folder tujuan ekspor")
        start = start_folder(self.settings, SETTINGS_OUT, sheet_path and sheet_path.parent)
        folder = QFileDialog.getExistingDirectory(self, title, start)
        if folder:
            remember_folder(self.settings, SETTINGS_OUT, Path(folder))
        return folder

    # ------------------------------------------------------------ while a run goes
    def _started(self) -> None:
        self.result_box.hide()
        self.progress.setRange(0, 0)  # busy until the first step gives the total
        self.progress_label.setText(self.tr("Menyiapkan…"))
        self.cancel_button.setEnabled(True)
        self.progress_box.show()
        self.cancel_button.setFocus()

    def _step(self, step: BulkProgress) -> None:
        if step.total:
            self.progress.setRange(0, step.total)
            self.progress.setValue(step.done)
        if not self.run.cancelling:  # else "Membatalkan…" stays
            self.progress_label.setText(self.tr("{done} dari {total}: {message}").format(
                done=step.done, total=step.total, message=step.message))

    def cancel(self) -> None:
        """Batal: the post being written is finished, the rest is not started."""
        if not self.run.cancel():
            return
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Membatalkan… menunggu postingan yang sedang "
                                            "dibuat."))

    # ------------------------------------------------------------ once it is done
    def _finished(self, report: BulkReport | None, _error: BaseException | None) -> None:
        self.progress_box.hide()
        self.report = report
        if report is None:
            return
        summary = report.summary()
        if report.cancelled:
            summary += " " + self.tr("Yang sudah selesai tetap tersimpan.")
        if not report.written:
            color = error_color(self)
        elif report.ok and not any(p.status == STATUS_WARNING for p in report.plans):
            color = muted_color(self)
        else:  # some rows failed, were cancelled or carry a warning: worth a look
            color = warning_color(self)
        self.summary_label.setText(summary)
        self.summary_label.setToolTip(str(report.out_dir))
        self.summary_label.setStyleSheet(f"color: {color}")
        self.open_report_button.setEnabled(report.report_path is not None)
        self.result_box.show()
        self.open_folder_button.setFocus()

    def summary(self) -> str:
        """The last run's summary while it is shown, else ""."""
        return self.summary_label.text() if self.result_box.isVisibleTo(self) else ""

    def open_result_folder(self) -> bool:
        if self.report is None:
            return False
        return self._open(self.report.out_dir)

    def open_report(self) -> bool:
        if self.report is None or self.report.report_path is None:
            return False
        return self._open(self.report.report_path)

    def _open(self, path: Path) -> bool:
        if queue_panel.open_folder(path):  # QDesktopServices.openUrl (tests replace it)
            return True
        self.said.emit(self.tr("Tidak bisa dibuka di komputer ini. Letaknya: {path}")
                       .format(path=path))
        return False
