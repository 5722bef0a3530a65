"""The console script's first step (`hanban`, `python -m hanban`): load the command line with
Python's cycle collector paused, then run it.

Loading typer, click and hanban makes tens of thousands of objects that live as long as the
process; the collector would scan them again and again while they are made (about a tenth of a
short command's time), and would find nothing to free. So it is paused while the modules load;
what they made is then frozen (never scanned again: `gc.freeze`) and the collector runs as usual
for the command itself. Nothing here may import more than `gc`: every import after it is paused.
"""

import gc


def main() -> None:
    """Load the app with the collector paused, then run it (`hanban.cli.app.main`)."""
    gc.disable()
    try:
        from hanban.cli.app import main as run
    finally:
        gc.freeze()
        gc.enable()
    run()
