"""The yardstick for issue #16: a lean, hand-written Pillow script against KontenOPD.

    python bench/pillow_card.py [--runs 5] [--drafts 20]

The script (``script_card`` below, written for this comparison and nothing else) renders the
same 1080x1350 news card KontenOPD's liputan-kegiatan draws, the way a careful developer
would by hand: one process, fonts and the logo/gradient masks prepared once, the photo
opened with ``Image.draft`` (DCT-scaled JPEG decode), ``ImageOps.fit`` with LANCZOS, masks
pasted, text with Raqm, JPEG quality 90. No fitting of long text, no safe zones, no contrast
check, no captions, no manifest: what KontenOPD does on top is the point of the comparison.

Prints, from a 5312x2988 progressive JPEG (a 16 MP camera photo):
- one card per process: ``kontenopd render`` against ``python bench/pillow_card.py --one``
  (both as fresh processes, the way a user or a script calls them), median of ``--runs``;
- batch: ``--drafts`` drafts x 3 formats with ``kontenopd export`` on every core, per image,
  against the script on one core, per card;
and the ratios (targets: one card per process <= 1.0x, batch per image <= 0.30x).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))  # export_bench's photo maker and load average
FONTS = ROOT / "assets" / "fonts" / "PlusJakartaSans"
LOGOS = ROOT / "assets" / "profiles" / "demo"
SIZE = (1080, 1350)
TITLE = "Bupati Buka Pelatihan Pemasaran Digital bagi 150 Pelaku UMKM di Pendopo Kabupaten"
FORMATS = ("4:5", "1:1", "9:16")


class Card:
    """What a script prepares once: fonts, logos, the scrim mask."""

    def __init__(self) -> None:
        bold = next(FONTS.glob("*ExtraBold*.ttf"), None) or next(FONTS.glob("*Bold*.ttf"))
        regular = next(FONTS.glob("*Regular*.ttf"))
        engine = ImageFont.Layout.RAQM if ImageFont.core.HAVE_RAQM else ImageFont.Layout.BASIC
        self.title = ImageFont.truetype(str(bold), 64, layout_engine=engine)
        self.small = ImageFont.truetype(str(regular), 28, layout_engine=engine)
        self.logos = [Image.open(LOGOS / name).convert("RGBA").resize((96, 96),
                                                                      Image.Resampling.LANCZOS)
                      for name in ("pemda.png", "opd.png")]
        self.scrim = Image.linear_gradient("L").resize((SIZE[0], 700))  # dark at the bottom

    def render(self, photo: Path, out: Path) -> None:
        with Image.open(photo) as img:
            img.draft("RGB", (SIZE[0], SIZE[1]))
            card = ImageOps.fit(img.convert("RGB"), SIZE, Image.Resampling.LANCZOS,
                                centering=(0.5, 0.45))
        black = Image.new("RGB", (SIZE[0], 700), (0, 0, 0))
        card.paste(black, (0, SIZE[1] - 700), self.scrim)
        draw = ImageDraw.Draw(card)
        draw.rectangle((0, 0, SIZE[0], 140), fill=(12, 59, 110))
        for i, logo in enumerate(self.logos):
            card.paste(logo, (64 + i * 112, 22), logo)
        draw.text((300, 40), "PEMERINTAH KABUPATEN CONTOH", font=self.small, fill="white")
        draw.text((300, 76), "Dinas Komunikasi dan Informatika", font=self.small, fill="white")
        lines, line = [], ""
        for word in TITLE.split():
            trial = f"{line} {word}".strip()
            if draw.textlength(trial, font=self.title) > SIZE[0] - 128 and line:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
        y = SIZE[1] - 160 - 76 * len(lines)
        for text in lines:
            draw.text((64, y), text, font=self.title, fill="white")
            y += 76
        draw.text((64, SIZE[1] - 130), "Senin, 21 November 2022 · Pendopo Kabupaten",
                  font=self.small, fill=(230, 230, 230))
        draw.rectangle((0, SIZE[1] - 80, SIZE[0], SIZE[1]), fill=(12, 59, 110))
        draw.text((64, SIZE[1] - 58), "@diskominfo.contohkab", font=self.small, fill="white")
        card.save(out, quality=90)


def make_photo(path: Path) -> Path:
    from export_bench import camera_like_photo

    camera_like_photo(path, seed=7, size=(5312, 2988))
    with Image.open(path) as img:
        img.save(path, quality=90, progressive=True)
    return path


def _median_run(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def one_per_process(photo: Path, work: Path, runs: int) -> tuple[float, float]:
    kontenopd = shutil.which("kontenopd", path=str(Path(sys.executable).parent)) or "kontenopd"
    ours = _median_run([kontenopd, "render", "liputan-kegiatan", "--format", "4:5",
                        "--set", f"judul={TITLE}", "--set", "tanggal=2022-11-21",
                        "--set", "lokasi=Pendopo Kabupaten", "--photo", f"foto={photo}",
                        "-o", str(work / "ours.jpg")], runs)
    script = _median_run([sys.executable, __file__, "--one", str(photo),
                          str(work / "script.jpg")], runs)
    return ours, script


def batch(photo: Path, work: Path, drafts: int) -> tuple[float, float]:
    """Seconds per image for kontenopd export (all cores) and per card for the script."""
    from dataclasses import replace

    from kontenopd.core.export.exporter import export
    from kontenopd.core.export.jobs import ExportJob
    from kontenopd.core.model.records import Draft, PhotoRef, demo_profile
    from kontenopd.core.template.library import load_library

    library = load_library()
    template = library.get("liputan-kegiatan")
    profile = replace(demo_profile(), pemda_name="Pemerintah Kabupaten Bench", city="Bench",
                      website="bench.go.id", handles={}, hashtags=(), hashtag_groups={})
    copies = []
    for i in range(drafts):
        copy = work / f"foto{i:02d}.jpg"
        shutil.copyfile(photo, copy)
        copies.append(copy)
    jobs = [ExportJob.from_draft(Draft(template.id, formats=list(FORMATS),
                                       values={**template.sample, "judul": f"{TITLE} {i}"},
                                       photos={"foto": [PhotoRef(str(p), (0.5, 0.45))]}),
                                 profile, platforms=["instagram"])
            for i, p in enumerate(copies)]
    out = work / "export"
    start = time.perf_counter()
    report = export(jobs, out, library=library)
    elapsed = time.perf_counter() - start
    images = [f for f in report.files if f.suffix == ".jpg"]
    if not report.ok or not images:
        raise SystemExit(f"export failed: {report.errors[:3]} {report.blocked[:3]}")
    ours = elapsed / len(images)
    card = Card()
    start = time.perf_counter()
    for i, p in enumerate(copies):
        card.render(p, work / f"script{i:02d}.jpg")
    script = (time.perf_counter() - start) / len(copies)
    return ours, script


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        Card().render(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    from export_bench import load_average

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--drafts", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kontenopd-pillow-bench-"))
    try:
        photo = make_photo(work / "kamera-5312x2988.jpg")
        print(f"photo 5312x2988 progressive JPEG, {os.cpu_count()} cores, load "
              f"{load_average()}")
        ours, script = one_per_process(photo, work, args.runs)
        print(f"one card per process: kontenopd render {ours * 1e3:.0f} ms, script "
              f"{script * 1e3:.0f} ms -> {ours / script:.2f}x (target <= 1.0x)")
        ours, script = batch(photo, work, args.drafts)
        print(f"batch, {args.drafts} drafts x {len(FORMATS)} formats: kontenopd export "
              f"{ours * 1e3:.0f} ms per image (all cores), script {script * 1e3:.0f} ms per "
              f"card (one core) -> {ours / script:.2f}x (target <= 0.30x)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":  # export's worker processes are spawned and re-import this file
    main()
