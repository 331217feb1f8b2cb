"""The bulk-create spreadsheet reader: encodings, separators, header detection, row numbers
as the user sees them, cell types, and refusal of broken or hostile files."""

from __future__ import annotations

import io
import random
import struct
import subprocess
import sys
import time as clock
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
import xlsxwriter

from kontenopd.core.io.spreadsheet import (
    MAX_COLUMNS,
    MAX_ROWS,
    SheetError,
    SheetRow,
    Table,
    norm_header,
    read_table,
)

from .ods_files import write_ods

EXPECTED = ("acara", "Nama acara", "tanggal", "jam_mulai", "Pukul mulai", "tempat")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _refused(path: Path, *, named: bool = True, **kwargs: object) -> str:
    """read_table must refuse with a one-line Indonesian message naming the file."""
    with pytest.raises(SheetError) as info:
        read_table(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    assert path.name in message or not named
    assert "kesalahan internal" not in message.lower()
    return message


# --- norm_header ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "normal"), [
    ("Nama Acara *", "nama acara"),
    ("jam_mulai", "jam mulai"),
    ("  Pukul (WIB):", "pukul wib"),
    ("TANGGAL", "tanggal"),
    ("Tempat/Lokasi", "tempat lokasi"),
    ("Café", "café"),
    ("Cafe\u0301", "café"),  # decomposed accent: kept, same as the composed one
    (2022, "2022"),
    (None, ""),
    ("***", ""),
])
def test_norm_header(text: object, normal: str) -> None:
    assert norm_header(text) == normal


def test_sheet_row_get() -> None:
    row = SheetRow(5, ("a", 2))
    assert (row.get(0), row.get(1), row.get(2), row.get(-1)) == ("a", 2, "", "")


# --- CSV --------------------------------------------------------------------------------------

def test_csv_utf8_comma(tmp_path: Path) -> None:
    path = _write(tmp_path / "jadwal.csv",
                  b"Acara,Tanggal,Harga\nRapat koordinasi, 2022-11-21 ,1500000\n")
    table = read_table(path)
    assert isinstance(table, Table)
    assert (table.encoding, table.delimiter, table.sheet_name) == ("utf-8", ",", "")
    assert table.headers == ("Acara", "Tanggal", "Harga")
    assert table.header_row == 1
    assert table.rows == (SheetRow(2, ("Rapat koordinasi", "2022-11-21", "1500000")),)
    assert table.path == path


def test_csv_utf8_bom_semicolon(tmp_path: Path) -> None:
    data = "\ufeffAcara;Tempat\nUpacara;Alun-alun Mojokerto\n".encode()
    table = read_table(_write(tmp_path / "a.csv", data))
    assert (table.encoding, table.delimiter) == ("utf-8-sig", ";")
    assert table.headers == ("Acara", "Tempat")  # no BOM left in the first header
    assert table.rows[0].cells == ("Upacara", "Alun-alun Mojokerto")


def test_csv_windows_1252(tmp_path: Path) -> None:
    text = "Acara;Keterangan\nPentas seni;Café – Bupati’s day\n"
    data = text.encode("cp1252") + b"Lain;x\x81y\n"  # 0x81 is not defined in cp1252
    table = read_table(_write(tmp_path / "lama.csv", data))
    assert (table.encoding, table.delimiter) == ("cp1252", ";")
    assert table.rows[0].cells == ("Pentas seni", "Café – Bupati’s day")
    assert table.rows[1].cells == ("Lain", "x\ufffdy")


def test_csv_utf16_tab_separated(tmp_path: Path) -> None:
    data = "Acara\tTempat\r\nRapat\tPendopo Kabupaten\r\n".encode("utf-16")
    table = read_table(_write(tmp_path / "unicode.txt", data))
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert table.headers == ("Acara", "Tempat")
    assert table.rows == (SheetRow(2, ("Rapat", "Pendopo Kabupaten")),)


def test_csv_quoted_line_breaks_and_record_numbers(tmp_path: Path) -> None:
    data = (b'Acara,Isi\r\n'
            b'Rapat,"Baris satu\r\nBaris dua"\r\n'
            b'Senam,"Satu\rDua\nTiga"\r\n'
            b'Upacara,biasa\r\n')
    table = read_table(_write(tmp_path / "multi.csv", data))
    assert [row.number for row in table.rows] == [2, 3, 4]  # a record is one row
    assert table.rows[0].cells == ("Rapat", "Baris satu\nBaris dua")
    assert table.rows[1].get(1) == "Satu\nDua\nTiga"
    assert table.rows[2].cells == ("Upacara", "biasa")


def test_csv_comma_inside_quotes_of_semicolon_file(tmp_path: Path) -> None:
    data = '"Acara, kegiatan";"Tempat, lokasi";Harga\n"Rapat, evaluasi";"Aula, lt. 2";"1,5"\n'
    table = read_table(_write(tmp_path / "titikkoma.csv", data.encode()))
    assert table.delimiter == ";"
    assert table.headers == ("Acara, kegiatan", "Tempat, lokasi", "Harga")
    assert table.rows[0].cells == ("Rapat, evaluasi", "Aula, lt. 2", "1,5")


@pytest.mark.parametrize(("first_line", "delimiter"), [
    ("a;b,c", ","),  # tie
    ("satu kolom", ","),  # none
    ("a\tb\tc;d", "\t"),
])
def test_csv_delimiter_choice(tmp_path: Path, first_line: str, delimiter: str) -> None:
    table = read_table(_write(tmp_path / "d.csv", f"\n{first_line}\nx\n".encode()))
    assert table.delimiter == delimiter


def test_csv_empty_rows_skipped(tmp_path: Path) -> None:
    data = "Acara;Tempat\n\n;;\n  ;\t\nRapat;Aula\n\nSenam;Lapangan\n"
    table = read_table(_write(tmp_path / "kosong.csv", data.encode()))
    assert [(row.number, row.cells) for row in table.rows] == [
        (5, ("Rapat", "Aula")), (7, ("Senam", "Lapangan"))]


def test_csv_header_below_title_with_expected(tmp_path: Path) -> None:
    data = ("JADWAL KEGIATAN MINGGU INI;;;\n"
            "Dinas Kominfo;dicetak;2022-11-20;\n"
            ";;;\n"
            "No;Nama Acara *;Tanggal;Pukul mulai\n"
            "1;Rapat;2022-11-21;08.00\n")
    table = read_table(_write(tmp_path / "judul.csv", data.encode()), expected=EXPECTED)
    assert table.header_row == 4
    assert table.headers == ("No", "Nama Acara *", "Tanggal", "Pukul mulai")
    assert table.rows == (SheetRow(5, ("1", "Rapat", "2022-11-21", "08.00")),)


def test_csv_header_below_title_without_expected(tmp_path: Path) -> None:
    data = "JADWAL KEGIATAN MINGGU INI\n\nAcara,Tanggal,Tempat\nRapat,2022-11-21,Aula\n"
    table = read_table(_write(tmp_path / "judul.csv", data.encode()))
    assert table.header_row == 3
    assert table.headers == ("Acara", "Tanggal", "Tempat")
    assert [row.number for row in table.rows] == [4]


def test_csv_expected_but_nothing_matches_falls_back(tmp_path: Path) -> None:
    data = "Judul\nKolom A,Kolom B\n1,2\n"
    table = read_table(_write(tmp_path / "lain.csv", data.encode()), expected=EXPECTED)
    assert table.header_row == 2


def test_csv_padding_and_trailing_empty_columns(tmp_path: Path) -> None:
    data = "Acara,Tempat,,,\nRapat,,,,\nSenam,Aula,catatan,,\n"
    table = read_table(_write(tmp_path / "lebar.csv", data.encode()))
    assert table.headers == ("Acara", "Tempat", "")  # data without header keeps its column
    assert table.rows[0].cells == ("Rapat", "", "")
    assert table.rows[1].cells == ("Senam", "Aula", "catatan")


def test_csv_header_only_is_valid(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path / "h.csv", b"Acara,Tempat\n\n"))
    assert table.headers == ("Acara", "Tempat")
    assert table.rows == ()


def test_csv_row_and_column_limits_at_the_edge(tmp_path: Path) -> None:
    header = ",".join(f"k{i}" for i in range(MAX_COLUMNS))
    body = "".join(f"{i}\n" for i in range(MAX_ROWS))
    table = read_table(_write(tmp_path / "pas.csv", f"{header}\n{body}".encode()))
    assert len(table.headers) == MAX_COLUMNS
    assert len(table.rows) == MAX_ROWS
    assert table.rows[-1].number == MAX_ROWS + 1


# --- XLSX -------------------------------------------------------------------------------------

def _schedule_xlsx(path: Path, *, top: int = 0) -> Path:
    """Title row (merged) at ``top``, header below it, an empty row in the middle."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Jadwal")
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    hour = book.add_format({"num_format": "hh:mm"})
    wrap = book.add_format({"text_wrap": True})
    sheet.merge_range(top, 0, top, 4, "JADWAL KEGIATAN MINGGU INI")
    sheet.write_row(top + 1, 0, ["Nama acara", "Tanggal", "Jam mulai", "Anggaran", "Nilai"])
    sheet.write(top + 2, 0, "Rapat koordinasi\nbersama camat", wrap)
    sheet.write_datetime(top + 2, 1, datetime(2022, 11, 21), day)
    sheet.write_datetime(top + 2, 2, time(8, 0), hour)
    sheet.write_number(top + 2, 3, 1500000)
    sheet.write_number(top + 2, 4, 97.5)
    sheet.write_row(top + 4, 0, ["  Senam pagi  ", "22/11/2022", "06.30"])
    book.close()
    return path


@pytest.mark.parametrize("top", [0, 2])
def test_xlsx_values_and_row_numbers(tmp_path: Path, top: int) -> None:
    path = _schedule_xlsx(tmp_path / "jadwal.xlsx", top=top)
    table = read_table(path, expected=EXPECTED)
    assert table.sheet_name == "Jadwal"
    assert (table.encoding, table.delimiter) == ("", "")
    assert table.header_row == top + 2  # Excel's row number, also when rows 1-2 are empty
    assert table.headers == ("Nama acara", "Tanggal", "Jam mulai", "Anggaran", "Nilai")
    first, second = table.rows
    assert first.number == top + 3
    assert first.get(0) == "Rapat koordinasi\nbersama camat"
    day = first.get(1)
    assert isinstance(day, date)
    assert (day.year, day.month, day.day) == (2022, 11, 21)
    assert first.get(2) == time(8, 0)
    assert first.get(3) == 1500000
    assert type(first.get(3)) is int
    assert first.get(4) == 97.5
    assert type(first.get(4)) is float
    assert second.number == top + 5  # the empty row between is skipped, not renumbered
    assert second.cells == ("Senam pagi", "22/11/2022", "06.30", "", "")


def test_xlsx_header_without_expected_skips_merged_title(tmp_path: Path) -> None:
    table = read_table(_schedule_xlsx(tmp_path / "jadwal.xlsx", top=2))
    assert table.header_row == 4
    assert table.headers[0] == "Nama acara"


def _book(path: Path, sheets: dict[str, list[list[object]]],
          hidden: tuple[str, ...] = ()) -> Path:
    book = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for index, row in enumerate(rows):
            sheet.write_row(index, 0, row)
        if name in hidden:
            sheet.hide()
    if hidden:  # the active sheet cannot be hidden
        next(s for s in book.worksheets() if s.name not in hidden).activate()
    book.close()
    return path


def test_xlsx_sheet_choice(tmp_path: Path) -> None:
    path = _book(tmp_path / "buku.xlsx", {
        "Petunjuk": [],
        "Senin": [["Acara", "Tempat"], ["Rapat", "Aula"]],
        "Selasa": [["Acara", "Tempat"], ["Senam", "Lapangan"], ["Apel", "Halaman"]],
    })
    assert read_table(path).sheet_name == "Senin"  # the first sheet with something in it
    table = read_table(path, sheet="Selasa")
    assert table.sheet_name == "Selasa"
    assert [row.get(0) for row in table.rows] == ["Senam", "Apel"]
    assert read_table(path, sheet=" selasa ").sheet_name == "Selasa"
    message = _refused(path, sheet="Rabu")
    assert "Rabu" in message and "'Senin'" in message and "'Selasa'" in message
    assert "kosong" in _refused(path, sheet="Petunjuk")


def test_xlsx_hidden_sheet_not_chosen_by_default(tmp_path: Path) -> None:
    path = _book(tmp_path / "buku.xlsx", {
        "Daftar": [["Kode", "Nama"], ["1", "Kominfo"]],
        "Jadwal": [["Acara", "Tempat"], ["Rapat", "Aula"]],
    }, hidden=("Daftar",))
    assert read_table(path).sheet_name == "Jadwal"
    assert read_table(path, sheet="Daftar").rows[0].cells == ("1", "Kominfo")


def test_xlsx_all_sheets_empty(tmp_path: Path) -> None:
    path = _book(tmp_path / "kosong.xlsx", {"Lembar1": [], "Lembar2": [[" ", ""]]})
    assert "kosong" in _refused(path)


def test_xlsx_durations_and_headers_that_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "durasi.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    hours = book.add_format({"num_format": "[h]:mm"})
    sheet.write_row(0, 0, ["Acara", 2022, True])
    sheet.write(1, 0, "Lomba")
    sheet.write_datetime(1, 1, timedelta(hours=3, minutes=15), hours)
    sheet.write_datetime(1, 2, timedelta(hours=30), hours)
    book.close()
    table = read_table(path)
    assert table.headers == ("Acara", "2022", "True")
    assert table.rows[0].cells == ("Lomba", time(3, 15), "30:00:00")


def test_xlsx_content_with_wrong_suffix_is_read_by_content(tmp_path: Path) -> None:
    data = _schedule_xlsx(tmp_path / "asli.xlsx").read_bytes()
    table = read_table(_write(tmp_path / "salah-nama.xls", data), expected=EXPECTED)
    assert table.rows[0].get(3) == 1500000


# --- ODS --------------------------------------------------------------------------------------

def _text_cell(*paragraphs: str) -> str:
    inner = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    return f'<table:table-cell office:value-type="string">{inner}</table:table-cell>'


def test_ods_values(tmp_path: Path) -> None:
    rows = (
        '<table:table-row><table:table-cell table:number-columns-repeated="3"/></table:table-row>'
        f"<table:table-row>{_text_cell('Acara')}{_text_cell('Tanggal')}{_text_cell('Nilai')}"
        "</table:table-row>"
        f"<table:table-row>{_text_cell('Baris satu', 'Baris dua')}"
        '<table:table-cell office:value-type="date" office:date-value="2022-11-21">'
        "<text:p>21/11/22</text:p></table:table-cell>"
        '<table:table-cell office:value-type="float" office:value="97.5"><text:p>97,5</text:p>'
        "</table:table-cell></table:table-row>"
        '<table:table-row table:number-rows-repeated="2">'
        '<table:table-cell table:number-columns-repeated="3"/></table:table-row>'
        f"<table:table-row>{_text_cell('Senam')}"
        '<table:table-cell office:value-type="float" office:value="1500000">'
        "<text:p>1.500.000</text:p></table:table-cell></table:table-row>"
        '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    table = read_table(write_ods(tmp_path / "jadwal.ods", rows), expected=EXPECTED)
    assert table.sheet_name == "Lembar1"
    assert table.header_row == 2
    assert table.headers == ("Acara", "Tanggal", "Nilai")
    first, second = table.rows
    assert first.number == 3
    assert first.cells == ("Baris satu\nBaris dua", date(2022, 11, 21), 97.5)
    assert second.number == 6  # after two repeated empty rows
    assert second.cells == ("Senam", 1500000, "")
    assert type(second.get(1)) is int


# --- broken and hostile files -----------------------------------------------------------------

def test_a_title_row_does_not_decide_the_separator(tmp_path: Path) -> None:
    path = _write(tmp_path / "t.csv", b"Agenda Pekan Ini, Dinas Kominfo\r\n"
                  b"Acara;Tanggal;Tempat\r\nRapat;21/11/2022;Aula, Lt. 2\r\n"
                  b"Apel;22/11/2022;Halaman\r\n")
    table = read_table(path, expected=["acara", "tanggal", "tempat"])
    assert table.delimiter == ";" and table.headers == ("Acara", "Tanggal", "Tempat")
    assert table.rows[0].cells == ("Rapat", "21/11/2022", "Aula, Lt. 2")


def test_unsupported_suffix(tmp_path: Path) -> None:
    message = _refused(_write(tmp_path / "jadwal.PDF", b"%PDF-1.4"))
    assert message == ("jadwal.PDF: jenis berkas '.pdf' tidak didukung; pakai CSV, XLSX, XLS "
                       "atau ODS.")
    assert "'jadwal'" in _refused(_write(tmp_path / "jadwal", b"a,b\n"))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "tidak ditemukan" in _refused(tmp_path / "tidak-ada.xlsx")
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert "folder" in _refused(folder)
    with pytest.raises(SheetError) as info:
        read_table(tmp_path / "baris\nbaru.csv")
    assert "\n" not in str(info.value)


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "besar.csv"
    with path.open("wb") as handle:
        handle.truncate(21 * 2**20)
    assert "terlalu besar" in _refused(path)


def test_csv_with_nul(tmp_path: Path) -> None:
    message = _refused(_write(tmp_path / "biner.csv", b"Acara,Tempat\nRapat,A\x00ula\n"))
    assert "baris 2" in message


def test_csv_unclosed_quote(tmp_path: Path) -> None:
    message = _refused(_write(tmp_path / "kutip.csv", b'Acara,Tempat\nRapat,"Aula\nSenam,x\n'))
    assert "baris 2" in message


def test_too_many_rows(tmp_path: Path) -> None:
    body = "".join(f"Acara {i},Aula\n" for i in range(MAX_ROWS + 1))
    message = _refused(_write(tmp_path / "panjang.csv", f"Acara,Tempat\n{body}".encode()))
    assert "lebih dari 2000 baris" in message
    path = _book(tmp_path / "panjang.xlsx",
                 {"L": [["Acara"]] + [[f"A{i}"] for i in range(MAX_ROWS + 1)]})
    assert "lebih dari 2000 baris" in _refused(path)


def test_too_many_columns(tmp_path: Path) -> None:
    header = ",".join(f"k{i}" for i in range(MAX_COLUMNS + 1))
    assert "101 kolom" in _refused(_write(tmp_path / "lebar.csv", f"{header}\n".encode()))
    path = _book(tmp_path / "lebar.xlsx", {"L": [[f"k{i}" for i in range(MAX_COLUMNS + 1)]]})
    assert "101 kolom" in _refused(path)


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    noise = random.Random(7).randbytes(4096)
    assert "utuh" in _refused(_write(tmp_path / "acak.xlsx", b"\x00" + noise))
    assert "utuh" in _refused(_write(tmp_path / "acak-pk.xlsx", b"PK\x03\x04" + noise))
    _refused(_write(tmp_path / "acak.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + noise))
    _refused(_write(tmp_path / "kosong.ods", b""))


def test_html_named_xls(tmp_path: Path) -> None:
    data = b"<html><body><table><tr><td>Acara</td></tr></table></body></html>"
    assert "HTML" in _refused(_write(tmp_path / "ekspor.xls", data))


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("catatan.txt", "bukan lembar kerja")
    assert "tidak bisa dibaca" in _refused(path)


def test_truncated_xlsx(tmp_path: Path) -> None:
    data = _schedule_xlsx(tmp_path / "utuh.xlsx").read_bytes()
    _refused(_write(tmp_path / "terpotong.xlsx", data[: len(data) // 2]))


def test_xlsx_with_broken_sheet_xml(tmp_path: Path) -> None:
    source = _schedule_xlsx(tmp_path / "utuh.xlsx")
    path = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", b"<row r='9'><c r='A9'><v>1</c></sheetData>")
            new.writestr(item, data)
    _refused(path)


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            for _ in range(8):
                member.write(bytes(2**20))  # 8 MB of zeros squeeze to a few kB
    assert "bom zip" in _refused(path)


def test_zip_bomb_by_declared_size(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    data = bytearray(buffer.getvalue())
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 300 * 2**20)  # claims 300 MB once unpacked
    started = clock.perf_counter()
    assert "bom zip" in _refused(_write(tmp_path / "bom300.xlsx", bytes(data)))
    assert clock.perf_counter() - started < 2


def test_zip_with_too_many_members(tmp_path: Path) -> None:
    path = tmp_path / "banyak.ods"
    with zipfile.ZipFile(path, "w") as archive:
        for index in range(5001):
            archive.writestr(f"m/{index}", b"")
    assert "bom zip" in _refused(path)


def test_xlsx_cell_far_outside_the_table(tmp_path: Path) -> None:
    """One stray cell at the sheet's far corner would make the reader allocate ~17 billion
    empty cells and abort the whole program: refused before the reader sees it. Run in a
    child process so that a regression fails this test instead of killing pytest."""
    path = tmp_path / "jauh.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Acara", "Tempat"])
    sheet.write(1048575, 16383, "x")
    book.close()
    code = ("import sys\nfrom kontenopd.core.io.spreadsheet import SheetError, read_table\n"
            "try:\n    read_table(sys.argv[1])\nexcept SheetError as error:\n    print(error)\n")
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-800:]
    message = result.stdout.strip()
    assert "jauh.xlsx" in message and "XFD1048576" in message
    assert "\n" not in message


def test_xlsx_blank_formatted_cell_far_away_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "format.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Acara", "Tempat"])
    sheet.write_row(1, 0, ["Rapat", "Aula"])
    sheet.write_blank(1048575, 16383, None, book.add_format({"border": 1}))
    book.close()
    assert read_table(path).rows == (SheetRow(2, ("Rapat", "Aula")),)


def test_ods_tables_are_measured_one_by_one(tmp_path: Path) -> None:
    """A long narrow sheet next to a short wide one is fine: each grid is small."""
    long_rows = ('<table:table-row table:number-rows-repeated="60000">'
                 f"{_text_cell('x')}</table:table-row>")
    wide_row = "<table:table-row>" + _text_cell("Acara") * 90 + "</table:table-row>"
    path = write_ods(tmp_path / "dua.ods", f'{long_rows}</table:table><table:table table:name="B">'
                                      f"{wide_row}")
    table = read_table(path, sheet="B")
    assert len(table.headers) == 90
    assert table.rows == ()


def test_ods_repeated_cells_far_outside_the_table(tmp_path: Path) -> None:
    rows = (f"<table:table-row>{_text_cell('Acara')}</table:table-row>"
            '<table:table-row table:number-rows-repeated="100000">'
            '<table:table-cell table:number-columns-repeated="999"/>'
            f"{_text_cell('x')}</table:table-row>")
    assert "ALL100001" in _refused(write_ods(tmp_path / "ulang.ods", rows))
