"""Issue 24's import figures: the whole `gridkeeper import-roster` process until search is ready,
as a ratio to a plain python-calamine read of the same file, both measured alternating in one run.

    python benchmarks/bench_import_process.py [--rows 50000] [--runs 4] [--workdir DIR]

Per round, each in its own process: (1) the calamine read of the roster to Python lists (the
floor: time of the read alone, inside its process); (2) `gridkeeper import-roster` into an
empty data folder, wall time of the whole process (interpreter start, imports, the import and
the search index catch-up the command runs before it exits); (3) the same command again with
no change. Peak memory is each process's own ru_maxrss (os.wait4). After (2) and (3) the script
checks, untimed, that search is ready: nothing waits in search_dirty and every live household
has its search key. Ratios are of medians.

`--base DIR` (a worktree of the code before, e.g. `git worktree add /tmp/gk-base main`) adds
the same first import run by that code in each round, so a change is judged in the same minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import import make_roster

READ = r"""
import sys, time
from python_calamine import CalamineWorkbook
t = time.perf_counter()
book = CalamineWorkbook.from_path(sys.argv[1])
rows = book.get_sheet_by_index(0).to_python()
print(time.perf_counter() - t, len(rows))
"""

READY = r"""
import sys
from pathlib import Path
from gridkeeper.store import open_store
store = open_store(Path(sys.argv[1]))
with store.engine.connect() as c:
    dirty = c.exec_driver_sql("SELECT count(*) FROM search_dirty").scalar()
    live = c.exec_driver_sql("SELECT count(*) FROM household h JOIN building b ON b.id = h.building_id "
                             "JOIN compound k ON k.id = b.compound_id "
                             "WHERE h.deleted = 0 AND b.deleted = 0 AND k.deleted = 0").scalar()
    keyed = c.exec_driver_sql("SELECT count(*) FROM search_key WHERE key = ''").scalar()
store.close()
print(dirty, live, keyed)
"""


def timed_process(argv: list[str], code: Path | None = None) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stdout) of one child process, run from `code` if given."""
    env = dict(os.environ, PYTHONPATH=str(code)) if code else None
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=code)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 3):  # 3: some rows rejected, the others imported
        raise SystemExit(f"{argv} exited {proc.returncode}")
    return wall, usage.ru_maxrss / 1024, out


def search_ready(profile: Path) -> None:
    out = subprocess.run([sys.executable, "-c", READY, str(profile)], capture_output=True, text=True, check=True)
    dirty, live, keyed = (int(x) for x in out.stdout.split())
    if dirty or live != keyed:
        raise SystemExit(f"search not ready: {dirty} waiting, {keyed} of {live} households keyed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=4)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--no-again", action="store_true", help="skip the re-import (for the 1M-row memory run)")
    parser.add_argument("--base", type=Path, default=None, help="a worktree of the code to compare with")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="gk-import-"))
    work = work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    roster = work / f"roster-{args.rows}-excel.xlsx"
    if not roster.exists():
        make_roster(roster, args.rows, "excel")
    print(f"roster: {roster} ({roster.stat().st_size / 1e6:.1f} MB, {args.rows} rows)", flush=True)
    cli = [sys.executable, "-m", "gridkeeper"]
    results: dict[str, list[tuple[float, float]]] = {"calamine read": [], "import-roster, first": [],
                                                     "import-roster, again": []}
    if args.base:
        results["import-roster, first, base"] = []
    for i in range(args.runs):
        _, rss, out = timed_process([sys.executable, "-c", READ, str(roster)])
        results["calamine read"].append((float(out.split()[0]), rss))
        profile = work / "profile-process"
        shutil.rmtree(profile, ignore_errors=True)
        wall, rss, _ = timed_process([*cli, "--data-dir", str(profile), "import-roster", str(roster)])
        results["import-roster, first"].append((wall, rss))
        search_ready(profile)
        if not args.no_again:
            wall, rss, _ = timed_process([*cli, "--data-dir", str(profile), "import-roster", str(roster)])
            results["import-roster, again"].append((wall, rss))
            search_ready(profile)
        if args.base:
            shutil.rmtree(profile, ignore_errors=True)
            wall, rss, _ = timed_process([*cli, "--data-dir", str(profile), "import-roster", str(roster.resolve())],
                                         args.base.resolve())
            results["import-roster, first, base"].append((wall, rss))
            search_ready(profile)
        print(f"round {i + 1}: " + ", ".join(f"{k} {v[-1][0]:.2f} s {v[-1][1]:.0f} MB"
                                             for k, v in results.items() if v), flush=True)
        shutil.rmtree(profile, ignore_errors=True)
    base = statistics.median(w for w, _ in results["calamine read"])
    print("| what | wall s (median) | ratio to the read | peak MB (max) |")
    print("|---|---:|---:|---:|")
    for what, items in results.items():
        if items:
            med = statistics.median(w for w, _ in items)
            print(f"| {what} | {med:.2f} | {med / base:.2f} | {max(r for _, r in items):.0f} |")
    print("runs:", json.dumps(results))


if __name__ == "__main__":
    main()
