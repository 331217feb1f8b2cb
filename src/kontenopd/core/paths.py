"""Where bundled assets and user data live.

Assets resolve in a source checkout, an installed wheel (package data) and a PyInstaller
bundle; user folders come from platformdirs, overridable with ``KONTENOPD_HOME`` for tests,
or beside the executable in portable mode (a marker file). Nothing here creates folders at
import time.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from platformdirs.api import PlatformDirsABC

APP_NAME = "KontenOPD"
HOME_ENV = "KONTENOPD_HOME"
# Portable mode: this file beside KontenOPD.exe keeps settings, profiles and drafts in a
# folder beside it (PORTABLE_DATA), for admins who carry the app on a flash drive.
PORTABLE_MARKER = "kontenopd-portable.txt"
PORTABLE_DATA = "KontenOPD-data"


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".kontenopd-write-test"
        probe.write_bytes(b"")
        probe.unlink()
        return True
    except OSError:
        return False


def portable_root(executable: str | Path | None = None) -> Path | None:
    """The portable data folder, when the marker file lies beside the frozen app's
    executable (or beside ``executable``) and that place can be written; else None."""
    if executable is None:
        if not getattr(sys, "frozen", False):  # a source checkout or a pip install
            return None
        executable = sys.executable
    folder = Path(executable).resolve().parent
    if not (folder / PORTABLE_MARKER).is_file():
        return None
    root = folder / PORTABLE_DATA
    return root if _writable(root) else None  # a read-only drive: the usual folders


def _platform_dirs(platform: str | None = None) -> PlatformDirsABC:
    """platformdirs' folders for this system, or for ``platform`` when given: on Windows
    %LOCALAPPDATA%\\KontenOPD (data and config; the installer never deletes it), on Linux
    ~/.local/share/KontenOPD and ~/.config/KontenOPD, on macOS ~/Library/Application Support."""
    import platformdirs  # noqa: PLC0415 - only needed when no override is set

    if platform is None:
        return platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    if platform == "win32":
        from platformdirs.windows import Windows  # noqa: PLC0415

        return Windows(APP_NAME, appauthor=False)
    if platform == "darwin":
        from platformdirs.macos import MacOS  # noqa: PLC0415

        return MacOS(APP_NAME, appauthor=False)
    from platformdirs.unix import Unix  # noqa: PLC0415

    return Unix(APP_NAME, appauthor=False)


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
    def default(cls, executable: str | Path | None = None,
                platform: str | None = None) -> AppPaths:
        """``KONTENOPD_HOME`` if set, else the portable folder (see :func:`portable_root`),
        else the platform's user folders (``platform``: a ``sys.platform`` value, for tests
        of another system's folders; None: this one)."""
        home = os.environ.get(HOME_ENV)
        root = Path(home) if home else portable_root(executable)
        if root is not None:
            return cls(config=root / "config", data=root / "data", cache=root / "cache")
        dirs = _platform_dirs(platform)
        return cls(config=Path(dirs.user_config_dir), data=Path(dirs.user_data_dir),
                   cache=Path(dirs.user_cache_dir))

    @property
    def profiles(self) -> Path:
        return self.config / "profiles"

    @property
    def bulk_columns(self) -> Path:
        """Bulk create's remembered column choices per template (core/bulk.py)."""
        return self.config / "bulk_columns.json"

    @property
    def autosave(self) -> Path:
        return self.data / "autosave"
