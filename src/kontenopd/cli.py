"""Command line: ``kontenopd`` (GUI), templates, render.

Contract (see README): user errors print one line to stderr and exit 2; render warnings are
printed as ``warning: ...`` lines and do not change the exit code; exit 0 only when every
file asked for was written. No traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .core.errors import KontenError

EXIT_USER = 2
EXIT_INTERNAL = 1


class UsageError(KontenError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, in Indonesian where we can
        self.exit(EXIT_USER, f"kontenopd: {message}\n")


def _options() -> argparse.ArgumentParser:
    """An argparse parent: options several subcommands share, defined once."""
    return argparse.ArgumentParser(add_help=False)


def _repeatable_format(default: str) -> argparse.ArgumentParser:
    """``--format`` given several times (``formats``); ``default`` says what none means."""
    parent = _options()
    parent.add_argument("--format", action="append", default=[], dest="formats",
                        help=f"rasio, misalnya 4:5 (boleh berulang; bawaan: {default})")
    return parent


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kontenopd", description="KontenOPD: konten media sosial OPD, luring.")
    parser.add_argument("--version", action="version", version=f"kontenopd {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    values = _options()  # render, draft: the post's content
    values.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="isi field (boleh berulang)")
    values.add_argument("--photo", action="append", default=[], metavar="KEY=PATH",
                        help="foto untuk field foto (boleh berulang untuk beberapa foto)")
    profile = _options()  # render, draft, bulk, sheet
    profile.add_argument("--profile", help="berkas profil (brand kit) JSON")
    one_format = _options()  # render: one image
    one_format.add_argument("--format", default=None,
                            help="rasio, misalnya 4:5 (bawaan: format pertama)")
    formats = _repeatable_format("format pertama")  # draft, bulk
    export_options = _options()  # export, bulk: what is written and how fast
    export_options.add_argument(
        "--platform", action="append", default=[], dest="platforms",
        help="instagram, facebook, x, tiktok, whatsapp (boleh berulang; bawaan: semua)")
    export_options.add_argument("--png", action="store_true", help="gambar PNG, bukan JPEG")
    export_options.add_argument(
        "--jobs", type=int, default=None, metavar="N",
        help="jumlah proses (bawaan: semua inti; 0 = tanpa proses tambahan)")

    p = sub.add_parser("templates", help="daftar templat")
    p.add_argument("--json", action="store_true", help="keluaran JSON")

    p = sub.add_parser("render", help="buat satu gambar dari templat atau berkas draf",
                       parents=[one_format, values, profile])
    p.add_argument("template", nargs="?", default=None,
                   help="id templat, misalnya liputan-kegiatan (atau pakai --draft)")
    p.add_argument("--draft", metavar="FILE.kontenopd", help="buat gambar dari berkas draf")
    p.add_argument("-o", "--output", help="berkas keluaran .jpg atau .png (wajib)")
    p.add_argument("--slide", type=int, default=None, metavar="N",
                   help="carousel: hanya slide ke-N (bawaan: semua slide, OUT_01.jpg ...)")
    p.add_argument("--report", metavar="REPORT.json",
                   help="tulis laporan tata letak JSON di samping gambar (carousel: "
                        "REPORT_01.json ... seperti OUT)")

    p = sub.add_parser("draft", help="buat berkas draf .kontenopd tanpa aplikasi",
                       parents=[formats, values, profile])
    p.add_argument("template", help="id templat, misalnya liputan-kegiatan")
    p.add_argument("-o", "--output", required=True, help="berkas draf keluaran .kontenopd")

    p = sub.add_parser("export", help="ekspor draf: gambar per format, caption per platform",
                       parents=[_repeatable_format("format di draf"), export_options])
    p.add_argument("drafts", nargs="+", metavar="DRAFT.kontenopd", help="berkas draf")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder tujuan")

    p = sub.add_parser("bulk", help="buat massal dari lembar kerja: satu postingan per baris",
                       parents=[formats, profile, export_options])
    p.add_argument("sheet", nargs="?", default=None, metavar="SHEET",
                   help="lembar kerja .csv, .xlsx, .xls atau .ods")
    p.add_argument("--template", help="id templat, misalnya agenda-undangan")
    p.add_argument("-o", "--output", required=True,
                   help="folder tujuan (atau, dengan --example, berkas .xlsx/.csv contoh)")
    p.add_argument("--example", metavar="TEMPLATE",
                   help="tulis contoh lembar untuk templat ini ke -o, lalu selesai")
    p.add_argument("--drafts", action="store_true",
                   help="tulis berkas draf .kontenopd, bukan gambar")
    p.add_argument("--one-post", action="store_true",
                   help="semua baris menjadi satu postingan (satu foto/butir per baris, "
                        "misalnya carousel)")
    p.add_argument("--map", action="append", default=[], metavar="FIELD=KOLOM",
                   help="pasangkan field dengan judul kolom (boleh berulang; bawaan: otomatis)")
    p.add_argument("--sheet-name", help="nama lembar di berkas XLSX/ODS (bawaan: yang pertama "
                                        "berisi)")

    p = sub.add_parser("sheet", help="lembar kontak: semua templat di semua format",
                       parents=[profile])
    p.add_argument("-o", "--output", required=True, help="berkas keluaran .png atau .jpg")
    p.add_argument("--template", action="append", default=[], dest="templates",
                   help="hanya templat ini (boleh berulang; bawaan: semua)")
    p.add_argument("--height", type=int, default=420, metavar="PX",
                   help="tinggi gambar kecil per baris, 120-1920 (bawaan: 420)")

    p = sub.add_parser("demo", help="buat kartu contoh (tanpa layar)")
    p.add_argument("-o", "--output", default="kontenopd-demo.jpg")
    return parser


def _pairs(items: Sequence[str], what: str) -> list[tuple[str, str]]:
    out = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"{what} harus berbentuk KEY=VALUE: {item[:40]!r}")
        out.append((key.strip(), value))
    return out


def _load_profile(path: str | None):
    from .core.model.records import Profile, demo_profile

    return Profile.load(path) if path else demo_profile()


def _prefetch_photos(photos: list[tuple[str, str]], fmt: str | None):
    """Start decoding the --photo files, and finding their faces, on a second thread at
    once, so that the work overlaps the main thread's start-up (imports, templates): Pillow's
    decoder and OpenCV's scan let go of the GIL. Returns the PhotoCache and a function that
    waits for the work to finish; the work swallows every error, since build_draft checks
    each photo again (from the cache) and reports what is wrong."""
    from .core.model.platforms import FORMAT_SIZES
    from .core.photos.cache import PhotoCache, needed_decode_size, probe_photo

    cache = PhotoCache()
    # The format asked for, or the tallest one: a larger decode than needed only costs time.
    canvas = FORMAT_SIZES.get(fmt or "", FORMAT_SIZES["9:16"])

    def detector() -> None:
        from .core.render import faces

        faces.available()  # OpenCV's import, while the first photo decodes

    warm = threading.Thread(target=detector, name="faces-warm", daemon=True)

    def work() -> None:
        for n, (_key, path) in enumerate(photos):
            # Anything that goes wrong here is found again, and reported, by build_draft.
            try:
                info = probe_photo(path)
                if n == 0:  # after the header is read: the import holds the GIL at length
                    warm.start()
                decoded = cache.get(path, needed_decode_size((info.width, info.height), canvas))
            except Exception:
                continue
            if warm.ident is not None:
                warm.join()
            from .core.render import faces

            with contextlib.suppress(Exception):
                if faces.available():
                    faces.detect_faces(path, decoded.image)

    thread = threading.Thread(target=work, name="photo-prefetch", daemon=True)
    if not photos:
        return cache, lambda: None
    thread.start()
    return cache, thread.join


def build_draft(template, values: list[tuple[str, str]], photos: list[tuple[str, str]],  # noqa: ANN001
                profile=None, formats: list[str] | None = None, cache=None):  # noqa: ANN001
    """A Draft from --set/--photo pairs, checked against the template's fields. Each photo's
    focal point keeps its faces in the frames of ``formats`` (as the app does on adding).
    With a PhotoCache ``cache``, each photo is decoded once into it, at the size the
    largest of ``formats`` needs: the check, the face detection and the render share it."""
    from .core.model.records import Draft, PhotoRef, check_value_length
    from .core.photos.cache import check_photo, needed_decode_size, probe_photo
    from .core.render import field_value


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
    for key, path in photos:
        f = known.get(key)
        if f is None or f.type != "photo":
            photo_fields = ", ".join(k for k, f in known.items() if f.type == "photo") or "-"
            raise UsageError(f"'{key}' bukan field foto di templat {template.id} "
                             f"(field foto: {photo_fields}).")
        need = None
        if cache is not None:
            info = probe_photo(path)
            need = max((needed_decode_size((info.width, info.height), template.formats[k].size)
                        for k in formats or template.format_keys if k in template.formats),
                       default=None)
        # as the GUI's add: a truncated or damaged photo is refused (exit 2)
        check_photo(path, cache, need)
        draft.photos.setdefault(key, []).append(PhotoRef(str(Path(path).resolve())))
        if len(draft.photos[key]) > f.max_items:
            raise UsageError(f"Field foto '{key}' menerima paling banyak {f.max_items} foto.")
    from .core.render.faces import detect_faces, frame_faces

    if cache is not None:
        for refs in draft.photos.values():
            for ref in refs:
                detect_faces(ref.path, cache.any_decode(ref.path, (480, 480)).image)
    frame_faces(template, draft, profile, formats)
    return draft


def _print_warnings(warnings, where: str = "") -> None:  # noqa: ANN001
    prefix = f"{where}: " if where else ""
    for w in warnings:
        print(f"warning: {prefix}{w.message}", file=sys.stderr)


def cmd_templates(args: argparse.Namespace) -> int:
    from .core.template.library import load_library

    library = load_library()
    for err in library.errors:
        print(f"warning: templat rusak dilewati: {err}", file=sys.stderr)
    summaries = [t.summary() for t in library.templates.values()]
    if args.json:
        print(json.dumps(summaries, ensure_ascii=False, indent=2))
    else:
        for s in summaries:
            print(f"{s['id']:<28} {s['name']:<32} {s['kind']:<14} {' '.join(s['formats'])}")
    return 0


@dataclass(frozen=True)
class _Output:
    """Where ``render`` writes: the image (-o), one slide (--slide N), the report."""

    path: str
    slide: int | None = None
    report: str | None = None

    @classmethod
    def of(cls, args: argparse.Namespace) -> _Output:
        return cls(args.output, args.slide, args.report)


def _render_and_save(template, fmt: str | None, draft, profile, target: _Output,  # noqa: ANN001
                     photos=None) -> int:  # noqa: ANN001
    """One image; for a carousel every slide (OUT_01.jpg, OUT_02.jpg ...) or slide N only.
    With a report path, each image's layout report is written beside it, named the same
    way."""
    from .core.io.imagefile import image_format, save_image

    output, slide, report = target.path, target.slide, target.report
    from .core.render import missing_required, render
    from .core.render.images import check_carousel, images_of

    image_format(output)
    if report is not None:
        _check_report_path(report, output)
    fmt = fmt or template.format_keys[0]
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
        _print_warnings(result.warnings, image.label if image.carousel else "")
        target = _numbered(output, image, single)
        save_image(result.image, target)
        if report is not None:
            _write_report(_numbered(report, image, single),
                          layout_report(result, template.id, image, target))
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
    from .core.io.imagefile import IMAGE_SUFFIXES

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
    from .core.io.draft_file import DraftFileError, atomic_write

    payload = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    try:
        atomic_write(path, lambda handle: handle.write(payload))
    except DraftFileError as exc:
        cause = exc.__context__  # the OSError behind the writer's (draft-worded) message
        reason = "disk penuh" if getattr(cause, "errno", None) == 28 else \
            getattr(cause, "strerror", None) or str(cause or exc)
        raise UsageError(f"Laporan tata letak tidak bisa ditulis ke {path} ({reason}).") \
            from None


def cmd_render(args: argparse.Namespace) -> int:
    from .core.template.library import load_library

    if args.template is None and args.draft is None:
        raise UsageError("Sebutkan template (id templat) atau --draft FILE.kontenopd, "
                         "dan -o OUT.")
    if not args.output:
        raise UsageError("Sebutkan berkas keluaran dengan -o OUT (.jpg atau .png).")
    if args.draft is not None:
        return _render_draft(args)
    photos = _pairs(args.photo, "--photo")
    cache, prefetched = _prefetch_photos(photos, args.format)
    library = load_library()
    template = library.get(args.template)
    profile = _load_profile(args.profile)
    fmt = args.format or template.format_keys[0]
    values = _pairs(args.set, "--set")
    if photos:
        _warm_up(template, fmt, build_draft(template, values, [], profile), profile)
    prefetched()
    draft = build_draft(template, values, photos, profile, [fmt], cache)
    return _render_and_save(template, fmt, draft, profile, _Output.of(args), cache)


def _warm_up(template, fmt: str, draft, profile) -> None:  # noqa: ANN001
    """While the photos decode on the other core: render the card once without them, so
    the fonts, the text laid out and rasterised, the logos and the template's compiled
    expressions are ready (all cached) when the real render starts. Its image and warnings
    are thrown away; the real render reports everything."""
    from .core.errors import KontenError
    from .core.render import render

    with contextlib.suppress(KontenError):
        render(template, fmt, draft, profile)


def _render_draft(args: argparse.Namespace) -> int:
    """``render --draft FILE -o OUT [--format F]``: the draft's own values, photos, profile."""
    import tempfile

    from .core.io.draft_file import load_draft
    from .core.template.library import load_library

    if args.template is not None:
        raise UsageError("Pakai id templat atau --draft, tidak keduanya.")
    if args.set or args.photo or args.profile:
        raise UsageError("--set, --photo dan --profile tidak dipakai bersama --draft.")
    from .core.io.imagefile import image_format

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
        return _render_and_save(template, fmt, opened.draft, opened.profile,
                                _Output.of(args))


def cmd_draft(args: argparse.Namespace) -> int:
    """``draft TEMPLATE -o FILE.kontenopd``: a draft file made without the GUI."""
    from .core.io.draft_file import SUFFIX, make_thumbnail, save_draft
    from .core.template.library import load_library

    if Path(args.output).suffix.lower() != SUFFIX:
        raise UsageError(f"Berkas draf harus berakhiran {SUFFIX}: {Path(args.output).name}")
    template = load_library().get(args.template)
    for fmt in args.formats:
        if fmt not in template.formats:
            raise UsageError(f"Format {fmt} tidak tersedia untuk templat {template.id} "
                             f"(ada: {', '.join(template.formats)}).")
    profile = _load_profile(args.profile)
    formats = list(dict.fromkeys(args.formats)) or [template.format_keys[0]]
    draft = build_draft(template, _pairs(args.set, "--set"), _pairs(args.photo, "--photo"),
                        profile, formats)
    draft.formats = formats
    thumbnail = make_thumbnail(template, draft, profile)
    save_draft(args.output, draft, profile, thumbnail=thumbnail)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """``export DRAFT... -o DIR``: images, captions and manifest; progress per file on stderr.
    A draft made with the demo profile is refused (one line, exit 2); the others export."""
    from .core.export.exporter import ExportJob, export
    from .core.model.platforms import PLATFORM_KEYS
    from .core.template.library import FORMAT_SIZES

    for fmt in args.formats:
        if fmt not in FORMAT_SIZES:
            raise UsageError(f"Format {fmt!r} tidak dikenal (pilih: {', '.join(FORMAT_SIZES)}).")
    if args.jobs is not None and args.jobs < 0:
        raise UsageError("--jobs tidak boleh negatif.")
    platforms = args.platforms or list(PLATFORM_KEYS)
    jobs = [ExportJob.from_file(path, formats=args.formats, platforms=platforms,
                                image_type="png" if args.png else "jpg", label=Path(path).name)
            for path in args.drafts]

    def show(progress) -> None:  # noqa: ANN001
        if progress.name:
            print(f"[{progress.done}/{progress.total}] {progress.name}", file=sys.stderr)

    report = export(jobs, args.output, workers=args.jobs, progress=show, refuse_demo=True)
    for post in report.posts:
        for warning in post.warnings:
            print(f"warning: {post.label}: {warning}", file=sys.stderr)
    for line in report.blocked:  # a format not fit to publish is not written
        print(f"kontenopd: {line}", file=sys.stderr)
    for post in report.posts:
        if post.error:
            print(f"kontenopd: {post.label}: {post.error}", file=sys.stderr)
    for folder in report.folders:
        print(folder)
    return 0 if report.ok else EXIT_USER


def _bulk_example(args: argparse.Namespace, library) -> int:  # noqa: ANN001
    """``bulk --example ID -o contoh.xlsx``: the sheet to fill in for a template."""
    from .core.export.bulk import write_example

    if args.sheet:
        raise UsageError("--example tidak memakai lembar kerja: hanya --example ID -o "
                         "contoh.xlsx.")
    path = write_example(library.get(args.example), args.output)
    print(f"Contoh lembar: {path.resolve()}")
    return 0


def _bulk_mapping(args: argparse.Namespace, template, headers: list[str]) -> dict[str, int]:  # noqa: ANN001
    """Columns matched to fields by name, then the user's --map FIELD=KOLOM on top; every
    required field must have a column."""
    from .core.export.bulk import auto_map, targets, unmapped_required
    from .core.io.spreadsheet import norm_header

    mapping = auto_map(template, headers)
    for key, column in _pairs(args.map, "--map"):
        if key not in {t.key for t in targets(template)}:
            raise UsageError(f"--map: field '{key}' tidak ada di templat {template.id}.")
        hits = [i for i, h in enumerate(headers) if norm_header(h) == norm_header(column)]
        if not hits:
            raise UsageError(f"--map: kolom '{column}' tidak ada di lembar (ada: "
                             f"{', '.join(h for h in headers if h)}).")
        mapping = {k: i for k, i in mapping.items() if i != hits[0]} | {key: hits[0]}
    missing = unmapped_required(template, mapping)
    if missing:
        listed = ", ".join(f"{f.label} ({f.key})" for f in missing)
        raise UsageError(f"Kolom wajib tidak ditemukan di {Path(args.sheet).name}: {listed}. "
                         "Ganti judul kolomnya atau pakai --map FIELD=KOLOM.")
    return mapping


def _print_bulk(report) -> None:  # noqa: ANN001
    """Each row's warnings and errors on stderr, its output on stdout, then the sum."""
    for item in report.plans:
        for warning in item.warnings:
            print(f"warning: {item.where}: {warning}", file=sys.stderr)
        for error in item.errors:
            print(f"kontenopd: {item.where}: {error}", file=sys.stderr)
        if item.output and not item.errors:
            print(item.output)
    print(f"kontenopd: {report.summary()} Laporan: {report.report_path}", file=sys.stderr)


def cmd_bulk(args: argparse.Namespace) -> int:
    """``bulk SHEET --template ID -o DIR``: one post per row (or ``--one-post``), exported or
    written as drafts; every row's outcome in DIR/laporan.csv; exit 2 if any row failed."""
    from .core.export.bulk import (
        MODE_ONE_POST,
        MODE_ROWS,
        BulkOptions,
        expected_headers,
        plan,
        run_bulk,
    )
    from .core.io.spreadsheet import read_table
    from .core.template.library import load_library

    library = load_library()
    if args.example:
        return _bulk_example(args, library)
    if not args.sheet or not args.template:
        raise UsageError("Sebutkan lembar kerja dan --template ID, misalnya: kontenopd bulk "
                         "agenda.xlsx --template agenda-undangan -o HASIL")
    if args.jobs is not None and args.jobs < 0:
        raise UsageError("--jobs tidak boleh negatif.")
    template = library.get(args.template)
    profile = _load_profile(args.profile)
    if not args.drafts:
        from .core.io.profile_file import demo_refusal

        refusal = demo_refusal(profile)
        if refusal:
            raise UsageError(f"{refusal} (--profile PROFIL.json, atau --drafts)")
    table = read_table(args.sheet, expected=expected_headers(template),
                       sheet=args.sheet_name)
    mapping = _bulk_mapping(args, template, table.headers)
    plans = plan(table, template, mapping, formats=args.formats,
                 mode=MODE_ONE_POST if args.one_post else MODE_ROWS, profile=profile)

    def show(step) -> None:  # noqa: ANN001
        if step.done:
            print(f"[{step.done}/{step.total}] {step.message}", file=sys.stderr)

    options = BulkOptions(drafts=args.drafts, platforms=args.platforms,
                          image_type="png" if args.png else "jpg", workers=args.jobs,
                          library=library)
    report = run_bulk(plans, template, profile, args.output, options=options, progress=show)
    _print_bulk(report)
    return 0 if report.ok else EXIT_USER


def cmd_demo(args: argparse.Namespace) -> int:
    from .core.paths import assets_dir
    from .core.template.library import load_library

    template = load_library().get("liputan-kegiatan")
    photo = assets_dir() / "samples" / "dandelion-field.jpg"
    pairs = [(k, str(v)) for k, v in template.sample.items()]
    draft = build_draft(template, pairs, [("foto", str(photo))] if photo.exists() else [])
    code = _render_and_save(template, "4:5", draft, _load_profile(None), _Output(args.output))
    print(f"Kartu contoh disimpan: {Path(args.output).resolve()}")
    return code


def cmd_sheet(args: argparse.Namespace) -> int:
    from .core.export.contact_sheet import contact_sheet
    from .core.io.imagefile import image_format, save_image
    from .core.template.library import load_library

    image_format(args.output)
    if not 120 <= args.height <= 1920:
        raise UsageError("--height harus antara 120 dan 1920 piksel.")
    library = load_library()
    for err in library.errors:
        print(f"warning: templat rusak dilewati: {err}", file=sys.stderr)
    for tid in args.templates:
        library.get(tid)  # unknown id: one clear line, exit 2
    sheet, entries = contact_sheet(library, _load_profile(args.profile),
                                   row_height=args.height,
                                   templates=args.templates or None)
    soft = 0
    for entry in entries:
        for w in entry.warnings:
            if w.code == "photo_small":  # the bundled sample photos are small on purpose
                soft += 1
                continue
            slide = f" slide {entry.slide + 1}" if entry.slide else ""
            print(f"warning: {entry.template} {entry.fmt}{slide}: {w.message}", file=sys.stderr)
    save_image(sheet, args.output)
    note = f"; {soft} peringatan foto contoh kecil dilewati" if soft else ""
    print(f"Lembar kontak: {len(entries)} gambar -> {Path(args.output).resolve()}{note}")
    return 0


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(argv: Sequence[str]) -> int:
    try:
        from .ui.app import main as gui_main
    except ImportError:
        gui_main = None
    if gui_main is None or not _has_display():
        print("Tampilan grafis tidak tersedia; membuat kartu contoh sebagai gantinya.",
              file=sys.stderr)
        return cmd_demo(argparse.Namespace(output="kontenopd-demo.jpg"))
    return gui_main(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (len(argv) == 1 and argv[0].lower().endswith(".kontenopd")):
        return run_gui(argv)
    try:
        args = _build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USER
    if args.command is None:
        return run_gui([])
    handlers = {"templates": cmd_templates, "render": cmd_render, "draft": cmd_draft,
                "export": cmd_export, "demo": cmd_demo, "sheet": cmd_sheet,
                "bulk": cmd_bulk}
    try:
        return handlers[args.command](args)
    except KontenError as exc:
        print(f"kontenopd: {exc}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print("kontenopd: dibatalkan.", file=sys.stderr)
        return 130
    except Exception as exc:
        print(f"kontenopd: kesalahan internal ({type(exc).__name__}: {exc}). Mohon laporkan.",
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
