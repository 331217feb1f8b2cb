"""The nested-size guard: Pillow's decompression-bomb check with the caller's pixel cap.

Pillow checks every size it is about to allocate for (the image, an ICNS or ICO's inner
PNG, a GIF frame, a TIFF tile) with ``Image._decompression_bomb_check``. Inside
:func:`pixel_limit` (per thread) that check applies the caller's pixel cap too, so an inner
image larger than the cap is refused before it is decoded, with its size
(:class:`OversizeError`). :mod:`.safeimage` opens and loads every file under it.

Importing this module installs the check and silences Pillow's own warnings about files.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from PIL import Image


class OversizeError(Exception):
    """An image (or one nested in it) declares more pixels than the cap in force."""

    def __init__(self, size: tuple[int, int]) -> None:
        super().__init__(size)
        self.size = size


_guard = threading.local()
_pillow_bomb_check = Image._decompression_bomb_check


def _bomb_check(size: tuple[int, int], *args: object, **kwargs: object) -> None:
    limit = getattr(_guard, "limit", None)
    if limit is None:
        _pillow_bomb_check(size, *args, **kwargs)  # type: ignore[arg-type]
        return
    width, height = int(size[0]), int(size[1])
    if max(1, width) * max(1, height) > limit:
        raise OversizeError((width, height))


if getattr(Image._decompression_bomb_check, "__module__", "") != __name__:
    Image._decompression_bomb_check = _bomb_check

# Pillow's own warnings about files (bomb warnings below our caps, "corrupt EXIF", "tag data
# larger than file"...) are for developers; the user gets our one-line messages instead.
warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL(\.|$)")
warnings.filterwarnings("ignore", category=RuntimeWarning, module=r"PIL(\.|$)")


@contextmanager
def pixel_limit(limit: int) -> Iterator[None]:
    """Within the block, this thread's Pillow refuses any size above ``limit`` pixels."""
    previous = getattr(_guard, "limit", None)
    _guard.limit = limit
    try:
        yield
    finally:
        _guard.limit = previous
