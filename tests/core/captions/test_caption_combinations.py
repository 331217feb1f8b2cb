"""Captions read well whatever is left empty (#14 point 3).

For every template and every platform, the sample is captioned with every combination of its
optional fields left empty (all subsets when there are at most six, else each field, each
pair and all of them), photos included; and, because a caption is shown live while a draft is
typed, with required fields still empty too. Each caption is read the way a citizen would:
no sentence said twice, no label with nothing after it, no punctuation left hanging, no
empty lines piling up, no program leftovers, and within the platform's limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations

import pytest
import regex

from kontenopd.core.captions.check import check_caption
from kontenopd.core.captions.compose import generate_caption
from kontenopd.core.model.platforms import PLATFORM_KEYS
from kontenopd.core.model.records import Draft, PhotoRef, Profile
from kontenopd.core.template.library import load_library
from kontenopd.core.template.schema import Field, Template

from ..samples import sheet_sample

TEMPLATE_IDS = sorted(load_library().templates)
MAX_ALL_SUBSETS = 6  # up to this many optional fields: every subset; above: 1, 2 and all

# ---------------------------------------------------------------- reading a caption

_TAGS_LINE = regex.compile(r"^\s*(?:[#@][\p{L}\p{N}_.]+\s*)+$")
_DATELINE = regex.compile(r"^[^,\n]+, \p{L}+ \(\d{1,2}/\d{1,2}/\d{4}\) [–-]\s*")
_SENTENCE_END = regex.compile(r"(?<=[.!?…])[”\"]?\s+")
# "H.", "Drs.", "No.", "S.Sos.", "M.Si.": a full stop that does not end a sentence
_ABBREVIATION = regex.compile(r"(?:^|\s)(?:\p{L}{1,3}|\p{L}+\.[\p{L}.]*)\.$")
_EDGE = regex.compile(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$")
_LABEL_END = regex.compile(r"\p{L}[^:\n]*:\s*$")
# a line that needs the next line to finish it ("... atas berpulangnya" + the name)
_NEEDS_MORE = regex.compile(
    r"(?<![\p{L}])(?:atas|kepada|sebagai|berpulangnya|wafatnya|meninggalnya|pelantikan)\s*$")

DANGLING = [
    ("space before punctuation", regex.compile(r"\s[.,;:!?)]")),
    ("punctuation after a comma", regex.compile(r"[,;:]\s*[.,;:]")),
    ("double full stop", regex.compile(r"(?<!\.)\.\.(?!\.)")),
    ("empty brackets or quotes", regex.compile(r"\(\s*\)|\[\s*\]|“\s*”|\"\s*\"")),
    ("empty bold", regex.compile(r"(?:^|\s)\*\s*\*(?:\s|$)")),
    ("space inside bold", regex.compile(r"\S\s+\*(?:\s|$)")),
    ("dash at line end", regex.compile(r"\s[-–—]\s*$")),
    ("dash before punctuation", regex.compile(r"[-–—]\s*[,.;:]")),
    ("line starts with punctuation", regex.compile(r"^\s*[.,;:!?)]")),
    ("word waiting for its object", regex.compile(
        r"(?<![\p{L}])(?:di|ke|dari|pada|oleh|dengan|dan|atas|untuk|kata|sebagai|yang)"
        r"(?:\s*[.,;:!?)]|\s*$)")),
    ("double space", regex.compile(r"\S {2,}\S")),
    ("leading space", regex.compile(r"^[ \t]+\S")),
    ("line of punctuation or emoji only", regex.compile(r"^[^\p{L}\p{N}]+$")),
    ("number with nothing after it", regex.compile(r"^\s*\d+[.)]\s*$")),
]
LEFTOVERS = regex.compile(
    r"\bNone\b|\bTrue\b|\bFalse\b|\bundefined\b|\[\]|\{\}|\{\{|\}\}|\{%|%\}|\{#|"
    r"dict_values|PhotoRef|\['")


def _sentences(line: str) -> list[str]:
    """The sentences of one caption line (a dateline is not part of its sentence)."""
    line = _DATELINE.sub("", line.strip())
    parts: list[str] = []
    for piece in _SENTENCE_END.split(line):
        if parts and _ABBREVIATION.search(parts[-1]):
            parts[-1] += " " + piece
        else:
            parts.append(piece)
    return parts


def _norm(text: str) -> str:
    return " ".join(_EDGE.sub("", text.replace("*", "")).casefold().split())


def caption_problems(text: str, platform: str, *, allow_empty: bool = False) -> list[str]:
    """Everything that reads badly in ``text`` as ``(check) detail`` strings."""
    problems: list[str] = []
    lines = text.split("\n")
    if text != text.strip() or any(line != line.rstrip() for line in lines):
        problems.append("(whitespace) empty or trailing-space line at an edge or line end")
    if "\n\n\n" in text:
        problems.append("(blank lines) more than one empty line in a row")
    for m in LEFTOVERS.finditer(text):
        problems.append(f"(leftover) {m.group(0)!r}")
    seen: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if _LABEL_END.search(line):
            following = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if not following or _LABEL_END.search(following) or _TAGS_LINE.match(following):
                problems.append(f"(empty label) {line.strip()!r}")
        if _NEEDS_MORE.search(line) and not (lines[i + 1].strip() if i + 1 < len(lines)
                                             else ""):
            problems.append(f"(dangling: sentence cut off) {line.strip()!r}")
        if regex.search(r"\p{L}:\s*[(.,;]", line):
            problems.append(f"(empty label) {line.strip()!r}")
        for name, pattern in DANGLING:
            if pattern.search(line):
                problems.append(f"(dangling: {name}) {line.strip()!r}")
        if _TAGS_LINE.match(line):
            continue
        for sentence in _sentences(line):
            key = _norm(sentence)
            if not key:
                continue
            if key in seen:
                problems.append(f"(repeated) {sentence.strip()!r}")
            else:
                seen[key] = sentence
    check = check_caption(text, platform)
    allowed = {"empty"} if allow_empty else set()
    for issue in check.issues:
        if issue.level == "error" and issue.code not in allowed:
            problems.append(f"(check: {issue.code}) {issue.message}")
    if not allow_empty and not text.strip():
        problems.append("(empty) no caption")
    return problems


# ---------------------------------------------------------------- the combinations


def _empty(draft: Draft, f: Field) -> None:
    if f.type == "photo":
        draft.photos.pop(f.key, None)
    elif f.type == "bool":
        draft.values[f.key] = False
    else:
        draft.values[f.key] = ""  # cleared by the user (a missing key means the default)


def optional_subsets(template: Template) -> list[tuple[str, ...]]:
    keys = [f.key for f in template.fields if not f.required]
    if len(keys) <= MAX_ALL_SUBSETS:
        return [c for n in range(len(keys) + 1) for c in combinations(keys, n)]
    return [(), *combinations(keys, 1), *combinations(keys, 2), tuple(keys)]


def required_subsets(template: Template) -> list[tuple[str, ...]]:
    keys = [f.key for f in template.fields if f.required]
    return [*combinations(keys, 1), tuple(keys)] if keys else []


def _draft(template: Template, emptied: tuple[str, ...], photos: bool) -> Draft:
    draft = sheet_sample(template)  # the sample values and photos
    for f in template.fields:
        if f.type == "photo" and photos and not draft.photos.get(f.key):
            draft.photos[f.key] = [PhotoRef("contoh.jpg")]
        if f.key in emptied or (f.type == "photo" and not photos):
            _empty(draft, f)
    return draft


def cases(template: Template, *, required: bool) -> Iterator[tuple[tuple[str, ...], bool]]:
    """(fields left empty, whether photos are added) for one template."""
    has_photo = any(f.type == "photo" for f in template.fields)
    optional = optional_subsets(template)
    groups = required_subsets(template) if required else [()]
    for req in groups:
        for opt in optional:
            for photos in ((True, False) if has_photo else (True,)):
                yield req + opt, photos


def _failures(template: Template, profile: Profile, *, required: bool) -> list[str]:
    out: list[str] = []
    for emptied, photos in cases(template, required=required):
        draft = _draft(template, emptied, photos)
        for platform in PLATFORM_KEYS:
            text = generate_caption(template, draft, profile, platform)
            for problem in caption_problems(text, platform, allow_empty=required):
                out.append(f"{platform} kosong={list(emptied)} foto={photos}: {problem}")
    return out


def _report(failures: list[str]) -> str:
    shown = "\n".join(dict.fromkeys(failures))
    return f"{len(failures)} masalah:\n{shown[:6000]}"


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_captions_read_well_with_any_optional_field_empty(library, profile,
                                                          template_id) -> None:
    template = library.get(template_id)
    failures = _failures(template, profile, required=False)
    assert not failures, _report(failures)


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_captions_while_typing_have_no_broken_fragments(library, profile, template_id) -> None:
    """Required fields still empty (the caption is shown live while a draft is typed)."""
    template = library.get(template_id)
    failures = _failures(template, profile, required=True)
    assert not failures, _report(failures)


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_captions_for_a_bare_profile(library, profile, template_id) -> None:
    """A profile without city, website, handles or hashtags, with the post's own mentions:
    no dateline, no "Info:" line, nothing hanging where they would have been."""
    bare = replace(profile, city="", website="", handles={}, hashtags=(), tagline="")
    template = library.get(template_id)
    failures: list[str] = []
    for emptied in ((), tuple(f.key for f in template.fields if not f.required)):
        for mention in ("", "@bupati.contoh"):
            draft = _draft(template, emptied, photos=True)
            draft.values["mention"] = mention
            for platform in PLATFORM_KEYS:
                text = generate_caption(template, draft, bare, platform)
                failures += [f"{platform} kosong={list(emptied)} mention={mention!r}: {p}"
                             for p in caption_problems(text, platform)]
    assert not failures, _report(failures)


# ---------------------------------------------------------------- the reader itself


@pytest.mark.parametrize("text", [
    "Judul kegiatan\n\nContoh, Senin (21/11/2022) – Judul kegiatan",
    "Lokasi:\n\n#ContohKab",
    "📍\n\n#ContohKab",
    "Waktu: .",
    "Kegiatan digelar di .",
    "Sumber: BKPSDM ( )",
    "Contoh, Senin (21/11/2022) –",
    "Satu\n\n\nDua",
    "\nSatu",
    "Isi None",
    "[] kosong",
    "— , Bupati Contoh",
    "Bupati  melakukan kunjungan",
    "▪️",
    "*[PENGUMUMAN] *",
    "Turut berduka cita atas berpulangnya\n\nSemoga diberi ketabahan.",
])
def test_the_reader_catches_broken_captions(text) -> None:
    assert caption_problems(text, "facebook"), text


@pytest.mark.parametrize("text", [
    "Apel Pagi\n\nContoh, Senin (21/11/2022) – Apel Pagi digelar di Halaman Kantor.",
    "Faktanya:\nPemerintah tidak memungut biaya.\n\nSumber: BKPSDM",
    "Pembina H. Ahmad Syaifuddin, S.Sos., M.Si. memimpin apel. Apel berjalan tertib.",
    "🕗 pukul 08.00 WIB - selesai",
    "Persyaratan:\n✅ KTP\n✅ KK",
    "*[AGENDA] Rapat*\n\n📅 Kamis, 24 November 2022",
    "“Gedung ini harus selesai,” kata Bupati Contoh.",
    "Judul\n\n#ContohKab #DiskominfoContoh",
    "Turut berduka cita atas berpulangnya\nH. Suharto Wibowo, S.H.",
])
def test_the_reader_accepts_good_captions(text) -> None:
    assert not caption_problems(text, "facebook"), caption_problems(text, "facebook")
