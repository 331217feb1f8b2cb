from datetime import date, time

import pytest

from kontenopd.core.errors import ValueInputError
from kontenopd.core.model import dates


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
    assert dates.format_dateline("Mojokerto", "2022-03-07") == "Mojokerto, Senin (7/3/2022) –"


@pytest.mark.parametrize(("value", "expected"), [
    (8000, "8.000"), ("8000", "8.000"), ("8.000", "8.000"), (1234567, "1.234.567"),
    ("1234,5", "1.234,5"), (0.75, "0,75"), (-1500, "-1.500"), (12, "12"),
])
def test_angka(value: object, expected: str) -> None:
    assert dates.format_angka(value) == expected


def test_rupiah_has_no_space() -> None:
    assert dates.format_rupiah(1500000) == "Rp1.500.000"
    assert dates.format_rupiah("25.000") == "Rp25.000"


def test_dateline_as_the_press_writes_it() -> None:
    assert dates.format_dateline("Mojokerto", "2018-07-20") == "Mojokerto, Jumat (20/7/2018) –"
    assert dates.format_dateline("Blitar", "2024-01-05") == "Blitar, Jumat (5/1/2024) –"


@pytest.mark.parametrize("until", ["selesai", "Selesai", "sampai selesai", "s.d. selesai",
                                   "s/d selesai", "sd selesai", "hingga selesai", " s.d selesai "])
def test_until_it_is_over_in_every_spelling(until: str) -> None:
    assert dates.format_pukul("08.00", "WIB", until) == "pukul 08.00 WIB - selesai"


@pytest.mark.parametrize("until", ["12.00 WIB", "pukul 12.00", "12:00 wib", "pkl. 12.00 WIB"])
def test_end_time_with_its_zone_or_pukul(until: str) -> None:
    assert dates.format_pukul("08.00", "WIB", until) == "pukul 08.00 - 12.00 WIB"


def test_an_unreadable_end_time_names_the_field() -> None:
    with pytest.raises(ValueInputError, match=r"^Pukul selesai tidak dikenali: \"nanti sore\""):
        dates.format_pukul("08.00", "WIB", "nanti sore")


def test_negative_rupiah_puts_the_sign_first() -> None:
    assert dates.format_rupiah(-2000) == "-Rp2.000"
    assert dates.format_rupiah("-1.500.000") == "-Rp1.500.000"
    assert dates.format_rupiah("-0,4") == "Rp0"  # rounds to zero: no "-Rp0"
    assert dates.format_angka("-0,0001", 2) == "0,00"


@pytest.mark.parametrize("bad", [float("inf"), float("-inf"), float("nan"), "inf", "NaN",
                                 "Infinity", "sNaN", 10**30, "1e999999999", "9" * 70, True,
                                 [1, 2], "1,2,3", ""])
@pytest.mark.parametrize("formatter", [dates.format_angka, dates.format_rupiah])
def test_numbers_that_cannot_be_written_are_clear_errors(bad: object, formatter) -> None:
    with pytest.raises(ValueInputError, match=r"^(Angka|Bukan angka)"):
        formatter(bad)


def test_largest_amounts_still_format() -> None:
    assert dates.format_rupiah(3_250_000_000_000) == "Rp3.250.000.000.000"  # an APBD
    assert dates.format_angka(10**17) == "100.000.000.000.000.000"


@pytest.mark.parametrize("decimals", [-1, 7, 10**9, "2", 1.5])
def test_decimals_are_bounded(decimals: object) -> None:
    with pytest.raises(ValueInputError, match="desimal"):
        dates.format_angka(2.5, decimals)
