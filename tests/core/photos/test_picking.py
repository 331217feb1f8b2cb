"""Picking the best photos of a batch (core/picking.py) on generated photos."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

from kontenopd.core.photos import picking

SIZE = (1600, 1200)


def scene(seed: int) -> Image.Image:
    """A distinct busy scene: shapes with sharp edges over a gradient, plus fine grain."""
    rnd = random.Random(seed)
    img = Image.linear_gradient("L").resize(SIZE).convert("RGB")
    img = Image.blend(img, Image.new("RGB", SIZE, tuple(rnd.randint(0, 255) for _ in "rgb")),
                      0.5)
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        x, y = rnd.randint(0, SIZE[0] - 50), rnd.randint(0, SIZE[1] - 50)
        box = (x, y, x + rnd.randint(20, 500), y + rnd.randint(20, 400))
        color = tuple(rnd.randint(0, 255) for _ in "rgb")
        (draw.rectangle if rnd.random() < 0.5 else draw.ellipse)(box, fill=color)
    noise = Image.effect_noise(SIZE, 30).convert("RGB")
    return Image.blend(img, noise, 0.05)


def save(img: Image.Image, folder: Path, name: str) -> str:
    path = folder / name
    img.save(path, quality=88)
    return str(path)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("wa")
    paths = {f"sharp{i}": save(scene(i), folder, f"sharp{i}.jpg") for i in range(4)}
    paths["blurred"] = save(scene(10).filter(ImageFilter.GaussianBlur(8)), folder, "blur.jpg")
    paths["dark"] = save(ImageEnhance.Brightness(scene(11)).enhance(0.2), folder, "dark.jpg")
    paths["bright"] = save(ImageEnhance.Brightness(scene(12)).enhance(3.0), folder, "bright.jpg")
    # a burst shot of sharp0: shifted a few pixels, a little brighter, re-compressed
    twin = scene(0).crop((12, 9, SIZE[0] - 8, SIZE[1] - 11)).resize(SIZE)
    paths["twin"] = save(ImageEnhance.Brightness(twin).enhance(1.05), folder, "sharp0-b.jpg")
    broken = folder / "rusak.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 bukan jpeg sama sekali" * 10)
    paths["broken"] = str(broken)
    empty = folder / "kosong.jpg"
    empty.write_bytes(b"")
    paths["empty"] = str(empty)
    return paths


@pytest.fixture(scope="module")
def picked(batch) -> picking.Picking:
    return picking.score_photos(list(batch.values()), workers=2)


def _score(picked: picking.Picking, path: str) -> picking.PhotoScore:
    return next(s for s in picked.scores if s.path == path)


def test_scores_keep_the_order_of_the_paths(batch, picked) -> None:
    assert [s.path for s in picked.scores] == list(batch.values())
    assert sorted(picked.order) == list(range(len(batch)))


def test_sharp_photos_come_before_a_blurred_one(batch, picked) -> None:
    blurred = _score(picked, batch["blurred"])
    sharp = _score(picked, batch["sharp1"])
    assert picking.BLURRY in blurred.flags
    assert picking.BLURRY not in sharp.flags
    assert sharp.sharpness > 4 * blurred.sharpness
    ranked = [s.path for s in picked.ranked()]
    for i in (1, 2, 3):
        assert ranked.index(batch[f"sharp{i}"]) < ranked.index(batch["blurred"])


def test_blur_is_ranked_on_its_own_too() -> None:
    sharp, soft = scene(3), scene(3).filter(ImageFilter.GaussianBlur(3))
    grey = picking._grey
    assert picking.laplacian_variance(grey(sharp)) > 3 * picking.laplacian_variance(grey(soft))


def test_dark_and_blown_out_photos_are_flagged(batch, picked) -> None:
    dark = _score(picked, batch["dark"])
    bright = _score(picked, batch["bright"])
    assert picking.DARK in dark.flags
    assert picking.BRIGHT in bright.flags
    assert picking.BLURRY not in dark.flags  # faint edges are still edges
    for i in range(1, 4):
        assert _score(picked, batch[f"sharp{i}"]).flags == ()
    assert dark.reasons() == "terlalu gelap"
    assert picking.enhance_wanted(dark) and not picking.enhance_wanted(
        _score(picked, batch["sharp1"]))


def test_near_duplicates_are_grouped_and_one_is_offered_first(batch, picked) -> None:
    original, twin = _score(picked, batch["sharp0"]), _score(picked, batch["twin"])
    assert original.group == twin.group >= 0
    assert picking.hamming(original.phash, twin.phash) <= picking.DUPLICATE_DISTANCE
    groups = {_score(picked, batch[k]).group for k in ("sharp0", "sharp1", "sharp2", "sharp3")}
    assert len(groups) == 4  # distinct scenes stay apart
    kept, other = (original, twin) if twin.duplicate_of else (twin, original)
    assert kept.duplicate_of is None and picking.DUPLICATE not in kept.flags
    assert other.duplicate_of == kept.path
    assert other.reasons().startswith("mirip foto lain (")
    ranked = [s.path for s in picked.ranked()]
    # every distinct good photo, then the flagged ones, then the second of the pair
    assert set(ranked[:4]) == {kept.path, batch["sharp1"], batch["sharp2"], batch["sharp3"]}
    assert ranked.index(other.path) > ranked.index(batch["blurred"])
    assert picked.best(4) == ranked[:4]


def test_unreadable_files_are_reported_in_indonesian_never_raised(batch, picked) -> None:
    broken, empty = _score(picked, batch["broken"]), _score(picked, batch["empty"])
    assert not broken.ok and "rusak.jpg" in broken.error
    assert "rusak" in broken.error or "bukan gambar" in broken.error
    assert not empty.ok and "kosong" in empty.error
    missing = picking.score_photo("/tidak/ada/foto.jpg")
    assert not missing.ok and "tidak ditemukan" in missing.error
    ranked = picked.ranked()
    assert {s.path for s in ranked[-2:]} == {batch["broken"], batch["empty"]}
    assert batch["broken"] not in picked.best(100)
    assert broken.reasons() == broken.error


def test_thumbnails_progress_and_cancel(batch) -> None:
    seen: list[tuple[int, int]] = []
    paths = [batch["sharp1"], batch["dark"], batch["broken"]]
    result = picking.score_photos(paths, thumb_size=(160, 120), workers=2,
                                  progress=lambda d, t: seen.append((d, t)))
    assert sorted(seen) == [(1, 3), (2, 3), (3, 3)]
    thumb = result.scores[0].thumbnail
    assert thumb is not None and thumb.mode == "RGB" and max(thumb.size) <= 160
    assert result.scores[0].width == SIZE[0] and result.scores[0].height == SIZE[1]
    assert result.scores[2].thumbnail is None
    stopped = picking.score_photos(paths, workers=1, cancelled=lambda: True)
    assert all(not s.ok for s in stopped.scores)


def test_an_empty_batch() -> None:
    result = picking.score_photos([])
    assert result.scores == () and result.order == () and result.best(9) == []


def test_phone_photos_are_decoded_at_proxy_size(tmp_path, monkeypatch) -> None:
    """A 4000x3000 JPEG is decoded by the DCT at 1/4 scale, not in full."""
    from kontenopd.core.photos import cache as photos

    path = save(scene(5).resize((4000, 3000)), tmp_path, "hp.jpg")
    sizes = []
    real = photos.open_photo

    def spy(p, min_size=None):
        decoded = real(p, min_size)
        sizes.append(decoded.image.size)
        return decoded

    monkeypatch.setattr(picking, "open_photo", spy)
    score = picking.score_photo(path)
    assert score.ok and (score.width, score.height) == (4000, 3000)
    assert sizes == [(1000, 750)]
