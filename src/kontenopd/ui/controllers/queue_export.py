"""Under the export queue: the folder an export goes to, the export itself on its own thread
(kontenopd.core.export.exporter uses a process pool across the cores) with a progress bar and Batal,
then its summary — what was written where, what failed, the warnings — with "Buka folder"
(or, where no file manager opens, the path to copy)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import KontenError
from ...core.export.exporter import export
from ...core.export.jobs import ExportJob, ExportProgress, ExportReport
from ...core.template.library import Library
from ..dialogs.progress_box import ProgressBox, ResultBox
from ..folders import Standard, start_folder
from ..style import error_color, muted_color, warning_color
from ..tasks import Runner, Task, TaskRunner

SUMMARY_WARNINGS = 12  # warnings listed in the summary; the rest are counted
SETTINGS_FOLDER = "export/folder"


class ExportBox(QWidget):
    """The progress of the export under way, then the summary of the last one."""

    status = Signal(str)  # a line for the status bar
    finished = Signal(object, object)  # ExportReport | None, BaseException | None

    def __init__(self, settings: QSettings, opener: Callable[[Path], bool],
                 runner: Runner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings  # remembers the export folder
        self.opener = opener  # shows a folder in the file manager
        self.runner = runner or TaskRunner()  # its own thread: the previews go on meanwhile
        self.task: Task | None = None  # the export under way
        self.report: ExportReport | None = None  # the last export's

        self.progress_box = ProgressBox("exportProgress", selectable=True)
        self.progress = self.progress_box.bar
        self.progress_label = self.progress_box.label
        self.cancel_button = self.progress_box.cancel_button
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_result_folder)
        self.copy_button = QPushButton()  # when no file manager opens: the path to paste
        self.copy_button.clicked.connect(self.copy_result_folder)
        self.copy_button.hide()
        self.result_box = ResultBox("exportResult", [self.open_button, self.copy_button],
                                    align=Qt.AlignmentFlag.AlignTop)
        self.result_label = self.result_box.label
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.result_box)
        # shown only with something in it: no empty gap under the queue
        for box in (self.progress_box, self.result_box):
            box.installEventFilter(self)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Batal"))
        self.open_button.setText(self.tr("Buka folder"))
        self.copy_button.setText(self.tr("Salin alamat folder"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.setVisible(not (self.progress_box.isHidden() and self.result_box.isHidden()))
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ where to
    def choose_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self.window(), self.tr("Pilih folder tujuan ekspor"), self.start_folder())
        if not folder:
            return None
        self.settings.setValue(SETTINGS_FOLDER, folder)
        return Path(folder)

    def start_folder(self) -> str:
        """Where the folder dialog opens: the last export folder, else Pictures, else home."""
        return start_folder(self.settings, SETTINGS_FOLDER, standard=Standard.PicturesLocation)

    # ------------------------------------------------------------ while it runs
    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, jobs: list[ExportJob], folder: Path, library: Library,
              workers: int | None) -> None:
        """Export ``jobs`` into ``folder`` off the GUI thread; :attr:`finished` follows."""
        self.result_box.hide()
        self.progress.setRange(0, 0)  # busy until the first report gives the total
        self.progress_label.setText(self.tr("Menyiapkan {n} konten…").format(n=len(jobs)))
        self.progress_box.show()
        self.cancel_button.setEnabled(True)
        self.task = Task()  # held before the work starts: Batal may come at once

        def job(task: Task) -> ExportReport:
            return export(jobs, folder, library=library, workers=workers,
                          progress=task.emit, cancel=task.cancelled, refuse_demo=True)

        self.runner.run(job, self._done, progress=self.show_progress, task=self.task)

    def show_progress(self, progress: ExportProgress) -> None:
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
        if self.task is None:
            return
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Membatalkan… menunggu gambar yang sedang dibuat."))

    def wait(self, msecs: int = -1) -> bool:
        """Block until the export's thread is done (before quitting)."""
        return self.runner.wait(msecs)

    def _done(self, report: ExportReport | None, error: BaseException | None) -> None:
        self.task = None
        self.progress_box.hide()
        self.report = report
        self.finished.emit(report, error)

    # ------------------------------------------------------------ once it is done
    def show_summary(self, report: ExportReport | None, error: BaseException | None) -> str:
        """Show what the export gave (or why it failed); returns the text shown."""
        if report is None:
            message = str(error) if isinstance(error, KontenError) else self.tr(
                "Ekspor gagal: {error}").format(error=error)
            self._show_result(message, error_color(self), False)
            return message
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
        self._show_result(message, color, bool(written))
        return message

    def _show_result(self, message: str, color: str, can_open: bool) -> None:
        self.result_label.setText(message)
        self.result_label.setStyleSheet(f"color: {color}")
        self.open_button.setVisible(can_open)
        self.copy_button.hide()
        self.result_box.show()

    def result_folder(self) -> Path | None:
        report = self.report
        if report is None:
            return None
        folders = report.folders
        return folders[0] if len(folders) == 1 else report.out_dir

    def open_result_folder(self) -> bool:
        folder = self.result_folder()
        if folder is None:
            return False
        if not self.opener(folder):
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
