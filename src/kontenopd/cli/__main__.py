"""``python -m kontenopd.cli``: the command line, as ``kontenopd``."""

import sys

from kontenopd.cli import main

sys.exit(main())
