"""The template library is read lazily: one template asked for, one template parsed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kontenopd.core.errors import TemplateError
from kontenopd.core.paths import templates_dir
from kontenopd.core.template import library as templates_module
from kontenopd.core.template.library import load_library


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = templates_module.load_template

    def counting(folder: Path):
        seen.append(Path(folder).name)
        return real(folder)

    monkeypatch.setattr(templates_module, "load_template", counting)
    return seen


def test_get_parses_only_the_template_asked_for(parsed) -> None:
    library = load_library()
    assert library.get("agenda-undangan").id == "agenda-undangan"
    assert library.get("agenda-undangan") is library.get("agenda-undangan")
    assert parsed == ["agenda-undangan"]
    assert len(library.templates) == 15 and not library.errors  # all, on first use
    assert parsed.count("agenda-undangan") == 1  # the one already read is kept


def test_a_broken_template_does_not_stop_another_from_loading(tmp_path, parsed) -> None:
    root = tmp_path / "paket"
    shutil.copytree(templates_dir() / "duka-cita", root / "duka-cita")
    (root / "rusak").mkdir()
    (root / "rusak" / "template.json").write_text("{bukan json", encoding="utf-8")
    library = load_library(root)
    assert library.get("duka-cita").id == "duka-cita"
    with pytest.raises(TemplateError, match="JSON rusak"):
        library.get("rusak")
    assert list(library.templates) == ["duka-cita"] and len(library.errors) == 1


@pytest.mark.parametrize("wanted", ["tidak-ada", "../templates/duka-cita", "Duka-Cita", ""])
def test_unknown_or_odd_ids_are_not_found(wanted) -> None:
    with pytest.raises(TemplateError, match="tidak ditemukan"):
        load_library().get(wanted)


def test_a_later_folder_overrides_an_earlier_id(tmp_path) -> None:
    import json

    root = tmp_path / "paket"
    shutil.copytree(templates_dir() / "duka-cita", root / "duka-cita")
    data = json.loads((root / "duka-cita" / "template.json").read_text(encoding="utf-8"))
    data["name"] = "Duka Cita (paket OPD)"
    (root / "duka-cita" / "template.json").write_text(json.dumps(data), encoding="utf-8")
    assert load_library(templates_dir(), root).get("duka-cita").name == "Duka Cita (paket OPD)"
    both = load_library(templates_dir(), root)
    assert both.templates["duka-cita"].name == "Duka Cita (paket OPD)"
