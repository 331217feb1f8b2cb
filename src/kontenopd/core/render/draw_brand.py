"""The agency's identity: logos, the identity strip, the footer, the ASN badges."""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image

from ..template.layers import BadgeLayer, FooterLayer, IdentityLayer, LogoLayer
from ..text.layout import TextFit, TextLayout, draw_layout, fit_text
from . import scrim
from .assets import Asset, load_asset
from .engine import Renderer, drawer


def _logo_images(r: Renderer, which: str) -> list[Asset]:
    wanted = ("pemda", "opd") if which == "both" else (which,)
    out = []
    for name in wanted:
        path = getattr(r.profile, f"{name}_logo")
        img = load_asset(Path(path)) if path else None
        if img is None:
            label = "Pemda" if name == "pemda" else "OPD"
            r.warn("logo_missing",
                      f"Logo {label} belum diatur atau tidak terbaca di profil.")
            continue
        out.append(img)
    return out

def _place_logos(r: Renderer, images: list[Asset], x: int, y: int, height: int,
                 gap: int, plate: str = "never",
                 room: tuple[int, int] | None = None) -> int:
    """Paste logos at a fixed height, proportions locked; returns the width used.

    ``plate`` ("auto", "always", "never"): a rounded backing plate behind a logo that would
    disappear into the band under it (``scrim.logo_blends``); ``room`` (top, bottom) is where
    the plate must stay: the logo shrinks a little, centred in its slot, when it would not."""
    cursor = x
    for img in images:
        w = max(1, round(img.width * height / img.height))
        rgb, alpha = img.scaled((w, height))
        if plate == "never" or not _plate(r, img, rgb, alpha, (cursor, y, w, height), plate,
                                          room):
            r.canvas.paste(rgb, (cursor, y), alpha)
        cursor += w + gap
    return max(0, cursor - x - gap) if images else 0


def _plate(r: Renderer, img: Asset, rgb: Image.Image, alpha: Image.Image,
           slot: tuple[int, int, int, int], mode: str, room: tuple[int, int] | None) -> bool:
    """Draw a logo on its backing plate when it needs one; False when it does not."""
    x, y, w, h = slot
    outline = scrim.logo_outline(img)  # judged at one size: the preview agrees
    if mode != "always" and not scrim.logo_blends(outline,
                                                  r.canvas.crop((x, y, x + w, y + h))):
        return False
    pad = r.px(8)
    top, bottom = room if room else (y - pad, y + h + pad)
    inner = min(h, bottom - top - 2 * pad)
    if inner < h // 2:  # no room for a plate at all: keep the logo as it is
        inner, pad = h, 0
    if inner != h:
        lw = max(1, round(img.width * inner / img.height))
        rgb, alpha = img.scaled((lw, inner))
        x, y, w, h = x + (w - lw) // 2, y + (h - inner) // 2, lw, inner
    r.fill((x - pad, y - pad, w + 2 * pad, h + 2 * pad), scrim.plate_color(r, outline), r.px(10))
    r.record("logo_plate", (x - pad, y - pad, w + 2 * pad, h + 2 * pad))
    r.canvas.paste(rgb, (x, y), alpha)
    return True


def _logos_width(r: Renderer, images: list[Asset], height: int, gap: int) -> int:
    return sum(round(i.width * height / i.height) for i in images) + gap * max(
        0, len(images) - 1)

@drawer("logo")
def draw_logo(r: Renderer, layer: LogoLayer) -> None:
    x, y, w, h = r.box(layer.box)
    images = _logo_images(r, layer.which)
    gap = r.px(layer.gap)
    height = h
    total = _logos_width(r, images, height, gap)
    if total > w and total:  # keep proportions: shrink all logos together
        height = max(1, math.floor(h * w / total))
        total = _logos_width(r, images, height, gap)
    left = x if layer.align == "left" else x + (w - total) // 2 if layer.align == "center" \
        else x + w - total
    _place_logos(r, images, left, y + (h - height) // 2, height, gap)

@drawer("identity")
def draw_identity(r: Renderer, layer: IdentityLayer) -> None:
    x, y, w, h = r.box(layer.box)
    logo_h = min(h, r.px(layer.logo_height))
    gap = r.px(16)
    images = _logo_images(r, "both")
    logos_w = _logos_width(r, images, logo_h, gap) if images else 0
    text_x = x + logos_w + (r.px(24) if images else 0)
    text_w = max(1, x + w - text_x)
    ink = r.color(layer.color, layer.opacity)
    heading = r.font_path("heading", "bold")
    body = r.font_path("body", "medium")
    gap_lines = r.px(8)
    line1 = r.fit(r.profile.pemda_name.upper(),
                  TextFit(heading, r.px(layer.logo_height * 0.31), r.px(18), 1, 1.0, 0.02), text_w,
                  h, what="Nama pemerintah daerah (profil)")
    # The OPD's name is its legal name: never cut. One line when it fits at a readable
    # size, else two lines (long merged agencies: "Dinas Kependudukan dan Pencatatan Sipil,
    # Pemberdayaan Perempuan dan Perlindungan Anak").
    room = max(1, h - line1.height - gap_lines)
    line2 = fit_text(r.profile.opd_name,
                     TextFit(body, r.px(layer.logo_height * 0.29), r.px(layer.logo_height * 0.24),
                             1, 1.0), text_w, room)
    if line2.overflow:
        line2 = r.fit(r.profile.opd_name,
                      TextFit(body, r.px(layer.logo_height * 0.26), r.px(18), 2, 1.12), text_w,
                      room, what="Nama OPD (profil)")
    block = line1.height + gap_lines + line2.height
    if layer.align == "center":
        group = logos_w + (r.px(24) if images else 0) + max(line1.width, line2.width)
        shift = max(0, (w - round(group)) // 2)
        x += shift
        text_x += shift
    _place_logos(r, images, x, y + (h - logo_h) // 2, logo_h, gap, layer.logo_plate,
                 (y, y + h))
    if images:
        r.record("logo", (x, y + (h - logo_h) // 2, logos_w, logo_h))
    top = y + (h - block) / 2
    r.lines(line1, (text_x, top, text_w, line1.height), ink, kind="identity")
    r.lines(line2, (text_x, top + line1.height + gap_lines, text_w, line2.height), ink,
            kind="identity")

@drawer("footer")
def draw_footer(r: Renderer, layer: FooterLayer) -> None:
    x, y, w, h = r.box(layer.box)
    handle = r.profile.main_handle
    site = r.profile.website.strip()
    if not handle and not site:
        r.warn("footer_empty", "Profil belum punya akun media sosial atau situs web; "
                                  "kartu resmi sebaiknya mencantumkannya.")
        return
    ink = r.color(layer.color, layer.opacity)
    path = r.font_path("body", "semibold")
    size = r.px(layer.size)
    what = "Akun media sosial / situs web (profil)"
    if layer.align == "split" and handle and site:
        half = (w - r.px(24)) // 2
        left = r.fit(handle, TextFit(path, size, r.px(18), 1, 1.0), half, h, what=what)
        right = r.fit(site, TextFit(path, size, r.px(18), 1, 1.0), half, h, what=what)
        r.lines(left, (x, y, half, h), ink, "left", "middle", kind="footer")
        r.lines(right, (x + w - half, y, half, h), ink, "right", "middle", kind="footer")
        return
    line = "   •   ".join(p for p in (handle, site) if p)
    layout = r.fit(line, TextFit(path, size, r.px(18), 1, 1.0), w, h, what=what)
    align = "center" if layer.align in ("center", "split") else "left"
    r.lines(layout, (x, y, w, h), ink, align, "middle", kind="footer")

# ------------------------------------------------------------ text


@drawer("badge")
def draw_badge(r: Renderer, layer: BadgeLayer) -> None:
    badges = []
    if layer.which in ("berakhlak", "both") and r.profile.badge_berakhlak:
        badges.append(("ASN", "BerAKHLAK"))
    if layer.which in ("bangga", "both") and r.profile.badge_bangga_melayani:
        badges.append(("", "#BanggaMelayaniBangsa"))
    if not badges:
        return
    x, y, w, h = r.box(layer.box)
    light = r.font_path("heading", "semibold")
    heavy = r.font_path("heading", "extrabold")
    size = max(1, round(h * 0.42))
    gap = round(h * 0.3)

    def plan(size: int) -> list[tuple[TextLayout | None, TextLayout, int]]:
        out = []
        for prefix, main in badges:
            pre = (fit_text(prefix, TextFit(light, size, size, 1, 1.0), 100000, h)
                   if prefix else None)
            body = fit_text(main, TextFit(heavy, size, size, 1, 1.0), 100000, h)
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
    ink = r.color(layer.color, layer.opacity)
    for pre, body, width in items:
        r.fill((cursor, y, width, h), r.color(layer.fill, layer.opacity), h // 2)
        r.record("badge", (cursor, y, width, h))
        dot = round(h * 0.36)
        r._disc((cursor + round(h * 0.24), y + (h - dot) // 2, dot),
                   r.color(layer.accent, layer.opacity))
        tx = cursor + h * 0.72
        if pre:
            draw_layout(r.draw, pre, (tx, y, pre.width, h), ink, "left", "middle")
            tx += pre.width + size * 0.3
        draw_layout(r.draw, body, (tx, y, body.width, h), ink, "left", "middle")
        cursor += width + gap

