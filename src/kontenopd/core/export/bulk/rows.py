"""Sheet rows as drafts: one post per row, or one post from every row; each problem with
its row number."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import KontenError, ValueInputError
from ...io.spreadsheet import SheetRow, Table
from ...model.records import Draft, PhotoRef, Profile, value_length_problem
from ...template.roles import post_title
from ...template.schema import Field, Template
from .cells import cell_text, field_from_cell, list_count, zip_list_columns
from .columns import Mapping, targets
from .example import is_help_row

MODE_ROWS = "per-baris"  # one post per row
MODE_ONE_POST = "satu-post"  # every row adds one item (photo, list line) to a single post
MODES = (MODE_ROWS, MODE_ONE_POST)
PHOTO_SEPARATORS = re.compile(r"[;\n]")

STATUS_OK = "berhasil"
STATUS_WARNING = "peringatan"
STATUS_FAILED = "gagal"
STATUS_SKIPPED = "dibatalkan"


class BulkError(KontenError):
    """The sheet cannot be used with this template at all (no row was tried)."""


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
        from ...photos.cache import check_photo  # noqa: PLC0415

        key = str(path)
        if key not in self.seen:
            try:  # a missing file too: "Foto tidak ditemukan atau tidak bisa dibuka: …"
                check_photo(path)
                self.seen[key] = None
            except KontenError as exc:
                self.seen[key] = str(exc)
        return self.seen[key]


    def prefetch(self, paths: Sequence[Path], faces: bool) -> None:
        """Check ``paths`` (and find their faces) two at a time before the rows are planned
        one by one: decoding and OpenCV's scan let go of the GIL, so on 2 cores a sheet of
        100 photos is read in about half the time. Results land in this object and in the
        face cache; nothing here raises."""
        from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

        from ...render import faces as face_detection  # noqa: PLC0415

        def one(path: Path) -> None:
            if self.problem(path) is None and faces:
                face_detection.detect_faces(path)

        todo = list(dict.fromkeys(paths))
        if len(todo) < 2:
            return
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="bulk-photos") as pool:
            list(pool.map(one, todo))


def _cell_paths(value: Any, base: Path) -> list[Path]:
    """The photo files a cell names (``;`` or a line break between them), resolved against
    the sheet's folder."""
    paths = []
    for part in PHOTO_SEPARATORS.split(cell_text(value)):
        name = part.strip().strip('"')
        if name:
            path = Path(name).expanduser()
            paths.append((path if path.is_absolute() else base / path).resolve())
    return paths


def _photo_refs(f: Field, value: Any, base: Path, checks: _PhotoChecks) -> list[PhotoRef]:
    refs = []
    for path in _cell_paths(value, base):
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
        values[key] = zip_list_columns(template.field(key), columns)
    return values, photos, errors


def _check_values(template: Template, draft: Draft) -> list[str]:
    from ...render import field_value, missing_required  # noqa: PLC0415

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
        if f.type == "list" and list_count(f, value) > f.max_items:
            problems.append(f"Daftar '{f.label}' berisi {list_count(f, value)} butir; "
                            f"maksimal {f.max_items}.")
    return problems


def plan(table: Table, template: Template, mapping: Mapping, *,
         formats: Sequence[str] = (), mode: str = MODE_ROWS,
         profile: Profile | None = None) -> list[RowPlan]:
    """Every row (or, in MODE_ONE_POST, every row's item of one post) as a draft or as the
    reasons it cannot be one; photos are checked and framed so their faces stay in
    ``formats`` (as the app does when a photo is added); nothing is rendered or written."""
    plans = _plan(table, template, mapping, formats, mode, _PhotoChecks())
    from ...render.faces import frame_faces  # noqa: PLC0415 - OpenCV: only with photos

    for item in plans:
        if item.draft is not None and item.draft.photos:
            frame_faces(template, item.draft, profile, item.draft.formats)
    return plans


def _plan(table: Table, template: Template, mapping: Mapping, formats: Sequence[str],
          mode: str, checks: _PhotoChecks) -> list[RowPlan]:
    if mode not in MODES:
        raise BulkError(f"Mode '{mode}' tidak dikenal (pilih {' atau '.join(MODES)}).")
    wanted = list(dict.fromkeys(formats)) or [template.format_keys[0]]
    bad = [f for f in wanted if f not in template.formats]
    if bad:
        raise BulkError(f"Format {', '.join(bad)} tidak ada di templat {template.id} "
                        f"(ada: {', '.join(template.format_keys)}).")
    base = table.path.parent
    rows = [row for row in table.rows if not is_help_row(row.cells)]
    _prefetch_photos(template, mapping, rows, base, checks)
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
        item.title = post_title(draft, template)
        item.draft = draft if not item.errors else None
        plans.append(item)
    return plans


def _prefetch_photos(template: Template, mapping: Mapping, rows: list[SheetRow], base: Path,
                     checks: _PhotoChecks) -> None:
    """Every photo the rows name, checked (and its faces found) before the rows are planned
    one by one: see _PhotoChecks.prefetch."""
    photo_keys = [t.key for t in targets(template)
                  if t.field.type == "photo" and not t.column and t.key in mapping]
    if not photo_keys:
        return
    from ...render.faces import available  # noqa: PLC0415 - OpenCV: only with photos

    checks.prefetch([path for row in rows for key in photo_keys
                     for path in _cell_paths(row.get(mapping[key]), base)], faces=available())


def _plan_one_post(sheet_rows: list[SheetRow], template: Template, mapping: Mapping,
                   formats: list[str], base: Path, checks: _PhotoChecks) -> list[RowPlan]:
    """All rows make one post: single fields from the first row that fills them, list and
    photo fields one item (or more) per row, in row order. A bad row is left out whole (its
    photo and its caption together, so the slides stay paired) and reported on its own."""
    failed: list[RowPlan] = []
    post = RowPlan(())
    merged = _OnePost(template, _base_draft(template, formats))
    rows: list[int] = []
    for row in sheet_rows:
        values, photos, errors = _row_values(template, row, mapping, base, checks)
        if errors:
            failed.append(RowPlan((row.number,), errors=errors))
            continue
        rows.append(row.number)
        merged.add(row.number, values, photos)
    draft = merged.finish()
    post.rows = tuple(rows)
    post.warnings = merged.warnings
    for key, refs in draft.photos.items():
        f = template.field(key)
        if len(refs) > f.max_items:
            post.errors.append(f"{f.label}: {len(refs)} foto dari {post.where}; templat ini "
                               f"menerima paling banyak {f.max_items}.")
    if rows:
        post.errors += _check_values(template, draft)
        post.title = post_title(draft, template)
        post.draft = draft if not post.errors else None
        return [post, *failed]
    return failed


class _OnePost:
    """The one post that every good row adds to (see :func:`_plan_one_post`)."""

    def __init__(self, template: Template, draft: Draft) -> None:
        self.template = template
        self.draft = draft
        self.warnings: list[str] = []  # the post's warnings (values that differ by row)
        self.given: dict[str, int] = {}  # field -> row that gave its value
        self.lists: dict[str, list[str]] = {}

    def add(self, number: int, values: dict[str, Any],
            photos: dict[str, list[PhotoRef]]) -> None:
        """Row ``number``'s values and photos: list lines and photos are appended, a single
        value kept from the first row that gives it (a different one later is a warning)."""
        for key, value in values.items():
            f = self.template.field(key)
            if f.type == "list":
                self.lists.setdefault(key, []).extend(
                    str(value).split("\n") if value != "" else [""])
            elif value == "":
                continue
            elif key not in self.given:
                self.draft.values[key] = value
                self.given[key] = number
            elif value != self.draft.values[key]:
                self.warnings.append(
                    f"baris {number}: '{f.label}' berbeda dari baris {self.given[key]}; "
                    "dipakai yang pertama.")
        for key, refs in photos.items():
            self.draft.photos.setdefault(key, []).extend(refs)

    def finish(self) -> Draft:
        """The draft with its lists set (trailing empty lines dropped)."""
        for key, items in self.lists.items():
            while items and items[-1] == "":
                items.pop()
            if items:
                # a list (not text) keeps an empty caption in its place: slide n stays with
                # photo n
                self.draft.values[key] = items
        return self.draft
