"""The installed PySide6 keeps the reference counts of True and None.

PySide6 6.12.0 drops one reference to True on every ``SignalInstance.emit()`` and one to
None on every call of a Python slot from a C++ signal. Python 3.12+ makes True and None
immortal, so nothing shows there; on 3.10/3.11 a long session (or the test suite) drives the
count to zero and the interpreter aborts at exit with "Fatal Python error: bool_dealloc" or
"none_dealloc". pyproject.toml therefore keeps PySide6 below 6.12 on Python < 3.12; these
tests tell when a release is safe again (and fail if an unsafe one is installed).
"""

from __future__ import annotations

import ctypes
import gc
import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"),
    reason="True and None are immortal on Python 3.12+: their counts cannot drop")

CALLS = 500
NOISE = 25  # other code on the thread may hold or drop a few references meanwhile


class _Emitter(QObject):
    fired = Signal(object)


def _drift(obj: object, action) -> int:
    gc.collect()
    before = sys.getrefcount(obj)
    for _ in range(CALLS):
        action()
    gc.collect()
    drift = sys.getrefcount(obj) - before
    if drift < -NOISE:  # give the lost references back so this run can still end cleanly
        for _ in range(-drift):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))
    return drift


def test_emitting_a_python_signal_keeps_true(qapp):
    emitter = _Emitter()
    received = []
    emitter.fired.connect(received.append)
    drift = _drift(True, lambda: emitter.fired.emit(1))
    assert len(received) == CALLS
    assert abs(drift) <= NOISE, f"True lost {-drift} references in {CALLS} emits"


def test_a_cpp_signal_calling_a_python_slot_keeps_none(qapp):
    box = QCheckBox()
    states = []
    box.toggled.connect(states.append)
    drift = _drift(None, lambda: box.setChecked(not box.isChecked()))
    assert len(states) == CALLS
    assert abs(drift) <= NOISE, f"None lost {-drift} references in {CALLS} slot calls"
