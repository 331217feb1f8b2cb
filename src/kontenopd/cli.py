"""Command line: ``kontenopd`` (GUI), templates, render.

Contract (see README): user errors print one line to stderr and exit 2; render warnings are
printed as ``warning: ...`` lines and do not change the exit code; exit 0 only when every
file asked for was written. No traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
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


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kontenopd", description="KontenOPD: konten media sosial OPD, luring.")
    parser.add_argument("--version", action="version", version=f"kontenopd {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("templates", help="daftar templat")
    p.add_argument("--json", action="store_true", help="keluaran JSON")

    p = sub.add_parser("render", help="buat satu gambar dari templat")
    p.add_argument("template", help="id templat, misalnya liputan-kegiatan")
    p.add_argument("-o", "--output", required=True, help="berkas keluaran .jpg atau .png")
    p.add_argument("--format", default=None, help="rasio, misalnya 4:5 (bawaan: format pertama)")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="isi field (boleh berulang)")
    p.add_argument("--photo", action="append", default=[], metavar="KEY=PATH",
                   help="foto untuk field foto (boleh berulang untuk beberapa foto)")
    p.add_argument("--profile", help="berkas profil (brand kit) JSON")

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
    from .core.model import Profile, demo_profile

    return Profile.load(path) if path else demo_profile()


def build_draft(template, values: list[tuple[str, str]], photos: list[tuple[str, str]]):  # noqa: ANN001
    """A Draft from --set/--photo pairs, checked against the template's fields."""
    from .core.model import Draft, PhotoRef
    from .core.render import field_value

    known = {f.key: f for f in template.fields}
    names = ", ".join(known)
    draft = Draft(template=template.id)
    for key, value in values:
        f = known.get(key)
        if f is None or f.type == "photo":
            raise UsageError(f"Field '{key}' tidak ada di templat {template.id} (ada: {names}).")
        text = value.replace("\\n", "\n")
        field_value(f, text)  # raises a clear ValueInputError for bad dates, times...
        draft.values[key] = text
    for key, path in photos:
        f = known.get(key)
        if f is None or f.type != "photo":
            photo_fields = ", ".join(k for k, f in known.items() if f.type == "photo") or "-"
            raise UsageError(f"'{key}' bukan field foto di templat {template.id} "
                             f"(field foto: {photo_fields}).")
        draft.photos.setdefault(key, []).append(PhotoRef(str(Path(path).resolve())))
        if len(draft.photos[key]) > f.max_items:
            raise UsageError(f"Field foto '{key}' menerima paling banyak {f.max_items} foto.")
    return draft


def _print_warnings(warnings) -> None:  # noqa: ANN001
    for w in warnings:
        print(f"warning: {w.message}", file=sys.stderr)


def cmd_templates(args: argparse.Namespace) -> int:
    from .core.templates import load_library

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


def _render_and_save(template, fmt: str | None, draft, profile, output: str) -> int:  # noqa: ANN001
    from .core.imagefile import image_format, save_image
    from .core.render import missing_required, render

    image_format(output)
    fmt = fmt or template.format_keys[0]
    missing = missing_required(template, draft)
    if missing:
        listed = ", ".join(f"{f.label} ({f.key})" for f in missing)
        raise UsageError(f"Field wajib belum diisi: {listed}.")
    result = render(template, fmt, draft, profile)
    _print_warnings(result.warnings)
    save_image(result.image, output)
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from .core.templates import load_library

    library = load_library()
    template = library.get(args.template)
    profile = _load_profile(args.profile)
    draft = build_draft(template, _pairs(args.set, "--set"), _pairs(args.photo, "--photo"))
    return _render_and_save(template, args.format, draft, profile, args.output)


def cmd_demo(args: argparse.Namespace) -> int:
    from .core.paths import assets_dir
    from .core.templates import load_library

    template = load_library().get("liputan-kegiatan")
    photo = assets_dir() / "samples" / "dandelion-field.jpg"
    pairs = [(k, str(v)) for k, v in template.sample.items()]
    draft = build_draft(template, pairs, [("foto", str(photo))] if photo.exists() else [])
    code = _render_and_save(template, "4:5", draft, _load_profile(None), args.output)
    print(f"Kartu contoh disimpan: {Path(args.output).resolve()}")
    return code


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
    if not argv or (len(argv) == 1 and argv[0].endswith(".kontenopd")):
        return run_gui(argv)
    try:
        args = _build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USER
    if args.command is None:
        return run_gui([])
    handlers = {"templates": cmd_templates, "render": cmd_render, "demo": cmd_demo}
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
