"""The template gallery: thumbnails rendered from the templates themselves, a kind filter
and a search box."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QRect,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...core import editing
from ...core.model.records import Profile
from ...core.paths import assets_dir
from ...core.photos.cache import PhotoCache
from ...core.template.library import Library
from ...core.template.schema import Template
from ..style import heading_label
from ..tasks import SyncRunner, TaskRunner
from .preview_render import preview_render, to_qimage

THUMB_W = 72
THUMB_SCALE = 0.14  # of a template's thumbnail render
ROLE_ID = Qt.ItemDataRole.UserRole
ROLE_DESC = Qt.ItemDataRole.UserRole + 1
ROLE_KIND = Qt.ItemDataRole.UserRole + 2
ROLE_RECENT = Qt.ItemDataRole.UserRole + 3  # "Terakhir dipakai", or "" for the rest

KIND_LABELS = {
    "liputan": QT_TRANSLATE_NOOP("Kind", "Liputan kegiatan"),
    "kunjungan": QT_TRANSLATE_NOOP("Kind", "Kunjungan kerja"),
    "apel": QT_TRANSLATE_NOOP("Kind", "Apel / upacara"),
    "agenda": QT_TRANSLATE_NOOP("Kind", "Agenda / undangan"),
    "pengumuman": QT_TRANSLATE_NOOP("Kind", "Pengumuman layanan"),
    "layanan": QT_TRANSLATE_NOOP("Kind", "Pengumuman layanan"),
    "hoaks": QT_TRANSLATE_NOOP("Kind", "Klarifikasi hoaks"),
    "klarifikasi": QT_TRANSLATE_NOOP("Kind", "Klarifikasi hoaks"),
    "infografis": QT_TRANSLATE_NOOP("Kind", "Infografis"),
    "ucapan": QT_TRANSLATE_NOOP("Kind", "Ucapan hari besar"),
    "duka": QT_TRANSLATE_NOOP("Kind", "Duka cita / selamat"),
    "selamat": QT_TRANSLATE_NOOP("Kind", "Duka cita / selamat"),
    "carousel": QT_TRANSLATE_NOOP("Kind", "Carousel"),
    "darurat": QT_TRANSLATE_NOOP("Kind", "Peringatan darurat"),
    "peringatan": QT_TRANSLATE_NOOP("Kind", "Peringatan darurat"),
    "kutipan": QT_TRANSLATE_NOOP("Kind", "Kutipan pimpinan"),
}


def kind_label(kind: str) -> str:
    label = KIND_LABELS.get(kind)
    if label is None:
        return kind.replace("-", " ").capitalize()
    return QCoreApplication.translate("Kind", label)


class _Delegate(QStyledItemDelegate):
    """Thumbnail on the left, name in bold, kind and description below."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(200, round(THUMB_W * 1.25) + 16)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = type(opt.icon)()
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        rect = option.rect.adjusted(8, 8, -8, -8)
        thumb_h = round(THUMB_W * 1.25)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        thumb_rect = QRect(rect.left(), rect.top(), THUMB_W, thumb_h)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            scaled = pixmap.scaled(thumb_rect.size() * pixmap.devicePixelRatio(),
                                   Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
            scaled.setDevicePixelRatio(pixmap.devicePixelRatio())
            w = scaled.width() / scaled.devicePixelRatio()
            h = scaled.height() / scaled.devicePixelRatio()
            painter.drawPixmap(round(thumb_rect.center().x() - w / 2),
                               round(thumb_rect.center().y() - h / 2), scaled)
        else:
            painter.fillRect(thumb_rect, QColor(128, 128, 128, 40))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_color = palette.highlightedText().color() if selected else palette.text().color()
        text_rect = QRect(thumb_rect.right() + 10, rect.top(), rect.width() - THUMB_W - 10,
                          rect.height())
        recent = index.data(ROLE_RECENT) or ""
        if recent:  # one of the templates used most recently: a small mark above the name
            mark_font = QFont(option.font)
            mark_font.setPointSizeF(max(7.0, mark_font.pointSizeF() - 1.5))
            mark_font.setBold(True)
            painter.setFont(mark_font)
            painter.setPen(text_color if selected else palette.link().color())
            mark_h = painter.fontMetrics().height()
            painter.drawText(QRect(text_rect.left(), text_rect.top(), text_rect.width(),
                                   mark_h), Qt.AlignmentFlag.AlignLeft,
                             painter.fontMetrics().elidedText(
                                 recent, Qt.TextElideMode.ElideRight, text_rect.width()))
            text_rect.setTop(text_rect.top() + mark_h + 1)
        name_font = QFont(option.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(text_color)
        name = index.data(Qt.ItemDataRole.DisplayRole) or ""
        fm = painter.fontMetrics()
        name_rect = painter.boundingRect(text_rect, Qt.TextFlag.TextWordWrap, name)
        name_rect.setHeight(min(name_rect.height(), fm.lineSpacing() * 2))
        painter.drawText(name_rect, Qt.TextFlag.TextWordWrap, name)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        painter.setFont(small)
        muted = QColor(text_color)
        muted.setAlphaF(0.7)
        painter.setPen(muted)
        rest = QRect(text_rect.left(), name_rect.bottom() + 4, text_rect.width(),
                     text_rect.bottom() - name_rect.bottom() - 4)
        kind = index.data(ROLE_KIND) or ""
        desc = index.data(ROLE_DESC) or ""
        painter.drawText(rest, Qt.TextFlag.TextWordWrap, f"{kind}\n{desc}" if desc else kind)
        painter.restore()


class TemplateGallery(QWidget):
    template_chosen = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.title = heading_label("")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.list = QListWidget()
        self.list.setItemDelegate(_Delegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setObjectName("templateList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 6, 10)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.kind)
        layout.addWidget(self.list, 1)
        self._items: dict[str, QListWidgetItem] = {}
        self.recent: list[str] = []  # see set_recent()
        for template in sorted(library.templates.values(), key=lambda t: (t.kind, t.name)):
            self._add(template)
        self._order = list(self._items)  # the gallery's own order, after the recent ones
        self._fill_kinds()
        self.search.textChanged.connect(self._filter)
        self.kind.currentIndexChanged.connect(self._filter)
        self.list.currentItemChanged.connect(self._on_current)
        self._silent = False
        self.retranslate()

    def _add(self, template: Template) -> None:
        item = QListWidgetItem(template.name)
        item.setData(ROLE_ID, template.id)
        item.setData(ROLE_DESC, template.description)
        item.setData(ROLE_KIND, kind_label(template.kind))
        item.setToolTip(template.description)
        self.list.addItem(item)
        self._items[template.id] = item

    def _fill_kinds(self) -> None:
        with QSignalBlocker(self.kind):
            current = self.kind.currentData()
            self.kind.clear()
            self.kind.addItem(self.tr("Semua jenis"), "")
            for kind in sorted({t.kind for t in self.library.templates.values()},
                               key=kind_label):
                self.kind.addItem(kind_label(kind), kind)
            index = self.kind.findData(current) if current else 0
            self.kind.setCurrentIndex(max(0, index))

    def set_recent(self, template_ids: list[str]) -> None:
        """Put these templates (used most recently, most recent first) at the top, marked
        "Terakhir dipakai"; the rest follow in the gallery's own order."""
        self.recent = [t for t in dict.fromkeys(template_ids) if t in self._items]
        current = self.list.currentItem()
        order = [*self.recent, *(t for t in self._order if t not in self.recent)]
        self._silent = True
        try:
            while self.list.count():
                self.list.takeItem(0)
            for template_id in order:
                self.list.addItem(self._items[template_id])
            if current is not None:
                self.list.setCurrentItem(current)
        finally:
            self._silent = False
        self._mark_recent()
        self._filter()

    def _mark_recent(self) -> None:
        mark = self.tr("Terakhir dipakai")
        for template_id, item in self._items.items():
            recent = template_id in self.recent
            template = self.library.templates[template_id]
            item.setData(ROLE_RECENT, mark if recent else "")
            item.setToolTip(f"{mark}. {template.description}" if recent
                            else template.description)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole,
                         f"{mark}. {kind_label(template.kind)}. {template.description}"
                         if recent else f"{kind_label(template.kind)}. {template.description}")

    def retranslate(self) -> None:
        self._mark_recent()
        self.title.setText(self.tr("Templat"))
        self.search.setPlaceholderText(self.tr("Cari templat…"))
        self.search.setAccessibleName(self.tr("Cari templat"))
        self.kind.setToolTip(self.tr("Tampilkan hanya satu jenis konten"))
        self._fill_kinds()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def render_thumbnails(self, profile: Profile, cache: PhotoCache,
                          runner: TaskRunner | SyncRunner) -> None:
        """Draw every template's thumbnail (its example content, the sample photo,
        ``profile``'s identity) on ``runner``; each is shown as it comes."""
        sample = assets_dir() / "samples" / "dandelion-field.jpg"
        photo = str(sample) if sample.is_file() else None
        for template in self.library.templates.values():
            fmt = "4:5" if "4:5" in template.formats else template.format_keys[0]
            draft = editing.sample_draft(template, photo)

            def job(t=template, f=fmt, d=draft) -> tuple[str, QImage]:  # noqa: ANN001
                result = preview_render(t, f, d, profile, THUMB_SCALE, cache)
                return t.id, to_qimage(result.image)
            runner.run(job, self._thumbnail_done, -10)

    def _thumbnail_done(self, result: object, error: BaseException | None) -> None:
        if error is None and isinstance(result, tuple):
            self.set_thumbnail(*result)

    def set_thumbnail(self, template_id: str, image: QImage) -> None:
        item = self._items.get(template_id)
        if item is not None:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            item.setData(Qt.ItemDataRole.DecorationRole, pixmap)

    def select(self, template_id: str) -> None:
        item = self._items.get(template_id)
        if item is not None:
            self._silent = True
            self.list.setCurrentItem(item)
            self._silent = False

    def visible_ids(self) -> list[str]:
        return [self.list.item(i).data(ROLE_ID) for i in range(self.list.count())
                if not self.list.item(i).isHidden()]

    def _filter(self) -> None:
        words = self.search.text().lower().split()
        kind = self.kind.currentData() or ""
        for template_id, item in self._items.items():
            template = self.library.templates[template_id]
            hay = f"{template.name} {template.description} {kind_label(template.kind)}".lower()
            visible = (not kind or template.kind == kind) and all(w in hay for w in words)
            item.setHidden(not visible)

    def _on_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None and not self._silent:
            self.template_chosen.emit(current.data(ROLE_ID))
