"""How every tools/ command ends: one handler for errors, interrupts and exit codes.

Wrap a command's ``main`` with :func:`command`. Bad input (:class:`UsageError`,
a malformed outline or data file) prints ``error: ...`` and exits 2; a failed
step (:class:`StepError`, a missing program, an ffmpeg failure, a write error
such as a full disk) prints ``error: ...`` and exits with its status; Ctrl-C
exits 130 and SIGTERM 143, each with one line. Never a traceback for any of these.

Child processes (Manim, a scene render of ``make course``) are started with
:func:`run_child`, each in its own process group, so that an interrupt stops
them quietly (SIGTERM to the group, then SIGKILL) instead of leaving them
running or letting each print its own traceback.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, ParamSpec

from scenes import outline
from tools.files import WriteError
from tools.media import MediaError, MissingProgramError

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


def install_sigterm() -> None:
    """Make SIGTERM raise :class:`Terminated` in the main thread (so clean-up runs)."""
    signal.signal(signal.SIGTERM, _on_sigterm)


_children: set[subprocess.Popen[bytes]] = set()
_children_lock = threading.Lock()
_stopping = threading.Event()


def spawn(
    cmd: Sequence[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    stdin: int | None = None,
    stdout: IO[str] | IO[bytes] | int | None = None,
    stderr: IO[str] | IO[bytes] | int | None = None,
) -> subprocess.Popen[bytes] | None:
    """Start ``cmd`` in its own process group, known to :func:`stop_children`.

    Returns None once :func:`stop_children` has run (no new child starts then).
    """
    with _children_lock:
        if _stopping.is_set():
            return None
        proc = subprocess.Popen(
            list(cmd),
            cwd=cwd,
            env=env,
            stdin=stdin,
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,
        )
        _children.add(proc)
    return proc


def forget(proc: subprocess.Popen[bytes]) -> None:
    """Stop tracking a child that has ended."""
    with _children_lock:
        _children.discard(proc)


def run_child(
    cmd: Sequence[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    stdout: IO[str] | IO[bytes] | int | None = None,
) -> int:
    """Run ``cmd`` in its own process group and return its exit status.

    An exception while it runs (Ctrl-C, SIGTERM) stops the whole group first;
    once :func:`stop_children` has run, no new child starts (status 130).
    """
    stderr = subprocess.STDOUT if stdout is not None else None
    proc = spawn(cmd, cwd=cwd, env=env, stdout=stdout, stderr=stderr)
    if proc is None:
        return 130
    try:
        return proc.wait()
    except BaseException:
        stop_children()
        raise
    finally:
        forget(proc)


def stop_children() -> None:
    """Stop every running child process group (SIGTERM, then SIGKILL after 5 s)."""
    with _children_lock:
        _stopping.set()
        running = [p for p in _children if p.poll() is None]
    for proc in running:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in running:
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


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
            install_sigterm()
            try:
                return main(*args, **kwargs)
            except (UsageError, outline.OutlineError) as exc:
                error(exc)
                return 2
            except StepError as exc:
                error(exc)
                return exc.status or 1
            except (MissingProgramError, MediaError, WriteError) as exc:
                error(exc)
                return 1
            except KeyboardInterrupt:
                stop_children()
                # On a line of its own: a child's progress bar may end mid-line.
                print(f"\ninterrupted: {interrupted}", file=sys.stderr, flush=True)
                return 130
            except Terminated:
                stop_children()
                print(f"\nterminated: {interrupted}", file=sys.stderr, flush=True)
                return 143

        return run

    return wrap
