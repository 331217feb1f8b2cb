"""The export queue kept across restarts.

Each queued post is saved as a draft file in the queue folder (a snapshot, like the queue
itself) and ``queue.json`` lists them in order with their formats, platforms and image
type. Reading is defensive: a missing or damaged entry is skipped with a notice.

Keeping a post is two steps so the slow one can run off the GUI thread: :meth:`reserve`
names its file at once (nothing is written), :meth:`keep` writes it. The queue list may name a
reserved file before it is written, as long as the writes happen in order (the GUI runs them
one at a time, keeps before the list that follows). Every file is written atomically: a keep
that was interrupted leaves no ``*.kontenopd``, only a hidden temporary file, which
:meth:`read` removes at start-up; a file the list does not name is removed by the next
:meth:`write`.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..errors import KontenError
from ..export.jobs import ExportJob
from ..io.atomic import atomic_write
from ..io.draft_file import DRAFT_WRITE_ERRORS, save_draft
from ..io.draft_info import read_draft_info
from ..io.draft_schema import DraftFileError

QUEUE_FILE = "queue.json"


@dataclass(frozen=True)
class QueueEntry:
    job: ExportJob  # a draft-file job whose file lives in the queue folder
    template: str


class QueueStore:
    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def reserve(self, job: ExportJob) -> QueueEntry:
        """The entry an in-memory job will have once kept: a new file in the queue folder,
        not written yet."""
        if job.draft is None or job.profile is None:
            raise KontenError("Hanya konten yang sedang disunting yang bisa disimpan di antrean.")
        path = self.folder / f"{uuid.uuid4().hex}.kontenopd"
        kept = ExportJob.from_file(path, formats=job.formats, platforms=job.platforms,
                                   image_type=job.image_type, label=job.label)
        return QueueEntry(kept, job.draft.template)

    def keep(self, job: ExportJob, entry: QueueEntry | None = None) -> QueueEntry:
        """Save an in-memory job's draft into the queue folder, as ``entry``'s file (a new
        one without it); return the entry."""
        entry = entry or self.reserve(job)
        if job.draft is None or job.profile is None or entry.job.draft_path is None:
            raise KontenError("Hanya konten yang sedang disunting yang bisa disimpan di antrean.")
        self.folder.mkdir(parents=True, exist_ok=True)
        save_draft(entry.job.draft_path, job.draft, job.profile, backup=False)
        return entry

    def write(self, entries: list[QueueEntry]) -> None:
        """Record the queue's order and choices (atomically)."""
        data = {"version": 1, "posts": [
            {"file": Path(e.job.draft_path or "").name, "formats": list(e.job.formats),
             "platforms": list(e.job.platforms), "image_type": e.job.image_type,
             "label": e.job.label, "template": e.template}
            for e in entries]}
        payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self.folder / QUEUE_FILE, lambda handle: handle.write(payload),
                     errors=DRAFT_WRITE_ERRORS)
        self._prune({Path(e.job.draft_path or "").name for e in entries})

    def read(self) -> tuple[list[QueueEntry], list[str]]:
        """The saved queue, and a notice for each entry that could not be restored."""
        self._clean_partial()
        path = self.folder / QUEUE_FILE
        if not path.is_file():
            return [], []
        try:
            posts = json.loads(path.read_text(encoding="utf-8"))["posts"]
            if not isinstance(posts, list):
                raise TypeError
        except (OSError, ValueError, KeyError, TypeError):
            return [], ["Daftar antrean ekspor rusak; antrean dimulai kosong."]
        entries: list[QueueEntry] = []
        notices: list[str] = []
        for post in posts:
            try:
                name = Path(str(post["file"])).name  # never a path outside the folder
                file = self.folder / name
                info = read_draft_info(file)
                job = ExportJob.from_file(file, formats=list(post.get("formats", [])),
                                          platforms=list(post.get("platforms", [])),
                                          image_type=str(post.get("image_type", "jpg")),
                                          label=str(post.get("label", "")))
                entries.append(QueueEntry(job, info.template))
            except (DraftFileError, KontenError, KeyError, TypeError, ValueError) as exc:
                label = post.get("label", "?") if isinstance(post, dict) else "?"
                notices.append(f"Konten antrean '{label}' tidak bisa dipulihkan: {exc}")
        return entries, notices

    def _clean_partial(self) -> None:
        """Remove the temporary files of keeps a closed or crashed session interrupted."""
        for file in self.folder.glob(".*.kontenopd.*.tmp"):
            file.unlink(missing_ok=True)

    def _prune(self, keep: set[str]) -> None:
        """Remove draft files no longer in the queue (exported or removed)."""
        for file in self.folder.glob("*.kontenopd"):
            if file.name not in keep:
                file.unlink(missing_ok=True)
