"""assets/fonts/coverage.json (tools/font_coverage.py) against the fonts themselves."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from kontenopd.core.text import fonts

ROOT = Path(__file__).resolve().parents[3]
FONTS = ROOT / "assets" / "fonts"


def _cmap(path: Path) -> frozenset[int]:
    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def test_the_shipped_table_matches_every_bundled_font() -> None:
    """Regenerate with tools/font_coverage.py when a font is added or replaced."""
    table = json.loads((FONTS / "coverage.json").read_text(encoding="utf-8"))
    files = sorted(p.relative_to(FONTS).as_posix() for p in FONTS.glob("*/*.ttf"))
    assert sorted(table) == files
    for name in files:
        path = FONTS / name
        fonts.coverage.cache_clear()
        assert fonts.coverage(path) == _cmap(path), name


def test_a_render_of_unusual_text_needs_no_fonttools() -> None:
    """The table answers for the bundled fonts: a process that renders a card with a
    middle dot and an emoji never imports fontTools (its import costs 30-55 ms)."""
    import subprocess

    code = ("import sys\n"
            "from kontenopd.core.text import fonts\n"
            "f = fonts.font_file('Plus Jakarta Sans', 'bold')\n"
            "assert fonts.covers(f, 'Senin · 7 Desember') and not fonts.covers(f, '\U0001F600')\n"
            "print('fontTools' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize("change", ["missing", "other size", "damaged"])
def test_without_a_matching_entry_the_cmap_is_read(tmp_path, monkeypatch, change) -> None:
    root = tmp_path / "fonts"
    shutil.copytree(FONTS / "PlusJakartaSans", root / "PlusJakartaSans")
    table = json.loads((FONTS / "coverage.json").read_text(encoding="utf-8"))
    if change == "other size":
        for entry in table.values():
            entry["bytes"] += 1
    if change == "damaged":
        (root / "coverage.json").write_text("{not json", encoding="utf-8")
    elif change == "other size":
        (root / "coverage.json").write_text(json.dumps(table), encoding="utf-8")
    monkeypatch.setattr(fonts, "fonts_dir", lambda: root)
    fonts.coverage.cache_clear()
    fonts._coverage_table.cache_clear()
    path = root / "PlusJakartaSans" / "PlusJakartaSans_700Bold.ttf"
    try:
        assert fonts._shipped_coverage(path) is None
        assert fonts.coverage(path) == _cmap(path)
    finally:
        fonts.coverage.cache_clear()
        fonts._coverage_table.cache_clear()
