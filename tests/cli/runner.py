"""Running the command line in-process for the CLI tests."""

from __future__ import annotations

from kontenopd.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """``kontenopd ARGV...``: its exit code, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
