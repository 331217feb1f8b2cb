"""The data the user edits: the profile (brand kit) and the draft."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import ProfileError, ValueInputError
from .colors import parse_hex
from .dates import TIMEZONES

COLOR_ROLES = ("primary", "secondary", "accent", "text", "light", "background")
HANDLE_PLATFORMS = ("instagram", "facebook", "x", "tiktok", "youtube")


class FrozenView:
    """Plain data read by attribute (``view.opd_name``), with nothing to call or change.

    What templates get instead of live objects: nested dicts are read-only mappings, lists
    are tuples, so an untrusted template can neither reach methods such as ``load`` nor
    change what it was given.
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_data", MappingProxyType({str(k): v for k, v in data.items()}))

    def __getattr__(self, name: str) -> Any:
        try:
            return object.__getattribute__(self, "_data")[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} tidak dapat diubah")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} tidak dapat diubah")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FrozenView) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __dir__(self) -> list[str]:
        return list(self._data)

    def __repr__(self) -> str:
        return "(" + ", ".join(f"{k}={v!r}" for k, v in self._data.items()) + ")"


def frozen_copy(value: Any) -> Any:
    """A read-only deep copy of JSON-like data: dicts become mappings, lists tuples."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: frozen_copy(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(frozen_copy(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(frozen_copy(v) for v in value)
    return value


@dataclass(frozen=True)
class Colors:
    primary: str = "#0B4A8B"
    secondary: str = "#0F7A5C"
    accent: str = "#F2B705"
    text: str = "#161A1F"
    light: str = "#FFFFFF"
    background: str = "#F4F6F9"


@dataclass(frozen=True)
class Profile:
    """An OPD's brand kit, shared by every template."""

    id: str = "demo"
    pemda_name: str = "Pemerintah Kabupaten Contoh"
    opd_name: str = "Dinas Komunikasi dan Informatika"
    opd_short: str = "Diskominfo"
    city: str = "Contoh"
    pemda_logo: str = ""
    opd_logo: str = ""
    colors: Colors = field(default_factory=Colors)
    heading_font: str = "Plus Jakarta Sans"
    body_font: str = "Plus Jakarta Sans"
    handles: dict[str, str] = field(default_factory=dict)
    website: str = ""
    tagline: str = ""
    hashtags: tuple[str, ...] = ()
    hashtag_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    timezone: str = "WIB"
    badge_berakhlak: bool = False
    badge_bangga_melayani: bool = False

    def color(self, role: str) -> str:
        if role not in COLOR_ROLES:
            raise KeyError(role)
        return getattr(self.colors, role)

    @property
    def main_handle(self) -> str:
        """The handle shown on cards: Instagram's, else the first one set."""
        for platform in HANDLE_PLATFORMS:
            handle = self.handles.get(platform, "").strip()
            if handle:
                return handle if handle.startswith("@") else "@" + handle
        return ""

    def template_view(self) -> FrozenView:
        """What templates (text layers, captions) see as ``profile``: the data fields plus
        ``main_handle``, read-only, with no methods (no ``load``, no ``to_dict``)."""
        plain = self.to_dict()
        data = {key: frozen_copy(value) for key, value in plain.items()}
        data["colors"] = FrozenView(plain["colors"])
        data["main_handle"] = self.main_handle
        return FrozenView(data)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["hashtags"] = list(self.hashtags)
        data["hashtag_groups"] = {k: list(v) for k, v in self.hashtag_groups.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], base_dir: Path | None = None) -> Profile:
        """Build a profile from JSON data; logo paths are resolved against ``base_dir``."""
        if not isinstance(data, dict):
            raise ProfileError("Profil tidak valid: isinya harus berupa objek JSON.")
        known = {f.name for f in fields(cls)}
        # fields written by newer versions are tolerated (left out)
        kwargs: dict[str, Any] = {key: value for key, value in data.items() if key in known}
        try:
            kwargs["colors"] = _profile_colors(data.get("colors", {}))
            kwargs["handles"] = {str(k): str(v) for k, v in dict(data.get("handles", {})).items()}
            kwargs["hashtags"] = tuple(str(h) for h in data.get("hashtags", ()))
            kwargs["hashtag_groups"] = {
                str(k): tuple(str(h) for h in v)
                for k, v in dict(data.get("hashtag_groups", {})).items()
            }
            for key in ("pemda_logo", "opd_logo"):
                kwargs[key] = _logo_path(kwargs.get(key), base_dir)
            kwargs["timezone"] = _profile_timezone(kwargs.get("timezone", "WIB"))
            for key in ("badge_berakhlak", "badge_bangga_melayani"):
                kwargs[key] = bool(kwargs.get(key, False))
            for key in ("id", "pemda_name", "opd_name", "opd_short", "city", "heading_font",
                        "body_font", "website", "tagline"):
                if key in kwargs:
                    kwargs[key] = str(kwargs[key])
            return cls(**kwargs)
        except (TypeError, ValueError) as exc:
            raise ProfileError(f"Profil tidak valid: {exc}") from None

    @classmethod
    def load(cls, path: str | Path) -> Profile:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ProfileError(f"Profil tidak dapat dibaca: {path} ({exc.strerror}).") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ProfileError(f"Profil rusak (bukan JSON yang benar): {path}: {exc}.") from None
        return cls.from_dict(data, base_dir=path.parent)


def _profile_colors(colors: Any) -> Colors:
    """A profile's ``colors`` object: the known roles, each a #RRGGBB code."""
    if not isinstance(colors, dict):
        raise ProfileError("Profil tidak valid: 'colors' harus berupa objek.")
    color_kwargs = {k: str(v) for k, v in colors.items() if k in COLOR_ROLES}
    for role, value in color_kwargs.items():
        try:
            parse_hex(value)
        except ValueError:
            raise ProfileError(
                f"Profil tidak valid: warna '{role}' = {value!r} bukan kode #RRGGBB."
            ) from None
    return Colors(**color_kwargs)


def _logo_path(value: Any, base_dir: Path | None) -> str:
    """A logo path as text, a relative one resolved against ``base_dir`` when given."""
    text = str(value or "")
    if text and base_dir is not None and not Path(text).is_absolute():
        text = str((base_dir / text).resolve())
    return text


def _profile_timezone(value: Any) -> str:
    tz = str(value).upper()
    if tz not in TIMEZONES:
        raise ProfileError(f"Profil tidak valid: zona waktu {tz!r} (pilih WIB, WITA, WIT).")
    return tz


def demo_profile() -> Profile:
    """The neutral demo profile shipped in assets/profiles/demo."""
    from ..paths import assets_dir  # noqa: PLC0415 - avoid resolving assets at import

    return Profile.load(assets_dir() / "profiles" / "demo" / "profile.json")


@dataclass(frozen=True)
class PhotoRef:
    """A photo used by a draft, with the point (0..1, 0..1) to keep in frame.

    ``anchor`` is where in the frame (0..1 of its width and height) that point sits, as far
    as the crop can follow: the centre unless the user put the point somewhere else by
    clicking it in the preview (see ``editing.focus_at_point``). ``enhance``: whether its
    light is corrected automatically when rendered (levels, see photos.enhance_levels)."""

    path: str
    focus: tuple[float, float] = (0.5, 0.5)
    anchor: tuple[float, float] = (0.5, 0.5)
    enhance: bool = False

    def with_focus(self, x: float, y: float,
                   anchor: tuple[float, float] | None = None) -> PhotoRef:
        """The same photo with focus (x, y); ``anchor`` None keeps the current one."""
        ax, ay = self.anchor if anchor is None else anchor
        return replace(self, focus=(_unit(x), _unit(y)), anchor=(_unit(ax), _unit(ay)))

    def with_enhance(self, on: bool) -> PhotoRef:
        return replace(self, enhance=bool(on))


def _unit(value: float) -> float:
    return min(1.0, max(0.0, value))


@dataclass
class Draft:
    """One post being made: which template, the formats, the values and the photos."""

    template: str
    formats: list[str] = field(default_factory=lambda: ["4:5"])
    values: dict[str, Any] = field(default_factory=dict)
    photos: dict[str, list[PhotoRef]] = field(default_factory=dict)
    captions: dict[str, str] = field(default_factory=dict)

    def copy(self) -> Draft:
        return Draft(
            template=self.template,
            formats=list(self.formats),
            values=json.loads(json.dumps(self.values)),
            photos={k: list(v) for k, v in self.photos.items()},
            captions=dict(self.captions),
        )


# The most text one field value may hold (a list's items counted together). Measured on
# every text and list field of every bundled template, in every format at full size: 1,000
# characters render in at most ~0.7 s, 2,000 in up to ~1.2 s, 20,000 in 4-5 s and 100,000
# in 11-16 s; the templates themselves suggest at most 60-300 characters per field.
MAX_VALUE_CHARS = 1000


def value_chars(value: Any, _depth: int = 0) -> int:
    """How many characters of text a field value holds (lists and dicts summed)."""
    if isinstance(value, str):
        return len(value)
    if _depth > 8:
        return 0
    if isinstance(value, dict):
        return sum(len(str(k)) + value_chars(v, _depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return sum(value_chars(v, _depth + 1) for v in value)
    return 0 if value is None else len(str(value))


def value_length_problem(key: str, value: Any, label: str | None = None) -> str | None:
    """Why ``value`` is too long for a field (one Indonesian line naming it), or None."""
    n = value_chars(value)
    if n <= MAX_VALUE_CHARS:
        return None
    return (f"Isi '{label or key}' terlalu panjang ({n} karakter; maksimal "
            f"{MAX_VALUE_CHARS}).")


def check_value_length(key: str, value: Any, label: str | None = None) -> None:
    """Raise ValueInputError when ``value`` is too long for one field (see MAX_VALUE_CHARS)."""
    problem = value_length_problem(key, value, label)
    if problem:
        raise ValueInputError(problem)


def slugify(text: str, max_length: int = 60) -> str:
    """"Apel Pagi: Senin, 21/11" -> "apel-pagi-senin-21-11": ASCII, at most ``max_length``
    characters, cut at a word boundary when one is near (paths stay short for Windows);
    "konten" when nothing is left."""
    import unicodedata  # noqa: PLC0415

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        head = slug[:max_length + 1]
        cut = head.rsplit("-", 1)[0] if "-" in head else ""
        slug = cut if len(cut) >= max_length // 2 else slug[:max_length].rstrip("-")
    return slug or "konten"
