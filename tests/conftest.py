"""Shared pytest set-up: graphical-test options, the libcairo policy, Mobject defaults,
the shared TeX cache, and set-ups shared by the whole run (``once``, ``gate_report``).

``frames_comparison`` (Manim's pixel-test helper) needs three fixes downstream
(see ../shared/style-guide.md section 3): its two pytest options registered here,
a committed ``tests/graphical/control_data/`` folder, and an opt-in for this
machine's libcairo 1.16 (the helper skips below 1.18). Control data is made and
compared on the same kind of machine as CI, so the opt-in is on by default here;
set ``ALLOW_OLD_CAIRO=0`` to get Manim's own skip back.

Every test process (each xdist worker) compiles TeX through tools.texcache, the
cache ``make render`` and ``make course`` use: one folder, a lock per formula,
so a formula is compiled once for the whole run (gate dry runs, pixel tests and
renders alike) instead of once per worker.
"""

from __future__ import annotations

import json
import os
import pickle
import resource
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import cairo
import pytest
from hypothesis import settings

from scenes import outline
from tools import texcache
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

    texcache.install()
    if cairo.cairo_version() >= fc.MIN_CAIRO_VERSION:
        return
    if os.environ.get("ALLOW_OLD_CAIRO", "1") != "0":
        fc.MIN_CAIRO_VERSION = 0


# -- how xdist spreads the run (make test: -n 2 --dist loadgroup --no-loadscope-reorder) ---
SHARED_RENDERS: dict[str, tuple[str, ...]] = {  # the costliest first
    "tests/test_render_e2e.py": ("rendered", "course"),
    "tests/test_faults.py": ("base",),
    "tests/test_slides.py": ("built",),
}
"""Modules whose tests share one render (a fixture above): every test of the module
that uses it runs on the same worker (one xdist group), so the other worker never
waits on the render's lock, and a module-scoped render is made once, not per worker."""


def _cost(item: pytest.Item) -> int:
    """A rough rank of the test's cost, highest first: renders, the 3-D scene, scene runs."""
    if item.get_closest_marker("xdist_group"):
        return 4
    if item.get_closest_marker("render"):
        return 3
    if "PartialDerivatives" in item.nodeid:
        return 2
    scene_runs = ("tests/graphical/", "test_scene_passes_the_quality_gate", "variants")
    return 1 if any(part in item.nodeid for part in scene_runs) else 0


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Group the tests that share a render, then run the costly ones first.

    Longest first keeps both workers busy to the end (a long test started last
    would leave one worker idle while the other finishes it). The sort is stable
    and the same in every worker, as xdist requires. Runs before xdist reads the
    groups.
    """
    for item in items:
        path = item.nodeid.split("::")[0]
        shared = SHARED_RENDERS.get(path, ())
        if any(name in getattr(item, "fixturenames", ()) for name in shared):
            item.add_marker(pytest.mark.xdist_group(Path(path).stem))
    groups = list(SHARED_RENDERS)

    def rank(item: pytest.Item) -> tuple[int, int]:
        path = item.nodeid.split("::")[0]
        return -_cost(item), groups.index(path) if path in groups else len(groups)

    items.sort(key=rank)


def _cpu_seconds() -> float:
    """User + system CPU of this process and of the children it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    """With ``TEST_CPU_LOG=file``, append each test's CPU seconds (set-up, call and
    tear-down, subprocesses included) to ``file`` as JSON lines: on a shared machine
    CPU time says where a run's time goes; wall time says how busy the machine was."""
    log = os.environ.get("TEST_CPU_LOG")
    before = _cpu_seconds()
    yield
    if log:
        line = json.dumps(
            {"test": item.nodeid, "cpu": round(_cpu_seconds() - before, 2)}
        )
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")


@pytest.fixture(autouse=True)
def _reset_mobject_defaults():
    """Mobject.set_default() is global class state: undo it after every test."""
    yield
    from manim import Axes, MathTex, Tex, Text

    for cls in (Axes, MathTex, Tex, Text):
        cls.set_default()


def _shared_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder shared by every xdist worker of this run (the main process's base temp)."""
    root = tmp_path_factory.getbasetemp()
    return root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root


def _run_once(root: Path, name: str, build: Callable[[], Any]) -> Any:
    """``build()`` in the first process that asks for ``name`` (under a lock); its
    pickled result for everyone, then and later."""
    done = root / f"once-{name}.pickle"
    with locked(root / f"once-{name}.lock"):
        if not done.is_file():
            data = pickle.dumps(build())
            part = done.with_name(done.name + ".part")
            part.write_bytes(data)
            os.replace(part, done)
    return pickle.loads(done.read_bytes())


@pytest.fixture(scope="session")
def once(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[str, Callable[[Path], object]], tuple[Path, object]]:
    """Run an expensive set-up once for the whole run, even across xdist workers.

    ``once(name, build)`` calls ``build(folder)`` in the first worker that asks
    (under a file lock), stores its JSON result beside the folder, and gives every
    worker ``(folder, result)``: one render shared by all, not one per worker.
    """
    root = _shared_root(tmp_path_factory)

    def run(name: str, build: Callable[[Path], object]) -> tuple[Path, object]:
        folder = root / f"once-{name}"

        def make() -> str:
            folder.mkdir(parents=True, exist_ok=True)
            return json.dumps(build(folder))

        return folder, json.loads(_run_once(root, name, make))

    return run


@pytest.fixture(scope="session")
def gate_report(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Any]:
    """The quality gate's dry run of a course scene, made once per run for every test.

    ``gate_report(item)`` is ``tools.quality.inspect_scene(item)``, shared by all
    tests and xdist workers that ask for the same scene with the same inputs: the
    key is the scene's input hash (its sources, the voice, its recordings; see
    tools.provenance), so a test that changes ``VOICE`` or ``NARRATION_DIR`` gets
    a dry run of its own. For shipped scenes as they are; a test that patches a
    scene, a check or mathkit calls ``inspect_scene`` itself. Checks added to
    tools.layout_lint run in this one dry run like the rest. The run also draws
    its last frame (``report.final_frame``), which the pixel tests compare: one
    run of each scene for the gate and the pixels.
    """
    from tools import provenance, quality

    root = _shared_root(tmp_path_factory)

    def get(item: outline.Item, *, rasterise: bool = False) -> quality.SceneReport:
        digest = provenance.input_hash(item, quality="gate")[:16]
        name = f"gate-{item.scene}-{digest}{'-drawn' if rasterise else ''}"
        report = _run_once(
            root,
            name,
            lambda: quality.inspect_scene(item, rasterise=rasterise, final_frame=True),
        )
        assert isinstance(report, quality.SceneReport)
        return report

    return get
