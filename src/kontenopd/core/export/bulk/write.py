"""Writing what the rows planned: drafts or export folders, then laporan.csv."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ...errors import KontenError
from ...model.records import Profile
from ...template.schema import Template
from .rows import STATUS_FAILED, STATUS_WARNING, RowPlan

REPORT_NAME = "laporan.csv"


@dataclass(frozen=True)
class BulkProgress:
    done: int
    total: int
    message: str  # Indonesian, for a status line


@dataclass
class BulkReport:
    plans: list[RowPlan]
    out_dir: Path
    report_path: Path | None = None
    cancelled: bool = False

    @property
    def failed(self) -> list[RowPlan]:
        return [p for p in self.plans if p.status == STATUS_FAILED]

    @property
    def written(self) -> list[RowPlan]:
        return [p for p in self.plans if p.output and p.status != STATUS_FAILED]

    @property
    def failed_rows(self) -> int:
        return sum(max(1, len(p.rows)) for p in self.failed)

    @property
    def ok(self) -> bool:
        return not self.cancelled and not self.failed

    def summary(self) -> str:
        """"20 baris: 17 berhasil, 2 gagal, 1 dengan peringatan." (", 5 dibatalkan")."""
        rows = sum(max(1, len(p.rows)) for p in self.plans)
        skipped = sum(max(1, len(p.rows)) for p in self.plans if p.cancelled)
        good = rows - self.failed_rows - skipped
        text = f"{rows} baris: {good} berhasil, {self.failed_rows} gagal"
        warned = sum(1 for p in self.plans if p.status == STATUS_WARNING)
        if warned:
            text += f", {warned} dengan peringatan"
        if skipped or self.cancelled:
            text += f", {skipped} dibatalkan"
        return text + "."


Progress = Callable[[BulkProgress], None]


@dataclass(frozen=True)
class BulkOptions:
    """What :func:`run_bulk` writes: a draft per post, or an export folder per post."""

    drafts: bool = False  # True: ``<slug>.kontenopd`` files; the rest is for exports only
    platforms: Sequence[str] = ()  # empty: every platform
    image_type: str = "jpg"
    workers: int | None = None  # as export.export takes them (None: the number of cores)
    refuse_demo: bool = False  # a post still carrying the demo identity fails
    library: Any = None  # the template library export workers look templates up in


def _write_drafts(plans: list[RowPlan], template: Template, profile: Profile, out_dir: Path,
                  progress: Progress | None, cancel: Any) -> bool:
    """Each good plan as ``<slug>.kontenopd`` in ``out_dir`` (a layout the engine cannot fit
    is a warning: the admin fixes it in the app). Returns False when cancelled."""
    from ...io.draft_file import SUFFIX, THUMBNAIL_SIDE, make_thumbnail, save_draft  # noqa: PLC0415
    from ...model.records import slugify  # noqa: PLC0415
    from ...photos.cache import PhotoCache  # noqa: PLC0415
    from ..folders import reserve_name  # noqa: PLC0415
    from ..preflight import preflight  # noqa: PLC0415

    todo = [p for p in plans if p.draft is not None]
    taken: set[str] = set()
    for done, item in enumerate(todo):
        if cancel is not None and cancel.is_set():
            for rest in todo[done:]:
                rest.cancelled = True
            return False
        assert item.draft is not None
        if progress is not None:
            progress(BulkProgress(done, len(todo), f"{item.where}: {item.title}"))
        # one half-size render of every image: the layout check and the draft's thumbnail
        check = preflight(template, item.draft, profile, item.draft.formats,
                          photos=PhotoCache(), thumb_side=THUMBNAIL_SIDE)
        item.warnings += [f"{fmt} perlu diperbaiki sebelum diekspor: {why}"
                          for fmt, why in check.blocked.items()]
        item.warnings += [w for w in check.warnings if w not in item.warnings]
        # never over a draft already in the folder (an earlier run's, or the admin's own)
        name = reserve_name(out_dir, slugify(item.title, 40), taken, SUFFIX)
        target = out_dir / f"{name}{SUFFIX}"
        try:
            save_draft(target, item.draft, profile,
                       thumbnail=check.thumbnail or make_thumbnail(template, item.draft,
                                                                   profile))
        except KontenError as exc:
            item.errors.append(str(exc))
            continue
        item.output = str(target)
    if progress is not None:
        progress(BulkProgress(len(todo), len(todo), "Draf selesai ditulis."))
    return True


def _export(plans: list[RowPlan], template: Template, profile: Profile, out_dir: Path,
            options: BulkOptions, progress: Progress | None, cancel: Any) -> bool:
    from ...model.platforms import PLATFORM_KEYS  # noqa: PLC0415
    from ..exporter import export  # noqa: PLC0415
    from ..jobs import ExportJob  # noqa: PLC0415

    todo = [p for p in plans if p.draft is not None]
    if not todo:
        return True
    platforms = tuple(options.platforms) or PLATFORM_KEYS
    jobs = [ExportJob.from_draft(p.draft, profile, platforms=platforms,  # type: ignore[arg-type]
                                 image_type=options.image_type, label=f"{p.where}: {p.title}",
                                 template=template)
            for p in todo]

    def relay(step: Any) -> None:
        if progress is not None:
            progress(BulkProgress(step.done, step.total, step.name or step.message))

    report = export(jobs, out_dir, library=options.library, workers=options.workers,
                    progress=relay, cancel=cancel, refuse_demo=options.refuse_demo)
    for item, post in zip(todo, report.posts, strict=True):
        item.warnings += [w for w in post.warnings if w not in item.warnings]
        if post.error:
            item.errors.append(post.error)
        item.errors += [f"{fmt} tidak diekspor: {why}" for fmt, why in post.blocked.items()]
        if post.folder is not None:
            item.output = str(post.folder)
        elif report.cancelled and not post.error:
            item.cancelled = True
    return not report.cancelled


def run_bulk(plans: list[RowPlan], template: Template, profile: Profile,
             out_dir: str | Path, *, options: BulkOptions | None = None,
             progress: Progress | None = None, cancel: Any = None) -> BulkReport:
    """Write every good plan (drafts, or an export folder each, as ``options`` say) into
    ``out_dir``, then ``laporan.csv`` listing every row's outcome; the report holds copies
    of ``plans`` with their outcomes (the plans given are left as they were, so they can run
    again). Raises KontenError only when ``out_dir`` or the report cannot be written."""
    options = options or BulkOptions()
    plans = [replace(p, errors=list(p.errors), warnings=list(p.warnings)) for p in plans]
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KontenError(f"Folder keluaran tidak bisa dibuat: {out} ({exc.strerror})") \
            from None
    if options.drafts:
        finished = _write_drafts(plans, template, profile, out, progress, cancel)
    else:
        finished = _export(plans, template, profile, out, options, progress, cancel)
    report = BulkReport(plans, out, cancelled=not finished)
    report.report_path = write_report_csv(report, out / REPORT_NAME)
    return report


def report_rows(report: BulkReport) -> list[list[str]]:
    """laporan.csv's rows: header, then one line per sheet row, in sheet order."""
    lines: list[tuple[int, list[str]]] = []
    for item in report.plans:
        reasons = item.errors or item.warnings
        for number in item.rows or (0,):
            lines.append((number, [str(number) if number else "", item.status,
                                   _inert(item.title), _inert(item.output),
                                   _inert(" | ".join(reasons))]))
    lines.sort(key=lambda entry: entry[0])
    return [["baris", "status", "judul", "keluaran", "alasan"], *(cells for _, cells in lines)]


def _inert(text: str) -> str:
    """Sheet text that Excel would run as a formula (=, +, -, @ first) gets a leading
    apostrophe: the report is opened in Excel, and the titles come from someone's sheet."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_report_csv(report: BulkReport, path: Path) -> Path:
    """``laporan.csv``: UTF-8 with a BOM and ';' between cells, as Excel in Indonesia opens
    it in columns."""
    from ...io.atomic import atomic_write  # noqa: PLC0415

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(report_rows(report))
    payload = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    try:
        atomic_write(path, lambda handle: handle.write(payload))
    except OSError as exc:
        raise KontenError(f"Laporan tidak bisa ditulis ke {path} ({exc.strerror})") from None
    return path
