import sys

from kontenopd.cli import main

sys.exit(main())
