"""The `dialogs` fixture itself: a dialog nobody declared fails the test, a declared one that
never came fails it too, and answers come from the newest matching declaration."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from .conftest import Dialogs


def test_an_undeclared_dialog_fails_and_gets_the_harmless_answer():
    box = Dialogs()
    answer = box._answer("question", "Hapus draf?", "Yakin?", QMessageBox.StandardButton.No)
    assert answer == QMessageBox.StandardButton.No
    with pytest.raises(pytest.fail.Exception, match="did not declare"):
        box.check()


def test_a_declared_dialog_that_never_came_fails():
    box = Dialogs()
    box.expect("warning", match="rusak")
    with pytest.raises(pytest.fail.Exception, match="never shown"):
        box.check()


def test_declared_dialogs_are_answered_newest_first_and_counted():
    box = Dialogs()
    box.expect("question", match="Timpa", answer=QMessageBox.StandardButton.No, times=None)
    box.expect("question", match="Timpa", answer=QMessageBox.StandardButton.Yes)
    refusal = QMessageBox.StandardButton.Cancel
    assert box._answer("question", "Timpa berkas?", "", refusal) == QMessageBox.StandardButton.Yes
    assert box._answer("question", "Timpa berkas?", "", refusal) == QMessageBox.StandardButton.No
    assert box._answer("question", "Timpa berkas?", "", refusal) == QMessageBox.StandardButton.No
    assert [s.answer for s in box.of("question")][:1] == [QMessageBox.StandardButton.Yes]
    box.check()  # everything declared was shown, nothing undeclared


def test_the_real_message_box_is_replaced(dialogs):
    dialogs.expect("information", match="Tersimpan")
    assert QMessageBox.information(None, "Info", "Tersimpan.") == QMessageBox.StandardButton.Ok
    assert dialogs.of("information")[0].text == "Tersimpan."
