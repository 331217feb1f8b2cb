"""The argument parser: every subcommand and its options (``kontenopd --help``)."""

from __future__ import annotations

import argparse

from .. import __version__
from .common import EXIT_USER


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


def build_parser() -> argparse.ArgumentParser:
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
