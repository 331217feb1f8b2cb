"""Colours: parsing "#RRGGBB[AA]" and WCAG contrast."""

from __future__ import annotations

import re
from collections.abc import Sequence

RGBA = tuple[int, int, int, int]

_HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


def parse_hex(text: str) -> RGBA:
    """"#1B4F9C" -> (27, 79, 156, 255); "#0008" style short forms are not accepted."""
    match = _HEX.fullmatch(text.strip())
    if not match:
        raise ValueError(f"warna tidak valid: {text!r} (pakai #RRGGBB atau #RRGGBBAA)")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    if len(digits) == 6:
        digits += "ff"
    r, g, b, a = (int(digits[i : i + 2], 16) for i in range(0, 8, 2))
    return (r, g, b, a)


def to_hex(color: RGBA) -> str:
    r, g, b, a = color
    return f"#{r:02X}{g:02X}{b:02X}" + ("" if a == 255 else f"{a:02X}")


def with_alpha(color: RGBA, alpha: float) -> RGBA:
    return (color[0], color[1], color[2], round(color[3] * max(0.0, min(1.0, alpha))))


def _channel(c: float) -> float:
    c /= 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: Sequence[float]) -> float:
    """WCAG relative luminance of an sRGB colour (0-255 channels; a 4th, alpha, is ignored)."""
    return 0.2126 * _channel(rgb[0]) + 0.7152 * _channel(rgb[1]) + 0.0722 * _channel(rgb[2])


def contrast_ratio(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    la, lb = luminance(a[:3]), luminance(b[:3])
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def readable_on(background: tuple[float, ...]) -> RGBA:
    """White or near-black, whichever reads better on ``background``."""
    dark = (17, 17, 17, 255)
    white = (255, 255, 255, 255)
    return white if contrast_ratio(white, background) >= contrast_ratio(dark, background) \
        else dark
