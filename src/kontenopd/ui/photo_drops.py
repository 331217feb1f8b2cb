"""Photos dropped on the main window (:class:`PhotoDrops`, a mixin of
:class:`~.mainwindow.MainWindow`): image files dragged from the file manager onto any of its
widgets go to the photo field under the pointer, or the first one with room."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

from .panels.photo_slot import IMAGE_FILTER_SUFFIXES, PICKER_THRESHOLD


def image_paths(mime: object) -> list[str]:
    if not mime.hasUrls():  # type: ignore[attr-defined]
        return []
    out = []
    for url in mime.urls():  # type: ignore[attr-defined]
        if url.isLocalFile():
            path = url.toLocalFile()
            if Path(path).suffix.lower() in IMAGE_FILTER_SUFFIXES or Path(path).is_file():
                out.append(path)
    return out



class PhotoDrops:
    """The window's application-wide event filter for drags carrying image files."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop) and \
                isinstance(watched, QWidget) and watched.window() is self:
            paths = image_paths(event.mimeData())
            if paths:
                if kind == QEvent.Type.Drop:
                    self._drop(watched, paths, event)
                else:
                    event.acceptProposedAction()
                return True
        return super().eventFilter(watched, event)

    def _drop(self, target: QWidget, paths: list[str], event: QDropEvent) -> None:
        key = ""
        widget: QWidget | None = target
        while widget is not None and widget is not self:
            value = widget.property("photo_field")
            if value:
                key = str(value)
                break
            widget = widget.parentWidget()
        event.acceptProposedAction()
        if len(paths) >= PICKER_THRESHOLD:  # the picker is modal: not inside the drop
            QTimer.singleShot(0, self, lambda: self.add_picked_photos(paths, key))
        else:
            self.add_photos(paths, key)
