"""Contrast that holds: adaptive scrims, panels judged as drawn, logo backing plates.

The photos are made here (flat, noise, stripes, gradients). Contrast after a scrim is measured
independently of the renderer's own sampling: the card is rendered once more with the text
left out, and the text's block is judged at full resolution against the lightest (darkest)
10 % of what is behind it.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from kontenopd.core.errors import TemplateError
from kontenopd.core.model.colors import contrast_ratio, parse_hex
from kontenopd.core.model.records import Colors, Draft, PhotoRef, Profile
from kontenopd.core.photos.cache import PhotoCache
from kontenopd.core.render import engine, render, scrim
from kontenopd.core.render.engine import Renderer
from kontenopd.core.template.library import parse_template

FIELDS = [{"key": "foto", "label": "Foto", "type": "photo"},
          {"key": "judul", "label": "Judul", "type": "text"},
          {"key": "ringkasan", "label": "Ringkasan", "type": "text"}]
TITLE = "Bupati Meninjau Posyandu Desa Sukamaju dan Menyerahkan Bantuan Gizi Balita"
SUMMARY = "Kegiatan berlangsung Senin, 21 November 2022 pukul 08.00 WIB di Balai Desa."
PHOTO = {"type": "photo", "field": "foto", "box": [0, 0, 1080, 1350]}


def _template(layers: list, background: str | None = None):
    first = [{"type": "rect", "box": [0, 0, 1080, 1350], "fill": background}] \
        if background else []
    data = {"id": "uji", "name": "Uji", "kind": "uji", "fields": FIELDS,
            "formats": {"4:5": {"layers": [*first, *layers]}}}
    return parse_template(data, Path("."))


def _text(color: str = "#FFFFFF", size: int = 32, weight: str = "regular",
          scrim_mode: str | None = "auto", **extra) -> dict:
    layer = {"type": "text", "text": "{{ judul }}", "box": [64, 880, 952, 376],
             "size": size, "weight": weight, "color": color, "valign": "bottom", **extra}
    if scrim_mode:
        layer["scrim"] = scrim_mode
    return layer


def _draft(photo: Path | None) -> Draft:
    draft = Draft("uji", values={"judul": TITLE, "ringkasan": SUMMARY})
    if photo:
        draft.photos["foto"] = [PhotoRef(str(photo))]
    return draft


def _run(template, draft: Draft, profile: Profile | None = None) -> Renderer:
    r = Renderer(template, "4:5", draft, profile or Profile(), 1.0, PhotoCache())
    r.result = r.run()  # type: ignore[attr-defined]
    return r


def _without_text(template, draft: Draft, monkeypatch) -> Image.Image:
    """The same card with no glyphs drawn (blocks and scrims unchanged)."""
    real = engine.draw_layout

    def hidden(draw, layout, box, fill, align="left", valign="top"):
        scratch = ImageDraw.Draw(Image.new("RGBA", (1, 1)))
        return real(scratch, layout, box, fill, align, valign)

    with monkeypatch.context() as m:
        m.setattr(engine, "draw_layout", hidden)
        return render(template, "4:5", draft, Profile()).image


def _measured(background: Image.Image, box: tuple[int, int, int, int], ink: str) -> float:
    """Full-resolution contrast of ``ink`` against the hardest 10 % behind ``box``."""
    rgba = parse_hex(ink)
    hist = background.crop(box).convert("L").histogram()
    tone = scrim.hardest_tone(hist, scrim.light_ink(rgba))
    return contrast_ratio(rgba, (tone, tone, tone))


# ---------------------------------------------------------------- photos made here


def _save(img: Image.Image, path: Path) -> Path:
    img.save(path, quality=95)
    return path


@pytest.fixture
def white_photo(tmp_path: Path) -> Path:
    return _save(Image.new("RGB", (1200, 1200), "white"), tmp_path / "putih.jpg")


@pytest.fixture
def grey_photo(tmp_path: Path) -> Path:
    return _save(Image.new("RGB", (1200, 1200), (128, 128, 128)), tmp_path / "abu.jpg")


@pytest.fixture
def dark_photo(tmp_path: Path) -> Path:
    return _save(Image.new("RGB", (1200, 1200), (18, 20, 24)), tmp_path / "gelap.jpg")


@pytest.fixture
def busy_photo(tmp_path: Path) -> Path:
    """Bright, busy and sharp: a gradient, fine stripes, blocks of colour and grain."""
    rng = random.Random(7)
    img = Image.linear_gradient("L").resize((1200, 1200)).convert("RGB")
    draw = ImageDraw.Draw(img)
    for x in range(0, 1200, 6):
        draw.line((x, 0, x, 1200), fill=(250, 250, 245), width=2)
    for _ in range(60):
        x, y = rng.randrange(1100), rng.randrange(1100)
        draw.rectangle((x, y, x + rng.randrange(20, 120), y + rng.randrange(20, 120)),
                       fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    noise = Image.effect_noise((1200, 1200), 70).convert("RGB")
    return _save(Image.blend(img, noise, 0.25), tmp_path / "ramai.png")


# ---------------------------------------------------------------- schema


def test_scrim_and_logo_plate_are_validated() -> None:
    ok = _template([PHOTO, _text(), {"type": "stack", "box": [64, 64, 952, 400],
                                     "scrim": "auto", "children": [_child()]},
                    {"type": "identity", "box": [64, 16, 952, 136], "logo_plate": "always"}])
    layers = ok.formats["4:5"].layers
    assert layers[1].scrim == "auto" and layers[2].scrim == "auto"
    assert layers[3].logo_plate == "always"
    assert _template([PHOTO, _text(scrim_mode=None)]).formats["4:5"].layers[1].scrim == "none"
    with pytest.raises(TemplateError, match=r"scrim.*pilih: auto, none"):
        _template([PHOTO, _text(scrim_mode="gelap")])
    with pytest.raises(TemplateError, match=r"scrim.*pilih: auto, none"):
        _template([{"type": "stack", "box": [64, 64, 952, 400], "scrim": True,
                    "children": [_child()]}])
    with pytest.raises(TemplateError, match=r"logo_plate.*pilih: auto, always, never"):
        _template([{"type": "identity", "box": [64, 16, 952, 136], "logo_plate": "ya"}])


def _child(**extra) -> dict:
    return {"type": "text", "text": "{{ judul }}", "size": 56, "weight": "extrabold",
            "color": "#FFFFFF", **extra}


# ---------------------------------------------------------------- light ink needs a shade


@pytest.mark.parametrize("photo", ["white_photo", "busy_photo", "grey_photo"])
@pytest.mark.parametrize(("size", "weight", "needed"),
                         [(32, "regular", 4.5), (60, "extrabold", 3.0)])
def test_white_text_reaches_its_contrast_on_any_photo(photo: str, size: int, weight: str,
                                                      needed: float, request,
                                                      monkeypatch) -> None:
    template = _template([PHOTO, _text(size=size, weight=weight)])
    draft = _draft(request.getfixturevalue(photo))
    r = _run(template, draft)
    assert [w for w in r.result.warnings if w.code == "contrast"] == []
    text = next(b for b in r.result.blocks if b.kind == "text")
    shade = [b for b in r.result.blocks if b.kind == "scrim"]
    # Large white text already reads on mid-grey (3.9:1 >= 3:1): no shade there.
    assert len(shade) == len(r.scrims) == (0 if (photo, needed) == ("grey_photo", 3.0) else 1)
    if shade:
        x0, y0, x1, y1 = shade[0].box  # the full-strength part covers the text block
        assert x0 <= text.box[0] and y0 <= text.box[1]
        assert x1 >= text.box[2] and y1 >= text.box[3]
        assert r.scrims[0].color[:3] == (0, 0, 0) and not r.scrims[0].panel
    behind = _without_text(template, draft, monkeypatch)
    assert _measured(behind, text.box, "#FFFFFF") >= needed


def test_a_bare_photo_fails_the_same_measure(white_photo: Path, monkeypatch) -> None:
    """The measure above is not trivially met: without the scrim it fails and warns."""
    template = _template([PHOTO, _text(scrim_mode=None)])
    draft = _draft(white_photo)
    result = render(template, "4:5", draft, Profile())
    assert [(w.code, w.field) for w in result.warnings] == [("contrast", "judul")]
    assert not [b for b in result.blocks if b.kind == "scrim"]
    text = next(b for b in result.blocks if b.kind == "text")
    assert _measured(_without_text(template, draft, monkeypatch), text.box, "#FFFFFF") < 1.1


def test_the_shade_is_soft_and_fades_out_upwards(white_photo: Path) -> None:
    r = _run(_template([PHOTO, _text()]), _draft(white_photo))
    x0, y0, _, y1 = next(b for b in r.result.blocks if b.kind == "scrim").box
    image = r.result.image
    column = [image.getpixel((540, y))[0] for y in range(0, y0 + 1, 4)]
    assert column[0] == 255  # the photo untouched well above the text
    assert all(a >= b for a, b in itertools.pairwise(column))  # darkens smoothly
    assert len(set(column)) > 20  # a ramp, not a step
    steps = [abs(a - b) for a, b in itertools.pairwise(column)]
    assert max(steps) <= 12
    assert y1 >= 1256  # hangs from the bottom of the text's box
    left = [image.getpixel((x, (y0 + y1) // 2))[0] for x in range(0, x0 + 1, 2)]
    assert left[-1] < left[0] or x0 == 0  # sides fade too (or the shade reaches the edge)


def test_no_scrim_on_a_photo_that_is_dark_enough(dark_photo: Path) -> None:
    draft = _draft(dark_photo)
    with_scrim = _run(_template([PHOTO, _text()]), draft)
    without = render(_template([PHOTO, _text(scrim_mode=None)]), "4:5", draft, Profile())
    assert with_scrim.scrims == []
    assert not [b for b in with_scrim.result.blocks if b.kind == "scrim"]
    assert with_scrim.result.warnings == [] == without.warnings
    assert ImageChops.difference(with_scrim.result.image, without.image).getbbox() is None


def test_dark_ink_on_a_dark_photo_gets_a_light_scrim(dark_photo: Path, monkeypatch) -> None:
    template = _template([PHOTO, _text(color="#161A1F")])
    draft = _draft(dark_photo)
    r = _run(template, draft)
    assert r.result.warnings == []
    assert len(r.scrims) == 1 and r.scrims[0].color[:3] == (255, 255, 255)
    text = next(b for b in r.result.blocks if b.kind == "text")
    behind = _without_text(template, draft, monkeypatch)
    assert _measured(behind, text.box, "#161A1F") >= 4.5
    assert behind.getpixel((540, 20))[0] < 40  # only behind the text


def test_faint_ink_gets_a_solid_panel_instead_of_a_blotch(white_photo: Path,
                                                          monkeypatch) -> None:
    """Grey ink on white needs > 90 % black: a rounded panel with a small padding, recorded
    as the scrim block; black here, as the profile's primary does not reach 4.5:1 with it."""
    template = _template([PHOTO, _text(color="#777777")])
    draft = _draft(white_photo)
    r = _run(template, draft)
    assert r.result.warnings == []
    assert r.scrims[0].panel and r.scrims[0].color[:3] == (0, 0, 0)
    text = next(b for b in r.result.blocks if b.kind == "text")
    panel = next(b for b in r.result.blocks if b.kind == "scrim").box
    assert 8 <= text.box[0] - panel[0] <= 30 and 8 <= panel[3] - text.box[3] <= 30
    image = _without_text(template, draft, monkeypatch)
    assert image.getpixel((panel[0], panel[1])) != (0, 0, 0)  # rounded corner
    assert _measured(image, text.box, "#777777") >= 4.5


def test_the_panel_is_the_profile_primary_when_the_ink_reads_on_it(white_photo: Path) -> None:
    navy = "#0B1220"  # grey ink reads on it (4.6:1) and needs 93 % black on white
    profile = Profile(colors=Colors(primary=navy))
    r = _run(_template([PHOTO, _text(color="#7E7E7E")]), _draft(white_photo), profile)
    assert r.result.warnings == []
    assert r.scrims[0].panel and r.scrims[0].color[:3] == parse_hex(navy)[:3]


def test_a_stack_gets_one_scrim_behind_its_measured_block(busy_photo: Path,
                                                          monkeypatch) -> None:
    stack = {"type": "stack", "box": [64, 640, 952, 616], "anchor": "bottom", "gap": 24,
             "scrim": "auto", "children": [
                 _child(),
                 {"type": "rule", "width": 96, "thickness": 8},
                 {"type": "text", "text": "{{ ringkasan }}", "size": 30, "color": "#FFFFFF"}]}
    template = _template([PHOTO, stack])
    draft = _draft(busy_photo)
    r = _run(template, draft)
    assert [w for w in r.result.warnings if w.code == "contrast"] == []
    shades = [b for b in r.result.blocks if b.kind == "scrim"]
    texts = [b for b in r.result.blocks if b.kind == "text"]
    assert len(shades) == 1 and len(texts) == 2
    x0, y0, x1, y1 = shades[0].box
    assert all(x0 <= t.box[0] and y0 <= t.box[1] and x1 >= t.box[2] and y1 >= t.box[3]
               for t in texts)
    behind = _without_text(template, draft, monkeypatch)
    assert _measured(behind, texts[0].box, "#FFFFFF") >= 3.0  # the title is large
    assert _measured(behind, texts[1].box, "#FFFFFF") >= 4.5


def test_the_preview_scale_gets_the_same_scrim(white_photo: Path) -> None:
    template = _template([PHOTO, _text(size=60, weight="extrabold")])
    full = render(template, "4:5", _draft(white_photo), Profile())
    half = render(template, "4:5", _draft(white_photo), Profile(), scale=0.5)
    assert full.warnings == half.warnings == []
    boxes = [[b["box"] for b in res.report()["blocks"] if b["kind"] == "scrim"]
             for res in (full, half)]
    assert len(boxes[0]) == len(boxes[1]) == 1
    assert all(abs(a - b) <= 3 for a, b in zip(boxes[0][0], boxes[1][0], strict=True))


def test_a_stack_on_its_own_panel_gets_no_scrim(white_photo: Path) -> None:
    stack = {"type": "stack", "box": [64, 640, 952, 616], "anchor": "bottom",
             "scrim": "auto", "panel": {"fill": "profile.primary"}, "children": [_child()]}
    r = _run(_template([PHOTO, stack]), _draft(white_photo))
    assert r.scrims == [] and r.result.warnings == []


# ---------------------------------------------------------------- text on a panel


@pytest.mark.parametrize(("panel", "warned"), [("profile.light", True),
                                               ("profile.accent", True),
                                               ("profile.primary", False)])
def test_accent_text_is_judged_on_the_panel_it_sits_on(white_photo: Path, panel: str,
                                                       warned: bool) -> None:
    """Yellow accent text reads on the primary panel even over a white photo, and is
    reported on a light panel even over a black one."""
    label = {"type": "text", "text": "AGENDA", "box": [64, 64, 600, 80], "size": 28,
             "weight": "bold", "color": "profile.accent" if panel != "profile.accent"
             else "profile.light", "panel": {"fill": panel, "padding": [16, 10]}}
    for photo in (white_photo, None):
        template = _template([PHOTO, label], background=None if photo else "#000000")
        result = render(template, "4:5", _draft(photo), Profile())
        codes = [w.code for w in result.warnings if w.code != "photo_small"]
        assert codes == (["contrast"] if warned else [])


def test_text_in_a_panelled_stack_is_judged_on_the_stack_panel(white_photo: Path) -> None:
    def stack(fill: str) -> dict:
        return {"type": "stack", "box": [64, 64, 600, 300], "panel": {"fill": fill},
                "children": [{"type": "text", "text": "AGENDA", "size": 28,
                              "color": "profile.accent"}]}

    draft = _draft(white_photo)
    good = render(_template([PHOTO, stack("profile.primary")]), "4:5", draft, Profile())
    assert good.warnings == []
    bad = render(_template([PHOTO, stack("profile.background")]), "4:5", draft, Profile())
    assert [w.code for w in bad.warnings] == ["contrast"]


# ---------------------------------------------------------------- measuring


def test_the_measure_keeps_bright_detail_and_is_small() -> None:
    """Fine white stripes on black: averaging would call it grey; point samples do not."""
    img = Image.new("RGB", (1000, 400), "black")
    draw = ImageDraw.Draw(img)
    for x in range(0, 1000, 3):
        draw.line((x, 0, x, 400), fill="white")
    assert scrim.background_tone(img, (0, 0, 1000, 400), (255, 255, 255, 255)) == 255
    sampled = scrim.sample(Image.new("RGB", (1080, 1080)), (0, 0, 1080, 1080))
    assert sampled is not None and sampled.width * sampled.height <= scrim.SAMPLES * 1.02
    blurred = img.filter(ImageFilter.BoxBlur(4))
    assert scrim.background_tone(blurred, (0, 0, 1000, 400), (0, 0, 0, 255)) > 60


def test_scrim_alpha_is_the_least_that_reaches_the_minimum() -> None:
    white = (255, 255, 255, 255)
    assert scrim.scrim_alpha(white, 20, 4.5, darken=True) == 0.0
    alpha = scrim.scrim_alpha(white, 255, 4.5, darken=True)
    assert alpha is not None and 0.4 < alpha < 0.7
    assert scrim.contrast_on(white, 255 * (1 - alpha)) >= 4.5
    assert scrim.contrast_on(white, 255 * (1 - alpha + 0.02)) < 4.5
    assert scrim.scrim_alpha((255, 255, 255, 20), 255, 4.5, darken=True) is None


# ---------------------------------------------------------------- logo plates


def _logo(path: Path, color: tuple[int, int, int]) -> Path:
    img = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    ImageDraw.Draw(img).ellipse((10, 10, 230, 230), fill=(*color, 255))
    img.save(path)
    return path


def _identity_card(tmp_path: Path, band: str, pemda: tuple[int, int, int],
                   opd: tuple[int, int, int], mode: str | None = None):
    identity = {"type": "identity", "box": [64, 16, 952, 136], "logo_height": 88}
    if mode:
        identity["logo_plate"] = mode
    template = _template([{"type": "rect", "box": [0, 0, 1080, 168], "fill": band},
                          identity], background="#FFFFFF")
    profile = Profile(pemda_logo=str(_logo(tmp_path / "pemda.png", pemda)),
                      opd_logo=str(_logo(tmp_path / "opd.png", opd)))
    return render(template, "4:5", Draft("uji"), profile)


def test_a_logo_that_vanishes_into_the_band_gets_a_white_plate(tmp_path: Path) -> None:
    navy, gold = (12, 60, 120), (242, 183, 5)
    result = _identity_card(tmp_path, "#0B4A8B", navy, gold)
    plates = [b for b in result.blocks if b.kind == "logo_plate"]
    assert len(plates) == 1  # the navy emblem, not the gold one
    x0, y0, x1, y1 = plates[0].box
    assert result.image.getpixel((x0 + 3, (y0 + y1) // 2)) == (255, 255, 255)
    assert result.image.getpixel(((x0 + x1) // 2, (y0 + y1) // 2)) == navy
    assert y0 >= 16 and y1 <= 152  # inside the identity layer's box
    logo = next(b for b in result.blocks if b.kind == "logo")
    assert x0 < logo.box[0] and logo.box[0] - x0 <= 12  # a small padding
    never = _identity_card(tmp_path, "#0B4A8B", navy, gold, "never")
    assert not [b for b in never.blocks if b.kind == "logo_plate"]
    always = _identity_card(tmp_path, "#0B4A8B", navy, gold, "always")
    assert len([b for b in always.blocks if b.kind == "logo_plate"]) == 2


def test_a_white_logo_on_a_white_band_gets_a_dark_plate(tmp_path: Path) -> None:
    result = _identity_card(tmp_path, "#FFFFFF", (250, 250, 250), (200, 20, 20))
    plates = [b for b in result.blocks if b.kind == "logo_plate"]
    assert len(plates) == 1
    x0, y0, _, y1 = plates[0].box
    plate = result.image.getpixel((x0 + 3, (y0 + y1) // 2))
    assert contrast_ratio(plate, (250, 250, 250)) >= 3


def test_the_plate_decision_is_by_the_logo_outline() -> None:
    """A navy disc vanishes into a navy band; ringed in white it keeps its shape."""
    navy, band_color = (12, 60, 120), (11, 74, 139)
    disc = Image.new("RGBA", (96, 96), (0, 0, 0, 0))
    ImageDraw.Draw(disc).ellipse((2, 2, 93, 93), fill=(*navy, 255))
    ringed = disc.copy()
    ImageDraw.Draw(ringed).ellipse((2, 2, 93, 93), outline=(255, 255, 255, 255), width=8)
    band = Image.new("RGB", (96, 96), band_color)
    for logo, blends in ((disc, True), (ringed, False)):
        rgb, alpha = logo.convert("RGB"), logo.getchannel("A")
        assert scrim.blend_share(rgb.convert("L").histogram(mask=alpha), 62) > 0.6  # navy
        assert scrim.logo_blends(scrim.outline_histogram(rgb, alpha), band) is blends
    empty = scrim.outline_histogram(disc.convert("RGB"), Image.new("L", (96, 96), 0))
    assert not scrim.logo_blends(empty, band)
