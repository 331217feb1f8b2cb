"""The background-task helper: results and progress come back on the GUI thread, a task can
be cancelled, and the latest request wins."""

from __future__ import annotations

import threading

from kontenopd.ui.tasks import LatestTask, SyncRunner, Task, TaskRunner


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


# ---------------------------------------------------------------- the progress channel


def test_progress_reaches_the_gui_thread_in_order_before_the_result(qtbot):
    runner = TaskRunner()
    gui = threading.get_ident()
    steps = []
    got = []

    def job(task):
        for i in range(5):
            task.emit(i)
        return "selesai"

    task = runner.run(job, lambda result, error: got.append((result, error)),
                      progress=lambda value: steps.append((value, threading.get_ident(),
                                                           bool(got))))
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    assert got == [("selesai", None)]
    assert [s[0] for s in steps] == [0, 1, 2, 3, 4]
    assert all(s[1] == gui for s in steps)  # delivered on the GUI thread
    assert not any(s[2] for s in steps)  # every step before the result
    assert task.done


def test_cancel_token_stops_a_running_job(qtbot):
    runner = TaskRunner()
    steps = []
    got = []

    def job(task):
        task.emit("mulai")
        assert task.cancelled.wait(10)  # held until the GUI cancels
        return "dibatalkan"

    task = runner.run(job, lambda result, error: got.append((result, error)),
                      progress=steps.append)
    qtbot.waitUntil(lambda: steps == ["mulai"], timeout=3000)
    assert not got and not task.done  # still running: the GUI goes on meanwhile
    task.cancel()
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    assert got == [("dibatalkan", None)]


def test_a_task_made_beforehand_is_held_before_the_work_starts(qtbot):
    """A caller that must be able to cancel at once makes the task first."""
    runner = TaskRunner()
    task = Task()
    task.cancel()  # cancelled before the job even ran
    got = []
    returned = runner.run(lambda t: t.cancelled.is_set(), lambda r, e: got.append(r),
                          progress=lambda v: None, task=task)
    assert returned is task
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    assert got == [True]


def test_sync_runner_has_the_same_channel():
    steps = []
    got = []

    def job(task):
        task.emit(1)
        task.emit(2)
        return task.cancelled.is_set()

    task = SyncRunner().run(job, lambda result, error: got.append((result, error)),
                            progress=steps.append)
    assert steps == [1, 2] and got == [(False, None)] and task.done


def test_an_error_after_progress_is_handed_back():
    steps = []
    errors = []

    def job(task):
        task.emit("separuh")
        raise ValueError("rusak")

    SyncRunner().run(job, lambda result, error: errors.append(error), progress=steps.append)
    assert steps == ["separuh"] and isinstance(errors[0], ValueError)


def test_without_a_progress_callback_the_job_takes_no_argument(qtbot):
    runner = TaskRunner()
    got = []
    task = runner.run(lambda: 7, lambda result, error: got.append(result))
    task.emit("diabaikan")  # no channel: nothing to report to
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    assert got == [7]


def test_a_result_for_a_deleted_widget_is_dropped(qtbot) -> None:
    """A window closed while its job ran: the late result goes nowhere, no crash."""
    import threading

    from PySide6.QtWidgets import QLabel
    from shiboken6 import delete, isValid

    from kontenopd.ui.tasks import LatestTask, TaskRunner

    runner = TaskRunner()
    gate = threading.Event()
    got: list[object] = []

    class Sink(QLabel):
        def done(self, result, error) -> None:
            got.append(result)
            self.setText(str(result))  # would raise on a deleted widget

    sink = Sink()
    latest = LatestTask(runner, sink.done)
    latest.submit(lambda: gate.wait(10) and "late")
    runner.run(lambda: gate.wait(10) and "direct", sink.done)
    delete(sink)
    assert not isValid(sink)
    gate.set()
    assert runner.wait(5000)
    qtbot.wait(50)
    assert got == []
