"""Portable mode: with kontenopd-portable.txt beside the executable, settings, profiles and
drafts live in KontenOPD-data beside it (a flash drive); without it, or when that place is
read-only, the usual user folders; KONTENOPD_HOME still wins."""

from __future__ import annotations

import os
import sys

import pytest

from kontenopd.core.paths import PORTABLE_DATA, PORTABLE_MARKER, AppPaths, portable_root


@pytest.fixture
def drive(tmp_path, monkeypatch):
    monkeypatch.delenv("KONTENOPD_HOME", raising=False)
    folder = tmp_path / "FLASHDISK" / "KontenOPD"
    folder.mkdir(parents=True)
    exe = folder / "KontenOPD.exe"
    exe.write_bytes(b"")
    return exe


def test_the_marker_puts_every_user_folder_beside_the_executable(drive):
    (drive.parent / PORTABLE_MARKER).write_text("", encoding="utf-8")
    paths = AppPaths.default(executable=drive)
    root = drive.parent / PORTABLE_DATA
    assert (paths.config, paths.data, paths.cache) == (root / "config", root / "data",
                                                       root / "cache")
    assert paths.profiles == root / "config" / "profiles"
    assert paths.autosave == root / "data" / "autosave"


def test_without_the_marker_the_usual_folders(drive):
    assert portable_root(drive) is None
    paths = AppPaths.default(executable=drive)
    assert PORTABLE_DATA not in str(paths.config)


def test_kontenopd_home_wins_over_the_marker(drive, tmp_path, monkeypatch):
    (drive.parent / PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setenv("KONTENOPD_HOME", str(tmp_path / "rumah"))
    assert AppPaths.default(executable=drive).data == tmp_path / "rumah" / "data"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="needs a folder the user cannot write (root can write anywhere)")
def test_a_read_only_drive_falls_back_to_the_usual_folders(drive):
    (drive.parent / PORTABLE_MARKER).write_text("", encoding="utf-8")
    drive.parent.chmod(0o555)
    try:
        assert portable_root(drive) is None
    finally:
        drive.parent.chmod(0o755)


def test_a_source_checkout_is_never_portable(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert portable_root() is None
