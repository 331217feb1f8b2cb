"""The real app starts, is used, and quits cleanly in a fresh interpreter: exit status 0,
nothing on stderr (no "Fatal Python error ... finalizing"), nothing written outside its own
folders. Ten start/quit cycles, the first of them a first start through the welcome wizard."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import kontenopd

DRIVER = Path(__file__).resolve().parent / "scripts" / "drive_app.py"
CYCLES = 10


def run_app(home: Path, app_home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "USERPROFILE": str(home),  # Windows' HOME
        "QT_QPA_PLATFORM": "offscreen",
        "KONTENOPD_HOME": str(app_home),
        "LANG": "C.UTF-8",
        # the kontenopd under test, also when the installed one is another checkout's
        "PYTHONPATH": str(Path(kontenopd.__file__).resolve().parents[1]),
    }
    if "SYSTEMROOT" in os.environ:  # Windows cannot start Python without it
        env["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    return subprocess.run([sys.executable, str(DRIVER)], env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def test_app_starts_and_quits_cleanly_ten_times(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    app_home = tmp_path / "kontenopd-home"
    for cycle in range(CYCLES):
        result = run_app(home, app_home)
        assert (result.returncode, result.stderr) == (0, ""), f"cycle {cycle + 1}"
        if cycle == 0:  # the first start made a real profile through the welcome wizard
            stored = list((app_home / "config" / "profiles").glob("*/profile.json"))
            assert len(stored) == 1 and "Mojokerto" in stored[0].read_text(encoding="utf-8")
    # Qt's own settings (file-dialog history) landed in the app's folder, nothing in HOME.
    assert (app_home / "config" / "qt" / "QtProject.conf").is_file()
    assert sorted(p.relative_to(home) for p in home.rglob("*")) == []
    # The Qt messages of the offscreen plugin went to the log, not to the terminal.
    assert (app_home / "data" / "qt-messages.log").is_file()
