"""The news collage takes 1 to 9 photos: one layout per count (and, for four, per the first
photo's orientation), every photo drawn once in its own cell, and a click on the preview
finds the cell that is drawn."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from kontenopd.core.editing import frame_at
from kontenopd.core.model.records import PhotoRef
from kontenopd.core.render import build_context, render
from kontenopd.core.template.layers import PhotoLayer
from kontenopd.core.template.sandbox import evaluate

from ..samples import sheet_sample

COLOURS = [(230, 25, 75), (60, 180, 75), (255, 225, 25), (0, 130, 200), (245, 130, 48),
           (145, 30, 180), (70, 240, 240), (240, 50, 230), (128, 128, 0)]
TEMPLATE = "liputan-kegiatan-kolase"


@pytest.fixture(scope="module")
def solid_photos(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("kolase")
    paths = []
    for i, colour in enumerate(COLOURS):
        path = folder / f"foto-{i + 1}.png"
        Image.new("RGB", (1600, 1200), colour).save(path)
        paths.append(path)
    return paths


def _draft(template, paths):
    draft = sheet_sample(template)
    draft.photos["foto"] = [PhotoRef(str(p)) for p in paths]
    return draft


def _drawn(template, fmt, draft, profile) -> list[PhotoLayer]:
    ctx = build_context(template, draft, profile)
    return [layer for layer in template.formats[fmt].layers
            if isinstance(layer, PhotoLayer) and layer.field == "foto"
            and (layer.when is None or evaluate(layer.when, ctx))]


def _overlap(a, b) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def test_the_collage_holds_nine_photos(library):
    assert library.get(TEMPLATE).field("foto").max_items == 9


@pytest.mark.parametrize("count", range(1, 10))
def test_every_photo_has_its_own_cell_in_every_format(library, profile, solid_photos, count):
    template = library.get(TEMPLATE)
    draft = _draft(template, solid_photos[:count])
    layouts = set()
    for fmt in template.format_keys:
        drawn = _drawn(template, fmt, draft, profile)
        assert sorted(layer.index for layer in drawn) == list(range(count)), fmt
        boxes = [layer.box for layer in drawn]
        assert not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]), fmt
        w, h = template.formats[fmt].size
        assert all(x >= 0 and y >= 0 and x + bw <= w and y + bh <= h for x, y, bw, bh in boxes)
        # the rendered card shows each photo's colour over most of its cell
        image = np.asarray(render(template, fmt, draft, profile, scale=0.25).image.convert("RGB"),
                           dtype=np.int16)
        for layer in drawn:
            x, y, bw, bh = (round(v * 0.25) for v in layer.box)
            cell = image[y:y + bh, x:x + bw]
            match = (np.abs(cell - COLOURS[layer.index]).sum(axis=2) < 30).mean()
            assert match > 0.6, (fmt, layer.index, match)
        layouts.add(tuple(sorted(boxes)))
    assert len(layouts) == len(template.format_keys)


def test_each_count_has_its_own_layout(library, profile, solid_photos):
    template = library.get(TEMPLATE)
    for fmt in template.format_keys:
        seen = set()
        for count in range(1, 10):
            drawn = _drawn(template, fmt, _draft(template, solid_photos[:count]), profile)
            seen.add(tuple(sorted(layer.box for layer in drawn)))
        assert len(seen) == 9, fmt


def test_four_photos_with_an_upright_first_get_a_large_first_cell(library, profile,
                                                                  solid_photos, tmp_path):
    template = library.get(TEMPLATE)
    upright = tmp_path / "tegak.png"
    Image.new("RGB", (900, 1600), COLOURS[0]).save(upright)
    grid = _drawn(template, "4:5", _draft(template, solid_photos[:4]), profile)
    hero = _drawn(template, "4:5", _draft(template, [upright, *solid_photos[1:4]]), profile)

    def area(layer) -> int:
        return layer.box[2] * layer.box[3]

    assert len({area(layer) for layer in grid}) <= 2  # a 2x2 grid: equal cells (±1 px)
    assert abs(area(grid[0]) - area(grid[1])) < 0.02 * area(grid[0])
    first = next(layer for layer in hero if layer.index == 0)
    others = [layer for layer in hero if layer.index != 0]
    assert first.box[3] > 2 * others[0].box[3]  # the upright photo spans the full height
    assert all(area(first) > 2.5 * area(o) for o in others)


def test_a_click_finds_the_cell_that_is_drawn(library, profile, solid_photos):
    template = library.get(TEMPLATE)
    draft = _draft(template, solid_photos[:4])
    for layer in _drawn(template, "4:5", draft, profile):
        x, y, w, h = layer.box
        hit = frame_at(template, "4:5", draft, x + w / 2, y + h / 2, profile)
        assert hit is not None and hit.index == layer.index and hit.box == layer.box
