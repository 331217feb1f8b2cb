"""Face detection speed per photo, and what the OpenCV dependency costs on disk.

    python bench/face_bench.py [--photos 20] [--threads N]

Makes phone-size photos (12 MP, portrait and landscape, 0 to 5 faces) from the shipped
public-domain samples (the astronaut pasted on the other samples), then prints the median
time per photo of kontenopd.core.render.faces.detect_faces with its cache cleared: the proxy
(probe, draft-mode JPEG decode, EXIF orientation, long side 640 px, grayscale) and the
cascades, split into the two. Also the first-use import of cv2, the share of the pasted
faces found, and the installed size of the opencv-python-headless wheel (cv2/,
opencv*.dist-info, opencv*.libs) and of numpy, which it pulls in.
Target (2-core machine): <= 60 ms per photo.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from kontenopd.core.paths import assets_dir

FACE_IN_SAMPLE = (175 / 512, 65 / 512, 272 / 512, 162 / 512)
BACKGROUNDS = ("dandelion-field.jpg", "coffee.jpg", "rocket-launch.jpg", "cameraman.jpg",
               "chelsea-cat.jpg")
SIZES = ((4000, 3000), (3000, 4000), (4032, 2268), (4000, 3000))


def make_photos(folder: Path, count: int, seed: int = 12) -> list[tuple[Path, list]]:
    """``count`` phone-size JPEGs with 0-5 pasted astronauts; (path, true face boxes)."""
    rnd = random.Random(seed)
    samples = assets_dir() / "samples"
    astronaut = Image.open(samples / "astronaut.jpg").convert("RGB")
    backgrounds = [Image.open(samples / n).convert("RGB") for n in BACKGROUNDS]
    out = []
    for i in range(count):
        w, h = SIZES[i % len(SIZES)]
        canvas = backgrounds[i % len(backgrounds)].resize((w, h))
        people = (0, 1, 1, 2, 3, 5)[i % 6]
        side = int(min(w, h) * rnd.uniform(0.3, 0.55) / max(1, people) ** 0.5)
        x = rnd.randint(0, max(0, w - side * max(1, people)))
        y = rnd.randint(0, h - side)
        faces = []
        pasted = astronaut.resize((side, side))
        for k in range(people):
            px = x + k * int(side * 0.95)
            if px + side > w:
                break
            canvas.paste(pasted, (px, y))
            fx0, fy0, fx1, fy1 = FACE_IN_SAMPLE
            faces.append(((px + fx0 * side) / w, (y + fy0 * side) / h,
                          (px + fx1 * side) / w, (y + fy1 * side) / h))
        path = folder / f"foto-{i:02d}.jpg"
        canvas.save(path, quality=90)
        out.append((path, faces))
    return out


def _hit(true_box: tuple, found: tuple) -> bool:
    w = min(true_box[2], found[2]) - max(true_box[0], found[0])
    h = min(true_box[3], found[3]) - max(true_box[1], found[1])
    if w <= 0 or h <= 0:
        return False
    inter = w * h
    union = ((true_box[2] - true_box[0]) * (true_box[3] - true_box[1])
             + (found[2] - found[0]) * (found[3] - found[1]) - inter)
    return inter / union > 0.4


def installed_size() -> tuple[int, int]:
    """Bytes of the opencv-python-headless install and of numpy's (site-packages)."""
    spec = importlib.util.find_spec("cv2")
    if spec is None or spec.origin is None:
        return (0, 0)
    site = Path(spec.origin).parent.parent

    def total(patterns: list[str]) -> int:
        return sum(f.stat().st_size for pattern in patterns for d in site.glob(pattern)
                   for f in ([d] if d.is_file() else d.rglob("*")) if f.is_file())

    return (total(["cv2", "opencv*.dist-info", "opencv*.libs"]),
            total(["numpy", "numpy-*.dist-info", "numpy.libs"]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--threads", type=int, default=0,
                        help="OpenCV threads (0: OpenCV's default, one per core)")
    args = parser.parse_args()

    start = time.perf_counter()
    try:
        import cv2
    except ImportError:
        print("OpenCV (opencv-python-headless) is not installed: no face detection.")
        return 1
    import_ms = (time.perf_counter() - start) * 1000
    if args.threads:
        cv2.setNumThreads(args.threads)
    from kontenopd.core.photos.cache import probe_photo
    from kontenopd.core.photos.safeimage import PHOTO, open_image
    from kontenopd.core.render import faces

    if not faces.available():
        print("OpenCV is installed but its cascade files are missing.")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        photos = make_photos(Path(tmp), args.photos)
        faces.detect_faces_image(Image.new("RGB", (64, 64)))  # load the cascades once
        total, proxy, detect, detect_cpu = [], [], [], []
        found_faces = true_faces = big_enough = 0
        for path, truth in photos:
            faces.FACES.clear()
            t0 = time.perf_counter()
            found = faces.detect_faces(path)
            total.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            info = probe_photo(path)
            scale = faces.PROXY_SIDE / max(info.width, info.height)
            gray = open_image(path, PHOTO, min_size=(round(info.width * scale),
                                                     round(info.height * scale)),
                              mode="L").image  # as faces._detect_file decodes it
            gray.thumbnail((faces.PROXY_SIDE, faces.PROXY_SIDE), Image.Resampling.BILINEAR)
            proxy.append(time.perf_counter() - t0)
            t0, c0 = time.perf_counter(), time.process_time()
            faces.detect_faces_image(gray)
            detect.append(time.perf_counter() - t0)
            detect_cpu.append(time.process_time() - c0)
            true_faces += len(truth)
            long_side = max(info.width, info.height)
            big_enough += sum(1 for t in truth if max((t[2] - t[0]) * info.width,
                                                      (t[3] - t[1]) * info.height)
                              * faces.PROXY_SIDE / long_side >= faces.MIN_FACE_PX)
            found_faces += sum(1 for t in truth if any(_hit(t, f) for f in found))

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:6.1f} ms (max {max(values) * 1000:.1f})"

    cv_bytes, np_bytes = installed_size()
    print(f"OpenCV {cv2.__version__}, {cv2.getNumThreads()} thread(s); "
          f"{len(photos)} photos of 12 MP (8.6 MP for 16:9)")
    print(f"per photo, median: {ms(total)}   <- target <= 60 ms")
    print(f"  proxy (decode to {faces.PROXY_SIDE} px, grayscale): {ms(proxy)}")
    print(f"  cascades: {ms(detect)}, CPU {ms(detect_cpu)}")
    print(f"first use: import cv2 {import_ms:.0f} ms")
    print(f"faces found: {found_faces} of {true_faces} pasted ({big_enough} of them at least "
          f"{faces.MIN_FACE_PX} px wide in the proxy, the cascade's window)")
    print(f"installed: opencv-python-headless {cv_bytes / 2**20:.1f} MiB "
          f"(cv2/, dist-info, .libs), numpy {np_bytes / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
