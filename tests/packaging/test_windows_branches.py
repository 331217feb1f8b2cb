"""Windows-only code paths, run on any system with the platform branch selected explicitly:
the frozen app's spawn start (freeze_support before the app), a windowed build's missing
stdout, user folders, portable mode, atomic replace retries, lock and path checks."""

from __future__ import annotations

import multiprocessing
import multiprocessing.spawn
import os
import runpy
import sys
from pathlib import Path, PureWindowsPath

import pytest

from kontenopd.core import paths
from kontenopd.core.io import atomic
from kontenopd.core.paths import AppPaths, portable_root
from kontenopd.core.store import autosave

LAUNCHER = Path(__file__).resolve().parents[2] / "packaging" / "launcher.py"


class OsAs:
    """The os module as a module sees it on another system: ``name`` replaced, the rest
    delegated (patching os.name itself would turn every new Path into a WindowsPath)."""

    def __init__(self, name: str, **overrides) -> None:
        self.name = name
        self.__dict__.update(overrides)

    def __getattr__(self, attr: str):
        return getattr(os, attr)


@pytest.fixture
def launcher(monkeypatch):
    """packaging/launcher.py as a module, with kontenopd.cli.main recording its calls
    ("main", plus " fast" when a one-shot command may end the process itself)."""
    import kontenopd.cli

    calls: list[str] = []
    monkeypatch.setattr(kontenopd.cli, "main",
                        lambda *, exit_fast=False: calls.append("main" + " fast" * exit_fast)
                        or 0)
    module = runpy.run_path(str(LAUNCHER), run_name="launcher")
    return module, calls


def test_frozen_windows_spawn_child_runs_the_worker_not_the_app(launcher, monkeypatch) -> None:
    """In a frozen Windows app a spawn worker is the executable started again with
    ``--multiprocessing-fork``: freeze_support must hand it to multiprocessing and exit
    before the app (GUI or CLI) starts."""
    module, calls = launcher
    started: list[dict] = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "argv", ["C:\\KontenOPD\\KontenOPD.exe", "--multiprocessing-fork",
                                      "parent_pid=4242", "pipe_handle=816"])
    monkeypatch.setattr(multiprocessing.spawn, "spawn_main", lambda **kw: started.append(kw))
    with pytest.raises(SystemExit):
        module["run"]()
    assert started == [{"parent_pid": 4242, "pipe_handle": 816}]
    assert calls == []  # the app never started in the worker


def test_frozen_windows_app_start_reaches_the_app(launcher, monkeypatch) -> None:
    module, calls = launcher
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "argv", ["C:\\KontenOPD\\KontenOPD.exe", "draf.kontenopd"])
    monkeypatch.setattr(multiprocessing.spawn, "spawn_main",
                        lambda **kw: pytest.fail("not a worker"))
    assert module["run"]() == 0
    assert calls == ["main fast"]


def test_freeze_support_runs_before_the_app_is_imported(launcher, monkeypatch) -> None:
    module, _calls = launcher
    order: list[str] = []
    monkeypatch.setattr(multiprocessing, "freeze_support", lambda: order.append("freeze"))
    monkeypatch.delitem(sys.modules, "kontenopd.cli")
    import kontenopd

    monkeypatch.delattr(kontenopd, "cli")

    class Finder:
        def find_spec(self, name, path=None, target=None):
            if name == "kontenopd.cli":
                order.append("import cli")

    monkeypatch.setattr(sys, "meta_path", [Finder(), *sys.meta_path])
    module["run"]()
    assert order[:2] == ["freeze", "import cli"]


def test_windowed_build_without_stdout_gets_a_null_stream(launcher, monkeypatch) -> None:
    module, _calls = launcher
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    module["_usable_streams"]()
    sys.stderr.write("kontenopd: Qt: a critical message\n")  # would raise on None
    print("and a print")
    assert sys.stdout.name == os.devnull
    sys.stdout.close()
    sys.stderr.close()


def test_windows_user_folders_are_under_local_appdata(monkeypatch) -> None:
    import platformdirs.windows

    monkeypatch.delenv("KONTENOPD_HOME", raising=False)
    folders = {"CSIDL_LOCAL_APPDATA": "C:\\Users\\Ani\\AppData\\Local",
               "CSIDL_APPDATA": "C:\\Users\\Ani\\AppData\\Roaming"}
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    found = AppPaths.default(platform="win32")

    def win(path: Path) -> PureWindowsPath:
        return PureWindowsPath(str(path).replace("/", "\\"))

    assert win(found.data) == PureWindowsPath("C:/Users/Ani/AppData/Local/KontenOPD")
    assert win(found.config) == win(found.data)
    assert win(found.cache).parent == win(found.data)  # ...\KontenOPD\Cache
    linux = AppPaths.default(platform="linux")
    assert linux.data.parts[-2:] == ("share", "KontenOPD")


def test_home_override_wins_over_platform(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("KONTENOPD_HOME", str(tmp_path))
    assert AppPaths.default(platform="win32").data == tmp_path / "data"


@pytest.fixture
def frozen_exe(tmp_path, monkeypatch) -> Path:
    """A frozen KontenOPD.exe in a folder (as on a flash drive)."""
    drive = tmp_path / "E" / "KontenOPD"
    drive.mkdir(parents=True)
    exe = drive / "KontenOPD.exe"
    exe.write_bytes(b"MZ")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("KONTENOPD_HOME", raising=False)
    return exe


def test_portable_mode_keeps_data_beside_the_executable(frozen_exe) -> None:
    assert portable_root() is None  # no marker: the usual folders
    (frozen_exe.parent / paths.PORTABLE_MARKER).write_bytes(b"")
    root = frozen_exe.parent / paths.PORTABLE_DATA
    assert portable_root() == root and root.is_dir()
    found = AppPaths.default()
    assert found.data == root / "data" and found.config == root / "config"
    assert found.autosave == root / "data" / "autosave"


def test_portable_mode_on_a_read_only_drive_uses_the_usual_folders(frozen_exe) -> None:
    (frozen_exe.parent / paths.PORTABLE_MARKER).write_bytes(b"")
    (frozen_exe.parent / paths.PORTABLE_DATA).write_bytes(b"")  # cannot become a folder
    assert portable_root() is None


def test_portable_mode_needs_a_frozen_app(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python.exe"))
    (tmp_path / paths.PORTABLE_MARKER).write_bytes(b"")
    assert portable_root() is None


def test_windows_replace_retries_while_a_scanner_holds_the_file(monkeypatch, tmp_path) -> None:
    """Windows: an antivirus may hold a file for a moment, so os.replace is retried."""
    src, dst = tmp_path / "a.tmp", tmp_path / "a.json"
    src.write_text("baru", encoding="utf-8")
    real_replace = os.replace
    attempts = []

    def busy_twice(a, b):
        attempts.append(a)
        if len(attempts) <= 2:
            raise PermissionError(13, "The process cannot access the file")
        real_replace(a, b)

    monkeypatch.setattr(atomic.time, "sleep", lambda _s: None)
    monkeypatch.setattr(atomic, "os", OsAs("nt", replace=busy_twice))
    atomic._replace(src, dst)
    monkeypatch.setattr(atomic, "os", OsAs("posix", replace=busy_twice))
    assert dst.read_text(encoding="utf-8") == "baru" and len(attempts) == 3
    src.write_text("lagi", encoding="utf-8")
    attempts.clear()
    with pytest.raises(PermissionError):  # elsewhere a denied replace is a real error
        atomic._replace(src, dst)
    assert len(attempts) == 1


def test_windows_paths_compare_without_case(monkeypatch, tmp_path) -> None:
    path = tmp_path / "Draf" / "Apel.kontenopd"
    monkeypatch.setattr(autosave, "os", OsAs("nt"))
    assert autosave._same(str(path).upper(), path)
    monkeypatch.setattr(autosave, "os", OsAs("posix"))
    assert not autosave._same(str(path).upper(), path)


def test_windows_lock_that_cannot_be_probed_counts_as_a_live_session(monkeypatch,
                                                                     tmp_path) -> None:
    """Windows denies opening a lock file another process holds (PermissionError, not
    filelock.Timeout): that session must count as running, so its autosave is kept."""
    lock = tmp_path / "session.lock"
    lock.write_bytes(b"")

    class Denied:
        def __init__(self, *args, **kwargs) -> None:
            pass

        def acquire(self) -> None:
            raise PermissionError(13, "Access is denied")

    assert autosave._session_alive(lock) is False  # free: a crashed session's leftover
    monkeypatch.setattr(autosave, "FileLock", Denied)
    assert autosave._session_alive(lock) is True


def test_windows_always_has_a_display_for_the_gui(monkeypatch) -> None:
    from kontenopd import cli

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    assert cli._has_display()
    monkeypatch.setattr(sys, "platform", "linux")
    assert not cli._has_display()
