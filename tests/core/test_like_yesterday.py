"""'Buat seperti kemarin': a new post from yesterday's keeps the settings and clears the
content (kontenopd.core.editing.like_yesterday)."""

from __future__ import annotations

from datetime import date

from kontenopd.core import editing
from kontenopd.core.model.records import Draft, PhotoRef
from kontenopd.core.template.roles import POST_HASHTAGS, POST_MENTIONS

TODAY = date(2026, 3, 10)


def yesterday(library, template_id: str, **values) -> Draft:
    template = library.templates[template_id]
    draft = editing.sample_draft(template, "/foto/kemarin.jpg")
    draft.values.update(values)
    draft.values["tanggal"] = "2026-03-09"
    draft.values[POST_HASHTAGS] = "#MojokertoKab #DiskominfoJatim"
    draft.values[POST_MENTIONS] = "@bupati.mojokerto"
    draft.captions = {"instagram": "Kemarin, Bupati meresmikan pasar."}
    return draft


def test_liputan_clears_the_content_and_keeps_the_caption_settings(library):
    template = library.templates["liputan-kegiatan"]
    old = yesterday(library, "liputan-kegiatan", judul="Peresmian pasar",
                    lokasi="Pasar Tanjung", ringkasan="Bupati meresmikan pasar.")
    old.formats = ["4:5", "9:16"]
    new = editing.like_yesterday(template, old, TODAY)
    assert new.template == "liputan-kegiatan"
    assert new.formats == ["4:5", "9:16"]  # the formats chosen yesterday
    assert new.values["tanggal"] == "2026-03-10"  # today, not yesterday
    for key in ("judul", "lokasi", "ringkasan"):
        assert key not in new.values  # yesterday's words are gone
    assert new.photos == {}  # and so are its photos
    assert new.values[POST_HASHTAGS] == "#MojokertoKab #DiskominfoJatim"
    assert new.values[POST_MENTIONS] == "@bupati.mojokerto"
    assert new.captions == {}  # caption edits were yesterday's text
    assert old.values["judul"] == "Peresmian pasar" and old.photos  # the input is untouched


def test_switches_choices_and_fixed_texts_are_kept(library):
    duka = library.templates["duka-cita"]
    old = yesterday(library, "duka-cita", nama="H. Ahmad", jabatan="Camat",
                    ucapan="Keluarga besar Diskominfo turut berduka", hitam_putih=False,
                    doa="Semoga husnul khatimah")
    new = editing.like_yesterday(duka, old, TODAY)
    assert new.values["hitam_putih"] is False  # bool: a setting
    assert new.values["ucapan"] == "Keluarga besar Diskominfo turut berduka"  # fixed text
    assert new.values["doa"] == "Semoga husnul khatimah"
    assert "nama" not in new.values and "jabatan" not in new.values  # names are cleared
    assert new.values["tanggal"] == "2026-03-10" and not new.photos

    hoaks = library.templates["klarifikasi-hoaks"]
    old = yesterday(library, "klarifikasi-hoaks", label="DISINFORMASI",
                    klaim="Bansos dibagikan lewat tautan", sumber="Dinas Sosial")
    new = editing.like_yesterday(hoaks, old, TODAY)
    assert new.values["label"] == "DISINFORMASI"  # choice: a setting
    assert new.values["sumber"] == "Dinas Sosial"  # standing information
    assert "klaim" not in new.values and "fakta" not in new.values
    assert "tangkapan" not in new.photos

    carousel = library.templates["carousel-kegiatan"]
    old = yesterday(library, "carousel-kegiatan", penutup="Sampai jumpa di kegiatan berikutnya",
                    keterangan="Pembukaan\nDiskusi")
    new = editing.like_yesterday(carousel, old, TODAY)
    assert new.values["penutup"] == "Sampai jumpa di kegiatan berikutnya"  # closing sentence
    assert "keterangan" not in new.values  # list contents are cleared


def test_standing_lists_are_kept_other_lists_cleared(library):
    template = library.templates["peringatan-dini"]
    old = yesterday(library, "peringatan-dini", tingkat="SIAGA", bahaya="Banjir",
                    wilayah="Kec. Sooko", langkah="Matikan listrik\nMengungsi",
                    darurat="BPBD | 112")
    new = editing.like_yesterday(template, old, TODAY)
    assert new.values["tingkat"] == "SIAGA"
    assert new.values["darurat"] == "BPBD | 112"  # the emergency numbers stay
    assert "langkah" not in new.values and "bahaya" not in new.values
    assert "wilayah" not in new.values


def test_a_standing_fee_is_kept_an_emptied_one_stays_empty_and_none_is_invented(library):
    template = library.templates["pengumuman-layanan"]
    old = Draft(template=template.id, formats=["4:5"], values={"layanan": "KTP-el",
                                                               "biaya": ""})
    new = editing.like_yesterday(template, old, TODAY)
    assert new.values["biaya"] == ""  # the user's own choice: no cost line
    assert "layanan" not in new.values
    old.values.pop("biaya")  # never entered: no fee is invented (a fee is a fact, no default)
    assert "biaya" not in editing.like_yesterday(template, old, TODAY).values
    old.values["biaya"] = "Rp10.000"
    assert editing.like_yesterday(template, old, TODAY).values["biaya"] == "Rp10.000"


def test_which_fields_keep_their_value_by_type_and_key(library):
    kept = {t.id: sorted(f.key for f in t.fields if editing.keeps_value(f))
            for t in library.templates.values()}
    assert kept["liputan-kegiatan"] == []
    assert kept["agenda-undangan"] == ["jam_mulai", "jam_selesai", "kontak"]
    assert kept["apel-upacara"] == ["jenis"]
    assert kept["kutipan-pimpinan"] == []
    assert kept["pengumuman-layanan"] == ["biaya", "kanal"]
    for template in library.templates.values():
        for f in template.fields:
            if f.type in ("photo", "date"):
                assert not editing.keeps_value(f)
            if f.type in ("bool", "choice"):
                assert editing.keeps_value(f)


def test_unknown_keys_and_formats_are_dropped(library):
    template = library.templates["liputan-kegiatan"]
    old = Draft(template="kunjungan-kerja", formats=["2:1"],
                values={"kutipan": "Kita jaga bersama", "tak_dikenal": True},
                photos={"foto": [PhotoRef("/a.jpg")]})
    new = editing.like_yesterday(template, old, TODAY)
    assert new.template == "liputan-kegiatan"
    assert new.formats == template.format_keys  # no format of yesterday's fits: all of them
    assert set(new.values) == {"tanggal"}
    assert new.photos == {}


def test_a_post_with_only_its_hashtags_kept_has_no_title(library):
    from kontenopd.core.template.roles import draft_title

    template = library.templates["liputan-kegiatan"]
    old = yesterday(library, "liputan-kegiatan", judul="Peresmian pasar")
    assert draft_title(old) == "Peresmian pasar"
    assert draft_title(editing.like_yesterday(template, old, TODAY)) == ""  # not "#Mojokerto…"


def test_a_new_post_of_default_texts_only_has_no_title(library):
    from kontenopd.core.template.roles import draft_title

    agenda = library.templates["agenda-undangan"]
    old = yesterday(library, "agenda-undangan", acara="Rapat pleno", tempat="Aula")
    new = editing.like_yesterday(agenda, old, TODAY)
    assert new.values["jam_selesai"] == "selesai"
    assert draft_title(new) == "selesai"  # without the template: the first text value
    assert draft_title(new, agenda) == ""  # "selesai" and the contact person are settings
    assert draft_title(old, agenda) == "Rapat pleno"
    selamat = library.templates["selamat-sukses"]
    draft = editing.new_draft(selamat, TODAY)
    draft.values["nama"] = "Dr. Siti Aminah"
    assert draft_title(draft, selamat) == "Dr. Siti Aminah"  # not "Selamat & Sukses"
    duka = library.templates["duka-cita"]
    assert draft_title(editing.new_draft(duka, TODAY), duka) == ""  # not its opening line
