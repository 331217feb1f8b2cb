"""The editors of a profile's look: :class:`ColorButton` (one brand colour, picked in the
colour dialog) and :class:`LogoPicker` (one logo, checked by the safe opener before it is
used), for the profile dialog and the first-start wizard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import KontenError
from ...core.io.profile_file import check_logo
from ...core.photos import safeimage


class ColorButton(QPushButton):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.value = "#000000"
        self.clicked.connect(self._pick)
        self.setMinimumWidth(120)

    def set_value(self, value: str) -> None:
        self.value = value.upper()
        color = QColor(value)
        ink = "#000000" if color.lightness() > 140 else "#FFFFFF"
        self.setText(self.value)
        self.setStyleSheet(f"QPushButton {{ background: {self.value}; color: {ink}; "
                           f"border: 1px solid #888; border-radius: 4px; padding: 4px 10px; }}")

    def _pick(self) -> None:
        color = QColorDialog.getColor(QColor(self.value), self, self.title)
        if color.isValid():
            self.set_value(color.name())


class LogoPicker(QWidget):
    """One logo: a thumbnail, "Pilih berkas…" and "Kosongkan". A file the safe check refuses
    is not used and the one before stays; :meth:`refuse` says why (here in a message box;
    the first-start wizard says it in a line under the buttons)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = ""
        self.preview = QLabel()
        self.preview.setFixedSize(56, 56)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("border: 1px solid #999; border-radius: 4px;")
        self.choose = QPushButton()
        self.clear = QPushButton()
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.preview)
        self.row.addWidget(self.choose)
        self.row.addWidget(self.clear)
        self.row.addStretch(1)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(2)
        self.column.addLayout(self.row)
        self.choose.clicked.connect(self.choose_file)
        self.clear.clicked.connect(lambda: self.set_path(""))
        self.retranslate()

    def empty_text(self) -> str:
        return self.tr("(tidak ada)")

    def retranslate(self) -> None:
        self.choose.setText(self.tr("Pilih berkas…"))
        self.clear.setText(self.tr("Kosongkan"))
        if not self.path:
            self.preview.setText(self.empty_text())

    def set_path(self, path: str) -> None:
        self.path = path
        pixmap = _logo_thumbnail(path) if path else QPixmap()
        self.preview.setToolTip(path)
        if pixmap.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.empty_text())
        else:
            self.preview.setPixmap(pixmap)
        self.changed.emit()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih logo"), "", self.tr("Gambar (*.png *.jpg *.jpeg *.webp)"))
        if path:
            self.try_path(path)

    def try_path(self, path: str) -> bool:
        """Use the logo at ``path`` if the safe opener accepts it; else :meth:`refuse`."""
        problem = check_logo(path)  # the safe opener's caps, never a decode by Qt
        if problem:
            self.refuse(problem)
            return False
        self.set_path(path)
        return True

    def refuse(self, problem: str) -> None:
        QMessageBox.warning(self, self.tr("Logo"), problem)


def _logo_thumbnail(path: str, side: int = 52) -> QPixmap:
    """A small preview of a logo decoded by the one safe opener (a logo declaring 100000 px
    is refused from its header, where QPixmap would try to allocate it); null if unusable."""
    if check_logo(path):
        return QPixmap()
    try:
        image = safeimage.open_image(path, safeimage.LOGO, mode="RGBA").image
    except KontenError:
        return QPixmap()
    image.thumbnail((side, side))
    qimage = QImage(image.tobytes(), image.width, image.height, 4 * image.width,
                    QImage.Format.Format_RGBA8888).copy()
    return QPixmap.fromImage(qimage)
