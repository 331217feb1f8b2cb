"""Make the pictures of the built-in guide (assets/guide/*.png) from the real app.

    QT_QPA_PLATFORM=offscreen python tools/make_guide_images.py

Builds the main window at 1366x768 in a temporary home (an example OPD profile, the sample
photos), does what each section of assets/guide/panduan.html describes and grabs the window
(or the dialog). Re-run after the interface changes, look at the pictures, commit them.
"""
# ruff: noqa: PLC0415  (the app is imported after KONTENOPD_HOME and the platform are set)

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assets" / "guide"
DOCS = Path(__file__).resolve().parent.parent / "docs"
WIDTH = 1000  # px of the stored pictures (the guide shows them at up to this width)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="kontenopd-guide-"))
    os.environ["KONTENOPD_HOME"] = str(home)

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from kontenopd.core.editing import sample_draft
    from kontenopd.core.io.draft_file import make_thumbnail, save_draft
    from kontenopd.core.model.records import demo_profile
    from kontenopd.core.paths import AppPaths, assets_dir
    from kontenopd.core.store.autosave import RecentDrafts, browse
    from kontenopd.ui import i18n
    from kontenopd.ui.app import make_app, settings_for
    from kontenopd.ui.mainwindow import MainWindow
    from kontenopd.ui.panels.draft_browser import DraftBrowser
    from kontenopd.ui.tasks import SyncRunner
    from kontenopd.ui.window_layout import default_splitter_sizes

    app = make_app()
    paths = AppPaths.default()
    settings = settings_for(paths)
    i18n.install_language("id")
    window = MainWindow(paths, settings, runner=SyncRunner())
    from PIL import Image, ImageDraw

    logos = {}
    for role, color in (("pemda", (170, 30, 30, 255)), ("opd", (25, 70, 160, 255))):
        logo = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
        ImageDraw.Draw(logo).ellipse((10, 10, 230, 230), fill=color)
        logos[role] = home / f"logo-{role}.png"
        logo.save(logos[role])
    profile = window.store.save(replace(
        demo_profile(), id="diskominfo-mojokerto",
        pemda_logo=str(logos["pemda"]), opd_logo=str(logos["opd"]),
        pemda_name="Pemerintah Kabupaten Mojokerto", city="Mojokerto",
        handles={"instagram": "@diskominfo.mojokertokab"},
        website="diskominfo.mojokertokab.go.id", hashtags=("#MojokertoKab",),
        hashtag_groups={"Resmi": ("#MojokertoKab", "#DiskominfoMojokerto")}))
    window.use_profile(profile)
    window.resize(1366, 768)
    window.show()
    samples = assets_dir() / "samples"

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def grab(widget: QWidget, name: str) -> None:
        settle()
        image = widget.grab().toImage()
        if image.width() > WIDTH:
            image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
        OUT.mkdir(parents=True, exist_ok=True)
        if not image.save(str(OUT / f"{name}.png")):
            raise SystemExit(f"cannot write {name}.png")
        print(f"{name}.png {image.width()}x{image.height()}")

    # 1. a news card for today's activity
    window.choose_template("liputan-kegiatan-kolase")
    window.fill_sample()
    window.add_photos([str(samples / n) for n in ("dandelion-field.jpg", "coffee.jpg",
                                                   "cameraman.jpg")])
    window.side_tabs.setCurrentWidget(window.preview)
    grab(window, "1-kartu")
    # 2. the caption per platform
    window.side_tabs.setCurrentWidget(window.captions)
    window.captions.refresh()
    grab(window, "2-caption")
    # 3. the export queue, with this post in it
    window.side_tabs.setCurrentWidget(window.queue)
    window.queue.add_current()
    grab(window, "3-ekspor")
    # 4. the draft browser: yesterday's work and a colleague's file
    recent = RecentDrafts(paths)
    for template_id, title in (("apel-upacara", "Apel Pagi Bersama Bupati Mojokerto"),
                               ("agenda-undangan", "Sosialisasi Layanan Adminduk Keliling")):
        template = window.library.get(template_id)
        draft = sample_draft(template, str(samples / "cameraman.jpg"))
        first_text = next(f.key for f in template.fields if f.type == "text")
        draft.values[first_text] = title
        path = save_draft(home / f"{template_id}.kontenopd", draft, profile,
                          thumbnail=make_thumbnail(template, draft, profile))
        recent.add(path, draft=draft)
    browser = DraftBrowser(browse(paths=paths), SyncRunner(), window)
    browser.resize(760, 480)
    browser.show()
    grab(browser, "4-draf")
    browser.close()
    # the README's screenshots: the news card at the two common office screen sizes
    window.side_tabs.setCurrentWidget(window.preview)
    for size in ((1366, 768), (1920, 1080)):
        window.resize(*size)
        window.splitter.setSizes(default_splitter_sizes(size[0]))
        settle()
        window.preview.request()
        settle()
        DOCS.mkdir(parents=True, exist_ok=True)
        target = DOCS / f"screenshot-{size[0]}x{size[1]}.png"
        if not window.grab().toImage().save(str(target)):
            raise SystemExit(f"cannot write {target}")
        print(target.name)
    window.document.undo_stack.setClean()
    window.close()
    del window
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
