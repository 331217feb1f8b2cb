"""The one atomic file writer: a file on disk is always either the old or the new version.

Drafts, the queue, autosaves, CLI reports, finished images and profiles all write through
:func:`atomic_write`; each caller words its own error message (see :class:`WriteErrors`).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

BACKUP_SUFFIX = ".bak"

# Builds the exception raised for an OSError; it is raised while the OSError is being
# handled (``from None``), so the OSError stays reachable as ``__context__``.
ErrorFactory = Callable[[Path, OSError], BaseException]


@dataclass(frozen=True)
class WriteErrors:
    """How a caller words :func:`atomic_write`'s failures; without a factory the OSError
    itself is raised."""

    folder: ErrorFactory | None = None  # creating the folder or the temporary file in it
    write: ErrorFactory | None = None  # writing, syncing or renaming the temporary file


def atomic_write(path: str | Path, write: Callable[[IO[bytes]], object], *,
                 backup: bool = False, prefix: str | None = None, suffix: str = ".tmp",
                 mode: int | None = 0o644, errors: WriteErrors | None = None) -> Path:
    """Write a file so that ``path`` is always either the old or the new complete file.

    ``write`` fills a temporary file (``prefix`` + random + ``suffix``) in the same folder
    (created if missing); it is flushed, fsynced, given ``mode`` (``None``: left as mkstemp's
    0600; ignored on Windows), and renamed over ``path``, then the folder is fsynced. With the
    default ``prefix`` (``.<name>.``), temporary files an interrupted write of the same name
    left behind are removed first. With ``backup``, the previous file is kept as
    ``<path>.bak`` (a hard link where the file system allows, else a copy).

    An OSError creating the temporary file goes through ``errors.folder``, one while writing
    or renaming through ``errors.write``; without a factory the OSError itself is raised. The
    temporary file never outlives a failure, whatever the exception.
    """
    errors = errors or WriteErrors()
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if prefix is None:
            prefix = f".{path.name}."
            if suffix == ".tmp":
                _clean_stale_temps(folder, path.name)
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    except OSError as exc:
        if errors.folder is None:
            raise
        raise errors.folder(folder, exc) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None and os.name != "nt":
            os.chmod(tmp, mode)  # mkstemp creates 0600; the user may share the folder
        if backup and path.is_file():
            _make_backup(path)
        _replace(tmp, path)
        _fsync_dir(folder)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if errors.write is None:
            raise
        raise errors.write(path, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _replace(src: Path, dst: Path) -> None:
    for attempt in range(6):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            # Windows: an antivirus or indexer may hold the file for a moment.
            if os.name != "nt" or attempt == 5:
                raise
            time.sleep(0.1 * (attempt + 1))


def _make_backup(path: Path) -> None:
    """Keep the current file as <path>.bak. Failing to make a backup never blocks a save."""
    bak = backup_path(path)
    tmp = bak.with_name(f".{bak.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tmp.unlink(missing_ok=True)
        try:
            os.link(path, tmp)  # the old file is never modified in place, so a link is enough
        except (OSError, NotImplementedError, AttributeError):
            with open(path, "rb") as src, open(tmp, "wb") as dst:
                shutil.copyfileobj(src, dst, 1024 * 1024)
                dst.flush()
                os.fsync(dst.fileno())
        _replace(tmp, bak)
    except OSError:
        tmp.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _clean_stale_temps(folder: Path, name: str, max_age: float = 600.0) -> None:
    """Remove temporary files an interrupted write of ``name`` left behind."""
    now = time.time()
    try:
        candidates = list(folder.glob(f".{glob_escape(name)}.*.tmp"))
    except OSError:
        return
    for candidate in candidates:
        try:
            if now - candidate.stat().st_mtime > max_age:
                candidate.unlink()
        except OSError:
            pass


__all__ = ["BACKUP_SUFFIX", "WriteErrors", "atomic_write", "backup_path", "glob_escape"]
