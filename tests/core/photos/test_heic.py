"""HEIC/HEIF and AVIF photos (what iPhones and newer Android phones save) open through the
safe opener: upright exactly once, within the caps, drawn in the frame, through a draft, and
without any of their metadata in what is exported. Truncated photos are refused alike by the
add check, the thumbnail, the render and the command line.

Every file is made here: pillow-heif writes HEIC, Pillow writes AVIF.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pillow_heif
import pytest
from PIL import Image, ImageChops, ImageStat

from kontenopd.cli import main
from kontenopd.core.errors import PhotoError
from kontenopd.core.io.draft_file import load_draft, save_draft
from kontenopd.core.model.records import Draft, PhotoRef
from kontenopd.core.photos import modes, safeimage
from kontenopd.core.photos.cache import (
    PhotoCache,
    check_photo,
    open_photo,
    photo_thumbnail,
    probe_photo,
)
from kontenopd.core.render import render

CAMERA_MAKE = "KameraRahasia"
OWNER = "Pemilik Foto Rahasia"
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
       b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
       b'xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="' + OWNER.encode()
       + b'"/></rdf:RDF></x:xmpmeta>')
VALUES = {"judul": "Uji Foto iPhone", "tanggal": "2025-03-14", "lokasi": "Aula"}


def upright(size: tuple[int, int] = (800, 1200)) -> Image.Image:
    """Four coloured quarters, so any rotation or mirror changes where each colour lands."""
    w, h = size
    img = Image.new("RGB", size, (30, 60, 220))  # top left: blue
    img.paste((40, 190, 60), (w // 2, 0, w, h // 2))  # top right: green
    img.paste((220, 40, 40), (0, h // 2, w // 2, h))  # bottom left: red
    img.paste((240, 220, 40), (w // 2, h // 2, w, h))  # bottom right: yellow
    return img


def camera_exif(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = CAMERA_MAKE  # Make
    exif[0x013B] = OWNER  # Artist
    exif[0x8825] = {1: "S", 2: (6.0, 10.0, 30.0), 3: "E", 4: (106.0, 49.0, 12.0)}  # GPS
    return exif.tobytes()


def write_photo(path: Path, fmt: str, orientation: int = 6) -> Path:
    """The upright picture stored turned a quarter left, with EXIF orientation 6 ("turn it
    right to show it"), camera make, owner, GPS and XMP."""
    stored = upright().transpose(Image.Transpose.ROTATE_90) if orientation == 6 else upright()
    if fmt == "HEIF":
        pillow_heif.register_heif_opener()
        stored.save(path, "HEIF", quality=92, exif=camera_exif(orientation), xmp=XMP)
    else:
        stored.save(path, "AVIF", quality=92, exif=camera_exif(orientation), xmp=XMP)
    return path


@pytest.fixture(params=["HEIF", "AVIF"])
def phone_photo(request, tmp_path: Path) -> Path:
    suffix = ".HEIC" if request.param == "HEIF" else ".avif"
    return write_photo(tmp_path / f"IMG_0042{suffix}", request.param)


def _diff(a: Image.Image, b: Image.Image) -> float:
    return sum(ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).mean) / 3


def _render(library, profile, photo: Path, fmt: str = "4:5") -> Image.Image:
    draft = Draft("liputan-kegiatan", formats=[fmt], values=dict(VALUES),
                  photos={"foto": [PhotoRef(str(photo))]})
    return render(library.get("liputan-kegiatan"), fmt, draft, profile).image


def _no_metadata(path: Path) -> None:
    data = path.read_bytes()
    with Image.open(path) as img:
        assert "exif" not in img.info and "xmp" not in img.info
        assert not img.getexif()
    for secret in (b"Exif\x00", CAMERA_MAKE.encode(), OWNER.encode(), b"xmpmeta"):
        assert secret not in data, secret


# ---------------------------------------------------------------- decoding


def test_phone_photo_is_upright_exactly_once(phone_photo: Path) -> None:
    info = probe_photo(phone_photo)
    assert (info.width, info.height) == (800, 1200)  # stored 1200x800, shown portrait
    decoded = open_photo(phone_photo)
    assert decoded.image.size == decoded.source_size == (800, 1200)
    assert _diff(decoded.image, upright()) < 4  # not turned twice, not mirrored
    assert _diff(decoded.image, upright().rotate(180)) > 60
    thumb = photo_thumbnail(phone_photo)
    assert max(thumb.size) == 192 and thumb.width < thumb.height
    assert _diff(thumb, upright().resize(thumb.size)) < 6


def test_heic_without_orientation_keeps_its_shape(tmp_path: Path) -> None:
    path = write_photo(tmp_path / "datar.heic", "HEIF", orientation=1)
    assert (probe_photo(path).width, probe_photo(path).height) == (800, 1200)
    assert _diff(open_photo(path).image, upright()) < 4


def test_heic_opener_is_registered_by_the_safe_opener(tmp_path: Path) -> None:
    assert safeimage.register_heif() is True
    assert "HEIF" in safeimage._formats()
    path = write_photo(tmp_path / "a.heic", "HEIF")
    assert safeimage.probe(path).format == "HEIF"


def test_heic_declaring_a_huge_size_is_refused(tmp_path: Path) -> None:
    buf = io.BytesIO()
    pillow_heif.register_heif_opener()
    Image.new("RGB", (64, 64), "green").save(buf, "HEIF")  # 64x64: no crop box, size = ispe
    data = bytearray(buf.getvalue())
    at = data.find(b"ispe")
    data[at + 8:at + 16] = struct.pack(">II", 12000, 9000)
    path = tmp_path / "bom.heic"
    path.write_bytes(bytes(data))
    for call in (probe_photo, open_photo, check_photo):
        with pytest.raises(PhotoError) as info:
            call(path)
        assert str(info.value).startswith(
            "Foto bom.heic terlalu besar (12000x9000 piksel; maksimal 64 megapiksel)")


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_heic_is_a_clear_error(tmp_path: Path, keep: float) -> None:
    data = write_photo(tmp_path / "full.heic", "HEIF").read_bytes()
    path = tmp_path / "IMG_0043.HEIC"
    path.write_bytes(data[:int(len(data) * keep)])
    with pytest.raises(PhotoError) as info:
        check_photo(path)
    message = str(info.value)
    assert "IMG_0043.HEIC" in message and ("terpotong" in message or "rusak" in message)
    assert "belum didukung" not in message and "\n" not in message


def test_heic_memory_estimate_counts_the_decoder(tmp_path: Path) -> None:
    path = write_photo(tmp_path / "a.heic", "HEIF")
    with Image.open(path) as img:
        plain = modes.estimate_memory(img, (1000, 1000), "RGB")
        img.format = "PNG"
        assert plain > modes.estimate_memory(img, (1000, 1000), "RGB")


# ---------------------------------------------------------------- render, CLI, draft


def test_render_draws_the_photo_upright(phone_photo: Path, tmp_path: Path, library,
                                        profile) -> None:
    reference = tmp_path / "reference.png"
    upright().save(reference)
    card = _render(library, profile, phone_photo)
    same = _render(library, profile, reference)
    assert _diff(card, same) < 3
    turned = tmp_path / "turned.png"
    upright().rotate(180).save(turned)
    assert _diff(card, _render(library, profile, turned)) > 30
    # the upper part of the full-bleed frame (below the identity strip) is the photo's blue
    # and green quarters
    left, right = card.getpixel((200, 400)), card.getpixel((880, 400))
    assert left[2] > max(left[0], left[1]) + 40, left
    assert right[1] > max(right[0], right[2]) + 30, right


def test_cli_render_has_the_photo_and_no_metadata(phone_photo: Path, tmp_path: Path,
                                                  capsys, library, profile) -> None:
    for suffix in (".jpg", ".png"):
        out = tmp_path / f"kartu{suffix}"
        code = main(["render", "liputan-kegiatan", "--format", "4:5",
                     *[a for k, v in VALUES.items() for a in ("--set", f"{k}={v}")],
                     "--photo", f"foto={phone_photo}", "-o", str(out)])
        assert code == 0, capsys.readouterr().err
        _no_metadata(out)
        with Image.open(out) as img:
            assert _diff(img, _render(library, profile, phone_photo)) < 3


def test_heic_draft_saves_reloads_and_exports_clean(phone_photo: Path, tmp_path: Path,
                                                    capsys, library, profile,
                                                    real_profile) -> None:
    file = tmp_path / "iphone.kontenopd"
    code = main(["draft", "liputan-kegiatan", "-o", str(file), "--format", "4:5",
                 *[a for k, v in VALUES.items() for a in ("--set", f"{k}={v}")],
                 "--photo", f"foto={phone_photo}"])
    assert code == 0, capsys.readouterr().err
    opened = load_draft(file, workdir=tmp_path / "work", library=library)
    assert opened.notices == []
    stored = Path(opened.draft.photos["foto"][0].path)
    assert stored.is_file() and stored.parent != phone_photo.parent
    assert (probe_photo(stored).width, probe_photo(stored).height) == (800, 1200)
    template = library.get("liputan-kegiatan")
    before = _render(library, profile, phone_photo)
    assert _diff(render(template, "4:5", opened.draft, opened.profile).image, before) < 3
    # saved again from the opened copy, and opened again: still the photo
    again = save_draft(tmp_path / "lagi.kontenopd", opened.draft, opened.profile)
    reopened = load_draft(again, workdir=tmp_path / "work2", library=library)
    assert _diff(render(template, "4:5", reopened.draft, reopened.profile).image, before) < 3

    # exported under a real OPD's identity (`kontenopd export` refuses the demo's)
    real = save_draft(tmp_path / "nyata.kontenopd", reopened.draft, real_profile)
    before = _render(library, real_profile, phone_photo)
    out = tmp_path / "hasil"
    code = main(["export", str(real), "-o", str(out), "--format", "4:5", "--platform",
                 "instagram", "--jobs", "0"])
    assert code == 0, capsys.readouterr().err
    images = sorted(out.rglob("*.jpg"))
    assert len(images) == 1
    _no_metadata(images[0])
    with Image.open(images[0]) as img:
        assert img.size == (1080, 1350)
        assert _diff(img, before) < 3


def test_draft_keeps_a_heic_photo_in_the_archive(tmp_path: Path, library, profile) -> None:
    photo = write_photo(tmp_path / "IMG_0044.HEIC", "HEIF")
    draft = Draft("liputan-kegiatan", formats=["4:5"], values=dict(VALUES),
                  photos={"foto": [PhotoRef(str(photo))]})
    file = save_draft(tmp_path / "a.kontenopd", draft, profile)
    opened = load_draft(file, workdir=tmp_path / "work", library=library)
    assert opened.notices == [] and len(opened.draft.photos["foto"]) == 1
    # stored re-encoded without the camera's metadata
    data = Path(opened.draft.photos["foto"][0].path).read_bytes()
    assert CAMERA_MAKE.encode() not in data and OWNER.encode() not in data


# ---------------------------------------------------------------- truncated photos


def _truncated_jpeg(tmp_path: Path) -> Path:
    full = tmp_path / "utuh.jpg"
    Image.effect_noise((1600, 1200), 50).convert("RGB").save(full, quality=90)
    data = full.read_bytes()
    path = tmp_path / "foto-wa.jpg"
    path.write_bytes(data[:int(len(data) * 0.8)])
    return path


def test_truncated_jpeg_is_refused_alike_everywhere(tmp_path: Path, library, profile,
                                                   capsys) -> None:
    path = _truncated_jpeg(tmp_path)
    assert probe_photo(path).width == 1600  # the header alone looks fine
    messages = set()
    for call in (check_photo, photo_thumbnail, lambda p: _render(library, profile, p),
                 lambda p: PhotoCache().frame(p, (216, 270), (0.5, 0.5))):
        with pytest.raises(PhotoError) as info:
            call(path)
        messages.add(str(info.value))
    assert len(messages) == 1, messages
    message = messages.pop()
    assert message.startswith("Foto terpotong atau rusak: foto-wa.jpg.")
    for command in ("render", "draft"):
        out = tmp_path / ("kartu.jpg" if command == "render" else "d.kontenopd")
        code = main([command, "liputan-kegiatan", "-o", str(out),
                     *[a for k, v in VALUES.items() for a in ("--set", f"{k}={v}")],
                     "--photo", f"foto={path}"])
        err = capsys.readouterr().err
        assert code == 2 and err.strip() == f"kontenopd: {message}", err
        assert not out.exists()


def test_truncated_photo_inside_a_draft_is_skipped_with_a_notice(tmp_path: Path, library,
                                                                profile) -> None:
    import zipfile

    good = tmp_path / "baik.jpg"
    upright().save(good, quality=90)
    draft = Draft("liputan-kegiatan", formats=["4:5"], values=dict(VALUES),
                  photos={"foto": [PhotoRef(str(good))]})
    file = save_draft(tmp_path / "a.kontenopd", draft, profile)
    damaged = tmp_path / "b.kontenopd"
    with zipfile.ZipFile(file) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("photos/"):
                data = data[:len(data) // 2]
            dst.writestr(item, data)
    opened = load_draft(damaged, workdir=tmp_path / "work", library=library)
    assert opened.draft.photos.get("foto", []) == []
    assert any("terpotong atau rusak" in n for n in opened.notices), opened.notices
