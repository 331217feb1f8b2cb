"""Render speed of a 1080x1350 news card from a 12 MP JPEG.

    python bench/render_bench.py [--runs 15]

Prints the median time of a render with the photo not yet decoded (a fresh PhotoCache each
run: file read + draft-mode JPEG decode + crop/resample + layers) and with the photo already
decoded and framed (a re-render while the user types: the PhotoCache keeps the decoded photo
and its last crops). Also prints the in-between case, a decoded photo whose focal point
moved (a new crop and resample), and a half-scale preview.
Targets (2-core machine): <= 150 ms cold, <= 40 ms cached.
The last line, ``RESULT {json}``, repeats the figures for bench/run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageFilter

from kontenopd.core.model.records import Draft, PhotoRef, demo_profile
from kontenopd.core.paths import assets_dir
from kontenopd.core.photos.cache import PhotoCache
from kontenopd.core.render import render
from kontenopd.core.template.library import load_library


def make_photo(path: Path, size: tuple[int, int] = (4032, 3024)) -> Path:
    """A 12.2 MP phone-like JPEG: the sample photo upscaled, with sensor-like grain."""
    base = Image.open(assets_dir() / "samples" / "dandelion-field.jpg").convert("RGB")
    big = base.resize(size, Image.Resampling.BICUBIC)
    noise = Image.effect_noise(size, 18).convert("RGB").filter(ImageFilter.GaussianBlur(0.6))
    Image.blend(big, noise, 0.08).save(path, quality=92)
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    library = load_library()
    template = library.get("liputan-kegiatan")
    profile = demo_profile()
    with tempfile.TemporaryDirectory() as tmp:
        photo = make_photo(Path(tmp) / "hp-12mp.jpg")
        with Image.open(photo) as img:
            megapixels = img.width * img.height / 1e6
            dims = img.size
        draft = Draft(template.id, values=dict(template.sample),
                      photos={"foto": [PhotoRef(str(photo), (0.4, 0.5))]})
        render(template, "4:5", draft, profile)  # warm fonts and templates once

        cold = []
        for _ in range(args.runs):
            cache = PhotoCache()
            t0 = time.perf_counter()
            render(template, "4:5", draft, profile, photos=cache)
            cold.append(time.perf_counter() - t0)

        cache = PhotoCache()
        render(template, "4:5", draft, profile, photos=cache)
        warm = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            render(template, "4:5", draft, profile, photos=cache)
            warm.append(time.perf_counter() - t0)

        moved = []  # decoded photo reused, but the focal point moved: a fresh crop + resample
        for i in range(args.runs):
            draft.photos["foto"] = [PhotoRef(str(photo), (0.3 + 0.02 * i, 0.5))]
            t0 = time.perf_counter()
            render(template, "4:5", draft, profile, photos=cache)
            moved.append(time.perf_counter() - t0)

        preview = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            render(template, "4:5", draft, profile, photos=cache, scale=0.5)
            preview.append(time.perf_counter() - t0)

    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    print(f"photo: {dims[0]}x{dims[1]} JPEG ({megapixels:.1f} MP), runs: {args.runs}")
    print(f"render 1080x1350, photo not yet decoded: median {ms(cold):6.1f} ms  (target <= 150)")
    print(f"render 1080x1350, photo already decoded: median {ms(warm):6.1f} ms  (target <= 40)")
    print(f"render 1080x1350, decoded, focal point moved: median {ms(moved):6.1f} ms")
    print(f"preview  540x675, photo already decoded: median {ms(preview):6.1f} ms")
    print("RESULT " + json.dumps({"cold_ms": ms(cold), "warm_ms": ms(warm),
                                  "moved_ms": ms(moved), "preview_ms": ms(preview),
                                  "runs": args.runs}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
