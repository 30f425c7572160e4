"""Shared pytest set-up: graphical-test options, the libcairo policy, Mobject defaults.

``frames_comparison`` (Manim's pixel-test helper) needs three fixes downstream
(see ../shared/style-guide.md section 3): its two pytest options registered here,
a committed ``tests/graphical/control_data/`` folder, and an opt-in for this
machine's libcairo 1.16 (the helper skips below 1.18). Control data is made and
compared on the same kind of machine as CI, so the opt-in is on by default here;
set ``ALLOW_OLD_CAIRO=0`` to get Manim's own skip back.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import cairo
import pytest
from hypothesis import settings

from tools.files import locked

# The one hypothesis profile (tests only lower max_examples where a case is slow):
# no deadline, since the machine is shared and timings are not what is tested.
settings.register_profile("ci", deadline=None, max_examples=60)
settings.load_profile("ci")


def pytest_addoption(parser: pytest.Parser) -> None:
    """The options Manim's own tests/conftest.py registers (not shipped in the wheel)."""
    parser.addoption(
        "--set_test",
        action="store_true",
        default=False,
        help="(Re)write graphical control data instead of comparing.",
    )
    parser.addoption(
        "--show_diff",
        action="store_true",
        default=False,
        help="On a pixel mismatch, write actual/control/diff PNGs to .build/frame-diffs/.",
    )


def pytest_report_header(config: pytest.Config) -> str:
    """Show which libcairo the pixel tests run against."""
    return f"libcairo {cairo.cairo_version_string()} (control data made with the same)"


def pytest_configure(config: pytest.Config) -> None:
    """Let frames_comparison run on libcairo 1.16 unless ALLOW_OLD_CAIRO=0."""
    import manim.utils.testing.frames_comparison as fc

    if cairo.cairo_version() >= fc.MIN_CAIRO_VERSION:
        return
    if os.environ.get("ALLOW_OLD_CAIRO", "1") != "0":
        fc.MIN_CAIRO_VERSION = 0


@pytest.fixture(autouse=True)
def _reset_mobject_defaults():
    """Mobject.set_default() is global class state: undo it after every test."""
    yield
    from manim import Axes, MathTex, Tex, Text

    for cls in (Axes, MathTex, Tex, Text):
        cls.set_default()


@pytest.fixture(scope="session")
def once(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[str, Callable[[Path], object]], tuple[Path, object]]:
    """Run an expensive set-up once for the whole run, even across xdist workers.

    ``once(name, build)`` calls ``build(folder)`` in the first worker that asks
    (under a file lock), stores its JSON result beside the folder, and gives every
    worker ``(folder, result)``: one render shared by all, not one per worker.
    """
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # shared by the workers of this run

    def run(name: str, build: Callable[[Path], object]) -> tuple[Path, object]:
        folder, done = root / f"once-{name}", root / f"once-{name}.json"
        with locked(root / f"once-{name}.lock"):
            if not done.is_file():
                folder.mkdir(parents=True, exist_ok=True)
                done.write_text(json.dumps(build(folder)), encoding="utf-8")
        return folder, json.loads(done.read_text(encoding="utf-8"))

    return run
