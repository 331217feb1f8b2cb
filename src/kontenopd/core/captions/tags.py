"""Hashtags and @mentions: what a person types, and what a caption has written in it.

* :func:`normalize_hashtag` / :func:`merge_hashtags` / :func:`parse_hashtags`: typed tags
  normalised (no spaces, no duplicates, case-insensitive match); :func:`parse_mentions` the
  same for account names. The post's own hashtags and mentions live in the draft's values
  under ``tagar`` and ``mention`` (:func:`post_hashtags`, :func:`post_mentions`).
* :func:`hashtags_in` / :func:`mentions_in`: the tags and names written in a caption, as
  Instagram reads them, or for X as twitter-text does (:mod:`.xtext`).

A profile's hashtag groups (parsing, one-click adding) are in :mod:`.hashtags`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import regex

from ..model.platforms import get_platform
from ..model.records import Draft, Profile
from ..template.roles import POST_HASHTAGS, POST_MENTIONS
from .xtext import extract_hashtags as x_hashtags
from .xtext import extract_mentions as x_mentions
from .xtext import normalize as nfc

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}_]+")
_LETTER = regex.compile(r"\p{L}")
# Instagram-style: a tag may not follow a letter, digit or mark, but may follow an emoji's
# variation selector or keycap ("❤️#MojokertoKab")
_HASHTAG_IN_TEXT = regex.compile(
    r"(?<![[\p{L}\p{M}\p{N}_&#/]--[\uFE0E\uFE0F\u20E3]])[#＃]([\p{L}\p{M}\p{N}_]+)",
    regex.VERSION1)
_MENTION_IN_TEXT = regex.compile(
    r"(?<![[\p{L}\p{M}\p{N}_@.]--[\uFE0E\uFE0F\u20E3]])@([A-Za-z0-9._]+)", regex.VERSION1)


def normalize_hashtag(text: str) -> str:
    """"hari jadi ke-75" -> "#HariJadiKe75"; "#MojokertoKab" stays; "#2024" -> "" (invalid).

    A hashtag is letters, digits and "_" with at least one letter. Words typed with spaces
    are joined with a capital at each word (easier to read, and screen readers say it right).
    """
    words = _WORD.findall(text.strip().lstrip("#＃"))
    if not words:
        return ""
    body = words[0] if len(words) == 1 else "".join(w[:1].upper() + w[1:] for w in words)
    return "#" + body if _LETTER.search(body) else ""


def _split_items(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        items = regex.split(r"[,;\n\r]+", value)
    elif isinstance(value, Iterable):
        items = [str(v) for v in value]
    else:
        items = [str(value)]
    out: list[str] = []
    for raw in items:
        item = raw.strip()
        if not item:
            continue
        # "#A #B" typed on one line: split at each '#' (a tag with spaces has only one '#')
        parts = [p for p in regex.split(r"\s+(?=[#＃@])", item) if p.strip()]
        out.extend(parts)
    return out


def _unique(items: Iterable[str], normalise: Callable[[str], str]) -> list[str]:
    """Each item normalised; invalid ones ("") and repeats (any case) dropped, the first
    spelling kept."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        value = normalise(item)
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            out.append(value)
    return out


def merge_hashtags(*groups: Iterable[str] | str | None) -> list[str]:
    """Normalise and join hashtag lists; a tag seen before (any case) is dropped."""
    return _unique((item for group in groups for item in _split_items(group)),
                   normalize_hashtag)


def parse_hashtags(value: Any) -> list[str]:
    """Hashtags typed by a person: "#A #B", "a, b", "hari jadi; #HUTRI" (invalid ones dropped)."""
    return merge_hashtags(value)


def rejected_hashtags(value: Any) -> list[str]:
    """Typed items that cannot be a hashtag (no letter), to show beside the field."""
    return [item for item in _split_items(value) if not normalize_hashtag(item)]


def normalize_mention(text: str) -> str:
    """"diskominfo.kab" -> "@diskominfo.kab"; spaces and other characters are invalid -> ""."""
    body = text.strip().lstrip("@").rstrip(".")
    return "@" + body if regex.fullmatch(r"[A-Za-z0-9._]{1,30}", body) else ""


def parse_mentions(value: Any) -> list[str]:
    return _unique((part for item in _split_items(value) for part in item.split()),
                   normalize_mention)


def post_hashtags(draft: Draft) -> list[str]:
    return parse_hashtags(draft.values.get(POST_HASHTAGS))


def post_mentions(draft: Draft) -> list[str]:
    return parse_mentions(draft.values.get(POST_MENTIONS))


def caption_hashtags(draft: Draft, profile: Profile) -> list[str]:
    """The profile's default hashtags followed by the post's own, de-duplicated."""
    return merge_hashtags(profile.hashtags, post_hashtags(draft))


def hashtags_in(text: str, platform: str | None = None) -> list[str]:
    """Every hashtag written in a caption (in order, repeats included).

    For X the tags twitter-text finds (none inside a link, none glued to a letter or to
    another tag); elsewhere Instagram's reading (a tag ends at the first character that is
    not a letter, digit or "_")."""
    if platform is not None and get_platform(platform).weighted:
        return [tag.text for tag in x_hashtags(nfc(text))]
    return ["#" + m for m in _HASHTAG_IN_TEXT.findall(text) if _LETTER.search(m)]


def mentions_in(text: str, platform: str | None = None) -> list[str]:
    """Every @mention written in a caption. For X the accounts twitter-text links (1-20 of
    A-Za-z0-9_, so "@diskominfo.kab" links @diskominfo); elsewhere names with dots."""
    if platform is not None and get_platform(platform).weighted:
        return [m.text for m in x_mentions(nfc(text))]
    return ["@" + m.rstrip(".") for m in _MENTION_IN_TEXT.findall(text)]
