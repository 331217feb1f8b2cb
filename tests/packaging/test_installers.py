"""The shipping files, checked without building: the PyInstaller spec, the Inno Setup script
and the GitHub workflow reference only files that exist (or that packaging/build.py makes),
the installer is per user and keeps the user's data, and the spec keeps what the app loads."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path, PurePath, PureWindowsPath

import pytest
import tomllib

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ISS = PACKAGING / "windows" / "kontenopd.iss"
SPEC = PACKAGING / "kontenopd.spec"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "version"]

# packaging/build.py, under a name of its own (PyPA's "build" may be installed too)
_spec = importlib.util.spec_from_file_location("kontenopd_packaging_build",
                                               PACKAGING / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


# ---------------------------------------------------------------- Inno Setup


def iss_sections(text: str) -> dict[str, list[str]]:
    """[Section] -> its lines, comments and blank lines dropped, #define'd names expanded."""
    defines: dict[str, str] = {}
    for name, value in re.findall(r'^\s*#define\s+(\w+)\s+(.+)$', text, flags=re.M):
        # "a" + Name + "b" concatenations, as ISPP evaluates them
        parts = [p.strip() for p in value.split("+")]
        defines[name] = "".join(p.strip('"') if p.startswith('"') else defines[p]
                                for p in parts)
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            sections.setdefault(current, [])
            continue
        assert current is not None, f"line outside a section: {line}"
        line = re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], line)
        sections[current].append(line)
    return sections


def iss_entries(lines: list[str]) -> list[dict[str, str]]:
    """'Name: "x"; Flags: a b' lines -> dicts (quoted values unquoted, "" -> ")."""
    entries = []
    for line in lines:
        fields = {}
        for key, raw in re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]+)', line):
            value = raw.strip()
            if value.startswith('"'):
                value = value[1:-1].replace('""', '"')
            fields[key] = value
        entries.append(fields)
    return entries


@pytest.fixture(scope="module")
def iss() -> dict[str, list[str]]:
    return iss_sections(ISS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def setup(iss) -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss["Setup"])


def test_iss_installs_per_user_without_admin_rights(setup) -> None:
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # no "install for all" prompt
    # {autopf} is %LOCALAPPDATA%\Programs in a per-user install ({userpf} always is)
    assert setup["DefaultDirName"].split("\\")[0] in ("{autopf}", "{userpf}")
    assert setup["ChangesAssociations"] == "yes"
    assert setup["AppVersion"] == VERSION  # the default; CI passes /DAppVersion= anyway


def test_iss_start_menu_entry_runs_the_bundles_executable(iss) -> None:
    icons = iss_entries(iss["Icons"])
    menu = [i for i in icons if i["Name"].startswith(("{autoprograms}", "{group}",
                                                      "{userprograms}"))]
    assert menu and menu[0]["Filename"] == "{app}\\KontenOPD.exe"
    assert build.executable(Path("x")).name in ("KontenOPD", "KontenOPD.exe")


def test_iss_associates_kontenopd_drafts_per_user(iss) -> None:
    reg = iss_entries(iss["Registry"])
    assert {r["Root"] for r in reg} == {"HKA"}  # HKCU in a per-user install, never HKLM
    by_key = {r["Subkey"]: r for r in reg if r.get("ValueName", "") == ""}
    assert by_key["Software\\Classes\\.kontenopd"]["ValueData"] == "KontenOPD.Draft"
    command = by_key["Software\\Classes\\KontenOPD.Draft\\shell\\open\\command"]["ValueData"]
    assert command == '"{app}\\KontenOPD.exe" "%1"'
    assert "uninsdeletekey" in by_key["Software\\Classes\\KontenOPD.Draft"]["Flags"]
    assert "uninsdeletevalue" in by_key["Software\\Classes\\.kontenopd"]["Flags"]


def test_iss_uninstall_keeps_the_users_drafts(iss, setup, monkeypatch) -> None:
    """Drafts, autosaves and profiles live in platformdirs' user folders (core/paths.py):
    on Windows %LOCALAPPDATA%\\KontenOPD. The uninstaller deletes nothing it did not install,
    and the install folder is not the data folder."""
    import platformdirs.windows

    from kontenopd.core.paths import AppPaths

    monkeypatch.delenv("KONTENOPD_HOME", raising=False)
    local = "C:\\Users\\admin\\AppData\\Local"
    monkeypatch.setattr(platformdirs.windows, "get_win_folder",
                        lambda csidl: local if csidl == "CSIDL_LOCAL_APPDATA" else "C:\\R")
    paths = AppPaths.default(platform="win32")
    data = PureWindowsPath(str(paths.data).replace("/", "\\"))
    assert data == PureWindowsPath(local, "KontenOPD")
    assert PureWindowsPath(str(paths.config).replace("/", "\\")) == data
    assert paths.autosave.name == "autosave" and paths.profiles.name == "profiles"
    assert "UninstallDelete" not in iss and "UninstallRun" not in iss
    for entry in iss_entries(iss.get("InstallDelete", [])):
        assert "{localappdata}" not in entry["Name"] and "{userappdata}" not in entry["Name"]
    install = PureWindowsPath(setup["DefaultDirName"].replace("{autopf}", local + "\\Programs"))
    assert install != data and data not in install.parents


def test_iss_files_come_from_the_bundle_build_py_makes(iss, setup) -> None:
    here = ISS.parent
    sources = [e["Source"] for e in iss_entries(iss["Files"])]
    assert sources == [f"..\\..\\dist\\KontenOPD-{VERSION}\\*"]
    bundle = (here / sources[0][:-2].replace("\\", "/")).resolve()
    assert bundle == build.bundle_dir(ROOT / "dist", VERSION).resolve()
    assert (here / setup["SetupIconFile"]).is_file()
    assert (here / setup["OutputDir"].replace("\\", "/")).resolve() == ROOT / "dist"
    for key in ("LicenseFile", "InfoBeforeFile", "WizardImageFile"):
        if key in setup:
            assert (here / setup[key].replace("\\", "/")).is_file(), key
    for lang in iss_entries(iss["Languages"]):
        assert lang["MessagesFile"].startswith("compiler:") or (
            here / lang["MessagesFile"]).is_file()
        # official Inno Setup 6 files only (Indonesian.isl is not one of them)
        assert lang["MessagesFile"] in ("compiler:Default.isl",) or ("Languages\\" in lang[
            "MessagesFile"] and "Indonesian" not in lang["MessagesFile"])


def test_windows_workflow_builds_smoke_tests_and_packs_the_installer() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in text
    for needed in ('pip install -e ".[package]"', "python packaging/build.py",
                   "python packaging/smoke.py", "packaging\\windows\\kontenopd.iss",
                   "/DAppVersion=", "actions/upload-artifact", "-setup.exe"):
        assert needed in text, needed
    for path in re.findall(r"packaging[/\\][\w/\\.-]+\.(?:py|iss|spec)", text):
        assert (ROOT / path.replace("\\", "/")).is_file(), path
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["optional-dependencies"]
    assert any(r.startswith("pyinstaller") for r in extras["package"])


# ---------------------------------------------------------------- the PyInstaller spec


@pytest.fixture(scope="module")
def spec_namespace() -> dict:
    """The spec's constants and keep() (everything before Analysis runs), executed."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    body = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and getattr(
                node.value.func, "id", "") == "Analysis":
            break
        if isinstance(node, ast.ImportFrom) and node.module.startswith("PyInstaller"):
            continue
        body.append(node)
    namespace = {"SPECPATH": str(PACKAGING), "collect_data_files": lambda _name: []}
    exec(compile(ast.Module(body=body, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace


def test_spec_reads_name_and_version_from_pyproject(spec_namespace) -> None:
    assert spec_namespace["VERSION"] == VERSION
    assert build.bundle_dir(ROOT / "dist", VERSION).name == f"{spec_namespace['NAME']}-{VERSION}"


def test_spec_paths_exist(spec_namespace) -> None:
    text = SPEC.read_text(encoding="utf-8")
    bases = {"ROOT": ROOT, "LINUX": PACKAGING / "linux", "ICONS": PACKAGING / "icons"}
    chains = re.findall(r'\b(ROOT|LINUX|ICONS)((?:\s*/\s*(?:"[^"]+"|f"[^"]+"))+)', text)
    assert len(chains) >= 8
    for base, rest in chains:
        path = bases[base]
        for part in re.findall(r'f?"([^"]+)"', rest):
            path = path / part
        if path.suffix == ".ico":  # only Windows builds use it, but it is committed
            assert path.is_file(), path
        assert path.exists(), f"the spec references {path}, which does not exist"
    for source, _dest in spec_namespace["datas"]:
        assert Path(source).exists(), source


def test_spec_bundles_the_linux_desktop_files(spec_namespace) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the share/ folder is added on Linux only")
    dests = {dest for _src, dest in spec_namespace["datas"]}
    assert {"kontenopd/assets", "share", "share/applications", "share/metainfo",
            "share/mime/packages", "share/icons/hicolor"} <= dests


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/plugins/platforms/qoffscreen.dll", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/translations/qtbase_de.qm", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6/Qt/lib/libQt6Svg.so.6", True),  # SVG icons, GNOME's Wayland decorations
    ("PySide6/opengl32sw.dll", False),
    ("libcairo.so.2", False),
    ("kontenopd/assets/i18n/qt_id.qm", True),
    ("kontenopd/assets/fonts/NotoSans/NotoSans-Regular.ttf", True),
    ("pyphen/dictionaries/hyph_id_ID.dic", True),
    ("pyphen/dictionaries/hyph_de_DE.dic", False),
])
def test_spec_keeps_what_the_app_loads(spec_namespace, dest, kept) -> None:
    assert spec_namespace["keep"](str(PurePath(dest))) is kept


def test_spec_excludes_unused_qt_modules(spec_namespace) -> None:
    excluded = set(spec_namespace["EXCLUDES"])
    assert {"PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtPdf",
            "PySide6.QtWebEngineCore"} <= excluded
    used = set()
    for path in (ROOT / "src" / "kontenopd").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used, "no PySide6 imports found"
    assert not {f"PySide6.{m}" for m in used} & excluded, "the spec excludes a module in use"
