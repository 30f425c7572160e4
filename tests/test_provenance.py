"""tools.provenance parses each source file once per process, and again once it changes."""

from __future__ import annotations

import os
from pathlib import Path

from tools import provenance


def test_imports_are_parsed_again_after_an_edit(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import mathkit.data\n", encoding="utf-8")
    assert provenance._imports(module) == {"mathkit.data"}
    module.write_text("from scenes.common import theme\n", encoding="utf-8")
    assert provenance._imports(module) == {"scenes.common", "scenes.common.theme"}
    # Same size, new content, new mtime: still seen.
    module.write_text("from scenes.common import thing\n", encoding="utf-8")
    os.utime(module, ns=(1, 1))
    assert provenance._imports(module) == {"scenes.common", "scenes.common.thing"}


def test_every_scene_digest_is_stable_within_a_process() -> None:
    from scenes import outline

    items = outline.present()
    first = [provenance.input_hash(i, quality="low") for i in items]
    assert len(set(first)) == len(items)
    assert [provenance.input_hash(i, quality="low") for i in items] == first
