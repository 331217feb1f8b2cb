"""Photos, rectangles, gradients and template decor."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from ..model.records import PhotoRef
from ..photos.cache import cover_crop_box, cover_scale
from ..template.layers import GradientLayer, ImageLayer, PhotoLayer, RectLayer
from ..template.sandbox import evaluate
from .assets import load_asset
from .engine import MAX_UPSCALE, Renderer, drawer
from .paint import gradient_image


@drawer("rect")
def draw_rect(r: Renderer, layer: RectLayer) -> None:
    r.fill(r.box(layer.box), r.color(layer.fill, layer.opacity),
              r.px(layer.radius) if layer.radius else 0)

@drawer("gradient")
def draw_gradient(r: Renderer, layer: GradientLayer) -> None:
    x, y, w, h = r.box(layer.box)
    stops = tuple((pos, r.color(ref, layer.opacity)) for pos, ref in layer.stops)
    rgb, alpha = gradient_image(stops, layer.direction, (w, h))
    r.canvas.paste(rgb, (x, y), alpha)

@drawer("photo")
def draw_photo(r: Renderer, layer: PhotoLayer) -> None:
    box = r.box(layer.box)
    refs: list[PhotoRef] = r.ctx.get(layer.field) or []
    index = r.ctx["n"] if layer.index == "n" else int(layer.index)
    if index >= len(refs):
        r.fill(box, r.color(layer.placeholder, layer.opacity),
                  r.px(layer.radius) if layer.radius else 0)
        if r.preview:
            _photo_placeholder_mark(r, box)
        else:
            _empty_frame(r, box, layer)
        return
    ref = refs[index]
    info = r.photos.info(ref.path)
    frame_full = (layer.box[2], layer.box[3])
    if layer.fit == "contain":  # the whole photo, centred on the placeholder colour
        r.fill(box, r.color(layer.placeholder, layer.opacity),
                  r.px(layer.radius) if layer.radius else 0)
        fit = min(frame_full[0] / info.width, frame_full[1] / info.height)
        frame_full = (max(1, round(info.width * fit)), max(1, round(info.height * fit)))
        inner = (max(1, round(frame_full[0] * r.scale)),
                 max(1, round(frame_full[1] * r.scale)))
        box = (box[0] + (box[2] - inner[0]) // 2, box[1] + (box[3] - inner[1]) // 2, *inner)
    if cover_scale((info.width, info.height), frame_full) > MAX_UPSCALE:
        r.warn(
            "photo_small",
            f"Foto '{r.label(layer.field)}' ({info.width}x{info.height}) terlalu kecil "
            f"untuk bingkai {frame_full[0]}x{frame_full[1]}; hasilnya akan tampak buram.",
            layer.field,
        )
    if layer.fit == "contain":  # no crop: scale the whole decoded photo
        decoded = r.photos.get(ref.path, (box[2], box[3]))
        part = decoded.image.resize((box[2], box[3]), Image.Resampling.LANCZOS)
        if ref.enhance:
            part = part.point(r.photos.levels(ref.path))
    else:  # cover_crop_box keeps the crop inside the photo, float error included
        part = r.photos.frame(ref.path, (box[2], box[3]), ref.focus, ref.anchor,
                                 enhance=ref.enhance)
    grayscale = layer.grayscale
    if isinstance(grayscale, str):
        grayscale = bool(evaluate(grayscale, r.ctx))
    if grayscale:
        part = part.convert("L").convert("RGB")
    mask = None
    if layer.radius or layer.opacity < 1:
        mask = Image.new("L", part.size, 0)
        ImageDraw.Draw(mask).rounded_rectangle(
            (0, 0, part.width - 1, part.height - 1), radius=r.px(layer.radius),
            fill=round(255 * layer.opacity))
    r.canvas.paste(part, box[:2], mask)

WATERMARK_ALPHA = 0.16  # the emblem, grey and faint, on an empty frame: texture, not a message


def _empty_frame(r: Renderer, box: tuple[int, int, int, int], layer: PhotoLayer) -> None:
    """An exported post without a photo: the frame's colour, a soft downward shade and the
    Pemda emblem in grey, large and faint, so a text-only card looks designed rather
    than missing a picture."""
    x, y, w, h = box
    if w < 8 or h < 8:
        return
    rgb, alpha = gradient_image(((0.0, (0, 0, 0, 0)), (1.0, (0, 0, 0, 56))), "down",
                                (w, h))
    mask = alpha
    if layer.radius:
        rounded = Image.new("L", (w, h), 0)
        ImageDraw.Draw(rounded).rounded_rectangle((0, 0, w - 1, h - 1),
                                                  radius=r.px(layer.radius), fill=255)
        mask = Image.composite(alpha, rounded, rounded)
    r.canvas.paste(rgb, (x, y), mask)
    path = r.profile.pemda_logo or r.profile.opd_logo
    emblem = load_asset(Path(path)) if path else None
    if emblem is None:
        return
    side = round(min(w, h) * 0.7)
    logo = emblem.image.convert("RGBA")
    logo.thumbnail((side, side), Image.Resampling.LANCZOS)
    shape = logo.getchannel("A").point(lambda v: round(v * WATERMARK_ALPHA))
    tone = logo.convert("L").convert("RGB")  # the emblem's own detail, without its colours
    r.canvas.paste(tone, (x + (w - logo.width) // 2, y + (h - logo.height) // 2), shape)


def _photo_placeholder_mark(r: Renderer, box: tuple[int, int, int, int]) -> None:
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
    r.canvas.paste(ink, (x, y, x + w, y + h), mark)

@drawer("image")
def draw_image(r: Renderer, layer: ImageLayer) -> None:
    path = (r.template.folder / layer.src).resolve()
    asset = load_asset(path)
    if asset is None:
        r.warn("asset_missing", f"Gambar hiasan templat tidak ada: {layer.src}")
        return
    img = asset.image
    x, y, w, h = r.box(layer.box)
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
    r.canvas.paste(placed.convert("RGB"), pos, alpha)

