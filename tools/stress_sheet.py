"""Render the publishability stress set and draw one contact sheet per template.

    python tools/stress_sheet.py -o /tmp/stress [TEMPLATE_ID ...]

Prints each render's problems (overlap, cut text, text outside the visible zone, low contrast)
read from the layout report, and writes <out>/<template>.png: every case in every format.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PIL import Image, ImageDraw

from kontenopd.core.model.records import demo_profile
from kontenopd.core.render import render, slide_count, stress
from kontenopd.core.template.library import load_library
from kontenopd.core.text.fonts import font_file, load_font


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", "--out", type=Path, required=True)
    ap.add_argument("ids", nargs="*")
    ap.add_argument("--height", type=int, default=520)
    args = ap.parse_args()
    lib = load_library()
    profile = stress.stress_profile(demo_profile())
    photos = stress.make_photos(args.out / "photos")
    font = load_font(font_file("Inter", "semibold"), 22)
    bad = 0
    for tid, template in lib.templates.items():
        if args.ids and tid not in args.ids:
            continue
        rows = []
        for case, draft in stress.cases(template, photos):
            row = []
            for fmt in template.format_keys:
                for slide in range(slide_count(template, draft, fmt)):
                    result = render(template, fmt, draft, profile, slide=slide)
                    found = stress.problems(result)
                    bad += bool(found)
                    for p in found:
                        print(f"{tid} {fmt} #{slide + 1} {case.name}: {p}")
                    img = result.image
                    img = img.resize((round(img.width * args.height / img.height), args.height))
                    row.append((img, f"{fmt} #{slide + 1} {'✖' if found else '✔'}"))
            rows.append((case.name, row))
        width = max(sum(i.width + 12 for i, _ in row) for _, row in rows) + 12
        sheet = Image.new("RGB", (width, len(rows) * (args.height + 48) + 12), (235, 235, 235))
        d = ImageDraw.Draw(sheet)
        for r, (name, row) in enumerate(rows):
            x, y = 12, 12 + r * (args.height + 48)
            d.text((x, y), name, font=font, fill=(20, 20, 20))
            for img, label in row:
                sheet.paste(img, (x, y + 30))
                d.text((x + 100 + len(name) * 6, y), "", font=font)
                d.text((x, y + 30 + args.height - 2), label, font=font, fill=(160, 0, 0)
                       if "✖" in label else (0, 110, 0))
                x += img.width + 12
        args.out.mkdir(parents=True, exist_ok=True)
        sheet.save(args.out / f"{tid}.png")
    print(f"{bad} renders with problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
