"""Reading template.json values: one checker per kind of value, each returning the value
(typed) or raising :class:`InvalidError` with the JSON path of the offending key.

:func:`spec` attaches a checker to a dataclass field (see ``layers.py``) and :func:`build`
makes such a dataclass from a JSON object, checking every key it holds.
"""

from __future__ import annotations

from dataclasses import MISSING, field, fields
from functools import lru_cache
from typing import Any

import jinja2

from ..model.colors import parse_hex
from ..model.records import COLOR_ROLES  # a template names the profile's colours
from .sandbox import environment

FONT_ROLES = ("heading", "body")
Box = tuple[int, int, int, int]


class InvalidError(Exception):
    """A value of template.json is not valid; ``key`` is its JSON path."""

    def __init__(self, key: str, message: str) -> None:
        self.key, self.message = key, message


def as_color(value: Any, key: str) -> str:
    """'#RRGGBB[AA]', 'profile.<role>' or 'profile.<role>@0.8' (opacity)."""
    if not isinstance(value, str):
        raise InvalidError(key, "warna harus berupa teks")
    base, _, alpha = value.partition("@")
    if alpha:
        try:
            a = float(alpha)
        except ValueError:
            raise InvalidError(key, f"opasitas warna tidak valid: {value!r}") from None
        if not 0 <= a <= 1:
            raise InvalidError(key, f"opasitas warna harus 0..1: {value!r}")
    if base.startswith("profile."):
        if base[8:] not in COLOR_ROLES:
            raise InvalidError(key, f"peran warna tidak dikenal: {base!r}")
        return value
    try:
        parse_hex(base)
    except ValueError:
        raise InvalidError(key, f"warna tidak valid: {value!r}") from None
    return value


def as_box(value: Any, key: str) -> Box:
    if (not isinstance(value, list) or len(value) != 4
            or not all(isinstance(v, (int, float)) for v in value)):
        raise InvalidError(key, "box harus [x, y, lebar, tinggi]")
    x, y, w, h = (round(v) for v in value)
    if w <= 0 or h <= 0:
        raise InvalidError(key, "lebar dan tinggi box harus lebih dari 0")
    return (x, y, w, h)


def one_of(*options: str) -> Any:
    def check(value: Any, key: str) -> str:
        if value not in options:
            raise InvalidError(key, f"nilai {value!r} tidak dikenal (pilih: {', '.join(options)})")
        return value
    return check


def as_number(lo: float, hi: float, integer: bool = False) -> Any:
    def check(value: Any, key: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InvalidError(key, "harus berupa angka")
        if not lo <= value <= hi:
            raise InvalidError(key, f"harus antara {lo} dan {hi}")
        return int(value) if integer else float(value)
    return check


def as_string(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise InvalidError(key, "harus berupa teks")
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


def as_jinja(value: Any, key: str) -> str:
    """A Jinja2 template string. Only parsed here (a syntax check): compiling every text of
    every template at start-up would cost most of the library's load time; the renderer
    compiles each one on first use and caches it."""
    value = as_string(value, key)
    error = _syntax_error(value)
    if error is not None:
        raise InvalidError(key, f"ekspresi tidak valid ({error}): {value[:60]}")
    return value


def as_expression(value: Any, key: str) -> str:
    value = as_string(value, key)
    error = _syntax_error("{{ " + value + " }}")
    if error is not None:
        raise InvalidError(key, f"kondisi tidak valid: {error}")
    return value


def as_bool(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidError(key, "harus true atau false")
    return value


def as_bool_or_expr(value: Any, key: str) -> bool | str:
    return value if isinstance(value, bool) else as_expression(value, key)


def as_font(value: Any, key: str) -> str:
    value = as_string(value, key)
    if value in FONT_ROLES:
        return value
    from ..text.fonts import families  # noqa: PLC0415

    if value not in families():
        raise InvalidError(
            key, f"huruf {value!r} tidak ada (pakai heading, body atau nama keluarga)")
    return value


def as_weight(value: Any, key: str) -> str:
    from ..text.fonts import WEIGHTS  # noqa: PLC0415

    if isinstance(value, int) and 100 <= value <= 900:
        return str(value)
    if value not in WEIGHTS:
        raise InvalidError(key, f"ketebalan {value!r} tidak dikenal ({', '.join(WEIGHTS)})")
    return value


def as_stops(value: Any, key: str) -> tuple[tuple[float, str], ...]:
    if not isinstance(value, list) or len(value) < 2:
        raise InvalidError(key, "stops harus daftar [[posisi, warna], ...] minimal 2")
    out = []
    for i, stop in enumerate(value):
        if not isinstance(stop, list) or len(stop) != 2:
            raise InvalidError(f"{key}[{i}]", "setiap stop harus [posisi, warna]")
        pos = as_number(0, 1)(stop[0], f"{key}[{i}]")
        out.append((pos, as_color(stop[1], f"{key}[{i}]")))
    return tuple(out)


def as_padding(value: Any, key: str) -> tuple[int, int]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (int(value), int(value))
    if isinstance(value, list) and len(value) == 2 and all(
            isinstance(v, (int, float)) for v in value):
        return (int(value[0]), int(value[1]))
    raise InvalidError(key, "padding harus angka atau [horizontal, vertikal]")


def spec(check: Any, default: Any = MISSING) -> Any:
    """A dataclass field read from JSON by ``check`` (no default: the key is required)."""
    if default is MISSING:
        return field(metadata={"check": check})
    return field(default=default, metadata={"check": check})


def build(cls: type, data: dict[str, Any], key: str) -> Any:
    """``cls`` (a dataclass of :func:`spec` fields) from the JSON object ``data`` at ``key``."""
    known = {f.name: f for f in fields(cls)}
    for name in data:
        if name not in known and name not in ("type", "style", "comment"):
            raise InvalidError(f"{key}.{name}", "kunci tidak dikenal")
    kwargs = {}
    for name, declared in known.items():
        if name in data:
            kwargs[name] = declared.metadata["check"](data[name], f"{key}.{name}")
        elif declared.default is MISSING:
            raise InvalidError(f"{key}.{name}", "wajib diisi")
    return cls(**kwargs)
