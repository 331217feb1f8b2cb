"""Where file dialogs open, remembered per purpose (drafts, exports, sheets...)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

Standard = QStandardPaths.StandardLocation


def start_folder(settings: QSettings | None, key: str, *also: str | Path | None,
                 standard: Standard = Standard.DocumentsLocation) -> str:
    """The folder last used for ``key``, else the first of ``also`` that exists, else the
    ``standard`` location, else home (a remembered folder on a removed flash drive is
    skipped)."""
    remembered = str(settings.value(key, "") or "") if settings is not None else ""
    candidates = [remembered, *(str(c) if c else "" for c in also),
                  QStandardPaths.writableLocation(standard), str(Path.home())]
    return next((c for c in candidates if c and Path(c).is_dir()), str(Path.home()))


def remember_folder(settings: QSettings | None, key: str, folder: str | Path) -> None:
    if settings is not None:
        settings.setValue(key, str(folder))
