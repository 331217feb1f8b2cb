"""Template library: loading and validating assets/templates/<id>/template.json.

A template declares its fields, its formats (pixel size + ordered layers) and its caption
files. Layers are typed, frozen dataclasses (``layers.py``) built from JSON by one validating
reader, which reports the file and the JSON path of the first offending key. A broken
template never stops the others from loading.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from ..errors import TemplateError
from ..model.platforms import FORMAT_SIZES, PLATFORM_KEYS
from .checks import InvalidError, as_jinja
from .layers import Layer, read_layer
from .schema import FIELD_TYPES, Field, Format, Slide, Template

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _field(data: Any, key: str) -> Field:
    if not isinstance(data, dict):
        raise InvalidError(key, "field harus berupa objek")
    for name in data:
        if name not in {f.name for f in fields(Field)} and name != "comment":
            raise InvalidError(f"{key}.{name}", "kunci tidak dikenal")
    for name in ("key", "label", "type"):
        if not isinstance(data.get(name), str) or not data[name]:
            raise InvalidError(f"{key}.{name}", "wajib diisi dengan teks")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", data["key"]):
        raise InvalidError(f"{key}.key", "hanya huruf kecil, angka dan _ (contoh: judul_acara)")
    if data["type"] not in FIELD_TYPES:
        raise InvalidError(f"{key}.type", f"jenis field {data['type']!r} tidak dikenal")
    if data["type"] == "choice" and not data.get("choices"):
        raise InvalidError(f"{key}.choices", "field pilihan butuh daftar choices")
    try:
        return Field(
            key=data["key"], label=data["label"], type=data["type"],
            required=bool(data.get("required", False)),
            max_length=data.get("max_length"), default=data.get("default"),
            help=str(data.get("help", "")), placeholder=str(data.get("placeholder", "")),
            choices=tuple(str(c) for c in data.get("choices", ())),
            max_items=int(data.get("max_items", 1)),
            columns=tuple(str(c) for c in data.get("columns", ())),
        )
    except (TypeError, ValueError) as exc:
        raise InvalidError(key, f"field tidak valid: {exc}") from None


def _validate_refs(template_fields: dict[str, Field], layer: Layer, key: str) -> None:
    """Photo/list/stats layers must name a field of the matching type."""
    wanted = {"photo": ("photo",), "list": ("list",), "stats": ("list",)}.get(layer.type)
    if wanted:
        name = layer.field  # type: ignore[attr-defined]
        f = template_fields.get(name)
        if f is None or f.type not in wanted:
            raise InvalidError(f"{key}.field", f"field {name!r} tidak ada atau bukan {wanted[0]}")


def _layers(value: list[Any], key: str, styles: dict[str, dict[str, Any]],
            template_fields: dict[str, Field]) -> list[Layer]:
    out = []
    for i, raw_layer in enumerate(value):
        layer = read_layer(raw_layer, f"{key}[{i}]", styles)
        _validate_refs(template_fields, layer, f"{key}[{i}]")
        out.append(layer)
    return out


def _slides(value: Any, key: str, styles: dict[str, dict[str, Any]],
            template_fields: dict[str, Field]) -> tuple[Slide, ...]:
    if not isinstance(value, list) or not value:
        raise InvalidError(key, "slides harus daftar slide (minimal satu)")
    out = []
    for i, raw in enumerate(value):
        where = f"{key}[{i}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("layers"), list):
            raise InvalidError(f"{where}.layers", "wajib berupa daftar layer")
        for name in raw:
            if name not in ("layers", "repeat", "name", "comment", "start", "min_items"):
                raise InvalidError(f"{where}.{name}", "kunci tidak dikenal")
        repeat = raw.get("repeat")
        if repeat is not None:
            f = template_fields.get(repeat) if isinstance(repeat, str) else None
            if f is None or f.type not in ("photo", "list"):
                raise InvalidError(f"{where}.repeat", f"field {repeat!r} bukan foto atau daftar")
        start = raw.get("start", 0)
        if isinstance(start, bool) or not isinstance(start, int) or not 0 <= start <= 20 \
                or (start and repeat is None):
            raise InvalidError(f"{where}.start", "harus bilangan 0-20, hanya bersama repeat")
        min_items = raw.get("min_items", {})
        if not isinstance(min_items, dict) or not all(
                isinstance(k, str) and k in template_fields
                and template_fields[k].type in ("photo", "list")
                and isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 20
                for k, v in min_items.items()):
            raise InvalidError(f"{where}.min_items",
                                "harus {field foto/daftar: jumlah 0-20}")
        layers = _layers(raw["layers"], f"{where}.layers", styles, template_fields)
        out.append(Slide(tuple(layers), repeat, str(raw.get("name", "")), start,
                         tuple(sorted(min_items.items()))))
    return tuple(out)


CAPTION_PLATFORMS = PLATFORM_KEYS  # caption_<platform>.j2


def _discover_captions(folder: Path, explicit: Any) -> dict[str, Path]:
    """Caption templates by convention: ``caption_<platform>.j2`` and ``caption.j2`` ("*").

    An explicit ``captions`` mapping {platform: file} in template.json is still honoured.
    Each file must be a valid Jinja2 template; platforms without a file fall back to the
    generic captions (see core/captions/compose.py).
    """
    if not isinstance(explicit, dict):
        raise InvalidError("captions", "captions harus objek {platform: berkas.j2}")
    found: dict[str, tuple[str, Path]] = {}
    for platform, name in explicit.items():
        path = folder / str(name)
        if not path.is_file():
            raise InvalidError(f"captions.{platform}", f"berkas {name!r} tidak ada")
        found[str(platform)] = (f"captions.{platform}", path)
    for platform in (*CAPTION_PLATFORMS, "*"):
        name = "caption.j2" if platform == "*" else f"caption_{platform}.j2"
        path = folder / name
        if platform not in found and path.is_file():
            found[platform] = (name, path)
    captions: dict[str, Path] = {}
    for platform, (key, path) in found.items():
        try:
            as_jinja(path.read_text(encoding="utf-8"), key)
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidError(key, f"berkas caption tidak dapat dibaca: {exc}") from None
        captions[platform] = path
    return captions


def parse_template(data: Any, folder: Path, file: str = "template.json") -> Template:
    """Validate template JSON data. Raises TemplateError naming the file and key."""
    try:
        return _parse(data, folder)
    except InvalidError as exc:
        raise TemplateError(exc.message, file=file, key=exc.key) from None


def _parse(data: Any, folder: Path) -> Template:
    _check_identity(data)
    template_fields = _template_fields(data.get("fields"))
    styles = data.get("styles", {})
    if not isinstance(styles, dict) or not all(isinstance(v, dict) for v in styles.values()):
        raise InvalidError("styles", "styles harus objek berisi objek")
    raw_formats = data.get("formats")
    if not isinstance(raw_formats, dict) or not raw_formats:
        raise InvalidError("formats", "wajib berisi minimal satu format")
    formats = {fkey: _format(fkey, raw, styles, template_fields)
               for fkey, raw in raw_formats.items()}
    captions = _discover_captions(folder, data.get("captions", {}))
    sample = data.get("sample", {})
    if not isinstance(sample, dict):
        raise InvalidError("sample", "sample harus berupa objek")
    sample_photos = _sample_photos(data.get("sample_photos", {}), template_fields)
    return Template(
        id=data["id"], name=data["name"], kind=data["kind"],
        description=str(data.get("description", "")), fields=tuple(template_fields.values()),
        formats=formats, captions=captions, folder=folder, sample=sample,
        sample_photos={k: tuple(v) for k, v in sample_photos.items()},
    )


def _check_identity(data: Any) -> None:
    """template.json is an object with an id, a name and a kind."""
    if not isinstance(data, dict):
        raise InvalidError("", "isi template.json harus berupa objek")
    for name in ("id", "name", "kind"):
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise InvalidError(name, "wajib diisi dengan teks")
    if not _ID.fullmatch(data["id"]):
        raise InvalidError("id", "id hanya huruf kecil, angka dan tanda hubung")


def _template_fields(raw_fields: Any) -> dict[str, Field]:
    """The template's fields by key, each key used once."""
    if not isinstance(raw_fields, list) or not raw_fields:
        raise InvalidError("fields", "wajib berupa daftar field")
    template_fields: dict[str, Field] = {}
    for i, raw in enumerate(raw_fields):
        f = _field(raw, f"fields[{i}]")
        if f.key in template_fields:
            raise InvalidError(f"fields[{i}].key", f"kunci {f.key!r} dipakai dua kali")
        template_fields[f.key] = f
    return template_fields


def _format(fkey: str, raw: Any, styles: dict[str, dict[str, Any]],
            template_fields: dict[str, Field]) -> Format:
    """One entry of ``formats``: its layers, or its slides (the first slide's layers then)."""
    where = f"formats.{fkey}"
    if fkey not in FORMAT_SIZES:
        raise InvalidError(where, f"format {fkey!r} tidak dikenal ({', '.join(FORMAT_SIZES)})")
    if isinstance(raw, dict) and "slides" in raw:
        slides = _slides(raw["slides"], f"{where}.slides", styles, template_fields)
        layers = list(slides[0].layers)
    elif not isinstance(raw, dict) or not isinstance(raw.get("layers"), list):
        raise InvalidError(f"{where}.layers", "wajib berupa daftar layer")
    else:
        slides = ()
        layers = _layers(raw["layers"], f"{where}.layers", styles, template_fields)
    size = raw.get("size", list(FORMAT_SIZES[fkey]))
    if list(size) != list(FORMAT_SIZES[fkey]):
        raise InvalidError(f"{where}.size", f"ukuran {fkey} harus {FORMAT_SIZES[fkey]}")
    return Format(fkey, size[0], size[1], tuple(layers), slides)


def _sample_photos(sample_photos: Any, template_fields: dict[str, Field]) -> dict[str, list[str]]:
    """``sample_photos``: {photo field: [file names]}."""
    if not isinstance(sample_photos, dict) or not all(
            isinstance(v, list) and all(isinstance(n, str) for n in v)
            for v in sample_photos.values()):
        raise InvalidError("sample_photos", "sample_photos harus {field: [berkas.jpg, ...]}")
    for key in sample_photos:
        photo_field = template_fields.get(key)
        if photo_field is None or photo_field.type != "photo":
            raise InvalidError(f"sample_photos.{key}", "bukan field foto")
    return sample_photos


def load_template(folder: Path) -> Template:
    file = folder / "template.json"
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TemplateError(f"tidak dapat dibaca ({exc.strerror})", file=str(file)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TemplateError(f"JSON rusak: {exc}", file=str(file)) from None
    template = parse_template(data, folder, str(file))
    if template.id != folder.name:
        raise TemplateError(f"id {template.id!r} harus sama dengan nama folder", file=str(file),
                            key="id")
    return template


_TEMPLATE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Library:
    """Every template that loaded, plus an error for each that did not.

    Read lazily: :meth:`get` parses only the template asked for (``kontenopd render`` and an
    export worker need one of fifteen), ``templates`` and ``errors`` load them all on first
    use. Later folders override earlier ids.
    """

    def __init__(self, templates: dict[str, Template] | None = None,
                 errors: list[TemplateError] | None = None, *,
                 folders: Sequence[Path] = ()) -> None:
        self._templates = templates
        self._errors = errors if errors is not None else ([] if templates is not None else None)
        self._folders = tuple(folders)
        self._single: dict[str, Template] = {}

    @property
    def templates(self) -> dict[str, Template]:
        if self._templates is None:
            self._load_all()
        assert self._templates is not None
        return self._templates

    @property
    def errors(self) -> list[TemplateError]:
        if self._errors is None:
            self._load_all()
        assert self._errors is not None
        return self._errors

    def _load_all(self) -> None:
        templates: dict[str, Template] = {}
        errors: list[TemplateError] = []
        for root in self._folders:
            if not root.is_dir():
                continue
            for sub in sorted(p for p in root.iterdir() if (p / "template.json").is_file()):
                try:
                    template = self._single.get(sub.name) or load_template(sub)
                except TemplateError as exc:
                    errors.append(exc)
                    continue
                templates[template.id] = template
        self._templates, self._errors = templates, errors

    def _folder_of(self, template_id: str) -> Path | None:
        if not _TEMPLATE_ID.fullmatch(template_id):
            return None
        for root in reversed(self._folders):
            if (root / template_id / "template.json").is_file():
                return root / template_id
        return None

    def get(self, template_id: str) -> Template:
        if self._templates is None:
            folder = self._folder_of(template_id)
            if folder is not None:
                if template_id not in self._single:
                    self._single[template_id] = load_template(folder)
                return self._single[template_id]
        try:
            return self.templates[template_id]
        except KeyError:
            known = ", ".join(sorted(self.templates)) or "-"
            raise TemplateError(
                f"Templat '{template_id}' tidak ditemukan. Templat yang ada: {known}"
            ) from None

    def __repr__(self) -> str:
        loaded = "belum dibaca" if self._templates is None else f"{len(self._templates)} templat"
        return f"Library({', '.join(str(f) for f in self._folders) or '-'}: {loaded})"


def load_library(*folders: Path) -> Library:
    """The templates of every <folder>/<id>/template.json (default: the bundled ones); later
    folders override earlier ids. Nothing is parsed until asked for (see :class:`Library`)."""
    if not folders:
        from ..paths import templates_dir  # noqa: PLC0415

        folders = (templates_dir(),)
    return Library(folders=folders)
