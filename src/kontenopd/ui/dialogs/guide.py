"""Bantuan → Panduan singkat: the four daily jobs, in Indonesian, with pictures of the app
(assets/guide; the pictures are made by tools/make_guide_images.py)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...core.paths import assets_dir

GUIDE = "panduan.html"


def guide_folder():
    return assets_dir() / "guide"


class GuideDialog(QDialog):
    """A non-modal window beside the main one: the admin reads a step and does it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)  # nothing leaves the machine
        self.browser.setSearchPaths([str(guide_folder())])
        self.browser.anchorClicked.connect(self._anchor)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_folder() / GUIDE)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Panduan singkat KontenOPD"))
        self.resize(760, 640)

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):  # only a link the user clicked
            QDesktopServices.openUrl(url)

    def show_section(self, anchor: str) -> None:
        self.browser.scrollToAnchor(anchor)
