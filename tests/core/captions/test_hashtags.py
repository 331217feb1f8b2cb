"""Hashtag groups (core.hashtags): the profile dialog's group text, and one click on a group
in the caption panel."""

from __future__ import annotations

import pytest

from kontenopd.core.captions.hashtags import (
    add_group,
    format_hashtag_groups,
    hashtag_group,
    parse_hashtag_groups,
)
from kontenopd.core.errors import KontenError

# ---------------------------------------------------------------- group text


def test_parse_one_group_per_line() -> None:
    assert parse_hashtag_groups("Resmi: #A #B\nKesehatan: #C") == {
        "Resmi": ("#A", "#B"), "Kesehatan": ("#C",)}


def test_parse_normalises_tags_and_skips_odd_lines() -> None:
    groups = parse_hashtag_groups("Resmi: #ContohKab #HariJadi, #contohkab\n"
                                  "tanpa titik dua\nKosong: 2024\n  HUT RI : #HUTRI #hutri \n"
                                  ": #TanpaNama\n\n   \nPendidikan: hari guru; merdeka belajar")
    assert groups == {"Resmi": ("#ContohKab", "#HariJadi"), "HUT RI": ("#HUTRI",),
                      "Pendidikan": ("#HariGuru", "#MerdekaBelajar")}


def test_parse_keeps_text_after_a_second_colon_and_the_last_line_of_a_name() -> None:
    assert parse_hashtag_groups("Jam: #Pukul:10 #B\nJam: #C") == {"Jam": ("#C",)}
    assert parse_hashtag_groups("Jam: #Pukul:10 #B") == {"Jam": ("#Pukul10", "#B")}


@pytest.mark.parametrize("text", ["", "\n\n", "   ", "tanpa titik dua", "Kosong:", "X: #2024"])
def test_parse_empty_or_tagless_input_gives_no_groups(text) -> None:
    assert parse_hashtag_groups(text) == {}


def test_format_is_the_inverse_of_parse() -> None:
    groups = {"Resmi": ("#ContohKab", "#HariJadi"), "HUT RI": ("#HUTRI",)}
    assert format_hashtag_groups(groups) == "Resmi: #ContohKab #HariJadi\nHUT RI: #HUTRI"
    assert parse_hashtag_groups(format_hashtag_groups(groups)) == groups
    assert format_hashtag_groups({}) == ""


# ---------------------------------------------------------------- one click on a group


def test_add_group_appends_only_new_tags_any_case() -> None:
    assert add_group(["#A", "#B"], ("#b", "#C", "#c")) == ["#A", "#B", "#C"]
    assert add_group("#A, hari jadi", ("#HARIJADI", "#D")) == ["#A", "#HariJadi", "#D"]


def test_add_group_tidies_the_current_tags_and_the_group() -> None:
    # the first spelling stays; invalid items (no letter) are dropped on both sides
    assert add_group("#Abc #ABC #2024", ("abc", "hidup sehat", "#2025")) == [
        "#Abc", "#HidupSehat"]


def test_add_group_to_nothing_and_nothing_to_add() -> None:
    assert add_group([], ("#A", "#B")) == ["#A", "#B"]
    assert add_group(None, ()) == []
    assert add_group("", "#A") == ["#A"]
    assert add_group(["#A"], ()) == ["#A"]
    assert add_group(["#A", "#B"], ("#a", "#B")) == ["#A", "#B"]


def test_add_group_leaves_out_tags_already_present_in_every_caption() -> None:
    # the profile's defaults are in every caption already: not repeated in the post's own
    defaults = ("#ContohKab", "#DiskominfoContoh")
    group = ("#ContohKab", "#DiskominfoContoh", "#PemkabContoh")
    assert add_group([], group, present=defaults) == ["#PemkabContoh"]
    assert add_group(["#PemkabContoh"], group, present=defaults) == ["#PemkabContoh"]
    # a default the person typed themself stays where it is
    assert add_group(["#contohkab"], group, present=defaults) == ["#contohkab", "#PemkabContoh"]


def test_hashtag_group_looks_up_any_case_and_says_which_exist(profile) -> None:
    assert hashtag_group(profile, " resmi ") == ["#ContohKab", "#DiskominfoContoh",
                                                 "#PemkabContoh"]
    with pytest.raises(KontenError, match=r"Kelompok tagar 'Olahraga' tidak ada.*Resmi"):
        hashtag_group(profile, "Olahraga")


def test_one_click_on_profile_groups(profile) -> None:
    tags = add_group(["#HariJadiKe75"], hashtag_group(profile, "Kesehatan"),
                     present=profile.hashtags)
    assert tags == ["#HariJadiKe75", "#GermasContoh", "#HidupSehat"]
    tags = add_group(tags, hashtag_group(profile, "Resmi"), present=profile.hashtags)
    assert tags[-1] == "#PemkabContoh" and len(tags) == 4
    assert add_group(tags, hashtag_group(profile, "HUT RI"),
                     present=profile.hashtags)[-2:] == ["#HUTRI", "#MerdekaBersatu"]
