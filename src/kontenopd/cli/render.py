"""``render`` and ``draft``: one image, or a draft file, from a template and --set/--photo
values (or, for ``render --draft``, from a draft file). The photos are decoded, and their
faces found, on a second thread while the rest starts up; a warm-up render readies fonts and
layout meanwhile."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from .common import UsageError, load_profile, pairs, print_warnings


def _prefetch_photos(photos: list[tuple[str, str]], fmt: str | None):
    """Start decoding the --photo files, and finding their faces, on a second thread at
    once, so that the work overlaps the main thread's start-up (imports, templates, the
    warm-up render, OpenCV's import): Pillow's decoder and OpenCV's scan let go of the GIL.
    Returns the PhotoCache and a function that waits for the work to finish; the work
    swallows every error, since build_draft checks each photo again (from the cache) and
    reports what is wrong."""
    from ..core.model.platforms import FORMAT_SIZES
    from ..core.photos.cache import PhotoCache, needed_decode_size

    cache = PhotoCache()
    if not photos:
        return cache, lambda: None
    # The format asked for, or the tallest one: a larger decode than needed only costs time.
    canvas = FORMAT_SIZES.get(fmt or "", FORMAT_SIZES["9:16"])

    def size(path: str) -> tuple[int, int] | None:
        # Anything that goes wrong here is found again, and reported, by build_draft.
        try:
            info = cache.info(path)  # kept: the render asks the cache again
        except Exception:
            return None
        return needed_decode_size((info.width, info.height), canvas)

    # The first photo's header is read here, before the thread starts: on this thread it
    # takes a few milliseconds, on the other one it would wait for the GIL behind the
    # imports this thread goes on with.
    first = size(photos[0][1])

    def work() -> None:
        for n, (_key, path) in enumerate(photos):
            need = first if n == 0 else size(path)
            if need is None:
                continue
            try:
                decoded = cache.get(path, need)
            except Exception:
                continue
            from ..core.render import faces

            with contextlib.suppress(Exception):
                # (waits, if need be, for the main thread's import of OpenCV: see cmd_render)
                if faces.available():
                    faces.detect_faces(path, decoded.image)

    thread = threading.Thread(target=work, name="photo-prefetch", daemon=True)
    thread.start()
    return cache, thread.join


def build_draft(template, values: list[tuple[str, str]], photos: list[tuple[str, str]],  # noqa: ANN001
                profile=None, formats: list[str] | None = None, cache=None):  # noqa: ANN001
    """A Draft from --set/--photo pairs, checked against the template's fields. Each photo's
    focal point keeps its faces in the frames of ``formats`` (as the app does on adding).
    With a PhotoCache ``cache``, each photo is decoded once into it, at the size the
    largest of ``formats`` needs: the check, the face detection and the render share it."""
    from ..core.model.records import Draft, PhotoRef, check_value_length
    from ..core.photos.cache import check_photo
    from ..core.render import field_value

    known = {f.key: f for f in template.fields}
    names = ", ".join(known)
    draft = Draft(template=template.id)
    for key, value in values:
        f = known.get(key)
        if f is None or f.type == "photo":
            raise UsageError(f"Field '{key}' tidak ada di templat {template.id} (ada: {names}).")
        text = value.replace("\\n", "\n")
        check_value_length(key, text, f.label)  # a render stays under about a second
        field_value(f, text)  # raises a clear ValueInputError for bad dates, times...
        draft.values[key] = text
    frames = [template.formats[k].size for k in formats or template.format_keys
              if k in template.formats]
    for key, path in photos:
        f = known.get(key)
        if f is None or f.type != "photo":
            photo_fields = ", ".join(k for k, f in known.items() if f.type == "photo") or "-"
            raise UsageError(f"'{key}' bukan field foto di templat {template.id} "
                             f"(field foto: {photo_fields}).")
        # as the GUI's add: a truncated or damaged photo is refused (exit 2)
        check_photo(path, cache, frames)
        draft.photos.setdefault(key, []).append(PhotoRef(str(Path(path).resolve())))
        if len(draft.photos[key]) > f.max_items:
            raise UsageError(f"Field foto '{key}' menerima paling banyak {f.max_items} foto.")
    from ..core.render.faces import frame_faces

    frame_faces(template, draft, profile, formats)
    return draft


@dataclass(frozen=True)
class Output:
    """Where ``render`` writes: the image (-o), one slide (--slide N), the report."""

    path: str
    slide: int | None = None
    report: str | None = None

    @classmethod
    def of(cls, args: argparse.Namespace) -> Output:
        return cls(args.output, args.slide, args.report)


def render_and_save(template, fmt: str, draft, profile, target: Output,  # noqa: ANN001
                    photos=None) -> int:  # noqa: ANN001
    """One image; for a carousel every slide (OUT_01.jpg, OUT_02.jpg ...) or slide N only.
    With a report path, each image's layout report is written beside it, named the same
    way."""
    from ..core.io.imagefile import image_format, save_image

    output, slide, report = target.path, target.slide, target.report
    from ..core.render import missing_required, render
    from ..core.render.images import check_carousel, images_of

    image_format(output)
    if report is not None:
        _check_report_path(report, output)
    missing = missing_required(template, draft)
    if missing:
        listed = ", ".join(f"{f.label} ({f.key})" for f in missing)
        raise UsageError(f"Field wajib belum diisi: {listed}.")
    images = images_of(template, draft, fmt)
    check_carousel(images)
    if slide is not None:
        if not 1 <= slide <= len(images):
            raise UsageError(f"--slide {slide} di luar jangkauan: format {fmt} punya "
                             f"{len(images)} slide.")
        images = [images[slide - 1]]
    single = slide is not None  # one slide asked for: written to OUT (and REPORT) itself
    for image in images:
        result = render(template, fmt, draft, profile, slide=image.slide, photos=photos)
        print_warnings(result.warnings, image.label if image.carousel else "")
        written = _numbered(output, image, single)
        save_image(result.image, written)
        if report is not None:
            _write_report(_numbered(report, image, single),
                          layout_report(result, template.id, image, written))
    return 0


def _numbered(path: str, image, single: bool) -> Path:  # noqa: ANN001
    """``path`` itself, or ``<stem>_NN<suffix>`` for one slide of a carousel written whole."""
    out = Path(path)
    if single or not image.carousel:
        return out
    return out.with_name(f"{out.stem}_{image.slide + 1:02d}{out.suffix}")


def layout_report(result, template_id: str, image, target: Path) -> dict:  # noqa: ANN001
    """What ``--report`` writes for one image: which image it describes, then the render's
    own layout report (size, safe box, blocks, warnings, blocking errors)."""
    return {"template": template_id, "format": image.fmt, "slide": image.slide + 1,
            "slides": image.count, "image": str(target), **result.report()}


def _check_report_path(report: str, output: str) -> None:
    """Refuse, before anything is rendered, a report path that can never be written."""
    from ..core.io.imagefile import IMAGE_SUFFIXES

    path = Path(report)
    if path.resolve() == Path(output).resolve() or path.suffix.lower() in IMAGE_SUFFIXES:
        raise UsageError(f"--report menulis JSON, bukan gambar: pakai nama lain, misalnya "
                         f"{Path(output).stem}.json.")
    if path.is_dir():
        raise UsageError(f"--report harus nama berkas, bukan folder: {report}")
    folder = path.parent.resolve()
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"Laporan tata letak tidak bisa ditulis ke {report}: folder "
                         f"{folder} tidak bisa ditulisi.")


def _write_report(path: Path, data: dict) -> None:
    """The report as UTF-8 JSON, atomically (the core's one atomic writer)."""
    from ..core.io.atomic import WriteErrors, atomic_write

    def failed(_where: Path, exc: OSError) -> UsageError:
        reason = "disk penuh" if exc.errno == 28 else exc.strerror or str(exc)
        return UsageError(f"Laporan tata letak tidak bisa ditulis ke {path} ({reason}).")

    payload = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    atomic_write(path, lambda handle: handle.write(payload),
                 errors=WriteErrors(folder=failed, write=failed))


def cmd_render(args: argparse.Namespace) -> int:
    if args.template is None and args.draft is None:
        raise UsageError("Sebutkan template (id templat) atau --draft FILE.kontenopd, "
                         "dan -o OUT.")
    if not args.output:
        raise UsageError("Sebutkan berkas keluaran dengan -o OUT (.jpg atau .png).")
    if args.draft is not None:
        return _render_draft(args)
    photos = pairs(args.photo, "--photo")
    # First of all: the photos' decoding is the longest step, and it runs beside the rest.
    cache, prefetched = _prefetch_photos(photos, args.format)
    try:
        from ..core.template.library import load_library

        library = load_library()
        template = library.get(args.template)
        profile = load_profile(args.profile)
        fmt = args.format or template.format_keys[0]
        values = pairs(args.set, "--set")
        if photos:
            _warm_up(template, fmt, build_draft(template, values, [], profile), profile)
            # OpenCV's import here, after the warm-up rather than beside it on a third
            # thread: with two threads of imports and rendering beside it, the decode
            # alone took ~15 ms longer on two cores than with one thread doing both.
            from ..core.render import faces

            faces.available()
    finally:
        # Also when a wrong template id or value stops the command: the decoding thread
        # finishes before the interpreter shuts down, never in the middle of it.
        prefetched()
    draft = build_draft(template, values, photos, profile, [fmt], cache)
    return render_and_save(template, fmt, draft, profile, Output.of(args), cache)


def _warm_up(template, fmt: str, draft, profile) -> None:  # noqa: ANN001
    """While the photos decode on the other core: render the card once without them, so
    the fonts, the text laid out and rasterised, the logos and the template's compiled
    expressions are ready (all cached) when the real render starts. Its image and warnings
    are thrown away; the real render reports everything. It renders as a preview: an
    empty photo frame is then a quick sign instead of the shaded emblem an exported card
    without a photo gets (~10 ms that the real render, with its photo, never uses)."""
    from ..core.errors import KontenError
    from ..core.render import render

    with contextlib.suppress(KontenError):
        render(template, fmt, draft, profile, preview=True)


def _render_draft(args: argparse.Namespace) -> int:
    """``render --draft FILE -o OUT [--format F]``: the draft's own values, photos, profile."""
    import tempfile

    from ..core.io.draft_file import load_draft
    from ..core.template.library import load_library

    if args.template is not None:
        raise UsageError("Pakai id templat atau --draft, tidak keduanya.")
    if args.set or args.photo or args.profile:
        raise UsageError("--set, --photo dan --profile tidak dipakai bersama --draft.")
    from ..core.io.imagefile import image_format

    image_format(args.output)
    library = load_library()
    with tempfile.TemporaryDirectory(prefix="kontenopd-") as workdir:
        opened = load_draft(args.draft, workdir=workdir, library=library)
        if opened.template_missing:
            raise UsageError(f"Templat '{opened.draft.template}' dari draf "
                             f"{Path(args.draft).name} tidak ada di aplikasi ini.")
        for notice in opened.notices:
            print(f"warning: {notice}", file=sys.stderr)
        template = library.get(opened.draft.template)
        fmt = args.format or opened.draft.formats[0]
        return render_and_save(template, fmt, opened.draft, opened.profile,
                               Output.of(args))


def cmd_draft(args: argparse.Namespace) -> int:
    """``draft TEMPLATE -o FILE.kontenopd``: a draft file made without the GUI."""
    from ..core.io.draft_file import SUFFIX, make_thumbnail, save_draft
    from ..core.template.library import load_library

    if Path(args.output).suffix.lower() != SUFFIX:
        raise UsageError(f"Berkas draf harus berakhiran {SUFFIX}: {Path(args.output).name}")
    template = load_library().get(args.template)
    for fmt in args.formats:
        if fmt not in template.formats:
            raise UsageError(f"Format {fmt} tidak tersedia untuk templat {template.id} "
                             f"(ada: {', '.join(template.formats)}).")
    profile = load_profile(args.profile)
    formats = list(dict.fromkeys(args.formats)) or [template.format_keys[0]]
    draft = build_draft(template, pairs(args.set, "--set"), pairs(args.photo, "--photo"),
                        profile, formats)
    draft.formats = formats
    thumbnail = make_thumbnail(template, draft, profile)
    save_draft(args.output, draft, profile, thumbnail=thumbnail)
    return 0
