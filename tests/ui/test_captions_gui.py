"""The caption panel on real widgets: generated text per platform, live counters while typing
(emoji included), the X limit, copy with confirmation, undoable edits kept in the draft, and
hashtag groups added with one click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from kontenopd.core.captions.check import check_caption, x_weighted_length
from kontenopd.core.captions.compose import generate_caption
from kontenopd.core.model.platforms import PLATFORM_KEYS


def type_text(widget, text: str) -> None:
    """Type text (any script, emoji) as key events; qtbot.keyClicks aborts on non-ASCII."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, text))


def open_captions(window, qtbot, platform: str = "instagram"):
    window.fill_sample()
    panel = window.captions
    window.side_tabs.setCurrentWidget(panel)
    panel.refresh()
    page = panel.pages[platform]
    qtbot.mouseClick(panel.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=panel.tabs.tabBar().tabRect(panel.tabs.indexOf(page)).center())
    assert panel.current_platform() == platform
    return panel, page


def edit_at_end(page) -> None:
    page.editor.setFocus()
    page.editor.moveCursor(QTextCursor.MoveOperation.End)


def append_to_field(window, key: str, text: str) -> None:
    edit = window.form.editor(key).edit
    edit.setFocus()
    edit.end(False)
    type_text(edit, text)


def test_tabs_show_the_generated_caption_per_platform(window, qtbot):
    panel, _page = open_captions(window, qtbot)
    doc = window.document
    for key in PLATFORM_KEYS:
        page = panel.pages[key]
        expected = generate_caption(doc.template, doc.draft, doc.profile, key)
        assert page.editor.toPlainText() == expected
        assert doc.value("judul") in expected
        assert page.counter.text().startswith(check_caption(expected, key).counter)
        assert not page.reset_button.isVisible()
    assert "2.200" in panel.pages["instagram"].counter.text()
    assert panel.pages["x"].counter.text().endswith("(hitungan X)")

    # captions follow the fields (after the short debounce)
    append_to_field(window, "lokasi", " Baru")
    qtbot.waitUntil(lambda: "Pendopo Kabupaten Contoh Baru" in
                    panel.pages["facebook"].editor.toPlainText(), timeout=2000)


def test_counter_follows_typing_with_emoji(window, qtbot):
    panel, page = open_captions(window, qtbot, "x")
    before = x_weighted_length(page.editor.toPlainText())
    edit_at_end(page)
    type_text(page.editor, " 🇮🇩")
    text = page.editor.toPlainText()
    assert text.endswith(" 🇮🇩")
    assert x_weighted_length(text) == before + 3  # a space, and a flag counted as 2 on X
    assert page.counter.text().startswith(f"{before + 3} / 280")
    type_text(page.editor, " 👨‍👩‍👧")
    assert page.counter.text().startswith(f"{before + 6} / 280")  # family emoji: 2 on X
    # Instagram counts user-perceived characters: a family emoji is one
    ig = panel.pages["instagram"]
    n = check_caption(ig.editor.toPlainText(), "instagram").length
    edit_at_end(ig)
    type_text(ig.editor, "👨‍👩‍👧")
    assert ig.counter.text().startswith(f"{n + 1} / 2.200")
    assert window.document.draft.captions["x"] == page.editor.toPlainText()


def test_too_long_x_caption_is_red_with_a_warning(window, qtbot):
    panel, page = open_captions(window, qtbot, "x")
    assert page.check.ok
    assert window.side_tabs.tabText(1) == "Caption"
    edit_at_end(page)
    type_text(page.editor, " Lihat https://contohkab.go.id/berita/pelatihan-umkm " + "kata " * 60)
    check = check_caption(page.editor.toPlainText(), "x")
    assert check.length > 280
    assert page.counter.property("over") is True
    assert "font-weight: bold" in page.counter.styleSheet()
    assert page.counter.text().startswith(check.counter)
    assert any(i.level == "error" for i in check.issues)
    assert check.messages("error")[0] in page.issues.text()
    assert panel.tabs.tabText(panel.tabs.indexOf(page)) == "X ⚠"
    assert window.side_tabs.tabText(1) == "Caption ⚠"
    assert panel.tabs.tabText(panel.tabs.indexOf(panel.pages["instagram"])) == "Instagram"
    # a URL counts 23 however long it is
    assert check.length == x_weighted_length(page.editor.toPlainText())


def test_copy_puts_the_caption_on_the_clipboard_and_confirms(window, qtbot):
    panel, page = open_captions(window, qtbot, "instagram")
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("lama")
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == page.editor.toPlainText()
    assert page.confirm.text() == "✓ Disalin"
    assert "Caption Instagram disalin" in window.statusBar().currentMessage()

    # Ctrl+Shift+C copies the platform chosen in the panel, from anywhere in the window
    panel.select_platform("whatsapp")
    window.form.editor("judul").edit.setFocus()
    window.captions.act_copy.trigger()
    assert clipboard.text() == panel.pages["whatsapp"].editor.toPlainText()
    assert clipboard.text() != panel.pages["instagram"].editor.toPlainText()
    shortcut = window.captions.act_copy.shortcut().toString()
    assert shortcut == "Ctrl+Shift+C"

    # an over-limit caption is still copied, but the confirmation says to check it
    x = panel.pages["x"]
    edit_at_end(x)
    type_text(x.editor, " panjang" * 50)
    panel.copy_caption("x")
    assert clipboard.text() == x.editor.toPlainText()
    assert "periksa" in x.confirm.text()
    assert "periksa dulu" in window.statusBar().currentMessage()


def test_caption_edits_are_kept_in_the_draft_and_undoable(window, qtbot):
    panel, page = open_captions(window, qtbot, "instagram")
    doc = window.document
    generated = page.editor.toPlainText()
    edit_at_end(page)
    type_text(page.editor, " Salam sehat! ")
    type_text(page.editor, "💪")
    edited = generated + " Salam sehat! 💪"
    assert doc.draft.captions == {"instagram": edited}
    assert page.reset_button.isVisible()
    assert "Diedit" in page.state_label.text()
    assert doc.modified

    # typing merged into one undo step
    window.act_undo.trigger()
    assert doc.draft.captions == {}
    assert page.editor.toPlainText() == generated
    assert not page.reset_button.isVisible()
    window.act_redo.trigger()
    assert doc.draft.captions == {"instagram": edited}
    assert page.editor.toPlainText() == edited

    # the edit stays when a field changes; the other platforms follow the field
    append_to_field(window, "lokasi", " Timur")
    panel.refresh()
    assert page.editor.toPlainText() == edited
    assert "Contoh Timur" in panel.pages["facebook"].editor.toPlainText()

    # back to generated: one undoable step, and the caption follows the fields again
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert doc.draft.captions == {}
    assert "Contoh Timur" in page.editor.toPlainText()
    window.act_undo.trigger()
    assert doc.draft.captions == {"instagram": edited}
    assert page.editor.toPlainText() == edited


def test_hashtag_groups_and_typed_hashtags_are_normalised(window, qtbot):
    panel, page = open_captions(window, qtbot, "instagram")
    doc = window.document
    assert set(panel.group_buttons) == {"Resmi", "Kesehatan", "HUT RI"}
    assert page.check.hashtags == 2  # the profile's defaults

    # typed tags: spaces joined, invalid ones reported, duplicates (any case) dropped
    edit = panel.tags_edit
    edit.setFocus()
    type_text(edit, "hari jadi ke 75, #HIDUPSEHAT, 2024, #hidupsehat")
    assert doc.value("tagar") == "hari jadi ke 75, #HIDUPSEHAT, 2024, #hidupsehat"
    assert "2024" in panel.tags_feedback.text()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert doc.value("tagar") == "#HariJadiKe75 #HIDUPSEHAT"
    assert edit.text() == "#HariJadiKe75 #HIDUPSEHAT"
    assert "2024" in panel.tags_feedback.text()  # still told why it vanished
    qtbot.waitUntil(lambda: page.check.hashtags == 4, timeout=2000)  # after the debounce

    # one click on a group: only the tags not there yet (case-insensitive), none twice
    qtbot.mouseClick(panel.group_buttons["Kesehatan"], Qt.MouseButton.LeftButton)
    assert doc.value("tagar") == "#HariJadiKe75 #HIDUPSEHAT #GermasContoh"
    assert "#GermasContoh" in window.statusBar().currentMessage()
    qtbot.mouseClick(panel.group_buttons["Kesehatan"], Qt.MouseButton.LeftButton)
    assert doc.value("tagar") == "#HariJadiKe75 #HIDUPSEHAT #GermasContoh"
    assert "sudah ada" in window.statusBar().currentMessage()
    # "Resmi" shares two tags with the profile's defaults: only the third is added
    qtbot.mouseClick(panel.group_buttons["Resmi"], Qt.MouseButton.LeftButton)
    assert doc.value("tagar") == "#HariJadiKe75 #HIDUPSEHAT #GermasContoh #PemkabContoh"
    panel.refresh()
    text = page.editor.toPlainText()
    tags = [w for w in text.split() if w.startswith("#")]
    assert len(tags) == len({t.casefold() for t in tags}) == 6
    # six hashtags: over Instagram's five, said on the Instagram tab
    assert page.tags.text() == "Tagar: 6 / 5"
    assert any(i.code == "hashtags" for i in page.check.issues)

    window.act_undo.trigger()
    assert doc.value("tagar") == "#HariJadiKe75 #HIDUPSEHAT #GermasContoh"
    assert panel.tags_edit.text() == "#HariJadiKe75 #HIDUPSEHAT #GermasContoh"

    # an edited caption keeps its text: the panel says the new tags do not reach it
    assert "diedit manual" not in panel.tags_feedback.text()
    edit_at_end(page)
    type_text(page.editor, " Salam!")
    assert "diedit manual tidak ikut berubah: Instagram" in panel.tags_feedback.text()


def test_an_empty_summary_leaves_no_repeated_title_in_the_caption_tab(window, qtbot):
    """With Ringkasan emptied in the form, the news card's caption names the activity once,
    and has no dangling dateline or empty label (issue #14 point 3, through the widgets)."""
    panel, page = open_captions(window, qtbot)
    edit = window.form.editor("ringkasan").edit
    edit.setFocus()
    edit.selectAll()
    QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Delete,
                                           Qt.KeyboardModifier.NoModifier))
    assert not window.document.value("ringkasan")
    panel.refresh()
    text = page.editor.toPlainText()
    title = window.document.value("judul")
    assert text.count(title) == 1, text
    assert "–\n" not in text and not text.rstrip().endswith("–")  # no dangling dateline
    assert "📍" in text and "Pendopo" in text  # the place on its own line instead
