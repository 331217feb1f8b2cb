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
    from kontenopd.core.templates import load_library

    lib = load_library()
    assert not lib.errors, [str(e) for e in lib.errors]
    return lib


@pytest.fixture(scope="session")
def profile():
    from kontenopd.core.model import demo_profile

    return demo_profile()


@pytest.fixture(scope="session")
def sample_photo() -> Path:
    return ROOT / "assets" / "samples" / "dandelion-field.jpg"
