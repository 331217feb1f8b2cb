"""The window's shortcuts come before a text field's own key bindings.

On Linux a focused QLineEdit claims Ctrl+E (end of line) and Ctrl+U (delete to the start),
emacs style, so Ctrl+E "Ekspor" did nothing while the cursor was in a field. This filter
sees a text field's ShortcutOverride first and lets the shortcut through whenever an enabled
action of the window has that key. The keys whose meaning in a text field users rely on are
left to the field: copy, cut, paste, select all, and undo/redo (the form's editors hand
those to the document's undo stack themselves).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

TEXT_WIDGETS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)
TEXT_KEYS = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut,
             QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.SelectAll,
             QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)


def window_action_for(window: QWidget, event: QKeyEvent) -> QAction | None:
    """The enabled action of ``window`` (its menus, tool bars and panels included) whose
    shortcut is the key of ``event``, if any."""
    pressed = QKeySequence(event.keyCombination())
    for action in window.findChildren(QAction):
        if (action.isEnabled()
                and action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut
                and any(s.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                        for s in action.shortcuts())):
            return action
    return None


class AppShortcutsFirst(QObject):
    """Install on the QApplication: a text field of ``window`` gives up a key that is one of
    the window's shortcuts (except the text keys above)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() != QEvent.Type.ShortcutOverride
                or not isinstance(watched, TEXT_WIDGETS)
                or watched.window() is not self._window
                or not isinstance(event, QKeyEvent)
                or not event.modifiers() & _COMMAND_MODIFIERS
                or any(event.matches(key) for key in TEXT_KEYS)
                or window_action_for(self._window, event) is None):
            return False
        event.ignore()  # not overridden: the shortcut map tries the window's shortcut
        return True
