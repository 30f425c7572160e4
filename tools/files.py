"""File writing, hashing and locking: every writer in tools/ goes through here.

One atomic-write helper (write a temporary file beside the target, then
``os.replace``), so an interrupted or failed write never leaves a half-written
file under its final name; one SHA-256 helper for content digests; one
advisory file lock (``fcntl.flock``) for work two processes must not do at
once. A full disk or a read-only folder becomes a :class:`WriteError` naming
the path.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path


class WriteError(RuntimeError):
    """A file could not be written (disk full, read-only, ...); names the path."""


def _describe(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return f"no space left on the device while writing {path}"
    if exc.errno == errno.EDQUOT:
        return f"disk quota exceeded while writing {path}"
    return f"cannot write {path}: {exc.strerror or exc}"


@contextlib.contextmanager
def atomic_path(dest: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``dest``; on success move it onto ``dest``.

    On any error the temporary file is removed and ``dest`` is left as it was.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.part-{os.getpid()}")
    try:
        yield tmp
        os.replace(tmp, dest)
    except OSError as exc:
        raise WriteError(_describe(exc, dest)) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


@contextlib.contextmanager
def writing(where: Path) -> Iterator[None]:
    """Turn an OSError in the block (disk full, read-only) into a WriteError naming ``where``."""
    try:
        yield
    except WriteError:
        raise
    except OSError as exc:
        raise WriteError(_describe(exc, where)) from exc


def write_text(dest: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``dest`` atomically."""
    with atomic_path(dest) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return dest


def copy(src: Path, dest: Path) -> Path:
    """Copy ``src`` onto ``dest`` atomically."""
    with atomic_path(dest) as tmp:
        shutil.copyfile(src, tmp)
    return dest


def copy_into(stack: contextlib.ExitStack[bool | None], src: Path, dest: Path) -> Path:
    """Copy ``src`` to a temporary name now; rename it onto ``dest`` when ``stack`` closes cleanly."""
    tmp = stack.enter_context(atomic_path(dest))
    with writing(dest):
        shutil.copyfile(src, tmp)
    return dest


@contextlib.contextmanager
def staged_dir(dest: Path) -> Iterator[Path]:
    """Yield an empty temporary folder beside ``dest``; on success swap it in for ``dest``.

    On an error the temporary folder is removed and ``dest`` is left as it was.
    """
    work = dest.with_name(f".{dest.name}.part-{os.getpid()}")
    old = dest.with_name(f".{dest.name}.old-{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    try:
        with writing(dest):
            work.mkdir(parents=True)
        yield work
        with writing(dest):
            if dest.exists():
                os.replace(dest, old)
            os.replace(work, dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def sha256(*parts: str | bytes | Path, sep: bytes = b"\0") -> str:
    """Hex SHA-256 over ``parts``: strings (UTF-8) and bytes as given, paths by content.

    Each part is followed by ``sep``, a NUL byte by default, so that ("ab", "c")
    and ("a", "bc") differ; ``sep=b""`` hashes the plain concatenation (the
    digest of one string, as stored beside a recording).
    """
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            h.update(part.read_bytes())
        elif isinstance(part, str):
            h.update(part.encode())
        else:
            h.update(part)
        h.update(sep)
    return h.hexdigest()


def sha256_files(root: Path, files: Iterable[Path], prefix: str = "") -> str:
    """Hex SHA-256 over ``prefix`` and each file's path (relative to ``root``) and bytes."""
    h = hashlib.sha256(prefix.encode())
    for path in files:
        h.update(str(path.relative_to(root)).encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


@contextlib.contextmanager
def locked(path: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if needed) for the block.

    If another process holds it, ``on_wait`` is called once (to say so) and the
    call blocks until the lock is free. The lock goes with the process: a
    killed holder never leaves a stale lock behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
