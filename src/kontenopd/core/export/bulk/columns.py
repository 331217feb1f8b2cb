"""Which column fills which field: targets, matching by name, remembered choices."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...io.spreadsheet import norm_header
from ...template.schema import Field, Template


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
    from ...io.atomic import atomic_write  # noqa: PLC0415

    data = load_mappings(path)
    data[template_id] = dict(chosen)
    payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    with contextlib.suppress(OSError):  # a preference: losing it costs one choice next time
        atomic_write(path, lambda handle: handle.write(payload))
