"""Picking the best photos when many are added at once (core/picking.py does the judging).

An admin drops 40 WhatsApp photos of an event on a field that holds 9: this dialog shows
them best first, with what is wrong with the others ("buram", "terlalu gelap",
"mirip foto lain"...), the best ones already ticked, so choosing takes seconds. The photos
are scored off the GUI thread (the window's task runner) while a progress bar runs.

``PhotoPicker.choose(parent, paths, limit)`` returns the chosen paths (best first) or None
when the user cancels; tests patch it, or build the dialog and drive it directly.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QSignalBlocker, QSize, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.photos import picking
from ..style import muted_color, warning_color
from ..tasks import SyncRunner, TaskRunner
from .photo_slot import PICKER_THRESHOLD
from .preview_render import to_qimage

THUMB = QSize(160, 120)
PATH_ROLE = Qt.ItemDataRole.UserRole
THRESHOLD = PICKER_THRESHOLD

_own_runner: list[TaskRunner] = []


def _runner_for(parent: QWidget | None) -> TaskRunner | SyncRunner:
    runner = getattr(parent, "runner", None)
    if isinstance(runner, (TaskRunner, SyncRunner)):
        return runner
    if not _own_runner:
        _own_runner.append(TaskRunner())
    return _own_runner[0]


class _Progress(QObject):
    """Carries progress from the scoring threads to the GUI thread (queued signal). Has no
    parent, so a worker still running after the dialog is gone emits into a live object."""

    step = Signal(int, int)


class PhotoPicker(QDialog):
    THRESHOLD = THRESHOLD

    def __init__(self, paths: list[str], limit: int,
                 runner: TaskRunner | SyncRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoPicker")
        self.paths = [str(p) for p in paths]
        self.limit = max(1, int(limit))
        self.runner = runner or _runner_for(parent)
        self.result_: picking.Picking | None = None
        self._cancel = threading.Event()
        self._closed = False
        self._progress = _Progress()
        self._progress.step.connect(self._step)

        self.setWindowTitle(self.tr("Pilih foto terbaik"))
        self.intro = QLabel(self.tr(
            "{n} foto ditambahkan sekaligus. Foto yang paling layak tampil di depan; foto yang "
            "buram, terlalu gelap atau terang, dan yang mirip foto lain diberi tanda. Centang "
            "paling banyak {limit} foto.").format(n=len(self.paths), limit=self.limit))
        self.intro.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, max(1, len(self.paths)))
        self.bar.setValue(0)
        self.bar.setFormat(self.tr("Menilai foto… %v dari %m"))
        self.list = QListWidget()
        self.list.setObjectName("pickerList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 36, THUMB.height() + 52))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.list.setEnabled(False)
        self.list.itemChanged.connect(self._item_changed)
        self.list.itemActivated.connect(self._toggle)
        self.status = QLabel()
        self.status.setStyleSheet(f"color: {muted_color(self)}")
        self.best_button = QPushButton(self.tr("Pilih yang terbaik"))
        self.best_button.setToolTip(self.tr("Centang {n} foto terbaik saja").format(
            n=self.limit))
        self.clear_button = QPushButton(self.tr("Kosongkan pilihan"))
        self.best_button.clicked.connect(self.select_best)
        self.clear_button.clicked.connect(lambda: self._check_only(set()))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for button in (self.best_button, self.clear_button, self.ok_button):
            button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.bar)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.best_button)
        row.addWidget(self.clear_button)
        row.addWidget(self.status, 1)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self._fit_screen()
        self._update_status()

    def _fit_screen(self) -> None:
        """About 1000x680, never more than the screen (1366x768 laptops)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = 1000, 680
        if screen is not None:
            area = screen.availableGeometry()
            width, height = min(width, area.width() - 40), min(height, area.height() - 40)
        self.setMinimumSize(480, 360)
        self.resize(max(480, width), max(360, height))

    # ------------------------------------------------------------ scoring
    def start(self) -> None:
        """Score the photos on the runner; the list fills in when they are all done."""
        paths, cancel, progress = list(self.paths), self._cancel, self._progress

        def report(done: int, total: int) -> None:
            try:
                progress.step.emit(done, total)
            except RuntimeError:  # the dialog and its relay are gone
                cancel.set()

        def job() -> tuple[picking.Picking, dict[str, QImage]]:
            result = picking.score_photos(paths, thumb_size=(THUMB.width(), THUMB.height()),
                                          progress=report, cancelled=cancel.is_set)
            thumbs = {s.path: to_qimage(s.thumbnail) for s in result.scores
                      if s.thumbnail is not None}
            return result, thumbs

        self.runner.run(job, self._scored, 10)

    @Slot(int, int)
    def _step(self, done: int, total: int) -> None:
        if not self._closed:
            self.bar.setValue(done)

    def _scored(self, result: object, error: BaseException | None) -> None:
        if self._closed:
            return
        self.bar.hide()
        if error is not None or not isinstance(result, tuple):
            # Without scores the photos are still offered, in the order they came.
            scores = tuple(picking.PhotoScore(p) for p in self.paths)
            self.result_ = picking.Picking(scores, tuple(range(len(scores))))
            self.intro.setText(self.intro.text() + "\n" + self.tr(
                "Foto tidak dapat dinilai; urutannya seperti aslinya."))
            thumbs: dict[str, QImage] = {}
        else:
            self.result_, thumbs = result
        self._fill(thumbs)

    def _fill(self, thumbs: dict[str, QImage]) -> None:
        assert self.result_ is not None
        with QSignalBlocker(self.list):  # not the user ticking: no itemChanged
            self.list.clear()
            for score in self.result_.ranked():
                self.list.addItem(self._item(score, thumbs.get(score.path)))
        self.list.setEnabled(True)
        for button in (self.best_button, self.clear_button):
            button.setEnabled(True)
        self.select_best()
        self.list.setFocus()

    def _item(self, score: picking.PhotoScore, image: QImage | None) -> QListWidgetItem:
        reasons = score.reasons()
        item = QListWidgetItem(score.name if not reasons else f"{score.name}\n⚠ {reasons}")
        if image is not None and not image.isNull():
            item.setIcon(QIcon(QPixmap.fromImage(image)))
        item.setData(PATH_ROLE, score.path)
        item.setToolTip(f"{Path(score.path).name}\n{reasons}" if reasons
                        else Path(score.path).name)
        if score.ok:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if reasons:
                item.setForeground(self._warning_brush())
        else:
            item.setFlags(Qt.ItemFlag.ItemIsSelectable)  # shown, not choosable
        return item

    def _warning_brush(self) -> QBrush:
        return QBrush(QColor(warning_color(self)))

    # ------------------------------------------------------------ choosing
    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def select_best(self) -> None:
        """Tick the best ``limit`` readable photos (the ranking's first)."""
        if self.result_ is not None:
            self._check_only(set(self.result_.best(self.limit)))

    def _check_only(self, paths: set[str]) -> None:
        with QSignalBlocker(self.list):
            for item in self.items():
                if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                    on = item.data(PATH_ROLE) in paths
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._update_status()

    def _toggle(self, item: QListWidgetItem) -> None:
        """Enter or a double click ticks or unticks a photo."""
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _item_changed(self, item: QListWidgetItem) -> None:
        if item.checkState() == Qt.CheckState.Checked and len(self.chosen()) > self.limit:
            with QSignalBlocker(self.list):
                item.setCheckState(Qt.CheckState.Unchecked)
            self._update_status(full=True)
            return
        self._update_status()

    def chosen(self) -> list[str]:
        """The ticked photos, best first."""
        return [item.data(PATH_ROLE) for item in self.items()
                if item.checkState() == Qt.CheckState.Checked]

    def _update_status(self, full: bool = False) -> None:
        n = len(self.chosen())
        text = self.tr("{n} dari paling banyak {limit} foto dipilih.").format(
            n=n, limit=self.limit)
        if full:
            text += " " + self.tr("Hapus centang foto lain dulu.")
        self.status.setText(text)
        self.ok_button.setEnabled(self.result_ is not None and n > 0)
        self.ok_button.setText(self.tr("Tambahkan {n} foto").format(n=n) if n else
                               self.tr("Tambahkan"))

    def done(self, code: int) -> None:
        self._closed = True
        self._cancel.set()  # photos not yet scored are skipped
        super().done(code)

    @classmethod
    def choose(cls, parent: QWidget | None, paths: list[str], limit: int) -> list[str] | None:
        """Show the picker; the chosen paths (best first), or None when cancelled."""
        dialog = cls(list(paths), limit, parent=parent)
        try:
            dialog.start()
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.chosen() if accepted else None
        finally:
            dialog._closed = True
            dialog._cancel.set()
            dialog.deleteLater()
