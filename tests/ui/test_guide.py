"""Bantuan → Panduan singkat: F1 opens a non-modal guide of the four daily jobs, in
Indonesian, whose pictures all load from assets/guide (nothing from the network)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextDocument

from kontenopd.ui.dialogs.guide import GUIDE, guide_folder


def test_f1_opens_the_guide_beside_the_window(window, qtbot):
    assert window.act_guide in window.menu_help.actions()
    assert window.act_guide.text() == "&Panduan singkat"
    assert [s.toString() for s in window.act_guide.shortcuts()] == ["F1"]
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.guide
    assert guide is not None and guide.isVisible()
    assert not guide.isModal()  # the admin reads a step, then does it in the window
    text = guide.browser.toPlainText()
    for heading in ("1. Membuat kartu untuk kegiatan hari ini",
                    "2. Mengekspor gambar untuk semua platform",
                    "3. Menyalin teks unggahan (caption)",
                    "4. Membuka draf yang tersimpan"):
        assert heading in text
    window.act_guide.trigger()
    assert window.guide is guide  # one guide, raised again


def test_every_picture_of_the_guide_exists_and_loads(window):
    html = (guide_folder() / GUIDE).read_text(encoding="utf-8")
    pictures = re.findall(r'<img src="([^"]+)"', html)
    assert len(pictures) == 4
    guide = window.show_guide()
    doc = guide.browser.document()
    for name in pictures:
        path = guide_folder() / name
        assert path.is_file(), name
        assert not QImage(str(path)).isNull(), name
        resource = doc.resource(QTextDocument.ResourceType.ImageResource, guide.browser.source()
                                .resolved(name))
        assert resource is not None and not resource.isNull(), name
    assert "http" not in html  # nothing to fetch
    assert (guide_folder() / "LICENSE.md").is_file()


def test_the_guide_anchors_jump_to_their_sections(window, qtbot):
    guide = window.show_guide()
    qtbot.waitExposed(guide)
    html = (guide_folder() / GUIDE).read_text(encoding="utf-8")
    anchors = re.findall(r'<a href="#([^"]+)"', html)
    assert anchors == ["kartu", "ekspor", "caption", "draf"]
    bar = guide.browser.verticalScrollBar()
    positions = []
    for anchor in anchors:
        assert f'name="{anchor}"' in html
        guide.show_section(anchor)
        positions.append(bar.value())
    assert positions == sorted(positions) and positions[-1] > positions[0]  # each further down
