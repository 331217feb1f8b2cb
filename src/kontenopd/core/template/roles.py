"""The role each field of a post plays, one owner for all of it: the keys of a post's own
hashtags and mentions, which field is its headline, its title wherever it is shown or filed,
and which values are settings kept from day to day ("buat seperti kemarin")."""

from __future__ import annotations

from ..model.records import Draft
from .schema import Field, Template

POST_HASHTAGS = "tagar"  # Draft.values key: the post's own hashtags (text or list)
POST_MENTIONS = "mention"  # Draft.values key: accounts the post mentions


# Which values "buat seperti kemarin" keeps. The rule, per field, decided from the field's
# type and key only:
#
# - photo: removed (yesterday's photos are yesterday's event).
# - date: today.
# - bool and choice: kept (switches and picks, e.g. "Foto hitam-putih", the HOAKS label, the
#   WASPADA status).
# - a field whose template proposes a default (text, multiline, time, ...): kept as the user
#   left it; these are the fixed texts such as a closing sentence, the opening and prayer of a
#   condolence, "Apel Pagi", "GRATIS", "pukul 08.00 - selesai".
# - a key in STANDING_KEYS: kept; standing contact information that does not change from
#   post to post (contact person, information channels, emergency numbers, data source).
# - everything else is cleared: titles, summaries, names and positions, places, quotes, QR
#   links and list contents (fields with no default).
# (editing.like_yesterday applies it, and keeps the formats and the post's own hashtags and
# mentions.)

KEPT_TYPES = ("bool", "choice")
STANDING_KEYS = frozenset({"kontak", "kanal", "darurat", "sumber", "biaya"})  # biaya: a
# service's fee stays the same from one notice to the next


def keeps_value(f: Field) -> bool:
    """Whether "buat seperti kemarin" keeps this field's value (see the rule above)."""
    if f.type in ("photo", "date"):
        return False
    return f.type in KEPT_TYPES or f.default not in (None, "") or f.key in STANDING_KEYS


HEADLINE_KEYS = ("judul", "acara", "kegiatan", "layanan", "peristiwa", "hari_besar", "momen",
                 "bahaya", "klaim", "peringatan", "jenis", "nama", "tema", "title")


def headline_key(template: Template) -> str | None:
    """The field that names a post of ``template``: the first of HEADLINE_KEYS it has as a
    one-line text, else its first one-line text field."""
    texts = [f.key for f in template.fields if f.type == "text"]
    return next((k for k in HEADLINE_KEYS if k in texts), texts[0] if texts else None)


def draft_title(draft: Draft, template: Template | None = None) -> str:
    """A short human title: the headline-like value, else the first text value.

    With ``template``, a value that is only a setting is never the title: a choice or
    switch, a text still equal to its field's default ("selesai", "GRATIS", "Selamat &
    Sukses"), or a value kept from day to day (:func:`keeps_value`), so a new post made
    like yesterday's has no title yet."""
    fields = {f.key: f for f in template.fields} if template else {}

    def setting(key: str, value: str) -> bool:
        f = fields.get(key)
        if f is None:
            return bool(template)  # a key the template does not have
        if f.type in ("choice", "bool", "date", "time"):
            return True
        if f.default not in (None, "") and value.strip() == str(f.default).strip():
            return True
        # other fields kept from day to day (a contact, a closing line) are settings too;
        # a headline field the user changed is the post's name
        return key not in HEADLINE_KEYS and keeps_value(f)

    values = {key: value for key, value in draft.values.items()
              if key not in (POST_HASHTAGS, POST_MENTIONS)  # hashtags, mentions: no title
              and isinstance(value, str) and value.strip() and not setting(key, value)}
    order = [*HEADLINE_KEYS, *(f.key for f in template.fields)] if template else \
        [*HEADLINE_KEYS, *draft.values]
    for key in order:
        value = values.get(key)
        if value is not None and (key in HEADLINE_KEYS or not value.strip()[0].isdigit()):
            return one_line(value)
    return ""


def post_title(draft: Draft, template: Template) -> str:
    """The post's name wherever it is shown or filed (export folder, manifest, bulk report,
    window title): :func:`draft_title`, else the template's name."""
    return draft_title(draft, template) or template.name


def one_line(text: str, limit: int = 100) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
