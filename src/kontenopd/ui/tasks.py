"""One helper for background work, the Picard way.

``TaskRunner.run(func, callback)`` runs a plain callable in a QThreadPool and hands the
result or the exception back to the GUI thread by signal. Workers get immutable inputs and
never touch widgets. ``SyncRunner`` does the same synchronously, for tests.

A long job reports as it goes and can be stopped: ``run(func, callback, progress=report)``
calls ``func(task)`` with the job's :class:`Task`; every ``task.emit(value)`` reaches
``report(value)`` on the GUI thread (through the same relay as the result, so in order and
before it), and ``task.cancel()`` sets ``task.cancelled``, the threading.Event the core's
export and bulk runs take as ``cancel``. ``run`` returns the task; a caller that must hold
it before the work starts makes it first and passes ``task=``.

``LatestTask`` keeps at most one job running and one waiting: a new request replaces the
waiting one, and results of superseded requests are dropped (latest request wins).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..core.errors import KontenError

Callback = Callable[[Any, BaseException | None], None]
Progress = Callable[[Any], None]


def ignore_result(_result: object, _error: BaseException | None) -> None:
    """The callback of background work whose outcome changes nothing on screen."""
    return


def error_line(error: BaseException, fallback: str) -> str:
    """A worker's error in one line for the user: a KontenError's own (Indonesian) text,
    else ``fallback``."""
    if isinstance(error, KontenError) and str(error).strip():
        return " ".join(str(error).split())
    return fallback


def _alive(callback: Callable[..., Any]) -> bool:
    """False when ``callback`` is a method of a Qt object already deleted (a window closed
    while its job ran): its result has nobody left to go to."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class Task:
    """One job's handle: its cancel token and, with a progress callback, its report channel."""

    def __init__(self) -> None:
        self.cancelled = threading.Event()  # set by cancel(); the worker reads it
        self.done = False  # its callback has run (on the GUI thread)
        self._report: Progress | None = None  # bound by the runner that runs it

    def emit(self, value: Any) -> None:
        """Report ``value`` to the progress callback (called by the worker)."""
        if self._report is not None:
            self._report(value)

    def cancel(self) -> None:
        """Ask the job to stop; it decides when (e.g. after the file being written)."""
        self.cancelled.set()


class _Relay(QObject):
    done = Signal(object)
    progressed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.done.connect(self._deliver)
        self.progressed.connect(self._progress)

    @Slot(object)
    def _deliver(self, packet: tuple[Task, Callback, Any, BaseException | None]) -> None:
        task, callback, result, error = packet
        task.done = True
        if _alive(callback):
            callback(result, error)

    @Slot(object)
    def _progress(self, packet: tuple[Progress, Any]) -> None:
        report, value = packet
        if _alive(report):
            report(value)


class _Job(QRunnable):
    def __init__(self, func: Callable[..., Any], callback: Callback, task: Task,
                 with_task: bool, relay: _Relay) -> None:
        super().__init__()
        self.func, self.callback, self.task, self.relay = func, callback, task, relay
        self.with_task = with_task
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result, error = (self.func(self.task) if self.with_task else self.func()), None
        except Exception as exc:  # handed back to the GUI thread, never lost
            result, error = None, exc
        self.relay.done.emit((self.task, self.callback, result, error))


class TaskRunner:
    """Runs callables on a private pool (one thread by default: renders share font caches,
    and jobs of equal priority run in the order they were given)."""

    def __init__(self, threads: int = 1) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(threads)
        self._relay = _Relay()

    def run(self, func: Callable[..., Any], callback: Callback, priority: int = 0, *,
            progress: Progress | None = None, task: Task | None = None) -> Task:
        """Run ``func()`` (``func(task)`` with ``progress``) on the pool; ``callback(result,
        error)`` follows on the GUI thread."""
        task = task or Task()
        if progress is not None:
            relay = self._relay
            task._report = lambda value: relay.progressed.emit((progress, value))
        self.pool.start(_Job(func, callback, task, progress is not None, self._relay), priority)
        return task

    def wait(self, msecs: int = 5000) -> bool:
        """Block until every job has run (-1: however long it takes)."""
        return self.pool.waitForDone(msecs)


class SyncRunner:
    """Same interface, runs at once on the calling thread (tests)."""

    def run(self, func: Callable[..., Any], callback: Callback, priority: int = 0, *,
            progress: Progress | None = None, task: Task | None = None) -> Task:
        task = task or Task()
        task._report = progress
        try:
            result, error = (func(task) if progress is not None else func()), None
        except Exception as exc:
            result, error = None, exc
        task.done = True
        callback(result, error)
        return task

    def wait(self, msecs: int = 0) -> bool:
        return True


Runner = TaskRunner | SyncRunner


class LatestTask:
    """A channel of requests where only the latest one matters."""

    def __init__(self, runner: Runner, callback: Callback, priority: int = 0) -> None:
        self.runner = runner
        self.callback = callback
        self.priority = priority
        self._generation = 0
        self._busy = False
        self._pending: tuple[Callable[[], Any], int] | None = None
        self.dropped = 0  # superseded requests, for tests and benchmarks

    @property
    def busy(self) -> bool:
        return self._busy

    def submit(self, func: Callable[[], Any]) -> None:
        self._generation += 1
        if self._busy:
            if self._pending is not None:
                self.dropped += 1
            self._pending = (func, self._generation)
            return
        self._start(func, self._generation)

    def cancel(self) -> None:
        """Forget the waiting request and ignore the running one's result."""
        self._generation += 1
        self._pending = None

    def _start(self, func: Callable[[], Any], generation: int) -> None:
        self._busy = True
        self.runner.run(func, lambda result, error: self._done(generation, result, error),
                        self.priority)

    def _done(self, generation: int, result: Any, error: BaseException | None) -> None:
        self._busy = False
        if self._pending is not None:
            func, gen = self._pending
            self._pending = None
            self.dropped += 1
            self._start(func, gen)
            return
        if generation == self._generation and _alive(self.callback):
            self.callback(result, error)
