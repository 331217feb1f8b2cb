"""Where a focal point sits in its frame (``PhotoRef.anchor``): the centre by default, the
click position after a click in the preview; kept by drafts, used by the render."""

from __future__ import annotations

from pathlib import Path

import pytest

from kontenopd.core import editing
from kontenopd.core.io.draft_file import load_draft, save_draft
from kontenopd.core.io.draft_schema import draft_from_dict, draft_to_dict
from kontenopd.core.model.records import Draft, PhotoRef
from kontenopd.core.photos.cache import cover_crop_box

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = sorted((ROOT / "assets" / "samples").glob("*.jpg"))[0]


def _centred(src, dst, focus):  # the rule before anchors existed
    sw, sh = src
    scale = max(dst[0] / sw, dst[1] / sh)
    cw, ch = min(dst[0] / scale, sw), min(dst[1] / scale, sh)
    cx = min(max(focus[0] * sw, cw / 2), sw - cw / 2)
    cy = min(max(focus[1] * sh, ch / 2), sh - ch / 2)
    return (cx - cw / 2, cy - ch / 2, cx + cw / 2, cy + ch / 2)


@pytest.mark.parametrize("focus", [(0.5, 0.5), (0.0, 0.0), (0.9, 0.2), (1.0, 1.0), (0.3, 0.7)])
@pytest.mark.parametrize(("src", "dst"), [((1600, 900), (800, 1000)), ((900, 1600), (1080, 1080)),
                                     ((1000, 1000), (1080, 1350))])
def test_the_default_anchor_is_the_old_centred_crop(src, dst, focus) -> None:
    box = cover_crop_box(src, dst, focus)
    assert box == pytest.approx(_centred(src, dst, focus), abs=1e-6)


def test_a_click_keeps_the_crop_and_puts_the_clicked_point_under_the_pointer() -> None:
    src, frame = (1600, 900), (800, 1000)  # the photo can slide left and right only
    before = cover_crop_box(src, frame, (0.5, 0.5))  # x 440..1160
    focus, anchor = editing.focus_at_point(src, frame, (0.5, 0.5), (0.5, 0.5), 0.8, 0.3)
    assert anchor == (0.8, 0.3)
    assert focus == (round((440 + 0.8 * 720) / 1600, 4), 0.3)  # the photo point clicked
    after = cover_crop_box(src, frame, focus, anchor)
    assert after == pytest.approx(before, abs=0.1)
    # the marker (the focus drawn in the frame) is where the click was
    assert (focus[0] * src[0] - after[0]) / (after[2] - after[0]) == pytest.approx(0.8, abs=1e-3)


def test_a_drag_keeps_the_anchor_and_stops_at_the_photos_edge() -> None:
    src, frame = (1600, 900), (800, 1000)
    focus, anchor = editing.focus_at_point(src, frame, (0.5, 0.5), (0.5, 0.5), 0.8, 0.3)
    moved = editing.focus_after_drag(src, frame, focus, 100, 0, anchor)  # right: see left
    assert moved[0] < focus[0] and moved[1] == focus[1]
    far = editing.focus_after_drag(src, frame, focus, 10_000, 0, anchor)
    assert cover_crop_box(src, frame, far, anchor)[0] == pytest.approx(0.0, abs=0.1)
    # the centred drag is the one it always was
    assert editing.focus_after_drag(src, frame, (0.5, 0.5), 100, 0) == (0.4437, 0.5)


def test_drafts_keep_the_anchor_and_leave_centred_photos_as_they_were(profile,
                                                                     tmp_path) -> None:
    draft = Draft("liputan-kegiatan", values={"judul": "x"},
                  photos={"foto": [PhotoRef(str(SAMPLE), (0.7, 0.4), (0.8, 0.3)),
                                   PhotoRef(str(SAMPLE), (0.2, 0.5))]})
    data = draft_to_dict(draft)
    assert data["photos"]["foto"][0]["anchor"] == [0.8, 0.3]
    assert "anchor" not in data["photos"]["foto"][1]
    assert draft_from_dict(data).photos["foto"] == draft.photos["foto"]
    opened = load_draft(save_draft(tmp_path / "a.kontenopd", draft, profile),
                        workdir=tmp_path / "w")
    refs = opened.draft.photos["foto"]
    assert [(r.focus, r.anchor) for r in refs] == [((0.7, 0.4), (0.8, 0.3)),
                                                  ((0.2, 0.5), (0.5, 0.5))]
