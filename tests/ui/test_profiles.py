"""The profile store (Qt-free core) and the profile dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from kontenopd.core.errors import ProfileError
from kontenopd.core.paths import AppPaths
from kontenopd.core.profiles import ProfileStore


@pytest.fixture
def store(isolated_home) -> ProfileStore:
    return ProfileStore(AppPaths.default().profiles)


def test_create_save_duplicate_delete(store, tmp_path):
    assert store.list() == []
    first, created = store.first_or_create()
    assert created
    assert store.ids() == [first.id]
    assert Path(first.opd_logo).parent == store.folder(first.id)  # logos copied in
    logo = tmp_path / "logo baru.png"
    Image.new("RGBA", (64, 64), (0, 128, 0, 255)).save(logo)
    from dataclasses import replace

    saved = store.save(replace(first, tagline="Cepat, Tepat", opd_logo=str(logo)))
    assert Path(saved.opd_logo).parent == store.folder(first.id)
    logo.unlink()  # the profile keeps working without the original file
    loaded = store.load(first.id)
    assert loaded.tagline == "Cepat, Tepat"
    assert Path(loaded.opd_logo).is_file()
    copy = store.duplicate(first.id, "Dinas Kesehatan")
    assert copy.id != first.id and copy.opd_name == "Dinas Kesehatan"
    assert len(store.list()) == 2
    store.delete(copy.id)
    assert store.ids() == [first.id]
    with pytest.raises(ProfileError):
        store.delete("tidak-ada")


def test_missing_logo_is_a_clear_error(store):
    from dataclasses import replace

    first, _ = store.first_or_create()
    with pytest.raises(ProfileError, match="logo"):
        store.save(replace(first, pemda_logo="/tidak/ada.png"))


def test_dialog_edits_and_returns_the_profile(qtbot, store, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from kontenopd.ui.profile_dialog import ProfileDialog

    first, _ = store.first_or_create()

    def fake_exec(dialog):
        dialog.opd_name.setText("Dinas Pendidikan")
        dialog.hashtags.setText("PendidikanContoh, #HariGuru")
        dialog.colors["primary"].set_value("#123456")
        dialog.timezone.setCurrentText("WITA")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ProfileDialog, "exec", fake_exec)
    profile, accepted = ProfileDialog.edit_profiles(None, store, first.id)
    assert accepted
    assert profile.opd_name == "Dinas Pendidikan"
    assert profile.hashtags == ("#PendidikanContoh", "#HariGuru")
    assert profile.colors.primary == "#123456"
    assert profile.timezone == "WITA"
    assert store.load(first.id).opd_name == "Dinas Pendidikan"


def test_window_switches_profile_from_dialog(window, monkeypatch):
    from kontenopd.ui.profile_dialog import ProfileDialog

    other = window.store.duplicate(window.document.profile.id, "Badan Kepegawaian")
    monkeypatch.setattr(ProfileDialog, "edit_profiles",
                        classmethod(lambda cls, *a, **k: (other, True)))
    before = window.preview.canvas.image.copy()
    window.act_profiles.trigger()
    assert window.document.profile.id == other.id
    assert window.preview.canvas.image != before  # the OPD name is on the card
