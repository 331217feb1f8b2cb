"""Bulk create: columns matched to fields, cells read as people write them, every row planned
or refused with its row number, drafts and exports written with laporan.csv."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PIL import Image

from kontenopd.core.errors import ValueInputError
from kontenopd.core.export import bulk
from kontenopd.core.export.bulk import (
    MODE_ONE_POST,
    BulkOptions,
    auto_map,
    cell_text,
    field_from_cell,
    plan,
    run_bulk,
    unmapped_required,
)
from kontenopd.core.io.spreadsheet import read_table


def write_csv(path: Path, rows: list[list[str]], sep: str = ";") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def photo(path: Path, size: tuple[int, int] = (1600, 1200), color=(90, 120, 160)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, color).save(path, quality=85)
    return path


AGENDA_HEAD = ["Nama acara *", "Tanggal", "Pukul mulai", "Tempat", "Catatan"]


def agenda_table(tmp_path: Path, library, rows: list[list[str]]):
    template = library.get("agenda-undangan")
    path = write_csv(tmp_path / "agenda.csv", [AGENDA_HEAD, *rows])
    table = read_table(path, expected=bulk.expected_headers(template))
    return template, table


# ---------------------------------------------------------------- columns


def test_columns_are_matched_by_label_and_key_whatever_the_case(library) -> None:
    template = library.get("agenda-undangan")
    headers = ["NAMA ACARA *", "tanggal", "jam_mulai", "Tempat:", "Catatan"]
    mapping = auto_map(template, headers)
    assert mapping == {"acara": 0, "tanggal": 1, "jam_mulai": 2, "tempat": 3}
    assert unmapped_required(template, mapping) == []
    without_place = {k: v for k, v in mapping.items() if k != "tempat"}
    assert [f.key for f in unmapped_required(template, without_place)] == ["tempat"]


def test_a_remembered_column_wins_over_the_name(library) -> None:
    template = library.get("agenda-undangan")
    headers = ["Kegiatan", "Acara lama", "Tanggal", "Tempat"]
    assert "acara" not in auto_map(template, headers)
    mapping = auto_map(template, headers, remembered={"acara": "kegiatan"})
    assert mapping["acara"] == 0 and mapping["tanggal"] == 2


def test_list_columns_map_one_column_each(library) -> None:
    template = library.get("infografis-data")
    mapping = auto_map(template, ["Judul", "Nilai", "Keterangan", "Sumber data"])
    assert mapping == {"judul": 0, "angka.nilai": 1, "angka.keterangan": 2, "sumber": 3}
    assert unmapped_required(template, mapping) == []


def test_remembered_mappings_survive_a_damaged_file(tmp_path: Path) -> None:
    store = tmp_path / "cfg" / "bulk_columns.json"
    bulk.remember_mapping(store, "agenda-undangan", {"acara": "Kegiatan"})
    bulk.remember_mapping(store, "duka-cita", {"nama": "Almarhum"})
    assert bulk.load_mappings(store) == {"agenda-undangan": {"acara": "Kegiatan"},
                                         "duka-cita": {"nama": "Almarhum"}}
    store.write_text("{rusak", encoding="utf-8")
    assert bulk.load_mappings(store) == {}
    store.write_text(json.dumps(["bukan", "objek"]), encoding="utf-8")
    assert bulk.load_mappings(store) == {}


# ---------------------------------------------------------------- cells


@pytest.mark.parametrize(("cell", "expected"), [
    (date(2022, 11, 21), "2022-11-21"),
    (datetime(2022, 11, 21, 0, 0), "2022-11-21"),
    ("21/11/2022", "2022-11-21"),
    ("21 November 2022", "2022-11-21"),
    ("Senin, 21 Nopember 2022", "2022-11-21"),
    (44886, "2022-11-21"),  # an Excel serial date in a cell formatted as a number
])
def test_dates_as_cells_text_or_serials(library, cell, expected) -> None:
    f = library.get("agenda-undangan").field("tanggal")
    assert field_from_cell(f, cell) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    (time(8, 0), "08.00"), ("08.00", "08.00"), ("8:30", "08.30"), ("pukul 13.00 WIB", "13.00"),
    (0.375, "09.00"), (datetime(1899, 12, 30, 7, 15), "07.15"),
])
def test_times_as_cells_or_text(library, cell, expected) -> None:
    f = library.get("agenda-undangan").field("jam_mulai")
    assert field_from_cell(f, cell) == expected


def test_numbers_read_the_indonesian_way() -> None:
    assert cell_text(1500000) == "1.500.000"
    assert cell_text(97.5) == "97,5"
    assert cell_text("1.500.000") == "1.500.000"  # text stays as typed
    assert cell_text(81234567890) == "81234567890"  # a phone number gets no dots
    assert cell_text(True) == "Ya"
    assert cell_text(date(2023, 4, 22)) == "22 April 2023"


def test_choices_and_booleans(library) -> None:
    label = library.get("klarifikasi-hoaks").field("label")
    assert field_from_cell(label, "hoaks") == "HOAKS"
    with pytest.raises(ValueInputError, match="bukan pilihan Label"):
        field_from_cell(label, "palsu sekali")
    bw = library.get("duka-cita").field("hitam_putih")
    assert field_from_cell(bw, "Ya") is True and field_from_cell(bw, "tidak") is False
    with pytest.raises(ValueInputError):
        field_from_cell(bw, "mungkin")


# ---------------------------------------------------------------- rows


def test_every_row_is_planned_or_refused_with_its_row_number(tmp_path, library) -> None:
    template, table = agenda_table(tmp_path, library, [
        ["Rapat Koordinasi Stunting", "21/11/2022", "08.00", "Pendopo Kabupaten", "x"],
        ["", "", "", "", ""],
        ["Sosialisasi Pajak", "31/02/2023", "09.00", "Aula Bapenda", ""],
        ["Bimbingan Teknis SPBE", "22 November 2022", "13.00", "", ""],
        ["Donor Darah", "23/11/2022", "jam sembilan", "PMI", ""],
    ])
    plans = plan(table, template, auto_map(template, table.headers), formats=["4:5", "1:1"])
    by_row = {p.rows[0]: p for p in plans}
    assert sorted(by_row) == [2, 4, 5, 6]  # the empty row 3 is skipped
    assert by_row[2].status == "berhasil" and by_row[2].draft is not None
    assert by_row[2].draft.values["tanggal"] == "2022-11-21"
    assert by_row[2].draft.values["jam_selesai"] == "selesai"  # the template's default
    assert by_row[2].draft.formats == ["4:5", "1:1"]
    assert by_row[2].title == "Rapat Koordinasi Stunting"
    assert by_row[4].status == "gagal" and by_row[4].draft is None
    assert by_row[4].errors == [
        'Tanggal tidak dikenali: "31/02/2023". Tulis seperti 2022-11-21 atau 21/11/2022.']
    assert by_row[5].errors == ["Field wajib kosong: Tempat."]
    assert by_row[6].errors[0].startswith("Pukul mulai:")


def test_no_row_gets_todays_date_by_itself(tmp_path, library) -> None:
    template, table = agenda_table(tmp_path, library, [["Rapat", "", "08.00", "Aula", ""]])
    (item,) = plan(table, template, auto_map(template, table.headers))
    assert item.errors == ["Field wajib kosong: Tanggal."]


def test_line_breaks_in_cells_are_kept(tmp_path, library) -> None:
    template = library.get("pengumuman-layanan")
    path = write_csv(tmp_path / "layanan.csv", [
        ["Layanan", "Jam layanan", "Persyaratan"],
        ["Perekaman KTP-el", "Senin–Kamis 08.00–15.00\nJumat 08.00–11.00",
         "Fotokopi KK\nSurat pengantar RT/RW\nPas foto 3x4"],
    ])
    table = read_table(path)
    (item,) = plan(table, template, auto_map(template, table.headers))
    assert item.status == "berhasil", item.errors
    assert item.draft.values["jadwal"] == "Senin–Kamis 08.00–15.00\nJumat 08.00–11.00"
    assert item.draft.values["persyaratan"].split("\n") == [
        "Fotokopi KK", "Surat pengantar RT/RW", "Pas foto 3x4"]


def test_a_list_longer_than_the_template_takes_is_refused(tmp_path, library) -> None:
    template = library.get("pengumuman-layanan")
    path = write_csv(tmp_path / "l.csv", [["Layanan", "Jam layanan", "Persyaratan"],
                                          ["KTP", "08.00", ";".join(f"S{i}" for i in range(8))]])
    table = read_table(path)
    (item,) = plan(table, template, auto_map(template, table.headers))
    assert item.errors == ["Daftar 'Persyaratan' berisi 8 butir; maksimal 6."]


def test_list_columns_are_zipped_line_by_line(tmp_path, library) -> None:
    template = library.get("infografis-data")
    path = write_csv(tmp_path / "i.csv", [
        ["Judul", "Nilai", "Keterangan", "Sumber data"],
        ["Capaian Vaksinasi", "97,5%\n1.500.000", "cakupan dosis 1\nwarga divaksin", "Dinkes"],
    ])
    table = read_table(path)
    (item,) = plan(table, template, auto_map(template, table.headers))
    assert item.status == "berhasil", item.errors
    assert item.draft.values["angka"] == "97,5% | cakupan dosis 1\n1.500.000 | warga divaksin"


def test_photos_relative_to_the_sheet_several_per_cell(tmp_path, library) -> None:
    template = library.get("liputan-kegiatan-kolase")
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        photo(tmp_path / "foto" / name)
    (tmp_path / "foto" / "rusak.jpg").write_bytes(b"\xff\xd8\xff\xe0 bukan jpeg utuh")
    path = write_csv(tmp_path / "kolase.csv", [
        ["Judul", "Tanggal", "Foto kegiatan"],
        ["Panen Raya", "21/11/2022", "foto/a.jpg; foto/b.jpg;foto/c.jpg"],
        ["Bazar UMKM", "22/11/2022", "foto/tidak-ada.jpg"],
        ["Senam Pagi", "23/11/2022", "foto/rusak.jpg"],
        ["Kerja Bakti", "24/11/2022", ""],
    ])
    table = read_table(path)
    plans = plan(table, template, auto_map(template, table.headers))
    good, missing, broken, none = plans
    assert [Path(r.path) for r in good.draft.photos["foto"]] == [
        (tmp_path / "foto" / n).resolve() for n in ("a.jpg", "b.jpg", "c.jpg")]
    assert missing.rows == (3,) and "tidak-ada.jpg" in missing.errors[0]
    assert broken.rows == (4,) and broken.status == "gagal"
    assert broken.errors[0].startswith("Foto kegiatan:")
    assert none.status == "berhasil" and "foto" not in none.draft.photos  # photo is optional


def test_the_example_help_row_is_skipped(tmp_path, library) -> None:
    template, table = agenda_table(tmp_path, library, [
        ["[wajib] teks", "[wajib] tanggal, mis. 21/11/2022", "[wajib] jam", "[wajib] teks",
         "[opsional] teks"],
        ["Rapat", "21/11/2022", "08.00", "Aula", ""],
    ])
    plans = plan(table, template, auto_map(template, table.headers))
    assert [p.rows for p in plans] == [(3,)] and plans[0].status == "berhasil"


def test_an_unknown_format_is_refused_before_any_row(tmp_path, library) -> None:
    template, table = agenda_table(tmp_path, library, [["Rapat", "21/11/2022", "08.00",
                                                         "Aula", ""]])
    with pytest.raises(bulk.BulkError, match="Format 2:3 tidak ada"):
        plan(table, template, auto_map(template, table.headers), formats=["2:3"])


# ---------------------------------------------------------------- one post from every row


def test_every_row_adds_a_slide_to_one_carousel(tmp_path, library) -> None:
    from kontenopd.core.render.images import images_of

    template = library.get("carousel-kegiatan")
    for i in range(4):
        photo(tmp_path / f"f{i}.jpg", color=(40 * i, 90, 120))
    path = write_csv(tmp_path / "carousel.csv", [
        ["Judul", "Tanggal", "Foto", "Keterangan foto"],
        ["Gerakan Tanam Pohon", "21/11/2022", "f0.jpg", "Bupati menanam bibit pertama"],
        ["", "", "f1.jpg", ""],  # no caption: slide 2 stays captionless, slide 3 keeps its own
        ["Gerakan Tanam Pohon", "", "hilang.jpg", "Foto yang tidak ada"],
        ["Judul Lain", "", "f2.jpg", "Relawan mencatat titik tanam"],
        ["", "", "f3.jpg", "Bibit dibagikan ke warga"],
    ])
    table = read_table(path)
    plans = plan(table, template, auto_map(template, table.headers), mode=MODE_ONE_POST)
    post, failed = plans
    assert post.rows == (2, 3, 5, 6) and post.where == "baris 2-6"
    assert failed.rows == (4,) and "hilang.jpg" in failed.errors[0]
    draft = post.draft
    assert [Path(r.path).name for r in draft.photos["foto"]] == ["f0.jpg", "f1.jpg", "f2.jpg",
                                                                  "f3.jpg"]
    assert draft.values["keterangan"] == ["Bupati menanam bibit pertama", "",
                                          "Relawan mencatat titik tanam",
                                          "Bibit dibagikan ke warga"]
    assert draft.values["judul"] == "Gerakan Tanam Pohon"
    assert post.status == "peringatan"
    assert any("baris 5" in w and "Judul" in w for w in post.warnings)
    assert len(images_of(template, draft, "4:5")) >= 4


def test_one_post_refuses_more_photos_than_the_template_takes(tmp_path, library) -> None:
    template = library.get("carousel-kegiatan")
    photo(tmp_path / "f.jpg")
    rows = [["Judul", "Tanggal", "Foto"], ["Panen", "21/11/2022", "f.jpg"]]
    rows += [["", "", "f.jpg"]] * 11
    table = read_table(write_csv(tmp_path / "c.csv", rows))
    (post,) = plan(table, template, auto_map(template, table.headers), mode=MODE_ONE_POST)
    assert post.status == "gagal" and post.errors[0].startswith("Foto: 12 foto dari baris 2-13")


# ---------------------------------------------------------------- writing


def read_report(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def test_drafts_are_written_and_every_row_is_in_the_report(tmp_path, library, profile) -> None:
    from kontenopd.core.io.draft_file import load_draft

    template, table = agenda_table(tmp_path, library, [
        ["Rapat Koordinasi", "21/11/2022", "08.00", "Pendopo", ""],
        ["Sosialisasi", "kemarin", "09.00", "Aula", ""],
        [" ".join(["Pelatihan"] * 90), "23/11/2022", "10.00", "Aula", ""],  # too long to fit
    ])
    plans = plan(table, template, auto_map(template, table.headers))
    out = tmp_path / "hasil"
    report = run_bulk(plans, template, profile, out, options=BulkOptions(drafts=True))
    files = sorted(p.name for p in out.glob("*.kontenopd"))
    assert len(files) == 2 and "rapat-koordinasi.kontenopd" in files
    opened = load_draft(out / "rapat-koordinasi.kontenopd", workdir=tmp_path / "w",
                        library=library)
    assert opened.draft.values["acara"] == "Rapat Koordinasi"
    rows = read_report(out / "laporan.csv")
    assert [(r["baris"], r["status"]) for r in rows] == [
        ("2", "berhasil"), ("3", "gagal"), ("4", "peringatan")]
    assert "Tanggal" in rows[1]["alasan"] and rows[1]["keluaran"] == ""
    assert "perlu diperbaiki" in rows[2]["alasan"] and rows[2]["keluaran"].endswith(".kontenopd")
    assert report.failed_rows == 1 and not report.ok
    assert report.summary() == "3 baris: 2 berhasil, 1 gagal, 1 dengan peringatan."


def test_a_second_run_into_the_same_folder_keeps_the_first_runs_drafts(tmp_path, library,
                                                                       profile) -> None:
    template, table = agenda_table(tmp_path, library, [
        ["Rapat Koordinasi", "21/11/2022", "08.00", "Pendopo", ""],
        ["Rapat Koordinasi", "28/11/2022", "08.00", "Aula", ""],
    ])
    plans = plan(table, template, auto_map(template, table.headers))
    out = tmp_path / "hasil"
    run_bulk(plans, template, profile, out, options=BulkOptions(drafts=True))
    first = {p.name: p.read_bytes() for p in out.glob("*.kontenopd")}
    assert sorted(first) == ["rapat-koordinasi-2.kontenopd", "rapat-koordinasi.kontenopd"]
    again = plan(table, template, auto_map(template, table.headers))
    report = run_bulk(again, template, profile, out, options=BulkOptions(drafts=True))
    names = sorted(p.name for p in out.glob("*.kontenopd"))
    assert names == ["rapat-koordinasi-2.kontenopd", "rapat-koordinasi-3.kontenopd",
                     "rapat-koordinasi-4.kontenopd", "rapat-koordinasi.kontenopd"]
    assert all((out / name).read_bytes() == data for name, data in first.items())
    assert sorted(Path(r.output).name for r in report.written) == [
        "rapat-koordinasi-3.kontenopd", "rapat-koordinasi-4.kontenopd"]


def test_export_writes_good_rows_and_refuses_what_does_not_fit(tmp_path, library,
                                                              real_profile) -> None:
    template, table = agenda_table(tmp_path, library, [
        ["Rapat Koordinasi", "21/11/2022", "08.00", "Pendopo", ""],
        [" ".join(["Pelatihan"] * 90), "23/11/2022", "10.00", "Aula", ""],
        ["Donor Darah", "24/11/2022", "07.30", "Markas PMI", ""],
    ])
    plans = plan(table, template, auto_map(template, table.headers), formats=["4:5"])
    seen = []
    report = run_bulk(plans, template, real_profile, tmp_path / "out",
                      options=BulkOptions(workers=0, platforms=["instagram"]),
                      progress=seen.append)
    rows = read_report(tmp_path / "out" / "laporan.csv")
    assert [r["status"] for r in rows] == ["berhasil", "gagal", "berhasil"]
    assert "4:5 tidak diekspor" in rows[1]["alasan"] and "Nama acara" in rows[1]["alasan"]
    for row in (rows[0], rows[2]):
        folder = Path(row["keluaran"])
        assert (folder / "manifest.json").is_file()
        assert len(list(folder.glob("*_4x5.jpg"))) == 1
    assert seen and seen[-1].done == seen[-1].total
    assert report.failed_rows == 1


def test_cancel_leaves_unfinished_rows_marked(tmp_path, library, profile) -> None:
    class Cancelled:
        @staticmethod
        def is_set() -> bool:
            return True

    template, table = agenda_table(tmp_path, library, [
        ["Rapat", "21/11/2022", "08.00", "Pendopo", ""],
        ["Apel", "22/11/2022", "07.00", "Halaman", ""]])
    plans = plan(table, template, auto_map(template, table.headers))
    report = run_bulk(plans, template, profile, tmp_path / "o", options=BulkOptions(drafts=True),
                      cancel=Cancelled())
    assert report.cancelled and not report.ok
    assert not list((tmp_path / "o").glob("*.kontenopd"))
    assert [r["status"] for r in read_report(tmp_path / "o" / "laporan.csv")] == [
        "dibatalkan", "dibatalkan"]
    assert report.summary() == "2 baris: 0 berhasil, 0 gagal, 2 dibatalkan."
    assert [p.status for p in plans] == ["berhasil", "berhasil"]  # the plans given stay as
    again = run_bulk(plans, template, profile, tmp_path / "o2",
                     options=BulkOptions(drafts=True))  # they were
    assert again.ok and len(list((tmp_path / "o2").glob("*.kontenopd"))) == 2


def test_sheet_text_never_runs_as_a_formula_in_the_report(tmp_path, library, profile) -> None:
    template, table = agenda_table(tmp_path, library, [
        ["=HYPERLINK(\"http://x\")", "21/11/2022", "08.00", "Pendopo", ""],
        ["@SUM(A1)", "kemarin", "08.00", "Pendopo", ""]])
    plans = plan(table, template, auto_map(template, table.headers))
    run_bulk(plans, template, profile, tmp_path / "o", options=BulkOptions(drafts=True))
    rows = read_report(tmp_path / "o" / "laporan.csv")
    assert rows[0]["judul"] == "'=HYPERLINK(\"http://x\")"
    assert rows[1]["judul"] == "'@SUM(A1)" and rows[1]["status"] == "gagal"


def test_photos_from_a_sheet_are_framed_around_their_faces(tmp_path, library, profile) -> None:
    import shutil

    from kontenopd.core.render import faces

    template = library.get("kutipan-pimpinan")
    source = Path(__file__).resolve().parents[3] / "assets" / "samples" / "astronaut.jpg"
    shutil.copyfile(source, tmp_path / "bupati.jpg")
    path = write_csv(tmp_path / "kutipan.csv", [
        ["Kutipan", "Nama", "Potret"],
        ["Pelayanan publik harus cepat, mudah dan terbuka.", "Dr. H. Ahmad, M.Si.",
         "bupati.jpg"]])
    table = read_table(path)
    (item,) = plan(table, template, auto_map(template, table.headers), formats=["9:16"],
                   profile=profile)
    (ref,) = item.draft.photos["foto"]
    expected = faces.default_focus(tmp_path / "bupati.jpg", template, "foto", 0, ["9:16"],
                                   item.draft, profile)
    assert ref.focus == expected and ref.focus != (0.5, 0.5)


def test_one_number_per_row_makes_one_infographic(tmp_path, library) -> None:
    template = library.get("infografis-data")
    path = write_csv(tmp_path / "angka.csv", [
        ["Judul", "Sumber data", "Nilai", "Keterangan"],
        ["Capaian Layanan Adminduk 2022", "Disdukcapil", "12.480", "KTP-el dicetak"],
        ["", "", "8.215", "akta kelahiran terbit"],
        ["", "", "97%", "permohonan selesai di hari yang sama"],
    ])
    table = read_table(path)
    (post,) = plan(table, template, auto_map(template, table.headers), mode=MODE_ONE_POST)
    assert post.status == "berhasil", post.errors
    assert post.draft.values["angka"] == ["12.480 | KTP-el dicetak",
                                          "8.215 | akta kelahiran terbit",
                                          "97% | permohonan selesai di hari yang sama"]
    from kontenopd.core.render import field_value

    assert field_value(template.field("angka"), post.draft.values["angka"])[2] == {
        "nilai": "97%", "keterangan": "permohonan selesai di hari yang sama"}


def test_a_sheets_photos_are_checked_and_their_faces_found_before_the_rows(tmp_path) -> None:
    """Two at a time, ahead of the row-by-row plan: every named file gets its verdict (the
    missing one its message) and, when OpenCV is there, its faces are in the cache."""
    from kontenopd.core.export.bulk.rows import _PhotoChecks
    from kontenopd.core.render import faces

    good = []
    for i in range(3):
        path = tmp_path / f"foto{i}.jpg"
        Image.radial_gradient("L").resize((800, 600)).convert("RGB").save(path)
        good.append(path)
    missing = tmp_path / "tidak-ada.jpg"
    checks = _PhotoChecks()
    faces.FACES.clear()
    checks.prefetch([*good, missing, good[0]], faces=faces.available())
    assert set(checks.seen) == {str(p) for p in [*good, missing]}
    assert all(checks.seen[str(p)] is None for p in good)
    assert "tidak-ada.jpg" in (checks.seen[str(missing)] or "")
    if faces.available():
        assert all(faces.FACES.peek(p) is not None for p in good)
