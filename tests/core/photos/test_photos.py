import io
from pathlib import Path

import pytest
from PIL import Image

from kontenopd.core.errors import PhotoError
from kontenopd.core.photos import cache as photos


def _marked(width: int = 400, height: int = 300) -> Image.Image:
    """Red top-left quadrant on blue: orientation is visible in the pixels."""
    img = Image.new("RGB", (width, height), (0, 0, 255))
    img.paste((255, 0, 0), (0, 0, width // 2, height // 2))
    return img


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: rotate 90° clockwise to view
    path = tmp_path / "hp.jpg"
    _marked().save(path, exif=exif, quality=95)
    decoded = photos.open_photo(path)
    assert decoded.image.size == (300, 400)
    assert decoded.source_size == (300, 400)
    assert photos.probe_photo(path).width == 300
    # After a 90° clockwise turn the red corner is at the top right.
    r, _, b = decoded.image.getpixel((250, 50))
    assert r > 200 and b < 60


def test_jpeg_draft_decoding_shrinks_large_photos(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    _marked(4000, 3000).save(path, quality=80)
    decoded = photos.open_photo(path, (1000, 700))
    assert decoded.source_size == (4000, 3000)
    assert decoded.image.width >= 1000 and decoded.image.height >= 700
    assert decoded.image.width <= 2000  # decoded at 1/2 or smaller, not full size
    full = photos.open_photo(path)
    assert full.image.size == (4000, 3000)


@pytest.mark.parametrize("mode", ["CMYK", "P", "L", "LA", "RGBA", "I;16", "1"])
def test_every_mode_becomes_rgb(tmp_path: Path, mode: str) -> None:
    suffix = ".jpg" if mode == "CMYK" else ".png" if mode != "I;16" else ".tif"
    base = _marked()
    if mode == "I;16":
        img = Image.new("I;16", (64, 64))
        img.putdata([40000] * (64 * 64))
    else:
        img = base.convert(mode)
    path = tmp_path / f"photo{suffix}"
    img.save(path)
    decoded = photos.open_photo(path)
    assert decoded.image.mode == "RGB"
    if mode == "I;16":
        assert 140 < decoded.image.getpixel((5, 5))[0] < 170  # 40000/256, not clipped to 255


def test_transparency_is_flattened_onto_white(tmp_path: Path) -> None:
    path = tmp_path / "logo.png"
    Image.new("RGBA", (20, 20), (0, 0, 0, 0)).save(path)
    assert photos.open_photo(path).image.getpixel((3, 3)) == (255, 255, 255)


def test_not_an_image_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "surat.jpg"
    path.write_text("ini bukan gambar")
    with pytest.raises(PhotoError, match="bukan gambar"):
        photos.open_photo(path)


def test_damaged_heic_says_damaged_not_unsupported(tmp_path: Path) -> None:
    # A HEIC header with nothing behind it: HEIC opens now (tests/core/photos/test_heic.py), so this
    # one is damaged, not "not an image" and not "not supported".
    path = tmp_path / "IMG_0001.HEIC"
    path.write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 100)
    with pytest.raises(PhotoError) as info:
        photos.open_photo(path)
    assert str(info.value) == "Foto rusak dan tidak bisa dibaca: IMG_0001.HEIC."


def test_truncated_file_is_a_clear_error(tmp_path: Path) -> None:
    buf = io.BytesIO()
    _marked(800, 600).save(buf, "JPEG", quality=90)
    path = tmp_path / "potong.jpg"
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 3])
    with pytest.raises(PhotoError, match=r"terpotong|rusak"):
        photos.open_photo(path)


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "kosong.jpg"
    empty.write_bytes(b"")
    with pytest.raises(PhotoError, match="kosong"):
        photos.open_photo(empty)
    with pytest.raises(PhotoError, match="tidak ditemukan"):
        photos.open_photo(tmp_path / "tidak-ada.jpg")


def test_pixel_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "bom.png"
    Image.new("1", (9000, 8000)).save(path)  # 72 MP in a tiny file
    assert path.stat().st_size < 2_000_000
    with pytest.raises(PhotoError, match="terlalu besar"):
        photos.open_photo(path)


def test_cover_crop_follows_the_focal_point() -> None:
    # 4000x3000 landscape into a 1080x1350 portrait frame: crop width 2400.
    left = photos.cover_crop_box((4000, 3000), (1080, 1350), (0.0, 0.5))
    centre = photos.cover_crop_box((4000, 3000), (1080, 1350), (0.5, 0.5))
    right = photos.cover_crop_box((4000, 3000), (1080, 1350), (0.9, 0.5))
    assert left[0] == 0  # clamped to the edge, never outside the photo
    assert centre == pytest.approx((800, 0, 3200, 3000))
    assert right[2] == pytest.approx(4000)
    assert right[2] - right[0] == pytest.approx(2400)


def test_cache_reuses_decodes_and_redecodes_when_more_is_needed(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    _marked(4000, 3000).save(path, quality=80)
    cache = photos.PhotoCache()
    small = cache.get(path, (500, 375))
    assert cache.get(path, (400, 300)) is small
    bigger = cache.get(path, (1800, 1350))
    assert bigger is not small and bigger.image.width >= 1800


@pytest.mark.parametrize("src", [(1600, 900), (640, 427), (4032, 3024), (333, 777)])
def test_crop_box_never_leaves_the_photo(src: tuple[int, int]) -> None:
    """Float error once gave offsets like -1e-14, which Pillow refuses ("box offset can't
    be negative"); preview scales made it common."""
    for scale in (0.1, 0.25, 0.3, 0.33, 0.5, 0.75, 1.0):
        for w, h in ((1080, 1350), (1080, 1080), (1080, 1440), (1080, 1920), (1200, 675)):
            frame = (max(1, round(w * scale)), max(1, round(h * scale)))
            for focus in ((0.0, 0.0), (0.5, 0.5), (1.0, 1.0)):
                left, top, right, bottom = photos.cover_crop_box(src, frame, focus)
                assert 0 <= left < right <= src[0]
                assert 0 <= top < bottom <= src[1]


def test_frame_at_preview_scales_of_a_nearly_matching_photo(tmp_path: Path) -> None:
    path = tmp_path / "lebar.jpg"
    _marked(1600, 900).save(path)
    cache = photos.PhotoCache()
    for scale in (0.25, 0.5, 1.0):
        for w, h in ((1080, 1350), (1080, 1440), (1200, 675)):
            size = (round(w * scale), round(h * scale))
            assert cache.frame(path, size, (0.5, 0.5)).size == size
