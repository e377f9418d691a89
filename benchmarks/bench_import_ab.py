"""First roster import, this checkout against another one, alternating.

This VM's speed swings by a third from one minute to the next, so two sets
made minutes apart cannot tell a 10 % change from noise. This runs the same
first import (50,000 rows into a new profile, each in a fresh process) with
the two checkouts in turn and prints the medians of each.

    git worktree add /tmp/base <commit>
    python benchmarks/bench_import_ab.py --base /tmp/base [--runs 6] [--roster FILE]

The roster is bench_import.py's (make it first with that script).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, os, shutil, sys, time
base = os.environ.get("GK_BASE")
if base:  # the other checkout's gridkeeper, not the editable install's
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
    sys.path.insert(0, base)
from pathlib import Path
from gridkeeper.store import open_store
from gridkeeper.places.roster_import import import_roster
import gridkeeper
assert gridkeeper.__file__.startswith(base or os.getcwd()), gridkeeper.__file__
profile = Path(sys.argv[2])
shutil.rmtree(profile, ignore_errors=True)
store = open_store(profile)
cpu = time.process_time()
report = import_roster(store, Path(sys.argv[1]))
seconds = dict(report.seconds, cpu=time.process_time() - cpu)
store.close()
shutil.rmtree(profile, ignore_errors=True)
print(json.dumps(seconds))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, required=True, help="the other checkout (a git worktree)")
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--roster", type=Path, default=Path("/tmp/gk-import/roster-50000-excel.xlsx"))
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    results: dict[str, list[dict[str, float]]] = {"base": [], "this": []}
    for _ in range(args.runs):
        for name, env in (("base", {"GK_BASE": str(args.base.resolve())}), ("this", {})):
            out = subprocess.run([sys.executable, "-c", CHILD, str(args.roster), f"/tmp/gk-ab-{name}"],
                                 env={**os.environ, **env}, cwd=here, capture_output=True, text=True, check=True)
            results[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    keys = ("total", "read", "validate", "compare", "store", "cpu")
    print("| checkout | " + " | ".join(keys) + " |")
    print("|---|" + "---:|" * len(keys))
    for name, items in results.items():
        print(f"| {name} | " + " | ".join(f"{statistics.median(i[k] for i in items):.2f}" for k in keys) + " |")


if __name__ == "__main__":
    main()
