"""The first-start wizard "Selamat datang di KontenOPD": the OPD's identity in four short
pages that fit a 1366x768 screen without scrolling.

1. names: Pemda, OPD (both required), short name, dateline city, time zone;
2. logos: the Pemda emblem and the OPD logo (checked by the safe opener) with a live preview
   of the identity strip as posts show it;
3. accounts and website;
4. default hashtags and a summary.

Finishing saves a new, real profile into the store (colours, fonts, hashtag groups and badges
keep their defaults; the full profile dialog edits them later). "Lewati, pakai profil contoh"
or closing the wizard keeps the demo profile, which stays marked and cannot be exported.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...core import editing
from ...core.captions.tags import parse_hashtags
from ...core.errors import KontenError
from ...core.io.profile_file import ProfileStore, empty_profile
from ...core.model.dates import TIMEZONES
from ...core.model.records import HANDLE_PLATFORMS, Profile
from ...core.render import render
from ...core.template.layers import IdentityLayer
from ...core.template.library import Library
from ..panels.preview_render import to_qimage
from ..style import error_color, muted_color
from .profile_dialog import HANDLE_LABELS
from .profile_widgets import LogoPicker

PREVIEW_TEMPLATE = "liputan-kegiatan"
PREVIEW_FORMAT = "4:5"
PREVIEW_WIDTH = 640  # pixels of the strip preview
START_SIZE = (860, 560)  # well inside a 1366x768 screen with its taskbar, every page

EXAMPLES = {
    "pemda_name": "Pemerintah Kabupaten Mojokerto",
    "opd_name": "Dinas Komunikasi dan Informatika",
    "opd_short": "Diskominfo",
    "city": "Mojokerto",
    "website": "diskominfo.mojokertokab.go.id",
    "hashtags": "#MojokertoKab #DiskominfoMojokerto",
}
HANDLE_EXAMPLES = {
    "instagram": "@diskominfo.mojokertokab",
    "facebook": "Diskominfo Kabupaten Mojokerto",
    "x": "@kominfomjkkab",
    "tiktok": "@diskominfo.mojokertokab",
    "youtube": "@DiskominfoMojokerto",
}


def strip_band(library: Library, profile: Profile, width: int = PREVIEW_WIDTH) -> QImage:
    """The top of a liputan-kegiatan 4:5 card rendered with ``profile``, cropped just below
    its identity strip: how the names and logos will look on posts. Null if it cannot be
    rendered (an incomplete install)."""
    template = library.templates.get(PREVIEW_TEMPLATE) or next(
        iter(library.templates.values()), None)
    if template is None:
        return QImage()
    fmt = template.formats.get(PREVIEW_FORMAT) or next(iter(template.formats.values()))
    strip = next((layer for layer in fmt.layers if isinstance(layer, IdentityLayer)), None)
    bottom = strip.box[1] * 2 + strip.box[3] if strip is not None else fmt.height // 8
    scale = width / fmt.width
    try:
        result = render(template, fmt.key, editing.sample_draft(template), profile,
                        scale=scale, preview=True)
    except KontenError:
        return QImage()
    image = result.image
    return to_qimage(image.crop((0, 0, image.width, min(image.height,
                                                        max(1, round(bottom * scale))))))


class LogoChooser(LogoPicker):
    """The profile dialog's logo picker, but a refused file is named in red under its
    buttons (never a dialog to click away)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = QLabel()
        self.error.setObjectName("logoError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {error_color(self)}")
        self.error.hide()
        self.column.addWidget(self.error)

    def empty_text(self) -> str:
        return self.tr("(belum ada)")

    def refuse(self, problem: str) -> None:
        self.error.setText(self.tr("Logo ini tidak dipakai: {problem} Pilih berkas PNG "
                                   "atau JPG lain.").format(problem=problem))
        self.error.show()

    def set_path(self, path: str) -> None:
        if hasattr(self, "error"):  # (set once the base class has built the widget)
            self.error.hide()
        super().set_path(path)


class _Page(QWizardPage):
    """A page with a form: labels on the left, fields growing to the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.addLayout(self.form)
        self.labels: dict[QWidget, QLabel] = {}

    def row(self, widget: QWidget) -> QWidget:
        label = QLabel()
        label.setBuddy(widget)
        self.labels[widget] = label
        self.form.addRow(label, widget)
        return widget


class NamesPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.layout_.insertWidget(0, self.intro)
        self.layout_.insertSpacing(1, 6)
        self.pemda_name = self.row(QLineEdit())
        self.opd_name = self.row(QLineEdit())
        self.opd_short = self.row(QLineEdit())
        self.city = self.row(QLineEdit())
        self.timezone = self.row(QComboBox())
        self.hint = QLabel()
        self.hint.setObjectName("requiredHint")
        self.hint.setWordWrap(True)
        self.layout_.addSpacing(8)
        self.layout_.addWidget(self.hint)
        self.layout_.addStretch(1)
        for edit in (self.pemda_name, self.opd_name):
            edit.textChanged.connect(self._names_changed)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Nama Pemda dan OPD"))
        self.intro.setText(self.tr(
            "<b>Selamat datang!</b> Isi identitas OPD Anda sekali saja, dalam empat langkah "
            "singkat; semua templat memakainya. Semuanya dapat diubah nanti lewat Profil → "
            "Kelola profil."))
        self.setSubTitle(self.tr("Nama ini tampil di pita identitas setiap konten. Tulis "
                                 "lengkap seperti pada kop surat resmi."))
        for widget, text in ((self.pemda_name, self.tr("Nama Pemda *")),
                             (self.opd_name, self.tr("Nama OPD *")),
                             (self.opd_short, self.tr("Singkatan OPD")),
                             (self.city, self.tr("Kota (dateline)")),
                             (self.timezone, self.tr("Zona waktu"))):
            self.labels[widget].setText(text)
        for key in ("pemda_name", "opd_name", "opd_short", "city"):
            getattr(self, key).setPlaceholderText(
                self.tr("contoh: {example}").format(example=EXAMPLES[key]))
        names = {"WIB": self.tr("WIB — Waktu Indonesia Barat"),
                 "WITA": self.tr("WITA — Waktu Indonesia Tengah"),
                 "WIT": self.tr("WIT — Waktu Indonesia Timur")}
        current = self.timezone.currentData() or TIMEZONES[0]
        self.timezone.clear()
        for zone in TIMEZONES:
            self.timezone.addItem(names.get(zone, zone), zone)
        self.timezone.setCurrentIndex(max(0, self.timezone.findData(current)))
        self._names_changed()

    def _names_changed(self) -> None:
        missing = [label for edit, label in ((self.pemda_name, self.tr("nama Pemda")),
                                             (self.opd_name, self.tr("nama OPD")))
                   if not edit.text().strip()]
        self.hint.setText(self.tr("Isi {fields} untuk melanjutkan (wajib, bertanda *).")
                          .format(fields=self.tr(" dan ").join(missing)) if missing else
                          self.tr("Kota dan singkatan boleh dikosongkan dan diisi nanti."))
        self.hint.setStyleSheet(f"color: {muted_color(self)}")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.pemda_name.text().strip() and self.opd_name.text().strip())


class LogosPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pemda_logo = self.row(LogoChooser())
        self.opd_logo = self.row(LogoChooser())
        self.preview_label = QLabel()
        self.preview = QLabel()
        self.preview.setObjectName("stripPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(110)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {muted_color(self)}")
        self.layout_.addSpacing(6)
        self.layout_.addWidget(self.preview_label)
        self.layout_.addWidget(self.preview)
        self.layout_.addWidget(self.note)
        self.layout_.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Logo"))
        self.setSubTitle(self.tr("Pilih lambang Pemda dan logo OPD (PNG berlatar transparan "
                                 "paling bagus). Keduanya boleh diisi nanti."))
        self.labels[self.pemda_logo].setText(self.tr("Lambang Pemda"))
        self.labels[self.opd_logo].setText(self.tr("Logo OPD"))
        self.preview_label.setText(self.tr("<b>Pratinjau pita identitas</b> (seperti di "
                                           "bagian atas konten):"))
        self.note.setText(self.tr("Warna dan huruf dapat diubah nanti lewat Profil → Kelola "
                                  "profil."))
        for chooser in (self.pemda_logo, self.opd_logo):
            chooser.retranslate()


class AccountsPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handles = {p: self.row(QLineEdit()) for p in HANDLE_PLATFORMS}
        self.website = self.row(QLineEdit())
        self.layout_.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Akun media sosial dan situs web"))
        self.setSubTitle(self.tr("Tampil di kaki konten dan di caption. Isi yang dipakai "
                                 "saja; yang lain biarkan kosong."))
        for platform, edit in self.handles.items():
            self.labels[edit].setText(HANDLE_LABELS[platform])
            edit.setPlaceholderText(self.tr("contoh: {example}").format(
                example=HANDLE_EXAMPLES[platform]))
        self.labels[self.website].setText(self.tr("Situs web"))
        self.website.setPlaceholderText(self.tr("contoh: {example}").format(
            example=EXAMPLES["website"]))


class FinishPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hashtags = self.row(QLineEdit())
        self.hashtags_note = QLabel()
        self.hashtags_note.setWordWrap(True)
        self.hashtags_note.setStyleSheet(f"color: {muted_color(self)}")
        self.layout_.addWidget(self.hashtags_note)
        self.summary_title = QLabel()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addSpacing(6)
        self.layout_.addWidget(self.summary_title)
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.preview)
        self.layout_.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Tagar dan ringkasan"))
        self.setSubTitle(self.tr("Tagar bawaan ditambahkan ke setiap caption. Periksa "
                                 "ringkasan, lalu klik Selesai."))
        self.labels[self.hashtags].setText(self.tr("Tagar bawaan"))
        self.hashtags.setPlaceholderText(self.tr("contoh: {example}").format(
            example=EXAMPLES["hashtags"]))
        self.hashtags_note.setText(self.tr("Tulis dengan # di depan (#MojokertoKab "
                                           "#Diskominfo) atau pisahkan dengan koma. Kelompok "
                                           "tagar dapat ditambah nanti lewat Profil → Kelola "
                                           "profil."))
        self.summary_title.setText(self.tr("<b>Ringkasan</b>"))


class FirstStartWizard(QWizard):
    """Selamat datang di KontenOPD: the OPD's identity, step by step (module docstring)."""

    def __init__(self, store: ProfileStore, library: Library,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.library = library
        self.saved: Profile | None = None  # the profile finishing stored
        self.skipped = False
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)  # Lewati
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonLayout([QWizard.WizardButton.CustomButton1,
                              QWizard.WizardButton.Stretch, QWizard.WizardButton.BackButton,
                              QWizard.WizardButton.NextButton,
                              QWizard.WizardButton.FinishButton])
        self.names = NamesPage()
        self.logos = LogosPage()
        self.accounts = AccountsPage()
        self.finish = FinishPage()
        self.pages = [self.names, self.logos, self.accounts, self.finish]
        for page in self.pages:
            self.addPage(page)
        self.customButtonClicked.connect(self._custom_button)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(120)
        self._preview_timer.timeout.connect(self.update_preview)
        for edit in (self.names.pemda_name, self.names.opd_name):
            edit.textChanged.connect(self._preview_timer.start)
        for chooser in (self.logos.pemda_logo, self.logos.opd_logo):
            chooser.changed.connect(self.update_preview)
        self.currentIdChanged.connect(self._page_shown)
        self.finish.hashtags.textChanged.connect(self._update_summary)
        self.retranslate()
        self.update_preview()
        self.resize(*START_SIZE)

    # ------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Selamat datang di KontenOPD"))
        self.setButtonText(QWizard.WizardButton.CustomButton1,
                           self.tr("Lewati, pakai profil contoh"))
        self.button(QWizard.WizardButton.CustomButton1).setToolTip(self.tr(
            "Mencoba aplikasi dengan “Pemerintah Kabupaten Contoh”. Konten dengan profil "
            "contoh ditandai dan tidak bisa diekspor; isi profil Anda kapan saja lewat "
            "Profil → Kelola profil."))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Kembali"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Selesai"))
        for number, page in enumerate(self.pages, 1):
            page.retranslate()
            page.setTitle(self.tr("Langkah {n} dari {total}: {title}").format(
                n=number, total=len(self.pages), title=page.title()))
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ the profile
    def profile(self) -> Profile:
        """What the pages hold, as a new profile (not stored yet; id still empty)."""
        names, accounts = self.names, self.accounts
        base = empty_profile("", names.opd_name.text().strip())
        return replace(
            base,
            pemda_name=" ".join(names.pemda_name.text().split()),
            opd_name=" ".join(names.opd_name.text().split()),
            opd_short=names.opd_short.text().strip(), city=names.city.text().strip(),
            timezone=str(names.timezone.currentData() or TIMEZONES[0]),
            pemda_logo=self.logos.pemda_logo.path, opd_logo=self.logos.opd_logo.path,
            handles={p: e.text().strip() for p, e in accounts.handles.items()
                     if e.text().strip()},
            website=accounts.website.text().strip(),
            hashtags=tuple(parse_hashtags(self.finish.hashtags.text())),
        )

    def preview_profile(self) -> Profile:
        """The profile for the strip preview: the examples stand in for empty names."""
        profile = self.profile()
        return replace(profile, pemda_name=profile.pemda_name or EXAMPLES["pemda_name"],
                       opd_name=profile.opd_name or EXAMPLES["opd_name"])

    def update_preview(self) -> None:
        """Render the identity strip again (a small, cached render: a few milliseconds)."""
        self._preview_timer.stop()
        image = strip_band(self.library, self.preview_profile())
        pixmap = QPixmap.fromImage(image)
        for label in (self.logos.preview, self.finish.preview):
            if pixmap.isNull():
                label.setText(self.tr("(pratinjau tidak tersedia)"))
            else:
                label.setPixmap(pixmap)

    def preview_image(self) -> QImage:
        return self.logos.preview.pixmap().toImage()

    def _page_shown(self, _page_id: int) -> None:
        self._update_summary()
        if self.currentPage() is self.finish:
            self.update_preview()

    def _update_summary(self) -> None:
        profile = self.profile()
        none = self.tr("belum diisi")

        def value(text: str) -> str:
            return escape(text) if text else f"<i>{escape(none)}</i>"

        accounts = ", ".join(f"{HANDLE_LABELS[p]} {h}" for p, h in profile.handles.items())
        rows = [
            (self.tr("Pemda"), value(profile.pemda_name)),
            (self.tr("OPD"), value(" — ".join(p for p in (profile.opd_name, profile.opd_short)
                                             if p))),
            (self.tr("Kota, zona waktu"), value(", ".join(
                p for p in (profile.city, profile.timezone) if p))),
            (self.tr("Logo"), value(" + ".join(
                name for name, path in ((self.tr("lambang Pemda"), profile.pemda_logo),
                                        (self.tr("logo OPD"), profile.opd_logo)) if path))),
            (self.tr("Akun"), value(accounts)),
            (self.tr("Situs web"), value(profile.website)),
            (self.tr("Tagar"), value(" ".join(profile.hashtags))),
        ]
        self.finish.summary.setText(
            "<table>" + "".join(f"<tr><td>{escape(k)}:&nbsp;</td><td>{v}</td></tr>"
                                for k, v in rows) + "</table>")

    # ------------------------------------------------------------ finishing, skipping
    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.skip()

    def skip(self) -> None:
        """Lewati: close without a profile; the demo one stays (marked, not exportable)."""
        self.skipped = True
        self.reject()

    def accept(self) -> None:
        if not self.names.isComplete():
            self.restart()
            return
        profile = self.profile()
        try:
            name = " ".join(p for p in (profile.opd_short or profile.opd_name, profile.city) if p)
            profile = replace(profile, id=self.store.unique_id(name))
            self.saved = self.store.save(profile)
        except KontenError as exc:
            QMessageBox.warning(self, self.tr("Profil"), str(exc))
            return
        super().accept()

    @classmethod
    def welcome(cls, parent: QWidget | None, store: ProfileStore,
                library: Library) -> Profile | None:
        """Show the wizard; the new profile it saved, or None when it was skipped."""
        wizard = cls(store, library, parent)
        accepted = wizard.exec() == QWizard.DialogCode.Accepted
        profile = wizard.saved if accepted else None
        wizard.deleteLater()
        return profile
