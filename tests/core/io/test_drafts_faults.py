"""Fault injection: a process saving a draft is killed (SIGKILL) at random moments.

After every kill the draft on disk must open, as one complete version (the previous one or a
new one), never a mix or a broken file; the backup must open too.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest
from PIL import Image

from kontenopd.core.io.draft_file import load_draft, save_draft
from kontenopd.core.model.records import Draft, PhotoRef

ROOT = Path(__file__).resolve().parents[3]
KILLS = 60

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or os.name == "nt",
                                reason="needs fork() and SIGKILL (POSIX)")


def _noisy_jpeg(path: Path) -> Path:
    """A ~2 MB photo, so each save spends a while writing."""
    rng = random.Random(7)
    img = Image.frombytes("RGB", (1600, 1200), rng.randbytes(1600 * 1200 * 3))
    img.save(path, "JPEG", quality=95)
    return path


def _draft(version: str, photos: list[PhotoRef]) -> Draft:
    return Draft("liputan-kegiatan", formats=["4:5", "1:1"],
                 values={"judul": version, "tanggal": "2022-11-21", "lokasi": "Aula"},
                 photos={"foto": photos})


def test_sigkill_during_save_never_leaves_a_broken_draft(profile, tmp_path) -> None:
    photos = [PhotoRef(str(_noisy_jpeg(tmp_path / "besar.jpg")), (0.4, 0.5)),
              PhotoRef(str(ROOT / "assets" / "samples" / "dandelion-field.jpg")),
              PhotoRef(str(ROOT / "assets" / "samples" / "coffee.jpg"), (0.1, 0.9))]
    target = tmp_path / "simpan" / "kegiatan.kontenopd"
    save_draft(target, _draft("versi 0-0", photos), profile)  # also warms the photo cache
    rng = random.Random(20221121)
    seen: set[str] = set()
    interrupted = 0
    for round_no in range(1, KILLS + 1):
        pid = os.fork()
        if pid == 0:  # child: save new versions as fast as it can until killed
            try:
                for k in range(1, 10_000):
                    save_draft(target, _draft(f"versi {round_no}-{k}", photos), profile)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.12))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

        leftovers = [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
        interrupted += bool(leftovers)
        for p in leftovers:  # what a killed save leaves is only ever a hidden temp file
            assert p.name.startswith(".")
            p.unlink()

        opened = load_draft(target, workdir=tmp_path / "w")
        title = opened.draft.values["judul"]
        version = tuple(int(n) for n in title.split()[1].split("-"))
        assert version[0] in (round_no, *(r for r in range(round_no))), title
        assert opened.notices == []
        assert [r.focus for r in opened.draft.photos["foto"]] == [r.focus for r in photos]
        assert [Path(r.path).stat().st_size > 0 for r in opened.draft.photos["foto"]] == \
            [True] * 3
        seen.add(title)
        backup = target.with_name(target.name + ".bak")
        if backup.exists():
            assert load_draft(backup, workdir=tmp_path / "w").draft.values["judul"] \
                .startswith("versi ")
        for folder in (tmp_path / "w").iterdir():  # keep the work folder small
            for f in folder.rglob("*"):
                if f.is_file():
                    f.unlink()
    # The kills really landed at different moments: many distinct versions survived, and
    # several kills interrupted a save half-way (a temporary file was left behind).
    assert len(seen) > KILLS // 3, len(seen)
    assert interrupted >= 5, interrupted
