"""What every command shares: the exit codes, the usage error, KEY=VALUE pairs, the
profile to use and how render warnings are printed."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ..core.errors import KontenError

EXIT_USER = 2
EXIT_INTERNAL = 1


class UsageError(KontenError):
    pass


def pairs(items: Sequence[str], what: str) -> list[tuple[str, str]]:
    out = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"{what} harus berbentuk KEY=VALUE: {item[:40]!r}")
        out.append((key.strip(), value))
    return out


def load_profile(path: str | None):
    from ..core.model.records import Profile, demo_profile

    return Profile.load(path) if path else demo_profile()


def print_warnings(warnings, where: str = "") -> None:  # noqa: ANN001
    prefix = f"{where}: " if where else ""
    for w in warnings:
        print(f"warning: {prefix}{w.message}", file=sys.stderr)
