"""Hashtag groups: a profile's named sets of hashtags ("Resmi", "Kesehatan", "HUT RI"...).

The one owner of the group logic the profile dialog and the caption panel use:

* :func:`format_hashtag_groups` / :func:`parse_hashtag_groups`: the groups as the text the
  profile dialog edits, one group per line, ``Nama: #A #B``.
* :func:`hashtag_group`: one group of a profile, looked up by name (any case).
* :func:`add_group`: one click on a group: the post's hashtags plus the group's, without
  duplicates (any case), leaving out tags already in every caption (the profile's defaults).

Tags are normalised by :mod:`.captions` (:func:`~.captions.merge_hashtags`).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import KontenError
from ..model.records import Profile
from .tags import merge_hashtags, parse_hashtags


def format_hashtag_groups(groups: dict[str, tuple[str, ...]]) -> str:
    """{"Resmi": ("#A", "#B")} -> "Resmi: #A #B", one group per line."""
    return "\n".join(f"{name}: {' '.join(tags)}" for name, tags in groups.items())


def parse_hashtag_groups(text: str) -> dict[str, tuple[str, ...]]:
    """The inverse of :func:`format_hashtag_groups`; tags are normalised and de-duplicated
    (any case), names are stripped; lines without a ":", without a name or without any
    valid tag are skipped. A name given twice keeps its last line."""
    groups: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        name, sep, rest = line.partition(":")
        tags = tuple(parse_hashtags(rest)) if sep else ()
        if name.strip() and tags:
            groups[name.strip()] = tags
    return groups


def hashtag_group(profile: Profile, name: str) -> list[str]:
    """The normalised hashtags of one of the profile's groups (name in any case)."""
    for key, tags in profile.hashtag_groups.items():
        if key.casefold() == name.strip().casefold():
            return merge_hashtags(tags)
    known = ", ".join(profile.hashtag_groups) or "-"
    raise KontenError(f"Kelompok tagar '{name}' tidak ada di profil (ada: {known}).")


def add_group(hashtags: Iterable[str] | str | None, group: Iterable[str] | str, *,
              present: Iterable[str] | str = ()) -> list[str]:
    """One click on a group: ``hashtags`` (normalised, no duplicates) followed by the
    group's tags not there yet. Matching ignores case and the first spelling stays; a group
    tag that is in ``present`` (the profile's default hashtags, already in every caption)
    is not added either. The tags added are the list's tail after ``parse_hashtags(hashtags)``.
    """
    current = parse_hashtags(hashtags)
    have = {t.casefold() for t in merge_hashtags(present, current)}
    return merge_hashtags(current, [t for t in merge_hashtags(group) if t.casefold() not in have])
