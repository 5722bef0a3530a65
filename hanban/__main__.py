"""`python -m hanban`."""

from hanban.cli.start import main

main()
