"""Captions per platform, generated from caption templates.

* A caption is generated per platform from a Jinja2 caption template (sandboxed, strict)
  found by convention: ``<template folder>/caption_<platform>.j2``, then
  ``<template folder>/caption.j2``, then the generic ``assets/captions/default_<platform>.j2``.
  The user's edit for a platform (``Draft.captions[platform]``, plain text) replaces the
  generated caption for that platform.
* The hashtags and mentions a template can use are normalised by :mod:`.tags` (a profile's
  hashtag groups are in :mod:`.hashtags`); every caption comes with its check
  (:func:`~.check.check_caption`: counts and Indonesian warnings per platform).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KontenError
from ..model.dates import format_dateline, format_pukul, format_tanggal
from ..model.platforms import PLATFORM_KEYS, get_platform
from ..model.records import Draft, Profile
from ..template.budgets import ExpressionError
from ..template.roles import POST_HASHTAGS, POST_MENTIONS
from ..template.sandbox import render_string
from ..template.schema import Field, Template
from .check import CaptionCheck, check_caption
from .tags import caption_hashtags, post_mentions

# ---------------------------------------------------------------- caption templates


def default_captions_dir() -> Path:
    from ..paths import assets_dir  # noqa: PLC0415 - resolve assets lazily

    return assets_dir() / "captions"


def caption_path(template: Template, platform: str) -> Path:
    """The caption template used for ``platform``: most specific first."""
    key = get_platform(platform).key
    for name in (key, "*"):
        path = template.captions.get(name)
        if path is not None:
            return path
    folder = default_captions_dir()
    specific = folder / f"default_{key}.j2"
    return specific if specific.is_file() else folder / "default.j2"


@lru_cache(maxsize=256)
def _read(path: str, mtime_ns: int) -> str:
    return Path(path).read_text(encoding="utf-8")


def caption_source(template: Template, platform: str) -> str:
    path = caption_path(template, platform)
    try:
        return _read(str(path), path.stat().st_mtime_ns)
    except OSError as exc:
        raise KontenError(f"Templat caption tidak dapat dibaca: {path} ({exc.strerror}).") from None
    except UnicodeDecodeError:
        raise KontenError(f"Templat caption bukan teks UTF-8: {path}.") from None


_LEAD_KEYS = ("ringkasan", "lead", "isi", "pesan", "keterangan", "deskripsi")


def _first_key(template: Template, keys: tuple[str, ...], types: tuple[str, ...]) -> str | None:
    known = {f.key: f for f in template.fields}
    for key in keys:
        if key in known and known[key].type in types:
            return key
    for f in template.fields:
        if f.type in types:
            return f.key
    return None


def _text_of(f: Field, value: Any, profile: Profile) -> str:
    """A field value as caption text ("Senin, 21 November 2022", "pukul 08.00 WIB")."""
    if value in (None, "", []) or f.type in ("photo", "bool"):
        return ""
    if f.type == "date":
        return format_tanggal(value)
    if f.type == "time":
        return format_pukul(value, profile.timezone)
    if f.type == "list":
        lines = []
        for item in value:
            if isinstance(item, dict):
                lines.append(" ".join(v for v in item.values() if v))
            else:
                lines.append(str(item))
        return "\n".join(f"- {line}" for line in lines if line)
    return str(value).strip()


def _handle(profile: Profile, platform: str) -> str:
    handle = profile.handles.get(platform, "").strip()
    if not handle:
        return ""
    if platform in ("instagram", "x", "tiktok") and not handle.startswith("@"):
        return "@" + handle
    return handle


def caption_context(template: Template, draft: Draft, profile: Profile,
                    platform: str) -> dict[str, Any]:
    """What a caption template can use.

    Every field of the template (dates as dates, lists as lists) plus: ``platform``,
    ``platform_name``, ``profile``, ``headline``, ``lead``, ``date``, ``dateline``
    ("Mojokerto, Senin (21/11/2022) –"), ``hashtags`` / ``hashtag_list``, ``mentions`` /
    ``mention_list``, ``handle`` (this platform's), ``website``, ``template_name``, ``kind``
    and ``details`` (the other filled fields as ``{label, text}``).
    """
    from ..render import build_context  # noqa: PLC0415 - render imports Pillow machinery

    spec = get_platform(platform)
    values = build_context(template, draft, profile)
    fields_by_key = {f.key: f for f in template.fields}
    from ..template.roles import headline_key as post_headline_key  # noqa: PLC0415

    headline_key = post_headline_key(template)
    lead_key = _first_key(template, _LEAD_KEYS, ("multiline",))
    date_key = _first_key(template, ("tanggal",), ("date",))
    when = values.get(date_key) if date_key else None
    tags = caption_hashtags(draft, profile)
    mentions = post_mentions(draft)
    details = []
    for f in template.fields:
        if f.key in (headline_key, lead_key, POST_HASHTAGS, POST_MENTIONS):
            continue
        text = _text_of(f, values.get(f.key), profile)
        if text:
            details.append({"key": f.key, "label": f.label, "text": text})
    ctx: dict[str, Any] = {
        "headline": str(values.get(headline_key) or "").strip() if headline_key else "",
        "lead": str(values.get(lead_key) or "").strip() if lead_key else "",
        "date": when or "",
        "dateline": format_dateline(profile.city, when) if when and profile.city else "",
        "hashtags": " ".join(tags),
        "hashtag_list": tags,
        "mentions": " ".join(mentions),
        "mention_list": mentions,
        "handle": _handle(profile, spec.key),
        "website": profile.website.strip(),
        "details": details,
        "template_name": template.name,
        "kind": template.kind,
    }
    for key, value in values.items():
        if key in fields_by_key:
            ctx[key] = value  # a field of the template wins over a derived name
    ctx["profile"] = values["profile"]  # Profile.template_view(): read-only data
    ctx["platform"] = spec.key
    ctx["platform_name"] = spec.name
    return ctx


def tidy(text: str) -> str:
    """Trailing spaces off, at most one empty line in a row, no empty lines at the ends."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def render_caption_template(source: str, template: Template, draft: Draft, profile: Profile,
                            platform: str) -> str:
    """Fill a caption template (bundled or edited by the user) in the sandbox.

    Any failure, including an attempt to reach Python internals, raises an
    :class:`ExpressionError` with a one-line Indonesian message.
    """
    ctx = caption_context(template, draft, profile, platform)
    try:
        return tidy(render_string(source, ctx))
    except ExpressionError as exc:
        raise ExpressionError(f"Caption {get_platform(platform).name}: {exc}") from None


def generate_caption(template: Template, draft: Draft, profile: Profile, platform: str) -> str:
    """The caption the template produces for ``platform`` (ignores the user's edits)."""
    return render_caption_template(caption_source(template, platform), template, draft,
                                   profile, platform)


@dataclass(frozen=True)
class Caption:
    platform: str
    text: str  # what will be copied / exported
    generated: str  # what the caption template gives for the current fields
    edited: bool  # True when ``text`` is the user's edit kept in the draft
    check: CaptionCheck


def caption_for(template: Template, draft: Draft, profile: Profile, platform: str) -> Caption:
    key = get_platform(platform).key
    generated = generate_caption(template, draft, profile, key)
    edit = draft.captions.get(key)
    text = edit if edit is not None else generated
    return Caption(key, text, generated, edit is not None, check_caption(text, key))


def captions_for(template: Template, draft: Draft, profile: Profile,
                 platforms: Iterable[str] = PLATFORM_KEYS) -> dict[str, Caption]:
    return {get_platform(p).key: caption_for(template, draft, profile, p) for p in platforms}


def apply_caption_edit(captions: dict[str, str], platform: str, text: str,
                       generated: str) -> dict[str, str]:
    """The draft's edits after the user changed ``platform``'s caption to ``text``.

    An edit equal to the generated caption is dropped, so the caption keeps following the
    fields; anything else is kept verbatim.
    """
    key = get_platform(platform).key
    out = dict(captions)
    if tidy(text) == tidy(generated):
        out.pop(key, None)
    else:
        out[key] = text
    return out
