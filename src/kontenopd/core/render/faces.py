"""Faces in photos, so that frames keep them in view (TEMPLATE-GUIDE.md, "Photos").

Detection is offline: OpenCV's frontal-face Haar cascade ``haarcascade_frontalface_alt2.xml``,
which ships inside the ``opencv-python-headless`` wheel under ``cv2.data.haarcascades``
(licence: assets/models/LICENSE-faces.md). The wheel's profile cascade is not used: on the
bench photos it found no face the frontal one missed, added false ones and doubled the time.
cv2 is imported lazily, on the first detection; without it every photo simply has no faces.

Detection runs on a small grayscale proxy (long side :data:`PROXY_SIDE`) of the upright photo.
Faces are returned as boxes ``(x0, y0, x1, y1)`` in 0..1 of the photo (after EXIF orientation)
and cached per file version (:data:`FACES`).

The focal point that keeps them in every frame is chosen by :mod:`.focus` (geometry only);
:func:`plan_focus`, :func:`frame_faces` and :func:`face_warnings` join the two: detect, then
frame or warn.
"""

from __future__ import annotations

import contextlib
import math
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from PIL import Image

from ..errors import KontenError
from ..photos.cache import probe_photo
from ..photos.safeimage import PHOTO, open_image
from .focus import (
    GENERIC_FRAMES,
    Box,
    FocusChoice,
    FrameSpec,
    faces_cut,
    focus_for_frames,
    frame_specs,
    template_frames,
)

PROXY_SIDE = 640  # long side of the image the detector sees
MIN_FACE_PX = 20  # the cascade's window: smaller faces (under 3 % of the long side) are missed
MAX_FACES = 12
COARSE_STEP = 1.25  # scale step of the first, proposing scan
COARSE_MIN_PX = 24  # smallest window of the proposing scan (a 20 px face still answers it)
FRONTAL_MODEL = "haarcascade_frontalface_alt2.xml"

_local = threading.local()
_cv2_state: list[Any] = []  # [module or None] once tried
_usable: list[bool] = []  # [whether the cascade loads here] once tried, by any thread
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
    """Whether faces can be detected here (OpenCV and its cascade files are installed).
    Answered once per process: asking on another thread does not load that thread's own
    classifier (a few milliseconds of XML parsing), only a detection there does."""
    if not _usable:
        usable = _cascade() is not None
        with _cv2_lock:
            if not _usable:
                _usable.append(usable)
    return _usable[0]


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


# ------------------------------------------------------------------ photos framed by their faces


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


def faces_of(path: str, photos: Any) -> tuple[Box, ...]:
    """The faces of a photo, found from a decode already in ``photos`` (a PhotoCache: the
    render's, or the command line's) when they are not known yet: no second decode of the
    file."""
    known = FACES.peek(path)
    if known is not None:
        return known[1]
    image = None
    if photos is not None:
        with contextlib.suppress(KontenError, OSError, MemoryError):
            image = photos.get(path, (PROXY_SIDE // 2, PROXY_SIDE // 2)).image
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
            faces = faces_of(ref.path, photos)
            if not faces:
                continue
            try:  # the render's probe of it, when there is a render's cache
                info = photos.info(ref.path) if photos is not None else probe_photo(ref.path)
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
