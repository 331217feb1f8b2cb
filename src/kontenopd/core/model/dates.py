"""Indonesian dates, times and numbers per EYD V, independent of the OS locale.

"Senin, 21 November 2022", "pukul 08.00 WIB", "Mojokerto, Jumat (20/7/2018) –",
"8.000", "Rp1.500.000", "-Rp2.000".
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from ..errors import ValueInputError

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
TIMEZONES = ("WIB", "WITA", "WIT")

# Spellings people still type; accepted on input, never produced.
_BULAN_ALIASES = {
    "nopember": 11, "pebruari": 2, "agustus": 8, "agt": 8, "agu": 8, "ags": 8,
    "okt": 10, "des": 12, "nov": 11, "sep": 9, "sept": 9, "jan": 1, "feb": 2, "peb": 2,
    "mar": 3, "apr": 4, "jun": 6, "jul": 7, "mei": 5,
}
_BULAN_INDEX = {name.lower(): i + 1 for i, name in enumerate(BULAN)} | _BULAN_ALIASES


def parse_date(value: object) -> date:
    """Read a date typed by a person or stored by a program.

    Accepts ISO "2022-11-21", "21/11/2022", "21-11-2022", "21.11.2022" and
    "[Senin,] 21 November 2022" (also the old "Nopember").
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            y, m, d = (int(p) for p in text.split("-"))
            return date(y, m, d)
        match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
        if match:
            d, m, y = (int(p) for p in match.groups())
            return date(y, m, d)
        match = re.fullmatch(r"(?:[A-Za-z']+,?\s+)?(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", text)
        if match and match.group(2).lower() in _BULAN_INDEX:
            return date(int(match.group(3)), _BULAN_INDEX[match.group(2).lower()],
                        int(match.group(1)))
    except ValueError:
        pass
    raise ValueInputError(
        f"Tanggal tidak dikenali: \"{text[:40]}\". Tulis seperti 2022-11-21 atau 21/11/2022."
    )


_TIME_DECOR = re.compile(r"^(?:pukul|pkl\.?|jam)\s*|\s*(?:WIB|WITA|WIT)$", re.IGNORECASE)
# "selesai", "sampai selesai", "s.d. selesai", "s/d selesai", "hingga selesai", "sd selesai"
_UNTIL_DONE = re.compile(r"(?:(?:sampai|hingga|s\.?\s?d\.?|s/d)\s*)?selesai\.?", re.IGNORECASE)


def parse_time(value: object) -> time:
    """Read "08.00", "08:00", "8.00" or "0800", also written as "pukul 08.00 WIB"."""
    if isinstance(value, time):
        return value
    text = str(value).strip()
    if len(text) <= 40:
        text = _TIME_DECOR.sub("", text).strip()
    match = re.fullmatch(r"(\d{1,2})[.:](\d{2})", text) or re.fullmatch(r"(\d{2})(\d{2})", text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ValueInputError(f"Jam tidak dikenali: \"{text[:20]}\". Tulis seperti 08.00.")


def format_tanggal(value: object, with_day: bool = True) -> str:
    """"Senin, 21 November 2022" (or "21 November 2022" without the day)."""
    d = parse_date(value)
    core = f"{d.day} {BULAN[d.month - 1]} {d.year}"
    return f"{HARI[d.weekday()]}, {core}" if with_day else core


def format_hari(value: object) -> str:
    return HARI[parse_date(value).weekday()]


def format_jam(value: object) -> str:
    t = parse_time(value)
    return f"{t.hour:02d}.{t.minute:02d}"


def is_until_done(value: object) -> bool:
    """True for an end time written as "selesai", "sampai selesai", "s.d. selesai"..."""
    return bool(_UNTIL_DONE.fullmatch(str(value).strip()))


def format_pukul(value: object, tz: str = "WIB", until: object = None) -> str:
    """"pukul 08.00 WIB", "pukul 08.00 - 12.00 WIB" or "pukul 08.00 WIB - selesai".

    ``until`` may be a time ("12.00", "12.00 WIB") or any way of writing "until it is
    over" ("selesai", "sampai selesai", "s.d. selesai", "s/d selesai")."""
    start = format_jam(value)
    if until is None or str(until).strip() == "":
        return f"pukul {start} {tz}"
    if is_until_done(until):
        return f"pukul {start} {tz} - selesai"
    try:
        end = format_jam(until)
    except ValueInputError:
        raise ValueInputError(
            f"Pukul selesai tidak dikenali: \"{str(until).strip()[:20]}\". "
            "Tulis jam seperti 12.00, atau \"selesai\".") from None
    return f"pukul {start} - {end} {tz}"


def format_dateline(city: str, value: object) -> str:
    """News dateline as the Indonesian press writes it: "Mojokerto, Jumat (20/7/2018) –"
    (day and month without leading zeros)."""
    d = parse_date(value)
    return f"{city}, {HARI[d.weekday()]} ({d.day}/{d.month}/{d.year}) –"


MAX_DIGITS = 18  # integer digits: a quintillion is far beyond any budget a post shows
MAX_DECIMALS = 6
_NUMBER_TEXT = 64  # characters; longer input is not a number anyone typed


def _to_decimal(value: object) -> Decimal:
    """A finite Decimal of at most MAX_DIGITS integer digits, or a clear ValueInputError."""
    if isinstance(value, bool):
        raise ValueInputError(f"Bukan angka: {value}.")
    text = str(value).strip().replace(" ", "").replace("\u00a0", "")
    if isinstance(value, (int, float, Decimal)):
        number = _decimal(text)
    else:
        if len(text) > _NUMBER_TEXT:
            raise ValueInputError(f"Angka terlalu panjang: \"{text[:20]}…\".")
        # Indonesian input: dots group thousands, comma is the decimal mark.
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text) or "," in text:
            text = text.replace(".", "").replace(",", ".")
        number = _decimal(text)
    if not number.is_finite():
        raise ValueInputError(f"Bukan angka yang bisa ditulis: \"{text[:20]}\".")
    if number and number.adjusted() >= MAX_DIGITS:
        raise ValueInputError(f"Angka terlalu besar: \"{text[:20]}\" (lebih dari {MAX_DIGITS} "
                              "digit).")
    return number


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except (InvalidOperation, ValueError):
        raise ValueInputError(f"Angka tidak dikenali: \"{text[:20]}\".") from None


def _decimals(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DECIMALS:
        raise ValueInputError(f"Jumlah desimal harus 0 sampai {MAX_DECIMALS}: {str(value)[:20]}.")
    return value


def format_angka(value: object, decimals: int | None = None) -> str:
    """"8.000", "1.234,5", "-2.000": dots group thousands, comma marks decimals."""
    number = _to_decimal(value)
    if decimals is None:
        exponent = number.normalize().as_tuple().exponent
        decimals = min(MAX_DECIMALS, max(0, -exponent)) if isinstance(exponent, int) else 0
    else:
        decimals = _decimals(decimals)
    text = f"{abs(number):,.{decimals}f}"
    text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return ("-" if number < 0 and text.strip("0,.") else "") + text


def format_rupiah(value: object) -> str:
    """"Rp1.500.000" (no space, per EYD); negative amounts "-Rp2.000" (CLDR id)."""
    number = _to_decimal(value).quantize(Decimal(1))
    digits = format_angka(abs(number), 0)
    return ("-Rp" if number < 0 else "Rp") + digits
