"""A render worker for ``make course``: many scenes per process, manim imported once.

``python -m tools.render_worker`` reads one JSON request a line on stdin,
``{"scene": ..., "quality": ..., "log": ...}``, renders it exactly as
``python -m tools.render`` would (same lock, same publishing into renders/,
same manifest) but runs Manim's own ``render`` command in this process instead
of starting a new Python for it, with its output sent to the request's log
file; then it answers ``{"scene": ..., "status": N}`` on stdout. Manim's
configuration is re-read for every scene and the Mobject defaults a scene may
change are reset afterwards, so scenes do not leak into each other.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from scenes import outline
from tools import texcache
from tools.cli import StepError, Terminated, UsageError, install_sigterm
from tools.files import WriteError
from tools.inputs import resolve_quality, resolve_scene
from tools.media import MissingProgramError
from tools.render import Job, run


@contextlib.contextmanager
def _output_to(log: Path) -> Iterator[None]:
    """Send this process's stdout and stderr (file descriptors 1 and 2) to ``log``."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with log.open("wb") as fh:
        os.dup2(fh.fileno(), 1)
        os.dup2(fh.fileno(), 2)
        try:
            yield
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])


def _reset_defaults() -> None:
    """Undo ``Mobject.set_default`` calls a scene made (class-level state)."""
    from manim import Axes, MathTex, Tex, Text

    for cls in (Axes, MathTex, Tex, Text):
        cls.set_default()


def manim_in_process(job: Job) -> int:
    """Run ``manim render`` for ``job`` in this process; its exit status."""
    from manim import tempconfig
    from manim.cli.render.commands import render as render_command

    args = job.command()[4:]  # the arguments after `python -m tools.texcache render`
    try:
        with tempconfig(
            {}
        ):  # the command's settings end with it: none reach the next scene
            render_command.main(args=args, prog_name="manim", standalone_mode=False)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    finally:
        _reset_defaults()
    return 0


_served = 0


def handle(request: dict[str, str]) -> int:
    """Render one requested scene; the exit status ``python -m tools.render`` would give."""
    global _served
    _served += 1
    log = Path(request["log"])
    log.parent.mkdir(parents=True, exist_ok=True)
    with _output_to(log):
        print(
            f"render worker {os.getpid()}: scene {_served} in this process", flush=True
        )
        try:
            item = resolve_scene(request["scene"])
            job = Job(item, resolve_quality(request["quality"]))
            run(job, force=False, manim=manim_in_process)
        except (UsageError, outline.OutlineError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except StepError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return exc.status or 1
        except (MissingProgramError, WriteError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        except Exception as exc:  # a bug in one scene must not end the worker
            import traceback

            traceback.print_exc()
            print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
    return 0


def serve(requests: IO[str], replies: IO[str]) -> None:
    """Answer requests until stdin closes."""
    for line in requests:
        if not line.strip():
            continue
        request = json.loads(line)
        status = handle(request)
        replies.write(json.dumps({"scene": request["scene"], "status": status}) + "\n")
        replies.flush()


def main() -> int:
    """Entry point: install the shared TeX cache, then serve."""
    install_sigterm()
    try:
        texcache.install()
        serve(sys.stdin, sys.stdout)
    except (KeyboardInterrupt, Terminated):
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
