"""Auto-enhance ("Perbaiki cahaya otomatis"): the tone curve, the render, the draft file."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageEnhance, ImageStat

from kontenopd.core.io.draft_file import load_draft, save_draft
from kontenopd.core.io.draft_schema import draft_from_dict, draft_to_dict
from kontenopd.core.model.records import Draft, PhotoRef
from kontenopd.core.photos.cache import PhotoCache, enhance_levels, enhance_photo
from kontenopd.core.render import render

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "assets" / "samples" / "coffee.jpg"


@pytest.fixture
def dull(tmp_path) -> Path:
    """A dark, flat (hazy) photo: the sample squeezed into grey levels 30..110."""
    img = Image.open(SAMPLE).convert("RGB").resize((1200, 800))
    img = ImageEnhance.Contrast(img).enhance(0.35)
    img = ImageEnhance.Brightness(img).enhance(0.55)
    path = tmp_path / "redup.jpg"
    img.save(path, quality=92)
    return path


def _stats(img: Image.Image) -> tuple[float, float]:
    stat = ImageStat.Stat(img.convert("L"))
    return stat.mean[0], stat.stddev[0]


def test_a_dull_photo_gets_brighter_and_more_contrasty(dull) -> None:
    img = Image.open(dull).convert("RGB")
    out = enhance_photo(img)
    assert out.size == img.size and out.mode == "RGB"
    (mean0, std0), (mean1, std1) = _stats(img), _stats(out)
    assert mean1 > mean0 + 15
    assert std1 > std0 * 1.4
    assert ImageChops.difference(img, out).getbbox() is not None


def test_a_well_exposed_photo_is_left_almost_alone() -> None:
    img = Image.linear_gradient("L").resize((400, 300)).convert("RGB")  # 0..255 evenly
    out = enhance_photo(img)
    diff = ImageStat.Stat(ImageChops.difference(img, out).convert("L")).mean[0]
    assert diff < 6


def test_the_curve_is_mild_and_keeps_greys_neutral() -> None:
    flat = Image.new("RGB", (50, 50), (90, 90, 90))
    assert enhance_photo(flat).getpixel((0, 0)) == (90, 90, 90)  # nothing to stretch
    lut = enhance_levels(Image.linear_gradient("L").resize((64, 64)).point(
        lambda v: 100 + v // 8).convert("RGB"))
    assert len(lut) == 768 and lut[:256] == lut[256:512] == lut[512:]
    assert lut == sorted(lut[:256]) * 3  # monotonic
    # the black point goes to black, but the stretch is at most 3x: levels 100..131 spread
    # over ~93 levels (a little more with the midtone lift), not over 0..255
    assert lut[99] == lut[100] == 0
    assert 80 <= lut[131] <= 170


def test_frames_are_cached_per_enhance_flag(dull) -> None:
    cache = PhotoCache()
    plain = cache.frame(dull, (300, 300), (0.5, 0.5))
    fixed = cache.frame(dull, (300, 300), (0.5, 0.5), enhance=True)
    assert ImageChops.difference(plain, fixed).getbbox() is not None
    assert cache.frame(dull, (300, 300), (0.5, 0.5)) is plain
    assert cache.frame(dull, (300, 300), (0.5, 0.5), enhance=True) is fixed
    # one curve for the photo: another crop of it is corrected the same way
    lut = cache.levels(dull)
    other = cache.frame(dull, (300, 300), (0.2, 0.5), enhance=True)
    other_plain = cache.frame(dull, (300, 300), (0.2, 0.5))
    assert ImageChops.difference(other, other_plain.point(lut)).getbbox() is None
    assert ImageChops.difference(fixed, plain.point(lut)).getbbox() is None


def test_render_applies_the_flag(library, profile, dull) -> None:
    template = library.get("liputan-kegiatan")
    base = Draft(template.id, formats=["4:5"], values=dict(template.sample),
                 photos={"foto": [PhotoRef(str(dull))]})
    fixed = base.copy()
    fixed.photos["foto"] = [PhotoRef(str(dull), enhance=True)]
    cache = PhotoCache()
    a = render(template, "4:5", base, profile, photos=cache).image
    b = render(template, "4:5", fixed, profile, photos=cache).image
    assert ImageChops.difference(a, b).getbbox() is not None
    again = render(template, "4:5", base, profile, photos=cache).image
    assert ImageChops.difference(a, again).getbbox() is None  # the cache kept them apart


def _rewrite_json(file: Path, change) -> None:
    with zipfile.ZipFile(file) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    data = json.loads(members["draft.json"])
    change(data)
    members["draft.json"] = json.dumps(data).encode()
    with zipfile.ZipFile(file, "w") as zf:
        for name, blob in members.items():
            zf.writestr(name, blob)


def test_enhance_is_saved_and_loaded_in_a_draft(profile, dull, tmp_path) -> None:
    draft = Draft("liputan-kegiatan", values={"judul": "Rapat"},
                  photos={"foto": [PhotoRef(str(dull), (0.3, 0.4), enhance=True),
                                   PhotoRef(str(SAMPLE))]})
    file = save_draft(tmp_path / "a.kontenopd", draft, profile)
    with zipfile.ZipFile(file) as zf:
        entries = json.loads(zf.read("draft.json"))["photos"]["foto"]
    assert entries[0]["enhance"] is True
    assert "enhance" not in entries[1]  # drafts without it look as older versions wrote them
    refs = load_draft(file, workdir=tmp_path / "w").draft.photos["foto"]
    assert [r.enhance for r in refs] == [True, False]
    assert refs[0].focus == (0.3, 0.4)
    # the focus survives a focus change and back
    assert refs[0].with_focus(0.1, 0.1).enhance is True
    assert refs[0].with_enhance(False) == PhotoRef(refs[0].path, refs[0].focus)
    # the JSON form used by autosave keeps it too
    assert draft_from_dict(draft_to_dict(draft)).photos == draft.photos


@pytest.mark.parametrize("value", ["true", 1, None, [True], {"on": True}, "ya"])
def test_damaged_enhance_values_are_ignored(profile, dull, tmp_path, value) -> None:
    draft = Draft("liputan-kegiatan", values={"judul": "Rapat"},
                  photos={"foto": [PhotoRef(str(dull), enhance=True)]})
    file = save_draft(tmp_path / "a.kontenopd", draft, profile)

    def damage(data: dict) -> None:
        data["photos"]["foto"][0]["enhance"] = value

    _rewrite_json(file, damage)
    opened = load_draft(file, workdir=tmp_path / "w")
    assert opened.draft.photos["foto"][0].enhance is False
    assert opened.draft.photos["foto"][0].path


def test_old_drafts_without_the_field_load_with_enhance_off(profile, dull, tmp_path) -> None:
    draft = Draft("liputan-kegiatan", values={"judul": "Rapat"},
                  photos={"foto": [PhotoRef(str(dull), (0.2, 0.8))]})
    file = save_draft(tmp_path / "a.kontenopd", draft, profile)
    _rewrite_json(file, lambda data: [e.pop("enhance", None)
                                      for e in data["photos"]["foto"]])
    ref = load_draft(file, workdir=tmp_path / "w").draft.photos["foto"][0]
    assert ref.enhance is False and ref.focus == (0.2, 0.8)
    old = {"template": "liputan-kegiatan", "photos": {"foto": [{"path": str(dull)}]}}
    assert draft_from_dict(old).photos["foto"] == [PhotoRef(str(dull))]
