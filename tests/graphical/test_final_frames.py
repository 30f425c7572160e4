"""Final-frame pixel tests: one per scene in the course outline, made automatically.

Each test builds the real scene class (``base_scene=``, so its theme applies),
fast-forwards its ``construct`` and compares the last frame (854x480) with
``control_data/scenes/test_<Scene>.npz``. A new scene fails here until its
control data is written deliberately with ``make snapshots SCENE=<Scene>`` and
reviewed (``python -m tools.npz_to_png``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from manim import ThreeDCamera, ThreeDScene
from manim.renderer.cairo_renderer import CairoRenderer
from manim.utils.testing.frames_comparison import frames_comparison

from scenes import outline
from tools.quality import tex_dir

__module_test__ = "scenes"


class ThreeDRenderer(CairoRenderer):
    """A Cairo renderer with a 3-D camera.

    The harness gives a ThreeDCamera only when ``base_scene is ThreeDScene``
    exactly, so subclasses such as LectureScene3D need this shim. Being a
    subclass, it also skips the harness's libcairo check: the policy for that
    lives in tests/conftest.py and applies here too.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("camera_class", ThreeDCamera)
        super().__init__(*args, **kwargs)


def _make_test(item: outline.Item) -> Callable[..., None]:
    cls = item.load()
    renderer = ThreeDRenderer if issubclass(cls, ThreeDScene) else CairoRenderer

    def test(scene) -> None:
        cls.construct(scene)

    test.__name__ = f"test_{item.scene}"
    test.__qualname__ = test.__name__
    test.__doc__ = f"Last frame of {item.number} {item.scene}."
    return frames_comparison(
        base_scene=cls, renderer_class=renderer, tex_dir=str(tex_dir())
    )(test)


for _item in outline.present():
    globals()[f"test_{_item.scene}"] = _make_test(_item)
