"""The bundled font families: lookup by family, weight and style, glyph coverage."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import ImageFont

from ..paths import fonts_dir

WEIGHTS = {
    "regular": 400, "medium": 500, "semibold": 600, "bold": 700, "extrabold": 800,
    "black": 900,
}
FALLBACK_FAMILY = "Noto Sans"
_FILE = re.compile(r".+_(\d{3})[A-Za-z]+(_Italic)?\.(?:ttf|otf)$")


@dataclass(frozen=True)
class FontFamily:
    name: str
    folder: Path
    css_class: str  # "sans" or "serif"
    files: dict[tuple[int, bool], Path]  # (weight, italic) -> file

    def file_for(self, weight: int, italic: bool = False) -> Path:
        """The closest available face: same style first, then nearest weight (heavier wins)."""
        pool = [k for k in self.files if k[1] == italic] or list(self.files)
        best = min(pool, key=lambda k: (abs(k[0] - weight), -k[0]))
        return self.files[best]


@cache
def families(folder: Path | None = None) -> dict[str, FontFamily]:
    """Every bundled family by name, read from assets/fonts/*/family.json."""
    root = folder or fonts_dir()
    found: dict[str, FontFamily] = {}
    for meta in sorted(root.glob("*/family.json")):
        info = json.loads(meta.read_text(encoding="utf-8"))
        files: dict[tuple[int, bool], Path] = {}
        for path in meta.parent.iterdir():
            match = _FILE.match(path.name)
            if match:
                files[(int(match.group(1)), bool(match.group(2)))] = path
        if files:
            found[info["name"]] = FontFamily(info["name"], meta.parent, info.get("class", "sans"),
                                             files)
    return found


def family_names() -> list[str]:
    return sorted(families())


def resolve_weight(weight: str | int) -> int:
    if isinstance(weight, int):
        return weight
    if weight.isdigit():
        return int(weight)
    return WEIGHTS[weight]


def font_file(family: str, weight: str | int = "regular", italic: bool = False) -> Path:
    """The file for a family/weight; unknown families fall back to Noto Sans."""
    table = families()
    fam = table.get(family) or table[FALLBACK_FAMILY]
    return fam.file_for(resolve_weight(weight), italic)


@lru_cache(maxsize=512)
def load_font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """A FreeType font with raqm shaping, cached by file and pixel size."""
    return ImageFont.truetype(str(path), max(1, int(size)), layout_engine=ImageFont.Layout.RAQM)


@cache
def coverage(path: Path) -> frozenset[int]:
    """Code points the font has glyphs for: from assets/fonts/coverage.json for a bundled
    font (same name and size), else read once from its cmap with fontTools, whose import
    alone costs more than a warm render."""
    shipped = _shipped_coverage(path)
    if shipped is not None:
        return shipped
    from fontTools.ttLib import TTFont  # noqa: PLC0415 - a font the table does not know

    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


@cache
def _coverage_table(root: Path) -> dict[str, dict[str, object]]:
    """tools/font_coverage.py's table of the bundled fonts ({} when absent or damaged)."""
    try:
        table = json.loads((root / "coverage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return table if isinstance(table, dict) else {}


def _shipped_coverage(path: Path) -> frozenset[int] | None:
    root = fonts_dir()
    try:
        key = path.resolve().relative_to(root.resolve()).as_posix()
        size = path.stat().st_size
    except (OSError, ValueError):
        return None
    entry = _coverage_table(root).get(key)
    if not isinstance(entry, dict) or entry.get("bytes") != size:
        return None  # not bundled, or replaced since the table was written
    try:
        return frozenset(cp for first, last in entry["ranges"]  # type: ignore[attr-defined]
                         for cp in range(first, last + 1))
    except (KeyError, TypeError, ValueError):
        return None


def covers(path: Path, text: str) -> bool:
    """True when every visible character of ``text`` has a glyph in the font."""
    if text.isascii():
        return True  # every bundled family covers ASCII
    cmap = coverage(path)
    return all(ord(ch) in cmap for ch in text if not ch.isspace())


def missing_chars(path: Path, text: str) -> str:
    cmap = coverage(path)
    return "".join(dict.fromkeys(ch for ch in text if not ch.isspace() and ord(ch) not in cmap))
