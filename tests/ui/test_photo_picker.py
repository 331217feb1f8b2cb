"""The photo picker (many photos at once) and the auto-enhance toggle of a photo."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog

from kontenopd.core.photos import picking
from kontenopd.ui.panels.photo_picker import PATH_ROLE, PhotoPicker
from kontenopd.ui.tasks import SyncRunner, TaskRunner

SIZE = (800, 600)


def scene(seed: int) -> Image.Image:
    rnd = random.Random(seed)
    img = Image.linear_gradient("L").resize(SIZE).convert("RGB")
    draw = ImageDraw.Draw(img)
    for _ in range(30):
        x, y = rnd.randint(0, SIZE[0] - 30), rnd.randint(0, SIZE[1] - 30)
        box = (x, y, x + rnd.randint(15, 250), y + rnd.randint(15, 200))
        (draw.rectangle if rnd.random() < 0.5 else draw.ellipse)(
            box, fill=tuple(rnd.randint(0, 255) for _ in "rgb"))
    return Image.blend(img, Image.effect_noise(SIZE, 30).convert("RGB"), 0.05)


@pytest.fixture
def batch(tmp_path) -> dict[str, str]:
    """Eight files as they come from WhatsApp: four good, blurred, dark, a twin, a broken one."""
    out = {}
    images = {f"good{i}": scene(i) for i in range(4)}
    images["blurred"] = scene(20).filter(ImageFilter.GaussianBlur(5))
    images["dark"] = ImageEnhance.Brightness(scene(21)).enhance(0.2)
    images["twin"] = scene(0).crop((6, 4, SIZE[0] - 4, SIZE[1] - 6)).resize(SIZE)
    for name, img in images.items():
        path = tmp_path / f"IMG-{name}.jpg"
        img.save(path, quality=88)
        out[name] = str(path)
    broken = tmp_path / "IMG-rusak.jpg"
    broken.write_bytes(b"\xff\xd8\xff bukan foto")
    out["broken"] = str(broken)
    return out


@pytest.fixture
def picker(qtbot, batch):
    dialog = PhotoPicker(list(batch.values()), 3, runner=SyncRunner())
    qtbot.addWidget(dialog)
    dialog.start()
    return dialog


def _texts(dialog: PhotoPicker) -> dict[str, str]:
    return {item.data(PATH_ROLE): item.text() for item in dialog.items()}


def _item(dialog: PhotoPicker, path: str):
    return next(i for i in dialog.items() if i.data(PATH_ROLE) == path)


def test_photos_are_listed_best_first_with_their_flags(picker, batch) -> None:
    order = [item.data(PATH_ROLE) for item in picker.items()]
    assert len(order) == len(batch)
    good = {batch[f"good{i}"] for i in range(1, 4)}
    assert good <= set(order[:4])  # distinct sharp photos first
    assert order[-1] == batch["broken"]
    texts = _texts(picker)
    assert "buram" in texts[batch["blurred"]]
    assert "terlalu gelap" in texts[batch["dark"]]
    twins = [texts[batch["good0"]], texts[batch["twin"]]]
    assert sum("mirip foto lain" in t for t in twins) == 1
    assert "rusak" in texts[batch["broken"]] or "bukan gambar" in texts[batch["broken"]]
    assert all(not item.icon().isNull() for item in picker.items()
               if item.data(PATH_ROLE) != batch["broken"])
    assert picker.windowTitle() == "Pilih foto terbaik"
    assert picker.bar.isHidden()


def test_the_best_are_preselected_up_to_the_limit(picker, batch) -> None:
    chosen = picker.chosen()
    assert len(chosen) == 3
    assert set(chosen) <= {batch[k] for k in ("good0", "good1", "good2", "good3", "twin")}
    assert picker.ok_button.isEnabled()
    assert picker.ok_button.text() == "Tambahkan 3 foto"
    assert picker.status.text().startswith("3 dari paling banyak 3")
    # a fourth tick is refused, with the reason
    extra = next(i for i in picker.items() if i.data(PATH_ROLE) not in chosen
                 and i.flags() & Qt.ItemFlag.ItemIsUserCheckable)
    extra.setCheckState(Qt.CheckState.Checked)
    assert extra.checkState() == Qt.CheckState.Unchecked
    assert "Hapus centang" in picker.status.text()
    assert picker.chosen() == chosen
    # the user swaps one photo for the dark one
    _item(picker, chosen[0]).setCheckState(Qt.CheckState.Unchecked)
    _item(picker, batch["dark"]).setCheckState(Qt.CheckState.Checked)
    assert batch["dark"] in picker.chosen() and len(picker.chosen()) == 3
    picker.clear_button.click()
    assert picker.chosen() == [] and not picker.ok_button.isEnabled()
    picker.best_button.click()
    assert picker.chosen() == chosen


def test_an_unreadable_photo_cannot_be_ticked(picker, batch) -> None:
    broken = _item(picker, batch["broken"])
    assert not broken.flags() & Qt.ItemFlag.ItemIsUserCheckable
    picker._toggle(broken)
    assert batch["broken"] not in picker.chosen()


def test_scoring_runs_off_the_gui_thread_with_progress(qtbot, batch, monkeypatch) -> None:
    threads = set()
    real = picking.score_photo

    def spy(path, thumb_size=None):
        threads.add(threading.current_thread())
        return real(path, thumb_size)

    monkeypatch.setattr(picking, "score_photo", spy)
    runner = TaskRunner()
    dialog = PhotoPicker(list(batch.values()), 2, runner=runner)
    qtbot.addWidget(dialog)
    steps = []
    dialog._progress.step.connect(lambda done, total: steps.append((done, total)))
    assert not dialog.ok_button.isEnabled() and not dialog.list.isEnabled()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10000)
    assert threading.main_thread() not in threads
    assert sorted(steps)[-1] == (len(batch), len(batch))
    assert dialog.list.isEnabled() and len(dialog.chosen()) == 2
    assert runner.wait(5000)


def test_closing_early_stops_the_scoring(qtbot, batch) -> None:
    runner = TaskRunner()
    dialog = PhotoPicker(list(batch.values()) * 5, 2, runner=runner)
    qtbot.addWidget(dialog)
    dialog.start()
    dialog.reject()
    assert dialog._cancel.is_set()
    assert runner.wait(10000)
    qtbot.wait(10)  # the late result is dropped, not shown
    assert dialog.list.count() == 0


def test_the_dialog_fits_a_1366x768_screen(picker) -> None:
    picker.show()
    assert picker.width() <= 1366 - 40 and picker.height() <= 768 - 40
    hint = picker.minimumSizeHint()
    assert hint.width() <= 1000 and hint.height() <= 700


def test_choose_returns_the_ticked_photos_or_none(qtbot, batch, dialogs) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.runner = SyncRunner()
    dialogs.expect("exec", match="PhotoPicker", answer=QDialog.DialogCode.Accepted)
    chosen = PhotoPicker.choose(parent, list(batch.values()), 2)
    assert chosen is not None and len(chosen) == 2
    assert batch["blurred"] not in chosen and batch["broken"] not in chosen
    dialogs.expect("exec", match="PhotoPicker", answer=QDialog.DialogCode.Rejected)
    assert PhotoPicker.choose(parent, list(batch.values()), 2) is None


# ---------------------------------------------------------------- the main window hook


@pytest.fixture
def calls(monkeypatch):
    seen = []

    def fake(_parent, paths, limit):
        seen.append((list(paths), limit))
        return list(paths)[1:limit + 1]

    monkeypatch.setattr(PhotoPicker, "choose", classmethod(lambda cls, *a: fake(*a)))
    return seen


def test_many_photos_from_the_file_dialog_go_through_the_picker(window, batch, calls,
                                                                dialogs) -> None:
    paths = list(batch.values())
    dialogs.expect("file", match="getOpenFileNames", answer=(paths, ""))
    window.add_photos_dialog("foto")
    assert calls == [(paths, 3)]  # the field's room
    added = [r.path for r in window.document.photos("foto")]
    assert added == [str(Path(p).resolve()) for p in paths[1:4]]


def test_the_limit_is_the_room_left_and_few_photos_skip_it(window, batch, calls, photo) -> None:
    window.add_photos([str(photo)])
    paths = list(batch.values())
    window.add_picked_photos(paths)
    assert calls == [(paths, 2)]
    assert len(window.document.photos("foto")) == 3
    window.document.undo_stack.undo()
    window.add_picked_photos(paths[:2])  # fewer than six: added as they are
    assert len(calls) == 1
    assert [Path(r.path).name for r in window.document.photos("foto")][1:] == [
        Path(p).name for p in paths[:2]]


def test_cancelling_the_picker_adds_nothing(window, batch, monkeypatch) -> None:
    monkeypatch.setattr(PhotoPicker, "choose", classmethod(lambda cls, *a: None))
    count = window.document.undo_stack.count()
    window.add_picked_photos(list(batch.values()))
    assert window.document.photos("foto") == []
    assert window.document.undo_stack.count() == count


def test_a_drop_of_many_photos_opens_the_picker_after_the_drop(window, qtbot, batch,
                                                               calls) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in batch.values()])
    target = window.form.editor("foto").list
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    paths = list(batch.values())
    window._drop(target, paths, event)
    assert calls == []  # not inside the drop event
    qtbot.waitUntil(lambda: len(window.document.photos("foto")) == 3)
    assert calls == [(paths, 3)]


def test_the_real_picker_adds_the_best_photos(window, batch, dialogs) -> None:
    dialogs.expect("exec", match="PhotoPicker", answer=QDialog.DialogCode.Accepted)
    window.add_picked_photos(list(batch.values()))
    names = {Path(r.path).name for r in window.document.photos("foto")}
    assert len(names) == 3
    assert not names & {"IMG-blurred.jpg", "IMG-dark.jpg", "IMG-rusak.jpg"}
    assert not {"IMG-good0.jpg", "IMG-twin.jpg"} <= names  # one of the twins


# ---------------------------------------------------------------- auto-enhance toggle


def test_enhance_toggle_is_one_undo_step(window, photo) -> None:
    doc = window.document
    window.add_photos([str(photo), str(photo)])
    slot = window.form.editor("foto")
    steps = doc.undo_stack.count()
    menu = slot.photo_menu(1)
    action = menu.findChild(type(menu.actions()[0]), "enhance")
    assert action.text() == "Perbaiki cahaya otomatis"
    assert action.isCheckable() and not action.isChecked()
    action.trigger()
    assert [r.enhance for r in doc.photos("foto")] == [False, True]
    assert doc.undo_stack.count() == steps + 1
    assert doc.undo_stack.undoText().startswith("Perbaiki cahaya foto")
    assert slot.photo_menu(1).findChild(type(action), "enhance").isChecked()
    assert "Cahaya diperbaiki otomatis" in slot.list.item(1).toolTip()
    assert doc.modified
    doc.undo_stack.undo()
    assert [r.enhance for r in doc.photos("foto")] == [False, False]
    assert "Cahaya" not in slot.list.item(1).toolTip()
    doc.undo_stack.redo()
    assert doc.photos("foto")[1].enhance
    # turned off again from the menu: another step
    slot.photo_menu(1).findChild(type(action), "enhance").trigger()
    assert not doc.photos("foto")[1].enhance
    assert doc.undo_stack.count() == steps + 2
    assert slot.photo_menu(5) is None


def test_enhance_changes_the_preview(window, tmp_path) -> None:
    from kontenopd.ui.panels.preview_render import preview_render, to_qimage

    dull = tmp_path / "redup.jpg"
    img = ImageEnhance.Brightness(ImageEnhance.Contrast(scene(3)).enhance(0.4)).enhance(0.5)
    img.save(dull, quality=90)
    window.add_photos([str(dull)])
    doc, preview = window.document, window.preview

    def expected(enhance: bool):
        draft = doc.draft.copy()
        draft.photos["foto"] = [draft.photos["foto"][0].with_enhance(enhance)]
        return to_qimage(preview_render(doc.template, preview.format, draft, doc.profile,
                                        preview.preview_scale(), window.cache).image)

    doc.set_enhance("foto", 0, True, "x")
    assert preview.canvas.image == expected(True)
    assert preview.canvas.image != expected(False)
    doc.undo_stack.undo()
    assert preview.canvas.image == expected(False)


def test_enhance_menu_action_is_translated(window, language, photo) -> None:
    window.add_photos([str(photo)])
    window.set_language("en")
    try:
        menu = window.form.editor("foto").photo_menu(0)
        assert menu.actions()[0].text() == "Auto-fix lighting"
    finally:
        window.set_language("id")


def test_context_menu_position_maps_to_the_photo(window, qtbot, photo) -> None:
    from PySide6.QtWidgets import QMenu

    window.add_photos([str(photo), str(photo)])
    slot = window.form.editor("foto")
    slot._context_menu(QPoint(-50, -50))  # not on a photo: no menu
    assert not [m for m in slot.list.findChildren(QMenu) if m.isVisible()]
    slot._context_menu(slot.list.visualItemRect(slot.list.item(1)).center())
    menus = [m for m in slot.list.findChildren(QMenu) if m.isVisible()]
    assert len(menus) == 1 and slot.list.currentRow() == 1
    assert [a.text() for a in menus[0].actions() if a.text()] == [
        "Perbaiki cahaya otomatis", "Hapus foto"]
    menus[0].actions()[0].trigger()
    assert [r.enhance for r in window.document.photos("foto")] == [False, True]
    menus[0].close()
