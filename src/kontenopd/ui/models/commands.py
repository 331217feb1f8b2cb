"""Undo commands. Each one only calls model operations (kontenopd.core.editing) on a Draft
and then reports which field changed through ``notify``; they run on a bare QUndoStack."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from ...core import editing
from ...core.model.records import Draft, PhotoRef

Notify = Callable[[str], None]
ALL = ""  # notify key meaning "everything changed"

ID_VALUE = 1001
ID_FOCUS = 1002
ID_CAPTION = 1003


def _quiet(_key: str) -> None:
    return None


class SetValueCommand(QUndoCommand):
    """Set one field's value. Consecutive typing in the same field merges into one step."""

    def __init__(self, draft: Draft, key: str, value: Any, text: str = "",
                 notify: Notify = _quiet, merge: bool = True) -> None:
        super().__init__(text or key)
        self.draft, self.key, self.notify, self.merge = draft, key, notify, merge
        self.old = editing.get_value(draft, key)
        self.new = value

    def id(self) -> int:
        return ID_VALUE if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValueCommand) or other.key != self.key or not other.merge:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        editing.set_value(self.draft, self.key, self.new)
        self.notify(self.key)

    def undo(self) -> None:
        editing.set_value(self.draft, self.key, self.old)
        self.notify(self.key)


class SetPhotosCommand(QUndoCommand):
    """Replace the photo list of a photo field (add, remove, reorder)."""

    def __init__(self, draft: Draft, key: str, refs: list[PhotoRef], text: str = "",
                 notify: Notify = _quiet) -> None:
        super().__init__(text or key)
        self.draft, self.key, self.notify = draft, key, notify
        self.old = editing.get_photos(draft, key)
        self.new = list(refs)

    def redo(self) -> None:
        editing.set_photos(self.draft, self.key, self.new)
        self.notify(self.key)

    def undo(self) -> None:
        editing.set_photos(self.draft, self.key, self.old)
        self.notify(self.key)


class SetFocusCommand(QUndoCommand):
    """Move a photo's focal point, keeping where in the frame it sits unless ``anchor``
    says otherwise. Steps of one drag (same ``gesture``) merge into one."""

    def __init__(self, draft: Draft, key: str, index: int, focus: tuple[float, float],
                 text: str = "", notify: Notify = _quiet, gesture: int = 0,
                 anchor: tuple[float, float] | None = None) -> None:
        super().__init__(text or key)
        self.draft, self.key, self.index, self.notify = draft, key, index, notify
        self.gesture = gesture
        ref = editing.get_photos(draft, key)[index]
        self.old = ref.focus
        self.new = focus
        self.old_anchor = ref.anchor
        self.new_anchor = ref.anchor if anchor is None else anchor

    def id(self) -> int:
        return ID_FOCUS if self.gesture else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (not isinstance(other, SetFocusCommand) or other.gesture != self.gesture
                or (other.key, other.index) != (self.key, self.index)):
            return False
        self.new, self.new_anchor = other.new, other.new_anchor
        return True

    def redo(self) -> None:
        editing.set_focus(self.draft, self.key, self.index, self.new, self.new_anchor)
        self.notify(self.key)

    def undo(self) -> None:
        editing.set_focus(self.draft, self.key, self.index, self.old, self.old_anchor)
        self.notify(self.key)


class ReplaceDraftCommand(QUndoCommand):
    """Swap the whole draft (template switch, fill with the example): undoable, so switching
    templates never loses typed text."""

    def __init__(self, draft: Draft, new: Draft, text: str = "",
                 notify: Notify = _quiet) -> None:
        super().__init__(text)
        self.draft, self.notify = draft, notify
        self.old = draft.copy()
        self.new = new.copy()

    def redo(self) -> None:
        editing.replace_draft(self.draft, self.new)
        self.notify(ALL)

    def undo(self) -> None:
        editing.replace_draft(self.draft, self.old)
        self.notify(ALL)


class SetCaptionsCommand(QUndoCommand):
    """Replace the draft's per-platform caption edits (``Draft.captions``). Typing in the
    same platform's caption merges into one step; ``merge=False`` (reset) stands alone."""

    def __init__(self, draft: Draft, captions: dict[str, str], platform: str, text: str = "",
                 notify: Notify = _quiet, merge: bool = True) -> None:
        super().__init__(text or platform)
        self.draft, self.platform, self.notify, self.merge = draft, platform, notify, merge
        self.old = dict(draft.captions)
        self.new = dict(captions)

    def id(self) -> int:
        return ID_CAPTION if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (not isinstance(other, SetCaptionsCommand) or not other.merge
                or other.platform != self.platform):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.draft.captions = dict(self.new)
        self.notify(self.platform)

    def undo(self) -> None:
        self.draft.captions = dict(self.old)
        self.notify(self.platform)
