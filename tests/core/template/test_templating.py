from datetime import date

import pytest

from kontenopd.core.model.records import Profile
from kontenopd.core.template.budgets import ExpressionError
from kontenopd.core.template.sandbox import evaluate, render_string


def test_indonesian_filters() -> None:
    ctx = {"t": date(2022, 11, 21), "jam": "08.00", "profile": Profile(timezone="WITA"),
           "n": 8000}
    out = render_string("{{ t | tanggal }}, {{ jam | pukul }}, {{ n | angka }} ASN", ctx)
    assert out == "Senin, 21 November 2022, pukul 08.00 WITA, 8.000 ASN"
    assert render_string("{{ t | dateline('Mojokerto') }}", ctx) == \
        "Mojokerto, Senin (21/11/2022) –"
    assert render_string("{{ 'hari jadi kabupaten ke-75' | hashtag }}", {}) == \
        "#HariJadiKabupatenKe75"
    assert render_string("{{ 'pelayanan di desa dan kota' | judul }}", {}) == \
        "Pelayanan di Desa dan Kota"


def test_empty_values_give_empty_text() -> None:
    assert render_string("{{ t | tanggal }}{{ j | pukul }}", {"t": "", "j": ""}) == ""


def test_unknown_names_fail_clearly() -> None:
    with pytest.raises(ExpressionError, match="nama tidak dikenal"):
        render_string("{{ judull }}", {"judul": "x"})


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ profile.__class__.__init__.__globals__ }}",
    "{{ (1).__class__.__base__ }}",
])
def test_sandbox_blocks_python_internals(attack: str) -> None:
    with pytest.raises(ExpressionError, match="tidak diizinkan"):
        render_string(attack, {"profile": Profile()})


def test_conditions() -> None:
    assert evaluate("foto and not bw", {"foto": [1], "bw": False}) is True
    assert not evaluate("foto", {"foto": []})
