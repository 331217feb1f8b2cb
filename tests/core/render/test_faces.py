"""Faces stay in frame: detection on photos made from the public-domain astronaut sample
(assets/samples/LICENSES.md), and the focal point chosen for the frames of the formats and of
the people-centred templates."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from kontenopd.core.editing import photo_frames
from kontenopd.core.model.records import Draft, PhotoRef
from kontenopd.core.photos.cache import cover_crop_box
from kontenopd.core.render import faces as fc
from kontenopd.core.render import focus as fo

pytest.importorskip("cv2")

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "assets" / "samples"
# The astronaut's face in astronaut.jpg (0..1), as the frontal cascade finds it there.
FACE_IN_SAMPLE = (175 / 512, 65 / 512, 272 / 512, 162 / 512)
PEOPLE_TEMPLATES = ("kunjungan-kerja", "kutipan-pimpinan", "ucapan-hari-besar", "duka-cita",
                    "selamat-sukses")
FORMATS = {"4:5": (1080, 1350), "1:1": (1080, 1080), "3:4": (1080, 1440),
           "9:16": (1080, 1920)}


def _compose(path: Path, size: tuple[int, int], pastes: list[tuple[int, int, int]],
             background: str = "coffee.jpg") -> list[tuple[float, float, float, float]]:
    """A phone-size photo: the sample ``background`` stretched to ``size`` with the astronaut
    pasted at (x, y) ``side`` px square for each paste; returns the faces' true boxes."""
    canvas = Image.open(SAMPLES / background).convert("RGB").resize(size)
    astronaut = Image.open(SAMPLES / "astronaut.jpg").convert("RGB")
    truth = []
    for x, y, side in pastes:
        canvas.paste(astronaut.resize((side, side)), (x, y))
        fx0, fy0, fx1, fy1 = FACE_IN_SAMPLE
        truth.append(((x + fx0 * side) / size[0], (y + fy0 * side) / size[1],
                      (x + fx1 * side) / size[0], (y + fy1 * side) / size[1]))
    canvas.save(path, quality=88)
    return truth


def _iou(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


@pytest.fixture(scope="module")
def photos(tmp_path_factory) -> dict[str, tuple[Path, tuple[int, int], list]]:
    """Name -> (path, size, true face boxes)."""
    folder = tmp_path_factory.mktemp("faces")
    specs = {
        # landscape, the face near the left edge: a centre crop to 4:5 or 9:16 loses it
        "left-edge": ((4000, 3000), [(80, 1100, 1300)], "coffee.jpg"),
        # landscape, the face near the right edge and low
        "right-low": ((4000, 3000), [(2700, 1500, 1300)], "rocket-launch.jpg"),
        # portrait phone photo, head at the very top: a centre crop to 1:1 cuts it off
        "portrait-top": ((3000, 4000), [(800, 0, 1500)], "coffee.jpg"),
        # portrait phone photo, the face a little above the middle, right of centre
        "portrait-middle": ((3000, 4000), [(1400, 1400, 1500)], "rocket-launch.jpg"),
        # three people side by side, off centre
        "group-three": ((4000, 3000), [(150, 900, 900), (900, 900, 900), (1650, 900, 900)],
                        "chelsea-cat.jpg"),
        # a wide group of four standing officials, heads high in the picture
        "group-four": ((4000, 3000), [(300, 500, 1000), (1200, 500, 1000), (2100, 500, 1000),
                                      (3000, 500, 1000)], "coffee.jpg"),
    }
    out = {}
    for name, (size, pastes, background) in specs.items():
        path = folder / f"{name}.jpg"
        out[name] = (path, size, _compose(path, size, pastes, background))
    # a square portrait crop of the sample, face near the top-left corner of a portrait photo
    crop = Image.open(SAMPLES / "astronaut.jpg").convert("RGB").crop((130, 0, 430, 400))
    path = folder / "portrait-crop.jpg"
    crop.resize((1200, 1600)).save(path, quality=90)
    fx0, fy0, fx1, fy1 = (v * 512 for v in FACE_IN_SAMPLE)
    out["portrait-crop"] = (path, (1200, 1600), [((fx0 - 130) / 300, fy0 / 400,
                                                  (fx1 - 130) / 300, fy1 / 400)])
    return out


def _inside_and_clear(src, faces, frame, focus, reserved, tol: float = 1.0) -> bool:
    """Every face box inside the crop and off every reserved band (frame px, ``tol`` px)."""
    crop = cover_crop_box(src, frame, focus)
    sx = frame[0] / (crop[2] - crop[0])
    sy = frame[1] / (crop[3] - crop[1])
    for f in faces:
        box = ((f[0] * src[0] - crop[0]) * sx, (f[1] * src[1] - crop[1]) * sy,
               (f[2] * src[0] - crop[0]) * sx, (f[3] * src[1] - crop[1]) * sy)
        if box[0] < -tol or box[1] < -tol or box[2] > frame[0] + tol or box[3] > frame[1] + tol:
            return False
        for r in reserved:
            if min(box[2], r[2]) - max(box[0], r[0]) > tol and \
                    min(box[3], r[3]) - max(box[1], r[1]) > tol:
                return False
    return True


def _feasible(src, faces, frame, reserved) -> bool:
    """Whether any focal point at all keeps the faces inside and clear (brute force)."""
    steps = [i / 400 for i in range(401)]
    return any(_inside_and_clear(src, faces, frame, (x, y), reserved, tol=0.0)
               for x in steps for y in (steps if frame[0] / frame[1] == src[0] / src[1]
                                        else [0.5])) or any(
        _inside_and_clear(src, faces, frame, (0.5, y), reserved, tol=0.0) for y in steps)


# ------------------------------------------------------------------ detection


def test_faces_are_found_where_they_are(photos):
    for name, (path, _size, truth) in photos.items():
        found = fc.detect_faces(path)
        assert len(found) == len(truth), (name, found)
        for true_box in truth:
            assert max(_iou(true_box, f) for f in found) > 0.5, (name, true_box, found)


def test_detection_follows_exif_orientation(tmp_path, photos):
    path, _size, truth = photos["left-edge"]
    img = Image.open(path)
    exif = Image.Exif()
    exif[0x0112] = 6  # stored rotated: viewers turn it 90° clockwise
    rotated = tmp_path / "rotated.jpg"
    img.transpose(Image.Transpose.ROTATE_90).save(rotated, exif=exif, quality=88)
    (found,) = fc.detect_faces(rotated)
    assert _iou(found, truth[0]) > 0.5


def test_no_face_keeps_the_centre(tmp_path):
    for name in ("dandelion-field.jpg", "coffee.jpg", "rocket-launch.jpg"):
        assert fc.detect_faces(SAMPLES / name) == ()
        assert fc.default_focus(SAMPLES / name) == (0.5, 0.5)
    assert fo.focus_for_faces((4000, 3000), [], (1080, 1350)) == fo.FocusChoice((0.5, 0.5))
    assert fc.detect_faces(tmp_path / "missing.jpg") == ()


def test_without_opencv_there_are_no_faces(monkeypatch, photos):
    monkeypatch.setattr(fc, "_cv2_state", [None])
    monkeypatch.setattr(fc, "_usable", [])
    monkeypatch.setattr(fc._local, "cascade", False, raising=False)
    fc.FACES.clear()
    try:
        assert not fc.available()
        assert fc.detect_faces(photos["left-edge"][0]) == ()
        assert fc.default_focus(photos["left-edge"][0]) == (0.5, 0.5)
    finally:
        fc.FACES.clear()
        fc._local.cascade = False


# ------------------------------------------------------------------ the formats' frames


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_chosen_focus_keeps_faces_in_every_format(photos, fmt):
    frame = FORMATS[fmt]
    reserved = fo.STORY_UNSAFE if fmt == "9:16" else ()
    for name, (path, size, _truth) in photos.items():
        faces = fc.detect_faces(path)
        choice = fo.focus_for_faces(size, faces, frame, reserved)
        fit = fo.faces_cut(size, faces, frame, choice.focus, reserved)
        assert fit.ok == choice.ok
        if name == "group-four" and fmt != "1:1":  # four across is wider than the frame
            assert not _feasible(size, faces, frame, reserved)
            assert not choice.ok
            assert not fit.cut  # rather one face left out than a face cut in half
            continue
        if name == "portrait-top" and fmt == "9:16":  # the head is in the unsafe top band
            assert not _feasible(size, faces, frame, reserved)
            assert choice.covered and not choice.cut
            continue
        assert _feasible(size, faces, frame, reserved), (name, fmt)  # the photos allow it
        assert _inside_and_clear(size, faces, frame, choice.focus, reserved), (name, fmt)
        assert choice.ok, (name, fmt)


def test_centre_crop_cut_faces_and_the_warning_says_so(photos):
    path, size, _truth = photos["left-edge"]
    faces = fc.detect_faces(path)
    fit = fo.faces_cut(size, faces, FORMATS["9:16"], (0.5, 0.5), fo.STORY_UNSAFE)
    assert fit.left_out == 1 or fit.cut  # the centre crop loses the face
    path, size, _truth = photos["portrait-top"]
    faces = fc.detect_faces(path)
    fit = fo.faces_cut(size, faces, FORMATS["1:1"], (0.5, 0.5))
    assert fit.cut or fit.left_out  # the centre square loses the head
    assert fo.faces_cut(size, faces, FORMATS["1:1"], fc.default_focus(path)).ok


def test_a_face_that_cannot_fit_is_reported():
    # one face as wide as a third of a landscape photo cannot fit a 9:16 story's safe band
    # together with another face at the far side: the choice says a face is still cut
    src = (4000, 3000)
    faces = [(0.02, 0.4, 0.2, 0.6), (0.8, 0.4, 0.98, 0.6)]
    choice = fo.focus_for_faces(src, faces, FORMATS["9:16"], fo.STORY_UNSAFE)
    assert choice.cut or not _inside_and_clear(src, faces, FORMATS["9:16"], choice.focus, ())
    # and a face under the identity strip whatever the crop: covered
    strip = ((0, 0, 1080, 600),)
    choice = fo.focus_for_faces((4000, 3000), [(0.45, 0.05, 0.55, 0.18)], (1080, 700), strip)
    assert choice.covered and not choice.cut


def test_group_is_kept_together_with_headroom(photos):
    path, size, _truth = photos["group-three"]
    faces = fc.detect_faces(path)
    assert len(faces) == 3
    choice = fo.focus_for_faces(size, faces, FORMATS["4:5"])
    crop = cover_crop_box(size, FORMATS["4:5"], choice.focus)
    for f in faces:
        hair = f[1] - fo.HEADROOM * (f[3] - f[1])
        assert crop[0] <= f[0] * size[0] and f[2] * size[0] <= crop[2]
        assert crop[1] <= hair * size[1]


# ------------------------------------------------------------------ the templates' frames


def _draft(template, path: Path) -> Draft:
    return Draft(template=template.id, formats=template.format_keys,
                 values=dict(template.sample), photos={"foto": [PhotoRef(str(path))]})


@pytest.mark.parametrize("template_id", PEOPLE_TEMPLATES)
def test_people_templates_keep_faces_clear(library, profile, photos, template_id):
    template = library.get(template_id)
    feasible_cases = 0
    for fmt in template.format_keys:
        hits = [h for h in photo_frames(template, fmt) if h.field == "foto" and h.index == 0]
        assert hits, (template_id, fmt)
        for name, (path, size, _truth) in photos.items():
            draft = _draft(template, path)
            specs = fo.frame_specs(template, fmt, "foto", 0, draft, profile)
            assert [s.size for s in specs] == [(h.box[2], h.box[3]) for h in hits]
            faces = fc.detect_faces(path)
            for spec in specs:
                choice = fo.focus_for_frames(size, faces, [spec])
                if _feasible(size, faces, spec.size, spec.reserved):
                    feasible_cases += 1
                    assert _inside_and_clear(size, faces, spec.size, choice.focus,
                                             spec.reserved), (template_id, fmt, name)
                    assert choice.ok, (template_id, fmt, name)
                else:  # it cannot be done: the choice must say so, for a warning
                    assert (template_id, fmt, name) in CANNOT_FIT, (template_id, fmt, name)
                    assert not choice.ok, (template_id, fmt, name)
    assert feasible_cases >= len(template.format_keys)  # not a vacuous test


# Where no focal point can keep every face in frame and clear of text, strips and badges:
# the leader's quote card has a portrait column (no room for a row of people), the greeting
# card's round photo cannot hold four people side by side, and a face filling a whole
# portrait photo does not fit the visit card's low square-format band. Everything else must.
CANNOT_FIT = {
    *(("kutipan-pimpinan", fmt, group) for fmt in ("4:5", "1:1", "3:4")
      for group in ("group-three", "group-four")),
    *(("ucapan-hari-besar", fmt, "group-four") for fmt in ("4:5", "1:1", "3:4", "9:16")),
    ("kunjungan-kerja", "1:1", "portrait-crop"),
}


def test_template_bands_come_from_the_layers_above(library, profile, photos):
    path = photos["left-edge"][0]
    kunjungan = library.get("kunjungan-kerja")
    (spec,) = fo.frame_specs(kunjungan, "4:5", "foto", 0, _draft(kunjungan, path), profile)
    # the visit photo starts under the identity strip: only the badge row lies over it
    assert spec.size == (1080, 532)
    assert spec.reserved == ((64, 456, 1016, 508),)
    (story,) = fo.frame_specs(kunjungan, "9:16", "foto", 0, _draft(kunjungan, path), profile)
    assert story.size[1] < 1000 and not any(b[1] < 0 for b in story.reserved)
    # a scrim hides a face only where it is dense: kutipan-pimpinan fades only the edge of
    # the leader's photo column, and its foot
    kutipan = library.get("kutipan-pimpinan")
    (quote,) = fo.frame_specs(kutipan, "4:5", "foto", 0, _draft(kutipan, path), profile)
    assert quote.size == (480, 1082)
    left = [b for b in quote.reserved if b[1] <= 0 and b[3] >= 1082 and b[0] <= 0]
    assert left and 0 < left[0][2] <= 48
    assert all(b[2] - b[0] <= 48 or b[1] >= 1000 for b in quote.reserved)
    # the "no photo" text of ucapan-hari-besar is not shown over the photo it replaces
    ucapan = library.get("ucapan-hari-besar")
    (small,) = fo.frame_specs(ucapan, "4:5", "foto", 0, _draft(ucapan, path), profile)
    assert small.reserved == ()


def test_plan_focus_for_a_template_and_the_render_warning(library, profile, photos):
    template = library.get("kunjungan-kerja")
    path, _size, _truth = photos["portrait-top"]
    draft = _draft(template, path)
    choice = fc.plan_focus(path, template, "foto", 0, ["4:5"], draft, profile)
    assert choice.ok and choice.focus != (0.5, 0.5)
    assert fc.face_warnings(template, "4:5", draft, profile) != []  # centre: hidden or cut
    draft.photos["foto"] = [PhotoRef(str(path), choice.focus)]
    assert fc.face_warnings(template, "4:5", draft, profile) == []


def test_render_reports_a_cut_face_and_not_a_framed_one(library, profile, photos):
    from kontenopd.core.render import render

    template = library.get("kunjungan-kerja")
    path, _size, _truth = photos["portrait-top"]
    draft = _draft(template, path)  # centre focus: the head at the top is cut off
    faces_warned = [w for w in render(template, "4:5", draft, profile, scale=0.25).warnings
                    if w.code == "face_cut"]
    assert [w.field for w in faces_warned] == ["foto"]
    assert "(4:5)" in faces_warned[0].message and "geser titik fokus" in faces_warned[0].message
    draft.photos["foto"] = [PhotoRef(str(path), fc.default_focus(
        path, template, "foto", 0, ["4:5"], draft, profile))]
    assert not [w for w in render(template, "4:5", draft, profile, scale=0.25).warnings
                if w.code == "face_cut"]


def test_detection_cost_is_cached(photos):
    path = photos["left-edge"][0]
    first = fc.detect_faces(path)
    assert fc.detect_faces(path) is first  # same file version: no second detection


def test_the_grey_proxy_is_upright_and_decoded_small(tmp_path):
    from kontenopd.core.photos.safeimage import PHOTO, open_image

    photo = Image.new("RGB", (4000, 3000), (200, 30, 30))
    photo.paste((30, 30, 200), (0, 0, 2000, 3000))  # left half blue
    exif = Image.Exif()
    exif[0x0112] = 6  # stored on its side: upright it is 3000x4000, blue on top
    path = tmp_path / "miring.jpg"
    photo.save(path, quality=90, exif=exif.tobytes())
    decoded = open_image(path, PHOTO, min_size=(480, 640), mode="L")
    grey = decoded.image
    assert grey.mode == "L" and decoded.source_size == (3000, 4000)
    assert grey.size == (750, 1000)  # decoded at 1/4 scale, then turned upright
    top, bottom = grey.getpixel((375, 100)), grey.getpixel((375, 900))
    assert bottom - top > 20  # blue (darker grey) on top, red below: turned the right way
    png = tmp_path / "transparan.png"
    Image.new("RGBA", (64, 64), (0, 0, 0, 0)).save(png)
    assert open_image(png, PHOTO, mode="L").image.getpixel((5, 5)) == 255  # onto white


def test_an_export_worker_handed_known_faces_needs_no_detector(tmp_path, library) -> None:
    """Faces found in the parent (on adding, or by bulk create) travel with the render task:
    the worker warns about the cut face without loading OpenCV (its memory, its time)."""
    import json
    import pickle
    import subprocess
    import sys

    from kontenopd.core.editing import sample_draft
    from kontenopd.core.export import worker
    from kontenopd.core.model.records import PhotoRef, demo_profile
    from kontenopd.core.render.faces import detect_faces, known_faces

    photo = Path(__file__).resolve().parents[3] / "assets" / "samples" / "astronaut.jpg"
    assert detect_faces(photo)
    template = library.get("kutipan-pimpinan")
    draft = sample_draft(template)
    draft.photos["foto"] = [PhotoRef(str(photo), (0.5, 1.0))]  # the face cut off the top
    task = worker.RenderTask(0, str(template.folder), "9:16", draft, demo_profile(),
                             str(tmp_path / "out.jpg"), 8 * 2**20, 0, known_faces([photo]))
    assert task.faces
    script = (
        "import json, pickle, sys\n"
        "from kontenopd.core.export.worker import run_task\n"
        "from kontenopd.core.photos.cache import PhotoCache\n"
        "done = run_task(pickle.load(sys.stdin.buffer), PhotoCache())\n"
        "print(json.dumps({'codes': [w[0] for w in done.warnings], "
        "'cv2': 'cv2' in sys.modules, 'error': done.error}))\n")
    out = subprocess.run([sys.executable, "-c", script], input=pickle.dumps(task),
                         capture_output=True, check=True, timeout=120)
    result = json.loads(out.stdout)
    assert "face_cut" in result["codes"]
    assert result["cv2"] is False and result["error"] is None
    assert (tmp_path / "out.jpg").is_file()
