import json
import shutil
from pathlib import Path

import pytest

from kontenopd.core.errors import TemplateError
from kontenopd.core.model.platforms import FORMAT_SIZES
from kontenopd.core.paths import templates_dir
from kontenopd.core.template.library import load_library, parse_template

STARTERS = ("liputan-kegiatan", "infografis-data", "agenda-undangan")


def test_starter_templates_load_with_three_formats(library) -> None:
    for template_id in STARTERS:
        template = library.get(template_id)
        for key in ("4:5", "1:1", "9:16"):
            assert template.formats[key].size == FORMAT_SIZES[key]
    news = library.get("liputan-kegiatan")
    assert {"judul", "tanggal", "lokasi", "ringkasan", "foto"} <= {f.key for f in news.fields}
    assert news.field("foto").type == "photo"


def _minimal() -> dict:
    return {
        "id": "uji", "name": "Uji", "kind": "uji",
        "fields": [{"key": "judul", "label": "Judul", "type": "text"}],
        "formats": {"1:1": {"layers": [
            {"type": "rect", "box": [0, 0, 1080, 1080], "fill": "profile.primary"},
            {"type": "text", "text": "{{ judul }}", "box": [60, 60, 960, 200]},
        ]}},
    }


@pytest.mark.parametrize(("mutate", "key", "message"), [
    (lambda t: t["formats"]["1:1"]["layers"][0].update(fill="biru"),
     "formats.1:1.layers[0].fill", "warna"),
    (lambda t: t["formats"]["1:1"]["layers"][1].update(type="video"),
     "formats.1:1.layers[1].type", "tidak dikenal"),
    (lambda t: t["formats"]["1:1"]["layers"][1].update(box=[0, 0, 10]),
     "formats.1:1.layers[1].box", "box"),
    (lambda t: t["formats"]["1:1"]["layers"][1].update(sise=40),
     "formats.1:1.layers[1].sise", "kunci tidak dikenal"),
    (lambda t: t["formats"]["1:1"]["layers"][1].update(text="{{ judul "),
     "formats.1:1.layers[1].text", "ekspresi"),
    (lambda t: t["formats"]["1:1"]["layers"].append(
        {"type": "photo", "field": "foto", "box": [0, 0, 10, 10]}),
     "formats.1:1.layers[2].field", "foto"),
    (lambda t: t["formats"].update({"2:1": {"layers": []}}), "formats.2:1", "format"),
    (lambda t: t["fields"].append({"key": "judul", "label": "Lagi", "type": "text"}),
     "fields[1].key", "dua kali"),
    (lambda t: t["fields"][0].update(type="warna"), "fields[0].type", "jenis field"),
    (lambda t: t.pop("kind"), "kind", "wajib"),
])
def test_validation_names_the_offending_key(mutate, key: str, message: str) -> None:
    data = _minimal()
    mutate(data)
    with pytest.raises(TemplateError) as info:
        parse_template(data, Path("."), "uji/template.json")
    assert info.value.key == key
    assert info.value.file == "uji/template.json"
    assert message in str(info.value)
    assert str(info.value).startswith("uji/template.json [")


def test_a_broken_template_does_not_stop_the_others(tmp_path: Path) -> None:
    shutil.copytree(templates_dir() / "liputan-kegiatan", tmp_path / "liputan-kegiatan")
    (tmp_path / "rusak").mkdir()
    (tmp_path / "rusak" / "template.json").write_text("{ bukan json", encoding="utf-8")
    (tmp_path / "salah").mkdir()
    bad = _minimal() | {"id": "salah"}
    bad["formats"]["1:1"]["layers"][0]["radius"] = -5
    (tmp_path / "salah" / "template.json").write_text(json.dumps(bad), encoding="utf-8")
    library = load_library(tmp_path)
    assert list(library.templates) == ["liputan-kegiatan"]
    messages = sorted(str(e) for e in library.errors)
    assert len(messages) == 2
    assert "rusak" in messages[0] and "JSON rusak" in messages[0]
    assert "salah" in messages[1] and "layers[0].radius" in messages[1]


def test_unknown_template_lists_the_known_ones(library) -> None:
    with pytest.raises(TemplateError, match="liputan-kegiatan"):
        library.get("tidak-ada")


def test_styles_are_merged_into_layers() -> None:
    data = _minimal()
    data["styles"] = {"judul": {"type": "text", "size": 70, "weight": "bold"}}
    data["formats"]["1:1"]["layers"][1] = {"style": "judul", "text": "{{ judul }}",
                                            "box": [0, 0, 100, 100]}
    layer = parse_template(data, Path(".")).formats["1:1"].layers[1]
    assert layer.size == 70 and layer.weight == "bold"
