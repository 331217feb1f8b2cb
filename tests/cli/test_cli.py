import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from kontenopd.cli.parser import build_parser

from .runner import run


def test_version_subprocess() -> None:
    out = subprocess.run([sys.executable, "-m", "kontenopd", "--version"], capture_output=True,
                         text=True, check=False)
    assert out.returncode == 0
    assert out.stdout.startswith("kontenopd 0.")


def test_templates_json_lists_ids_formats_and_fields(capsys) -> None:
    code, out, _ = run(capsys, "templates", "--json")
    assert code == 0
    data = {t["id"]: t for t in json.loads(out)}
    assert {"liputan-kegiatan", "infografis-data", "agenda-undangan"} <= set(data)
    news = data["liputan-kegiatan"]
    assert news["name"] == "Liputan Kegiatan" and news["kind"] == "liputan"
    assert {"4:5", "1:1", "9:16"} <= set(news["formats"])
    assert [f["key"] for f in news["fields"]][:2] == ["judul", "tanggal"]


def test_templates_plain_listing(capsys) -> None:
    code, out, _ = run(capsys, "templates")
    assert code == 0 and "liputan-kegiatan" in out and "4:5" in out


def test_render_writes_a_jpeg_of_the_format(capsys, tmp_path: Path, sample_photo) -> None:
    out_file = tmp_path / "kartu.jpg"
    code, _, err = run(capsys, "render", "liputan-kegiatan", "--format", "4:5",
                       "--set", "judul=Apel Pagi Bersama Bupati", "--set", "tanggal=2022-11-21",
                       "--photo", f"foto={sample_photo}", "-o", str(out_file))
    assert code == 0, err
    with Image.open(out_file) as img:
        assert img.format == "JPEG" and img.size == (1080, 1350)
        assert "exif" not in img.info
        assert img.info.get("icc_profile")  # tagged sRGB


def test_render_png_and_other_format(capsys, tmp_path: Path) -> None:
    out_file = tmp_path / "agenda.png"
    code, _, err = run(capsys, "render", "agenda-undangan", "--format", "9:16",
                       "--set", "acara=Rapat Koordinasi", "--set", "tanggal=24/11/2022",
                       "--set", "jam_mulai=08.00", "--set", "tempat=Aula Dinas",
                       "-o", str(out_file))
    assert code == 0, err
    with Image.open(out_file) as img:
        assert img.format == "PNG" and img.size == (1080, 1920)


def test_warnings_go_to_stderr_and_keep_exit_zero(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "render", "liputan-kegiatan", "--set", "judul=" + "Panjang " * 80,
                       "--set", "tanggal=2022-11-21", "-o", str(tmp_path / "a.jpg"))
    assert code == 0
    lines = err.strip().splitlines()
    assert lines and all(line.startswith("warning: ") for line in lines)
    assert any("Judul" in line for line in lines)


@pytest.mark.parametrize(("args", "needle"), [
    (["render", "tidak-ada", "-o", "x.jpg"], "tidak ditemukan"),
    (["render", "liputan-kegiatan", "--set", "judul=A", "-o", "x.jpg"], "Tanggal (tanggal)"),
    (["render", "liputan-kegiatan", "--set", "judull=A", "-o", "x.jpg"], "tidak ada"),
    (["render", "liputan-kegiatan", "--set", "judul=A", "--set", "tanggal=kemarin",
      "-o", "x.jpg"], "Tanggal tidak dikenali"),
    (["render", "liputan-kegiatan", "--set", "judul=A", "--set", "tanggal=2022-11-21",
      "--photo", "foto=/tidak/ada.jpg", "-o", "x.jpg"], "tidak ditemukan"),
    (["render", "liputan-kegiatan", "--set", "judul=A", "--set", "tanggal=2022-11-21",
      "-o", "x.gif"], ".jpg"),
    (["render", "liputan-kegiatan", "--set", "judul=A", "--set", "tanggal=2022-11-21",
      "--format", "2:3", "-o", "x.jpg"], "Format 2:3"),
    (["render", "liputan-kegiatan", "--profile", "/tidak/ada.json", "-o", "x.jpg"], "Profil"),
    (["render"], "template"),
])
def test_user_errors_exit_2_with_one_line(capsys, tmp_path: Path, monkeypatch, args, needle):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert needle in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.jpg").exists()


def test_bad_photo_file_is_a_user_error(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "foto.jpg"
    bad.write_bytes(b"GIF89a bukan jpeg")
    code, _, err = run(capsys, "render", "liputan-kegiatan", "--set", "judul=A",
                       "--set", "tanggal=2022-11-21", "--photo", f"foto={bad}",
                       "-o", str(tmp_path / "out.jpg"))
    assert code == 2 and "foto.jpg" in err and len(err.strip().splitlines()) == 1


def test_custom_profile(capsys, tmp_path: Path) -> None:
    prof = tmp_path / "profil.json"
    prof.write_text(json.dumps({"pemda_name": "Pemerintah Kota Uji",
                                "colors": {"primary": "#AA0000"},
                                "handles": {"instagram": "kotauji"}}), encoding="utf-8")
    out_file = tmp_path / "k.png"
    code, _, err = run(capsys, "render", "infografis-data", "--set", "judul=Data",
                       "--set", "angka=1|satu;2|dua;3|tiga", "--set", "sumber=BPS",
                       "--profile", str(prof), "--format", "1:1", "-o", str(out_file))
    assert code == 0, err
    with Image.open(out_file) as img:
        assert img.convert("RGB").getpixel((5, 5)) == (170, 0, 0)


def test_demo_card(capsys, tmp_path: Path) -> None:
    out_file = tmp_path / "demo.jpg"
    code, out, err = run(capsys, "demo", "-o", str(out_file))
    assert code == 0, err
    assert out_file.exists() and "demo.jpg" in out


def _portrait_with_face(path: Path) -> Path:
    """A portrait phone photo, the face right of centre a little above the middle (the
    public-domain astronaut sample pasted in): centred, kunjungan-kerja's 4:5 frame puts it
    under the identity strip."""
    samples = Path(__file__).resolve().parents[2] / "assets" / "samples"
    canvas = Image.open(samples / "rocket-launch.jpg").convert("RGB").resize((3000, 4000))
    face = Image.open(samples / "astronaut.jpg").convert("RGB").resize((1500, 1500))
    canvas.paste(face, (1400, 1400))
    canvas.save(path, quality=88)
    return path


def test_render_and_draft_frame_the_faces_of_a_photo(capsys, tmp_path: Path) -> None:
    pytest.importorskip("cv2")
    from kontenopd.core.io.draft_file import load_draft

    photo = _portrait_with_face(tmp_path / "kunjungan.jpg")
    fields = ["--set", "kegiatan=Kunjungan Kerja ke Puskesmas Mojosari",
              "--set", "jabatan=Bupati Mojokerto", "--set", "nama=Dr. H. Ahmad, S.Sos., M.Si.",
              "--set", "tempat=Puskesmas Mojosari", "--set", "tanggal=2026-11-20",
              "--photo", f"foto={photo}"]
    code, _, err = run(capsys, "render", "kunjungan-kerja", "--format", "4:5", *fields,
                       "-o", str(tmp_path / "k.jpg"))
    assert code == 0, err
    assert "Wajah" not in err  # the face was framed, so no face warning
    code, _, err = run(capsys, "draft", "kunjungan-kerja", "--format", "4:5", *fields,
                       "-o", str(tmp_path / "k.kontenopd"))
    assert code == 0, err
    opened = load_draft(tmp_path / "k.kontenopd", workdir=tmp_path / "w")
    (ref,) = opened.draft.photos["foto"]
    assert ref.focus != (0.5, 0.5)


# Each subcommand's own required arguments, so that only the shared options differ.
REQUIRED = {"render": [], "draft": ["liputan-kegiatan", "-o", "d.kontenopd"],
            "export": ["a.kontenopd", "-o", "hasil"], "bulk": ["-o", "hasil"],
            "sheet": ["-o", "lembar.png"]}
SHARED = [  # options given, what they parse to, the subcommands that take them
    (["--set", "judul=Apel", "--set", "lokasi=Aula", "--photo", "foto=a.jpg"],
     {"set": ["judul=Apel", "lokasi=Aula"], "photo": ["foto=a.jpg"]}, ("render", "draft")),
    (["--profile", "opd.json"], {"profile": "opd.json"}, ("render", "draft", "bulk", "sheet")),
    (["--format", "4:5", "--format", "1:1"], {"formats": ["4:5", "1:1"]},
     ("draft", "export", "bulk")),
    (["--platform", "x", "--platform", "instagram", "--png", "--jobs", "2"],
     {"platforms": ["x", "instagram"], "png": True, "jobs": 2}, ("export", "bulk")),
]


@pytest.mark.parametrize(("given", "parsed", "commands"), SHARED)
def test_shared_options_parse_the_same_in_every_subcommand(given, parsed, commands,
                                                           capsys, monkeypatch) -> None:
    parser = build_parser()
    defaults, values = [], []
    for command in commands:
        plain = vars(parser.parse_args([command, *REQUIRED[command]]))
        defaults.append({dest: plain[dest] for dest in parsed})
        given_ns = vars(parser.parse_args([command, *REQUIRED[command], *given]))
        values.append({dest: given_ns[dest] for dest in parsed})
    assert all(d == defaults[0] for d in defaults), defaults
    assert all(v == parsed for v in values), values
    monkeypatch.setenv("COLUMNS", "200")  # one line per option
    options = {arg for arg in given if arg.startswith("--")}
    lines = []
    for command in commands:
        lines.append(sorted(line.strip() for line in _help(capsys, command).splitlines()
                            if line.strip().split(" ")[0] in options))
    assert len(lines[0]) == len(options)
    # the same help everywhere, but for export's --format: its default is the draft's formats
    same = [each for command, each in zip(commands, lines, strict=True)
            if not (command == "export" and "--format" in options)]
    assert all(each == same[0] for each in same), lines


def _help(capsys, command: str) -> str:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    return out


def test_render_takes_one_format_the_others_several() -> None:
    parser = build_parser()
    args = parser.parse_args(["render", "--format", "4:5", "--format", "1:1"])
    assert args.format == "1:1" and not hasattr(args, "formats")
    assert parser.parse_args(["render"]).format is None
    args = parser.parse_args(["draft", *REQUIRED["draft"]])
    assert args.formats == [] and not hasattr(args, "format")


@pytest.mark.parametrize("wrong", [["tidak-ada"], ["liputan-kegiatan", "--set", "tanggal=x"]])
def test_a_render_stopped_while_its_photo_decodes_exits_cleanly(tmp_path, wrong) -> None:
    """The photo decodes on a second thread from the start; a wrong template id or value
    stops the command meanwhile. The thread is waited for, so the process ends with the one
    Indonesian line and exit 2, never a crash in the interpreter's shutdown."""
    photo = tmp_path / "besar.jpg"
    Image.radial_gradient("L").resize((3000, 2000)).convert("RGB").save(photo, quality=90,
                                                                         progressive=True)
    for _ in range(3):
        out = subprocess.run([sys.executable, "-m", "kontenopd", "render", *wrong,
                              "--photo", f"foto={photo}", "-o", str(tmp_path / "x.jpg")],
                             capture_output=True, text=True, timeout=60, check=False)
        assert out.returncode == 2, out.stderr
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("kontenopd: "), out.stderr
        assert "Traceback" not in out.stderr and "Fatal" not in out.stderr
    assert not (tmp_path / "x.jpg").exists()


def test_a_one_shot_render_ends_without_teardown_yet_flushes_and_writes(tmp_path) -> None:
    """``render`` leaves through os._exit (no interpreter teardown): its warning lines
    still arrive through the pipe, the image is whole, the exit code is 0."""
    photo = tmp_path / "kecil.jpg"  # 400 px for a 1080 px frame: warns that it looks blurred
    Image.radial_gradient("L").resize((400, 300)).convert("RGB").save(photo, quality=90)
    out = tmp_path / "kartu.jpg"
    done = subprocess.run([sys.executable, "-m", "kontenopd", "render", "liputan-kegiatan",
                           "--format", "4:5", "--set", "judul=Rapat Koordinasi", "--set",
                           "tanggal=2026-12-07", "--photo", f"foto={photo}", "-o", str(out)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning: ")]
    assert any("terlalu kecil" in line for line in warnings), done.stderr
    with Image.open(out) as img:
        img.load()
        assert img.size == (1080, 1350)


def test_only_one_shot_commands_end_the_process_themselves(monkeypatch, capsys) -> None:
    """main(exit_fast=True) ends the process only after render and draft; any other
    command (here: templates) returns its code to the caller."""
    from kontenopd import cli

    left: list[int] = []
    monkeypatch.setattr(cli, "exit_now", left.append)
    assert cli.main(["templates"], exit_fast=True) == 0
    assert left == []
    capsys.readouterr()
    assert cli.main(["render", "tidak-ada", "-o", "x.jpg"], exit_fast=True) == 2
    assert left == [2]
    assert cli.main(["render", "tidak-ada", "-o", "x.jpg"]) == 2
    assert left == [2]
