"""Translations: the .ts files are complete and current, placeholders match, and every
dialog shows no Indonesian UI string when English is chosen (and Qt's own buttons speak
Indonesian by default)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QColorDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "assets" / "i18n"
PLACEHOLDER = re.compile(r"\{\w*\}|%\d")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(c.findtext("name"), m.findtext("source"), m.find("translation"))
            for c in root.iter("context") for m in c.iter("message")]


@pytest.mark.parametrize("name", ["kontenopd_en.ts", "qt_id.ts"])
def test_ts_complete_with_matching_placeholders(name):
    found = messages(I18N / name)
    assert found
    for context, source, translation in found:
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), \
            (context, source)
        assert (translation.text or "").strip(), (context, source)
        assert sorted(PLACEHOLDER.findall(source)) == sorted(
            PLACEHOLDER.findall(translation.text)), (context, source)
    assert (I18N / name).with_suffix(".qm").is_file()


LUPDATE = shutil.which("pyside6-lupdate") or shutil.which(
    "pyside6-lupdate", path=str(Path(sys.executable).parent))


def test_ts_is_up_to_date_with_the_sources():
    # PySide6-Essentials ships pyside6-lupdate beside the interpreter: missing is a broken
    # install, not a reason to skip
    assert LUPDATE is not None, "pyside6-lupdate not found next to " + sys.executable
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n_update.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def indonesian_sources() -> set[str]:
    return {source for _c, source, tr in messages(I18N / "kontenopd_en.ts")
            if source != tr.text}


def visible_texts(widget: QWidget) -> list[str]:
    texts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QMenu):
            texts.append(child.title())
        texts.append(child.toolTip())
        texts.append(child.windowTitle())
        texts += [a.text() for a in child.actions()]
    return [t for t in texts if t]


def test_every_dialog_in_both_languages(window, qtbot, language):
    from dataclasses import replace

    from kontenopd.ui.dialogs.draft_profile import DraftProfileDialog
    from kontenopd.ui.dialogs.profile_dialog import ProfileDialog
    from kontenopd.ui.dialogs.wizard import FirstStartWizard
    from kontenopd.ui.panels.photo_picker import PhotoPicker
    from kontenopd.ui.tasks import SyncRunner

    sources = indonesian_sources()
    for code in ("en", "id"):
        window.set_language(code)
        profile_dialog = ProfileDialog(window.store, window.document.profile.id, welcome=True,
                                       parent=window)
        qtbot.addWidget(profile_dialog)
        colleague = replace(window.document.profile, pemda_name="Pemerintah Kota Batu")
        draft_profile = DraftProfileDialog(colleague, window.store.list(), "", "rekan.kontenopd",
                                           window)
        qtbot.addWidget(draft_profile)
        color = QColorDialog(window)
        color.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        files = QFileDialog(window)
        files.setOption(QFileDialog.Option.DontUseNativeDialog)
        picker = PhotoPicker([f"IMG-{i}.jpg" for i in range(8)], 3, SyncRunner(), window)
        wizard = FirstStartWizard(window.store, window.library, window)
        for w in (color, files, picker, wizard):
            qtbot.addWidget(w)
        dialogs = [window, profile_dialog, draft_profile, color, files, picker, wizard]
        for dialog in dialogs:
            dialog.show()
        texts = [t for d in dialogs for t in visible_texts(d)]
        if code == "en":
            leftovers = sorted({t for t in texts if t in sources})
            assert leftovers == [], leftovers
            assert "Save and use" in texts
            assert "&File" in texts
            assert "Use the draft's profile" in texts
            assert any(t.startswith("This is the demo profile:") for t in texts)
            assert "Choose the best photos" in texts
            assert "Skip, use the demo profile" in texts
        else:
            cancel = profile_dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            assert cancel.text() == "Batal"  # Qt's own string, from qt_id.qm
            assert "Pilih warna" in texts  # QColorDialog's title
            assert "Simpan dan pakai" in texts
            assert "Pakai profil draf" in texts
            assert "Lewati, pakai profil contoh" in texts
        for dialog in dialogs[1:]:
            dialog.close()
