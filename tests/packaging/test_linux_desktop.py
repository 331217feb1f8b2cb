"""The Linux desktop files: the .desktop entry, the AppStream metainfo, the MIME type and the
icons parse, agree with each other, and install from a bundle with share/install.sh."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import tomllib
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "packaging" / "icons" / "hicolor"
APP_ID = "id.go.kontenopd.KontenOPD"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / "kontenopd-mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "version"]


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_drafts_with_the_app() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application" and entry["Name"] == "KontenOPD"
    assert entry["Exec"].split()[0] == "kontenopd" and entry["Exec"].endswith("%f")
    assert entry["Icon"] == APP_ID and entry["Terminal"] == "false"
    mime = ET.parse(MIME).getroot().find(f"{MIME_NS}mime-type")
    assert mime is not None
    assert entry["MimeType"].rstrip(";").split(";") == [mime.get("type")]
    assert mime.find(f"{MIME_NS}glob").get("pattern") == "*.kontenopd"
    assert all(c.strip() for c in entry["Categories"].rstrip(";").split(";"))


def test_desktop_file_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (desktop-file-utils)")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_metainfo_matches_the_desktop_file_and_the_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.findtext("metadata_license") == "CC0-1.0"
    project_license = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["license"]
    assert root.findtext("project_license") == project_license
    assert VERSION in [r.get("version") for r in root.iter("release")]
    assert "application/x-kontenopd" in [m.text for m in root.iter("mediatype")]


def test_metainfo_validates_with_appstreamcli() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (appstream)")
    result = subprocess.run([tool, "validate", "--no-net", str(METAINFO)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_icons_exist_at_the_hicolor_sizes_with_a_licence() -> None:
    sizes = []
    for folder in ICONS.iterdir():
        icon = folder / "apps" / f"{APP_ID}.png"
        with Image.open(icon) as img:
            n = int(folder.name.split("x")[0])
            assert img.size == (n, n) and img.mode == "RGBA", icon
        sizes.append(n)
    assert {16, 32, 48, 128, 256, 512} <= set(sizes)
    licence = (ROOT / "packaging" / "icons" / "LICENSE.md").read_text(encoding="utf-8")
    assert "CC0" in licence and "made by the project" in licence.lower()
    with Image.open(ROOT / "packaging" / "windows" / "kontenopd.ico") as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]


def fake_bundle(tmp_path: Path) -> Path:
    """A bundle's layout as packaging/kontenopd.spec makes it: the executable, and the desktop
    files under _internal/share (the spec's datas entries)."""
    bundle = tmp_path / "Aplikasi Saya" / f"KontenOPD-{VERSION}"
    share = bundle / "_internal" / "share"
    for src, dest in ((LINUX / "install.sh", share),
                      (DESKTOP, share / "applications"),
                      (METAINFO, share / "metainfo"),
                      (MIME, share / "mime" / "packages")):
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest / src.name)
    shutil.copytree(ICONS, share / "icons" / "hicolor")
    exe = bundle / "KontenOPD"
    exe.write_text("#!/bin/sh\n", encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return bundle


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_install_sh_installs_and_removes_the_desktop_integration(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path)
    data = tmp_path / "xdg-data"
    env = {k: v for k, v in os.environ.items() if k != "PREFIX"}
    env["XDG_DATA_HOME"] = str(data)
    script = bundle / "_internal" / "share" / "install.sh"
    subprocess.run(["sh", str(script)], env=env, check=True, capture_output=True)
    desktop = data / "applications" / DESKTOP.name
    lines = desktop.read_text(encoding="utf-8").splitlines()
    # the menu entry starts this bundle, quoted (the folder name has a space)
    assert f'Exec="{bundle / "KontenOPD"}" %f' in lines
    assert (data / "metainfo" / METAINFO.name).is_file()
    assert (data / "mime" / "packages" / MIME.name).is_file()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    subprocess.run(["sh", str(script), "--uninstall"], env=env, check=True, capture_output=True)
    assert not desktop.exists()
    assert not list(data.rglob(f"{APP_ID}*"))
    assert not (data / "mime" / "packages" / MIME.name).exists()
