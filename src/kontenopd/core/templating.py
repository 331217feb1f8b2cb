"""Jinja2 expressions for text layers and captions: sandboxed, strict, with Indonesian filters."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import meta, nodes
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from . import dates
from .errors import KontenError, ValueInputError


class ExpressionError(KontenError):
    """A template expression failed (typo, unknown name, forbidden access)."""


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


MAX_OUTPUT = 100_000  # characters one multiplication may build; captions are far smaller


class _Sandbox(SandboxedEnvironment):
    """The Jinja sandbox, plus a bound on ``'a' * 10**9``-style memory bombs."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            if isinstance(right, (int, float)) and abs(right) > 100:
                raise SecurityError("pangkat terlalu besar")
            return left**right
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int) \
                    and len(seq) * times > MAX_OUTPUT:
                raise SecurityError("teks yang dibuat terlalu panjang")
        return left * right


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    env = _Sandbox(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
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
    return env


@lru_cache(maxsize=1024)
def compile_template(source: str) -> jinja2.Template:
    try:
        return environment().from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise ExpressionError(f"ekspresi tidak valid ({exc.message}): {source[:60]}") from None


def _undefined(exc: jinja2.UndefinedError, where: str) -> ExpressionError:
    message = exc.message or ""
    if "'_" in message:  # the sandbox hides private and dunder attributes as undefined
        return ExpressionError(f"akses yang tidak diizinkan dalam {where}: {message}")
    return ExpressionError(f"nama tidak dikenal dalam {where}: {message}")


def render_string(source: str, context: dict[str, Any]) -> str:
    """Render a Jinja2 template string; every failure becomes an ExpressionError."""
    template = compile_template(source)
    try:
        return template.render(context)
    except SecurityError as exc:
        raise ExpressionError(f"akses yang tidak diizinkan dalam templat: {exc}") from None
    except jinja2.UndefinedError as exc:
        raise _undefined(exc, "templat") from None
    except ValueInputError:
        raise
    except (TypeError, ValueError, AttributeError, ArithmeticError) as exc:
        raise ExpressionError(f"templat gagal diisi: {exc}") from None


@lru_cache(maxsize=1024)
def _evaluate_compiled(source: str) -> Any:
    try:
        return environment().compile_expression(source, undefined_to_none=False)
    except jinja2.TemplateSyntaxError as exc:
        raise ExpressionError(f"kondisi tidak valid ({exc.message}): {source[:60]}") from None


def evaluate(source: str, context: dict[str, Any]) -> Any:
    """Evaluate a Jinja2 expression such as ``foto and not bw``."""
    expr = _evaluate_compiled(source)
    try:
        return expr(context)
    except SecurityError as exc:
        raise ExpressionError(f"akses yang tidak diizinkan dalam templat: {exc}") from None
    except jinja2.UndefinedError as exc:
        raise _undefined(exc, "kondisi") from None
    except (TypeError, ValueError, AttributeError, ArithmeticError) as exc:
        raise ExpressionError(f"kondisi gagal dihitung: {exc}") from None


@lru_cache(maxsize=1024)
def referenced_names(source: str, expression: bool = False) -> frozenset[str]:
    """Top-level names a template string (or expression) reads, e.g. {"judul", "profile"}."""
    env = environment()
    try:
        parsed = env.parse("{{ " + source + " }}" if expression else source)
    except jinja2.TemplateSyntaxError:
        return frozenset()
    names = set(meta.find_undeclared_variables(parsed))
    names |= {n.name for n in parsed.find_all(nodes.Name) if n.ctx == "load"}
    return frozenset(names)
