"""Sheet cells as field values, read the way people write them in Indonesia."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from ...errors import ValueInputError
from ...io.spreadsheet import norm_header
from ...model.dates import format_angka, format_tanggal, parse_date, parse_time
from ...template.schema import Field

EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's serial dates (1900 system)
PLAIN_DIGITS = 10  # whole numbers this long are phone numbers or IDs: no thousands dots

_TRUE = {"ya", "y", "true", "benar", "1", "x", "v", "✓", "iya"}
_FALSE = {"tidak", "t", "false", "salah", "0", "-", "no", "n"}


def _number_text(value: int | float) -> str:
    if isinstance(value, int) and len(str(abs(value))) >= PLAIN_DIGITS:
        return str(value)
    return format_angka(value)


def cell_text(value: Any) -> str:
    """Any cell as the text a person would read: "1.500.000", "97,5", "21 November 2022",
    "08.00", "Ya"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, (int, float)):
        return _number_text(value)
    if isinstance(value, datetime):
        day = format_tanggal(value, with_day=False)
        return day if value.time() == time(0) else f"{day}, {value:%H.%M}"
    if isinstance(value, date):
        return format_tanggal(value, with_day=False)
    if isinstance(value, time):
        return f"{value.hour:02d}.{value.minute:02d}"
    return str(value).strip()


def _date_value(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return parse_date(value).isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 200_000:
        return (EXCEL_EPOCH + timedelta(days=int(value))).isoformat()  # a serial date
    return parse_date(cell_text(value)).isoformat()


def _time_value(value: Any) -> str:
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, float) and 0 <= value < 1:  # a fraction of a day
        minutes = round(value * 24 * 60)
        value = time(minutes // 60 % 24, minutes % 60)
    if isinstance(value, time):
        return f"{value.hour:02d}.{value.minute:02d}"
    parsed = parse_time(cell_text(value))
    return f"{parsed.hour:02d}.{parsed.minute:02d}"


def _choice_value(f: Field, value: Any) -> str:
    text = cell_text(value)
    for choice in f.choices:
        if norm_header(choice) == norm_header(text):
            return choice
    raise ValueInputError(f"'{text[:30]}' bukan pilihan {f.label} (pilih: "
                          f"{', '.join(f.choices)}).")


def _bool_value(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = cell_text(value).casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueInputError(f"'{text[:20]}' bukan ya/tidak.")


def field_from_cell(f: Field, value: Any) -> Any:
    """A sheet cell as the value a draft stores for field ``f`` ("" when the cell is empty);
    raises ValueInputError (Indonesian, one line) for a value the field cannot take."""
    if value in (None, "") or (isinstance(value, str) and not value.strip()):
        return ""
    if f.type == "date":
        return _date_value(value)
    if f.type == "time":
        return _time_value(value)
    if f.type == "choice" and f.choices:
        return _choice_value(f, value)
    if f.type == "bool":
        return _bool_value(value)
    return cell_text(value)


def list_count(f: Field, text: str) -> int:
    from ...render import field_value  # noqa: PLC0415 - the renderer loads Pillow and fonts

    return len(field_value(f, text))


def zip_list_columns(f: Field, columns: dict[str, str]) -> str:
    """List columns given one per sheet column, one item per line, as "a | b" lines."""
    split = {c: [line.strip() for line in text.split("\n")] for c, text in columns.items()}
    count = max((len(v) for v in split.values()), default=0)
    lines = []
    for i in range(count):
        cells = [split.get(c, [])[i] if i < len(split.get(c, [])) else "" for c in f.columns]
        if any(cells):
            lines.append(" | ".join(cells))
    return "\n".join(lines)


def rows_text(values: Iterable[Any]) -> str:
    """Cells as one readable line (for previews and messages)."""
    return " · ".join(cell_text(v) for v in values if cell_text(v))
