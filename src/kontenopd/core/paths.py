"""Where bundled assets and user data live.

Assets resolve in a source checkout, an installed wheel (package data) and a PyInstaller
bundle; user folders come from platformdirs, overridable with ``KONTENOPD_HOME`` for tests
and portable installs. Nothing here creates folders at import time.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

APP_NAME = "KontenOPD"
HOME_ENV = "KONTENOPD_HOME"


@cache
def assets_dir() -> Path:
    """The folder holding templates/, fonts/ and profiles/."""
    here = Path(__file__).resolve().parent.parent  # .../kontenopd
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates += [Path(bundle) / "kontenopd" / "assets", Path(bundle) / "assets"]
    candidates += [here / "assets", here.parent.parent / "assets"]
    for candidate in candidates:
        if (candidate / "templates").is_dir():
            return candidate
    raise FileNotFoundError("Folder aset KontenOPD tidak ditemukan; instalasi tidak lengkap.")


def templates_dir() -> Path:
    return assets_dir() / "templates"


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


@dataclass(frozen=True)
class AppPaths:
    """User folders. Build once at start-up and pass it where it is needed."""

    config: Path
    data: Path
    cache: Path

    @classmethod
    def default(cls) -> AppPaths:
        home = os.environ.get(HOME_ENV)
        if home:
            root = Path(home)
            return cls(config=root / "config", data=root / "data", cache=root / "cache")
        import platformdirs  # noqa: PLC0415 - only needed when no override is set

        return cls(
            config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @property
    def profiles(self) -> Path:
        return self.config / "profiles"

    @property
    def autosave(self) -> Path:
        return self.data / "autosave"
