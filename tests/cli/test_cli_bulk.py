"""``kontenopd bulk``: real spreadsheets in, drafts or export folders out, every row's fate in
laporan.csv and on stderr by row number, exit 2 when any row failed."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import xlsxwriter
from PIL import Image

from kontenopd.cli import main
from kontenopd.core.export.bulk import auto_map, expected_headers, unmapped_required
from kontenopd.core.io.draft_file import load_draft
from kontenopd.core.io.spreadsheet import read_table

from ..core.io.ods_files import write_ods
from .runner import run

HEAD = ["Nama acara", "Tanggal", "Pukul mulai", "Tempat", "Peserta / sasaran"]
ROWS = [
    ["Rapat Koordinasi Percepatan Penurunan Stunting", "21/11/2022", "08.00",
     "Pendopo Graha Maja Tama", "Camat dan kepala puskesmas"],
    ["Sosialisasi Pajak Daerah – Café & UMKM", "22 November 2022", "09.30",
     "Aula Bapenda, Jl. Jayanegara No. 4", ""],
]


def csv_bytes(rows: list[list[str]], sep: str, encoding: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def drafts_in(folder: Path, tmp_path: Path, library) -> dict[str, dict]:
    out = {}
    for i, path in enumerate(sorted(folder.glob("*.kontenopd"))):
        opened = load_draft(path, workdir=tmp_path / f"w{i}", library=library)
        out[opened.draft.values["acara"]] = opened.draft.values
    return out


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("sep", [",", ";"])
def test_csv_in_every_encoding_and_separator(capsys, tmp_path, library, encoding, sep) -> None:
    sheet = tmp_path / "agenda.csv"
    sheet.write_bytes(csv_bytes([HEAD, *ROWS], sep, encoding))
    code, out, err = run(capsys, "bulk", str(sheet), "--template", "agenda-undangan",
                         "-o", str(tmp_path / "hasil"), "--drafts")
    assert code == 0, err
    values = drafts_in(tmp_path / "hasil", tmp_path, library)
    second = values["Sosialisasi Pajak Daerah – Café & UMKM"]  # é and – survive cp1252
    assert second["tanggal"] == "2022-11-22" and second["jam_mulai"] == "09.30"
    assert second["tempat"] == "Aula Bapenda, Jl. Jayanegara No. 4"  # a comma in a cell
    assert values[ROWS[0][0]]["peserta"] == "Camat dan kepala puskesmas"
    assert len(out.strip().splitlines()) == 2  # one written file per line on stdout
    assert "2 baris: 2 berhasil, 0 gagal." in err


def test_xlsx_with_date_cells_multiline_cells_and_a_title_row(capsys, tmp_path,
                                                               library) -> None:
    sheet = tmp_path / "layanan.xlsx"
    book = xlsxwriter.Workbook(str(sheet))
    ws = book.add_worksheet("Jadwal")
    ws.merge_range(0, 0, 0, 3, "JADWAL LAYANAN KELILING DISDUKCAPIL 2022")
    for col, name in enumerate(["Nama acara", "Tanggal", "Pukul mulai", "Tempat"]):
        ws.write(2, col, name)
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    clock = book.add_format({"num_format": "hh:mm"})
    ws.write(3, 0, "Layanan Keliling\nPerekaman KTP-el")
    ws.write_datetime(3, 1, datetime(2022, 11, 21), day)
    ws.write_datetime(3, 2, time(8, 30), clock)
    ws.write(3, 3, "Balai Desa Sooko")
    ws.write(5, 0, "Layanan Keliling Akta")  # row 6, after an empty row 5
    ws.write_number(5, 1, 44887)  # a date typed as a plain serial number
    ws.write(5, 2, "13.00")
    ws.write(5, 3, "")
    book.close()
    code, _, err = run(capsys, "bulk", str(sheet), "--template", "agenda-undangan",
                       "-o", str(tmp_path / "hasil"), "--drafts")
    assert code == 2
    assert "kontenopd: baris 6: Field wajib kosong: Tempat." in err.splitlines()
    values = drafts_in(tmp_path / "hasil", tmp_path, library)
    (first,) = values.values()
    assert first["acara"] == "Layanan Keliling\nPerekaman KTP-el"
    assert first["tanggal"] == "2022-11-21" and first["jam_mulai"] == "08.30"
    report = (tmp_path / "hasil" / "laporan.csv").read_text(encoding="utf-8-sig")
    assert [line.split(";")[:2] for line in report.splitlines()[1:]] == [
        ["4", "berhasil"], ["6", "gagal"]]


def make_ods(path: Path, rows: list[list[object]]) -> Path:
    """A minimal OpenDocument spreadsheet (what LibreOffice saves), written by hand."""
    def cell(value: object) -> str:
        if isinstance(value, date):
            return (f'<table:table-cell office:value-type="date" '
                    f'office:date-value="{value.isoformat()}"><text:p>{value}</text:p>'
                    "</table:table-cell>")
        if isinstance(value, (int, float)):
            return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>")
        paragraphs = "".join(f"<text:p>{escape(p)}</text:p>" for p in str(value).split("\n"))
        return f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                   for row in rows)
    return write_ods(path, body, sheet="Data")


def test_ods_with_numbers_for_an_infographic(capsys, tmp_path, library) -> None:
    sheet = make_ods(tmp_path / "data.ods", [
        ["Judul", "Periode", "Nilai", "Keterangan", "Sumber data"],
        ["Capaian Vaksinasi Kabupaten", "November 2022", "1500000\n97,5%",
         "warga divaksin\ncakupan dosis 1", "Dinas Kesehatan"],
        ["Pajak Daerah", date(2022, 11, 30), 1500000, "rupiah terkumpul", "Bapenda"],
    ])
    code, _, err = run(capsys, "bulk", str(sheet), "--template", "infografis-data",
                       "-o", str(tmp_path / "hasil"), "--drafts")
    assert code == 0, err
    found = {}
    for i, path in enumerate(sorted((tmp_path / "hasil").glob("*.kontenopd"))):
        draft = load_draft(path, workdir=tmp_path / f"w{i}", library=library).draft
        found[draft.values["judul"]] = draft.values
    assert found["Capaian Vaksinasi Kabupaten"]["angka"] == (
        "1500000 | warga divaksin\n97,5% | cakupan dosis 1")
    tax = found["Pajak Daerah"]
    assert tax["angka"] == "1.500.000 | rupiah terkumpul"  # a number cell, written the ID way
    assert tax["periode"] == "30 November 2022"


def test_broken_rows_are_reported_by_number_and_the_rest_exported(capsys, tmp_path,
                                                                   real_profile) -> None:
    profile = tmp_path / "profil.json"
    profile.write_text(json.dumps(real_profile.to_dict()), encoding="utf-8")
    sheet = tmp_path / "agenda.csv"
    sheet.write_bytes(csv_bytes([
        ["Agenda Pekan Ini"],  # a title row above the header
        HEAD,
        ROWS[0],
        ["Rapat Anggaran", "31/02/2023", "08.00", "Ruang Rapat", ""],
        ["Apel Pagi", "23/11/2022", "07.00", "", ""],
        ROWS[1],
        [" ".join(["Pelatihan"] * 90), "24/11/2022", "10.00", "Aula", ""],
    ], ";", "utf-8-sig"))
    out = tmp_path / "hasil"
    code, stdout, err = run(capsys, "bulk", str(sheet), "--template", "agenda-undangan",
                            "-o", str(out), "--format", "4:5", "--format", "1:1",
                            "--profile", str(profile), "--platform", "instagram", "--jobs", "0")
    assert code == 2
    lines = err.splitlines()
    assert any(line.startswith("kontenopd: baris 4: Tanggal tidak dikenali") for line in lines)
    assert "kontenopd: baris 5: Field wajib kosong: Tempat." in lines
    assert any(line.startswith("kontenopd: baris 7: 4:5 tidak diekspor:") for line in lines)
    assert "5 baris: 2 berhasil, 3 gagal." in lines[-1]
    folders = [Path(p) for p in stdout.split()]
    assert len(folders) == 2
    for folder in folders:
        assert sorted(p.name.rsplit("_", 1)[-1] for p in folder.glob("*.jpg")) == [
            "1x1.jpg", "4x5.jpg"]
        assert (folder / "caption_instagram.txt").is_file()
    report = (out / "laporan.csv").read_text(encoding="utf-8-sig").splitlines()
    assert [r.split(";")[1] for r in report[1:]] == [
        "berhasil", "gagal", "gagal", "berhasil", "gagal"]


def test_example_sheets_fit_every_template(tmp_path, library) -> None:
    for template in library.templates.values():
        path = tmp_path / f"{template.id}.xlsx"
        assert main(["bulk", "--example", template.id, "-o", str(path)]) == 0
        table = read_table(path, expected=expected_headers(template))
        assert table.header_row == 1, template.id
        mapping = auto_map(template, table.headers)
        assert set(mapping) == {f.key for f in template.fields}, template.id
        assert unmapped_required(template, mapping) == []
        assert len(table.rows) == 3  # the help row and two samples


def test_the_example_fills_itself_back_in(capsys, tmp_path, library) -> None:
    for suffix in (".xlsx", ".csv"):
        example = tmp_path / f"contoh{suffix}"
        code, out, err = run(capsys, "bulk", "--example", "agenda-undangan", "-o", str(example))
        assert code == 0 and str(example.resolve()) in out, err
        code, out, err = run(capsys, "bulk", str(example), "--template", "agenda-undangan",
                             "-o", str(tmp_path / f"hasil{suffix}"), "--drafts")
        assert code == 0, err
        assert len(list((tmp_path / f"hasil{suffix}").glob("*.kontenopd"))) == 2


def test_a_carousel_from_one_row_per_slide(capsys, tmp_path, library) -> None:
    for i in range(3):
        Image.new("RGB", (1600, 1200), (60 * i, 100, 140)).save(tmp_path / f"foto{i}.jpg")
    sheet = tmp_path / "carousel.csv"
    sheet.write_bytes(csv_bytes([
        ["Judul", "Tanggal", "Foto", "Keterangan foto"],
        ["Gerakan Tanam Pohon", "21/11/2022", "foto0.jpg", "Bupati menanam bibit pertama"],
        ["", "", "foto1.jpg", "Sebanyak 10.000 bibit disiapkan"],
        ["", "", "foto2.jpg", "Relawan mencatat titik tanam"],
    ], ";", "utf-8"))
    code, _, err = run(capsys, "bulk", str(sheet), "--template", "carousel-kegiatan",
                         "--one-post", "-o", str(tmp_path / "hasil"), "--drafts")
    assert code == 0, err
    (path,) = (tmp_path / "hasil").glob("*.kontenopd")
    draft = load_draft(path, workdir=tmp_path / "w", library=library).draft
    assert len(draft.photos["foto"]) == 3
    assert draft.values["keterangan"][2] == "Relawan mencatat titik tanam"


@pytest.mark.parametrize(("args", "needle"), [
    (["--template", "agenda-undangan"], "Kolom wajib tidak ditemukan"),
    (["--template", "agenda-undangan", "--map", "tempat=Lokasi"], "kolom 'Lokasi' tidak ada"),
    (["--template", "agenda-undangan", "--map", "ruang=Tempat"], "field 'ruang' tidak ada"),
    (["--template", "tidak-ada"], "tidak-ada"),
    (["--template", "agenda-undangan", "--map", "tempat=Ruang", "--format", "16:10"],
     "Format 16:10 tidak ada"),
])
def test_sheet_level_mistakes_are_one_line(capsys, tmp_path, args, needle) -> None:
    sheet = tmp_path / "a.csv"
    sheet.write_bytes(csv_bytes([["Nama acara", "Tanggal", "Pukul mulai", "Ruang"],
                                 ["Rapat", "21/11/2022", "08.00", "Aula"]], ";", "utf-8"))
    code, _, err = run(capsys, "bulk", str(sheet), "-o", str(tmp_path / "o"), "--drafts", *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and needle in err
    assert "Traceback" not in err and "internal" not in err


def test_map_names_a_column_by_hand(capsys, tmp_path, library) -> None:
    sheet = tmp_path / "a.csv"
    sheet.write_bytes(csv_bytes([["Nama acara", "Tanggal", "Pukul mulai", "Ruang"],
                                 ["Rapat", "21/11/2022", "08.00", "Aula Utama"]], ";", "utf-8"))
    code, _, err = run(capsys, "bulk", str(sheet), "--template", "agenda-undangan",
                       "--map", "tempat=ruang", "-o", str(tmp_path / "o"), "--drafts")
    assert code == 0, err
    assert drafts_in(tmp_path / "o", tmp_path, library)["Rapat"]["tempat"] == "Aula Utama"


def test_export_with_the_demo_identity_is_refused_up_front(capsys, tmp_path) -> None:
    sheet = tmp_path / "a.csv"
    sheet.write_bytes(csv_bytes([HEAD, ROWS[0]], ";", "utf-8"))
    code, _, err = run(capsys, "bulk", str(sheet), "--template", "agenda-undangan",
                       "-o", str(tmp_path / "o"))
    assert code == 2 and "--profile" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(("name", "data"), [
    ("rusak.xlsx", b"PK\x03\x04 ini bukan xlsx"),
    ("kosong.csv", b""),
    ("gambar.pdf", b"%PDF-1.4"),
])
def test_unreadable_sheets_are_one_line(capsys, tmp_path, name, data) -> None:
    sheet = tmp_path / name
    sheet.write_bytes(data)
    code, _, err = run(capsys, "bulk", str(sheet), "--template", "agenda-undangan",
                       "-o", str(tmp_path / "o"), "--drafts")
    assert code == 2 and len(err.strip().splitlines()) == 1 and name in err
