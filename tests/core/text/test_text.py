from kontenopd.core.text import fonts
from kontenopd.core.text.layout import ELLIPSIS, TextFit, clean_text, fit_text, measure

BOLD = fonts.font_file("Plus Jakarta Sans", "extrabold")
TITLE = "Bupati Resmikan Pasar Rakyat Modern di Kecamatan Trowulan untuk Dorong Ekonomi Desa"


def test_short_text_keeps_its_size_on_one_line() -> None:
    layout = fit_text("Apel Pagi", TextFit(BOLD, 72, 44, 5), 900, 400)
    assert layout.size == 72
    assert layout.lines == ("Apel Pagi",)
    assert not layout.overflow


def test_wraps_within_width_and_keeps_every_word() -> None:
    layout = fit_text(TITLE, TextFit(BOLD, 60, 60, None), 600, 2000)
    assert len(layout.lines) > 2
    assert all(measure(layout.font, line) <= 600 for line in layout.lines)
    assert " ".join(layout.lines) == TITLE


def test_shrinks_to_the_largest_size_that_fits() -> None:
    layout = fit_text(TITLE, TextFit(BOLD, 72, 30, None, 1.15), 700, 200)
    assert 30 <= layout.size < 72
    assert layout.height <= 200 and not layout.overflow
    bigger = fit_text(TITLE, TextFit(BOLD, layout.size + 1, layout.size + 1, None, 1.15), 700,
                      10_000)
    assert bigger.height > 200  # one size up would not have fitted


def test_max_lines_forces_a_smaller_size() -> None:
    free = fit_text(TITLE, TextFit(BOLD, 66, 66), 800, 2000)
    limited = fit_text(TITLE, TextFit(BOLD, 66, 30, max_lines=2), 800, 2000)
    assert len(free.lines) > 2
    assert len(limited.lines) <= 2 and limited.size < 66


def test_text_that_cannot_fit_is_cut_with_ellipsis_and_flagged() -> None:
    long_title = (TITLE + " ") * 6
    layout = fit_text(long_title, TextFit(BOLD, 66, 44, 4, 1.12), 800, 300)
    assert layout.overflow
    assert layout.size == 44
    assert len(layout.lines) <= 4
    assert layout.lines[-1].endswith(ELLIPSIS)
    assert all(measure(layout.font, line) <= 800 for line in layout.lines)
    assert layout.height <= 300


def test_word_wider_than_the_box_is_broken_not_lost() -> None:
    url = "https://diskominfo.contohkab.go.id/berita/2022/11/21/apel-pagi-seluruh-asn"
    layout = fit_text(url, TextFit(BOLD, 40, 40), 400, 1000)
    assert "".join(layout.lines) == url
    assert all(measure(layout.font, line) <= 400 for line in layout.lines)


def test_newlines_from_spreadsheets_are_kept() -> None:
    layout = fit_text("Baris satu\r\nBaris dua\rBaris tiga", TextFit(BOLD, 40, 40), 900, 900)
    assert layout.lines == ("Baris satu", "Baris dua", "Baris tiga")


def test_tracking_widens_caps_labels_without_wrapping() -> None:
    plain = fit_text("LIPUTAN", TextFit(BOLD, 24, 24), 900, 100)
    tracked = fit_text("LIPUTAN", TextFit(BOLD, 24, 24, tracking=0.1), 900, 100)
    assert tracked.width > plain.width + 6 * 2


def test_clean_text_drops_control_characters() -> None:
    assert clean_text("A\x00B\u200bC\tD") == "ABC D"


def test_a_word_wider_than_the_box_is_broken_shorter_not_an_error(monkeypatch) -> None:
    """A word far wider than the box is broken into pieces that fit (at Indonesian
    hyphenation points, with a "-"), never a crash. Pillow's ImageText wrap, which could refuse
    a piece ("Word does not fit within line"), is no longer used at all."""
    from PIL import ImageText

    from kontenopd.core.text.layout import _wrap

    def refuse(self, *args, **kwargs):
        raise ValueError("Word does not fit within line")

    monkeypatch.setattr(ImageText.Text, "wrap", refuse)
    font = fonts.load_font(fonts.font_file("Plus Jakarta Sans", "bold"), 60)
    word = "Pemberdayaan" * 10
    for text in (word, word + " kata"):
        lines = _wrap(text, font, 400)
        assert len(lines) > 3
        assert all(measure(font, line) <= 400 for line in lines)
        joined = "".join(line.removesuffix("-") for line in lines)
        assert joined.replace(" ", "") == text.replace(" ", "")
