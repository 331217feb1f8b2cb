"""Command line: ``kontenopd`` (GUI), templates, render.

Contract (see README): user errors print one line to stderr and exit 2; render warnings are
printed as ``warning: ...`` lines and do not change the exit code; exit 0 only when every
file asked for was written. No traceback ever reaches the user.

The package: ``parser`` (the subcommands and their options), ``common`` (exit codes, usage
errors, shared helpers), one module per group of commands: ``render`` (render, draft),
``export`` (export, bulk), ``catalog`` (templates, sheet, demo). Each command imports the
core inside its function, so that start-up stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from ..core.errors import KontenError
from ..core.exiting import exit_now
from .catalog import cmd_demo, cmd_sheet, cmd_templates
from .common import EXIT_INTERNAL, EXIT_USER
from .export import cmd_bulk, cmd_export
from .parser import build_parser
from .render import cmd_draft, cmd_render


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(argv: Sequence[str]) -> int:
    try:
        from ..ui.app import main as gui_main
    except ImportError:
        gui_main = None
    if gui_main is None or not _has_display():
        print("Tampilan grafis tidak tersedia; membuat kartu contoh sebagai gantinya.",
              file=sys.stderr)
        return cmd_demo(argparse.Namespace(output="kontenopd-demo.jpg"))
    return gui_main(list(argv))


# One-shot commands whose process may end without the interpreter's teardown (see run).
FAST_EXIT = frozenset({"render", "draft"})


def main(argv: Sequence[str] | None = None, *, exit_fast: bool = False) -> int:
    """Run the command line (or the GUI) and return the exit code. With ``exit_fast``
    (the console entry point, :func:`run`), a command of :data:`FAST_EXIT` ends the process
    itself once done, without the interpreter's teardown (~60 ms with OpenCV and numpy
    loaded, a sixth of a one-card render)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (len(argv) == 1 and argv[0].lower().endswith(".kontenopd")):
        return run_gui(argv)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USER
    if args.command is None:
        return run_gui([])
    code = _dispatch(args)
    if exit_fast and args.command in FAST_EXIT:
        # Each of these has written and closed its files (atomically), removed its temporary
        # folders and joined its photo thread by now.
        exit_now(code)
    return code


def _dispatch(args: argparse.Namespace) -> int:
    handlers = {"templates": cmd_templates, "render": cmd_render, "draft": cmd_draft,
                "export": cmd_export, "demo": cmd_demo, "sheet": cmd_sheet,
                "bulk": cmd_bulk}
    try:
        return handlers[args.command](args)
    except KontenError as exc:
        print(f"kontenopd: {exc}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print("kontenopd: dibatalkan.", file=sys.stderr)
        return 130
    except Exception as exc:
        print(f"kontenopd: kesalahan internal ({type(exc).__name__}: {exc}). Mohon laporkan.",
              file=sys.stderr)
        return EXIT_INTERNAL


def run() -> NoReturn:
    """The ``kontenopd`` console command."""
    sys.exit(main(exit_fast=True))


__all__ = ["main", "run"]
