"""The background-task helper: results come back on the GUI thread; latest request wins."""

from __future__ import annotations

import threading

from kontenopd.ui.tasks import LatestTask, SyncRunner, TaskRunner


class ManualRunner:
    """Holds jobs until the test finishes them, to see what LatestTask does meanwhile."""

    def __init__(self) -> None:
        self.jobs = []

    def run(self, func, callback, priority=0):
        self.jobs.append((func, callback))

    def finish(self):
        func, callback = self.jobs.pop(0)
        callback(func(), None)


def test_latest_request_wins_and_no_pile_up():
    runner = ManualRunner()
    seen = []
    task = LatestTask(runner, lambda result, error: seen.append(result))
    task.submit(lambda: 1)
    task.submit(lambda: 2)
    task.submit(lambda: 3)
    assert len(runner.jobs) == 1  # one running, the rest waiting in a single slot
    runner.finish()  # result 1 is stale: dropped, request 3 starts (2 was replaced)
    assert seen == []
    assert len(runner.jobs) == 1
    runner.finish()
    assert seen == [3]
    assert task.dropped == 2
    assert not task.busy


def test_exception_is_handed_back():
    errors = []

    def boom():
        raise ValueError("rusak")

    SyncRunner().run(boom, lambda result, error: errors.append(error))
    assert isinstance(errors[0], ValueError)


def test_thread_runner_delivers_on_gui_thread(qtbot):
    runner = TaskRunner()
    gui = threading.get_ident()
    worker = []
    got = []

    def job():
        worker.append(threading.get_ident())
        return 42

    runner.run(job, lambda result, error: got.append((result, error, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    assert got[0][:2] == (42, None)
    assert got[0][2] == gui
    assert worker[0] != gui
