"""Regenerate the interface translations.

    python tools/i18n_update.py            # lupdate (keeps existing translations) + lrelease
    python tools/i18n_update.py --check    # exit 1 if kontenopd_en.ts is not up to date

kontenopd_en.ts: the UI strings (Bahasa Indonesia is the source language) with English
translations; edit it with pyside6-linguist or a text editor, then run this script.
qt_id.ts: Indonesian for the strings of Qt's own dialogs and menus (Qt ships no qtbase_id),
maintained by hand. Both compile to .qm next to them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "assets" / "i18n"
SOURCES = sorted((ROOT / "src" / "kontenopd" / "ui").rglob("*.py"))
APP_TS = HERE / "kontenopd_en.ts"


def tool(name: str) -> str:
    """pyside6-NAME on PATH, or beside this interpreter (a venv whose scripts folder is not
    on PATH)."""
    found = shutil.which(f"pyside6-{name}") or shutil.which(
        f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"pyside6-{name} tidak ditemukan (pasang PySide6).")
    return found


def lupdate(target: Path) -> None:
    subprocess.run([tool("lupdate"), *map(str, SOURCES), "-no-obsolete", "-locations",
                    "none", "-source-language", "id", "-target-language", "en", "-ts",
                    str(target)], check=True, capture_output=True)


def messages(ts: Path) -> set[tuple[str, str, str]]:
    """(context, source, translation state and text) of every message in a .ts file."""
    root = ET.parse(ts).getroot()
    found = set()
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            state = translation.get("type", "") if translation is not None else "missing"
            text = translation.text if translation is not None else None
            found.add((context.findtext("name") or "", message.findtext("source") or "",
                       f"{state}:{text or ''}"))
    return found


def main() -> int:
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / APP_TS.name
            shutil.copyfile(APP_TS, copy)
            lupdate(copy)
            fresh, kept = messages(copy), messages(APP_TS)
        # Compared by content, not bytes: lupdate's XML layout differs between Qt releases.
        for label, names in (("new", fresh - kept), ("gone", kept - fresh)):
            for context, source, translation in sorted(names):
                print(f"{label}: [{context}] {source!r} -> {translation!r}")
        same = fresh == kept
        print("kontenopd_en.ts up to date" if same else "kontenopd_en.ts is out of date")
        return 0 if same else 1
    lupdate(APP_TS)
    for ts in sorted(HERE.glob("*.ts")):
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True, capture_output=True)
        print(f"{ts.name} -> {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
