"""The bundled demo identity ("Pemerintah Kabupaten Contoh") is recognised wherever it is
left, and `kontenopd export` refuses drafts that carry it (render and demo still work)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kontenopd.cli import main
from kontenopd.core.io.profile_file import (
    DEMO_TRACES,
    ProfileStore,
    demo_refusal,
    demo_traces,
    empty_profile,
    is_demo,
)
from kontenopd.core.model.records import demo_profile
from kontenopd.core.paths import AppPaths


def test_the_demo_and_its_stored_copy_are_demo_and_a_real_profile_is_not(real_profile):
    demo = demo_profile()
    assert demo_traces(demo) == list(DEMO_TRACES)
    store = ProfileStore(AppPaths.default().profiles)
    copy, created = store.first_or_create()  # what the first start makes
    assert created and copy.id != "demo"
    assert demo_traces(copy) == list(DEMO_TRACES)  # logos compared by bytes, not by path
    assert not is_demo(real_profile) and demo_refusal(real_profile) is None
    assert not is_demo(empty_profile("baru", "Dinas Kesehatan"))


def test_each_demo_value_left_is_named(real_profile):
    demo = demo_profile()
    only_logo = replace(real_profile, opd_logo=demo.opd_logo)
    assert demo_traces(only_logo) == ["opd_logo"]
    handle = replace(real_profile, handles={"tiktok": "diskominfo.contohkab"})  # no "@"
    assert demo_traces(handle) == ["handles"]
    city = replace(real_profile, city="  contoh ")
    assert demo_traces(city) == ["city"]
    refusal = demo_refusal(replace(real_profile, pemda_name="Pemerintah Kabupaten Contoh",
                                   website="diskominfo.contohkab.go.id"))
    assert refusal is not None and "nama Pemda, situs web" in refusal
    # the OPD's own name is a real agency name, not a demo trace
    assert real_profile.opd_name == demo.opd_name and not is_demo(real_profile)


def test_new_empty_profile_has_no_demo_values_or_logos():
    store = ProfileStore(AppPaths.default().profiles)
    made = store.create_empty("Dinas Kesehatan")
    loaded = store.load(made.id)
    assert loaded.opd_name == "Dinas Kesehatan"
    assert (loaded.pemda_name, loaded.city, loaded.website, loaded.opd_short) == ("", "", "", "")
    assert loaded.handles == {} and loaded.hashtags == () and loaded.hashtag_groups == {}
    assert loaded.pemda_logo == "" and loaded.opd_logo == ""
    assert list(store.folder(made.id).iterdir()) == [store.folder(made.id) / "profile.json"]


def _draft(tmp_path: Path, name: str, profile_args: list[str]) -> Path:
    path = tmp_path / f"{name}.kontenopd"
    assert main(["draft", "duka-cita", "-o", str(path), "--set", "nama=Bapak Contoh",
                 *profile_args]) == 0
    return path


def test_cli_export_refuses_a_demo_draft_and_exports_the_others(tmp_path, capsys,
                                                               real_profile):
    import json

    real_json = tmp_path / "mojokerto.json"
    real_json.write_text(json.dumps(real_profile.to_dict()), encoding="utf-8")
    demo = _draft(tmp_path, "contoh", [])  # no --profile: the demo identity
    real = _draft(tmp_path, "asli", ["--profile", str(real_json)])
    capsys.readouterr()
    out = tmp_path / "hasil"
    code = main(["export", str(demo), "-o", str(out), "--jobs", "0"])
    captured = capsys.readouterr()
    assert code == 2
    errors = [line for line in captured.err.splitlines() if line.startswith("kontenopd:")]
    assert len(errors) == 1
    assert "contoh" in errors[0] and "Profil contoh tidak boleh diekspor" in errors[0]
    assert captured.out == ""
    assert [p for p in out.rglob("*") if p.is_file()] == []  # nothing written

    code = main(["export", str(demo), str(real), "-o", str(out), "--jobs", "0"])
    captured = capsys.readouterr()
    assert code == 2
    assert len(captured.out.splitlines()) == 1  # the real draft's folder
    assert [p.suffix for p in Path(captured.out.strip()).iterdir() if p.suffix == ".jpg"]

    code = main(["export", str(real), "-o", str(tmp_path / "lagi"), "--jobs", "0"])
    assert code == 0, capsys.readouterr().err


def test_cli_render_and_demo_keep_working_with_the_demo_profile(tmp_path, capsys):
    demo_draft = _draft(tmp_path, "contoh", [])
    assert main(["render", "--draft", str(demo_draft), "-o", str(tmp_path / "a.png")]) == 0
    assert main(["render", "duka-cita", "--set", "nama=Bapak Contoh",
                 "-o", str(tmp_path / "b.jpg")]) == 0
    assert main(["demo", "-o", str(tmp_path / "demo.jpg")]) == 0
    assert (tmp_path / "demo.jpg").is_file()
    capsys.readouterr()
