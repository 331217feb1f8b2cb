"""An export pool's worker ends without the interpreter's teardown, after its results."""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing

from kontenopd.core.export import worker


def _mark_teardown(path: str) -> None:
    """Registered before worker_init: atexit runs handlers last-in first-out, so this one
    runs only if the worker's own exit handler did not end the process first."""
    import atexit

    atexit.register(lambda: open(path, "w").close())
    worker.worker_init()


def _pid() -> int:
    import os

    return os.getpid()


def test_a_pool_worker_skips_the_teardown_and_still_returns_its_results(tmp_path) -> None:
    marker = tmp_path / "teardown-ran"
    pool = cf.ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                  initializer=_mark_teardown, initargs=(str(marker),))
    try:
        pids = [pool.submit(_pid).result(timeout=60) for _ in range(3)]
    finally:
        pool.shutdown(wait=True)
    assert len(set(pids)) == 1  # one worker answered every call: results arrived
    assert not marker.exists()  # ... and it ended before the rest of its atexit handlers


def test_in_the_apps_own_process_nothing_is_registered(monkeypatch) -> None:
    registered: list[object] = []
    monkeypatch.setattr(worker.atexit, "register", registered.append)
    monkeypatch.setattr(worker, "_worker_photos", None)
    monkeypatch.setattr(worker.signal, "signal", lambda *_: None)  # keep pytest's Ctrl+C
    from kontenopd.core.photos import jpegturbo

    try:
        worker.worker_init()
    finally:
        jpegturbo.disable()
    assert registered == []
