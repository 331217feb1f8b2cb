"""The template library: coverage of the twelve kinds, layout rules, stress content, and the
new layer types (qr, stamp, badge, icon, slides, stats rows, photo fit/grayscale)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
import segno
from PIL import Image

from kontenopd.cli import main
from kontenopd.core.errors import TemplateError, ValueInputError
from kontenopd.core.model.platforms import FORMAT_SIZES
from kontenopd.core.model.records import Draft, PhotoRef, Profile
from kontenopd.core.paths import assets_dir
from kontenopd.core.photos.cache import PhotoCache
from kontenopd.core.render import faces as fc
from kontenopd.core.render import missing_required, render, slide_count
from kontenopd.core.template.layers import (
    BadgeLayer,
    FooterLayer,
    IdentityLayer,
    ListLayer,
    QrLayer,
    StackLayer,
    StampLayer,
    StatsLayer,
    TextLayer,
)
from kontenopd.core.template.library import load_library, parse_template

from ...conftest import ROOT
from ..samples import sheet_sample

SAMPLES = ROOT / "assets" / "samples"
KINDS = {"liputan", "kunjungan", "apel", "agenda", "pengumuman", "hoaks", "infografis",
         "ucapan", "duka-sukses", "carousel", "peringatan", "kutipan"}
FEED = {"4:5", "1:1", "3:4", "9:16"}
WIDE_KINDS = {"liputan", "agenda", "pengumuman"}  # also 16:9 for X and Facebook
# The focal text of each template: what a 300-character stress value goes into.
TITLE = {
    "liputan-kegiatan": "judul", "liputan-kegiatan-kolase": "judul",
    "kunjungan-kerja": "kegiatan", "apel-upacara": "pesan", "agenda-undangan": "acara",
    "pengumuman-layanan": "layanan", "klarifikasi-hoaks": "klaim", "infografis-data": "judul",
    "infografis-data-sorot": "judul", "ucapan-hari-besar": "peringatan", "duka-cita": "nama",
    "selamat-sukses": "nama", "carousel-kegiatan": "judul", "peringatan-dini": "bahaya",
    "kutipan-pimpinan": "kutipan",
}
LONG = ("Pemerintah Kabupaten Contoh Menggelar Rapat Koordinasi Lintas Sektor Penanganan "
        "Stunting, Percepatan Vaksinasi Anak, Perbaikan Jalan Desa, Pelatihan Pemasaran "
        "Digital bagi Pelaku UMKM, dan Penyaluran Bantuan Sosial Tunai kepada Keluarga "
        "Penerima Manfaat di Seluruh Kecamatan pada Akhir Tahun Anggaran 2022 Bersama Forkopimda")
LIB = load_library()
ALL = [(t.id, f) for t in sorted(LIB.templates.values(), key=lambda t: t.id) for f in t.formats]


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{t}-{f}" for t, f in cases]


def _walk(layers):
    for layer in layers:
        yield layer
        if isinstance(layer, StackLayer):
            yield from layer.children


def _all_layer_lists(fmt):
    return [s.layers for s in fmt.slides] if fmt.slides else [fmt.layers]


def _text_boxes(fmt):
    """Boxes of every layer that puts text or a code on the card."""
    kinds = (TextLayer, StackLayer, ListLayer, StatsLayer, FooterLayer, IdentityLayer,
             QrLayer, BadgeLayer, StampLayer)
    for layers in _all_layer_lists(fmt):
        for layer in layers:
            if isinstance(layer, kinds) and getattr(layer, "box", None):
                yield layer, layer.box


# ---------------------------------------------------------------- coverage


def test_templates_json_lists_all_twelve_kinds_with_formats_and_fields(capsys) -> None:
    assert main(["templates", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    kinds = {t["kind"] for t in listed}
    assert kinds >= KINDS
    for t in listed:
        # an alert is too dense for a square (five steps, three numbers): no 1:1
        expected = FEED - {"1:1"} if t["kind"] == "peringatan" else FEED
        assert set(t["formats"]) >= expected, t["id"]
        if t["kind"] in WIDE_KINDS:
            assert "16:9" in t["formats"], t["id"]
        assert t["fields"] and all({"key", "label", "type"} <= set(f) for f in t["fields"])
    by_id = {t["id"]: t for t in listed}
    assert {f["key"] for f in by_id["liputan-kegiatan"]["fields"]} >= {
        "judul", "tanggal", "lokasi", "ringkasan", "foto"}
    assert by_id["carousel-kegiatan"]["carousel"] is True
    styles = {}
    for t in listed:
        styles.setdefault(t["kind"], set()).add(t["id"])
    assert len(styles["liputan"]) >= 2 and len(styles["infografis"]) >= 2


@pytest.mark.parametrize("template_id", sorted(LIB.templates))
def test_sample_is_complete_and_uses_licensed_photos(template_id: str) -> None:
    template = LIB.get(template_id)
    draft = sheet_sample(template)
    assert missing_required(template, draft) == []
    licences = (SAMPLES / "LICENSES.md").read_text(encoding="utf-8")
    for names in template.sample_photos.values():
        for name in names:
            assert (SAMPLES / name).is_file()
            assert f"`{name}`" in licences
    assert template_id in TITLE


def test_icons_are_licensed_and_no_official_emblem_is_bundled() -> None:
    icons = assets_dir() / "icons"
    assert "CC0" in (icons / "LICENSE.md").read_text(encoding="utf-8")
    names = {p.stem for p in icons.glob("*.png")}
    assert {"calendar", "clock", "pin", "phone", "warning", "check", "quote"} <= names
    every_file = [p.name.lower() for p in (assets_dir()).rglob("*")]
    assert not [n for n in every_file if "garuda" in n]


# ---------------------------------------------------------------- layout rules


@pytest.mark.parametrize(("template_id", "fmt"), ALL, ids=_ids(ALL))
def test_layout_rules(template_id: str, fmt: str) -> None:
    """Identity strip and footer on every card; margins; type >= 22 px; story safe zone."""
    f = LIB.get(template_id).formats[fmt]
    width, height = FORMAT_SIZES[fmt]
    inner = [s.layers for s in f.slides if s.repeat is not None]
    for layers in _all_layer_lists(f):
        types = {layer.type for layer in layers}
        # inner carousel slides carry light chrome: the logos instead of the whole strip
        who = "logo" if any(layers is i for i in inner) else "identity"
        assert "footer" in types and who in types, "identity strip (or logos) and footer"
    margin = 48 if fmt == "16:9" else 56
    for layer, (x, y, w, h) in _text_boxes(f):
        assert x >= margin and x + w <= width - margin, (layer.type, layer.box)
        if fmt == "9:16":
            assert y >= 250 and y + h <= height - 340, (layer.type, layer.box)
        if fmt == "4:5":  # Instagram's grid shows the centre 1012 px: text stays inside
            assert x >= 34 and x + w <= 1046
    for layers in _all_layer_lists(f):
        for layer in _walk(layers):
            if isinstance(layer, (TextLayer, ListLayer)):
                assert (layer.min_size or layer.size) >= 22, (layer.type, layer)
            if isinstance(layer, StatsLayer):
                assert layer.label_size >= 22
            if isinstance(layer, FooterLayer):
                assert layer.size >= 22


# ---------------------------------------------------------------- stress content


SCALE = 0.5  # stress renders at half size keep this file fast; golden tests cover full size
DEMO = Profile.load(assets_dir() / "profiles" / "demo" / "profile.json")


PHOTOS = PhotoCache()  # decoded sample photos shared by every render in this file


def _render(template_id: str, fmt: str, draft: Draft, **kw):
    kw.setdefault("scale", SCALE)
    return render(LIB.get(template_id), fmt, draft, DEMO, photos=PHOTOS, **kw)


def _size(template_id: str, fmt: str) -> tuple[int, int]:
    w, h = LIB.get(template_id).formats[fmt].size
    return (round(w * SCALE), round(h * SCALE))


@pytest.mark.parametrize(("template_id", "fmt"), ALL, ids=_ids(ALL))
def test_300_character_title_is_reported_never_silently_lost(template_id: str,
                                                             fmt: str) -> None:
    template = LIB.get(template_id)
    draft = sheet_sample(template)
    key = TITLE[template_id]
    draft.values[key] = (LONG + " " + LONG)[:300]
    result = _render(template_id, fmt, draft)
    overflow = [w for w in result.warnings if w.code == "overflow"]
    drawn = [b for b in result.blocks if b.field == key and not b.dropped]
    if not overflow:  # it fits (a roomy story): then it is drawn whole, never cut
        assert drawn and not any(b.cut or b.ellipsis for b in drawn)
        return
    assert any(w.field == key for w in overflow), [str(w) for w in overflow]


@pytest.mark.parametrize(("template_id", "fmt"), ALL, ids=_ids(ALL))
def test_emoji_is_reported_and_the_rest_still_fits(template_id: str, fmt: str) -> None:
    template = LIB.get(template_id)
    draft = sheet_sample(template)
    key = TITLE[template_id]
    draft.values[key] = "🎉 " + str(template.sample[key]) + " 🇮🇩"
    result = _render(template_id, fmt, draft)
    codes = {(w.code, w.field) for w in result.warnings}
    assert ("glyphs", key) in codes
    assert not [w for w in result.warnings if w.code == "overflow"]


@pytest.mark.parametrize(("template_id", "fmt"), ALL, ids=_ids(ALL))
def test_no_photo_still_renders_readable_text(template_id: str, fmt: str) -> None:
    template = LIB.get(template_id)
    draft = sheet_sample(template)
    draft.photos.clear()
    for preview in (False, True):
        result = _render(template_id, fmt, draft, preview=preview)
        assert result.image.size == _size(template_id, fmt)
        bad = [str(w) for w in result.warnings if w.code in ("overflow", "contrast")]
        assert bad == []


PHOTO_CASES = [(t, f) for t, f in ALL
               if any(x.type == "photo" for x in LIB.get(t).fields)]


@pytest.fixture(scope="module", params=["white", "black"])
def flat_photo(request, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("flat") / f"{request.param}.jpg"
    Image.new("RGB", (1400, 1400), request.param).save(path, quality=95)
    return path


@pytest.mark.parametrize(("template_id", "fmt"), PHOTO_CASES, ids=_ids(PHOTO_CASES))
def test_text_over_any_photo_keeps_its_contrast(flat_photo: Path, template_id: str,
                                                fmt: str) -> None:
    """Every text over a photo sits on a scrim or panel: a blank white (or black) photo
    never makes a text layer unreadable."""
    path = flat_photo
    template = LIB.get(template_id)
    draft = sheet_sample(template)
    for f in template.fields:
        if f.type == "photo":
            draft.photos[f.key] = [PhotoRef(str(path))] * min(3, f.max_items)
    for slide in range(slide_count(template, draft, fmt)):
        result = _render(template_id, fmt, draft, slide=slide)
        assert [str(w) for w in result.warnings if w.code == "contrast"] == []


@pytest.mark.parametrize(("template_id", "fmt"), PHOTO_CASES, ids=_ids(PHOTO_CASES))
def test_portrait_photo_in_any_frame(template_id: str, fmt: str) -> None:
    template = LIB.get(template_id)
    draft = sheet_sample(template)
    portrait = SAMPLES / "portrait-astronaut.jpg"
    for f in template.fields:
        if f.type == "photo":
            draft.photos[f.key] = [PhotoRef(str(portrait), (0.5, 0.2))]
    result = _render(template_id, fmt, draft)
    assert result.image.size == _size(template_id, fmt)
    assert not [w for w in result.warnings if w.code not in ("photo_small", "face_cut")]
    if not fc.available():
        return
    # the focal point the app gives on adding keeps the face in frame and clear, wherever
    # that can be done; where it cannot, the warning says so
    allowed = {"photo_small"}
    for f in template.fields:
        if f.type == "photo":
            choice = fc.plan_focus(portrait, template, f.key, 0, [fmt], draft, DEMO)
            draft.photos[f.key] = [PhotoRef(str(portrait), choice.focus)]
            if not choice.ok:
                allowed.add("face_cut")
    result = _render(template_id, fmt, draft)
    assert not [w for w in result.warnings if w.code not in allowed]


COLLAGE = [(t, f) for t, f in ALL if t.startswith("liputan-kegiatan")]


@pytest.mark.parametrize(("template_id", "fmt"), COLLAGE, ids=_ids(COLLAGE))
def test_one_two_and_three_photos_give_different_layouts(template_id: str, fmt: str) -> None:
    names = ["coffee.jpg", "cameraman.jpg", "chelsea-cat.jpg"]
    images = []
    for n in (1, 2, 3):
        draft = sheet_sample(LIB.get(template_id))
        draft.photos["foto"] = [PhotoRef(str(SAMPLES / name)) for name in names[:n]]
        result = _render(template_id, fmt, draft)
        assert not [w for w in result.warnings if w.code != "photo_small"]
        images.append(result.image)
    if fmt in ("16:9", "9:16") and template_id == "liputan-kegiatan":
        return  # full-bleed story/landscape: the extra photos belong to the carousel
    for a, b in ((0, 1), (1, 2)):
        assert images[a].tobytes() != images[b].tobytes()


def test_the_black_and_white_option_for_duka_cita() -> None:
    template = LIB.get("duka-cita")
    draft = sheet_sample(template)
    draft.photos["foto"] = [PhotoRef(str(SAMPLES / "chelsea-cat.jpg"))]
    frame = template.formats["4:5"]
    photo = next(layer for layer in frame.layers if layer.type == "photo")
    x, y, w, h = (round(v * SCALE) for v in photo.box)
    inner = (x + w // 4, y + h // 4, x + 3 * w // 4, y + 3 * h // 4)

    def chroma(image: Image.Image) -> float:
        pixels = list(image.crop(inner).get_flattened_data())
        return sum(max(p) - min(p) for p in pixels) / len(pixels)

    draft.values["hitam_putih"] = True
    assert chroma(_render("duka-cita", "4:5", draft).image) == 0
    draft.values["hitam_putih"] = False
    assert chroma(_render("duka-cita", "4:5", draft).image) > 20


# ---------------------------------------------------------------- carousel


def test_carousel_renders_cover_one_slide_per_photo_and_closing() -> None:
    template = LIB.get("carousel-kegiatan")
    draft = sheet_sample(template)
    draft.photos["foto"] = [PhotoRef(str(SAMPLES / n)) for n in
                            ("coffee.jpg", "cameraman.jpg", "chelsea-cat.jpg", "astronaut.jpg")]
    # cover (photo 1), photos 2-4 one slide each, the documentation grid, the closing
    for fmt in template.formats:
        assert slide_count(template, draft, fmt) == 6
        images = [_render("carousel-kegiatan", fmt, draft, slide=s).image for s in range(6)]
        assert {im.size for im in images} == {_size("carousel-kegiatan", fmt)}
        assert len({im.tobytes() for im in images}) == 6
    with pytest.raises(ValueInputError, match="Slide 7"):
        _render("carousel-kegiatan", "4:5", draft, slide=6)
    # one photo: cover and closing; two: one photo slide more; the grid from three on
    for count, slides in ((0, 2), (1, 2), (2, 3), (3, 5), (10, 12)):
        draft.photos["foto"] = [PhotoRef(str(SAMPLES / "coffee.jpg"))] * count
        assert slide_count(template, draft, "4:5") == slides, count
    liputan = LIB.get("liputan-kegiatan")
    assert slide_count(liputan, sheet_sample(liputan), "4:5") == 1


def test_carousel_caption_of_a_missing_line_is_empty_not_an_error() -> None:
    draft = sheet_sample(LIB.get("carousel-kegiatan"))
    draft.values["keterangan"] = "Hanya satu keterangan"
    for s in range(slide_count(LIB.get("carousel-kegiatan"), draft, "4:5")):
        _render("carousel-kegiatan", "4:5", draft, slide=s)


def test_slides_must_repeat_a_photo_or_list_field() -> None:
    data = {"id": "uji", "name": "Uji", "kind": "uji",
            "fields": [{"key": "judul", "label": "Judul", "type": "text"}],
            "formats": {"1:1": {"slides": [{"repeat": "judul", "layers": []}]}}}
    with pytest.raises(TemplateError, match=r"slides\[0\]\.repeat"):
        parse_template(data, Path("."))


# ---------------------------------------------------------------- new layer types


def _one(layers: list, fields: list | None = None):
    data = {"id": "uji", "name": "Uji", "kind": "uji",
            "fields": fields or [{"key": "isi", "label": "Isi", "type": "text"}],
            "formats": {"1:1": {"layers": [
                {"type": "rect", "box": [0, 0, 1080, 1080], "fill": "#FFFFFF"}, *layers]}}}
    return parse_template(data, Path("."))


def test_qr_modules_match_segno_exactly() -> None:
    url = "https://diskominfo.contohkab.go.id/daftar"
    template = _one([{"type": "qr", "text": "{{ isi }}", "box": [100, 100, 400, 400],
                      "border": 2, "color": "#000000"}])
    image = render(template, "1:1", Draft("uji", values={"isi": url}), Profile()).image
    matrix = segno.make(url, error="m", micro=False).matrix
    n = len(matrix)
    total = n + 4
    unit = 400 // total
    left = 100 + (400 - unit * total) // 2 + 2 * unit
    for r in range(n):
        for c in range(n):
            px = image.getpixel((left + c * unit + unit // 2, left + r * unit + unit // 2))
            assert (px[0] < 128) == bool(matrix[r][c]), (r, c)


def test_qr_reports_data_that_does_not_fit_and_skips_empty_values() -> None:
    template = _one([{"type": "qr", "text": "{{ isi }}", "box": [100, 100, 200, 200]}])
    blank = render(template, "1:1", Draft("uji", values={"isi": ""}), Profile())
    assert blank.image.getextrema() == ((255, 255), (255, 255), (255, 255))
    dense = render(template, "1:1", Draft("uji", values={"isi": "x" * 600}), Profile())
    assert {w.code for w in _checked(dense.warnings)} == {"qr_dense"}
    huge = render(template, "1:1", Draft("uji", values={"isi": "x" * 5000}), Profile())
    assert [(w.code, w.field) for w in _checked(huge.warnings)] == [("overflow", "isi")]


def test_stamp_is_rotated_inside_its_box_and_reports_text_too_long() -> None:
    box = [200, 300, 680, 400]
    template = _one([{"type": "stamp", "text": "{{ isi }}", "box": box, "angle": -12,
                      "color": "#D7263D", "size": 120}])
    result = render(template, "1:1", Draft("uji", values={"isi": "hoaks"}), Profile())
    assert _checked(result.warnings) == []
    red = Image.eval(result.image.convert("RGB").split()[1], lambda v: 255 if v < 128 else 0)
    x0, y0, x1, y1 = red.getbbox()
    assert box[0] <= x0 and x1 <= box[0] + box[2] and box[1] <= y0 and y1 <= box[1] + box[3]
    long = render(template, "1:1", Draft("uji", values={"isi": "disinformasi " * 8}), Profile())
    assert [(w.code, w.field) for w in _checked(long.warnings)] == [("overflow", "isi")]


def test_badges_follow_the_profile_switches() -> None:
    template = _one([{"type": "badge", "box": [64, 500, 952, 52], "fill": "#0B4A8B",
                      "color": "#FFFFFF"}])
    off = render(template, "1:1", Draft("uji"), Profile()).image
    assert off.getextrema() == ((255, 255), (255, 255), (255, 255))
    one = render(template, "1:1", Draft("uji"), Profile(badge_berakhlak=True)).image
    both = render(template, "1:1", Draft("uji"),
                  Profile(badge_berakhlak=True, badge_bangga_melayani=True)).image
    width = [im.point(lambda v: 255 if v < 128 else 0).convert("L").getbbox() for im in
             (one, both)]
    assert width[0] is not None and width[1] is not None
    assert width[1][2] - width[1][0] > width[0][2] - width[0][0]


def test_icons_are_tinted_and_unknown_icons_are_rejected() -> None:
    template = _one([{"type": "icon", "name": "calendar", "box": [100, 100, 200, 200],
                      "color": "#D7263D"}])
    image = render(template, "1:1", Draft("uji"), Profile()).image
    colours = {c for _, c in image.crop((100, 100, 300, 300)).getcolors(100000)}
    assert (215, 38, 61) in colours
    with pytest.raises(TemplateError, match=r"layers\[1\]\.name"):
        _one([{"type": "icon", "name": "garuda", "box": [0, 0, 10, 10]}])


def test_contain_fit_keeps_the_whole_screenshot() -> None:
    fields = [{"key": "shot", "label": "Tangkapan", "type": "photo"}]
    template = _one([{"type": "photo", "field": "shot", "box": [0, 0, 1080, 540],
                      "fit": "contain", "placeholder": "#00FF00"}], fields)
    draft = Draft("uji", photos={"shot": [PhotoRef(str(SAMPLES / "portrait-astronaut.jpg"))]})
    image = render(template, "1:1", draft, Profile()).image
    assert image.getpixel((10, 270)) == (0, 255, 0)  # sides show the placeholder
    assert image.getpixel((540, 270)) != (0, 255, 0)  # the photo sits in the middle
    assert image.getpixel((540, 700)) == (255, 255, 255)  # nothing outside the box


def test_stats_rows_report_figures_that_do_not_fit() -> None:
    fields = [{"key": "angka", "label": "Angka", "type": "list",
               "columns": ["nilai", "keterangan"]}]
    template = _one([{"type": "stats", "field": "angka", "box": [64, 64, 952, 200],
                      "columns": 1, "direction": "row", "value_min_size": 60}], fields)
    ok = render(template, "1:1", Draft("uji", values={"angka": "97% | Selesai"}), Profile())
    assert _checked(ok.warnings) == []
    long = render(template, "1:1", Draft("uji", values={"angka": "1.234.567.890.123 | x"}),
                  Profile())
    assert [(w.code, w.field) for w in _checked(long.warnings)] == [("overflow", "angka")]


def test_low_contrast_on_a_photo_without_scrim_is_warned(tmp_path: Path) -> None:
    fields = [{"key": "foto", "label": "Foto", "type": "photo"},
              {"key": "judul", "label": "Judul", "type": "text"}]
    layers = [{"type": "photo", "field": "foto", "box": [0, 0, 1080, 1080]},
              {"type": "text", "text": "{{ judul }}", "box": [64, 800, 952, 200],
               "size": 32, "color": "#FFFFFF"}]
    path = tmp_path / "bright.png"
    Image.new("RGB", (1200, 1200), (235, 235, 225)).save(path)
    draft = Draft("uji", values={"judul": "Apel pagi"}, photos={"foto": [PhotoRef(str(path))]})
    bare = render(_one(layers, fields), "1:1", draft, Profile())
    assert [(w.code, w.field) for w in _checked(bare.warnings)] == [("contrast", "judul")]
    scrim = [layers[0], {"type": "gradient", "box": [0, 700, 1080, 380],
                         "stops": [[0, "#000000B3"], [1, "#000000E6"]]}, layers[1]]
    assert _checked(render(_one(scrim, fields), "1:1", draft, Profile()).warnings) == []
    translucent = [layers[0], {**layers[1], "color": "#FFFFFF40"}]
    dark = tmp_path / "dark.png"
    Image.new("RGB", (1200, 1200), (20, 20, 20)).save(dark)
    draft.photos["foto"] = [PhotoRef(str(dark))]
    faint = render(_one(translucent, fields), "1:1", draft, Profile())
    assert [(w.code, w.field) for w in _checked(faint.warnings)] == [("contrast", "judul")]


# ---------------------------------------------------------------- contact sheet


def test_sheet_command_renders_every_image_of_the_chosen_templates(tmp_path: Path,
                                                                   capsys) -> None:
    out = tmp_path / "sheet.png"
    code = main(["sheet", "-o", str(out), "--template", "liputan-kegiatan", "--template",
                 "carousel-kegiatan", "--height", "200"])
    assert code == 0
    printed = capsys.readouterr()
    assert re.search(r"Lembar kontak: 25 gambar", printed.out)  # 5 + 4 formats x 5 slides
    image = Image.open(out)
    assert image.height > 5 * 200  # one row for liputan, one per carousel format


@pytest.mark.parametrize("args", [["-o", "x.gif"], ["-o", "x.png", "--template", "nope"],
                                  ["-o", "x.png", "--height", "50"]])
def test_sheet_command_user_errors(tmp_path: Path, capsys, args: list[str]) -> None:
    args = [a if not a.startswith("x.") else str(tmp_path / a) for a in args]
    assert main(["sheet", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_profile_colours_drive_every_template() -> None:
    """One library serves every OPD: another primary colour changes every card."""
    demo = Profile.load(assets_dir() / "profiles" / "demo" / "profile.json")
    other = replace(demo, colors=replace(demo.colors, primary="#7A1F3D", accent="#2EC4B6"))
    for template in LIB.templates.values():
        if template.id == "duka-cita":
            continue  # mourning stays black and white whatever the brand
        draft = sheet_sample(template)
        a = render(template, "4:5", draft, demo, scale=0.25).image
        b = render(template, "4:5", draft, other, scale=0.25).image
        assert a.tobytes() != b.tobytes(), template.id


def _checked(warnings: list) -> list:
    """The warnings this test is about: the probe canvas is a 1080x1080 square, whose
    Instagram grid crop ("zone") the publishability test covers, not this one."""
    return [w for w in warnings if w.code != "zone"]
