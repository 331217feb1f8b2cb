"""The publishability stress set: the hardest real-style content each template must survive.

Every text field is filled to its maximum length with Indonesian government wording (officials'
names with degrees and honorifics, long venues, abbreviations), lists to their most items, and
photos that are bright, dark, busy, portrait or absent; the "empty" variant leaves every optional
field empty. ``kontenopd sheet --stress`` draws it for a template author; the test suite asserts
from each render's layout report that nothing overlaps, is cut, leaves the visible zone or
lacks contrast.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from ..model.records import Draft, PhotoRef, Profile
from ..template.schema import Field, Template

NAME = "Dr. H. Ahmad Syaifuddin Muhammad Ridwan Hidayatullah, S.Sos., M.Si., M.M."
POSITION = "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Mojokerto Provinsi Jawa Timur"
TITLE = ("Bupati Mojokerto dr. Hj. Ikfina Fahmawati, M.Si. Resmikan Gedung Mal Pelayanan Publik "
         "Terpadu di Kecamatan Mojosari untuk Mempercepat Layanan Administrasi Kependudukan bagi "
         "58.000 Warga dan Pelaku UMKM Tahun Anggaran 2026")
PLACE = ("Pendopo Graha Maja Tama Kabupaten Mojokerto, Jl. Ahmad Yani No. 16 Kelurahan "
         "Mergelo Kecamatan Mojosari Prov. Jawa Timur")
PROSE = ("Kegiatan ini diikuti oleh seluruh kepala perangkat daerah, camat, kepala desa dan "
         "lurah se-Kabupaten Mojokerto. Pemerintah daerah berkomitmen mempercepat pelayanan "
         "publik yang mudah, cepat dan tanpa pungutan biaya bagi seluruh masyarakat, termasuk "
         "warga penyandang disabilitas dan lanjut usia di 18 kecamatan dan 304 desa.")
ITEM = ("Fotokopi Kartu Keluarga dan KTP elektronik yang masih berlaku (dua lembar) beserta "
        "surat pengantar RT/RW")
STEP = "Segera menjauh dari bantaran sungai dan lereng bukit menuju titik kumpul terdekat"
CHANNEL = "WhatsApp Layanan Pengaduan Dukcapil 0812-3456-7890"
URL = "https://dispendukcapil.mojokertokab.go.id/layanan/pendaftaran-online?ref=instagram2026"

# a field key -> the kind of wording it holds
_BY_KEY = {
    "nama": NAME, "pembina": NAME, "jabatan": POSITION, "tempat": PLACE, "lokasi": PLACE,
    "wilayah": PLACE, "peserta": "Seluruh Kepala Perangkat Daerah, Camat dan Kepala Desa se-"
    "Kabupaten Mojokerto serta Forum Komunikasi Pimpinan Daerah",
    "kontak": "Bapak Sutrisno Hadi Wibowo, S.Kom. (0812-3456-7890)", "biaya": "Gratis, tanpa "
    "pungutan biaya apa pun", "sumber": "Badan Pusat Statistik Kabupaten Mojokerto dan Dinas "
    "Kependudukan dan Pencatatan Sipil, Desember 2026", "periode": "Januari sampai dengan "
    "Desember Tahun Anggaran 2026", "waktu": "Senin, 21 Desember 2026 pukul 13.00 WIB sampai "
    "dengan Rabu, 23 Desember 2026 pukul 24.00 WIB", "jam_selesai": "selesai",
    "jenis": "Apel Pagi Gabungan Hari Kesadaran Nasional Aparatur Sipil Negara",
    "penutup": "Terima kasih kepada seluruh warga yang telah hadir dan berpartisipasi aktif",
    "judul": TITLE, "acara": TITLE, "kegiatan": TITLE, "layanan": TITLE, "klaim": TITLE,
    "bahaya": "Banjir Bandang, Tanah Longsor dan Angin Puting Beliung di Wilayah Lereng Gunung",
    "peringatan": "Hari Ulang Tahun ke-81 Kemerdekaan Republik Indonesia dan Hari Jadi Kabupaten",
    "ucapan": "Turut berdukacita yang sedalam-dalamnya atas wafatnya almarhum",
}


def stress_profile(base: Profile) -> Profile:
    """``base`` with the longest real names an identity strip and footer must hold."""
    return replace(base, pemda_name="Pemerintah Kabupaten Pangkajene dan Kepulauan",
                   opd_name="Dinas Kependudukan dan Pencatatan Sipil, Pemberdayaan Perempuan "
                            "dan Perlindungan Anak",
                   handles={"instagram": "@dukcapilp3a.pangkepkab"},
                   website="dukcapilp3a.pangkepkab.go.id", badge_berakhlak=True,
                   badge_bangga_melayani=True)


def fill(text: str, limit: int | None, default: int = 90) -> str:
    """``text`` repeated to ``limit`` characters (``default`` without one), cut at a word."""
    limit = limit or default
    while len(text) < limit:
        text = f"{text} {text}"
    cut = text[:limit + 1]
    return cut[:cut.rfind(" ")].rstrip(" ,.;:-") if len(cut) > limit else cut


# field type -> the one value every field of that type gets, full or empty
_FIXED: dict[str, object] = {
    "date": "2026-12-23",  # Rabu: the longest weekday name
    "time": "13.00",
    "bool": False,
    "number": "1.234.567",
}


def _value(f: Field, full: bool) -> object:
    if f.type in _FIXED:
        return _FIXED[f.type]
    if f.type == "choice":
        return max(f.choices, key=len) if full else f.choices[0]
    if f.type == "qr":
        return fill(URL, f.max_length)
    if f.type == "list":
        return _list_value(f, f.max_items if full else 1)
    base = _BY_KEY.get(f.key, PROSE if f.type == "multiline" else TITLE)
    if f.max_length is None:  # no limit declared: the realistic wording, as long as it is
        return base
    return fill(base, f.max_length)


def _list_value(f: Field, count: int) -> list[object]:
    """``count`` items for the list field ``f``, worded for what the list holds."""
    if f.columns:
        first = ["97,5%", "1.234.567", "Rp4,5 M", "12.345", "100%", "58"]
        return [{f.columns[0]: first[i % len(first)],
                 **{c: fill(ITEM, 48) for c in f.columns[1:]}} for i in range(count)]
    if f.key == "kanal":  # contact channels: a name and a number or an address each
        return [fill(CHANNEL, 40) for _ in range(count)]
    if f.key == "langkah":  # safety steps are short imperatives, read at a glance
        return [fill(STEP, 60) for _ in range(count)]
    return [fill(ITEM, 72) for _ in range(count)]


def stress_draft(template: Template, content: str, photo: Path | None) -> Draft:
    """``content`` "full" (every field at its maximum) or "empty" (required fields only)."""
    full = content == "full"
    values = {f.key: _value(f, full) for f in template.fields
              if f.type != "photo" and (full or f.required)}
    draft = Draft(template.id, values=values)
    for f in template.fields:
        if f.type == "photo" and photo is not None:
            count = f.max_items if full else 1
            draft.photos[f.key] = [PhotoRef(str(photo)) for _ in range(count)]
    return draft


@dataclass(frozen=True)
class Case:
    name: str
    content: str  # "full" or "empty"
    photo: str | None  # a key of make_photos(), or None for no photo


CASES = (Case("penuh-ramai", "full", "busy"), Case("penuh-tegak", "full", "portrait"),
         Case("penuh-terang", "full", "bright"), Case("kosong-tanpa-foto", "empty", None),
         Case("kosong-gelap", "empty", "dark"))


def make_photos(folder: Path) -> dict[str, Path]:
    """Generated test photos: bright, dark, busy (fine detail everywhere), portrait."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    size = (1800, 1200)
    bright = Image.new("RGB", size, (248, 248, 244))
    ImageDraw.Draw(bright).ellipse((500, 200, 1300, 1000), fill=(255, 255, 255))
    dark = Image.new("RGB", size, (14, 16, 20))
    ImageDraw.Draw(dark).rectangle((300, 300, 1500, 900), fill=(40, 36, 30))
    busy = Image.effect_noise(size, 90).convert("RGB")
    d = ImageDraw.Draw(busy)
    for i in range(0, size[0], 24):
        d.line((i, 0, size[0] - i, size[1]), fill=(255, 255, 255), width=3)
    busy = busy.filter(ImageFilter.DETAIL)
    portrait = Image.linear_gradient("L").resize((1200, 1800)).convert("RGB")
    ImageDraw.Draw(portrait).ellipse((420, 260, 780, 700), fill=(205, 160, 130))
    for name, img in (("bright", bright), ("dark", dark), ("busy", busy),
                      ("portrait", portrait)):
        path = folder / f"{name}.jpg"
        img.save(path, quality=88)
        out[name] = path
    return out


def cases(template: Template, photos: dict[str, Path]) -> Iterator[tuple[Case, Draft]]:
    has_photo = any(f.type == "photo" for f in template.fields)
    for case in CASES:
        if case.photo is not None and not has_photo and case.photo != "busy":
            continue  # text-only templates: the photo variants would be the same card
        yield case, stress_draft(template, case.content,
                                 photos[case.photo] if case.photo else None)


PUBLISHABLE_CODES = ("overflow", "collision", "zone", "contrast")


def problems(result: object) -> list[str]:
    """What makes a render unfit to publish, read from its layout report."""
    from .result import RenderResult, intersects  # noqa: PLC0415

    assert isinstance(result, RenderResult)
    out = [f"{w.code}: {w.message}" for w in result.warnings if w.code in PUBLISHABLE_CODES]
    texts = [b for b in result.blocks if b.kind in ("text", "identity", "footer", "list",
                                                    "stats", "stamp", "badge") and not b.dropped]
    for i, a in enumerate(texts):
        out += [f"overlap: {a.field} {a.box} / {b.field} {b.box}" for b in texts[i + 1:]
                if intersects(a.box, b.box, 2)]
    for b in texts:
        if b.cut:
            out.append(f"cut: {b.field} {b.box}")
        if b.ellipsis and b.protected:
            out.append(f"ellipsis: {b.field}")
    return list(dict.fromkeys(out))
