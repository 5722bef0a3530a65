"""`python -m hanban`."""

from hanban.cli import main

main()
