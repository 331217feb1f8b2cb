"""The caption checker: a caption measured the way each platform does, with warnings.

:func:`check_caption` measures a caption the way each platform does (graphemes; X: the
twitter-text v3 weighted length, links, hashtags and mentions from :mod:`.xtext`) and
returns counts and Indonesian warnings, among them a note for every piece of text X counts
as a link without it looking like one ("M.Si." is a link on X: ``.si`` is a country code).
It is a pure function, fast enough to run on every keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..model.dates import format_angka
from ..model.platforms import Platform, get_platform
from .tags import hashtags_in, mentions_in
from .urls import XEntity
from .urls import extract_urls as x_urls
from .xtext import URL_LENGTH as X_URL_WEIGHT
from .xtext import extract_hashtags as x_hashtags
from .xtext import extract_mentions as x_mentions
from .xtext import normalize as nfc
from .xtext import parse as parse_x
from .xtext import weighted_length as _x_weighted_length

_GRAPHEME = regex.compile(r"\X")


# ---------------------------------------------------------------- counting


def graphemes(text: str) -> int:
    """User-perceived characters: "👨‍👩‍👧" and "🇮🇩" count 1, "\\r\\n" counts 1."""
    if text.isascii() and "\r\n" not in text:
        return len(text)
    return len(_GRAPHEME.findall(text))


def find_urls(text: str) -> list[tuple[int, int]]:
    """Spans of the links X shortens to t.co links (twitter-text v3 rules, see
    :mod:`.urls`): ``https://...`` URLs and bare domains with a known top-level domain,
    country codes included (``contoh.id``, ``kominfo.go.id``, and also "M.Si" in a title).

    Offsets are into ``text`` as given when it is in NFC form (typed text is), else into its
    NFC form."""
    return [(u.start, u.end) for u in x_urls(nfc(text))]


def x_weighted_length(text: str) -> int:
    """Length of ``text`` as X counts it (twitter-text v3: weighted ranges, NFC, emoji 2,
    every link 23)."""
    return _x_weighted_length(text)


# ---------------------------------------------------------------- the checker

_PLACEHOLDER_WORDS = ("nama", "tanggal", "tempat", "jam", "waktu", "acara", "judul", "lokasi",
                      "isi", "link", "tautan", "foto", "kegiatan", "sumber", "xxx", "...")
_OK_BRACKETS = {"HOAKS", "DISINFORMASI", "MISINFORMASI", "SALAH", "KLARIFIKASI", "FAKTA",
                "PENGUMUMAN", "INFO", "AGENDA", "UPDATE", "RILIS", "BERITA", "PERINGATAN",
                "DARURAT", "WASPADA", "SIAGA", "AWAS", "DUKA CITA", "UNDANGAN", "LOWONGAN"}
_BRACKET = regex.compile(r"\[([^\[\]\n]{0,40})\]|<([^<>\n]{0,40})>|\{\{[^\n]*?\}\}|\{%[^\n]*?%\}")
_DANGLING = regex.compile(r"(?<![\p{L}\p{N}_])[#@](?=\s|$)")
_XXX = regex.compile(r"(?i)(?<![\p{L}])x{3,}(?![\p{L}])")
_EMPTY_LABEL = regex.compile(r"^[ \t]*[\p{L}][\p{L} /]{0,30}:[ \t]*$", regex.MULTILINE)
_TAGS_ONLY = regex.compile(r"(?:[#@][\p{L}\p{N}_.]+\s*)+")


@dataclass(frozen=True)
class CaptionIssue:
    code: str  # empty, length, soft_length, hashtags, hashtag_dup, mentions, mention_invalid,
    #            title, placeholder, hashtag_inactive, x_link, invalid_chars
    level: str  # "error" (fix before posting), "warning" (check), "info"
    message: str  # Indonesian, one line


@dataclass(frozen=True)
class CaptionCheck:
    """Counts and issues for one caption on one platform (for live counters and the CLI)."""

    platform: str
    length: int  # as the platform counts it (graphemes; X: weighted)
    limit: int | None
    soft_limit: int | None
    graphemes: int
    hashtags: int
    hashtag_limit: int | None
    mentions: int
    mention_limit: int | None
    title_length: int | None = None
    title_limit: int | None = None
    issues: tuple[CaptionIssue, ...] = field(default_factory=tuple)
    links: tuple[str, ...] = ()  # X: what X counts as links (23 each), as written

    @property
    def ok(self) -> bool:
        """No error: the platform will accept this caption as it is."""
        return not any(i.level == "error" for i in self.issues)

    @property
    def remaining(self) -> int | None:
        limit = self.limit if self.limit is not None else self.soft_limit
        return None if limit is None else limit - self.length

    @property
    def counter(self) -> str:
        """"1.234 / 2.200" (or "812 / ±700" for a soft limit only)."""
        if self.limit is not None:
            return f"{format_angka(self.length)} / {format_angka(self.limit)}"
        if self.soft_limit is not None:
            return f"{format_angka(self.length)} / ±{format_angka(self.soft_limit)}"
        return format_angka(self.length)

    @property
    def hashtag_counter(self) -> str:
        if self.hashtag_limit is None:
            return str(self.hashtags)
        return f"{self.hashtags} / {self.hashtag_limit}"

    def messages(self, level: str | None = None) -> list[str]:
        return [i.message for i in self.issues if level is None or i.level == level]


def _placeholders(text: str) -> list[str]:
    found = []
    for m in _BRACKET.finditer(text):
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        if inner is None:  # a Jinja remnant: {{ ... }} or {% ... %}
            found.append(m.group(0))
            continue
        stripped = inner.strip()
        if stripped.upper() in _OK_BRACKETS and stripped == stripped.upper():
            continue
        lowered = stripped.lower()
        if (not stripped or any(c.islower() for c in stripped)
                or any(w in lowered for w in _PLACEHOLDER_WORDS)):
            found.append(m.group(0))
    found += [m.group(0) for m in _XXX.finditer(text)]
    for m in _EMPTY_LABEL.finditer(text):
        # "Faktanya:" or "Persyaratan:" followed by text or a list is fine; a label followed
        # by nothing, by another label or only by hashtags was left empty.
        following = next((line.strip() for line in text[m.end():].split("\n")
                          if line.strip()), "")
        if following and not _EMPTY_LABEL.fullmatch(following) \
                and not _TAGS_ONLY.fullmatch(following):
            continue
        found.append(m.group(0).strip())
    if _DANGLING.search(text):
        found.append("# / @ tanpa nama")
    return found


_COMMON_CCTLD_LINKS = frozenset({"id"})  # "desa.id", "jdih.id": links on purpose


def looks_like_link(url: XEntity) -> bool:
    """Whether a person reading the caption would take this X link for a link.

    With "http(s)://", "www.", a path, a port or a query it is one; so is ``name.go.id``
    (three labels or more), ``name.id`` or a lower-case ``name.com``. Short names, capitals
    and other bare country codes are the false friends: "M.Si", "S.Ag", "S.KM", "A.Md",
    "S.Farm", "pagi.in" (a missing space after a full stop)."""
    text = url.text
    if url.has_protocol or text.lower().startswith("www.") or any(c in text for c in "/:?"):
        return True
    labels = text.split(".")
    if len(labels) >= 3:
        return True
    name, tld = labels[0], labels[-1]
    if any(c.isupper() for c in text) or len(name) <= 2:
        return False
    return tld.lower() in _COMMON_CCTLD_LINKS or tld.lower() not in _country_codes()


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    from .urls import tld_data  # noqa: PLC0415 - loaded with the X rules

    return frozenset(tld_data()["country"])


def _link_shown(text: str, url: XEntity) -> str:
    """The link as the admin wrote it: "M.Si." with the full stop that follows it."""
    end = url.end + 1 if text[url.end:url.end + 1] == "." else url.end
    return text[url.start:end]


def _x_link_notes(text: str, urls: tuple[XEntity, ...]) -> list[CaptionIssue]:
    seen: dict[str, int] = {}
    for url in urls:
        if not looks_like_link(url):
            shown = _link_shown(text, url)
            seen[shown] = seen.get(shown, 0) + 1
    notes = []
    for shown, times in seen.items():
        spaced = shown.replace(".", ". ", 1).rstrip()
        many = f" ({times}×, masing-masing {X_URL_WEIGHT} karakter)" if times > 1 \
            else f" ({X_URL_WEIGHT} karakter)"
        notes.append(CaptionIssue(
            "x_link", "info",
            f'"{shown}" dihitung sebagai tautan oleh X{many}. '
            f'Bukan tautan? Tulis "{spaced}"'))
    return notes


def _invalid_chars_issue(invalid: tuple[str, ...], lone: int) -> CaptionIssue | None:
    names = [f"U+{ord(c):04X}" for c in dict.fromkeys(invalid)]
    if lone:
        names.append("emoji rusak (surrogate tunggal)")
    if not names:
        return None
    return CaptionIssue("invalid_chars", "error",
                        f"Ada karakter tak terlihat yang ditolak X ({', '.join(names)}); "
                        f"hapus dulu (biasanya ikut tersalin dari dokumen lain).")


def check_caption(text: str, platform: str) -> CaptionCheck:
    """Check one caption against one platform's rules. Pure and fast (per keystroke)."""
    spec = get_platform(platform)
    text = text.replace("\r\n", "\n")
    count = graphemes(text)
    issues: list[CaptionIssue] = []
    links: tuple[str, ...] = ()
    if spec.weighted:  # X: twitter-text's reading of links, hashtags and mentions
        parsed = parse_x(text)
        length = parsed.weighted_length
        tags = [t.text for t in x_hashtags(parsed.text, list(parsed.urls))]
        mentions = [m.text for m in x_mentions(parsed.text)]
        links = tuple(_link_shown(parsed.text, u) for u in parsed.urls)
    else:
        length = count
        tags = hashtags_in(text)
        mentions = mentions_in(text)
    if not text.strip():
        issues.append(CaptionIssue("empty", "error", "Caption masih kosong."))
    issues += _length_issues(spec, length)
    issues += _hashtag_issues(spec, tags)
    issues += _mention_issues(spec, mentions, mentions_in(text) if spec.weighted else mentions)
    title_length, title_issues = _title_check(spec, text)
    issues += title_issues
    holes = _placeholders(text)
    if holes:
        shown = ", ".join(dict.fromkeys(h[:30] for h in holes[:3]))
        issues.append(CaptionIssue("placeholder", "error", f"Masih ada isian kosong: {shown}."))
    if spec.weighted:
        invalid = _invalid_chars_issue(parsed.invalid_characters, parsed.lone_surrogates)
        if invalid is not None:
            issues.append(invalid)
        issues.extend(_x_link_notes(parsed.text, parsed.urls))
    return CaptionCheck(
        platform=spec.key, length=length, limit=spec.caption_limit, soft_limit=spec.soft_limit,
        graphemes=count, hashtags=len(tags), hashtag_limit=spec.hashtag_limit,
        mentions=len(mentions), mention_limit=spec.mention_limit, title_length=title_length,
        title_limit=spec.title_limit, issues=tuple(issues), links=links)


def _length_issues(spec: Platform, length: int) -> list[CaptionIssue]:
    """Over the platform's limit (an error), else over its soft limit (a warning)."""
    name = spec.name
    if spec.caption_limit is not None and length > spec.caption_limit:
        over = format_angka(length - spec.caption_limit)
        how = " (tautan dihitung 23, emoji 2)" if spec.weighted else ""
        return [CaptionIssue(
            "length", "error",
            f"Terlalu panjang untuk {name}: {format_angka(length)} dari "
            f"{format_angka(spec.caption_limit)} karakter{how}; kurangi {over}.")]
    if spec.soft_limit is not None and length > spec.soft_limit:
        hard = (f" (batas {name} {format_angka(spec.caption_limit)})"
                if spec.caption_limit else "")
        return [CaptionIssue(
            "soft_length", "warning",
            f"{format_angka(length)} karakter{hard}: {spec.soft_note} "
            f"({format_angka(spec.soft_limit)}).")]
    return []


def _hashtag_issues(spec: Platform, tags: list[str]) -> list[CaptionIssue]:
    """Too many hashtags, each one written twice (ignoring case), tags that do not link."""
    issues = []
    if spec.hashtag_limit is not None and len(tags) > spec.hashtag_limit:
        issues.append(CaptionIssue(
            "hashtags", "error",
            f"{len(tags)} tagar; {spec.name} hanya menerima {spec.hashtag_limit} per unggahan."))
    seen: dict[str, int] = {}
    for tag in tags:
        seen[tag.casefold()] = seen.get(tag.casefold(), 0) + 1
    for tag in dict.fromkeys(tags):
        if seen.get(tag.casefold(), 0) > 1:
            issues.append(CaptionIssue(
                "hashtag_dup", "warning",
                f"Tagar {tag} ditulis {seen[tag.casefold()]} kali."))
            seen[tag.casefold()] = 0
    if tags and not spec.hashtags_work:
        issues.append(CaptionIssue(
            "hashtag_inactive", "info", f"Tagar tidak bisa diklik di {spec.name}."))
    return issues


def _mention_issues(spec: Platform, mentions: list[str],
                    typed: list[str]) -> list[CaptionIssue]:
    """Too many ``mentions`` (as the platform reads them), and names the platform would not
    accept among those ``typed``."""
    issues = []
    if spec.mention_limit is not None and len(mentions) > spec.mention_limit:
        issues.append(CaptionIssue(
            "mentions", "error",
            f"{len(mentions)} mention; {spec.name} menerima paling banyak "
            f"{spec.mention_limit}."))
    # spelling is judged on the name as typed ("@diskominfo.kab" is not an X name, even
    # though X links its first part)
    bad = [m for m in dict.fromkeys(typed)
           if not regex.fullmatch(spec.mention_pattern, m[1:])]
    if bad:
        issues.append(CaptionIssue(
            "mention_invalid", "warning",
            f"{', '.join(bad[:3])} bukan nama akun {spec.name} yang sah; periksa ejaannya."))
    return issues


def _title_check(spec: Platform, text: str) -> tuple[int | None, list[CaptionIssue]]:
    """The first line's length where the platform shows it as a title (None elsewhere), and
    a warning when it is too long."""
    if spec.title_limit is None:
        return None, []
    first = text.strip().split("\n", 1)[0] if text.strip() else ""
    title_length = graphemes(first)
    if title_length <= spec.title_limit:
        return title_length, []
    return title_length, [CaptionIssue(
        "title", "warning",
        f"Baris pertama (judul foto {spec.name}) {title_length} karakter; "
        f"batasnya {spec.title_limit}.")]
