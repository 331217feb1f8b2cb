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

Here: the parent's side (preparation, the pool, progress and cancel, completion). The
rest: :mod:`.jobs` (what is asked and answered), :mod:`.worker` (one image per task),
:mod:`.folders` (post folders), :mod:`.manifest` and :mod:`.preflight`.
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ... import __version__
from ..captions.compose import Caption, captions_for
from ..errors import KontenError
from ..model.platforms import get_platform
from ..model.records import Draft, Profile, slugify
from ..render.images import PostImage, carousel_warnings, check_carousel, images_of
from ..template.library import Library
from ..template.roles import post_title
from ..template.schema import Template
from . import worker
from .folders import (
    PARTIAL_PREFIX,
    activity_date,
    clean_stale_partials,
    post_date,
    rename_dir,
    reserve_name,
    write_text,
)
from .jobs import (
    IMAGE_TYPES,
    CancelToken,
    ExportJob,
    ExportProgress,
    ExportReport,
    PostResult,
)
from .manifest import MANIFEST, caption_entry, image_entry
from .worker import RenderDone, RenderTask, pool_chunk, tallest_first, warm_up, worker_init

MAX_WORKERS = 8  # each worker holds decoded photos; more rarely helps on office PCs
POOL_MIN_IMAGES = 8  # fewer images render faster in-process than a pool starts up


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
        post.base_name = f"{activity_date(template, post.draft) or post_date(self.today)}_" \
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
                write_text(path, caption.text)
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
            rename_dir(post.partial, final)
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
        files = [image_entry(image, post.images[image.fmt, image.slide], post.template.id,
                             post.job.platforms) for image in post.planned]
        files += [caption_entry(key, caption, post.caption_files[key])
                  for key, caption in post.captions.items()]
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
        write_text(path, json.dumps(manifest, ensure_ascii=False, indent=2))

    # -- running
    def run(self) -> ExportReport:
        start = time.perf_counter()
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KontenError(
                f"Folder keluaran tidak bisa dibuat: {self.out_dir} ({exc.strerror})") from None
        clean_stale_partials(self.out_dir)
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
                from ..io.draft_info import read_draft_info  # noqa: PLC0415

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
                                      initializer=worker_init)
        folders = tuple(sorted({str(t.folder) for t in self.get_library().templates.values()
                                if any(j.draft is not None and j.draft.template == t.id
                                       for j in self.jobs)}))
        for _ in range(workers):  # one submission per worker makes every process start
            pool.submit(warm_up, folders)
        return pool

    def execute_here(self, tasks: list[RenderTask]) -> None:
        from ..photos.cache import PhotoCache  # noqa: PLC0415

        photos = PhotoCache()
        for task in sorted(tasks, key=lambda t: (t.job, tallest_first(t))):
            if self.cancelled():
                return
            self.file_done(self.posts[task.job], worker.run_task(task, photos))

    @staticmethod
    def chunks(tasks: list[RenderTask], workers: int) -> list[list[RenderTask]]:
        """One chunk per post when there are enough posts to keep every core busy (each
        photo is then decoded once, by one worker); otherwise one image per chunk.
        A post's tallest format goes first: its decode of the photo (the largest a post
        needs) then serves the other formats too."""
        jobs = list(dict.fromkeys(t.job for t in tasks))
        if len(jobs) < workers * 2:
            return [[t] for t in tasks]
        return [sorted((t for t in tasks if t.job == job), key=tallest_first)
                for job in jobs]

    def execute_pool(self, pool: cf.ProcessPoolExecutor, tasks: list[RenderTask],
                     workers: int) -> None:
        chunks = self.chunks(tasks, workers)
        # A chunk that is a whole post leaves nothing the next chunk could reuse: its worker
        # forgets the post's photos (~80 MB less per worker with 6 MP photos).
        whole_posts = len({t.job for t in tasks}) == len(chunks)
        queue = list(reversed(chunks))
        # Few in flight, so that Cancel has little to wait for: a post per worker, or a
        # single image per worker plus one waiting (keeps the cores busy between images).
        in_flight = workers if len(chunks) < len(tasks) else workers * 2
        running: dict[cf.Future[list[RenderDone]], list[RenderTask]] = {}
        try:
            while queue or running:
                while queue and len(running) < in_flight and not self.cancelled():
                    chunk = queue.pop()
                    running[pool.submit(pool_chunk, chunk, whole_posts)] = chunk
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


__all__ = ["export"]
