"""The enlarged preview: the current format alone in a window of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..style import muted_color
from .preview_canvas import PreviewCanvas

if TYPE_CHECKING:
    from .preview import PreviewPanel


class PreviewWindow(QWidget):
    """The enlarged preview: the current format alone in a resizable window of its own,
    kept in step by the panel (which renders for whichever canvas is larger)."""

    closed = Signal()

    def __init__(self, panel: PreviewPanel) -> None:
        super().__init__(panel, Qt.WindowType.Window)
        self.setObjectName("previewWindow")
        self.panel = panel
        self.canvas = PreviewCanvas()
        self.canvas.setObjectName("enlargedCanvas")
        self.hint = QLabel()
        self.hint.setStyleSheet(f"color: {muted_color(self)}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hint)
        close = QAction(self)
        close.setShortcuts([QKeySequence("Esc"), QKeySequence("F11"),
                            QKeySequence("Ctrl+Shift+P")])
        close.triggered.connect(self.close)
        self.addAction(close)
        self.retitle(panel.format)

    def retitle(self, fmt: str) -> None:
        self.setWindowTitle(self.tr("Pratinjau besar — format {fmt}").format(fmt=fmt))
        self.hint.setText(self.tr("Ikut berubah saat Anda menyunting. Esc atau F11 "
                                  "untuk menutup."))

    def fit_screen(self, screen: object) -> None:
        """As tall as the screen's free area allows (the card keeps its proportions)."""
        avail = screen.availableGeometry()  # type: ignore[attr-defined]
        fw = self.panel.canvas.format_size.width()
        fh = self.panel.canvas.format_size.height()
        height = round(avail.height() * 0.92)
        width = min(round(avail.width() * 0.92), round((height - 60) * fw / fh) + 48)
        self.resize(max(360, width), height)
        self.move(avail.center().x() - self.width() // 2, avail.top() + 8)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()
