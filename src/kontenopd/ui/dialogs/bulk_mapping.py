"""Which sheet column fills which field of the template, for Buat Massal dari Lembar Kerja:
a line per field with its column combo and the first row's value in that column, and the red
lines for what is still missing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.export.bulk import Mapping, Target, cell_text, targets, unmapped_required
from ...core.export.bulk.example import is_help_row
from ...core.io.spreadsheet import Table, column_letters
from ...core.template.schema import Template
from ..style import error_color, heading_label, muted_color, small_font

NOT_USED = -1  # the combo entry "(tidak dipakai)"
EXAMPLE_CHARS = 40


class ColumnMappingPanel(QWidget):
    """The column for every field of ``template`` (rebuilt for every template and sheet);
    :attr:`mapping` is what is chosen (target key -> column index). ``chosen_formats`` tells
    whether to add "choose a format" to the red lines."""

    changed = Signal()  # the user chose another column

    def __init__(self, template: Template, chosen_formats: Callable[[], list[str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen_formats = chosen_formats
        self.template = template  # whose required fields count as missing
        self.table: Table | None = None
        self.mapping: Mapping = {}
        self.title = heading_label("", 0.5)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.StyledPanel)
        self.area.setMinimumHeight(120)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.combos: dict[str, QComboBox] = {}
        self.example_labels: dict[str, QLabel] = {}
        self._target_labels: dict[str, QLabel] = {}
        self._targets: dict[str, Target] = {}
        self._heads: list[QLabel] = []
        self.missing_label = QLabel()
        self.missing_label.setObjectName("bulkMissing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(f"color: {error_color(self)}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.missing_label)
        self.show_columns(template, None, {})
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("&Kolom lembar untuk tiap isian"))
        for combo in self.combos.values():
            combo.setItemText(0, self.tr("(tidak dipakai)"))
        self._describe_targets()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_columns(self, template: Template, table: Table | None, mapping: Mapping) -> None:
        """One line per target: its label (and "wajib"), the column combo, the first row's
        value in that column. ``table`` None: no sheet yet (the combos are disabled)."""
        self.template, self.table, self.mapping = template, table, mapping
        headers = table.headers if table is not None else ()
        needed = {f.key for f in unmapped_required(template, {})}
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self._heads = []
        for col in range(3):
            head = QLabel()
            head.setFont(small_font(self))
            head.setStyleSheet(f"color: {muted_color(self)}")
            grid.addWidget(head, 0, col)
            self._heads.append(head)
        self.combos = {}
        self.example_labels = {}
        self._target_labels = {}
        self._targets = {}
        duplicates = {h for h in headers if h and list(headers).count(h) > 1}
        for row, target in enumerate(targets(template), start=1):
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
                    letter=column_letters(i))
                if text in duplicates:
                    shown = self.tr("{header} (kolom {letter})").format(
                        header=text, letter=column_letters(i))
                combo.addItem(shown, i)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(target.key, NOT_USED))))
            combo.setEnabled(table is not None)
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
            self.example_labels[target.key] = example
            self._target_labels[target.key] = label
            self._targets[target.key] = target
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.combos) + 1, 1)
        self.area.setWidget(grid_widget)  # the old grid is deleted
        first = next(iter(self.combos.values()), None)
        if first is not None:
            self.title.setBuddy(first)
        self._describe_targets()

    def _describe_targets(self) -> None:
        """Labels, the first row's values and the red line for required fields left out."""
        heads = (self.tr("Isian templat"), self.tr("Kolom di lembar"),
                 self.tr("Isi baris pertama"))
        for head, text in zip(self._heads, heads, strict=False):
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
            example = self.example_labels[key]
            example.setText(value if len(value) <= EXAMPLE_CHARS
                            else value[:EXAMPLE_CHARS - 1] + "…")
            example.setToolTip(value)
        self.show_problems()

    def show_problems(self) -> None:
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
        self.changed.emit()

    def choose_column(self, key: str, header: str) -> None:
        """Pick the column named ``header`` for target ``key`` (as the user does in its
        combo); "" for none."""
        combo = self.combos[key]
        index = combo.findData(NOT_USED) if not header else next(
            (i for i in range(combo.count()) if self.table is not None
             and combo.itemData(i) != NOT_USED
             and self.table.headers[int(combo.itemData(i))] == header), -1)
        if index < 0:
            raise KeyError(header)
        combo.setCurrentIndex(index)

    def missing_fields(self) -> list[str]:
        """The labels of required fields that no column fills."""
        return [f.label for f in unmapped_required(self.template, self.mapping)]

    def focus_chain(self) -> list[QWidget]:
        """Its widgets in Tab order."""
        return list(self.combos.values())
