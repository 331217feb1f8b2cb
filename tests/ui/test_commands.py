"""Undo commands on a bare QUndoStack: each edit undoes and redoes exactly."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from kontenopd.core.model.records import Draft, PhotoRef
from kontenopd.ui.models.commands import (
    ReplaceDraftCommand,
    SetFocusCommand,
    SetPhotosCommand,
    SetValueCommand,
)


def test_typing_merges_into_one_step(qapp):
    draft = Draft("liputan-kegiatan", values={"judul": "A"})
    stack = QUndoStack()
    changed = []
    for text in ("Ap", "Ape", "Apel"):
        stack.push(SetValueCommand(draft, "judul", text, notify=changed.append))
    stack.push(SetValueCommand(draft, "lokasi", "Pendopo", notify=changed.append))
    assert stack.count() == 2
    stack.undo()
    assert "lokasi" not in draft.values
    stack.undo()
    assert draft.values["judul"] == "A"
    stack.redo()
    assert draft.values["judul"] == "Apel"
    assert changed[-1] == "judul"


def test_photos_and_focus(qapp):
    a, b = PhotoRef("/a.jpg"), PhotoRef("/b.jpg")
    draft = Draft("liputan-kegiatan")
    stack = QUndoStack()
    stack.push(SetPhotosCommand(draft, "foto", [a, b]))
    stack.push(SetPhotosCommand(draft, "foto", [b, a]))
    assert [r.path for r in draft.photos["foto"]] == ["/b.jpg", "/a.jpg"]
    for x in (0.3, 0.2, 0.1):  # one drag gesture
        stack.push(SetFocusCommand(draft, "foto", 0, (x, 0.5), gesture=7))
    stack.push(SetFocusCommand(draft, "foto", 0, (0.9, 0.9)))  # a click: its own step
    assert stack.count() == 4
    stack.undo()
    assert draft.photos["foto"][0].focus == (0.1, 0.5)
    stack.undo()
    assert draft.photos["foto"][0].focus == (0.5, 0.5)
    stack.undo()
    assert [r.path for r in draft.photos["foto"]] == ["/a.jpg", "/b.jpg"]
    stack.undo()
    assert "foto" not in draft.photos


def test_replace_draft_keeps_the_object(qapp):
    draft = Draft("liputan-kegiatan", values={"judul": "Lama"})
    other = Draft("agenda-undangan", values={"acara": "Baru"})
    stack = QUndoStack()
    stack.push(ReplaceDraftCommand(draft, other))
    assert draft.template == "agenda-undangan"
    assert draft.values == {"acara": "Baru"}
    stack.undo()
    assert draft.template == "liputan-kegiatan"
    assert draft.values == {"judul": "Lama"}
