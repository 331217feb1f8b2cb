"""The profile (brand kit) dialog: create, edit, duplicate, delete and switch profiles."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.captions.hashtags import format_hashtag_groups, parse_hashtag_groups
from ...core.captions.tags import parse_hashtags
from ...core.errors import KontenError, ProfileError
from ...core.io.profile_file import ProfileStore, demo_traces, is_demo
from ...core.model.dates import TIMEZONES
from ...core.model.records import COLOR_ROLES, HANDLE_PLATFORMS, Colors, Profile, demo_profile
from ...core.text import fonts
from ..style import muted_color, warning_color
from .profile_widgets import ColorButton, LogoPicker

HANDLE_LABELS = {"instagram": "Instagram", "facebook": "Facebook", "x": "X (Twitter)",
                 "tiktok": "TikTok", "youtube": "YouTube"}


# ---------------------------------------------------------------- how a profile is named


def demo_fields(traces: list[str]) -> str:
    """The demo traces of a profile (core.profiles.demo_traces) as words for the user."""
    labels = {
        "pemda_name": QCoreApplication.translate("ProfileNames", "nama Pemda"),
        "city": QCoreApplication.translate("ProfileNames", "kota"),
        "website": QCoreApplication.translate("ProfileNames", "situs web"),
        "handles": QCoreApplication.translate("ProfileNames", "akun media sosial"),
        "hashtags": QCoreApplication.translate("ProfileNames", "tagar"),
        "pemda_logo": QCoreApplication.translate("ProfileNames", "lambang Pemda"),
        "opd_logo": QCoreApplication.translate("ProfileNames", "logo OPD"),
    }
    return ", ".join(labels.get(t, t) for t in traces)


def _demo_suffix(text: str, profile: Profile) -> str:
    if not is_demo(profile):
        return text
    return QCoreApplication.translate("ProfileNames", "{name} (contoh)").format(name=text)


def profile_name(profile: Profile) -> str:
    """A profile in a list or menu: its OPD name, with "(contoh)" while it is the demo."""
    return _demo_suffix(profile.opd_name or profile.id, profile)


def profile_title(profile: Profile) -> str:
    """The OPD and the Pemda of a profile, for the status bar: "Dinas Komunikasi dan
    Informatika · Pemerintah Kabupaten Mojokerto"; "(contoh)" after the demo's."""
    parts = [" ".join(p.split()) for p in (profile.opd_name, profile.pemda_name) if p.strip()]
    return _demo_suffix(" · ".join(parts) or profile.id, profile)


def demo_placeholders() -> Profile:
    """The values the bundled demo profile has, shown as placeholder text in empty fields."""
    try:
        return demo_profile()
    except ProfileError:
        return Profile()


class ProfileDialog(QDialog):
    """Profiles on the left, the selected one's brand kit on the right."""

    def __init__(self, store: ProfileStore, current_id: str = "", welcome: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.welcome = welcome
        self.profile: Profile | None = None
        self.setMinimumSize(820, 560)
        self._demo = demo_placeholders()
        self._build_notes()
        left = self._build_list()
        self._build_fields()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._build_form())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        main = QHBoxLayout()
        main.addLayout(left)
        main.addWidget(scroll, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.intro)
        outer.addWidget(self.notice)
        outer.addWidget(self.demo_note)
        outer.addLayout(main, 1)
        outer.addWidget(self.buttons)
        self.new_button.clicked.connect(self._new)
        self.dup_button.clicked.connect(self._duplicate)
        self.del_button.clicked.connect(self._delete)
        self._reload_list(current_id)
        self.list.currentItemChanged.connect(self._switch)
        for edit in (self.pemda_name, self.city, self.website, self.hashtags,
                     *self.handles.values()):
            edit.textChanged.connect(self._update_demo_note)
        self.hashtag_groups.textChanged.connect(self._update_demo_note)
        for picker in (self.pemda_logo, self.opd_logo):
            picker.changed.connect(self._update_demo_note)
        self.retranslate()

    # ------------------------------------------------------------ building
    def _build_notes(self) -> None:
        """The lines above the lists: the introduction, what loading left out, the demo."""
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.notice = QLabel()  # what loading the profile had to leave out (a bad logo)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {warning_color(self)}")
        self.notice.hide()
        self.demo_note = QLabel()  # shown while the profile still carries the demo identity
        self.demo_note.setObjectName("demoNote")
        self.demo_note.setWordWrap(True)
        self.demo_note.setStyleSheet(f"color: {warning_color(self)}; font-weight: bold")
        self.demo_note.hide()

    def _build_list(self) -> QVBoxLayout:
        """The stored profiles with Profil baru / Duplikat / Hapus under them."""
        self.list = QListWidget()
        self.list.setMaximumWidth(230)
        self.new_button = QPushButton()
        self.dup_button = QPushButton()
        self.del_button = QPushButton()
        left = QVBoxLayout()
        self.list_label = QLabel()
        left.addWidget(self.list_label)
        left.addWidget(self.list, 1)
        for b in (self.new_button, self.dup_button, self.del_button):
            left.addWidget(b)
        return left

    def _build_fields(self) -> None:
        """The editors of one profile's fields."""
        self.pemda_name = QLineEdit()
        self.opd_name = QLineEdit()
        self.opd_short = QLineEdit()
        self.city = QLineEdit()
        self.pemda_logo = LogoPicker()
        self.opd_logo = LogoPicker()
        self.colors = {role: ColorButton(role) for role in COLOR_ROLES}
        self.heading_font = QComboBox()
        self.body_font = QComboBox()
        for combo in (self.heading_font, self.body_font):
            combo.addItems(fonts.family_names())
        self.handles = {p: QLineEdit() for p in HANDLE_PLATFORMS}
        self.website = QLineEdit()
        self.tagline = QLineEdit()
        self.hashtags = QLineEdit()
        self.hashtag_groups = QPlainTextEdit()
        self.hashtag_groups.setTabChangesFocus(True)
        self.hashtag_groups.setFixedHeight(self.hashtag_groups.fontMetrics().lineSpacing() * 5
                                           + 12)
        self.timezone = QComboBox()
        self.timezone.addItems(list(TIMEZONES))
        self.badge_berakhlak = QCheckBox()
        self.badge_bangga = QCheckBox()

    def _build_form(self) -> QWidget:
        """The fields in their group boxes, one under the other (scrolled)."""
        self.groups: dict[str, QGroupBox] = {}
        self.form_labels: dict[QWidget, QLabel] = {}
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)
        body_layout.addWidget(self._group("identity", [
            self.pemda_name, self.opd_name, self.opd_short, self.city]))
        body_layout.addWidget(self._group("logos", [self.pemda_logo, self.opd_logo]))
        body_layout.addWidget(self._color_group())
        body_layout.addWidget(self._group("fonts", [self.heading_font, self.body_font]))
        body_layout.addWidget(self._group("handles", list(self.handles.values())))
        body_layout.addWidget(self._group("other", [
            self.website, self.tagline, self.hashtags, self.hashtag_groups, self.timezone,
            self.badge_berakhlak, self.badge_bangga]))
        body_layout.addStretch(1)
        return body

    def _color_group(self) -> QGroupBox:
        """The brand colours, two to a row."""
        color_box = QGroupBox()
        grid = QGridLayout(color_box)
        self.color_labels = {}
        for i, role in enumerate(COLOR_ROLES):
            label = QLabel()
            self.color_labels[role] = label
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(self.colors[role], i // 2, (i % 2) * 2 + 1)
        self.groups["colors"] = color_box
        return color_box

    def _group(self, name: str, widgets: list[QWidget]) -> QGroupBox:
        box = QGroupBox()
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for widget in widgets:
            label = QLabel()
            self.form_labels[widget] = label
            form.addRow(label, widget)
        self.groups[name] = box
        return box

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Profil OPD (identitas resmi)"))
        if self.welcome:
            self.intro.setText(self.tr(
                "<b>Selamat datang di KontenOPD!</b> Isi identitas OPD Anda sekali saja: nama, "
                "logo, warna dan akun media sosial. Semua templat memakainya. Anda dapat "
                "mengubahnya kapan saja lewat menu Profil."))
        else:
            self.intro.setText(self.tr("Identitas OPD yang dipakai semua templat. Satu admin "
                                       "dapat menyimpan beberapa profil."))
        self.intro.setStyleSheet("" if self.welcome else f"color: {muted_color(self)}")
        self.list_label.setText(self.tr("Profil tersimpan"))
        self.new_button.setText(self.tr("Profil baru…"))
        self.dup_button.setText(self.tr("Duplikat…"))
        self.del_button.setText(self.tr("Hapus"))
        titles = {"identity": self.tr("Identitas"), "logos": self.tr("Logo"),
                  "colors": self.tr("Warna"), "fonts": self.tr("Huruf"),
                  "handles": self.tr("Akun media sosial"), "other": self.tr("Lainnya")}
        for name, box in self.groups.items():
            box.setTitle(titles[name])
        labels = {
            self.pemda_name: self.tr("Nama Pemda"), self.opd_name: self.tr("Nama OPD"),
            self.opd_short: self.tr("Singkatan OPD"), self.city: self.tr("Kota (dateline)"),
            self.pemda_logo: self.tr("Lambang Pemda"), self.opd_logo: self.tr("Logo OPD"),
            self.heading_font: self.tr("Huruf judul"), self.body_font: self.tr("Huruf isi"),
            self.website: self.tr("Situs web"), self.tagline: self.tr("Slogan"),
            self.hashtags: self.tr("Tagar bawaan"), self.timezone: self.tr("Zona waktu"),
            self.hashtag_groups: self.tr("Kelompok tagar"),
            self.badge_berakhlak: self.tr("Lencana"), self.badge_bangga: "",
        }
        demo = self._demo  # empty fields show what the demo profile has, as an example
        for platform, edit in self.handles.items():
            labels[edit] = HANDLE_LABELS[platform]
            edit.setPlaceholderText(demo.handles.get(platform, "") or "@akun")
        for edit, value in ((self.pemda_name, demo.pemda_name), (self.opd_name, demo.opd_name),
                            (self.opd_short, demo.opd_short), (self.city, demo.city),
                            (self.tagline, demo.tagline)):
            edit.setPlaceholderText(value)
        for widget, text in labels.items():
            self.form_labels[widget].setText(text)
        color_names = {
            "primary": self.tr("Warna utama"), "secondary": self.tr("Warna kedua"),
            "accent": self.tr("Warna aksen"), "text": self.tr("Warna teks"),
            "light": self.tr("Warna terang"), "background": self.tr("Warna latar"),
        }
        for role, label in self.color_labels.items():
            label.setText(color_names[role])
            self.colors[role].title = color_names[role]
        self.badge_berakhlak.setText(self.tr("Tampilkan lencana ASN BerAKHLAK"))
        self.badge_bangga.setText(self.tr("Tampilkan “Bangga Melayani Bangsa”"))
        self.hashtags.setPlaceholderText(" ".join(demo.hashtags))
        self.hashtag_groups.setPlaceholderText(self.tr(
            "Satu kelompok per baris, contoh:\nResmi: #KabupatenContoh #DinasContoh\n"
            "Kesehatan: #GermasContoh #HidupSehat"))
        self.hashtag_groups.setToolTip(self.tr(
            "Kelompok tagar bisa ditambahkan ke caption dengan satu klik."))
        self.website.setPlaceholderText(demo.website)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Simpan dan pakai"))
        self.pemda_logo.retranslate()
        self.opd_logo.retranslate()
        self._update_demo_note()

    def _update_demo_note(self) -> None:
        profile = self.edited_profile()
        traces = demo_traces(profile) if profile is not None else []
        self.demo_note.setText(self.tr(
            "Ini profil contoh: {fields} masih berisi contoh. Ganti dengan identitas OPD Anda; "
            "konten dengan profil contoh tidak bisa diekspor.").format(
            fields=demo_fields(traces)) if traces else "")
        self.demo_note.setVisible(bool(traces))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ list
    def _reload_list(self, select_id: str) -> None:
        with QSignalBlocker(self.list):
            self.list.clear()
            for profile in self.store.list():
                item = QListWidgetItem(profile_name(profile))
                item.setData(Qt.ItemDataRole.UserRole, profile.id)
                item.setToolTip(profile.pemda_name)
                self.list.addItem(item)
        rows = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        row = rows.index(select_id) if select_id in rows else 0
        if rows:
            with QSignalBlocker(self.list):
                self.list.setCurrentRow(row)
            self._load(rows[row])
        self.del_button.setEnabled(len(rows) > 1)

    def _load(self, profile_id: str) -> None:
        try:
            profile = self.store.load(profile_id)
        except KontenError as exc:
            QMessageBox.warning(self, self.tr("Profil"), str(exc))
            return
        self.profile = profile
        notices = self.store.notices.get(profile_id, [])
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        self.pemda_name.setText(profile.pemda_name)
        self.opd_name.setText(profile.opd_name)
        self.opd_short.setText(profile.opd_short)
        self.city.setText(profile.city)
        self.pemda_logo.set_path(profile.pemda_logo)
        self.opd_logo.set_path(profile.opd_logo)
        for role in COLOR_ROLES:
            self.colors[role].set_value(profile.color(role))
        self.heading_font.setCurrentText(profile.heading_font)
        self.body_font.setCurrentText(profile.body_font)
        for platform, edit in self.handles.items():
            edit.setText(profile.handles.get(platform, ""))
        self.website.setText(profile.website)
        self.tagline.setText(profile.tagline)
        self.hashtags.setText(" ".join(profile.hashtags))
        self.hashtag_groups.setPlainText(format_hashtag_groups(profile.hashtag_groups))
        self.timezone.setCurrentText(profile.timezone)
        self.badge_berakhlak.setChecked(profile.badge_berakhlak)
        self.badge_bangga.setChecked(profile.badge_bangga_melayani)
        self._update_demo_note()

    def edited_profile(self) -> Profile | None:
        if self.profile is None:
            return None
        return replace(
            self.profile,
            pemda_name=self.pemda_name.text().strip(), opd_name=self.opd_name.text().strip(),
            opd_short=self.opd_short.text().strip(), city=self.city.text().strip(),
            pemda_logo=self.pemda_logo.path, opd_logo=self.opd_logo.path,
            colors=Colors(**{role: self.colors[role].value for role in COLOR_ROLES}),
            heading_font=self.heading_font.currentText(), body_font=self.body_font.currentText(),
            handles={p: e.text().strip() for p, e in self.handles.items() if e.text().strip()},
            website=self.website.text().strip(), tagline=self.tagline.text().strip(),
            hashtags=tuple(parse_hashtags(self.hashtags.text())),
            timezone=self.timezone.currentText(),
            hashtag_groups=parse_hashtag_groups(self.hashtag_groups.toPlainText()),
            badge_berakhlak=self.badge_berakhlak.isChecked(),
            badge_bangga_melayani=self.badge_bangga.isChecked(),
        )

    def save_current(self) -> bool:
        profile = self.edited_profile()
        if profile is None:
            return True
        if not profile.opd_name:
            QMessageBox.warning(self, self.tr("Profil"), self.tr("Nama OPD wajib diisi."))
            self.opd_name.setFocus()
            return False
        try:
            self.profile = self.store.save(profile)
        except KontenError as exc:
            QMessageBox.warning(self, self.tr("Profil"), str(exc))
            return False
        item = self.list.currentItem()
        if item is not None:
            item.setText(profile_name(self.profile))
        return True

    def _switch(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if previous is not None and not self.save_current():
            with QSignalBlocker(self.list):
                self.list.setCurrentItem(previous)
            return
        if current is not None:
            self._load(current.data(Qt.ItemDataRole.UserRole))

    def _ask_name(self, title: str, default: str) -> str:
        name, ok = QInputDialog.getText(self, title, self.tr("Nama OPD untuk profil baru:"),
                                        text=default)
        return name.strip() if ok else ""

    def _new(self) -> None:
        if not self.save_current():
            return
        name = self._ask_name(self.tr("Profil baru"), "")
        if name:  # empty: the demo's values are only placeholder text, its logos not used
            try:
                profile = self.store.create_empty(name)
            except KontenError as exc:
                QMessageBox.warning(self, self.tr("Profil"), str(exc))
                return
            self._reload_list(profile.id)

    def _duplicate(self) -> None:
        if self.profile is None or not self.save_current():
            return
        name = self._ask_name(self.tr("Duplikat profil"),
                              self.tr("{name} (salinan)").format(name=self.profile.opd_name))
        if name:
            profile = self.store.duplicate(self.profile.id, name)
            self._reload_list(profile.id)

    def _delete(self) -> None:
        if self.profile is None or self.list.count() < 2:
            return
        answer = QMessageBox.question(
            self, self.tr("Hapus profil"),
            self.tr("Hapus profil “{name}”? Tindakan ini tidak dapat dibatalkan.")
            .format(name=self.profile.opd_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.delete(self.profile.id)
        except KontenError as exc:
            QMessageBox.warning(self, self.tr("Profil"), str(exc))
            return
        self.profile = None
        self._reload_list("")

    def accept(self) -> None:
        if self.save_current():
            super().accept()

    @classmethod
    def edit_profiles(cls, parent: QWidget | None, store: ProfileStore, current_id: str,
                      welcome: bool = False) -> tuple[Profile | None, bool]:
        """Show the dialog; returns (the profile to use, accepted)."""
        dialog = cls(store, current_id, welcome, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        profile = dialog.profile if accepted else None
        dialog.deleteLater()
        return profile, accepted

