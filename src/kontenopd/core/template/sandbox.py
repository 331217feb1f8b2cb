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
"""

from __future__ import annotations

import dataclasses
import operator
import re
import time
import types
from collections import abc
from contextvars import ContextVar
from datetime import date, datetime
from datetime import time as dtime
from functools import lru_cache, wraps
from itertools import chain, islice
from string import Formatter
from typing import Any

import jinja2
from jinja2 import filters as jfilters
from jinja2 import meta, nodes
from jinja2.exceptions import FilterArgumentError
from jinja2.runtime import LoopContext, Macro, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter, SecurityError
from jinja2.utils import Namespace, generate_lorem_ipsum
from jinja2.visitor import NodeTransformer
from markupsafe import EscapeFormatter, Markup

from ..errors import KontenError
from ..model import dates
from ..model.records import FrozenView

MAX_OUTPUT = 100_000  # characters in any one string, and in the rendered text
MAX_PRODUCED = 1_000_000  # characters (and list items) made in total by one render
MAX_RANGE = 10_000  # items one range() may give
MAX_STEPS = 100_000  # loop iterations + calls + filters + operators in one render
MAX_DEPTH = 40  # nested calls: macros, recursive loops, blocks
MAX_SECONDS = 1.0  # wall time of one render
MAX_INT_BITS = 1024  # integers a template computes (about 10**308, like floats)
MAX_FIELD_WIDTH = 1000  # width / precision in '%5d', '{:>5}', strftime('%5Y')
MAX_SOURCE = 50_000  # characters of one template string
MAX_WORDWRAP = 10_000  # characters wordwrap() accepts (its cost grows with the square)
MAX_NAMESPACE_KEYS = 100
MAX_LIPSUM = (10, 100)  # paragraphs, words per paragraph


class ExpressionError(KontenError):
    """A template expression failed (typo, unknown name, forbidden access, budget)."""


class BudgetError(ExpressionError):
    """A template went over one of the sandbox's budgets (size, steps, depth, time)."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"batas templat terlampaui: {detail}")


def _n(value: int) -> str:
    """10000 -> "10.000" (Indonesian thousands separator)."""
    return f"{value:,}".replace(",", ".")


def _too_long() -> BudgetError:
    return BudgetError(f"teks yang dibuat terlalu panjang (lebih dari {_n(MAX_OUTPUT)} karakter)")


def _too_big_number() -> BudgetError:
    return BudgetError(f"angka hasil hitungan terlalu besar (lebih dari {MAX_INT_BITS} bit)")


# ------------------------------------------------------------------ budget of one render

class _Budget:
    __slots__ = ("deadline", "depth", "produced", "steps")

    def __init__(self) -> None:
        self.deadline = time.monotonic() + MAX_SECONDS
        self.steps = 0
        self.produced = 0
        self.depth = 0

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_STEPS:
            raise BudgetError(f"perulangan terlalu banyak (lebih dari {_n(MAX_STEPS)} langkah)")
        self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetError(f"templat terlalu lama diproses (lebih dari {MAX_SECONDS:g} detik)")

    def charge(self, amount: int) -> None:
        self.produced += amount
        if self.produced > MAX_PRODUCED:
            raise BudgetError(
                f"templat membuat terlalu banyak teks (lebih dari {_n(MAX_PRODUCED)} karakter)")

    def produce(self, value: Any) -> Any:
        """Check and count a value the template just made; returns it."""
        if isinstance(value, (str, bytes, bytearray)):
            if len(value) > MAX_OUTPUT:
                raise _too_long()
            self.charge(len(value))
        elif isinstance(value, int):
            if value.bit_length() > MAX_INT_BITS:
                raise _too_big_number()
        elif _is_container(value):
            if _weight(value, MAX_OUTPUT) > MAX_OUTPUT:
                raise _too_long()
            self.charge(len(value) if isinstance(value, abc.Sized) else 1)
        return value


_BUDGET: ContextVar[_Budget | None] = ContextVar("kontenopd_template_budget", default=None)


class _OutsideRenderError(RuntimeError):
    """A guarded filter was called outside a render (Jinja folding constants at compile
    time): refusing makes Jinja leave it for the render, where the budget applies."""


def _active() -> _Budget:
    budget = _BUDGET.get()
    if budget is None:
        raise _OutsideRenderError
    return budget


def _is_container(value: Any) -> bool:
    if isinstance(value, (str, bytes, bytearray, range)):
        return False
    return isinstance(value, (abc.Collection, Namespace, FrozenView)) \
        or (dataclasses.is_dataclass(value) and not isinstance(value, type))


_SCALARS = frozenset([int, float, bool, type(None), date, datetime, dtime])


def _weight(value: Any, limit: int) -> int:
    """About how many characters ``str(value)`` takes; stops counting past ``limit``.

    Shared references count every time they appear (``[s] * 1000`` weighs 1000 ``s``), which
    is exactly what printing or joining them would cost.
    """
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind in _SCALARS:
            total += 1
        elif kind is str:
            total += len(item) + 1
        elif kind is list or kind is tuple:  # the common containers, without a call
            total += len(item) + 1
            if total <= limit:
                stack.extend(item)
        else:
            size, parts = _parts(item)
            total += size
            if total <= limit:
                stack.extend(parts)
        if total > limit:
            return total
    return total


def _parts(item: Any) -> tuple[int, abc.Iterable[Any]]:
    """What ``item`` (not a scalar, str, list or tuple) adds to :func:`_weight` itself, and
    the values inside it still to be weighed."""
    if isinstance(item, (str, bytes, bytearray)):
        return len(item) + 1, ()
    if isinstance(item, Namespace):
        attrs = object.__getattribute__(item, "_Namespace__attrs")
        return 2 * len(attrs) + 1, chain(attrs.keys(), attrs.values())
    if isinstance(item, abc.Mapping):
        return 2 * len(item) + 1, chain(item.keys(), item.values())
    if isinstance(item, abc.Collection) and not isinstance(item, range):
        return len(item) + 1, item
    if isinstance(item, FrozenView):
        return 0, (object.__getattribute__(item, "_data"),)
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        parts = [getattr(item, f.name) for f in dataclasses.fields(item)]
        return 2 * len(parts) + 1, parts
    return 16, ()  # an object printed as <Name ...>


def _index(value: Any) -> int:
    """An integer argument (width, count...), as Python would take it."""
    return operator.index(value)


def _take(iterable: Any, limit: int = MAX_OUTPUT) -> list[Any]:
    """The items of ``iterable`` as a list, refusing more than ``limit`` of them."""
    items = list(islice(iter(iterable), limit + 1))
    if len(items) > limit:
        raise BudgetError(f"daftar terlalu panjang (lebih dari {_n(limit)} butir)")
    return items


def _check_size(size: int) -> None:
    if size > MAX_OUTPUT:
        raise _too_long()


# ------------------------------------------------------------------ printf and str.format

_PRINTF = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?(?P<flags>[-#0 +]*)(?P<width>\*|\d+)?"
    r"(?:\.(?P<prec>\*|\d+))?[hlL]?(?P<type>.)?", re.S)


def _too_wide() -> BudgetError:
    return BudgetError(f"lebar atau presisi format terlalu besar (lebih dari "
                       f"{_n(MAX_FIELD_WIDTH)})")


def _field_number(text: str) -> int:
    if len(text) > 6 or int(text) > MAX_FIELD_WIDTH:
        raise _too_wide()
    return int(text)


def _printf(fmt: str, values: Any) -> str:
    """``fmt % values``, one conversion at a time, with widths and the total size bounded."""
    mapping = values if isinstance(values, abc.Mapping) else None
    positional = list(values) if isinstance(values, tuple) else [values]
    used = 0
    pieces: list[str] = []
    total = 0
    pos = 0

    def next_arg() -> Any:
        nonlocal used
        if used >= len(positional):
            raise TypeError("not enough arguments for format string")
        used += 1
        return positional[used - 1]

    for match in _PRINTF.finditer(fmt):
        pieces.append(fmt[pos:match.start()])
        total += match.start() - pos
        pos = match.end()
        if match["type"] is None:
            raise ValueError("incomplete format")
        piece = _conversion(match, mapping, next_arg)
        total += len(piece)
        _check_size(total)
        pieces.append(piece)
    pieces.append(fmt[pos:])
    _check_size(total + len(fmt) - pos)
    if mapping is None and used < len(positional):
        raise TypeError("not all arguments converted during string formatting")
    return "".join(pieces)


def _conversion(match: re.Match[str], mapping: abc.Mapping[Any, Any] | None,
                next_arg: abc.Callable[[], Any]) -> str:
    """One printf conversion ("%%", "%-10s", "%(nama)s", "%*.*f") with its width, precision
    and argument bounded; ``next_arg`` takes the next positional argument."""
    if match.group(0) == "%%":
        return "%"
    spec = "%" + match["flags"]
    for part, lead in ((match["width"], ""), (match["prec"], ".")):
        if part is None:
            continue
        number = _index(next_arg()) if part == "*" else _field_number(part)
        if abs(number) > MAX_FIELD_WIDTH:
            raise _too_wide()
        spec += lead + str(number)
    if match["key"] is not None:
        if mapping is None:
            raise TypeError("format requires a mapping")
        arg = mapping[match["key"]]
    else:
        arg = next_arg()
    if _weight(arg, MAX_OUTPUT) > MAX_OUTPUT:
        raise _too_long()
    return (spec + match["type"]) % (arg,)


def _check_spec(spec: str) -> None:
    """A format spec ('>10', '.2f', '%d %B %Y') with no huge width or precision."""
    if len(spec) > MAX_FIELD_WIDTH:
        raise BudgetError("format terlalu panjang")
    for digits in re.findall(r"\d+", spec):
        _field_number(digits)


class _BoundedFormatter(SandboxedFormatter):
    """str.format for templates: sandboxed lookups, bounded widths and total size."""

    def __init__(self, env: Any, **kwargs: Any) -> None:
        super().__init__(env, **kwargs)
        self._size = 0

    def vformat(self, format_string: str, args: Any, kwargs: Any) -> str:
        self._size = len(format_string)
        _check_size(self._size)
        return super().vformat(format_string, args, kwargs)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion is not None and _weight(value, MAX_OUTPUT) > MAX_OUTPUT:
            raise _too_long()
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_spec(format_spec)
        if _weight(value, MAX_OUTPUT) > MAX_OUTPUT:
            raise _too_long()
        piece = super().format_field(value, format_spec)
        self._size += len(piece)
        _check_size(self._size)
        return piece


class _BoundedEscapeFormatter(_BoundedFormatter, EscapeFormatter):
    pass


# ------------------------------------------------------------------ guarded filters

def _guarded(func: Any, check: Any = None) -> Any:
    """A filter counted as a step, its arguments checked by ``check`` (same signature minus
    Jinja's context argument) before it runs, and its result checked after."""
    offset = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        budget = _active()
        budget.step()
        if check is not None:
            check(*args[offset:], **kwargs)
        return budget.produce(func(*args, **kwargs))

    return wrapper


def _pre_center(value: Any, width: Any = 80) -> None:
    _check_size(max(len(str(value)), _index(width)))


def _pre_indent(s: Any, width: Any = 4, first: bool = False, blank: bool = False) -> None:
    step = len(width) if isinstance(width, str) else _index(width)
    _check_size(step)
    text = str(s)
    _check_size(len(text) + (text.count("\n") + 2) * max(step, 0))


def _replaced_size(s: Any, old: Any, new: Any, count: Any) -> int:
    if not isinstance(old, (str, bytes)) or not isinstance(new, (str, bytes)):
        old, new = str(old), str(new)
    hits = len(s) + 1 if not old else s.count(old)
    if count is not None and _index(count) >= 0:
        hits = min(hits, _index(count))
    return len(s) + hits * (len(new) - len(old))


def _pre_replace(s: Any, old: Any, new: Any, count: Any = None) -> None:
    _check_size(_replaced_size(str(s), str(old), str(new), count))


def _pre_wordwrap(s: Any, width: int = 79, break_long_words: bool = True,
                  wrapstring: Any = None, break_on_hyphens: bool = True) -> None:
    text = str(s)
    if len(text) > MAX_WORDWRAP:
        raise BudgetError(f"teks terlalu panjang untuk wordwrap (lebih dari "
                          f"{_n(MAX_WORDWRAP)} karakter)")
    joint = 1 if wrapstring is None else len(str(wrapstring))
    _check_size(len(text) + (len(text) + 1) * joint)


def _pre_count(value: Any, count: Any, fill_with: Any = None) -> None:
    if _index(count) > MAX_RANGE:
        raise BudgetError(f"jumlah kelompok terlalu besar (lebih dari {_n(MAX_RANGE)})")


def _pre_truncate(s: Any, length: Any = 255, killwords: bool = False, end: Any = "...",
                  leeway: Any = None) -> None:
    _check_size(len(str(end)))


def _safe_format(value: Any, *args: Any, **kwargs: Any) -> str:
    """The ``format`` filter: ``'%s, %d'|format(a, b)``, bounded."""
    if args and kwargs:
        raise FilterArgumentError("can't handle positional and keyword arguments at the "
                                  "same time")
    values = kwargs or args
    formatted = _printf(str(value), values)
    return value % values if isinstance(value, Markup) else formatted


@jinja2.pass_eval_context
def _safe_join(eval_ctx: Any, value: Any, d: Any = "", attribute: Any = None) -> str:
    items = _take(value)
    if attribute is not None:
        getter = jfilters.make_attrgetter(eval_ctx.environment, attribute)
        items = [getter(item) for item in items]
    size = 0
    for item in items:
        size += len(str(item))
        _check_size(size)
    _check_size(size + len(str(d)) * max(len(items) - 1, 0))
    return jfilters.sync_do_join(eval_ctx, items, d)


@jinja2.pass_environment
def _safe_sum(env: Any, iterable: Any, attribute: Any = None, start: Any = 0) -> Any:
    if attribute is not None:
        iterable = map(jfilters.make_attrgetter(env, attribute), iterable)
    total = start
    for item in iterable:
        total = env.call_binop(None, "+", total, item)
    return total


@jinja2.pass_eval_context
def _concat(eval_ctx: Any, parts: list[Any]) -> str:
    """``a ~ b ~ c``: the parts' size is checked before they are joined."""
    size = 0
    for part in parts:
        size += len(str(part))
        _check_size(size)
    return markup_join(parts) if eval_ctx.autoescape else str_join(parts)


def _loop(iterable: Any) -> Any:
    """The iterable of a ``{% for %}``: every iteration is one step."""
    budget = _active()
    iterator = iter(iterable)

    def counted() -> Any:
        for item in iterator:
            budget.step()
            yield item

    return counted()


def _value(value: Any) -> Any:
    """A list, tuple or dict literal: its size counts like any made value."""
    return value


def _safe_range(*args: Any) -> range:
    numbers = range(*args)
    try:
        size = len(numbers)
    except OverflowError:
        size = MAX_RANGE + 1
    if size > MAX_RANGE:
        raise BudgetError(f"range terlalu besar (lebih dari {_n(MAX_RANGE)} butir)")
    return numbers


def _safe_lipsum(n: Any = 5, html: bool = True, min: Any = 20, max: Any = 100) -> str:
    paragraphs, words = MAX_LIPSUM
    if _index(n) > paragraphs or _index(max) > words or _index(min) > words:
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
        if _weight(attrs, MAX_OUTPUT) > MAX_OUTPUT:
            if previous is _MISSING:
                del attrs[name]
            else:
                attrs[name] = previous
            raise _too_long()


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
        _check_size(_index(width))
    elif name == "expandtabs":
        size = _index(args[0] if args else kwargs.get("tabsize", 8))
        _check_size(len(owner) + owner.count("\t") * max(size, 0))
    elif name == "replace" and len(args) >= 2:
        count = args[2] if len(args) > 2 else kwargs.get("count")
        _check_size(_replaced_size(owner, args[0], args[1], count))
    elif name == "translate" and args:
        table = args[0]
        longest = 1
        if isinstance(table, abc.Mapping):
            longest = max([len(v) for v in table.values() if isinstance(v, (str, bytes))]
                          + [1])
        _check_size(len(owner) * longest)


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with the budgets described in the module docstring."""

    intercepted_binops = _ALL_BINOPS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals.update(range=_safe_range, lipsum=_safe_lipsum, namespace=_Namespace)

    # -- parsing and code generation
    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        if len(source) > MAX_SOURCE:
            raise jinja2.TemplateSyntaxError(
                f"templat terlalu panjang (lebih dari {_n(MAX_SOURCE)} karakter)", 1, name,
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
        budget = _BUDGET.get()
        pieces = []
        size = 0
        for piece in parts:
            size += len(piece)
            if size > MAX_OUTPUT:
                raise BudgetError(f"hasil templat terlalu panjang (lebih dari "
                                  f"{_n(MAX_OUTPUT)} karakter)")
            pieces.append(piece)
            if budget is not None and not len(pieces) % 256:
                budget.check_time()
        return "".join(pieces)

    # -- operators
    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        budget = _active()
        budget.step()
        if operator == "**":
            # |left| ** right has more than (bit_length - 1) * right bits: refuse those
            # before computing; the result (at most twice the cap) is checked after
            if isinstance(left, int) and isinstance(right, int) and right > 0 \
                    and abs(left) > 1 and (abs(left).bit_length() - 1) * right > MAX_INT_BITS:
                raise _too_big_number()
        elif operator == "*":
            self._check_multiply(left, right)
        elif operator == "%" and isinstance(left, str):
            formatted = _printf(str(left), right)
            if not isinstance(left, Markup):
                return budget.produce(formatted)
        return budget.produce(self.binop_table[operator](left, right))

    @staticmethod
    def _check_multiply(left: Any, right: Any) -> None:
        if isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise _too_big_number()
            return
        for seq, times in ((left, right), (right, left)):
            if not isinstance(times, int) or times <= 0:
                continue
            if isinstance(seq, (str, bytes)):
                _check_size(len(seq) * times)
            elif _is_container(seq) and _weight(seq, MAX_OUTPUT) * times > MAX_OUTPUT:
                raise _too_long()

    # -- calls: methods, globals, macros
    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, types.BuiltinMethodType) and obj.__name__ in _FORBIDDEN_METHODS:
            return False
        return super().is_safe_callable(obj)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        budget = _active()
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
                    items = _take(args[0])
                    size = sum(len(i) for i in items if isinstance(i, str))
                    _check_size(size + len(owner) * max(len(items) - 1, 0))
                    args = (items, *args[1:])
                else:
                    _check_str_method(owner, name, args, kwargs)
            elif isinstance(owner, (date, datetime, dtime)) and name == "strftime" and args:
                _check_spec(str(args[0]))
        if isinstance(__obj, Macro) and _weight((args, kwargs), MAX_OUTPUT) > MAX_OUTPUT:
            raise _too_long()  # its varargs / kwargs would hold them all
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
            formatter = _BoundedEscapeFormatter(self, escape=f_self.escape)
        else:
            formatter = _BoundedFormatter(self)

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


@lru_cache(maxsize=1)
def environment() -> _Sandbox:
    env = _Sandbox(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
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
        env.filters[name] = _guarded(func, _PRECHECKS.get(name))
    env.filters.update(
        _budget_loop=_loop,
        _budget_concat=_guarded(_concat),
        _budget_value=_guarded(_value),
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
    token = _BUDGET.set(_Budget())
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
        _BUDGET.reset(token)


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
