"""The command line: thin shells over the core (see app.py). `main` is the console script."""

from __future__ import annotations


def main() -> None:
    """Run hanban (the `hanban` console script and `python -m hanban`)."""
    from hanban.cli.app import main as run

    run()
