"""The budgets of one template render, and the errors a template expression fails with.

A :class:`Budget` is made for every render (see ``sandbox._run``) and reached through
:data:`BUDGET`: it counts steps, wall time, call depth and what the template makes. The
checks here measure values (:func:`weight`) and refuse sizes (:func:`check_size`) before
or after an operation runs; :func:`printf` and :class:`BoundedFormatter` are ``%`` and
``str.format`` with bounded widths and total size. The limits are described in
``sandbox.py``.
"""

from __future__ import annotations

import dataclasses
import operator
import re
import time
from collections import abc
from contextvars import ContextVar
from datetime import date, datetime
from datetime import time as dtime
from itertools import chain, islice
from typing import Any

from jinja2.sandbox import SandboxedFormatter
from jinja2.utils import Namespace
from markupsafe import EscapeFormatter

from ..errors import KontenError
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


def thousands(value: int) -> str:
    """10000 -> "10.000" (Indonesian thousands separator)."""
    return f"{value:,}".replace(",", ".")


def too_long() -> BudgetError:
    return BudgetError(
        f"teks yang dibuat terlalu panjang (lebih dari {thousands(MAX_OUTPUT)} karakter)")


def too_big_number() -> BudgetError:
    return BudgetError(f"angka hasil hitungan terlalu besar (lebih dari {MAX_INT_BITS} bit)")


# ------------------------------------------------------------------ budget of one render

class Budget:
    __slots__ = ("deadline", "depth", "produced", "steps")

    def __init__(self) -> None:
        self.deadline = time.monotonic() + MAX_SECONDS
        self.steps = 0
        self.produced = 0
        self.depth = 0

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_STEPS:
            raise BudgetError(
                f"perulangan terlalu banyak (lebih dari {thousands(MAX_STEPS)} langkah)")
        self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetError(f"templat terlalu lama diproses (lebih dari {MAX_SECONDS:g} detik)")

    def charge(self, amount: int) -> None:
        self.produced += amount
        if self.produced > MAX_PRODUCED:
            raise BudgetError(f"templat membuat terlalu banyak teks (lebih dari "
                              f"{thousands(MAX_PRODUCED)} karakter)")

    def produce(self, value: Any) -> Any:
        """Check and count a value the template just made; returns it."""
        if isinstance(value, (str, bytes, bytearray)):
            if len(value) > MAX_OUTPUT:
                raise too_long()
            self.charge(len(value))
        elif isinstance(value, int):
            if value.bit_length() > MAX_INT_BITS:
                raise too_big_number()
        elif is_container(value):
            if weight(value, MAX_OUTPUT) > MAX_OUTPUT:
                raise too_long()
            self.charge(len(value) if isinstance(value, abc.Sized) else 1)
        return value


BUDGET: ContextVar[Budget | None] = ContextVar("kontenopd_template_budget", default=None)


class _OutsideRenderError(RuntimeError):
    """A guarded filter was called outside a render (Jinja folding constants at compile
    time): refusing makes Jinja leave it for the render, where the budget applies."""


def active_budget() -> Budget:
    budget = BUDGET.get()
    if budget is None:
        raise _OutsideRenderError
    return budget


def is_container(value: Any) -> bool:
    if isinstance(value, (str, bytes, bytearray, range)):
        return False
    return isinstance(value, (abc.Collection, Namespace, FrozenView)) \
        or (dataclasses.is_dataclass(value) and not isinstance(value, type))


_SCALARS = frozenset([int, float, bool, type(None), date, datetime, dtime])


def weight(value: Any, limit: int) -> int:
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
    """What ``item`` (not a scalar, str, list or tuple) adds to :func:`weight` itself, and
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


def as_index(value: Any) -> int:
    """An integer argument (width, count...), as Python would take it."""
    return operator.index(value)


def take(iterable: Any, limit: int = MAX_OUTPUT) -> list[Any]:
    """The items of ``iterable`` as a list, refusing more than ``limit`` of them."""
    items = list(islice(iter(iterable), limit + 1))
    if len(items) > limit:
        raise BudgetError(f"daftar terlalu panjang (lebih dari {thousands(limit)} butir)")
    return items


def check_size(size: int) -> None:
    if size > MAX_OUTPUT:
        raise too_long()


def replaced_size(s: Any, old: Any, new: Any, count: Any) -> int:
    if not isinstance(old, (str, bytes)) or not isinstance(new, (str, bytes)):
        old, new = str(old), str(new)
    hits = len(s) + 1 if not old else s.count(old)
    if count is not None and as_index(count) >= 0:
        hits = min(hits, as_index(count))
    return len(s) + hits * (len(new) - len(old))


# ------------------------------------------------------------------ printf and str.format

_PRINTF = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?(?P<flags>[-#0 +]*)(?P<width>\*|\d+)?"
    r"(?:\.(?P<prec>\*|\d+))?[hlL]?(?P<type>.)?", re.S)


def _too_wide() -> BudgetError:
    return BudgetError(f"lebar atau presisi format terlalu besar (lebih dari "
                       f"{thousands(MAX_FIELD_WIDTH)})")


def _field_number(text: str) -> int:
    if len(text) > 6 or int(text) > MAX_FIELD_WIDTH:
        raise _too_wide()
    return int(text)


def printf(fmt: str, values: Any) -> str:
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
        check_size(total)
        pieces.append(piece)
    pieces.append(fmt[pos:])
    check_size(total + len(fmt) - pos)
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
        number = as_index(next_arg()) if part == "*" else _field_number(part)
        if abs(number) > MAX_FIELD_WIDTH:
            raise _too_wide()
        spec += lead + str(number)
    if match["key"] is not None:
        if mapping is None:
            raise TypeError("format requires a mapping")
        arg = mapping[match["key"]]
    else:
        arg = next_arg()
    if weight(arg, MAX_OUTPUT) > MAX_OUTPUT:
        raise too_long()
    return (spec + match["type"]) % (arg,)


def check_spec(spec: str) -> None:
    """A format spec ('>10', '.2f', '%d %B %Y') with no huge width or precision."""
    if len(spec) > MAX_FIELD_WIDTH:
        raise BudgetError("format terlalu panjang")
    for digits in re.findall(r"\d+", spec):
        _field_number(digits)


class BoundedFormatter(SandboxedFormatter):
    """str.format for templates: sandboxed lookups, bounded widths and total size."""

    def __init__(self, env: Any, **kwargs: Any) -> None:
        super().__init__(env, **kwargs)
        self._size = 0

    def vformat(self, format_string: str, args: Any, kwargs: Any) -> str:
        self._size = len(format_string)
        check_size(self._size)
        return super().vformat(format_string, args, kwargs)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion is not None and weight(value, MAX_OUTPUT) > MAX_OUTPUT:
            raise too_long()
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        check_spec(format_spec)
        if weight(value, MAX_OUTPUT) > MAX_OUTPUT:
            raise too_long()
        piece = super().format_field(value, format_spec)
        self._size += len(piece)
        check_size(self._size)
        return piece


class BoundedEscapeFormatter(BoundedFormatter, EscapeFormatter):
    pass

