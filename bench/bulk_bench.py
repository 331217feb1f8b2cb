"""Bulk create benchmark: a 100-row sheet exported in one format and in three.

    python bench/bulk_bench.py [--rows 100] [--photos]

Writes an XLSX of agenda rows (the week-of-agendas case: no photos) or, with ``--photos``,
news-card rows each naming its own 3000x2000 camera-like JPEG, then times the whole bulk path
as ``kontenopd bulk`` runs it (read the sheet, match the columns, plan every row, check the
photos and detect faces, export with every core, write laporan.csv) for 1 format and for 3.
Peak memory is the largest sum of resident memory of this process and its worker processes,
sampled every 20 ms (Linux /proc). Target: 100 rows x 3 formats <= 12 s on 2 cores, peak
memory <= 400 MB.
The last line, ``RESULT {json}``, repeats the figures for bench/run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

FORMATS_3 = ("4:5", "1:1", "9:16")


def _rss_tree(pid: int) -> int:
    """Resident bytes of ``pid`` and every descendant (Linux); 0 where /proc is missing."""
    try:
        stats = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat", "rb") as handle:
                        fields = handle.read().rsplit(b")", 1)[1].split()
                    stats[int(entry)] = (int(fields[1]), int(fields[21]))  # ppid, rss pages
                except (OSError, IndexError, ValueError):
                    continue
    except OSError:
        return 0
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        if current in stats:
            total += stats[current][1] * os.sysconf("SC_PAGE_SIZE")
        todo += [p for p, (ppid, _) in stats.items() if ppid == current]
    return total


class PeakMemory:
    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _rss_tree(os.getpid()))
            self._stop.wait(0.02)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def write_sheet(path: Path, rows: int, photos: list[Path] | None) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet()
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    if photos is None:
        head = ["Nama acara", "Tanggal", "Pukul mulai", "Tempat", "Peserta / sasaran"]
    else:
        head = ["Judul", "Tanggal", "Lokasi", "Ringkasan", "Foto kegiatan"]
    for col, name in enumerate(head):
        ws.write(0, col, name)
    start = date(2026, 12, 7)
    for r in range(1, rows + 1):
        ws.write_datetime(r, 1, start + timedelta(days=r % 30), day)
        if photos is None:
            ws.write(r, 0, f"Rapat Koordinasi Program Kerja Bidang {r}")
            ws.write(r, 2, f"{8 + r % 6:02d}.00")
            ws.write(r, 3, f"Ruang Rapat Lantai {1 + r % 3}, Kantor Bupati")
            ws.write(r, 4, "Kepala OPD dan camat se-kabupaten")
        else:
            ws.write(r, 0, f"Bupati Tinjau Pembangunan Jalan Desa ke-{r}")
            ws.write(r, 2, f"Desa Sukamaju {r}, Kecamatan Kota")
            ws.write(r, 3, "Pembangunan jalan sepanjang 2,5 km ditargetkan selesai akhir "
                           "tahun dan membuka akses warga ke pasar kecamatan.")
            ws.write(r, 4, photos[(r - 1) % len(photos)].name)
    book.close()


def run_once(sheet: Path, template_id: str, formats: tuple[str, ...], profile, library):
    from kontenopd.core.export.bulk import BulkOptions, auto_map, expected_headers, plan, run_bulk
    from kontenopd.core.io.spreadsheet import read_table

    out = Path(tempfile.mkdtemp(prefix="kontenopd-bulk-out-"))
    try:
        with PeakMemory() as memory:
            start = time.perf_counter()
            template = library.get(template_id)
            table = read_table(sheet, expected=expected_headers(template))
            plans = plan(table, template, auto_map(template, table.headers), formats=formats,
                         profile=profile)
            planned = time.perf_counter() - start
            report = run_bulk(plans, template, profile, out,
                              options=BulkOptions(platforms=["instagram"], library=library))
            elapsed = time.perf_counter() - start
        if not report.ok:
            raise SystemExit(f"bulk failed: {[p.errors for p in report.failed][:3]}")
        images = sum(1 for _ in out.rglob("*.jpg"))
        return elapsed, planned, images, memory.peak
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    from export_bench import camera_like_photo, load_average
    from kontenopd.core.model.records import demo_profile
    from kontenopd.core.template.library import load_library

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100)
    parser.add_argument("--photos", action="store_true",
                        help="news-card rows, one 3000x2000 photo file each")
    args = parser.parse_args()
    from dataclasses import replace

    profile = replace(demo_profile(), pemda_name="Pemerintah Kabupaten Bench", city="Bench",
                      website="bench.go.id", handles={}, hashtags=(), hashtag_groups={},
                      pemda_logo="", opd_logo="")
    library = load_library()
    cores = (os.process_cpu_count() if hasattr(os, "process_cpu_count")
             else os.cpu_count()) or 1
    work = Path(tempfile.mkdtemp(prefix="kontenopd-bulk-bench-"))
    try:
        photos = None
        template_id = "agenda-undangan"
        if args.photos:
            template_id = "liputan-kegiatan"
            photos = []
            for i in range(args.rows):  # every row its own file: no decode is shared
                path = work / f"foto{i:03d}.jpg"
                if i < 5:
                    camera_like_photo(path, seed=i)
                else:
                    shutil.copyfile(photos[i % 5], path)
                photos.append(path)
        sheet = work / "lembar.xlsx"
        write_sheet(sheet, args.rows, photos)
        print(f"{args.rows} rows of {template_id} ({'a photo each' if photos else 'no photos'})"
              f", {cores} cores, load average before: {load_average()}")
        result: dict[str, object] = {"rows": args.rows, "photos": args.photos}
        for formats in (("4:5",), FORMATS_3):
            elapsed, planned, images, peak = run_once(sheet, template_id, formats, profile,
                                                      library)
            result[f"formats{len(formats)}_s"] = elapsed
            result[f"formats{len(formats)}_images"] = images
            result[f"formats{len(formats)}_planned_s"] = planned
            result[f"formats{len(formats)}_peak_mb"] = peak / 2**20
            print(f"{len(formats)} format(s) {', '.join(formats)}: {elapsed:.2f} s for {images}"
                  f" images ({elapsed / images * 1e3:.0f} ms per image; sheet read + rows "
                  f"planned in {planned:.2f} s); peak memory {peak / 2**20:.0f} MB")
        print("target: 100 rows x 3 formats <= 12 s on 2 cores, peak memory <= 400 MB")
        print(f"load average after: {load_average()}")
        print("RESULT " + json.dumps(result))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":  # required: worker processes are spawned and re-import this file
    main()
