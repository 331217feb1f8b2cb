"""The live preview: renders off the GUI thread (latest request wins), a format switcher
showing every format of the draft, Instagram grid / story safe-zone guides, the render
warnings, and the focal point set by clicking or dragging a photo in its frame.

The layout report comes back with each image: the blocks of a field that has a warning are
outlined on the card (red when blocking, amber otherwise), and clicking an outline, like
clicking its line in the warnings list, focuses that field's editor."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QKeySequence,
    QPixmap,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import KontenError
from ...core.photos.cache import PhotoCache
from ...core.render import RenderWarning
from ...core.render.images import images_of
from ..models.document import Document
from ..style import error_color, muted_color, warning_color
from ..tasks import LatestTask, SyncRunner, TaskRunner
from .preview_canvas import FieldMark, PreviewCanvas, field_marks
from .preview_focus import FocusGestures
from .preview_render import STATUS_MARKS, PreviewFrame, render_job, strip_job, warnings_status
from .preview_window import PreviewWindow

FORMAT_HINTS = {
    "4:5": QT_TRANSLATE_NOOP("Format", "feed Instagram/Facebook"),
    "1:1": QT_TRANSLATE_NOOP("Format", "persegi"),
    "3:4": QT_TRANSLATE_NOOP("Format", "feed 3:4, hanya lewat aplikasi"),
    "9:16": QT_TRANSLATE_NOOP("Format", "story, Reels, TikTok, status WhatsApp"),
    "16:9": QT_TRANSLATE_NOOP("Format", "X / lanskap"),
}
STATUS_HEIGHT = 58  # px reserved under the canvas for the ok line or the warnings list
THUMB = 30  # px, the longer side of a format thumbnail




def _drop_button(group: QButtonGroup, bar: QHBoxLayout, button: QToolButton) -> None:
    """Take a button out of its group and row now (hidden at once, deleted later)."""
    group.removeButton(button)
    bar.removeWidget(button)
    button.hide()
    button.deleteLater()


class PreviewPanel(QWidget):
    """Format switcher + canvas + warnings, kept in step with the document."""

    rendered = Signal()  # the big preview shows the latest draft
    warning_activated = Signal(str)  # field key
    warnings_changed = Signal(list)
    status = Signal(str)

    def __init__(self, document: Document, runner: TaskRunner | SyncRunner, cache: PhotoCache,
                 grid_action: QAction, safe_action: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.cache = cache
        self.format = document.template.format_keys[0]
        self.slide = 0  # of a carousel; the slide strip under the canvas picks it
        self.slide_count = 1
        self.grid_action, self.safe_action = grid_action, safe_action
        self.canvas = PreviewCanvas()
        self.enlarged: PreviewWindow | None = None
        self.latency_ms = 0.0
        self.last_warnings: list[RenderWarning] = []
        self._scale = 0.0  # of the image last asked for
        self._requested_at = 0.0
        self._build_format_bar(grid_action, safe_action)
        self._build_status_box()
        self._build_slide_strip()
        self._build_layout()
        self._build_timers(runner)
        grid_action.toggled.connect(self._guides)
        safe_action.toggled.connect(self._guides)
        self.focus = FocusGestures(self)  # the focal point set by clicking or dragging
        self.canvas.resized.connect(self.rescale_timer.start)
        document.changed.connect(lambda _key: self.request())
        document.template_changed.connect(self._template_changed)
        self._build_format_buttons()
        self._guides()
        self.retranslate()

    # ------------------------------------------------------------ building
    def _build_format_bar(self, grid_action: QAction, safe_action: QAction) -> None:
        """The format switcher (its buttons come from _build_format_buttons), the guide
        toggles and "enlarge"."""
        self.format_bar = QHBoxLayout()
        self.format_bar.setSpacing(4)
        self.format_group = QButtonGroup(self)
        self.format_group.setExclusive(True)
        self.format_buttons: dict[str, QToolButton] = {}
        self.format_status: dict[str, str] = {}  # format -> ok / warning / blocking
        self.grid_button = QToolButton()
        self.grid_button.setDefaultAction(grid_action)
        self.safe_button = QToolButton()
        self.safe_button.setDefaultAction(safe_action)
        for button in (self.grid_button, self.safe_button):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.act_enlarge = QAction(self)
        self.act_enlarge.setObjectName("enlargePreview")
        self.act_enlarge.setShortcuts([QKeySequence("F11"), QKeySequence("Ctrl+Shift+P")])
        self.act_enlarge.triggered.connect(self.toggle_enlarged)
        self.enlarge_button = QToolButton()
        self.enlarge_button.setObjectName("enlargeButton")
        self.enlarge_button.setDefaultAction(self.act_enlarge)

    def _build_status_box(self) -> None:
        """The ok line and the warnings take turns in one box of a fixed height: the canvas
        keeps its size while warnings come and go."""
        self.warnings = QListWidget()
        self.warnings.setObjectName("previewWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.itemActivated.connect(self._activate_warning)
        self.warnings.itemClicked.connect(self._activate_warning)
        self.ok_label = QLabel()
        self.ok_label.setStyleSheet(f"color: {muted_color(self)}")
        self.ok_label.setWordWrap(True)
        self.ok_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.status_box = QStackedWidget()
        self.status_box.setObjectName("previewStatus")
        self.status_box.addWidget(self.ok_label)
        self.status_box.addWidget(self.warnings)
        self.status_box.setFixedHeight(STATUS_HEIGHT)
        self.status_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def _build_slide_strip(self) -> None:
        """The slide buttons of a carousel under the canvas (hidden for one slide)."""
        self.slide_strip = QWidget()
        self.slide_strip.setObjectName("slideStrip")
        self.slide_bar = QHBoxLayout(self.slide_strip)
        self.slide_bar.setContentsMargins(0, 0, 0, 0)
        self.slide_bar.setSpacing(4)
        self.slide_label = QLabel()
        self.slide_bar.addWidget(self.slide_label)
        self.slide_bar.addStretch(1)
        self.slide_group = QButtonGroup(self)
        self.slide_group.setExclusive(True)
        self.slide_buttons: list[QToolButton] = []
        self.slide_strip.setVisible(False)

    def _build_layout(self) -> None:
        """Formats on top, the canvas, the slide strip, then the status box and guides."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 8, 6)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(6)
        self.format_label = QLabel()
        top.addWidget(self.format_label)
        top.addLayout(self.format_bar)
        top.addStretch(1)
        top.addWidget(self.enlarge_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.slide_strip)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        bottom.addWidget(self.status_box, 1)
        guides = QVBoxLayout()
        guides.setSpacing(2)
        guides.addWidget(self.grid_button)
        guides.addWidget(self.safe_button)
        guides.addStretch(1)
        bottom.addLayout(guides)
        layout.addLayout(bottom)

    def _build_timers(self, runner: TaskRunner | SyncRunner) -> None:
        """The renders (the big preview first, then the format thumbnails) and their
        timers."""
        self.main_task = LatestTask(runner, self._main_done, priority=10)
        self.strip_task = LatestTask(runner, self._strip_done, priority=0)
        self.strip_timer = QTimer(self)
        self.strip_timer.setSingleShot(True)
        self.strip_timer.setInterval(350)
        self.strip_timer.timeout.connect(self._request_strip)
        # Laid out (or resized, or enlarged) after the first request: render again at the
        # scale of the final size, so the first preview is as sharp as the ones after it.
        self.rescale_timer = QTimer(self)
        self.rescale_timer.setSingleShot(True)
        self.rescale_timer.setInterval(0)
        self.rescale_timer.timeout.connect(self._rescale)

    # ------------------------------------------------------------ formats
    def _build_format_buttons(self) -> None:
        for button in self.format_buttons.values():
            _drop_button(self.format_group, self.format_bar, button)
        self.format_buttons = {}
        for fmt in self.document.template.format_keys:
            button = QToolButton()
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIconSize(QSize(THUMB, THUMB))
            button.setFixedSize(54, 56)
            button.setObjectName(f"format_{fmt}")
            button.setText(fmt)
            button.clicked.connect(lambda _on=False, f=fmt: self.set_format(f))
            self.format_group.addButton(button)
            self.format_bar.addWidget(button)
            self.format_buttons[fmt] = button
        self.format_status = {}
        if self.format not in self.format_buttons:
            self.format = self.document.template.format_keys[0]
        self.format_buttons[self.format].setChecked(True)
        self._tooltips()

    def _status_text(self, status: str) -> str:
        if status == "blocking":
            return self.tr("tidak bisa diekspor sebelum diperbaiki")
        if status == "warning":
            return self.tr("ada peringatan")
        if status == "ok":
            return self.tr("siap")
        return ""

    def _tooltips(self) -> None:
        for fmt, button in self.format_buttons.items():
            t = self.document.template.formats[fmt]
            hint = QCoreApplication.translate("Format", FORMAT_HINTS.get(fmt, fmt))
            tip = self.tr("{fmt} ({hint}), {w}×{h} piksel").format(
                fmt=fmt, hint=hint, w=t.width, h=t.height)
            status = self.format_status.get(fmt, "")
            if status:
                tip = f"{STATUS_MARKS[status]} {tip}: {self._status_text(status)}"
            button.setToolTip(tip)

    def set_format_status(self, fmt: str, warnings: list[RenderWarning]) -> None:
        """The mark under a format's thumbnail: ✔ no warnings, ⚠ warnings, ✖ blocking."""
        button = self.format_buttons.get(fmt)
        if button is None:
            return
        status = warnings_status(warnings)
        self.format_status[fmt] = status
        button.setText(f"{fmt} {STATUS_MARKS[status]}")
        button.setProperty("status", status)
        color = {"ok": muted_color(self), "warning": warning_color(self),
                 "blocking": error_color(self)}[status]
        button.setStyleSheet(f"QToolButton {{ color: {color}; }}")
        self._tooltips()

    def _template_changed(self) -> None:
        self.slide = 0
        self._build_format_buttons()

    def set_format(self, fmt: str) -> None:
        if fmt not in self.document.template.formats:
            return
        self.format = fmt
        self.format_buttons[fmt].setChecked(True)
        self._guides()
        self.request()

    # ------------------------------------------------------------ carousel slides
    def set_slide(self, slide: int) -> None:
        """Show slide ``slide`` (0-based) of the current format's carousel."""
        if not 0 <= slide < self.slide_count or slide == self.slide:
            return
        self.slide = slide
        self.slide_buttons[slide].setChecked(True)
        self.request()

    def _update_slide_strip(self) -> None:
        """One numbered button per slide (its thumbnail comes with the format strip);
        hidden for a single image."""
        doc = self.document
        count = len(images_of(doc.template, doc.draft, self.format))
        self.slide = min(self.slide, count - 1)
        if count != self.slide_count or len(self.slide_buttons) != (count if count > 1 else 0):
            for button in self.slide_buttons:
                _drop_button(self.slide_group, self.slide_bar, button)
            self.slide_buttons = []
            if count > 1:
                for index in range(count):
                    button = QToolButton()
                    button.setCheckable(True)
                    button.setObjectName(f"slide_{index + 1}")
                    button.setText(str(index + 1))
                    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
                    button.setIconSize(QSize(36, 36))
                    button.setFixedSize(48, 60)
                    button.clicked.connect(lambda _on=False, i=index: self.set_slide(i))
                    self.slide_group.addButton(button)
                    self.slide_bar.insertWidget(1 + index, button)
                    self.slide_buttons.append(button)
            self.slide_count = count
        if self.slide_buttons:
            self.slide_buttons[self.slide].setChecked(True)
        self.slide_strip.setVisible(count > 1)
        self.slide_label.setText(self.tr("Slide {n} dari {total}:").format(
            n=self.slide + 1, total=count))

    def _guides(self) -> None:
        for canvas in self._canvases():
            canvas.show_grid = self.grid_action.isChecked()
            canvas.show_safe = self.safe_action.isChecked()
            canvas.is_story = self.format == "9:16"
            canvas.update()
        if self.enlarged is not None:
            self.enlarged.retitle(self.format)

    def _canvases(self) -> list[PreviewCanvas]:
        big = self.enlarged
        return [self.canvas, big.canvas] if big is not None and big.isVisible() \
            else [self.canvas]

    # ------------------------------------------------------------ enlarged preview
    def toggle_enlarged(self) -> None:
        """Open (or close) the current format's preview in a window of its own, as large
        as the screen allows; it follows every edit and format switch."""
        if self.enlarged is not None and self.enlarged.isVisible():
            self.enlarged.close()
            return
        if self.enlarged is None:
            self.enlarged = PreviewWindow(self)
            self.enlarged.canvas.resized.connect(self.rescale_timer.start)
            self.enlarged.closed.connect(self._enlarged_closed)
        big = self.enlarged
        big.canvas.set_image(self.canvas.image, self.canvas.format_size, self.canvas.marks)
        big.fit_screen(self.screen() or QGuiApplication.primaryScreen())
        big.show()
        big.raise_()
        big.activateWindow()
        self._guides()
        self.request()

    def _enlarged_closed(self) -> None:
        self.rescale_timer.start()  # back to the panel's own (smaller) scale

    def retranslate(self) -> None:
        self.format_label.setText(self.tr("Format:"))
        self.act_enlarge.setText(self.tr("Perbesar pratinjau"))
        self.act_enlarge.setIconText(self.tr("⤢ Perbesar"))
        self.act_enlarge.setToolTip(self.tr("Buka pratinjau format ini di jendela sendiri, "
                                            "sebesar layar (F11)"))
        if self.enlarged is not None:
            self.enlarged.retitle(self.format)
        self.slide_label.setText(self.tr("Slide {n} dari {total}:").format(
            n=self.slide + 1, total=self.slide_count))
        self._tooltips()
        self._show_warnings(self.last_warnings)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ rendering
    def preview_scale(self) -> float:
        """The render scale for the largest canvas showing the preview, rounded up to a
        step of 1/8 (a resize within a step does not render again)."""
        fmt = self.document.template.formats[self.format]
        width = max(c.target_rect().width() * c.devicePixelRatioF() for c in self._canvases())
        want = width / fmt.width
        step = 0.125
        return min(1.0, max(0.25, step * -(-want // step)))

    def _rescale(self) -> None:
        if self.format in self.document.template.formats and \
                self.preview_scale() != self._scale:
            self.request()

    def request(self) -> None:
        doc = self.document
        if self.format not in doc.template.formats:
            self.format = doc.template.format_keys[0]
        try:
            self._update_slide_strip()
        except KontenError:
            self.slide, self.slide_count = 0, 1
        self._requested_at = time.perf_counter()
        self._scale = self.preview_scale()
        self.main_task.submit(render_job(doc.template, self.format, doc.draft.copy(),
                                         doc.profile, self._scale, self.cache,
                                         self.slide))
        self.strip_timer.start()

    def _main_done(self, result: Any, error: BaseException | None) -> None:
        if error is not None:
            message = str(error) if isinstance(error, KontenError) else \
                self.tr("Pratinjau gagal dibuat: {error}").format(error=error)
            self.status.emit(message)
            for canvas in self._canvases():  # the outlines belong to the image shown before
                canvas.marks = []
                canvas.update()
            self._show_warnings([RenderWarning("error", message)])
            return
        frame: PreviewFrame = result
        fmt, warnings = frame.fmt, frame.warnings
        t = self.document.template.formats.get(fmt)
        if t is None:
            return
        marks = field_marks(warnings, frame.blocks)
        for canvas in self._canvases():
            canvas.set_image(frame.image, QSize(t.width, t.height), marks)
        if frame.slide == 0 and fmt in self.format_buttons:
            self.set_format_status(fmt, warnings)
        self.latency_ms = (time.perf_counter() - self._requested_at) * 1000
        self._show_warnings(warnings)
        self.rendered.emit()

    def _show_warnings(self, warnings: list[RenderWarning]) -> None:
        self.last_warnings = list(warnings)
        self.warnings.clear()
        for w in warnings:
            if w.blocking:  # the export would leave this format out: say so here already
                item = QListWidgetItem("✖ " + self.tr("{message} Format {fmt} tidak akan "
                                                      "diekspor sampai ini diperbaiki.")
                                       .format(message=w.message, fmt=self.format))
                item.setForeground(QColor(error_color(self)))
            else:
                item = QListWidgetItem(f"⚠ {w.message}")
                item.setForeground(QColor(warning_color(self)))
            item.setData(Qt.ItemDataRole.UserRole, w.field or "")
            self.warnings.addItem(item)
        self.status_box.setCurrentWidget(self.warnings if warnings else self.ok_label)
        self.ok_label.setText(self.tr("✓ Tidak ada peringatan untuk format {fmt}.")
                              .format(fmt=self.format))
        self.warnings_changed.emit(self.last_warnings)

    def _activate_warning(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key:
            self.warning_activated.emit(key)

    def activate_mark(self, mark: FieldMark) -> None:
        """A click on an outline: its first line in the warnings list is selected and the
        field's editor takes the focus, as a click on that line does."""
        for row in range(self.warnings.count()):
            item = self.warnings.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == mark.field:
                self.warnings.setCurrentItem(item)
                break
        self.warning_activated.emit(mark.field)

    def mark_tip(self, mark: FieldMark) -> str:
        """The outline's tooltip: what the render said about that field (the pointing hand
        says a click leads to its editor)."""
        return "\n".join(w.message for w in self.last_warnings if w.field == mark.field)

    def _request_strip(self) -> None:
        doc = self.document
        self.strip_task.submit(strip_job(doc.template, doc.draft.copy(), doc.profile, self.cache,
                                         self.format, self.slide_count))

    def _strip_done(self, result: Any, error: BaseException | None) -> None:
        if error is not None or not isinstance(result, tuple):
            return
        formats, pages = result
        if len(pages) == len(self.slide_buttons):
            for button, image in zip(self.slide_buttons, pages, strict=True):
                button.setIcon(QPixmap.fromImage(image))
        for fmt, (image, warnings) in formats.items():
            button = self.format_buttons.get(fmt)
            if button is not None:
                pixmap = QPixmap.fromImage(image)
                button.setIcon(pixmap)
                side = max(image.width(), image.height())
                button.setIconSize(QSize(round(THUMB * image.width() / side),
                                         round(THUMB * image.height() / side)))
                if fmt != self.format:  # the current one has its full-size render's
                    self.set_format_status(fmt, warnings)

