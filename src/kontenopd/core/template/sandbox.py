"""Jinja2 expressions for text layers and captions: sandboxed, strict, with Indonesian filters.

Templates travel between agencies as packs, so every expression is untrusted. The sandbox is
Jinja's :class:`ImmutableSandboxedEnvironment` (no private attributes, no changing the lists
and dicts a template receives) plus budgets, counted per render:

* every string a template makes is at most :data:`MAX_OUTPUT` characters, and so is the
  rendered text; all strings and lists made in one render add up to at most
  :data:`MAX_PRODUCED`;
* ``range()`` gives at most :data:`MAX_RANGE` items; loop iterations, calls, filters and
  operators together take at most :data:`MAX_STEPS` steps;
* calls nest at most :data:`MAX_DEPTH` deep (a macro calling itself);
* a render takes at most :data:`MAX_SECONDS` of wall time (checked at every step);
* integers stay under :data:`MAX_INT_BITS` bits, format widths under :data:`MAX_FIELD_WIDTH`.

Operations whose result size is driven by a number or by a product of lengths
(``center``, ``'%0999999d'``, ``'{:>999999}'.format``, ``replace``, ``join``, ``**``...) are
checked *before* they run, so a hostile template never gets to allocate; everything else is
checked on its result. Every failure is an :class:`ExpressionError` with one Indonesian line.

The limits, the counting and the errors are in ``budgets.py``, the filters and globals in
``filters.py``; this module holds the environment, the AST guard and rendering.
"""

from __future__ import annotations

import types
from collections import abc
from datetime import date, datetime
from datetime import time as dtime
from functools import lru_cache
from string import Formatter
from typing import Any

import jinja2
from jinja2 import meta, nodes
from jinja2.runtime import LoopContext, Macro, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from ..errors import KontenError
from .budgets import (
    BUDGET,
    MAX_DEPTH,
    MAX_INT_BITS,
    MAX_OUTPUT,
    MAX_SOURCE,
    BoundedEscapeFormatter,
    BoundedFormatter,
    Budget,
    BudgetError,
    ExpressionError,
    active_budget,
    as_index,
    check_size,
    check_spec,
    is_container,
    printf,
    replaced_size,
    take,
    thousands,
    too_big_number,
    too_long,
    weight,
)
from .filters import GLOBALS, guarded, install_filters

# ------------------------------------------------------------------ the budget filters

@jinja2.pass_eval_context
def _concat(eval_ctx: Any, parts: list[Any]) -> str:
    """``a ~ b ~ c``: the parts' size is checked before they are joined."""
    size = 0
    for part in parts:
        size += len(str(part))
        check_size(size)
    return markup_join(parts) if eval_ctx.autoescape else str_join(parts)


def _loop(iterable: Any) -> Any:
    """The iterable of a ``{% for %}``: every iteration is one step."""
    budget = active_budget()
    iterator = iter(iterable)

    def counted() -> Any:
        for item in iterator:
            budget.step()
            yield item

    return counted()


def _value(value: Any) -> Any:
    """A list, tuple or dict literal: its size counts like any made value."""
    return value


# ------------------------------------------------------------------ the AST guard

class _Guard(NodeTransformer):
    """Routes loops, ``~`` and literals through budget filters before code generation."""

    def __init__(self, environment: Any) -> None:
        self.environment = environment

    def _wrap(self, node: nodes.Node, name: str) -> nodes.Filter:
        wrapped = nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)
        wrapped.set_environment(self.environment)
        return wrapped

    # generic_visit rewrites a node's children in place and returns the node itself.
    def visit_For(self, node: nodes.For) -> nodes.For:  # noqa: N802 - Jinja's visitor names
        self.generic_visit(node)
        node.iter = self._wrap(node.iter, "_budget_loop")
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Filter:  # noqa: N802
        self.generic_visit(node)
        parts = nodes.List(list(node.nodes), lineno=node.lineno)
        return self._wrap(parts, "_budget_concat")

    def _literal(self, node: Any) -> Any:
        node = self.generic_visit(node)
        return self._wrap(node, "_budget_value")

    visit_List = _literal  # noqa: N815
    visit_Dict = _literal  # noqa: N815

    def visit_Tuple(self, node: nodes.Tuple) -> Any:  # noqa: N802
        return self._literal(node) if node.ctx == "load" else self.generic_visit(node)


# ------------------------------------------------------------------ the environment

_ALL_BINOPS = frozenset(["+", "-", "*", "/", "//", "%", "**"])
_FORBIDDEN_METHODS = frozenset(["encode", "to_bytes"])  # bytes: a second string type to guard
_SIZED_METHODS = frozenset(["center", "ljust", "rjust", "zfill"])


def _check_str_method(owner: Any, name: str, args: tuple[Any, ...],
                      kwargs: dict[str, Any]) -> None:
    """Refuse a str method call whose result would be too big, before it runs."""
    if name in _SIZED_METHODS:
        width = args[0] if args else kwargs.get("width", 0)
        check_size(as_index(width))
    elif name == "expandtabs":
        size = as_index(args[0] if args else kwargs.get("tabsize", 8))
        check_size(len(owner) + owner.count("\t") * max(size, 0))
    elif name == "replace" and len(args) >= 2:
        count = args[2] if len(args) > 2 else kwargs.get("count")
        check_size(replaced_size(owner, args[0], args[1], count))
    elif name == "translate" and args:
        table = args[0]
        longest = 1
        if isinstance(table, abc.Mapping):
            longest = max([len(v) for v in table.values() if isinstance(v, (str, bytes))]
                          + [1])
        check_size(len(owner) * longest)


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with the budgets described in the module docstring."""

    intercepted_binops = _ALL_BINOPS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals.update(GLOBALS)

    # -- parsing and code generation
    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        if len(source) > MAX_SOURCE:
            raise jinja2.TemplateSyntaxError(
                f"templat terlalu panjang (lebih dari {thousands(MAX_SOURCE)} karakter)", 1, name,
                filename)
        try:
            return super()._parse(source, name, filename)
        except (RecursionError, MemoryError):
            raise jinja2.TemplateSyntaxError("templat bersarang terlalu dalam", 1, name,
                                             filename) from None

    def _generate(self, source: nodes.Template, name: str | None, filename: str | None,
                  defer_init: bool = False) -> str:
        source = _Guard(self).visit(source)
        return super()._generate(source, name, filename, defer_init=defer_init)

    # -- output of templates, macros, blocks, {% set %} blocks
    def concat(self, parts: Any) -> str:
        budget = BUDGET.get()
        pieces = []
        size = 0
        for piece in parts:
            size += len(piece)
            if size > MAX_OUTPUT:
                raise BudgetError(f"hasil templat terlalu panjang (lebih dari "
                                  f"{thousands(MAX_OUTPUT)} karakter)")
            pieces.append(piece)
            if budget is not None and not len(pieces) % 256:
                budget.check_time()
        return "".join(pieces)

    # -- operators
    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        budget = active_budget()
        budget.step()
        if operator == "**":
            # |left| ** right has more than (bit_length - 1) * right bits: refuse those
            # before computing; the result (at most twice the cap) is checked after
            if isinstance(left, int) and isinstance(right, int) and right > 0 \
                    and abs(left) > 1 and (abs(left).bit_length() - 1) * right > MAX_INT_BITS:
                raise too_big_number()
        elif operator == "*":
            self._check_multiply(left, right)
        elif operator == "%" and isinstance(left, str):
            formatted = printf(str(left), right)
            if not isinstance(left, Markup):
                return budget.produce(formatted)
        return budget.produce(self.binop_table[operator](left, right))

    @staticmethod
    def _check_multiply(left: Any, right: Any) -> None:
        if isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise too_big_number()
            return
        for seq, times in ((left, right), (right, left)):
            if not isinstance(times, int) or times <= 0:
                continue
            if isinstance(seq, (str, bytes)):
                check_size(len(seq) * times)
            elif is_container(seq) and weight(seq, MAX_OUTPUT) * times > MAX_OUTPUT:
                raise too_long()

    # -- calls: methods, globals, macros
    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, types.BuiltinMethodType) and obj.__name__ in _FORBIDDEN_METHODS:
            return False
        return super().is_safe_callable(obj)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        budget = active_budget()
        budget.step()
        if not __self.is_safe_callable(__obj):
            raise SecurityError(f"{getattr(__obj, '__name__', type(__obj).__name__)}()")
        if isinstance(__obj, LoopContext) and args:  # loop(children) in a recursive loop
            args = (_loop(args[0]), *args[1:])
        owner = getattr(__obj, "__self__", None)
        if isinstance(__obj, types.BuiltinMethodType):
            name = __obj.__name__
            if isinstance(owner, str):
                if name in ("format", "format_map"):
                    __obj = __self.wrap_str_format(__obj)
                elif name == "join" and args:
                    items = take(args[0])
                    size = sum(len(i) for i in items if isinstance(i, str))
                    check_size(size + len(owner) * max(len(items) - 1, 0))
                    args = (items, *args[1:])
                else:
                    _check_str_method(owner, name, args, kwargs)
            elif isinstance(owner, (date, datetime, dtime)) and name == "strftime" and args:
                check_spec(str(args[0]))
        if isinstance(__obj, Macro) and weight((args, kwargs), MAX_OUTPUT) > MAX_OUTPUT:
            raise too_long()  # its varargs / kwargs would hold them all
        budget.depth += 1
        try:
            if budget.depth > MAX_DEPTH:
                raise BudgetError(f"pemanggilan bertingkat terlalu dalam (lebih dari "
                                  f"{MAX_DEPTH} tingkat; macro yang memanggil dirinya sendiri?)")
            result = __context.call(__obj, *args, **kwargs)
        finally:
            budget.depth -= 1
        return budget.produce(result)

    def wrap_str_format(self, value: Any) -> Any:
        """``'{}'.format`` / ``format_map`` with the bounded formatter (see Jinja's own)."""
        if not isinstance(value, (types.MethodType, types.BuiltinMethodType)) \
                or value.__name__ not in ("format", "format_map"):
            return None
        f_self = value.__self__
        if not isinstance(f_self, str):
            return None
        str_type = type(f_self)
        is_format_map = value.__name__ == "format_map"
        formatter: Formatter
        if isinstance(f_self, Markup):
            formatter = BoundedEscapeFormatter(self, escape=f_self.escape)
        else:
            formatter = BoundedFormatter(self)

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_format_map:
                if kwargs:
                    raise TypeError("format_map() takes no keyword arguments")
                if len(args) != 1:
                    raise TypeError(f"format_map() takes exactly one argument ({len(args)} "
                                    "given)")
                kwargs = args[0]
                args = ()
            return str_type(formatter.vformat(f_self, args, kwargs))

        wrapper.__name__ = value.__name__
        return wrapper


@lru_cache(maxsize=1)
def environment() -> _Sandbox:
    env = _Sandbox(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    install_filters(env)
    env.filters.update(
        _budget_loop=_loop,
        _budget_concat=guarded(_concat),
        _budget_value=guarded(_value),
    )
    return env


# ------------------------------------------------------------------ rendering

def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


# How _describe words an unexpected Python error: the first entry whose kind matches.
_DESCRIPTIONS: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...],
                           abc.Callable[[BaseException], str]], ...] = (
    (RecursionError, lambda exc: "pemanggilan bertingkat terlalu dalam"),
    (MemoryError, lambda exc: "memori tidak cukup"),
    (KeyError, lambda exc: f"kunci {exc.args[0]!r} tidak ada" if exc.args else "kunci tidak ada"),
    (IndexError, lambda exc: f"indeks di luar jangkauan ({exc})"),
    (ZeroDivisionError, lambda exc: "pembagian dengan nol"),
    (OverflowError, lambda exc: f"angka terlalu besar ({exc})"),
    ((TypeError, ValueError, AttributeError, AssertionError),
     lambda exc: f"nilai tidak cocok ({exc})"),
    (jinja2.TemplateRuntimeError, lambda exc: f"perintah templat gagal ({exc})"),
)


def _describe(exc: BaseException) -> str:
    """An unexpected Python error as Indonesian words (plus Python's own detail)."""
    for kinds, words in _DESCRIPTIONS:
        if isinstance(exc, kinds):
            return words(exc)
    return f"kesalahan {type(exc).__name__} ({exc})"


def _undefined(exc: jinja2.UndefinedError, where: str) -> ExpressionError:
    message = exc.message or ""
    if "'_" in message:  # the sandbox hides private and dunder attributes as undefined
        return ExpressionError(_one_line(f"akses yang tidak diizinkan dalam {where}: {message}"))
    return ExpressionError(_one_line(f"nama tidak dikenal dalam {where}: {message}"))


def _run(call: Any, where: str, failed: str) -> Any:
    """Run ``call()`` under a fresh budget; every failure becomes one ExpressionError."""
    token = BUDGET.set(Budget())
    try:
        return call()
    except KontenError as exc:  # BudgetError, ValueInputError from a filter...
        if "\n" not in str(exc):
            raise
        raise ExpressionError(_one_line(str(exc))) from None
    except SecurityError as exc:
        raise ExpressionError(_one_line(f"akses yang tidak diizinkan dalam {where}: {exc}")) \
            from None
    except jinja2.UndefinedError as exc:
        raise _undefined(exc, where) from None
    except Exception as exc:  # untrusted code: any failure is the template's
        raise ExpressionError(_one_line(f"{failed}: {_describe(exc)}")) from None
    finally:
        BUDGET.reset(token)


def _compiled(build: Any, source: str, what: str) -> Any:
    """``build(source)`` (Jinja's compiler); every failure is one ExpressionError line
    "<what> tidak valid (...): <source>"."""
    try:
        return build(source)
    except jinja2.TemplateSyntaxError as exc:
        reason = exc.message
    except Exception as exc:  # Python's own compiler refusing generated code
        reason = _describe(exc)
    raise ExpressionError(_one_line(f"{what} tidak valid ({reason}): {source[:60]}"))


@lru_cache(maxsize=1024)
def compile_template(source: str) -> jinja2.Template:
    return _compiled(environment().from_string, source, "ekspresi")


def render_string(source: str, context: dict[str, Any]) -> str:
    """Render a Jinja2 template string; every failure becomes an ExpressionError."""
    template = compile_template(source)
    return _run(lambda: template.render(context), "templat", "templat gagal diisi")


@lru_cache(maxsize=1024)
def _evaluate_compiled(source: str) -> Any:
    return _compiled(lambda text: environment().compile_expression(
        text, undefined_to_none=False), source, "kondisi")


def evaluate(source: str, context: dict[str, Any]) -> Any:
    """Evaluate a Jinja2 expression such as ``foto and not bw``."""
    expr = _evaluate_compiled(source)

    def run() -> Any:
        value = expr(context)
        if isinstance(value, jinja2.Undefined):
            value._fail_with_undefined_error()  # an unknown name: fail here, not in bool()
        return value

    return _run(run, "kondisi", "kondisi gagal dihitung")


@lru_cache(maxsize=1024)
def referenced_names(source: str, expression: bool = False) -> frozenset[str]:
    """Top-level names a template string (or expression) reads, e.g. {"judul", "profile"}."""
    env = environment()
    try:
        parsed = env.parse("{{ " + source + " }}" if expression else source)
    except Exception:  # a broken template reads nothing
        return frozenset()
    names = set(meta.find_undeclared_variables(parsed))
    names |= {n.name for n in parsed.find_all(nodes.Name) if n.ctx == "load"}
    return frozenset(names)
