"""Carousels: every slide is exported, rendered by the CLI and listed in the manifest;
images_of() is the one answer to "which images does this post make"."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from kontenopd.cli import main
from kontenopd.core.editing import sample_draft
from kontenopd.core.errors import KontenError, TemplateError
from kontenopd.core.export.exporter import export
from kontenopd.core.export.jobs import ExportJob
from kontenopd.core.export.manifest import MANIFEST
from kontenopd.core.io.draft_file import save_draft
from kontenopd.core.model.records import PhotoRef, demo_profile
from kontenopd.core.render.images import (
    MAX_SLIDES_API,
    PostImage,
    carousel_warnings,
    check_carousel,
    images_of,
)
from kontenopd.core.template.library import load_library, parse_template

from ..samples import sheet_sample

LIB = load_library()
LIB_PROFILE = demo_profile()
SAMPLES = Path(__file__).resolve().parents[3] / "assets" / "samples"
DAY = date(2022, 11, 21)


def three_photo_carousel():
    template = LIB.get("carousel-kegiatan")
    draft = sample_draft(template)
    draft.photos["foto"] = [PhotoRef(str(SAMPLES / n)) for n in
                            ("coffee.jpg", "cameraman.jpg", "chelsea-cat.jpg")]
    return template, draft


def test_images_of_names_every_slide_and_single_images_plainly() -> None:
    template, draft = three_photo_carousel()
    images = images_of(template, draft, "4:5")
    assert [(i.fmt, i.slide, i.count) for i in images] == [("4:5", s, 5) for s in range(5)]
    assert [i.stem("apel") for i in images] == [f"apel_4x5_0{n}" for n in range(1, 6)]
    assert images[1].label == "4:5 2/5"
    liputan = LIB.get("liputan-kegiatan")
    (single,) = images_of(liputan, sample_draft(liputan), "9:16")
    assert (single.stem("apel"), single.label, single.carousel) == ("apel_9x16", "9:16", False)


def test_instagram_carousel_limits() -> None:
    assert carousel_warnings([PostImage("4:5", 0, MAX_SLIDES_API)]) == []
    (warning,) = carousel_warnings([PostImage("4:5", 0, 11)])
    assert "11 slide" in warning and "10" in warning
    check_carousel([PostImage("4:5", 0, 20)])
    with pytest.raises(KontenError, match="21 slide; Instagram menerima paling banyak 20"):
        check_carousel([PostImage("4:5", 0, 21)])


def test_a_three_photo_carousel_exports_five_files_per_format(tmp_path) -> None:
    _template, draft = three_photo_carousel()
    report = export([ExportJob(draft=draft, profile=LIB_PROFILE, formats=("4:5", "1:1"),
                               platforms=("instagram",))],
                    tmp_path, library=LIB, workers=0, today=DAY)
    assert report.ok, report.errors
    (folder,) = report.folders
    jpgs = sorted(p.name for p in folder.glob("*.jpg"))
    slug = jpgs[0].rsplit("_", 2)[0]
    assert jpgs == sorted([f"{slug}_4x5_0{n}.jpg" for n in range(1, 6)]
                          + [f"{slug}_1x1_0{n}.jpg" for n in range(1, 6)])
    sizes = {Image.open(folder / name).size for name in jpgs if "_4x5_" in name}
    assert sizes == {(1080, 1350)}
    # every slide is a different image (not the cover five times)
    pixels = {Image.open(folder / name).tobytes() for name in jpgs if "_4x5_" in name}
    assert len(pixels) == 5
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    images = [f for f in manifest["files"] if f["type"] == "image"]
    assert [(f["format"], f["slide"], f["slides"]) for f in images] == \
        [("4:5", s, 5) for s in range(1, 6)] + [("1:1", s, 5) for s in range(1, 6)]
    assert [f["file"] for f in images][:2] == [f"{slug}_4x5_01.jpg", f"{slug}_4x5_02.jpg"]
    assert set(report.files) >= {folder / name for name in jpgs}


@pytest.fixture(scope="module")
def carousel_draft(tmp_path_factory, real_profile) -> Path:
    _template, draft = three_photo_carousel()
    path = tmp_path_factory.mktemp("drafts") / "carousel.kontenopd"
    save_draft(path, draft, real_profile)  # `kontenopd export` refuses the demo identity
    return path


def test_cli_export_of_a_carousel_draft_writes_every_slide(carousel_draft, tmp_path,
                                                          capsys) -> None:
    code = main(["export", str(carousel_draft), "-o", str(tmp_path), "--format", "4:5"])
    assert code == 0, capsys.readouterr().err
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert len(list(folder.glob("*_4x5_0[1-5].jpg"))) == 5


def test_cli_render_writes_every_slide_or_the_one_asked_for(carousel_draft, tmp_path,
                                                            capsys) -> None:
    out = tmp_path / "out.jpg"
    assert main(["render", "--draft", str(carousel_draft), "--format", "4:5", "-o",
                 str(out)]) == 0, capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.glob("out*.jpg")) == \
        [f"out_0{n}.jpg" for n in range(1, 6)]
    one = tmp_path / "slide3.jpg"
    assert main(["render", "--draft", str(carousel_draft), "--format", "4:5", "--slide", "3",
                 "-o", str(one)]) == 0
    assert one.is_file()
    assert Image.open(one).tobytes() == Image.open(tmp_path / "out_03.jpg").tobytes()
    capsys.readouterr()
    assert main(["render", "--draft", str(carousel_draft), "--slide", "9", "-o",
                 str(tmp_path / "x.jpg")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--slide 9" in err[0] and "5 slide" in err[0]


def test_cli_render_of_a_single_image_keeps_the_given_name(tmp_path, capsys) -> None:
    out = tmp_path / "kartu.jpg"
    assert main(["render", "pengumuman-layanan", "--set", "layanan=Pembuatan KTP-el",
                 "--set", "jadwal=Senin-Jumat 08.00-15.00", "-o",
                 str(out)]) == 0, capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["kartu.jpg"]


def test_cli_refuses_an_overlong_value_at_once(tmp_path, capsys) -> None:
    code = main(["render", "liputan-kegiatan", "--set", "judul=" + "kata " * 20000, "-o",
                 str(tmp_path / "x.jpg")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1 and "terlalu panjang" in err[0] and "Judul" in err[0]
    assert not (tmp_path / "x.jpg").exists()


# ------------------------------------------------------------ slides of carousel-kegiatan


def _solid(folder: Path, count: int) -> list[PhotoRef]:
    colours = [(230, 25, 75), (60, 180, 75), (255, 225, 25), (0, 130, 200), (245, 130, 48)]
    refs = []
    for i in range(count):
        path = folder / f"warna-{i}.png"
        Image.new("RGB", (1200, 1500), colours[i]).save(path)
        refs.append(PhotoRef(str(path)))
    return refs


def _pixel(image, xy) -> tuple[int, int, int]:
    return image.convert("RGB").getpixel(xy)


def test_the_cover_photo_is_not_repeated_and_each_slide_shows_its_photo(library, profile,
                                                                        tmp_path):
    from kontenopd.core.render import render, slide_count

    template = library.get("carousel-kegiatan")
    draft = sheet_sample(template)
    draft.photos["foto"] = _solid(tmp_path, 4)
    colours = [_pixel(Image.open(r.path), (0, 0)) for r in draft.photos["foto"]]
    for fmt in template.format_keys:
        assert slide_count(template, draft, fmt) == 6  # cover, 3 photos, grid, closing
        w, h = template.formats[fmt].size
        middle = (round(w * 0.25 / 2), round(h * 0.25 * 0.35))  # above every scrim
        seen = [_pixel(render(template, fmt, draft, profile, scale=0.25, slide=s).image,
                       middle) for s in range(4)]
        for slide, colour in enumerate(colours):
            assert all(abs(a - b) < 40 for a, b in zip(seen[slide], colour, strict=True)), \
                (fmt, slide)


def test_inner_slides_carry_light_chrome_and_the_grid_shows_every_photo(library, profile,
                                                                        tmp_path):
    import numpy as np

    from kontenopd.core.render import build_context, render
    from kontenopd.core.template.layers import PhotoLayer
    from kontenopd.core.template.sandbox import evaluate

    template = library.get("carousel-kegiatan")
    draft = sheet_sample(template)
    draft.photos["foto"] = _solid(tmp_path, 5)
    ctx = build_context(template, draft, profile)
    for fmt in template.format_keys:
        slides = {s.name: s for s in template.formats[fmt].slides}
        inner = {layer.type for layer in slides["foto"].layers}
        assert "identity" not in inner and {"logo", "footer"} <= inner
        assert any(getattr(layer, "text", "") == "{{ slide_no }} / {{ slide_total }}"
                   for layer in slides["foto"].layers)
        assert slides["dokumentasi"].min_items == (("foto", 3),)
        grid = [layer for layer in slides["dokumentasi"].layers
                if isinstance(layer, PhotoLayer) and evaluate(layer.when or "true", ctx)]
        assert sorted(layer.index for layer in grid) == [0, 1, 2, 3, 4]
        image = np.asarray(render(template, fmt, draft, profile, scale=0.25, slide=5)
                           .image.convert("RGB"), dtype=np.int16)
        for layer in grid:
            x, y, w, h = (round(v * 0.25) for v in layer.box)
            colour = _pixel(Image.open(draft.photos["foto"][layer.index].path), (0, 0))
            cell = image[y + 2:y + h - 2, x + 2:x + w - 2]
            assert (np.abs(cell - colour).sum(axis=2) < 40).mean() > 0.8, (fmt, layer.index)


def test_slide_start_and_min_items_are_checked(tmp_path):
    base = {"id": "uji", "name": "Uji", "kind": "uji",
            "fields": [{"key": "foto", "label": "Foto", "type": "photo", "max_items": 5}]}
    bad = [({"start": 1, "layers": []}, r"slides\[0\]\.start"),
           ({"repeat": "foto", "start": -1, "layers": []}, r"slides\[0\]\.start"),
           ({"min_items": {"judul": 2}, "layers": []}, r"slides\[0\]\.min_items"),
           ({"min_items": {"foto": "3"}, "layers": []}, r"slides\[0\]\.min_items")]
    for slide, where in bad:
        data = dict(base, formats={"1:1": {"slides": [slide]}})
        with pytest.raises(TemplateError, match=where):
            parse_template(data, tmp_path)
