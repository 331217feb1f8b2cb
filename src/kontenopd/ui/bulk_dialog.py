"""Buat Massal dari Lembar Kerja: one post per spreadsheet row, for an admin who has the week's
agenda in Excel.

The flow, top to bottom: pick (or drop) a sheet and a template (or download an example sheet
for it); check which column fills which field (matched automatically, remembered per
template); choose one post per row or one carousel of every row, and the formats; read the
verdict on every row (the rows are planned, then each good row's layout is checked by
rendering it small, in the background, one row at a time) with the first posts as cards; then
write drafts or export images into a folder, with progress, Batal, and a summary with
"Buka Folder" / "Buka Laporan" at the end. All the work is kontenopd.core.bulk's; this dialog
only gathers the choices and shows the outcome.
"""

from __future__ import annotations

import itertools
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.bulk import (
    MODE_ONE_POST,
    MODE_ROWS,
    STATUS_FAILED,
    STATUS_OK,
    STATUS_SKIPPED,
    STATUS_WARNING,
    BulkProgress,
    BulkReport,
    Mapping,
    RowPlan,
    Target,
    auto_map,
    cell_text,
    expected_headers,
    load_mappings,
    mapping_by_header,
    plan,
    remember_mapping,
    run_bulk,
    targets,
    unmapped_required,
)
from ..core.bulk.example import is_help_row, write_example
from ..core.errors import KontenError
from ..core.export import Preflight, preflight
from ..core.model import Profile
from ..core.photos import PhotoCache
from ..core.platforms import PLATFORM_KEYS, PLATFORMS
from ..core.profiles import demo_traces
from ..core.spreadsheet import SUFFIXES, Table, read_table
from ..core.templates import Template
from . import queue_panel
from .document import Document
from .preview import to_qimage
from .profile_dialog import demo_fields
from .style import error_color, heading_label, muted_color, small_font, warning_color
from .tasks import LatestTask, SyncRunner, TaskRunner

NOT_USED = -1  # the combo entry "(tidak dipakai)"
CARDS = 3  # posts previewed as cards
CARD_SIDE = 220  # px, the thumbnail preflight makes for a card
CARD_SHOWN = 150  # px, the card as shown
SMALL_SIDE = 24  # px, the thumbnail of a row that will not be a card (thrown away)
EXAMPLE_CHARS = 40
WRAPPED_ROWS = 300  # up to this many rows, a row grows to show all its reasons
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
# Row states shown before a run; after a run the core's statuses (berhasil, peringatan, gagal,
# dibatalkan) are shown as they are.
CHECKING = "memeriksa"
READY = "ok"
SETTINGS_SHEETS = "bulk/sheet_folder"
SETTINGS_OUT = "bulk/out_folder"
CHECK_PRIORITY = -5  # below the main window's previews: they stay quick while rows are checked
PLAN_PRIORITY = 5
CLOSE_WAIT_MS = 120_000  # the app quits while writing: let the cancelled run finish first


def column_letter(index: int) -> str:
    """0 -> "A", 27 -> "AB": columns as Excel names them."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_path_of(event: QDropEvent) -> Path | None:
    """The first local spreadsheet file dragged in ``event``, if any."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in SUFFIXES:
            return Path(url.toLocalFile())
    return None


def discard(widget: QWidget) -> None:
    """Take ``widget`` out of the dialog now (gone from view and from findChildren), deleted
    at the next turn of the event loop."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


class _Progress(QObject):
    """Carries run_bulk's progress from the worker to the GUI thread (queued signal). Has no
    parent, so a worker still running after the dialog is gone emits into a live object."""

    step = Signal(object)  # BulkProgress


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
        # the run gets its own thread: the window's previews go on while posts are written
        self.run_runner: TaskRunner | SyncRunner = (
            SyncRunner() if isinstance(self.runner, SyncRunner) else TaskRunner())
        self._loader = LatestTask(self.runner, self._loaded, PLAN_PRIORITY)
        self._planner = LatestTask(self.runner, self._planned, PLAN_PRIORITY)
        self._closed = False
        self._close_when_done = False
        self.sheet_path: Path | None = None
        self.table: Table | None = None
        self.template: Template = document.template
        self.mapping: Mapping = {}
        self.plans: list[RowPlan] = []
        self.report: BulkReport | None = None
        self.running = False
        self.cancel_event: threading.Event | None = None
        self._planned_ok = False  # the shown plans belong to the current choices
        self._verdicts: dict[int, tuple[str, list[str]]] = {}  # plan index -> status, reasons
        self._cards: list[tuple[str, QPixmap]] = []
        self._check_gen = 0
        self._check_queue: list[int] = []
        self._check_busy = False
        self._pumping = False
        self._pump_again = False
        self._photo_cache = PhotoCache()
        self._message = ("", "")  # the inline message: text, kind ("error" or "info")
        self._progress_relay = _Progress()
        self._progress_relay.step.connect(self._progressed)
        self.setAcceptDrops(True)

        # ---- sheet and template
        self.sheet_label = QLabel()
        self.sheet_line = QLineEdit()
        self.sheet_line.setReadOnly(True)
        self.sheet_line.setAcceptDrops(False)  # a drop anywhere goes to the dialog
        self.sheet_line.setObjectName("bulkSheet")
        self.pick_button = QPushButton()
        self.pick_button.clicked.connect(self.choose_sheet)
        self.template_label = QLabel()
        self.template_combo = QComboBox()
        for template in sorted(self.library.templates.values(), key=lambda t: t.name):
            self.template_combo.addItem(template.name, template.id)
        self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(
            self.template.id)))
        self.template_label.setBuddy(self.template_combo)
        self.template_combo.currentIndexChanged.connect(self._template_chosen)
        self.example_button = QPushButton()
        self.example_button.clicked.connect(self.download_example)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setFont(small_font(self))
        top = QGridLayout()
        top.addWidget(self.sheet_label, 0, 0)
        top.addWidget(self.sheet_line, 0, 1)
        top.addWidget(self.pick_button, 0, 2)
        top.addWidget(self.template_label, 1, 0)
        top.addWidget(self.template_combo, 1, 1)
        top.addWidget(self.example_button, 1, 2)
        top.addWidget(self.intro, 2, 1, 1, 2)
        top.setColumnStretch(1, 1)

        # ---- column mapping (rebuilt for every template and sheet)
        self.mapping_title = heading_label("", 0.5)
        self.mapping_area = QScrollArea()
        self.mapping_area.setWidgetResizable(True)
        self.mapping_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.mapping_area.setMinimumHeight(120)
        self.mapping_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.combos: dict[str, QComboBox] = {}
        self._example_labels: dict[str, QLabel] = {}
        self._target_labels: dict[str, QLabel] = {}
        self._targets: dict[str, Target] = {}
        self._mapping_heads: list[QLabel] = []
        self.missing_label = QLabel()
        self.missing_label.setObjectName("bulkMissing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(f"color: {error_color(self)}")

        # ---- mode and formats
        self.mode_label = QLabel()
        self.mode_rows = QRadioButton()
        self.mode_one = QRadioButton()
        self.mode_rows.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.mode_rows)
        self.mode_group.addButton(self.mode_one)
        self.mode_group.buttonToggled.connect(
            lambda _button, on: self.replan() if on else None)
        self.formats_label = QLabel()
        self.formats_row = QHBoxLayout()
        self.formats_row.addStretch(1)
        self.format_boxes: dict[str, QCheckBox] = {}
        options = QGridLayout()
        options.addWidget(self.mode_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        modes = QVBoxLayout()
        modes.setSpacing(2)
        modes.addWidget(self.mode_rows)
        modes.addWidget(self.mode_one)
        options.addLayout(modes, 0, 1)
        options.addWidget(self.formats_label, 1, 0)
        options.addLayout(self.formats_row, 1, 1)
        options.setColumnStretch(1, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addWidget(self.mapping_title)
        left_layout.addWidget(self.mapping_area, 1)
        left_layout.addWidget(self.missing_label)
        left_layout.addLayout(options)

        # ---- rows and cards
        self.rows_title = heading_label("", 0.5)
        self.rows_summary = QLabel()
        self.rows_summary.setWordWrap(True)
        self.rows_summary.setFont(small_font(self))
        self.rows_table = QTableWidget(0, 4)
        self.rows_table.setObjectName("bulkRows")
        self.rows_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rows_table.setAlternatingRowColors(True)
        self.rows_table.setWordWrap(True)
        self.rows_table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.rows_table.verticalHeader().hide()
        header = self.rows_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.rows_table.setColumnWidth(2, 220)
        self.rows_table.setMinimumHeight(120)
        self.rows_title.setBuddy(self.rows_table)
        self.cards_title = QLabel()
        self.cards_title.setFont(small_font(self))
        self.cards_box = QWidget()
        self.cards_layout = QHBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_box.setFixedHeight(CARD_SHOWN + 24)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addWidget(self.rows_title)
        right_layout.addWidget(self.rows_summary)
        right_layout.addWidget(self.rows_table, 1)
        right_layout.addWidget(self.cards_title)
        right_layout.addWidget(self.cards_box)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        # ---- messages, progress, result, actions
        self.message_label = QLabel()
        self.message_label.setObjectName("bulkMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("bulkProgress")
        self.progress_label = QLabel()
        self.progress_label.setFont(small_font(self))
        self.progress_label.setWordWrap(True)
        self.progress_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                          QSizePolicy.Policy.Preferred)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_run)
        self.progress_box = QWidget()
        pl = QGridLayout(self.progress_box)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.progress, 0, 0)
        pl.addWidget(self.cancel_button, 0, 1)
        pl.addWidget(self.progress_label, 1, 0, 1, 2)
        self.progress_box.hide()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("bulkSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton()
        self.open_folder_button.clicked.connect(self.open_result_folder)
        self.open_report_button = QPushButton()
        self.open_report_button.clicked.connect(self.open_report)
        self.result_box = QWidget()
        rl = QHBoxLayout(self.result_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.summary_label, 1)
        rl.addWidget(self.open_folder_button)
        rl.addWidget(self.open_report_button)
        self.result_box.hide()
        self.draft_button = QPushButton()
        self.draft_button.setObjectName("bulkDrafts")
        self.draft_button.clicked.connect(lambda: self.start(drafts=True))
        self.export_button = QPushButton()
        self.export_button.setObjectName("bulkExport")
        self.export_button.clicked.connect(lambda: self.start(drafts=False))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.draft_button)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        actions.addWidget(self.buttons)

        self.setup_box = QWidget()  # everything a run must not change while it goes
        setup = QVBoxLayout(self.setup_box)
        setup.setContentsMargins(0, 0, 0, 0)
        setup.addLayout(top)
        setup.addWidget(self.splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.setup_box, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.result_box)
        layout.addLayout(actions)

        document.profile_changed.connect(self._profile_changed)
        if parent is not None:
            parent.window().installEventFilter(self)  # the app quitting while posts are written
        self._build_formats()
        self._build_mapping()
        self.retranslate()
        self._fit_to_screen()
        self._update_buttons()

    # ------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Buat Massal dari Lembar Kerja"))
        self.sheet_label.setText(self.tr("Lembar kerja:"))
        self.sheet_line.setPlaceholderText(self.tr("Belum dipilih — klik “Pilih Lembar…” atau "
                                                   "seret berkas CSV/XLSX ke jendela ini"))
        self.pick_button.setText(self.tr("&Pilih Lembar…"))
        self.pick_button.setToolTip(self.tr("Buka berkas Excel (XLSX/XLS), LibreOffice (ODS) "
                                            "atau CSV"))
        self.template_label.setText(self.tr("&Templat:"))
        self.example_button.setText(self.tr("&Unduh Contoh…"))
        self.example_button.setToolTip(self.tr("Simpan lembar contoh dengan kolom yang tepat "
                                               "untuk templat ini, untuk diisi di Excel"))
        self.intro.setText(self.tr("Satu baris lembar = satu postingan. Belum punya lembar? "
                                   "Unduh contoh untuk templat ini, isi di Excel, simpan, lalu "
                                   "pilih di sini."))
        self.intro.setStyleSheet(f"color: {muted_color(self)}")
        self.mapping_title.setText(self.tr("&Kolom lembar untuk tiap isian"))
        for combo in self.combos.values():
            combo.setItemText(0, self.tr("(tidak dipakai)"))
        self._describe_targets()
        self.mode_label.setText(self.tr("Postingan:"))
        self.mode_rows.setText(self.tr("Satu postingan per ba&ris"))
        self.mode_one.setText(self.tr("Semua baris jadi satu postingan (&carousel)"))
        self.mode_one.setToolTip(self.tr("Tiap baris menambah satu foto atau butir daftar ke "
                                         "satu postingan"))
        self.formats_label.setText(self.tr("Format:"))
        self.rows_title.setText(self.tr("&Hasil pemeriksaan per baris"))
        self.rows_table.setHorizontalHeaderLabels([
            self.tr("Baris"), self.tr("Status"), self.tr("Judul"), self.tr("Keterangan")])
        self.cards_title.setText(self.tr("Pratinjau postingan pertama"))
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
        platforms, image_type = self.export_choices()
        self.export_button.setToolTip(self.tr(
            "Langsung ekspor gambar dan caption tiap postingan ke folder pilihan. Jenis berkas "
            "({type}) dan platform ({platforms}) mengikuti pilihan di panel Antrean.").format(
                type=image_type.upper(),
                platforms=", ".join(PLATFORMS[p].name for p in platforms)))
        self._show_message(*self._message)
        self._fill_rows()
        self._show_cards()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
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
    def _template_chosen(self, _index: int = 0) -> None:
        template = self.library.templates.get(str(self.template_combo.currentData()))
        if template is None or template is self.template:
            return
        self.template = template
        self._build_formats()
        if self.sheet_path is not None:
            self.load_sheet(self.sheet_path)  # another template looks for other headers
        else:
            self._build_mapping()
            self._update_buttons()

    def _build_formats(self) -> None:
        for box in self.format_boxes.values():
            self.formats_row.removeWidget(box)
            discard(box)
        self.format_boxes = {}
        for i, fmt in enumerate(self.template.format_keys):
            box = QCheckBox(fmt)
            box.setChecked(i == 0)
            box.toggled.connect(self._formats_toggled)
            self.formats_row.insertWidget(self.formats_row.count() - 1, box)
            self.format_boxes[fmt] = box
        self._fix_tab_order()

    def chosen_formats(self) -> list[str]:
        return [fmt for fmt, box in self.format_boxes.items() if box.isChecked()]

    def _formats_toggled(self, _on: bool) -> None:
        self._show_problems()
        self.replan()

    @property
    def mode(self) -> str:
        return MODE_ONE_POST if self.mode_one.isChecked() else MODE_ROWS

    def export_choices(self) -> tuple[list[str], str]:
        """The platforms and file type of an image export: those of the Antrean panel."""
        if self.settings is None:
            return list(PLATFORM_KEYS), "jpg"
        chosen = queue_panel._setting_list(self.settings, queue_panel.SETTINGS_PLATFORMS,
                                           PLATFORM_KEYS)
        platforms = [p for p in chosen if p in PLATFORMS] or list(PLATFORM_KEYS)
        image_type = str(self.settings.value(queue_panel.SETTINGS_TYPE, "jpg") or "jpg")
        return platforms, image_type if image_type in ("jpg", "png") else "jpg"

    # ------------------------------------------------------------ the sheet
    def _start_folder(self, key: str) -> str:
        remembered = str(self.settings.value(key, "") or "") if self.settings else ""
        candidates = [remembered,
                      str(self.sheet_path.parent) if self.sheet_path else "",
                      QStandardPaths.writableLocation(
                          QStandardPaths.StandardLocation.DocumentsLocation),
                      str(Path.home())]
        return next((c for c in candidates if c and Path(c).is_dir()), str(Path.home()))

    def _remember_folder(self, key: str, folder: Path) -> None:
        if self.settings is not None:
            self.settings.setValue(key, str(folder))

    def choose_sheet(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih lembar kerja"), self._start_folder(SETTINGS_SHEETS),
            self.tr("Lembar kerja ({patterns});;Semua berkas (*)").format(patterns=patterns))
        if path:
            self._remember_folder(SETTINGS_SHEETS, Path(path).parent)
            self.load_sheet(path)

    def load_sheet(self, path: str | Path) -> None:
        """Read ``path`` (off the GUI thread); the columns are matched when it arrives."""
        if self.running:
            return
        path = Path(path)
        self.sheet_path = path
        self.sheet_line.setText(path.name)
        self.sheet_line.setToolTip(str(path))
        self._show_message("")
        self.result_box.hide()
        self._stop_checks()
        self._planner.cancel()
        self._planned_ok = False  # nothing runs on the previous sheet meanwhile
        self._update_buttons()
        self.rows_summary.setText(self.tr("Membaca {name}…").format(name=path.name))
        expected = expected_headers(self.template)
        self._loader.submit(lambda: read_table(path, expected=expected))

    def _loaded(self, table: Table | None, error: BaseException | None) -> None:
        if self._closed:
            return
        if table is None:
            self.table = None
            self.mapping = {}
            self.plans = []
            self._planned_ok = False
            self._build_mapping()
            self._fill_rows()
            self._set_cards([])
            self._show_message(self._error_text(error), "error")
            self._update_buttons()
            return
        self.table = table
        if table.sheet_name:  # a workbook: which of its sheets was read
            self.sheet_line.setText(self.tr("{file} — lembar “{sheet}”").format(
                file=table.path.name, sheet=table.sheet_name))
        remembered = load_mappings(self.mapping_file).get(self.template.id)
        self.mapping = auto_map(self.template, table.headers, remembered)
        self._build_mapping()
        if not table.rows:
            self._show_message(self.tr("Lembar {name} hanya berisi judul kolom, tanpa baris "
                                       "data.").format(name=table.path.name), "error")
        self.replan()

    def _error_text(self, error: BaseException | None) -> str:
        """One Indonesian line for the user, never a traceback."""
        if isinstance(error, KontenError):
            return str(error)
        if isinstance(error, OSError):
            return self.tr("Berkas tidak bisa dibuka: {why}").format(
                why=error.strerror or error)
        return self.tr("Tidak bisa dilanjutkan: {error}").format(error=error or "")

    # ------------------------------------------------------------ drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.running and sheet_path_of(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self.running and sheet_path_of(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = sheet_path_of(event)
        if path is None or self.running:
            event.ignore()
            return
        event.acceptProposedAction()
        self.load_sheet(path)

    # ------------------------------------------------------------ column mapping
    def _build_mapping(self) -> None:
        """One line per target: its label (and "wajib"), the column combo, the first row's
        value in that column."""
        headers = self.table.headers if self.table is not None else ()
        needed = {f.key for f in unmapped_required(self.template, {})}
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self._mapping_heads = []
        for col in range(3):
            head = QLabel()
            head.setFont(small_font(self))
            head.setStyleSheet(f"color: {muted_color(self)}")
            grid.addWidget(head, 0, col)
            self._mapping_heads.append(head)
        self.combos = {}
        self._example_labels = {}
        self._target_labels = {}
        self._targets = {}
        duplicates = {h for h in headers if h and list(headers).count(h) > 1}
        for row, target in enumerate(targets(self.template), start=1):
            label = QLabel()
            label.setProperty("wajib", target.field.key in needed and not target.column)
            combo = QComboBox()
            combo.setObjectName(f"bulkColumn:{target.key}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
            combo.addItem(self.tr("(tidak dipakai)"), NOT_USED)
            for i, text in enumerate(headers):
                shown = text or self.tr("(kolom {letter} tanpa judul)").format(
                    letter=column_letter(i))
                if text in duplicates:
                    shown = self.tr("{header} (kolom {letter})").format(
                        header=text, letter=column_letter(i))
                combo.addItem(shown, i)
            combo.setCurrentIndex(max(0, combo.findData(self.mapping.get(target.key,
                                                                         NOT_USED))))
            combo.setEnabled(self.table is not None)
            combo.currentIndexChanged.connect(self._mapping_changed)
            label.setBuddy(combo)
            example = QLabel()
            example.setFont(small_font(self))
            example.setStyleSheet(f"color: {muted_color(self)}")
            example.setTextFormat(Qt.TextFormat.PlainText)
            example.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            example.setMinimumWidth(60)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(example, row, 2)
            self.combos[target.key] = combo
            self._example_labels[target.key] = example
            self._target_labels[target.key] = label
            self._targets[target.key] = target
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.combos) + 1, 1)
        self.mapping_area.setWidget(grid_widget)  # the old grid is deleted
        first = next(iter(self.combos.values()), None)
        if first is not None:
            self.mapping_title.setBuddy(first)
        self._describe_targets()
        self._fix_tab_order()

    def _describe_targets(self) -> None:
        """Labels, the first row's values and the red line for required fields left out."""
        heads = (self.tr("Isian templat"), self.tr("Kolom di lembar"),
                 self.tr("Isi baris pertama"))
        for head, text in zip(self._mapping_heads, heads, strict=False):
            head.setText(text)
        first = self._first_row()
        for key, label in self._target_labels.items():
            target = self._targets[key]
            text = target.label
            if label.property("wajib"):
                text = self.tr("{label} (wajib)").format(label=target.label)
            label.setText(text)
            default = target.field.default
            label.setToolTip(self.tr("Jika tidak dipilih, dipakai: {value}").format(
                value=cell_text(default)) if default not in (None, "") and not target.column
                else "")
            column = self.mapping.get(key)
            value = cell_text(first.get(column)) if first is not None and column is not None \
                else ""
            value = " ".join(value.split())
            example = self._example_labels[key]
            example.setText(value if len(value) <= EXAMPLE_CHARS
                            else value[:EXAMPLE_CHARS - 1] + "…")
            example.setToolTip(value)
        self._show_problems()

    def _show_problems(self) -> None:
        """The red lines under the columns: required fields without a column, no format."""
        problems = [self.tr("Kolom untuk '{field}' belum dipilih.").format(field=label)
                    for label in self.missing_fields()] if self.table is not None else []
        if not self.chosen_formats():
            problems.append(self.tr("Pilih minimal satu format."))
        self.missing_label.setText("\n".join(problems))
        self.missing_label.setVisible(bool(problems))

    def _first_row(self) -> Any:
        if self.table is None:
            return None
        return next((row for row in self.table.rows if not is_help_row(row.cells)), None)

    def _mapping_changed(self, _index: int = 0) -> None:
        self.mapping = {key: int(combo.currentData()) for key, combo in self.combos.items()
                        if combo.currentData() is not None
                        and int(combo.currentData()) != NOT_USED}
        self._describe_targets()
        self.replan()

    def choose_column(self, key: str, header: str) -> None:
        """Pick the column named ``header`` for target ``key`` (as the user does in its
        combo)."""
        combo = self.combos[key]
        index = combo.findData(NOT_USED) if not header else next(
            (i for i in range(combo.count()) if self.table is not None
             and combo.itemData(i) != NOT_USED
             and self.table.headers[int(combo.itemData(i))] == header), -1)
        if index < 0:
            raise KeyError(header)
        combo.setCurrentIndex(index)

    def missing_fields(self) -> list[str]:
        return [f.label for f in unmapped_required(self.template, self.mapping)]

    # ------------------------------------------------------------ planning and checking
    def replan(self) -> None:
        """Plan every row again (off the GUI thread; only the latest request counts), then
        check the layout of the good ones."""
        if self.running:
            return
        self._stop_checks()
        self._planned_ok = False
        self.result_box.hide()
        self.report = None
        table, template, formats = self.table, self.template, self.chosen_formats()
        if table is None or not formats:
            self._planner.cancel()
            self.plans = []
            self._fill_rows()
            self._set_cards([])
            self._update_buttons()
            return
        mapping, mode = dict(self.mapping), self.mode
        self.rows_summary.setText(self.tr("Memeriksa baris…"))
        self._update_buttons()
        self._planner.submit(lambda: plan(table, template, mapping, formats=formats,
                                          mode=mode))

    def _planned(self, plans: list[RowPlan] | None, error: BaseException | None) -> None:
        if self._closed or self.running:
            return
        if plans is None:
            self.plans = []
            self._show_message(self._error_text(error), "error")
        else:
            self.plans = sorted(plans, key=lambda p: p.rows[0] if p.rows else 0)
            if self._message[1] == "error" and self.table is not None and self.table.rows:
                self._show_message("")
        self._planned_ok = plans is not None
        self._verdicts = {}
        self._fill_rows()
        self._set_cards([])
        self._update_buttons()
        self._start_checks()

    def _start_checks(self) -> None:
        self._check_gen += 1
        self._check_queue = [i for i, p in enumerate(self.plans) if p.draft is not None]
        self._check_busy = False
        self._photo_cache = PhotoCache()  # photos changed on disk are read again
        self._pump()

    def _stop_checks(self) -> None:
        """Rows not checked yet are not checked any more (the one rendering finishes and is
        ignored)."""
        self._check_gen += 1
        self._check_queue = []
        self._check_busy = False

    def _pump(self) -> None:
        """Start the next row's check. A loop, not recursion: with a synchronous runner the
        callback of each check comes back here before ``run`` returns."""
        if self._pumping:
            self._pump_again = True
            return
        self._pumping = True
        try:
            while True:
                self._pump_again = False
                if self._check_busy or not self._check_queue or self.running:
                    break
                self._check_next()
                if not self._pump_again:
                    break
        finally:
            self._pumping = False

    def _check_next(self) -> None:
        index = self._check_queue.pop(0)
        item = self.plans[index]
        draft = item.draft
        if draft is None:
            return
        generation, template, profile = self._check_gen, self.template, self.document.profile
        formats, cache = list(draft.formats), self._photo_cache
        side = CARD_SIDE if len(self._cards) < CARDS else SMALL_SIDE
        self._check_busy = True
        self.runner.run(lambda: preflight(template, draft, profile, formats, photos=cache,
                                          thumb_side=side),
                        lambda result, error: self._checked(generation, index, result, error),
                        CHECK_PRIORITY)

    def _checked(self, generation: int, index: int, result: Preflight | None,
                 error: BaseException | None) -> None:
        if self._closed or generation != self._check_gen:
            return
        self._check_busy = False
        check = result if result is not None else Preflight(error=self._error_text(error))
        item = self.plans[index]
        failed = ([check.error] if check.error else []) + [
            self.tr("{format} tidak bisa diekspor: {why}").format(format=fmt, why=why)
            for fmt, why in check.blocked.items()]
        warned = [*item.warnings, *(w for w in check.warnings if w not in item.warnings)]
        if failed:
            verdict = (STATUS_FAILED, failed + warned)
        elif warned:
            verdict = (STATUS_WARNING, warned)
        else:
            verdict = (READY, [])
        self._verdicts[index] = verdict
        self._describe_row(index)
        if verdict[0] != STATUS_FAILED and check.thumbnail is not None \
                and len(self._cards) < CARDS:
            self._cards.append((item.where, QPixmap.fromImage(to_qimage(check.thumbnail))))
            self._show_cards()
        self._summarise_plans()
        self._pump()

    def _profile_changed(self) -> None:
        if not self._closed and self._planned_ok and not self.running:
            self._verdicts = {}
            self._fill_rows()
            self._set_cards([])
            self._start_checks()

    # ------------------------------------------------------------ the rows table
    def _status_texts(self) -> dict[str, str]:
        return {CHECKING: self.tr("… Memeriksa"), READY: self.tr("✔ OK"),
                STATUS_OK: self.tr("✔ Berhasil"), STATUS_WARNING: self.tr("⚠ Peringatan"),
                STATUS_FAILED: self.tr("✖ Gagal"), STATUS_SKIPPED: self.tr("– Dibatalkan")}

    def _status_color(self, status: str) -> QColor:
        if status == STATUS_FAILED:
            return QColor(error_color(self))
        if status == STATUS_WARNING:
            return QColor(warning_color(self))
        if status in (CHECKING, STATUS_SKIPPED):
            return QColor(muted_color(self))
        return QColor("#4ADE80" if self.palette().window().color().lightness() < 128
                      else "#15803D")

    def row_state(self, index: int) -> tuple[str, list[str]]:
        """(status, reasons) of plan ``index`` as the table shows it."""
        item = self.plans[index]
        if self.report is not None:  # after a run: what happened
            return item.status, item.errors or item.warnings
        if item.errors:
            return STATUS_FAILED, item.errors
        return self._verdicts.get(index, (CHECKING, []))

    def _fill_rows(self) -> None:
        # rows as tall as their reasons, following the column's width (a long sheet keeps one
        # line a row: measuring thousands of rows would slow every change down)
        self.rows_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if len(self.plans) <= WRAPPED_ROWS
            else QHeaderView.ResizeMode.Interactive)
        self.rows_table.setRowCount(len(self.plans))
        for index in range(len(self.plans)):
            self._describe_row(index)
        self._summarise_plans()

    def _describe_row(self, index: int) -> None:
        item = self.plans[index]
        status, reasons = self.row_state(index)
        rows = item.rows
        number = "" if not rows else str(rows[0]) if len(rows) == 1 \
            else f"{rows[0]}–{rows[-1]}"
        detail = "; ".join(reasons)
        tip = "\n".join(reasons)
        if self.report is not None and item.output and status != STATUS_FAILED:
            written = Path(item.output).name
            detail = f"→ {written}" + (f"; {detail}" if detail else "")
            tip = "\n".join([item.output, *reasons])
        cells = [number, self._status_texts()[status], item.title, detail]
        for col, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setToolTip(tip or text)
            if col == 1:
                cell.setData(STATUS_ROLE, status)
                cell.setForeground(self._status_color(status))
            self.rows_table.setItem(index, col, cell)

    def _summarise_plans(self) -> None:
        if self.report is not None:
            return
        if self.table is None:
            self.rows_summary.setText(self.tr("Pilih lembar kerja untuk melihat baris-barisnya "
                                              "di sini."))
            return
        if not self.plans:
            self.rows_summary.setText(self.tr("Tidak ada baris data di lembar ini.")
                                      if self._planned_ok else "")
            return
        states = [self.row_state(i)[0] for i in range(len(self.plans))]
        posts = sum(1 for s in states if s in (READY, STATUS_WARNING, CHECKING))
        failed = sum(max(1, len(p.rows)) for p, s in zip(self.plans, states, strict=True)
                     if s == STATUS_FAILED)
        warned = states.count(STATUS_WARNING)
        checking = states.count(CHECKING)
        text = self.tr("{posts} postingan akan dibuat; {failed} baris gagal.").format(
            posts=posts, failed=failed)
        if warned:
            text += " " + self.tr("{n} dengan peringatan.").format(n=warned)
        if checking:
            text += " " + self.tr("Memeriksa tata letak… ({n} lagi)").format(n=checking)
        self.rows_summary.setText(text)

    # ------------------------------------------------------------ the cards
    def _set_cards(self, cards: list[tuple[str, QPixmap]]) -> None:
        self._cards = list(cards)
        self._show_cards()

    def _show_cards(self) -> None:
        while self.cards_layout.count():
            taken = self.cards_layout.takeAt(0)
            if taken.widget() is not None:
                discard(taken.widget())
        if not self._cards:
            empty = QLabel(self.tr("Pratinjau muncul di sini setelah baris diperiksa."))
            empty.setStyleSheet(f"color: {muted_color(self)}")
            empty.setWordWrap(True)
            self.cards_layout.addWidget(empty, 1)
            return
        for where, pixmap in self._cards:
            card = QWidget()
            card.setObjectName("bulkCard")
            column = QVBoxLayout(card)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            image = QLabel()
            image.setAlignment(Qt.AlignmentFlag.AlignCenter)
            image.setPixmap(pixmap.scaled(CARD_SHOWN, CARD_SHOWN,
                                          Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))
            caption = QLabel(self.tr("Baris {rows}").format(rows=where.removeprefix("baris ")))
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setFont(small_font(self))
            column.addWidget(image, 1)
            column.addWidget(caption)
            self.cards_layout.addWidget(card)
        self.cards_layout.addStretch(1)

    def card_rows(self) -> list[str]:
        """The rows the preview cards show ("baris 2", …)."""
        return [where for where, _pixmap in self._cards]

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
        return (not self.running and self.table is not None and self._planned_ok
                and bool(self.chosen_formats()) and not self.missing_fields()
                and any(p.draft is not None for p in self.plans))

    def _update_buttons(self) -> None:
        ok = self.can_run()
        self.draft_button.setEnabled(ok)
        self.export_button.setEnabled(ok)
        self.setup_box.setEnabled(not self.running)
        self.buttons.setEnabled(not self._close_when_done)

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.pick_button, self.template_combo, self.example_button,
                                *self.combos.values(), self.mode_rows, self.mode_one,
                                *self.format_boxes.values(), self.rows_table,
                                self.draft_button, self.export_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------ the example sheet
    def download_example(self) -> None:
        start = Path(self._start_folder(SETTINGS_SHEETS)) / f"contoh-{self.template.id}.xlsx"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Simpan contoh lembar"), str(start),
            self.tr("Buku kerja Excel (*.xlsx);;CSV, dipisah titik koma (*.csv)"))
        if not path:
            return
        path = Path(path)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + (".csv" if "csv" in chosen.lower() else ".xlsx"))
        self._remember_folder(SETTINGS_SHEETS, path.parent)
        self.write_example_to(path)

    def write_example_to(self, path: str | Path) -> Path | None:
        """Write the example sheet of the chosen template to ``path``; say where (or why
        not, in a message box)."""
        try:
            written = write_example(self.template, path)
        except KontenError as exc:
            QMessageBox.warning(self, self.tr("Contoh tidak tersimpan"), str(exc))
            return None
        self._show_message(self.tr("Contoh lembar disimpan: {path}. Isi di Excel, simpan, lalu "
                                   "pilih dengan “Pilih Lembar…”.").format(path=written),
                           "info")
        return written

    # ------------------------------------------------------------ running
    def demo_refusal(self, profile: Profile) -> str:
        """Why images with ``profile`` are not exported ("" for a real OPD profile)."""
        traces = demo_traces(profile)
        if not traces:
            return ""
        return self.tr("Gambar belum bisa diekspor: profil yang dipakai masih profil contoh "
                       "({fields} masih berisi contoh). Isi identitas OPD Anda lewat Profil ▸ "
                       "Kelola profil…, atau pilih “Buat Draf…” dulu.").format(
                           fields=demo_fields(traces))

    def start(self, drafts: bool) -> bool:
        """"Buat Draf…" / "Ekspor Gambar…": ask for the folder, then :meth:`run_into`."""
        if not self.can_run():
            return False
        if not drafts:
            refusal = self.demo_refusal(self.document.profile)
            if refusal:  # before the folder is asked: nothing with the demo identity goes out
                self._show_message(refusal, "error")
                return False
        title = self.tr("Pilih folder untuk draf") if drafts else self.tr(
            "Pilih folder tujuan ekspor")
        folder = QFileDialog.getExistingDirectory(self, title, self._start_folder(SETTINGS_OUT))
        if not folder:
            return False
        self._remember_folder(SETTINGS_OUT, Path(folder))
        return self.run_into(folder, drafts=drafts)

    def run_into(self, folder: str | Path, *, drafts: bool = True) -> bool:
        """Write every good row into ``folder`` (drafts, or exported images), on the run's
        thread; the mapping is remembered for the next sheet of this template."""
        if not self.can_run() or self.table is None:
            return False
        profile = self.document.profile
        if not drafts:
            refusal = self.demo_refusal(profile)
            if refusal:
                self._show_message(refusal, "error")
                return False
        table, template, mapping = self.table, self.template, dict(self.mapping)
        formats, mode, library = self.chosen_formats(), self.mode, self.library
        platforms, image_type = self.export_choices()
        remember_mapping(self.mapping_file, template.id, mapping_by_header(mapping,
                                                                          table.headers))
        self._stop_checks()
        self._planner.cancel()
        cancel = self.cancel_event = threading.Event()
        relay = self._progress_relay
        self.running = True
        self._show_message("")
        self.result_box.hide()
        self.progress.setRange(0, 0)  # busy until the first step gives the total
        self.progress_label.setText(self.tr("Menyiapkan…"))
        self.cancel_button.setEnabled(True)
        self.progress_box.show()
        self._update_buttons()
        self.cancel_button.setFocus()
        out = Path(folder)

        def job() -> BulkReport:
            plans = plan(table, template, mapping, formats=formats, mode=mode)
            return run_bulk(plans, template, profile, out, drafts=drafts, platforms=platforms,
                            image_type=image_type, progress=relay.step.emit, cancel=cancel,
                            refuse_demo=not drafts, library=library)

        self.run_runner.run(job, self._run_done)
        return True

    def _progressed(self, step: BulkProgress) -> None:
        if self._closed or not self.running:
            return
        if step.total:
            self.progress.setRange(0, step.total)
            self.progress.setValue(step.done)
        if self.cancel_event is None or not self.cancel_event.is_set():  # else "Membatalkan…"
            self.progress_label.setText(self.tr("{done} dari {total}: {message}").format(
                done=step.done, total=step.total, message=step.message))
        self.progressed.emit(step)

    def cancel_run(self) -> None:
        if not self.running or self.cancel_event is None:
            return
        self.cancel_event.set()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Membatalkan… menunggu postingan yang sedang "
                                            "dibuat."))

    def _run_done(self, report: BulkReport | None, error: BaseException | None) -> None:
        self.running = False
        self.cancel_event = None
        if self._closed:
            return
        self.progress_box.hide()
        self.report = report
        if report is None:
            self._show_message(self._error_text(error), "error")
            self._update_buttons()
            self.run_finished.emit(None)
            if self._close_when_done:
                super().reject()
            return
        self.plans = sorted(report.plans, key=lambda p: p.rows[0] if p.rows else 0)
        self._fill_rows()
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
        self.rows_summary.setText(self.tr("Hasil di {folder}").format(folder=report.out_dir))
        self._update_buttons()
        self.open_folder_button.setFocus()
        self.run_finished.emit(report)
        if self._close_when_done:
            super().reject()

    def summary(self) -> str:
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
        self._show_message(self.tr("Tidak bisa dibuka di komputer ini. Letaknya: {path}")
                           .format(path=path), "info")
        return False

    # ------------------------------------------------------------ closing
    def reject(self) -> None:
        """Tutup, Esc or the window's ×: while posts are being written, ask first; a yes
        cancels the run and the dialog closes once it has stopped (what is done stays)."""
        if self.running:
            if self._close_when_done:
                return
            answer = QMessageBox.question(
                self, self.tr("Pembuatan massal sedang berjalan"),
                self.tr("Postingan sedang dibuat. Hentikan dan tutup? Yang sudah selesai tetap "
                        "tersimpan, beserta laporan.csv."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
            self._close_when_done = True
            self.cancel_run()
            self._update_buttons()
            return
        super().reject()

    def done(self, result: int) -> None:
        self._closed = True
        self._stop_checks()
        self._loader.cancel()
        self._planner.cancel()
        super().done(result)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The main window is closing while posts are written: ask; a yes cancels the run
        and waits for it, so no worker outlives the window."""
        if event.type() == QEvent.Type.Close and watched is not self and self.running:
            answer = QMessageBox.question(
                self, self.tr("Pembuatan massal sedang berjalan"),
                self.tr("Postingan dari lembar kerja sedang dibuat. Hentikan dan keluar? Yang "
                        "sudah selesai tetap tersimpan."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return True
            self.cancel_run()
            self.run_runner.wait(CLOSE_WAIT_MS)
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
