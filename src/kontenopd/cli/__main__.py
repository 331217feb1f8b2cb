"""``python -m kontenopd.cli``: the command line, as ``kontenopd``."""

from kontenopd.cli import run

run()
