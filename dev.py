#!/usr/bin/env python3
"""Set up and run GridKeeper from a fresh checkout, the same way on Linux, macOS and Windows.

    python3 dev.py demo     create .venv, install, generate the demo street, start the app
    python3 dev.py test     create .venv, install, run the whole test suite
    python3 dev.py bundle   create .venv, install with PyInstaller, build dist/GridKeeper/ from build.spec

Only the standard library is used here, so it runs before anything is installed.
Extra arguments after `test` go to pytest; after `demo`: --size small|street, --seed N.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
DEMO_DIR = ROOT / "demo-profile"
STAMP = VENV / ".gridkeeper-installed"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def setup(extras: tuple[str, ...] = ("test",)) -> Path:
    if sys.version_info < (3, 11):
        raise SystemExit(f"GridKeeper needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    # The stamp: pyproject's hash, then the extras installed with it (a bundle's also serve the tests).
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = STAMP.read_text().split() if STAMP.exists() else []
    if stamp[:1] != [digest] or not set(extras) <= set(stamp[1:]):
        print("Installing GridKeeper and its dependencies into .venv ...", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-e", f".[{','.join(extras)}]"], cwd=ROOT,
                       check=True)
        STAMP.write_text(" ".join([digest, *extras]))
    return python


def demo(args: list[str]) -> int:
    python = setup()
    if "--size" not in args:
        args = ["--size", "street", *args]
    size = args[args.index("--size") + 1]
    target = DEMO_DIR if size == "street" else DEMO_DIR.with_name(f"demo-profile-{size}")
    if not (target / "gridkeeper.db").exists():
        print(f"Generating the demo {size} into {target.name}/ (the street takes about half a minute) ...",
              flush=True)
        done = subprocess.run([str(python), "-m", "gridkeeper", "--data-dir", str(target), "demo", *args])
        if done.returncode != 0:
            return done.returncode
    print(f"Starting GridKeeper on {target.name}/ ...", flush=True)
    return subprocess.run([str(python), "-m", "gridkeeper", "--data-dir", str(target)]).returncode


def test(args: list[str]) -> int:
    python = setup()
    if not any(a == "-n" or a.startswith("-n") and a[2:].isdigit() for a in args):
        # On every core (up to four: more adds more start-up than it saves); `-n 0` runs in one process.
        args = ["-n", str(min(os.cpu_count() or 1, 4)), *args]
    return subprocess.run([str(python), "-m", "pytest", *args], cwd=ROOT).returncode


def bundle(args: list[str]) -> int:
    """dist/GridKeeper/ from build.spec (PyInstaller, one folder); build/ holds PyInstaller's work."""
    if sys.platform.startswith("linux") and not (shutil.which("objdump") and shutil.which("strip")):
        raise SystemExit("PyInstaller needs objdump and strip on Linux: install binutils (apt-get install binutils).")
    python = setup(("test", "bundle"))
    done = subprocess.run([str(python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                           "--distpath", "dist", "--workpath", "build", *args, "build.spec"], cwd=ROOT)
    if done.returncode == 0:
        exe = ROOT / "dist" / "GridKeeper" / ("GridKeeper.exe" if os.name == "nt" else "GridKeeper")
        size = sum(f.stat().st_size for f in exe.parent.rglob("*") if f.is_file() and not f.is_symlink())
        print(f"Built {exe.relative_to(ROOT)} ({size / 2**20:.0f} MB in dist/GridKeeper/). "
              f"Check it: {exe.relative_to(ROOT)} --self-test", flush=True)
    return done.returncode


if __name__ == "__main__":
    commands = {"demo": demo, "test": test, "bundle": bundle}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        raise SystemExit(2)
    raise SystemExit(commands[sys.argv[1]](sys.argv[2:]))
