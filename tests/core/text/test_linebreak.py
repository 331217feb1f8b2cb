"""Indonesian line breaking on real poster content (core/linebreak.py through fit_text)."""

from __future__ import annotations

import itertools
import re

import pyphen
import pytest

from kontenopd.core.text import fonts
from kontenopd.core.text.layout import TextFit, fit_text, measure
from kontenopd.core.text.linebreak import hyphenation_points, units, wrap

BOLD = fonts.font_file("Plus Jakarta Sans", "extrabold")
BODY = fonts.font_file("Plus Jakarta Sans", "regular")
FONT = fonts.load_font(BOLD, 40)
NAME = "Dr. H. Ahmad Syaifuddin Muhammad Ridwan Hidayatullah, S.Sos., M.Si., M.M."
DEGREES = "S.Sos., M.Si., M.M."
TITLE = "Bupati Resmikan Pasar Rakyat Modern di Kecamatan Trowulan untuk Dorong Ekonomi Desa"
ABBREVIATIONS = {"Prov.", "Kab.", "Kec.", "Kel.", "Jl.", "No.", "Dr.", "H.", "Hj.", "Ir.",
                 "Drs.", "Prof.", "dr."}


def lines_at(text: str, width: float, size: int = 40, path=BOLD, **kw) -> tuple[str, ...]:
    layout = fit_text(text, TextFit(path, size, size, **kw), width, 100_000)
    assert all(measure(layout.font, line) <= width for line in layout.lines), layout.lines
    return layout.lines


def widths(lo: float, hi: float, step: float = 17) -> list[float]:
    out, w = [], lo
    while w <= hi:
        out.append(w)
        w += step
    return out


def test_units_keep_names_titles_numbers_and_dates_together() -> None:
    assert units(NAME) == ["Dr. H. Ahmad", "Syaifuddin", "Muhammad", "Ridwan",
                           "Hidayatullah, S.Sos., M.Si., M.M."]
    assert units("Jl. Ahmad Yani No. 16 Kab. Mojokerto Prov. Jawa Timur") == [
        "Jl. Ahmad", "Yani", "No. 16", "Kab. Mojokerto", "Prov. Jawa", "Timur"]
    assert units("Senin, 22–23 April 2023 pukul 13.00 WIB di Kec. Trowulan") == [
        "Senin,", "22–23 April 2023", "pukul 13.00 WIB", "di", "Kec. Trowulan"]
    assert units("Rp4,5 miliar untuk 8.000 ASN dan 58 admin, naik 97,5 % sejak 21 November") \
        == ["Rp4,5 miliar", "untuk", "8.000 ASN", "dan", "58 admin,", "naik", "97,5 %",
            "sejak", "21 November"]
    assert units("Selamat Hari Raya Idul Fitri 1445 H") == [
        "Selamat", "Hari Raya", "Idul Fitri", "1445 H"]
    # A number that ends a sentence does not hold on to the next one.
    assert units("Jumlahnya 58. Kemudian") == ["Jumlahnya", "58.", "Kemudian"]
    assert units("BUPATI H. IKFINA, S.SOS., M.SI.") == ["BUPATI", "H. IKFINA, S.SOS., M.SI."]


@pytest.mark.parametrize("width", widths(measure(FONT, DEGREES) + 1, 1100))
def test_degrees_never_split(width: float) -> None:
    lines = lines_at(NAME, width)
    assert " ".join(lines) == NAME
    assert any(DEGREES in line for line in lines), lines
    if width >= measure(FONT, "Hidayatullah, " + DEGREES):
        assert any(line.endswith("Hidayatullah, " + DEGREES) for line in lines), lines
    assert not any(line.endswith(("Dr.", "H.")) for line in lines)


def test_a_kept_unit_wider_than_the_line_is_broken_normally() -> None:
    width = measure(FONT, DEGREES) - 20  # the degrees alone do not fit: no error, no loss
    lines = lines_at(NAME, width)
    assert " ".join(lines) == NAME
    assert "Hidayatullah," in lines  # the name gives way before the degrees do


def _kept_together(text: str, width: float, size: int, units: tuple[str, ...]) -> list[str]:
    """``text`` wrapped at ``width``: nothing lost, and every unit whole on one line."""
    lines = lines_at(text, width, size, BODY)
    assert " ".join(lines) == text
    for unit in units:
        assert any(unit in line for line in lines), (unit, lines)
    return lines


@pytest.mark.parametrize("width", widths(260, 900, 23))
def test_abbreviations_never_end_a_line(width: float) -> None:
    lines = _kept_together(
        "Pemerintah Prov. Jawa Timur bersama Pemkab Kab. Mojokerto membuka kantor di "
        "Jl. Ahmad Yani No. 16 Kec. Trowulan", width, 32,
        ("Prov. Jawa", "Kab. Mojokerto", "Jl. Ahmad", "No. 16", "Kec. Trowulan"))
    assert not any(line.split()[-1] in ABBREVIATIONS for line in lines), lines


@pytest.mark.parametrize("width", widths(330, 900, 29))
def test_numbers_units_and_dates_stay_together(width: float) -> None:
    _kept_together(
        "Rapat koordinasi digelar 22–23 April 2023 pukul 13.00 WIB dengan anggaran "
        "Rp4,5 miliar untuk 8.000 ASN dan 58 admin; capaian 97,5 % sejak 21 November",
        width, 30,
        ("22–23 April 2023", "13.00 WIB", "Rp4,5 miliar", "8.000 ASN", "58 admin", "97,5 %",
         "21 November"))


def test_hashtag_breaks_at_its_capitals_without_hyphen() -> None:
    tag = "#BanyuwangiSambutObor2018"
    width = measure(FONT, "#BanyuwangiSambut") - 1  # "#Banyuwangi" fits, one more part not
    lines = lines_at(tag, width)
    assert lines[0] == "#Banyuwangi"
    assert "".join(lines) == tag and len(lines) >= 2
    for before, after in itertools.pairwise(lines):
        assert not before.endswith("-")
        assert after[0].isupper() or after[0].isdigit(), lines
        assert before[-1].islower() or before[-1].isdigit(), lines
    # Also after other words on the line, and in a CamelCase word without "#".
    lines = lines_at("Ikuti #BanyuwangiSambutObor2018", measure(FONT, "Ikuti #Banyuwangi") + 2)
    assert lines[0] == "Ikuti #Banyuwangi"
    assert lines_at("BanyuwangiSambutObor", measure(FONT, "Banyuwangi") + 2)[0] == "Banyuwangi"


@pytest.mark.parametrize("word", ["penyelenggaraan", "kependudukan", "pertanggungjawaban"])
def test_long_word_is_hyphenated_at_a_pattern_point(word: str) -> None:
    points = set(pyphen.Pyphen(lang="id_ID").positions(word))
    for cut in hyphenation_points(word):
        assert cut in points and cut >= 4 and len(word) - cut >= 4
        # Room for the first part and for the rest: broken there or at a later point.
        width = max(measure(FONT, word[:cut] + "-"), measure(FONT, word[cut:])) + 1
        lines = lines_at(word, width)
        assert len(lines[0]) - 1 >= cut
        _assert_hyphenated(word, lines, points)
    for share in (0.7, 0.85):  # widths where pattern points leave four letters a side
        _assert_hyphenated(word, lines_at(word, measure(FONT, word) * share), points)


def _assert_hyphenated(word: str, lines: tuple[str, ...], points: set[int]) -> None:
    assert len(lines) >= 2
    assert all(line.endswith("-") for line in lines[:-1]), lines
    assert not lines[-1].endswith("-")
    pieces = [line.removesuffix("-") for line in lines]
    assert "".join(pieces) == word
    assert all(len(piece) >= 4 for piece in pieces), pieces
    cuts = [len("".join(pieces[: k + 1])) for k in range(len(pieces) - 1)]
    assert set(cuts) <= points, (cuts, sorted(points))


def test_hyphenation_in_running_text_fills_the_line() -> None:
    text = "dan pertanggungjawaban Bupati"
    width = measure(FONT, "dan pertanggung-") + 2
    assert measure(FONT, "pertanggungjawaban") > width  # only a word that cannot fit alone
    lines = lines_at(text, width)
    assert lines[0] == "dan pertanggung-"
    assert lines[1].startswith("jawaban")


def test_hyphenation_points_keep_four_letters_each_side() -> None:
    assert hyphenation_points("kependudukan") == [5, 7]  # kepen-du-dukan
    assert hyphenation_points("pertanggungjawaban,") == [7, 11, 13]
    assert hyphenation_points("Ini") == []


def test_ordinary_prose_is_not_hyphenated() -> None:
    for width in widths(420, 1000, 50):  # every word fits a line on its own
        lines = lines_at(TITLE, width, 56)
        assert " ".join(lines) == TITLE
        assert not any(line.endswith("-") for line in lines)


def test_url_breaks_after_its_separators_without_hyphen() -> None:
    url = "https://diskominfo.contohkab.go.id/berita/2022/11/21/apel-pagi-seluruh-asn"
    lines = lines_at(url, 400, 40, BOLD)
    assert "".join(lines) == url
    assert all(line[-1] in "/.?=-" for line in lines[:-1]), lines


def test_an_unbreakable_string_is_still_cut_at_characters() -> None:
    code = "XQZ7" * 12  # no hyphenation point, no capitals to break at
    lines = lines_at(code, 300)
    assert "".join(line.removesuffix("-") for line in lines) == code
    assert len(lines) > 1


def test_no_break_space_keeps_words_together() -> None:
    text = "Bupati Kabupaten\u00a0Mojokerto hadir"
    lines = lines_at(text, measure(FONT, "Kabupaten Mojokerto") + 5)
    assert lines == ("Bupati", "Kabupaten\u00a0Mojokerto", "hadir")
    # Wider than the line even alone: broken at the no-break space, not hyphenated.
    lines = lines_at(text, measure(FONT, "Kabupaten") + 5)
    assert lines == ("Bupati", "Kabupaten", "Mojokerto", "hadir")


def greedy_and_balanced(text: str, width: float, size: int = 60) -> tuple[tuple, tuple]:
    return lines_at(text, width, size), lines_at(text, width, size, balance=True)


def spread(lines: tuple[str, ...], font) -> float:
    ws = [measure(font, line) for line in lines]
    return max(ws) - min(ws)


@pytest.mark.parametrize(("text", "width"), [
    (TITLE, 800), (TITLE, 640), (TITLE, 950),
    ("Bupati Resmikan Pasar Rakyat Modern di Kecamatan Trowulan untuk Dorong Ekonomi", 800),
    ("Apel Pagi Bersama Seluruh ASN", 800),
    ("Pelayanan Adminduk Tetap Buka Selama Libur Panjang Idul Fitri", 700),
])
def test_balanced_lines_are_even_with_the_same_count(text: str, width: float) -> None:
    greedy, balanced = greedy_and_balanced(text, width)
    font = fonts.load_font(BOLD, 60)
    assert len(balanced) == len(greedy) >= 2
    assert " ".join(balanced) == text
    assert spread(balanced, font) <= spread(greedy, font)
    assert len(balanced[-1].split()) >= 2, balanced  # no one-word last line


def test_balance_evens_out_a_ragged_title() -> None:
    text = "Bupati Resmikan Pasar Rakyat Modern di Kecamatan Trowulan untuk Dorong Ekonomi"
    greedy, balanced = greedy_and_balanced(text, 880)
    font = fonts.load_font(BOLD, 60)
    assert greedy[-1] == "Ekonomi"  # plain filling leaves one word behind
    assert spread(balanced, font) < spread(greedy, font) / 2


def test_balance_pulls_a_word_down_from_a_lone_last_word() -> None:
    width = measure(fonts.load_font(BOLD, 60), "Apel Pagi Bersama") - 1
    greedy, balanced = greedy_and_balanced("Apel Pagi Bersama", width)
    assert greedy == ("Apel Pagi", "Bersama")
    assert balanced == ("Apel", "Pagi Bersama")


def test_balance_still_fits_by_shrinking() -> None:
    plain = fit_text(TITLE, TextFit(BOLD, 72, 30, None, 1.15), 700, 200)
    balanced = fit_text(TITLE, TextFit(BOLD, 72, 30, None, 1.15, balance=True), 700, 200)
    assert balanced.size == plain.size < 72
    assert len(balanced.lines) == len(plain.lines)
    assert balanced.height <= 200 and not balanced.overflow
    limited = fit_text(TITLE, TextFit(BOLD, 66, 30, max_lines=2, balance=True), 800, 2000)
    assert len(limited.lines) <= 2 and limited.size < 66
    assert " ".join(limited.lines) == TITLE
    cut = fit_text((TITLE + " ") * 6, TextFit(BOLD, 66, 44, 4, 1.12, balance=True), 800, 300)
    assert cut.overflow and len(cut.lines) <= 4 and cut.height <= 300


def test_balance_keeps_hard_line_breaks() -> None:
    text = "Selamat Hari Raya Idul Fitri 1445 H\nMohon Maaf Lahir dan Batin"
    lines = lines_at(text, 700, 60, balance=True)
    assert "\n".join(lines).count("\n") >= 1
    assert re.sub(r"\s+", " ", " ".join(lines)) == text.replace("\n", " ")
    assert any("Idul Fitri" in line for line in lines)


def test_spaces_between_words_are_kept_as_typed() -> None:
    text = "Senin, 21 November 2022  •  Pendopo Kabupaten"
    assert lines_at(text, 2000, 28, BODY) == (text,)
    lines = lines_at(text, measure(fonts.load_font(BODY, 28), "Senin, 21 November 2022") + 3,
                     28, BODY)
    assert lines[0] == "Senin, 21 November 2022"  # the break takes the spaces with it
    assert lines[1].startswith("•  Pendopo")


def test_wrap_takes_any_measure() -> None:
    def by_chars(text: str) -> float:
        return float(len(text))

    assert wrap("satu dua tiga empat", 9, by_chars) == ["satu dua", "tiga", "empat"]
    assert wrap("satu dua tiga empat", 9, by_chars, balance=True) == [
        "satu dua", "tiga", "empat"]
    assert wrap("", 10, by_chars) == []
    assert wrap("a\n\nb", 10, by_chars) == ["a", "", "b"]


def test_without_the_hyphenation_patterns_long_words_are_still_cut(monkeypatch) -> None:
    from kontenopd.core.text import linebreak

    monkeypatch.setattr(linebreak, "_dictionary", lambda: None)
    assert hyphenation_points("pertanggungjawaban") == []
    lines = wrap("pertanggungjawaban", 200, lambda s: measure(FONT, s))
    assert len(lines) > 1
    assert "".join(line.removesuffix("-") for line in lines) == "pertanggungjawaban"
    assert all(measure(FONT, line) <= 200 for line in lines)


def test_kept_units_give_way_before_text_is_cut() -> None:
    title = ("Bupati Mojokerto dr. Hj. Ikfina Fahmawati, M.Si. Resmikan Gedung Mal Pelayanan "
             "Publik Terpadu di Kecamatan Mojosari")
    roomy = fit_text(title, TextFit(BOLD, 44, 44, None, 1.12), 952, 100_000)
    assert len(roomy.lines) == 4  # the name's last word stays with "M.Si." ...
    assert any("Fahmawati, M.Si." in line for line in roomy.lines)
    tight = fit_text(title, TextFit(BOLD, 44, 44, 3, 1.12), 952, 1000)
    assert not tight.overflow and len(tight.lines) == 3  # ... unless that costs the text
    assert " ".join(tight.lines) == title
    assert any("dr. Hj. Ikfina" in line for line in tight.lines)  # only the weakest let go


def test_blank_lines_and_spaces_draw_without_ink_or_error() -> None:
    from PIL import Image, ImageDraw

    from kontenopd.core.text.layout import draw_layout

    layout = fit_text("Baris satu\n\nBaris tiga", TextFit(BOLD, 40, 40), 900, 900)
    assert layout.lines == ("Baris satu", "", "Baris tiga")
    label = fit_text("A  B", TextFit(BOLD, 24, 24, tracking=0.1), 900, 900)
    img = Image.new("L", (900, 400))
    draw_layout(ImageDraw.Draw(img), layout, (0, 0, 900, 300), (255,))
    draw_layout(ImageDraw.Draw(img), label, (0, 300, 900, 100), (255,))
    assert img.getbbox() is not None
