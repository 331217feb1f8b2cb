"""Each photo is decoded once per command-line render and once per exported post (#16):
the check, the face detection and every format share one decode; the quality loop of the
exporter encodes in memory and writes each image once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from kontenopd.cli import main
from kontenopd.core.export.exporter import export
from kontenopd.core.export.worker import RenderTask, run_task
from kontenopd.core.io import imagefile
from kontenopd.core.photos import safeimage
from kontenopd.core.photos.cache import PhotoCache
from kontenopd.core.render import faces

from .test_export import lib, make_draft  # noqa: F401  (the module's template fixture)


@pytest.fixture
def big_photo(tmp_path) -> Path:
    """A 4000x2250 progressive JPEG: large enough that 4:5 and 9:16 need different decodes."""
    path = tmp_path / "besar.jpg"
    grad = Image.linear_gradient("L").resize((4000, 2250))
    Image.merge("RGB", (grad, grad.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
                        Image.radial_gradient("L").resize((4000, 2250)))).save(
        path, quality=90, progressive=True)
    return path


@pytest.fixture
def decodes(monkeypatch) -> list[tuple[str, tuple[int, int]]]:
    """Every full decode of a file by the safe opener: (file name, decoded size)."""
    seen: list[tuple[str, tuple[int, int]]] = []
    real = safeimage.open_image

    def counting(source, *args, **kwargs):
        result = real(source, *args, **kwargs)
        if not isinstance(source, bytes):
            seen.append((Path(source).name, result.image.size))
        return result

    monkeypatch.setattr(safeimage, "open_image", counting)
    monkeypatch.setattr(faces, "open_image", counting)
    faces.FACES.clear()
    return seen


def photo_decodes(seen: list[tuple[str, tuple[int, int]]], name: str) -> list[tuple[int, int]]:
    return [size for file, size in seen if file == name]


def test_cli_render_decodes_the_photo_once(tmp_path, big_photo, decodes) -> None:
    out = tmp_path / "kartu.jpg"
    assert main(["render", "liputan-kegiatan", "--format", "4:5", "--set", "judul=Rapat",
                 "--set", "tanggal=2022-11-21", "--set", "lokasi=Pendopo",
                 "--photo", f"foto={big_photo}", "-o", str(out)]) == 0
    # the check, the face detection and the render share one decode (in full here: a
    # half-scale 2000x1125 would not cover the card's 1350 px height)
    assert photo_decodes(decodes, big_photo.name) == [(4000, 2250)]
    with Image.open(out) as img:
        assert img.size == (1080, 1350)


def test_export_decodes_each_photo_once_per_post(tmp_path, lib, profile, big_photo,  # noqa: F811
                                                 decodes) -> None:
    job = make_draft("Rapat Koordinasi", big_photo, ("4:5", "3:4", "9:16"))
    from kontenopd.core.export.jobs import ExportJob

    report = export([ExportJob.from_draft(job, profile)], tmp_path, library=lib, workers=0)
    assert report.ok, report.errors
    assert len([f for f in report.files if f.suffix == ".jpg"]) == 3
    # the tallest format (9:16) goes first; its decode serves 3:4, 4:5 and the faces
    assert photo_decodes(decodes, big_photo.name) == [(4000, 2250)]


def test_a_frame_from_a_large_decode_matches_one_from_a_small_decode(big_photo) -> None:
    alone = PhotoCache().frame(big_photo, (1080, 1350), (0.5, 0.5))
    shared = PhotoCache()
    shared.frame(big_photo, (1080, 1920), (0.5, 0.5))  # decodes large first
    after = shared.frame(big_photo, (1080, 1350), (0.5, 0.5))
    assert after.size == alone.size == (1080, 1350)
    diff = ImageStat.Stat(ImageChops.difference(after, alone)).mean
    assert max(diff) < 2.0, diff


def test_the_quality_loop_writes_each_image_once(tmp_path, lib, profile,  # noqa: F811
                                                 monkeypatch) -> None:
    noisy = tmp_path / "noise.png"
    Image.effect_noise((1080, 1350), 120).convert("RGB").save(noisy)
    writes: list[Path] = []
    real = imagefile.atomic_write

    def counting(path, *args, **kwargs):
        writes.append(Path(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(imagefile, "atomic_write", counting)
    task = RenderTask(0, str(lib.get("uji-ekspor").folder), "4:5",
                      make_draft("Bising", noisy, ("4:5",)), profile,
                      str(tmp_path / "bising_4x5.jpg"), 800_000)
    done = run_task(task, PhotoCache())
    assert done.error is None and done.quality is not None and done.quality < 86
    assert writes == [Path(task.path)]  # several qualities tried, one file written
    assert Path(task.path).stat().st_size == done.bytes <= 800_000
