"""The focal point of a photo: where to crop it so that its faces stay in view
(TEMPLATE-GUIDE.md, "Photos"). Pure geometry: the faces come from :mod:`.faces`.

A frame shows the part of the photo that :func:`cover_crop_box` cuts around
``PhotoRef.focus``. :func:`focus_for_frames` picks the focus that keeps every face (with
headroom for the hair) inside each frame and off its reserved bands (the identity strip,
text, scrims, a story's unsafe zones) as far as possible, and says whether a face is still cut
or covered (:func:`faces_cut` answers that for one frame). :func:`frame_specs` reads those
frames and bands off a template.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ..errors import KontenError
from ..photos.cache import cover_crop_box

Box = tuple[float, float, float, float]  # x0, y0, x1, y1

HEADROOM = 0.4  # hair above a face box, as a share of the face's height
STORY_UNSAFE: tuple[Box, ...] = ((0, 0, 1080, 250), (0, 1580, 1080, 1920))  # 9:16 canvas px
COVER_ALPHA = 0.5  # a scrim at least this opaque hides what is under it


@dataclass(frozen=True)
class FrameSpec:
    """A photo frame: its size in pixels and the bands of it that hide the photo (frame
    pixels, x0 y0 x1 y1). ``weight``: how much this frame counts when frames disagree."""

    size: tuple[int, int]
    reserved: tuple[Box, ...] = ()
    weight: float = 1.0
    label: str = ""  # e.g. the format ("4:5"), for messages


@dataclass(frozen=True)
class FaceFit:
    """How a frame shows the faces of a photo."""

    cut: bool = False  # a face is partly outside the frame
    covered: bool = False  # a face lies under a reserved band (text, strip, scrim, unsafe)
    left_out: int = 0  # main faces (not far bystanders) wholly outside the frame

    @property
    def ok(self) -> bool:
        return not (self.cut or self.covered or self.left_out)


@dataclass(frozen=True)
class FocusChoice:
    focus: tuple[float, float]
    cut: bool = False  # in some frame a face is still cut by the frame edge
    covered: bool = False  # in some frame a face still lies under a reserved band
    left_out: int = 0  # the most main faces some frame leaves out (a group too wide)
    faces: tuple[Box, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.cut or self.covered or self.left_out)


def _area(b: Box) -> float:
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def _inter(a: Box, b: Box) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _disjoint(boxes: Iterable[Box], size: tuple[int, int]) -> tuple[Box, ...]:
    """The union of ``boxes`` (clipped to the frame) as non-overlapping rectangles."""
    clipped = []
    for b in boxes:
        c = (max(0.0, b[0]), max(0.0, b[1]), min(float(size[0]), b[2]),
             min(float(size[1]), b[3]))
        if c[2] > c[0] and c[3] > c[1]:
            clipped.append(c)
    if len(clipped) <= 1:
        return tuple(clipped)
    ys = sorted({v for b in clipped for v in (b[1], b[3])})
    out: list[Box] = []
    for y0, y1 in pairwise(ys):
        spans = sorted((b[0], b[2]) for b in clipped if b[1] <= y0 and b[3] >= y1)
        merged: list[list[float]] = []
        for x0, x1 in spans:
            if merged and x0 <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], x1)
            else:
                merged.append([x0, x1])
        for x0, x1 in merged:
            if out and out[-1][0] == x0 and out[-1][2] == x1 and out[-1][3] == y0:
                out[-1] = (x0, out[-1][1], x1, y1)  # grow the rectangle above
            else:
                out.append((x0, y0, x1, y1))
    return tuple(out)


def _with_headroom(face: Box) -> Box:
    return (face[0], face[1] - HEADROOM * (face[3] - face[1]), face[2], face[3])


def _to_frame(face: Box, src: tuple[int, int], crop: Box, frame: tuple[int, int]) -> Box:
    sx = frame[0] / (crop[2] - crop[0])
    sy = frame[1] / (crop[3] - crop[1])
    return ((face[0] * src[0] - crop[0]) * sx, (face[1] * src[1] - crop[1]) * sy,
            (face[2] * src[0] - crop[0]) * sx, (face[3] * src[1] - crop[1]) * sy)


def _fractions(box: Box, frame: tuple[int, int], reserved: tuple[Box, ...]) -> tuple[float, float]:
    """(share of ``box`` outside the frame, share of it under the reserved bands)."""
    area = _area(box)
    if area <= 0:
        return (0.0, 0.0)
    inside = _inter(box, (0.0, 0.0, float(frame[0]), float(frame[1])))
    under = sum(_inter(box, r) for r in reserved)
    return (max(0.0, 1 - inside / area), min(1.0, under / area))


_TOL = 0.01  # 1 % of a face: rounding, not a cut


def faces_cut(src_size: tuple[int, int], faces: Sequence[Box], frame_size: tuple[int, int],
              focus: tuple[float, float], reserved: Sequence[Box] = (),
              anchor: tuple[float, float] = (0.5, 0.5)) -> FaceFit:
    """How the frame (``frame_size`` px, ``reserved`` bands in frame px) cropped around
    ``focus`` shows ``faces`` (0..1 boxes of a photo of ``src_size``). A face counts as cut
    when part of it, but not all, is outside the frame, and as covered when some of it lies
    under a reserved band; headroom is not checked here."""
    if not faces:
        return FaceFit()
    crop = cover_crop_box(src_size, frame_size, focus, anchor)
    bands = _disjoint(reserved, frame_size)
    cut = covered = False
    left_out = 0
    for face, weight in zip(faces, _face_weights(faces), strict=True):
        out, under = _fractions(_to_frame(face, src_size, crop, frame_size), frame_size, bands)
        if out >= 1 - _TOL:
            left_out += weight == 1.0
        elif out > _TOL:
            cut = True
        if under > _TOL:
            covered = True
    return FaceFit(cut, covered, left_out)


def _face_weights(faces: Sequence[Box]) -> list[float]:
    tallest = max(f[3] - f[1] for f in faces)
    return [1.0 if (f[3] - f[1]) >= 0.5 * tallest else 0.4 for f in faces]


def _clear_target(frame: FrameSpec, bands: tuple[Box, ...], axis: int) -> float:
    """Where along ``axis`` the faces look best: the middle of the widest stretch of the
    frame that no band spanning most of it crosses."""
    length = frame.size[axis]
    other = frame.size[1 - axis]
    cuts = sorted((b[axis], b[axis + 2]) for b in bands
                  if b[3 - axis] - b[1 - axis] >= 0.5 * other)
    best, pos = (0.0, 0.0), 0.0
    for lo, hi in [*cuts, (float(length), float(length))]:
        if lo - pos > best[1] - best[0]:
            best = (pos, lo)
        pos = max(pos, hi)
    if best[1] <= best[0]:
        return length / 2
    return (best[0] + best[1]) / 2


@dataclass(frozen=True)
class _Scene:
    """The faces of one photo, as the focal-point search sees them."""

    src: tuple[int, int]  # the photo's size
    faces: tuple[Box, ...]
    weights: tuple[float, ...]
    heads: tuple[Box, ...]  # each face with its headroom
    union: Box  # every head together

    @classmethod
    def of(cls, src: tuple[int, int], faces: Sequence[Box]) -> _Scene:
        heads = tuple(_with_headroom(f) for f in faces)
        union = (min(h[0] for h in heads), max(0.0, min(h[1] for h in heads)),
                 max(h[2] for h in heads), max(h[3] for h in heads))
        return cls(src, tuple(faces), tuple(_face_weights(faces)), heads, union)


def _frame_cost(scene: _Scene, frame: FrameSpec, bands: tuple[Box, ...], target: float,
                axis: int, focus: tuple[float, float]) -> float:
    src = scene.src
    crop = cover_crop_box(src, frame.size, focus)
    cost = 0.0
    for face, weight in zip(scene.faces, scene.weights, strict=True):
        box = _to_frame(face, src, crop, frame.size)
        out, under = _fractions(box, frame.size, bands)
        partial = 80.0 if _TOL < out < 1 - _TOL else 0.0
        hair_out, hair_under = _fractions(_to_frame(_with_headroom(face), src, crop, frame.size),
                                          frame.size, bands)
        cost += weight * (60 * out + partial + 40 * under + 10 * hair_out + 5 * hair_under)
    u = _to_frame(scene.union, src, crop, frame.size)
    cost += abs((u[axis] + u[axis + 2]) / 2 - target) / frame.size[axis]
    return cost * frame.weight


def _candidates(scene: _Scene, frame: FrameSpec, bands: tuple[Box, ...],
                axis: int) -> set[float]:
    """Focal values along ``axis`` that put a face edge (or its headroom, or the group's)
    on a wall of ``frame``: its edges, a reserved band's edges, the clear zone's centre."""
    src = scene.src
    half = _free(src, frame.size, axis)
    length = frame.size[axis]
    scale = length / (2 * half * src[axis])  # frame px per photo px
    walls = {0.0, float(length), _clear_target(frame, bands, axis)}
    for band in bands:
        walls.update((band[axis], band[axis + 2]))
    margin = 0.015 * length
    edges = {scene.union[axis], scene.union[axis + 2]}
    for face, head in zip(scene.faces[:6], scene.heads[:6], strict=False):
        edges.update((face[axis], face[axis + 2], head[axis]))
    found: set[float] = set()
    for edge in edges:
        for wall in walls:
            for shift in (-margin, 0.0, margin):
                # the crop whose frame puts this face edge on this wall
                start = edge * src[axis] - (wall + shift) / scale
                value = (start / src[axis]) + half
                found.add(round(min(max(value, half), 1 - half), 4))
    return found


def _free(src: tuple[int, int], frame: tuple[int, int], axis: int) -> float:
    """Half the crop's length along ``axis`` as a share of the photo; 0.5 when fixed."""
    crop = cover_crop_box(src, frame, (0.5, 0.5))
    return (crop[axis + 2] - crop[axis]) / 2 / src[axis]


def focus_for_frames(src_size: tuple[int, int], faces: Sequence[Box],
                     frames: Sequence[FrameSpec]) -> FocusChoice:
    """The focal point that suits ``faces`` (0..1 boxes of a ``src_size`` photo) in every
    frame: each face with its headroom inside the frame and off the reserved bands when the
    photo allows it; several faces are kept together. Frames with a larger ``weight`` win
    where frames disagree. Without faces the focus is the centre."""
    faces = [f for f in faces if f[2] > f[0] and f[3] > f[1]]
    if not faces or src_size[0] <= 0 or src_size[1] <= 0:
        return FocusChoice((0.5, 0.5))
    scene = _Scene.of(src_size, faces)
    union = scene.union
    focus = [(union[0] + union[2]) / 2, (union[1] + union[3]) / 2]
    bands = {id(f): _disjoint(f.reserved, f.size) for f in frames}
    for axis in (0, 1):
        # cover_crop_box always fills one side of the frame with the whole photo, so each
        # frame can move the crop along one axis at most: the axes are chosen separately.
        moving = [f for f in frames if _free(src_size, f.size, axis) < 0.5 - 1e-9]
        if not moving:
            continue
        lo = min(_free(src_size, f.size, axis) for f in moving)
        candidates = {round(min(max(focus[axis], lo), 1 - lo), 4)}
        candidates.update(round(i / 48, 4) for i in range(49))
        for frame in moving:
            candidates |= _candidates(scene, frame, bands[id(frame)], axis)

        def total(value: float, axis: int = axis, moving: list[FrameSpec] = moving) -> float:
            point = (value, focus[1]) if axis == 0 else (focus[0], value)
            return sum(_frame_cost(scene, frame, bands[id(frame)],
                                   _clear_target(frame, bands[id(frame)], axis), axis, point)
                       for frame in moving)

        focus[axis] = min(sorted(candidates), key=total)
    chosen = (round(min(max(focus[0], 0.0), 1.0), 4), round(min(max(focus[1], 0.0), 1.0), 4))
    cut = covered = False
    left_out = 0
    for frame in frames:
        fit = faces_cut(src_size, faces, frame.size, chosen, frame.reserved)
        cut, covered = cut or fit.cut, covered or fit.covered
        left_out = max(left_out, fit.left_out)
    return FocusChoice(chosen, cut, covered, left_out, tuple(faces))


def focus_for_faces(src_size: tuple[int, int], faces: Sequence[Box],
                    frame_size: tuple[int, int],
                    reserved: Sequence[Box] = ()) -> FocusChoice:
    """:func:`focus_for_frames` for one frame of ``frame_size`` px with ``reserved`` bands
    (frame px, x0 y0 x1 y1), e.g. a story's unsafe zones :data:`STORY_UNSAFE`."""
    return focus_for_frames(src_size, faces, [FrameSpec(frame_size, tuple(reserved))])


# ------------------------------------------------------------------ frames of a template

GENERIC_FRAMES: tuple[FrameSpec, ...] = (
    FrameSpec((1080, 1350), (), 1.0, "4:5"),
    FrameSpec((1080, 1080), (), 0.5, "1:1"),
    FrameSpec((1080, 1440), (), 0.5, "3:4"),
    FrameSpec((1080, 1920), STORY_UNSAFE, 0.5, "9:16"),
)


def _alpha(ref: str, opacity: float = 1.0) -> float:
    from ..model.colors import parse_hex  # noqa: PLC0415

    base, _, extra = ref.partition("@")
    try:
        alpha = 1.0 if base.startswith("profile.") else parse_hex(base)[3] / 255
        return alpha * (float(extra) if extra else 1.0) * opacity
    except (ValueError, KontenError):
        return 1.0


def _gradient_cover(layer: Any) -> Box | None:
    """The part of a gradient's box opaque enough to hide a face, or None."""
    stops = [(pos, _alpha(ref, layer.opacity)) for pos, ref in layer.stops]
    if not stops:
        return None
    samples = [i / 64 for i in range(65)]

    def alpha_at(t: float) -> float:
        if t <= stops[0][0]:
            return stops[0][1]
        for (p0, a0), (p1, a1) in pairwise(stops):
            if t <= p1:
                return a0 + (a1 - a0) * ((t - p0) / (p1 - p0) if p1 > p0 else 1.0)
        return stops[-1][1]

    dense = [t for t in samples if alpha_at(t) >= COVER_ALPHA]
    if not dense:
        return None
    t0, t1 = min(dense), max(dense)
    if layer.direction in ("up", "left"):
        t0, t1 = 1 - t1, 1 - t0
    x, y, w, h = layer.box
    if layer.direction in ("down", "up"):
        return (x, y + t0 * h, x + w, y + t1 * h)
    return (x + t0 * w, y, x + t1 * w, y + h)


def _cover_box(layer: Any, profile: Any) -> Box | None:
    """What a layer drawn above a photo hides of it (canvas px), or None."""
    from ..template.layers import BadgeLayer, GradientLayer, RectLayer  # noqa: PLC0415

    box = getattr(layer, "box", None)
    if box is None or layer.opacity < 0.3:
        return None
    if isinstance(layer, GradientLayer):
        return _gradient_cover(layer)
    if isinstance(layer, RectLayer) and _alpha(layer.fill, layer.opacity) < 0.3:
        return None
    if isinstance(layer, BadgeLayer) and profile is not None:
        shows = {"berakhlak": profile.badge_berakhlak, "bangga": profile.badge_bangga_melayani,
                 "both": profile.badge_berakhlak or profile.badge_bangga_melayani}
        if not shows.get(layer.which, True):
            return None
    x, y, w, h = box
    return (x, y, x + w, y + h)


def frame_specs(template: Any, fmt: str, field: str, index: int = 0, draft: Any = None,
                profile: Any = None, weight: float = 1.0) -> list[FrameSpec]:
    """The frames of format ``fmt`` that show photo ``index`` of ``field``, each with the
    bands that hide it: the layers drawn above it (strips, text, badges, logos, other
    photos, the opaque part of scrims) and, for 9:16, the story's unsafe zones. Layer
    conditions (``when``) are evaluated on ``draft`` and ``profile`` when given; otherwise,
    or when one cannot be evaluated, the layer counts as shown."""
    from ..template.layers import PhotoLayer  # noqa: PLC0415

    form = template.formats.get(fmt)
    if form is None:
        return []
    ctx: dict[str, Any] | None = None
    if draft is not None and profile is not None:
        from .values import build_context  # noqa: PLC0415

        try:
            ctx = build_context(template, draft, profile)
            ctx.update(n=index, slide_no=1, slide_total=1)
        except Exception:  # a draft that cannot be rendered still gets its frames
            ctx = None

    def shown(layer: Any) -> bool:
        if layer.when is None or ctx is None:
            return True
        from ..template.sandbox import evaluate  # noqa: PLC0415

        try:
            return bool(evaluate(layer.when, ctx))
        except Exception:
            return True

    lists = [form.layers] + [s.layers for s in form.slides if s.layers is not form.layers]
    specs: list[FrameSpec] = []
    for layers in lists:
        for i, layer in enumerate(layers):
            if not (isinstance(layer, PhotoLayer) and layer.field == field
                    and layer.index in (index, "n") and layer.fit == "cover" and shown(layer)):
                continue
            x, y, w, h = layer.box
            canvas = [b for b in (_cover_box(above, profile) for above in layers[i + 1:]
                                  if shown(above)) if b is not None]
            if fmt == "9:16":
                canvas.extend(STORY_UNSAFE)
            reserved = tuple(
                (b[0] - x, b[1] - y, b[2] - x, b[3] - y) for b in canvas
                if b[0] < x + w and b[2] > x and b[1] < y + h and b[3] > y)
            spec = FrameSpec((w, h), reserved, weight, fmt)
            if spec not in specs:
                specs.append(spec)
    return specs


def template_frames(template: Any, field: str, index: int = 0,
                    formats: Sequence[str] | None = None, draft: Any = None,
                    profile: Any = None) -> list[FrameSpec]:
    """The frames of photo ``index`` of ``field`` in ``formats`` (default: the template's),
    the first format counting most."""
    keys = [k for k in (formats or template.format_keys) if k in template.formats]
    specs: list[FrameSpec] = []
    for n, key in enumerate(keys):
        specs.extend(frame_specs(template, key, field, index, draft, profile,
                                 1.0 if n == 0 else 0.5))
    return specs
