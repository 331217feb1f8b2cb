"""Platform presets: caption limits, hashtag limits and which image formats suit which use.

The figures come from the product brief's researched table (PRODUCT.md, "Platform facts").
Everything a caption checker or the exporter needs to know about a platform lives here, as
plain frozen data, so the GUI, the CLI and the export manifest agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import KontenError

# The image formats a template may offer, with their canvas size in pixels.
FORMAT_SIZES = {
    "4:5": (1080, 1350),
    "1:1": (1080, 1080),
    "3:4": (1080, 1440),
    "9:16": (1080, 1920),
    "16:9": (1200, 675),
}

# Image rules shared by the exporter (Instagram's publishing rules are the strictest).
JPEG_MIN_WIDTH = 320
JPEG_MAX_WIDTH = 1440
FEED_MIN_RATIO = 4 / 5  # width / height: 0.8 (4:5) ...
FEED_MAX_RATIO = 1.91  # ... to 1.91:1


@dataclass(frozen=True)
class FormatUse:
    """How one image format serves a platform."""

    status: str  # "recommended", "ok", "app_only", "cropped", "story", "unsuitable"
    use: str  # "feed", "story", "photo", "status"
    note: str  # Indonesian, one line

    @property
    def usable(self) -> bool:
        return self.status != "unsuitable"

    def to_dict(self) -> dict[str, str]:
        return {"status": self.status, "use": self.use, "note": self.note}


@dataclass(frozen=True)
class Platform:
    key: str
    name: str
    caption_limit: int | None  # hard limit (the platform refuses longer)
    soft_limit: int | None = None  # above this: a warning (schedulers, truncation)
    soft_note: str = ""
    hashtag_limit: int | None = None
    mention_limit: int | None = None
    title_limit: int | None = None  # first line used as a title (TikTok photo)
    weighted: bool = False  # X: twitter-text weighted length
    hashtags_work: bool = True  # WhatsApp status does not link hashtags
    max_image_bytes: int = 8 * 1024 * 1024
    mention_pattern: str = r"[A-Za-z0-9._]{1,30}"
    formats: dict[str, FormatUse] = field(default_factory=dict)

    def format_use(self, fmt: str) -> FormatUse:
        return self.formats.get(fmt, FormatUse("ok", "feed", "Bisa dipakai."))


_STORY = FormatUse("story", "story", "Untuk story / Reels cover (9:16), bukan feed.")

PLATFORMS: dict[str, Platform] = {
    p.key: p for p in (
        Platform(
            key="instagram", name="Instagram", caption_limit=2200, hashtag_limit=5,
            mention_limit=20,
            formats={
                "4:5": FormatUse("recommended", "feed", "Feed: ukuran paling aman (4:5)."),
                "1:1": FormatUse("ok", "feed", "Feed: persegi."),
                "3:4": FormatUse("app_only", "feed",
                                 "Hanya lewat aplikasi Instagram; di luar rentang API "
                                 "(penjadwal menolak 3:4)."),
                "16:9": FormatUse("ok", "feed", "Feed: lanskap (dalam rentang 1,91:1)."),
                "9:16": _STORY,
            },
        ),
        Platform(
            key="facebook", name="Facebook", caption_limit=63206, soft_limit=5000,
            soft_note="kebanyakan penjadwal membatasi 5.000 karakter",
            formats={
                "4:5": FormatUse("recommended", "feed", "Feed: disarankan (4:5)."),
                "1:1": FormatUse("ok", "feed", "Feed: persegi."),
                "3:4": FormatUse("cropped", "feed", "Feed memotong gambar yang lebih tinggi "
                                                    "dari 4:5."),
                "16:9": FormatUse("ok", "feed", "Feed: lanskap."),
                "9:16": FormatUse("story", "story", "Untuk story (9:16); di feed dipotong ke "
                                                    "4:5."),
            },
        ),
        Platform(
            key="x", name="X", caption_limit=280, weighted=True,
            max_image_bytes=5 * 1024 * 1024, mention_pattern=r"[A-Za-z0-9_]{1,15}",
            formats={
                "16:9": FormatUse("recommended", "feed", "Disarankan untuk X (16:9)."),
                "1:1": FormatUse("ok", "feed", "Bisa; linimasa menampilkan potongan."),
                "4:5": FormatUse("ok", "feed", "Bisa; linimasa menampilkan potongan."),
                "3:4": FormatUse("ok", "feed", "Bisa; linimasa menampilkan potongan."),
                "9:16": FormatUse("cropped", "feed", "Linimasa X memotong gambar setinggi "
                                                     "9:16."),
            },
        ),
        Platform(
            key="tiktok", name="TikTok", caption_limit=4000, title_limit=90,
            mention_pattern=r"[A-Za-z0-9._]{1,24}",
            formats={
                "9:16": FormatUse("recommended", "photo", "Foto TikTok: layar penuh (9:16)."),
                "4:5": FormatUse("ok", "photo", "Foto TikTok: tampil dengan bidang kosong."),
                "1:1": FormatUse("ok", "photo", "Foto TikTok: tampil dengan bidang kosong."),
                "3:4": FormatUse("ok", "photo", "Foto TikTok: tampil dengan bidang kosong."),
                "16:9": FormatUse("ok", "photo", "Foto TikTok: tampil kecil (lanskap)."),
            },
        ),
        Platform(
            key="whatsapp", name="WhatsApp", caption_limit=None, soft_limit=700,
            soft_note="status WhatsApp hanya menampilkan sekitar 700 karakter",
            hashtags_work=False,
            formats={
                "9:16": FormatUse("recommended", "status", "Status WhatsApp: layar penuh."),
                "4:5": FormatUse("ok", "status", "Status WhatsApp: tampil dengan bidang "
                                                 "kosong."),
                "1:1": FormatUse("ok", "status", "Status WhatsApp: tampil dengan bidang "
                                                 "kosong."),
                "3:4": FormatUse("ok", "status", "Status WhatsApp: tampil dengan bidang "
                                                 "kosong."),
                "16:9": FormatUse("ok", "status", "Status WhatsApp: tampil kecil."),
            },
        ),
    )
}
PLATFORM_KEYS: tuple[str, ...] = tuple(PLATFORMS)


def get_platform(key: str) -> Platform:
    """The platform ``key`` (case-insensitive; "twitter" means X)."""
    norm = key.strip().lower()
    norm = {"twitter": "x", "ig": "instagram", "fb": "facebook", "wa": "whatsapp"}.get(norm, norm)
    try:
        return PLATFORMS[norm]
    except KeyError:
        raise KontenError(
            f"Platform '{key}' tidak dikenal (pilih: {', '.join(PLATFORM_KEYS)}).") from None


def ratio_ok_for_feed(width: int, height: int) -> bool:
    """Instagram's publishing range: from 4:5 (portrait) to 1.91:1 (landscape)."""
    ratio = width / height
    return FEED_MIN_RATIO - 1e-3 <= ratio <= FEED_MAX_RATIO + 1e-3


def image_uses(fmt: str, size: tuple[int, int],
               platforms: tuple[str, ...] | list[str]) -> dict[str, FormatUse]:
    """For each platform: how an image of format ``fmt`` and ``size`` can be used."""
    out: dict[str, FormatUse] = {}
    for key in platforms:
        platform = get_platform(key)
        use = platform.format_use(fmt)
        if (key == "instagram" and use.use == "feed" and use.status in ("ok", "recommended")
                and not ratio_ok_for_feed(*size)):
            use = FormatUse("app_only", "feed", "Rasio di luar rentang 4:5 - 1,91:1.")
        out[platform.key] = use
    return out
