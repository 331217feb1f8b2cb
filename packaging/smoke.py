"""Smoke-test a frozen KontenOPD bundle (made by packaging/build.py), headless and offline.

    python packaging/smoke.py dist/KontenOPD-<version> [--deb dist/kontenopd_<v>_<arch>.deb]

Runs the bundle's executable, never the source tree, with HOME and the XDG folders moved to
a temporary folder, and checks results, not just exit codes:

1. the bundle holds the Qt platform plugins it needs (offscreen; xcb and wayland on Linux,
   windows on Windows) and, on Linux, no Qt plugin misses a library (ldd);
2. ``--version`` and ``templates`` work;
3. ``render`` writes a 1080x1350 JPEG (4:5) using a bundled sample photo;
4. two drafts made with ``draft --profile`` (a real, non-demo profile) are exported with
   ``export --jobs 2``: the spawn pool's workers really start (on Linux their command lines
   are seen in /proc) and the export writes 2 posts x 2 formats = 4 images, captions and a
   manifest per post listing them;
5. the main window starts (QT_QPA_PLATFORM=offscreen), closes itself (the launcher's
   KONTENOPD_SMOKE_QUIT_MS hook), exits 0 with no traceback, and kept its settings in the
   user's config folder;
6. portable mode: with ``kontenopd-portable.txt`` beside the executable the window start
   writes its settings into ``KontenOPD-data`` beside it and nothing into HOME (the marker and
   the folder are removed afterwards);
7. Linux: ``share/install.sh`` installs the .desktop file, metainfo, MIME type and icons
   into an XDG data folder and ``--uninstall`` removes them; with ``--deb``, the package's
   contents are checked and its extracted ``/usr/bin/kontenopd`` runs.

Exit status 0 when every check passed; each failure is printed as ``FAIL: ...``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image  # the project's Python runs this script (pip install -e ".[package]")

APP_ID = "id.go.kontenopd.KontenOPD"
PORTABLE_MARKER = "kontenopd-portable.txt"  # kontenopd.core.paths.PORTABLE_MARKER
PORTABLE_DATA = "KontenOPD-data"  # kontenopd.core.paths.PORTABLE_DATA
LINUX = sys.platform.startswith("linux")
WINDOWS = sys.platform == "win32"
TIMEOUT = 180


class SmokeError(Exception):
    pass


def check(condition: object, message: str) -> None:
    if not condition:
        raise SmokeError(message)


class Smoke:
    def __init__(self, bundle: Path, deb: Path | None) -> None:
        self.bundle = bundle.resolve()
        self.exe = self.bundle / ("KontenOPD.exe" if WINDOWS else "KontenOPD")
        self.internal = self.bundle / "_internal"
        self.deb = deb
        self.tmp = Path(tempfile.mkdtemp(prefix="kontenopd-smoke-"))
        self.home = self.tmp / "home"
        self.failures: list[str] = []
        self.timings: list[tuple[str, float]] = []

    # ------------------------------------------------------------------ running the app

    def env(self, home: Path | None = None, **extra: str) -> dict[str, str]:
        """A clean environment: user folders under ``home``, offscreen Qt, no override."""
        home = home or self.home
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("KONTENOPD_", "XDG_", "QT_", "PYTHON"))}
        env.update(HOME=str(home), USERPROFILE=str(home), QT_QPA_PLATFORM="offscreen",
                   XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
                   XDG_CACHE_HOME=str(home / ".cache"), XDG_STATE_HOME=str(home / ".local/state"),
                   XDG_RUNTIME_DIR=str(self.tmp / "runtime"))
        if WINDOWS:
            env.update(APPDATA=str(home / "AppData" / "Roaming"),
                       LOCALAPPDATA=str(home / "AppData" / "Local"))
        (self.tmp / "runtime").mkdir(mode=0o700, exist_ok=True)
        home.mkdir(parents=True, exist_ok=True)
        env.update(extra)
        return env

    def run(self, *args: str, env: dict[str, str] | None = None, exe: Path | None = None,
            watch: list[str] | None = None) -> subprocess.CompletedProcess[str]:
        """Run the bundle's executable; ``watch`` collects its children's command lines."""
        command = [str(exe or self.exe), *args]
        process = subprocess.Popen(command, env=env or self.env(), cwd=self.tmp,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   encoding="utf-8", errors="replace")
        watcher = None
        if watch is not None and LINUX:
            watcher = threading.Thread(target=_watch_children, args=(process, watch), daemon=True)
            watcher.start()
        try:
            out, err = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
            raise SmokeError(f"{' '.join(args)}: no exit within {TIMEOUT} s\n"
                             f"{err[-2000:]}") from None
        if watcher is not None:
            watcher.join(timeout=5)
        check("Traceback" not in err, f"{' '.join(args[:2])}: traceback on stderr:\n{err}")
        return subprocess.CompletedProcess(command, process.returncode, out, err)

    def ok(self, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
        result = self.run(*args, **kwargs)  # type: ignore[arg-type]
        check(result.returncode == 0,
              f"{' '.join(args[:2])}: exit {result.returncode}\n{result.stderr[-3000:]}")
        return result

    # ------------------------------------------------------------------ the checks

    def test_contents(self) -> None:
        check(self.exe.is_file(), f"no executable {self.exe}")
        platforms = next(self.bundle.rglob("plugins/platforms"), None)
        check(platforms is not None, "no Qt platform plugins folder in the bundle")
        names = {p.name for p in platforms.iterdir()}  # type: ignore[union-attr]
        wanted = ({"libqoffscreen.so", "libqxcb.so", "libqwayland.so"} if LINUX
                  else {"qoffscreen.dll", "qwindows.dll"} if WINDOWS else set())
        check(wanted <= names, f"platform plugins missing: {sorted(wanted - names)}")
        check(not names & {"libqvnc.so", "libqlinuxfb.so", "libqeglfs.so"},
              f"unused platform plugins kept: {sorted(names)}")
        for unused in ("QtNetwork", "QtQml", "QtQuick", "QtPdf", "QtWebEngineCore", "QtSvg"):
            found = list(self.bundle.rglob(f"{unused}.*"))
            check(not found, f"unused Qt module bundled: {found}")
        check((self.internal / "kontenopd" / "assets" / "i18n" / "kontenopd_en.qm").is_file(),
              "translations missing")
        check(list((self.internal / "kontenopd" / "assets" / "fonts").rglob("*.ttf")),
              "fonts missing")
        if LINUX and shutil.which("ldd"):
            env = dict(os.environ, LD_LIBRARY_PATH=str(self.internal))
            plugins = list(platforms.parent.rglob("*.so"))  # type: ignore[union-attr]
            missing = []
            for plugin in plugins:
                out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True,
                                     env=env, check=False).stdout
                missing += [f"{plugin.name}: {line.strip()}" for line in out.splitlines()
                            if "not found" in line]
            # Qt's own libraries must come with the bundle; system ones (libwayland-*,
            # libvulkan...) come from the desktop and may be absent on a build server
            qt_missing = sorted({m for m in missing if ": libQt6" in m})
            check(not qt_missing, "Qt plugins miss Qt libraries:\n" + "\n".join(qt_missing))
            system = sorted({m.split(": ", 1)[1].split()[0] for m in missing})
            if system:
                print(f"note: system libraries absent here (the desktop provides them): "
                      f"{', '.join(system)}")

    def test_version(self) -> None:
        result = self.ok("--version")
        if not WINDOWS:  # a windowed Windows build has no stdout to read
            check(result.stdout.startswith("kontenopd "), f"--version said {result.stdout!r}")
            listing = self.ok("templates", "--json").stdout
            ids = {t["id"] for t in json.loads(listing)}
            check("liputan-kegiatan" in ids, f"templates: {sorted(ids)}")

    def sample_photo(self) -> Path:
        photo = self.internal / "kontenopd" / "assets" / "samples" / "dandelion-field.jpg"
        check(photo.is_file(), f"bundled sample photo missing: {photo}")
        return photo

    def test_render(self) -> None:
        out = self.tmp / "render" / "kartu.jpg"
        out.parent.mkdir()
        self.ok("render", "liputan-kegiatan", "--format", "4:5",
                "--set", "judul=Apel Pagi Bersama Bupati", "--set", "tanggal=2026-12-01",
                "--photo", f"foto={self.sample_photo()}", "-o", str(out))
        with Image.open(out) as img:
            check(img.format == "JPEG" and img.size == (1080, 1350),
                  f"render: {img.format} {img.size}, expected JPEG (1080, 1350)")
            img.load()

    def test_export(self) -> None:
        work = self.tmp / "export"
        work.mkdir()
        profile = work / "profil.json"
        profile.write_text(json.dumps({
            "pemda_name": "Pemerintah Kabupaten Uji", "opd_name": "Dinas Komunikasi Uji",
            "opd_short": "Diskominfo", "city": "Uji",
            "handles": {"instagram": "diskominfouji"}}), encoding="utf-8")
        drafts = []
        for n in (1, 2):
            draft = work / f"draf{n}.kontenopd"
            self.ok("draft", "liputan-kegiatan", "--set", f"judul=Apel Pagi Nomor {n}",
                    "--set", f"tanggal=2026-12-0{n}", "--photo", f"foto={self.sample_photo()}",
                    "--profile", str(profile), "--format", "4:5", "--format", "1:1",
                    "-o", str(draft))
            check(draft.is_file(), f"draft {draft.name} not written")
            drafts.append(str(draft))
        children: list[str] = []
        out = work / "hasil"
        self.ok("export", *drafts, "-o", str(out), "--jobs", "2", watch=children)
        if LINUX:
            workers = [c for c in children if "spawn_main" in c or "multiprocessing-fork" in c]
            check(len(workers) >= 2, f"export --jobs 2 started {len(workers)} spawn workers; "
                                     f"children seen: {children}")
        posts = sorted(p for p in out.iterdir() if p.is_dir())
        check(len(posts) == 2, f"export wrote {len(posts)} post folders, expected 2")
        images = sorted(out.rglob("*.jpg"))
        check(len(images) == 4, f"export wrote {len(images)} images, expected 4")
        sizes = set()
        for image in images:
            with Image.open(image) as img:
                sizes.add(img.size)
        check(sizes == {(1080, 1350), (1080, 1080)}, f"export image sizes {sizes}")
        for post in posts:
            manifest = json.loads((post / "manifest.json").read_text(encoding="utf-8"))
            listed = {f["file"] for f in manifest["files"] if f.get("type") == "image"}
            check(listed == {p.name for p in post.glob("*.jpg")},
                  f"{post.name}/manifest.json lists {sorted(listed)}")
            check((post / "caption_instagram.txt").is_file(), f"{post.name}: no caption")
        check(not list(out.glob(".*")), f"leftover partial folders: {list(out.glob('.*'))}")

    def window(self, home: Path) -> subprocess.CompletedProcess[str]:
        log = self.tmp / f"window-{home.name}.log"
        extra = {"KONTENOPD_SMOKE_QUIT_MS": "1500", "KONTENOPD_SMOKE_LOG": str(log)}
        if not WINDOWS:
            extra["DISPLAY"] = ":0"  # the CLI starts the GUI only "with a display"; Qt is offscreen
        result = self.ok(env=self.env(home, **extra))
        said = log.read_text(encoding="utf-8") if log.is_file() else ""
        check("smoke: window" in said and "shown=True" in said,
              f"the main window did not show: {said!r}; stdout {result.stdout!r} "
              f"stderr {result.stderr!r}")
        check(not list(self.tmp.glob("kontenopd-demo.jpg")),
              "the GUI start made the no-display demo card instead of a window")
        return result

    def test_window(self) -> None:
        home = self.tmp / "home-window"
        self.window(home)
        if LINUX:
            check((home / ".config" / "KontenOPD" / "kontenopd.ini").is_file(),
                  f"the window kept no settings in XDG_CONFIG_HOME: {_tree(home)}")

    def test_portable(self) -> None:
        marker = self.bundle / PORTABLE_MARKER
        data = self.bundle / PORTABLE_DATA
        check(not data.exists(), f"{data} exists before the test")
        home = self.tmp / "home-portable"
        marker.write_bytes(b"")
        try:
            self.window(home)
            check((data / "config" / "kontenopd.ini").is_file(),
                  f"portable mode wrote no settings beside the executable: {_tree(data)}")
            leaked = [p for p in home.rglob("*") if "kontenopd" in p.name.lower()]
            check(not leaked, f"portable mode wrote into HOME: {leaked}")
        finally:
            marker.unlink(missing_ok=True)
            shutil.rmtree(data, ignore_errors=True)

    def test_desktop_install(self) -> None:
        if not LINUX:
            return
        script = self.internal / "share" / "install.sh"
        check(script.is_file(), "share/install.sh missing from the bundle")
        dest = self.tmp / "xdg-data"
        env = dict(os.environ, XDG_DATA_HOME=str(dest))
        env.pop("PREFIX", None)
        subprocess.run(["sh", str(script)], env=env, check=True, stdout=subprocess.DEVNULL)
        desktop = dest / "applications" / f"{APP_ID}.desktop"
        check(desktop.is_file(), "install.sh installed no .desktop file")
        check(f'Exec="{self.exe}" %f' in desktop.read_text(encoding="utf-8"),
              f"the installed .desktop file does not start the bundle:\n{desktop.read_text()}")
        for path in (f"metainfo/{APP_ID}.metainfo.xml", "mime/packages/kontenopd-mime.xml",
                     f"icons/hicolor/256x256/apps/{APP_ID}.png",
                     f"icons/hicolor/48x48/apps/{APP_ID}.png"):
            check((dest / path).is_file(), f"install.sh did not install {path}")
        if shutil.which("update-mime-database"):
            globs = (dest / "mime" / "globs2").read_text(encoding="utf-8")
            check("application/x-kontenopd:*.kontenopd" in globs, "MIME type not registered")
        subprocess.run(["sh", str(script), "--uninstall"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        check(not desktop.exists() and not list(dest.rglob(f"{APP_ID}*")),
              "install.sh --uninstall left files behind")

    def test_deb(self) -> None:
        if self.deb is None:
            return
        listing = subprocess.run(["dpkg-deb", "--contents", str(self.deb)], capture_output=True,
                                 text=True, check=True).stdout
        for path in ("./opt/kontenopd/KontenOPD", "./usr/bin/kontenopd",
                     f"./usr/share/applications/{APP_ID}.desktop",
                     f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
                     "./usr/share/mime/packages/kontenopd-mime.xml",
                     f"./usr/share/icons/hicolor/256x256/apps/{APP_ID}.png"):
            check(path in listing, f".deb lacks {path}")
        fields = subprocess.run(["dpkg-deb", "--field", str(self.deb)], capture_output=True,
                                text=True, check=True).stdout
        check("Package: kontenopd" in fields and "Depends:" in fields, f"control: {fields}")
        root = self.tmp / "deb"
        subprocess.run(["dpkg-deb", "-x", str(self.deb), str(root)], check=True)
        result = self.ok("--version", exe=root / "usr" / "bin" / "kontenopd")
        check(result.stdout.startswith("kontenopd "),
              f"the .deb's kontenopd said {result.stdout!r}")

    # ------------------------------------------------------------------ driver

    def step(self, name: str, test: Callable[[], None]) -> None:
        started = time.monotonic()
        try:
            test()
            status = "ok"
        except (SmokeError, OSError, subprocess.CalledProcessError, ValueError, KeyError) as exc:
            status = "FAIL"
            self.failures.append(f"{name}: {exc}")
            print(f"FAIL: {name}: {exc}", file=sys.stderr, flush=True)
        seconds = time.monotonic() - started
        self.timings.append((name, seconds))
        print(f"{status:4} {name} ({seconds:.1f} s)", flush=True)

    def main(self) -> int:
        started = time.monotonic()
        try:
            for name in ("contents", "version", "render", "export", "window", "portable",
                         "desktop_install", "deb"):
                self.step(name, getattr(self, f"test_{name}"))
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)
        total = time.monotonic() - started
        print(f"smoke: {len(self.timings) - len(self.failures)}/{len(self.timings)} checks "
              f"passed in {total:.1f} s ({self.bundle.name})")
        return 1 if self.failures else 0


def _watch_children(process: subprocess.Popen[str], seen: list[str]) -> None:
    """Record the command lines of ``process``'s children (Linux /proc) until it exits. A
    child is read again on every pass: just after fork, before its exec, it still shows the
    parent's command line."""
    pid = str(process.pid)
    latest: dict[str, str] = {}
    while process.poll() is None:
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                ppid = (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
                if ppid != pid:
                    continue
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except (OSError, IndexError, UnicodeDecodeError):
                continue
            if cmdline.strip():
                latest[entry.name] = cmdline.strip()
        time.sleep(0.02)
    seen.extend(latest.values())


def _tree(folder: Path) -> list[str]:
    if not folder.exists():
        return [f"{folder} does not exist"]
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))[:40]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("bundle", type=Path, help="the bundle folder, dist/KontenOPD-<version>")
    parser.add_argument("--deb", type=Path, help="also check this .deb (Linux)")
    args = parser.parse_args(argv)
    return Smoke(args.bundle, args.deb).main()


if __name__ == "__main__":
    sys.exit(main())
