"""The verdict on every sheet row, for Buat Massal dari Lembar Kerja: a table of rows with
their status (coloured) and reasons, a summary line above it and the first posts as cards
below. Fed with the plans, each row's check and, after a run, the report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.export.bulk import (
    STATUS_FAILED,
    STATUS_OK,
    STATUS_SKIPPED,
    STATUS_WARNING,
    BulkReport,
    RowPlan,
)
from ..controllers.bulk_run import CHECKING, READY
from ..style import error_color, heading_label, is_dark, muted_color, small_font, warning_color

CARD_SHOWN = 150  # px, a card as shown
WRAPPED_ROWS = 300  # up to this many rows, a row grows to show all its reasons
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


def discard(widget: QWidget) -> None:
    """Take ``widget`` out of the dialog now (gone from view and from findChildren), deleted
    at the next turn of the event loop."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


class RowResultsPanel(QWidget):
    """"Hasil pemeriksaan per baris": what each row of the sheet will give (or, after a run,
    gave), and the first posts as cards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plans: list[RowPlan] = []
        self.report: BulkReport | None = None  # after a run: the rows show what happened
        self.has_sheet = False  # for the summary: a sheet is read
        self.current = False  # the plans shown belong to the current choices
        self._verdicts: dict[int, tuple[str, list[str]]] = {}  # plan index -> status, reasons
        self._cards: list[tuple[str, QPixmap]] = []
        self.title = heading_label("", 0.5)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setFont(small_font(self))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("bulkRows")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, 220)
        self.table.setMinimumHeight(120)
        self.title.setBuddy(self.table)
        self.cards_title = QLabel()
        self.cards_title.setFont(small_font(self))
        self.cards_box = QWidget()
        self.cards_layout = QHBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_box.setFixedHeight(CARD_SHOWN + 24)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.cards_title)
        layout.addWidget(self.cards_box)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("&Hasil pemeriksaan per baris"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Baris"), self.tr("Status"), self.tr("Judul"), self.tr("Keterangan")])
        self.cards_title.setText(self.tr("Pratinjau postingan pertama"))
        self._fill_rows()
        self._show_cards()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ fed by the dialog
    def show_plans(self, plans: list[RowPlan]) -> None:
        """``plans`` as planned, none checked yet (the good ones "memeriksa"), no cards."""
        self.plans = plans
        self._verdicts = {}
        self._fill_rows()
        self._cards = []
        self._show_cards()

    def set_verdict(self, index: int, status: str, reasons: list[str],
                    card: QImage | None) -> None:
        """Plan ``index`` checked: its status and reasons, and its card if it has one."""
        self._verdicts[index] = (status, reasons)
        self._describe_row(index)
        if card is not None:
            self._cards.append((self.plans[index].where, QPixmap.fromImage(card)))
            self._show_cards()
        self._summarise_plans()

    def show_report(self, report: BulkReport) -> None:
        """After a run: what happened to every row, and where."""
        self.report = report
        self.plans = sorted(report.plans, key=lambda p: p.rows[0] if p.rows else 0)
        self._fill_rows()
        self.summary_label.setText(self.tr("Hasil di {folder}").format(folder=report.out_dir))

    def note_reading(self, name: str) -> None:
        self.summary_label.setText(self.tr("Membaca {name}…").format(name=name))

    def note_planning(self) -> None:
        self.summary_label.setText(self.tr("Memeriksa baris…"))

    # ------------------------------------------------------------ the rows
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
        return QColor("#4ADE80" if is_dark(self) else "#15803D")

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
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if len(self.plans) <= WRAPPED_ROWS
            else QHeaderView.ResizeMode.Interactive)
        self.table.setRowCount(len(self.plans))
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
            self.table.setItem(index, col, cell)

    def _summarise_plans(self) -> None:
        if self.report is not None:
            return
        if not self.has_sheet:
            self.summary_label.setText(self.tr("Pilih lembar kerja untuk melihat baris-barisnya "
                                               "di sini."))
            return
        if not self.plans:
            self.summary_label.setText(self.tr("Tidak ada baris data di lembar ini.")
                                       if self.current else "")
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
        self.summary_label.setText(text)

    # ------------------------------------------------------------ the cards
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
