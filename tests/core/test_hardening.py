"""Small guarantees: reproducible output files and a sandbox that cannot exhaust memory."""

import pytest
from PIL import Image

from kontenopd.core.io.imagefile import save_image, srgb_icc
from kontenopd.core.template.budgets import ExpressionError
from kontenopd.core.template.sandbox import render_string


def test_icc_profile_carries_no_timestamp_so_files_are_reproducible(tmp_path):
    icc = srgb_icc()
    assert icc[24:36] == bytes(12)
    assert icc[84:100] == bytes(16)
    img = Image.new("RGB", (64, 64), (10, 120, 200))
    a = save_image(img, tmp_path / "a.jpg").read_bytes()
    b = save_image(img, tmp_path / "b.jpg").read_bytes()
    assert a == b


@pytest.mark.parametrize("bomb", ["{{ 'a' * 10**9 }}", "{{ [0] * 10**7 }}",
                                  "{{ 2 ** 100000000 }}"])
def test_sandbox_refuses_memory_bombs(bomb):
    with pytest.raises(ExpressionError, match="batas templat terlampaui"):
        render_string(bomb, {})


def test_sandbox_still_allows_ordinary_arithmetic():
    assert render_string("{{ '-' * 3 }} {{ 2 ** 8 }} {{ 6 * 7 }}", {}) == "--- 256 42"
