"""Where the rows of Buat Massal dari Lembar Kerja come from: the top of the dialog (the sheet
with "Pilih Lembar…", the template, "Unduh Contoh…") and the folders its file dialogs start
in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ...core.errors import KontenError
from ...core.export.bulk.example import write_example
from ...core.io.spreadsheet import SUFFIXES, Table
from ...core.template.library import Library
from ...core.template.schema import Template
from ..folders import remember_folder, start_folder
from ..style import muted_color, small_font

SETTINGS_SHEETS = "bulk/sheet_folder"
SETTINGS_OUT = "bulk/out_folder"


def sheet_path_of(event: QDropEvent) -> Path | None:
    """The first local spreadsheet file dragged in ``event``, if any."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in SUFFIXES:
            return Path(url.toLocalFile())
    return None


class SheetChooser(QWidget):
    """The sheet (picked here or dropped on the dialog), the template its rows fill, and the
    example sheet of that template to download."""

    sheet_chosen = Signal(object)  # Path, picked with "Pilih Lembar…"
    template_chosen = Signal(object)  # Template, another one than before
    said = Signal(str)  # where the example sheet was saved

    def __init__(self, library: Library, template: Template, settings: QSettings | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.template = template
        self.settings = settings
        self.path: Path | None = None  # the sheet shown
        self.sheet_label = QLabel()
        self.sheet_line = QLineEdit()
        self.sheet_line.setReadOnly(True)
        self.sheet_line.setAcceptDrops(False)  # a drop anywhere goes to the dialog
        self.sheet_line.setObjectName("bulkSheet")
        self.pick_button = QPushButton()
        self.pick_button.clicked.connect(self.choose_sheet)
        self.template_label = QLabel()
        self.template_combo = QComboBox()
        for each in sorted(library.templates.values(), key=lambda t: t.name):
            self.template_combo.addItem(each.name, each.id)
        self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(template.id)))
        self.template_label.setBuddy(self.template_combo)
        self.template_combo.currentIndexChanged.connect(self._template_chosen)
        self.example_button = QPushButton()
        self.example_button.clicked.connect(self.download_example)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setFont(small_font(self))
        top = QGridLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.sheet_label, 0, 0)
        top.addWidget(self.sheet_line, 0, 1)
        top.addWidget(self.pick_button, 0, 2)
        top.addWidget(self.template_label, 1, 0)
        top.addWidget(self.template_combo, 1, 1)
        top.addWidget(self.example_button, 1, 2)
        top.addWidget(self.intro, 2, 1, 1, 2)
        top.setColumnStretch(1, 1)
        self.retranslate()

    def retranslate(self) -> None:
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_sheet(self, path: Path) -> None:
        """``path`` is the sheet (being read)."""
        self.path = path
        self.sheet_line.setText(path.name)
        self.sheet_line.setToolTip(str(path))

    def show_table(self, table: Table) -> None:
        """The sheet is read; of a workbook, say which of its sheets."""
        if table.sheet_name:
            self.sheet_line.setText(self.tr("{file} — lembar “{sheet}”").format(
                file=table.path.name, sheet=table.sheet_name))

    def _template_chosen(self, _index: int = 0) -> None:
        template = self.library.templates.get(str(self.template_combo.currentData()))
        if template is None or template is self.template:
            return
        self.template = template
        self.template_chosen.emit(template)

    def choose_sheet(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih lembar kerja"),
            start_folder(self.settings, SETTINGS_SHEETS, self.path and self.path.parent),
            self.tr("Lembar kerja ({patterns});;Semua berkas (*)").format(patterns=patterns))
        if path:
            remember_folder(self.settings, SETTINGS_SHEETS, Path(path).parent)
            self.sheet_chosen.emit(Path(path))

    def download_example(self) -> None:
        folder = start_folder(self.settings, SETTINGS_SHEETS, self.path and self.path.parent)
        start = Path(folder) / f"contoh-{self.template.id}.xlsx"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Simpan contoh lembar"), str(start),
            self.tr("Buku kerja Excel (*.xlsx);;CSV, dipisah titik koma (*.csv)"))
        if not path:
            return
        path = Path(path)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + (".csv" if "csv" in chosen.lower() else ".xlsx"))
        remember_folder(self.settings, SETTINGS_SHEETS, path.parent)
        self.write_example_to(path)

    def write_example_to(self, path: str | Path) -> Path | None:
        """Write the example sheet of the chosen template to ``path``; say where (or why
        not, in a message box)."""
        try:
            written = write_example(self.template, path)
        except KontenError as exc:
            QMessageBox.warning(self, self.tr("Contoh tidak tersimpan"), str(exc))
            return None
        self.said.emit(self.tr("Contoh lembar disimpan: {path}. Isi di Excel, simpan, lalu "
                               "pilih dengan “Pilih Lembar…”.").format(path=written))
        return written

    def focus_chain(self) -> list[QWidget]:
        """Its widgets in Tab order."""
        return [self.pick_button, self.template_combo, self.example_button]
