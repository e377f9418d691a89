"""Translations: `python tools/i18n.py update` re-extracts strings into the .ts
catalogue; `python tools/i18n.py release` builds the .qm the app loads.

The .ts (source) and the .qm (built) are both checked in; a test checks that
the .qm is what lrelease makes of the .ts and that nothing is unfinished.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "gridkeeper_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(
        f"pyside6-{name}"
    )
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gridkeeper").rglob("*.py"))


def update() -> None:
    subprocess.run(
        [_tool("lupdate"), *sources(), "-source-language", "en", "-target-language", "zh_CN",
         "-no-obsolete", "-locations", "none", "-ts", str(TS)],
        cwd=ROOT, check=True,
    )


def release(target: Path = QM) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(TS), "-qm", str(target)], cwd=ROOT, check=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "release":
        release()
    else:
        raise SystemExit("usage: python tools/i18n.py update|release")
