"""The document the window edits: the current Draft, its Template, the Profile, the undo
stack and the modified flag. Widgets read from it and change it only through commands."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...core import editing
from ...core.captions.compose import apply_caption_edit
from ...core.model.records import Draft, PhotoRef, Profile
from ...core.template.library import Library
from ...core.template.schema import Template
from .commands import (
    ALL,
    ReplaceDraftCommand,
    SetCaptionsCommand,
    SetFocusCommand,
    SetPhotosCommand,
    SetValueCommand,
)


class Document(QObject):
    changed = Signal(str)  # a field key, or "" when everything changed
    template_changed = Signal()  # the template (and so the form) is another one
    profile_changed = Signal()
    modified_changed = Signal(bool)
    captions_changed = Signal(str)  # a platform whose caption edit changed (not the image)

    def __init__(self, library: Library, template: Template, profile: Profile,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.template = template
        self.profile = profile
        self.draft: Draft = editing.new_draft(template)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._gesture = 0
        self.path: Path | None = None  # the .kontenopd file this draft is saved in
        self.saved_at: datetime | None = None  # when that file was written (aware)
        self._unsaved = False  # changes not on the undo stack (e.g. a recovered draft)
        self._was_modified = False

    def _clean_changed(self, _clean: bool = True) -> None:
        if self.modified != self._was_modified:
            self._was_modified = self.modified
            self.modified_changed.emit(self.modified)

    # ------------------------------------------------------------ reading
    @property
    def modified(self) -> bool:
        return self._unsaved or not self.undo_stack.isClean()

    def value(self, key: str) -> Any:
        return self.draft.values.get(key)

    def photos(self, key: str) -> list[PhotoRef]:
        return editing.get_photos(self.draft, key)

    # ------------------------------------------------------------ notifications
    def _notify(self, key: str) -> None:
        if key == ALL:
            template = self.library.templates.get(self.draft.template, self.template)
            if template is not self.template:
                self.template = template
                self.template_changed.emit()
        self.changed.emit(key)

    # ------------------------------------------------------------ edits (undoable)
    def set_value(self, key: str, value: Any, text: str = "", merge: bool = True) -> None:
        if value in ("", None) and self.value(key) in ("", None):
            return
        if value == self.value(key):
            return
        self.undo_stack.push(SetValueCommand(self.draft, key, value, text, self._notify, merge))

    def set_photos(self, key: str, refs: list[PhotoRef], text: str = "") -> SetPhotosCommand | None:
        """Replace the photos of ``key`` (undoable); returns the command pushed, if any."""
        if refs == self.photos(key):
            return None
        command = SetPhotosCommand(self.draft, key, refs, text, self._notify)
        self.undo_stack.push(command)
        return command

    def set_enhance(self, key: str, index: int, on: bool, text: str = "") -> None:
        """Turn auto-enhance (levels) of one photo on or off: one undo step."""
        refs = self.photos(key)
        if not 0 <= index < len(refs) or refs[index].enhance == bool(on):
            return
        refs[index] = refs[index].with_enhance(on)
        self.set_photos(key, refs, text)

    def amend_focus(self, command: SetPhotosCommand,
                    focuses: list[tuple[int, str, tuple[float, float]]], text: str = "") -> None:
        """Focal points found after ``command`` added photos (face detection runs in the
        background): (index, path, focus) each. While ``command`` is still the last step
        done, they are folded into it, so undo removes the photos and their focus at once;
        after that, a photo still at the centre gets its focus as a step of its own."""
        key = command.key
        stack = self.undo_stack
        count = stack.count()
        if count and stack.index() == count and stack.command(count - 1) is command:
            new = list(command.new)
            for index, path, focus in focuses:
                if index < len(new) and new[index].path == path:
                    new[index] = new[index].with_focus(*focus)
            if new == command.new:
                return
            command.new = new
            editing.set_photos(self.draft, key, new)
            if stack.isClean():  # saved (autosave) before the focus came: not any more
                self.mark_unsaved()
            self._notify(key)
            return
        refs = self.photos(key)
        for index, path, focus in focuses:
            if index < len(refs) and refs[index].path == path and refs[index].focus == (
                    0.5, 0.5):
                self.set_focus(key, index, focus, text, anchor=(0.5, 0.5))

    def set_caption(self, platform: str, text: str, generated: str, label: str = "",
                    merge: bool = True) -> None:
        """The user edited ``platform``'s caption; an edit equal to ``generated`` is dropped,
        so the caption follows the fields again (undoable; typing merges into one step)."""
        new = apply_caption_edit(self.draft.captions, platform, text, generated)
        if new == self.draft.captions:
            return
        self.undo_stack.push(SetCaptionsCommand(self.draft, new, platform, label,
                                                self.captions_changed.emit, merge))

    def reset_caption(self, platform: str, label: str = "") -> None:
        """Drop the user's edit of ``platform``'s caption (back to the generated one)."""
        if platform not in self.draft.captions:
            return
        new = {k: v for k, v in self.draft.captions.items() if k != platform}
        self.undo_stack.push(SetCaptionsCommand(self.draft, new, platform, label,
                                                self.captions_changed.emit, merge=False))

    def begin_gesture(self) -> int:
        self._gesture += 1
        return self._gesture

    def set_focus(self, key: str, index: int, focus: tuple[float, float], text: str = "",
                  gesture: int = 0, anchor: tuple[float, float] | None = None) -> None:
        """Move a photo's focal point as one undo step (steps of one ``gesture`` merge);
        ``anchor``, unless None, also sets where in the frame the point sits."""
        refs = self.photos(key)
        if index >= len(refs) or (refs[index].focus == focus
                                  and anchor in (None, refs[index].anchor)):
            return
        self.undo_stack.push(SetFocusCommand(self.draft, key, index, focus, text, self._notify,
                                             gesture, anchor))

    def switch_template(self, template: Template, text: str = "") -> None:
        if template.id == self.template.id:
            return
        new = editing.carry_over(self.draft, template)
        self.undo_stack.push(ReplaceDraftCommand(self.draft, new, text, self._notify))

    def fill_sample(self, text: str = "") -> None:
        new = self.draft.copy()
        for key, value in self.template.sample.items():
            new.values[key] = value
        self.undo_stack.push(ReplaceDraftCommand(self.draft, new, text, self._notify))

    # ------------------------------------------------------------ not undoable
    def new_draft(self, template: Template | None = None, today: date | None = None) -> None:
        """Start over with an empty draft (the caller asks before losing changes)."""
        template = template or self.template
        self.load(editing.new_draft(template, today), template)

    def load(self, draft: Draft, template: Template, profile: Profile | None = None,
             path: Path | None = None, saved_at: datetime | None = None,
             unsaved: bool = False) -> None:
        """Replace the whole document (an opened or new draft); not undoable, the caller
        asks before losing changes. ``unsaved``: the draft differs from ``path`` (recovered)."""
        self.undo_stack.clear()
        self.draft = draft
        self.path, self.saved_at = path, saved_at
        self._unsaved = unsaved
        changed_template = template is not self.template
        self.template = template
        if profile is not None and profile is not self.profile:
            self.profile = profile
            self.profile_changed.emit()
        if changed_template:
            self.template_changed.emit()
        self.changed.emit(ALL)
        self.undo_stack.setClean()
        self._clean_changed()

    def mark_saved(self, path: Path, saved_at: datetime) -> None:
        """The draft as it is now has been written to ``path``."""
        self.path, self.saved_at = path, saved_at
        self._unsaved = False
        self.undo_stack.setClean()
        self._clean_changed()

    def mark_unsaved(self) -> None:
        """Changes that are not on the undo stack (a profile switch, a recovered draft)."""
        self._unsaved = True
        self._clean_changed()

    def set_profile(self, profile: Profile) -> None:
        self.profile = profile
        self.profile_changed.emit()
        self.changed.emit(ALL)
