"""Buat Massal dari Lembar Kerja on real widgets: a CSV agenda with one impossible date is
read, its columns matched, every row judged (the bad one "Gagal" with its reason), two drafts
and laporan.csv written with the summary and the final row states; a required column left out
stops the buttons; Batal mid-run keeps what was done; the hand-picked column is remembered;
an unreadable sheet, the demo profile and closing mid-run are handled without a traceback."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from kontenopd.core.export.bulk import STATUS_FAILED, STATUS_OK, STATUS_SKIPPED, expected_headers
from kontenopd.core.export.bulk import write as bulk_module
from kontenopd.core.export.bulk.example import header_of
from kontenopd.core.io.draft_file import load_draft
from kontenopd.core.io.profile_file import is_demo
from kontenopd.core.io.spreadsheet import read_table
from kontenopd.ui.controllers.bulk_run import READY
from kontenopd.ui.dialogs.bulk_dialog import BulkDialog
from kontenopd.ui.dialogs.bulk_mapping import NOT_USED
from kontenopd.ui.dialogs.bulk_rows import STATUS_ROLE
from kontenopd.ui.tasks import TaskRunner

AGENDA = "agenda-undangan"
HEAD = ["Nama acara", "Tanggal", "Pukul mulai", "Tempat"]
ROWS = [
    ["Rapat Koordinasi Percepatan Penurunan Stunting", "21/11/2022", "08.00",
     "Aula Kantor Bupati"],
    ["Sosialisasi Perizinan Berusaha", "31/02/2023", "09.00", "Ruang Rapat Dinas"],
    ["Pelatihan Konten Digital untuk Desa", "5 Desember 2022", "13.00",
     "Laboratorium Komputer Diskominfo"],
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def sheet(tmp_path) -> Path:
    """Three agenda rows (sheet rows 2-4); row 3 has 31 February."""
    return write_csv(tmp_path / "agenda minggu ini.csv", [HEAD, *ROWS])


def open_dialog(window, template_id: str = AGENDA) -> BulkDialog:
    window.act_bulk.trigger()
    dialog = window.bulk_dialog
    assert dialog is not None and dialog.isVisible()
    combo = dialog.chooser.template_combo
    combo.setCurrentIndex(combo.findData(template_id))
    assert dialog.template.id == template_id
    return dialog


@pytest.fixture
def bulk(window) -> BulkDialog:
    return open_dialog(window)


def rows_shown(dialog: BulkDialog) -> list[tuple[str, str, str, str, str]]:
    """(row number, status key, status text, title, reasons) of every line of the table."""
    table = dialog.rows.table
    return [(table.item(r, 0).text(), table.item(r, 1).data(STATUS_ROLE),
             table.item(r, 1).text(), table.item(r, 2).text(), table.item(r, 3).text())
            for r in range(table.rowCount())]


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def report_lines(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


# ---------------------------------------------------------------- opening, reading, judging


def test_the_menu_opens_one_dialog_that_fits_an_office_screen(window, qtbot):
    assert window.act_bulk in window.menu_file.actions()
    assert window.act_bulk.text() == "Buat &Massal dari Lembar Kerja…"
    assert window.act_bulk.shortcut().toString() == "Ctrl+Shift+M"
    window.act_bulk.trigger()
    dialog = window.bulk_dialog
    assert dialog.isVisible() and not dialog.isModal()  # the window stays usable beside it
    assert dialog.template is window.document.template  # the template being edited
    assert dialog.chooser.template_combo.currentData() == window.document.template.id
    window.act_bulk.trigger()
    assert window.bulk_dialog is dialog  # brought forward, not a second one
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768 - 40 - 30  # taskbar, title bar
    assert dialog.width() <= 1366 and dialog.height() <= 768
    # nothing to run yet; the mapping already lists what the template needs
    assert (not dialog.run_panel.draft_button.isEnabled()
            and not dialog.run_panel.export_button.isEnabled())
    assert dialog.columns.combos and all(not c.isEnabled() for c in dialog.columns.combos.values())
    dialog.close()
    assert not dialog.isVisible()
    window.act_bulk.trigger()
    assert window.bulk_dialog is not dialog  # a closed one is not brought back


def test_a_sheet_is_read_mapped_and_every_row_judged(bulk, sheet, qtbot):
    bulk.load_sheet(sheet)
    assert bulk.chooser.sheet_line.text() == "agenda minggu ini.csv"
    shown = {key: combo.currentText() for key, combo in bulk.columns.combos.items()}
    assert shown["acara"] == "Nama acara"
    assert shown["tanggal"] == "Tanggal"
    assert shown["jam_mulai"] == "Pukul mulai"
    assert shown["tempat"] == "Tempat"
    assert shown["peserta"] == shown["kontak"] == "(tidak dipakai)"
    combo = bulk.columns.combos["tempat"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["(tidak dipakai)", *HEAD]
    assert bulk.columns.example_labels["tempat"].text() == "Aula Kantor Bupati"  # the first row
    assert not bulk.columns.missing_label.isVisibleTo(bulk)

    rows = rows_shown(bulk)
    assert [(r[0], r[1]) for r in rows] == [("2", READY), ("3", STATUS_FAILED), ("4", READY)]
    assert rows[0][2] == "✔ OK" and rows[2][3] == "Pelatihan Konten Digital untuk Desa"
    _number, _status, text, title, reasons = rows[1]
    assert text == "✖ Gagal" and title == "Sosialisasi Perizinan Berusaha"
    assert "Tanggal" in reasons and "31/02/2023" in reasons
    assert ("2 postingan" in bulk.rows.summary_label.text()
            and "1 baris gagal" in bulk.rows.summary_label.text())
    assert bulk.card_rows() == ["baris 2", "baris 4"]  # the good posts, as cards
    assert bulk.run_panel.draft_button.isEnabled() and bulk.run_panel.export_button.isEnabled()
    assert bulk.message() == ""


def test_a_layout_that_does_not_fit_is_gagal_before_anything_is_written(bulk, tmp_path):
    long_place = " ".join(["Gedung Serbaguna Kecamatan Sukamaju Kidul"] * 12)
    path = write_csv(tmp_path / "panjang.csv", [HEAD, ROWS[0], [*ROWS[2][:3], long_place]])
    bulk.load_sheet(path)
    rows = rows_shown(bulk)
    assert rows[0][1] == READY
    assert rows[1][1] == STATUS_FAILED, rows[1]
    assert "tidak bisa diekspor" in rows[1][4]
    assert bulk.card_rows() == ["baris 2"]


def test_a_required_column_left_out_stops_the_buttons(bulk, sheet, qtbot):
    bulk.load_sheet(sheet)
    combo = bulk.columns.combos["tempat"]
    combo.setCurrentIndex(combo.findData(NOT_USED))  # "(tidak dipakai)"
    assert bulk.columns.missing_label.isVisibleTo(bulk)
    assert bulk.columns.missing_label.text() == "Kolom untuk 'Tempat' belum dipilih."
    assert (not bulk.run_panel.draft_button.isEnabled()
            and not bulk.run_panel.export_button.isEnabled())
    assert not bulk.run_into(bulk.sheet_path.parent / "tidak", drafts=True)
    combo.setCurrentIndex(combo.findText("Tempat"))
    assert not bulk.columns.missing_label.isVisibleTo(bulk)
    assert bulk.run_panel.draft_button.isEnabled()
    # no format at all: said, and nothing to run either
    click(qtbot, bulk.options.format_boxes["4:5"])
    assert "Pilih minimal satu format." in bulk.columns.missing_label.text()
    assert not bulk.run_panel.draft_button.isEnabled()
    click(qtbot, bulk.options.format_boxes["1:1"])
    assert bulk.run_panel.draft_button.isEnabled()
    assert bulk.plans[0].draft.formats == ["1:1"]


def test_one_carousel_from_all_rows(bulk, sheet, qtbot):
    bulk.load_sheet(sheet)
    click(qtbot, bulk.options.mode_one)
    rows = rows_shown(bulk)
    assert [r[0] for r in rows] == ["2–4", "3"]  # one post from the good rows, the bad row
    assert rows[1][1] == STATUS_FAILED and "Tanggal" in rows[1][4]
    assert rows[0][1] != STATUS_FAILED


# ---------------------------------------------------------------- running


def test_buat_draf_writes_a_draft_per_good_row_and_the_report(bulk, sheet, tmp_path, qtbot,
                                                              dialogs, opened, library):
    out = tmp_path / "draf agenda"
    bulk.load_sheet(sheet)
    dialogs.expect("file", match="getExistingDirectory", answer=str(out))
    finished = []
    bulk.run_finished.connect(finished.append)
    click(qtbot, bulk.run_panel.draft_button)
    assert finished and finished[0] is bulk.report
    drafts = sorted(out.glob("*.kontenopd"))
    assert len(drafts) == 2
    assert (out / "laporan.csv").is_file()
    assert bulk.summary() == "3 baris: 2 berhasil, 1 gagal."
    rows = rows_shown(bulk)
    assert [r[1] for r in rows] == [STATUS_OK, STATUS_FAILED, STATUS_OK]
    assert rows[0][2] == "✔ Berhasil" and rows[0][4].startswith("→ ")
    assert "Tanggal" in rows[1][4]
    opened_draft = load_draft(drafts[0], workdir=tmp_path / "buka", library=library)
    values = {d.values["acara"] for d in [opened_draft.draft]}
    assert values <= {ROWS[0][0], ROWS[2][0]}
    lines = report_lines(out / "laporan.csv")
    assert lines[0] == ["baris", "status", "judul", "keluaran", "alasan"]
    assert [(line[0], line[1]) for line in lines[1:]] == [
        ("2", "berhasil"), ("3", "gagal"), ("4", "berhasil")]
    assert bulk.settings.value("bulk/out_folder") == str(out)
    # the result's buttons
    assert bulk.run_panel.result_box.isVisibleTo(bulk)
    click(qtbot, bulk.run_panel.open_folder_button)
    click(qtbot, bulk.run_panel.open_report_button)
    assert opened == [out, out / "laporan.csv"]
    # changing a choice afterwards judges the rows again (the summary goes)
    click(qtbot, bulk.options.format_boxes["1:1"])
    assert bulk.summary() == ""
    assert [r[1] for r in rows_shown(bulk)] == [READY, STATUS_FAILED, READY]


def test_batal_keeps_what_was_written_and_marks_the_rest(bulk, tmp_path, qtbot):
    third = ["Apel Hari Kesadaran Nasional", "17/12/2022", "07.30", "Halaman Kantor Bupati"]
    path = write_csv(tmp_path / "agenda.csv", [HEAD, *ROWS, third])
    bulk.load_sheet(path)
    steps = []

    def on_step(step):
        steps.append(step)
        if len(steps) == 1:
            assert bulk.running and not bulk.setup_box.isEnabled()
            assert bulk.run_panel.progress_box.isVisibleTo(bulk)
            click(qtbot, bulk.run_panel.cancel_button)  # during the first post

    bulk.progressed.connect(on_step)
    out = tmp_path / "hasil"
    assert bulk.run_into(out, drafts=True)
    assert not bulk.running and bulk.setup_box.isEnabled()
    assert not bulk.run_panel.progress_box.isVisibleTo(bulk)
    assert len(list(out.glob("*.kontenopd"))) == 1  # the post being written was finished
    statuses = [r[1] for r in rows_shown(bulk)]
    assert statuses == [STATUS_OK, STATUS_FAILED, STATUS_SKIPPED, STATUS_SKIPPED]
    assert rows_shown(bulk)[2][2] == "– Dibatalkan"
    assert bulk.report.cancelled
    assert "dibatalkan" in bulk.summary() and "tetap tersimpan" in bulk.summary()
    lines = report_lines(out / "laporan.csv")
    assert [line[1] for line in lines[1:]] == ["berhasil", "gagal", "dibatalkan", "dibatalkan"]


def test_the_column_chosen_by_hand_is_remembered(window, tmp_path, qtbot, app_paths):
    renamed = ["Kegiatan", "Tanggal", "Pukul mulai", "Tempat"]
    path = write_csv(tmp_path / "jadwal.csv", [renamed, ROWS[0], ROWS[2]])
    dialog = open_dialog(window)
    dialog.load_sheet(path)
    assert dialog.columns.combos["acara"].currentText() == "(tidak dipakai)"
    assert "Kolom untuk 'Nama acara' belum dipilih." in dialog.columns.missing_label.text()
    assert all(r[1] == STATUS_FAILED for r in rows_shown(dialog))  # without a title
    dialog.choose_column("acara", "Kegiatan")
    assert not dialog.columns.missing_label.isVisibleTo(dialog)
    assert [r[1] for r in rows_shown(dialog)] == [READY, READY]
    assert dialog.run_into(tmp_path / "hasil", drafts=True)
    assert "acara" in app_paths.bulk_columns.read_text(encoding="utf-8")
    dialog.close()

    again = open_dialog(window)
    assert again is not dialog
    again.load_sheet(path)
    assert again.columns.combos["acara"].currentText() == "Kegiatan"
    assert not again.columns.missing_label.isVisibleTo(again)
    assert again.run_panel.draft_button.isEnabled()


def test_export_images_with_the_opds_profile(bulk, own_profile, sheet, tmp_path, qtbot):
    out = tmp_path / "gambar"
    bulk.load_sheet(sheet)
    assert bulk.run_into(out, drafts=False)
    folders = sorted(p for p in out.iterdir() if p.is_dir())
    assert len(folders) == 2
    assert all(list(f.glob("*.jpg")) or list(f.glob("*.png")) for f in folders)
    assert bulk.summary() == "3 baris: 2 berhasil, 1 gagal."
    assert (out / "laporan.csv").is_file()


def test_export_with_the_demo_profile_is_refused_before_a_folder_is_asked(bulk, sheet, qtbot,
                                                                          dialogs):
    assert is_demo(bulk.document.profile)  # the first start's profile
    bulk.load_sheet(sheet)
    click(qtbot, bulk.run_panel.export_button)  # no folder dialog: the fixture would fail the test
    assert "profil contoh" in bulk.message()
    assert bulk.message_label.isVisibleTo(bulk)
    assert dialogs.of("file") == []
    assert not bulk.run_into(sheet.parent / "tidak", drafts=False)
    assert not (sheet.parent / "tidak").exists()


# ---------------------------------------------------------------- sheets, examples, errors


def test_an_unreadable_sheet_is_said_in_one_line_in_the_dialog(bulk, tmp_path, sheet):
    bulk.load_sheet(sheet)
    broken = tmp_path / "rekap.xlsx"
    broken.write_bytes(bytes(range(256)) * 20)
    bulk.load_sheet(broken)
    text = bulk.message()
    assert bulk.message_label.isVisibleTo(bulk)
    assert "rekap.xlsx" in text and "rusak" in text
    assert "\n" not in text and "Traceback" not in text and "internal" not in text
    assert bulk.rows.table.rowCount() == 0
    assert not bulk.run_panel.draft_button.isEnabled()
    bulk.load_sheet(sheet)  # a good sheet again: the message goes
    assert bulk.message() == "" and bulk.rows.table.rowCount() == 3


def test_an_unreadable_sheet_after_a_run_leaves_no_stale_results(bulk, tmp_path, sheet):
    bulk.load_sheet(sheet)
    assert bulk.run_into(tmp_path / "hasil", drafts=True)
    assert bulk.rows.summary_label.text().startswith("Hasil di")
    broken = tmp_path / "rekap.xlsx"
    broken.write_bytes(b"PK\x03\x04 rusak")
    bulk.load_sheet(broken)
    assert "rekap.xlsx" in bulk.message() and bulk.rows.table.rowCount() == 0
    assert bulk.rows.summary_label.text() == ("Pilih lembar kerja untuk melihat "
                                              "baris-barisnya di sini.")
    assert not bulk.run_panel.result_box.isVisibleTo(bulk)


def test_pilih_lembar_and_dropping_a_file_load_the_sheet(bulk, sheet, dialogs, qtbot):
    dialogs.expect("file", match="getOpenFileName: Pilih lembar kerja",
                   answer=(str(sheet), ""))
    click(qtbot, bulk.chooser.pick_button)
    assert bulk.rows.table.rowCount() == 3
    assert bulk.settings.value("bulk/sheet_folder") == str(sheet.parent)

    other = write_csv(sheet.parent / "lain.csv", [HEAD, ROWS[0]])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    enter = QDragEnterEvent(bulk.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(bulk, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(bulk.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(bulk, drop)
    assert bulk.chooser.sheet_line.text() == "lain.csv"
    assert bulk.rows.table.rowCount() == 1

    photo = QMimeData()  # not a sheet: not taken
    photo.setUrls([QUrl.fromLocalFile(str(sheet.parent / "foto.jpg"))])
    refused = QDragEnterEvent(bulk.rect().center(), Qt.DropAction.CopyAction, photo,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(bulk, refused)
    assert not refused.isAccepted()


def test_unduh_contoh_writes_a_sheet_that_reads_back(bulk, tmp_path, dialogs, qtbot, library):
    template = library.get(AGENDA)
    path = bulk.write_example_to(tmp_path / "contoh agenda.xlsx")
    assert path is not None and path.is_file()
    table = read_table(path, expected=expected_headers(template))
    assert list(table.headers) == [header_of(f) for f in template.fields]
    assert str(path) in bulk.message()
    # the button, with a name typed without its extension
    dialogs.expect("file", match="getSaveFileName: Simpan contoh lembar",
                   answer=(str(tmp_path / "isian"), "Buku kerja Excel (*.xlsx)"))
    click(qtbot, bulk.chooser.example_button)
    assert (tmp_path / "isian.xlsx").is_file()
    # the example, filled in as shipped, is a good sheet for its template
    bulk.load_sheet(tmp_path / "isian.xlsx")
    assert bulk.chooser.sheet_line.text() == f"isian.xlsx — lembar “{table.sheet_name}”"
    assert not bulk.columns.missing_label.isVisibleTo(bulk)
    assert [r[0] for r in rows_shown(bulk)] == ["3", "4"]  # the help row (2) is skipped
    assert bulk.run_panel.draft_button.isEnabled()
    # a folder that cannot be written: one message box, in Indonesian
    dialogs.expect("warning", match="Contoh tidak tersimpan")
    blocked = tmp_path / "berkas"
    blocked.write_text("bukan folder", encoding="utf-8")
    assert bulk.write_example_to(blocked / "contoh.xlsx") is None


def test_switching_the_template_maps_the_sheet_again(bulk, sheet, qtbot):
    bulk.load_sheet(sheet)
    combo = bulk.chooser.template_combo
    combo.setCurrentIndex(combo.findData("liputan-kegiatan"))
    assert bulk.template.id == "liputan-kegiatan"
    assert "acara" not in bulk.columns.combos
    assert list(bulk.options.format_boxes) == list(bulk.template.format_keys)
    assert [b.isChecked() for b in bulk.options.format_boxes.values()] == [
        i == 0 for i in range(len(bulk.options.format_boxes))]  # the first format
    assert bulk.columns.missing_label.isVisibleTo(bulk)  # this sheet lacks its required columns
    assert not bulk.run_panel.draft_button.isEnabled()
    combo.setCurrentIndex(combo.findData(AGENDA))
    assert bulk.columns.combos["acara"].currentText() == "Nama acara"
    assert bulk.run_panel.draft_button.isEnabled()


# ---------------------------------------------------------------- closing mid-run


@pytest.fixture
def held_run(bulk, tmp_path, monkeypatch):
    """A run on a real worker thread, held before its first draft until Batal is pressed."""
    waiting = threading.Event()
    real_write = bulk_module._write_drafts

    def write_drafts(plans, template, profile, out_dir, progress, cancel):
        waiting.set()
        assert cancel.wait(30)
        return real_write(plans, template, profile, out_dir, progress, cancel)

    monkeypatch.setattr(bulk_module, "_write_drafts", write_drafts)
    bulk.run.runner = TaskRunner()
    return waiting


def test_closing_the_dialog_mid_run_asks_then_cancels_and_closes(bulk, sheet, tmp_path, qtbot,
                                                                 dialogs, held_run):
    bulk.load_sheet(sheet)
    out = tmp_path / "hasil"
    assert bulk.run_into(out, drafts=True)
    qtbot.waitUntil(held_run.is_set, timeout=30_000)
    dialogs.expect("question", match="Hentikan dan tutup",
                   answer=QMessageBox.StandardButton.No)
    bulk.reject()
    assert bulk.isVisible() and bulk.running  # "No": the run goes on
    dialogs.expect("question", match="Hentikan dan tutup")
    bulk.close()
    assert bulk.isVisible()  # closes once the run has stopped
    qtbot.waitUntil(lambda: not bulk.isVisible(), timeout=30_000)
    assert not bulk.running
    assert bulk.run.runner.wait(30_000)
    assert list(out.glob("*.kontenopd")) == []  # cancelled before the first draft
    lines = report_lines(out / "laporan.csv")
    assert [line[1] for line in lines[1:]] == ["dibatalkan", "gagal", "dibatalkan"]


def test_quitting_the_app_mid_run_asks_and_waits_for_the_run(window, bulk, sheet, tmp_path,
                                                             qtbot, dialogs, held_run):
    bulk.load_sheet(sheet)
    out = tmp_path / "hasil"
    assert bulk.run_into(out, drafts=True)
    qtbot.waitUntil(held_run.is_set, timeout=30_000)
    dialogs.expect("question", match="Hentikan dan keluar",
                   answer=QMessageBox.StandardButton.No)
    assert not window.close()
    assert window.isVisible() and bulk.running
    dialogs.expect("question", match="Hentikan dan keluar")
    assert window.close()
    # the run stopped before the window went: its report is on disk, no worker is left
    assert bulk.run.runner.pool.activeThreadCount() == 0
    assert (out / "laporan.csv").is_file()


# ---------------------------------------------------------------- language


def test_the_dialog_speaks_english_when_chosen(window, bulk, sheet, language):
    from tests.ui.test_i18n import indonesian_sources, visible_texts

    bulk.load_sheet(sheet)
    sources = indonesian_sources()
    window.set_language("en")
    texts = visible_texts(bulk)
    assert sorted({t for t in texts if t in sources}) == []
    assert "Create Drafts…" in [t.replace("&", "") for t in texts]
    assert bulk.columns.combos["peserta"].itemText(0) == "(not used)"
    assert bulk.rows.table.item(0, 1).text() == "✔ OK"
    window.set_language("id")
    assert bulk.run_panel.draft_button.text() == "Buat &Draf…"
