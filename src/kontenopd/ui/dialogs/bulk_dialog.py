"""Buat Massal dari Lembar Kerja: one post per spreadsheet row, for an admin who has the week's
agenda in Excel.

The flow, top to bottom: pick (or drop) a sheet and a template (or download an example sheet
for it); check which column fills which field (matched automatically, remembered per
template); choose one post per row or one carousel of every row, and the formats; read the
verdict on every row (the rows are planned, then each good row's layout is checked by
rendering it small, in the background, one row at a time) with the first posts as cards; then
write drafts or export images into a folder, with progress, Batal, and a summary with
"Buka Folder" / "Buka Laporan" at the end. All the work is kontenopd.core.export.bulk's; this dialog
only gathers the choices and shows the outcome.

This module is the shell that wires the parts together — the sheet and template with the
example sheet (bulk_sheet), the columns (bulk_mapping), the post options (bulk_options), the
rows and cards (bulk_rows), the actions with the progress and result (bulk_progress), the
background work (bulk_run) — and reads the sheet, takes it dropped, and closes.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QSplitter, QVBoxLayout, QWidget

from ...core.export.bulk import (
    BulkProgress,
    BulkReport,
    Mapping,
    RowPlan,
    auto_map,
    expected_headers,
    load_mappings,
    mapping_by_header,
    remember_mapping,
)
from ...core.io.spreadsheet import Table, read_table
from ...core.template.schema import Template
from ..controllers.bulk_run import PLAN_PRIORITY, BulkJob, BulkRun, RowChecker, error_text
from ..models.document import Document
from ..style import error_color, muted_color
from ..tasks import LatestTask, SyncRunner, TaskRunner
from .bulk_mapping import ColumnMappingPanel
from .bulk_options import PostOptions
from .bulk_progress import RunPanel, export_choices
from .bulk_rows import RowResultsPanel
from .bulk_sheet import SheetChooser, sheet_path_of

CLOSE_WAIT_MS = 120_000  # the app quits while writing: let the cancelled run finish first


class BulkDialog(QDialog):
    """Buat Massal dari Lembar Kerja (menu Berkas). Non-modal: the window stays usable."""

    progressed = Signal(object)  # BulkProgress, on the GUI thread, while a run goes
    run_finished = Signal(object)  # BulkReport | None

    def __init__(self, document: Document, mapping_file: Path,
                 settings: QSettings | None = None,
                 runner: TaskRunner | SyncRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkDialog")
        self.document = document
        self.library = document.library
        self.mapping_file = Path(mapping_file)
        self.settings = settings
        self.runner = runner or SyncRunner()  # reading, planning, checking the rows
        self._loader = LatestTask(self.runner, self._loaded, PLAN_PRIORITY)
        self.checker = RowChecker(self.runner)
        # the run gets its own thread: the window's previews go on while posts are written
        self.run = BulkRun(SyncRunner() if isinstance(self.runner, SyncRunner)
                           else TaskRunner())
        self._closed = False
        self._close_when_done = False
        self.table: Table | None = None
        self._message = ("", "")  # the inline message: text, kind ("error" or "info")
        self.setAcceptDrops(True)

        self._build_parts(document.template, settings)
        self._wire()
        document.profile_changed.connect(self._profile_changed)
        if parent is not None:
            parent.window().installEventFilter(self)  # the app quitting while posts are written
        self._fix_tab_order()
        self.retranslate()
        self._fit_to_screen()
        self._update_buttons()

    # ------------------------------------------------------------ building
    def _build_parts(self, template: Template, settings: QSettings | None) -> None:
        """The sheet and template (top), the columns and the post options (left), the rows
        and cards (right); below them the message line and the actions."""
        self.chooser = SheetChooser(self.library, template, settings)
        self.options = PostOptions()
        self.options.set_formats(self.template.format_keys)
        self.columns = ColumnMappingPanel(self.template, self.options.chosen_formats)
        self.rows = RowResultsPanel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addWidget(self.columns, 1)
        left_layout.addWidget(self.options)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.rows)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        # the message line, then the actions with the progress and result
        self.message_label = QLabel()
        self.message_label.setObjectName("bulkMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        self.run_panel = RunPanel(self.run, settings)

        self.setup_box = QWidget()  # everything a run must not change while it goes
        setup = QVBoxLayout(self.setup_box)
        setup.setContentsMargins(0, 0, 0, 0)
        setup.addWidget(self.chooser)
        setup.addWidget(self.splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.setup_box, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.run_panel)

    def _wire(self) -> None:
        """The parts' signals to the dialog's slots (the dialog's own are wired by
        ``__init__``)."""
        self.chooser.sheet_chosen.connect(self.load_sheet)
        self.chooser.template_chosen.connect(self._template_chosen)
        self.chooser.said.connect(lambda text: self._show_message(text, "info"))
        self.options.mode_changed.connect(self.replan)
        self.options.formats_changed.connect(self._formats_toggled)
        self.columns.changed.connect(self.replan)
        self.checker.planned.connect(self._planned)
        self.checker.checked.connect(self.rows.set_verdict)
        self.run.started.connect(self._run_started)  # after the run panel's own slots
        self.run.progressed.connect(self._progressed)
        self.run.finished.connect(self._run_done)
        self.run_panel.wanted.connect(self.start)
        self.run_panel.said.connect(lambda text: self._show_message(text, "info"))
        self.run_panel.buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Buat Massal dari Lembar Kerja"))
        self._show_message(*self._message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # the parts retranslate themselves
        super().changeEvent(event)

    def _fit_to_screen(self) -> None:
        """Roomy, but never larger than the screen (1366x768 office screens included)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry() if screen is not None else None
        width, height = 1120, 700
        if avail is not None:
            width = min(width, avail.width() - 40)
            height = min(height, avail.height() - 40)
        self.resize(max(width, 640), max(height, 480))
        self.splitter.setSizes([round(self.width() * 0.44), round(self.width() * 0.56)])

    # ------------------------------------------------------------ choices
    @property
    def template(self) -> Template:
        return self.chooser.template

    @property
    def sheet_path(self) -> Path | None:
        return self.chooser.path

    def _template_chosen(self, template: Template) -> None:
        self.options.set_formats(template.format_keys)
        self._fix_tab_order()
        if self.sheet_path is not None:
            self.columns.template = template  # what is missing, while the sheet is read again
            self.load_sheet(self.sheet_path)  # another template looks for other headers
        else:
            self._show_columns(None, self.columns.mapping)
            self._update_buttons()

    def _show_columns(self, table: Table | None, mapping: Mapping) -> None:
        self.columns.show_columns(self.template, table, mapping)
        self._fix_tab_order()

    def chosen_formats(self) -> list[str]:
        return self.options.chosen_formats()

    def _formats_toggled(self) -> None:
        self.columns.show_problems()
        self.replan()

    @property
    def mode(self) -> str:
        return self.options.mode

    def choose_column(self, key: str, header: str) -> None:
        """Pick the column named ``header`` for target ``key`` (as the user does in its
        combo)."""
        self.columns.choose_column(key, header)

    def missing_fields(self) -> list[str]:
        return self.columns.missing_fields()

    # ------------------------------------------------------------ the sheet
    def load_sheet(self, path: str | Path) -> None:
        """Read ``path`` (off the GUI thread); the columns are matched when it arrives."""
        if self.running:
            return
        path = Path(path)
        self.chooser.show_sheet(path)
        self._show_message("")
        self.run_panel.result_box.hide()
        self.checker.cancel()
        self.rows.current = False  # nothing runs on the previous sheet meanwhile
        self.rows.report = None  # the last run's results belong to the last sheet
        self._update_buttons()
        self.rows.note_reading(path.name)
        expected = expected_headers(self.template)
        self._loader.submit(lambda: read_table(path, expected=expected))

    def _loaded(self, table: Table | None, error: BaseException | None) -> None:
        if self._closed:
            return
        if table is None:
            self.table = None
            self.rows.has_sheet = self.rows.current = False
            self._show_columns(None, {})
            self.rows.show_plans([])
            self._show_message(error_text(error), "error")
            self._update_buttons()
            return
        self.table = table
        self.rows.has_sheet = True
        self.chooser.show_table(table)
        remembered = load_mappings(self.mapping_file).get(self.template.id)
        self._show_columns(table, auto_map(self.template, table.headers, remembered))
        if not table.rows:
            self._show_message(self.tr("Lembar {name} hanya berisi judul kolom, tanpa baris "
                                       "data.").format(name=table.path.name), "error")
        self.replan()

    # ------------------------------------------------------------ drag and drop
    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """A sheet may be dropped anywhere on the dialog, except while posts are written."""
        if not self.running and sheet_path_of(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)  # a QDragEnterEvent is a QDragMoveEvent

    def dropEvent(self, event: QDropEvent) -> None:
        path = sheet_path_of(event)
        if path is None or self.running:
            event.ignore()
            return
        event.acceptProposedAction()
        self.load_sheet(path)

    # ------------------------------------------------------------ planning and checking
    def replan(self) -> None:
        """Plan every row again (off the GUI thread; only the latest request counts), then
        check the layout of the good ones."""
        if self.running:
            return
        self.checker.stop_checks()
        self.rows.current = False
        self.run_panel.result_box.hide()
        self.rows.report = None
        table, formats = self.table, self.chosen_formats()
        if table is None or not formats:
            self.checker.cancel()
            self.rows.show_plans([])
            self._update_buttons()
            return
        self.rows.note_planning()
        self._update_buttons()
        self.checker.plan(table, self.template, self.columns.mapping, formats, self.mode)

    def _planned(self, plans: list[RowPlan] | None, error: BaseException | None) -> None:
        if self._closed or self.running:
            return
        if plans is None:
            self._show_message(error_text(error), "error")
        elif self._message[1] == "error" and self.table is not None and self.table.rows:
            self._show_message("")
        self.rows.current = plans is not None
        self.rows.show_plans(sorted(plans or [], key=lambda p: p.rows[0] if p.rows else 0))
        self._update_buttons()
        self.checker.check(self.rows.plans, self.template, self.document.profile)

    def _profile_changed(self) -> None:
        if not self._closed and self.rows.current and not self.running:
            self.rows.show_plans(self.rows.plans)
            self.checker.check(self.rows.plans, self.template, self.document.profile)

    @property
    def plans(self) -> list[RowPlan]:
        """The rows as planned (after a run: with what happened to them)."""
        return self.rows.plans

    def row_state(self, index: int) -> tuple[str, list[str]]:
        """(status, reasons) of plan ``index`` as the table shows it."""
        return self.rows.row_state(index)

    def card_rows(self) -> list[str]:
        """The rows the preview cards show ("baris 2", …)."""
        return self.rows.card_rows()

    # ------------------------------------------------------------ messages and buttons
    def _show_message(self, text: str, kind: str = "error") -> None:
        self._message = (text, kind)
        self.message_label.setText(text)
        color = error_color(self) if kind == "error" else muted_color(self)
        self.message_label.setStyleSheet(f"color: {color}")
        self.message_label.setVisible(bool(text))

    def message(self) -> str:
        return self._message[0]

    def can_run(self) -> bool:
        return (not self.running and self.table is not None and self.rows.current
                and bool(self.chosen_formats()) and not self.missing_fields()
                and any(p.draft is not None for p in self.plans))

    def _update_buttons(self) -> None:
        self.run_panel.enable(run=self.can_run(), close=not self._close_when_done)
        self.setup_box.setEnabled(not self.running)

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [*self.chooser.focus_chain(), *self.columns.focus_chain(),
                                *self.options.focus_chain(), self.rows.table,
                                *self.run_panel.focus_chain()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def write_example_to(self, path: str | Path) -> Path | None:
        """Write the example sheet of the chosen template to ``path``."""
        return self.chooser.write_example_to(path)

    # ------------------------------------------------------------ running
    @property
    def running(self) -> bool:
        return self.run.running

    @property
    def report(self) -> BulkReport | None:
        """The last run's outcome, until a choice changes."""
        return self.rows.report

    def start(self, drafts: bool) -> bool:
        """"Buat Draf…" / "Ekspor Gambar…": ask for the folder, then :meth:`run_into`."""
        if not self.can_run():
            return False
        if not drafts and self._refused():
            return False  # before the folder is asked: nothing with the demo identity goes out
        folder = self.run_panel.ask_folder(drafts, self.sheet_path)
        return bool(folder) and self.run_into(folder, drafts=drafts)

    def _refused(self) -> bool:
        """Images with the demo profile are not exported: say so."""
        refusal = self.run_panel.refusal(self.document.profile)
        if refusal:
            self._show_message(refusal, "error")
        return bool(refusal)

    def run_into(self, folder: str | Path, *, drafts: bool = True) -> bool:
        """Write every good row into ``folder`` (drafts, or exported images), on the run's
        thread; the mapping is remembered for the next sheet of this template."""
        if not self.can_run() or self.table is None or (not drafts and self._refused()):
            return False
        table, template, mapping = self.table, self.template, dict(self.columns.mapping)
        platforms, image_type = export_choices(self.settings)
        remember_mapping(self.mapping_file, template.id, mapping_by_header(mapping,
                                                                          table.headers))
        self.checker.cancel()
        self.run.start(BulkJob(table, template, mapping, formats=self.chosen_formats(),
                               mode=self.mode, profile=self.document.profile, out=Path(folder),
                               drafts=drafts, platforms=platforms, image_type=image_type,
                               library=self.library))
        return True

    def _run_started(self) -> None:
        self._show_message("")
        self._update_buttons()

    def _progressed(self, step: BulkProgress) -> None:
        if not self._closed:
            self.progressed.emit(step)

    def cancel_run(self) -> None:
        self.run_panel.cancel()

    def _run_done(self, report: BulkReport | None, error: BaseException | None) -> None:
        if self._closed:
            return
        self.rows.report = report
        if report is None:
            self._show_message(error_text(error), "error")
        else:
            self.rows.show_report(report)
        self._update_buttons()
        self.run_finished.emit(report)
        if self._close_when_done:
            super().reject()

    def summary(self) -> str:
        return self.run_panel.summary()

    # ------------------------------------------------------------ closing
    def reject(self) -> None:
        """Tutup, Esc or the window's ×: while posts are being written, ask first; a yes
        cancels the run and the dialog closes once it has stopped (what is done stays)."""
        if not self.running:
            super().reject()
        elif not self._close_when_done and self._stop_asked(self.tr(
                "Postingan sedang dibuat. Hentikan dan tutup? Yang sudah selesai tetap "
                "tersimpan, beserta laporan.csv.")):
            self._close_when_done = True
            self.cancel_run()
            self._update_buttons()

    def _stop_asked(self, question: str) -> bool:
        """Asked whether to stop the run: yes?"""
        answer = QMessageBox.question(
            self, self.tr("Pembuatan massal sedang berjalan"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def done(self, result: int) -> None:
        self._closed = True
        self.checker.cancel()
        self._loader.cancel()
        super().done(result)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The main window is closing while posts are written: ask; a yes cancels the run
        and waits for it, so no worker outlives the window."""
        if event.type() == QEvent.Type.Close and watched is not self and self.running:
            if not self._stop_asked(self.tr("Postingan dari lembar kerja sedang dibuat. "
                                            "Hentikan dan keluar? Yang sudah selesai tetap "
                                            "tersimpan.")):
                event.ignore()
                return True
            self.cancel_run()
            self.run.wait(CLOSE_WAIT_MS)
        return super().eventFilter(watched, event)

    @staticmethod
    def reusable(dialog: BulkDialog | None) -> BulkDialog | None:
        """``dialog`` if it is still open (to bring forward); a closed one is let go."""
        if dialog is None:
            return None
        if not dialog._closed:
            return dialog
        dialog.deleteLater()
        return None
