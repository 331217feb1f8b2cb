"""The editor of a photo field: its thumbnails, with add / paste / remove / reorder and a
context menu per photo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import editing
from ...core.errors import KontenError
from ...core.model.records import PhotoRef
from ...core.photos.cache import photo_thumbnail
from ...core.template.schema import Field
from .editors import Editor
from .preview_render import to_qimage

# The photo suffixes the file dialog offers and drag-and-drop / paste takes as photos.
IMAGE_FILTER_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp", ".heic",
                         ".heif", ".avif")
PHOTO_THUMB = QSize(96, 72)
# Photos added at once from which the picker (panels/photo_picker.py) is shown. Here, not
# there: the picker brings numpy, and a smaller add must not wait for its import.
PICKER_THRESHOLD = 6


class PhotoSlot(Editor):
    """Thumbnails of a photo field with add / paste / remove / reorder."""

    add_requested = Signal(str)
    paste_requested = Signal(str)
    enhance_requested = Signal(int, bool)  # photo index, auto-enhance on

    def __init__(self, field: Field) -> None:
        super().__init__(field)
        self._thumbs: dict[str, tuple[QIcon, str]] = {}
        self.list = QListWidget()
        # List mode laid out left to right: dragging a thumbnail reorders the rows (icon mode
        # would only move the icon around).
        self.list.setViewMode(QListWidget.ViewMode.ListMode)
        self.list.setIconSize(PHOTO_THUMB)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        # Deferred: the list is rebuilt from the model, never inside the model's own signal.
        self.list.model().rowsMoved.connect(
            lambda *_a: QTimer.singleShot(0, self._reordered))
        self.list.setFixedHeight(PHOTO_THUMB.height() + 24)
        self.list.setGridSize(QSize(PHOTO_THUMB.width() + 12, PHOTO_THUMB.height() + 12))
        self.list.setObjectName(f"photos_{field.key}")
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.setStyleSheet("QListWidget::item { border: 2px solid transparent; "
                                "border-radius: 4px; padding: 2px; }"
                                "QListWidget::item:selected { background: transparent; "
                                "border: 2px solid palette(highlight); }")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.add = QPushButton(self.tr("Tambah foto…"))
        self.paste = QPushButton(self.tr("Tempel"))
        self.paste.setToolTip(self.tr("Tempel foto dari papan klip"))
        self.left = QPushButton("◀")
        self.right = QPushButton("▶")
        self.left.setToolTip(self.tr("Geser foto ke kiri (urutan lebih awal)"))
        self.right.setToolTip(self.tr("Geser foto ke kanan (urutan lebih akhir)"))
        self.remove = QPushButton(self.tr("Hapus"))
        for b in (self.left, self.right):
            b.setFixedWidth(b.sizeHint().height() + 6)
        box = QWidget()
        box.setProperty("photo_field", field.key)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        for b in (self.add, self.paste, self.left, self.right, self.remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.widget = box
        self.refs: list[PhotoRef] = []
        self.add.clicked.connect(lambda: self.add_requested.emit(field.key))
        self.paste.clicked.connect(lambda: self.paste_requested.emit(field.key))
        self.remove.clicked.connect(self._remove)
        self.left.clicked.connect(lambda: self._move(-1))
        self.right.clicked.connect(lambda: self._move(1))
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        has = 0 <= row < len(self.refs)
        self.remove.setEnabled(has)
        self.left.setEnabled(has and row > 0)
        self.right.setEnabled(has and row < len(self.refs) - 1)
        full = len(self.refs) >= self.field.max_items
        self.add.setEnabled(not full)
        self.paste.setEnabled(not full)
        if not self.refs:
            self.hint.setText(self.tr("Seret foto ke jendela ini, klik Tambah foto, atau tempel "
                                      "(Ctrl+V)."))
        else:
            self.hint.setText(self.tr("{n} dari {max} foto. Seret gambar kecil untuk mengubah "
                                      "urutan. Klik pratinjau untuk memilih titik fokus, atau "
                                      "seret foto di dalam bingkainya.")
                              .format(n=len(self.refs), max=self.field.max_items))

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.refs):
            refs = list(self.refs)
            del refs[row]
            self.edited.emit(refs)

    def _move(self, offset: int) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.refs):
            self.edited.emit(editing.moved(self.refs, row, offset))
            self.list.setCurrentRow(max(0, min(len(self.refs) - 1, row + offset)))

    def photo_menu(self, row: int) -> QMenu | None:
        """The context menu of the photo at ``row`` (None when there is none)."""
        if not 0 <= row < len(self.refs):
            return None
        menu = QMenu(self.list)
        enhance = menu.addAction(self.tr("Perbaiki cahaya otomatis"))
        enhance.setObjectName("enhance")
        enhance.setCheckable(True)
        enhance.setChecked(self.refs[row].enhance)
        enhance.setStatusTip(self.tr("Atur kontras dan terang foto ini secara otomatis; "
                                     "berkas aslinya tidak diubah."))
        enhance.triggered.connect(lambda on, r=row: self.enhance_requested.emit(r, on))
        menu.addSeparator()
        remove = menu.addAction(self.tr("Hapus foto"))
        remove.triggered.connect(self._remove)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        row = self.list.row(item)
        self.list.setCurrentRow(row)
        menu = self.photo_menu(row)
        if menu is not None:  # not exec(): no nested event loop while the form may rebuild
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.list.viewport().mapToGlobal(pos))

    def _tooltip(self, ref: PhotoRef) -> str:
        name = Path(ref.path).name
        return name + "\n" + self.tr("Cahaya diperbaiki otomatis") if ref.enhance else name

    def _reordered(self) -> None:
        """A thumbnail was dragged to a new place: the rows carry their photo's old index."""
        order = [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                 for i in range(self.list.count())]
        if sorted(order) == list(range(len(self.refs))) and order != sorted(order):
            self.edited.emit([self.refs[i] for i in order])

    def show(self, value: Any) -> None:
        refs = list(value or [])
        if [r.path for r in refs] == [r.path for r in self.refs]:
            self.refs = refs
            for index, ref in enumerate(refs):  # focus or enhance changed: same thumbnails
                self.list.item(index).setToolTip(self._tooltip(ref))
            self._update_buttons()
            return
        row = self.list.currentRow()
        self.refs = refs
        self.list.clear()
        for index, ref in enumerate(refs):
            icon, problem = self._thumbnail(ref.path)
            item = QListWidgetItem(icon, "")
            item.setToolTip(problem or self._tooltip(ref))
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(item)
        if refs:
            self.list.setCurrentRow(max(0, min(row, len(refs) - 1)))
        self._update_buttons()

    def _thumbnail(self, path: str) -> tuple[QIcon, str]:
        """The photo's thumbnail and, when it cannot be decoded, why (one line). Decoded by
        the core's safe opener, as the render does, so the form never shows a photo (a HEIC,
        a truncated JPEG) differently from the card. Read once per slot (the icons die with
        the widget, never after the QApplication)."""
        hit = self._thumbs.get(path)
        if hit is None:
            try:
                hit = (QIcon(QPixmap.fromImage(to_qimage(photo_thumbnail(path)))), "")
            except KontenError as exc:
                hit = (QIcon(), str(exc))
            self._thumbs[path] = hit
        return hit
