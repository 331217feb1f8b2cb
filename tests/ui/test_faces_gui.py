"""Adding a photo frames its faces: the focal point follows the face detector, in the same
undo step as the add (photos made from the public-domain astronaut sample)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QMessageBox

from .conftest import HeldRunner

pytest.importorskip("cv2")

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"


@pytest.fixture
def face_photo(tmp_path: Path) -> Path:
    """A portrait phone photo, the face right of centre near the top: centred,
    kunjungan-kerja's wide 4:5 photo band cuts it off."""
    canvas = Image.open(SAMPLES / "rocket-launch.jpg").convert("RGB").resize((3000, 4000))
    astronaut = Image.open(SAMPLES / "astronaut.jpg").convert("RGB").resize((1500, 1500))
    canvas.paste(astronaut, (1400, 150))
    path = tmp_path / "kunjungan bupati.jpg"
    canvas.save(path, quality=88)
    return path


def _fit(window, path: Path, focus):
    from kontenopd.core.render import faces
    from kontenopd.core.render import focus as fo

    doc = window.document
    (spec,) = fo.frame_specs(doc.template, window.preview.format, "foto", 0, doc.draft,
                             doc.profile)
    return fo.faces_cut((3000, 4000), faces.detect_faces(path), spec.size, focus,
                        spec.reserved)


def test_adding_a_photo_frames_its_face_in_one_undo_step(window, face_photo):
    window.choose_template("kunjungan-kerja")
    doc = window.document
    assert window.preview.format == "4:5"
    steps = doc.undo_stack.count()
    assert window.add_photos([str(face_photo)]) == 1
    (ref,) = doc.photos("foto")
    assert ref.focus != (0.5, 0.5)
    assert _fit(window, face_photo, ref.focus).ok  # inside the frame, clear of the strip
    assert not _fit(window, face_photo, (0.5, 0.5)).ok  # where the centre would put it
    assert doc.undo_stack.count() == steps + 1  # the add and its focus: one step
    doc.undo_stack.undo()
    assert doc.photos("foto") == []
    doc.undo_stack.redo()
    assert doc.photos("foto") == [ref]


def test_face_found_after_another_edit_is_its_own_step(qtbot, app_paths, settings, library,
                                                       language, face_photo, dialogs):
    from kontenopd.ui.mainwindow import MainWindow

    runner = HeldRunner()
    win = MainWindow(app_paths, settings, library=library, runner=runner)
    qtbot.addWidget(win)
    runner.finish()  # gallery thumbnails, first preview
    win.choose_template("kunjungan-kerja")
    runner.finish()
    doc = win.document
    win.add_photos([str(face_photo)])
    assert doc.photos("foto")[0].focus == (0.5, 0.5)  # not detected yet
    doc.set_value("kegiatan", "Kunjungan kerja ke Puskesmas", "ketik")
    steps = doc.undo_stack.count()
    runner.finish()
    focus = doc.photos("foto")[0].focus
    assert focus != (0.5, 0.5)
    assert doc.undo_stack.count() == steps + 1
    # the edits are unsaved: closing the window asks, and the test lets it go
    dialogs.expect("question", match="Simpan perubahan",
                   answer=QMessageBox.StandardButton.Discard)
    doc.undo_stack.undo()  # only the automatic focus goes back
    assert doc.photos("foto")[0].focus == (0.5, 0.5)
    assert doc.value("kegiatan") == "Kunjungan kerja ke Puskesmas"
    win.close()


def test_a_photo_without_faces_keeps_the_centre(window, photo):
    window.choose_template("kunjungan-kerja")
    steps = window.document.undo_stack.count()
    assert window.add_photos([str(photo)]) == 1
    assert window.document.photos("foto")[0].focus == (0.5, 0.5)
    assert window.document.undo_stack.count() == steps + 1
