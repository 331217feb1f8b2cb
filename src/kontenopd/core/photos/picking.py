"""Picking the best photos of a batch: sharpness, exposure and near-duplicates.

An admin gets 40 photos of an event over WhatsApp and needs 9. :func:`score_photos` looks at
each one through a small proxy (the safe decoder, JPEGs decoded at 1/4..1/8 scale by the
DCT, so a 12 MP phone photo costs ~30 ms) and measures:

* sharpness: the variance of the Laplacian of the grey proxy, with its long side brought to
  :data:`PROXY_SIDE` pixels first so photos of any size are measured at the same scale
  (about the size the photo will have on a 1080 px card);
* exposure: the mean brightness and the share of clipped shadows and highlights;
* a perceptual hash (64-bit pHash: the low frequencies of a 32x32 DCT against their
  median), from which photos closer than :data:`DUPLICATE_DISTANCE` bits are grouped as
  near-duplicates (burst shots, the same photo sent twice, a re-compressed copy).

Each photo gets a score in 0..1, its flags ("buram", "terlalu gelap", "terlalu terang",
"mirip foto lain") and a place in :attr:`Picking.order`: the best photo of each group of
near-duplicates first (unflagged ones before flagged ones, best score first), then the other
members of each group, then the files that could not be read, each with its Indonesian
reason. Nothing here raises for a bad file.

Photos are scored on a thread pool: Pillow decodes with the GIL released and the numpy work
is small, so two cores score 40 phone photos in about a second. :func:`score_photo` is a
plain top-level function of a path, so a process pool can use it too.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PIL import Image

from ..errors import KontenError
from .cache import open_photo
from .safeimage import display_name

BLURRY = "buram"
DARK = "terlalu gelap"
BRIGHT = "terlalu terang"
DUPLICATE = "mirip foto lain"
FLAGS = (BLURRY, DARK, BRIGHT, DUPLICATE)

PROXY_SIDE = 640  # long side the measures are taken at
HASH_SIZE = 8  # 8x8 = 64-bit perceptual hash
DUPLICATE_DISTANCE = 10  # Hamming distance (of 64 bits) at or under which photos are "mirip"
# Variance of the Laplacian (0..255 grey) under which a photo is blurred, whatever the
# batch; and the share of the batch's median under which it is blurred next to the others
# (a photo only a quarter as sharp as its siblings of the same event is the shaky one).
BLUR_ABSOLUTE = 30.0
BLUR_RELATIVE = 0.25
DARK_MEAN = 60.0  # mean brightness (0..255) under which a photo is too dark
DARK_CLIPPED = 0.5  # ... or this share of pixels crushed to black (with mean < 100)
BRIGHT_MEAN = 205.0
BRIGHT_CLIPPED = 0.35  # share of blown-out pixels


@dataclass(frozen=True)
class PhotoScore:
    """What :func:`score_photo` measured of one file (``error`` set when unreadable)."""

    path: str
    error: str | None = None
    width: int = 0  # of the original, upright
    height: int = 0
    sharpness: float = 0.0  # variance of the Laplacian at PROXY_SIDE
    brightness: float = 0.0  # mean grey 0..255
    shadows: float = 0.0  # share of pixels <= 8
    highlights: float = 0.0  # share of pixels >= 247
    phash: int = 0
    flags: tuple[str, ...] = ()
    score: float = 0.0  # 0..1, higher is better (set by score_photos, relative to the batch)
    group: int = -1  # index of the near-duplicate group (-1: unreadable)
    duplicate_of: str | None = None  # the group's best photo, for the other members
    thumbnail: Image.Image | None = None  # when asked for: RGB, within thumb_size

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def name(self) -> str:
        return display_name(self.path)

    def reasons(self) -> str:
        """The flags (or the error) as one Indonesian line, "" for a good photo."""
        if self.error:
            return self.error
        parts = []
        for flag in self.flags:
            if flag == DUPLICATE and self.duplicate_of:
                parts.append(f"{flag} ({display_name(self.duplicate_of)})")
            else:
                parts.append(flag)
        return ", ".join(parts)


@dataclass(frozen=True)
class Picking:
    """Scores in the order the paths were given, and ``order``: indices, best first."""

    scores: tuple[PhotoScore, ...]
    order: tuple[int, ...]

    def ranked(self) -> list[PhotoScore]:
        return [self.scores[i] for i in self.order]

    def best(self, limit: int) -> list[str]:
        """The paths of the best ``limit`` readable photos, in ranked order."""
        return [s.path for s in self.ranked() if s.ok][:max(0, limit)]


# ---------------------------------------------------------------- measures


def _grey(image: Image.Image) -> np.ndarray:
    """The photo as float32 grey, long side PROXY_SIDE (never enlarged)."""
    grey = image.convert("L")
    scale = PROXY_SIDE / max(grey.size)
    if scale < 1:
        size = (max(1, round(grey.width * scale)), max(1, round(grey.height * scale)))
        grey = grey.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    return np.asarray(grey, dtype=np.float32)


def laplacian_variance(grey: np.ndarray) -> float:
    """Variance of the 4-neighbour Laplacian (OpenCV's ``Laplacian(ksize=1).var()``), of the
    grey levels stretched so their 1st..99th percentiles span 0..255: a dark or hazy photo
    that is in focus is not taken for a blurred one (its edges are only fainter)."""
    if grey.shape[0] < 3 or grey.shape[1] < 3:
        return 0.0
    lo, hi = np.percentile(grey[::4, ::4], (1, 99))
    grey = grey * np.float32(255.0 / max(float(hi - lo), 32.0))
    lap = (grey[:-2, 1:-1] + grey[2:, 1:-1] + grey[1:-1, :-2] + grey[1:-1, 2:]
           - 4.0 * grey[1:-1, 1:-1])
    return float(lap.var())


def _dct_matrix(n: int) -> np.ndarray:
    k = np.arange(n)[:, None]
    x = np.arange(n)[None, :]
    m = np.cos(math.pi * (2 * x + 1) * k / (2 * n)) * math.sqrt(2 / n)
    m[0] /= math.sqrt(2)
    return m.astype(np.float32)


_DCT32 = _dct_matrix(32)


def phash(image: Image.Image) -> int:
    """64-bit perceptual hash: the 8x8 lowest frequencies of the 32x32 grey DCT, each bit
    set when above their median (the DC term excluded from the median)."""
    small = image.convert("L").resize((32, 32), Image.Resampling.BOX, reducing_gap=2.0)
    pixels = np.asarray(small, dtype=np.float32)
    dct = _DCT32 @ pixels @ _DCT32.T
    low = dct[:HASH_SIZE, :HASH_SIZE].flatten()
    median = float(np.median(low[1:]))
    bits = low > median
    return int("".join("1" if b else "0" for b in bits), 2)


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def enhance_wanted(score: PhotoScore) -> bool:
    """Whether auto-enhance (levels) is likely to help this photo."""
    return score.ok and (DARK in score.flags or BRIGHT in score.flags)


# ---------------------------------------------------------------- one photo


def score_photo(path: str | Path, thumb_size: tuple[int, int] | None = None) -> PhotoScore:
    """Measure one photo; an unreadable file gives a PhotoScore with ``error`` set."""
    text = str(path)
    try:
        # JPEG: the DCT decodes at the smallest of 1/2..1/8 still covering the proxy.
        need = max(PROXY_SIDE, *(thumb_size or (0, 0)))
        decoded = open_photo(text, (need, need))
        image = decoded.image
        grey = _grey(image)
        sharpness = laplacian_variance(grey)
        count = max(1, grey.size)
        brightness = float(grey.mean())
        shadows = float(np.count_nonzero(grey <= 8) / count)
        highlights = float(np.count_nonzero(grey >= 247) / count)
        hashed = phash(image)
        thumb = None
        if thumb_size:
            thumb = image.copy()
            thumb.thumbnail(thumb_size, Image.Resampling.BICUBIC, reducing_gap=2.0)
    except KontenError as exc:
        return PhotoScore(text, error=str(exc))
    except MemoryError:
        return PhotoScore(text, error=f"Memori tidak cukup untuk membuka foto: "
                                      f"{display_name(text)}")
    except Exception:  # never let one odd file stop the batch
        return PhotoScore(text, error=f"Foto rusak dan tidak bisa dibaca: "
                                      f"{display_name(text)}.")
    flags = []
    if brightness < DARK_MEAN or (shadows > DARK_CLIPPED and brightness < 100):
        flags.append(DARK)
    elif brightness > BRIGHT_MEAN or highlights > BRIGHT_CLIPPED:
        flags.append(BRIGHT)
    w, h = decoded.source_size
    return PhotoScore(text, None, w, h, sharpness, brightness, shadows, highlights, hashed,
                      tuple(flags), thumbnail=thumb)


# ---------------------------------------------------------------- the batch


def _exposure_quality(s: PhotoScore) -> float:
    """1 for a well exposed photo, falling towards 0 for a very dark or blown-out one."""
    mean = s.brightness
    if mean < 100:
        q = max(0.0, (mean - 20) / 80)
    elif mean > 170:
        q = max(0.0, (235 - mean) / 65)
    else:
        q = 1.0
    return max(0.0, q - 0.5 * max(0.0, s.shadows - 0.2) - 1.0 * max(0.0, s.highlights - 0.1))


def _groups(scores: Sequence[PhotoScore], distance: int) -> list[int]:
    """Group index per photo (single linkage on the hash distance); -1 for unreadable."""
    parent = list(range(len(scores)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    readable = [i for i, s in enumerate(scores) if s.ok]
    for a_pos, a in enumerate(readable):
        for b in readable[a_pos + 1:]:
            if hamming(scores[a].phash, scores[b].phash) <= distance:
                ra, rb = root(a), root(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    names: dict[int, int] = {}
    out = []
    for i, s in enumerate(scores):
        if not s.ok:
            out.append(-1)
            continue
        out.append(names.setdefault(root(i), len(names)))
    return out


def rank(scores: Sequence[PhotoScore], distance: int = DUPLICATE_DISTANCE) -> Picking:
    """Flags that depend on the batch (blur next to the others, near-duplicates), the
    scores and the order, from :func:`score_photo` results."""
    readable = [s for s in scores if s.ok]
    median = float(np.median([s.sharpness for s in readable])) if readable else 0.0
    groups = _groups(scores, distance)
    rated = [_rated(s, group, median, len(readable)) if s.ok
             else replace(s, group=-1, score=0.0)
             for s, group in zip(scores, groups, strict=True)]
    final = _mark_duplicates(rated)
    order = tuple(sorted(range(len(final)), key=lambda i: (_tier(final[i]), -final[i].score, i)))
    return Picking(tuple(final), order)


def _rated(s: PhotoScore, group: int, median: float, readable: int) -> PhotoScore:
    """A readable photo with its blur flag and score against the batch (``median``
    sharpness of its ``readable`` photos); the duplicate flag comes later."""
    flags = [f for f in s.flags if f not in (BLURRY, DUPLICATE)]
    blurred = s.sharpness < BLUR_ABSOLUTE or (
        readable >= 4 and s.sharpness < BLUR_RELATIVE * median)
    if blurred:
        flags.insert(0, BLURRY)
    # Sharpness counts on a log scale against the batch (twice as sharp as the median
    # is as good as it gets); exposure multiplies.
    reference = max(median, BLUR_ABSOLUTE * 4)
    sharp_q = min(1.0, max(0.0, math.log2(max(s.sharpness, 1.0) / BLUR_ABSOLUTE)
                           / math.log2(2 * reference / BLUR_ABSOLUTE)))
    value = (0.15 + 0.85 * sharp_q) * (0.2 + 0.8 * _exposure_quality(s))
    if blurred:
        value *= 0.5
    return replace(s, flags=tuple(flags), group=group, score=round(value, 4))


def _mark_duplicates(rated: list[PhotoScore]) -> list[PhotoScore]:
    """Every readable photo but the best of its group flagged DUPLICATE of that best one."""
    best_of: dict[int, int] = {}
    for i, s in enumerate(rated):
        if s.ok:
            j = best_of.get(s.group)
            if j is None or (_quality_key(s), -i) > (_quality_key(rated[j]), -j):
                best_of[s.group] = i
    return [replace(s, flags=(*s.flags, DUPLICATE), duplicate_of=rated[best_of[s.group]].path)
            if s.ok and best_of[s.group] != i else s
            for i, s in enumerate(rated)]


def _tier(s: PhotoScore) -> int:
    """Where a photo sorts: good ones first, then flagged, duplicates, unreadable last."""
    if not s.ok:
        return 3
    if s.duplicate_of is not None:
        return 2
    return 1 if s.flags else 0


def _quality_key(s: PhotoScore) -> tuple[int, float]:
    """Which member of a group of near-duplicates is its best: unflagged first, then score."""
    return (0 if s.flags else 1, s.score)


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def score_photos(paths: Sequence[str | Path], *, thumb_size: tuple[int, int] | None = None,
                 workers: int | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 distance: int = DUPLICATE_DISTANCE) -> Picking:
    """Score ``paths`` (in parallel) and rank them; see the module docstring.

    ``progress(done, total)`` is called from the worker threads as photos finish;
    ``cancelled()`` true makes the remaining photos be skipped (reported as not scored).
    """
    items = [str(p) for p in paths]
    total = len(items)
    results: list[PhotoScore | None] = [None] * total
    done = 0
    lock = threading.Lock()

    def one(index: int) -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            results[index] = PhotoScore(items[index], error="Penilaian foto dibatalkan.")
        else:
            results[index] = score_photo(items[index], thumb_size)
        with lock:
            done += 1
            count = done
        if progress is not None:
            progress(count, total)

    n = workers or default_workers()
    if n <= 1 or total <= 1:
        for i in range(total):
            one(i)
    else:
        with ThreadPoolExecutor(max_workers=min(n, total)) as pool:
            list(pool.map(one, range(total)))
    return rank([r for r in results if r is not None], distance)


__all__ = [
    "BLURRY", "BRIGHT", "DARK", "DUPLICATE", "FLAGS", "PhotoScore", "Picking", "enhance_wanted",
    "hamming", "laplacian_variance", "phash", "rank", "score_photo", "score_photos",
]
