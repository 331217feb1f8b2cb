"""Layer types the starter templates do not all exercise: list, image, gradient, rect."""

from pathlib import Path

from PIL import Image

from kontenopd.core.model.records import Draft, Profile
from kontenopd.core.render import render
from kontenopd.core.template.library import parse_template

WHITE = "#FFFFFF"


def _template(layers: list, fields: list | None = None, folder: Path = Path(".")):
    data = {"id": "uji", "name": "Uji", "kind": "uji",
            "fields": fields or [{"key": "judul", "label": "Judul", "type": "text"}],
            "formats": {"1:1": {"layers": [
                {"type": "rect", "box": [0, 0, 1080, 1080], "fill": WHITE}, *layers]}}}
    return parse_template(data, folder)


LIST_FIELD = [{"key": "syarat", "label": "Persyaratan", "type": "list"}]


def test_numbered_list_draws_markers_and_reports_items_that_do_not_fit():
    template = _template([{"type": "list", "field": "syarat", "box": [60, 60, 960, 400],
                           "size": 36, "min_size": 30, "marker_color": "#C00000"}],
                         LIST_FIELD)
    few = render(template, "1:1", Draft("uji", values={"syarat": "KTP asli\nKartu Keluarga"}),
                 Profile())
    assert _checked(few.warnings) == []
    red_rows = {y for y in range(60, 460) if few.image.getpixel((80, y)) == (192, 0, 0)}
    assert red_rows  # the first marker is drawn in the marker colour
    many = render(template, "1:1", Draft("uji", values={"syarat": ";".join(
        f"Persyaratan nomor {i} yang cukup panjang" for i in range(20))}), Profile())
    over = [w for w in many.warnings if w.code == "overflow"]
    assert over and over[0].field == "syarat" and "butir tidak muat" in over[0].message


def test_image_asset_is_contained_without_distortion(tmp_path):
    Image.new("RGBA", (200, 100), (0, 128, 0, 255)).save(tmp_path / "hiasan.png")
    template = _template([{"type": "image", "src": "hiasan.png", "box": [0, 0, 400, 400]}],
                         folder=tmp_path)
    image = render(template, "1:1", Draft("uji"), Profile()).image
    assert image.getpixel((200, 200)) == (0, 128, 0)
    assert image.getpixel((200, 60)) == (255, 255, 255)  # letterboxed, not stretched
    assert image.getpixel((200, 110)) == (0, 128, 0)


def test_missing_asset_is_a_warning(tmp_path):
    template = _template([{"type": "image", "src": "tidak-ada.png", "box": [0, 0, 10, 10]}],
                         folder=tmp_path)
    result = render(template, "1:1", Draft("uji"), Profile())
    assert [w.code for w in result.warnings] == ["asset_missing"]


def test_gradient_runs_between_its_stops():
    template = _template([{"type": "gradient", "box": [0, 0, 1080, 1000],
                           "stops": [[0, "#00000000"], [1, "#000000FF"]]}])
    image = render(template, "1:1", Draft("uji"), Profile()).image
    top, middle, bottom = (image.getpixel((500, y))[0] for y in (0, 500, 999))
    assert top == 255 and bottom == 0
    assert 110 < middle < 145


def test_rounded_translucent_rect():
    template = _template([{"type": "rect", "box": [100, 100, 400, 400], "fill": "#000000",
                           "radius": 80, "opacity": 0.5}])
    image = render(template, "1:1", Draft("uji"), Profile()).image
    assert image.getpixel((102, 102)) == (255, 255, 255)  # outside the rounded corner
    assert 120 <= image.getpixel((300, 300))[0] <= 135  # half-transparent black on white


def test_when_condition_hides_a_layer():
    template = _template([{"type": "rect", "box": [0, 0, 100, 100], "fill": "#FF0000",
                           "when": "judul"}])
    shown = render(template, "1:1", Draft("uji", values={"judul": "Ada"}), Profile()).image
    hidden = render(template, "1:1", Draft("uji", values={"judul": ""}), Profile()).image
    assert shown.getpixel((50, 50)) == (255, 0, 0)
    assert hidden.getpixel((50, 50)) == (255, 255, 255)


def _checked(warnings: list) -> list:
    """The warnings this test is about: the probe canvas is a 1080x1080 square, whose
    Instagram grid crop ("zone") the publishability test covers, not this one."""
    return [w for w in warnings if w.code != "zone"]


STACKED = [{"type": "stack", "box": [140, 100, 800, 700], "gap": 20, "children": [
    {"type": "text", "text": "{{ judul }}", "size": 64, "min_size": 40, "max_lines": 6,
     "field": "judul"},
    {"type": "text", "text": "Persyaratan", "size": 24, "field": "syarat",
     "when": "syarat"},
    {"type": "list", "field": "syarat", "size": 36, "min_size": 24}]}]
STACK_FIELDS = [{"key": "judul", "label": "Judul", "type": "text"}, *LIST_FIELD]


def _list_size(result) -> tuple[int, ...]:
    return tuple(b.font_px for b in result.blocks if b.kind == "list")


def test_a_list_in_a_stack_takes_the_room_its_title_leaves():
    template = _template(STACKED, STACK_FIELDS)
    items = "\n".join(f"Persyaratan nomor {i}" for i in range(6))
    short = render(template, "1:1", Draft("uji", values={"judul": "Apel", "syarat": items}),
                   Profile())
    long = render(template, "1:1", Draft("uji", values={
        "judul": "Rapat koordinasi percepatan pelayanan administrasi kependudukan di seluruh "
                 "kecamatan", "syarat": items}), Profile())
    assert _checked(short.warnings) == [] and _checked(long.warnings) == []
    assert set(_list_size(short)) == {36} and len(_list_size(short)) == 6
    assert len(_list_size(long)) == 6 and max(_list_size(long)) < 36  # shrunk, all there
    title = next(b for b in long.blocks if b.field == "judul")
    first = min(b.box[1] for b in long.blocks if b.kind == "list")
    assert title.box[3] < first  # the flow: the list starts below the title


def test_a_list_that_cannot_fit_its_stack_is_reported_never_dropped_silently():
    template = _template(STACKED, STACK_FIELDS)
    items = "\n".join(f"Persyaratan nomor {i} yang sangat panjang sekali" for i in range(30))
    result = render(template, "1:1", Draft("uji", values={"judul": "Apel", "syarat": items}),
                    Profile())
    shown = len(_list_size(result))
    assert shown < 30
    assert [w.field for w in result.warnings if w.code == "overflow"] == ["syarat"]
    empty = render(template, "1:1", Draft("uji", values={"judul": "Apel", "syarat": ""}),
                   Profile())
    assert [b for b in empty.blocks if b.field == "syarat"] == []  # the label went too


def test_list_text_is_judged_on_what_lies_behind_it():
    layers = [{"type": "list", "field": "syarat", "box": [140, 100, 800, 400], "size": 30,
               "color": "#CCCCCC"}]
    pale = render(_template(layers, LIST_FIELD), "1:1",
                  Draft("uji", values={"syarat": "KTP asli"}), Profile())
    assert [(w.code, w.field) for w in pale.warnings] == [("contrast", "syarat")]
    dark = [{**layers[0], "color": "#222222"}]
    fine = render(_template(dark, LIST_FIELD), "1:1",
                  Draft("uji", values={"syarat": "KTP asli"}), Profile())
    assert fine.warnings == []
