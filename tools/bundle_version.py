"""The Windows version resource of the bundle's GridKeeper.exe (Explorer: Properties > Details), for build.spec.

PyInstaller reads a text file holding a VSVersionInfo expression; this writes one from
gridkeeper.__version__, so the version is said in one place. Names: 网格管家 / GridKeeper.
"""

from __future__ import annotations

import re
from pathlib import Path


def numbers(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0); a suffix such as '0.2.0rc1' keeps its leading digits."""
    parts = [int(m.group()) for m in (re.match(r"\d+", p) for p in version.split(".")[:4]) if m]
    return tuple((parts + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def version_info(version: str) -> str:
    n = numbers(version)
    strings = {
        "CompanyName": "GridKeeper",
        "FileDescription": "网格管家 GridKeeper",
        "FileVersion": version,
        "InternalName": "GridKeeper",
        "LegalCopyright": "GridKeeper",
        "OriginalFilename": "GridKeeper.exe",
        "ProductName": "网格管家 GridKeeper",
        "ProductVersion": version,
    }
    entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    # 080404B0: Simplified Chinese (0x0804), Unicode (1200 = 0x04B0)
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={n}, prodvers={n}, mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1,
                    subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404B0', [
          {entries}])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_file(path: Path, version: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_info(version), encoding="utf-8")
    return str(path)
