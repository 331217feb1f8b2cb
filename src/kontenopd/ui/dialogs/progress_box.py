"""A progress bar with Batal beside it and a status line under it (export queue, bulk)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from ..style import small_font


class ProgressBox(QWidget):
    """Hidden until work starts; the owner sets the texts and connects ``cancel_button``."""

    def __init__(self, name: str, *, selectable: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setObjectName(name)
        self.label = QLabel()
        self.label.setFont(small_font(self))
        if selectable:
            self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a long file name wraps instead of widening the side panel (and squeezing the form)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.cancel_button = QPushButton()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 0, 0)
        layout.addWidget(self.cancel_button, 0, 1)
        layout.addWidget(self.label, 1, 0, 1, 2)
        self.hide()
