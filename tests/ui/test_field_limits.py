"""Text fields stop at the field-length cap: a huge paste can never make a render take
seconds (the cap that drafts and the CLI also apply)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QStyleOptionViewItem

from kontenopd.core.model.records import MAX_VALUE_CHARS
from tests.ui.test_mainwindow import choose


def test_line_and_multiline_fields_keep_at_most_the_cap(window, qtbot):
    choose(window, qtbot, "liputan-kegiatan")
    title = window.form.editor("judul").edit
    assert title.maxLength() == MAX_VALUE_CHARS
    title.setText("a" * (MAX_VALUE_CHARS + 500))
    assert len(title.text()) == MAX_VALUE_CHARS

    summary = window.form.editor("ringkasan").edit
    summary.setPlainText("kata " * 2000)  # 10,000 characters pasted
    value = window.document.value("ringkasan")
    assert len(value) == MAX_VALUE_CHARS
    assert len(summary.toPlainText()) == MAX_VALUE_CHARS
    assert "dipotong" in summary.toolTip()


def test_a_list_field_stops_adding_rows_at_the_templates_capacity(window, qtbot):
    choose(window, qtbot, "peringatan-dini")
    editor = window.form.editor("langkah")
    limit = editor.field.max_items
    assert limit == 5
    for _ in range(limit + 3):
        editor.add.click()
    assert editor.table.rowCount() == limit
    assert not editor.add.isEnabled()
    assert "paling banyak 5 butir" in editor.add.toolTip()
    editor.table.setCurrentCell(0, 0)
    editor.remove.click()  # an empty row, never stored, still goes
    assert editor.table.rowCount() == limit - 1
    assert editor.add.isEnabled()


def test_a_list_edit_beyond_the_character_cap_is_refused_and_the_table_restored(window, qtbot):
    choose(window, qtbot, "pengumuman-layanan")
    editor = window.form.editor("persyaratan")
    editor.add.click()
    editor.table.item(0, 0).setText("Surat pengantar RT/RW")
    editor.add.click()
    editor.table.item(1, 0).setText("Kartu Keluarga asli")
    before = window.document.value("persyaratan")
    assert before == "Surat pengantar RT/RW\nKartu Keluarga asli"
    editor.table.item(0, 0).setText("x" * (MAX_VALUE_CHARS + 10))  # as a committed cell edit
    assert window.document.value("persyaratan") == before
    assert "terlalu panjang" in editor.table.toolTip()
    qtbot.waitUntil(lambda: len(editor.table.item(0, 0).text()) < MAX_VALUE_CHARS)
    assert editor.rows() == [["Surat pengantar RT/RW"], ["Kartu Keluarga asli"]]

    editor.table.item(0, 0).setText("Fotokopi KTP")  # an ordinary edit is stored again
    assert str(window.document.value("persyaratan")).startswith("Fotokopi KTP")
    assert editor.table.toolTip() == ""


def test_list_cell_editors_carry_the_cap(window, qtbot):
    choose(window, qtbot, "pengumuman-layanan")
    editor = window.form.editor("persyaratan")
    editor.add.click()
    index = editor.table.model().index(0, 0)
    line = editor.table.itemDelegate().createEditor(editor.table.viewport(),
                                                    QStyleOptionViewItem(), index)
    assert isinstance(line, QLineEdit) and line.maxLength() == MAX_VALUE_CHARS
    line.deleteLater()


def test_the_title_editor_moves_to_the_end_like_a_line_edit(window):
    edit = window.form.editor("judul").edit
    edit.setText("Bupati Buka Pelatihan")
    edit.moveCursor(edit.textCursor().MoveOperation.Start)
    edit.end(False)
    assert edit.textCursor().position() == len("Bupati Buka Pelatihan")
    assert not edit.textCursor().hasSelection()
    edit.moveCursor(edit.textCursor().MoveOperation.Start)
    edit.end(True)
    assert edit.textCursor().selectedText() == "Bupati Buka Pelatihan"
