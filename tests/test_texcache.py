"""The shared TeX cache hands every process its own link to a cached SVG.

Manim parses an SVG by writing ``<name>_.svg`` beside it and deleting it again;
two processes loading the same cached formula from one folder raced on that
file (FileNotFoundError in ``SVGMobject.generate_mobject``, seen with two pytest
workers sharing tools.texcache). Each process now parses a hard link in a
folder of its own, removed when the process exits.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from manim import MathTex

from tools import texcache

ROOT = Path(__file__).resolve().parent.parent


def test_each_process_parses_its_own_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(texcache, "TEX_CACHE", tmp_path)
    svg = texcache.tex_to_svg_file(r"\frac{a}{b}", "align*")
    cached = tmp_path / svg.name
    assert svg.parent == tmp_path / "by-process" / str(os.getpid())
    assert os.stat(svg).st_ino == os.stat(cached).st_ino  # a link, not a compile
    assert texcache.tex_to_svg_file(r"\frac{a}{b}", "align*") == svg
    other = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from tools import texcache;"
            " texcache.TEX_CACHE = Path(sys.argv[1]);"
            r" print(texcache.tex_to_svg_file(r'\frac{a}{b}', 'align*'))",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = Path(other.stdout.strip())
    assert theirs.name == svg.name
    assert theirs.parent != svg.parent
    assert not theirs.parent.exists()  # removed when that process ended
    assert cached.is_file()
    assert svg.is_file()


def test_mathtex_through_the_cache_leaves_no_parse_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(texcache, "TEX_CACHE", tmp_path)
    texcache.install()
    tex = MathTex(r"x^{3} + 1")
    assert len(tex.submobjects[0].submobjects) == 4  # x, 3, +, 1
    own = tmp_path / "by-process" / str(os.getpid())
    assert [p.name for p in own.iterdir() if p.name.endswith("_.svg")] == []
    assert not list(tmp_path.glob("*_.svg"))


def test_a_dry_run_compiles_through_the_shared_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The gate's and ``make script``'s dry runs (also the one before ``make render
    VARIANT=...``, in a process that is not Manim's) compile into the shared, locked
    cache that the render then reuses, not into a folder of their own."""
    from manim.mobject.text import tex_mobject
    from manim.utils import tex_file_writing

    from tools import layout_lint
    from tools.paths import TEX_CACHE

    def manims_own(*_args: object, **_kwargs: object) -> Path:
        raise AssertionError("compiled outside the shared cache")

    # as in a process that never installed the cache (conftest installs it here)
    monkeypatch.setattr(tex_mobject, "tex_to_svg_file", manims_own)
    monkeypatch.setattr(tex_file_writing, "tex_to_svg_file", manims_own)
    assert layout_lint.tex_dir() == TEX_CACHE
    assert tex_mobject.tex_to_svg_file is texcache.tex_to_svg_file
    assert tex_file_writing.tex_to_svg_file is texcache.tex_to_svg_file
