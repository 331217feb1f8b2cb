"""Reading a draft's ZIP archive safely: the guard against damaged and hostile files.

Every entry is checked before anything is read (names, symlinks, encryption, sizes,
compression ratio, entries sharing bytes, the declared total), and every read is capped by
the bytes actually inflated, whatever the headers claim, so a small file cannot unpack to
gigabytes. Failures are :class:`~.draft_schema.DraftFileError` lines.
"""

from __future__ import annotations

import errno
import json
import lzma
import struct
import zipfile
import zlib
from itertools import pairwise
from typing import IO, Any

from .draft_schema import DraftFileError

# Limits against damaged or hostile files.
MAX_FILE_BYTES = 1024 * 2**20
MAX_ENTRIES = 2000
MAX_JSON_BYTES = 8 * 2**20
MAX_PHOTO_BYTES = 64 * 2**20  # also the most any one entry may hold
MAX_LOGO_BYTES = 16 * 2**20
MAX_THUMB_BYTES = 2 * 2**20
MAX_TOTAL_BYTES = 512 * 2**20  # declared, and counted while reading, whatever Python's zipfile
MAX_RATIO = 200  # uncompressed / compressed, for entries above 1 MB

# Anything zipfile or the decoders raise for a damaged archive.
CORRUPT = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, KeyError,
           IndexError, TypeError, NotImplementedError, RuntimeError, struct.error,
           OverflowError, RecursionError, UnicodeDecodeError, AttributeError, zlib.error,
           lzma.LZMAError)
# Damage inside one entry's data (CRC, inflate, unsupported method, lying sizes).
ENTRY_DAMAGE = (zipfile.BadZipFile, EOFError, NotImplementedError, zlib.error,
                lzma.LZMAError, ValueError, struct.error)


def is_damage(exc: OSError) -> bool:
    """An OSError that means a damaged archive (bad seek, bad stream), not an I/O failure."""
    return exc.errno is None or exc.errno == errno.EINVAL


def _member_ok(info: zipfile.ZipInfo) -> str | None:
    """Why a ZIP entry is refused, or None when its name and type are safe."""
    name = info.filename
    if not name or len(name) > 300 or "\x00" in name or "\\" in name or ":" in name:
        return "nama berkas tidak aman"
    if name.startswith("/") or any(part in ("..", ".") for part in name.split("/")):
        return "nama berkas tidak aman"
    mode = (info.external_attr >> 16) & 0o170000
    if mode == 0o120000:
        return "berisi tautan (symlink)"
    if info.flag_bits & 0x1:
        return "terenkripsi"
    return None


def checked_members(zf: zipfile.ZipFile, handle: IO[bytes]) -> dict[str, zipfile.ZipInfo]:
    """The archive's entries by name, once every one is safe to read (see the module's
    docstring); raises DraftFileError for the first that is not. ``handle`` is the file
    ``zf`` reads."""
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise DraftFileError(f"Berkas draf ditolak: terlalu banyak isi ({len(infos)}).")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        why = _member_ok(info)
        if why:
            raise DraftFileError(f"Berkas draf ditolak: {why} ({info.filename[:60]!r}).")
        if info.filename in members:
            raise DraftFileError(f"Berkas draf ditolak: nama {info.filename[:60]!r} muncul "
                                 "dua kali.")
        if info.file_size > MAX_PHOTO_BYTES or (
                info.file_size > 2**20
                and info.file_size > MAX_RATIO * max(1, info.compress_size)):
            raise DraftFileError(f"Berkas draf ditolak: isi {info.filename[:60]!r} "
                                 "berukuran tidak wajar.")
        total += info.file_size
        members[info.filename] = info
    if total > MAX_TOTAL_BYTES:
        raise DraftFileError("Berkas draf ditolak: ukuran isinya tidak wajar.")
    why = _overlap(handle, infos, getattr(zf, "start_dir", 2**63))
    if why:
        raise DraftFileError(f"Berkas draf ditolak: {why}.")
    return members


class ArchiveBudget:
    """The bytes still allowed to be extracted from one archive, counted as they are read."""

    def __init__(self, total: int | None = None) -> None:
        # None: MAX_TOTAL_BYTES as it is when the budget is made
        self.remaining = MAX_TOTAL_BYTES if total is None else total


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int,
                budget: ArchiveBudget | None = None) -> bytes:
    """An entry's bytes, never more than ``limit`` (nor than what is left of ``budget``)
    whatever its header claims: the bytes actually inflated are counted."""
    if info.file_size > limit:
        raise DraftFileError(f"Berkas draf ditolak: isi {info.filename[:60]!r} terlalu besar.")
    allowed = limit if budget is None else min(limit, budget.remaining)
    with zf.open(info) as stream:
        data = stream.read(allowed + 1)
    if len(data) > limit:
        raise DraftFileError(f"Berkas draf ditolak: isi {info.filename[:60]!r} terlalu besar.")
    if budget is not None:
        if len(data) > budget.remaining:
            raise DraftFileError(f"Berkas draf ditolak: isinya melebihi "
                                 f"{MAX_TOTAL_BYTES // 2**20} MB setelah dibuka.")
        budget.remaining -= len(data)
    return data


def _overlap(handle: IO[bytes], infos: list[zipfile.ZipInfo], start_dir: int) -> str | None:
    """Why the entries' data cannot be trusted (overlapping, or reaching into the central
    directory), or None. Each entry spans its local header, name, extra field and compressed
    data; two entries sharing bytes is how small files inflate to gigabytes (Python's zipfile
    only checks this from 3.11.8/3.12.2 on)."""
    spans = []
    for info in infos:
        handle.seek(info.header_offset)
        head = handle.read(30)
        if len(head) < 30 or head[:4] != b"PK\x03\x04":
            return f"isi {info.filename[:60]!r} tidak ditemukan di tempatnya"
        name_len, extra_len = struct.unpack("<HH", head[26:30])
        end = info.header_offset + 30 + name_len + extra_len + info.compress_size
        spans.append((info.header_offset, end, info.filename))
    spans.sort()
    for (_, end, name), (start, _, other) in pairwise(spans):
        if end > start:
            return f"isi {name[:40]!r} dan {other[:40]!r} saling bertumpuk"
    if spans and spans[-1][1] > start_dir:
        return f"isi {spans[-1][2][:60]!r} bertumpuk dengan daftar isi arsip"
    return None


def read_json(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str,
              budget: ArchiveBudget | None = None) -> dict[str, Any]:
    """An entry (draft.json) parsed as a JSON object; ``name`` is the file as shown."""
    raw = read_member(zf, info, MAX_JSON_BYTES, budget)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, ValueError):
        raise DraftFileError(f"Isi draf rusak (draft.json bukan JSON yang benar): {name}.") \
            from None
    if not isinstance(data, dict):
        raise DraftFileError(f"Isi draf rusak (draft.json harus berupa objek): {name}.")
    return data


__all__ = [
    "CORRUPT",
    "ENTRY_DAMAGE",
    "MAX_ENTRIES",
    "MAX_FILE_BYTES",
    "MAX_JSON_BYTES",
    "MAX_LOGO_BYTES",
    "MAX_PHOTO_BYTES",
    "MAX_RATIO",
    "MAX_THUMB_BYTES",
    "MAX_TOTAL_BYTES",
    "ArchiveBudget",
    "checked_members",
    "is_damage",
    "read_json",
    "read_member",
]
