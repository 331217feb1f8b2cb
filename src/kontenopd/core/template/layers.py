"""The layers of a template.json format: typed, frozen dataclasses, one per ``type``.

Every field carries its JSON checker (:func:`~.checks.spec`); :func:`read_layer` builds a
layer (or a stack with its children) from JSON, applying the template's named styles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from .checks import (
    Box,
    InvalidError,
    as_bool,
    as_bool_or_expr,
    as_box,
    as_color,
    as_expression,
    as_font,
    as_jinja,
    as_number,
    as_padding,
    as_stops,
    as_string,
    as_weight,
    build,
    one_of,
    spec,
)

SCRIM_MODES = ("auto", "none")  # text and stack layers: adaptive scrim behind the text


@dataclass(frozen=True, kw_only=True)
class Layer:
    type: ClassVar[str] = ""
    when: str | None = spec(as_expression, None)
    opacity: float = spec(as_number(0, 1), 1.0)


@dataclass(frozen=True, kw_only=True)
class Panel:
    """A background drawn behind a text or a stack, sized to its content."""

    fill: str = spec(as_color, "profile.primary")
    padding: tuple[int, int] = spec(as_padding, (24, 12))
    radius: int = spec(as_number(0, 2000, True), 0)


def _panel(value: Any, key: str) -> Panel | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InvalidError(key, "panel harus berupa objek")
    return build(Panel, value, key)


@dataclass(frozen=True, kw_only=True)
class RectLayer(Layer):
    type: ClassVar[str] = "rect"
    box: Box = spec(as_box)
    fill: str = spec(as_color, "profile.primary")
    radius: int = spec(as_number(0, 4000, True), 0)


@dataclass(frozen=True, kw_only=True)
class GradientLayer(Layer):
    type: ClassVar[str] = "gradient"
    box: Box = spec(as_box)
    stops: tuple[tuple[float, str], ...] = spec(as_stops)
    direction: str = spec(one_of("down", "up", "right", "left"), "down")


def _photo_index(value: Any, key: str) -> int | str:
    """A fixed index, or "n": the photo of the current slide in a repeated carousel slide."""
    if value == "n":
        return value
    return as_number(0, 20, True)(value, key)


@dataclass(frozen=True, kw_only=True)
class PhotoLayer(Layer):
    type: ClassVar[str] = "photo"
    box: Box = spec(as_box)
    field: str = spec(as_string)
    index: int | str = spec(_photo_index, 0)
    radius: int = spec(as_number(0, 4000, True), 0)
    grayscale: bool | str = spec(as_bool_or_expr, False)
    placeholder: str = spec(as_color, "profile.secondary")
    fit: str = spec(one_of("cover", "contain"), "cover")  # contain: whole photo (screenshots)


@dataclass(frozen=True, kw_only=True)
class ImageLayer(Layer):
    type: ClassVar[str] = "image"
    box: Box = spec(as_box)
    src: str = spec(as_string)
    fit: str = spec(one_of("contain", "cover", "stretch"), "contain")


@dataclass(frozen=True, kw_only=True)
class LogoLayer(Layer):
    type: ClassVar[str] = "logo"
    box: Box = spec(as_box)
    which: str = spec(one_of("pemda", "opd", "both"), "both")
    align: str = spec(one_of("left", "center", "right"), "left")
    gap: int = spec(as_number(0, 400, True), 20)


@dataclass(frozen=True, kw_only=True)
class TextLayer(Layer):
    """A text in its box (or a stack's child). ``"scrim": "auto"`` paints an adaptive scrim
    behind its ink before it is drawn, hanging from the ``valign`` edge of the box: the
    contrast check then judges the text on the scrim (see ``render.scrim``)."""

    type: ClassVar[str] = "text"
    text: str = spec(as_jinja)
    box: Box | None = spec(as_box, None)  # None inside a stack
    height: int | None = spec(as_number(1, 4000, True), None)  # max height inside a stack
    font: str = spec(as_font, "body")
    weight: str = spec(as_weight, "regular")
    italic: bool = spec(as_bool, False)
    size: int = spec(as_number(8, 600, True), 32)
    min_size: int | None = spec(as_number(8, 600, True), None)
    max_lines: int | None = spec(as_number(1, 100, True), None)
    line_height: float = spec(as_number(0.8, 3), 1.25)
    tracking: float = spec(as_number(-0.1, 0.5), 0.0)
    align: str = spec(one_of("left", "center", "right"), "left")
    valign: str = spec(one_of("top", "middle", "bottom"), "top")
    color: str = spec(as_color, "profile.text")
    uppercase: bool = spec(as_bool, False)
    shadow: bool = spec(as_bool, False)
    panel: Panel | None = spec(_panel, None)
    field: str | None = spec(as_string, None)  # the field warnings name; derived if absent
    space_before: int | None = spec(as_number(0, 1000, True), None)  # in a stack: own gap
    # Secondary text (a summary, a tagline): left out whole when it does not fit, never cut.
    # Everything else is protected: if it does not fit, the format is blocked with a message.
    optional: bool = spec(as_bool, False)
    balance: bool = spec(as_bool, False)  # even line lengths (titles, quotes)
    # "auto": an adaptive scrim measured on the photo behind the text (see render.scrim):
    # as dark (light ink) or light (dark ink) as it needs to reach 4.5:1 (3:1 large), soft
    # edges, nothing on a photo that is fine already, a solid panel when > 90 % is needed.
    # Ignored with a ``panel`` (the panel is the background). "none": no scrim (default).
    scrim: str = spec(one_of(*SCRIM_MODES), "none")


@dataclass(frozen=True, kw_only=True)
class RuleLayer(Layer):
    """A short accent bar; inside a stack it takes ``width`` x ``thickness``."""

    type: ClassVar[str] = "rule"
    box: Box | None = spec(as_box, None)
    width: int = spec(as_number(1, 4000, True), 96)
    thickness: int = spec(as_number(1, 200, True), 8)
    color: str = spec(as_color, "profile.accent")
    radius: int = spec(as_number(0, 100, True), 0)
    space_before: int | None = spec(as_number(0, 1000, True), None)
    align: str = spec(one_of("left", "center", "right"), "left")  # inside a stack


@dataclass(frozen=True, kw_only=True)
class ListLayer(Layer):
    """Numbered, bulleted or checked items; in its box, or a stack's child (no box): then it
    takes the height its items need and shrinks with the stack's other children."""

    type: ClassVar[str] = "list"
    box: Box | None = spec(as_box, None)
    field: str = spec(as_string)
    font: str = spec(as_font, "body")
    weight: str = spec(as_weight, "medium")
    size: int = spec(as_number(8, 300, True), 32)
    min_size: int | None = spec(as_number(8, 300, True), None)
    line_height: float = spec(as_number(0.8, 3), 1.3)
    gap: int = spec(as_number(0, 400, True), 20)
    color: str = spec(as_color, "profile.text")
    marker: str = spec(one_of("number", "bullet", "check"), "number")
    marker_color: str = spec(as_color, "profile.primary")
    marker_text: str = spec(as_color, "profile.light")
    space_before: int | None = spec(as_number(0, 1000, True), None)  # in a stack: own gap


@dataclass(frozen=True, kw_only=True)
class StatsLayer(Layer):
    type: ClassVar[str] = "stats"
    box: Box = spec(as_box)
    field: str = spec(as_string)
    columns: int = spec(as_number(1, 6, True), 2)
    gap: int = spec(as_number(0, 400, True), 24)
    value_font: str = spec(as_font, "heading")
    value_size: int = spec(as_number(8, 600, True), 120)
    value_min_size: int = spec(as_number(8, 600, True), 56)
    value_color: str = spec(as_color, "profile.primary")
    label_size: int = spec(as_number(8, 200, True), 28)
    label_color: str = spec(as_color, "profile.text")
    card: str | None = spec(as_color, None)
    card_radius: int = spec(as_number(0, 400, True), 24)
    align: str = spec(one_of("left", "center"), "left")
    direction: str = spec(one_of("stacked", "row"), "stacked")  # row: figure left, label right


@dataclass(frozen=True, kw_only=True)
class QrLayer(Layer):
    """A QR code (segno) of a Jinja2 text, dark modules on a light quiet zone."""

    type: ClassVar[str] = "qr"
    box: Box = spec(as_box)
    text: str = spec(as_jinja)
    color: str = spec(as_color, "#111111")
    background: str = spec(as_color, "#FFFFFF")
    border: int = spec(as_number(0, 10, True), 2)  # quiet zone, in modules
    radius: int = spec(as_number(0, 400, True), 0)
    field: str | None = spec(as_string, None)


@dataclass(frozen=True, kw_only=True)
class StampLayer(Layer):
    """A rotated rubber stamp (HOAKS, GRATIS...) centred in its box."""

    type: ClassVar[str] = "stamp"
    box: Box = spec(as_box)
    text: str = spec(as_jinja)
    angle: float = spec(as_number(-90, 90), -10.0)
    color: str = spec(as_color, "#D7263D")
    fill: str | None = spec(as_color, None)
    font: str = spec(as_font, "heading")
    weight: str = spec(as_weight, "extrabold")
    size: int = spec(as_number(12, 400, True), 96)
    min_size: int | None = spec(as_number(12, 400, True), None)
    border: int = spec(as_number(0, 60, True), 8)
    tracking: float = spec(as_number(0, 0.5), 0.06)
    uppercase: bool = spec(as_bool, True)
    field: str | None = spec(as_string, None)


@dataclass(frozen=True, kw_only=True)
class BadgeLayer(Layer):
    """The optional ASN marks (drawn text badges, not the official logos): "ASN BerAKHLAK"
    when the profile's badge_berakhlak is on, "Bangga Melayani Bangsa" for
    badge_bangga_melayani. Nothing is drawn when the profile has them off."""

    type: ClassVar[str] = "badge"
    box: Box = spec(as_box)
    which: str = spec(one_of("berakhlak", "bangga", "both"), "both")
    align: str = spec(one_of("left", "center", "right"), "left")
    fill: str = spec(as_color, "profile.light")
    color: str = spec(as_color, "profile.primary")
    accent: str = spec(as_color, "profile.accent")


def _icon_name(value: Any, key: str) -> str:
    value = as_string(value, key)
    from ..paths import assets_dir  # noqa: PLC0415

    if not re.fullmatch(r"[a-z0-9-]+", value) or not (
            assets_dir() / "icons" / f"{value}.png").is_file():
        raise InvalidError(key, f"ikon {value!r} tidak ada di assets/icons")
    return value


@dataclass(frozen=True, kw_only=True)
class IconLayer(Layer):
    """A bundled single-colour icon (assets/icons/<name>.png), tinted, optionally on a disc."""

    type: ClassVar[str] = "icon"
    box: Box = spec(as_box)
    name: str = spec(_icon_name)
    color: str = spec(as_color, "profile.primary")
    circle: str | None = spec(as_color, None)


@dataclass(frozen=True, kw_only=True)
class IdentityLayer(Layer):
    """The identity strip: Pemda emblem + OPD logo with the two name lines."""

    type: ClassVar[str] = "identity"
    box: Box = spec(as_box)
    color: str = spec(as_color, "profile.light")
    logo_height: int = spec(as_number(24, 400, True), 84)
    align: str = spec(one_of("left", "center"), "left")
    # A white (or, for a light logo, dark) rounded plate behind a logo: "auto" when most of
    # the logo's opaque pixels are within 1.6:1 of the band under it (a dark-blue emblem on
    # a dark-blue band), "always", or "never".
    logo_plate: str = spec(one_of("auto", "always", "never"), "auto")


@dataclass(frozen=True, kw_only=True)
class FooterLayer(Layer):
    """Official handle and website: what tells a citizen the post is genuine."""

    type: ClassVar[str] = "footer"
    box: Box = spec(as_box)
    color: str = spec(as_color, "profile.light")
    size: int = spec(as_number(12, 80, True), 26)
    align: str = spec(one_of("left", "center", "split"), "split")


@dataclass(frozen=True, kw_only=True)
class StackLayer(Layer):
    """Children laid out top to bottom at the stack's width, anchored to its top or bottom.

    ``"scrim": "auto"``: one adaptive scrim behind the whole measured block (the children as
    placed), as strong as its most demanding text needs, hanging from the ``anchor`` edge of
    the box and fading out the other way. Ignored with a ``panel``."""

    type: ClassVar[str] = "stack"
    box: Box = spec(as_box)
    anchor: str = spec(one_of("top", "middle", "bottom"), "top")
    gap: int = spec(as_number(0, 400, True), 24)
    panel: Panel | None = spec(_panel, None)
    scrim: str = spec(one_of(*SCRIM_MODES), "none")
    children: tuple[Layer, ...] = spec(lambda v, k: v, ())  # built by read_layer


LAYER_TYPES: dict[str, type[Layer]] = {
    cls.type: cls for cls in (RectLayer, GradientLayer, PhotoLayer, ImageLayer, LogoLayer,
                              TextLayer, RuleLayer, ListLayer, StatsLayer, IdentityLayer,
                              FooterLayer, StackLayer, QrLayer, StampLayer, BadgeLayer,
                              IconLayer)
}
STACK_CHILD_TYPES = ("text", "rule", "list")


def read_layer(data: Any, key: str, styles: dict[str, dict[str, Any]]) -> Layer:
    if not isinstance(data, dict):
        raise InvalidError(key, "layer harus berupa objek")
    if "style" in data:
        style = styles.get(data["style"])
        if style is None:
            raise InvalidError(f"{key}.style", f"gaya {data['style']!r} tidak didefinisikan")
        data = {**style, **data}
    kind = data.get("type")
    cls = LAYER_TYPES.get(kind)
    if cls is None:
        raise InvalidError(f"{key}.type", f"jenis layer {kind!r} tidak dikenal")
    if cls is StackLayer:
        data = {**data, "children": _children(data.get("children", []), f"{key}.children",
                                              styles)}
    return build(cls, data, key)


def _children(value: Any, key: str, styles: dict[str, dict[str, Any]]) -> tuple[Layer, ...]:
    if not isinstance(value, list):
        raise InvalidError(key, "children harus berupa daftar")
    out = []
    for i, child in enumerate(value):
        layer = read_layer(child, f"{key}[{i}]", styles)
        if layer.type not in STACK_CHILD_TYPES:
            raise InvalidError(f"{key}[{i}].type", "isi stack hanya boleh text, rule atau list")
        if getattr(layer, "box", None) is not None:
            raise InvalidError(f"{key}[{i}].box", "isi stack tidak memakai box (pakai height)")
        out.append(layer)
    return tuple(out)

