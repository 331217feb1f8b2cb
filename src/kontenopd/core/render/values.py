"""The field-value rules: a draft's stored values as templates see them.

Dates become ``date`` objects, times "08.00", lists a list (of dicts for columned lists), booleans
bools; ``missing_required`` says which required fields are empty.
"""

from __future__ import annotations

import os
from datetime import date
from functools import lru_cache
from typing import Any

from ..errors import KontenError, ValueInputError
from ..model.dates import parse_date, parse_time
from ..model.records import Draft, Profile
from ..photos.cache import probe_photo
from ..template.schema import Field, Template


def list_items(value: Any, columns: tuple[str, ...] = ()) -> list[Any]:
    """Normalise a list field: a list, or text with one item per line (or ';').

    With ``columns``, each item becomes a dict; text items split on '|', sequences and dicts
    with other keys give their cells in order. The one parser of list values: the form's
    table (editing.list_lines) reads them through it too.
    """
    if value in (None, ""):
        return []
    if isinstance(value, str):
        sep = "\n" if "\n" in value else ";"
        items: list[Any] = [part.strip() for part in value.split(sep) if part.strip()]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        raise ValueInputError(f"Isi daftar tidak valid: {str(value)[:40]}")
    if not columns:
        return [str(i) if not isinstance(i, dict) else " ".join(map(str, i.values()))
                for i in items]
    out = []
    for entry in items:
        # a dict with other names gives its cells in their order
        item = list(entry.values()) if isinstance(entry, dict) and \
            not any(c in entry for c in columns) else entry
        if isinstance(item, dict):
            out.append({c: str(item.get(c, "")) for c in columns})
        elif isinstance(item, (list, tuple)):
            out.append({c: (str(item[i]).strip() if i < len(item) else "")
                        for i, c in enumerate(columns)})
        else:
            parts = [p.strip() for p in str(item).split("|")]
            out.append({c: (parts[i] if i < len(parts) else "") for i, c in enumerate(columns)})
    return out


def field_value(f: Field, value: Any) -> Any:
    """A draft value converted for templates (dates to ``date``, lists normalised)."""
    if f.type == "date":
        return parse_date(value) if value not in (None, "") else ""
    if f.type == "time":
        if value in (None, ""):
            return ""
        t = parse_time(value)
        return f"{t.hour:02d}.{t.minute:02d}"
    if f.type == "list":
        return list_items(value, f.columns)
    if f.type == "bool":
        return value if isinstance(value, bool) else str(value).lower() in ("1", "ya", "true")
    return "" if value is None else str(value)


def build_context(template: Template, draft: Draft, profile: Profile) -> dict[str, Any]:
    ctx: dict[str, Any] = {"profile": profile.template_view(), "today": date.today()}
    for f in template.fields:
        if f.type == "photo":
            refs = list(draft.photos.get(f.key, []))
            ctx[f.key] = refs
            # which photos stand upright (portrait), for layouts chosen by orientation
            ctx[f"{f.key}_tegak"] = [_upright(ref.path) for ref in refs]
        else:
            ctx[f.key] = field_value(f, draft.values.get(f.key, f.default))
    return ctx


@lru_cache(maxsize=256)
def _upright_at(path: str, mtime_ns: int, size: int) -> bool:
    try:
        info = probe_photo(path)
    except KontenError:
        return False
    return info.height > info.width


def _upright(path: str) -> bool:
    """Whether the photo at ``path`` is taller than wide once turned upright (False when it
    cannot be read: the render reports that photo on its own)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    return _upright_at(path, st.st_mtime_ns, st.st_size)


def missing_required(template: Template, draft: Draft) -> list[Field]:
    out = []
    for f in template.fields:
        if not f.required:
            continue
        if f.type == "photo":
            if not draft.photos.get(f.key):
                out.append(f)
        elif draft.values.get(f.key, f.default) in (None, "", []):
            out.append(f)
    return out

