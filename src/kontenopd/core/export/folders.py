"""The export's folders: a post's name (``<date>_<slug>``, ``-2``, ``-3``... never a folder
that exists), the hidden partial folder it is written in, and its rename into place."""

from __future__ import annotations

import os
import shutil
import time
from datetime import date
from pathlib import Path

from ..errors import KontenError
from ..model.records import Draft
from ..template.schema import Template

PARTIAL_PREFIX = ".kontenopd-partial-"
STALE_PARTIAL_SECONDS = 6 * 3600


def post_date(today: date | None) -> str:
    return (today or date.today()).isoformat()


def activity_date(template: Template, draft: Draft) -> str | None:
    """The date of the activity (the template's first date field, when it holds one), so
    an export folder is named by the day it happened, not the day it was exported."""
    from ..model.dates import parse_date  # noqa: PLC0415

    for f in template.fields:
        if f.type != "date":
            continue
        value = draft.values.get(f.key)
        if value in (None, ""):
            continue
        try:
            return parse_date(value).isoformat()
        except (KontenError, ValueError, TypeError):
            return None
    return None


def reserve_name(out_dir: Path, base: str, taken: set[str], suffix: str = "") -> str:
    """``base``, or ``base-2``, ``base-3``... : never a name reserved, nor one whose folder
    (or, with ``suffix``, whose ``name + suffix`` file) already exists in ``out_dir``."""
    name, n = base, 1
    while name in taken or (out_dir / f"{name}{suffix}").exists():
        n += 1
        name = f"{base}-{n}"
    taken.add(name)
    return name


def clean_stale_partials(out_dir: Path) -> None:
    """Partial folders left by a crash (hours old) are removed; fresh ones may be in use."""
    try:
        entries = list(out_dir.iterdir())
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if entry.name.startswith(PARTIAL_PREFIX) and entry.is_dir():
            try:
                if now - entry.stat().st_mtime > STALE_PARTIAL_SECONDS:
                    shutil.rmtree(entry, ignore_errors=True)
            except OSError:
                pass


def rename_dir(source: Path, target: Path, attempts: int = 5) -> None:
    """Rename a finished post folder into place; retried briefly, because on Windows a virus
    scanner or the thumbnail cache may still hold a file that was just written."""
    for attempt in range(attempts):
        try:
            os.rename(source, target)
            return
        except PermissionError:
            if attempt == attempts - 1 or target.exists():
                raise
            time.sleep(0.2 * (attempt + 1))


def write_text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:  # native line ends (Notepad on Windows)
        handle.write(text if text.endswith("\n") else text + "\n")
        handle.flush()
        os.fsync(handle.fileno())
