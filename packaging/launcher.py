"""Entry point for frozen builds (PyInstaller): the GUI, or the CLI when given arguments."""

import multiprocessing
import sys

from kontenopd.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # export worker processes in a frozen Windows build
    sys.exit(main())
