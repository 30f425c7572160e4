"""``make list``: one line per syllabus item, ``N.M<TAB>SceneClass<TAB>Title``.

Items whose scene module is not written yet are marked ``[no scene yet]``.
Standard library only: it runs before the virtualenv exists.
"""

from __future__ import annotations

import sys

from scenes import outline
from tools.cli import command


@command(interrupted="listing stopped")
def main() -> int:
    """Print the outline; exit 2 if the outline file is malformed."""
    items = outline.items()
    for item in items:
        mark = "" if item.exists else "\t[no scene yet]"
        print(f"{item.number}\t{item.scene}\t{item.title}{mark}")
    done = sum(i.exists for i in items)
    print(f"# {done} of {len(items)} scenes written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `make list | head`
        sys.exit(0)
