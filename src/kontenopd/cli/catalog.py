"""``templates``, ``sheet`` and ``demo``: the template library listed, every template on
one contact sheet, and a sample card."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .common import UsageError, load_profile
from .render import Output, build_draft, render_and_save


def cmd_templates(args: argparse.Namespace) -> int:
    from ..core.template.library import load_library

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


def cmd_demo(args: argparse.Namespace) -> int:
    from ..core.paths import assets_dir
    from ..core.template.library import load_library

    template = load_library().get("liputan-kegiatan")
    photo = assets_dir() / "samples" / "dandelion-field.jpg"
    pairs = [(k, str(v)) for k, v in template.sample.items()]
    draft = build_draft(template, pairs, [("foto", str(photo))] if photo.exists() else [])
    code = render_and_save(template, "4:5", draft, load_profile(None), Output(args.output))
    print(f"Kartu contoh disimpan: {Path(args.output).resolve()}")
    return code


def cmd_sheet(args: argparse.Namespace) -> int:
    from ..core.export.contact_sheet import contact_sheet
    from ..core.io.imagefile import image_format, save_image
    from ..core.template.library import load_library

    image_format(args.output)
    if not 120 <= args.height <= 1920:
        raise UsageError("--height harus antara 120 dan 1920 piksel.")
    library = load_library()
    for err in library.errors:
        print(f"warning: templat rusak dilewati: {err}", file=sys.stderr)
    for tid in args.templates:
        library.get(tid)  # unknown id: one clear line, exit 2
    sheet, entries = contact_sheet(library, load_profile(args.profile),
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
