"""Faces in photos, so that frames keep them in view (TEMPLATE-GUIDE.md, "Photos").

Detection is offline: OpenCV's frontal-face Haar cascade ``haarcascade_frontalface_alt2.xml``,
which ships inside the ``opencv-python-headless`` wheel under ``cv2.data.haarcascades``
(licence: assets/models/LICENSE-faces.md). The wheel's profile cascade is not used: on the
bench photos it found no face the frontal one missed, added false ones and doubled the time.
cv2 is imported lazily, on the first detection; without it every photo simply has no faces.

Detection runs on a small grayscale proxy (long side :data:`PROXY_SIDE`) of the upright photo.
Faces are returned as boxes ``(x0, y0, x1, y1)`` in 0..1 of the photo (after EXIF orientation).

Choosing the focal point: a frame shows the part of the photo that :func:`cover_crop_box`
cuts around ``PhotoRef.focus``. :func:`focus_for_frames` picks the focus that keeps every face
(with headroom for the hair) inside each frame and off its reserved bands (the identity strip,
text, scrims, a story's unsafe zones) as far as possible, and says whether a face is still cut
or covered. :func:`frame_specs` reads those frames and bands off a template.
"""

from __future__ import annotations

import contextlib
import math
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from PIL import Image

from ..errors import KontenError
from ..photos.cache import cover_crop_box, probe_photo
from ..photos.safeimage import PHOTO, open_image

Box = tuple[float, float, float, float]  # x0, y0, x1, y1

PROXY_SIDE = 640  # long side of the image the detector sees
MIN_FACE_PX = 20  # the cascade's window: smaller faces (under 3 % of the long side) are missed
MAX_FACES = 12
COARSE_STEP = 1.25  # scale step of the first, proposing scan
COARSE_MIN_PX = 24  # smallest window of the proposing scan (a 20 px face still answers it)
HEADROOM = 0.4  # hair above a face box, as a share of the face's height
STORY_UNSAFE: tuple[Box, ...] = ((0, 0, 1080, 250), (0, 1580, 1080, 1920))  # 9:16 canvas px
FRONTAL_MODEL = "haarcascade_frontalface_alt2.xml"
COVER_ALPHA = 0.5  # a scrim at least this opaque hides what is under it

_local = threading.local()
_cv2_state: list[Any] = []  # [module or None] once tried
_cv2_lock = threading.Lock()


# ------------------------------------------------------------------ detection


def _cv2() -> Any:
    """The cv2 module, or None when OpenCV is not installed (no faces then)."""
    if not _cv2_state:
        with _cv2_lock:
            if not _cv2_state:
                module: Any = None
                try:
                    import cv2  # noqa: PLC0415  (slow: only when a face is looked for)
                    module = cv2
                except ImportError:
                    pass
                _cv2_state.append(module)
    return _cv2_state[0]


def available() -> bool:
    """Whether faces can be detected here (OpenCV and its cascade files are installed)."""
    return _cascade() is not None


def model_files() -> list[Path]:
    """The model files detection uses (inside the OpenCV wheel); empty without OpenCV."""
    cv2 = _cv2()
    if cv2 is None:
        return []
    return [Path(cv2.data.haarcascades) / FRONTAL_MODEL]


def _cascade() -> Any:
    """This thread's classifier (OpenCV's are not safe to share), or None."""
    cached = getattr(_local, "cascade", False)
    if cached is not False:
        return cached
    cascade = None
    cv2 = _cv2()
    if cv2 is not None:
        try:
            cascade = cv2.CascadeClassifier(str(model_files()[0]))
            if cascade.empty():
                cascade = None
        except Exception:  # a broken install: detection off, the app goes on
            cascade = None
    _local.cascade = cascade
    return cascade


def _overlap(a: Box, b: Box) -> float:
    """Intersection over the smaller box."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    small = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / small if small > 0 else 0.0


def _plausible(boxes: list[Box]) -> tuple[Box, ...]:
    """Drop duplicates, tiny boxes beside real faces, and keep the largest few."""
    boxes = sorted(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), reverse=True)
    kept: list[Box] = []
    for box in boxes:
        if any(_overlap(box, k) > 0.3 for k in kept):
            continue
        kept.append(box)
    if kept:
        largest = max(b[3] - b[1] for b in kept)
        # A "face" under a quarter of the largest one's height is a far bystander or, more
        # often, a false detection in a textured background (batik, leaves).
        kept = [b for b in kept if (b[3] - b[1]) >= 0.25 * largest]
    return tuple(kept[:MAX_FACES])


def _as_gray(image: Image.Image, side: int) -> Any:
    import numpy as np  # noqa: PLC0415  (comes with cv2)

    factor = max(image.size) // side
    if factor >= 2:  # a large decode: box-reduce first (cheap), then convert and resample
        image = image.reduce(min(factor, 8))
    proxy = image if image.mode == "L" else image.convert("L")
    scale = side / max(proxy.size)
    if scale < 1:
        proxy = proxy.resize((max(1, round(proxy.width * scale)),
                              max(1, round(proxy.height * scale))), Image.Resampling.BILINEAR)
    return np.asarray(proxy)


def detect_faces_image(image: Image.Image) -> tuple[Box, ...]:
    """Faces in an upright image, as 0..1 boxes; () when there are none or no OpenCV.

    Two passes over a grayscale proxy: a coarse scan (scale step 1.25, every raw hit kept)
    proposes places, and a fine scan (step 1.05, six overlapping hits needed) of the small
    region around each proposal confirms them. On the bench photos this finds more of the
    small faces of group photos than one scan at step 1.1, with fewer false faces, in about
    half the time (bench/face_bench.py).
    """
    cascade = _cascade()
    if cascade is None or image.width < 24 or image.height < 24:
        return ()
    gray = _as_gray(image, PROXY_SIDE)
    h, w = gray.shape
    proposals = cascade.detectMultiScale(gray, scaleFactor=COARSE_STEP, minNeighbors=0,
                                         minSize=(COARSE_MIN_PX, COARSE_MIN_PX))
    scanned: list[tuple[int, int, int, int, int]] = []
    found: list[Box] = []
    for x, y, bw, bh in sorted((tuple(int(v) for v in r) for r in proposals),
                               key=lambda r: -r[2]):
        if any(x0 <= x and y0 <= y and x + bw <= x1 and y + bh <= y1 and
               0.75 * size <= bw <= 1.34 * size for x0, y0, x1, y1, size in scanned):
            continue  # a region already confirmed or refused at this size
        margin = bw // 2
        x0, y0 = max(0, x - margin), max(0, y - margin)
        x1, y1 = min(w, x + bw + margin), min(h, y + bh + margin)
        scanned.append((x0, y0, x1, y1, bw))
        low, high = max(MIN_FACE_PX, int(bw * 0.7)), int(bw * 1.5)
        for fx, fy, fw, fh in cascade.detectMultiScale(gray[y0:y1, x0:x1], scaleFactor=1.05,
                                                       minNeighbors=6, minSize=(low, low),
                                                       maxSize=(high, high)):
            found.append((round(float(x0 + fx) / w, 5), round(float(y0 + fy) / h, 5),
                          round(float(x0 + fx + fw) / w, 5), round(float(y0 + fy + fh) / h, 5)))
    return _plausible(found)


class _FaceCache:
    """Faces per file version (path, mtime, size); detection costs tens of milliseconds."""

    def __init__(self, limit: int = 512) -> None:
        self.limit = limit
        self._items: OrderedDict[tuple[str, int, int], tuple[Box, ...]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(path: str | Path) -> tuple[str, int, int] | None:
        """(resolved path, mtime, size): one version of one file; None when it is gone."""
        path = Path(path)
        try:
            st = os.stat(path)
        except OSError:
            return None
        return (str(path.resolve()), st.st_mtime_ns, st.st_size)

    def peek(self, path: str | Path) -> tuple[tuple[str, int, int], tuple[Box, ...]] | None:
        """The cached faces of this file version, without detecting anything."""
        key = self.key(path)
        with self._lock:
            hit = self._items.get(key) if key is not None else None
        return (key, hit) if key is not None and hit is not None else None

    def seed(self, entries: Iterable[tuple[tuple[str, int, int], tuple[Box, ...]]]) -> None:
        """Faces another process found (an export worker is handed the parent's)."""
        with self._lock:
            for key, boxes in entries:
                self._items[key] = boxes
                self._items.move_to_end(key)
            while len(self._items) > self.limit:
                self._items.popitem(last=False)

    def get(self, path: str | Path, image: Image.Image | None = None) -> tuple[Box, ...]:
        path = Path(path)
        key = self.key(path)
        if key is None:
            return ()
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
                return hit
        faces = _detect_file(path) if image is None else detect_faces_image(image)
        with self._lock:
            self._items[key] = faces
            while len(self._items) > self.limit:
                self._items.popitem(last=False)
        return faces

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def _detect_file(path: Path) -> tuple[Box, ...]:
    if _cascade() is None:
        return ()
    try:
        info = probe_photo(path)
        scale = min(1.0, PROXY_SIDE / max(info.width, info.height))
        need = (max(1, math.ceil(info.width * scale)), max(1, math.ceil(info.height * scale)))
        # upright (EXIF), grey; a JPEG decoded from its luminance at 1/2..1/8 scale
        image = open_image(path, PHOTO, min_size=need, mode="L").image
    except (KontenError, OSError, MemoryError):
        return ()
    return detect_faces_image(image)


FACES = _FaceCache()


def known_faces(paths: Iterable[str | Path]) -> tuple[tuple[tuple[str, int, int],
                                                               tuple[Box, ...]], ...]:
    """The faces already found for these files (file version, boxes): picklable, for
    :func:`seed_faces` in another process; files not yet looked at are left out."""
    found = (FACES.peek(path) for path in dict.fromkeys(paths))
    return tuple(entry for entry in found if entry is not None)


def seed_faces(entries: Iterable[tuple[tuple[str, int, int], tuple[Box, ...]]]) -> None:
    FACES.seed(entries)


def all_known(paths: Iterable[str | Path]) -> bool:
    """Whether the faces of every one of these files are cached (no detector needed)."""
    return all(FACES.peek(path) is not None for path in paths)


def detect_faces(path: str | Path, image: Image.Image | None = None) -> tuple[Box, ...]:
    """Faces in the photo at ``path`` (0..1 boxes of the upright photo), cached per file
    version; () for a photo without faces, one that cannot be read, or without OpenCV.
    ``image``, the photo already decoded upright at any scale, spares a second decode."""
    return FACES.get(path, image)


# ------------------------------------------------------------------ geometry


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
    from ..template.library import BadgeLayer, GradientLayer, RectLayer  # noqa: PLC0415

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
    from ..template.library import PhotoLayer  # noqa: PLC0415

    form = template.formats.get(fmt)
    if form is None:
        return []
    ctx: dict[str, Any] | None = None
    if draft is not None and profile is not None:
        from . import build_context  # noqa: PLC0415

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


def plan_focus(path: str | Path, template: Any = None, field: str = "", index: int = 0,
               formats: Sequence[str] | None = None, draft: Any = None,
               profile: Any = None) -> FocusChoice:
    """Detect the faces of the photo at ``path`` and choose its focal point for the frames
    it fills in ``template`` (or, without one, for full 4:5, 1:1, 3:4 and 9:16 frames)."""
    faces = detect_faces(path)
    if not faces:
        return FocusChoice((0.5, 0.5))
    try:
        info = probe_photo(path)
    except KontenError:
        return FocusChoice((0.5, 0.5))
    frames: Sequence[FrameSpec] = GENERIC_FRAMES
    if template is not None and field:
        frames = template_frames(template, field, index, formats, draft, profile) \
            or GENERIC_FRAMES
    return focus_for_frames((info.width, info.height), faces, frames)


def default_focus(path: str | Path, template: Any = None, field: str = "", index: int = 0,
                  formats: Sequence[str] | None = None, draft: Any = None,
                  profile: Any = None) -> tuple[float, float]:
    """The focal point a newly added photo should get (the centre when it has no face)."""
    return plan_focus(path, template, field, index, formats, draft, profile).focus


def frame_faces(template: Any, draft: Any, profile: Any = None,
                formats: Sequence[str] | None = None) -> None:
    """Give every photo of ``draft`` the focal point that keeps its faces in the frames of
    ``formats`` (as the app does when a photo is added); no-op without OpenCV."""
    if not draft.photos or not available():
        return
    for key, refs in draft.photos.items():
        draft.photos[key] = [
            ref.with_focus(*default_focus(ref.path, template, key, index, formats, draft,
                                          profile))
            for index, ref in enumerate(refs)]


def _faces_of(path: str, photos: Any) -> tuple[Box, ...]:
    """The faces of a photo, found from the decode the render just made (``photos``, a
    PhotoCache) when they are not known yet: no second decode of the file."""
    known = FACES.peek(path)
    if known is not None:
        return known[1]
    image = None
    if photos is not None:
        with contextlib.suppress(KontenError, OSError, MemoryError):
            image = photos.any_decode(path, (PROXY_SIDE // 2, PROXY_SIDE // 2)).image
    return detect_faces(path, image)


def face_warnings(template: Any, fmt: str, draft: Any, profile: Any = None,
                  photos: Any = None) -> list[tuple[str, str]]:
    """(field, message) for every photo of ``draft`` whose faces format ``fmt`` still cuts
    or hides, for the renderer's warnings (code "face_cut"). ``photos``: the PhotoCache the
    render used, whose decodes serve the detection."""
    out: list[tuple[str, str]] = []
    for field_key, refs in draft.photos.items():
        try:
            label = template.field(field_key).label
        except KeyError:
            continue
        for index, ref in enumerate(refs):
            faces = _faces_of(ref.path, photos)
            if not faces:
                continue
            try:
                info = probe_photo(ref.path)
            except KontenError:
                continue
            for spec in frame_specs(template, fmt, field_key, index, draft, profile):
                fit = faces_cut((info.width, info.height), faces, spec.size, ref.focus,
                                spec.reserved, ref.anchor)
                if fit.cut:
                    message = (f"Wajah di foto '{label}' terpotong tepi bingkai ({fmt}); "
                               "geser titik fokus foto.")
                elif fit.left_out:
                    message = (f"Tidak semua wajah di foto '{label}' muat dalam bingkai "
                               f"({fmt}); geser titik fokus atau pilih foto lain.")
                elif fit.covered:
                    message = (f"Wajah di foto '{label}' tertutup teks atau strip ({fmt}); "
                               "geser titik fokus atau pilih foto lain.")
                else:
                    continue
                if (field_key, message) not in out:
                    out.append((field_key, message))
    return out
