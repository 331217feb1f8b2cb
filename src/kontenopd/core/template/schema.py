"""What a loaded template is: its fields, its formats (layers, or carousel slides) and its
caption files, as frozen dataclasses. ``library.py`` reads them from template.json."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .layers import Layer

FIELD_TYPES = ("text", "multiline", "date", "time", "photo", "list", "number", "choice", "qr",
               "bool")


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    type: str
    required: bool = False
    max_length: int | None = None
    default: Any = None
    help: str = ""
    placeholder: str = ""
    choices: tuple[str, ...] = ()
    max_items: int = 1
    columns: tuple[str, ...] = ()  # list items with parts, e.g. ("nilai", "keterangan")


@dataclass(frozen=True)
class Slide:
    """One carousel slide; with ``repeat`` (a photo or list field) one slide per item."""

    layers: tuple[Layer, ...]
    repeat: str | None = None
    name: str = ""
    start: int = 0  # with ``repeat``: the first item to get a slide (1: the cover has item 0)
    min_items: tuple[tuple[str, int], ...] = ()  # shown only when these fields hold so many


@dataclass(frozen=True)
class Format:
    key: str
    width: int
    height: int
    layers: tuple[Layer, ...]  # a carousel's first slide
    slides: tuple[Slide, ...] = ()  # empty: a single image

    @property
    def size(self) -> tuple[int, int]:
        return (self.width, self.height)


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    kind: str
    description: str
    fields: tuple[Field, ...]
    formats: dict[str, Format]
    captions: dict[str, Path]
    folder: Path
    sample: dict[str, Any]
    sample_photos: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    @property
    def format_keys(self) -> list[str]:
        return list(self.formats)

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "kind": self.kind,
            "description": self.description, "formats": self.format_keys,
            "carousel": any(f.slides for f in self.formats.values()),
            "fields": [
                {"key": f.key, "label": f.label, "type": f.type, "required": f.required}
                for f in self.fields
            ],
        }
