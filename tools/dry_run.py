"""Quick check of one scene without video: python -m tools.dry_run SceneClass.

Prints its duration, animations, beats and subtitles, then every quality-gate
finding (the same checks as ``make lint-layout``). Exit 1 if there are findings.
"""

from __future__ import annotations

import sys

from tools import quality
from tools.render import UsageError, resolve_scene


def main(argv: list[str]) -> int:
    """Dry-run each named scene and print its report."""
    if not argv:
        print(
            "usage: python -m tools.dry_run SceneClass [SceneClass ...]",
            file=sys.stderr,
        )
        return 2
    bad = 0
    for name in argv:
        try:
            item = resolve_scene(name)
        except UsageError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        r = quality.inspect_scene(item)
        print(
            f"{name} duration {r.duration:.1f}s plays {r.plays} beats {len(r.beats)}"
            f" captions {len(r.captions)} (checked in {r.wall:.0f}s)"
        )
        for finding in r.findings:
            print(f"  - {finding}")
        bad += bool(r.findings)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
