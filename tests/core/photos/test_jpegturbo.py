"""The TurboJPEG decoder (core/photos/jpegturbo.py) gives exactly Pillow's pixels, through
the same safe opener, and leaves every other case to Pillow."""

from __future__ import annotations

import io
import random
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageDraw, ImageFilter

from kontenopd.core.errors import PhotoError
from kontenopd.core.photos import jpegturbo
from kontenopd.core.photos.modes import estimate_memory
from kontenopd.core.photos.safeimage import PHOTO, open_image

pytest.importorskip("simplejpeg")


@pytest.fixture
def turbo():
    assert jpegturbo.enable()
    yield
    jpegturbo.disable()


def _photo(path: Path, size=(1601, 1203), **save) -> Path:
    """Shapes, a blur and noise: real JPEG blocks and chroma at odd sizes."""
    rng = random.Random(3)
    img = Image.merge("RGB", (Image.linear_gradient("L").resize(size),
                              Image.radial_gradient("L").resize(size),
                              Image.linear_gradient("L").rotate(90).resize(size)))
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        draw.ellipse((x, y, x + rng.randrange(20, 300), y + rng.randrange(20, 300)),
                     fill=tuple(rng.randrange(256) for _ in range(3)))
    img = img.filter(ImageFilter.GaussianBlur(1.5)).effect_spread(2)
    img.save(path, quality=88, **save)
    return path


def _both(path, **kw) -> tuple[Image.Image, Image.Image, list[str]]:
    """The image through TurboJPEG and through Pillow, and which decoder each used."""
    used: list[str] = []
    original = jpegturbo.decode

    def spy(img, source):
        out = original(img, source)
        used.append("turbo" if out is not None else "pillow")
        return out

    jpegturbo.decode = spy
    try:
        fast = open_image(path, PHOTO, **kw).image
    finally:
        jpegturbo.decode = original
    jpegturbo.disable()
    try:
        slow = open_image(path, PHOTO, **kw).image
    finally:
        jpegturbo.enable()
    return fast, slow, used


@pytest.mark.parametrize("progressive", [False, True])
@pytest.mark.parametrize("min_size", [None, (700, 500), (350, 250), (150, 100)])
def test_the_same_pixels_as_pillow_at_every_scale(tmp_path, turbo, progressive, min_size):
    path = _photo(tmp_path / "foto.jpg", progressive=progressive)
    fast, slow, used = _both(path, min_size=min_size)
    assert used == ["turbo"]
    assert fast.mode == slow.mode == "RGB" and fast.size == slow.size
    assert fast.tobytes() == slow.tobytes()


def test_grey_for_face_detection_is_the_same_too(tmp_path, turbo):
    path = _photo(tmp_path / "foto.jpg")
    fast, slow, used = _both(path, min_size=(400, 300), mode="L")
    assert used == ["turbo"] and fast.mode == slow.mode == "L"
    assert fast.tobytes() == slow.tobytes()


def test_exif_orientation_and_icc_profile_still_apply(tmp_path, turbo):
    exif = Image.Exif()
    exif[0x0112] = 6  # shot rotated: shown turned 90 degrees clockwise
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = _photo(tmp_path / "foto.jpg", size=(800, 600), exif=exif.tobytes(),
                  icc_profile=srgb)
    fast, slow, used = _both(path)
    assert used == ["turbo"]
    assert fast.size == slow.size == (600, 800)
    assert fast.tobytes() == slow.tobytes()


def test_a_truncated_photo_is_refused_as_pillow_refuses_it(tmp_path, turbo):
    whole = _photo(tmp_path / "utuh.jpg", progressive=True).read_bytes()
    cut = tmp_path / "terpotong.jpg"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    raised: list[str] = []
    original = jpegturbo.decode

    def spy(img, source):
        try:
            return original(img, source)
        except ValueError as exc:
            raised.append(str(exc))
            raise

    jpegturbo.decode = spy
    try:
        with pytest.raises(PhotoError, match="terpotong atau rusak"):
            open_image(cut, PHOTO)
    finally:
        jpegturbo.decode = original
    assert raised  # TurboJPEG's own error, worded as Pillow's would be


def test_cmyk_photos_stay_with_pillow(tmp_path, turbo):
    cmyk = tmp_path / "cmyk.jpg"
    Image.new("CMYK", (64, 48), (10, 200, 30, 5)).save(cmyk, quality=90)
    fast, slow, used = _both(cmyk)
    assert "turbo" not in used and fast.mode == "RGB"  # Pillow decoded it
    assert fast.tobytes() == slow.tobytes()


def test_pillow_decodes_when_turbojpeg_buffers_would_pass_the_memory_cap(tmp_path, turbo):
    path = _photo(tmp_path / "foto.jpg")
    with Image.open(path) as img:
        need = estimate_memory(img, img.size, "RGB", False)  # Pillow's decode, no turn
    calls: list[object] = []
    original = jpegturbo.decode
    jpegturbo.decode = lambda img, source: calls.append(source) or original(img, source)
    try:
        tight = replace(PHOTO, max_memory=need)  # Pillow's decode fits, TurboJPEG's does not
        slow = open_image(path, tight).image
        assert calls == []
        fast = open_image(path, PHOTO).image
        assert len(calls) == 1
    finally:
        jpegturbo.decode = original
    assert fast.tobytes() == slow.tobytes()


def test_bytes_in_memory_decode_the_same(tmp_path, turbo):
    data = _photo(tmp_path / "foto.jpg").read_bytes()
    fast = open_image(data, PHOTO, min_size=(400, 300)).image
    jpegturbo.disable()
    slow = open_image(io.BytesIO(data).getvalue(), PHOTO, min_size=(400, 300)).image
    assert fast.tobytes() == slow.tobytes()
