"""How Buat Massal makes its posts: one per row or one carousel of every row, and which of
the template's formats."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.export.bulk import MODE_ONE_POST, MODE_ROWS
from .bulk_rows import discard


class PostOptions(QWidget):
    """"Postingan:" (per row or one carousel) and "Format:" (a box per format, the first
    ticked)."""

    mode_changed = Signal()
    formats_changed = Signal()  # a format was ticked or unticked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode_label = QLabel()
        self.mode_rows = QRadioButton()
        self.mode_one = QRadioButton()
        self.mode_rows.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.mode_rows)
        self.mode_group.addButton(self.mode_one)
        self.mode_group.buttonToggled.connect(
            lambda _button, on: self.mode_changed.emit() if on else None)
        self.formats_label = QLabel()
        self.formats_row = QHBoxLayout()
        self.formats_row.addStretch(1)
        self.format_boxes: dict[str, QCheckBox] = {}
        options = QGridLayout(self)
        options.setContentsMargins(0, 0, 0, 0)
        options.addWidget(self.mode_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        modes = QVBoxLayout()
        modes.setSpacing(2)
        modes.addWidget(self.mode_rows)
        modes.addWidget(self.mode_one)
        options.addLayout(modes, 0, 1)
        options.addWidget(self.formats_label, 1, 0)
        options.addLayout(self.formats_row, 1, 1)
        options.setColumnStretch(1, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.mode_label.setText(self.tr("Postingan:"))
        self.mode_rows.setText(self.tr("Satu postingan per ba&ris"))
        self.mode_one.setText(self.tr("Semua baris jadi satu postingan (&carousel)"))
        self.mode_one.setToolTip(self.tr("Tiap baris menambah satu foto atau butir daftar ke "
                                         "satu postingan"))
        self.formats_label.setText(self.tr("Format:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_formats(self, format_keys: Sequence[str]) -> None:
        """A box per format of the chosen template, the first one ticked."""
        for box in self.format_boxes.values():
            self.formats_row.removeWidget(box)
            discard(box)
        self.format_boxes = {}
        for i, fmt in enumerate(format_keys):
            box = QCheckBox(fmt)
            box.setChecked(i == 0)
            box.toggled.connect(lambda _on: self.formats_changed.emit())
            self.formats_row.insertWidget(self.formats_row.count() - 1, box)
            self.format_boxes[fmt] = box

    def chosen_formats(self) -> list[str]:
        return [fmt for fmt, box in self.format_boxes.items() if box.isChecked()]

    @property
    def mode(self) -> str:
        return MODE_ONE_POST if self.mode_one.isChecked() else MODE_ROWS

    def focus_chain(self) -> list[QWidget]:
        """Its widgets in Tab order."""
        return [self.mode_rows, self.mode_one, *self.format_boxes.values()]
