"""``export`` and ``bulk``: draft files exported (images, captions, manifest), and posts
made in bulk from a spreadsheet, one per row."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_USER, UsageError, load_profile, pairs


def cmd_export(args: argparse.Namespace) -> int:
    """``export DRAFT... -o DIR``: images, captions and manifest; progress per file on stderr.
    A draft made with the demo profile is refused (one line, exit 2); the others export."""
    from ..core.export.exporter import export
    from ..core.export.jobs import ExportJob
    from ..core.model.platforms import FORMAT_SIZES, PLATFORM_KEYS

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
    from ..core.export.bulk import write_example

    if args.sheet:
        raise UsageError("--example tidak memakai lembar kerja: hanya --example ID -o "
                         "contoh.xlsx.")
    path = write_example(library.get(args.example), args.output)
    print(f"Contoh lembar: {path.resolve()}")
    return 0


def _bulk_mapping(args: argparse.Namespace, template, headers: list[str]) -> dict[str, int]:  # noqa: ANN001
    """Columns matched to fields by name, then the user's --map FIELD=KOLOM on top; every
    required field must have a column."""
    from ..core.export.bulk import auto_map, targets, unmapped_required
    from ..core.io.spreadsheet import norm_header

    mapping = auto_map(template, headers)
    for key, column in pairs(args.map, "--map"):
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
    from ..core.export.bulk import (
        MODE_ONE_POST,
        MODE_ROWS,
        BulkOptions,
        expected_headers,
        plan,
        run_bulk,
    )
    from ..core.io.spreadsheet import read_table
    from ..core.template.library import load_library

    library = load_library()
    if args.example:
        return _bulk_example(args, library)
    if not args.sheet or not args.template:
        raise UsageError("Sebutkan lembar kerja dan --template ID, misalnya: kontenopd bulk "
                         "agenda.xlsx --template agenda-undangan -o HASIL")
    if args.jobs is not None and args.jobs < 0:
        raise UsageError("--jobs tidak boleh negatif.")
    template = library.get(args.template)
    profile = load_profile(args.profile)
    if not args.drafts:
        from ..core.io.profile_file import demo_refusal

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
