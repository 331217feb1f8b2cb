"""Desktop app figures: launch time, keystroke-to-preview latency, memory with 10 photos.

    python bench/gui_bench.py [--runs 5] [--keys 25]

Each measurement runs in a fresh interpreter (offscreen unless a display is set):
- launch: from starting the process to the main window shown (templates loaded, first
  preview requested); target <= 0.8 s (issue #16).
- latency: a 12 MP photo in the draft, one character typed into the title; time until the
  big preview shows the new text (background render, latest request wins); target <= 20 ms
  median.
- memory: resident memory with a 10-photo draft (ten 12 MP JPEGs) open and rendered in
  every format; target <= 350 MB. (Linux: VmRSS from /proc/self/status.)
The last line, ``RESULT {json}``, repeats the figures for bench/run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def make_photo(path: Path, size: tuple[int, int] = (4032, 3024), seed: int = 0) -> Path:
    from PIL import Image, ImageFilter

    from kontenopd.core.paths import assets_dir

    base = Image.open(assets_dir() / "samples" / "dandelion-field.jpg").convert("RGB")
    big = base.resize(size, Image.Resampling.BICUBIC).rotate(seed * 3)
    noise = Image.effect_noise(size, 18).convert("RGB").filter(ImageFilter.GaussianBlur(0.6))
    Image.blend(big, noise, 0.08).save(path, quality=92)
    return path


def _window():
    from kontenopd.core.paths import AppPaths
    from kontenopd.ui import i18n
    from kontenopd.ui.app import make_app, settings_for

    app = make_app()
    paths = AppPaths.default()
    settings = settings_for(paths)
    i18n.install_language("id")
    from kontenopd.ui.mainwindow import MainWindow

    window = MainWindow(paths, settings)
    window.resize(1366, 768)
    return app, window


def child_launch(t0: float) -> dict:
    app, window = _window()
    window.show()
    while not window.isVisible() or not window.preview.canvas.isVisible():
        app.processEvents()
    app.processEvents()
    shown = time.time() - t0
    window.document.undo_stack.setClean()
    window.close()
    return {"launch_s": shown}


def _wait(app, predicate, timeout: float = 10.0) -> None:
    end = time.perf_counter() + timeout
    while not predicate():
        app.processEvents()
        if time.perf_counter() > end:
            raise TimeoutError
        time.sleep(0.0005)


def child_latency(keys: int, tmp: Path) -> dict:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    app, window = _window()
    window.show()
    photo = make_photo(tmp / "hp-12mp.jpg")
    window.document.fill_sample()
    window.add_photos([str(photo)])
    done = []
    window.preview.rendered.connect(lambda: done.append(time.perf_counter()))
    _wait(app, lambda: bool(done))
    time.sleep(0.5)
    app.processEvents()
    edit = window.form.editor("judul").edit
    edit.setFocus()
    edit.end(False)
    times = []
    for i in range(keys):
        done.clear()
        ch = "abcdefghij"[i % 10]
        t = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                          ch))
        _wait(app, lambda: bool(done))
        times.append((done[-1] - t) * 1000)
        time.sleep(0.03)  # a fast typist: ~30 characters per second
    window.document.undo_stack.setClean()
    window.close()
    return {"latency_ms": times, "scale": window.preview.preview_scale()}


def child_memory(tmp: Path) -> dict:
    app, window = _window()
    window.show()
    doc = window.document
    photo_fields = [f for t in window.library.templates.values() for f in t.fields
                    if f.type == "photo"]
    best = max(window.library.templates.values(),
               key=lambda t: max([f.max_items for f in t.fields if f.type == "photo"] or [0]))
    window.choose_template(best.id)
    field = max((f for f in best.fields if f.type == "photo"), key=lambda f: f.max_items)
    paths = [str(make_photo(tmp / f"foto-{i}.jpg", seed=i)) for i in range(10)]
    from kontenopd.core.model.records import PhotoRef

    doc.set_photos(field.key, [PhotoRef(p) for p in paths])  # all ten, even past max_items
    for fmt in doc.template.format_keys:
        window.preview.set_format(fmt)
        window.runner.wait(20000)
        app.processEvents()
    window.preview._request_strip()
    window.runner.wait(20000)
    for _ in range(5):
        app.processEvents()
    rss = 0.0
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
    window.document.undo_stack.setClean()
    window.close()
    return {"rss_mb": rss, "template": best.id, "field": field.key,
            "field_max_items": field.max_items, "photo_fields": len(photo_fields)}


def run_child(kind: str, *extra: str) -> dict:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else "xcb")
    with tempfile.TemporaryDirectory() as home:
        env["KONTENOPD_HOME"] = home
        # a profile already exists: measure a normal start, not the first-start dialog
        subprocess.run([sys.executable, "-c",
                        "from kontenopd.core.paths import AppPaths;"
                        "from kontenopd.core.io.profile_file import ProfileStore;"
                        "ProfileStore(AppPaths.default().profiles).first_or_create()"],
                       env=env, check=True)
        t0 = time.time()
        out = subprocess.run([sys.executable, str(HERE), "--child", kind, str(t0), *extra],
                             env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=25)
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        kind, t0 = args.child[0], float(args.child[1])
        with tempfile.TemporaryDirectory() as tmp:
            if kind == "launch":
                result = child_launch(t0)
            elif kind == "latency":
                result = child_latency(int(args.child[2]), Path(tmp))
            else:
                result = child_memory(Path(tmp))
        print(json.dumps(result))
        return 0
    launches = [run_child("launch")["launch_s"] for _ in range(args.runs)]
    print(f"launch to main window shown: median {statistics.median(launches):.2f} s "
          f"(min {min(launches):.2f}, max {max(launches):.2f}; {args.runs} runs; "
          f"target <= 0.8 s)")
    lat = run_child("latency", str(args.keys))
    ms = lat["latency_ms"]
    print(f"keystroke to updated preview, 12 MP photo: median {statistics.median(ms):.0f} ms "
          f"(p90 {sorted(ms)[int(len(ms) * 0.9)]:.0f} ms, max {max(ms):.0f} ms; "
          f"{len(ms)} keys; preview scale {lat['scale']}; target <= 20 ms median)")
    mem = run_child("memory")
    print(f"resident memory, 10 x 12 MP photos in '{mem['template']}' ({mem['field']}, "
          f"template max {mem['field_max_items']}), every format rendered: "
          f"{mem['rss_mb']:.0f} MB (target <= 350 MB)")
    print("RESULT " + json.dumps({
        "launch_s": statistics.median(launches), "launch_max_s": max(launches),
        "keystroke_ms": statistics.median(ms), "keystroke_p90_ms": sorted(ms)[int(len(ms) * 0.9)],
        "keystroke_max_ms": max(ms), "memory_mb": mem["rss_mb"], "runs": args.runs,
        "keys": len(ms)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
