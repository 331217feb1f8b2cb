"""Bulk create: one post per spreadsheet row (or one carousel from all rows).

The pipeline: :func:`kontenopd.core.spreadsheet.read_table` reads the sheet; :func:`auto_map`
matches its columns to the template's fields (by key, label or a remembered header);
:func:`plan` turns every row into a draft or a reason it cannot be one (row number first);
:func:`run_bulk` writes drafts or exports them and returns a :class:`BulkReport`, which
:func:`write_report_csv` saves as ``laporan.csv``. Rows never stop each other: a bad row is
reported and every good row is still written.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from .bulk_example import is_help_row
from .dates import format_angka, format_tanggal, parse_date, parse_time
from .errors import KontenError, ValueInputError
from .model import Draft, PhotoRef, Profile, value_length_problem
from .spreadsheet import SheetRow, Table, norm_header
from .templates import Field, Template

REPORT_NAME = "laporan.csv"
MODE_ROWS = "per-baris"  # one post per row
MODE_ONE_POST = "satu-post"  # every row adds one item (photo, list line) to a single post
MODES = (MODE_ROWS, MODE_ONE_POST)
PHOTO_SEPARATORS = re.compile(r"[;\n]")
EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's serial dates (1900 system)
PLAIN_DIGITS = 10  # whole numbers this long are phone numbers or IDs: no thousands dots

STATUS_OK = "berhasil"
STATUS_WARNING = "peringatan"
STATUS_FAILED = "gagal"
STATUS_SKIPPED = "dibatalkan"

_TRUE = {"ya", "y", "true", "benar", "1", "x", "v", "✓", "iya"}
_FALSE = {"tidak", "t", "false", "salah", "0", "-", "no", "n"}


class BulkError(KontenError):
    """The sheet cannot be used with this template at all (no row was tried)."""


# ---------------------------------------------------------------- what a column can fill


@dataclass(frozen=True)
class Target:
    """A thing one column fills: a field, or one column of a columned list field."""

    key: str  # "judul", or "angka.nilai" for a list column
    field: Field
    column: str = ""  # the list column, for "angka.nilai"

    @property
    def label(self) -> str:
        return f"{self.field.label} – {self.column}" if self.column else self.field.label

    @property
    def required(self) -> bool:
        return self.field.required and not self.column

    def names(self) -> list[str]:
        """Header texts that mean this target, normalised."""
        if self.column:
            base = [f"{self.field.key} {self.column}", f"{self.field.label} {self.column}",
                    self.column]
        else:
            base = [self.field.key, self.field.label]
            if self.field.type == "photo":
                base += ["foto", "photo", "gambar", "berkas foto"]
        return [n for n in dict.fromkeys(norm_header(b) for b in base) if n]


def targets(template: Template) -> list[Target]:
    """Every target of ``template``, in form order (a columned list's columns after it)."""
    out: list[Target] = []
    for f in template.fields:
        out.append(Target(f.key, f))
        if f.type == "list" and len(f.columns) > 1:
            out += [Target(f"{f.key}.{c}", f, c) for c in f.columns]
    return out


def expected_headers(template: Template) -> list[str]:
    """Names a header row of this template's sheet would hold (to find it below a title)."""
    return [name for t in targets(template) for name in t.names()]


Mapping = dict[str, int]  # target key -> column index


def auto_map(template: Template, headers: Sequence[str],
             remembered: dict[str, str] | None = None) -> Mapping:
    """Columns matched to targets: a header the user chose before for this template first,
    then the field's key or label (case, spaces, underscores and marks like '*' ignored).
    A column serves one target; a photo field's names match only if nothing else took it."""
    normed = [norm_header(h) for h in headers]
    used: set[int] = set()
    mapping: Mapping = {}
    all_targets = targets(template)
    for target in all_targets:
        wanted = norm_header((remembered or {}).get(target.key, ""))
        if wanted and wanted in normed and normed.index(wanted) not in used:
            mapping[target.key] = normed.index(wanted)
            used.add(mapping[target.key])
    for target in all_targets:
        if target.key in mapping:
            continue
        for name in target.names():
            hits = [i for i, h in enumerate(normed) if h == name and i not in used]
            if hits:
                mapping[target.key] = hits[0]
                used.add(hits[0])
                break
    # a columned list filled whole and by columns at once would be read twice
    for target in all_targets:
        if target.column and target.key in mapping and target.field.key in mapping:
            del mapping[target.key]
    return mapping


def unmapped_required(template: Template, mapping: Mapping) -> list[Field]:
    """Required fields no column fills (and that have no default)."""
    filled = {key.split(".")[0] for key in mapping}
    return [f for f in template.fields
            if f.required and f.key not in filled and f.default in (None, "")]


def mapping_by_header(mapping: Mapping, headers: Sequence[str]) -> dict[str, str]:
    """The mapping as header texts, to remember for the next sheet of this template."""
    return {key: headers[i] for key, i in mapping.items() if 0 <= i < len(headers)}


# ---------------------------------------------------------------- cells to field values


def _number_text(value: int | float) -> str:
    if isinstance(value, int) and len(str(abs(value))) >= PLAIN_DIGITS:
        return str(value)
    return format_angka(value)


def cell_text(value: Any) -> str:
    """Any cell as the text a person would read: "1.500.000", "97,5", "21 November 2022",
    "08.00", "Ya"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, (int, float)):
        return _number_text(value)
    if isinstance(value, datetime):
        day = format_tanggal(value, with_day=False)
        return day if value.time() == time(0) else f"{day}, {value:%H.%M}"
    if isinstance(value, date):
        return format_tanggal(value, with_day=False)
    if isinstance(value, time):
        return f"{value.hour:02d}.{value.minute:02d}"
    return str(value).strip()


def _date_value(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return parse_date(value).isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 200_000:
        return (EXCEL_EPOCH + timedelta(days=int(value))).isoformat()  # a serial date
    return parse_date(cell_text(value)).isoformat()


def _time_value(value: Any) -> str:
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, float) and 0 <= value < 1:  # a fraction of a day
        minutes = round(value * 24 * 60)
        value = time(minutes // 60 % 24, minutes % 60)
    if isinstance(value, time):
        return f"{value.hour:02d}.{value.minute:02d}"
    parsed = parse_time(cell_text(value))
    return f"{parsed.hour:02d}.{parsed.minute:02d}"


def _choice_value(f: Field, value: Any) -> str:
    text = cell_text(value)
    for choice in f.choices:
        if norm_header(choice) == norm_header(text):
            return choice
    raise ValueInputError(f"'{text[:30]}' bukan pilihan {f.label} (pilih: "
                          f"{', '.join(f.choices)}).")


def _bool_value(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = cell_text(value).casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueInputError(f"'{text[:20]}' bukan ya/tidak.")


def field_from_cell(f: Field, value: Any) -> Any:
    """A sheet cell as the value a draft stores for field ``f`` ("" when the cell is empty);
    raises ValueInputError (Indonesian, one line) for a value the field cannot take."""
    if value in (None, "") or (isinstance(value, str) and not value.strip()):
        return ""
    if f.type == "date":
        return _date_value(value)
    if f.type == "time":
        return _time_value(value)
    if f.type == "choice" and f.choices:
        return _choice_value(f, value)
    if f.type == "bool":
        return _bool_value(value)
    return cell_text(value)


def _list_count(f: Field, text: str) -> int:
    from .render import field_value  # noqa: PLC0415 - the renderer loads Pillow and fonts

    return len(field_value(f, text))


def _zip_columns(f: Field, columns: dict[str, str]) -> str:
    """List columns given one per sheet column, one item per line, as "a | b" lines."""
    split = {c: [line.strip() for line in text.split("\n")] for c, text in columns.items()}
    count = max((len(v) for v in split.values()), default=0)
    lines = []
    for i in range(count):
        cells = [split.get(c, [])[i] if i < len(split.get(c, [])) else "" for c in f.columns]
        if any(cells):
            lines.append(" | ".join(cells))
    return "\n".join(lines)


# ---------------------------------------------------------------- rows to drafts


@dataclass
class RowPlan:
    """One post to write (or one that cannot be written), and the sheet rows it came from."""

    rows: tuple[int, ...]
    draft: Draft | None = None
    title: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    output: str = ""  # the folder or draft file written, once written
    cancelled: bool = False

    @property
    def status(self) -> str:
        if self.cancelled:
            return STATUS_SKIPPED
        if self.errors:
            return STATUS_FAILED
        return STATUS_WARNING if self.warnings else STATUS_OK

    @property
    def where(self) -> str:
        """"baris 5" or "baris 3-14" (as the user numbers the sheet's rows)."""
        if not self.rows:
            return "lembar"
        if len(self.rows) == 1:
            return f"baris {self.rows[0]}"
        return f"baris {self.rows[0]}-{self.rows[-1]}"


class _PhotoChecks:
    """check_photo once per path for the whole sheet (the same logo or photo recurs)."""

    def __init__(self) -> None:
        self.seen: dict[str, str | None] = {}

    def problem(self, path: Path) -> str | None:
        from .photos import check_photo  # noqa: PLC0415

        key = str(path)
        if key not in self.seen:
            try:
                if not path.is_file():
                    raise KontenError(f"Foto tidak ditemukan: {path.name}")
                check_photo(path)
                self.seen[key] = None
            except KontenError as exc:
                self.seen[key] = str(exc)
        return self.seen[key]


def _photo_refs(f: Field, value: Any, base: Path, checks: _PhotoChecks) -> list[PhotoRef]:
    refs = []
    for part in PHOTO_SEPARATORS.split(cell_text(value)):
        name = part.strip().strip('"')
        if not name:
            continue
        path = Path(name).expanduser()
        path = (path if path.is_absolute() else base / path).resolve()
        problem = checks.problem(path)
        if problem:
            raise ValueInputError(f"{f.label}: {problem}")
        refs.append(PhotoRef(str(path)))
    if len(refs) > f.max_items:
        raise ValueInputError(f"{f.label}: {len(refs)} foto; templat ini menerima paling "
                              f"banyak {f.max_items}.")
    return refs


def _base_draft(template: Template, formats: Sequence[str]) -> Draft:
    """Declared defaults only: a sheet never gets today's date where it gave none."""
    draft = Draft(template=template.id, formats=list(formats))
    for f in template.fields:
        if f.type != "photo" and f.default not in (None, ""):
            draft.values[f.key] = f.default
    return draft


def _row_values(template: Template, row: SheetRow, mapping: Mapping, base: Path,
                checks: _PhotoChecks) -> tuple[dict[str, Any], dict[str, list[PhotoRef]],
                                               list[str]]:
    """The row's field values and photos, and its problems ("Tanggal: …")."""
    values: dict[str, Any] = {}
    photos: dict[str, list[PhotoRef]] = {}
    errors: list[str] = []
    list_columns: dict[str, dict[str, str]] = {}
    for target in targets(template):
        if target.key not in mapping:
            continue
        cell = row.get(mapping[target.key])
        f = target.field
        try:
            if target.column:
                list_columns.setdefault(f.key, {})[target.column] = cell_text(cell)
            elif f.type == "photo":
                refs = _photo_refs(f, cell, base, checks)
                if refs:
                    photos[f.key] = refs
            else:
                values[f.key] = field_from_cell(f, cell)
        except ValueInputError as exc:
            message = str(exc)
            errors.append(message if message.startswith(f.label) else f"{f.label}: {message}")
    for key, columns in list_columns.items():
        values[key] = _zip_columns(template.field(key), columns)
    return values, photos, errors


def _check_values(template: Template, draft: Draft) -> list[str]:
    from .render import field_value, missing_required  # noqa: PLC0415

    problems = []
    empty = missing_required(template, draft)
    if empty:
        problems.append("Field wajib kosong: " + ", ".join(f.label for f in empty) + ".")
    for f in template.fields:
        value = draft.values.get(f.key)
        if f.type == "photo" or value in (None, ""):
            continue
        too_long = value_length_problem(f.key, value, f.label)
        if too_long:
            problems.append(too_long)
            continue
        try:
            field_value(f, value)
        except KontenError as exc:
            problems.append(f"{f.label}: {exc}")
            continue
        if f.type == "list" and _list_count(f, value) > f.max_items:
            problems.append(f"Daftar '{f.label}' berisi {_list_count(f, value)} butir; "
                            f"maksimal {f.max_items}.")
    return problems


def _title(template: Template, draft: Draft) -> str:
    from .drafts import draft_title  # noqa: PLC0415 - drafts imports the renderer's peers

    return draft_title(draft, template) or template.name


def plan(table: Table, template: Template, mapping: Mapping, *,
         formats: Sequence[str] = (), mode: str = MODE_ROWS,
         profile: Profile | None = None) -> list[RowPlan]:
    """Every row (or, in MODE_ONE_POST, every row's item of one post) as a draft or as the
    reasons it cannot be one; photos are checked and framed so their faces stay in
    ``formats`` (as the app does when a photo is added); nothing is rendered or written."""
    plans = _plan(table, template, mapping, formats, mode)
    from .faces import frame_faces  # noqa: PLC0415 - OpenCV loads only when photos come

    for item in plans:
        if item.draft is not None and item.draft.photos:
            frame_faces(template, item.draft, profile, item.draft.formats)
    return plans


def _plan(table: Table, template: Template, mapping: Mapping, formats: Sequence[str],
          mode: str) -> list[RowPlan]:
    if mode not in MODES:
        raise BulkError(f"Mode '{mode}' tidak dikenal (pilih {' atau '.join(MODES)}).")
    wanted = list(dict.fromkeys(formats)) or [template.format_keys[0]]
    bad = [f for f in wanted if f not in template.formats]
    if bad:
        raise BulkError(f"Format {', '.join(bad)} tidak ada di templat {template.id} "
                        f"(ada: {', '.join(template.format_keys)}).")
    base = table.path.parent
    checks = _PhotoChecks()
    rows = [row for row in table.rows if not is_help_row(row.cells)]
    if mode == MODE_ONE_POST:
        return _plan_one_post(rows, template, mapping, wanted, base, checks)
    plans = []
    for row in rows:
        values, photos, errors = _row_values(template, row, mapping, base, checks)
        item = RowPlan((row.number,), errors=errors)
        draft = _base_draft(template, wanted)
        draft.values.update({k: v for k, v in values.items() if v != ""})
        draft.photos.update(photos)
        if not errors:
            item.errors += _check_values(template, draft)
        item.title = _title(template, draft)
        item.draft = draft if not item.errors else None
        plans.append(item)
    return plans


def _plan_one_post(sheet_rows: list[SheetRow], template: Template, mapping: Mapping,
                   formats: list[str], base: Path, checks: _PhotoChecks) -> list[RowPlan]:
    """All rows make one post: single fields from the first row that fills them, list and
    photo fields one item (or more) per row, in row order. A bad row is left out whole (its
    photo and its caption together, so the slides stay paired) and reported on its own."""
    failed: list[RowPlan] = []
    post = RowPlan(())
    draft = _base_draft(template, formats)
    given: dict[str, int] = {}  # field -> row that gave its value
    lists: dict[str, list[str]] = {}
    rows: list[int] = []
    for row in sheet_rows:
        values, photos, errors = _row_values(template, row, mapping, base, checks)
        if errors:
            failed.append(RowPlan((row.number,), errors=errors))
            continue
        rows.append(row.number)
        for key, value in values.items():
            f = template.field(key)
            if f.type == "list":
                lists.setdefault(key, []).extend(
                    str(value).split("\n") if value != "" else [""])
            elif value == "":
                continue
            elif key not in given:
                draft.values[key] = value
                given[key] = row.number
            elif value != draft.values[key]:
                post.warnings.append(
                    f"baris {row.number}: '{f.label}' berbeda dari baris {given[key]}; "
                    "dipakai yang pertama.")
        for key, refs in photos.items():
            draft.photos.setdefault(key, []).extend(refs)
    for key, items in lists.items():
        while items and items[-1] == "":
            items.pop()
        if items:
            # a list (not text) keeps an empty caption in its place: slide n stays with photo n
            draft.values[key] = items
    post.rows = tuple(rows)
    for key, refs in draft.photos.items():
        f = template.field(key)
        if len(refs) > f.max_items:
            post.errors.append(f"{f.label}: {len(refs)} foto dari {post.where}; templat ini "
                               f"menerima paling banyak {f.max_items}.")
    if rows:
        post.errors += _check_values(template, draft)
        post.title = _title(template, draft)
        post.draft = draft if not post.errors else None
        return [post, *failed]
    return failed


# ---------------------------------------------------------------- writing


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
        rows = sum(max(1, len(p.rows)) for p in self.plans)
        good = rows - self.failed_rows - sum(len(p.rows) for p in self.plans if p.cancelled)
        text = f"{rows} baris: {good} berhasil, {self.failed_rows} gagal"
        warned = sum(1 for p in self.plans if p.status == STATUS_WARNING)
        if warned:
            text += f", {warned} dengan peringatan"
        if self.cancelled:
            text += "; dibatalkan"
        return text + "."


Progress = Callable[[BulkProgress], None]


def _write_drafts(plans: list[RowPlan], template: Template, profile: Profile, out_dir: Path,
                  progress: Progress | None, cancel: Any) -> bool:
    """Each good plan as ``<slug>.kontenopd`` in ``out_dir`` (a layout the engine cannot fit
    is a warning: the admin fixes it in the app). Returns False when cancelled."""
    from .drafts import SUFFIX, make_thumbnail, save_draft  # noqa: PLC0415
    from .export import _reserve_name, _slug, preflight  # noqa: PLC0415
    from .photos import PhotoCache  # noqa: PLC0415

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
        check = preflight(template, item.draft, profile, item.draft.formats,
                          photos=PhotoCache())
        item.warnings += [f"{fmt} perlu diperbaiki sebelum diekspor: {why}"
                          for fmt, why in check.blocked.items()]
        item.warnings += [w for w in check.warnings if w not in item.warnings]
        name = _reserve_name(out_dir, _slug(item.title), taken)
        target = out_dir / f"{name}{SUFFIX}"
        taken.add(target.name)
        try:
            save_draft(target, item.draft, profile,
                       thumbnail=make_thumbnail(template, item.draft, profile))
        except KontenError as exc:
            item.errors.append(str(exc))
            continue
        item.output = str(target)
    if progress is not None:
        progress(BulkProgress(len(todo), len(todo), "Draf selesai ditulis."))
    return True


def _export(plans: list[RowPlan], template: Template, profile: Profile, out_dir: Path, *,
            platforms: Sequence[str], image_type: str, workers: int | None,
            progress: Progress | None, cancel: Any, refuse_demo: bool,
            library: Any) -> bool:
    from .export import ExportJob, export  # noqa: PLC0415

    todo = [p for p in plans if p.draft is not None]
    if not todo:
        return True
    jobs = [ExportJob.from_draft(p.draft, profile, platforms=platforms,  # type: ignore[arg-type]
                                 image_type=image_type, label=f"{p.where}: {p.title}",
                                 template=template)
            for p in todo]

    def relay(step: Any) -> None:
        if progress is not None:
            progress(BulkProgress(step.done, step.total, step.name or step.message))

    report = export(jobs, out_dir, library=library, workers=workers, progress=relay,
                    cancel=cancel, refuse_demo=refuse_demo)
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
             out_dir: str | Path, *, drafts: bool = False, platforms: Sequence[str] = (),
             image_type: str = "jpg", workers: int | None = None,
             progress: Progress | None = None, cancel: Any = None,
             refuse_demo: bool = False, library: Any = None) -> BulkReport:
    """Write every good plan (drafts, or an export folder each) into ``out_dir``, then
    ``laporan.csv`` listing every row's outcome. Raises KontenError only when ``out_dir``
    cannot be made."""
    from .platforms import PLATFORM_KEYS  # noqa: PLC0415

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KontenError(f"Folder keluaran tidak bisa dibuat: {out} ({exc.strerror})") \
            from None
    if drafts:
        finished = _write_drafts(plans, template, profile, out, progress, cancel)
    else:
        finished = _export(plans, template, profile, out,
                           platforms=tuple(platforms) or PLATFORM_KEYS,
                           image_type=image_type, workers=workers, progress=progress,
                           cancel=cancel, refuse_demo=refuse_demo, library=library)
    report = BulkReport(plans, out, cancelled=not finished)
    report.report_path = write_report_csv(report, out / REPORT_NAME)
    return report


def report_rows(report: BulkReport) -> list[list[str]]:
    """laporan.csv's rows: header, then one line per sheet row, in sheet order."""
    lines: list[tuple[int, list[str]]] = []
    for item in report.plans:
        reasons = item.errors or item.warnings
        for number in item.rows or (0,):
            lines.append((number, [str(number) if number else "", item.status, item.title,
                                   item.output, " | ".join(reasons)]))
    lines.sort(key=lambda entry: entry[0])
    return [["baris", "status", "judul", "keluaran", "alasan"], *(cells for _, cells in lines)]


def write_report_csv(report: BulkReport, path: Path) -> Path:
    """``laporan.csv``: UTF-8 with a BOM and ';' between cells, as Excel in Indonesia opens
    it in columns."""
    from .atomic import atomic_write  # noqa: PLC0415

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(report_rows(report))
    payload = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    try:
        atomic_write(path, lambda handle: handle.write(payload))
    except OSError as exc:
        raise KontenError(f"Laporan tidak bisa ditulis ke {path} ({exc.strerror})") from None
    return path


# ---------------------------------------------------------------- remembered mappings


def load_mappings(path: Path) -> dict[str, dict[str, str]]:
    """Remembered column choices per template ({} when the file is missing or damaged)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    out: dict[str, dict[str, str]] = {}
    for template_id, entry in list(data.items())[:500]:
        if isinstance(template_id, str) and isinstance(entry, dict):
            out[template_id] = {str(k)[:80]: str(v)[:200] for k, v in list(entry.items())[:200]
                                if isinstance(v, str)}
    return out


def remember_mapping(path: Path, template_id: str, chosen: dict[str, str]) -> None:
    """Store this template's column choices (header texts) for the next sheet."""
    from .atomic import atomic_write  # noqa: PLC0415

    data = load_mappings(path)
    data[template_id] = dict(chosen)
    payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    with contextlib.suppress(OSError):  # a preference: losing it costs one choice next time
        atomic_write(path, lambda handle: handle.write(payload))


def rows_text(values: Iterable[Any]) -> str:
    """Cells as one readable line (for previews and messages)."""
    return " · ".join(cell_text(v) for v in values if cell_text(v))
