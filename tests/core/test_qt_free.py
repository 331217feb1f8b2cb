"""The core must never load Qt (STYLE.md rule 1)."""

import pkgutil
import subprocess
import sys

import kontenopd.core


def test_core_modules_do_not_import_pyside6() -> None:
    modules = [f"kontenopd.core.{m.name}" for m in pkgutil.iter_modules(kontenopd.core.__path__)]
    assert "kontenopd.core.render" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import kontenopd.cli\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""
