"""Build KontenOPD's one-folder bundle (PyInstaller) for the platform this runs on.

    python packaging/build.py                 # -> dist/KontenOPD-<version>/
    python packaging/build.py --deb           # also dist/kontenopd_<version>_<arch>.deb (Linux)
    python packaging/build.py --smoke         # then run packaging/smoke.py on the bundle

Needs the project and PyInstaller in the running Python (``pip install -e ".[package]"``).
The name and version come from pyproject.toml (through packaging/kontenopd.spec); the
bundle holds the app, its assets (templates, fonts, translations, icons), PySide6-Essentials'
QtCore/QtGui/QtWidgets only, and on Linux a ``share/`` folder with the desktop integration
(``_internal/share/install.sh``). The size is reported at the end (total, the largest files,
the Qt libraries and plugins) and written to ``<dist>/KontenOPD-<version>.size.json``.

On Windows the installer is made from the bundle afterwards with Inno Setup:
``iscc /DAppVersion=<version> packaging\\windows\\kontenopd.iss``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "kontenopd.spec"
NAME = "KontenOPD"
# Debian packages the frozen Qt needs from the system (the README's list, plus X11's xcb bits)
DEB_DEPENDS = ("libc6 (>= 2.31), libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, "
               "libfontconfig1, libfreetype6, libdbus-1-3, libglib2.0-0, libxcb-cursor0, "
               "libxcb-icccm4, libxcb-keysyms1, libxcb-shape0")


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def bundle_dir(dist: Path, version: str) -> Path:
    return dist / f"{NAME}-{version}"


def executable(bundle: Path) -> Path:
    return bundle / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder."""
    version = project()["version"]
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
               "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work),
               str(SPEC)]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    bundle = bundle_dir(dist, version)
    if not executable(bundle).is_file():
        raise SystemExit(f"build.py: PyInstaller made no executable in {bundle}")
    return bundle


def _files(bundle: Path) -> list[tuple[int, str]]:
    out = []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            out.append((path.stat().st_size, path.relative_to(bundle).as_posix()))
    return sorted(out, reverse=True)


def size_report(bundle: Path) -> dict:
    files = _files(bundle)
    total = sum(size for size, _ in files)
    qt = [(s, p) for s, p in files if "PySide6" in p
          and ("Qt6" in p or "/plugins/" in p or p.endswith((".abi3.so", ".pyd")))]
    return {"bundle": bundle.name, "bytes": total, "mb": round(total / 1e6, 1),
            "files": len(files),
            "largest": [{"path": p, "mb": round(s / 1e6, 2)} for s, p in files[:15]],
            "qt": sorted(p for _, p in qt)}


def print_report(report: dict) -> None:
    print(f"\nbundle {report['bundle']}: {report['mb']} MB in {report['files']} files")
    print("largest files:")
    for item in report["largest"]:
        print(f"  {item['mb']:8.2f} MB  {item['path']}")
    print("Qt libraries and plugins:")
    for path in report["qt"]:
        print(f"  {path}")


def _deb_arch() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, "amd64")


def build_deb(bundle: Path, dist: Path) -> Path:
    """A .deb (dpkg-deb) that installs the bundle in /opt/kontenopd, ``kontenopd`` in
    /usr/bin, and the menu entry, metainfo, MIME type and icons under /usr/share (dpkg's
    triggers refresh the desktop, MIME and icon caches)."""
    meta = project()
    version, arch = meta["version"], _deb_arch()
    root = dist / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    opt = root / "opt" / "kontenopd"
    shutil.copytree(bundle, opt, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "kontenopd").symlink_to("../../opt/kontenopd/KontenOPD")
    # The menu entry, metainfo, MIME type and icons the spec put in the bundle's share/ (for
    # install.sh) go to /usr/share instead; install.sh is not needed in a package.
    share = root / "usr" / "share"
    shutil.move(opt / "_internal" / "share", share)
    (share / "install.sh").unlink()
    doc = share / "doc" / "kontenopd"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        f"KontenOPD {version}\nLicense: {meta['license']}\n"
        "Bundled fonts, icons and models keep their own licences: see "
        "/opt/kontenopd/_internal/kontenopd/assets/*/LICENSE* and README.md files.\n",
        encoding="utf-8")
    installed_kb = sum(s for s, _ in _files(root)) // 1024
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: kontenopd\nVersion: {version}\nArchitecture: {arch}\n"
        f"Maintainer: {meta['authors'][0]['name']} <kontenopd@localhost>\n"
        f"Installed-Size: {installed_kb}\nDepends: {DEB_DEPENDS}\n"
        "Section: graphics\nPriority: optional\n"
        f"Description: {meta['description']}\n"
        " Offline desktop app that turns an Indonesian government agency's activity into\n"
        " finished, on-brand social-media posts (PyInstaller bundle in /opt/kontenopd).\n",
        encoding="utf-8")
    for path in root.rglob("*"):  # the modes dpkg-deb wants whatever the umask was
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    out = dist / f"kontenopd_{version}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(root)
    print(f"deb: {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the bundle goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller)")
    parser.add_argument("--deb", action="store_true", help="also build a .deb (Linux, dpkg-deb)")
    parser.add_argument("--smoke", action="store_true",
                        help="run packaging/smoke.py on the bundle afterwards")
    args = parser.parse_args(argv)

    started = time.monotonic()
    bundle = build(args.dist.resolve(), args.work.resolve())
    built = time.monotonic() - started
    report = size_report(bundle)
    report["build_seconds"] = round(built, 1)
    print_report(report)
    deb = None
    if args.deb:
        if not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None:
            raise SystemExit("build.py: --deb needs Linux with dpkg-deb")
        deb = build_deb(bundle, args.dist.resolve())
        report["deb"] = {"path": deb.name, "mb": round(deb.stat().st_size / 1e6, 1)}
    (args.dist / f"{bundle.name}.size.json").write_text(json.dumps(report, indent=2) + "\n",
                                                        encoding="utf-8")
    print(f"built in {built:.0f} s: {executable(bundle)}")
    if args.smoke:
        command = [sys.executable, str(ROOT / "packaging" / "smoke.py"), str(bundle)]
        if deb is not None:
            command += ["--deb", str(deb)]
        return subprocess.run(command, check=False).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
