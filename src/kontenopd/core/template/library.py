"""Template format: loading and validating assets/templates/<id>/template.json.

A template declares its fields, its formats (pixel size + ordered layers) and its caption
files. Layers are typed, frozen dataclasses built from JSON by one validating reader, which
reports the file and the JSON path of the first offending key. A broken template never stops
the others from loading.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import MISSING, dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

import jinja2

from ..errors import TemplateError
from ..model.colors import parse_hex
from ..model.platforms import FORMAT_SIZES, PLATFORM_KEYS
from .sandbox import environment

FIELD_TYPES = ("text", "multiline", "date", "time", "photo", "list", "number", "choice", "qr",
               "bool")
COLOR_REFS = ("primary", "secondary", "accent", "text", "light", "background")
FONT_ROLES = ("heading", "body")
SCRIM_MODES = ("auto", "none")  # text and stack layers: adaptive scrim behind the text
Box = tuple[int, int, int, int]


class _InvalidError(Exception):
    def __init__(self, key: str, message: str) -> None:
        self.key, self.message = key, message


# ---------------------------------------------------------------- value checkers


def _color(value: Any, key: str) -> str:
    """'#RRGGBB[AA]', 'profile.<role>' or 'profile.<role>@0.8' (opacity)."""
    if not isinstance(value, str):
        raise _InvalidError(key, "warna harus berupa teks")
    base, _, alpha = value.partition("@")
    if alpha:
        try:
            a = float(alpha)
        except ValueError:
            raise _InvalidError(key, f"opasitas warna tidak valid: {value!r}") from None
        if not 0 <= a <= 1:
            raise _InvalidError(key, f"opasitas warna harus 0..1: {value!r}")
    if base.startswith("profile."):
        if base[8:] not in COLOR_REFS:
            raise _InvalidError(key, f"peran warna tidak dikenal: {base!r}")
        return value
    try:
        parse_hex(base)
    except ValueError:
        raise _InvalidError(key, f"warna tidak valid: {value!r}") from None
    return value


def _box(value: Any, key: str) -> Box:
    if (not isinstance(value, list) or len(value) != 4
            or not all(isinstance(v, (int, float)) for v in value)):
        raise _InvalidError(key, "box harus [x, y, lebar, tinggi]")
    x, y, w, h = (round(v) for v in value)
    if w <= 0 or h <= 0:
        raise _InvalidError(key, "lebar dan tinggi box harus lebih dari 0")
    return (x, y, w, h)


def _choice(*options: str) -> Any:
    def check(value: Any, key: str) -> str:
        if value not in options:
            raise _InvalidError(key, f"nilai {value!r} tidak dikenal (pilih: {', '.join(options)})")
        return value
    return check


def _number(lo: float, hi: float, integer: bool = False) -> Any:
    def check(value: Any, key: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _InvalidError(key, "harus berupa angka")
        if not lo <= value <= hi:
            raise _InvalidError(key, f"harus antara {lo} dan {hi}")
        return int(value) if integer else float(value)
    return check


def _string(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise _InvalidError(key, "harus berupa teks")
    return value


@lru_cache(maxsize=4096)
def _syntax_error(source: str) -> str | None:
    """Why Jinja2 cannot parse ``source``, or None. Kept per text: the bundled templates
    hold about 1,070 expressions but only about 110 different ones (a collage's "foto|length
    == 6" in every format), so loading the library parses each once."""
    try:
        environment().parse(source)
    except jinja2.TemplateSyntaxError as exc:
        return exc.message or "?"
    return None


def _jinja(value: Any, key: str) -> str:
    """A Jinja2 template string. Only parsed here (a syntax check): compiling every text of
    every template at start-up would cost most of the library's load time; the renderer
    compiles each one on first use and caches it."""
    value = _string(value, key)
    error = _syntax_error(value)
    if error is not None:
        raise _InvalidError(key, f"ekspresi tidak valid ({error}): {value[:60]}")
    return value


def _expression(value: Any, key: str) -> str:
    value = _string(value, key)
    error = _syntax_error("{{ " + value + " }}")
    if error is not None:
        raise _InvalidError(key, f"kondisi tidak valid: {error}")
    return value


def _boolean(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise _InvalidError(key, "harus true atau false")
    return value


def _bool_or_expr(value: Any, key: str) -> bool | str:
    return value if isinstance(value, bool) else _expression(value, key)


def _font(value: Any, key: str) -> str:
    value = _string(value, key)
    if value in FONT_ROLES:
        return value
    from ..text.fonts import families  # noqa: PLC0415

    if value not in families():
        raise _InvalidError(
            key, f"huruf {value!r} tidak ada (pakai heading, body atau nama keluarga)")
    return value


def _weight(value: Any, key: str) -> str:
    from ..text.fonts import WEIGHTS  # noqa: PLC0415

    if isinstance(value, int) and 100 <= value <= 900:
        return str(value)
    if value not in WEIGHTS:
        raise _InvalidError(key, f"ketebalan {value!r} tidak dikenal ({', '.join(WEIGHTS)})")
    return value


def _stops(value: Any, key: str) -> tuple[tuple[float, str], ...]:
    if not isinstance(value, list) or len(value) < 2:
        raise _InvalidError(key, "stops harus daftar [[posisi, warna], ...] minimal 2")
    out = []
    for i, stop in enumerate(value):
        if not isinstance(stop, list) or len(stop) != 2:
            raise _InvalidError(f"{key}[{i}]", "setiap stop harus [posisi, warna]")
        pos = _number(0, 1)(stop[0], f"{key}[{i}]")
        out.append((pos, _color(stop[1], f"{key}[{i}]")))
    return tuple(out)


def _padding(value: Any, key: str) -> tuple[int, int]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (int(value), int(value))
    if isinstance(value, list) and len(value) == 2 and all(
            isinstance(v, (int, float)) for v in value):
        return (int(value[0]), int(value[1]))
    raise _InvalidError(key, "padding harus angka atau [horizontal, vertikal]")


def _spec(check: Any, default: Any = MISSING) -> Any:
    if default is MISSING:
        return field(metadata={"check": check})
    return field(default=default, metadata={"check": check})


# ---------------------------------------------------------------- layers


@dataclass(frozen=True, kw_only=True)
class Layer:
    type: ClassVar[str] = ""
    when: str | None = _spec(_expression, None)
    opacity: float = _spec(_number(0, 1), 1.0)


@dataclass(frozen=True, kw_only=True)
class Panel:
    """A background drawn behind a text or a stack, sized to its content."""

    fill: str = _spec(_color, "profile.primary")
    padding: tuple[int, int] = _spec(_padding, (24, 12))
    radius: int = _spec(_number(0, 2000, True), 0)


def _panel(value: Any, key: str) -> Panel | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _InvalidError(key, "panel harus berupa objek")
    return _build(Panel, value, key)


@dataclass(frozen=True, kw_only=True)
class RectLayer(Layer):
    type: ClassVar[str] = "rect"
    box: Box = _spec(_box)
    fill: str = _spec(_color, "profile.primary")
    radius: int = _spec(_number(0, 4000, True), 0)


@dataclass(frozen=True, kw_only=True)
class GradientLayer(Layer):
    type: ClassVar[str] = "gradient"
    box: Box = _spec(_box)
    stops: tuple[tuple[float, str], ...] = _spec(_stops)
    direction: str = _spec(_choice("down", "up", "right", "left"), "down")


def _photo_index(value: Any, key: str) -> int | str:
    """A fixed index, or "n": the photo of the current slide in a repeated carousel slide."""
    if value == "n":
        return value
    return _number(0, 20, True)(value, key)


@dataclass(frozen=True, kw_only=True)
class PhotoLayer(Layer):
    type: ClassVar[str] = "photo"
    box: Box = _spec(_box)
    field: str = _spec(_string)
    index: int | str = _spec(_photo_index, 0)
    radius: int = _spec(_number(0, 4000, True), 0)
    grayscale: bool | str = _spec(_bool_or_expr, False)
    placeholder: str = _spec(_color, "profile.secondary")
    fit: str = _spec(_choice("cover", "contain"), "cover")  # contain: whole photo (screenshots)


@dataclass(frozen=True, kw_only=True)
class ImageLayer(Layer):
    type: ClassVar[str] = "image"
    box: Box = _spec(_box)
    src: str = _spec(_string)
    fit: str = _spec(_choice("contain", "cover", "stretch"), "contain")


@dataclass(frozen=True, kw_only=True)
class LogoLayer(Layer):
    type: ClassVar[str] = "logo"
    box: Box = _spec(_box)
    which: str = _spec(_choice("pemda", "opd", "both"), "both")
    align: str = _spec(_choice("left", "center", "right"), "left")
    gap: int = _spec(_number(0, 400, True), 20)


@dataclass(frozen=True, kw_only=True)
class TextLayer(Layer):
    """A text in its box (or a stack's child). ``"scrim": "auto"`` paints an adaptive scrim
    behind its ink before it is drawn, hanging from the ``valign`` edge of the box: the
    contrast check then judges the text on the scrim (see ``render.scrim``)."""

    type: ClassVar[str] = "text"
    text: str = _spec(_jinja)
    box: Box | None = _spec(_box, None)  # None inside a stack
    height: int | None = _spec(_number(1, 4000, True), None)  # max height inside a stack
    font: str = _spec(_font, "body")
    weight: str = _spec(_weight, "regular")
    italic: bool = _spec(_boolean, False)
    size: int = _spec(_number(8, 600, True), 32)
    min_size: int | None = _spec(_number(8, 600, True), None)
    max_lines: int | None = _spec(_number(1, 100, True), None)
    line_height: float = _spec(_number(0.8, 3), 1.25)
    tracking: float = _spec(_number(-0.1, 0.5), 0.0)
    align: str = _spec(_choice("left", "center", "right"), "left")
    valign: str = _spec(_choice("top", "middle", "bottom"), "top")
    color: str = _spec(_color, "profile.text")
    uppercase: bool = _spec(_boolean, False)
    shadow: bool = _spec(_boolean, False)
    panel: Panel | None = _spec(_panel, None)
    field: str | None = _spec(_string, None)  # the field warnings name; derived if absent
    space_before: int | None = _spec(_number(0, 1000, True), None)  # in a stack: own gap
    # Secondary text (a summary, a tagline): left out whole when it does not fit, never cut.
    # Everything else is protected: if it does not fit, the format is blocked with a message.
    optional: bool = _spec(_boolean, False)
    balance: bool = _spec(_boolean, False)  # even line lengths (titles, quotes)
    # "auto": an adaptive scrim measured on the photo behind the text (see render.scrim):
    # as dark (light ink) or light (dark ink) as it needs to reach 4.5:1 (3:1 large), soft
    # edges, nothing on a photo that is fine already, a solid panel when > 90 % is needed.
    # Ignored with a ``panel`` (the panel is the background). "none": no scrim (default).
    scrim: str = _spec(_choice(*SCRIM_MODES), "none")


@dataclass(frozen=True, kw_only=True)
class RuleLayer(Layer):
    """A short accent bar; inside a stack it takes ``width`` x ``thickness``."""

    type: ClassVar[str] = "rule"
    box: Box | None = _spec(_box, None)
    width: int = _spec(_number(1, 4000, True), 96)
    thickness: int = _spec(_number(1, 200, True), 8)
    color: str = _spec(_color, "profile.accent")
    radius: int = _spec(_number(0, 100, True), 0)
    space_before: int | None = _spec(_number(0, 1000, True), None)
    align: str = _spec(_choice("left", "center", "right"), "left")  # inside a stack


@dataclass(frozen=True, kw_only=True)
class ListLayer(Layer):
    """Numbered, bulleted or checked items; in its box, or a stack's child (no box): then it
    takes the height its items need and shrinks with the stack's other children."""

    type: ClassVar[str] = "list"
    box: Box | None = _spec(_box, None)
    field: str = _spec(_string)
    font: str = _spec(_font, "body")
    weight: str = _spec(_weight, "medium")
    size: int = _spec(_number(8, 300, True), 32)
    min_size: int | None = _spec(_number(8, 300, True), None)
    line_height: float = _spec(_number(0.8, 3), 1.3)
    gap: int = _spec(_number(0, 400, True), 20)
    color: str = _spec(_color, "profile.text")
    marker: str = _spec(_choice("number", "bullet", "check"), "number")
    marker_color: str = _spec(_color, "profile.primary")
    marker_text: str = _spec(_color, "profile.light")
    space_before: int | None = _spec(_number(0, 1000, True), None)  # in a stack: own gap


@dataclass(frozen=True, kw_only=True)
class StatsLayer(Layer):
    type: ClassVar[str] = "stats"
    box: Box = _spec(_box)
    field: str = _spec(_string)
    columns: int = _spec(_number(1, 6, True), 2)
    gap: int = _spec(_number(0, 400, True), 24)
    value_font: str = _spec(_font, "heading")
    value_size: int = _spec(_number(8, 600, True), 120)
    value_min_size: int = _spec(_number(8, 600, True), 56)
    value_color: str = _spec(_color, "profile.primary")
    label_size: int = _spec(_number(8, 200, True), 28)
    label_color: str = _spec(_color, "profile.text")
    card: str | None = _spec(_color, None)
    card_radius: int = _spec(_number(0, 400, True), 24)
    align: str = _spec(_choice("left", "center"), "left")
    direction: str = _spec(_choice("stacked", "row"), "stacked")  # row: figure left, label right


@dataclass(frozen=True, kw_only=True)
class QrLayer(Layer):
    """A QR code (segno) of a Jinja2 text, dark modules on a light quiet zone."""

    type: ClassVar[str] = "qr"
    box: Box = _spec(_box)
    text: str = _spec(_jinja)
    color: str = _spec(_color, "#111111")
    background: str = _spec(_color, "#FFFFFF")
    border: int = _spec(_number(0, 10, True), 2)  # quiet zone, in modules
    radius: int = _spec(_number(0, 400, True), 0)
    field: str | None = _spec(_string, None)


@dataclass(frozen=True, kw_only=True)
class StampLayer(Layer):
    """A rotated rubber stamp (HOAKS, GRATIS...) centred in its box."""

    type: ClassVar[str] = "stamp"
    box: Box = _spec(_box)
    text: str = _spec(_jinja)
    angle: float = _spec(_number(-90, 90), -10.0)
    color: str = _spec(_color, "#D7263D")
    fill: str | None = _spec(_color, None)
    font: str = _spec(_font, "heading")
    weight: str = _spec(_weight, "extrabold")
    size: int = _spec(_number(12, 400, True), 96)
    min_size: int | None = _spec(_number(12, 400, True), None)
    border: int = _spec(_number(0, 60, True), 8)
    tracking: float = _spec(_number(0, 0.5), 0.06)
    uppercase: bool = _spec(_boolean, True)
    field: str | None = _spec(_string, None)


@dataclass(frozen=True, kw_only=True)
class BadgeLayer(Layer):
    """The optional ASN marks (drawn text badges, not the official logos): "ASN BerAKHLAK"
    when the profile's badge_berakhlak is on, "Bangga Melayani Bangsa" for
    badge_bangga_melayani. Nothing is drawn when the profile has them off."""

    type: ClassVar[str] = "badge"
    box: Box = _spec(_box)
    which: str = _spec(_choice("berakhlak", "bangga", "both"), "both")
    align: str = _spec(_choice("left", "center", "right"), "left")
    fill: str = _spec(_color, "profile.light")
    color: str = _spec(_color, "profile.primary")
    accent: str = _spec(_color, "profile.accent")


def _icon_name(value: Any, key: str) -> str:
    value = _string(value, key)
    from ..paths import assets_dir  # noqa: PLC0415

    if not re.fullmatch(r"[a-z0-9-]+", value) or not (
            assets_dir() / "icons" / f"{value}.png").is_file():
        raise _InvalidError(key, f"ikon {value!r} tidak ada di assets/icons")
    return value


@dataclass(frozen=True, kw_only=True)
class IconLayer(Layer):
    """A bundled single-colour icon (assets/icons/<name>.png), tinted, optionally on a disc."""

    type: ClassVar[str] = "icon"
    box: Box = _spec(_box)
    name: str = _spec(_icon_name)
    color: str = _spec(_color, "profile.primary")
    circle: str | None = _spec(_color, None)


@dataclass(frozen=True, kw_only=True)
class IdentityLayer(Layer):
    """The identity strip: Pemda emblem + OPD logo with the two name lines."""

    type: ClassVar[str] = "identity"
    box: Box = _spec(_box)
    color: str = _spec(_color, "profile.light")
    logo_height: int = _spec(_number(24, 400, True), 84)
    align: str = _spec(_choice("left", "center"), "left")
    # A white (or, for a light logo, dark) rounded plate behind a logo: "auto" when most of
    # the logo's opaque pixels are within 1.6:1 of the band under it (a dark-blue emblem on
    # a dark-blue band), "always", or "never".
    logo_plate: str = _spec(_choice("auto", "always", "never"), "auto")


@dataclass(frozen=True, kw_only=True)
class FooterLayer(Layer):
    """Official handle and website: what tells a citizen the post is genuine."""

    type: ClassVar[str] = "footer"
    box: Box = _spec(_box)
    color: str = _spec(_color, "profile.light")
    size: int = _spec(_number(12, 80, True), 26)
    align: str = _spec(_choice("left", "center", "split"), "split")


@dataclass(frozen=True, kw_only=True)
class StackLayer(Layer):
    """Children laid out top to bottom at the stack's width, anchored to its top or bottom.

    ``"scrim": "auto"``: one adaptive scrim behind the whole measured block (the children as
    placed), as strong as its most demanding text needs, hanging from the ``anchor`` edge of
    the box and fading out the other way. Ignored with a ``panel``."""

    type: ClassVar[str] = "stack"
    box: Box = _spec(_box)
    anchor: str = _spec(_choice("top", "middle", "bottom"), "top")
    gap: int = _spec(_number(0, 400, True), 24)
    panel: Panel | None = _spec(_panel, None)
    scrim: str = _spec(_choice(*SCRIM_MODES), "none")
    children: tuple[Layer, ...] = _spec(lambda v, k: v, ())  # built by _layer


LAYER_TYPES: dict[str, type[Layer]] = {
    cls.type: cls for cls in (RectLayer, GradientLayer, PhotoLayer, ImageLayer, LogoLayer,
                              TextLayer, RuleLayer, ListLayer, StatsLayer, IdentityLayer,
                              FooterLayer, StackLayer, QrLayer, StampLayer, BadgeLayer,
                              IconLayer)
}
STACK_CHILD_TYPES = ("text", "rule", "list")


def _build(cls: type, data: dict[str, Any], key: str) -> Any:
    known = {f.name: f for f in fields(cls)}
    for name in data:
        if name not in known and name not in ("type", "style", "comment"):
            raise _InvalidError(f"{key}.{name}", "kunci tidak dikenal")
    kwargs = {}
    for name, spec in known.items():
        if name in data:
            kwargs[name] = spec.metadata["check"](data[name], f"{key}.{name}")
        elif spec.default is MISSING:
            raise _InvalidError(f"{key}.{name}", "wajib diisi")
    return cls(**kwargs)


def _layer(data: Any, key: str, styles: dict[str, dict[str, Any]]) -> Layer:
    if not isinstance(data, dict):
        raise _InvalidError(key, "layer harus berupa objek")
    if "style" in data:
        style = styles.get(data["style"])
        if style is None:
            raise _InvalidError(f"{key}.style", f"gaya {data['style']!r} tidak didefinisikan")
        data = {**style, **data}
    kind = data.get("type")
    cls = LAYER_TYPES.get(kind)
    if cls is None:
        raise _InvalidError(f"{key}.type", f"jenis layer {kind!r} tidak dikenal")
    if cls is StackLayer:
        data = {**data, "children": _children(data.get("children", []), f"{key}.children",
                                              styles)}
    return _build(cls, data, key)


def _children(value: Any, key: str, styles: dict[str, dict[str, Any]]) -> tuple[Layer, ...]:
    if not isinstance(value, list):
        raise _InvalidError(key, "children harus berupa daftar")
    out = []
    for i, child in enumerate(value):
        layer = _layer(child, f"{key}[{i}]", styles)
        if layer.type not in STACK_CHILD_TYPES:
            raise _InvalidError(f"{key}[{i}].type", "isi stack hanya boleh text, rule atau list")
        if getattr(layer, "box", None) is not None:
            raise _InvalidError(f"{key}[{i}].box", "isi stack tidak memakai box (pakai height)")
        out.append(layer)
    return tuple(out)


# ---------------------------------------------------------------- fields, formats, template


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


_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _field(data: Any, key: str) -> Field:
    if not isinstance(data, dict):
        raise _InvalidError(key, "field harus berupa objek")
    for name in data:
        if name not in {f.name for f in fields(Field)} and name != "comment":
            raise _InvalidError(f"{key}.{name}", "kunci tidak dikenal")
    for name in ("key", "label", "type"):
        if not isinstance(data.get(name), str) or not data[name]:
            raise _InvalidError(f"{key}.{name}", "wajib diisi dengan teks")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", data["key"]):
        raise _InvalidError(f"{key}.key", "hanya huruf kecil, angka dan _ (contoh: judul_acara)")
    if data["type"] not in FIELD_TYPES:
        raise _InvalidError(f"{key}.type", f"jenis field {data['type']!r} tidak dikenal")
    if data["type"] == "choice" and not data.get("choices"):
        raise _InvalidError(f"{key}.choices", "field pilihan butuh daftar choices")
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
        raise _InvalidError(key, f"field tidak valid: {exc}") from None


def _validate_refs(template_fields: dict[str, Field], layer: Layer, key: str) -> None:
    """Photo/list/stats layers must name a field of the matching type."""
    wanted = {"photo": ("photo",), "list": ("list",), "stats": ("list",)}.get(layer.type)
    if wanted:
        name = layer.field  # type: ignore[attr-defined]
        f = template_fields.get(name)
        if f is None or f.type not in wanted:
            raise _InvalidError(f"{key}.field", f"field {name!r} tidak ada atau bukan {wanted[0]}")


def _layers(value: list[Any], key: str, styles: dict[str, dict[str, Any]],
            template_fields: dict[str, Field]) -> list[Layer]:
    out = []
    for i, raw_layer in enumerate(value):
        layer = _layer(raw_layer, f"{key}[{i}]", styles)
        _validate_refs(template_fields, layer, f"{key}[{i}]")
        out.append(layer)
    return out


def _slides(value: Any, key: str, styles: dict[str, dict[str, Any]],
            template_fields: dict[str, Field]) -> tuple[Slide, ...]:
    if not isinstance(value, list) or not value:
        raise _InvalidError(key, "slides harus daftar slide (minimal satu)")
    out = []
    for i, raw in enumerate(value):
        where = f"{key}[{i}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("layers"), list):
            raise _InvalidError(f"{where}.layers", "wajib berupa daftar layer")
        for name in raw:
            if name not in ("layers", "repeat", "name", "comment", "start", "min_items"):
                raise _InvalidError(f"{where}.{name}", "kunci tidak dikenal")
        repeat = raw.get("repeat")
        if repeat is not None:
            f = template_fields.get(repeat) if isinstance(repeat, str) else None
            if f is None or f.type not in ("photo", "list"):
                raise _InvalidError(f"{where}.repeat", f"field {repeat!r} bukan foto atau daftar")
        start = raw.get("start", 0)
        if isinstance(start, bool) or not isinstance(start, int) or not 0 <= start <= 20 \
                or (start and repeat is None):
            raise _InvalidError(f"{where}.start", "harus bilangan 0-20, hanya bersama repeat")
        min_items = raw.get("min_items", {})
        if not isinstance(min_items, dict) or not all(
                isinstance(k, str) and k in template_fields
                and template_fields[k].type in ("photo", "list")
                and isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 20
                for k, v in min_items.items()):
            raise _InvalidError(f"{where}.min_items",
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
    generic captions (see core/captions.py).
    """
    if not isinstance(explicit, dict):
        raise _InvalidError("captions", "captions harus objek {platform: berkas.j2}")
    found: dict[str, tuple[str, Path]] = {}
    for platform, name in explicit.items():
        path = folder / str(name)
        if not path.is_file():
            raise _InvalidError(f"captions.{platform}", f"berkas {name!r} tidak ada")
        found[str(platform)] = (f"captions.{platform}", path)
    for platform in (*CAPTION_PLATFORMS, "*"):
        name = "caption.j2" if platform == "*" else f"caption_{platform}.j2"
        path = folder / name
        if platform not in found and path.is_file():
            found[platform] = (name, path)
    captions: dict[str, Path] = {}
    for platform, (key, path) in found.items():
        try:
            _jinja(path.read_text(encoding="utf-8"), key)
        except (OSError, UnicodeDecodeError) as exc:
            raise _InvalidError(key, f"berkas caption tidak dapat dibaca: {exc}") from None
        captions[platform] = path
    return captions


def parse_template(data: Any, folder: Path, file: str = "template.json") -> Template:
    """Validate template JSON data. Raises TemplateError naming the file and key."""
    try:
        return _parse(data, folder)
    except _InvalidError as exc:
        raise TemplateError(exc.message, file=file, key=exc.key) from None


def _parse(data: Any, folder: Path) -> Template:
    _check_identity(data)
    template_fields = _template_fields(data.get("fields"))
    styles = data.get("styles", {})
    if not isinstance(styles, dict) or not all(isinstance(v, dict) for v in styles.values()):
        raise _InvalidError("styles", "styles harus objek berisi objek")
    raw_formats = data.get("formats")
    if not isinstance(raw_formats, dict) or not raw_formats:
        raise _InvalidError("formats", "wajib berisi minimal satu format")
    formats = {fkey: _format(fkey, raw, styles, template_fields)
               for fkey, raw in raw_formats.items()}
    captions = _discover_captions(folder, data.get("captions", {}))
    sample = data.get("sample", {})
    if not isinstance(sample, dict):
        raise _InvalidError("sample", "sample harus berupa objek")
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
        raise _InvalidError("", "isi template.json harus berupa objek")
    for name in ("id", "name", "kind"):
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise _InvalidError(name, "wajib diisi dengan teks")
    if not _ID.fullmatch(data["id"]):
        raise _InvalidError("id", "id hanya huruf kecil, angka dan tanda hubung")


def _template_fields(raw_fields: Any) -> dict[str, Field]:
    """The template's fields by key, each key used once."""
    if not isinstance(raw_fields, list) or not raw_fields:
        raise _InvalidError("fields", "wajib berupa daftar field")
    template_fields: dict[str, Field] = {}
    for i, raw in enumerate(raw_fields):
        f = _field(raw, f"fields[{i}]")
        if f.key in template_fields:
            raise _InvalidError(f"fields[{i}].key", f"kunci {f.key!r} dipakai dua kali")
        template_fields[f.key] = f
    return template_fields


def _format(fkey: str, raw: Any, styles: dict[str, dict[str, Any]],
            template_fields: dict[str, Field]) -> Format:
    """One entry of ``formats``: its layers, or its slides (the first slide's layers then)."""
    where = f"formats.{fkey}"
    if fkey not in FORMAT_SIZES:
        raise _InvalidError(where, f"format {fkey!r} tidak dikenal ({', '.join(FORMAT_SIZES)})")
    if isinstance(raw, dict) and "slides" in raw:
        slides = _slides(raw["slides"], f"{where}.slides", styles, template_fields)
        layers = list(slides[0].layers)
    elif not isinstance(raw, dict) or not isinstance(raw.get("layers"), list):
        raise _InvalidError(f"{where}.layers", "wajib berupa daftar layer")
    else:
        slides = ()
        layers = _layers(raw["layers"], f"{where}.layers", styles, template_fields)
    size = raw.get("size", list(FORMAT_SIZES[fkey]))
    if list(size) != list(FORMAT_SIZES[fkey]):
        raise _InvalidError(f"{where}.size", f"ukuran {fkey} harus {FORMAT_SIZES[fkey]}")
    return Format(fkey, size[0], size[1], tuple(layers), slides)


def _sample_photos(sample_photos: Any, template_fields: dict[str, Field]) -> dict[str, list[str]]:
    """``sample_photos``: {photo field: [file names]}."""
    if not isinstance(sample_photos, dict) or not all(
            isinstance(v, list) and all(isinstance(n, str) for n in v)
            for v in sample_photos.values()):
        raise _InvalidError("sample_photos", "sample_photos harus {field: [berkas.jpg, ...]}")
    for key in sample_photos:
        photo_field = template_fields.get(key)
        if photo_field is None or photo_field.type != "photo":
            raise _InvalidError(f"sample_photos.{key}", "bukan field foto")
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
