"""Helpers for the variant tests: a variant TOML in a temporary folder; a media folder.

``media_dir`` is one folder per test worker for the gate's dry runs: two workers
dry-running the same scene at once would otherwise share the Text SVG files in
``.build/quality/texts``, which Manim rewrites and deletes as it reads them (a
FileNotFoundError in one of them).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This worker's own media folder for dry runs (tools.quality.inspect_scene)."""
    return tmp_path_factory.mktemp("media")


@pytest.fixture
def write_variant(tmp_path: Path) -> Callable[..., Path]:
    """write_variant(scene, name, params_toml, extra='') -> the TOML's path."""

    def write(scene: str, params: str, *, name: str = "t", extra: str = "") -> Path:
        path = tmp_path / f"{name}.toml"
        path.write_text(
            f'scene = "{scene}"\nname = "{name}"\n{extra}\n[params]\n{params}\n',
            encoding="utf-8",
        )
        return path

    return write
