"""The interface carries its own colour emoji font (Noto Color Emoji, OFL): emoji typed into
a field or caption show as emoji where the PC has none."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QRawFont

from kontenopd.core.paths import fonts_dir
from kontenopd.ui.app import EMOJI_FONT, install_emoji_font


def test_the_emoji_font_is_the_fallback_where_people_type(qapp, qtbot):
    from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

    family = install_emoji_font(qapp)
    assert family == "Noto Color Emoji"
    assert family in QFontDatabase.families()
    assert install_emoji_font(qapp) == family  # once per application
    line, text, label = QLineEdit(), QPlainTextEdit(), QLabel("✔ Siap")
    for widget in (line, text, label):
        qtbot.addWidget(widget)
        widget.show()  # polished: the fallback is added then
    assert line.font().families()[-1] == family  # after the interface's own family
    assert text.font().families()[-1] == family
    assert family not in label.font().families()  # labels keep their own metrics


def test_the_font_draws_indonesian_post_emoji_and_is_licensed():
    raw = QRawFont(str(fonts_dir() / EMOJI_FONT), 16)
    assert raw.isValid()
    for emoji in "📍📅🇮🇩❤🙏📢":
        assert raw.supportsCharacter(ord(emoji[0])), emoji
    licence = (fonts_dir() / "NotoColorEmoji" / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence
    assert "NotoColorEmoji" in (fonts_dir() / "README.md").read_text(encoding="utf-8")
