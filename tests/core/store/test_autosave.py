"""Autosave and crash recovery, the recent list and the draft browser index (Qt-free)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image

from kontenopd.core.io.draft_file import read_thumbnail, save_draft
from kontenopd.core.io.draft_schema import DraftFileError
from kontenopd.core.model.dates import BULAN
from kontenopd.core.model.records import Draft, PhotoRef
from kontenopd.core.paths import AppPaths
from kontenopd.core.store.autosave import (
    AutosaveStore,
    BrowserEntry,
    RecentDrafts,
    _session_alive,
    browse,
    matches,
)

ROOT = Path(__file__).resolve().parents[3]


def _die(store: AutosaveStore) -> None:
    """The session's process dies: the OS releases its lock, its files stay."""
    assert store._lock is not None
    store._lock.release()
    store._lock = None


def _draft(title: str, photo: Path | None = None) -> Draft:
    draft = Draft("liputan-kegiatan", values={"judul": title, "tanggal": "2022-11-21"})
    if photo:
        draft.photos["foto"] = [PhotoRef(str(photo), (0.25, 0.75))]
    return draft


def test_nothing_is_created_until_used(isolated_home) -> None:
    store = AutosaveStore()
    RecentDrafts().entries()
    assert store.recoverable() == []
    assert browse() == []
    assert not isolated_home.exists()


def test_running_session_is_not_offered_and_clean_close_leaves_nothing(profile) -> None:
    store = AutosaveStore()
    store.save(_draft("Sedang diketik"), profile)
    assert store.file.is_file()
    other = AutosaveStore()  # a second window / the next start while the first still runs
    assert other.recoverable() == []
    store.close()
    assert other.recoverable() == []
    assert list(AppPaths.default().autosave.iterdir()) == []


def test_crashed_session_is_offered_with_its_time_and_source(profile, tmp_path,
                                                             sample_photo) -> None:
    source = tmp_path / "kegiatan.kontenopd"
    save_draft(source, _draft("Versi tersimpan"), profile)
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from kontenopd.core.store.autosave import AutosaveStore
        from kontenopd.core.model.records import Draft, PhotoRef, demo_profile
        store = AutosaveStore()
        draft = Draft("liputan-kegiatan", values={{"judul": "Belum disimpan", "lokasi": "Aula"}},
                      photos={{"foto": [PhotoRef({str(sample_photo)!r}, (0.25, 0.75))]}})
        store.save(draft, demo_profile(), source={str(source)!r})
        os.kill(os.getpid(), signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
    """)
    before = datetime.now(timezone.utc) - timedelta(seconds=2)
    proc = subprocess.run([sys.executable, "-c", script], env=os.environ.copy(),
                          capture_output=True, text=True, check=False)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr, proc.stderr
    store = AutosaveStore()
    (entry,) = store.recoverable()
    assert entry.kind == "autosave" and entry.title == "Belum disimpan"
    assert entry.source == source.resolve()
    assert entry.saved_at is not None and entry.saved_at >= before.replace(microsecond=0)
    opened = store.recover(entry, workdir=tmp_path / "w")
    assert opened.path == source.resolve()  # Save goes back to the user's file
    assert opened.draft.values == {"judul": "Belum disimpan", "lokasi": "Aula"}
    assert opened.draft.photos["foto"][0].focus == (0.25, 0.75)
    assert "dipulihkan" in opened.notices[0] and "pukul" in opened.notices[0]
    # The user's own file was not touched by the autosave.
    assert json.loads(_member(source, "draft.json"))["values"]["judul"] == "Versi tersimpan"
    store.forget(entry)
    assert store.recoverable() == []
    assert [p.name for p in store.folder.iterdir()] == []


def test_lock_held_by_another_process_is_alive_until_it_is_killed(profile) -> None:
    script = textwrap.dedent("""
        import time
        from kontenopd.core.store.autosave import AutosaveStore
        store = AutosaveStore(session="jendela-lain")
        store.start()
        print("siap", flush=True)
        time.sleep(120)
    """)
    store = AutosaveStore()
    lock = store._lock_path("jendela-lain")
    with subprocess.Popen([sys.executable, "-c", script], env=os.environ.copy(),
                          stdout=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "siap"
            assert lock.is_file() and _session_alive(lock)
            with pytest.raises(DraftFileError, match="dipakai jendela lain"):
                AutosaveStore(session="jendela-lain").start()
            save_draft(store.folder / "jendela-lain.kontenopd", _draft("Masih diketik"), profile)
            assert store.recoverable() == []  # a second window, not a crash
        finally:
            proc.kill()  # SIGKILL: nothing runs in that process any more
            proc.wait()
    assert lock.is_file() and not _session_alive(lock)  # the OS released the lock
    assert [e.title for e in store.recoverable()] == ["Masih diketik"]


def _names(path: Path) -> list[str]:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.namelist()


def _member(path: Path, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def test_autosave_keeps_text_when_a_photo_disappeared(profile, tmp_path) -> None:
    photo = tmp_path / "foto.jpg"
    Image.new("RGB", (300, 200), "teal").save(photo)
    store = AutosaveStore(session="uji-1")
    store.save(_draft("Judul", photo), profile)
    photo.unlink()
    store.save(_draft("Judul diperbarui", photo), profile)
    crashed = AutosaveStore(session="uji-2")
    _die(store)
    (entry,) = crashed.recoverable()
    opened = crashed.recover(entry, workdir=tmp_path / "w")
    assert opened.draft.values["judul"] == "Judul diperbarui" and opened.draft.photos == {}
    assert opened.path is None  # never saved by the user: Save asks for a name


def test_large_photo_sets_are_linked_not_copied(profile, tmp_path, monkeypatch) -> None:
    from kontenopd.core.store import autosave

    photo = tmp_path / "besar.jpg"
    Image.new("RGB", (800, 600), "orange").save(photo)
    monkeypatch.setattr(autosave, "EMBED_LIMIT", 1000)  # this photo counts as "large"
    store = AutosaveStore(session="besar")
    path = store.save(_draft("Banyak foto", photo), profile)
    assert not [n for n in _names(path) if n.startswith("photos/")]  # linked, not copied
    _die(store)
    (entry,) = AutosaveStore().recoverable()
    opened = AutosaveStore().recover(entry, workdir=tmp_path / "w")
    assert opened.draft.photos["foto"][0].path == str(photo.resolve())
    assert opened.draft.photos["foto"][0].focus == (0.25, 0.75)


def test_autosave_discard_after_user_saves(profile) -> None:
    with AutosaveStore() as store:
        store.save(_draft("x"), profile, thumbnail=Image.new("RGB", (1080, 1350), "red"))
        assert read_thumbnail(store.file) is not None
        store.discard()
        assert not store.file.exists()
        store.save(_draft("y"), profile)
    assert not store.file.exists()


def test_damaged_autosave_is_skipped_not_fatal(profile) -> None:
    folder = AppPaths.default().autosave
    folder.mkdir(parents=True)
    (folder / "lama-1.kontenopd").write_bytes(b"PK\x03\x04 rusak")
    assert AutosaveStore().recoverable() == []


# ---------------------------------------------------------------- recent list


def test_recent_list_order_dedupe_limit_and_missing(profile, tmp_path) -> None:
    recent = RecentDrafts(limit=3)
    files = [save_draft(tmp_path / f"d{i}.kontenopd", _draft(f"Draf {i}"), profile)
             for i in range(5)]
    for f in files:
        recent.add(f)
    recent.add(files[2])
    entries = recent.entries()
    assert [e.path.name for e in entries] == ["d2.kontenopd", "d4.kontenopd", "d3.kontenopd"]
    assert entries[0].title == "Draf 2" and entries[0].template == "liputan-kegiatan"
    files[4].unlink()
    assert [e.exists for e in recent.entries()] == [True, False, True]
    recent.remove(files[2])
    assert [e.path.name for e in recent.entries()] == ["d4.kontenopd", "d3.kontenopd"]
    recent.clear()
    assert recent.entries() == []


def test_damaged_recent_file_is_ignored(profile, tmp_path) -> None:
    recent = RecentDrafts()
    recent.file.parent.mkdir(parents=True)
    recent.file.write_text("{rusak", encoding="utf-8")
    assert recent.entries() == []
    recent.add(save_draft(tmp_path / "a.kontenopd", _draft("Baru"), profile))
    assert [e.title for e in recent.entries()] == ["Baru"]


# ---------------------------------------------------------------- browser


def test_browse_lists_autosaves_then_recent_and_searches(profile, tmp_path) -> None:
    recent = RecentDrafts()
    for title in ("Apel Pagi Senin", "Vaksinasi Gratis di Puskesmas", "Rapat Koordinasi"):
        recent.add(save_draft(tmp_path / f"{title[:4]}.kontenopd", _draft(title), profile))
    crashed = AutosaveStore(session="mati")
    crashed.save(_draft("Draf Belum Disimpan"), profile)
    _die(crashed)
    rows = browse()
    assert [r.kind for r in rows] == ["autosave", "recent", "recent", "recent"]
    assert rows[1].title == "Rapat Koordinasi"  # most recently used first
    assert [r.title for r in browse("vaksin")] == ["Vaksinasi Gratis di Puskesmas"]
    assert [r.title for r in browse("APEL senin")] == ["Apel Pagi Senin"]
    assert browse("apel rapat") == []
    today = datetime.now().astimezone()
    assert len(browse(today.strftime("%Y-%m-%d"))) == 4
    bulan = BULAN[today.month - 1].lower()
    assert len(browse(f"{today.day} {bulan}")) == 4
    assert len(browse("liputan-kegiatan")) == 4


def test_matches_ignores_case_and_accents() -> None:
    entry = BrowserEntry(path=Path("x.kontenopd"), title="Kunjungan ke Café Rakyat",
                         template="kunjungan-kerja",
                         saved_at=datetime(2022, 11, 21, 3, 0, tzinfo=timezone.utc),
                         kind="recent")
    assert matches(entry, "cafe")
    assert matches(entry, "KUNJUNGAN 2022-11-21")
    assert matches(entry, "21/11/2022")
    assert matches(entry, "")
    assert not matches(entry, "agenda")
    assert entry.display_title == "Kunjungan ke Café Rakyat"
