"""Pixel control data: ``make snapshots SCENE=X`` (or ``SCENE=all``) rewrites it.

Runs the pixel tests with ``--set_test`` for the chosen scenes, then shows what
changed in ``tests/graphical/control_data`` so the new frames can be reviewed.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tools.cli import UsageError
from tools.inputs import resolve_scene
from tools.paths import ROOT


def cmd_snapshots(name: str | None) -> int:
    """Rewrite pixel control data for one scene (or all), then show what changed."""
    if not name or not name.strip():
        raise UsageError(
            "name the scene: make snapshots SCENE=ChainRule (or SCENE=all)"
        )
    name = name.strip()
    items = [] if name.lower() == "all" else [resolve_scene(name)]
    # Node ids, not -k: "-k ChainRule" would also select PartialChainRule.
    targets = (
        ["tests/graphical"]
        if name.lower() == "all"
        else [f"tests/graphical/test_final_frames.py::test_{i.scene}" for i in items]
    )
    cmd = [sys.executable, "-m", "pytest", *targets, "--set_test", "-q"]
    env = {**os.environ, "ALLOW_OLD_CAIRO": "1"}
    code = subprocess.call(cmd, cwd=ROOT, env=env)
    subprocess.call(
        ["git", "status", "--short", "tests/graphical/control_data"], cwd=ROOT
    )
    print("Review the new frames with: python -m tools.npz_to_png <file.npz>")
    return code
