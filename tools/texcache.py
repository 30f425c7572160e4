"""The TeX cache shared by every scene and quality, safe under parallel renders.

Manim compiles each formula to ``<tex_dir>/<hash>.tex`` -> ``.dvi`` -> ``.svg``
and then, unless told not to, deletes *every* non-SVG file in that folder:
also the ``.log``/``.dvi`` another process is producing at that moment. Two
renders sharing a TeX folder therefore fail at random ("latex failed but did
not produce a log file", a FileNotFoundError in ``delete_nonsvg_files``, or
dvisvgm reading a half-written DVI). :func:`install` replaces Manim's
``tex_to_svg_file`` with one that

* compiles into one folder (:data:`tools.paths.TEX_CACHE`) for every scene and
  quality, so a formula is compiled once for the whole course;
* holds an exclusive ``fcntl.flock`` on ``<hash>.lock`` while it compiles that
  formula, so a second process waits for the first and then reuses its SVG;
* writes the ``.tex`` and the ``.svg`` atomically (a killed compile never
  leaves a truncated file that looks cached) and removes only its own
  formula's intermediate files;
* hands Manim a hard link to the SVG in a folder of this process's own
  (:func:`private_copy`): Manim parses an SVG by writing a modified copy
  ``<name>_.svg`` beside it and deleting it, so two processes loading the same
  formula from one folder at once raced on that file (a FileNotFoundError in
  ``SVGMobject.generate_mobject``, seen with two test workers and possible
  with two course jobs).

``python -m tools.texcache render ...`` is ``python -m manim render ...`` with
the cache installed (tools.render runs Manim this way).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from tools import files
from tools.paths import TEX_CACHE

INTERMEDIATE = (".aux", ".log", ".dvi", ".xdv", ".pdf")


def _remove(folder: Path, key: str, keep_logs: bool) -> None:
    for suffix in INTERMEDIATE:
        if keep_logs and suffix == ".log":
            continue
        with contextlib.suppress(FileNotFoundError):
            (folder / f"{key}{suffix}").unlink()


def compile_svg(
    code: str, tex_template: Any, folder: Path = TEX_CACHE, *, cleanup: bool = True
) -> Path:
    """The SVG of the TeX document ``code``, compiled once under a lock on its hash."""
    from manim import config
    from manim.utils import tex_file_writing as tfw

    key = tfw.tex_hash(code)
    svg = folder / f"{key}.svg"
    if svg.is_file():  # only ever appears complete (os.replace)
        return svg
    with files.locked(folder / f"{key}.lock"):
        if svg.is_file():  # another process made it while we waited
            return svg
        _remove(folder, key, keep_logs=False)  # leftovers of a killed compile
        tex = files.write_text(folder / f"{key}.tex", code)
        saved = config.tex_dir
        config.tex_dir = str(folder)
        try:
            dvi = tfw.compile_tex(
                tex, tex_template.tex_compiler, tex_template.output_format
            )
            part = dvi.with_name(f"{key}.part-{os.getpid()}{dvi.suffix}")
            os.replace(dvi, part)
            try:
                made = tfw.convert_to_svg(part, tex_template.output_format)
                os.replace(made, svg)
            finally:
                part.unlink(missing_ok=True)
                part.with_suffix(".svg").unlink(missing_ok=True)
        finally:
            config.tex_dir = saved
            if cleanup:
                _remove(folder, key, keep_logs=not svg.is_file())
    return svg


def private_copy(svg: Path) -> Path:
    """A hard link to ``svg`` in this process's own folder (removed when it exits)."""
    own = svg.parent / "by-process" / str(os.getpid())
    link = own / svg.name
    if not link.is_file():
        if not own.is_dir():
            own.mkdir(parents=True, exist_ok=True)
            atexit.register(shutil.rmtree, own, ignore_errors=True)
        with contextlib.suppress(FileExistsError):
            os.link(svg, link)
    return link


def tex_to_svg_file(
    expression: str,
    environment: str | None = None,
    tex_template: Any = None,
) -> Path:
    """Drop-in replacement for ``manim.utils.tex_file_writing.tex_to_svg_file``."""
    from manim import config

    if tex_template is None:
        tex_template = config["tex_template"]
    if environment is not None:
        code = tex_template.get_texcode_for_expression_in_env(expression, environment)
    else:
        code = tex_template.get_texcode_for_expression(expression)
    return private_copy(
        compile_svg(
            code, tex_template, TEX_CACHE, cleanup=not config["no_latex_cleanup"]
        )
    )


def install() -> None:
    """Route every MathTex/Tex compile in this process through the shared, locked cache."""
    from manim.mobject.text import tex_mobject
    from manim.utils import tex_file_writing

    tex_file_writing.tex_to_svg_file = tex_to_svg_file
    tex_mobject.tex_to_svg_file = tex_to_svg_file  # imported by name


def main(argv: list[str]) -> None:
    """Run the manim command line with the shared TeX cache installed."""
    install()
    from manim.__main__ import main as manim_main

    sys.argv = ["manim", *argv]
    manim_main()


if __name__ == "__main__":
    main(sys.argv[1:])
