"""The form's per-field editors: one :class:`Editor` per field type (text, headline,
multi-line text, date, time, choice, yes/no), each with a ``widget`` to lay out, ``show`` to
reflect the model's value without echoing it back (under a QSignalBlocker where a change
signal would), and ``edited`` for the user's own changes. The list table is in
:mod:`.list_editor`, the photo thumbnails in :mod:`.photo_slot`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QMimeData,
    QObject,
    QSignalBlocker,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import KontenError
from ...core.model.dates import parse_date, parse_time
from ...core.model.records import MAX_VALUE_CHARS
from ...core.template.schema import Field
from ..style import muted_color, small_font, warning_color

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


class Editor(QObject):
    """Base for one field's editor: ``widget`` to lay out, ``show`` to reflect a value."""

    edited = Signal(object)

    def __init__(self, field: Field) -> None:
        super().__init__()
        self.field = field
        self.widget: QWidget = QWidget()

    def show(self, value: Any) -> None:
        raise NotImplementedError


class TextEditor(Editor):
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


class TitleEditor(Editor):
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


class MultilineEditor(Editor):
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


class DateEditor(Editor):
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


class TimeEditor(Editor):
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


class ChoiceEditor(Editor):
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


class BoolEditor(Editor):
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

