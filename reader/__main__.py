"""`python -m reader` runs the command-line front door (and, frozen, the app)."""

import multiprocessing
import sys

if __name__ == "__main__":  # a spawned index worker imports this module too, and must not run the app
    multiprocessing.freeze_support()  # in the frozen app, index workers start through this same executable
    from reader.cli import main

    sys.exit(main())
