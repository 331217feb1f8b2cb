"""Editing a draft: the model operations the GUI's undo commands call. Qt-free.

Also the geometry the preview needs to turn a click or a drag on a photo frame into a new
focal point.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import KontenError
from .model.records import Draft, PhotoRef, Profile
from .paths import assets_dir
from .photos.cache import cover_crop_box
from .template.layers import PhotoLayer
from .template.roles import POST_HASHTAGS, POST_MENTIONS, keeps_value
from .template.sandbox import evaluate
from .template.schema import Template

TEXT_TYPES = ("text", "multiline", "number", "qr")


def field_default(field_type: str, default: Any, today: date) -> Any:
    if default not in (None, ""):
        return default
    if field_type == "date":
        return today.isoformat()
    return None


def new_draft(template: Template, today: date | None = None) -> Draft:
    """An empty draft of ``template``: field defaults, today's date, every format."""
    today = today or date.today()
    draft = Draft(template=template.id, formats=template.format_keys)
    for f in template.fields:
        if f.type == "photo":
            continue
        value = field_default(f.type, f.default, today)
        if value is not None:
            draft.values[f.key] = value
    return draft


def sample_draft(template: Template, photo: str | None = None,
                 formats: Iterable[str] | None = None, *,
                 sample_photos: bool = False) -> Draft:
    """A draft filled with the template's sample values.

    ``photo`` goes in every photo field (up to three times); else, with ``sample_photos``,
    each photo field gets the template's bundled sample photos (assets/samples; the contact
    sheet and the golden images). ``formats``: the draft's formats (default: all of the
    template's).
    """
    draft = Draft(template=template.id,
                  formats=template.format_keys if formats is None else list(formats),
                  values=dict(template.sample))
    if photo:
        for f in template.fields:
            if f.type == "photo":
                draft.photos[f.key] = [PhotoRef(photo)] * max(1, min(f.max_items, 3))
    elif sample_photos:
        samples = assets_dir() / "samples"
        for key, names in template.sample_photos.items():
            refs = [PhotoRef(str(samples / name)) for name in names
                    if (samples / name).is_file()]
            if refs:
                draft.photos[key] = refs
    return draft


POST_KEYS = (POST_HASHTAGS, POST_MENTIONS)


def carry_over(old: Draft, template: Template, today: date | None = None) -> Draft:
    """A new draft of ``template`` keeping the values and photos of fields with the same key
    and type, so switching templates never loses what was typed."""
    draft = new_draft(template, today)
    for f in template.fields:
        if f.type == "photo":
            refs = old.photos.get(f.key)
            if refs:
                draft.photos[f.key] = list(refs[: f.max_items])
        elif f.key in old.values and old.values[f.key] not in (None, ""):
            draft.values[f.key] = old.values[f.key]
    # The post's own hashtags and mentions, and caption edits, belong to the post, not to
    # the template: keep them too.
    for key in POST_KEYS:
        if key not in draft.values and old.values.get(key) not in (None, ""):
            draft.values[key] = old.values[key]
    draft.captions = dict(old.captions)
    return draft


# ------------------------------------------------------------------ "buat seperti kemarin"

# Day two is faster than day one: a new post made like yesterday's keeps what an admin sets
# once and leaves alone (the "settings", decided per field by template.roles.keeps_value),
# and clears what is new every day (the content). Besides the fields: the formats are kept,
# and so are the post's own hashtags and mentions (the caption settings); the per-platform
# caption edits are cleared, since they are yesterday's text. Values of keys the template
# does not have are dropped.


def like_yesterday(template: Template, draft: Draft, today: date | None = None) -> Draft:
    """A new draft of ``template`` made like ``draft`` (yesterday's post): its settings kept,
    its content cleared, its dates set to ``today`` and its photos removed."""
    new = new_draft(template, today)
    formats = [f for f in draft.formats if f in template.formats]
    if formats:
        new.formats = formats
    for f in template.fields:
        if keeps_value(f) and f.key in draft.values:
            value = draft.values[f.key]
            if value is None:
                new.values.pop(f.key, None)
            else:
                new.values[f.key] = value
    for key in POST_KEYS:
        if draft.values.get(key) not in (None, ""):
            new.values[key] = draft.values[key]
    return new.copy()  # nothing shared with yesterday's draft


def get_value(draft: Draft, key: str) -> Any:
    return draft.values.get(key)


def set_value(draft: Draft, key: str, value: Any) -> None:
    if value is None:
        draft.values.pop(key, None)
    else:
        draft.values[key] = value


def get_photos(draft: Draft, key: str) -> list[PhotoRef]:
    return list(draft.photos.get(key, []))


def set_photos(draft: Draft, key: str, refs: list[PhotoRef]) -> None:
    if refs:
        draft.photos[key] = list(refs)
    else:
        draft.photos.pop(key, None)


def set_focus(draft: Draft, key: str, index: int, focus: tuple[float, float],
              anchor: tuple[float, float] | None = None) -> None:
    """Set a photo's focal point (and, unless None, where in the frame it sits)."""
    refs = get_photos(draft, key)
    refs[index] = refs[index].with_focus(*focus, anchor=anchor)
    set_photos(draft, key, refs)


def replace_draft(target: Draft, source: Draft) -> None:
    """Make ``target`` equal to ``source`` in place (the document keeps one Draft object)."""
    copy = source.copy()
    target.template = copy.template
    target.formats = copy.formats
    target.values = copy.values
    target.photos = copy.photos
    target.captions = copy.captions


def moved(items: list[Any], index: int, offset: int) -> list[Any]:
    """``items`` with the item at ``index`` moved by ``offset`` places (clamped)."""
    out = list(items)
    new = max(0, min(len(out) - 1, index + offset))
    out.insert(new, out.pop(index))
    return out


def list_lines(value: Any, columns: int) -> list[list[str]]:
    """A list field's value as rows of ``columns`` cells for the form's table: the
    renderer's parser (render.values.list_items), empty items left out."""
    from .render.values import list_items  # noqa: PLC0415 - the renderer loads Pillow

    if columns > 1:
        names = tuple(str(i) for i in range(columns))
        rows = [[item[n] for n in names] for item in list_items(value, names)]
    else:
        rows = [[str(item).strip()] for item in list_items(value)]
    return [row for row in rows if any(cell.strip() for cell in row)]


def join_lines(rows: list[list[str]]) -> str:
    """Rows of cells back to the stored text form, skipping empty rows."""
    out = []
    for row in rows:
        cells = [c.strip().replace("\n", " ") for c in row]
        if any(cells):
            out.append(" | ".join(cells) if len(cells) > 1 else cells[0])
    return "\n".join(out)


# ------------------------------------------------------------------ photo frames and focus


@dataclass(frozen=True)
class FrameHit:
    field: str
    index: int
    box: tuple[int, int, int, int]  # in format pixels


def photo_frames(template: Template, fmt: str) -> list[FrameHit]:
    """The photo frames of a format, bottom to top (like :func:`frame_at`, only those with a
    fixed photo index: "n" belongs to a carousel slide, whose layers are not the format's)."""
    frames = []
    for layer in template.formats[fmt].layers:
        if isinstance(layer, PhotoLayer) and isinstance(layer.index, int):
            frames.append(FrameHit(layer.field, layer.index, layer.box))
    return frames


def frame_at(template: Template, fmt: str, draft: Draft, x: float, y: float,
             profile: Profile | None = None) -> FrameHit | None:
    """The topmost frame at (x, y) (format pixels) that shows a photo of the draft. With
    ``profile``, frames whose condition (``when``) hides them are skipped: a collage has a
    layout per photo count and only one of them is drawn."""
    ctx: dict[str, Any] | None = None
    if profile is not None:
        from .render import build_context  # noqa: PLC0415  (render imports this module)

        try:
            ctx = build_context(template, draft, profile)
        except KontenError:
            ctx = None
    for layer in reversed(template.formats[fmt].layers):
        if not isinstance(layer, PhotoLayer) or not isinstance(layer.index, int):
            continue
        bx, by, bw, bh = layer.box
        if not (bx <= x < bx + bw and by <= y < by + bh
                and layer.index < len(draft.photos.get(layer.field, []))):
            continue
        if ctx is not None and layer.when is not None:
            try:
                if not evaluate(layer.when, ctx):
                    continue
            except KontenError:
                continue
        return FrameHit(layer.field, layer.index, layer.box)
    return None


Placement = tuple[tuple[float, float], tuple[float, float]]  # (focus, anchor), 0..1 each


def focus_at_point(src: tuple[int, int], frame: tuple[int, int], focus: tuple[float, float],
                   anchor: tuple[float, float], px: float, py: float) -> Placement:
    """What a click at (px, py) (0..1 of the frame) in a photo shown with ``focus`` at
    ``anchor`` sets: the photo point under the pointer becomes the focus, and the anchor
    becomes the click position, so the crop does not move.

    A click points; dragging is what moves the picture. Centring the crop on the clicked
    point instead would slide the photo under the pointer and leave the marker at the frame
    centre, away from where the user clicked. With the anchor, the marker is drawn exactly at
    the click, on the photo point the user chose, and the card looks as it did; other
    formats crop around the same point and keep it at the same place in their frames, as
    far as the photo reaches.
    """
    x0, y0, x1, y1 = cover_crop_box(src, frame, focus, anchor)
    px, py = min(max(px, 0.0), 1.0), min(max(py, 0.0), 1.0)
    fx = (x0 + px * (x1 - x0)) / src[0]
    fy = (y0 + py * (y1 - y0)) / src[1]
    return (round(fx, 4), round(fy, 4)), (round(px, 4), round(py, 4))


def focus_after_drag(src: tuple[int, int], frame: tuple[int, int], focus: tuple[float, float],
                     dx: float, dy: float,
                     anchor: tuple[float, float] = (0.5, 0.5)) -> tuple[float, float]:
    """The focal point after dragging the photo by (dx, dy) frame pixels inside its frame
    (dragging right shows more of the photo's left side). The anchor stays: the focus
    becomes the photo point that the drag brings under it."""
    x0, y0, x1, y1 = cover_crop_box(src, frame, focus, anchor)
    cw, ch = x1 - x0, y1 - y0
    per_px = cw / frame[0]  # source pixels per frame pixel
    left = min(max(x0 - dx * per_px, 0.0), src[0] - cw)
    top = min(max(y0 - dy * per_px, 0.0), src[1] - ch)
    return (round((left + anchor[0] * cw) / src[0], 4), round((top + anchor[1] * ch) / src[1], 4))
