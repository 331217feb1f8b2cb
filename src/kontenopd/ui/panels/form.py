"""The editor form, generated from the template's fields.

Every editor writes through the Document (so through the undo stack) and is refreshed from
it when the model changes (undo, redo, template switch) without echoing an edit back (``show``
fills its widget under a QSignalBlocker where a change signal would echo it).
Warnings from the last render are shown under the field they concern.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...core.render import RenderWarning
from ...core.template.schema import Field
from ..models.document import Document
from ..style import error_color, heading_label, muted_color, small_font, warning_color
from .editors import (
    TITLE_LENGTH,
    BoolEditor,
    ChoiceEditor,
    DateEditor,
    Editor,
    MultilineEditor,
    TextEditor,
    TimeEditor,
    TitleEditor,
)
from .list_editor import ListEditor
from .photo_slot import PhotoSlot


class FieldRow(QWidget):
    """Label, editor, help text and the warning line of one field."""

    def __init__(self, field: Field, editor: Editor) -> None:
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

    def _editor_for(self, f: Field) -> Editor:
        kinds: dict[str, Callable[[Field], Editor]] = {
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

    def editor(self, key: str) -> Editor:
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
