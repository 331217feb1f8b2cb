"""The profile store (Qt-free core) and the profile dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from kontenopd.core.errors import ProfileError
from kontenopd.core.io.profile_file import ProfileStore
from kontenopd.core.paths import AppPaths


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

    from kontenopd.ui.dialogs.profile_dialog import ProfileDialog

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
    from kontenopd.ui.dialogs.profile_dialog import ProfileDialog

    other = window.store.duplicate(window.document.profile.id, "Badan Kepegawaian")
    monkeypatch.setattr(ProfileDialog, "edit_profiles",
                        classmethod(lambda cls, *a, **k: (other, True)))
    before = window.preview.canvas.image.copy()
    window.act_profiles.trigger()
    assert window.document.profile.id == other.id
    assert window.preview.canvas.image != before  # the OPD name is on the card


def _png_declaring(path: Path, width: int, height: int) -> Path:
    """A PNG whose header declares width x height (a decompression bomb's first bytes)."""
    import struct
    import zlib

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    data = (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk
            + struct.pack(">I", zlib.crc32(chunk)) + b"\x00\x00\x00\x00IEND\xaeB`\x82")
    path.write_bytes(data)
    return path


def test_dialog_says_which_stored_logo_was_left_out(qtbot, store):
    from kontenopd.ui.dialogs.profile_dialog import ProfileDialog

    first, _ = store.first_or_create()
    _png_declaring(Path(first.opd_logo), 100_000, 100_000)  # replaced by a bomb on disk
    dialog = ProfileDialog(store, first.id)
    qtbot.addWidget(dialog)
    assert not dialog.notice.isHidden()
    assert "tidak dipakai" in dialog.notice.text() and "OPD" in dialog.notice.text()
    assert dialog.opd_logo.path == ""  # the profile still works without it
    assert dialog.opd_logo.preview.pixmap().isNull()
    assert not dialog.pemda_logo.preview.pixmap().isNull()  # the good logo is previewed


def test_dialog_refuses_a_chosen_logo_bomb_with_the_reason(qtbot, store, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from kontenopd.ui.dialogs.profile_dialog import ProfileDialog

    first, _ = store.first_or_create()
    dialog = ProfileDialog(store, first.id)
    qtbot.addWidget(dialog)
    assert dialog.notice.isHidden()
    before = dialog.pemda_logo.path
    bomb = _png_declaring(tmp_path / "logo.png", 100_000, 100_000)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bomb), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: shown.append(text))
    dialog.pemda_logo.choose.click()
    assert len(shown) == 1 and "logo.png" in shown[0]
    assert dialog.pemda_logo.path == before

    good = tmp_path / "logo baik.png"
    Image.new("RGBA", (400, 200), (0, 90, 40, 255)).save(good)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    dialog.pemda_logo.choose.click()
    assert len(shown) == 1
    assert dialog.pemda_logo.path == str(good)
    pixmap = dialog.pemda_logo.preview.pixmap()
    assert (pixmap.width(), pixmap.height()) == (52, 26)
    assert pixmap.toImage().pixelColor(26, 13).green() == 90
