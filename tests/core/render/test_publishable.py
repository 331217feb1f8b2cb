"""Every template x format x slide, with the stress set, judged from the layout report.

The stress set (core/stress.py) fills every text field to its declared maximum with real-style
Indonesian government wording, lists to their most items, and uses bright, dark, busy,
portrait and no photos; the "kosong" cases leave every optional field empty. For each render:

- no two text blocks intersect, and no text block lies on a logo or QR code;
- every text block, logo and QR code lies inside the visible zone (a story's safe band, the
  3:4 grid crop of a feed post);
- no line is partly clipped: every drawn block lies inside the canvas and a block that lost
  lines carries a blocking error naming its field;
- no "…" in protected text;
- measured contrast reaches the target (no contrast warning);
- a list that left items out says so with an error;
- nothing is drawn for an empty optional field (no label over nothing, no default value).

What the form accepts must fit the default format: in 4:5 the stress content renders without
any blocking error. Other formats may refuse content they cannot hold, but only with a
blocking error that names the field (the export then refuses that format, never ships it cut).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kontenopd.core.model.records import demo_profile
from kontenopd.core.render import render, slide_count, stress
from kontenopd.core.render.result import intersects
from kontenopd.core.template.library import load_library

LIB = load_library()
TEXT = ("text", "identity", "footer", "list", "stats", "stamp", "badge")
SCALE = 0.5  # half size: the checks are geometric; golden tests cover full size


@cache
def _photos(folder: str) -> dict[str, Path]:
    return stress.make_photos(Path(folder))


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _photos(str(tmp_path_factory.mktemp("stress")))


def _cases() -> list[tuple[str, str]]:
    return [(tid, fmt) for tid, t in LIB.templates.items() for fmt in t.format_keys]


def _check(result: object, fmt: str, draft: object = None) -> list[str]:
    bad: list[str] = []
    image = result.image
    width, height = round(image.width / SCALE), round(image.height / SCALE)
    x0, y0, x1, y1 = result.safe_box
    blocks = [b for b in result.blocks if not b.dropped]
    texts = [b for b in blocks if b.kind in TEXT]
    marks = [b for b in blocks if b.kind in ("logo", "qr")]
    tol = 3  # px at full size: half-size rounding
    for i, a in enumerate(texts):
        bad += [f"overlap {a.kind}:{a.field} {a.box} / {b.kind}:{b.field} {b.box}"
                for b in texts[i + 1:] if intersects(a.box, b.box, tol)]
        bad += [f"text on {m.kind}: {a.field} {a.box} / {m.box}" for m in marks
                if a.kind not in ("identity",) and intersects(a.box, m.box, tol)]
    for b in (*texts, *marks):
        bx0, by0, bx1, by1 = b.box
        if bx0 < -tol or by0 < -tol or bx1 > width + tol or by1 > height + tol:
            bad.append(f"off canvas {b.kind}:{b.field} {b.box}")
        if bx0 < x0 - tol or by0 < y0 - tol or bx1 > x1 + tol or by1 > y1 + tol:
            bad.append(f"outside the visible zone {b.kind}:{b.field} {b.box}")
        if b.ellipsis and b.protected:
            bad.append(f"ellipsis in protected {b.field}")
    if draft is not None:  # a label, rule or panel left behind by an empty optional field
        bad += [f"{b.kind} drawn for the empty field {b.field}" for b in texts
                if b.field in _optional(draft) or (b.field in draft.values
                                                   and not draft.values[b.field])]
    errors = [w for w in result.warnings if w.blocking]
    for b in texts:
        if b.cut and not any(w.field == b.field for w in errors):
            bad.append(f"{b.field} lost lines without an error")
    for w in result.warnings:
        if w.code in ("contrast", "zone", "collision"):
            bad.append(f"{w.code}: {w.message}")
        if w.code == "overflow" and not w.field:
            bad.append(f"an error that names no field: {w.message}")
    if fmt == "4:5":
        bad += [f"4:5 refuses what the form accepts: {w.message}" for w in errors]
    return bad


def _optional(draft: object) -> set[str]:
    """The template's non-photo fields the draft leaves unset and that have no default (a
    default, such as today's date or a standard closing sentence, is shown in the form, so
    the admin sees it; a fact such as a fee never has one)."""
    template = LIB.get(draft.template)
    return {f.key for f in template.fields
            if f.type != "photo" and f.key not in draft.values and not f.default}


@pytest.mark.parametrize(("template_id", "fmt"), _cases())
def test_stress_set_is_publishable(template_id: str, fmt: str,
                                   photos: dict[str, Path]) -> None:
    template = LIB.get(template_id)
    profile = stress.stress_profile(demo_profile())
    found: list[str] = []
    for case, draft in stress.cases(template, photos):
        for slide in range(slide_count(template, draft, fmt)):
            result = render(template, fmt, draft, profile, scale=SCALE, slide=slide)
            found += [f"{case.name} #{slide + 1}: {p}" for p in _check(result, fmt, draft)]
    assert found == []


def test_the_check_catches_a_broken_card(photos: dict[str, Path]) -> None:
    """The checks can fail: text pushed onto the footer and out of the story's safe band."""
    import dataclasses

    template = LIB.get("liputan-kegiatan")
    fmt = template.formats["9:16"]
    moved = []
    for layer in fmt.layers:
        moved.append(dataclasses.replace(layer, box=(64, 1700, 952, 64))
                     if layer.type == "footer" else layer)
    broken = dataclasses.replace(template, formats={
        **template.formats, "9:16": dataclasses.replace(fmt, layers=tuple(moved))})
    draft = stress.stress_draft(broken, "full", photos["dark"])
    result = render(broken, "9:16", draft, stress.stress_profile(demo_profile()), scale=SCALE)
    found = _check(result, "9:16")
    assert any(p.startswith("outside the visible zone footer") for p in found), found


def test_the_check_catches_a_label_over_an_empty_field() -> None:
    """Without its condition, the 'Persyaratan' label would stand over nothing: caught."""
    import dataclasses

    template = LIB.get("pengumuman-layanan")
    fmt = template.formats["4:5"]
    def unguarded(layer: object) -> object:
        if layer.type == "stack":
            return dataclasses.replace(layer, children=tuple(
                unguarded(c) for c in layer.children))
        if layer.type == "text" and layer.field == "persyaratan":
            return dataclasses.replace(layer, when=None)
        return layer

    bare = tuple(unguarded(layer) for layer in fmt.layers)
    assert bare != fmt.layers
    broken = dataclasses.replace(template, formats={
        **template.formats, "4:5": dataclasses.replace(fmt, layers=bare)})
    draft = stress.stress_draft(broken, "empty", None)
    profile = stress.stress_profile(demo_profile())
    assert _check(render(template, "4:5", draft, profile, scale=SCALE), "4:5", draft) == []
    found = _check(render(broken, "4:5", draft, profile, scale=SCALE), "4:5", draft)
    assert "text drawn for the empty field persyaratan" in found, found


def test_every_layer_type_has_a_drawer() -> None:
    from kontenopd.core.render import DRAWERS
    from kontenopd.core.template.layers import LAYER_TYPES

    assert set(LAYER_TYPES) == set(DRAWERS)
    used = {layer.type for t in LIB.templates.values() for f in t.formats.values()
            for layer in f.layers}
    assert used <= set(DRAWERS) and len(used) >= 10
