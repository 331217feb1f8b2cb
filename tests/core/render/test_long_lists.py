"""Lists longer than a template can hold: reported by count, never a crash or a silent cut.

A draft from another machine (or a hostile one) can carry any number of list items; a
template pack can declare any ``max_items``. Before this, 20+ emergency numbers or 60+
figures shrank the stats grid's cells below zero and the CLI said "kesalahan internal".
"""

from __future__ import annotations

import dataclasses

import pytest

from kontenopd.cli import main
from kontenopd.core import editing
from kontenopd.core.io.draft_file import save_draft
from kontenopd.core.model.records import demo_profile
from kontenopd.core.render import render

STATS = [("peringatan-dini", "darurat"), ("infografis-data", "angka"),
         ("infografis-data-sorot", "angka")]


def _draft(template, key: str, n: int):
    f = next(f for f in template.fields if f.key == key)
    draft = editing.sample_draft(template)
    draft.values[key] = [{c: f"{c} {i + 1}" for c in f.columns} for i in range(n)]
    return draft


@pytest.mark.parametrize(("tid", "key"), STATS)
def test_a_stats_list_beyond_the_templates_capacity_names_the_field_and_the_surplus(
        library, tid, key):
    template = library.get(tid)
    limit = next(f.max_items for f in template.fields if f.key == key)
    draft = _draft(template, key, 80)
    for fmt in template.formats:
        result = render(template, fmt, draft, demo_profile(), scale=0.5)
        (warning,) = [w for w in result.warnings if w.field == key]
        assert "berisi 80 butir" in warning.message
        assert f"paling banyak {limit}" in warning.message
        assert f"Hapus {80 - limit} butir" in warning.message


@pytest.mark.parametrize(("tid", "key"), STATS)
def test_a_full_stats_list_draws_without_a_capacity_warning(library, tid, key):
    template = library.get(tid)
    limit = next(f.max_items for f in template.fields if f.key == key)
    draft = _draft(template, key, limit)
    for fmt in template.formats:
        result = render(template, fmt, draft, demo_profile(), scale=0.5)
        assert not [w for w in result.warnings if "berisi" in w.message], fmt


def test_a_pack_declaring_hundreds_of_items_is_capped_by_the_room_in_the_box(library):
    template = library.get("infografis-data")
    template = dataclasses.replace(template, fields=tuple(
        dataclasses.replace(f, max_items=500) if f.key == "angka" else f
        for f in template.fields))
    draft = _draft(template, "angka", 300)
    for fmt in template.formats:
        result = render(template, fmt, draft, demo_profile(), scale=0.5)
        (warning,) = [w for w in result.warnings if w.field == "angka"]
        shown = int(warning.message.split("paling banyak ")[1].split(".")[0])
        assert 1 <= shown < 20, (fmt, warning.message)  # what fits at the minimum size


def test_a_long_bullet_list_reports_how_many_items_did_not_fit(library):
    template = library.get("pengumuman-layanan")
    draft = editing.sample_draft(template)
    draft.values["persyaratan"] = [f"Syarat nomor {i + 1}" for i in range(80)]
    result = render(template, "4:5", draft, demo_profile(), scale=0.5)
    (warning,) = [w for w in result.warnings if w.field == "persyaratan"]
    assert "butir tidak muat" in warning.message
    hidden = int(warning.message.split(": ")[1].split(" ")[0])
    assert 60 < hidden < 80


def test_the_cli_renders_a_draft_with_50_emergency_numbers_with_one_warning_line(
        library, tmp_path, capsys):
    template = library.get("peringatan-dini")
    draft = editing.sample_draft(template)
    # short items, so the field stays under MAX_VALUE_CHARS and reaches the renderer
    draft.values["darurat"] = [{"nomor": str(i), "nama": "x"} for i in range(50)]
    file = tmp_path / "banjir.kontenopd"
    save_draft(file, draft, demo_profile())
    code = main(["render", "--draft", str(file), "--format", "4:5",
                 "-o", str(tmp_path / "out.jpg")])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "kesalahan internal" not in err + out
    lines = [line for line in err.splitlines() if "Nomor darurat" in line]
    assert len(lines) == 1 and "berisi 50 butir" in lines[0], err
    assert (tmp_path / "out.jpg").is_file()
