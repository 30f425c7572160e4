"""Faults and bad input, one test per row of README's "When things go wrong" table.

Real processes throughout: ``make render``/``python -m tools.render`` interrupted
with real signals, renders run at once, a real full disk (a 1 MB-class tmpfs),
a PATH without ffmpeg/latex/dvisvgm, malformed copies of the data files. One
low-quality render of the shortest scene (ReviewDeltaMethod, 56 s of video) is made once and
copied for every test that needs an earlier output; interrupted renders are
stopped seconds after they start.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scenes import outline
from tools import files, provenance
from tools.inputs import resolve_quality
from tools.paths import LOCKS
from tools.render import Job

ROOT = Path(__file__).resolve().parent.parent
SCENE = "ReviewDeltaMethod"
OTHER = "SumRule"
PY = sys.executable
pytestmark = pytest.mark.render


def env_for(renders: Path, **extra: str) -> dict[str, str]:
    """The environment of a user's shell, writing into ``renders``."""
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SCENE", "SCENES", "QUALITY", "FORMAT", "SECTION", "JOBS", "FORCE"}
    }
    return {**base, "RENDERS_DIR": str(renders), "QUALITY": "low", **extra}


def run(
    cmd: list[str], renders: Path, timeout: float = 600, **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd,
        cwd=ROOT,
        env=env_for(renders, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def job(scene: str = SCENE) -> Job:
    return Job(outline.by_scene(scene), resolve_quality("low"))  # type: ignore[arg-type]


def video(renders: Path, scene: str = SCENE) -> Path:
    return renders / "480p15" / f"{scene}.mp4"


def current(renders: Path, scene: str = SCENE) -> bool:
    j = job(scene)
    return provenance.is_current(video(renders, scene), j.digest)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the SHA-256 of its content."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def partial_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if ".part" in p.name or ".old-" in p.name]


def one_line_message(stderr: str, prefix: str) -> None:
    """Exactly one line of ours starts with ``prefix``; no traceback anywhere."""
    ours = [line for line in stderr.splitlines() if line.startswith(prefix)]
    assert len(ours) == 1, stderr[-2000:]
    assert "Traceback" not in stderr


@pytest.fixture(scope="module")
def base(once: Callable[[str, Callable[[Path], object]], tuple[Path, object]]) -> Path:
    """One finished low-quality render of the short scene (the 'earlier output')."""

    def build(renders: Path) -> int:
        proc = run([PY, "-m", "tools.render", "--scene", SCENE], renders)
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
        return proc.returncode

    renders, _ = once("faults-base", build)
    assert current(renders)
    return renders


@pytest.fixture
def earlier(base: Path, tmp_path: Path) -> Path:
    """A private copy of the base render (mtimes kept, so it is still current)."""
    dest = tmp_path / "renders"
    shutil.copytree(base, dest)
    assert current(dest)
    return dest


# -- an unchanged render returns at once; FORCE renders anyway ------------------------
def test_current_render_returns_at_once(earlier: Path) -> None:
    before = video(earlier).stat().st_mtime_ns
    proc = run(["make", "--no-print-directory", "render"], earlier, SCENE=SCENE)
    assert proc.returncode == 0, proc.stderr
    assert "up to date" in proc.stdout
    assert "FORCE=1" in proc.stdout
    assert "rendering" not in proc.stdout
    assert video(earlier).stat().st_mtime_ns == before


# -- signals ---------------------------------------------------------------------------
def survivors(renders: Path) -> list[int]:
    """Processes still running with ``RENDERS_DIR=renders`` in their environment."""
    needle = f"RENDERS_DIR={renders}".encode() + b"\0"
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if needle in (proc / "environ").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def interrupt(
    cmd: list[str],
    renders: Path,
    sig: signal.Signals,
    *,
    group: bool,
    wait_for: Callable[[], bool] | None = None,
    **extra: str,
) -> subprocess.CompletedProcess[str]:
    """Start ``cmd``, wait until it says it is rendering, then send ``sig``.

    ``group=True`` signals the whole foreground process group, as Ctrl-C in a
    terminal does; otherwise only the process, as ``kill PID`` does.
    """
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=env_for(renders, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout is not None
    seen = []
    for line in proc.stdout:
        seen.append(line)
        if line.startswith("rendering") or " to render at " in line:
            break
    else:
        proc.wait()
        pytest.fail("never started rendering: " + "".join(seen))
    if wait_for is None:
        time.sleep(2.0)  # Manim is now starting up or drawing frames
    else:  # until the render has got as far as the test needs (slow when loaded)
        deadline = time.monotonic() + 300
        while not wait_for() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
    if group:
        os.killpg(proc.pid, sig)
    else:
        proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(cmd, proc.returncode, "".join(seen) + out, err)


@pytest.mark.parametrize(
    ("cmd", "sig", "group", "codes", "prefix"),
    [
        (
            ["make", "--no-print-directory", "render"],
            signal.SIGINT,
            True,
            {130, -signal.SIGINT},
            "interrupted:",
        ),
        (
            ["make", "--no-print-directory", "render"],
            signal.SIGTERM,
            True,
            {143, -signal.SIGTERM},
            "terminated:",
        ),
        ([PY, "-m", "tools.render"], signal.SIGINT, False, {130}, "interrupted:"),
        ([PY, "-m", "tools.render"], signal.SIGTERM, False, {143}, "terminated:"),
    ],
    ids=["make-SIGINT", "make-SIGTERM", "python-SIGINT", "python-SIGTERM"],
)
def test_signal_mid_render_leaves_nothing_partial(
    earlier: Path,
    cmd: list[str],
    sig: signal.Signals,
    group: bool,
    codes: set[int],
    prefix: str,
) -> None:
    before = snapshot(earlier)
    proc = interrupt(cmd, earlier, sig, group=group, SCENE=SCENE, FORCE="1")
    assert proc.returncode in codes, proc.stderr[-2000:]
    one_line_message(proc.stderr, prefix)
    assert not partial_files(earlier)
    assert snapshot(earlier) == before  # the earlier render is untouched ...
    assert current(earlier)  # ... and still reused by the next run
    assert not survivors(earlier), "a render process outlived the interrupt"


def test_course_interrupted_then_resumed_reuses_finished_scenes(earlier: Path) -> None:
    cmd = [PY, "-m", "tools.course", "--scenes", f"{SCENE},{OTHER}"]
    first = interrupt(cmd, earlier, signal.SIGINT, group=False)
    assert first.returncode == 130, first.stderr[-2000:]
    one_line_message(first.stderr, "interrupted:")
    assert "2 scenes: 1 up to date, 1 to render" in first.stdout
    assert not partial_files(earlier)
    assert not video(earlier, OTHER).exists()
    # The next run starts where this one stopped: the finished scene is reused.
    second = interrupt(cmd, earlier, signal.SIGTERM, group=False)
    assert second.returncode == 143, second.stderr[-2000:]
    one_line_message(second.stderr, "terminated:")
    assert "2 scenes: 1 up to date, 1 to render" in second.stdout
    assert current(earlier)


def _partials_since(t0: float) -> int:
    """Partial movies of SCENE written since ``t0`` (one finished, the next begun: 2)."""
    found = job().media_dir.rglob("partial_movie_files/*/*.mp4")
    return sum(1 for p in found if p.stat().st_mtime >= t0)


def test_render_after_an_interrupted_one_drops_its_partial_movies(
    earlier: Path,
) -> None:
    """Manim reuses a partial movie by its hash name without reading it: a render stopped
    while Manim wrote one leaves a truncated file. The next render must not stitch it in,
    even when the marker of the unfinished render is gone (each partial is checked)."""
    started = time.time()
    j = job()
    with files.locked(LOCKS / f"{j.tag}-{j.stem}.lock"):
        # Manim would reuse the earlier render's partial movies and finish at once
        for cached in j.media_dir.rglob("partial_movie_files"):
            shutil.rmtree(cached, ignore_errors=True)
    stopped = interrupt(
        [PY, "-m", "tools.render", "--scene", SCENE],
        earlier,
        signal.SIGTERM,
        group=False,
        wait_for=lambda: _partials_since(started) > 1,
        FORCE="1",
    )
    assert stopped.returncode == 143, stopped.stderr[-2000:]
    j = job()
    with files.locked(LOCKS / f"{j.tag}-{j.stem}.lock"):
        partials = sorted(j.media_dir.rglob("partial_movie_files/*/*.mp4"))
        assert partials, "the render left no partial movies to test with"
        victim = max(partials, key=lambda p: p.stat().st_mtime)
        data = victim.read_bytes()
        victim.write_bytes(data[: len(data) // 3])  # as if stopped mid-write
        # the "unfinished" marker would drop every partial; without it (a stop it
        # missed, as once in a loaded CI run) the render must still find the bad one
        (j.media_dir / ".render-unfinished").unlink(missing_ok=True)
    again = run([PY, "-m", "tools.render", "--scene", SCENE], earlier, FORCE="1")
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
    assert current(earlier)


# -- two renders at once --------------------------------------------------------------
def test_renders_at_once_take_turns_or_run_side_by_side(
    base: Path, tmp_path: Path
) -> None:
    renders = tmp_path / "renders"
    logs = [tmp_path / f"{n}.log" for n in ("first", "same", "other")]

    def start(scene: str, log: Path) -> subprocess.Popen[bytes]:
        with log.open("wb") as fh:
            return subprocess.Popen(
                [PY, "-m", "tools.render", "--scene", scene],
                cwd=ROOT,
                env=env_for(renders),
                stdout=fh,
                stderr=subprocess.STDOUT,
            )

    first = start(SCENE, logs[0])
    while "rendering" not in logs[0].read_text():  # it holds the scene's lock now
        assert first.poll() is None, logs[0].read_text()
        time.sleep(0.2)
    same, other = start(SCENE, logs[1]), start(OTHER, logs[2])
    for p, log in zip((first, same, other), logs, strict=True):
        assert p.wait(timeout=900) == 0, log.read_text()[-3000:]
    outputs = [log.read_text() for log in logs]
    assert f"waiting: another render of {SCENE}" in outputs[1]
    assert "up to date" in outputs[1]  # it reused what the first one made
    assert current(renders)
    assert current(renders, OTHER)
    assert not partial_files(renders)
    for scene in (SCENE, OTHER):
        probe = subprocess.run(
            [
                "ffprobe",
                "-v",
                "error",
                "-show_entries",
                "format=duration",
                "-of",
                "csv=p=0",
                str(video(renders, scene)),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        assert float(probe.stdout) > 10


# -- manifests and outputs that are not what they claim --------------------------------
def test_broken_manifest_or_changed_video_is_not_current(earlier: Path) -> None:
    mp4 = video(earlier)
    manifest = provenance.manifest_path(mp4)
    good = manifest.read_bytes()
    for broken in (good[: len(good) // 2], b"", b"[1, 2]", b"\xff\xfe garbage"):
        manifest.write_bytes(broken)
        assert not current(earlier), broken[:20]
    manifest.write_bytes(good)
    assert current(earlier)
    saved = mp4.read_bytes()
    mp4.write_bytes(saved + b"\0")  # edited: a different size
    assert not current(earlier)
    mp4.write_bytes(
        saved[:-1] + bytes([saved[-1] ^ 1])
    )  # replaced: same size, new bytes
    assert not current(earlier)
    mp4.unlink()  # deleted behind the manifest's back
    assert not current(earlier)


def test_truncated_manifest_is_rendered_again(earlier: Path) -> None:
    manifest = provenance.manifest_path(video(earlier))
    manifest.write_text(manifest.read_text()[:40])
    proc = run([PY, "-m", "tools.render", "--scene", SCENE], earlier)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "rendering" in proc.stdout
    assert json.loads(manifest.read_text())["scene"] == SCENE
    assert current(earlier)


def test_course_rebuilds_a_video_edited_by_hand(earlier: Path) -> None:
    mp4 = video(earlier)
    mp4.write_bytes(mp4.read_bytes() + b"edited")
    cmd = [PY, "-m", "tools.course", "--scenes", SCENE]
    proc = interrupt(cmd, earlier, signal.SIGTERM, group=False)
    assert "1 scenes: 0 up to date, 1 to render" in proc.stdout
    assert proc.returncode == 143


# -- a full disk ----------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs mount holding a copy of the earlier render with ~64 KB to spare."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_disk_names_the_path_and_keeps_earlier_outputs(
    base: Path, small_disk: Path
) -> None:
    used = sum(p.stat().st_size // 4096 + 1 for p in base.rglob("*") if p.is_file())
    size = (used + 40) * 4096  # the earlier render, plus room for subtitles only
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(small_disk)],
        check=True,
    )
    renders = small_disk / "renders"
    shutil.copytree(base, renders)
    before = snapshot(renders)
    proc = run([PY, "-m", "tools.render", "--scene", SCENE], renders, FORCE="1")
    assert proc.returncode == 1, proc.stdout[-2000:] + proc.stderr[-2000:]
    line = proc.stderr.strip().splitlines()[-1]
    assert re.match(r"error: no space left on the device while writing /", line), line
    assert str(renders) in line
    assert "Traceback" not in proc.stderr
    assert not partial_files(renders)
    assert snapshot(renders) == before
    assert current(renders)


# -- programs missing from PATH ----------------------------------------------------------
@pytest.mark.parametrize(
    ("missing", "package"),
    [("ffmpeg", "ffmpeg"), ("latex", "texlive-latex-base"), ("dvisvgm", "dvisvgm")],
)
def test_missing_program_names_the_debian_package(
    earlier: Path, tmp_path: Path, missing: str, package: str
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("ffmpeg", "ffprobe", "latex", "dvisvgm"):
        if name != missing:
            (bin_dir / name).symlink_to(shutil.which(name))  # type: ignore[arg-type]
    proc = run(
        [PY, "-m", "tools.render", "--scene", SCENE],
        earlier,
        FORCE="1",
        PATH=str(bin_dir),
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        f"error: {missing} not found on PATH: install it with"
        f" `sudo apt-get install {package}` (or run `make setup`)"
    )
    assert current(earlier)


# -- malformed data files ----------------------------------------------------------------
def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("name", "flag", "old", "new", "field"),
    [
        (
            "outline.toml",
            "--outline",
            'scene = "ChainRule"',
            'scne = "ChainRule"',
            "scene",
        ),
        ("outline.toml", "--outline", 'number = "2.9"', 'number = "2.9', None),
        ("timeline.toml", "--timeline", "year = 263", 'year = "263"', "year"),
        ("timeline.toml", "--timeline", "[[era]]", "[[era]", None),
        ("resources.toml", "--resources", 'kind = "book"', 'kind = ""', "kind"),
        ("resources.toml", "--resources", 'kind = "book"', "kind = 3", "kind"),
    ],
    ids=[
        "outline-missing-field",
        "outline-syntax",
        "timeline-wrong-type",
        "timeline-syntax",
        "resources-empty-field",
        "resources-wrong-type",
    ],
)
def test_malformed_data_file_names_file_line_and_field(
    tmp_path: Path, name: str, flag: str, old: str, new: str, field: str | None
) -> None:
    source = {
        "outline.toml": ROOT / "scenes" / "outline.toml",
        "timeline.toml": ROOT / "assets" / "data" / "timeline.toml",
        "resources.toml": ROOT / "assets" / "data" / "resources.toml",
    }[name]
    text = source.read_text(encoding="utf-8")
    assert old in text
    copy = tmp_path / name
    copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    expected_line = _line_of(copy.read_text(), new)
    proc = subprocess.run(
        [PY, "-m", "tools.datafiles", flag, str(copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    message = proc.stderr.strip()
    assert "\n" not in message
    assert "Traceback" not in message
    where = f"error: {copy}, line "
    assert message.startswith(where), message
    line = int(message[len(where) :].split(",")[0].split(":")[0])
    if field == "scene":  # a missing field: the start of the entry that lacks it
        assert expected_line - 5 <= line < expected_line, message
    else:
        assert line == expected_line, message
    if field:
        assert f"field '{field}'" in message


def test_real_data_files_pass_the_check() -> None:
    proc = subprocess.run(
        [PY, "-m", "tools.datafiles"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "data files ok"


# -- hostile or odd input values --------------------------------------------------------
HOSTILE = [
    "x; touch {marker}",
    "$(touch {marker})",
    "`touch {marker}`",
    "a b' \"c",
    "Kettenregel-∂ü",
    "A" * 5000,
]


@pytest.mark.parametrize(
    ("target", "var", "fixed"),
    [
        ("render", "SCENE", {}),
        ("render", "QUALITY", {"SCENE": SCENE}),
        ("clip", "FORMAT", {"SCENE": SCENE}),
        ("still", "SECTION", {"SCENE": SCENE}),
        ("course", "JOBS", {}),
    ],
)
@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_values_are_refused_and_never_run(
    tmp_path: Path, target: str, var: str, fixed: dict[str, str], value: str
) -> None:
    marker = tmp_path / "pwned"
    renders = tmp_path / "renders"
    value = value.format(marker=marker)
    proc = run(
        ["make", "--no-print-directory", target],
        renders,
        timeout=120,
        **fixed,
        **{var: value},
    )
    assert proc.returncode == 2, proc.stdout[-1000:] + proc.stderr[-1000:]
    ours = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert ours, proc.stderr
    assert all(len(line) < 400 for line in ours)  # long values are not echoed whole
    assert "Traceback" not in proc.stderr
    assert not marker.exists()
    assert not renders.exists()  # nothing was rendered or written


@pytest.mark.parametrize("jobs", ["0", "-1", "two", "1.5", "100000000000000000000"])
def test_bad_jobs_are_refused(tmp_path: Path, jobs: str) -> None:
    renders = tmp_path / "renders"
    proc = run(["make", "--no-print-directory", "course"], renders, JOBS=jobs)
    assert proc.returncode == 2
    assert re.search(
        r"error: JOBS must be (a whole number|between 1 and 64)", proc.stderr
    )
    assert not renders.exists()
