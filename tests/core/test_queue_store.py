"""The export queue kept across restarts: order, choices, and defensive reading."""

import json

from kontenopd.core.export import ExportJob
from kontenopd.core.model import Draft
from kontenopd.core.queue_store import QUEUE_FILE, QueueStore


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
