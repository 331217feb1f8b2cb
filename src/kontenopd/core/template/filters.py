"""The filters and globals of the template sandbox.

Jinja's own filters and the Indonesian ones (``tanggal``, ``rupiah``, ``hashtag``...) are
each :func:`guarded`: counted as a step, their arguments checked before they run where the
result's size depends on them (``center``, ``replace``, ``wordwrap``...), their result
checked after. ``format``, ``join`` and ``sum``, and the globals ``range``, ``lipsum`` and
``namespace``, are bounded replacements of Jinja's.
"""

from __future__ import annotations

import re
from functools import wraps
from typing import Any

import jinja2
from jinja2 import filters as jfilters
from jinja2.exceptions import FilterArgumentError
from jinja2.utils import Namespace, generate_lorem_ipsum
from markupsafe import Markup

from ..model import dates
from .budgets import (
    MAX_LIPSUM,
    MAX_NAMESPACE_KEYS,
    MAX_OUTPUT,
    MAX_RANGE,
    MAX_WORDWRAP,
    BudgetError,
    active_budget,
    as_index,
    check_size,
    printf,
    replaced_size,
    take,
    thousands,
    too_long,
    weight,
)


def guarded(func: Any, check: Any = None) -> Any:
    """A filter counted as a step, its arguments checked by ``check`` (same signature minus
    Jinja's context argument) before it runs, and its result checked after."""
    offset = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        budget = active_budget()
        budget.step()
        if check is not None:
            check(*args[offset:], **kwargs)
        return budget.produce(func(*args, **kwargs))

    return wrapper


def _pre_center(value: Any, width: Any = 80) -> None:
    check_size(max(len(str(value)), as_index(width)))


def _pre_indent(s: Any, width: Any = 4, first: bool = False, blank: bool = False) -> None:
    step = len(width) if isinstance(width, str) else as_index(width)
    check_size(step)
    text = str(s)
    check_size(len(text) + (text.count("\n") + 2) * max(step, 0))


def _pre_replace(s: Any, old: Any, new: Any, count: Any = None) -> None:
    check_size(replaced_size(str(s), str(old), str(new), count))


def _pre_wordwrap(s: Any, width: int = 79, break_long_words: bool = True,
                  wrapstring: Any = None, break_on_hyphens: bool = True) -> None:
    text = str(s)
    if len(text) > MAX_WORDWRAP:
        raise BudgetError(f"teks terlalu panjang untuk wordwrap (lebih dari "
                          f"{thousands(MAX_WORDWRAP)} karakter)")
    joint = 1 if wrapstring is None else len(str(wrapstring))
    check_size(len(text) + (len(text) + 1) * joint)


def _pre_count(value: Any, count: Any, fill_with: Any = None) -> None:
    if as_index(count) > MAX_RANGE:
        raise BudgetError(f"jumlah kelompok terlalu besar (lebih dari {thousands(MAX_RANGE)})")


def _pre_truncate(s: Any, length: Any = 255, killwords: bool = False, end: Any = "...",
                  leeway: Any = None) -> None:
    check_size(len(str(end)))


def _safe_format(value: Any, *args: Any, **kwargs: Any) -> str:
    """The ``format`` filter: ``'%s, %d'|format(a, b)``, bounded."""
    if args and kwargs:
        raise FilterArgumentError("can't handle positional and keyword arguments at the "
                                  "same time")
    values = kwargs or args
    formatted = printf(str(value), values)
    return value % values if isinstance(value, Markup) else formatted


@jinja2.pass_eval_context
def _safe_join(eval_ctx: Any, value: Any, d: Any = "", attribute: Any = None) -> str:
    items = take(value)
    if attribute is not None:
        getter = jfilters.make_attrgetter(eval_ctx.environment, attribute)
        items = [getter(item) for item in items]
    size = 0
    for item in items:
        size += len(str(item))
        check_size(size)
    check_size(size + len(str(d)) * max(len(items) - 1, 0))
    return jfilters.sync_do_join(eval_ctx, items, d)


@jinja2.pass_environment
def _safe_sum(env: Any, iterable: Any, attribute: Any = None, start: Any = 0) -> Any:
    if attribute is not None:
        iterable = map(jfilters.make_attrgetter(env, attribute), iterable)
    total = start
    for item in iterable:
        total = env.call_binop(None, "+", total, item)
    return total


def _safe_range(*args: Any) -> range:
    numbers = range(*args)
    try:
        size = len(numbers)
    except OverflowError:
        size = MAX_RANGE + 1
    if size > MAX_RANGE:
        raise BudgetError(f"range terlalu besar (lebih dari {thousands(MAX_RANGE)} butir)")
    return numbers


def _safe_lipsum(n: Any = 5, html: bool = True, min: Any = 20, max: Any = 100) -> str:
    paragraphs, words = MAX_LIPSUM
    if as_index(n) > paragraphs or as_index(max) > words or as_index(min) > words:
        raise BudgetError(f"lipsum terlalu panjang (paling banyak {paragraphs} paragraf "
                          f"dan {words} kata)")
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


_MISSING = object()


class _Namespace(Namespace):
    """``namespace()`` with a bounded number and size of attributes."""

    def __setitem__(self, name: str, value: Any) -> None:
        attrs = object.__getattribute__(self, "_Namespace__attrs")
        if name not in attrs and len(attrs) >= MAX_NAMESPACE_KEYS:
            raise BudgetError(f"namespace terlalu besar (lebih dari {MAX_NAMESPACE_KEYS} nama)")
        previous = attrs.get(name, _MISSING)
        attrs[name] = value
        if weight(attrs, MAX_OUTPUT) > MAX_OUTPUT:
            if previous is _MISSING:
                del attrs[name]
            else:
                attrs[name] = previous
            raise too_long()


# ------------------------------------------------------------------ Indonesian filters

def _hashtag(text: Any) -> str:
    """"Hari Jadi Kabupaten" -> "#HariJadiKabupaten"."""
    words = re.findall(r"[0-9A-Za-zÀ-ɏ]+", str(text))
    body = "".join(w[:1].upper() + w[1:] for w in words)
    return "#" + body if body else ""


def _judul(text: Any) -> str:
    """Title case that keeps short Indonesian conjunctions lower-case (dan, di, ke, ...)."""
    small = {"dan", "di", "ke", "dari", "yang", "untuk", "pada", "dengan", "atau", "oleh", "se"}
    words = str(text).split(" ")
    out = []
    for i, word in enumerate(words):
        lw = word.lower()
        out.append(lw if i and lw in small else word[:1].upper() + word[1:].lower())
    return " ".join(out)


@jinja2.pass_context
def _pukul(ctx: Any, value: Any, until: Any = None) -> str:
    tz = getattr(ctx.get("profile"), "timezone", None) or "WIB"
    return dates.format_pukul(value, tz, until) if value not in (None, "") else ""


def _guard(func: Any) -> Any:
    def wrapper(value: Any, *args: Any) -> Any:
        if value in (None, ""):
            return ""
        return func(value, *args)

    return wrapper


_PRECHECKS = {
    "center": _pre_center,
    "indent": _pre_indent,
    "replace": _pre_replace,
    "wordwrap": _pre_wordwrap,
    "batch": _pre_count,
    "slice": _pre_count,
    "truncate": _pre_truncate,
}

# The globals of every sandbox: Jinja's range, lipsum and namespace, bounded.
GLOBALS = {"range": _safe_range, "lipsum": _safe_lipsum, "namespace": _Namespace}


def install_filters(env: jinja2.Environment) -> None:
    """Add the Indonesian filters and the bounded ``format``, ``join`` and ``sum`` to
    ``env``, then guard every filter it has."""
    env.filters.update(
        format=_safe_format,
        join=_safe_join,
        sum=_safe_sum,
        tanggal=_guard(dates.format_tanggal),
        tanggal_pendek=_guard(lambda v: dates.format_tanggal(v, with_day=False)),
        hari=_guard(dates.format_hari),
        jam=_guard(dates.format_jam),
        pukul=_pukul,
        dateline=lambda value, city: dates.format_dateline(city, value) if value else "",
        angka=_guard(dates.format_angka),
        rupiah=_guard(dates.format_rupiah),
        hashtag=_hashtag,
        judul=_judul,
        kapital=lambda v: str(v).upper(),
    )
    for name, func in list(env.filters.items()):
        env.filters[name] = guarded(func, _PRECHECKS.get(name))
