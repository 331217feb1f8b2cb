"""Hashtag groups are edited in the profile dialog (the group text itself is tested in
tests/core/captions/test_hashtags.py); a template switch keeps the post's own hashtags, mentions
and caption edits."""

from datetime import date

from kontenopd.core.editing import carry_over
from kontenopd.core.io.profile_file import ProfileStore
from kontenopd.core.model.records import Draft


def test_dialog_saves_hashtag_groups(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from kontenopd.core.paths import AppPaths
    from kontenopd.ui.dialogs.profile_dialog import ProfileDialog

    store = ProfileStore(AppPaths.default().profiles)
    first, _ = store.first_or_create()
    assert "Resmi" in first.hashtag_groups  # the demo profile ships groups

    def fake_exec(dialog):
        assert "Resmi: #ContohKab" in dialog.hashtag_groups.toPlainText()
        dialog.hashtag_groups.setPlainText("Pendidikan: #HariGuru, merdeka belajar")
        dialog.hashtags.setText("#ContohKab #contohkab, #2024, hari jadi")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ProfileDialog, "exec", fake_exec)
    profile, accepted = ProfileDialog.edit_profiles(None, store, first.id)
    assert accepted
    assert profile.hashtag_groups == {"Pendidikan": ("#HariGuru", "#MerdekaBelajar")}
    assert store.load(first.id).hashtag_groups == profile.hashtag_groups
    # Default hashtags follow the same rules as the caption panel's.
    assert profile.hashtags == ("#ContohKab", "#HariJadi")


def test_template_switch_keeps_post_hashtags_mentions_and_caption_edits(library):
    old = Draft("liputan-kegiatan", values={"judul": "Apel", "tagar": "#HariGuru",
                                            "mention": "@bupati"},
                captions={"instagram": "Teks sendiri"})
    new = carry_over(old, library.get("agenda-undangan"), date(2022, 11, 21))
    assert new.values["tagar"] == "#HariGuru"
    assert new.values["mention"] == "@bupati"
    assert new.captions == {"instagram": "Teks sendiri"}
    assert new.template == "agenda-undangan"


def test_dragging_a_thumbnail_reorders_the_photos(qtbot, library, tmp_path):
    """A drop reorders the model rows; the slot turns that into one edit of the photo list."""
    from PIL import Image
    from PySide6.QtCore import QModelIndex

    from kontenopd.core.model.records import PhotoRef
    from kontenopd.ui.panels.photo_slot import PhotoSlot

    field = library.get("liputan-kegiatan").field("foto")
    slot = PhotoSlot(field)
    qtbot.addWidget(slot.widget)
    refs = []
    for i, color in enumerate(("red", "green", "blue")):
        path = tmp_path / f"f{i}.png"
        Image.new("RGB", (40, 30), color).save(path)
        refs.append(PhotoRef(str(path)))
    slot.show(refs)
    with qtbot.waitSignal(slot.edited, timeout=2000) as blocker:
        # What an InternalMove drop does: move row 0 behind row 2.
        assert slot.list.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    assert [r.path for r in blocker.args[0]] == [refs[1].path, refs[2].path, refs[0].path]
