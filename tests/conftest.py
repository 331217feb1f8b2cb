"""Shared test set-up: every test gets its own config/data folders; Qt runs offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the reference images in tests/golden/ on purpose")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "kontenopd-home"
    monkeypatch.setenv("KONTENOPD_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def library():
    from kontenopd.core.template.library import load_library

    lib = load_library()
    assert not lib.errors, [str(e) for e in lib.errors]
    return lib


@pytest.fixture(scope="session")
def profile():
    from kontenopd.core.model.records import demo_profile

    return demo_profile()


@pytest.fixture(scope="session")
def real_profile(tmp_path_factory):
    """A real OPD's profile (not the demo: its own Pemda, accounts, hashtags and logos), for
    tests that export: posts with the demo identity are refused."""
    from dataclasses import replace

    from PIL import Image, ImageDraw

    from kontenopd.core.io.profile_file import is_demo
    from kontenopd.core.model.records import demo_profile

    folder = tmp_path_factory.mktemp("profil-mojokerto")
    logos = {}
    for role, color in (("pemda", (150, 20, 20, 255)), ("opd", (20, 60, 150, 255))):
        img = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
        ImageDraw.Draw(img).ellipse((10, 10, 230, 230), fill=color)
        logos[role] = folder / f"{role}.png"
        img.save(logos[role])
    profile = replace(
        demo_profile(), id="diskominfo-mojokerto",
        pemda_name="Pemerintah Kabupaten Mojokerto", city="Mojokerto",
        pemda_logo=str(logos["pemda"]), opd_logo=str(logos["opd"]),
        handles={"instagram": "@diskominfo.mojokertokab", "facebook": "Diskominfo Mojokerto"},
        website="diskominfo.mojokertokab.go.id", hashtags=("#MojokertoKab",),
        hashtag_groups={"Resmi": ("#MojokertoKab", "#DiskominfoMojokerto")})
    assert not is_demo(profile)
    return profile


@pytest.fixture(scope="session")
def sample_photo() -> Path:
    return ROOT / "assets" / "samples" / "dandelion-field.jpg"
