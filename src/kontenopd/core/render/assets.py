"""Template decor, logos and icons: opened once through the safe opener, scaled and cached."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PIL import Image

from ..errors import ValueInputError
from ..photos.safeimage import ASSET, display_name, open_image


@lru_cache(maxsize=64)
def _asset_image(path: Path, mtime: float) -> Image.Image:
    """A logo, template image or icon as RGBA, through the safe opener (size and memory
    caps, at most 2048 px on the long side). Raises a KontenError naming a bad file."""
    return open_image(path, ASSET, mode="RGBA").image


MAX_PLACED_PIXELS = 16_000_000  # an asset is never drawn larger than this (a full card is 2 MP)


@lru_cache(maxsize=128)
def _scaled(path: Path, mtime: float, size: tuple[int, int]) -> tuple[Image.Image, Image.Image]:
    """An asset resized for pasting: (RGB, alpha mask); cached per file and size."""
    if size[0] * size[1] > MAX_PLACED_PIXELS:  # a hair-thin logo scaled to a logo's height
        raise ValueInputError(f"Gambar {display_name(path)} tidak bisa dipakai: perbandingan "
                              f"sisinya tidak wajar (perlu {size[0]}x{size[1]} piksel).")
    placed = _asset_image(path, mtime).resize(size, Image.Resampling.LANCZOS)
    return placed.convert("RGB"), placed.getchannel("A")


@dataclass(frozen=True)
class Asset:
    path: Path
    mtime: float
    image: Image.Image = field(compare=False)

    @property
    def width(self) -> int:
        return self.image.width

    @property
    def height(self) -> int:
        return self.image.height

    def scaled(self, size: tuple[int, int]) -> tuple[Image.Image, Image.Image]:
        return _scaled(self.path, self.mtime, size)


def load_asset(path: Path) -> Asset | None:
    """The asset, or None when there is no such file (the caller warns). A file that is
    there but damaged, hostile or too large raises a KontenError with a clear message."""
    try:
        mtime = path.stat().st_mtime
        if not path.is_file():
            return None
    except (OSError, ValueError):
        return None
    return Asset(path, mtime, _asset_image(path, mtime))

