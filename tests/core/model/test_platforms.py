"""Platform presets and every platform's caption limits, measured the platform's way."""

from __future__ import annotations

import pytest

from kontenopd.core.captions.check import check_caption
from kontenopd.core.errors import KontenError
from kontenopd.core.model.platforms import (
    PLATFORM_KEYS,
    PLATFORMS,
    get_platform,
    image_uses,
    ratio_ok_for_feed,
)


def test_presets_carry_the_researched_limits() -> None:
    assert PLATFORM_KEYS == ("instagram", "facebook", "x", "tiktok", "whatsapp")
    ig, fb, x, tt, wa = (PLATFORMS[k] for k in PLATFORM_KEYS)
    assert (ig.caption_limit, ig.hashtag_limit, ig.mention_limit) == (2200, 5, 20)
    assert (fb.caption_limit, fb.soft_limit) == (63206, 5000)
    assert (x.caption_limit, x.weighted, x.max_image_bytes) == (280, True, 5 * 2**20)
    assert (tt.caption_limit, tt.title_limit) == (4000, 90)
    assert (wa.caption_limit, wa.soft_limit, wa.hashtags_work) == (None, 700, False)
    assert ig.max_image_bytes == 8 * 2**20


def test_platform_names_and_aliases() -> None:
    assert get_platform("Twitter").key == "x"
    assert get_platform(" IG ").key == "instagram"
    with pytest.raises(KontenError, match="Platform 'myspace' tidak dikenal"):
        get_platform("myspace")


@pytest.mark.parametrize(("size", "ok"), [
    ((1080, 1350), True), ((1080, 1080), True), ((1200, 675), True), ((1910, 1000), True),
    ((1080, 1440), False), ((1080, 1920), False), ((2000, 1000), False),
])
def test_instagram_feed_ratio_range(size, ok) -> None:
    assert ratio_ok_for_feed(*size) is ok


def test_format_suitability() -> None:
    uses = image_uses("3:4", (1080, 1440), PLATFORM_KEYS)
    assert uses["instagram"].status == "app_only"
    assert "API" in uses["instagram"].note
    assert uses["facebook"].status == "cropped"
    story = image_uses("9:16", (1080, 1920), ["instagram", "tiktok", "whatsapp"])
    assert story["instagram"].status == "story"
    assert story["tiktok"].status == "recommended"
    assert story["whatsapp"].status == "recommended"
    assert image_uses("4:5", (1080, 1350), ["instagram"])["instagram"].status == "recommended"
    assert image_uses("16:9", (1200, 675), ["x"])["x"].status == "recommended"


# ---------------------------------------------------------------- limits, at and over the edge


@pytest.mark.parametrize(("platform", "limit"), [
    ("instagram", 2200), ("facebook", 63206), ("x", 280), ("tiktok", 4000)])
def test_hard_limit_exactly_and_one_over(platform, limit) -> None:
    at = check_caption("a" * limit, platform)
    assert at.length == limit and at.ok, at.issues
    assert at.remaining == 0
    over = check_caption("a" * (limit + 1), platform)
    assert not over.ok
    errors = [i for i in over.issues if i.level == "error"]
    assert [i.code for i in errors] == ["length"]
    assert "kurangi 1" in errors[0].message


@pytest.mark.parametrize(("platform", "limit"), [
    ("instagram", 2200), ("x", 280), ("tiktok", 4000)])
def test_limits_count_graphemes_not_code_points(platform, limit) -> None:
    family = "👨‍👩‍👧"  # 5 code points, 8 UTF-16 units, one grapheme
    per = 2 if platform == "x" else 1  # X weighs every emoji 2
    text = family * (limit // per)
    check = check_caption(text, platform)
    assert check.length == limit and check.ok
    assert not check_caption(text + family, platform).ok


def test_facebook_warns_above_scheduler_limit_but_accepts() -> None:
    check = check_caption("a" * 5001, "facebook")
    assert check.ok
    assert [i.code for i in check.issues] == ["soft_length"]
    assert "5.000" in check.issues[0].message and "penjadwal" in check.issues[0].message
    assert not check_caption("a" * 5000, "facebook").issues


def test_whatsapp_has_only_a_visible_length_warning() -> None:
    assert not check_caption("a" * 700, "whatsapp").issues
    check = check_caption("a" * 5000, "whatsapp")
    assert check.ok and check.limit is None
    assert [i.code for i in check.issues] == ["soft_length"]
    assert check.counter == "5.000 / ±700"
    info = check_caption("Halo #ContohKab", "whatsapp")
    assert [(i.code, i.level) for i in info.issues] == [("hashtag_inactive", "info")]


def test_tiktok_title_line_limit() -> None:
    ok = check_caption("J" * 90 + "\n\n" + "isi " * 200, "tiktok")
    assert ok.title_length == 90 and not ok.issues
    long = check_caption("J" * 91 + "\nisi", "tiktok")
    assert [i.code for i in long.issues] == ["title"]
    assert long.ok  # a warning: the description itself is still accepted


def test_instagram_hashtag_limit_is_five() -> None:
    five = " ".join(f"#Tagar{i}" for i in range(5))
    assert check_caption(five, "instagram").ok
    six = check_caption(five + " #Tagar5", "instagram")
    assert not six.ok and six.hashtags == 6
    assert six.hashtag_counter == "6 / 5"
    assert "hanya menerima 5" in six.messages("error")[0]
    # other platforms have no hashtag limit
    assert check_caption(five + " #Tagar5", "facebook").ok


def test_instagram_mention_limit() -> None:
    many = " ".join(f"@akun{i}" for i in range(21))
    check = check_caption(many, "instagram")
    assert check.mentions == 21 and not check.ok
    assert check_caption(" ".join(f"@akun{i}" for i in range(20)), "instagram").ok


def test_counter_texts() -> None:
    check = check_caption("a" * 1234, "instagram")
    assert check.counter == "1.234 / 2.200"
    assert check.remaining == 966
