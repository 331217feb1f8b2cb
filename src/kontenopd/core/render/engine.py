"""The renderer: canvas, colours, scaling, the drawer registry, fitting and the block report.

Each layer type has one drawer function, registered with ``@drawer("type")`` in the drawer
modules; ``Renderer.layer`` dispatches to it. Every piece of text goes through ``fit`` (one fit
helper: shrink to the minimum size, then report) and ``lines`` (draw and record the block), so
the layout report lists exactly what was drawn.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter

from ..errors import ValueInputError
from ..model.colors import RGBA, parse_hex, with_alpha
from ..model.records import Draft, Profile
from ..photos.cache import PhotoCache
from ..template.layers import Layer, TextLayer
from ..template.sandbox import evaluate, referenced_names, render_string
from ..template.schema import Template
from ..text import fonts
from ..text.layout import ELLIPSIS, TextFit, TextLayout, clean_text, draw_layout, fit_text
from . import scrim
from .paint import ink_box
from .result import Block, RenderResult, RenderWarning, intersects
from .slides import slide_plan
from .values import build_context

MAX_UPSCALE = 1.5  # beyond this a photo looks soft: warn
LARGE_TEXT_PX = 40  # at 1080 px wide, text this big counts as "large" for WCAG (3:1)
STORY_TOP, STORY_BOTTOM = 250, 340  # Instagram covers these bands of a 9:16 story
TEXT_KINDS = frozenset({"text", "identity", "footer", "list", "stats", "stamp", "badge"})
# what a warning calls a block that has no field of its own
KIND_NAMES = {"identity": "Identitas OPD", "footer": "Akun & situs", "logo": "Logo",
              "badge": "Lencana ASN", "qr": "Kode QR"}

Drawer = Callable[["Renderer", Any], None]
DRAWERS: dict[str, Drawer] = {}


def drawer(kind: str) -> Callable[[Drawer], Drawer]:
    """Register the function that draws layers of type ``kind``."""
    def register(fn: Drawer) -> Drawer:
        DRAWERS[kind] = fn
        return fn
    return register


def safe_box(width: int, height: int) -> tuple[int, int, int, int]:
    """Where text and logos must stay on a canvas, as (x0, y0, x1, y1).

    A story (9:16) loses its top 250 and bottom 340 px under Instagram's controls; a feed post
    wider than 3:4 (4:5, 1:1) shows only its centre 3:4 in the profile grid.
    """
    if height / width >= 1.7:
        return (0, STORY_TOP, width, height - STORY_BOTTOM)
    grid_w = height * 3 / 4
    if height / width >= 0.99 and grid_w < width:
        x0 = math.ceil((width - grid_w) / 2)
        return (x0, 0, width - x0, height)
    return (0, 0, width, height)


class Renderer:
    def __init__(self, template: Template, fmt_key: str, draft: Draft, profile: Profile,
                 scale: float, photos: PhotoCache, preview: bool = False,
                 slide: int | None = None) -> None:
        if fmt_key not in template.formats:
            raise ValueInputError(
                f"Format {fmt_key} tidak tersedia untuk templat {template.id} "
                f"(ada: {', '.join(template.formats)})."
            )
        self.template = template
        self.fmt = template.formats[fmt_key]
        self.fmt_key = fmt_key
        self.draft = draft
        self.profile = profile
        self.scale = scale
        self.photos = photos
        self.preview = preview
        self.ctx = build_context(template, draft, profile)
        plan = slide_plan(self.fmt, template, draft)
        index = 0 if slide is None else slide
        if not 0 <= index < len(plan):
            raise ValueInputError(f"Slide {index + 1} tidak ada; templat {template.id} format "
                                  f"{fmt_key} punya {len(plan)} slide.")
        self.layers, repeat_index = plan[index]
        self.ctx.update(n=repeat_index, slide_no=index + 1, slide_total=len(plan))
        self.warnings: list[RenderWarning] = []
        size = (max(1, round(self.fmt.width * scale)), max(1, round(self.fmt.height * scale)))
        self.canvas = Image.new("RGB", size, self.color("profile.background")[:3])
        self.draw = ImageDraw.Draw(self.canvas)
        self.fields = {f.key: f for f in template.fields}
        self.blocks: list[Block] = []
        self.scrims: list[scrim.Scrim] = []
        self.safe = safe_box(self.fmt.width, self.fmt.height)

    # ------------------------------------------------------------ helpers
    def warn(self, code: str, message: str, field_key: str | None = None) -> None:
        """Record a warning once; a repeat only counts it ("... (×3)")."""
        seen: dict[tuple[str, str, str | None], list[int]] = self.__dict__.setdefault(
            "_warned", {})
        key = (code, message, field_key)
        if key in seen:
            index, count = seen[key]
            seen[key] = [index, count + 1]
            self.warnings[index] = RenderWarning(code, f"{message} (×{count + 1})", field_key)
            return
        seen[key] = [len(self.warnings), 1]
        self.warnings.append(RenderWarning(code, message, field_key))

    def color(self, ref: str, opacity: float = 1.0) -> RGBA:
        base, _, alpha = ref.partition("@")
        hex_value = self.profile.color(base[8:]) if base.startswith("profile.") else base
        rgba = parse_hex(hex_value)
        return with_alpha(rgba, (float(alpha) if alpha else 1.0) * opacity)

    def box(self, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        s = self.scale
        x, y = round(box[0] * s), round(box[1] * s)
        return (x, y, max(1, round((box[0] + box[2]) * s) - x),
                max(1, round((box[1] + box[3]) * s) - y))

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    def font_path(self, font: str, weight: str, italic: bool = False) -> Path:
        family = {"heading": self.profile.heading_font, "body": self.profile.body_font}.get(
            font, font)
        return fonts.font_file(family, weight, italic)

    def label(self, key: str | None) -> str:
        f = self.fields.get(key or "")
        return f.label if f else (key or "teks")

    def field_of(self, layer: Any, source: str) -> str | None:
        if getattr(layer, "field", None):
            return layer.field
        # The first field the text names, preferring one with a value: "{{ tanggal }}{% if
        # lokasi %} • {{ lokasi }}{% endif %}" without a place is the date's text.
        named = [name for name in referenced_names(source) if name in self.fields]
        filled = [name for name in named if self.ctx.get(name) not in (None, "", [], ())]
        candidates = filled or named
        return candidates[0] if candidates else None

    def fill(self, box: tuple[int, int, int, int], rgba: RGBA, radius: int = 0) -> None:
        """Fill a (scaled) box with a colour that may be translucent or rounded."""
        x, y, w, h = box
        if rgba[3] == 0 or w <= 0 or h <= 0:
            return
        if rgba[3] == 255 and radius == 0:
            self.draw.rectangle((x, y, x + w - 1, y + h - 1), fill=rgba[:3])
            return
        mask = Image.new("L", (w, h), 0)
        ImageDraw.Draw(mask).rounded_rectangle((0, 0, w - 1, h - 1), radius=radius,
                                               fill=rgba[3])
        self.canvas.paste(rgba[:3], (x, y, x + w, y + h), mask)

    # ------------------------------------------------------------ layers
    def run(self) -> RenderResult:
        for layer in self.layers:
            self.layer(layer)
        self.check_layout()
        return RenderResult(self.canvas, self.warnings, self.blocks, self.safe)

    def visible(self, layer: Layer) -> bool:
        return layer.when is None or bool(evaluate(layer.when, self.ctx))

    def layer(self, layer: Layer) -> None:
        if not self.visible(layer):
            return
        DRAWERS[layer.type](self, layer)

    # ------------------------------------------------------------ report
    def full(self, box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        """A scaled (x, y, w, h) box as full-size (x0, y0, x1, y1) for the report."""
        s = self.scale
        x, y, w, h = box
        return (math.floor(x / s), math.floor(y / s), math.ceil((x + w) / s),
                math.ceil((y + h) / s))

    def record(self, kind: str, box: tuple[float, float, float, float], *,
               field: str | None = None, layout: TextLayout | None = None,
               cut: bool = False, dropped: bool = False, protected: bool = False) -> None:
        self.blocks.append(Block(
            kind, self.full(box), field,
            font_px=round(layout.size / self.scale) if layout else None,
            lines=len(layout.lines) if layout else 0, cut=cut, dropped=dropped,
            ellipsis=bool(layout and layout.lines and layout.lines[-1].endswith(ELLIPSIS)),
            protected=protected))

    def lines(self, layout: TextLayout, box: tuple[float, float, float, float],
              fill: tuple[int, ...], align: str = "left", valign: str = "top", *,
              field: str | None = None, kind: str = "text",
              protected: bool = True) -> tuple[float, float, float, float]:
        """Draw a text layout on the canvas and record its ink box as a block.

        Text layers judge their contrast themselves (after their scrim); the other kinds of
        text (list items, figures, identity, footer) are judged here, on what lies behind."""
        if kind != "text" and layout.lines and len(fill) == 4:
            self._check_ink(ink_box(layout, box, align, valign), fill,
                            3.0 if layout.size >= self.px(LARGE_TEXT_PX) else 4.5,
                            field, KIND_NAMES.get(kind, f"teks '{self.label(field)}'"))
        drawn = draw_layout(self.draw, layout, box, fill, align, valign)
        if layout.lines:
            self.record(kind, drawn, field=field, layout=layout, cut=layout.overflow,
                        protected=protected)
        return drawn

    def check_layout(self) -> None:
        """Text run into other text, or out of the part of the canvas that shows."""
        texts = [b for b in self.blocks if b.kind in TEXT_KINDS and not b.dropped]
        for i, a in enumerate(texts):
            for b in texts[i + 1:]:
                if intersects(a.box, b.box, 2):
                    self.warn("collision", f"Teks '{self.label(a.field)}' menimpa teks "
                                           f"'{self.label(b.field)}'; persingkat salah satunya.",
                              a.field or b.field)
        x0, y0, x1, y1 = self.safe
        for b in self.blocks:
            if b.dropped or b.kind not in (*TEXT_KINDS, "logo", "qr"):
                continue
            bx0, by0, bx1, by1 = b.box
            if bx0 < x0 - 2 or by0 < y0 - 2 or bx1 > x1 + 2 or by1 > y1 + 2:
                where = ("di luar area aman story (atas 250 px, bawah 340 px)"
                         if self.fmt.height / self.fmt.width >= 1.7 else
                         "di luar potongan 3:4 yang tampil di grid profil Instagram")
                what = KIND_NAMES.get(b.kind, f"Teks '{self.label(b.field)}'")
                self.warn("zone", f"{what} {where} pada format {self.fmt_key}.", b.field)

    # ------------------------------------------------------------ fitting
    def fit(self, value: str, fit: TextFit, width: float, height: float, *,
            protected: bool = True, field: str | None = None,
            what: str | None = None) -> TextLayout:
        """The one fit helper: the largest size down to ``fit.min_size`` at which ``value``
        fits.

        Protected text that still does not fit is never cut with "…": the lines that fit are
        kept whole and a blocking error names the field and about how much to cut.
        """
        layout = fit_text(value, fit, width, height)
        if not layout.overflow:
            return layout
        tracking, max_lines = fit.tracking, fit.max_lines
        smallest = max(1, min(fit.size, fit.min_size or fit.size))
        whole = fit_text(value, TextFit(fit.path, smallest, smallest, None, fit.line_height,
                                        tracking), 100000 if tracking else width, 100000)
        room = 1 + math.floor((height - whole.cap_height - whole.descent) / whole.line_step)
        keep = max(0, min(room, max_lines or room, len(whole.lines)))
        kept = whole.lines[:keep]
        cut_chars = max(1, len(value) - sum(len(line) + 1 for line in kept))
        if tracking and kept and whole.width > width:  # one tracked label too wide
            cut_chars = max(cut_chars, math.ceil(len(value) * (1 - width / whole.width)) + 1)
        if not protected:
            return dataclasses.replace(whole, lines=tuple(kept), overflow=True)
        name = what or self.label(field)
        self.warn("overflow", f"'{name}' terlalu panjang untuk format {self.fmt_key}: "
                              f"hapus sekitar {cut_chars} karakter.", field)
        return dataclasses.replace(whole, lines=tuple(kept), overflow=True)

    def text_value(self, layer: TextLayer) -> str:
        """A text layer's words as drawn: cleaned, upper-cased if asked, and without the
        characters no bundled font can show (emoji: those belong in the caption)."""
        value = clean_text(render_string(layer.text, self.ctx)).strip()
        value = value.upper() if layer.uppercase else value
        path = self.font_path(layer.font, layer.weight, layer.italic)
        if value and not fonts.covers(path, value):
            fallback = fonts.font_file(fonts.FALLBACK_FAMILY, layer.weight, layer.italic)
            missing = fonts.missing_chars(fallback, value)
            if missing:
                value = "".join(ch for ch in value if ch not in missing)
                value = re.sub(r"[ \t]{2,}", " ", value).strip()
                self.warn("glyphs", f"Karakter {missing[:10]} (misalnya emoji) tidak bisa "
                                    f"ditampilkan di gambar dan dilewati; pakai di keterangan "
                                    f"(caption) saja.", self.field_of(layer, layer.text))
        return value

    def text_path(self, layer: TextLayer, value: str) -> Path:
        """The layer's font, or the fallback family when that lacks a character of ``value``."""
        path = self.font_path(layer.font, layer.weight, layer.italic)
        if fonts.covers(path, value):
            return path
        return fonts.font_file(fonts.FALLBACK_FAMILY, layer.weight, layer.italic)

    def layout_text(self, layer: TextLayer, value: str, width: float, height: float, *,
                    protect: bool = True) -> TextLayout:
        pad_x, pad_y = (self.px(p) for p in layer.panel.padding) if layer.panel else (0, 0)
        min_size = self.px(layer.min_size) if layer.min_size else None
        fit = self.text_fit(layer, value, self.px(layer.size), min_size)
        return self.fit(value, fit, width - 2 * pad_x, height - 2 * pad_y, protected=protect,
                        field=self.field_of(layer, layer.text))

    def text_fit(self, layer: TextLayer, value: str, size: int,
                 min_size: int | None) -> TextFit:
        """How ``layer`` fits ``value``: its font (or the fallback), lines, spacing and
        balance, between ``size`` and ``min_size`` pixels."""
        return TextFit(self.text_path(layer, value), size, min_size, layer.max_lines,
                       layer.line_height, layer.tracking, layer.balance)

    def draw_text(self, layer: TextLayer, layout: TextLayout,
                  box: tuple[float, float, float, float]) -> None:
        x, y, w, h = box
        ink = self.color(layer.color, layer.opacity)
        key = self.field_of(layer, layer.text)
        if layer.panel:
            pad_x, pad_y = (self.px(p) for p in layer.panel.padding)
            block_w = layout.width + 2 * pad_x
            block_h = layout.height + 2 * pad_y
            bx = x if layer.align == "left" else x + (w - block_w) / 2 \
                if layer.align == "center" else x + w - block_w
            by = y if layer.valign == "top" else y + (h - block_h) / 2 \
                if layer.valign == "middle" else y + h - block_h
            self.fill((round(bx), round(by), max(1, round(block_w)), max(1, round(block_h))),
                      self.color(layer.panel.fill, layer.opacity), self.px(layer.panel.radius))
            inner = (bx + pad_x, by + pad_y, layout.width, layout.height)
            self._check_contrast(layer, layout, inner, ink)  # judged on its panel
            self.lines(layout, inner, ink, layer.align, "top", field=key,
                       protected=not layer.optional)
            return
        inked = ink_box(layout, box, layer.align, layer.valign)
        if layer.scrim == "auto":
            self.paint_scrim([scrim.item(self, layer, layout, inked)], layer.valign, box)
        self._check_contrast(layer, layout, inked, ink)  # after the scrim: what shows
        if layer.shadow:
            self._shadow(layout, box, layer)
        self.lines(layout, box, ink, layer.align, layer.valign, field=key,
                   protected=not layer.optional)

    def paint_scrim(self, items: list[scrim.ScrimItem], anchor: str,
                    area: tuple[float, float, float, float]) -> scrim.Scrim | None:
        """Hook: paint the adaptive scrim ``items`` need on the canvas drawn so far, before
        their text (``"scrim": "auto"`` on a text or stack layer; see ``render.scrim``).
        Recorded as a "scrim" block and kept in ``self.scrims``."""
        painted = scrim.paint(self, items, anchor, area)
        if painted is not None:
            self.scrims.append(painted)
        return painted

    def large_text(self, size: int, weight: str) -> bool:
        """WCAG "large" text at this scale: >= LARGE_TEXT_PX, or >= 30 px and bold."""
        bold = weight in ("bold", "extrabold", "black") or (weight.isdigit()
                                                             and int(weight) >= 700)
        return size >= self.px(LARGE_TEXT_PX) or (size >= self.px(30) and bold)

    def contrast_needed(self, layer: TextLayer, layout: TextLayout) -> float:
        """The WCAG minimum for this text: 3:1 when large, else 4.5:1."""
        return 3.0 if self.large_text(layout.size, layer.weight) else 4.5

    def _shadow(self, layout: TextLayout, box: tuple[float, float, float, float],
                layer: TextLayer) -> None:
        radius = max(2, layout.size // 10)
        x, y, w, h = box
        pad = radius * 3
        mask = Image.new("L", (round(w) + 2 * pad, round(h) + 2 * pad), 0)
        draw_layout(ImageDraw.Draw(mask), layout, (pad, pad + max(1, layout.size // 24), w, h),
                    (170,), layer.align, layer.valign)
        mask = mask.filter(ImageFilter.GaussianBlur(radius))
        self.canvas.paste((0, 0, 0), (round(x) - pad, round(y) - pad), mask)

    def _check_contrast(self, layer: TextLayer, layout: TextLayout,
                        inked: tuple[float, float, float, float], ink: RGBA) -> None:
        """A text layer's contrast (its weight counts for "large")."""
        key = self.field_of(layer, layer.text)
        self._check_ink(inked, ink, self.contrast_needed(layer, layout), key,
                        f"teks '{self.label(key)}'")

    def _check_ink(self, inked: tuple[float, float, float, float], ink: RGBA, needed: float,
                   key: str | None, what: str) -> None:
        """Warn when text is hard to read on what is drawn behind it (photo, scrim, panel):
        judged against the hardest 10 % of that background (``scrim.background_tone``)."""
        tone = scrim.background_tone(self.canvas, inked, ink)
        if tone is None:
            return
        ratio = scrim.contrast_on(ink, tone)  # translucent text: the colour it shows
        if ratio < needed:
            self.warn("contrast", f"Kontras {what} rendah ({ratio:.1f}:1, minimal "
                                  f"{needed:.1f}:1); tambahkan latar atau ganti warna.", key)

    def _disc(self, spec: tuple[int, int, int], rgba: RGBA) -> None:
        """An anti-aliased filled circle: (left, top, diameter)."""
        x, y, d = spec
        if d < 1 or rgba[3] == 0:
            return
        big = Image.new("L", (d * 4, d * 4), 0)
        ImageDraw.Draw(big).ellipse((0, 0, d * 4 - 1, d * 4 - 1), fill=rgba[3])
        self.canvas.paste(rgba[:3], (x, y), big.resize((d, d), Image.Resampling.LANCZOS))

