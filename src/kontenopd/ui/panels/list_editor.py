"""The editor of a list field: a table, one row per item and one column per part."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import editing
from ...core.model.records import MAX_VALUE_CHARS
from ...core.template.schema import Field
from .editors import Editor


class _CappedCells(QStyledItemDelegate):
    """Cell editors that stop at the field-length cap (a paste cannot make a huge value)."""

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(MAX_VALUE_CHARS)
        return editor


class ListEditor(Editor):
    """A table: one row per item, one column per part (e.g. figure | label).

    It holds at most the field's ``max_items`` rows (the template's capacity; a longer draft
    from elsewhere keeps its rows and the preview names the surplus) and at most
    MAX_VALUE_CHARS characters in all: an edit beyond that is refused and the table shows the
    previous value, with the reason in its tooltip.
    """

    def __init__(self, field: Field) -> None:
        super().__init__(field)
        columns = list(field.columns) or [field.label]
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([c.replace("_", " ").capitalize() for c in columns])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for i in range(len(columns)):
            mode = QHeaderView.ResizeMode.Stretch if i == len(columns) - 1 else \
                QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(i, mode)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(150)
        self.table.setItemDelegate(_CappedCells(self.table))
        self.add = QPushButton(self.tr("Tambah baris"))
        self.remove = QPushButton(self.tr("Hapus baris"))
        self.up = QPushButton("↑")
        self.down = QPushButton("↓")
        self.up.setToolTip(self.tr("Naikkan baris"))
        self.down.setToolTip(self.tr("Turunkan baris"))
        for b in (self.up, self.down):
            b.setFixedWidth(b.sizeHint().height() + 6)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        for b in (self.add, self.remove, self.up, self.down):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.widget = box
        self._value = ""  # the stored text form last shown or sent
        self.table.itemChanged.connect(self._changed)
        self.add.clicked.connect(self._add_row)
        self.remove.clicked.connect(self._remove_row)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))

    def rows(self) -> list[list[str]]:
        out = []
        for r in range(self.table.rowCount()):
            out.append([(self.table.item(r, c).text() if self.table.item(r, c) else "")
                        for c in range(self.table.columnCount())])
        return out

    def _emit(self, rows: list[list[str]]) -> None:
        text = editing.join_lines(rows)
        if len(text) > MAX_VALUE_CHARS:
            self.table.setToolTip(QCoreApplication.translate(
                "EditorForm", "Daftar terlalu panjang: paling banyak {n} karakter per isian; "
                              "perubahan terakhir dibatalkan.").format(n=MAX_VALUE_CHARS))
            # back to the last accepted value once Qt has finished committing the cell
            QTimer.singleShot(0, self.table, lambda v=self._value: self.show(v))
            return
        self.table.setToolTip("")
        self._value = text
        self.edited.emit(text or None)

    def _sync_buttons(self) -> None:
        full = self.table.rowCount() >= max(1, self.field.max_items)
        self.add.setEnabled(not full)
        self.add.setToolTip(QCoreApplication.translate(
            "EditorForm", "Templat ini memuat paling banyak {n} butir.").format(
                n=self.field.max_items) if full else "")

    def _changed(self, _item: QTableWidgetItem) -> None:
        self._emit(self.rows())

    def _add_row(self) -> None:
        if self.table.rowCount() >= max(1, self.field.max_items):
            return
        row = self.table.rowCount()
        # the table's own signals only: its model still tells the view about the new row
        with QSignalBlocker(self.table):
            self.table.insertRow(row)
            for c in range(self.table.columnCount()):
                self.table.setItem(row, c, QTableWidgetItem(""))
        self._sync_buttons()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < self.table.rowCount():
            with QSignalBlocker(self.table):
                self.table.removeRow(row)  # an empty row was never stored: remove it here too
            self._sync_buttons()
            self._emit(self.rows())

    def _move(self, offset: int) -> None:
        rows = self.rows()
        row = self.table.currentRow()
        if 0 <= row < len(rows):
            self._emit(editing.moved(rows, row, offset))
            self.table.setCurrentCell(max(0, min(len(rows) - 1, row + offset)), 0)

    def show(self, value: Any) -> None:
        wanted = editing.list_lines(value, self.table.columnCount())
        self._value = editing.join_lines(wanted)
        current = [r for r in self.rows() if any(c.strip() for c in r)]
        if [[c.strip() for c in r] for r in current] == wanted:
            self._sync_buttons()
            return
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(wanted))
            for r, row in enumerate(wanted):
                for c, cell in enumerate(row):
                    self.table.setItem(r, c, QTableWidgetItem(cell))
        self._sync_buttons()
