"""The worker side of an export: one image rendered and written per :class:`RenderTask`.

Runs in the export's process pool ('spawn' context, see :mod:`.exporter`), or in the calling
thread for small exports. A task is plain, picklable data; each worker process reloads the
template from its folder (cached per file version) and keeps one photo cache. JPEGs are
encoded in memory, stepping the quality down until the platforms' byte cap is met, and
written once.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import signal
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KontenError
from ..exiting import exit_now
from ..io.imagefile import image_bytes, write_image_bytes
from ..model.platforms import FORMAT_SIZES, JPEG_MAX_WIDTH, JPEG_MIN_WIDTH
from ..model.records import Draft, Profile
from ..template.schema import Template

JPEG_QUALITY = 92
_QUALITY_STEPS = (92, 86, 80, 72, 64, 56, 48)


@dataclass(frozen=True)
class RenderTask:
    """Plain, picklable data for one image."""

    job: int
    template_folder: str
    fmt: str
    draft: Draft
    profile: Profile
    path: str  # inside the post's partial folder
    max_bytes: int
    slide: int = 0  # of a carousel
    faces: tuple[Any, ...] = ()  # faces.known_faces of the draft's photos, found already


@dataclass(frozen=True)
class RenderDone:
    job: int
    fmt: str
    path: str
    slide: int = 0
    width: int = 0
    height: int = 0
    bytes: int = 0
    quality: int | None = None
    warnings: tuple[tuple[str, str, str | None], ...] = ()
    error: str | None = None
    blocked: str | None = None  # why this image is not fit to publish (nothing written)


_worker_photos: Any = None


def worker_init() -> None:
    """Runs once in every worker process."""
    global _worker_photos  # noqa: PLW0603 - one photo cache per process, by design
    from ..photos.cache import PhotoCache  # noqa: PLC0415

    _worker_photos = PhotoCache(max_pixels=16_000_000, max_frames=4)
    # Ctrl+C is the parent's to handle (it cancels cleanly); a worker killed mid-task would
    # break the pool instead.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if multiprocessing.parent_process() is not None:  # a pool's process, not the app's own
        # Its last act: end without the teardown the export would wait for. Every result
        # has been sent by then (the pool writes each to its pipe as its chunk ends).
        atexit.register(exit_now, 0)


@lru_cache(maxsize=32)
def _template_at(folder: str, mtime_ns: int) -> Template:
    from ..template.library import load_template  # noqa: PLC0415

    return load_template(Path(folder))


def _load_template(folder: str) -> Template:
    try:
        mtime = (Path(folder) / "template.json").stat().st_mtime_ns
    except OSError:
        raise KontenError(f"Templat tidak ditemukan: {folder}") from None
    return _template_at(folder, mtime)


def warm_up(template_folders: tuple[str, ...]) -> None:
    """First job of every worker: imports and templates loaded while the parent prepares."""
    if _worker_photos is None:
        worker_init()
    from .. import render  # noqa: F401, PLC0415

    for folder in template_folders:
        with contextlib.suppress(KontenError):
            _load_template(folder)


def pool_chunk(tasks: list[RenderTask], whole_post: bool = False) -> list[RenderDone]:
    """Worker entry point: the images of one chunk, in order, with the process's cache.
    ``whole_post``: the chunk is every image of a post, so its photos are not kept after."""
    if _worker_photos is None:
        worker_init()
    done = [run_task(task, _worker_photos) for task in tasks]
    if whole_post:
        _worker_photos.clear()
    return done


def tallest_first(task: RenderTask) -> tuple[int, int]:
    """Sort key: the format with the tallest canvas, then the slides in order."""
    return (-FORMAT_SIZES.get(task.fmt, (0, 0))[1], task.slide)


def _mb(size: int) -> str:
    """8388608 -> "8 MB", 800000 -> "0,8 MB"."""
    value = size / 2**20
    text = f"{value:.0f}" if value >= 1 else f"{value:.1f}".replace(".", ",")
    return f"{text} MB"


def run_task(task: RenderTask, photos: Any) -> RenderDone:
    """Render one format of one draft and write it; never raises (errors come back)."""
    from ..render import render  # noqa: PLC0415

    try:
        if task.faces:
            from ..render.faces import seed_faces  # noqa: PLC0415

            seed_faces(task.faces)
        elif task.draft.photos:
            # Faces to be found here: OpenCV brings numpy, after which TurboJPEG's import
            # costs little and a full-size decode is ~15 % sooner. A worker handed its faces
            # (bulk create) imports neither: ~17 MB less each.
            from ..photos import jpegturbo  # noqa: PLC0415

            jpegturbo.enable()
        template = _load_template(task.template_folder)
        result = render(template, task.fmt, task.draft, task.profile, photos=photos,
                        slide=task.slide)
        image = result.image
        warnings = [(w.code, w.message, w.field) for w in result.warnings]
        blocking = [w.message for w in result.warnings if w.blocking]
        if blocking:  # not written: an admin would publish it as it is
            return RenderDone(task.job, task.fmt, task.path, task.slide, image.width,
                              image.height, warnings=tuple(warnings), blocked=blocking[0])
        if not JPEG_MIN_WIDTH <= image.width <= JPEG_MAX_WIDTH:
            warnings.append(("size", f"Lebar {image.width} px di luar 320-1440 px.", None))
        path = Path(task.path)
        quality: int | None = None
        if path.suffix == ".jpg":
            data = b""
            for quality in _QUALITY_STEPS:  # the last one tried is reported
                data = image_bytes(image, path, quality=quality)  # tried in memory ...
                if len(data) <= task.max_bytes:
                    break
            else:
                warnings.append(("bytes", f"Berkas {path.name} tetap lebih dari "
                                          f"{_mb(task.max_bytes)}.", None))
            if quality != JPEG_QUALITY:
                warnings.append(("quality", f"Kualitas JPEG {path.name} diturunkan ke {quality} "
                                            f"agar di bawah {_mb(task.max_bytes)}.", None))
        else:
            data = image_bytes(image, path)
        write_image_bytes(data, path)  # ... written once
        return RenderDone(task.job, task.fmt, task.path, task.slide, image.width,
                          image.height, len(data), quality, tuple(warnings))
    except KontenError as exc:
        return RenderDone(task.job, task.fmt, task.path, task.slide, error=str(exc))
    except MemoryError:
        return RenderDone(task.job, task.fmt, task.path, task.slide,
                          error="Memori tidak cukup untuk membuat gambar ini.")
    except Exception as exc:  # a bug must not take the whole queue down
        return RenderDone(task.job, task.fmt, task.path, task.slide,
                          error=f"kesalahan internal ({type(exc).__name__}: {exc})")
