from pathlib import Path

import pytest
from PIL import Image, ImageChops

from kontenopd.core.model.records import Draft, PhotoRef, Profile
from kontenopd.core.render import render
from kontenopd.core.template.library import parse_template


def _news(library, photo: Path | None, **values: str) -> Draft:
    template = library.get("liputan-kegiatan")
    draft = Draft(template.id, values={**template.sample, **values})
    if photo:
        draft.photos["foto"] = [PhotoRef(str(photo))]
    return draft


def _halves(path: Path) -> Path:
    img = Image.new("RGB", (2000, 1000), (220, 30, 30))
    img.paste((30, 30, 220), (1000, 0, 2000, 1000))
    img.save(path, quality=95)
    return path


def test_render_gives_the_format_size_and_is_deterministic(library, profile, sample_photo):
    template = library.get("liputan-kegiatan")
    draft = _news(library, sample_photo)
    first = render(template, "4:5", draft, profile)
    second = render(template, "4:5", draft, profile)
    assert first.image.size == (1080, 1350)
    assert first.image.tobytes() == second.image.tobytes()
    assert first.warnings == []
    assert render(template, "9:16", draft, profile).image.size == (1080, 1920)
    assert render(template, "4:5", draft, profile, scale=0.5).image.size == (540, 675)


def test_focal_point_moves_the_crop(library, profile, tmp_path):
    template = library.get("liputan-kegiatan")
    photo = _halves(tmp_path / "halves.jpg")
    draft = _news(library, None)
    draft.photos["foto"] = [PhotoRef(str(photo), (0.1, 0.5))]
    left = render(template, "4:5", draft, profile).image.getpixel((540, 400))
    draft.photos["foto"] = [PhotoRef(str(photo), (0.9, 0.5))]
    right = render(template, "4:5", draft, profile).image.getpixel((540, 400))
    assert left[0] > 180 and left[2] < 80  # red half
    assert right[2] > 180 and right[0] < 80  # blue half


def test_overlong_title_is_cut_and_reported_by_field(library, profile, sample_photo):
    template = library.get("liputan-kegiatan")
    title = ("Pemerintah Kabupaten Contoh Menggelar Rapat Koordinasi Lintas Sektor " * 8)[:500]
    result = render(template, "4:5", _news(library, sample_photo, judul=title), profile)
    codes = {(w.code, w.field) for w in result.warnings}
    assert ("overflow", "judul") in codes
    assert ("length", "judul") in codes
    assert any("Judul" in w.message for w in result.warnings if w.code == "overflow")


def test_emoji_is_reported_not_silently_dropped(library, profile, sample_photo):
    template = library.get("liputan-kegiatan")
    result = render(template, "1:1", _news(library, sample_photo, judul="Selamat 🎉 Juara"),
                    profile)
    glyphs = [w for w in result.warnings if w.code == "glyphs"]
    assert glyphs and glyphs[0].field == "judul"


def test_missing_photo_renders_a_placeholder(library, profile):
    template = library.get("liputan-kegiatan")
    result = render(template, "4:5", _news(library, None), profile)
    # profile.primary at the top of the frame, a soft shade below it, the emblem faint in it
    top = result.image.getpixel((1000, 180))
    assert max(abs(c - p) for c, p in zip(top, (11, 74, 139), strict=True)) <= 4
    low = result.image.getpixel((1000, 700))
    assert all(c < p for c, p in zip(low, (11, 74, 139), strict=True) if p > 20)


def test_small_photo_is_reported(library, profile, tmp_path):
    template = library.get("liputan-kegiatan")
    small = tmp_path / "kecil.jpg"
    Image.new("RGB", (320, 240), (90, 120, 60)).save(small)
    result = render(template, "4:5", _news(library, small), profile)
    assert any(w.code == "photo_small" and w.field == "foto" for w in result.warnings)


def _probe_template(layers: list) -> object:
    data = {"id": "uji", "name": "Uji", "kind": "uji",
            "fields": [{"key": "judul", "label": "Judul", "type": "text"}],
            "formats": {"1:1": {"layers": layers}}}
    return parse_template(data, Path("."))


def test_low_contrast_text_is_reported():
    template = _probe_template([
        {"type": "rect", "box": [0, 0, 1080, 1080], "fill": "#FFFFFF"},
        {"type": "text", "text": "{{ judul }}", "box": [60, 60, 960, 200], "color": "#DDDDDD",
         "size": 32},
    ])
    result = render(template, "1:1", Draft("uji", values={"judul": "Teks pucat"}), Profile())
    assert [(w.code, w.field) for w in _checked(result.warnings)] == [("contrast", "judul")]
    good = _probe_template([
        {"type": "rect", "box": [0, 0, 1080, 1080], "fill": "#FFFFFF"},
        {"type": "text", "text": "{{ judul }}", "box": [60, 60, 960, 200], "color": "#111111",
         "size": 32},
    ])
    assert _checked(render(good, "1:1", Draft("uji", values={"judul": "Teks jelas"}),
                           Profile()).warnings) == []


def test_logo_keeps_its_proportions(tmp_path):
    logo = tmp_path / "lebar.png"
    Image.new("RGBA", (400, 100), (200, 0, 0, 255)).save(logo)
    template = _probe_template([
        {"type": "rect", "box": [0, 0, 1080, 1080], "fill": "#FFFFFF"},
        {"type": "logo", "which": "pemda", "box": [100, 100, 300, 300], "align": "left"},
    ])
    image = render(template, "1:1", Draft("uji"), Profile(pemda_logo=str(logo))).image
    diff = ImageChops.difference(image, Image.new("RGB", image.size, "white"))
    left, top, right, bottom = diff.getbbox()
    assert (right - left) == 300
    assert (bottom - top) == pytest.approx(75, abs=1)  # 4:1, not stretched to the box


def test_unknown_format_is_a_clear_error(library, profile):
    from kontenopd.core.errors import ValueInputError

    with pytest.raises(ValueInputError, match="tidak tersedia"):
        render(library.get("liputan-kegiatan"), "2:3", _news(library, None), profile)


def _checked(warnings: list) -> list:
    """The warnings this test is about: the probe canvas is a 1080x1080 square, whose
    Instagram grid crop ("zone") the publishability test covers, not this one."""
    return [w for w in warnings if w.code != "zone"]
