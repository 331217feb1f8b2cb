"""Golden images: every starter template in every format, compared within a tolerance.

Regenerate on purpose with:  python -m pytest tests/core/test_golden.py --update-golden
"""

from pathlib import Path

import pytest
from PIL import Image, ImageChops

from kontenopd.core.model import Draft, PhotoRef
from kontenopd.core.render import render

from ..conftest import GOLDEN

CASES = [(t, f) for t in ("liputan-kegiatan", "infografis-data", "agenda-undangan")
         for f in ("4:5", "1:1", "9:16")]
WIDTH = 360  # references are stored downscaled to keep the repository small


def _compare(actual: Image.Image, expected: Image.Image) -> tuple[float, float]:
    diff = ImageChops.difference(actual, expected).convert("L")
    hist = diff.histogram()
    total = sum(hist)
    mean = sum(i * n for i, n in enumerate(hist)) / total
    far = sum(hist[48:]) / total
    return mean, far


@pytest.mark.parametrize(("template_id", "fmt"), CASES)
def test_golden(library, profile, sample_photo, request, template_id: str, fmt: str) -> None:
    template = library.get(template_id)
    draft = Draft(template.id, values=dict(template.sample))
    if any(f.type == "photo" for f in template.fields):
        draft.photos["foto"] = [PhotoRef(str(sample_photo), (0.3, 0.5))]
    result = render(template, fmt, draft, profile)
    # The 1600x900 sample photo is honestly too small for a full-bleed story frame.
    unexpected = [w.message for w in result.warnings
                  if not (w.code == "photo_small" and fmt == "9:16")]
    assert unexpected == []
    image = result.image
    small = image.resize((WIDTH, round(image.height * WIDTH / image.width)),
                         Image.Resampling.LANCZOS)
    ref_path: Path = GOLDEN / f"{template_id}_{fmt.replace(':', 'x')}.png"
    if request.config.getoption("--update-golden") or not ref_path.exists():
        if not request.config.getoption("--update-golden"):
            pytest.fail(f"no reference image {ref_path.name}; run with --update-golden")
        small.save(ref_path, optimize=True)
        return
    expected = Image.open(ref_path).convert("RGB")
    assert expected.size == small.size
    mean, far = _compare(small, expected)
    assert mean < 1.0 and far < 0.005, f"{ref_path.name}: mean diff {mean:.2f}, far {far:.2%}"
