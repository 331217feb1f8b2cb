"""CLI: ``kontenopd render ... --report REPORT.json``, the layout report beside the image."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys

import pytest
from PIL import Image

from kontenopd.core.io import atomic as atomic_module

from .runner import run

TEXT_KINDS = {"text", "identity", "footer", "list", "stats", "stamp", "badge"}
LONG_TITLE = ("Sosialisasi Program Keluarga Harapan bagi Warga Kecamatan Sukamaju "
              * 8)[:500]
CAROUSEL = ("carousel-kegiatan", "--set", "judul=Kerja Bakti Bersama Warga",
            "--set", "tanggal=2022-11-21", "--set", "penutup=Terima kasih warga!")


def news(*extra: str) -> list[str]:
    return ["render", "liputan-kegiatan", "--format", "4:5", "--set", "tanggal=2022-11-21",
            "--set", "lokasi=Pendopo Kabupaten", *extra]


def blocks_of(report: dict, field: str) -> list[dict]:
    return [b for b in report["blocks"] if b["field"] == field]


def test_report_describes_the_image_it_sits_beside(capsys, tmp_path, sample_photo) -> None:
    out, rep = tmp_path / "kartu Ciamis–Pangandaran.jpg", tmp_path / "kartu.json"
    code, _, err = run(capsys, *news("--set", "judul=Bupati Buka Pelatihan UMKM Tahap Kedua",
                                     "--photo", f"foto={sample_photo}", "-o", str(out),
                                     "--report", str(rep)))
    assert code == 0, err
    raw = rep.read_bytes()
    assert "–".encode() in raw and b"\\u2013" not in raw  # UTF-8, not ASCII escapes
    report = json.loads(raw.decode("utf-8"))
    with Image.open(out) as img:
        assert report["size"] == list(img.size) == [1080, 1350]
    assert (report["template"], report["format"], report["slide"], report["slides"]) == \
        ("liputan-kegiatan", "4:5", 1, 1)
    assert report["image"] == str(out)
    assert report["errors"] == []
    w, h = report["size"]
    texts = [b for b in report["blocks"] if b["kind"] in TEXT_KINDS and not b["dropped"]]
    assert len(texts) >= 4
    for b in texts:
        x0, y0, x1, y1 = b["box"]
        assert 0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h, b
        if b["kind"] in {"text", "identity", "footer"}:
            assert b["lines"] >= 1 and b["font_px"] > 0, b
    (title,) = blocks_of(report, "judul")
    assert title["kind"] == "text" and not title["cut"] and not title["ellipsis"]
    assert title["protected"] and 1 <= title["lines"] <= 3 and title["font_px"] >= 40
    tx0, ty0, tx1, ty1 = title["box"]
    for b in texts:  # no other text runs into the title
        if b is not title:
            x0, y0, x1, y1 = b["box"]
            assert min(x1, tx1) <= max(x0, tx0) or min(y1, ty1) <= max(y0, ty0), b
    assert all(set(w) == {"code", "message", "field"} for w in report["warnings"])


def test_a_500_character_title_is_an_error_naming_the_field(capsys, tmp_path) -> None:
    out, rep = tmp_path / "panjang.png", tmp_path / "panjang.json"
    code, _, err = run(capsys, *news("--set", f"judul={LONG_TITLE}", "-o", str(out),
                                     "--report", str(rep)))
    assert code == 0  # the contract: render warnings (blocking ones too) keep exit 0
    assert all(line.startswith("warning: ") for line in err.strip().splitlines())
    report = json.loads(rep.read_text(encoding="utf-8"))
    (error,) = report["errors"]
    assert error["field"] == "judul" and error["code"] == "overflow"
    assert "Judul" in error["message"] and "karakter" in error["message"]
    assert {"code": "length", "field": "judul"}.items() <= report["warnings"][0].items()
    assert all(w["code"] != "overflow" for w in report["warnings"])  # errors listed apart
    (title,) = blocks_of(report, "judul")
    assert title["cut"] is True and title["dropped"] is False
    assert title["ellipsis"] is False  # protected text is never cut with "…"
    assert title["lines"] >= 3
    x0, y0, x1, y1 = title["box"]
    assert 0 <= x0 < x1 <= 1080 and 0 <= y0 < y1 <= 1350  # what fits stays on the card
    with Image.open(out) as img:
        assert list(img.size) == report["size"]


def test_a_photo_less_render_lists_no_photo_block(capsys, tmp_path, sample_photo) -> None:
    reports = {}
    for name, extra in (("tanpa", []), ("dengan", ["--photo", f"foto={sample_photo}"])):
        rep = tmp_path / f"{name}.json"
        code, _, err = run(capsys, *news("--set", "judul=Apel Pagi", *extra,
                                         "-o", str(tmp_path / f"{name}.jpg"),
                                         "--report", str(rep)))
        assert code == 0, err
        reports[name] = json.loads(rep.read_text(encoding="utf-8"))
    empty = [b for b in reports["tanpa"]["blocks"] if b["kind"] == "photo" or b["field"] == "foto"]
    assert all(b.get("placeholder") for b in empty), empty  # none, or marked as a placeholder
    assert [b["field"] for b in reports["tanpa"]["blocks"] if b["kind"] == "text"] == \
        [b["field"] for b in reports["dengan"]["blocks"] if b["kind"] == "text"]


def test_carousel_writes_one_report_per_slide_named_like_the_images(capsys, tmp_path,
                                                                    sample_photo) -> None:
    out, rep = tmp_path / "kegiatan.jpg", tmp_path / "laporan.json"
    code, _, err = run(capsys, "render", *CAROUSEL, "--photo", f"foto={sample_photo}",
                       "--photo", f"foto={sample_photo}", "-o", str(out), "--report", str(rep))
    assert code == 0, err
    assert not rep.exists() and not out.exists()
    for n in (1, 2, 3):
        report = json.loads((tmp_path / f"laporan_{n:02d}.json").read_text(encoding="utf-8"))
        assert (report["slide"], report["slides"], report["format"]) == (n, 3, "4:5")
        assert report["image"] == str(tmp_path / f"kegiatan_{n:02d}.jpg")
        with Image.open(report["image"]) as img:
            assert list(img.size) == report["size"]
    assert not (tmp_path / "laporan_04.json").exists()
    first = json.loads((tmp_path / "laporan_01.json").read_text(encoding="utf-8"))
    last = json.loads((tmp_path / "laporan_03.json").read_text(encoding="utf-8"))
    assert blocks_of(first, "judul") and not blocks_of(last, "judul")
    assert blocks_of(last, "penutup") and not blocks_of(first, "penutup")


def test_draft_form_with_slide_writes_that_slide_to_report_itself(capsys, tmp_path,
                                                                  sample_photo) -> None:
    draft = tmp_path / "kegiatan.kontenopd"
    code, _, err = run(capsys, "draft", *CAROUSEL, "--photo", f"foto={sample_photo}",
                       "--photo", f"foto={sample_photo}", "-o", str(draft))
    assert code == 0, err
    out, rep = tmp_path / "slide3.png", tmp_path / "slide3.json"
    code, _, err = run(capsys, "render", "--draft", str(draft), "--slide", "3", "-o", str(out),
                       "--report", str(rep))
    assert code == 0, err
    report = json.loads(rep.read_text(encoding="utf-8"))
    assert (report["template"], report["slide"], report["slides"]) == ("carousel-kegiatan", 3, 3)
    assert report["image"] == str(out)
    (closing,) = blocks_of(report, "penutup")
    assert closing["lines"] >= 1 and not closing["cut"]
    written = {p.name for p in tmp_path.iterdir()} - {"kontenopd-home"}
    assert written == {"kegiatan.kontenopd", "slide3.json", "slide3.png"}


@pytest.mark.parametrize("where", ["under_a_file", "a_folder", "the_image", "a_png"])
def test_a_report_path_that_cannot_be_written_is_one_line_exit_2(capsys, tmp_path, where):
    (tmp_path / "berkas.txt").write_text("bukan folder")
    (tmp_path / "folder").mkdir()
    out = tmp_path / "kartu.jpg"
    report = {"under_a_file": tmp_path / "berkas.txt" / "laporan.json",
              "a_folder": tmp_path / "folder", "the_image": out,
              "a_png": tmp_path / "kartu_01.png"}[where]
    code, _, err = run(capsys, *news("--set", "judul=Apel Pagi", "-o", str(out),
                                     "--report", str(report)))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("kontenopd: ")
    assert "--report" in err or "Laporan tata letak" in err
    assert "Traceback" not in err
    assert not out.exists()  # refused before anything was rendered


def test_a_report_write_failing_midway_is_one_line_exit_2(capsys, tmp_path, monkeypatch):
    replace = atomic_module._replace

    def full_disk(src, dst) -> None:
        if not str(dst).endswith(".json"):  # the image (same atomic writer) still saves
            return replace(src, dst)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic_module, "_replace", full_disk)
    rep = tmp_path / "laporan.json"
    code, _, err = run(capsys, *news("--set", "judul=Apel Pagi", "-o", str(tmp_path / "a.jpg"),
                                     "--report", str(rep)))
    assert code == 2
    assert err.strip().splitlines() == [
        f"kontenopd: Laporan tata letak tidak bisa ditulis ke {rep} (disk penuh)."]
    assert not rep.exists() and not list(tmp_path.glob(".*.tmp"))


def test_report_through_a_subprocess(tmp_path, sample_photo) -> None:
    env = {**os.environ, "KONTENOPD_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "utf-8"}
    out, rep = tmp_path / "sub.jpg", tmp_path / "sub report.json"
    done = subprocess.run([sys.executable, "-m", "kontenopd", *news(
        "--set", f"judul={LONG_TITLE}", "--photo", f"foto={sample_photo}", "-o", str(out),
        "--report", str(rep))], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    report = json.loads(rep.read_text(encoding="utf-8"))
    with Image.open(out) as img:
        assert list(img.size) == report["size"]
    assert [e["field"] for e in report["errors"]] == ["judul"]
    assert not list(tmp_path.glob(".*.tmp"))
