"""render(): a pure function from (template, format, draft, profile) to pixels + warnings.

Same inputs, same pixels. No Qt, no network, no global state beyond read-only caches of
fonts and decoded files. Problems a user should see (text cut, low contrast, a soft photo)
come back as warnings; invalid input raises a KontenError with a clear message.
"""

from __future__ import annotations

import itertools
import math
import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import segno
from PIL import Image, ImageDraw, ImageFilter

from . import fonts
from .colors import RGBA, contrast_ratio, parse_hex, with_alpha
from .dates import parse_date, parse_time
from .errors import KontenError, ValueInputError
from .model import Draft, PhotoRef, Profile
from .paths import assets_dir
from .photos import PhotoCache, cover_crop_box, cover_scale, probe_photo
from .safeimage import ASSET, display_name, open_image
from .templates import (
    BadgeLayer,
    Field,
    FooterLayer,
    Format,
    GradientLayer,
    IconLayer,
    IdentityLayer,
    ImageLayer,
    Layer,
    ListLayer,
    LogoLayer,
    PhotoLayer,
    QrLayer,
    RectLayer,
    RuleLayer,
    StackLayer,
    StampLayer,
    StatsLayer,
    Template,
    TextLayer,
)
from .templating import evaluate, referenced_names, render_string
from .text import TextLayout, clean_text, draw_layout, fit_text

MAX_UPSCALE = 1.5  # beyond this a photo looks soft: warn
LARGE_TEXT_PX = 40  # at 1080 px wide, text this big counts as "large" for WCAG (3:1)


# Warnings that mean the image is not fit to publish as rendered: text cut with "…" or run
# into other text, list items left out. An export does not write such an image.
BLOCKING_CODES = frozenset({"overflow"})


@dataclass(frozen=True)
class RenderWarning:
    code: str  # overflow, contrast, photo_small, photo_missing, glyphs, logo_missing, length
    message: str  # Indonesian, one line
    field: str | None = None

    def __str__(self) -> str:
        return self.message

    @property
    def blocking(self) -> bool:
        return self.code in BLOCKING_CODES


@dataclass
class RenderResult:
    image: Image.Image
    warnings: list[RenderWarning] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.warnings = collapse_warnings(self.warnings)


def collapse_warnings(warnings: list[RenderWarning]) -> list[RenderWarning]:
    """Identical warnings once each, in first-seen order, with a count: "... (×79800)"."""
    counts: dict[RenderWarning, int] = {}
    for w in warnings:
        counts[w] = counts.get(w, 0) + 1
    return [w if n == 1 else RenderWarning(w.code, f"{w.message} (×{n})", w.field)
            for w, n in counts.items()]


def list_items(value: Any, columns: tuple[str, ...] = ()) -> list[Any]:
    """Normalise a list field: a list, or text with one item per line (or ';').

    With ``columns``, each item becomes a dict; text items split on '|'.
    """
    if value in (None, ""):
        return []
    if isinstance(value, str):
        sep = "\n" if "\n" in value else ";"
        items: list[Any] = [part.strip() for part in value.split(sep) if part.strip()]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        raise ValueInputError(f"Isi daftar tidak valid: {str(value)[:40]}")
    if not columns:
        return [str(i) if not isinstance(i, dict) else " ".join(map(str, i.values()))
                for i in items]
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append({c: str(item.get(c, "")) for c in columns})
        else:
            parts = [p.strip() for p in str(item).split("|")]
            out.append({c: (parts[i] if i < len(parts) else "") for i, c in enumerate(columns)})
    return out


def field_value(f: Field, value: Any) -> Any:
    """A draft value converted for templates (dates to ``date``, lists normalised)."""
    if f.type == "date":
        return parse_date(value) if value not in (None, "") else ""
    if f.type == "time":
        if value in (None, ""):
            return ""
        t = parse_time(value)
        return f"{t.hour:02d}.{t.minute:02d}"
    if f.type == "list":
        return list_items(value, f.columns)
    if f.type == "bool":
        return value if isinstance(value, bool) else str(value).lower() in ("1", "ya", "true")
    return "" if value is None else str(value)


def build_context(template: Template, draft: Draft, profile: Profile) -> dict[str, Any]:
    ctx: dict[str, Any] = {"profile": profile.template_view(), "today": date.today()}
    for f in template.fields:
        if f.type == "photo":
            refs = list(draft.photos.get(f.key, []))
            ctx[f.key] = refs
            # which photos stand upright (portrait), for layouts chosen by orientation
            ctx[f"{f.key}_tegak"] = [_upright(ref.path) for ref in refs]
        else:
            ctx[f.key] = field_value(f, draft.values.get(f.key, f.default))
    return ctx


@lru_cache(maxsize=256)
def _upright_at(path: str, mtime_ns: int, size: int) -> bool:
    try:
        info = probe_photo(path)
    except KontenError:
        return False
    return info.height > info.width


def _upright(path: str) -> bool:
    """Whether the photo at ``path`` is taller than wide once turned upright (False when it
    cannot be read: the render reports that photo on its own)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    return _upright_at(path, st.st_mtime_ns, st.st_size)


def missing_required(template: Template, draft: Draft) -> list[Field]:
    out = []
    for f in template.fields:
        if not f.required:
            continue
        if f.type == "photo":
            if not draft.photos.get(f.key):
                out.append(f)
        elif draft.values.get(f.key, f.default) in (None, "", []):
            out.append(f)
    return out


@lru_cache(maxsize=64)
def _asset_image(path: Path, mtime: float) -> Image.Image:
    """A logo, template image or icon as RGBA, through the safe opener (size and memory
    caps, at most 2048 px on the long side). Raises a KontenError naming a bad file."""
    return open_image(path, ASSET, mode="RGBA").image


MAX_PLACED_PIXELS = 16_000_000  # an asset is never drawn larger than this (a full card is 2 MP)


@lru_cache(maxsize=128)
def _scaled(path: Path, mtime: float, size: tuple[int, int]) -> tuple[Image.Image, Image.Image]:
    """An asset resized for pasting: (RGB, alpha mask); cached per file and size."""
    if size[0] * size[1] > MAX_PLACED_PIXELS:  # a hair-thin logo scaled to a logo's height
        raise ValueInputError(f"Gambar {display_name(path)} tidak bisa dipakai: perbandingan "
                              f"sisinya tidak wajar (perlu {size[0]}x{size[1]} piksel).")
    placed = _asset_image(path, mtime).resize(size, Image.Resampling.LANCZOS)
    return placed.convert("RGB"), placed.getchannel("A")


@dataclass(frozen=True)
class _Asset:
    path: Path
    mtime: float
    image: Image.Image = field(compare=False)

    @property
    def width(self) -> int:
        return self.image.width

    @property
    def height(self) -> int:
        return self.image.height

    def scaled(self, size: tuple[int, int]) -> tuple[Image.Image, Image.Image]:
        return _scaled(self.path, self.mtime, size)


def _load_asset(path: Path) -> _Asset | None:
    """The asset, or None when there is no such file (the caller warns). A file that is
    there but damaged, hostile or too large raises a KontenError with a clear message."""
    try:
        mtime = path.stat().st_mtime
        if not path.is_file():
            return None
    except (OSError, ValueError):
        return None
    return _Asset(path, mtime, _asset_image(path, mtime))


class _Renderer:
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
        self.draft = draft
        self.profile = profile
        self.scale = scale
        self.photos = photos
        self.preview = preview
        self.ctx = build_context(template, draft, profile)
        plan = _slide_plan(self.fmt, template, draft)
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
        for name in referenced_names(source):
            if name in self.fields:
                return name
        return None

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
        return RenderResult(self.canvas, self.warnings)

    def visible(self, layer: Layer) -> bool:
        return layer.when is None or bool(evaluate(layer.when, self.ctx))

    def layer(self, layer: Layer) -> None:
        if not self.visible(layer):
            return
        handler = getattr(self, "layer_" + layer.type)
        handler(layer)

    def layer_rect(self, layer: RectLayer) -> None:
        self.fill(self.box(layer.box), self.color(layer.fill, layer.opacity),
                  self.px(layer.radius) if layer.radius else 0)

    def layer_gradient(self, layer: GradientLayer) -> None:
        x, y, w, h = self.box(layer.box)
        stops = tuple((pos, self.color(ref, layer.opacity)) for pos, ref in layer.stops)
        rgb, alpha = _gradient_image(stops, layer.direction, (w, h))
        self.canvas.paste(rgb, (x, y), alpha)

    def layer_photo(self, layer: PhotoLayer) -> None:
        box = self.box(layer.box)
        refs: list[PhotoRef] = self.ctx.get(layer.field) or []
        index = self.ctx["n"] if layer.index == "n" else int(layer.index)
        if index >= len(refs):
            self.fill(box, self.color(layer.placeholder, layer.opacity),
                      self.px(layer.radius) if layer.radius else 0)
            if self.preview:
                self._photo_placeholder_mark(box)
            return
        ref = refs[index]
        info = self.photos.info(ref.path)
        frame_full = (layer.box[2], layer.box[3])
        if layer.fit == "contain":  # the whole photo, centred on the placeholder colour
            self.fill(box, self.color(layer.placeholder, layer.opacity),
                      self.px(layer.radius) if layer.radius else 0)
            fit = min(frame_full[0] / info.width, frame_full[1] / info.height)
            frame_full = (max(1, round(info.width * fit)), max(1, round(info.height * fit)))
            inner = (max(1, round(frame_full[0] * self.scale)),
                     max(1, round(frame_full[1] * self.scale)))
            box = (box[0] + (box[2] - inner[0]) // 2, box[1] + (box[3] - inner[1]) // 2, *inner)
        if cover_scale((info.width, info.height), frame_full) > MAX_UPSCALE:
            self.warn(
                "photo_small",
                f"Foto '{self.label(layer.field)}' ({info.width}x{info.height}) terlalu kecil "
                f"untuk bingkai {frame_full[0]}x{frame_full[1]}; hasilnya akan tampak buram.",
                layer.field,
            )
        if layer.fit == "contain":  # no crop: scale the whole decoded photo
            decoded = self.photos.get(ref.path, (box[2], box[3]))
            part = decoded.image.resize((box[2], box[3]), Image.Resampling.LANCZOS)
            if ref.enhance:
                part = part.point(self.photos.levels(ref.path))
        else:  # cover_crop_box keeps the crop inside the photo, float error included
            part = self.photos.frame(ref.path, (box[2], box[3]), ref.focus, ref.anchor,
                                     enhance=ref.enhance)
        grayscale = layer.grayscale
        if isinstance(grayscale, str):
            grayscale = bool(evaluate(grayscale, self.ctx))
        if grayscale:
            part = part.convert("L").convert("RGB")
        mask = None
        if layer.radius or layer.opacity < 1:
            mask = Image.new("L", part.size, 0)
            ImageDraw.Draw(mask).rounded_rectangle(
                (0, 0, part.width - 1, part.height - 1), radius=self.px(layer.radius),
                fill=round(255 * layer.opacity))
        self.canvas.paste(part, box[:2], mask)

    def _photo_placeholder_mark(self, box: tuple[int, int, int, int]) -> None:
        """A quiet camera sign so an empty frame reads as 'photo goes here'."""
        x, y, w, h = box
        unit = max(4, min(w, h) // 10)
        cx, cy = x + w // 2, y + h // 2
        ink = (255, 255, 255)
        mark = Image.new("L", (w, h), 0)
        d = ImageDraw.Draw(mark)
        ox, oy = cx - x, cy - y
        d.rounded_rectangle((ox - unit, oy - unit * 0.7, ox + unit, oy + unit * 0.75),
                            radius=unit // 4, outline=90, width=max(2, unit // 8))
        d.ellipse((ox - unit * 0.4, oy - unit * 0.35, ox + unit * 0.4, oy + unit * 0.45),
                  outline=90, width=max(2, unit // 8))
        self.canvas.paste(ink, (x, y, x + w, y + h), mark)

    def layer_image(self, layer: ImageLayer) -> None:
        path = (self.template.folder / layer.src).resolve()
        asset = _load_asset(path)
        if asset is None:
            self.warn("asset_missing", f"Gambar hiasan templat tidak ada: {layer.src}")
            return
        img = asset.image
        x, y, w, h = self.box(layer.box)
        if layer.fit == "stretch":
            placed, pos = img.resize((w, h), Image.Resampling.LANCZOS), (x, y)
        elif layer.fit == "cover":
            crop = cover_crop_box(img.size, (w, h), (0.5, 0.5))
            placed = img.resize((w, h), Image.Resampling.LANCZOS, box=crop)
            pos = (x, y)
        else:
            s = min(w / img.width, h / img.height)
            size = (max(1, round(img.width * s)), max(1, round(img.height * s)))
            placed = img.resize(size, Image.Resampling.LANCZOS)
            pos = (x + (w - size[0]) // 2, y + (h - size[1]) // 2)
        alpha = placed.getchannel("A")
        if layer.opacity < 1:
            alpha = alpha.point(lambda v: round(v * layer.opacity))
        self.canvas.paste(placed.convert("RGB"), pos, alpha)

    def _logo_images(self, which: str) -> list[_Asset]:
        wanted = ("pemda", "opd") if which == "both" else (which,)
        out = []
        for name in wanted:
            path = getattr(self.profile, f"{name}_logo")
            img = _load_asset(Path(path)) if path else None
            if img is None:
                label = "Pemda" if name == "pemda" else "OPD"
                self.warn("logo_missing",
                          f"Logo {label} belum diatur atau tidak terbaca di profil.")
                continue
            out.append(img)
        return out

    def _place_logos(self, images: list[_Asset], x: int, y: int, height: int,
                     gap: int) -> int:
        """Paste logos at a fixed height, proportions locked; returns the width used."""
        cursor = x
        for img in images:
            w = max(1, round(img.width * height / img.height))
            rgb, alpha = img.scaled((w, height))
            self.canvas.paste(rgb, (cursor, y), alpha)
            cursor += w + gap
        return max(0, cursor - x - gap) if images else 0

    def _logos_width(self, images: list[_Asset], height: int, gap: int) -> int:
        return sum(round(i.width * height / i.height) for i in images) + gap * max(
            0, len(images) - 1)

    def layer_logo(self, layer: LogoLayer) -> None:
        x, y, w, h = self.box(layer.box)
        images = self._logo_images(layer.which)
        gap = self.px(layer.gap)
        height = h
        total = self._logos_width(images, height, gap)
        if total > w and total:  # keep proportions: shrink all logos together
            height = max(1, math.floor(h * w / total))
            total = self._logos_width(images, height, gap)
        left = x if layer.align == "left" else x + (w - total) // 2 if layer.align == "center" \
            else x + w - total
        self._place_logos(images, left, y + (h - height) // 2, height, gap)

    def layer_identity(self, layer: IdentityLayer) -> None:
        x, y, w, h = self.box(layer.box)
        logo_h = min(h, self.px(layer.logo_height))
        gap = self.px(16)
        images = self._logo_images("both")
        logos_w = self._logos_width(images, logo_h, gap) if images else 0
        text_x = x + logos_w + (self.px(24) if images else 0)
        text_w = max(1, x + w - text_x)
        ink = self.color(layer.color, layer.opacity)
        heading = self.font_path("heading", "bold")
        body = self.font_path("body", "medium")
        line1 = fit_text(self.profile.pemda_name.upper(), heading, text_w, h,
                         self.px(layer.logo_height * 0.31), self.px(18), 1, 1.0, 0.02)
        line2 = fit_text(self.profile.opd_name, body, text_w, h,
                         self.px(layer.logo_height * 0.29), self.px(18), 1, 1.0)
        gap_lines = self.px(10)
        block = line1.height + gap_lines + line2.height
        if layer.align == "center":
            group = logos_w + (self.px(24) if images else 0) + max(line1.width, line2.width)
            shift = max(0, (w - round(group)) // 2)
            x += shift
            text_x += shift
        self._place_logos(images, x, y + (h - logo_h) // 2, logo_h, gap)
        top = y + (h - block) / 2
        draw_layout(self.draw, line1, (text_x, top, text_w, line1.height), ink)
        draw_layout(self.draw, line2, (text_x, top + line1.height + gap_lines, text_w,
                                       line2.height), ink)

    def layer_footer(self, layer: FooterLayer) -> None:
        x, y, w, h = self.box(layer.box)
        handle = self.profile.main_handle
        site = self.profile.website.strip()
        if not handle and not site:
            self.warn("footer_empty", "Profil belum punya akun media sosial atau situs web; "
                                      "kartu resmi sebaiknya mencantumkannya.")
            return
        ink = self.color(layer.color, layer.opacity)
        path = self.font_path("body", "semibold")
        size = self.px(layer.size)
        if layer.align == "split" and handle and site:
            half = (w - self.px(24)) // 2
            left = fit_text(handle, path, half, h, size, self.px(18), 1, 1.0)
            right = fit_text(site, path, half, h, size, self.px(18), 1, 1.0)
            draw_layout(self.draw, left, (x, y, half, h), ink, "left", "middle")
            draw_layout(self.draw, right, (x + w - half, y, half, h), ink, "right", "middle")
            return
        line = "   •   ".join(p for p in (handle, site) if p)
        layout = fit_text(line, path, w, h, size, self.px(18), 1, 1.0)
        align = "center" if layer.align in ("center", "split") else "left"
        draw_layout(self.draw, layout, (x, y, w, h), ink, align, "middle")

    # ------------------------------------------------------------ text
    def text_value(self, layer: TextLayer) -> str:
        value = clean_text(render_string(layer.text, self.ctx)).strip()
        return value.upper() if layer.uppercase else value

    def layout_text(self, layer: TextLayer, value: str, width: int, height: int) -> TextLayout:
        path = self.font_path(layer.font, layer.weight, layer.italic)
        if not fonts.covers(path, value):
            fallback = fonts.font_file(fonts.FALLBACK_FAMILY, layer.weight, layer.italic)
            missing = fonts.missing_chars(fallback, value)
            if missing:
                value = "".join(ch for ch in value if ch not in missing)
                value = re.sub(r"[ \t]{2,}", " ", value).strip()
                self.warn("glyphs", f"Karakter {missing[:10]} (misalnya emoji) tidak bisa "
                                    f"ditampilkan di gambar dan dilewati; pakai di keterangan "
                                    f"(caption) saja.", self.field_of(layer, layer.text))
            if not fonts.covers(path, value):
                path = fallback
        pad_x, pad_y = (self.px(p) for p in layer.panel.padding) if layer.panel else (0, 0)
        min_size = self.px(layer.min_size) if layer.min_size else None
        layout = fit_text(value, path, width - 2 * pad_x, height - 2 * pad_y,
                          self.px(layer.size), min_size, layer.max_lines, layer.line_height,
                          layer.tracking)
        if layout.overflow:
            key = self.field_of(layer, layer.text)
            self.warn("overflow", f"Teks '{self.label(key)}' terlalu panjang untuk kotaknya; "
                                  f"dipotong dengan '…'. Persingkat teksnya.", key)
        return layout

    def draw_text(self, layer: TextLayer, layout: TextLayout,
                  box: tuple[float, float, float, float]) -> None:
        x, y, w, h = box
        ink = self.color(layer.color, layer.opacity)
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
            self._check_contrast(layer, layout, inner, ink)
            draw_layout(self.draw, layout, inner, ink, layer.align, "top")
            return
        ink_box = _ink_box(layout, box, layer.align, layer.valign)
        self._check_contrast(layer, layout, ink_box, ink)
        if layer.shadow:
            self._shadow(layout, box, layer)
        draw_layout(self.draw, layout, box, ink, layer.align, layer.valign)

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
                        ink_box: tuple[float, float, float, float], ink: RGBA) -> None:
        x, y, w, h = (round(v) for v in ink_box)
        region = self.canvas.crop((max(0, x), max(0, y), max(1, x + w), max(1, y + h)))
        if region.width < 1 or region.height < 1:
            return
        region.thumbnail((64, 64), Image.Resampling.BILINEAR)
        hist = region.convert("L").histogram()
        total = sum(hist)
        # Judge against the background tone that is hardest for this ink: the lightest
        # 10 % under light text, the darkest 10 % under dark text.
        light_ink = sum(ink[:3]) / 3 > 127
        target, running = total * 0.1, 0
        order = range(255, -1, -1) if light_ink else range(256)
        tone = 0
        for tone in order:
            running += hist[tone]
            if running >= target:
                break
        alpha = ink[3] / 255  # translucent text: judge the colour it actually shows
        shown = tuple(round(c * alpha + tone * (1 - alpha)) for c in ink[:3])
        ratio = contrast_ratio(shown, (tone, tone, tone))
        large = layout.size >= self.px(LARGE_TEXT_PX) or (
            layout.size >= self.px(30) and layer.weight in ("bold", "extrabold", "black"))
        needed = 3.0 if large else 4.5
        if ratio < needed:
            key = self.field_of(layer, layer.text)
            self.warn("contrast", f"Kontras teks '{self.label(key)}' rendah ({ratio:.1f}:1, "
                                  f"minimal {needed:.1f}:1); tambahkan latar atau ganti warna.",
                      key)

    def layer_text(self, layer: TextLayer) -> None:
        value = self.text_value(layer)
        if not value or layer.box is None:
            return
        box = self.box(layer.box)
        layout = self.layout_text(layer, value, box[2], box[3])
        self.draw_text(layer, layout, box)

    def layer_rule(self, layer: RuleLayer) -> None:
        if layer.box is None:
            return
        self.fill(self.box(layer.box), self.color(layer.color, layer.opacity),
                  self.px(layer.radius))

    def layer_stack(self, layer: StackLayer) -> None:
        x, y, w, h = self.box(layer.box)
        gap = self.px(layer.gap)
        items: list[tuple[Layer, Any, float]] = []
        for child in layer.children:
            if not self.visible(child):
                continue
            if isinstance(child, TextLayer):
                value = self.text_value(child)
                if not value:
                    continue
                room = self.px(child.height) if child.height else h
                layout = self.layout_text(child, value, w, room)
                pad_y = self.px(child.panel.padding[1]) if child.panel else 0
                items.append((child, layout, layout.height + 2 * pad_y))
            elif isinstance(child, RuleLayer):
                items.append((child, None, self.px(child.thickness)))
        if not items:
            return
        gaps = [0] + [gap if c.space_before is None else self.px(c.space_before)
                      for c, _, _ in items[1:]]  # type: ignore[attr-defined]
        total = sum(height for _, _, height in items) + sum(gaps)
        if total > h + 1:
            keys = [k for c, _, _ in items if isinstance(c, TextLayer)
                    for k in [self.field_of(c, c.text)] if k]
            names = ", ".join(dict.fromkeys(self.label(k) for k in keys)) or "teks"
            self.warn("overflow", f"Isi blok teks ({names}) melebihi ruangnya dan bisa "
                                  f"menimpa bagian lain; persingkat teksnya.",
                      keys[0] if keys else None)
        top = y if layer.anchor == "top" else y + (h - total) / 2 if layer.anchor == "middle" \
            else y + h - total
        if layer.panel:
            pad_x, pad_y = (self.px(p) for p in layer.panel.padding)
            self.fill((x - pad_x, round(top) - pad_y, w + 2 * pad_x, round(total) + 2 * pad_y),
                      self.color(layer.panel.fill, layer.opacity), self.px(layer.panel.radius))
        cursor = top
        for (child, layout, height), before in zip(items, gaps):  # noqa: B905
            cursor += before
            if isinstance(child, TextLayer):
                self.draw_text(child, layout, (x, cursor, w, height))
            elif isinstance(child, RuleLayer):
                rule_w = min(w, self.px(child.width))
                rx = x if child.align == "left" else x + (w - rule_w) // 2 \
                    if child.align == "center" else x + w - rule_w
                self.fill((rx, round(cursor), rule_w, round(height)),
                          self.color(child.color, child.opacity), self.px(child.radius))
            cursor += height

    # ------------------------------------------------------------ lists and stats
    def layer_list(self, layer: ListLayer) -> None:
        items = [str(i) for i in (self.ctx.get(layer.field) or [])]
        if not items:
            return
        x, y, w, h = self.box(layer.box)
        path = self.font_path(layer.font, layer.weight)
        gap = self.px(layer.gap)

        def plan(size: int) -> tuple[list[TextLayout], float, int]:
            marker = round(size * 1.35)
            text_w = w - marker - round(size * 0.6)
            layouts = [fit_text(item, path, text_w, h, size, size, None, layer.line_height)
                       for item in items]
            total = sum(max(lay.height, marker) for lay in layouts) + gap * (len(items) - 1)
            return layouts, total, marker

        size, min_size = self.px(layer.size), self.px(layer.min_size or layer.size)
        layouts, total, marker = plan(size)
        while total > h and size > min_size:
            size = max(min_size, size - max(1, size // 12))
            layouts, total, marker = plan(size)
        cursor, shown = float(y), 0
        ink = self.color(layer.color, layer.opacity)
        for i, lay in enumerate(layouts):
            row_h = max(lay.height, marker)
            if cursor + row_h > y + h + 1:
                break
            self._marker(layer, i, x, round(cursor + (lay.cap_height - marker) / 2 + 0), marker,
                         size)
            draw_layout(self.draw, lay, (x + marker + round(size * 0.6), cursor, w, row_h), ink)
            cursor += row_h + gap
            shown += 1
        if shown < len(items):
            self.warn("overflow", f"Daftar '{self.label(layer.field)}' terlalu panjang: "
                                  f"{len(items) - shown} butir tidak muat. Persingkat atau "
                                  f"kurangi butirnya.", layer.field)

    def _marker(self, layer: ListLayer, index: int, x: int, y: int, d: int, size: int) -> None:
        y = max(0, y)
        fill = self.color(layer.marker_color, layer.opacity)
        if layer.marker == "bullet":
            r = d // 5
            cx, cy = x + d // 2, y + d // 2
            self.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill[:3])
            return
        self.draw.ellipse((x, y, x + d - 1, y + d - 1), fill=fill[:3])
        ink = self.color(layer.marker_text, layer.opacity)[:3]
        if layer.marker == "check":
            u = d / 10
            self.draw.line([(x + 2.8 * u, y + 5.2 * u), (x + 4.4 * u, y + 6.8 * u),
                            (x + 7.4 * u, y + 3.6 * u)], fill=ink, width=max(2, round(u)),
                           joint="curve")
            return
        font = fonts.load_font(self.font_path("heading", "bold"), round(size * 0.8))
        self.draw.text((x + d / 2, y + d / 2), str(index + 1), font=font, fill=ink, anchor="mm")

    def layer_stats(self, layer: StatsLayer) -> None:
        f = self.fields[layer.field]
        items = list_items(self.ctx.get(layer.field), f.columns or ("nilai", "keterangan"))
        if not items:
            return
        cols = f.columns or ("nilai", "keterangan")
        x, y, w, h = self.box(layer.box)
        gap = self.px(layer.gap)
        # Room for a cell of at least a minimum-size figure and one label line (rows) or a
        # figure above two label lines (grid): a pack may declare far more items than fit.
        if layer.direction == "row":
            min_h = self.px(max(layer.value_min_size, 22 * 1.3) + 8)
            fit = max(1, (h + gap) // max(1, min_h + gap)) * max(1, layer.columns)
        else:
            min_h = self.px(layer.value_min_size + 16 + 2 * 22 * 1.3) + \
                (2 * self.px(28) if layer.card else 0)
            fit = max(1, (h + gap) // max(1, min_h + gap)) * max(1, layer.columns)
        items = self._within_capacity(f, items, fit)
        if layer.direction == "row":
            self._stats_rows(layer, items, cols)
            return
        n = len(items)
        rows = math.ceil(n / min(layer.columns, n))
        columns = math.ceil(n / rows)  # balanced grid: 4 items in 2x2, not 3+1
        cell_w = (w - gap * (columns - 1)) / columns
        cell_h = (h - gap * (rows - 1)) / rows
        pad = self.px(28) if layer.card else 0
        inner_w = cell_w - 2 * pad
        value_path = self.font_path(layer.value_font, "extrabold")
        label_path = self.font_path("body", "medium")
        label_size = self.px(layer.label_size)
        # One value size for every cell, so the figures read as a set.
        value_room = (cell_h - 2 * pad) * 0.62
        size = self.px(layer.value_size)
        for item in items:
            lay = fit_text(item[cols[0]], value_path, inner_w, value_room, size,
                           self.px(layer.value_min_size), 1, 1.0)
            size = min(size, lay.size)
        value_ink = self.color(layer.value_color, layer.opacity)
        label_ink = self.color(layer.label_color, layer.opacity)
        for i, item in enumerate(items):
            r, c = divmod(i, columns)
            if r == rows - 1 and n % columns and layer.align == "center":
                offset = (columns - n % columns) * (cell_w + gap) / 2
            else:
                offset = 0
            cx = x + offset + c * (cell_w + gap)
            cy = y + r * (cell_h + gap)
            if layer.card:
                self.fill((round(cx), round(cy), round(cell_w), round(cell_h)),
                          self.color(layer.card, layer.opacity), self.px(layer.card_radius))
            value = fit_text(item[cols[0]], value_path, inner_w, value_room, size,
                             self.px(layer.value_min_size), 1, 1.0)
            label_room = cell_h - 2 * pad - value.height - self.px(16)
            label = fit_text(item[cols[1]] if len(cols) > 1 else "", label_path, inner_w,
                             label_room, label_size, self.px(22), 3, 1.3)
            block = value.height + self.px(16) + label.height
            top = cy + (cell_h - block) / 2
            if value.overflow or label.overflow:
                self.warn("overflow", f"Angka/keterangan ke-{i + 1} di '{self.label(layer.field)}'"
                                      f" terlalu panjang dan dipotong.", layer.field)
            draw_layout(self.draw, value, (cx + pad, top, inner_w, value.height), value_ink,
                        layer.align)
            draw_layout(self.draw, label, (cx + pad, top + value.height + self.px(16), inner_w,
                                           label.height), label_ink, layer.align)

    def _within_capacity(self, f: Field, items: list[Any], fit: int) -> list[Any]:
        """The items a stats grid can draw: at most the field's declared ``max_items`` and
        what fits its box at the minimum type size.

        A draft from another machine may hold far more (the grid would shrink its cells to
        nothing); the surplus is reported, never drawn half or silently dropped."""
        limit = max(1, min(f.max_items, fit))
        if len(items) <= limit:
            return items
        self.warn("overflow", f"'{f.label}' berisi {len(items)} butir; templat ini memuat "
                              f"paling banyak {limit}. Hapus {len(items) - limit} butir.", f.key)
        return items[:limit]

    def _stats_rows(self, layer: StatsLayer, items: list[dict[str, str]],
                    cols: tuple[str, ...]) -> None:
        """Stats as rows: the figure on the left, its label beside it."""
        x, y, w, h = self.box(layer.box)
        n = len(items)
        columns = min(layer.columns, n)
        rows = math.ceil(n / columns)
        gap = self.px(layer.gap)
        cell_w = (w - gap * (columns - 1)) / columns
        cell_h = (h - gap * (rows - 1)) / rows
        pad = self.px(28) if layer.card else 0
        pad_y = min(pad, round(cell_h * 0.12))
        inner_w, inner_h = cell_w - 2 * pad, max(1, cell_h - 2 * pad_y)
        value_path = self.font_path(layer.value_font, "extrabold")
        label_path = self.font_path("body", "medium")
        size = self.px(layer.value_size)
        for item in items:
            lay = fit_text(item[cols[0]], value_path, inner_w * 0.5, inner_h, size,
                           self.px(layer.value_min_size), 1, 1.0)
            size = min(size, lay.size)
        values = [fit_text(item[cols[0]], value_path, inner_w * 0.5, inner_h, size,
                           self.px(layer.value_min_size), 1, 1.0) for item in items]
        value_col = max(v.width for v in values)
        space = self.px(32)
        label_w = max(1, inner_w - value_col - space)
        value_ink = self.color(layer.value_color, layer.opacity)
        label_ink = self.color(layer.label_color, layer.opacity)
        for i, (item, value) in enumerate(zip(items, values, strict=True)):
            r, c = divmod(i, columns)
            cx = x + c * (cell_w + gap)
            cy = y + r * (cell_h + gap)
            if layer.card:
                self.fill((round(cx), round(cy), round(cell_w), round(cell_h)),
                          self.color(layer.card, layer.opacity), self.px(layer.card_radius))
            label = fit_text(item[cols[1]] if len(cols) > 1 else "", label_path, label_w,
                             inner_h, self.px(layer.label_size), self.px(22), 3, 1.3)
            if value.overflow or label.overflow:
                self.warn("overflow", f"Angka/keterangan ke-{i + 1} di '{self.label(layer.field)}'"
                                      f" terlalu panjang dan dipotong.", layer.field)
            draw_layout(self.draw, value, (cx + pad, cy + pad_y, value_col, inner_h),
                        value_ink, "left", "middle")
            draw_layout(self.draw, label, (cx + pad + value_col + space, cy + pad_y, label_w,
                                           inner_h), label_ink, "left", "middle")

    # ------------------------------------------------------------ qr, stamp, badge, icon
    def layer_qr(self, layer: QrLayer) -> None:
        data = clean_text(render_string(layer.text, self.ctx)).strip()
        if not data:
            return
        key = self.field_of(layer, layer.text)
        try:
            code = segno.make(data, error="m", micro=False)
        except segno.DataOverflowError:
            self.warn("overflow", f"Isi kode QR '{self.label(key)}' terlalu panjang; "
                                  f"perpendek tautannya.", key)
            return
        matrix = code.matrix
        n = len(matrix)
        total = n + 2 * layer.border
        if min(layer.box[2], layer.box[3]) // total < 4:
            self.warn("qr_dense", f"Kode QR '{self.label(key)}' terlalu rapat untuk ukurannya "
                                  f"dan sulit dipindai; perpendek tautannya.", key)
        mask = Image.frombytes("L", (n, n), bytes(255 if v else 0 for row in matrix for v in row))
        x, y, w, h = self.box(layer.box)
        side = min(w, h)
        unit = side // total
        if unit >= 1:  # whole pixels per module: crisp edges
            side = unit * total
            mask = mask.resize((unit * n, unit * n), Image.Resampling.NEAREST)
        else:
            mask = mask.resize((round(side * n / total),) * 2, Image.Resampling.BOX)
        left, top = x + (w - side) // 2, y + (h - side) // 2
        self.fill((left, top, side, side), self.color(layer.background, layer.opacity),
                  self.px(layer.radius) if layer.radius else 0)
        offset = (side - mask.width) // 2
        ink = self.color(layer.color, layer.opacity)
        if ink[3] < 255:
            mask = mask.point(lambda v: v * ink[3] // 255)
        self.canvas.paste(ink[:3], (left + offset, top + offset), mask)

    def layer_stamp(self, layer: StampLayer) -> None:
        value = clean_text(render_string(layer.text, self.ctx)).strip()
        if layer.uppercase:
            value = value.upper()
        if not value:
            return
        key = self.field_of(layer, layer.text)
        x, y, w, h = self.box(layer.box)
        path = self.font_path(layer.font, layer.weight)
        border = self.px(layer.border) if layer.border else 0
        angle = math.radians(abs(layer.angle))
        size = self.px(layer.size)
        min_size = self.px(layer.min_size or max(12, layer.size // 2))
        while True:
            layout = fit_text(value, path, 100000, 100000, size, size, None, 1.05,
                              layer.tracking)
            pad_x, pad_y = round(size * 0.38) + 2 * border, round(size * 0.26) + 2 * border
            sw, sh = round(layout.width) + 2 * pad_x, round(layout.height) + 2 * pad_y
            rw = sw * math.cos(angle) + sh * math.sin(angle)
            rh = sw * math.sin(angle) + sh * math.cos(angle)
            if (rw <= w and rh <= h) or size <= min_size:
                break
            size = max(min_size, math.floor(size * 0.92))
        if rw > w + 1 or rh > h + 1:
            self.warn("overflow", f"Cap '{self.label(key)}' terlalu panjang untuk tempatnya; "
                                  f"persingkat.", key)
        ink_mask = Image.new("L", (sw, sh), 0)
        d = ImageDraw.Draw(ink_mask)
        if border:
            d.rounded_rectangle((0, 0, sw - 1, sh - 1), radius=border * 2, outline=255,
                                width=border)
            inset = border * 2
            d.rounded_rectangle((inset, inset, sw - 1 - inset, sh - 1 - inset),
                                radius=border, outline=255, width=max(1, border // 3))
        draw_layout(d, layout, (pad_x, pad_y, layout.width, layout.height), (255,), "center")
        ink = self.color(layer.color, layer.opacity)
        if ink[3] < 255:
            ink_mask = ink_mask.point(lambda v: v * ink[3] // 255)
        rotated = ink_mask.rotate(layer.angle, Image.Resampling.BICUBIC, expand=True)
        pos = (x + (w - rotated.width) // 2, y + (h - rotated.height) // 2)
        if layer.fill:
            fill = self.color(layer.fill, layer.opacity)
            back = Image.new("L", (sw, sh), 0)
            ImageDraw.Draw(back).rounded_rectangle((0, 0, sw - 1, sh - 1),
                                                   radius=border * 2, fill=fill[3])
            back = back.rotate(layer.angle, Image.Resampling.BICUBIC, expand=True)
            self.canvas.paste(fill[:3], pos, back)
        self.canvas.paste(ink[:3], pos, rotated)

    def layer_badge(self, layer: BadgeLayer) -> None:
        badges = []
        if layer.which in ("berakhlak", "both") and self.profile.badge_berakhlak:
            badges.append(("ASN", "BerAKHLAK"))
        if layer.which in ("bangga", "both") and self.profile.badge_bangga_melayani:
            badges.append(("", "#BanggaMelayaniBangsa"))
        if not badges:
            return
        x, y, w, h = self.box(layer.box)
        light = self.font_path("heading", "semibold")
        heavy = self.font_path("heading", "extrabold")
        size = max(1, round(h * 0.42))
        gap = round(h * 0.3)

        def plan(size: int) -> list[tuple[TextLayout | None, TextLayout, int]]:
            out = []
            for prefix, main in badges:
                pre = fit_text(prefix, light, 100000, h, size, size, 1, 1.0) if prefix else None
                body = fit_text(main, heavy, 100000, h, size, size, 1, 1.0)
                width = round(h * 0.72 + (pre.width + size * 0.3 if pre else 0) + body.width
                              + h * 0.45)
                out.append((pre, body, width))
            return out

        items = plan(size)
        while sum(i[2] for i in items) + gap * (len(items) - 1) > w and size > 8:
            size = max(8, math.floor(size * 0.9))
            items = plan(size)
        total = sum(i[2] for i in items) + gap * (len(items) - 1)
        cursor = x if layer.align == "left" else x + (w - total) // 2 \
            if layer.align == "center" else x + w - total
        ink = self.color(layer.color, layer.opacity)
        for pre, body, width in items:
            self.fill((cursor, y, width, h), self.color(layer.fill, layer.opacity), h // 2)
            dot = round(h * 0.36)
            self._disc((cursor + round(h * 0.24), y + (h - dot) // 2, dot),
                       self.color(layer.accent, layer.opacity))
            tx = cursor + h * 0.72
            if pre:
                draw_layout(self.draw, pre, (tx, y, pre.width, h), ink, "left", "middle")
                tx += pre.width + size * 0.3
            draw_layout(self.draw, body, (tx, y, body.width, h), ink, "left", "middle")
            cursor += width + gap

    def _disc(self, spec: tuple[int, int, int], rgba: RGBA) -> None:
        """An anti-aliased filled circle: (left, top, diameter)."""
        x, y, d = spec
        if d < 1 or rgba[3] == 0:
            return
        big = Image.new("L", (d * 4, d * 4), 0)
        ImageDraw.Draw(big).ellipse((0, 0, d * 4 - 1, d * 4 - 1), fill=rgba[3])
        self.canvas.paste(rgba[:3], (x, y), big.resize((d, d), Image.Resampling.LANCZOS))

    def layer_icon(self, layer: IconLayer) -> None:
        x, y, w, h = self.box(layer.box)
        side = min(w, h)
        left, top = x + (w - side) // 2, y + (h - side) // 2
        size = side
        if layer.circle:
            self._disc((left, top, side), self.color(layer.circle, layer.opacity))
            size = round(side * 0.56)
        asset = _load_asset(assets_dir() / "icons" / f"{layer.name}.png")
        if asset is None or size < 1:
            return
        _, alpha = asset.scaled((size, size))
        ink = self.color(layer.color, layer.opacity)
        if ink[3] < 255:
            alpha = alpha.point(lambda v: v * ink[3] // 255)
        self.canvas.paste(ink[:3], (left + (side - size) // 2, top + (side - size) // 2), alpha)


@lru_cache(maxsize=64)
def _gradient_image(stops: tuple[tuple[float, RGBA], ...], direction: str,
                    size: tuple[int, int]) -> tuple[Image.Image, Image.Image]:
    """A gradient box as (RGB, alpha), cached: scrims repeat on every render."""
    w, h = size
    vertical = direction in ("down", "up")
    length = h if vertical else w
    if direction in ("up", "left"):
        stops = tuple((1 - pos, c) for pos, c in reversed(stops))
    strip = Image.new("RGBA", (1, length) if vertical else (length, 1))
    strip.putdata([_gradient_at(stops, i / max(1, length - 1)) for i in range(length)])
    full = strip.resize((w, h), Image.Resampling.NEAREST)
    return full.convert("RGB"), full.getchannel("A")


def _gradient_at(stops: tuple[tuple[float, RGBA], ...], t: float) -> RGBA:
    """The colour at ``t`` (0..1) along sorted gradient stops, interpolated in RGBA."""
    if t <= stops[0][0]:
        return stops[0][1]
    for (p0, c0), (p1, c1) in itertools.pairwise(stops):
        if t <= p1:
            f = 0.0 if p1 <= p0 else (t - p0) / (p1 - p0)
            r, g, b, a = (round(x + (y - x) * f) for x, y in zip(c0, c1, strict=True))
            return (r, g, b, a)
    return stops[-1][1]


def _ink_box(layout: TextLayout, box: tuple[float, float, float, float], align: str,
             valign: str) -> tuple[float, float, float, float]:
    x, y, w, h = box
    lw, lh = layout.width, layout.height
    bx = x if align == "left" else x + (w - lw) / 2 if align == "center" else x + w - lw
    by = y if valign == "top" else y + (h - lh) / 2 if valign == "middle" else y + h - lh
    return (bx, by, lw, lh)


def _slide_plan(fmt: Format, template: Template,
                draft: Draft) -> list[tuple[tuple[Layer, ...], int]]:
    """The slides of a format as (layers, repeat index); one entry for a single image."""
    if not fmt.slides:
        return [(fmt.layers, 0)]
    def items(key: str) -> int:
        f = template.field(key)
        if f.type == "photo":
            return min(len(draft.photos.get(f.key, [])), max(1, f.max_items))
        return min(len(list_items(draft.values.get(f.key, f.default), f.columns)), 20)

    plan: list[tuple[tuple[Layer, ...], int]] = []
    for slide in fmt.slides:
        if any(items(key) < least for key, least in slide.min_items):
            continue
        if slide.repeat is None:
            plan.append((slide.layers, 0))
            continue
        count = items(slide.repeat)
        # an empty field still shows its one slide (with the placeholder), unless the
        # repeat starts after the cover's item
        last = max(count, 1 if slide.start == 0 else 0)
        plan.extend((slide.layers, i) for i in range(slide.start, last))
    return plan


def slide_count(template: Template, draft: Draft, fmt: str | None = None) -> int:
    """How many images one format of a draft renders to (1 unless it is a carousel)."""
    key = fmt or template.format_keys[0]
    if key not in template.formats:
        raise ValueInputError(f"Format {key} tidak tersedia untuk templat {template.id}.")
    return len(_slide_plan(template.formats[key], template, draft))


def render(template: Template, fmt: str, draft: Draft, profile: Profile, *,
           scale: float = 1.0, photos: PhotoCache | None = None,
           preview: bool = False, slide: int | None = None) -> RenderResult:
    """Render one format of a draft.

    ``scale`` < 1 gives a faster, smaller preview; ``preview`` marks empty photo frames with
    a camera sign (an exported card shows a plain colour there instead). For a carousel,
    ``slide`` (0-based, see ``slide_count``) picks the slide; the first by default.
    """
    renderer = _Renderer(template, fmt, draft, profile, scale, photos or PhotoCache(), preview,
                         slide)
    result = renderer.run()
    for f in template.fields:
        value = draft.values.get(f.key)
        if f.max_length and isinstance(value, str) and len(value) > f.max_length:
            result.warnings.append(RenderWarning(
                "length", f"'{f.label}' {len(value)} karakter; sebaiknya paling banyak "
                          f"{f.max_length}.", f.key))
    result.warnings.extend(_face_warnings(template, fmt, draft, profile))
    return result


def _face_warnings(template: Template, fmt: str, draft: Draft,
                   profile: Profile) -> list[RenderWarning]:
    """A face this format still cuts or hides (under a strip, badge or story zone)."""
    if not draft.photos:
        return []
    from . import faces  # noqa: PLC0415  (OpenCV loads on first use, and only if present)

    if not faces.available():
        return []
    return [RenderWarning("face_cut", message, key)
            for key, message in faces.face_warnings(template, fmt, draft, profile)]
