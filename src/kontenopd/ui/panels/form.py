"""The editor form, generated from the template's fields.

Every editor writes through the Document (so through the undo stack) and is refreshed from
it when the model changes (undo, redo, template switch) without echoing an edit back (``show``
fills its widget under a QSignalBlocker where a change signal would echo it).
Warnings from the last render are shown under the field they concern.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QMimeData,
    QObject,
    QPoint,
    QSignalBlocker,
    QSize,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence, QPixmap, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...core import editing
from ...core.errors import KontenError
from ...core.model.dates import parse_date, parse_time
from ...core.model.records import MAX_VALUE_CHARS, PhotoRef
from ...core.photos.cache import photo_thumbnail
from ...core.render import RenderWarning
from ...core.template.library import Field
from ..models.document import Document
from ..style import error_color, heading_label, muted_color, small_font, warning_color
from .preview import to_qimage

# The photo suffixes the file dialog offers and drag-and-drop / paste takes as photos.
IMAGE_FILTER_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp", ".heic",
                         ".heif", ".avif")
PHOTO_THUMB = QSize(96, 72)
TITLE_LENGTH = 100  # a text field this long is a headline: edited on several lines


def _is_undo_redo(event: QEvent) -> bool:
    return event.type() == QEvent.Type.ShortcutOverride and (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo))


class LineEdit(QLineEdit):
    """A line edit that leaves Ctrl+Z / Ctrl+Y to the window's undo stack."""

    def event(self, event: QEvent) -> bool:
        if _is_undo_redo(event):
            event.ignore()
            return False
        return super().event(event)


class TextEdit(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)

    def event(self, event: QEvent) -> bool:
        if _is_undo_redo(event):
            event.ignore()
            return False
        return super().event(event)


def one_line(text: str) -> str:
    """A title's text on one line: every line break (typed, pasted, from a draft) becomes a
    space."""
    return " ".join(text.splitlines())


class TitleEdit(TextEdit):
    """A one-line value edited on as many lines as it needs (2 to 3 shown, then it
    scrolls): a long headline can be read whole. Enter inserts nothing and a pasted line
    break becomes a space. ``text``/``setText``/``maxLength`` mirror QLineEdit."""

    MIN_LINES, MAX_LINES = 2, 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(one_line(text)[:MAX_VALUE_CHARS])

    def maxLength(self) -> int:
        return MAX_VALUE_CHARS

    def end(self, mark: bool) -> None:
        """QLineEdit.end: the cursor to the end of the text, selecting with ``mark``."""
        self.moveCursor(QTextCursor.MoveOperation.End,
                        QTextCursor.MoveMode.KeepAnchor if mark
                        else QTextCursor.MoveMode.MoveAnchor)

    def visible_lines(self) -> int:
        lines = int(self.document().documentLayout().documentSize().height())
        return min(self.MAX_LINES, max(self.MIN_LINES, lines))

    def _fit(self, *_args: Any) -> None:
        margins = self.contentsMargins()  # the frame
        height = (self.visible_lines() * self.fontMetrics().lineSpacing()
                  + 2 * round(self.document().documentMargin())
                  + margins.top() + margins.bottom() + 2)  # +2: no scroll bar when it fits
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # a title is one line
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(one_line(source.text()))


class _Editor(QObject):
    """Base for one field's editor: ``widget`` to lay out, ``show`` to reflect a value."""

    edited = Signal(object)

    def __init__(self, field: Field) -> None:
        super().__init__()
        self.field = field
        self.widget: QWidget = QWidget()

    def show(self, value: Any) -> None:
        raise NotImplementedError


class TextEditor(_Editor):
    def __init__(self, field: Field) -> None:
        super().__init__(field)
        self.edit = LineEdit()
        self.edit.setMaxLength(MAX_VALUE_CHARS)  # longer text could not render in a second
        if field.placeholder:
            self.edit.setPlaceholderText(field.placeholder)
        self.widget = self.edit
        self.edit.textEdited.connect(self.edited.emit)

    def show(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.edit.text() != text:
            pos = self.edit.cursorPosition()
            self.edit.setText(text)
            self.edit.setCursorPosition(min(pos, len(text)))


class TitleEditor(_Editor):
    """A headline (a text field allowing TITLE_LENGTH characters or more): a TitleEdit
    with a live counter, "87/120", in the warning colour past the field's length. Every
    change goes to Document.set_value, so typing merges into one undo step as in a line
    edit."""

    def __init__(self, field: Field) -> None:
        super().__init__(field)
        self.edit = TitleEdit()
        if field.placeholder:
            self.edit.setPlaceholderText(field.placeholder)
        self.counter = QLabel()
        self.counter.setObjectName(f"counter_{field.key}")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.counter.setFont(small_font(self.counter))
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.counter)
        box.setFocusProxy(self.edit)
        self.widget = box
        self.edit.textChanged.connect(self._changed)
        self._count()

    def over(self) -> bool:
        """More characters than the field's length."""
        return len(self.edit.toPlainText()) > (self.field.max_length or MAX_VALUE_CHARS)

    def _count(self) -> None:
        n, limit = len(self.edit.toPlainText()), self.field.max_length or MAX_VALUE_CHARS
        over = n > limit
        self.counter.setText(f"{n}/{limit}")
        self.counter.setProperty("over", over)
        # from the edit: the counter's own palette carries the colour its style sheet set
        color = warning_color(self.edit) if over else muted_color(self.edit)
        weight = "bold" if over else "normal"
        self.counter.setStyleSheet(f"color: {color}; font-weight: {weight}")
        self.counter.setToolTip(self.tr("{n} karakter; judul ini sebaiknya paling banyak {max} "
                                        "karakter.").format(n=n, max=limit))

    def _changed(self) -> None:
        text = self.edit.toPlainText()
        clean = one_line(text)[:MAX_VALUE_CHARS]
        if clean != text:  # a line break or an over-long paste got in: keep one line
            self.show(clean)
            text = clean
        self._count()
        self.edited.emit(text)

    def show(self, value: Any) -> None:
        text = one_line("" if value is None else str(value))[:MAX_VALUE_CHARS]
        _show_text(self.edit, text)
        self._count()


def _show_text(edit: QPlainTextEdit, text: str) -> None:
    """Put ``text`` in ``edit`` without it reporting an edit, the cursor kept where it was.
    Only the edit's own signals are blocked: its document still lays out (a title's _fit
    still runs)."""
    if edit.toPlainText() == text:
        return
    with QSignalBlocker(edit):
        pos = edit.textCursor().position()
        edit.setPlainText(text)
        cursor = edit.textCursor()
        cursor.setPosition(min(pos, len(text)))
        edit.setTextCursor(cursor)


class MultilineEditor(_Editor):
    def __init__(self, field: Field) -> None:
        super().__init__(field)
        self.edit = TextEdit()
        if field.placeholder:
            self.edit.setPlaceholderText(field.placeholder)
        line = self.edit.fontMetrics().lineSpacing()
        self.edit.setFixedHeight(line * 4 + 14)
        self.widget = self.edit
        self.edit.textChanged.connect(self._changed)

    def _changed(self) -> None:
        text = self.edit.toPlainText()
        if len(text) > MAX_VALUE_CHARS:  # a paste too long to render: keep what fits, say so
            self.show(text[:MAX_VALUE_CHARS])
            text = self.edit.toPlainText()
            self.edit.setToolTip(QCoreApplication.translate(
                "EditorForm", "Teks dipotong: paling banyak {n} karakter per isian.").format(
                    n=MAX_VALUE_CHARS))
        self.edited.emit(text)

    def show(self, value: Any) -> None:
        _show_text(self.edit, "" if value is None else str(value))


class DateEditor(_Editor):
    def __init__(self, field: Field) -> None:
        super().__init__(field)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dddd, d MMMM yyyy")
        self.edit.setDate(QDate.currentDate())
        self.widget = self.edit
        self.edit.dateChanged.connect(self._changed)

    def _changed(self, value: QDate) -> None:
        self.edited.emit(value.toString("yyyy-MM-dd"))

    def show(self, value: Any) -> None:
        try:
            day = parse_date(value) if value not in (None, "") else None
        except KontenError:
            day = None
        qdate = QDate(day.year, day.month, day.day) if day else QDate.currentDate()
        if self.edit.date() != qdate:
            with QSignalBlocker(self.edit):
                self.edit.setDate(qdate)


class TimeEditor(_Editor):
    def __init__(self, field: Field, timezone: str) -> None:
        super().__init__(field)
        self.edit = QTimeEdit()
        self.edit.setDisplayFormat("HH.mm")
        self.edit.setTime(QTime(8, 0))
        self.zone = QLabel(timezone)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.zone)
        row.addStretch(1)
        self.widget = box
        self.edit.timeChanged.connect(self._changed)

    def _changed(self, value: QTime) -> None:
        self.edited.emit(value.toString("HH.mm"))

    def show(self, value: Any) -> None:
        try:
            t = parse_time(value) if value not in (None, "") else None
        except KontenError:
            t = None
        qtime = QTime(t.hour, t.minute) if t else QTime(8, 0)
        if self.edit.time() != qtime:
            with QSignalBlocker(self.edit):
                self.edit.setTime(qtime)


class ChoiceEditor(_Editor):
    def __init__(self, field: Field) -> None:
        super().__init__(field)
        self.combo = QComboBox()
        if not field.required:
            self.combo.addItem("—", "")
        for choice in field.choices:
            self.combo.addItem(choice, choice)
        self.widget = self.combo
        self.combo.currentIndexChanged.connect(self._changed)

    def _changed(self, _index: int) -> None:
        self.edited.emit(self.combo.currentData() or None)

    def show(self, value: Any) -> None:
        index = self.combo.findData("" if value is None else str(value))
        index = max(index, 0)
        if self.combo.currentIndex() != index:
            with QSignalBlocker(self.combo):
                self.combo.setCurrentIndex(index)


class BoolEditor(_Editor):
    def __init__(self, field: Field) -> None:
        super().__init__(field)
        self.check = QCheckBox(field.label)
        self.widget = self.check
        self.check.toggled.connect(self.edited.emit)

    def show(self, value: Any) -> None:
        on = value if isinstance(value, bool) else str(value).lower() in ("1", "ya", "true")
        if self.check.isChecked() != on:
            with QSignalBlocker(self.check):
                self.check.setChecked(on)


class _CappedCells(QStyledItemDelegate):
    """Cell editors that stop at the field-length cap (a paste cannot make a huge value)."""

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(MAX_VALUE_CHARS)
        return editor


class ListEditor(_Editor):
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


class PhotoSlot(_Editor):
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


class FieldRow(QWidget):
    """Label, editor, help text and the warning line of one field."""

    def __init__(self, field: Field, editor: _Editor) -> None:
        super().__init__()
        self.field = field
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = QLabel()
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        if field.type != "bool":
            required = f" <span style='color:{error_color(self)}'>*</span>" if field.required \
                else ""
            self.label.setText(f"{_html(field.label)}{required}")
            self.label.setBuddy(editor.widget)
            layout.addWidget(self.label)
        layout.addWidget(editor.widget)
        self.help = QLabel(field.help)
        self.help.setWordWrap(True)
        self.help.setFont(small_font(self))
        self.help.setStyleSheet(f"color: {muted_color(self)}")
        self.help.setVisible(bool(field.help))
        layout.addWidget(self.help)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName(f"warning_{field.key}")
        self.warning.setStyleSheet(f"color: {warning_color(self)}")
        self.warning.setFont(small_font(self, 0))
        self.warning.hide()
        layout.addWidget(self.warning)

    def set_warnings(self, messages: list[str], error: bool = False) -> None:
        self.warning.setStyleSheet(f"color: {error_color(self) if error else warning_color(self)}")
        self.warning.setText("\n".join(f"⚠ {m}" for m in messages))
        self.warning.setVisible(bool(messages))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class EditorForm(QScrollArea):
    """The form of the document's current template."""

    add_photo_requested = Signal(str)
    paste_photo_requested = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.rows: dict[str, FieldRow] = {}
        self._photo_errors: dict[str, list[str]] = {}
        self._warnings: list[RenderWarning] = []
        self.rebuild()
        document.template_changed.connect(self.rebuild)
        document.profile_changed.connect(self.rebuild)
        document.changed.connect(self.refresh)

    def rebuild(self) -> None:
        template = self.document.template
        body = QWidget()
        body.setObjectName("formBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(14)
        self.title = heading_label(template.name, 3)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        if template.description:
            desc = QLabel(template.description)
            desc.setWordWrap(True)
            desc.setStyleSheet(f"color: {muted_color(self)}")
            layout.addWidget(desc)
        self.rows = {}
        for f in template.fields:
            editor = self._editor_for(f)
            row = FieldRow(f, editor)
            row.setObjectName(f"field_{f.key}")
            editor.edited.connect(self._make_handler(f))
            if isinstance(editor, PhotoSlot):
                editor.add_requested.connect(self.add_photo_requested)
                editor.paste_requested.connect(self.paste_photo_requested)
                editor.enhance_requested.connect(self._make_enhance_handler(f))
            self.rows[f.key] = row
            layout.addWidget(row)
        note = QLabel(self.tr("* wajib diisi"))
        note.setFont(small_font(self))
        note.setStyleSheet(f"color: {muted_color(self)}")
        layout.addWidget(note)
        layout.addStretch(1)
        self.setWidget(body)
        self.refresh("")
        self.set_warnings(self._warnings)

    def _editor_for(self, f: Field) -> _Editor:
        kinds: dict[str, Callable[[Field], _Editor]] = {
            "multiline": MultilineEditor, "date": DateEditor, "choice": ChoiceEditor,
            "bool": BoolEditor, "list": ListEditor, "photo": PhotoSlot,
        }
        if f.type == "time":
            return TimeEditor(f, self.document.profile.timezone)
        if f.type == "text" and (f.max_length or 0) >= TITLE_LENGTH:
            return TitleEditor(f)
        return kinds.get(f.type, TextEditor)(f)  # text, number, qr and unknown types

    def _make_handler(self, f: Field) -> Callable[[Any], None]:
        def handler(value: Any) -> None:
            if f.type == "photo":
                self.document.set_photos(f.key, value, self.tr("Ubah foto '{label}'")
                                         .format(label=f.label))
            else:
                self.document.set_value(f.key, value, self.tr("Ubah '{label}'")
                                        .format(label=f.label))
        return handler

    def _make_enhance_handler(self, f: Field) -> Callable[[int, bool], None]:
        def handler(index: int, on: bool) -> None:
            text = self.tr("Perbaiki cahaya foto '{label}'") if on else \
                self.tr("Batalkan perbaikan cahaya foto '{label}'")
            self.document.set_enhance(f.key, index, on, text.format(label=f.label))
        return handler

    def refresh(self, key: str) -> None:
        for f in self.document.template.fields:
            if key and f.key != key:
                continue
            row = self.rows.get(f.key)
            if row is None:
                continue
            if f.type == "photo":
                row.editor.show(self.document.photos(f.key))
            else:
                row.editor.show(self.document.value(f.key))

    def editor(self, key: str) -> _Editor:
        return self.rows[key].editor

    def set_photo_errors(self, key: str, messages: list[str]) -> None:
        self._photo_errors[key] = messages
        self.set_warnings(self._warnings)

    def clear_photo_errors(self) -> None:
        self._photo_errors.clear()
        self.set_warnings(self._warnings)

    def set_warnings(self, warnings: list[RenderWarning]) -> None:
        self._warnings = list(warnings)
        by_field: dict[str, list[str]] = {}
        for w in warnings:
            if w.field:
                by_field.setdefault(w.field, []).append(w.message)
        for key, row in self.rows.items():
            errors = self._photo_errors.get(key, [])
            row.set_warnings(errors + by_field.get(key, []), error=bool(errors))

    def focus_field(self, key: str) -> None:
        row = self.rows.get(key)
        if row is not None:
            self.ensureWidgetVisible(row)
            row.editor.widget.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.rows:
            self.rebuild()
        super().changeEvent(event)
