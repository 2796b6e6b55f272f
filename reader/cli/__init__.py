"""Command-line front door: `policy-reader` / `python -m reader` (see ``reader.cli.main``)."""

from reader.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
