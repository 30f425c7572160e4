"""Quick dry run of one scene: duration, plays, captions (no video written)."""
import sys
import time

from manim import tempconfig

from scenes import outline

name = sys.argv[1]
item = outline.by_scene(name)
cls = item.load()
with tempconfig({"dry_run": True, "media_dir": ".build/dry_media", "disable_caching": True, "verbosity": "WARNING", "progress_bar": "none"}):
    t = time.time(); s = cls(); s.render()
print(name, "duration", round(s.time, 1), "plays", s.renderer.num_plays, "captions", len(s.captions), "wall", round(time.time()-t,1))
