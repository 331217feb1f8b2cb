"""The "Draf" browser: recent draft files and autosaved drafts, with their small previews,
searchable by title, template, file name or date; Enter or a double-click opens one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QKeyEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.io.draft_file import read_thumbnail
from ...core.store.autosave import BrowserEntry, matches
from ..tasks import SyncRunner, TaskRunner
from .preview_render import to_qimage

ICON = QSize(72, 90)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def format_when(stamp: datetime | None) -> str:
    """"hari ini pukul 10.05", "kemarin pukul 16.30", "21 November 2026 pukul 09.12"."""
    if stamp is None:
        return QCoreApplication.translate("DraftBrowser", "waktu tidak diketahui")
    from PySide6.QtCore import QLocale, QTime  # noqa: PLC0415

    local = stamp.astimezone()
    locale = QLocale()
    day = QDate(local.year, local.month, local.day)
    today = QDate.currentDate()
    clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    if day == today:
        text = QCoreApplication.translate("DraftBrowser", "hari ini pukul {time}")
    elif day == today.addDays(-1):
        text = QCoreApplication.translate("DraftBrowser", "kemarin pukul {time}")
    else:
        text = QCoreApplication.translate("DraftBrowser", "{date} pukul {time}")
    return text.format(date=locale.toString(day, "d MMMM yyyy"), time=clock)


def to_icon(image: Image.Image | QImage | None, size: QSize = ICON) -> QIcon:
    """A thumbnail centred on a fixed-size transparent canvas (rows stay aligned)."""
    canvas = QPixmap(size)
    canvas.fill(Qt.GlobalColor.transparent)
    if image is None:
        return QIcon(canvas)
    qimage = to_qimage(image) if isinstance(image, Image.Image) else image
    scaled = QPixmap.fromImage(qimage).scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation)
    from PySide6.QtGui import QPainter  # noqa: PLC0415

    painter = QPainter(canvas)
    painter.drawPixmap((size.width() - scaled.width()) // 2,
                       (size.height() - scaled.height()) // 2, scaled)
    painter.end()
    return QIcon(canvas)


def load_thumbnails(paths: list[Path]) -> dict[Path, Image.Image]:
    """Thumbnails of draft files (worker thread); files without one are left out."""
    out = {}
    for path in paths:
        image = read_thumbnail(path)
        if image is not None:
            out[path] = image
    return out


class DraftBrowser(QDialog):
    OPEN, BROWSE, CANCEL = "open", "browse", "cancel"

    def __init__(self, entries: list[BrowserEntry],
                 runner: TaskRunner | SyncRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        entries = [e for e in entries if e.exists] + [e for e in entries if not e.exists]
        self.entries = entries
        self.action = self.CANCEL
        self._closed = False
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list = QListWidget()
        self.list.setIconSize(ICON)
        self.list.setSpacing(2)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda _item: self._open())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyLabel")
        self.buttons = QDialogButtonBox()
        self.open_button = QPushButton()
        self.open_button.setDefault(True)
        self.browse_button = QPushButton()
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.browse_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.clicked.connect(self._open)
        self.browse_button.clicked.connect(self._browse)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.items: list[QListWidgetItem] = []
        for entry in entries:
            item = QListWidgetItem(to_icon(None), "")
            item.setData(ENTRY_ROLE, entry)
            item.setSizeHint(QSize(ICON.width() + 420, ICON.height() + 8))
            if not entry.exists:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
            self.items.append(item)
        self.retranslate()
        self._filter("")
        self.resize(640, 560)
        self.search.setFocus()
        readable = [e.path for e in entries if e.exists]
        if runner is not None and readable:
            runner.run(lambda: load_thumbnails(readable), self._thumbnails)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Draf"))
        self.search.setPlaceholderText(self.tr("Cari judul, templat atau tanggal "
                                               "(mis. 21 november)"))
        self.open_button.setText(self.tr("Buka"))
        self.browse_button.setText(self.tr("Buka berkas lain…"))
        for item in self.items:
            self._label(item)
        self._filter(self.search.text())

    def _label(self, item: QListWidgetItem) -> None:
        entry: BrowserEntry = item.data(ENTRY_ROLE)
        when = format_when(entry.saved_at)
        if entry.kind == "autosave":
            where = entry.source.name if entry.source else self.tr("belum pernah disimpan")
            second = self.tr("Simpanan otomatis, {when} · {where}").format(
                when=when, where=where)
        elif not entry.exists:
            second = self.tr("Berkas tidak ditemukan: {path}").format(path=entry.path)
        else:
            second = self.tr("Disimpan {when} · {name}").format(
                when=when, name=entry.path.name)
        item.setText(f"{entry.display_title}\n{second}")
        item.setToolTip(str(entry.path if entry.kind != "autosave" or not entry.source
                            else entry.source))
        if entry.kind == "autosave":
            palette = self.palette()
            item.setForeground(QBrush(palette.color(QPalette.ColorRole.Text)))
            item.setBackground(QBrush(QColor(255, 196, 0, 40)))

    def _filter(self, text: str) -> None:
        first = None
        shown = 0
        for item in self.items:
            entry: BrowserEntry = item.data(ENTRY_ROLE)
            hidden = not matches(entry, text)
            item.setHidden(hidden)
            if not hidden:
                shown += 1
                if first is None and entry.exists:
                    first = item
        current = self.list.currentItem()
        if current is None or current.isHidden() or not (current.flags()
                                                         & Qt.ItemFlag.ItemIsEnabled):
            self.list.setCurrentItem(first)
        if not self.entries:
            self.empty.setText(self.tr("Belum ada draf. Draf yang Anda simpan atau buka "
                                       "akan muncul di sini."))
        elif not shown:
            self.empty.setText(self.tr("Tidak ada draf yang cocok dengan “{query}”.")
                               .format(query=text.strip()))
        self.empty.setVisible(not shown)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.open_button.setEnabled(item is not None)

    def current_item(self) -> QListWidgetItem | None:
        item = self.list.currentItem()
        if item is None or item.isHidden() or not (item.flags() & Qt.ItemFlag.ItemIsEnabled):
            return None
        return item

    def selected(self) -> BrowserEntry | None:
        item = self.current_item()
        return item.data(ENTRY_ROLE) if item is not None else None

    def _open(self) -> None:
        if self.selected() is None:
            return
        self.action = self.OPEN
        self.accept()

    def _browse(self) -> None:
        self.action = self.BROWSE
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the search field move through the list, so Enter opens the chosen row.
        if watched is self.search and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up,
                                    Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.list.setFocus()
            self.list.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def _thumbnails(self, result: object, error: BaseException | None) -> None:
        if self._closed or error is not None or not isinstance(result, dict):
            return
        try:
            for item in self.items:
                image = result.get(item.data(ENTRY_ROLE).path)
                if image is not None:
                    item.setIcon(to_icon(image))
        except RuntimeError:  # the dialog is gone
            pass

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @classmethod
    def choose(cls, parent: QWidget | None, entries: list[BrowserEntry],
               runner: TaskRunner | SyncRunner | None = None
               ) -> tuple[str, BrowserEntry | None]:
        """Show the browser; returns (OPEN, entry), (BROWSE, None) or (CANCEL, None)."""
        dialog = cls(entries, runner, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return cls.CANCEL, None
            return dialog.action, dialog.selected() if dialog.action == cls.OPEN else None
        finally:
            dialog.deleteLater()
