"""Day two is faster than day one.

At start-up (not on the first start, not while a crash recovery is offered, not when the app
was opened with a draft file) a slim bar above the form offers the last draft: "Lanjutkan:
<judul>" opens it, "Buat seperti kemarin" starts a new, unsaved post like it
(:func:`kontenopd.core.editing.like_yesterday`). The bar never asks: the admin can ignore it
and start typing, and it closes itself at the first edit, when something is opened, or with
its × (or Esc).

The templates used most recently come first in the gallery, marked "Terakhir dipakai": the
ids in the ``templates/recent`` setting (updated whenever the document's template changes),
then the templates of the recent drafts. The order is set at start-up, so the list never
jumps under the mouse while templates are being chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ...core.store.autosave import BrowserEntry
from ..style import small_font

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

RECENT_TEMPLATES_KEY = "templates/recent"
RECENT_TEMPLATES = 3  # how many templates the gallery puts first
REMEMBERED_TEMPLATES = 8  # how many ids the setting keeps
TITLE_CHARS = 40  # the draft title on the Lanjutkan button, elided beyond this


def remembered_templates(settings: QSettings) -> list[str]:
    """The ``templates/recent`` setting, most recent first (an INI file gives a lone
    value back as a string)."""
    value = settings.value(RECENT_TEMPLATES_KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def remember_template(settings: QSettings, template_id: str) -> None:
    ids = [template_id, *(i for i in remembered_templates(settings) if i != template_id)]
    settings.setValue(RECENT_TEMPLATES_KEY, ids[:REMEMBERED_TEMPLATES])


def recent_templates(remembered: Iterable[str], drafts: Iterable[str], known: Iterable[str],
                     limit: int = RECENT_TEMPLATES) -> list[str]:
    """The templates used most recently: the remembered ids (most recent first), then the
    templates of the recent drafts, without repeats or unknown ids, at most ``limit``."""
    known = set(known)
    out: list[str] = []
    for template_id in [*remembered, *drafts]:
        if template_id in known and template_id not in out:
            out.append(template_id)
    return out[:limit]


def _elide(text: str, limit: int = TITLE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class DayTwoBar(QFrame):
    """The slim bar: [Lanjutkan: <judul>] [Buat seperti kemarin] ×."""

    continue_requested = Signal()
    like_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayTwoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.title = ""
        self.label = QLabel()
        self.label.setFont(small_font(self))
        self.continue_button = QPushButton()
        self.like_button = QPushButton()
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(10, 4, 4, 4)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.rows = 0  # how the bar is laid out now: 1, 2 or 3 rows (see _fit)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.continue_button.clicked.connect(self.continue_requested)
        self.like_button.clicked.connect(self.like_requested)
        self.close_button.clicked.connect(self.dismiss)
        self.retranslate()
        self.hide()

    def offer(self, title: str) -> None:
        self.title = title
        self.retranslate()
        self.show()

    def dismiss(self) -> None:
        if self.isVisible():
            self.hide()
            self.dismissed.emit()

    def _fit(self) -> None:
        """One row when everything fits the form's width, else the buttons under the label,
        side by side or one above the other; the draft title is shortened to the room."""
        title = _elide(self.title) or self.tr("draf terakhir")
        room = self.width() - 24 - self.close_button.sizeHint().width()
        metrics = self.continue_button.fontMetrics()
        label = self.tr("&Lanjutkan: {title}")
        fixed = metrics.horizontalAdvance(label.replace("&", "").format(title="")) + 28
        title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, max(80, room - fixed))
        self.continue_button.setText(label.format(title=title.replace("&", "&&")))
        buttons = self.continue_button.sizeHint().width() + self.like_button.sizeHint().width()
        if self.label.sizeHint().width() + buttons + 12 <= room:
            rows = 1
        elif buttons + 6 <= room:
            rows = 2
        else:
            rows = 3
        if rows != self.rows:
            self._arrange(rows)

    def _arrange(self, rows: int) -> None:
        self.rows = rows
        grid = self.grid
        for widget in (self.label, self.continue_button, self.like_button, self.close_button):
            grid.removeWidget(widget)
        for column in range(4):
            grid.setColumnStretch(column, 0)
        left = Qt.AlignmentFlag.AlignLeft
        if rows == 1:  # label [Lanjutkan] [Buat seperti kemarin] ... ×
            grid.addWidget(self.label, 0, 0)
            grid.addWidget(self.continue_button, 0, 1)
            grid.addWidget(self.like_button, 0, 2, left)
            grid.addWidget(self.close_button, 0, 3)
            grid.setColumnStretch(2, 1)
        elif rows == 2:  # label ... × / [Lanjutkan] [Buat seperti kemarin]
            grid.addWidget(self.label, 0, 0, 1, 2)
            grid.addWidget(self.close_button, 0, 2)
            grid.addWidget(self.continue_button, 1, 0)
            grid.addWidget(self.like_button, 1, 1, left)
            grid.setColumnStretch(1, 1)
        else:  # label ... × / [Lanjutkan] / [Buat seperti kemarin]
            grid.addWidget(self.label, 0, 0)
            grid.addWidget(self.close_button, 0, 1)
            grid.addWidget(self.continue_button, 1, 0)
            grid.addWidget(self.like_button, 2, 0)
            grid.setColumnStretch(0, 1)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def retranslate(self) -> None:
        title = _elide(self.title) or self.tr("draf terakhir")
        self.label.setText(self.tr("Mulai cepat dari draf terakhir"))
        self.continue_button.setToolTip(self.tr("Buka lagi draf terakhir: {title}").format(
            title=self.title or title))
        self.like_button.setText(self.tr("Buat seperti &kemarin"))
        self.like_button.setToolTip(self.tr(
            "Konten baru dari draf terakhir: templat, format, profil, tagar dan pengaturan "
            "tetap; judul, isi dan foto dikosongkan, tanggal hari ini. Draf kemarin tidak "
            "ditimpa."))
        self._fit()
        self.close_button.setToolTip(self.tr("Tutup saran ini (Esc)"))
        self.close_button.setAccessibleName(self.tr("Tutup saran"))
        self.setAccessibleName(self.tr("Saran mulai cepat"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)


class DayTwo:
    """The window's day-two helpers: the start-up bar and the recent-templates memory."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.first_start = window.first_start  # the window clears its flag once welcomed
        self.bar = DayTwoBar()
        self.entry: BrowserEntry | None = None
        self.bar.continue_requested.connect(self.continue_last)
        self.bar.like_requested.connect(self.like_last)
        doc = window.document
        doc.template_changed.connect(self._template_changed)

    # ------------------------------------------------------------ recent templates
    def recent_templates(self) -> list[str]:
        drafts = [e.template for e in self.window.files.recent.entries()]
        return recent_templates(remembered_templates(self.window.settings), drafts,
                                self.window.library.templates)

    def _template_changed(self) -> None:
        remember_template(self.window.settings, self.window.document.template.id)

    # ------------------------------------------------------------ the start-up bar
    def offer(self) -> bool:
        """Show the bar when there is a last draft (see the module docstring for when the
        start-up calls this). Returns whether it is shown."""
        if self.first_start:
            return False
        if self.bar.isVisible():
            return True
        entry = next((e for e in self.window.files.recent.entries() if e.exists), None)
        if entry is None:
            return False
        self.entry = entry
        self.bar.offer(entry.display_title)
        doc = self.window.document
        doc.changed.connect(self._edited)
        doc.captions_changed.connect(self._edited)
        self.bar.dismissed.connect(self._disconnect)
        return True

    def _edited(self, _key: str = "") -> None:
        self.bar.dismiss()

    def _disconnect(self) -> None:
        doc = self.window.document
        doc.changed.disconnect(self._edited)
        doc.captions_changed.disconnect(self._edited)
        self.bar.dismissed.disconnect(self._disconnect)

    def continue_last(self) -> None:
        entry = self.entry
        self.bar.dismiss()
        if entry is not None:
            self.window.files.open_recent(entry.path)

    def like_last(self) -> None:
        entry = self.entry
        self.bar.dismiss()
        if entry is not None:
            self.window.files.new_like(entry.path)
