"""Export: folder layout, manifest, JPEG rules, metadata stripping, cancel, pool, CLI."""

from __future__ import annotations

import io
import json
import os
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageCms

from kontenopd.cli import main
from kontenopd.core.captions.compose import captions_for
from kontenopd.core.errors import KontenError
from kontenopd.core.export.exporter import export
from kontenopd.core.export.folders import PARTIAL_PREFIX
from kontenopd.core.export.jobs import ExportJob
from kontenopd.core.export.manifest import MANIFEST
from kontenopd.core.export.worker import RenderTask, run_task
from kontenopd.core.model.platforms import PLATFORM_KEYS
from kontenopd.core.model.records import Draft, PhotoRef
from kontenopd.core.photos.cache import PhotoCache
from kontenopd.core.template.library import load_library

DAY = date(2022, 11, 21)
SECRET_MAKE = "KameraRahasia"
SECRET_XMP = b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>RAHASIA-XMP</x:xmpmeta>"

TEMPLATE = {
    "id": "uji-ekspor", "name": "Uji Ekspor", "kind": "liputan",
    "fields": [
        {"key": "judul", "label": "Judul", "type": "text", "required": True},
        {"key": "tanggal", "label": "Tanggal", "type": "date"},
        {"key": "ringkasan", "label": "Ringkasan", "type": "multiline"},
        {"key": "foto", "label": "Foto", "type": "photo"},
    ],
    "formats": {
        fmt: {"layers": [
            {"type": "photo", "field": "foto", "box": [0, 0, w, h]},
            {"type": "rect", "box": [0, b - 300, w, 300], "fill": "profile.primary"},
            {"type": "text", "text": "{{ judul }}", "box": [60, b - 260, w - 120, 200],
             "size": 56, "color": "profile.light"},
        ]}
        # b: the bottom of the visible zone (a story loses its bottom 340 px)
        for fmt, (w, h, b) in {"4:5": (1080, 1350, 1350), "3:4": (1080, 1440, 1440),
                               "9:16": (1080, 1920, 1580)}.items()
    },
}


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    root = tmp_path_factory.mktemp("templates")
    folder = root / "uji-ekspor"
    folder.mkdir()
    (folder / "template.json").write_text(json.dumps(TEMPLATE), encoding="utf-8")
    library = load_library(root)
    assert not library.errors, library.errors
    return library


@pytest.fixture(scope="module")
def spy_photo(tmp_path_factory) -> Path:
    """A camera photo carrying GPS, camera make/model and XMP: none of it may leak."""
    path = tmp_path_factory.mktemp("photos") / "kamera.jpg"
    img = Image.linear_gradient("L").resize((2400, 1800)).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = SECRET_MAKE  # Make
    exif[0x0110] = "ModelX-9000"  # Model
    exif[0x8825] = {1: "S", 2: (7.0, 28.0, 12.5), 3: "E", 4: (112.0, 26.0, 3.0)}  # GPS
    img.save(path, quality=90, exif=exif, xmp=SECRET_XMP)
    check = Image.open(path)
    assert check.getexif().get_ifd(0x8825), "the fixture must really carry GPS data"
    return path


def make_draft(title: str, photo: Path | None, formats=("4:5", "3:4", "9:16")) -> Draft:
    draft = Draft(template="uji-ekspor", formats=list(formats),
                  values={"judul": title, "tanggal": "2022-11-21",
                          "ringkasan": "Apel pagi diikuti 200 ASN.", "tagar": "apel pagi"})
    if photo is not None:
        draft.photos["foto"] = [PhotoRef(str(photo))]
    return draft


def leftovers(out: Path) -> list[Path]:
    """Anything half-written: partial folders or temporary files."""
    return [p for p in out.rglob("*")
            if p.name.startswith(PARTIAL_PREFIX) or p.name.startswith(".kontenopd-")]


def assert_complete(folder: Path) -> dict:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    listed = {f["file"] for f in manifest["files"]}
    on_disk = {p.name for p in folder.iterdir()} - {MANIFEST}
    assert listed == on_disk
    for entry in manifest["files"]:
        assert (folder / entry["file"]).stat().st_size == entry["bytes"]
    return manifest


# ---------------------------------------------------------------- layout and manifest


def test_two_posts_layout_captions_and_manifest(tmp_path, lib, profile, spy_photo) -> None:
    jobs = [ExportJob.from_draft(make_draft("Apel Pagi Bersama ASN", spy_photo), profile),
            ExportJob.from_draft(make_draft("Rapat Koordinasi Stunting", spy_photo,
                                            formats=("4:5",)), profile,
                                 platforms=["instagram", "x"])]
    seen = []
    report = export(jobs, tmp_path, library=lib, workers=0, today=DAY, progress=seen.append)
    assert report.ok, report.errors
    assert [f.name for f in report.folders] == ["2022-11-21_apel-pagi-bersama-asn",
                                               "2022-11-21_rapat-koordinasi-stunting"]
    first = tmp_path / "2022-11-21_apel-pagi-bersama-asn"
    assert sorted(p.name for p in first.iterdir()) == sorted(
        ["apel-pagi-bersama-asn_4x5.jpg", "apel-pagi-bersama-asn_3x4.jpg",
         "apel-pagi-bersama-asn_9x16.jpg", MANIFEST]
        + [f"caption_{k}.txt" for k in PLATFORM_KEYS])
    second = tmp_path / "2022-11-21_rapat-koordinasi-stunting"
    assert sorted(p.name for p in second.iterdir()) == sorted([
        MANIFEST, "caption_instagram.txt", "caption_x.txt", "rapat-koordinasi-stunting_4x5.jpg"])
    # captions are the ones the caption panel shows
    template = lib.get("uji-ekspor")
    expected = captions_for(template, jobs[0].draft, profile)
    for key, caption in expected.items():
        text = (first / f"caption_{key}.txt").read_text(encoding="utf-8")
        assert text == caption.text + "\n"
    assert "Contoh, Senin (21/11/2022) – Apel pagi diikuti 200 ASN." in \
        (first / "caption_instagram.txt").read_text(encoding="utf-8")
    assert "#ApelPagi" in (first / "caption_instagram.txt").read_text(encoding="utf-8")
    # progress: a start line, then one report per file, in order, to the total
    assert seen[0].done == 0 and seen[0].total == 4
    assert [p.done for p in seen[1:]] == [1, 2, 3, 4]
    assert seen[-1].fraction == 1.0
    # a post's tallest format first: its (largest) decode of the photo serves the others
    assert seen[1].name == "2022-11-21_apel-pagi-bersama-asn/apel-pagi-bersama-asn_9x16.jpg"
    assert seen[2].name == "2022-11-21_apel-pagi-bersama-asn/apel-pagi-bersama-asn_3x4.jpg"

    manifest = assert_complete(first)
    assert manifest["template"] == {"id": "uji-ekspor", "name": "Uji Ekspor", "kind": "liputan"}
    assert manifest["title"] == "Apel Pagi Bersama ASN"
    assert manifest["formats"] == ["4:5", "3:4", "9:16"]
    assert manifest["platforms"] == list(PLATFORM_KEYS)
    images = {f["format"]: f for f in manifest["files"] if f["type"] == "image"}
    assert {k: (v["width"], v["height"]) for k, v in images.items()} == {
        "4:5": (1080, 1350), "3:4": (1080, 1440), "9:16": (1080, 1920)}
    for entry in images.values():
        with Image.open(first / entry["file"]) as img:
            assert img.size == (entry["width"], entry["height"])
        assert entry["template"] == "uji-ekspor" and entry["mime"] == "image/jpeg"
        assert entry["quality"] == 92 and entry["warnings"] == []
    assert images["4:5"]["platforms"]["instagram"]["status"] == "recommended"
    assert images["3:4"]["platforms"]["instagram"]["status"] == "app_only"
    assert images["9:16"]["platforms"]["instagram"]["status"] == "story"
    assert images["9:16"]["platforms"]["whatsapp"]["status"] == "recommended"
    caption_entries = {f["platform"]: f for f in manifest["files"] if f["type"] == "caption"}
    assert set(caption_entries) == set(PLATFORM_KEYS)
    assert caption_entries["instagram"]["limit"] == 2200
    assert caption_entries["instagram"]["hashtag_limit"] == 5
    assert caption_entries["x"]["length"] == expected["x"].check.length
    assert caption_entries["instagram"]["ok"] is True
    assert caption_entries["instagram"]["edited"] is False


def test_render_warnings_reach_the_manifest(tmp_path, lib, profile) -> None:
    small = tmp_path / "kecil.jpg"
    Image.new("RGB", (300, 200), "#808080").save(small)
    report = export([ExportJob.from_draft(make_draft("Foto Kecil", small, ("4:5",)), profile)],
                    tmp_path / "out", library=lib, workers=0, today=DAY)
    assert report.ok
    manifest = assert_complete(report.folders[0])
    image = next(f for f in manifest["files"] if f["type"] == "image")
    assert [w["code"] for w in image["warnings"]] == ["photo_small"]
    assert any("buram" in w for w in report.posts[0].warnings)


# ---------------------------------------------------------------- image rules


def test_exported_images_carry_no_source_metadata(tmp_path, lib, profile, spy_photo) -> None:
    jobs = [ExportJob.from_draft(make_draft("Foto Kamera", spy_photo, ("4:5",)), profile),
            ExportJob.from_draft(make_draft("Foto Kamera PNG", spy_photo, ("4:5",)), profile,
                                 image_type="png")]
    report = export(jobs, tmp_path, library=lib, workers=0, today=DAY)
    assert report.ok
    images = [f for f in report.files if f.suffix in (".jpg", ".png")]
    assert [f.suffix for f in images] == [".jpg", ".png"]
    for path in images:
        raw = path.read_bytes()
        assert SECRET_MAKE.encode() not in raw and b"ModelX" not in raw
        assert b"RAHASIA-XMP" not in raw and b"Exif\x00\x00" not in raw
        with Image.open(path) as img:
            assert not img.getexif()
            assert not img.getexif().get_ifd(0x8825)
            assert "xmp" not in img.info and "exif" not in img.info
            icc = ImageCms.ImageCmsProfile(io.BytesIO(img.info["icc_profile"]))
            assert "sRGB" in ImageCms.getProfileDescription(icc)  # tagged sRGB
            assert img.mode == "RGB"


def test_jpegs_meet_instagram_publishing_rules(tmp_path, lib, profile, spy_photo) -> None:
    report = export([ExportJob.from_draft(make_draft("Aturan", spy_photo), profile)],
                    tmp_path, library=lib, workers=0, today=DAY)
    for path in report.files:
        if path.suffix == ".jpg":
            with Image.open(path) as img:
                assert img.format == "JPEG"
                assert 320 <= img.width <= 1440
            assert path.stat().st_size <= 8 * 2**20


def test_quality_is_lowered_until_the_file_fits(tmp_path, lib, profile) -> None:
    noisy = tmp_path / "noise.png"
    Image.effect_noise((1080, 1350), 120).convert("RGB").save(noisy)
    cap = 800_000
    task = RenderTask(0, str(lib.get("uji-ekspor").folder), "4:5",
                      make_draft("Bising", noisy, ("4:5",)), profile,
                      str(tmp_path / "bising_4x5.jpg"), cap)
    done = run_task(task, PhotoCache())
    assert done.error is None
    assert done.quality is not None and done.quality < 92
    assert done.bytes <= cap == task.max_bytes
    assert Path(task.path).stat().st_size == done.bytes
    assert "quality" in [code for code, _, _ in done.warnings]


def test_x_caps_images_at_5_mb(tmp_path, lib, profile, spy_photo) -> None:
    seen = {}
    job = ExportJob.from_draft(make_draft("X", spy_photo, ("4:5",)), profile, platforms=["x"])
    from kontenopd.core.export import worker as worker_module

    original = worker_module.run_task

    def spy(task, photos):
        seen["max_bytes"] = task.max_bytes
        return original(task, photos)

    worker_module.run_task = spy
    try:
        export([job], tmp_path, library=lib, workers=0, today=DAY)
    finally:
        worker_module.run_task = original
    assert seen["max_bytes"] == 5 * 2**20


# ---------------------------------------------------------------- safety


def test_an_existing_export_is_never_overwritten(tmp_path, lib, profile, spy_photo) -> None:
    job = ExportJob.from_draft(make_draft("Apel Pagi", spy_photo, ("4:5",)), profile)
    first = export([job], tmp_path, library=lib, workers=0, today=DAY).folders[0]
    before = {p.name: p.read_bytes() for p in first.iterdir()}
    (first / "catatan-saya.txt").write_text("jangan dihapus", encoding="utf-8")
    second = export([job, job], tmp_path, library=lib, workers=0, today=DAY)
    assert [f.name for f in second.folders] == ["2022-11-21_apel-pagi-2",
                                                "2022-11-21_apel-pagi-3"]
    for name, data in before.items():
        assert (first / name).read_bytes() == data
    assert (first / "catatan-saya.txt").read_text(encoding="utf-8") == "jangan dihapus"


def test_a_failing_post_does_not_stop_the_others(tmp_path, lib, profile, spy_photo) -> None:
    gone = tmp_path / "hilang.jpg"
    jobs = [
        ExportJob.from_draft(Draft(template="uji-ekspor", values={"judul": ""}), profile),
        ExportJob.from_draft(make_draft("Foto Hilang", gone), profile),
        ExportJob.from_draft(make_draft("Baik", spy_photo, ("4:5",)), profile),
        ExportJob.from_draft(make_draft("Format Salah", spy_photo, ("16:9",)), profile),
        ExportJob.from_draft(Draft(template="tidak-ada"), profile),
    ]
    out = tmp_path / "out"
    report = export(jobs, out, library=lib, workers=0, today=DAY)
    assert not report.ok and not report.cancelled
    errors = [p.error for p in report.posts]
    assert errors[0] == "Field wajib belum diisi: Judul (judul)."
    assert "hilang.jpg" in errors[1]
    assert errors[2] is None
    assert "Format 16:9 tidak ada di templat uji-ekspor" in errors[3]
    assert "Templat 'tidak-ada' tidak ditemukan" in errors[4]
    assert [f.name for f in out.iterdir()] == ["2022-11-21_baik"]
    assert leftovers(out) == []


def test_unusable_output_folder_is_a_clear_error(tmp_path, lib, profile, spy_photo) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    job = ExportJob.from_draft(make_draft("A", spy_photo, ("4:5",)), profile)
    with pytest.raises(KontenError, match="Folder keluaran tidak bisa dibuat"):
        export([job], blocker / "sub", library=lib, workers=0)


def test_job_options_are_checked() -> None:
    with pytest.raises(KontenError, match="Platform 'friendster' tidak dikenal"):
        ExportJob.from_file("a.kontenopd", platforms=["friendster"])
    with pytest.raises(KontenError, match="Jenis gambar 'gif'"):
        ExportJob.from_file("a.kontenopd", image_type="gif")
    with pytest.raises(KontenError, match="minimal satu platform"):
        ExportJob.from_file("a.kontenopd", platforms=[])


def test_queued_draft_is_a_snapshot(profile, spy_photo) -> None:
    draft = make_draft("Sebelum", spy_photo)
    job = ExportJob.from_draft(draft, profile)
    draft.values["judul"] = "Sesudah"
    assert job.draft.values["judul"] == "Sebelum" and job.label == "Sebelum"


def test_stale_partial_folders_are_cleaned(tmp_path, lib, profile, spy_photo) -> None:
    old = tmp_path / f"{PARTIAL_PREFIX}lama-abc"
    fresh = tmp_path / f"{PARTIAL_PREFIX}baru-def"
    for folder in (old, fresh):
        folder.mkdir()
        (folder / "x.jpg").write_bytes(b"setengah")
    past = time.time() - 2 * 86400
    os.utime(old, (past, past))
    export([ExportJob.from_draft(make_draft("A", spy_photo, ("4:5",)), profile)], tmp_path,
           library=lib, workers=0, today=DAY)
    assert not old.exists() and fresh.exists()


# ---------------------------------------------------------------- cancel and the pool


@pytest.mark.parametrize("workers", [0, 2])
def test_cancel_midway_leaves_no_half_written_files(tmp_path, lib, profile, spy_photo,
                                                   workers) -> None:
    jobs = [ExportJob.from_draft(make_draft(f"Pos {i}", spy_photo), profile) for i in range(6)]
    cancel = threading.Event()
    seen = []

    def progress(p):
        seen.append(p.done)
        if p.done >= 1:
            cancel.set()

    report = export(jobs, tmp_path, library=lib, workers=workers, progress=progress,
                    cancel=cancel, today=DAY)
    assert report.cancelled and not report.ok
    assert seen[-1] < 18  # it stopped before the end
    assert leftovers(tmp_path) == []
    folders = sorted(p for p in tmp_path.iterdir())
    assert len(folders) < 6
    assert folders == sorted(report.folders)
    for folder in folders:  # whatever remains is complete
        assert len(assert_complete(folder)["files"]) == 3 + len(PLATFORM_KEYS)
    assert all(p.error == "Dibatalkan." for p in report.posts if p.folder is None)


def test_cancel_before_start_writes_nothing(tmp_path, lib, profile, spy_photo) -> None:
    cancel = threading.Event()
    cancel.set()
    report = export([ExportJob.from_draft(make_draft("A", spy_photo), profile)], tmp_path,
                    library=lib, workers=0, cancel=cancel)
    assert report.cancelled and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("posts", [2, 4])  # 2: one image per task; 4: one post per task
def test_process_pool_gives_the_same_files(tmp_path, lib, profile, spy_photo, posts) -> None:
    jobs = [ExportJob.from_draft(make_draft(f"Pos {i}", spy_photo, ("4:5", "9:16")), profile)
            for i in range(posts)]
    serial = export(jobs, tmp_path / "serial", library=lib, workers=0, today=DAY)
    seen = []
    pooled = export(jobs, tmp_path / "pool", library=lib, workers=2, today=DAY,
                    progress=seen.append)
    assert serial.ok and pooled.ok, pooled.errors
    assert [p.done for p in seen] == list(range(2 * posts + 1))
    for a, b in zip(serial.folders, pooled.folders, strict=True):
        assert a.name == b.name
        for file in a.iterdir():
            if file.suffix == ".jpg":  # same pixels (the sRGB tag carries a timestamp)
                with Image.open(file) as x, Image.open(b / file.name) as y:
                    assert ImageChops.difference(x, y).getbbox() is None


# ---------------------------------------------------------------- draft files and the CLI


@pytest.fixture
def draft_files(tmp_path, real_profile, spy_photo):
    from kontenopd.core.io.draft_file import save_draft

    library = load_library()
    template = library.get("liputan-kegiatan")
    made = []
    for i, title in enumerate(["Apel Pagi Bersama ASN", "Rapat Koordinasi"]):
        draft = Draft(template=template.id, formats=["4:5", "1:1"],
                      values={**template.sample, "judul": title},
                      photos={"foto": [PhotoRef(str(spy_photo))]})
        if i == 0:
            draft.captions["x"] = "Teks X buatan sendiri #ContohKab"
        made.append(save_draft(tmp_path / f"draf{i}.kontenopd", draft, real_profile))
    return made


def test_export_from_draft_files(tmp_path, draft_files) -> None:
    jobs = [ExportJob.from_file(p, platforms=["instagram", "x"]) for p in draft_files]
    report = export(jobs, tmp_path / "out", workers=0, today=DAY)
    assert report.ok, report.errors
    folder = report.folders[0]
    assert folder.name == "2022-11-21_apel-pagi-bersama-asn"
    assert (folder / "caption_x.txt").read_text(encoding="utf-8") == \
        "Teks X buatan sendiri #ContohKab\n"
    manifest = assert_complete(folder)
    assert manifest["source"] == str(draft_files[0].resolve())
    assert manifest["template"]["id"] == "liputan-kegiatan"
    edited = {f["platform"]: f["edited"] for f in manifest["files"] if f["type"] == "caption"}
    assert edited == {"instagram": False, "x": True}
    for image in folder.glob("*.jpg"):
        assert SECRET_MAKE.encode() not in image.read_bytes()


def test_cli_export(tmp_path, draft_files, capsys) -> None:
    out = tmp_path / "hasil"
    code = main(["export", *map(str, draft_files), "-o", str(out), "--platform", "instagram",
                 "--format", "4:5", "--jobs", "0"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    lines = captured.err.splitlines()
    assert lines[0].startswith("[1/2] ") and lines[0].endswith("_4x5.jpg")
    assert lines[1].startswith("[2/2] ") and lines[1].endswith("_4x5.jpg")
    folders = [Path(line) for line in captured.out.splitlines()]
    assert len(folders) == 2 and all(f.is_dir() for f in folders)
    assert sorted(p.name for p in folders[0].iterdir()) == [
        "apel-pagi-bersama-asn_4x5.jpg", "caption_instagram.txt", MANIFEST]


def test_cli_export_reports_a_bad_draft_and_still_exports_the_rest(tmp_path, draft_files,
                                                                   capsys) -> None:
    broken = tmp_path / "rusak.kontenopd"
    broken.write_bytes(b"bukan zip")
    out = tmp_path / "hasil"
    code = main(["export", str(broken), str(draft_files[1]), "-o", str(out),
                 "--format", "4:5", "--jobs", "0"])
    captured = capsys.readouterr()
    assert code == 2
    errors = [line for line in captured.err.splitlines() if line.startswith("kontenopd:")]
    assert len(errors) == 1 and "rusak.kontenopd" in errors[0]
    assert "Traceback" not in captured.err
    assert len(captured.out.splitlines()) == 1
    assert leftovers(out) == []


@pytest.mark.parametrize(("args", "message"), [
    (["--platform", "myspace"], "Platform 'myspace' tidak dikenal"),
    (["--format", "2:3"], "Format '2:3' tidak dikenal"),
])
def test_cli_export_usage_errors(tmp_path, draft_files, capsys, args, message) -> None:
    code = main(["export", str(draft_files[0]), "-o", str(tmp_path / "o"), *args])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and message in err
    assert not (tmp_path / "o").exists()


def test_tasks_are_grouped_per_post_only_when_there_are_enough_posts() -> None:
    from kontenopd.core.export.exporter import _Exporter

    def tasks(posts):
        return [RenderTask(j, "", fmt, None, None, "", 0) for j in range(posts)
                for fmt in ("4:5", "1:1", "9:16")]

    few = _Exporter.chunks(tasks(3), workers=2)
    assert [len(c) for c in few] == [1] * 9
    many = _Exporter.chunks(tasks(4), workers=2)
    assert [[t.job for t in c] for c in many] == [[0] * 3, [1] * 3, [2] * 3, [3] * 3]


def test_a_worker_forgets_a_whole_posts_photos_and_keeps_a_shared_ones(tmp_path, lib,
                                                                         profile) -> None:
    """Memory: with one chunk per post nothing is reused by the next chunk, so the worker's
    photo cache is emptied after it; images of one post spread over chunks keep it."""
    from kontenopd.core.export import worker

    photo = tmp_path / "foto.jpg"
    Image.linear_gradient("L").resize((1600, 1200)).convert("RGB").save(photo)
    draft = make_draft("Rapat", photo, ("4:5", "9:16"))
    template = str(lib.get("uji-ekspor").folder)
    task = RenderTask(0, template, "4:5", draft, profile, str(tmp_path / "a.jpg"), 8_000_000)
    worker.worker_init()
    assert [d.error for d in worker.pool_chunk([task], whole_post=False)] == [None]
    assert worker._worker_photos.info(photo).width == 1600
    assert len(worker._worker_photos._items) == 1  # kept for the post's next image
    later = RenderTask(0, template, "9:16", draft, profile, str(tmp_path / "b.jpg"), 8_000_000)
    assert [d.error for d in worker.pool_chunk([later], whole_post=True)] == [None]
    assert len(worker._worker_photos._items) == 0
