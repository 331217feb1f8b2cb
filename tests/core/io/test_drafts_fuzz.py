"""Fuzzing the draft loader with >= 1,000 mutated files (fixed seed).

Every file must end in an OpenedDraft (which renders, or fails with a KontenError) or a
DraftFileError with a one-line message, within a generous time bound (a hang detector, not a
speed target), without modifying the file, and without writing outside the work folder.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import json
import random
import shutil
import struct
import time
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from kontenopd.core.errors import KontenError
from kontenopd.core.io.draft_file import load_draft, read_thumbnail, save_draft
from kontenopd.core.io.draft_info import read_draft_info
from kontenopd.core.io.draft_loader import OpenedDraft
from kontenopd.core.io.draft_schema import DraftFileError, draft_to_dict
from kontenopd.core.model.records import Draft, PhotoRef
from kontenopd.core.render import render

SEED = 5_2022
HANG_SECONDS = 10.0

WEIRD_VALUES: list[Any] = [
    None, True, 0, -1, 2**70, 1e308, -0.0, "", "x" * 300_000, "../../etc/passwd", "/abs/a.jpg",
    "photos/../../evil.jpg", "C:\\evil.jpg", "\x00", "💥" * 50, [], [1, [2, [3, [4]]]], {},
    {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": 1}}}}}}}}}, [None], ["4:5"] * 50,
    "9999", "2022-13-45", "NaN", {"file": "photos/x.jpg"}, [0.5], [0.1, 0.2, 0.3],
]


def _tiny_jpeg(path: Path, color: tuple[int, int, int]) -> Path:
    Image.new("RGB", (96, 64), color).save(path, "JPEG", quality=80)
    return path


@pytest.fixture(scope="module")
def base(tmp_path_factory, profile) -> tuple[bytes, dict[str, bytes]]:
    folder = tmp_path_factory.mktemp("fuzz-base")
    logo = folder / "logo.png"
    Image.new("RGBA", (40, 40), (200, 30, 30, 255)).save(logo)
    small_profile = replace(profile, pemda_logo=str(logo), opd_logo=str(logo))
    draft = Draft("liputan-kegiatan", formats=["4:5", "1:1"],
                  values={"judul": "Uji Fuzz", "tanggal": "2022-11-21", "lokasi": "Aula",
                          "ringkasan": "Baris satu\nBaris dua"},
                  photos={"foto": [PhotoRef(str(_tiny_jpeg(folder / "a.jpg", (10, 120, 200))),
                                            (0.2, 0.8)),
                                   PhotoRef(str(_tiny_jpeg(folder / "b.jpg", (200, 120, 10))))]},
                  captions={"instagram": "Caption"})
    file = save_draft(folder / "base.kontenopd", draft, small_profile,
                      thumbnail=Image.new("RGB", (64, 80), "navy"))
    data = file.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    return data, entries


# ---------------------------------------------------------------- mutators


def _bytes_flip(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def _splice(rng: random.Random, data: bytes) -> bytes:
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, 400))
    if rng.random() < 0.5:
        return data[:a] + data[b:]
    return data[:a] + rng.randbytes(rng.randint(1, 64)) + data[a:]


def _mutate_json(rng: random.Random, doc: Any, depth: int = 0) -> Any:
    """Replace, delete or retype one randomly chosen node of the JSON document."""
    if isinstance(doc, dict) and doc and depth < 4 and rng.random() < 0.75:
        key = rng.choice(list(doc))
        choice = rng.random()
        if choice < 0.15:
            del doc[key]
        elif choice < 0.25:
            doc[rng.choice(["../x", "", "photos", "\x00", "9" * 50])] = rng.choice(WEIRD_VALUES)
        else:
            doc[key] = _mutate_json(rng, doc[key], depth + 1)
        return doc
    if isinstance(doc, list) and doc and depth < 4 and rng.random() < 0.75:
        i = rng.randrange(len(doc))
        if rng.random() < 0.2:
            doc.append(copy.deepcopy(doc[i]))
        else:
            doc[i] = _mutate_json(rng, doc[i], depth + 1)
        return doc
    return copy.deepcopy(rng.choice(WEIRD_VALUES))


def _build_zip(entries: dict[str, bytes], *, attrs: dict[str, int] | None = None,
               method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = method
            if attrs and name in attrs:
                info.external_attr = attrs[name]
            zf.writestr(info, data)
    return buf.getvalue()


def _patch_central(data: bytes, rng: random.Random) -> bytes:
    """Lie in a central-directory header: sizes, method, flags, name length."""
    buf = bytearray(data)
    offsets = []
    pos = buf.find(b"PK\x01\x02")
    while pos >= 0:
        offsets.append(pos)
        pos = buf.find(b"PK\x01\x02", pos + 4)
    if not offsets:
        return data
    at = rng.choice(offsets)
    field = rng.choice(["size", "csize", "method", "flags", "namelen", "offset"])
    if field == "size":
        struct.pack_into("<I", buf, at + 24, rng.choice([0, 1, 0xFFFFFFF0, 2**31]))
    elif field == "csize":
        struct.pack_into("<I", buf, at + 20, rng.choice([0, 1, 0xFFFFFFF0]))
    elif field == "method":
        struct.pack_into("<H", buf, at + 10, rng.choice([1, 6, 12, 14, 99, 0xFFFF]))
    elif field == "flags":
        struct.pack_into("<H", buf, at + 8, rng.choice([1, 0x41, 0x2000]))
    elif field == "namelen":
        struct.pack_into("<H", buf, at + 28, rng.choice([0, 1, 0xFFFF]))
    else:
        struct.pack_into("<I", buf, at + 42, rng.choice([0, 7, 0xFFFFFFFF]))
    return bytes(buf)


def _structured(rng: random.Random, entries: dict[str, bytes], bomb: bytes) -> bytes:
    doc = json.loads(entries["draft.json"])
    kind = rng.randrange(9)
    new = dict(entries)
    attrs: dict[str, int] = {}
    if kind <= 3:  # wrong types / values in draft.json
        for _ in range(rng.randint(1, 3)):
            doc = _mutate_json(rng, doc)
        new["draft.json"] = json.dumps(doc, allow_nan=True).encode()
    elif kind == 4:  # schema versions, old and future
        doc["schema_version"] = rng.choice([0, 2, 99, -1, "1", 1.5, None, True])
        new["draft.json"] = json.dumps(doc).encode()
    elif kind == 5:  # escaping, absolute, odd names
        name = rng.choice(["../evil.jpg", "/tmp/evil.jpg", "photos/../../evil.jpg",
                           "photos\\..\\evil.jpg", "C:evil.jpg", "photos/", "./draft.json",
                           "photos/" + "a" * 280 + ".jpg", "photos/ok.jpg"])
        new[name] = rng.choice(list(entries.values()))
        if rng.random() < 0.5:
            ref = doc["photos"]["foto"][0]
            ref["file"] = name
            new["draft.json"] = json.dumps(doc).encode()
    elif kind == 6:  # symlink entries
        name = rng.choice([n for n in entries if n != "draft.json"] + ["photos/link.jpg"])
        new[name] = b"/etc/passwd"
        attrs[name] = 0o120777 << 16
    elif kind == 7:  # zip bomb / oversized entries, or a missing entry
        if rng.random() < 0.5:
            return _with_bomb(new, bomb, rng)
        del new[rng.choice(list(new))]
    else:  # bad JSON bytes
        raw = entries["draft.json"]
        new["draft.json"] = rng.choice([raw[: len(raw) // 2], b"\xff\xfe" + raw, b"null",
                                        b"[]", b"\"text\"", b"{" * 5000, raw + b"garbage"])
    data = _build_zip(new, attrs=attrs)
    return _patch_central(data, rng) if rng.random() < 0.2 else data


def _with_bomb(entries: dict[str, bytes], bomb: bytes, rng: random.Random) -> bytes:
    """Append a highly compressed entry (pre-built once) to a valid draft archive."""
    name = rng.choice(["photos/bom.jpg", "thumbnail.jpg", "draft.json", "profile/pemda.png"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, d in entries.items():
            if n != name:
                zf.writestr(n, d)
    with zipfile.ZipFile(io.BytesIO(bomb)) as src:
        info = src.infolist()[0]
        raw = src.fp
        raw.seek(info.header_offset)
        header = raw.read(30)
        extra = struct.unpack("<HH", header[26:30])
        raw.seek(info.header_offset + 30 + sum(extra))
        compressed = raw.read(info.compress_size)
    out = bytearray(buf.getvalue())
    cd_start = struct.unpack("<I", out[-6:-2])[0]
    central = out[cd_start:-22]
    count = struct.unpack("<H", out[-12:-10])[0]
    local_offset = cd_start
    name_b = name.encode()
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, info.CRC,
                        info.compress_size, info.file_size, len(name_b), 0) + name_b
    cdir = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, info.CRC,
                       info.compress_size, info.file_size, len(name_b), 0, 0, 0, 0, 0o644 << 16,
                       local_offset) + name_b
    body = bytes(out[:cd_start]) + local + compressed
    new_central = bytes(central) + cdir
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count + 1, count + 1,
                      len(new_central), len(body), 0)
    return body + new_central + end


def _mutants(base_bytes: bytes, entries: dict[str, bytes], bomb: bytes):
    rng = random.Random(SEED)
    for i in range(1100):
        kind = i % 10
        if kind < 3:
            yield "flip", _bytes_flip(rng, base_bytes)
        elif kind == 3:
            yield "truncate", _truncate(rng, base_bytes)
        elif kind == 4:
            yield "splice", _splice(rng, base_bytes)
        else:
            yield "structured", _structured(rng, entries, bomb)


# ---------------------------------------------------------------- the test


def test_fuzzed_drafts_end_in_a_draft_or_a_clear_error(base, library, tmp_path) -> None:
    base_bytes, entries = base
    bomb_buf = io.BytesIO()
    with zipfile.ZipFile(bomb_buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("x", b"\x00" * (200 * 2**20))
    bomb = bomb_buf.getvalue()

    user_dir = tmp_path / "user"
    user_dir.mkdir()
    work = tmp_path / "work"
    outcomes: dict[str, int] = {}
    messages: set[str] = set()
    rendered = 0
    for n, (kind, data) in enumerate(_mutants(base_bytes, entries, bomb)):
        path = user_dir / f"m{n}.kontenopd"
        path.write_bytes(data)
        digest = hashlib.sha256(data).hexdigest()
        start = time.perf_counter()
        try:
            result: OpenedDraft | DraftFileError = load_draft(path, workdir=work,
                                                              library=library)
        except DraftFileError as exc:
            result = exc
        except Exception as exc:  # pragma: no cover - this is what the test hunts for
            pytest.fail(f"mutant {n} ({kind}): {type(exc).__name__}: {exc}")
        elapsed = time.perf_counter() - start
        assert elapsed < HANG_SECONDS, (n, kind, elapsed)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, n
        assert sorted(p.name for p in user_dir.iterdir()) == [path.name], n
        if isinstance(result, DraftFileError):
            message = str(result)
            assert message and "\n" not in message and len(message) < 400, (n, message)
            outcomes[f"{kind}:error"] = outcomes.get(f"{kind}:error", 0) + 1
            messages.add(message.split(":", maxsplit=1)[0])
        else:
            outcomes[f"{kind}:draft"] = outcomes.get(f"{kind}:draft", 0) + 1
            _check_opened(result, work, n)
            if not result.template_missing and n % 4 == 0:
                _check_renders(result, library, n)
                rendered += 1
        # The browser's readers face the same files.
        with contextlib.suppress(DraftFileError):
            read_draft_info(path)
        assert read_thumbnail(path) is None or isinstance(read_thumbnail(path), Image.Image)
        path.unlink()
        if n % 100 == 99:
            shutil.rmtree(work, ignore_errors=True)
    total = sum(outcomes.values())
    assert total >= 1000
    # The mutations exercise both ways out, and many distinct refusals.
    assert outcomes.get("structured:draft", 0) > 50, outcomes
    assert sum(v for k, v in outcomes.items() if k.endswith(":error")) > 300, outcomes
    assert len(messages) >= 8, messages
    assert rendered > 20


def _check_opened(opened: OpenedDraft, work: Path, n: int) -> None:
    assert isinstance(opened.draft, Draft) and isinstance(opened.draft.template, str)
    json.dumps(draft_to_dict(opened.draft), allow_nan=False)
    root = work.resolve()
    for refs in opened.draft.photos.values():
        for ref in refs:
            path = Path(ref.path).resolve()
            assert path.is_relative_to(root) and path.is_file(), (n, ref.path)
            assert all(0.0 <= v <= 1.0 for v in ref.focus), (n, ref.focus)
    for logo in (opened.profile.pemda_logo, opened.profile.opd_logo):
        if logo and opened.profile_from_file:
            assert Path(logo).resolve().is_relative_to(root), (n, logo)
    assert all(isinstance(m, str) and "\n" not in m for m in opened.notices)


def _check_renders(opened: OpenedDraft, library, n: int) -> None:
    template = library.get(opened.draft.template)
    try:
        render(template, opened.draft.formats[0], opened.draft, opened.profile, scale=0.15)
    except KontenError:
        pass  # a clear, user-facing error is an acceptable end
    except Exception as exc:  # pragma: no cover
        pytest.fail(f"mutant {n}: render raised {type(exc).__name__}: {exc}")
