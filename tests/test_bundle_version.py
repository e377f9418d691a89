"""tools/bundle_version.py: the Windows version resource says 网格管家 GridKeeper and gridkeeper.__version__."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import gridkeeper

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("bundle_version", ROOT / "tools" / "bundle_version.py")
assert spec and spec.loader
bundle_version = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bundle_version)


def _record(name: str) -> Any:
    """A stand-in for PyInstaller's versioninfo classes (Windows-only there): keeps its arguments."""
    return lambda *args, **kwargs: (name, args, kwargs)


def test_the_version_file_names_the_app_and_its_version(tmp_path: Path) -> None:
    path = Path(bundle_version.write_version_file(tmp_path / "version.txt", gridkeeper.__version__))
    names = {n: _record(n) for n in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
                                     "StringStruct", "VarFileInfo", "VarStruct")}
    info = eval(path.read_text(encoding="utf-8"), names)  # what PyInstaller does with it, on Windows
    fixed = info[2]["ffi"][2]
    assert fixed["filevers"] == fixed["prodvers"] == bundle_version.numbers(gridkeeper.__version__)
    strings = dict(s[1] for s in info[2]["kids"][0][1][0][0][1][1])
    assert strings["ProductName"] == "网格管家 GridKeeper" and strings["ProductVersion"] == gridkeeper.__version__
    assert strings["OriginalFilename"] == "GridKeeper.exe"


def test_version_numbers() -> None:
    assert bundle_version.numbers("0.1.0") == (0, 1, 0, 0)
    assert bundle_version.numbers("1.2.3rc1") == (1, 2, 3, 0)
