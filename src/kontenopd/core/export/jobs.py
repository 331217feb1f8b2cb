"""What an export is asked and what it answers: the queued jobs (:class:`ExportJob`), the
progress reported per file, and the result of each post and of the whole export.

Plain data, shared by :mod:`.exporter` (which runs the jobs), the CLI, the queue panel and
the stored queue (core/store/queue.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..errors import KontenError
from ..model.platforms import PLATFORM_KEYS, get_platform
from ..model.records import Draft, Profile
from ..template.roles import draft_title, post_title
from ..template.schema import Template

IMAGE_TYPES = {"jpg": ".jpg", "png": ".png"}


class CancelToken(Protocol):
    def is_set(self) -> bool: ...



# ---------------------------------------------------------------- jobs and results


@dataclass(frozen=True)
class ExportJob:
    """One post in the export queue: a draft in memory (snapshot) or a draft file."""

    draft: Draft | None = None
    profile: Profile | None = None
    draft_path: str | None = None
    formats: tuple[str, ...] = ()  # empty: the draft's own formats
    platforms: tuple[str, ...] = PLATFORM_KEYS
    image_type: str = "jpg"  # "jpg" or "png"
    label: str = ""  # shown in the queue panel

    @classmethod
    def from_draft(cls, draft: Draft, profile: Profile, *, formats: Sequence[str] = (),
                   platforms: Sequence[str] = PLATFORM_KEYS, image_type: str = "jpg",
                   label: str = "", template: Template | None = None) -> ExportJob:
        """Queue the current draft as it is now (later edits do not change the job)."""
        return cls(draft=draft.copy(), profile=profile, formats=tuple(formats),
                   platforms=_platform_keys(platforms), image_type=_image_type(image_type),
                   label=label or _draft_label(draft, template))

    @classmethod
    def from_file(cls, path: str | Path, *, formats: Sequence[str] = (),
                  platforms: Sequence[str] = PLATFORM_KEYS, image_type: str = "jpg",
                  label: str = "") -> ExportJob:
        path = Path(path)
        return cls(draft_path=str(path.resolve()), formats=tuple(formats),
                   platforms=_platform_keys(platforms), image_type=_image_type(image_type),
                   label=label or path.stem)


def _platform_keys(platforms: Sequence[str]) -> tuple[str, ...]:
    keys = tuple(dict.fromkeys(get_platform(p).key for p in platforms))
    if not keys:
        raise KontenError("Pilih minimal satu platform untuk diekspor.")
    return keys


def _image_type(value: str) -> str:
    norm = value.lower().lstrip(".").replace("jpeg", "jpg")
    if norm not in IMAGE_TYPES:
        raise KontenError(f"Jenis gambar '{value}' tidak dikenal (pilih jpg atau png).")
    return norm


def _draft_label(draft: Draft, template: Template | None = None) -> str:
    """The queue's name for a post: its title, else the template's name (its id when the
    template is not known here)."""
    return post_title(draft, template) if template else draft_title(draft) or draft.template


@dataclass(frozen=True)
class ExportProgress:
    """Reported after every file (and once at the start, with ``done`` = 0)."""

    done: int  # files finished so far (written or failed)
    total: int
    job: int  # index of the job the file belongs to (-1 at the start)
    name: str  # "2022-11-21_slug/slug_4x5.jpg" ("" at the start)
    message: str  # Indonesian, for a status line

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0


@dataclass
class PostResult:
    job: int
    label: str
    folder: Path | None = None  # set once the post is complete and in place
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    blocked: dict[str, str] = field(default_factory=dict)  # format -> why it was not written

    @property
    def ok(self) -> bool:
        """The post's folder was written (perhaps without its blocked formats)."""
        return self.error is None and self.folder is not None

    @property
    def complete(self) -> bool:
        """Written with every format asked for."""
        return self.ok and not self.blocked


@dataclass
class ExportReport:
    out_dir: Path
    posts: list[PostResult]
    cancelled: bool = False
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        """Everything asked for was written."""
        return not self.cancelled and all(p.complete for p in self.posts)

    @property
    def blocked(self) -> list[str]:
        """'label: format tidak diekspor: why', one per blocked format."""
        return [f"{p.label}: {fmt} tidak diekspor: {why}" for p in self.posts
                for fmt, why in p.blocked.items()]

    @property
    def folders(self) -> list[Path]:
        return [p.folder for p in self.posts if p.folder is not None]

    @property
    def errors(self) -> list[str]:
        return [f"{p.label}: {p.error}" for p in self.posts if p.error]

    @property
    def files(self) -> list[Path]:
        return [f for p in self.posts for f in p.files]


__all__ = ["CancelToken", "ExportJob", "ExportProgress", "ExportReport", "PostResult"]
