"""Reading a spreadsheet for "bulk create": one post per row.

:func:`read_table` turns a CSV, XLSX, XLS or ODS file made on someone else's computer into a
:class:`Table`: the header row (found even below a title row such as "JADWAL KEGIATAN") and the
data rows, numbered as Excel or LibreOffice shows them, so a message can say "baris 7".

The file is untrusted. It is read once (at most 20 MB) and the reader parses those same bytes.
A zip container (XLSX, ODS) is checked first: too many members, a zip bomb, or a filled cell
far outside the table (the reader would set aside room for every empty cell up to it and could
bring the whole program down) are refused. Every failure is one Indonesian :class:`SheetError`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from xml.parsers import expat

from ..errors import KontenError

MAX_FILE_BYTES = 20 * 2**20
MAX_ROWS = 2000  # data rows
MAX_COLUMNS = 100
MAX_CELLS = 5_000_000  # the reader's grid, from A1 to the last filled cell
SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods")

_TEXT_SUFFIXES = (".csv", ".txt")
_HEADER_SCAN = 20  # the header is one of the first 20 non-empty rows
_ZIP_MEMBERS = 5000
_ZIP_TOTAL = 200 * 2**20
_ZIP_RATIO = 200
_NON_ALNUM = re.compile(r"[\W_]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CELL_REF = re.compile(r"\$?([A-Za-z]+)\$?(\d+)")

Rows = list[tuple[int, list[Any]]]  # (row number as the user sees it, cells); no empty rows


class SheetError(KontenError):
    """The whole file cannot be used; str() is one complete Indonesian line."""


@dataclass(frozen=True)
class SheetRow:
    number: int  # as Excel/LibreOffice shows it; CSV: the record number
    cells: tuple[Any, ...]  # one per header column; "" for an empty cell

    def get(self, index: int) -> Any:
        """The cell in column ``index`` (0-based); "" when the row has no such column."""
        return self.cells[index] if 0 <= index < len(self.cells) else ""


@dataclass(frozen=True)
class Table:
    """A header row and the non-empty rows below it, all as wide as the header."""

    path: Path
    headers: tuple[str, ...]  # stripped; "" for a blank header cell
    header_row: int
    rows: tuple[SheetRow, ...]
    sheet_name: str = ""  # XLSX/XLS/ODS: the sheet read
    encoding: str = ""  # CSV: "utf-8", "utf-8-sig", "utf-16" or "cp1252"
    delimiter: str = ""  # CSV: ",", ";" or "\t"


def norm_header(text: object) -> str:
    """Header text for matching: casefolded, accents kept, every run of characters that are
    not letters or digits (also "_", "*", ":", brackets) one space. "Nama Acara *" ->
    "nama acara", "jam_mulai" -> "jam mulai"."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFC", str(text).casefold())  # "e" + U+0301 -> "é"
    return _NON_ALNUM.sub(" ", folded).strip()


def read_table(path: str | Path, *, expected: Iterable[str] = (),
               sheet: str | None = None) -> Table:
    """Read the table of a CSV/TXT, XLSX/XLSM, XLS or ODS file.

    ``expected`` (field keys and labels) picks the header row: of the first 20 non-empty rows,
    the one naming most of them. ``sheet`` picks a workbook's sheet by name; by default the
    first visible sheet with something in it. Raises :class:`SheetError`.
    """
    path = Path(path)
    name = _name(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SheetError(f"{name}: jenis berkas '{_clean(suffix) or name}' tidak didukung; "
                         "pakai CSV, XLSX, XLS atau ODS.")
    data = _read_bytes(path, name)
    if suffix in _TEXT_SUFFIXES:
        text, encoding = _decode(data)
        delimiter = _delimiter(text)
        rows = _csv_rows(text, delimiter, name)
        if not rows:
            raise SheetError(f"Berkas {name} kosong.")
        return _table(path, name, rows, expected, encoding=encoding, delimiter=delimiter)
    rows, sheet_name = _workbook_rows(data, name, sheet)
    return _table(path, name, rows, expected, sheet_name=sheet_name)


def _clean(text: str, limit: int = 60) -> str:
    """``text`` safe inside a one-line message: no control characters, not too long."""
    text = _CONTROL.sub("?", text)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _name(path: Path) -> str:
    return _clean(path.name or str(path))


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        if path.is_dir():
            raise SheetError(f"{name} adalah folder, bukan berkas lembar kerja.")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise SheetError(f"Berkas {name} tidak ditemukan.") from None
    except OSError:
        raise SheetError(f"Berkas {name} tidak bisa dibuka (izin ditolak atau sedang dipakai "
                         "program lain?).") from None
    if len(data) > MAX_FILE_BYTES:
        raise SheetError(f"Berkas {name} terlalu besar (lebih dari {MAX_FILE_BYTES // 2**20} MB).")
    return data


# --- CSV --------------------------------------------------------------------------------------

def _decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with; never fails."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"  # old Excel "CSV" on Windows


def _delimiter(text: str, records: int = 20) -> str:
    """";", "," or tab: the one that wins on most of the first ``records`` non-empty records
    (counted outside quotes; a title row above the header has none and does not vote)."""
    votes = dict.fromkeys(";,\t", 0)
    totals = dict.fromkeys(";,\t", 0)
    counts = dict.fromkeys(";,\t", 0)
    quoted = False
    seen = 0
    for char in text[:65536] + "\n":
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
        elif not quoted and char == "\n":
            best = max(counts.values())
            winners = [c for c, n in counts.items() if n == best]
            if best and len(winners) == 1:
                votes[winners[0]] += 1
                seen += 1
            for c, n in counts.items():
                totals[c] += n
            counts = dict.fromkeys(";,\t", 0)
            if seen >= records:
                break
    ranked = sorted(votes, key=lambda c: (votes[c], totals[c]), reverse=True)
    first, second = ranked[0], ranked[1]
    if not votes[first] or (votes[first], totals[first]) == (votes[second], totals[second]):
        return ","
    return first


def _csv_rows(text: str, delimiter: str, name: str) -> Rows:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: Rows = []
    number = 0
    try:
        for number, record in enumerate(reader, 1):
            cells = [_text(cell) for cell in record]
            if any("\x00" in cell for cell in cells):
                raise SheetError(f"Berkas {name} baris {number} berisi karakter NUL: ini bukan "
                                 "teks CSV biasa. Simpan ulang sebagai CSV UTF-8.")
            _keep(rows, number, cells, name)
    except csv.Error:
        raise SheetError(f"Berkas {name} baris {number + 1} tidak sesuai format CSV (tanda "
                         "kutip tidak berpasangan, atau satu sel terlalu panjang).") from None
    return rows


# --- workbooks (python-calamine) ------------------------------------------------------------

def _workbook_rows(data: bytes, name: str, sheet: str | None) -> tuple[Rows, str]:
    _check_workbook_kind(data, name)
    try:
        from python_calamine import CalamineWorkbook  # noqa: PLC0415 - only workbooks need it

        book = CalamineWorkbook.from_filelike(io.BytesIO(data))  # by content, not by suffix
        names = list(book.sheet_names)
        if sheet:
            return _named_sheet(book, names, sheet, name)
        for candidate in _sheet_order(book, names):
            rows = _sheet_rows(book.get_sheet_by_name(candidate), name)
            if rows:
                return rows, candidate
    except SheetError:
        raise
    except BaseException as error:  # any reader error, or a panic inside the Rust reader
        kind = type(error).__name__
        if not isinstance(error, Exception) and kind != "PanicException":
            raise
        if kind == "PasswordError":
            raise SheetError(f"Berkas {name} dilindungi kata sandi: buka di Excel, hapus kata "
                             "sandinya, lalu simpan ulang.") from None
        raise SheetError(f"Berkas {name} tidak bisa dibaca sebagai lembar kerja "
                         "(rusak?).") from None
    raise SheetError(f"Berkas {name} tidak berisi data: semua lembarnya kosong.")


def _check_workbook_kind(data: bytes, name: str) -> None:
    """Refuse what is not an XLSX/ODS (zip, guarded) or XLS (OLE) file before reading it."""
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        _check_zip(data, name)
    elif not data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # not an OLE (XLS) file
        if data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            raise SheetError(f"Berkas {name} sebenarnya halaman web (HTML), bukan lembar kerja. "
                             "Buka di Excel atau LibreOffice lalu simpan sebagai XLSX.")
        raise SheetError(f"Berkas {name} bukan berkas XLSX/ODS yang utuh (rusak atau bukan "
                         "lembar kerja?).")


def _named_sheet(book: Any, names: list[str], sheet: str, name: str) -> tuple[Rows, str]:
    """The rows of the sheet the user named (exactly, else ignoring case and spaces)."""
    wanted = sheet.strip().casefold()
    found = [n for n in names if n == sheet] or [
        n for n in names if n.strip().casefold() == wanted]
    if not found:
        shown = ", ".join(f"'{_clean(n, 40)}'" for n in names[:10])
        raise SheetError(f"Lembar '{_clean(sheet, 40)}' tidak ada di berkas {name}. "
                         f"Lembar yang ada: {shown}{', ...' if len(names) > 10 else ''}.")
    rows = _sheet_rows(book.get_sheet_by_name(found[0]), name)
    if not rows:
        raise SheetError(f"Lembar '{_clean(found[0], 40)}' di berkas {name} kosong.")
    return rows, found[0]


def _sheet_order(book: Any, names: list[str]) -> list[str]:
    """Worksheets (no chart sheets), the visible ones first, each group in workbook order."""
    try:
        meta = [m for m in book.sheets_metadata if m.typ == type(m.typ).WorkSheet]
    except Exception:  # metadata is a convenience: fall back to every sheet in order
        return names
    visible = [m.name for m in meta if m.visible == type(m.visible).Visible]
    return visible + [m.name for m in meta if m.name not in visible]


def _sheet_rows(sheet: Any, name: str) -> Rows:
    end = sheet.end
    if end is None:
        return []
    _check_extent(end[0], end[1], name)  # XLS has no zip to look into beforehand
    grid = sheet.to_python(skip_empty_area=False)  # starts at A1 ...
    offset = end[0] + 1 - len(grid)  # ... so this is 0; kept in case a version trims it
    rows: Rows = []
    for index, raw in enumerate(grid):
        _keep(rows, index + 1 + offset, [_cell(value) for value in raw], name)
    return rows


def _cell(value: object) -> Any:
    """A reader value as a table cell: integral floats become int, durations time or text."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, (bool, int, date, time)):  # datetime is a date
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, timedelta):
        if timedelta(0) <= value < timedelta(days=1):
            return (datetime.min + value).time()
        total = int(value.total_seconds())
        hours, rest = divmod(abs(total), 3600)
        return f"{'-' if total < 0 else ''}{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return "" if value is None else _text(str(value))


def _text(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


# --- the zip guard ----------------------------------------------------------------------------

def _check_zip(data: bytes, name: str) -> None:
    """Refuse a zip that would cost the reader far more than its size suggests."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if (len(members) > _ZIP_MEMBERS or sum(m.file_size for m in members) > _ZIP_TOTAL
                    or any(m.file_size > max(2**20, _ZIP_RATIO * m.compress_size)
                           for m in members)):
                raise SheetError(f"Berkas {name} tidak dibuka: isinya membengkak tidak wajar saat "
                                 "dibuka (bom zip?).")
            if "xl/workbook.bin" in archive.namelist():
                raise SheetError(f"Berkas {name} sebenarnya XLSB (Excel biner), yang tidak "
                                 "didukung. Simpan ulang sebagai XLSX.")
            for member in members:
                if member.file_size:
                    _scan_member(archive, member, name)
    except SheetError:
        raise
    except Exception:
        raise SheetError(f"Berkas {name} bukan berkas XLSX/ODS yang utuh (rusak atau "
                         "terpotong?).") from None


class _Extent:
    """The last filled cell of one XML part, counted as the reader counts: XLSX ``<row>`` /
    ``<c r="B7">`` (a cell without a child element is blank), ODS ``table-row`` /
    ``table-cell`` with their "repeated" counts (a cell is filled if it has a value type or a
    child element). Cautious: a cell the reader may think empty can still count."""

    def __init__(self) -> None:
        self.row = -1  # 0-based; for ODS the first row of the current (repeated) block
        self.repeat = 1
        self.col = -1
        self.cell = -1  # last column of the open cell, -1 outside a cell
        self.filled = False
        self.max_row = self.max_col = -1
        self.largest = (-1, -1)  # (last row, last column) of the largest table so far
        self.sheetlike = False

    def flush(self) -> None:
        """End one table (an ODS part holds every sheet): keep the largest grid seen."""
        if (self.max_row + 1) * (self.max_col + 1) > (self.largest[0] + 1) * (self.largest[1] + 1):
            self.largest = (self.max_row, self.max_col)
        self.max_row = self.max_col = -1

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = tag.rpartition(":")[2]
        if self.cell >= 0:
            self.filled = True
        if local == "table":
            self.flush()
            self.row, self.repeat = -1, 1
        elif local in ("row", "table-row"):
            self.sheetlike = True
            ref = attrs.get("r", "")
            self.row = int(ref) - 1 if local == "row" and ref.isdigit() else self.row + self.repeat
            self.repeat = _count(attrs, "number-rows-repeated")
            self.col = -1
        elif local == "c":
            match = _CELL_REF.fullmatch(attrs.get("r", ""))
            if match:
                self.col = _column_index(match.group(1))
                self.row = int(match.group(2)) - 1
            else:
                self.col += 1
            self.cell, self.filled = self.col, False
        elif local in ("table-cell", "covered-table-cell"):
            self.col += _count(attrs, "number-columns-repeated")
            self.cell = self.col
            self.filled = any(key.endswith("value-type") for key in attrs)

    def end(self, tag: str) -> None:
        if tag.rpartition(":")[2] in ("c", "table-cell", "covered-table-cell") and self.cell >= 0:
            if self.filled:
                self.max_row = max(self.max_row, self.row + self.repeat - 1)
                self.max_col = max(self.max_col, self.cell)
            self.cell = -1


def _count(attrs: dict[str, str], local: str) -> int:
    for key, value in attrs.items():
        if key.rpartition(":")[2] == local and value.strip().isdigit():
            return max(int(value), 1)
    return 1


def _column_index(letters: str) -> int:
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - 64
    return index - 1


def column_letters(index: int) -> str:
    """0 -> "A", 27 -> "AB": columns as Excel names them."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _scan_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> None:
    extent = _Extent()
    parser = expat.ParserCreate()
    parser.StartElementHandler = extent.start
    parser.EndElementHandler = extent.end
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(2**20):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError:  # not XML (a picture, a VML drawing): no cells come from it
        if extent.sheetlike:
            raise SheetError(f"Berkas {name} rusak: salah satu lembarnya tidak utuh.") from None
    extent.flush()
    _check_extent(*extent.largest, name)


def _check_extent(last_row: int, last_col: int, name: str) -> None:
    if (last_row + 1) * (last_col + 1) > MAX_CELLS:
        raise SheetError(f"Berkas {name} tidak dibuka: ada isi jauh di luar tabel (sampai sel "
                         f"{column_letters(last_col)}{last_row + 1}). Hapus isi sel itu lalu "
                         "simpan ulang.")


# --- rows to table ----------------------------------------------------------------------------

def _keep(rows: Rows, number: int, cells: list[Any], name: str) -> None:
    """Append a non-empty row; stop early once there are surely too many data rows."""
    if any(cell != "" for cell in cells):
        rows.append((number, cells))
        if len(rows) > MAX_ROWS + _HEADER_SCAN:
            raise _too_many_rows(name)


def _too_many_rows(name: str) -> SheetError:
    return SheetError(f"Berkas {name} berisi lebih dari {MAX_ROWS} baris data; bagi menjadi "
                      "beberapa berkas.")


def _header_index(rows: Rows, expected: Iterable[str]) -> int:
    wanted = {norm_header(text) for text in expected} - {""}
    if wanted:
        scores = [sum(norm_header(cell) in wanted for cell in cells) for _, cells in rows]
        if max(scores):
            return scores.index(max(scores))
    counts = [sum(cell != "" for cell in cells) for _, cells in rows]
    widest = max(counts)
    return next((i for i, count in enumerate(counts) if count >= 2 and count * 2 >= widest), 0)


def _table(path: Path, name: str, rows: Rows, expected: Iterable[str], **meta: str) -> Table:
    head = _header_index(rows[:_HEADER_SCAN], expected)
    body = rows[head + 1:]
    if len(body) > MAX_ROWS:
        raise _too_many_rows(name)
    width = max(max((i + 1 for i, cell in enumerate(cells) if cell != ""), default=0)
                for _, cells in rows[head:])
    if width > MAX_COLUMNS:
        raise SheetError(f"Berkas {name} memakai {width} kolom; paling banyak {MAX_COLUMNS}. "
                         "Hapus kolom yang tidak perlu.")

    def fit(cells: list[Any]) -> tuple[Any, ...]:
        return tuple(cells[:width]) + ("",) * (width - len(cells))

    number, header = rows[head]
    return Table(path, tuple("" if c == "" else str(c).strip() for c in fit(header)), number,
                 tuple(SheetRow(n, fit(cells)) for n, cells in body), **meta)
