"""Helpers for the variant tests: write a variant TOML into a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


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
