"""Captions: counting (graphemes, X weighting), hashtags, the checker, generation, sandbox."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kontenopd.core.captions import compose as cap
from kontenopd.core.captions.check import check_caption, find_urls, graphemes, x_weighted_length
from kontenopd.core.captions.compose import (
    apply_caption_edit,
    caption_for,
    caption_path,
    captions_for,
    generate_caption,
    render_caption_template,
)
from kontenopd.core.captions.tags import (
    hashtags_in,
    mentions_in,
    merge_hashtags,
    normalize_hashtag,
    parse_hashtags,
    parse_mentions,
    rejected_hashtags,
)
from kontenopd.core.model.platforms import PLATFORM_KEYS
from kontenopd.core.model.records import Draft, Profile
from kontenopd.core.template.budgets import ExpressionError
from kontenopd.core.template.library import load_library

ROOT = Path(__file__).resolve().parents[3]

# ---------------------------------------------------------------- counting


@pytest.mark.parametrize(("text", "count"), [
    ("Apel pagi", 9),
    ("👨‍👩‍👧", 1),  # ZWJ family: 5 code points
    ("🇮🇩", 1),  # flag: two regional indicators
    ("👍🏽", 1),  # skin tone modifier
    ("e\u0301", 1),  # e + combining acute
    ("a\r\nb", 3),  # CRLF is one character
    ("a\nb", 3),
    ("", 0),
])
def test_graphemes(text, count) -> None:
    assert graphemes(text) == count


@pytest.mark.parametrize(("text", "weight"), [
    ("Halo", 4),
    ("\n", 1),  # a newline counts 1
    ("a\nb\n", 4),
    ("😀", 2),
    ("👨‍👩‍👧", 2),  # a whole emoji sequence weighs 2
    ("🇮🇩", 2),
    ("👍🏽", 2),
    ("1️⃣", 2),  # keycap sequence
    ("❤️", 2),  # text symbol + VS16
    ("©", 1),  # below U+10FF without emoji presentation
    ("é", 1),
    ("e\u0301", 1),  # normalised to NFC first
    ("–", 1),  # en dash U+2013 is in a light range (dateline)
    ("“kutipan”", 9),  # curly quotes U+201C/D are light
    ("…", 2),  # U+2026 is outside the light ranges
    ("漢字", 4),  # CJK weighs 2 each
    ("https://diskominfo.contohkab.go.id/berita/2022/11/21/apel-pagi", 23),
    ("diskominfo.contohkab.go.id", 23),  # no protocol, known TLD
    ("kominfo.go.id", 23),
    ("example.com", 23),
    ("contoh.id", 23),  # a bare country-code domain is a link on X (twitter-text v3)
    ("contoh.id/berita", 23),
    ("Lihat https://a.com/x.", 6 + 23 + 1),  # the final full stop is not part of the link
    ("info@contoh.go.id", 17),  # an e-mail address is not a link
    ("pukul 08.00 WIB", 15),
    ("Budi, S.Kom, M.Si", 13 + 23),  # ".kom" is no TLD, but ".si" is: X links "M.Si"
    ("Budi, S.Pd.", 11),  # ".pd" is no TLD
    ("1️⃣ 😀️", 2 + 1 + 4),  # an emoji-only symbol does not take U+FE0F (twemoji)
])
def test_x_weighted_length(text, weight) -> None:
    assert x_weighted_length(text) == weight


def test_x_counts_urls_as_23_whatever_their_length() -> None:
    long_url = "https://contoh.go.id/" + "a" * 200
    assert x_weighted_length(long_url) == 23
    text = "a" * 256 + " " + long_url  # 256 + 1 + 23 = 280
    assert check_caption(text, "x").ok
    assert not check_caption("a" + text, "x").ok
    # the grapheme count of the same text is far above 280
    assert check_caption(text, "x").graphemes > 400


def test_x_counts_newlines_and_emoji() -> None:
    text = "\n".join(["🇮🇩"] * 93) + "a"  # 93 flags x2 + 92 newlines + 1 = 279
    assert x_weighted_length(text) == 279
    assert check_caption(text + "b", "x").ok
    assert not check_caption(text + "bc", "x").ok


def test_find_urls_spans() -> None:
    text = "Info: diskominfo.contohkab.go.id, dan (https://a.co/b)."
    assert [text[s:e] for s, e in find_urls(text)] == [
        "diskominfo.contohkab.go.id", "https://a.co/b"]


# ---------------------------------------------------------------- hashtags and mentions


@pytest.mark.parametrize(("typed", "tag"), [
    ("hari jadi ke-75", "#HariJadiKe75"),
    ("#MojokertoKab", "#MojokertoKab"),
    ("  ##DiskominfoJatim ", "#DiskominfoJatim"),
    ("HUT RI", "#HUTRI"),
    ("bangga melayani bangsa", "#BanggaMelayaniBangsa"),
    ("#2024", ""),  # no letter: not a hashtag
    ("#", ""),
    ("sehat_selalu", "#sehat_selalu"),
])
def test_normalize_hashtag(typed, tag) -> None:
    assert normalize_hashtag(typed) == tag


def test_merge_is_case_insensitive_and_keeps_the_first_spelling() -> None:
    assert merge_hashtags(["#ContohKab", "#HUTRI"], "#contohkab, #Germas #hutri") == [
        "#ContohKab", "#HUTRI", "#Germas"]


def test_parse_typed_hashtags() -> None:
    assert parse_hashtags("#A #B, hari jadi; #2024\n#C") == ["#A", "#B", "#HariJadi", "#C"]
    assert rejected_hashtags("#A, #2024") == ["#2024"]
    assert parse_hashtags(None) == []


def test_parse_mentions() -> None:
    assert parse_mentions("@bupati.contoh, dinkes_contoh @Bupati.Contoh") == [
        "@bupati.contoh", "@dinkes_contoh"]
    assert parse_mentions("@a @b") == ["@a", "@b"]
    assert parse_mentions("spasi! #tagar") == []


def test_hashtags_and_mentions_in_text() -> None:
    text = "C# bukan tagar, #1 juga bukan; #Sehat #sehat ✉ info@contoh.go.id @dinkes."
    assert hashtags_in(text) == ["#Sehat", "#sehat"]
    assert mentions_in(text) == ["@dinkes"]
    check = check_caption(text, "instagram")
    assert check.hashtags == 2 and check.mentions == 1
    assert [i.code for i in check.issues] == ["hashtag_dup"]
    assert "#Sehat ditulis 2 kali" in check.issues[0].message


def test_x_handles_cannot_have_dots() -> None:
    check = check_caption("Bersama @diskominfo.contohkab", "x")
    assert [i.code for i in check.issues] == ["mention_invalid"]
    assert check_caption("Bersama @diskominfo.contohkab", "instagram").ok


# ---------------------------------------------------------------- placeholders, empty


@pytest.mark.parametrize("text", [
    "Kegiatan [nama acara] berlangsung lancar.",
    "Hari ini <tempat> ramai.",
    "Judul: {{ judul }}",
    "Tanggal: XXX",
    "Rapat koordinasi.\n\nTempat:",
    "Rapat koordinasi.\nTempat:\n\n#ContohKab",
    "Tempat:\nWaktu:\nSelesai",
    "Tagar kosong # di sini",
    "[TANGGAL] pukul 08.00",
])
def test_placeholders_are_errors(text) -> None:
    check = check_caption(text, "instagram")
    assert not check.ok
    assert "placeholder" in [i.code for i in check.issues]
    assert "isian kosong" in check.messages("error")[0]


@pytest.mark.parametrize("text", [
    "[HOAKS] Beredar pesan berantai.\n\nFaktanya:\nTidak ada pembagian bansos lewat tautan.",
    "Persyaratan:\n- KTP\n- KK",
    "Persyaratan:\n\n1. KTP",
    "Jam layanan:\nSenin - Jumat",
    "[PENGUMUMAN] Layanan tutup.",
    "Pukul 08.00 WIB. Biaya: GRATIS",
])
def test_no_false_placeholders(text) -> None:
    assert check_caption(text, "instagram").issues == ()


def test_empty_caption_is_an_error() -> None:
    check = check_caption("  \n ", "facebook")
    assert not check.ok and check.messages("error") == ["Caption masih kosong."]


# ---------------------------------------------------------------- generation


def _sample_draft(template) -> Draft:
    return Draft(template=template.id, values=dict(template.sample))


def test_news_caption_has_dateline_lead_and_hashtags(library, profile) -> None:
    template = library.get("liputan-kegiatan")
    draft = _sample_draft(template)
    draft.values["tagar"] = "umkm naik kelas, #contohkab"
    draft.values["mention"] = "@bupati.contoh"
    text = generate_caption(template, draft, profile, "instagram")
    lead = template.sample["ringkasan"]
    assert f"Contoh, Senin (21/11/2022) – {lead}" in text
    assert text.startswith(template.sample["judul"] + "\n\n")
    # profile defaults first, then the post's own; #contohkab is a duplicate of #ContohKab
    assert text.endswith("#ContohKab #DiskominfoContoh #UmkmNaikKelas")
    assert "@bupati.contoh" in text
    assert "\n\n\n" not in text and text == text.strip()
    whatsapp = generate_caption(template, draft, profile, "whatsapp")
    assert whatsapp.startswith("*" + template.sample["judul"] + "*")
    assert "#" not in whatsapp  # hashtags do not work in a WhatsApp status
    x = generate_caption(template, draft, profile, "x")
    assert "diskominfo.contohkab.go.id" in x and "@bupati.contoh" not in x


def test_every_template_gives_clean_captions_for_every_platform(library, profile) -> None:
    """Sample values + demo profile: a caption per platform, no error, no placeholder."""
    for template in library.templates.values():
        draft = _sample_draft(template)
        for platform, caption in captions_for(template, draft, profile).items():
            assert caption.text.strip(), (template.id, platform)
            assert caption.check.ok, (template.id, platform, caption.check.issues)
            assert "placeholder" not in [i.code for i in caption.check.issues]


def test_captions_with_only_required_fields_leave_no_holes(library, profile) -> None:
    for template in library.templates.values():
        values = {f.key: template.sample[f.key] for f in template.fields
                  if f.required and f.key in template.sample}
        draft = Draft(template=template.id, values=values)
        for platform in PLATFORM_KEYS:
            text = generate_caption(template, draft, profile, platform)
            codes = [i.code for i in check_caption(text, platform).issues]
            assert "placeholder" not in codes, (template.id, platform, text)


def test_user_edit_overrides_one_platform(library, profile) -> None:
    template = library.get("liputan-kegiatan")
    draft = _sample_draft(template)
    draft.captions["x"] = "Teks buatan sendiri #ContohKab"
    x = caption_for(template, draft, profile, "x")
    assert x.edited and x.text == "Teks buatan sendiri #ContohKab"
    assert x.generated != x.text
    ig = caption_for(template, draft, profile, "instagram")
    assert not ig.edited and ig.text == ig.generated


def test_apply_caption_edit_drops_an_edit_equal_to_the_generated_text() -> None:
    edits = apply_caption_edit({}, "instagram", "Baru", "Lama")
    assert edits == {"instagram": "Baru"}
    assert apply_caption_edit(edits, "instagram", "Lama \n", "Lama") == {}


def test_generic_captions_for_a_template_without_caption_files(library, profile) -> None:
    template = library.get("liputan-kegiatan")
    bare = type(template)(**{**template.__dict__, "captions": {}})
    assert caption_path(bare, "tiktok").name == "default_tiktok.j2"
    text = generate_caption(bare, _sample_draft(template), profile, "tiktok")
    assert text.splitlines()[0] == template.sample["judul"]
    assert "Lokasi: " + template.sample["lokasi"] in text


# ---------------------------------------------------------------- discovery and sandbox


def _copy_template(tmp_path: Path, source: str = "liputan-kegiatan") -> Path:
    root = tmp_path / "templates"
    folder = root / source
    shutil.copytree(ROOT / "assets" / "templates" / source, folder)
    for old in folder.glob("caption*.j2"):
        old.unlink()
    return root


def test_caption_files_are_found_by_convention(tmp_path, profile) -> None:
    root = _copy_template(tmp_path)
    folder = root / "liputan-kegiatan"
    (folder / "caption.j2").write_text("UMUM {{ platform_name }}: {{ judul }}", encoding="utf-8")
    (folder / "caption_x.j2").write_text("KHUSUS X {{ hashtags }}", encoding="utf-8")
    library = load_library(root)
    assert not library.errors
    template = library.get("liputan-kegiatan")
    assert set(template.captions) == {"*", "x"}
    draft = _sample_draft(template)
    assert generate_caption(template, draft, profile, "x") == \
        "KHUSUS X #ContohKab #DiskominfoContoh"
    assert generate_caption(template, draft, profile, "facebook") == \
        f"UMUM Facebook: {template.sample['judul']}"


def test_broken_caption_file_is_reported_with_its_name(tmp_path) -> None:
    root = _copy_template(tmp_path)
    (root / "liputan-kegiatan" / "caption_instagram.j2").write_text(
        "{% if judul %}tanpa penutup", encoding="utf-8")
    library = load_library(root)
    assert not library.templates
    assert "caption_instagram.j2" in str(library.errors[0])


ATTACKS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ profile.__class__.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ judul.__class__.__base__.__subclasses__() }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ tanggal.__reduce_ex__(2) }}",
    "{{ self.__init__.__globals__ }}",
    "{{ hashtag_list.__class__.__init__ }}",
    "{{ details[0].__class__ }}",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_user_caption_templates_cannot_reach_python_internals(library, profile,
                                                              attack) -> None:
    template = library.get("liputan-kegiatan")
    with pytest.raises(ExpressionError, match="tidak diizinkan") as info:
        render_caption_template(attack, template, _sample_draft(template), profile, "instagram")
    message = str(info.value)
    assert message.startswith("Caption Instagram: ")
    assert "\n" not in message and "Traceback" not in message


def test_profile_in_captions_is_data_only(library, profile) -> None:
    template = library.get("liputan-kegiatan")
    draft = _sample_draft(template)
    with pytest.raises(ExpressionError):
        render_caption_template("{{ profile.load('/etc/passwd') }}", template, draft, profile,
                                "instagram")
    assert render_caption_template("{{ profile.colors.primary }} {{ profile.main_handle }}",
                                   template, draft, profile, "x") == \
        f"{profile.colors.primary} {profile.main_handle}"


def test_unknown_name_in_a_user_caption_is_clear(library, profile) -> None:
    template = library.get("liputan-kegiatan")
    with pytest.raises(ExpressionError, match="nama tidak dikenal"):
        render_caption_template("{{ juduul }}", template, _sample_draft(template), profile, "x")


def test_hostile_caption_file_fails_generation_not_the_app(tmp_path, profile) -> None:
    root = _copy_template(tmp_path)
    (root / "liputan-kegiatan" / "caption.j2").write_text(ATTACKS[0], encoding="utf-8")
    template = load_library(root).get("liputan-kegiatan")
    with pytest.raises(ExpressionError, match="tidak diizinkan"):
        captions_for(template, _sample_draft(template), profile)


def test_caption_context_names(library, profile) -> None:
    template = library.get("agenda-undangan")
    draft = _sample_draft(template)
    ctx = cap.caption_context(template, draft, Profile(**{**profile.__dict__, "city": "Batu"}),
                              "tiktok")
    assert ctx["headline"] == template.sample["acara"]
    assert ctx["dateline"].startswith("Batu, Kamis (24/11/2022) –")
    assert ctx["handle"] == "@diskominfo.contohkab"
    assert ctx["platform"] == "tiktok" and ctx["platform_name"] == "TikTok"
    labels = [d["label"] for d in ctx["details"]]
    assert "Tempat" in labels
    json.dumps(ctx["details"])  # plain data


# ---------------------------------------------------------------- kind-specific captions

KIND_SNIPPETS = {
    "liputan-kegiatan": ["Contoh, Senin (21/11/2022) – Pelatihan dua hari", "📍 Pendopo"],
    "agenda-undangan": ["[AGENDA] Sosialisasi", "📅 Kamis, 24 November 2022",
                        "pukul 08.00 WIB - selesai", "Narahubung: Rina"],
    "infografis-data": ["▪️ 12.480 KTP elektronik dicetak", "Sumber: Dinas Kependudukan"],
    "klarifikasi-hoaks": ["[HOAKS] Pendaftaran CPNS", "Faktanya:\nPemerintah Kabupaten",
                          "Sumber: BKPSDM Kabupaten Contoh"],
    "pengumuman-layanan": ["[PENGUMUMAN] Perekaman KTP", "✅ Membawa fotokopi Kartu Keluarga",
                           "Biaya: GRATIS"],
    "peringatan-dini": ["[SIAGA] Potensi Banjir", "1. Jauhi tebing",
                        "☎️ 112 (Panggilan Darurat)"],
    "ucapan-hari-besar": ["Selamat Hari Guru Nasional 2022"],
    "duka-cita": ["Turut Berduka Cita", "H. Suharto Wibowo, S.H.",
                  "pada Minggu, 20 November 2022."],
    "selamat-sukses": ["Selamat & Sukses", "atas pelantikan sebagai Kepala Dinas"],
    "kunjungan-kerja": ["Contoh, Selasa (22/11/2022) – Bupati Contoh", "kunjungan kerja ke RSUD"],
    "kutipan-pimpinan": ["“Pelayanan publik yang baik", "— H. Ahmad Syaifuddin"],
    "apel-upacara": ["Contoh, Kamis (17/11/2022) – Upacara Hari Kesadaran Nasional"],
}


@pytest.mark.parametrize("template_id", sorted(KIND_SNIPPETS))
def test_kind_specific_captions(library, profile, template_id) -> None:
    if template_id not in library.templates:
        pytest.skip(f"{template_id} is not in the library")
    template = library.get(template_id)
    assert "*" in template.captions, "a kind that needs its own caption has caption.j2"
    text = generate_caption(template, _sample_draft(template), profile, "instagram")
    for snippet in KIND_SNIPPETS[template_id]:
        assert snippet in text, (snippet, text)


def test_hoax_captions_always_lead_with_the_label(library, profile) -> None:
    if "klarifikasi-hoaks" not in library.templates:
        pytest.skip("no hoax template")
    template = library.get("klarifikasi-hoaks")
    draft = _sample_draft(template)
    draft.values["label"] = "DISINFORMASI"
    for platform, caption in captions_for(template, draft, profile).items():
        first = caption.text.splitlines()[0].lstrip("*")
        assert first.startswith("[DISINFORMASI]"), (platform, first)
        assert "Faktanya:" in caption.text
        assert caption.check.ok, (platform, caption.check.issues)


def test_x_fast_path_agrees_with_the_full_parse() -> None:
    """x_weighted_length's shortcut (plain ASCII without a '.') gives what parsing gives."""
    import random

    from kontenopd.core.captions import xtext

    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice("abc 1#@\n\r-_") for _ in range(rng.randrange(40)))
        assert x_weighted_length(text) == xtext.parse(text).weighted_length == len(text)
