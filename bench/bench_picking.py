"""Speed and verdicts of the photo picker on a WhatsApp-like batch of 40 event photos.

    python bench/bench_picking.py [--photos 40] [--workers N] [--runs 3]

Makes ``--photos`` phone-size JPEGs (4000x3000, quality 88, sensor-like grain) from the
shipped public-domain samples: most are distinct scenes (a sample cropped, flipped and
tinted differently, with sharp shapes drawn on it), some are blurred
(ImageFilter.GaussianBlur 10-16 px), some very dark, one blown out, and some near-duplicates
(a scene shifted by a few pixels and re-compressed, like a burst shot). Then prints the
median wall time of kontenopd.core.photos.picking.score_photos over the batch (decode at proxy
size, sharpness, exposure, pHash, grouping, ranking; with and without 160x120 thumbnails)
and how many of each kind were flagged as expected.
Target (2-core machine): <= 4 s for 40 photos.
The last line, ``RESULT {json}``, repeats the figures for bench/run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps

from kontenopd.core.paths import assets_dir
from kontenopd.core.photos import picking

SAMPLES = ("astronaut.jpg", "cameraman.jpg", "chelsea-cat.jpg", "coffee.jpg",
           "dandelion-field.jpg", "rocket-launch.jpg", "portrait-astronaut.jpg")
SIZE = (4000, 3000)


def _scene(rnd: random.Random, sources: list[Image.Image], index: int) -> Image.Image:
    """A distinct phone-like scene: a crop of a sample, maybe mirrored, tinted, with shapes."""
    src = sources[index % len(sources)]
    w, h = src.size
    cw, ch = int(w * rnd.uniform(0.55, 0.9)), int(h * rnd.uniform(0.55, 0.9))
    x, y = rnd.randint(0, w - cw), rnd.randint(0, h - ch)
    img = src.crop((x, y, x + cw, y + ch)).resize(SIZE, Image.Resampling.BICUBIC)
    variant = index // len(sources) % 4  # the same sample twice looks different
    if variant in (1, 3):
        img = ImageOps.mirror(img)
    if variant in (2, 3):
        img = ImageOps.flip(img)
    tint = Image.new("RGB", SIZE, tuple(rnd.randint(0, 255) for _ in range(3)))
    img = Image.blend(img, tint, rnd.uniform(0.05, 0.2))
    draw = ImageDraw.Draw(img)
    for _ in range(rnd.randint(6, 14)):  # banners, people, chairs: sharp edges at full size
        x0, y0 = rnd.randint(0, SIZE[0] - 200), rnd.randint(0, SIZE[1] - 200)
        box = (x0, y0, x0 + rnd.randint(60, 900), y0 + rnd.randint(60, 700))
        color = tuple(rnd.randint(0, 255) for _ in range(3))
        (draw.rectangle if rnd.random() < 0.5 else draw.ellipse)(box, fill=color)
    return img


def _grain(img: Image.Image, noise: Image.Image) -> Image.Image:
    return Image.blend(img, noise, 0.06)


def make_batch(folder: Path, count: int,
               seed: int = 40) -> tuple[dict[str, list[Path]], dict[Path, Path]]:
    """``count`` JPEGs in ``folder``: the paths by kind (sharp, blurred, dark, bright, dup),
    and each near-duplicate's original."""
    rnd = random.Random(seed)
    sources = [Image.open(assets_dir() / "samples" / n).convert("RGB") for n in SAMPLES]
    noise = Image.effect_noise(SIZE, 24).convert("RGB").filter(ImageFilter.GaussianBlur(0.6))
    n_blur, n_dark, n_bright, n_dup = (max(1, round(count * f)) for f in (0.15, 0.1, 0.03, 0.12))
    n_sharp = max(1, count - n_blur - n_dark - n_bright - n_dup)
    kinds: dict[str, list[Path]] = {"sharp": [], "blurred": [], "dark": [], "bright": [],
                                    "dup": []}
    scenes: list[Image.Image] = []
    twins: dict[Path, Path] = {}
    for i in range(count):
        if i < n_sharp:
            kind, img = "sharp", _scene(rnd, sources, i)
            scenes.append(img)
            img = _grain(img, noise)
        elif i < n_sharp + n_blur:
            kind = "blurred"
            img = _scene(rnd, sources, i).filter(ImageFilter.GaussianBlur(rnd.uniform(10, 16)))
            img = _grain(img, noise.filter(ImageFilter.GaussianBlur(2)))
        elif i < n_sharp + n_blur + n_dark:
            kind = "dark"
            img = ImageEnhance.Brightness(_scene(rnd, sources, i)).enhance(rnd.uniform(0.12, 0.3))
        elif i < n_sharp + n_blur + n_dark + n_bright:
            kind = "bright"
            img = ImageEnhance.Brightness(_scene(rnd, sources, i)).enhance(2.6)
        else:
            kind = "dup"
            base_index = (i * 7) % len(scenes)
            base = scenes[base_index]
            dx, dy = rnd.randint(8, 40), rnd.randint(8, 40)
            img = base.crop((dx, dy, SIZE[0] - 40 + dx, SIZE[1] - 40 + dy)).resize(SIZE)
            img = _grain(ImageEnhance.Brightness(img).enhance(rnd.uniform(0.92, 1.08)), noise)
        path = folder / f"IMG-2026-WA{i:04d}.jpg"
        img.save(path, quality=88)
        kinds[kind].append(path)
        if kind == "dup":
            twins[path] = kinds["sharp"][base_index]
    return kinds, twins


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        kinds, twins = make_batch(folder, args.photos)
        made = time.perf_counter() - t0
        paths = sorted(p for group in kinds.values() for p in group)
        mb = sum(p.stat().st_size for p in paths) / 2**20
        workers = args.workers or picking.default_workers()
        times, thumbed = [], []
        result = None
        for _ in range(args.runs):
            t = time.perf_counter()
            result = picking.score_photos(paths, workers=workers)
            times.append(time.perf_counter() - t)
            t = time.perf_counter()
            picking.score_photos(paths, workers=workers, thumb_size=(160, 120))
            thumbed.append(time.perf_counter() - t)
        assert result is not None
        by_path = {s.path: s for s in result.scores}

        def flagged(kind: str, flag: str) -> str:
            items = kinds[kind]
            hits = sum(flag in by_path[str(p)].flags for p in items)
            return f"{hits}/{len(items)}"

        false_blur = sum(picking.BLURRY in by_path[str(p)].flags for p in kinds["sharp"])
        paired = sum(by_path[str(d)].group == by_path[str(o)].group for d, o in twins.items())
        groups = [by_path[str(p)].group for p in kinds["sharp"]]
        merged = len(groups) - len(set(groups))
        top = result.ranked()[:9]
        top_clean = sum(not s.flags for s in top)
        print(f"batch: {len(paths)} JPEGs {SIZE[0]}x{SIZE[1]} ({mb:.0f} MB), made in "
              f"{made:.1f} s; cores: {os.cpu_count()}, workers: {workers}, runs: {args.runs}")
        print(f"score_photos, {len(paths)} photos: median {statistics.median(times):.2f} s "
              f"(target <= 4 s); {1000 * statistics.median(times) / len(paths):.0f} ms a photo")
        print(f"score_photos with 160x120 thumbnails: median {statistics.median(thumbed):.2f} s")
        print(f"flagged: blurred {flagged('blurred', picking.BLURRY)} buram, dark "
              f"{flagged('dark', picking.DARK)} terlalu gelap, blown out "
              f"{flagged('bright', picking.BRIGHT)} terlalu terang")
        print(f"near-duplicates grouped with their original: {paired}/{len(twins)} (one of "
              f"each pair flagged mirip foto lain)")
        print(f"false alarms on {len(kinds['sharp'])} distinct good photos: {false_blur} buram, "
              f"{merged} grouped with another scene")
        print(f"best 9 offered: {top_clean}/9 without any flag")
        print("RESULT " + json.dumps({
            "photos": len(paths), "workers": workers, "runs": args.runs,
            "score_s": statistics.median(times), "score_thumbs_s": statistics.median(thumbed),
            "blurred_flagged": flagged("blurred", picking.BLURRY),
            "dark_flagged": flagged("dark", picking.DARK),
            "bright_flagged": flagged("bright", picking.BRIGHT),
            "duplicates_grouped": f"{paired}/{len(twins)}",
            "false_alarms": false_blur + merged, "best9_clean": f"{top_clean}/9"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
