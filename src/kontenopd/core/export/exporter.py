"""Export: finished images, caption files and a manifest for a queue of posts, on all cores.

Layout (DESIGN.md)::

    <DIR>/<date>_<slug>/<slug>_4x5.jpg        one image per format
                        <slug>_4x5_01.jpg ...  or one per slide of a carousel
                        caption_instagram.txt  one caption per platform
                        manifest.json          every file: template, format, size, warnings...

``<date>`` is the day of the export; a folder that already exists is never touched: the new
export gets ``-2``, ``-3``... Each post is written into a hidden ``.kontenopd-partial-*``
folder first and renamed into place only when every file of it is written, so a cancelled or
failed export never leaves a half-written post behind.

The engine knows nothing of Qt. A GUI runs :func:`export` on a worker thread and passes a
``progress`` callback (called on that thread, once per file) and a ``cancel`` event
(``threading.Event``). Images are rendered in a process pool ('spawn' context: safe on Windows
and in a PyInstaller bundle); workers receive plain picklable data, reload the template from
its folder and keep a photo cache per process.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import json
import multiprocessing
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from ... import __version__
from ..captions.compose import Caption, captions_for
from ..errors import KontenError
from ..io.imagefile import image_bytes, save_image, write_image_bytes
from ..model.platforms import (
    FORMAT_SIZES,
    JPEG_MAX_WIDTH,
    JPEG_MIN_WIDTH,
    PLATFORM_KEYS,
    get_platform,
    image_uses,
)
from ..model.records import Draft, Profile, slugify
from ..render.images import PostImage, carousel_warnings, check_carousel, images_of
from ..template.library import Library, Template
from ..template.roles import draft_title, post_title

IMAGE_TYPES = {"jpg": ".jpg", "png": ".png"}
JPEG_QUALITY = 92
_QUALITY_STEPS = (92, 86, 80, 72, 64, 56, 48)
PARTIAL_PREFIX = ".kontenopd-partial-"
STALE_PARTIAL_SECONDS = 6 * 3600
MANIFEST = "manifest.json"
MAX_WORKERS = 8  # each worker holds decoded photos; more rarely helps on office PCs
POOL_MIN_IMAGES = 8  # fewer images render faster in-process than a pool starts up


class CancelToken(Protocol):
    def is_set(self) -> bool: ...


# ---------------------------------------------------------------- jobs and results


@dataclass(frozen=True)
class ExportJob:
    """One post in the export queue: a draft in memory (snapshot) or a draft file."""

    draft: Draft | None = None
    profile: Profile | None = None
    draft_path: str | None = None
    formats: tuple[str, ...] = ()  # empty: the draft's own formats
    platforms: tuple[str, ...] = PLATFORM_KEYS
    image_type: str = "jpg"  # "jpg" or "png"
    label: str = ""  # shown in the queue panel

    @classmethod
    def from_draft(cls, draft: Draft, profile: Profile, *, formats: Sequence[str] = (),
                   platforms: Sequence[str] = PLATFORM_KEYS, image_type: str = "jpg",
                   label: str = "", template: Template | None = None) -> ExportJob:
        """Queue the current draft as it is now (later edits do not change the job)."""
        return cls(draft=draft.copy(), profile=profile, formats=tuple(formats),
                   platforms=_platform_keys(platforms), image_type=_image_type(image_type),
                   label=label or _draft_label(draft, template))

    @classmethod
    def from_file(cls, path: str | Path, *, formats: Sequence[str] = (),
                  platforms: Sequence[str] = PLATFORM_KEYS, image_type: str = "jpg",
                  label: str = "") -> ExportJob:
        path = Path(path)
        return cls(draft_path=str(path.resolve()), formats=tuple(formats),
                   platforms=_platform_keys(platforms), image_type=_image_type(image_type),
                   label=label or path.stem)


def _platform_keys(platforms: Sequence[str]) -> tuple[str, ...]:
    keys = tuple(dict.fromkeys(get_platform(p).key for p in platforms))
    if not keys:
        raise KontenError("Pilih minimal satu platform untuk diekspor.")
    return keys


def _image_type(value: str) -> str:
    norm = value.lower().lstrip(".").replace("jpeg", "jpg")
    if norm not in IMAGE_TYPES:
        raise KontenError(f"Jenis gambar '{value}' tidak dikenal (pilih jpg atau png).")
    return norm


def _draft_label(draft: Draft, template: Template | None = None) -> str:
    """The queue's name for a post: its title, else the template's name (its id when the
    template is not known here)."""
    return post_title(draft, template) if template else draft_title(draft) or draft.template


@dataclass(frozen=True)
class ExportProgress:
    """Reported after every file (and once at the start, with ``done`` = 0)."""

    done: int  # files finished so far (written or failed)
    total: int
    job: int  # index of the job the file belongs to (-1 at the start)
    name: str  # "2022-11-21_slug/slug_4x5.jpg" ("" at the start)
    message: str  # Indonesian, for a status line

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0


@dataclass
class PostResult:
    job: int
    label: str
    folder: Path | None = None  # set once the post is complete and in place
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    blocked: dict[str, str] = field(default_factory=dict)  # format -> why it was not written

    @property
    def ok(self) -> bool:
        """The post's folder was written (perhaps without its blocked formats)."""
        return self.error is None and self.folder is not None

    @property
    def complete(self) -> bool:
        """Written with every format asked for."""
        return self.ok and not self.blocked


@dataclass
class ExportReport:
    out_dir: Path
    posts: list[PostResult]
    cancelled: bool = False
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        """Everything asked for was written."""
        return not self.cancelled and all(p.complete for p in self.posts)

    @property
    def blocked(self) -> list[str]:
        """'label: format tidak diekspor: why', one per blocked format."""
        return [f"{p.label}: {fmt} tidak diekspor: {why}" for p in self.posts
                for fmt, why in p.blocked.items()]

    @property
    def folders(self) -> list[Path]:
        return [p.folder for p in self.posts if p.folder is not None]

    @property
    def errors(self) -> list[str]:
        return [f"{p.label}: {p.error}" for p in self.posts if p.error]

    @property
    def files(self) -> list[Path]:
        return [f for p in self.posts for f in p.files]


@dataclass
class Preflight:
    """What exporting a post would give, found by rendering it small: a thumbnail of its
    first image, its warnings ("4:5: …", once each) and the formats an export would not
    write (format -> why)."""

    thumbnail: Any = None  # PIL image (first format, first slide) or None
    warnings: list[str] = field(default_factory=list)
    blocked: dict[str, str] = field(default_factory=dict)
    error: str | None = None  # the post cannot be exported at all

    @property
    def ok(self) -> bool:
        return self.error is None and not self.blocked and not self.warnings


PREFLIGHT_SCALE = 0.5  # large enough that text fits as at full size (fitting is per pixel)


def preflight(template: Template, draft: Draft, profile: Profile, formats: Sequence[str],
              photos: Any = None, thumb_side: int = 96) -> Preflight:
    """Render every image of ``formats`` at half size, as the queue shows it before export;
    never raises."""
    from ..render import missing_required, render  # noqa: PLC0415

    check = Preflight()
    if photos is None:
        from ..photos.cache import PhotoCache  # noqa: PLC0415

        photos = PhotoCache()  # each photo decoded once for all the post's images
    try:
        empty = missing_required(template, draft)
        if empty:
            check.error = "Field wajib belum diisi: " + ", ".join(f.label for f in empty) + "."
        for fmt in formats:
            if fmt not in template.formats:
                continue
            images = images_of(template, draft, fmt)
            check.warnings += [f"{fmt}: {w}" for w in carousel_warnings(images)]
            for image in images:
                result = render(template, fmt, draft, profile, scale=PREFLIGHT_SCALE,
                                photos=photos, slide=image.slide)
                if check.thumbnail is None:
                    thumb = result.image.copy()
                    thumb.thumbnail((thumb_side, thumb_side))
                    check.thumbnail = thumb
                where = f"{fmt} slide {image.slide + 1}" if image.count > 1 else fmt
                for w in result.warnings:
                    line = f"{where}: {w.message}"
                    if w.blocking:
                        check.blocked.setdefault(fmt, w.message)
                    elif line not in check.warnings:
                        check.warnings.append(line)
    except KontenError as exc:
        check.error = str(exc)
    return check


# ---------------------------------------------------------------- the worker side


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


def _worker_init() -> None:
    """Runs once in every worker process."""
    global _worker_photos  # noqa: PLW0603 - one photo cache per process, by design
    from ..photos.cache import PhotoCache  # noqa: PLC0415

    _worker_photos = PhotoCache(max_pixels=16_000_000, max_frames=4)
    # Ctrl+C is the parent's to handle (it cancels cleanly); a worker killed mid-task would
    # break the pool instead.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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


def _warm_up(template_folders: tuple[str, ...]) -> None:
    """First job of every worker: imports and templates loaded while the parent prepares."""
    if _worker_photos is None:
        _worker_init()
    from .. import render  # noqa: F401, PLC0415

    for folder in template_folders:
        with contextlib.suppress(KontenError):
            _load_template(folder)


def _pool_chunk(tasks: list[RenderTask]) -> list[RenderDone]:
    """Worker entry point: the images of one chunk, in order, with the process's cache."""
    if _worker_photos is None:
        _worker_init()
    return [run_task(task, _worker_photos) for task in tasks]


def _tallest_first(task: RenderTask) -> tuple[int, int]:
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
            write_image_bytes(data, path)  # ... written once
            if quality != JPEG_QUALITY:
                warnings.append(("quality", f"Kualitas JPEG {path.name} diturunkan ke {quality} "
                                            f"agar di bawah {_mb(task.max_bytes)}.", None))
        else:
            save_image(image, path)
        return RenderDone(task.job, task.fmt, task.path, task.slide, image.width,
                          image.height, path.stat().st_size, quality, tuple(warnings))
    except KontenError as exc:
        return RenderDone(task.job, task.fmt, task.path, task.slide, error=str(exc))
    except MemoryError:
        return RenderDone(task.job, task.fmt, task.path, task.slide,
                          error="Memori tidak cukup untuk membuat gambar ini.")
    except Exception as exc:  # a bug must not take the whole queue down
        return RenderDone(task.job, task.fmt, task.path, task.slide,
                          error=f"kesalahan internal ({type(exc).__name__}: {exc})")


# ---------------------------------------------------------------- the parent side


@dataclass
class _Post:
    index: int
    job: ExportJob
    result: PostResult
    template: Template | None = None
    draft: Draft | None = None
    profile: Profile | None = None
    formats: tuple[str, ...] = ()
    slug: str = ""
    base_name: str = ""  # <date>_<slug>
    folder_name: str = ""  # base_name or base_name-2, -3...
    partial: Path | None = None
    source: str | None = None
    captions: dict[str, Caption] = field(default_factory=dict)
    caption_files: dict[str, Path] = field(default_factory=dict)
    planned: list[PostImage] = field(default_factory=list)  # every image, in posting order
    images: dict[tuple[str, int], RenderDone] = field(default_factory=dict)  # (fmt, slide)
    pending: int = 0


def _post_date(today: date | None) -> str:
    return (today or date.today()).isoformat()


def _activity_date(template: Template, draft: Draft) -> str | None:
    """The date of the activity (the template's first date field, when it holds one), so
    an export folder is named by the day it happened, not the day it was exported."""
    from ..model.dates import parse_date  # noqa: PLC0415

    for f in template.fields:
        if f.type != "date":
            continue
        value = draft.values.get(f.key)
        if value in (None, ""):
            continue
        try:
            return parse_date(value).isoformat()
        except (KontenError, ValueError, TypeError):
            return None
    return None


def reserve_name(out_dir: Path, base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... : never a folder that exists or is reserved."""
    name, n = base, 1
    while name in taken or (out_dir / name).exists():
        n += 1
        name = f"{base}-{n}"
    taken.add(name)
    return name


def _clean_stale_partials(out_dir: Path) -> None:
    """Partial folders left by a crash (hours old) are removed; fresh ones may be in use."""
    try:
        entries = list(out_dir.iterdir())
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if entry.name.startswith(PARTIAL_PREFIX) and entry.is_dir():
            try:
                if now - entry.stat().st_mtime > STALE_PARTIAL_SECONDS:
                    shutil.rmtree(entry, ignore_errors=True)
            except OSError:
                pass


def _rename_dir(source: Path, target: Path, attempts: int = 5) -> None:
    """Rename a finished post folder into place; retried briefly, because on Windows a virus
    scanner or the thumbnail cache may still hold a file that was just written."""
    for attempt in range(attempts):
        try:
            os.rename(source, target)
            return
        except PermissionError:
            if attempt == attempts - 1 or target.exists():
                raise
            time.sleep(0.2 * (attempt + 1))


def _write_text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:  # native line ends (Notepad on Windows)
        handle.write(text if text.endswith("\n") else text + "\n")
        handle.flush()
        os.fsync(handle.fileno())


@dataclass(frozen=True)
class _Options:
    """How an export runs: :func:`export`'s keyword arguments."""

    library: Library | None = None
    workers: int | None = None
    progress: Callable[[ExportProgress], None] | None = None
    cancel: CancelToken | None = None
    today: date | None = None
    refuse_demo: bool = False


class _Exporter:
    def __init__(self, jobs: Sequence[ExportJob], out_dir: Path, options: _Options) -> None:
        self.jobs = list(jobs)
        self.refuse_demo = options.refuse_demo
        self.out_dir = out_dir
        self.library = options.library
        self.workers = options.workers
        self.progress = options.progress
        self.cancel = options.cancel
        self.today = options.today
        self.posts: list[_Post] = []
        self.taken: set[str] = set()
        self.done = 0
        self.total = 0
        self.tmp: tempfile.TemporaryDirectory[str] | None = None

    # -- helpers
    def cancelled(self) -> bool:
        return bool(self.cancel is not None and self.cancel.is_set())

    def report(self, job: int, name: str, message: str) -> None:
        if self.progress is not None:
            self.progress(ExportProgress(self.done, self.total, job, name, message))

    def get_library(self) -> Library:
        if self.library is None:
            from ..template.library import load_library  # noqa: PLC0415

            self.library = load_library()
        return self.library

    # -- preparation (parent process: cheap work, every user error found before rendering)
    def prepare(self, post: _Post) -> None:
        self._open(post)
        assert post.draft is not None and post.profile is not None
        if self.refuse_demo:
            from ..io.profile_file import demo_refusal  # noqa: PLC0415

            refusal = demo_refusal(post.profile)
            if refusal:
                raise KontenError(refusal)
        template = post.template = self.get_library().get(post.draft.template)
        self._plan(post, template)
        from ..render import missing_required  # noqa: PLC0415

        empty = missing_required(template, post.draft)
        if empty:
            listed = ", ".join(f"{f.label} ({f.key})" for f in empty)
            raise KontenError(f"Field wajib belum diisi: {listed}.")
        post.captions = captions_for(template, post.draft, post.profile, post.job.platforms)
        post.slug = slugify(post_title(post.draft, template), 40)
        post.base_name = f"{_activity_date(template, post.draft) or _post_date(self.today)}_" \
                         f"{post.slug}"
        post.folder_name = reserve_name(self.out_dir, post.base_name, self.taken)
        self._start_folder(post)
        for key, caption in post.captions.items():
            for issue in caption.check.issues:
                if issue.level != "info":
                    post.result.warnings.append(f"caption {key}: {issue.message}")

    def _open(self, post: _Post) -> None:
        """The post's draft and profile: the queued snapshot, or the draft file opened."""
        job = post.job
        if job.draft_path is None:
            if job.draft is None or job.profile is None:
                raise KontenError("Antrean ekspor tidak lengkap: draf atau profil tidak ada.")
            post.draft, post.profile = job.draft, job.profile
            return
        from ..io.draft_file import load_draft  # noqa: PLC0415 - written alongside this module

        if self.tmp is None:
            self.tmp = tempfile.TemporaryDirectory(prefix="kontenopd-export-")
        workdir = Path(self.tmp.name) / f"job{post.index}"
        opened = load_draft(job.draft_path, workdir=workdir, library=self.get_library())
        post.draft, post.profile, post.source = opened.draft, opened.profile, job.draft_path
        post.result.warnings += [f"draf: {n}" for n in opened.notices]

    def _plan(self, post: _Post, template: Template) -> None:
        """The formats asked for (each in the template) and every image they give."""
        assert post.draft is not None
        wanted = post.job.formats or tuple(post.draft.formats) or (template.format_keys[0],)
        missing = [f for f in wanted if f not in template.formats]
        if missing:
            raise KontenError(
                f"Format {', '.join(missing)} tidak ada di templat {template.id} "
                f"(ada: {', '.join(template.format_keys)}).")
        post.formats = tuple(dict.fromkeys(wanted))
        post.planned = []
        for fmt in post.formats:
            images = images_of(template, post.draft, fmt)
            check_carousel(images)
            post.result.warnings += carousel_warnings(images)
            post.planned += images

    def _start_folder(self, post: _Post) -> None:
        """The post's partial folder in the output folder, with its captions written."""
        try:
            post.partial = Path(tempfile.mkdtemp(prefix=f"{PARTIAL_PREFIX}{post.folder_name}-",
                                                 dir=self.out_dir))
            if os.name == "posix":
                os.chmod(post.partial, 0o755)  # mkdtemp makes it private; exports are shared
            for key, caption in post.captions.items():
                path = post.partial / f"caption_{key}.txt"
                _write_text(path, caption.text)
                post.caption_files[key] = path
        except OSError as exc:
            raise KontenError(
                f"Folder keluaran tidak bisa ditulisi: {self.out_dir} ({exc.strerror})") from None

    def tasks(self, post: _Post) -> list[RenderTask]:
        assert post.template is not None and post.partial is not None
        assert post.draft is not None and post.profile is not None
        max_bytes = min(get_platform(p).max_image_bytes for p in post.job.platforms)
        suffix = IMAGE_TYPES[post.job.image_type]
        known: tuple[Any, ...] = ()
        if post.draft.photos:  # faces found here (on adding, or by bulk) travel along
            from ..render.faces import known_faces  # noqa: PLC0415

            known = known_faces(ref.path for refs in post.draft.photos.values()
                                for ref in refs)
        return [RenderTask(post.index, str(post.template.folder), image.fmt, post.draft,
                           post.profile, str(post.partial / f"{image.stem(post.slug)}{suffix}"),
                           max_bytes, image.slide, known)
                for image in post.planned]

    # -- completion
    def file_done(self, post: _Post, done: RenderDone) -> None:
        self.done += 1
        post.pending -= 1
        post.images[done.fmt, done.slide] = done
        name = f"{post.folder_name}/{Path(done.path).name}"
        if done.error:
            if post.result.error is None:
                post.result.error = done.error
            self.report(post.index, name, f"Gagal: {name}: {done.error}")
        elif done.blocked:
            post.result.blocked.setdefault(done.fmt, done.blocked)
            self.report(post.index, name, f"Tidak diekspor: {name}: {done.blocked}")
        else:
            count = next((i.count for i in post.planned if i.fmt == done.fmt), 1)
            where = f"{done.fmt} slide {done.slide + 1}/{count}: " if count > 1 else ""
            post.result.warnings += [where + w[1] for w in done.warnings]
            self.report(post.index, name, f"{self.done}/{self.total} {name}")
        if post.pending == 0:
            self.finish(post)

    def finish(self, post: _Post) -> None:
        if post.result.error is not None or post.partial is None:
            self.discard(post)
            return
        if post.result.blocked:  # a format with one blocked slide is not written at all
            for image in post.planned:
                if image.fmt in post.result.blocked:
                    Path(post.images[image.fmt, image.slide].path).unlink(missing_ok=True)
            post.planned = [i for i in post.planned if i.fmt not in post.result.blocked]
            if not post.planned:
                post.result.error = "Tidak ada format yang layak diekspor: " + "; ".join(
                    f"{fmt}: {why}" for fmt, why in post.result.blocked.items())
                self.discard(post)
                return
        try:
            self.write_manifest(post)
            # Someone may have made a folder of that name meanwhile: check again, never merge.
            self.taken.discard(post.folder_name)
            name = reserve_name(self.out_dir, post.base_name, self.taken)
            final = self.out_dir / name
            _rename_dir(post.partial, final)
        except OSError as exc:
            post.result.error = f"Folder hasil tidak bisa disimpan ({exc})."
            self.discard(post)
            return
        post.partial = None
        post.result.folder = final
        files = [final / Path(post.images[i.fmt, i.slide].path).name for i in post.planned]
        files += [final / p.name for p in post.caption_files.values()]
        post.result.files = [*files, final / MANIFEST]

    def discard(self, post: _Post) -> None:
        if post.partial is not None:
            shutil.rmtree(post.partial, ignore_errors=True)
            post.partial = None

    def write_manifest(self, post: _Post) -> None:
        assert post.template is not None and post.partial is not None
        assert post.draft is not None
        files: list[dict[str, Any]] = []
        for image in post.planned:
            fmt = image.fmt
            d = post.images[fmt, image.slide]
            files.append({
                "file": Path(d.path).name, "type": "image",
                "mime": "image/jpeg" if d.path.endswith(".jpg") else "image/png",
                "template": post.template.id, "format": fmt,
                "slide": image.slide + 1, "slides": image.count,
                "width": d.width, "height": d.height, "bytes": d.bytes,
                "quality": d.quality, "color_space": "sRGB", "metadata": "none",
                "warnings": [{"code": c, "message": m, "field": f} for c, m, f in d.warnings],
                "platforms": {k: u.to_dict() for k, u in
                              image_uses(fmt, (d.width, d.height), post.job.platforms).items()},
            })
        for key, caption in post.captions.items():
            path = post.caption_files[key]
            check = caption.check
            files.append({
                "file": path.name, "type": "caption", "platform": key,
                "bytes": path.stat().st_size, "length": check.length,
                "limit": check.limit, "soft_limit": check.soft_limit,
                "hashtags": check.hashtags, "hashtag_limit": check.hashtag_limit,
                "mentions": check.mentions, "edited": caption.edited, "ok": check.ok,
                "warnings": [{"code": i.code, "level": i.level, "message": i.message}
                             for i in check.issues],
            })
        manifest = {
            "schema": 1,
            "app": f"KontenOPD {__version__}",
            "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "folder": post.folder_name,
            "title": post_title(post.draft, post.template),
            "source": post.source,
            "template": {"id": post.template.id, "name": post.template.name,
                         "kind": post.template.kind},
            "profile": post.profile.id if post.profile else None,
            "formats": [f for f in post.formats if f not in post.result.blocked],
            "blocked": [{"format": f, "reason": why} for f, why in post.result.blocked.items()],
            "platforms": list(post.job.platforms),
            "files": files,
        }
        path = post.partial / MANIFEST
        _write_text(path, json.dumps(manifest, ensure_ascii=False, indent=2))

    # -- running
    def run(self) -> ExportReport:
        start = time.perf_counter()
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KontenError(
                f"Folder keluaran tidak bisa dibuat: {self.out_dir} ({exc.strerror})") from None
        _clean_stale_partials(self.out_dir)
        self.posts = [_Post(i, job, PostResult(i, job.label or f"#{i + 1}"))
                      for i, job in enumerate(self.jobs)]
        cancelled = False
        pool: cf.ProcessPoolExecutor | None = None
        try:
            workers = self.worker_count(self.estimate())
            if workers:  # start the workers now: they import while the posts are prepared
                pool = self.start_pool(workers)
            tasks = self.prepare_all()
            self.total = len(tasks)
            self.report(-1, "", f"Mengekspor {self.total} gambar...")
            if not self.cancelled():
                if pool is None:
                    self.execute_here(tasks)
                else:
                    self.execute_pool(pool, tasks, workers)
            cancelled = self.cancelled()
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
            for post in self.posts:  # anything not finished is removed: no half-written post
                self.discard(post)
            if self.tmp is not None:
                self.tmp.cleanup()
        if cancelled:
            for post in self.posts:
                if post.result.folder is None and post.result.error is None:
                    post.result.error = "Dibatalkan."
        return ExportReport(self.out_dir, [p.result for p in self.posts], cancelled,
                            time.perf_counter() - start)

    def prepare_all(self) -> list[RenderTask]:
        """Every post prepared (a post with a user error is reported and left out); the
        images to render."""
        tasks: list[RenderTask] = []
        for post in self.posts:
            if self.cancelled():
                break
            try:
                self.prepare(post)
            except KontenError as exc:
                post.result.error = str(exc)
                self.discard(post)
                continue
            post_tasks = self.tasks(post)
            post.pending = len(post_tasks)
            tasks += post_tasks
        return tasks

    def estimate(self) -> int:
        """How many images the queue will give (before the drafts are opened)."""
        total = 0
        for job in self.jobs:
            if job.formats:
                total += len(job.formats)
            elif job.draft is not None:
                total += max(1, len(job.draft.formats))
            else:
                from ..io.draft_file import read_draft_info  # noqa: PLC0415

                try:
                    total += max(1, len(read_draft_info(job.draft_path or "").formats))
                except KontenError:
                    total += 1
        return total

    def worker_count(self, n_tasks: int) -> int:
        if self.workers is not None:
            return max(0, min(self.workers, n_tasks))
        cpus = (os.process_cpu_count() if hasattr(os, "process_cpu_count")
                else os.cpu_count()) or 1
        if n_tasks < POOL_MIN_IMAGES or cpus == 1:
            return 0  # starting processes (~1 s) costs more than it saves
        return min(cpus, MAX_WORKERS, n_tasks)

    def start_pool(self, workers: int) -> cf.ProcessPoolExecutor:
        pool = cf.ProcessPoolExecutor(max_workers=workers,
                                      mp_context=multiprocessing.get_context("spawn"),
                                      initializer=_worker_init)
        folders = tuple(sorted({str(t.folder) for t in self.get_library().templates.values()
                                if any(j.draft is not None and j.draft.template == t.id
                                       for j in self.jobs)}))
        for _ in range(workers):  # one submission per worker makes every process start
            pool.submit(_warm_up, folders)
        return pool

    def execute_here(self, tasks: list[RenderTask]) -> None:
        from ..photos.cache import PhotoCache  # noqa: PLC0415

        photos = PhotoCache()
        for task in sorted(tasks, key=lambda t: (t.job, _tallest_first(t))):
            if self.cancelled():
                return
            self.file_done(self.posts[task.job], run_task(task, photos))

    @staticmethod
    def chunks(tasks: list[RenderTask], workers: int) -> list[list[RenderTask]]:
        """One chunk per post when there are enough posts to keep every core busy (each
        photo is then decoded once, by one worker); otherwise one image per chunk.
        A post's tallest format goes first: its decode of the photo (the largest a post
        needs) then serves the other formats too."""
        jobs = list(dict.fromkeys(t.job for t in tasks))
        if len(jobs) < workers * 2:
            return [[t] for t in tasks]
        return [sorted((t for t in tasks if t.job == job), key=_tallest_first)
                for job in jobs]

    def execute_pool(self, pool: cf.ProcessPoolExecutor, tasks: list[RenderTask],
                     workers: int) -> None:
        chunks = self.chunks(tasks, workers)
        queue = list(reversed(chunks))
        # Few in flight, so that Cancel has little to wait for: a post per worker, or a
        # single image per worker plus one waiting (keeps the cores busy between images).
        in_flight = workers if len(chunks) < len(tasks) else workers * 2
        running: dict[cf.Future[list[RenderDone]], list[RenderTask]] = {}
        try:
            while queue or running:
                while queue and len(running) < in_flight and not self.cancelled():
                    chunk = queue.pop()
                    running[pool.submit(_pool_chunk, chunk)] = chunk
                if self.cancelled():
                    queue.clear()
                    for future in list(running):
                        if future.cancel():
                            del running[future]
                if not running:
                    break
                finished, _ = cf.wait(running, timeout=0.1, return_when=cf.FIRST_COMPLETED)
                for future in finished:
                    chunk = running.pop(future)
                    try:
                        results = future.result()
                    except cf.process.BrokenProcessPool:
                        results = [RenderDone(t.job, t.fmt, t.path,
                                              error="Proses ekspor berhenti mendadak "
                                                    "(memori habis?). Coba lagi.")
                                   for t in chunk]
                    except cf.CancelledError:
                        continue
                    for done in results:
                        self.file_done(self.posts[done.job], done)
        finally:
            for future in running:
                future.cancel()


def export(jobs: Sequence[ExportJob], out_dir: str | Path, *, library: Library | None = None,
           workers: int | None = None,
           progress: Callable[[ExportProgress], None] | None = None,
           cancel: CancelToken | None = None, today: date | None = None,
           refuse_demo: bool = False) -> ExportReport:
    """Export every job into ``out_dir``; returns what was written and what failed.

    ``workers``: None picks the number of cores (in-process below :data:`POOL_MIN_IMAGES`
    images, where starting processes would cost more than it saves), 0 runs everything in
    the calling thread. ``progress`` is called on the calling thread after each
    file. Setting ``cancel`` stops the export: no new image is started, running ones finish,
    and every post not complete is removed (complete ones stay). A job with a user error
    (missing field, unreadable photo, unknown format) is reported in its ``PostResult`` and
    the others still export. ``refuse_demo``: a post whose profile still carries the bundled
    demo identity (:func:`kontenopd.core.io.profile_file.demo_refusal`) is such an error too.
    Raises :class:`KontenError` only when ``out_dir`` is unusable.
    """
    return _Exporter(jobs, Path(out_dir),
                     _Options(library, workers, progress, cancel, today, refuse_demo)).run()


__all__ = ["ExportJob", "ExportProgress", "ExportReport", "PostResult", "export"]
