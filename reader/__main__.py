"""`python -m reader` runs the command-line front door."""

import sys

from reader.cli import main

sys.exit(main())
