"""Save/load times of a 10-photo draft file (prints figures; not part of the test run).

    python bench/draft_bench.py

Cases: phone photos (4032x3024 JPEG, stored as they are, metadata stripped) and camera
photos (6000x4000 JPEG, capped to 4096 px once, then reused from the in-process cache).
The last line, ``RESULT {json}``, repeats the figures for bench/run.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from PIL import Image

from kontenopd.core.io import draft_photos as drafts
from kontenopd.core.io.draft_file import load_draft, save_draft
from kontenopd.core.model.records import Draft, PhotoRef, demo_profile
from kontenopd.core.template.library import load_library

RUNS = 5


def photo(path: Path, size: tuple[int, int], seed: int) -> Path:
    """A photo-like JPEG: smooth gradients plus sensor-like noise (compresses like a photo)."""
    w, h = size
    grad = Image.linear_gradient("L").resize((w, h))
    noise = Image.effect_noise((w // 2, h // 2), 40 + seed).resize((w, h))
    rgb = Image.merge("RGB", (grad, noise, grad.rotate(180)))
    exif = Image.Exif()
    exif[0x010F] = "KameraPonsel"
    rgb.save(path, "JPEG", quality=90, exif=exif)
    return path


def timed(fn, runs: int = RUNS) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def draft_with(paths: list[Path]) -> Draft:
    return Draft("carousel-kegiatan" if "carousel-kegiatan" in load_library().templates
                 else "liputan-kegiatan",
                 values={"judul": "Kunjungan Kerja Bupati ke Sentra UMKM", "tanggal": "2022-11-21"},
                 photos={"foto": [PhotoRef(str(p), (0.5, 0.4)) for p in paths]})


def main() -> None:
    os.environ.setdefault("KONTENOPD_HOME", tempfile.mkdtemp(prefix="kontenopd-bench-home-"))
    tmp = Path(tempfile.mkdtemp(prefix="kontenopd-bench-"))
    profile = demo_profile()
    result: dict[str, float] = {}
    try:
        for label, size in (("phone 4032x3024", (4032, 3024)), ("camera 6000x4000", (6000, 4000))):
            paths = [photo(tmp / f"{label[:5]}-{i}.jpg", size, i) for i in range(10)]
            mb = sum(p.stat().st_size for p in paths) / 2**20
            draft = draft_with(paths)
            target = tmp / f"{label[:5]}.kontenopd"
            drafts._PREPARED.clear()  # measure a cold first save
            start = time.perf_counter()
            save_draft(target, draft, profile)
            first = (time.perf_counter() - start) * 1000
            resave, _ = timed(lambda: save_draft(target, draft, profile))  # noqa: B023
            work = tmp / "work"
            load, opened = timed(lambda: load_draft(target, workdir=work))  # noqa: B023
            resave_opened, _ = timed(
                lambda: save_draft(target, opened.draft, opened.profile))  # noqa: B023
            size_mb = target.stat().st_size / 2**20
            print(f"{label}: 10 photos, {mb:.1f} MB of JPEG in, draft file {size_mb:.1f} MB")
            print(f"  first save (cold)              {first:7.0f} ms")
            print(f"  save again (same photos)       {resave:7.0f} ms  (median of {RUNS})")
            print(f"  open (extract + check photos)  {load:7.0f} ms  (median of {RUNS})")
            print(f"  save the opened draft          {resave_opened:7.0f} ms  (median of {RUNS})")
            kind = label.split()[0]
            result.update({f"{kind}_first_save_ms": first, f"{kind}_save_again_ms": resave,
                           f"{kind}_open_ms": load, f"{kind}_save_opened_ms": resave_opened,
                           f"{kind}_file_mb": size_mb})
            shutil.rmtree(work, ignore_errors=True)
        print("RESULT " + json.dumps(result))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
