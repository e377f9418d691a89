"""Cold start of the bundled app against the app from the venv, on the same profile, alternating in one run.

Each run starts a fresh process (offscreen, no display needed) with GRIDKEEPER_QUIT_AFTER_PAINT set:
the app prints the time of its main window's first paint and quits (gridkeeper/ui/app.py). The time
counted is from just before the process is started to that paint, the same as bench_startup.py; the
two kinds alternate (venv, bundle, venv, …) so that whatever else the machine does weighs on both.

    python benchmarks/bench_bundle.py --data-dir DIR [--runs 10] [--bundle dist/GridKeeper/GridKeeper]
                                      [--python .venv/bin/python]

DIR: a street profile (gridkeeper --data-dir DIR demo --size street). The bundle's size is printed too.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def once(command: list[str], data_dir: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GRIDKEEPER_QUIT_AFTER_PAINT="1")
    started = time.time()
    out = subprocess.run([*command, "--data-dir", data_dir], env=env, capture_output=True, text=True, timeout=180,
                         check=False)
    for line in out.stdout.splitlines():
        if line.startswith("first paint at "):
            return float(line.split()[-1]) - started
    raise RuntimeError(f"no paint reported by {command[0]}: {out.stderr[-2000:]}")


def size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20


def summary(times: list[float]) -> str:
    times = sorted(times)
    return f"median={statistics.median(times):.3f}s min={times[0]:.3f}s max={times[-1]:.3f}s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", required=True, help="a street profile (gridkeeper demo --size street)")
    parser.add_argument("--runs", type=int, default=10, help="runs of each kind")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "GridKeeper" / "GridKeeper")
    parser.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"), help="the venv's python")
    args = parser.parse_args()
    # The venv app from compiled bytecode, as an installed app is (see bench_startup.py).
    compileall.compile_dir(str(ROOT / "gridkeeper"), quiet=1)
    kinds = {"venv": [args.python, "-m", "gridkeeper"], "bundle": [str(args.bundle)]}
    for command in kinds.values():  # warm the OS file cache: a cold *app*, not a cold disk
        once(command, args.data_dir)
    times: dict[str, list[float]] = {name: [] for name in kinds}
    for _ in range(args.runs):
        for name, command in kinds.items():
            times[name].append(once(command, args.data_dir))
    for name, measured in times.items():
        print(f"{name:<7} runs={len(measured)} {summary(measured)}")
    ratio = statistics.median(times["bundle"]) / statistics.median(times["venv"])
    print(f"bundle/venv median ratio={ratio:.2f}; bundle size {size_mb(args.bundle.parent):.0f} MB "
          f"({args.bundle.parent})")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
