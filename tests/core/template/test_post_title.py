"""One owner for the title of a post: the Draf browser, the export folder and manifest, the
queue label and the caption's headline name a post the same way, for every template."""

from __future__ import annotations

from kontenopd.core.captions.compose import caption_context
from kontenopd.core.editing import like_yesterday, sample_draft
from kontenopd.core.export.jobs import ExportJob
from kontenopd.core.io.draft_file import save_draft
from kontenopd.core.io.draft_info import read_draft_info
from kontenopd.core.template.roles import draft_title, headline_key, post_title


def test_every_owner_gives_the_same_title(library, profile, tmp_path):
    for template in library.templates.values():
        draft = sample_draft(template)
        title = draft_title(draft, template)
        assert title, template.id
        assert post_title(draft, template) == title, template.id
        job = ExportJob.from_draft(draft, profile, template=template)
        assert job.label == title, template.id
        key = headline_key(template)
        context = caption_context(template, draft, profile, "instagram")
        assert context["headline"] == draft.values[key], template.id
        path = save_draft(tmp_path / f"{template.id}.kontenopd", draft, profile, title=title)
        assert read_draft_info(path).title == title, template.id


def test_the_hoax_post_is_named_by_its_claim_not_its_label(library):
    template = library.get("klarifikasi-hoaks")
    draft = sample_draft(template)
    assert draft.values["label"] == "HOAKS"
    assert draft_title(draft, template) == draft.values["klaim"]
    assert draft_title(draft) == draft.values["klaim"]  # also without the template


def test_a_visit_is_named_by_the_activity_and_an_assembly_by_its_kind(library):
    kunjungan = library.get("kunjungan-kerja")
    draft = sample_draft(kunjungan)
    assert draft_title(draft, kunjungan) == draft.values["kegiatan"]
    apel = library.get("apel-upacara")
    draft = sample_draft(apel)
    assert draft.values["jenis"] != apel.field("jenis").default
    assert draft_title(draft, apel) == draft.values["jenis"]  # changed from its default


def test_settings_are_never_the_title(library):
    """A post made like yesterday's keeps only settings, so it has no title, unless the kept
    value is the post's own headline changed from its default (an assembly's kind)."""
    for template in library.templates.values():
        new = like_yesterday(template, sample_draft(template))
        key = headline_key(template)
        kept = new.values.get(key)
        default = template.field(key).default if key else None
        expected = kept if isinstance(kept, str) and kept.strip() and kept != default else ""
        assert draft_title(new, template) == expected, template.id
    apel = library.get("apel-upacara")
    assert draft_title(like_yesterday(apel, sample_draft(apel)), apel) == \
        "Upacara Hari Kesadaran Nasional"


def test_a_post_without_a_title_is_filed_by_its_template_name(library):
    from kontenopd.core.editing import new_draft
    from kontenopd.core.model.records import slugify

    template = library.get("agenda-undangan")
    draft = new_draft(template)
    assert draft_title(draft, template) == ""
    assert post_title(draft, template) == "Agenda / Undangan"
    assert slugify(post_title(draft, template), 40) == "agenda-undangan"


def test_slugs_are_cut_at_a_word_boundary():
    from kontenopd.core.model.records import slugify

    title = "Rapat Koordinasi Percepatan Penurunan Stunting Tingkat Kabupaten"
    assert slugify(title, 40) == "rapat-koordinasi-percepatan-penurunan"
    assert slugify("Satu-kata-yang-sangatpanjangsekalisampaitidakadabatasnya", 20) == \
        "satu-kata-yang"
    assert slugify("Abcdefghijklmnopqrstuvwxyz", 10) == "abcdefghij"  # no boundary near
    assert slugify("🙂 !!", 10) == "konten"
