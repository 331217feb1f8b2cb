"""The export queue kept across restarts: order, choices, and defensive reading."""

import json
from pathlib import Path

from kontenopd.core.export.jobs import ExportJob
from kontenopd.core.model.records import Draft
from kontenopd.core.store.queue import QUEUE_FILE, QueueStore


def _job(library, profile, title: str) -> ExportJob:
    template = library.get("agenda-undangan")
    draft = Draft(template.id, values={**template.sample, "acara": title})
    return ExportJob.from_draft(draft, profile, formats=["1:1"], platforms=["x"])


def test_queue_round_trip_keeps_order_and_choices(tmp_path, library, profile):
    store = QueueStore(tmp_path / "queue")
    entries = [store.keep(_job(library, profile, t)) for t in ("Rapat A", "Rapat B")]
    store.write(list(reversed(entries)))
    back, notices = QueueStore(tmp_path / "queue").read()
    assert notices == []
    assert [e.job.label for e in back] == [e.job.label for e in reversed(entries)]
    assert back[0].job.formats == ("1:1",) and back[0].job.platforms == ("x",)
    assert back[0].template == "agenda-undangan"
    store.write(back[:1])  # the other one was exported: its snapshot is removed
    assert len(list((tmp_path / "queue").glob("*.kontenopd"))) == 1


def test_damaged_or_hostile_queue_files_are_skipped_with_a_notice(tmp_path, library, profile):
    folder = tmp_path / "queue"
    store = QueueStore(folder)
    entry = store.keep(_job(library, profile, "Rapat A"))
    store.write([entry])
    data = json.loads((folder / QUEUE_FILE).read_text(encoding="utf-8"))
    outside = tmp_path / "rahasia.kontenopd"
    outside.write_bytes(b"bukan draf")
    data["posts"] += [{"file": "../rahasia.kontenopd", "label": "luar"},
                      {"file": "hilang.kontenopd", "label": "hilang"}, "bukan objek"]
    (folder / QUEUE_FILE).write_text(json.dumps(data), encoding="utf-8")
    back, notices = store.read()
    assert [e.job.label for e in back] == ["Rapat A"]
    assert len(notices) == 3
    assert outside.exists()  # never read or deleted outside the queue folder
    (folder / QUEUE_FILE).write_text("{rusak", encoding="utf-8")
    assert store.read() == ([], ["Daftar antrean ekspor rusak; antrean dimulai kosong."])


def test_reserve_names_the_file_and_keep_writes_it(tmp_path, library, profile):
    """The GUI reserves an entry at once (no disk access) and keeps it off its thread; the
    list may name the file as soon as it is reserved, since the writes run in order."""
    folder = tmp_path / "queue"
    store = QueueStore(folder)
    job = _job(library, profile, "Rapat A")
    entry = store.reserve(job)
    assert not folder.exists()  # nothing written yet
    assert entry.job.label == job.label and entry.template == "agenda-undangan"
    assert store.keep(job, entry) is entry
    store.write([entry])
    back, notices = store.read()
    assert notices == [] and [e.job.draft_path for e in back] == [entry.job.draft_path]


def test_start_up_removes_what_an_interrupted_keep_left(tmp_path, library, profile):
    """Quitting (or a crash) in the middle of a keep leaves only the atomic writer's hidden
    temporary file: read() at start-up removes it; a kept file the list does not name (the
    session ended between the keep and the list) goes with the next write."""
    folder = tmp_path / "queue"
    store = QueueStore(folder)
    kept = store.keep(_job(library, profile, "Rapat A"))
    store.write([kept])
    partial = folder / ".0123abcd.kontenopd.x1y2z3.tmp"
    partial.write_bytes(b"PK setengah")
    unlisted = store.keep(_job(library, profile, "Rapat B"))
    back, notices = QueueStore(folder).read()
    assert [e.job.label for e in back] == ["Rapat A"] and notices == []
    assert not partial.exists()
    assert Path(unlisted.job.draft_path).exists()  # still there until the list is written
    store.write(back)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [Path(kept.job.draft_path).name, QUEUE_FILE])
