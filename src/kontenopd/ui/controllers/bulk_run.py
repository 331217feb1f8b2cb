"""The background parts of Buat Massal dari Lembar Kerja: planning the rows and checking each
good row's layout (:class:`RowChecker`), and writing the posts (:class:`BulkRun`).

Both hand their work to ui/tasks.py (the one helper for background work) and report back on
the GUI thread by signal; workers get fixed inputs and never touch a widget. All the work
itself is kontenopd.core's (bulk.plan, export.preflight, bulk.run_bulk).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ...core.errors import KontenError
from ...core.export.bulk import (
    STATUS_FAILED,
    STATUS_WARNING,
    BulkOptions,
    BulkProgress,
    BulkReport,
    Mapping,
    RowPlan,
    plan,
    run_bulk,
)
from ...core.export.preflight import Preflight, preflight
from ...core.io.spreadsheet import Table
from ...core.model.records import Profile
from ...core.photos.cache import PhotoCache
from ...core.template.library import Library
from ...core.template.schema import Template
from ..panels.preview_render import to_qimage
from ..tasks import LatestTask, SyncRunner, Task, TaskRunner

# Row states shown before a run; after a run the core's statuses (berhasil, peringatan, gagal,
# dibatalkan) are shown as they are.
CHECKING = "memeriksa"
READY = "ok"
CARDS = 3  # posts previewed as cards
CARD_SIDE = 220  # px, the thumbnail preflight makes for a card
SMALL_SIDE = 24  # px, the thumbnail of a row that will not be a card (thrown away)
CHECK_PRIORITY = -5  # below the main window's previews: they stay quick while rows are checked
PLAN_PRIORITY = 5


def error_text(error: BaseException | None) -> str:
    """One Indonesian line for the user, never a traceback (translated as the dialog's own
    lines: the dialog shows them)."""
    if isinstance(error, KontenError):
        return str(error)
    if isinstance(error, OSError):
        return QCoreApplication.translate("BulkDialog", "Berkas tidak bisa dibuka: {why}").format(
            why=error.strerror or error)
    return QCoreApplication.translate("BulkDialog", "Tidak bisa dilanjutkan: {error}").format(
        error=error or "")


class RowChecker(QObject):
    """Plans the rows (only the latest request counts), then checks the layout of every good
    row by rendering it small, one row at a time, the first few large enough for a card."""

    planned = Signal(object, object)  # list[RowPlan] | None, BaseException | None
    # plan index, status (READY, STATUS_WARNING or STATUS_FAILED), reasons, card (QImage|None)
    checked = Signal(int, str, object, object)

    def __init__(self, runner: TaskRunner | SyncRunner) -> None:
        # no parent: a check finishing after the dialog is gone still has a live object
        super().__init__()
        self.runner = runner
        self._planner = LatestTask(runner, self.planned.emit, PLAN_PRIORITY)
        self._plans: list[RowPlan] = []
        self._template: Template | None = None
        self._profile: Profile | None = None
        self._cards = 0  # rows given a card since the checks started
        self._generation = 0
        self._queue: list[int] = []
        self._busy = False
        self._pumping = False
        self._pump_again = False
        self._photo_cache = PhotoCache()

    def plan(self, table: Table, template: Template, mapping: Mapping, formats: list[str],
             mode: str) -> None:
        """Plan every row again off the GUI thread; :attr:`planned` brings the plans."""
        mapping = dict(mapping)
        self._planner.submit(lambda: plan(table, template, mapping, formats=formats,
                                          mode=mode))

    def cancel(self) -> None:
        """No more planning or checking (a job under way finishes and is ignored)."""
        self.stop_checks()
        self._planner.cancel()

    def check(self, plans: list[RowPlan], template: Template, profile: Profile) -> None:
        """Check the layout of every plan that has a draft, in order."""
        self._generation += 1
        self._plans, self._template, self._profile = plans, template, profile
        self._queue = [i for i, p in enumerate(plans) if p.draft is not None]
        self._busy = False
        self._cards = 0
        self._photo_cache = PhotoCache()  # photos changed on disk are read again
        self._pump()

    def stop_checks(self) -> None:
        """Rows not checked yet are not checked any more (the one rendering finishes and is
        ignored)."""
        self._generation += 1
        self._queue = []
        self._busy = False

    def _pump(self) -> None:
        """Start the next row's check. A loop, not recursion: with a synchronous runner the
        callback of each check comes back here before ``run`` returns."""
        if self._pumping:
            self._pump_again = True
            return
        self._pumping = True
        try:
            while True:
                self._pump_again = False
                if self._busy or not self._queue:
                    break
                self._check_next()
                if not self._pump_again:
                    break
        finally:
            self._pumping = False

    def _check_next(self) -> None:
        index = self._queue.pop(0)
        draft = self._plans[index].draft
        if draft is None or self._template is None or self._profile is None:
            return
        generation, template, profile = self._generation, self._template, self._profile
        formats, cache = list(draft.formats), self._photo_cache
        side = CARD_SIDE if self._cards < CARDS else SMALL_SIDE
        self._busy = True
        self.runner.run(lambda: preflight(template, draft, profile, formats, photos=cache,
                                          thumb_side=side),
                        lambda result, error: self._checked(generation, index, result, error),
                        CHECK_PRIORITY)

    def _checked(self, generation: int, index: int, result: Preflight | None,
                 error: BaseException | None) -> None:
        if generation != self._generation:
            return
        self._busy = False
        check = result if result is not None else Preflight(error=error_text(error))
        item = self._plans[index]
        failed = ([check.error] if check.error else []) + [
            self.tr("{format} tidak bisa diekspor: {why}").format(format=fmt, why=why)
            for fmt, why in check.blocked.items()]
        warned = [*item.warnings, *(w for w in check.warnings if w not in item.warnings)]
        if failed:
            status, reasons = STATUS_FAILED, failed + warned
        elif warned:
            status, reasons = STATUS_WARNING, warned
        else:
            status, reasons = READY, []
        card = None
        if status != STATUS_FAILED and check.thumbnail is not None and self._cards < CARDS:
            self._cards += 1
            card = to_qimage(check.thumbnail)
        self.checked.emit(index, status, reasons, card)
        self._pump()


@dataclass(frozen=True)
class BulkJob:
    """What one run writes: the rows of ``table`` planned for ``template`` with ``mapping``
    (``formats``, ``mode``), as drafts or exported images (``platforms``, ``image_type``)
    into ``out``, with ``profile``'s identity."""

    table: Table
    template: Template
    mapping: Mapping
    formats: list[str]
    mode: str
    profile: Profile
    out: Path
    drafts: bool
    platforms: list[str]
    image_type: str
    library: Library

    def run(self, task: Task) -> BulkReport:
        """On the runner's thread: plan the rows again, then write them."""
        plans = plan(self.table, self.template, self.mapping, formats=self.formats,
                     mode=self.mode)
        options = BulkOptions(drafts=self.drafts, platforms=self.platforms,
                              image_type=self.image_type, refuse_demo=not self.drafts,
                              library=self.library)
        return run_bulk(plans, self.template, self.profile, self.out, options=options,
                        progress=task.emit, cancel=task.cancelled)


class BulkRun(QObject):
    """One run at a time: the rows planned again and written as drafts or exported images
    on the runner's thread, its progress coming back through the runner's progress channel,
    Batal through the task's cancel token."""

    started = Signal()  # on the GUI thread, before the work is handed over
    progressed = Signal(object)  # BulkProgress, on the GUI thread, while the run goes
    finished = Signal(object, object)  # BulkReport | None, BaseException | None

    def __init__(self, runner: TaskRunner | SyncRunner) -> None:
        # no parent: a worker still running after the dialog is gone reports into a live
        # object (the runner's relay has none either)
        super().__init__()
        self.runner = runner
        self.running = False
        self.task: Task | None = None  # the run under way (its cancel token)

    @property
    def cancelling(self) -> bool:
        return self.task is not None and self.task.cancelled.is_set()

    def start(self, job: BulkJob) -> None:
        """Write every good row of ``job.table`` into ``job.out``; :attr:`finished` brings
        the report (or the error)."""
        job = replace(job, mapping=dict(job.mapping))
        self.task = Task()  # held before the work starts: Batal may come at once
        self.running = True
        self.started.emit()
        self.runner.run(job.run, self._done, progress=self._step, task=self.task)

    def cancel(self) -> bool:
        """Ask the run to stop after the post being written; False when nothing runs."""
        if not self.running or self.task is None:
            return False
        self.task.cancel()
        return True

    def wait(self, msecs: int) -> bool:
        return self.runner.wait(msecs)

    def _step(self, step: BulkProgress) -> None:
        if self.running:
            self.progressed.emit(step)

    def _done(self, report: BulkReport | None, error: BaseException | None) -> None:
        self.running = False
        self.task = None
        self.finished.emit(report, error)
