"""Draft files: round trips, photo storage, backups, defensive loading, migration."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from kontenopd.core.errors import KontenError, PhotoError
from kontenopd.core.io import draft_file as drafts
from kontenopd.core.io.atomic import atomic_write
from kontenopd.core.io.draft_file import SaveOptions, load_draft, read_thumbnail, save_draft
from kontenopd.core.io.draft_info import read_draft_info
from kontenopd.core.io.draft_loader import OpenedDraft
from kontenopd.core.io.draft_schema import (
    SCHEMA_VERSION,
    DraftFileError,
    draft_from_dict,
    draft_to_dict,
)
from kontenopd.core.model.records import Draft, PhotoRef
from kontenopd.core.render import render

from .draft_copies import rewrite_draft

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = sorted((ROOT / "assets" / "samples").glob("*.jpg"))


def sample_draft(template) -> Draft:
    draft = Draft(template=template.id, formats=template.format_keys,
                  values=dict(template.sample))
    photos = iter(SAMPLES)
    for f in template.fields:
        if f.type == "photo":
            draft.photos[f.key] = [PhotoRef(str(next(photos)), (0.3 + 0.1 * i, 0.6))
                                   for i in range(min(f.max_items, 3))]
    return draft


def renders(template, draft, profile) -> dict[str, bytes]:
    """Every format; for a carousel, every slide of the first format too."""
    out = {fmt: render(template, fmt, draft, profile).image.tobytes()
           for fmt in template.format_keys}
    first = template.format_keys[0]
    if getattr(template.formats[first], "slides", None):
        for slide in range(1, 12):
            try:
                image = render(template, first, draft, profile, slide=slide).image
            except KontenError:
                break
            out[f"{first}#{slide}"] = image.tobytes()
    return out


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


# ---------------------------------------------------------------- round trips


def test_every_template_round_trips_to_identical_renders(library, profile, tmp_path) -> None:
    assert len(library.templates) >= 3
    for template in library.templates.values():
        draft = sample_draft(template)
        before = renders(template, draft, profile)
        file = save_draft(tmp_path / f"{template.id}.kontenopd", draft, profile)
        opened = load_draft(file, workdir=tmp_path / "work", library=library)
        assert opened.notices == [], (template.id, opened.notices)
        assert opened.draft.values == draft.values
        assert opened.draft.formats == draft.formats
        assert [[r.focus for r in refs] for refs in opened.draft.photos.values()] == \
            [[r.focus for r in refs] for refs in draft.photos.values()]
        assert renders(template, opened.draft, opened.profile) == before, template.id
        # Saved again from the opened copy (photos now from the work folder): same content.
        again = save_draft(tmp_path / f"{template.id}-2.kontenopd", opened.draft, opened.profile)
        a, b = members(file), members(again)
        assert {k: v for k, v in a.items() if k != "draft.json"} == \
            {k: v for k, v in b.items() if k != "draft.json"}
        reopened = load_draft(again, workdir=tmp_path / "work", library=library)
        assert reopened.draft.values == draft.values and reopened.notices == []
        first = next(iter(template.format_keys))
        assert render(template, first, reopened.draft, reopened.profile).image.tobytes() == \
            before[first], template.id


def test_file_layout_and_json(library, profile, tmp_path) -> None:
    template = library.get("liputan-kegiatan")
    draft = sample_draft(template)
    draft.captions["instagram"] = "Teks caption yang diubah tangan ✨"
    file = save_draft(tmp_path / "a.kontenopd", draft, profile,
                      thumbnail=Image.new("RGB", (1080, 1350), "navy"))
    with zipfile.ZipFile(file) as zf:
        names = zf.namelist()
        data = json.loads(zf.read("draft.json"))
    assert names[0] == "draft.json"
    assert "thumbnail.jpg" in names
    assert {"profile/pemda.png", "profile/opd.png"} <= set(names)
    assert data["schema_version"] == SCHEMA_VERSION and data["app"] == "kontenopd-draft"
    assert data["template"] == "liputan-kegiatan"
    assert data["title"] == template.sample["judul"]
    assert data["captions"] == draft.captions
    assert data["saved_at"].endswith("Z")
    entries = data["photos"]["foto"]
    assert len(entries) == 3
    assert all(e["file"].startswith("photos/") and e["file"] in names for e in entries)
    assert entries[0]["name"] == SAMPLES[0].name and entries[0]["focus"] == [0.3, 0.6]
    assert data["profile"]["pemda_logo"] == "profile/pemda.png"
    opened = load_draft(file, workdir=tmp_path / "w")
    assert opened.draft.captions == draft.captions
    assert Path(opened.draft.photos["foto"][0].path).name == SAMPLES[0].name
    assert opened.saved_at is not None and opened.saved_at.tzinfo is not None
    # Logos travel inside the file: same bytes as the originals, extracted to the work folder.
    assert Path(opened.profile.pemda_logo).read_bytes() == Path(profile.pemda_logo).read_bytes()
    assert Path(opened.profile.opd_logo).is_relative_to(tmp_path / "w")


def test_same_photo_twice_is_stored_once(profile, tmp_path) -> None:
    draft = Draft("liputan-kegiatan", values={"judul": "x"},
                  photos={"foto": [PhotoRef(str(SAMPLES[0])), PhotoRef(str(SAMPLES[0]), (0, 1))]})
    file = save_draft(tmp_path / "a.kontenopd", draft, profile)
    assert len([n for n in members(file) if n.startswith("photos/")]) == 1
    opened = load_draft(file, workdir=tmp_path / "w")
    refs = opened.draft.photos["foto"]
    assert refs[0].path == refs[1].path and refs[1].focus == (0.0, 1.0)


def test_thumbnail_and_info_without_extracting(library, profile, tmp_path) -> None:
    template = library.get("agenda-undangan")
    draft = sample_draft(template)
    thumb = drafts.make_thumbnail(template, draft, profile)
    assert max(thumb.size) <= 400
    file = save_draft(tmp_path / "agenda.kontenopd", draft, profile, thumbnail=thumb)
    info = read_draft_info(file)
    assert info.title == template.sample["acara"] and info.template == "agenda-undangan"
    assert info.has_thumbnail and info.saved_at is not None
    stored = read_thumbnail(file)
    assert stored is not None and max(stored.size) == drafts.THUMBNAIL_SIDE
    assert read_thumbnail(tmp_path / "missing.kontenopd") is None
    no_thumb = save_draft(tmp_path / "b.kontenopd", draft, profile)
    assert read_thumbnail(no_thumb) is None and not read_draft_info(no_thumb).has_thumbnail


# ---------------------------------------------------------------- photo storage


def _jpeg_with_exif(path: Path, size: tuple[int, int], orientation: int) -> Path:
    img = Image.new("RGB", size)
    for x in range(0, size[0], 16):
        img.paste((x % 256, 90, 200 - x % 200), (x, 0, x + 8, size[1] // 2))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "KameraPonsel"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "S", (6.0, 10.0, 30.0)
    gps[3], gps[4] = "E", (106.0, 49.0, 0.0)
    img.save(path, "JPEG", quality=90, exif=exif, comment=b"secret note")
    return path


def test_photo_metadata_is_stripped_but_pixels_and_orientation_kept(library, profile,
                                                                     tmp_path) -> None:
    src = _jpeg_with_exif(tmp_path / "IMG_0001.jpg", (1200, 800), orientation=6)
    template = library.get("liputan-kegiatan")
    draft = Draft(template.id, values=dict(template.sample), photos={"foto": [PhotoRef(str(src))]})
    before = render(template, "4:5", draft, profile).image.tobytes()
    file = save_draft(tmp_path / "a.kontenopd", draft, profile)
    stored = next(v for k, v in members(file).items() if k.startswith("photos/"))
    assert b"KameraPonsel" not in stored and b"secret note" not in stored
    with Image.open(io.BytesIO(stored)) as img:
        exif = img.getexif()
        assert exif.get(0x0112) == 6 and 0x010F not in exif and not exif.get_ifd(0x8825)
        assert img.size == (1200, 800)
    with Image.open(src) as a, Image.open(io.BytesIO(stored)) as b:
        assert a.tobytes() == b.tobytes()  # JPEG data untouched
    opened = load_draft(file, workdir=tmp_path / "w")
    assert render(template, "4:5", opened.draft, opened.profile).image.tobytes() == before


def test_large_photo_is_capped_once_and_reused(profile, tmp_path) -> None:
    src = tmp_path / "huge.png"
    Image.new("RGB", (5000, 2500), (30, 120, 60)).save(src)
    draft = Draft("liputan-kegiatan", values={"judul": "x"},
                  photos={"foto": [PhotoRef(str(src), (0.8, 0.2))]})
    first = save_draft(tmp_path / "a.kontenopd", draft, profile)
    stored = {k: v for k, v in members(first).items() if k.startswith("photos/")}
    (name, data), = stored.items()
    assert name.endswith(".jpg")
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "JPEG" and img.size == (4096, 2048)
    opened = load_draft(first, workdir=tmp_path / "w")
    assert opened.draft.photos["foto"][0].focus == (0.8, 0.2)
    again = save_draft(tmp_path / "b.kontenopd", opened.draft, opened.profile)
    assert {k: v for k, v in members(again).items() if k.startswith("photos/")} == stored


def test_png_photo_kept_losslessly(library, profile, tmp_path) -> None:
    src = tmp_path / "grafik.png"
    img = Image.new("RGBA", (900, 700), (255, 0, 0, 128))
    info = __import__("PIL.PngImagePlugin", fromlist=["PngInfo"]).PngInfo()
    info.add_text("Author", "Nama Pegawai")
    img.save(src, pnginfo=info)
    template = library.get("liputan-kegiatan")
    draft = Draft(template.id, values=dict(template.sample), photos={"foto": [PhotoRef(str(src))]})
    before = render(template, "1:1", draft, profile).image.tobytes()
    file = save_draft(tmp_path / "a.kontenopd", draft, profile)
    stored = next(v for k, v in members(file).items() if k.startswith("photos/"))
    assert stored.startswith(b"\x89PNG") and b"Nama Pegawai" not in stored
    opened = load_draft(file, workdir=tmp_path / "w")
    assert render(template, "1:1", opened.draft, opened.profile).image.tobytes() == before


def test_missing_photo_fails_a_save_but_not_an_autosave(profile, tmp_path) -> None:
    draft = Draft("liputan-kegiatan", values={"judul": "Tetap tersimpan"},
                  photos={"foto": [PhotoRef(str(tmp_path / "hilang.jpg"))]})
    with pytest.raises(PhotoError, match=r"hilang\.jpg"):
        save_draft(tmp_path / "a.kontenopd", draft, profile)
    assert not (tmp_path / "a.kontenopd").exists()
    file = save_draft(tmp_path / "a.kontenopd", draft, profile,
                      options=SaveOptions(strict_photos=False))
    opened = load_draft(file, workdir=tmp_path / "w")
    assert opened.draft.values["judul"] == "Tetap tersimpan" and opened.draft.photos == {}


# ---------------------------------------------------------------- atomic save and backup


def _simple(title: str) -> Draft:
    return Draft("liputan-kegiatan", values={"judul": title, "tanggal": "2022-11-21"})


def test_backup_keeps_previous_version(profile, tmp_path) -> None:
    file = tmp_path / "kegiatan.kontenopd"
    save_draft(file, _simple("versi 1"), profile)
    assert not (tmp_path / "kegiatan.kontenopd.bak").exists()
    save_draft(file, _simple("versi 2"), profile)
    save_draft(file, _simple("versi 3"), profile)
    assert load_draft(file, workdir=tmp_path / "w").draft.values["judul"] == "versi 3"
    backup = tmp_path / "kegiatan.kontenopd.bak"
    assert load_draft(backup, workdir=tmp_path / "w").draft.values["judul"] == "versi 2"
    save_draft(file, _simple("versi 4"), profile, backup=False)
    assert load_draft(backup, workdir=tmp_path / "w").draft.values["judul"] == "versi 2"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == \
        ["kegiatan.kontenopd", "kegiatan.kontenopd.bak"]  # no temporary files left


def test_failed_write_leaves_old_file_and_no_temp(profile, tmp_path) -> None:
    file = save_draft(tmp_path / "a.kontenopd", _simple("lama"), profile)
    before = digest(file)

    def broken(handle) -> None:
        handle.write(b"PK\x03\x04 half")
        raise OSError(28, "No space left on device")

    with pytest.raises(DraftFileError, match="disk penuh"):
        atomic_write(file, broken, backup=True, errors=drafts.DRAFT_WRITE_ERRORS)
    assert digest(file) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.kontenopd"]


def test_save_into_unwritable_place_is_a_clear_error(profile, tmp_path) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    with pytest.raises(DraftFileError, match="tidak bisa ditulisi"):
        save_draft(blocker / "a.kontenopd", _simple("x"), profile)


# ---------------------------------------------------------------- defensive loading


@pytest.fixture
def saved(library, profile, tmp_path) -> Path:
    template = library.get("liputan-kegiatan")
    return save_draft(tmp_path / "asli.kontenopd", sample_draft(template), profile)


def _load_fails(path: Path, tmp_path: Path, match: str) -> None:
    before = digest(path)
    work = tmp_path / "work-fail"
    listing = sorted(p.name for p in path.parent.iterdir() if p != work)
    with pytest.raises(DraftFileError, match=match) as info:
        load_draft(path, workdir=work)
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    assert digest(path) == before  # a failed open never modifies the file
    assert sorted(p.name for p in path.parent.iterdir() if p != work) == listing
    assert not work.exists() or not any(work.iterdir())  # nothing left half-extracted


def test_newer_schema_is_refused(saved, tmp_path) -> None:
    newer = rewrite_draft(saved, tmp_path / "baru.kontenopd",
                     lambda d: {**d, "schema_version": SCHEMA_VERSION + 1})
    _load_fails(newer, tmp_path, "lebih baru")
    with pytest.raises(DraftFileError, match="lebih baru"):
        read_draft_info(newer)


@pytest.mark.parametrize(("content", "match"), [
    (b"", "kosong"),
    (b"bukan zip sama sekali", "bukan arsip ZIP"),
    (b"PK\x03\x04" + b"\x00" * 200, "rusak"),
])
def test_damaged_files_are_refused(tmp_path, content, match) -> None:
    path = tmp_path / "x.kontenopd"
    path.write_bytes(content)
    _load_fails(path, tmp_path, match)


def test_damaged_file_names_the_backup(profile, tmp_path) -> None:
    file = save_draft(tmp_path / "a.kontenopd", _simple("1"), profile)
    save_draft(file, _simple("2"), profile)
    file.write_bytes(file.read_bytes()[:300])
    with pytest.raises(DraftFileError, match=r"a\.kontenopd\.bak"):
        load_draft(file, workdir=tmp_path / "w")


def _zip(path: Path, entries: dict[str, bytes], *, symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            if name == symlink:
                info.external_attr = 0o120777 << 16
            zf.writestr(info, data)
    return path


def _doc(**extra) -> bytes:
    return json.dumps({"app": "kontenopd-draft", "schema_version": 1,
                       "template": "liputan-kegiatan", "values": {"judul": "x"}, **extra}).encode()


@pytest.mark.parametrize(("entries", "symlink", "match"), [
    ({"draft.json": _doc(), "../evil.jpg": b"x"}, None, "tidak aman"),
    ({"draft.json": _doc(), "/etc/evil": b"x"}, None, "tidak aman"),
    ({"draft.json": _doc(), "photos/..\\..\\evil.jpg": b"x"}, None, "tidak aman"),
    ({"draft.json": _doc(), "C:/evil.jpg": b"x"}, None, "tidak aman"),
    ({"draft.json": _doc(), "photos/a.jpg": b"/etc/passwd"}, "photos/a.jpg", "symlink"),
    ({"foto.jpg": b"x"}, None, "draft.json tidak ada"),
    ({"draft.json": b"{not json"}, None, "bukan JSON"),
    ({"draft.json": b"[1, 2]"}, None, "objek"),
    ({"draft.json": b"[" * 100_000 + b"]" * 100_000}, None, "bukan JSON"),
    ({"draft.json": _doc(template=["liputan"])}, None, "templat"),
    ({"draft.json": _doc(template="../../etc")}, None, "templat"),
    ({"draft.json": _doc(schema_version="1")}, None, "skema"),
    ({"draft.json": _doc(app="lain")}, None, "bukan draf"),
])
def test_hostile_archives_are_refused(tmp_path, entries, symlink, match) -> None:
    path = _zip(tmp_path / "x.kontenopd", entries, symlink=symlink)
    _load_fails(path, tmp_path, match)
    assert not (tmp_path / "evil.jpg").exists()


def test_zip_bomb_is_refused_without_inflating(tmp_path) -> None:
    path = tmp_path / "bom.kontenopd"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("draft.json", _doc(photos={"foto": [{"file": "photos/a.jpg"}]}))
        zf.writestr("photos/a.jpg", b"\x00" * (50 * 2**20))
    assert path.stat().st_size < 2**20
    _load_fails(path, tmp_path, "tidak wajar")


def test_lying_size_header_cannot_inflate_past_limit(tmp_path, monkeypatch) -> None:
    # An entry whose header claims a small size but inflates to more is cut at the limit.
    path = tmp_path / "bohong.kontenopd"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("draft.json", b" " * 5000 + _doc())
    data = bytearray(path.read_bytes())
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 24:cd + 28] = (100).to_bytes(4, "little")  # central directory: 100 bytes
    path.write_bytes(bytes(data))
    _load_fails(path, tmp_path, "^Berkas draf rusak atau bukan draf KontenOPD: bohong")


def test_recoverable_problems_load_with_notices(library, saved, tmp_path) -> None:
    def damage(d: dict) -> dict:
        d["values"]["tanggal"] = "tanggal tiga puluh"  # not a date
        d["values"]["judul"] = {"bukan": "teks"}
        d["formats"] = ["4:5", "7:3", 12]
        d["photos"]["foto"][0]["file"] = "photos/tidak-ada.jpg"
        d["photos"]["foto"][1]["focus"] = ["NaN", 3]
        d["photos"]["foto"].append("photos/string.jpg")
        d["captions"] = {"instagram": 5, "facebook": "ok"}
        d["profile"]["opd_logo"] = "../../opd.png"
        return d

    path = rewrite_draft(saved, tmp_path / "rusak.kontenopd", damage)
    opened = load_draft(path, workdir=tmp_path / "w", library=library)
    assert isinstance(opened, OpenedDraft)
    text = " | ".join(opened.notices)
    for expected in ("Tanggal", "7:3", f"Foto {SAMPLES[0].name} hilang", "caption",
                     "Logo OPD"):
        assert expected in text, (expected, text)
    assert "tanggal" not in opened.draft.values
    assert opened.draft.formats == ["4:5"]
    refs = opened.draft.photos["foto"]
    assert len(refs) == 2 and refs[0].focus == (0.5, 0.5)  # NaN/out-of-range -> centre/clamp
    assert opened.draft.captions == {"facebook": "ok"}
    assert opened.profile.opd_logo == "" and opened.profile.pemda_logo
    for ref in refs:
        assert Path(ref.path).resolve().is_relative_to((tmp_path / "w").resolve())
    render(library.get("liputan-kegiatan"), "4:5", opened.draft, opened.profile)


def test_missing_template_loads_with_notice(library, saved, tmp_path) -> None:
    path = rewrite_draft(saved, tmp_path / "lama.kontenopd",
                    lambda d: {**d, "template": "templat-dihapus"})
    opened = load_draft(path, workdir=tmp_path / "w", library=library)
    assert opened.template_missing
    assert opened.draft.template == "templat-dihapus"
    assert opened.draft.values["judul"].startswith("Bupati")  # values kept
    assert any("templat-dihapus" in n for n in opened.notices)
    assert not load_draft(path, workdir=tmp_path / "w").template_missing  # unknown w/o library


def test_broken_profile_snapshot_falls_back_with_notice(saved, tmp_path) -> None:
    path = rewrite_draft(saved, tmp_path / "p.kontenopd",
                    lambda d: {**d, "profile": {**d["profile"], "timezone": "GMT"}})
    opened = load_draft(path, workdir=tmp_path / "w")
    assert not opened.profile_from_file and opened.profile.id == "demo"
    assert any("Profil" in n for n in opened.notices)


def test_photo_paths_in_a_file_are_ignored_unless_allowed(profile, tmp_path) -> None:
    draft = Draft("liputan-kegiatan", values={"judul": "x"},
                  photos={"foto": [PhotoRef(str(SAMPLES[1]), (0.1, 0.2))]})
    file = save_draft(tmp_path / "link.kontenopd", draft, profile,
                      options=SaveOptions(link_photos=True))
    assert not [n for n in members(file) if n.startswith("photos/")]
    shared = load_draft(file, workdir=tmp_path / "w")  # e.g. a file received from someone
    assert shared.draft.photos == {}
    assert any(SAMPLES[1].name in n and "tidak ada" in n for n in shared.notices)
    own = load_draft(file, workdir=tmp_path / "w", allow_linked_photos=True)
    assert own.draft.photos["foto"] == [PhotoRef(str(SAMPLES[1].resolve()), (0.1, 0.2))]


def test_damaged_photo_bytes_are_dropped_with_notice(saved, tmp_path) -> None:
    path = tmp_path / "foto-rusak.kontenopd"
    with zipfile.ZipFile(saved) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            zout.writestr(item, b"not an image" if item.filename.startswith("photos/") else data)
    opened = load_draft(path, workdir=tmp_path / "w")
    assert opened.draft.photos == {}
    assert any("rusak" in n for n in opened.notices)


def test_extraction_goes_to_cache_by_default_not_next_to_file(saved, isolated_home) -> None:
    listing = sorted(p.name for p in saved.parent.iterdir() if p != isolated_home)
    opened = load_draft(saved)
    assert opened.workdir is not None
    assert opened.workdir.is_relative_to(isolated_home / "cache")
    assert sorted(p.name for p in saved.parent.iterdir() if p != isolated_home) == listing
    assert drafts.cleanup_workdirs(max_age_days=-1) == 1 and not opened.workdir.exists()


# ---------------------------------------------------------------- migration and model


def test_schema_0_is_migrated(library, profile, tmp_path) -> None:
    photo = SAMPLES[0].read_bytes()
    old = {
        "schema_version": 0, "template": "liputan-kegiatan", "format": "1:1",
        "values": {"judul": "Draf Lama", "tanggal": "21/11/2022"},
        "photos": {"foto": ["photos/a.jpg", "photos/b.jpg"]},
        "focus": {"photos/a.jpg": [0.2, 0.7]},
        "profile": {**profile.to_dict(), "pemda_logo": "", "opd_logo": ""},
    }
    path = _zip(tmp_path / "lama.kontenopd", {
        "draft.json": json.dumps(old).encode(), "photos/a.jpg": photo, "photos/b.jpg": photo})
    opened = load_draft(path, workdir=tmp_path / "w", library=library)
    assert opened.schema_version == 0
    assert any("versi lama" in n for n in opened.notices)
    assert opened.draft.formats == ["1:1"]
    refs = opened.draft.photos["foto"]
    assert [r.focus for r in refs] == [(0.2, 0.7), (0.5, 0.5)]
    assert Path(refs[0].path).read_bytes() == photo
    # Saved again it is a current-schema file that opens without notices.
    again = save_draft(tmp_path / "baru.kontenopd", opened.draft, opened.profile)
    assert json.loads(members(again)["draft.json"])["schema_version"] == SCHEMA_VERSION
    assert load_draft(again, workdir=tmp_path / "w", library=library).notices == []


def test_draft_dict_round_trip() -> None:
    draft = Draft("infografis-data", formats=["4:5", "9:16"],
                  values={"judul": "A", "angka": [{"nilai": "1", "keterangan": "b"}], "n": 2.5},
                  photos={"foto": [PhotoRef("/x/a.jpg", (0.1, 0.9))]},
                  captions={"instagram": "c"})
    data = draft_to_dict(draft)
    assert json.loads(json.dumps(data)) == data
    back = draft_from_dict(json.loads(json.dumps(data)))
    assert back == draft


@pytest.mark.parametrize("bad", [
    [], {"template": 5}, {"template": "ok", "photos": {"foto": [{"focus": [0, 0]}]}},
    {"template": "ok", "values": "teks"},
])
def test_draft_from_dict_rejects_invalid(bad) -> None:
    with pytest.raises(DraftFileError):
        draft_from_dict(bad)
