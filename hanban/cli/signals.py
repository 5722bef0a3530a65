"""SIGTERM and SIGHUP during the wizard, handled as Ctrl-C is: the prompt unwinds (the terminal
back as it was, even when the prompt could not restore it), the answers so far are kept, one line
is said, and the exit status is 128 + the signal's number (143, 129; README, "Exit codes").

The signal raises `errors.Stopped` (a KeyboardInterrupt) where the wizard is; from then on both
signals are ignored, so a second one cannot cut short the answers being kept (written atomically
by `cli.unfinished`) or the message.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from types import FrameType
from typing import Any

from hanban.errors import Stopped

SIGNALS = {"SIGTERM": 15, "SIGHUP": 1}  # (their numbers on every POSIX system hanban runs on)


@contextmanager
def stopping_on_signals() -> Iterator[None]:
    """Within: SIGTERM and SIGHUP raise `Stopped`; the terminal's settings on entry are put back
    when one came."""
    names = {getattr(signal, n): n for n in SIGNALS if hasattr(signal, n)}
    saved = _terminal_settings()
    came: list[int] = []

    def stop(signum: int, frame: FrameType | None) -> None:
        for s in names:
            signal.signal(s, signal.SIG_IGN)
        came.append(signum)
        raise Stopped(int(signum), names[signum])

    before: dict[int, Any] = {}
    try:
        for s in names:
            before[s] = signal.signal(s, stop)
    except ValueError:  # (not the main thread: nothing to handle here)
        pass
    try:
        yield
    finally:
        if came:
            _restore_terminal(saved)
        else:
            for s, handler in before.items():
                signal.signal(s, handler)


def _terminal_settings() -> tuple[int, list[Any]] | None:
    """stdin's terminal settings (None: not a terminal, or no termios here)."""
    try:
        import termios
    except ImportError:
        return None
    try:
        fd = sys.stdin.fileno()
        return fd, termios.tcgetattr(fd)
    except (termios.error, OSError, ValueError, AttributeError):
        return None


def _restore_terminal(saved: tuple[int, list[Any]] | None) -> None:
    if saved is None:
        return
    import termios

    with suppress(termios.error, OSError):  # (the terminal hung up: nothing to put back)
        termios.tcsetattr(saved[0], termios.TCSANOW, saved[1])
