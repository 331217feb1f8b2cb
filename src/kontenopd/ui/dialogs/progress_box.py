"""A progress bar with Batal beside it and a status line under it, and the line saying how
a run ended with its buttons (export queue, bulk)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

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


class ResultBox(QWidget):
    """How a run ended: a selectable, wrapped ``label`` (named ``name``) with the
    ``buttons`` after it (open the folder, ...); hidden until the owner shows it."""

    def __init__(self, name: str, buttons: list[QPushButton], *,
                 align: Qt.AlignmentFlag | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName(name)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        flags = align if align is not None else Qt.AlignmentFlag(0)
        row.addWidget(self.label, 1, flags)
        for button in buttons:
            row.addWidget(button, 0, flags)
        self.hide()
