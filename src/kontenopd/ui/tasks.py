"""One helper for background work, the Picard way.

``TaskRunner.run(func, callback)`` runs a plain callable in a QThreadPool and hands the
result or the exception back to the GUI thread by signal. Workers get immutable inputs and
never touch widgets. ``SyncRunner`` does the same synchronously, for tests.
``LatestTask`` keeps at most one job running and one waiting: a new request replaces the
waiting one, and results of superseded requests are dropped (latest request wins).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Callback = Callable[[Any, BaseException | None], None]


class _Relay(QObject):
    done = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.done.connect(self._deliver)

    @Slot(object)
    def _deliver(self, packet: tuple[Callback, Any, BaseException | None]) -> None:
        callback, result, error = packet
        callback(result, error)


class _Job(QRunnable):
    def __init__(self, func: Callable[[], Any], callback: Callback, relay: _Relay) -> None:
        super().__init__()
        self.func, self.callback, self.relay = func, callback, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result, error = self.func(), None
        except Exception as exc:  # handed back to the GUI thread, never lost
            result, error = None, exc
        self.relay.done.emit((self.callback, result, error))


class TaskRunner:
    """Runs callables on a private pool (one thread by default: renders share font caches)."""

    def __init__(self, threads: int = 1) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(threads)
        self._relay = _Relay()

    def run(self, func: Callable[[], Any], callback: Callback, priority: int = 0) -> None:
        self.pool.start(_Job(func, callback, self._relay), priority)

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)


class SyncRunner:
    """Same interface, runs at once on the calling thread (tests)."""

    def run(self, func: Callable[[], Any], callback: Callback, priority: int = 0) -> None:
        try:
            result, error = func(), None
        except Exception as exc:
            result, error = None, exc
        callback(result, error)

    def wait(self, msecs: int = 0) -> bool:
        return True


class LatestTask:
    """A channel of requests where only the latest one matters."""

    def __init__(self, runner: TaskRunner | SyncRunner, callback: Callback,
                 priority: int = 0) -> None:
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
        if generation == self._generation:
            self.callback(result, error)
