"""The main window's panels and how they are laid out (:class:`WindowLayout`, a mixin of
:class:`~.mainwindow.MainWindow`): gallery | day-two bar over the form | preview, captions
and export queue tabs, with the window's geometry and splitter remembered across sessions."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from ..core.store.queue import QueueStore
from .panels.captions_panel import CaptionsPanel
from .panels.form import EditorForm
from .panels.gallery import TemplateGallery
from .panels.preview import PreviewPanel
from .panels.queue_panel import QueuePanel


def default_splitter_sizes(width: int) -> list[int]:
    """Gallery | form | side tabs for a first start: a narrow gallery, a form wide enough
    for its fields (not clipped at 1366 px) and the rest, most of it, for the preview."""
    gallery = max(230, min(270, round(width * 0.19)))
    form = max(400, min(520, round(width * 0.33)))
    return [gallery, form, max(360, width - gallery - form)]


class WindowLayout:
    """Builds the panels and restores / saves the window's layout."""

    def _build_panels(self) -> None:
        """Gallery | day-two bar over the form | preview, captions and export queue tabs."""
        self.gallery = TemplateGallery(self.library)
        self.gallery.set_recent(self.day_two.recent_templates())
        self.form = EditorForm(self.document)
        self.preview = PreviewPanel(self.document, self.runner, self.cache, self.act_grid,
                                    self.act_safe)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.gallery)
        self.form_column = QWidget()  # the day-two bar above the form
        column = QVBoxLayout(self.form_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.day_two.bar)
        column.addWidget(self.form, 1)
        self.splitter.addWidget(self.form_column)
        self.captions = CaptionsPanel(self.document)
        self.queue = QueuePanel(self.document, self.settings,
                                store=QueueStore(self.paths.data / "queue"), runner=self.runner)
        self.side_tabs = QTabWidget()  # preview | captions | export queue: no crowding
        self.side_tabs.setObjectName("sideTabs")
        for panel in (self.preview, self.captions, self.queue):
            self.side_tabs.addTab(panel, "")
        self.splitter.addWidget(self.side_tabs)
        for index, stretch in enumerate((0, 0, 1)):
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setChildrenCollapsible(False)
        self.gallery.setMinimumWidth(190)
        self.form_column.setMinimumWidth(300)
        self.setCentralWidget(self.splitter)

    # ------------------------------------------------------------ layout memory
    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            screen = QGuiApplication.primaryScreen()
            avail = screen.availableGeometry() if screen else None
            if avail is not None:
                self.resize(min(1500, round(avail.width() * 0.94)),
                            min(940, round(avail.height() * 0.92)))
                if avail.height() < 900 and QGuiApplication.platformName() != "offscreen":
                    # a 1366x768 office screen: every line of height goes to the preview
                    self.setWindowState(Qt.WindowState.WindowMaximized)
            else:
                self.resize(1280, 760)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        split = self.settings.value("window/splitter")
        if not (isinstance(split, QByteArray) and self.splitter.restoreState(split)):
            self.splitter.setSizes(default_splitter_sizes(self.width()))

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("guides/grid", "true" if self.act_grid.isChecked() else "false")
        self.settings.setValue("guides/safe", "true" if self.act_safe.isChecked() else "false")
        self.settings.setValue("template", self.document.template.id)
        self.settings.setValue("profile", self.document.profile.id)
        self.settings.sync()
