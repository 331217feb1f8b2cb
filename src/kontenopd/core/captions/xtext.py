"""X (Twitter) text rules: the weighted length, links, hashtags and mentions as X sees them.

A pure-Python reading of twitter-text v3 (the library X's own composer counts with), written
from its published rules and conformance files:

* **Weighted length** (config v3): NFC first; code points in U+0000-U+10FF, U+2000-U+200D,
  U+2010-U+201F and U+2032-U+2037 weigh 1, every other one 2; an emoji sequence weighs 2
  however many code points it has; a link weighs 23 whatever its length; at most 280.
* **valid**: not empty, not over 280, and no U+FFFE, U+FEFF or U+FFFF (twitter-text's
  "invalid characters"). Lone surrogates are reported separately (:attr:`XParse.lone_surrogates`):
  twitter-text lets them through, but a post containing one cannot be sent as UTF-8.
* **Links**: found by :mod:`.urls` (``http(s)://`` URLs and bare domains ending in a known
  top-level domain, country codes included: ``desa.id``, ``M.Si`` and ``foo.jp`` are links).
* **Hashtags** and **mentions** as twitter-text extracts them (a hashtag needs a letter; one
  directly after an emoji, or after U+FE0F, counts; ``@name`` has 1-20 of ``A-Za-z0-9_``).

Emoji follow twemoji-parser 14 (what twitter-text uses): keycaps, flags of real regions,
England/Scotland/Wales, skin tones on the bases that take them, ZWJ sequences, and the
variation selector U+FE0F absorbed by the symbols that have a text variant (not by emoji-only
ones: "😀" + U+FE0F weighs 2 + 2, as twemoji counts it). A ZWJ chain is
recognised by its structure (emoji joined by U+200D) rather than from a list, so a sequence
that twemoji 14 does not list (a newer or an invented one) counts 2 here where twemoji 14
would count its parts.

Indices (:class:`XEntity`) are code point offsets into the NFC text (:attr:`XParse.text`);
the ``valid_range_end`` / ``display_range_end`` figures are UTF-16 offsets into the text
given, as twitter-text reports them.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

import regex

from .urls import INVALID_CHARS, LATIN, XEntity, extract_urls, utf16_len

MAX_LENGTH = 280
URL_LENGTH = 23
SCALE = 100
DEFAULT_WEIGHT = 200
LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))

_HASHTAG_SPECIAL = ("_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0"
                    "\u30fb\u3003\u0f0b\u0f0c\u00b7")


@dataclass(frozen=True)
class XParse:
    """The result of :func:`parse` (twitter-text's ``parseTweet`` plus the entities)."""

    text: str  # NFC-normalised input
    weighted_length: int
    valid: bool  # twitter-text's verdict: not empty, <= 280, no invalid character
    permillage: int
    valid_range_end: int  # UTF-16 index of the last character within 280 (inclusive)
    display_range_end: int
    urls: tuple[XEntity, ...]
    invalid_characters: tuple[str, ...]  # U+FFFE / U+FEFF / U+FFFF found, in order
    lone_surrogates: int

    @property
    def remaining(self) -> int:
        return MAX_LENGTH - self.weighted_length


# ---------------------------------------------------------------- patterns

_HT_ALPHA = r"\p{L}\p{M}"
_HT_ALNUM = rf"[{_HT_ALPHA}\p{{Nd}}{_HASHTAG_SPECIAL}]"
_HASHTAG = regex.compile(
    rf"(?P<before>^|\ufe0e|\ufe0f|\Z|(?!{_HT_ALNUM}|&)[^\ud800-\udfff])"
    rf"(?P<hash>[#＃])(?!\ufe0f|\u20e3)"
    rf"(?P<tag>{_HT_ALNUM}*[{_HT_ALPHA}]{_HT_ALNUM}*)")
_HASHTAG_END = regex.compile(r"[#＃]|://")
_MENTION = regex.compile(
    r"(?P<before>^|[^a-zA-Z0-9_!#$%&*@＠]|(?:^|[^a-zA-Z0-9_+~.\-])(?:rt|RT|rT|Rt):?)"
    r"(?P<at>[@＠])(?P<name>[a-zA-Z0-9_]{1,20})(?P<list>/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?")
_MENTION_END = regex.compile(f"[@＠{LATIN}]|://")

# ---------------------------------------------------------------- emoji (twemoji-parser 14)

# Symbols that are emoji by default yet have a text variant (emoji-variation-sequences):
# they take U+FE0F into the emoji and stop being one before U+FE0E.
_PRESENTATION_WITH_VARIANT = (
    "\u231a\u231b\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd"
    "\u26be\u26c4\u26c5\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2757\u2b1b\u2b1c\u2b50"
    "\u2b55\U0001f004\U0001f21a\U0001f22f")
_NEEDS_VS16 = "\u00a9\u00ae\u2122\u265f"  # only an emoji with U+FE0F
_PLAIN = "\u267e"  # twemoji 14 treats it as a default emoji (no variant handling)
_NO_SKIN_TONE = "\U0001f46a\U0001f46f\U0001f93c"  # modifier bases without RGI skin tones
_SKIN_TONE_TOO = "\u26f7"  # the skier takes a skin tone in twemoji
_EYE_BUBBLE = "\U0001f441\u200d\U0001f5e8"
_FLAGS = frozenset(regex.findall(  # the regions with a flag emoji
    "[A-Z]{2}",
    "AC AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO "
    "BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CP CR CU CV CW CX CY CZ DE DG "
    "DJ DK DM DO DZ EA EC EE EG EH ER ES ET EU FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM "
    "GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU IC ID IE IL IM IN IO IQ IR IS IT JE JM JO JP "
    "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK "
    "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE "
    "PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM "
    "SN SO SR SS ST SV SX SY SZ TA TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM UN "
    "US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"))
_TAG_FLAGS = ("gbeng", "gbsct", "gbwls")
_SKIN = "\U0001f3fb-\U0001f3ff"
_RI = "\U0001f1e6-\U0001f1ff"
# one element of an emoji: a pictograph with its skin tone or its U+FE0F
_ELEMENT = (rf"(?:(?:\p{{Emoji}}|\p{{Extended_Pictographic}})(?<![#*0-9{_RI}{_SKIN}])"
            rf"(?:[{_SKIN}]|\ufe0f)?)")
_EMOJI = regex.compile(
    rf"(?P<zwj>{_ELEMENT}(?:\u200d{_ELEMENT})+)"
    rf"|(?P<keycap>[#*0-9]\ufe0f?\u20e3)"
    rf"|(?P<flag>[{_RI}]{{2}})"
    rf"|(?P<tags>\U0001f3f4[\U000e0061-\U000e007a]{{5}}\U000e007f)"
    rf"|(?P<single>\p{{Emoji}}|\p{{Extended_Pictographic}})", regex.VERSION0)
_IS_PRESENTATION = regex.compile(r"\p{Emoji_Presentation}")
_IS_EMOJI = regex.compile(r"\p{Emoji}")
_IS_MODIFIER_BASE = regex.compile(r"\p{Emoji_Modifier_Base}")
_IS_PICTOGRAPH = regex.compile(r"\p{Extended_Pictographic}")
_SKIN_TONE = regex.compile(f"[{_SKIN}]")
_EMOJI_TAIL = regex.compile(f"[\\p{{Emoji}}\\p{{Extended_Pictographic}}\ufe0f{_SKIN}]")
_HAS_VARIANT = regex.compile(f"[{_PRESENTATION_WITH_VARIANT}]")


def _takes_tone(ch: str) -> bool:
    return (bool(_IS_MODIFIER_BASE.match(ch)) and ch not in _NO_SKIN_TONE) \
        or ch in _SKIN_TONE_TOO


def _single_emoji(text: str, i: int) -> int:
    """Length of the emoji starting with the single pictograph at ``text[i]`` (0: none)."""
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if ch in _NEEDS_VS16:
        return 2 if nxt == "\ufe0f" else 0
    if ch in "#*0123456789" or not _IS_EMOJI.match(ch):
        return 0  # digits are emoji only as keycaps; other pictographs are not emoji
    presentation = bool(_IS_PRESENTATION.match(ch)) and ch not in _PLAIN
    variant = ch not in _PLAIN and (not presentation or bool(_HAS_VARIANT.match(ch)))
    length = 1
    if variant:
        if nxt == "\ufe0e":
            return 0
        if nxt == "\ufe0f":
            length = 2
    if (_takes_tone(ch) and i + length < len(text)
            and "\U0001f3fb" <= text[i + length] <= "\U0001f3ff"):
        length += 1
    return length


def emoji_spans(text: str) -> list[tuple[int, int]]:
    """Where twemoji-parser finds emoji in ``text`` (code point offsets, NFC text)."""
    spans: list[tuple[int, int]] = []
    if text.isascii():
        return spans
    pos = 0
    while True:
        m = _EMOJI.search(text, pos)
        if m is None:
            return spans
        start, end = m.span()
        kind = m.lastgroup
        if kind == "zwj":
            # the rest of a broken sequence (emoji, joiner, here) does not start a new one
            broken = start >= 2 and text[start - 1] == "\u200d" and bool(
                _EMOJI_TAIL.match(text[start - 2]))
            length = 0 if broken else _zwj_length(m.group())
            if length:
                end = start + length
            else:
                kind = "single"
        if kind == "flag":
            letters = "".join(chr(ord(c) - 0x1F1E6 + 65) for c in m.group())
            if letters not in _FLAGS:
                end = start + 1  # a lone regional indicator is an emoji of its own
        elif kind == "tags":
            if "".join(chr(ord(c) - 0xE0000) for c in m.group()[1:-1]) not in _TAG_FLAGS:
                end = start + 1
        elif kind == "single":
            end = start + _single_emoji(text, start)
        if end > start:
            spans.append((start, end))
            pos = end
        else:
            pos = start + 1


def _zwj_length(seq: str) -> int:
    """How many leading code points of a ZWJ chain form one emoji (0: none).

    Each element is a pictograph with its skin tone or U+FE0F; a symbol that is text by
    default needs one of them (twemoji lists "❤️‍🔥", not "❤‍🔥"). The eye in a
    speech bubble is listed only without its selectors."""
    if seq.startswith(_EYE_BUBBLE):
        return len(_EYE_BUBBLE)
    parts = seq.split("\u200d")
    good = 0
    for part in parts:
        core = part.rstrip("\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")
        if len(core) != 1 or core == "\U0001f441":
            break
        if _SKIN_TONE.search(part) and not _takes_tone(core):
            if part[1:2] == "\ufe0f" or _IS_PRESENTATION.match(core):
                parts[good] = part[:2] if part[1:2] == "\ufe0f" else core
                good += 1  # the sequence ends before the stray skin tone
            break
        if not (_IS_EMOJI.match(core) or _IS_PICTOGRAPH.match(core)):
            break
        if (core in _NEEDS_VS16 or not _IS_PRESENTATION.match(core)) and part == core:
            break  # a text-default symbol without FE0F or a skin tone
        good += 1
        if "\ufe0f" in part and _IS_PRESENTATION.match(core) and not _HAS_VARIANT.match(core):
            # an emoji-only symbol takes no U+FE0F: the sequence ends before it
            parts[good - 1] = part.replace("\ufe0f", "")
            if part.index("\ufe0f") != len(part) - 1:
                good -= 1
            break
    return len("\u200d".join(parts[:good])) if good >= 2 else 0


# ---------------------------------------------------------------- hashtags and mentions


def _remove_overlaps(entities: list[XEntity]) -> list[XEntity]:
    kept: list[XEntity] = []
    for entity in sorted(entities, key=lambda e: e.start):
        if kept and kept[-1].end > entity.start:
            continue
        kept.append(entity)
    return kept


def extract_hashtags(text: str, urls: list[XEntity] | None = None) -> list[XEntity]:
    """Hashtags as twitter-text's ``extractHashtagsWithIndices`` finds them (none inside a
    link). ``text`` is NFC; pass ``urls`` when already extracted."""
    if "#" not in text and "＃" not in text:
        return []
    tags = []
    for m in _HASHTAG.finditer(text):
        if _HASHTAG_END.match(text, m.end()):
            continue
        start = m.start("hash")
        tags.append(XEntity("hashtag", start, m.end(), text[start:m.end()], m.group("tag")))
    if not tags:
        return []
    urls = extract_urls(text) if urls is None else urls
    if not urls:
        return tags
    return [e for e in _remove_overlaps(tags + list(urls)) if e.kind == "hashtag"]


def extract_mentions(text: str, lists: bool = False) -> list[XEntity]:
    """@mentions as twitter-text's ``extractMentionsWithIndices`` finds them (``lists``: also
    ``@user/list``, as ``extractMentionsOrListsWithIndices``)."""
    if "@" not in text and "＠" not in text:
        return []
    out = []
    for m in _MENTION.finditer(text):
        if _MENTION_END.match(text, m.end()):
            continue
        if m.group("list") and not lists:
            continue
        start = m.start("at")
        out.append(XEntity("mention", start, m.end(), text[start:m.end()], m.group("name")))
    return out


# ---------------------------------------------------------------- the parse


def _weight(cp: int) -> int:
    for lo, hi in LIGHT_RANGES:
        if lo <= cp <= hi:
            return SCALE
    return DEFAULT_WEIGHT


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def parse(text: str) -> XParse:
    """twitter-text v3's ``parseTweet`` for ``text``. Never raises on any ``str``."""
    norm = normalize(text)
    urls = extract_urls(norm)
    url_at = {u.start: utf16_len(u.value) for u in urls}
    emoji_at = dict(emoji_spans(norm))
    limit = MAX_LENGTH * SCALE
    weighted = valid_index = pos16 = 0
    valid = True
    i, n = 0, len(norm)
    while i < n:
        if i in url_at or i in emoji_at:
            if i in url_at:
                weighted += URL_LENGTH * SCALE
                units, step = url_at[i], 0
                while units > 0 and i + step < n:
                    units -= 2 if ord(norm[i + step]) > 0xFFFF else 1
                    step += 1
                if units < 0:
                    weighted += DEFAULT_WEIGHT  # the link ended inside a surrogate pair
            else:
                weighted += DEFAULT_WEIGHT
                step = emoji_at[i] - i
            size16 = utf16_len(norm[i:i + step])
            last = norm[i + step - 1]
        else:
            cp = ord(norm[i])
            weighted += SCALE if cp <= 0x10FF else _weight(cp)
            step, size16, last = 1, 2 if cp > 0xFFFF else 1, norm[i]
        if valid:
            valid = last not in INVALID_CHARS
        if valid and weighted <= limit:
            valid_index = pos16 + size16 - 1
        pos16 += size16
        i += step
    length = weighted // SCALE
    offset = utf16_len(text) - utf16_len(norm)
    invalid = tuple(c for c in norm if c in INVALID_CHARS)
    return XParse(
        text=norm,
        weighted_length=length,
        valid=valid and 0 < length <= MAX_LENGTH,
        permillage=math.floor(length / MAX_LENGTH * 1000),
        valid_range_end=valid_index + offset,
        display_range_end=max(utf16_len(text) - 1, 0),
        urls=tuple(urls),
        invalid_characters=invalid,
        lone_surrogates=sum(1 for c in norm if "\ud800" <= c <= "\udfff"),
    )


def weighted_length(text: str) -> int:
    """The length X shows for ``text`` (0-280 fits)."""
    if text.isascii() and "." not in text:
        return len(text)  # no link possible, every character weighs 1
    return parse(text).weighted_length


def is_valid(text: str) -> bool:
    return parse(text).valid
