"""Cold start: process start to the first painted main window, on a street profile.

Runs the app in a fresh Python process each time (offscreen, no display
needed), with the data dir given; the app process prints the time of its
first paint (measured from the interpreter's start) and quits.

    python benchmarks/bench_startup.py --data-dir DIR [--runs 10]
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

CHILD = r"""
import os, sys, time
t0 = float(os.environ["GK_T0"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
import gridkeeper.ui.main_window as mw

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, mw.MainWindow):
            print(f"FIRST_PAINT {time.time() - t0:.4f}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False

original_show = mw.MainWindow.show
def show(self):
    self._gk_filter = FirstPaint(self)
    self.installEventFilter(self._gk_filter)
    original_show(self)
mw.MainWindow.show = show
from gridkeeper.ui.app import run
from gridkeeper import settings as cfg
from gridkeeper.settings import Settings
from pathlib import Path
if not Settings(Path(sys.argv[1])).is_set(cfg.LANGUAGE):  # the first start's question: nobody answers it here
    Settings(Path(sys.argv[1])).set(cfg.LANGUAGE, "zh_CN")
sys.exit(run(Path(sys.argv[1])))
"""


def once(data_dir: str, platform: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=platform, GK_T0=repr(time.time()))
    out = subprocess.run([sys.executable, "-c", CHILD, data_dir], env=env, capture_output=True, text=True,
                         timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("FIRST_PAINT"):
            return float(line.split()[1])
    raise RuntimeError(f"no paint reported: {out.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True, help="a street profile (gridkeeper demo --size street)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--platform", default="offscreen")
    args = parser.parse_args()
    # An installed app starts from compiled bytecode (pip and PyInstaller compile it; Python
    # writes it on the first run). Machines that set PYTHONDONTWRITEBYTECODE, like the one
    # in docs/performance.md, would otherwise compile every module of ours at every start.
    compileall.compile_dir(str(Path(__file__).resolve().parent.parent / "gridkeeper"), quiet=1)
    once(args.data_dir, args.platform)  # warm the OS file cache: we measure a cold *app*, not a cold disk
    times = [once(args.data_dir, args.platform) for _ in range(args.runs)]
    times.sort()
    print(f"runs={len(times)} median={statistics.median(times):.3f}s "
          f"p90={times[int(len(times) * 0.9) - 1]:.3f}s min={times[0]:.3f}s max={times[-1]:.3f}s")


if __name__ == "__main__":
    main()
