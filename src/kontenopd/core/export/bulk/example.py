""""Unduh contoh": an example sheet for bulk create with the right columns for a template.

Row 1 holds the field labels (required ones marked " *"), row 2 a help row (every cell starts
with "[wajib]" or "[opsional]", so a sheet filled from it can keep the row: bulk create skips
it), then two sample rows. XLSX gets real date cells, wrapped text and column widths; CSV is
UTF-8 with a BOM and ';' between cells, as Excel in Indonesia writes it.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ...errors import KontenError
from ...model.dates import parse_date
from ...template.schema import Field, Template

HELP_MARKS = ("[wajib]", "[opsional]")
EXAMPLE_SUFFIXES = (".xlsx", ".csv")

_KIND_HELP = {
    "date": "tanggal, mis. 21/11/2022 atau 21 November 2022",
    "time": "jam, mis. 08.00",
    "multiline": "teks; baris baru dipertahankan (Alt+Enter di Excel)",
    "list": "satu butir per baris (Alt+Enter) atau dipisah ;",
    "photo": "nama berkas foto, relatif ke folder lembar ini; beberapa foto dipisah ;",
    "bool": "ya atau tidak",
    "qr": "tautan, mis. https://…",
}


def is_help_row(cells: tuple[Any, ...] | list[Any]) -> bool:
    """Whether a sheet row is the example's help row (every filled cell starts with a mark)."""
    filled = [str(c).strip().casefold() for c in cells if str(c).strip()]
    return bool(filled) and all(c.startswith(HELP_MARKS) for c in filled)


def header_of(f: Field) -> str:
    return f"{f.label} *" if f.required else f.label


def help_of(f: Field) -> str:
    mark = HELP_MARKS[0] if f.required else HELP_MARKS[1]
    if f.type == "choice" and f.choices:
        kind = "salah satu: " + ", ".join(f.choices)
    elif f.type == "list" and len(f.columns) > 1:
        kind = (f"satu butir per baris: {' | '.join(f.columns)}; paling banyak "
                f"{f.max_items}")
    elif f.type == "list":
        kind = f"{_KIND_HELP['list']}; paling banyak {f.max_items}"
    elif f.type == "photo" and f.max_items > 1:
        kind = f"{_KIND_HELP['photo']} (paling banyak {f.max_items})"
    else:
        kind = _KIND_HELP.get(f.type, "teks")
    return f"{mark} {kind}"


def _photo_example(f: Field, row: int) -> str:
    count = min(f.max_items, 2)
    return "; ".join(f"foto/{f.key}-{row}-{i + 1}.jpg" for i in range(count))


def sample_rows(template: Template) -> list[list[Any]]:
    """Two rows of sample values in field order (dates as ``date``; lists one item a line);
    the second is a week later with its title marked, so both read as distinct posts."""
    rows = []
    for n in (1, 2):
        row: list[Any] = []
        for f in template.fields:
            value = template.sample.get(f.key, f.default)
            if f.type == "photo":
                row.append(_photo_example(f, n))
                continue
            if value in (None, ""):
                row.append("")
                continue
            if f.type == "date":
                try:
                    day = parse_date(value)
                except KontenError:
                    day = date.today()
                row.append(day + timedelta(days=7 * (n - 1)))
                continue
            if isinstance(value, (list, tuple)):
                value = "\n".join(" | ".join(v.values()) if isinstance(v, dict) else str(v)
                                  for v in value)
            if isinstance(value, bool):
                value = "ya" if value else "tidak"
            row.append(str(value))
        rows.append(row)
    title = next((i for i, f in enumerate(template.fields)
                  if f.type == "text" and f.required), None)
    if title is not None and rows[1][title]:
        rows[1][title] = f"{rows[1][title]} (contoh kedua)"
    return rows


def write_example(template: Template, path: str | Path) -> Path:
    """Write the example sheet for ``template`` to ``path`` (.xlsx or .csv)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXAMPLE_SUFFIXES:
        raise KontenError(f"Contoh lembar ditulis sebagai .xlsx atau .csv, bukan "
                          f"'{path.suffix or path.name}'.")
    try:
        if suffix == ".csv":
            _write_csv(template, path)
        else:
            _write_xlsx(template, path)
    except OSError as exc:
        raise KontenError(f"Contoh lembar tidak bisa ditulis ke {path} ({exc.strerror})") \
            from None
    return path


def _cells(template: Template) -> tuple[list[str], list[str], list[list[Any]]]:
    return ([header_of(f) for f in template.fields], [help_of(f) for f in template.fields],
            sample_rows(template))


def _write_csv(template: Template, path: Path) -> None:
    from ...io.atomic import atomic_write  # noqa: PLC0415

    header, helps, rows = _cells(template)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerow(helps)
    for row in rows:
        writer.writerow([v.strftime("%d/%m/%Y") if isinstance(v, date) else v for v in row])
    payload = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    atomic_write(path, lambda handle: handle.write(payload))


def _write_xlsx(template: Template, path: Path) -> None:
    import xlsxwriter  # noqa: PLC0415 - only the example needs the writer

    from ...io.atomic import atomic_write  # noqa: PLC0415

    header, helps, rows = _cells(template)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet(re.sub(r"[\[\]:*?/\\]+", "-", template.name)[:31] or "Data")
    bold = book.add_format({"bold": True, "bg_color": "#DDE6F0", "border": 1,
                            "text_wrap": True, "valign": "top"})
    hint = book.add_format({"italic": True, "font_color": "#5A6472", "text_wrap": True,
                            "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    day = book.add_format({"num_format": "dd/mm/yyyy", "valign": "top", "align": "left"})
    for col, f in enumerate(template.fields):
        width = 14 if f.type in ("date", "time", "bool", "choice") else 32
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, header[col], bold)
        sheet.write_string(1, col, helps[col], hint)
        for r, row in enumerate(rows, start=2):
            value = row[col]
            if isinstance(value, date):
                sheet.write_datetime(r, col, value, day)
            else:
                sheet.write_string(r, col, str(value), wrap)
    sheet.freeze_panes(1, 0)
    notes = book.add_worksheet("Petunjuk")
    notes.set_column(0, 0, 100)
    for r, line in enumerate(_instructions(template)):
        notes.write_string(r, 0, line, wrap)
    book.close()
    payload = buffer.getvalue()
    atomic_write(path, lambda handle: handle.write(payload))


def _instructions(template: Template) -> list[str]:
    return [
        f"Contoh lembar untuk templat “{template.name}” ({template.id}).",
        "Satu baris = satu postingan. Kolom bertanda * wajib diisi.",
        "Baris petunjuk (yang dimulai [wajib]/[opsional]) boleh dibiarkan atau dihapus.",
        "Foto: tulis nama berkas relatif ke folder tempat lembar ini disimpan, "
        "mis. foto/kegiatan-1.jpg; beberapa foto dipisah titik koma (;).",
        "Tanggal boleh berupa sel tanggal atau teks seperti 21/11/2022; jam seperti 08.00.",
        f"Buat semua postingan: kontenopd bulk lembar.xlsx --template {template.id} -o HASIL, "
        "atau menu Berkas › Buat Massal dari Lembar Kerja di aplikasi.",
    ]
