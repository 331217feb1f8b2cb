"""Golden images: every template in every format (carousels: every slide), within a tolerance.

Each case renders the template's own sample (assets/samples photos) at full size and compares
a 270 px wide reduction with tests/golden/<template>_<format>[_s<slide>].png.
Regenerate on purpose, after looking at the new renders, with:

    python -m pytest tests/core/render/test_golden.py --update-golden
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops

from kontenopd.core.render import render, slide_count
from kontenopd.core.template.library import load_library

from ...conftest import GOLDEN
from ..samples import sheet_sample

WIDTH = 270  # references are stored downscaled to keep the repository small


def _cases() -> list[tuple[str, str, int]]:
    library = load_library()
    cases = []
    for tid, template in sorted(library.templates.items()):
        draft = sheet_sample(template)
        for fmt in template.formats:
            cases.extend((tid, fmt, s) for s in range(slide_count(template, draft, fmt)))
    return cases


CASES = _cases()


def _name(template_id: str, fmt: str, slide: int, count: int) -> str:
    suffix = f"_s{slide + 1}" if count > 1 else ""
    return f"{template_id}_{fmt.replace(':', 'x')}{suffix}.png"


def _compare(actual: Image.Image, expected: Image.Image) -> tuple[float, float]:
    diff = ImageChops.difference(actual, expected).convert("L")
    hist = diff.histogram()
    total = sum(hist)
    mean = sum(i * n for i, n in enumerate(hist)) / total
    far = sum(hist[48:]) / total
    return mean, far


def test_every_template_and_format_has_a_case(library) -> None:
    covered = {(t, f) for t, f, _ in CASES}
    expected = {(t.id, f) for t in library.templates.values() for f in t.formats}
    assert covered == expected
    assert len(library.templates) >= 15


@pytest.mark.parametrize(("template_id", "fmt", "slide"), CASES,
                         ids=[f"{t}-{f}-{s + 1}" for t, f, s in CASES])
def test_golden(library, profile, request, template_id: str, fmt: str, slide: int) -> None:
    template = library.get(template_id)
    draft = sheet_sample(template)
    result = render(template, fmt, draft, profile, slide=slide)
    # The bundled sample photos are small (512-1600 px): soft at full bleed, honestly reported.
    unexpected = [f"{w.code}: {w.message}" for w in result.warnings if w.code != "photo_small"]
    assert unexpected == []
    image = result.image
    assert image.size == template.formats[fmt].size
    small = image.resize((WIDTH, round(image.height * WIDTH / image.width)),
                         Image.Resampling.LANCZOS)
    name = _name(template_id, fmt, slide, slide_count(template, draft, fmt))
    ref_path: Path = GOLDEN / name
    if request.config.getoption("--update-golden"):
        small.save(ref_path, optimize=True)
        return
    if not ref_path.exists():
        pytest.fail(f"no reference image {ref_path.name}; run with --update-golden")
    expected = Image.open(ref_path).convert("RGB")
    assert expected.size == small.size
    mean, far = _compare(small, expected)
    assert mean < 1.0 and far < 0.005, f"{ref_path.name}: mean diff {mean:.2f}, far {far:.2%}"


def test_no_stale_references() -> None:
    library = load_library()
    wanted = set()
    for t, f, s in CASES:
        template = library.get(t)
        wanted.add(_name(t, f, s, slide_count(template, sheet_sample(template), f)))
    stale = sorted(p.name for p in GOLDEN.glob("*.png") if p.name not in wanted)
    assert stale == [], f"reference images without a case (delete them): {stale}"
