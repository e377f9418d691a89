"""Benchmark: the monthly consultation workbook for the whole street profile.

A script, not a test: it measures and prints, it never passes or fails.

    .venv/bin/python benchmarks/bench_report.py --data-dir DIR [--month YYYY-MM] [--runs 3]

DIR holds the `street` demo with its three months of history (generated first
when DIR has no profile). Each run is a fresh process running exactly what
`gridkeeper report monthly --month M -o FILE` runs: open the profile, compute
the figures, lay out the sheets, write the .xlsx. The child reports its
phases (figures, layout, write) and its peak memory (ru_maxrss); the parent
prints medians. Each run also times the command itself, `python -m gridkeeper
report monthly ...`, as a whole process from the parent ("command": the
interpreter's start, argument parsing and the profile's logs included): what a
cadre waits for.
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gridkeeper import clock  # noqa: E402

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from gridkeeper.io import report_xlsx
from gridkeeper.reports import monthly, period, scope
from gridkeeper.store import open_store
from gridkeeper.ui import i18n
translate = i18n.cli_translate("zh_CN")
store = open_store(Path(sys.argv[1]))
t0 = time.perf_counter()
figures = monthly.monthly_figures(store, period.month(sys.argv[2]), scope.EVERYTHING)
t1 = time.perf_counter()
report = monthly.monthly_report(figures, translate)
t2 = time.perf_counter()
out = report_xlsx.write(report, Path(sys.argv[3]))
t3 = time.perf_counter()
store.close()
cells = sum(len(t.rows) * len(t.columns) for t in report.tables)
print(json.dumps({"total": t3 - started, "open": t0 - started, "figures": t1 - t0, "layout": t2 - t1,
                  "write": t3 - t2, "cells": cells, "bytes": out.stat().st_size,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--month", default=f"{clock.today():%Y-%m}")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    # An installed app starts from compiled bytecode (pip and PyInstaller compile it; Python
    # writes it on the first run). Machines that set PYTHONDONTWRITEBYTECODE, like the one
    # in docs/performance.md, would otherwise compile every module of ours at every start.
    compileall.compile_dir(str(Path(__file__).resolve().parent.parent / "gridkeeper"), quiet=1)
    if not (args.data_dir / "gridkeeper.db").exists():
        subprocess.run([sys.executable, "-m", "gridkeeper", "--data-dir", str(args.data_dir), "demo",
                        "--size", "street"], check=True, cwd=ROOT)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.runs):
            done = subprocess.run([sys.executable, "-c", CHILD, str(args.data_dir), args.month,
                                   str(Path(tmp) / f"pack{n}.xlsx")],
                                  capture_output=True, text=True, cwd=ROOT, check=True)
            results.append(json.loads(done.stdout))
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "gridkeeper", "--data-dir", str(args.data_dir), "report",
                            "monthly", "--month", args.month, "-o", str(Path(tmp) / f"cli{n}.xlsx")],
                           capture_output=True, cwd=ROOT, check=True)
            results[-1]["command"] = time.perf_counter() - started
            print(f"run {n + 1}: " + ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}"
                                               for k, v in results[-1].items()))
    print(f"\nmonthly workbook, month {args.month}, whole profile, median of {args.runs}:")
    for key in ("command", "total", "open", "figures", "layout", "write", "peak_mb"):
        print(f"  {key:8s} {statistics.median(r[key] for r in results):8.2f}")
    print(f"  cells    {results[0]['cells']:8d}   bytes {results[0]['bytes']:,}")


if __name__ == "__main__":
    main()
