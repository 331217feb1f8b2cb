"""One parser for list fields: what the form's table shows is what the card draws."""

from __future__ import annotations

import pytest

from kontenopd.core.editing import join_lines, list_lines
from kontenopd.core.render import list_items


@pytest.mark.parametrize(("value", "rows"), [
    ("12.480 | KTP dicetak\n97% | Selesai", [["12.480", "KTP dicetak"], ["97%", "Selesai"]]),
    ("12.480|KTP dicetak;97%|Selesai", [["12.480", "KTP dicetak"], ["97%", "Selesai"]]),
    ("1|a|lebih\n\n2", [["1", "a"], ["2", ""]]),  # extra cells dropped, missing ones empty
    ([{"nilai": "8.000", "keterangan": "ASN"}], [["8.000", "ASN"]]),
    ([["8.000", " ASN "]], [["8.000", "ASN"]]),
    (None, []),
    ("", []),
])
def test_columned_lists_read_the_same_in_the_form_and_the_card(value, rows) -> None:
    assert list_lines(value, 2) == rows
    names = [{"nilai": a, "keterangan": b} for a, b in rows]
    drawn = [i for i in list_items(value, ("nilai", "keterangan")) if any(i.values())]
    assert drawn == names


def test_plain_lists_keep_bars_and_drop_empty_items() -> None:
    value = "Fotokopi KK\n\nSurat pengantar RT | RW\n  Pas foto 3x4  "
    assert list_lines(value, 1) == [["Fotokopi KK"], ["Surat pengantar RT | RW"],
                                    ["Pas foto 3x4"]]
    assert list_items(value) == ["Fotokopi KK", "Surat pengantar RT | RW", "Pas foto 3x4"]
    assert list_lines(["a", "", "b"], 1) == [["a"], ["b"]]
    assert join_lines(list_lines(value, 1)) == ("Fotokopi KK\nSurat pengantar RT | RW\n"
                                                "Pas foto 3x4")
