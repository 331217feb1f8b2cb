"""The export queue as a model: its posts in order, one :class:`QueuedPost` each, and the
list view that shows them.

A post's record holds everything the queue knows about it: the job to export (a snapshot of
the draft, or its kept file after a restart), its file in the queue store, whether that file
is still being written, what a small render found (thumbnail, warnings, formats that would
not be written) and why its last export failed. The model keeps the store in step (every
change rewrites the list) and does the slow parts off the GUI thread: the check on the
window's runner, the store's writes on a runner of their own, one at a time, in order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from ...core.errors import KontenError
from ...core.export.jobs import ExportJob
from ...core.export.preflight import Preflight, preflight
from ...core.model.platforms import PLATFORMS
from ...core.render.images import images_of
from ...core.store.queue import QueueEntry, QueueStore
from ...core.template.library import Library
from ..panels.preview_render import to_qimage
from ..style import error_color
from ..tasks import Runner

JOB_ROLE = Qt.ItemDataRole.UserRole  # a post's key (int): QueuePanel.check_of(key)
THUMB_SIDE = 72  # px, the queue row's picture of the post
STORE_WAIT_MS = 60_000  # before quitting: how long the queue's files may take to be written

Index = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class QueuedPost:
    """One post in the export queue (compared by identity: two posts may carry equal jobs)."""

    key: int  # stable while the post is queued (JOB_ROLE)
    job: ExportJob  # what is exported: the snapshot in memory, or the kept file
    template: str  # its template's id
    stored: QueueEntry | None = None  # its file in the queue store (None: this session only)
    keeping: bool = False  # that file is still being written
    check: Preflight | None = None  # what its export would give, once checked
    icon: QIcon | None = None  # the check's thumbnail, for the row
    error: str = ""  # why its last export failed
    images: int | None = field(default=None, repr=False)  # images it makes (counted once)


class QueueModel(QAbstractListModel):
    """The queue's posts, in export order; reordered by drag and drop or :meth:`move`."""

    problem = Signal(str)  # the queue could not be kept for next time (one line)

    def __init__(self, library: Library, store: QueueStore | None, runner: Runner,
                 store_runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.store = store  # keeps the queue across restarts (None: this session only)
        self.runner = runner  # checks each queued post
        self.store_runner = store_runner  # writes the store, one job at a time, in order
        self.posts: list[QueuedPost] = []
        self._keys = itertools.count(1)

    # ------------------------------------------------------------ reading
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.posts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.posts):
            return None
        post = self.posts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.describe(post)[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.describe(post)[1]
        if role == Qt.ItemDataRole.DecorationRole:
            return post.icon
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(error_color()) if self.describe(post)[2] else None
        if role == JOB_ROLE:
            return post.key
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # between rows: where a dragged post lands
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def find(self, key: int) -> QueuedPost | None:
        return next((p for p in self.posts if p.key == key), None)

    def jobs(self) -> list[ExportJob]:
        return [p.job for p in self.posts]

    def holds(self, job: ExportJob) -> bool:
        """Whether ``job`` (the same snapshot with the same choices) is queued already."""
        return any(p.job == job for p in self.posts)

    def describe(self, post: QueuedPost) -> tuple[str, str, bool]:
        """The row's text, its tooltip, and whether it shows a problem."""
        job = post.job
        template = self.library.templates.get(post.template)
        names = ", ".join(PLATFORMS[p].name for p in job.platforms)
        line2 = self.tr("{template} · {formats} · {platforms} · {type}").format(
            template=template.name if template else "", formats=", ".join(job.formats),
            platforms=names, type=job.image_type.upper())
        if post.images is None:
            post.images = 0
            if template is not None and job.draft is not None:
                try:
                    post.images = sum(len(images_of(template, job.draft, f))
                                      for f in job.formats if f in template.formats)
                except KontenError:
                    post.images = 0
        if post.images:
            line2 += " · " + self.tr("{n} gambar").format(n=post.images)
        text = f"{job.label}\n{line2}"
        tip = [line2]
        if post.keeping:
            text += "\n" + self.tr("menyimpan…")
            tip.append(self.tr("menyimpan…"))
        check = post.check
        if check is not None:
            if check.error:
                text += "\n" + self.tr("✖ Belum bisa diekspor: {error}").format(
                    error=check.error)
                tip.append(check.error)
            for fmt, why in check.blocked.items():
                text += "\n" + self.tr("✖ {format} tidak akan diekspor: {why}").format(
                    format=fmt, why=why)
                tip.append(f"✖ {fmt}: {why}")
            if check.warnings:
                text += "\n" + self.tr("⚠ {n} peringatan (arahkan kursor untuk membaca)").format(
                    n=len(check.warnings))
                tip += [f"⚠ {w}" for w in check.warnings]
            elif not check.blocked and not check.error:
                text += "\n" + self.tr("✔ Siap diekspor")
        if post.error:
            text += "\n" + self.tr("✖ Gagal: {error}").format(error=post.error)
            tip.insert(0, post.error)
        problem = bool(post.error or (check is not None and (check.error or check.blocked)))
        return text, "\n".join(tip), problem

    # ------------------------------------------------------------ changing
    def add(self, job: ExportJob, keep: bool = False) -> QueuedPost:
        """Queue ``job``; with ``keep`` (and a store), also keep it for next time."""
        post = QueuedPost(next(self._keys), job, job.draft.template if job.draft else "")
        self._append(post)
        if keep and self.store is not None:
            self._keep(post, self.store)
        return post

    def remove(self, posts: Iterable[QueuedPost]) -> None:
        """Take ``posts`` off the queue (their kept files go with the next write)."""
        for post in list(posts):
            if post in self.posts:
                row = self.posts.index(post)
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.posts[row]
                self.endRemoveRows()
        self.save()

    def move(self, row: int, target: int) -> bool:
        """Put the post at ``row`` at ``target`` (Naik/Turun)."""
        return self.moveRows(QModelIndex(), row, 1, QModelIndex(),
                             target + 1 if target > row else target)

    def moveRows(self, source: Index, row: int, count: int, destination: Index,
                 child: int) -> bool:
        """Drag and drop (QListView asks for each dragged row) and :meth:`move`."""
        if (source.isValid() or destination.isValid() or count < 1 or row < 0
                or row + count > len(self.posts) or not 0 <= child <= len(self.posts)
                or row <= child <= row + count):
            return False
        self.beginMoveRows(QModelIndex(), row, row + count - 1, QModelIndex(), child)
        moving = self.posts[row:row + count]
        del self.posts[row:row + count]
        at = child - count if child > row else child
        self.posts[at:at] = moving
        self.endMoveRows()
        self.save()
        return True

    def set_error(self, post: QueuedPost, error: str) -> None:
        post.error = error
        self._changed(post)

    def clear_errors(self) -> None:
        for post in self.posts:
            if post.error:
                self.set_error(post, "")

    def retranslate(self) -> None:
        if self.posts:
            self.dataChanged.emit(self.index(0), self.index(len(self.posts) - 1))

    def _append(self, post: QueuedPost) -> None:
        row = len(self.posts)
        self.beginInsertRows(QModelIndex(), row, row)
        self.posts.append(post)
        self.endInsertRows()
        self._check(post)

    def _changed(self, post: QueuedPost) -> None:
        if post in self.posts:
            index = self.index(self.posts.index(post))
            self.dataChanged.emit(index, index)

    def _check(self, post: QueuedPost) -> None:
        """Render the queued post small, off the GUI thread: its thumbnail, its warnings and
        the formats its export would not write appear on its row."""
        job = post.job
        template = self.library.templates.get(job.draft.template) \
            if job.draft is not None else None
        if template is None or job.draft is None or job.profile is None:
            return
        draft, profile = job.draft, job.profile
        formats = job.formats or tuple(draft.formats) or (template.format_keys[0],)

        def done(result: Preflight | None, error: BaseException | None) -> None:
            if post not in self.posts:
                return  # exported or removed meanwhile
            post.check = result if result is not None else Preflight(error=str(error))
            if post.check.thumbnail is not None:
                post.icon = QIcon(QPixmap.fromImage(to_qimage(post.check.thumbnail)))
            self._changed(post)

        self.runner.run(lambda: preflight(template, draft, profile, formats,
                                          thumb_side=THUMB_SIDE), done)

    # ------------------------------------------------------------ the store
    def _keep(self, post: QueuedPost, store: QueueStore) -> None:
        """Write the post's draft into the store off the GUI thread; the row says
        "menyimpan…" until it is there. The list written next names it already: the store's
        writes run in order, so the file is there first."""
        job = post.job
        try:
            entry = post.stored = store.reserve(job)
        except KontenError as exc:
            self._unkept(exc)
            return
        post.keeping = True
        self._changed(post)
        self.store_runner.run(lambda: store.keep(job, entry),
                              lambda _result, error: self._kept(post, error))
        self.save()

    def _kept(self, post: QueuedPost, error: BaseException | None) -> None:
        post.keeping = False
        if error is not None:
            post.stored = None
            if post in self.posts:
                self.save()  # the list named its file
            self._unkept(error)
        self._changed(post)

    def _unkept(self, error: BaseException) -> None:
        if not isinstance(error, (KontenError, OSError)):
            raise error
        self.problem.emit(self.tr("Antrean tidak bisa disimpan untuk lain kali: {error}")
                          .format(error=error))

    def save(self) -> None:
        """Write the queue's order to the store (after every change), off the GUI thread."""
        if self.store is None:
            return
        store = self.store
        entries = [p.stored for p in self.posts if p.stored is not None]
        self.store_runner.run(lambda: store.write(entries), self._saved)

    def _saved(self, _result: None, error: BaseException | None) -> None:
        if error is not None:
            self._unkept(error)

    def restore(self) -> tuple[int, list[str]]:
        """Put back the queue a previous session left: how many posts came back, and a
        notice for each one that could not."""
        if self.store is None:
            return 0, []
        entries, notices = self.store.read()
        for entry in entries:
            self._append(QueuedPost(next(self._keys), entry.job, entry.template, stored=entry))
        if entries or notices:
            self.save()  # forget entries that could not be restored
        return len(entries), notices

    def flush(self, msecs: int = STORE_WAIT_MS) -> bool:
        """Wait until the queue's files and list are written (before quitting)."""
        return self.store_runner.wait(msecs)


class QueueRow:
    """One row as the list shows it: its text, tooltip, picture and data (read-only)."""

    def __init__(self, index: QModelIndex) -> None:
        self.index = QPersistentModelIndex(index)

    def data(self, role: int) -> Any:
        return self.index.data(role)

    def text(self) -> str:
        return self.data(Qt.ItemDataRole.DisplayRole) or ""

    def toolTip(self) -> str:
        return self.data(Qt.ItemDataRole.ToolTipRole) or ""

    def icon(self) -> QIcon:
        icon = self.data(Qt.ItemDataRole.DecorationRole)
        return icon if isinstance(icon, QIcon) else QIcon()


class QueueView(QListView):
    """The queue's list: a picture and a few lines per post, reordered by dragging. Rows are
    also reachable by number, as in a QListWidget (count, currentRow, item)."""

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportQueue")
        self.setModel(model)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))

    def count(self) -> int:
        return self.model().rowCount()

    def currentRow(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def setCurrentRow(self, row: int) -> None:
        self.setCurrentIndex(self.model().index(row, 0))

    def item(self, row: int) -> QueueRow:
        return QueueRow(self.model().index(row, 0))
