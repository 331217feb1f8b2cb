from datetime import date, time

import pytest

from kontenopd.core import dates
from kontenopd.core.errors import ValueInputError


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-11-21", "Senin, 21 November 2022"),
    ("25/11/2022", "Jumat, 25 November 2022"),  # "Jumat", not "Jum'at"
    ("27-11-2022", "Minggu, 27 November 2022"),
    ("21 Nopember 2022", "Senin, 21 November 2022"),  # old spelling read, never written
    (date(2023, 2, 1), "Rabu, 1 Februari 2023"),
    ("Sabtu, 17 Agustus 2024", "Sabtu, 17 Agustus 2024"),
])
def test_tanggal(value: object, expected: str) -> None:
    assert dates.format_tanggal(value) == expected


def test_tanggal_without_day_and_hari() -> None:
    assert dates.format_tanggal("2022-11-21", with_day=False) == "21 November 2022"
    assert dates.format_hari("2022-11-25") == "Jumat"


@pytest.mark.parametrize("bad", ["2022-13-01", "31/02/2022", "besok", "", "21 Novembre 2022"])
def test_bad_dates_raise_clear_error(bad: str) -> None:
    with pytest.raises(ValueInputError, match="Tanggal tidak dikenali"):
        dates.parse_date(bad)


def test_pukul_forms() -> None:
    assert dates.format_pukul("08:00") == "pukul 08.00 WIB"
    assert dates.format_pukul("8.00", "WITA") == "pukul 08.00 WITA"
    assert dates.format_pukul("08.00", "WIT", "selesai") == "pukul 08.00 WIT - selesai"
    assert dates.format_pukul("0800", "WIB", "12.30") == "pukul 08.00 - 12.30 WIB"
    assert dates.parse_time("23.59") == time(23, 59)
    with pytest.raises(ValueInputError):
        dates.parse_time("25.00")


def test_dateline() -> None:
    assert dates.format_dateline("Mojokerto", "2022-11-21") == "Mojokerto, Senin (21/11/2022) –"


@pytest.mark.parametrize(("value", "expected"), [
    (8000, "8.000"), ("8000", "8.000"), ("8.000", "8.000"), (1234567, "1.234.567"),
    ("1234,5", "1.234,5"), (0.75, "0,75"), (-1500, "-1.500"), (12, "12"),
])
def test_angka(value: object, expected: str) -> None:
    assert dates.format_angka(value) == expected


def test_rupiah_has_no_space() -> None:
    assert dates.format_rupiah(1500000) == "Rp1.500.000"
    assert dates.format_rupiah("25.000") == "Rp25.000"
