"""Small shared look-and-feel helpers that follow the light/dark palette."""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget


def is_dark(widget: QWidget | None = None) -> bool:
    palette = widget.palette() if widget is not None else QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def warning_color(widget: QWidget | None = None) -> str:
    return "#F5A524" if is_dark(widget) else "#B45309"


def error_color(widget: QWidget | None = None) -> str:
    return "#F87171" if is_dark(widget) else "#B91C1C"


def muted_color(widget: QWidget | None = None) -> str:
    palette = widget.palette() if widget is not None else QApplication.palette()
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText).name()


def heading_label(text: str, size_delta: float = 1.5) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() + size_delta)
    label.setFont(font)
    return label


def small_font(widget: QWidget, delta: float = -1.0) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() + delta))
    return font
