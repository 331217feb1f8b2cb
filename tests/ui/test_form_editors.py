"""The form's editors show a value from the model without sending it back as an edit (their
widgets are filled under a QSignalBlocker), and send the user's own changes exactly once."""

from __future__ import annotations

from PySide6.QtCore import QDate, QMimeData, Qt, QTime
from PySide6.QtWidgets import QTableWidgetItem

from kontenopd.core.captions.check import check_caption
from kontenopd.core.captions.compose import Caption
from kontenopd.core.model.records import MAX_VALUE_CHARS
from kontenopd.core.template.schema import Field
from kontenopd.ui.panels.captions_panel import PlatformPage
from kontenopd.ui.panels.editors import (
    BoolEditor,
    ChoiceEditor,
    DateEditor,
    Editor,
    MultilineEditor,
    TimeEditor,
    TitleEditor,
)
from kontenopd.ui.panels.list_editor import ListEditor


class Sent:
    """What an editor sent with ``edited``."""

    def __init__(self, editor: Editor) -> None:
        self.values: list[object] = []
        editor.edited.connect(self.values.append)


def test_a_title_shows_a_value_on_one_line_and_sends_only_what_the_user_types(qtbot):
    editor = TitleEditor(Field("judul", "Judul", "text", max_length=120))
    qtbot.addWidget(editor.widget)
    sent = Sent(editor)
    editor.show("Apel pagi\ndi halaman kantor")
    editor.show("x" * (MAX_VALUE_CHARS + 50))  # a longer value from a draft: what fits
    assert editor.edit.text() == "x" * MAX_VALUE_CHARS
    editor.show("Apel pagi")
    assert sent.values == [] and editor.counter.text() == "9/120"
    editor.edit.end(False)
    qtbot.keyClicks(editor.edit, " Senin")
    assert sent.values[-1] == "Apel pagi Senin" and editor.counter.text() == "15/120"
    sent.values.clear()
    editor.edit.insertPlainText("\nbaris")  # a line break got in: one line, sent once
    assert sent.values == ["Apel pagi Senin baris"]
    assert editor.edit.text() == "Apel pagi Senin baris"
    mime = QMimeData()
    mime.setText("satu\ndua")
    sent.values.clear()
    editor.edit.insertFromMimeData(mime)
    assert sent.values == ["Apel pagi Senin barissatu dua"]


def test_a_multiline_field_sends_typing_and_a_cut_paste_once(qtbot):
    editor = MultilineEditor(Field("ringkasan", "Ringkasan", "multiline"))
    qtbot.addWidget(editor.widget)
    sent = Sent(editor)
    editor.show("Baris satu\nBaris dua")
    assert sent.values == [] and editor.edit.toPlainText() == "Baris satu\nBaris dua"
    editor.edit.moveCursor(editor.edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.edit, "!")
    assert sent.values == ["Baris satu\nBaris dua!"]
    sent.values.clear()
    editor.edit.setPlainText("kata " * 2000)  # a paste too long to render
    assert sent.values == ["kata " * (MAX_VALUE_CHARS // 5)]
    assert "dipotong" in editor.edit.toolTip()


def test_date_time_choice_and_bool_editors_send_the_users_change_not_the_models(qtbot):
    date = DateEditor(Field("tanggal", "Tanggal", "date"))
    time = TimeEditor(Field("jam", "Jam", "time"), "WIB")
    choice = ChoiceEditor(Field("sifat", "Sifat", "choice", choices=("Biasa", "Penting")))
    check = BoolEditor(Field("resmi", "Resmi", "bool"))
    for editor in (date, time, choice, check):
        qtbot.addWidget(editor.widget)
    sent = {e: Sent(e) for e in (date, time, choice, check)}

    date.show("2022-11-21")
    time.show("09.30")
    choice.show("Penting")
    check.show(True)
    assert date.edit.date() == QDate(2022, 11, 21) and time.edit.time() == QTime(9, 30)
    assert choice.combo.currentText() == "Penting" and check.check.isChecked()
    assert all(s.values == [] for s in sent.values())

    date.edit.setDate(QDate(2022, 11, 22))
    qtbot.keyClick(time.edit, Qt.Key.Key_Up)  # the hour section: 10.30
    choice.combo.setCurrentIndex(choice.combo.findData("Biasa"))
    check.check.click()
    assert sent[date].values == ["2022-11-22"] and sent[time].values == ["10.30"]
    assert sent[choice].values == ["Biasa"] and sent[check].values == [False]


def test_a_list_shows_rows_quietly_and_sends_cell_edits_and_removals(qtbot):
    editor = ListEditor(Field("data", "Data", "list", max_items=5,
                              columns=("angka", "keterangan")))
    qtbot.addWidget(editor.widget)
    sent = Sent(editor)
    editor.show("12 | Desa\n3 | Kecamatan")
    assert editor.rows() == [["12", "Desa"], ["3", "Kecamatan"]] and sent.values == []
    qtbot.mouseClick(editor.add, Qt.MouseButton.LeftButton)  # an empty row is not stored
    assert editor.table.rowCount() == 3 and sent.values == []
    editor.table.setItem(2, 0, QTableWidgetItem("7"))
    assert sent.values == ["12 | Desa\n3 | Kecamatan\n7 | "]
    sent.values.clear()
    editor.table.setCurrentCell(0, 0)
    qtbot.mouseClick(editor.remove, Qt.MouseButton.LeftButton)
    assert sent.values == ["3 | Kecamatan\n7 | "]
    with qtbot.assertNotEmitted(editor.edited):
        editor.show("3 | Kecamatan\n7")
        editor.show("1 | Kota")
    assert editor.rows() == [["1", "Kota"]]


def test_a_caption_shown_from_the_model_is_not_an_edit(qtbot):
    page = PlatformPage("instagram")
    qtbot.addWidget(page)
    text = "Apel pagi di halaman kantor."
    with qtbot.assertNotEmitted(page.edited):
        page.show_caption(Caption("instagram", text, text, False,
                                  check_caption(text, "instagram")))
    assert page.editor.toPlainText() == text
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(page.edited) as blocker:
        page.editor.insertPlainText(" #Apel")
    assert blocker.args == ["instagram", text + " #Apel"]
