"""Identity you can trust (issue #14, point 1): a colleague's draft with a profile this PC
lacks asks once and never swaps the identity silently; the demo profile is marked as demo
wherever it shows and cannot be exported; "Profil baru" starts empty; the status bar names
the OPD and the Pemda."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QDialog

from kontenopd.core.editing import sample_draft
from kontenopd.core.io.draft_file import save_draft
from kontenopd.core.io.profile_file import is_demo, same_profile
from kontenopd.core.model.records import demo_profile
from kontenopd.ui.dialogs.draft_profile import DraftProfileDialog
from kontenopd.ui.panels.preview_render import preview_render, to_qimage

from .test_mainwindow import type_text


@pytest.fixture
def colleague(real_profile):
    """The profile a colleague in another kabupaten made their draft with."""
    return replace(real_profile, id="diskominfo-sidoarjo",
                   pemda_name="Pemerintah Kabupaten Sidoarjo", city="Sidoarjo",
                   handles={"instagram": "@diskominfo.sidoarjokab"},
                   website="diskominfo.sidoarjokab.go.id", hashtags=("#SidoarjoKab",))


@pytest.fixture
def colleague_draft(tmp_path, library, colleague):
    template = library.get("liputan-kegiatan")
    path = tmp_path / "draf rekan.kontenopd"
    save_draft(path, sample_draft(template), colleague)
    return path


def rendered_with(window, profile):
    doc = window.document
    return to_qimage(preview_render(doc.template, window.preview.format, doc.draft, profile,
                                    window.preview.preview_scale(), window.cache).image)


def asked(dialogs, name: str) -> list:
    return [s for s in dialogs.of("exec") if s.title == name]


def test_using_the_drafts_profile_keeps_it_in_the_store(window, own_profile, colleague,
                                                        colleague_draft, dialogs):
    dialogs.expect("exec", match="^DraftProfileDialog\n", answer=DraftProfileDialog.USE_DRAFT)
    assert window.store.find_same(colleague) is None  # this PC lacks it
    window.files.open_path(colleague_draft)
    assert len(asked(dialogs, "DraftProfileDialog")) == 1
    doc = window.document
    stored = window.store.find_same(colleague)
    assert stored is not None and doc.profile.id == stored.id
    assert window.settings.value("profile") == stored.id
    assert not doc.modified  # the draft's identity did not change
    assert window.preview.canvas.image == rendered_with(window, colleague)
    assert window.preview.canvas.image != rendered_with(window, own_profile)
    assert window.profile_label.text() == \
        "Dinas Komunikasi dan Informatika · Pemerintah Kabupaten Sidoarjo"
    # opened again: the profile is one of mine now, nothing is asked
    window.files.open_path(colleague_draft)
    assert len(asked(dialogs, "DraftProfileDialog")) == 1


def test_switching_the_draft_to_one_of_my_profiles(window, own_profile, colleague,
                                                   colleague_draft, dialogs):
    dialogs.expect("exec", match="^DraftProfileDialog\n", answer=DraftProfileDialog.SWITCH)
    window.files.open_path(colleague_draft)
    assert len(asked(dialogs, "DraftProfileDialog")) == 1
    doc = window.document
    assert doc.profile.id == own_profile.id  # the one preselected: the profile in use
    assert doc.modified  # the draft now carries another identity than its file
    assert window.store.find_same(colleague) is None  # not saved as a profile
    assert window.preview.canvas.image == rendered_with(window, own_profile)
    assert "Mojokerto" in window.profile_label.text()
    assert "profil dari draf" not in window.profile_label.text()


def test_batal_keeps_the_drafts_identity_and_the_welcome_cannot_swap_it(
        window, own_profile, colleague, colleague_draft, dialogs):
    dialogs.expect("exec", match="^DraftProfileDialog\n", answer=QDialog.DialogCode.Rejected)
    window.files.open_path(colleague_draft)
    assert len(asked(dialogs, "DraftProfileDialog")) == 1
    doc = window.document
    assert same_profile(doc.profile, colleague)
    assert not doc.modified
    assert window.store.find_same(colleague) is None
    assert window.preview.canvas.image == rendered_with(window, colleague)
    assert window.profile_label.text() == ("Dinas Komunikasi dan Informatika · Pemerintah "
                                           "Kabupaten Sidoarjo — profil dari draf")
    # the profile dialog (the welcome at first start) cancelled: still the draft's identity
    dialogs.expect("exec", match="^ProfileDialog\n", answer=QDialog.DialogCode.Rejected)
    window.edit_profiles(welcome=True)
    assert same_profile(doc.profile, colleague) and not doc.modified
    assert window.store.find_same(colleague) is None
    assert len(asked(dialogs, "DraftProfileDialog")) == 1
    # Baru: back to my own profile
    window.act_new.trigger()
    assert doc.profile.id == own_profile.id


def test_esc_in_the_question_is_batal(qtbot, colleague, real_profile):
    from PySide6.QtCore import Qt

    dialog = DraftProfileDialog(colleague, [real_profile], real_profile.id, "draf.kontenopd")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == DraftProfileDialog.KEEP
    assert "Sidoarjo" in dialog.intro.text()
    assert dialog.chosen().id == real_profile.id
    dialog.switch_button.click()
    assert dialog.result() == DraftProfileDialog.SWITCH


def test_first_start_with_a_colleagues_draft_asks_once_and_no_welcome(
        qtbot, app_paths, settings, library, language, colleague, colleague_draft, dialogs):
    from kontenopd.ui.app import start_window
    from kontenopd.ui.tasks import SyncRunner

    dialogs.expect("exec", match="^DraftProfileDialog\n", answer=QDialog.DialogCode.Rejected)
    window = start_window([str(colleague_draft)], app_paths, settings, library=library,
                          runner=SyncRunner())
    try:
        qtbot.wait(50)  # the welcome is scheduled after the window is shown
        assert len(asked(dialogs, "DraftProfileDialog")) == 1
        assert asked(dialogs, "ProfileDialog") == []  # no welcome over the draft's identity
        assert asked(dialogs, "FirstStartWizard") == []
        assert same_profile(window.document.profile, colleague)
        assert not window.document.modified
    finally:
        window.close()
        window.deleteLater()
        qtbot.wait(0)


def test_first_start_alone_still_welcomes(qtbot, app_paths, settings, library, language,
                                          dialogs):
    """The welcome is the first-start wizard now (tests/ui/test_wizard.py); closed without
    finishing, the demo profile stays."""
    from kontenopd.ui.app import start_window
    from kontenopd.ui.tasks import SyncRunner

    dialogs.expect("exec", match="^FirstStartWizard\n", answer=QDialog.DialogCode.Rejected)
    window = start_window([], app_paths, settings, library=library, runner=SyncRunner())
    try:
        qtbot.waitUntil(lambda: len(asked(dialogs, "FirstStartWizard")) == 1)
        assert asked(dialogs, "ProfileDialog") == []
        assert is_demo(window.document.profile)
    finally:
        window.close()
        window.deleteLater()
        qtbot.wait(0)


def test_demo_is_marked_in_the_status_bar_menu_and_dialog(window, qtbot, real_profile):
    from kontenopd.ui.dialogs.profile_dialog import ProfileDialog

    assert is_demo(window.document.profile)  # the first start's profile
    assert window.profile_label.text() == \
        "Dinas Komunikasi dan Informatika · Pemerintah Kabupaten Contoh (contoh)"
    assert "Profil contoh" in window.profile_label.toolTip()
    mine = window.store.save(real_profile)
    window.menu_profile.aboutToShow.emit()
    entries = [a.text() for a in window.menu_profile.actions() if a.isCheckable()]
    assert sorted(entries) == ["Dinas Komunikasi dan Informatika",
                               "Dinas Komunikasi dan Informatika (contoh)"]
    dialog = ProfileDialog(window.store, window.document.profile.id, welcome=True)
    qtbot.addWidget(dialog)
    items = {dialog.list.item(i).data(256): dialog.list.item(i).text()
             for i in range(dialog.list.count())}
    assert items[window.document.profile.id].endswith("(contoh)")
    assert not items[mine.id].endswith("(contoh)")
    assert not dialog.demo_note.isHidden()
    assert "nama Pemda" in dialog.demo_note.text() and "lambang Pemda" in dialog.demo_note.text()
    # the note follows the edits: a real Pemda name leaves the other demo values named
    dialog.pemda_name.selectAll()
    type_text(dialog.pemda_name, "Pemerintah Kabupaten Mojokerto")
    assert "nama Pemda" not in dialog.demo_note.text() and "kota" in dialog.demo_note.text()
    window.use_profile(mine)
    assert window.profile_label.text() == \
        "Dinas Komunikasi dan Informatika · Pemerintah Kabupaten Mojokerto"


def test_new_profile_starts_empty_with_the_demo_as_placeholders(window, qtbot, monkeypatch):
    from kontenopd.ui.dialogs.profile_dialog import ProfileDialog

    demo = demo_profile()
    dialog = ProfileDialog(window.store, window.document.profile.id)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(ProfileDialog, "_ask_name", lambda self, title, default:
                        "Dinas Kesehatan")
    dialog.new_button.click()
    assert dialog.profile is not None and dialog.profile.opd_name == "Dinas Kesehatan"
    assert dialog.opd_name.text() == "Dinas Kesehatan"
    for edit, value in ((dialog.pemda_name, demo.pemda_name), (dialog.city, demo.city),
                        (dialog.opd_short, demo.opd_short), (dialog.website, demo.website),
                        (dialog.tagline, demo.tagline),
                        (dialog.handles["instagram"], demo.handles["instagram"])):
        assert edit.text() == ""
        assert edit.placeholderText() == value
    assert dialog.hashtags.text() == "" and dialog.hashtag_groups.toPlainText() == ""
    assert dialog.pemda_logo.path == "" and dialog.opd_logo.path == ""  # no demo logos
    assert dialog.demo_note.isHidden()
    stored = window.store.load(dialog.profile.id)
    assert stored.pemda_name == "" and stored.pemda_logo == "" and not is_demo(stored)
    assert dialog.list.currentItem().text() == "Dinas Kesehatan"


def test_export_with_the_demo_profile_is_refused_until_a_real_one_is_used(
        window, qtbot, tmp_path, monkeypatch, dialogs, real_profile):
    from PySide6.QtWidgets import QFileDialog

    from kontenopd.core.export.jobs import ExportJob

    out = tmp_path / "hasil"
    out.mkdir()
    folders: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(
        lambda *a, **k: folders.append(a[2]) or str(out)))
    queue = window.queue
    window.fill_sample()
    dialogs.expect("warning", match="profil contoh", times=3)
    queue.act_export_current.trigger()  # Ctrl+E
    assert not queue.running and folders == []
    assert "profil contoh" in window.statusBar().currentMessage()
    warning = dialogs.of("warning")[-1]
    assert "Konten ini memakai profil contoh: nama Pemda" in warning.text
    assert "Kelola profil" in warning.text
    assert not queue.add_current()  # nor queued, to be exported later
    assert queue.list.count() == 0
    # a demo post already in the queue (e.g. from an earlier version) is refused too
    queue.add_job(ExportJob.from_draft(window.document.draft, window.document.profile))
    assert not queue.export_all()
    assert "1 konten di antrean" in dialogs.of("warning")[-1].text
    assert list(out.rglob("*")) == [] and folders == []
    # a real profile: the export goes ahead
    queue.remove_current()
    window.use_profile(window.store.save(real_profile))
    assert queue.export_current()
    qtbot.waitUntil(lambda: not queue.running, timeout=60_000)
    assert queue.last_report is not None and queue.last_report.ok
    assert len([p for p in out.iterdir() if p.is_dir()]) == 1
    assert len(dialogs.of("warning")) == 3


def test_unchanged_welcome_still_cannot_export(window, dialogs):
    """Accepting the welcome dialog as it is keeps the demo identity: marked, not exported."""
    dialogs.expect("exec", match="^ProfileDialog\n", answer=QDialog.DialogCode.Accepted)
    before = window.document.profile
    window.edit_profiles(welcome=True)
    assert window.document.profile.id == before.id and is_demo(window.document.profile)
    assert window.profile_label.text().endswith("(contoh)")
    window.fill_sample()
    dialogs.expect("warning", match="profil contoh")
    assert window.queue.export_current() is False
