"""One platform's caption in the Caption panel (:class:`PlatformPage`, a tab of
:class:`~.captions_panel.CaptionsPanel`): the editor, its counters and warnings as the user
types, "Kembalikan ke otomatis" and "Salin"."""

from __future__ import annotations

import html

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.captions.check import CaptionCheck, check_caption
from ...core.captions.compose import Caption, tidy
from ...core.model.platforms import PLATFORMS
from ..style import error_color, muted_color, small_font, warning_color

CONFIRM_MS = 3000  # how long "Disalin" stays


class PlatformPage(QWidget):
    """One platform's caption: editor, counters, warnings, reset and copy."""

    edited = Signal(str, str)  # platform, text typed by the user
    copy_requested = Signal(str)
    reset_requested = Signal(str)

    def __init__(self, platform: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.platform = platform
        self.caption: Caption | None = None
        self.check: CaptionCheck | None = None
        self.state_label = QLabel()
        self.state_label.setFont(small_font(self))
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(lambda: self.reset_requested.emit(self.platform))
        self.editor = QPlainTextEdit()
        self.editor.setObjectName(f"caption_{platform}")
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._text_changed)
        self.counter = QLabel()
        self.counter.setObjectName("captionCounter")
        self.counter.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tags = QLabel()
        self.mentions = QLabel()
        self.copy_button = QPushButton()
        self.copy_button.setDefault(False)
        self.copy_button.clicked.connect(lambda: self.copy_requested.emit(self.platform))
        self.confirm = QLabel()
        self.confirm.setObjectName("copyConfirm")
        self.confirm_timer = QTimer(self)
        self.confirm_timer.setSingleShot(True)
        self.confirm_timer.setInterval(CONFIRM_MS)
        self.confirm_timer.timeout.connect(self.confirm.clear)
        self.issues = QLabel()
        self.issues.setObjectName("captionIssues")
        self.issues.setWordWrap(True)
        self.issues.setTextFormat(Qt.TextFormat.RichText)
        self.issues.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(self.state_label, 1)
        top.addWidget(self.reset_button)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)
        counts = QHBoxLayout()
        counts.setSpacing(14)
        counts.addWidget(self.counter)
        counts.addWidget(self.tags)
        counts.addWidget(self.mentions)
        counts.addStretch(1)
        counts.addWidget(self.confirm)
        counts.addWidget(self.copy_button)
        layout.addLayout(counts)
        layout.addWidget(self.issues)
        self.retranslate()

    @property
    def name(self) -> str:
        return PLATFORMS[self.platform].name

    def retranslate(self) -> None:
        self.reset_button.setText(self.tr("Kembalikan ke otomatis"))
        self.reset_button.setToolTip(self.tr("Buang suntingan dan pakai lagi caption yang "
                                             "dibuat dari isian"))
        self.copy_button.setText(self.tr("Salin"))
        self.copy_button.setToolTip(self.tr("Salin caption {platform} ke papan klip "
                                            "(Ctrl+Shift+C)").format(platform=self.name))
        self.editor.setPlaceholderText(self.tr("Caption {platform} kosong.")
                                       .format(platform=self.name))
        self._show_state()
        if self.check is not None:
            self.show_check(self.check)

    # ------------------------------------------------------------ showing
    def show_caption(self, caption: Caption) -> None:
        """Show ``caption`` unless the editor already holds the same text (typing goes on
        undisturbed: an edit equal to the generated caption is not stored, for instance)."""
        self.caption = caption
        current = self.editor.toPlainText()
        if current != caption.text and tidy(current) != tidy(caption.text):
            with QSignalBlocker(self.editor):  # not an edit by the user
                self.editor.setPlainText(caption.text)
            current = caption.text
        self._show_state()
        self.show_check(caption.check if current == caption.text
                        else check_caption(current, self.platform))

    def _show_state(self) -> None:
        edited = self.caption is not None and self.caption.edited
        self.reset_button.setVisible(edited)
        self.state_label.setText(self.tr("Diedit manual — tidak lagi mengikuti isian.")
                                 if edited else self.tr("Otomatis dari isian templat."))
        color = warning_color(self) if edited else muted_color(self)
        self.state_label.setStyleSheet(f"color: {color}")

    def show_check(self, check: CaptionCheck) -> None:
        self.check = check
        over = check.limit is not None and check.length > check.limit
        soft = check.soft_limit is not None and check.length > check.soft_limit
        if self.platform == "x":
            text = self.tr("{counter} karakter (hitungan X)").format(counter=check.counter)
            tip = self.tr("Hitungan X: tautan dihitung 23, kebanyakan emoji 2.")
            if check.links:
                tip += "\n" + self.tr("Dihitung X sebagai tautan (masing-masing 23): {links}"
                                       ).format(links=", ".join(dict.fromkeys(check.links)))
        else:
            text = self.tr("{counter} karakter").format(counter=check.counter)
            tip = self.tr("Dihitung per huruf yang terlihat (emoji dihitung 1).")
        self.counter.setText(text)
        self.counter.setToolTip(tip)
        color = error_color(self) if over else warning_color(self) if soft else ""
        self.counter.setStyleSheet(f"color: {color}; font-weight: bold" if color else "")
        self.counter.setProperty("over", over)
        self.tags.setText(self.tr("Tagar: {n}").format(n=check.hashtag_counter))
        too_many = check.hashtag_limit is not None and check.hashtags > check.hashtag_limit
        self.tags.setStyleSheet(f"color: {error_color(self)}; font-weight: bold"
                                if too_many else "")
        self.mentions.setText(self.tr("Sebutan akun: {n}").format(n=check.mentions))
        lines = []
        for issue in check.issues:
            if issue.level == "error":
                color, mark = error_color(self), "✖"
            elif issue.level == "warning":
                color, mark = warning_color(self), "⚠"
            else:
                color, mark = muted_color(self), "ℹ"
            lines.append(f'<span style="color:{color}">{mark} {html.escape(issue.message)}</span>')
        if not lines:
            lines.append(f'<span style="color:{muted_color(self)}">✓ ' + html.escape(
                self.tr("Siap diunggah di {platform}.").format(platform=self.name)) + "</span>")
        self.issues.setText("<br>".join(lines))

    def show_error(self, message: str) -> None:
        self.issues.setText(f'<span style="color:{error_color(self)}">✖ '
                            f"{html.escape(message)}</span>")

    def confirm_copy(self, message: str, warn: bool) -> None:
        self.confirm.setText(message)
        color = warning_color(self) if warn else muted_color(self)
        self.confirm.setStyleSheet(f"color: {color}")
        self.confirm_timer.start()

    # ------------------------------------------------------------ typing
    def _text_changed(self) -> None:
        text = self.editor.toPlainText()
        self.show_check(check_caption(text, self.platform))  # live, before the model round trip
        self.edited.emit(self.platform, text)
