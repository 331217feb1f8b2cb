"""Write assets/fonts/coverage.json: the code points each bundled font has glyphs for.

    python tools/font_coverage.py

The renderer asks whether a font covers a text (emoji and rare letters fall back to another
family). Reading a font's cmap takes fontTools, whose import alone costs 30-55 ms in every
process that renders; the bundled fonts never change, so their coverage is read here once
and shipped as ranges. core/text/fonts.py uses the file when a font's name and size match
it, and fontTools otherwise; tests/core/text/test_font_coverage.py keeps it in step.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "assets" / "fonts"
OUT = FONTS / "coverage.json"


def ranges(points: set[int]) -> list[list[int]]:
    """Sorted code points as inclusive [first, last] runs."""
    runs: list[list[int]] = []
    for cp in sorted(points):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return runs


def table(fonts: Path = FONTS) -> dict[str, dict[str, object]]:
    found: dict[str, dict[str, object]] = {}
    for path in sorted([*fonts.glob("*/*.ttf"), *fonts.glob("*/*.otf")]):
        with TTFont(str(path), lazy=True) as font:
            points = set(font.getBestCmap() or {})
        found[path.relative_to(fonts).as_posix()] = {"bytes": path.stat().st_size,
                                                     "ranges": ranges(points)}
    return found


def main() -> int:
    text = json.dumps(table(), separators=(",", ":"), sort_keys=True)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(text) // 1024} KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
