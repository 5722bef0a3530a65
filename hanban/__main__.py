"""`python -m hanban`."""

from hanban.cli.app import main

main()
