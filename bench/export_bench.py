"""Export benchmark: 50 drafts x 3 formats, all cores vs one process; caption checker cost.

    python bench/export_bench.py [--drafts 50] [--skip-serial]

Generates a few large (3000x2000) camera-like JPEGs first, then exports 50 news-card drafts in
4:5, 1:1 and 9:16 (150 JPEGs + 250 caption files + 50 manifests) with every core, and again
in a single process, and prints wall times and the speed-up. Target: <= 10 s on 2 cores.
The last line, ``RESULT {json}``, repeats the figures for bench/run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

FORMATS = ("4:5", "1:1", "9:16")


def camera_like_photo(path: Path, seed: int, size: tuple[int, int] = (3000, 2000)) -> None:
    """Gradients, shapes, blur and sensor noise: compresses like a phone photo (~1-2 MB)."""
    rng = random.Random(seed)
    w, h = size
    r = Image.linear_gradient("L").resize(size)
    g = Image.radial_gradient("L").resize(size)
    b = r.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    img = Image.merge("RGB", (r, g, b))
    draw = ImageDraw.Draw(img)
    for _ in range(60):
        x, y = rng.randrange(w), rng.randrange(h)
        rx, ry = rng.randrange(40, 500), rng.randrange(40, 500)
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse((x - rx, y - ry, x + rx, y + ry), fill=colour)
        else:
            draw.rectangle((x - rx, y - ry, x + rx, y + ry), fill=colour)
    img = img.filter(ImageFilter.GaussianBlur(2))
    noise = Image.merge("RGB", [Image.effect_noise(size, 40) for _ in range(3)])
    img = Image.blend(img, noise, 0.3)
    img.save(path, quality=90)


def make_jobs(photos: list[Path], n: int):
    from kontenopd.core.export.jobs import ExportJob
    from kontenopd.core.model.records import Draft, PhotoRef, demo_profile
    from kontenopd.core.template.library import load_library

    library = load_library()
    profile = demo_profile()
    photo_templates = [t for t in library.templates.values()
                       if any(f.type == "photo" for f in t.fields)
                       and all(fmt in t.formats for fmt in FORMATS)]
    template = library.get("liputan-kegiatan") if "liputan-kegiatan" in library.templates \
        else photo_templates[0]
    jobs = []
    for i in range(n):
        draft = Draft(template=template.id, formats=list(FORMATS), values=dict(template.sample))
        draft.values["judul"] = f"{template.sample.get('judul', 'Kegiatan')} ({i + 1})"
        field = next(f.key for f in template.fields if f.type == "photo")
        draft.photos[field] = [PhotoRef(str(photos[i % len(photos)]), (0.4, 0.45))]
        jobs.append(ExportJob.from_draft(draft, profile))
    return library, jobs


def _cpu() -> float:
    t = os.times()  # children's times count once the pool's workers have exited (POSIX)
    return t.user + t.system + t.children_user + t.children_system


def run(jobs, library, workers: int | None) -> tuple[float, int, float]:
    """Wall time, number of JPEGs, CPU seconds (this process + its finished children)."""
    from kontenopd.core.export.exporter import export

    out = Path(tempfile.mkdtemp(prefix="kontenopd-bench-out-"))
    try:
        cpu = _cpu()
        start = time.perf_counter()
        report = export(jobs, out, library=library, workers=workers)
        elapsed = time.perf_counter() - start
        cpu = _cpu() - cpu
        if not report.ok:
            raise SystemExit(f"export failed: {report.errors[:3]}")
        return elapsed, len([f for f in report.files if f.suffix == ".jpg"]), cpu
    finally:
        shutil.rmtree(out, ignore_errors=True)


def load_average() -> str:
    """The machine's 1, 5 and 15-minute load, printed beside every figure."""
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg())
    except (AttributeError, OSError):
        return "n/a"


def bench_checker() -> dict[str, float]:
    from kontenopd.core.captions.check import check_caption

    text = ("Bupati membuka pelatihan 🇮🇩 pemasaran digital bagi 150 pelaku UMKM di "
            "Pendopo, https://contohkab.go.id/berita #ContohKab @diskominfo\n") * 16
    text = text[:2200]
    result = {}
    for platform in ("instagram", "x"):
        times = []
        for _ in range(200):
            t0 = time.perf_counter()
            check_caption(text, platform)
            times.append(time.perf_counter() - t0)
        print(f"check_caption({platform}, {len(text)} chars): "
              f"median {statistics.median(times) * 1e3:.2f} ms per keystroke")
        result[f"caption_{platform}_ms"] = statistics.median(times) * 1e3
    long_text = "Lorem ipsum dolor sit amet 😀 " * 2100  # ~63,000 characters (Facebook max)
    t0 = time.perf_counter()
    check_caption(long_text, "facebook")
    result["caption_facebook_long_ms"] = (time.perf_counter() - t0) * 1e3
    print(f"check_caption(facebook, {len(long_text)} chars): "
          f"{result['caption_facebook_long_ms']:.1f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--drafts", type=int, default=50)
    parser.add_argument("--skip-serial", action="store_true")
    args = parser.parse_args()
    cores = (os.process_cpu_count() if hasattr(os, "process_cpu_count")
             else os.cpu_count()) or 1
    work = Path(tempfile.mkdtemp(prefix="kontenopd-bench-"))
    try:
        photos = []
        t0 = time.perf_counter()
        for i in range(5):
            path = work / f"foto{i}.jpg"
            camera_like_photo(path, seed=i)
            photos.append(path)
        sizes = ", ".join(f"{p.stat().st_size / 2**20:.1f}" for p in photos)
        print(f"generated 5 photos 3000x2000 ({sizes} MB) in {time.perf_counter() - t0:.1f} s")
        # every draft gets its own file, as in real use: no photo decode is shared
        copies = []
        for i in range(args.drafts):
            copy = work / f"draf{i:02d}.jpg"
            shutil.copyfile(photos[i % len(photos)], copy)
            copies.append(copy)
        library, jobs = make_jobs(copies, args.drafts)
        print(f"{len(jobs)} drafts x {len(FORMATS)} formats ({', '.join(FORMATS)}), "
              f"template {jobs[0].draft.template}, {cores} cores")
        print(f"load average before: {load_average()}")
        parallel, files, pcpu = run(jobs, library, None)
        result = {"all_cores_s": parallel, "images": files, "cores": cores,
                  "all_cores_per_image_ms": parallel / files * 1e3}
        print(f"all cores ({cores} processes): {parallel:.2f} s wall for {files} JPEGs "
              f"({parallel / files * 1e3:.0f} ms per image; CPU {pcpu:.1f} s; "
              f"target <= 10 s on 2 cores)")
        if not args.skip_serial:
            serial, _, scpu = run(jobs, library, 0)
            print(f"one process:             {serial:.2f} s wall "
                  f"({serial / files * 1e3:.0f} ms per image; CPU {scpu:.1f} s)")
            print(f"speed-up: {serial / parallel:.2f}x")
            result.update(one_process_s=serial, speedup=serial / parallel)
        print(f"load average after: {load_average()} (other programs on the machine skew "
              "wall times)")
        small = jobs[:1]
        pooled, _, _ = run(small, library, 2)
        inproc, _, _ = run(small, library, 0)
        print(f"one draft x 3 formats: {inproc:.2f} s in-process, {pooled:.2f} s with a fresh "
              f"2-process pool (start-up cost)")
        result.update(one_draft_in_process_s=inproc, one_draft_fresh_pool_s=pooled)
        result.update(bench_checker())
        print("RESULT " + json.dumps(result))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":  # required: worker processes are spawned and re-import this file
    main()
