"""CLI: ``kontenopd draft`` and ``kontenopd render --draft``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from kontenopd.core.io.draft_file import load_draft, read_thumbnail
from kontenopd.core.io.draft_info import read_draft_info

from ..core.io.draft_copies import rewrite_draft
from .runner import run


@pytest.fixture
def made(capsys, tmp_path, sample_photo) -> Path:
    file = tmp_path / "apel.kontenopd"
    code, _, err = run(capsys, "draft", "liputan-kegiatan", "-o", str(file),
                       "--format", "1:1", "--format", "4:5",
                       "--set", "judul=Apel Pagi Bersama Bupati", "--set", "tanggal=21/11/2022",
                       "--set", "ringkasan=Baris satu\\nBaris dua",
                       "--photo", f"foto={sample_photo}")
    assert code == 0, err
    return file


def test_draft_writes_a_complete_draft_file(made, library, tmp_path, sample_photo) -> None:
    opened = load_draft(made, workdir=tmp_path / "w", library=library)
    assert opened.notices == []
    assert opened.draft.template == "liputan-kegiatan"
    assert opened.draft.formats == ["1:1", "4:5"]
    assert opened.draft.values["judul"] == "Apel Pagi Bersama Bupati"
    assert opened.draft.values["ringkasan"] == "Baris satu\nBaris dua"
    (ref,) = opened.draft.photos["foto"]
    assert Path(ref.path).read_bytes() == sample_photo.read_bytes()  # plain JFIF: unchanged
    info = read_draft_info(made)
    assert info.title == "Apel Pagi Bersama Bupati" and info.has_thumbnail
    thumb = read_thumbnail(made)
    assert thumb is not None and thumb.size == (320, 320)  # first format, 1:1


def test_render_from_draft_matches_render_from_arguments(capsys, made, tmp_path,
                                                         sample_photo) -> None:
    from_draft = tmp_path / "dari-draf.png"
    code, _, err = run(capsys, "render", "--draft", str(made), "-o", str(from_draft))
    assert code == 0, err
    direct = tmp_path / "langsung.png"
    code, _, err = run(capsys, "render", "liputan-kegiatan", "--format", "1:1",
                       "--set", "judul=Apel Pagi Bersama Bupati", "--set", "tanggal=21/11/2022",
                       "--set", "ringkasan=Baris satu\\nBaris dua",
                       "--photo", f"foto={sample_photo}", "-o", str(direct))
    assert code == 0, err
    with Image.open(from_draft) as a, Image.open(direct) as b:
        assert a.size == (1080, 1080)  # the draft's first format
        assert a.tobytes() == b.tobytes()
    other = tmp_path / "45.jpg"
    code, _, err = run(capsys, "render", "--draft", str(made), "--format", "4:5",
                       "-o", str(other))
    assert code == 0, err
    with Image.open(other) as img:
        assert img.size == (1080, 1350)


def test_render_draft_uses_the_profile_snapshot(capsys, tmp_path, profile) -> None:
    custom = tmp_path / "profil.json"
    data = {**profile.to_dict(), "pemda_logo": "", "opd_logo": "",
            "colors": {**profile.to_dict()["colors"], "primary": "#AA0000"},
            "opd_name": "Dinas Uji Coba"}
    custom.write_text(json.dumps(data), encoding="utf-8")
    file = tmp_path / "p.kontenopd"
    code, _, err = run(capsys, "draft", "agenda-undangan", "-o", str(file),
                       "--profile", str(custom), "--set", "acara=Rapat",
                       "--set", "tanggal=2022-11-24", "--set", "jam_mulai=08.00",
                       "--set", "tempat=Aula")
    assert code == 0, err
    custom.unlink()  # the draft must not need the profile file any more
    out = tmp_path / "p.png"
    code, _, err = run(capsys, "render", "--draft", str(file), "-o", str(out))
    assert code == 0, err
    assert "logo" in err.lower()  # a warning line, not an error
    assert all(line.startswith("warning:") for line in err.strip().splitlines())
    opened = load_draft(file, workdir=tmp_path / "w")
    assert opened.profile.opd_name == "Dinas Uji Coba"
    assert opened.profile.colors.primary == "#AA0000"


@pytest.mark.parametrize(("argv", "match"), [
    (["draft", "tidak-ada", "-o", "{tmp}/a.kontenopd"], "tidak ditemukan"),
    (["draft", "liputan-kegiatan", "-o", "{tmp}/a.zip"], ".kontenopd"),
    (["draft", "liputan-kegiatan", "-o", "{tmp}/a.kontenopd", "--format", "2:1"], "2:1"),
    (["draft", "liputan-kegiatan", "-o", "{tmp}/a.kontenopd", "--set", "x=1"], "'x'"),
    (["draft", "liputan-kegiatan", "-o", "{tmp}/a.kontenopd", "--set", "tanggal=kemarin"],
     "kemarin"),
    (["draft", "liputan-kegiatan", "-o", "{tmp}/a.kontenopd", "--photo", "foto={tmp}/no.jpg"],
     "no.jpg"),
    (["render", "-o", "{tmp}/a.png"], "--draft"),
    (["render", "--draft", "{tmp}/rusak.kontenopd"], "-o OUT"),
    (["render", "--draft", "{tmp}/tidak-ada.kontenopd", "-o", "{tmp}/a.png"],
     "tidak ditemukan"),
    (["render", "--draft", "{tmp}/rusak.kontenopd", "-o", "{tmp}/a.png"], "bukan"),
    (["render", "--draft", "{tmp}/rusak.kontenopd", "liputan-kegiatan", "-o", "{tmp}/a.png"],
     "tidak keduanya"),
    (["render", "--draft", "{tmp}/rusak.kontenopd", "--set", "judul=x", "-o", "{tmp}/a.png"],
     "--set"),
    (["render", "--draft", "{tmp}/rusak.kontenopd", "-o", "{tmp}/a.gif"], ".png"),
])
def test_user_errors_are_one_line_and_exit_2(capsys, tmp_path, argv, match) -> None:
    (tmp_path / "rusak.kontenopd").write_bytes(b"bukan zip")
    code, _, err = run(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in argv])
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and match in err, err
    assert not (tmp_path / "a.kontenopd").exists() and not (tmp_path / "a.png").exists()


def test_draft_with_missing_template_fails_render_clearly(capsys, made, tmp_path) -> None:
    moved = rewrite_draft(made, tmp_path / "tanpa-templat.kontenopd",
                          lambda doc: {**doc, "template": "templat-lama"})
    code, _, err = run(capsys, "render", "--draft", str(moved), "-o", str(tmp_path / "x.png"))
    assert code == 2
    assert err.strip().splitlines()[-1].startswith("kontenopd: ")
    assert "templat-lama" in err.strip().splitlines()[-1]
    assert not (tmp_path / "x.png").exists()


def test_newer_draft_is_refused_by_the_cli(capsys, made, tmp_path) -> None:
    newer = rewrite_draft(made, tmp_path / "baru.kontenopd",
                          lambda doc: {**doc, "schema_version": 99})
    before = newer.read_bytes()
    code, _, err = run(capsys, "render", "--draft", str(newer), "-o", str(tmp_path / "x.png"))
    assert code == 2 and "lebih baru" in err and len(err.strip().splitlines()) == 1
    assert newer.read_bytes() == before


def test_cli_subprocess_round_trip(tmp_path, sample_photo) -> None:
    env = {**os.environ, "KONTENOPD_HOME": str(tmp_path / "home")}
    file = tmp_path / "sub.kontenopd"
    made = subprocess.run([sys.executable, "-m", "kontenopd", "draft", "infografis-data",
                           "-o", str(file), "--set", "judul=Capaian",
                           "--set", "angka=12|KTP;97%|Selesai", "--set", "sumber=BPS"],
                          capture_output=True, text=True, env=env, check=False)
    assert made.returncode == 0, made.stderr
    out = tmp_path / "sub.jpg"
    rendered = subprocess.run([sys.executable, "-m", "kontenopd", "render", "--draft", str(file),
                               "-o", str(out)], capture_output=True, text=True, env=env,
                              check=False)
    assert rendered.returncode == 0, rendered.stderr
    assert out.stat().st_size > 10_000
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*"))
