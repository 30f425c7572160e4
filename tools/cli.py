"""How every tools/ command ends: one handler for errors, interrupts and exit codes.

Wrap a command's ``main`` with :func:`command`. Bad input (:class:`UsageError`,
a malformed outline or data file) prints ``error: ...`` and exits 2; a failed
step (:class:`StepError`, a missing program, a write error such as a full disk)
prints ``error: ...`` and exits with its status; Ctrl-C exits 130 and SIGTERM
143, each with one line. Never a traceback for any of these.
"""

from __future__ import annotations

import functools
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import ParamSpec

from scenes import outline
from tools.files import WriteError
from tools.media import MissingProgramError

P = ParamSpec("P")


class UsageError(Exception):
    """Bad input from the user: printed as a message, exit status 2."""


class StepError(Exception):
    """A step failed (not the user's input); carries the exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


class Terminated(BaseException):
    """SIGTERM arrived (raised from the signal handler so clean-up code runs)."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def error(message: object) -> None:
    """Print ``error: message`` on stderr."""
    print(f"error: {message}", file=sys.stderr, flush=True)


def command(
    interrupted: str = "nothing partial was written to renders/",
) -> Callable[[Callable[P, int]], Callable[P, int]]:
    """Decorate a ``main`` returning an exit status with the shared error handling."""

    def wrap(main: Callable[P, int]) -> Callable[P, int]:
        @functools.wraps(main)
        def run(*args: P.args, **kwargs: P.kwargs) -> int:
            signal.signal(signal.SIGTERM, _on_sigterm)
            try:
                return main(*args, **kwargs)
            except (UsageError, outline.OutlineError) as exc:
                error(exc)
                return 2
            except StepError as exc:
                error(exc)
                return exc.status or 1
            except (MissingProgramError, WriteError) as exc:
                error(exc)
                return 1
            except KeyboardInterrupt:
                print(f"interrupted: {interrupted}", file=sys.stderr, flush=True)
                return 130
            except Terminated:
                print(f"terminated: {interrupted}", file=sys.stderr, flush=True)
                return 143

        return run

    return wrap
