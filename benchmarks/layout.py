"""The package's import structure, as a newcomer meets it: modules, rooms, floors, arrows.

A room is a top-level module or a subpackage (``read/``, ``skills/``, ...). An arrow is an
import of one room by another (each pair counted once). Floors are the longest import chain
below a room; a circle is a set of rooms that import each other; an arrow runs back up when
a room imports one on a higher floor (only possible inside a circle).

    python benchmarks/layout.py [PACKAGE_FOLDER]
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "gapscan"
PACKAGE = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE


def room_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: Path, module: str) -> set[str]:
    """The gapscan modules this file imports (relative imports resolved; TYPE_CHECKING too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("gapscan"):
                found.add(target)
                found.update(f"{target}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("gapscan"))
    return found


def main() -> int:
    modules = {
        ".".join(("gapscan", *p.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(
            ".__init__"
        ): p
        for p in sorted(PACKAGE.rglob("*.py"))
    }
    names = set(modules)
    arrows: set[tuple[str, str]] = set()
    for module, path in modules.items():
        for target in imports(path, module):
            if target in names or target.rsplit(".", 1)[0] in names:
                known = target if target in names else target.rsplit(".", 1)[0]
                a, b = room_of(module), room_of(known)
                if a != b and "__init__" not in (a, b) and a != "__main__":
                    arrows.add((a, b))
    rooms = sorted({room_of(m) for m in modules} - {"__init__", "__main__"})
    below = {r: {b for a, b in arrows if a == r} for r in rooms}
    floor: dict[str, int] = {}

    def height(room: str, path: tuple[str, ...] = ()) -> int:
        if room in path:
            return 0  # a circle: counted below
        if room not in floor:
            floor[room] = 1 + max((height(b, (*path, room)) for b in below[room]), default=0)
        return floor[room]

    for room in rooms:
        height(room)
    circles = sorted({tuple(sorted((a, b))) for a, b in arrows if (b, a) in arrows})
    back = [(a, b) for a, b in arrows if floor[b] >= floor[a]]
    sizes = sorted(((len(p.read_text().splitlines()), m) for m, p in modules.items()), reverse=True)
    print(f"modules: {len(modules)}  rooms: {len(rooms)}  floors: {max(floor.values())}")
    print(f"arrows between rooms: {len(arrows)}  circles: {len(circles)}", end="")
    print(f"  arrows back up: {len(back)}")
    print(f"largest modules: {', '.join(f'{m} ({n} lines)' for n, m in sizes[:3])}")
    for level in range(max(floor.values()), 0, -1):
        print(f"  floor {level}: {', '.join(r for r in rooms if floor[r] == level)}")
    for pair in circles:
        print(f"  circle: {' <-> '.join(pair)}")
    return 1 if circles or back else 0


if __name__ == "__main__":
    sys.exit(main())
