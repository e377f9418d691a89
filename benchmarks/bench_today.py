"""Benchmark: the Today list for a cadre with about 300 care-plan persons, on the street.

A script, not a test: it measures and prints, it never passes or fails.

    .venv/bin/python benchmarks/bench_today.py --data-dir DIR [--runs 30] [--plans 300]

DIR is a profile holding the `street` demo with its three months of contact
history (generated into DIR first when it holds no profile). The demo's
cadres have about 75 care-plan persons each, so the script makes a
benchmark cadre ("测评干部", device-local choice, written through the store
like any edit) and assigns it whole grids, largest first, until its grids
hold at least --plans active plans. It then times
`care.today_list(store, day, <its grids>, <its id>)` — the whole use case:
plans in scope, last reached contact and the two newest outcomes per plan,
the household addresses — with time.perf_counter(), after two untimed runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gridkeeper import care, clock, demo, ids  # noqa: E402
from gridkeeper.store import open_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--plans", type=int, default=300)
    args = parser.parse_args()

    fresh = not (args.data_dir / "gridkeeper.db").exists()
    store = open_store(args.data_dir)
    if fresh:
        started = time.perf_counter()
        result = demo.generate(store, size="street", seed=1)
        print(f"generated the street in {time.perf_counter() - started:.1f} s: {result.care_plans} plans, "
              f"{result.contacts} contacts, {result.services} services")
    day = clock.today()
    with store.read() as conn:
        per_grid = conn.execute(text(
            "SELECT b.grid_id, count(*) FROM careplan p JOIN household h ON h.id = p.household_id "
            "JOIN building b ON b.id = h.building_id WHERE p.deleted = 0 AND b.grid_id IS NOT NULL "
            "GROUP BY b.grid_id ORDER BY count(*) DESC, b.grid_id")).all()
        contacts = conn.execute(text("SELECT count(*), min(contact_date), max(contact_date) FROM contactlog")).one()
    grids, total = [], 0
    for grid_id, count in per_grid:
        if total >= args.plans:
            break
        grids.append(grid_id)
        total += count
    cadre = ids.cadre_id("测评干部", None)
    with store.begin() as conn:
        conn.execute(text("INSERT OR IGNORE INTO cadre (id, deleted, name) VALUES (:id, 0, '测评干部')"),
                     {"id": cadre})
    print(f"profile: {contacts[0]:,} contact logs from {contacts[1]} to {contacts[2]}")
    print(f"benchmark cadre: {len(grids)} grids, {total} care plans; day {day}")

    for _ in range(2):
        care.today_list(store, day, grids, cadre)
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        listed = care.today_list(store, day, grids, cadre)
        times.append((time.perf_counter() - started) * 1000)
    store.close()
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"today_list: {len(listed.due)} due, {len(listed.overdue)} overdue, {len(listed.done)} done, "
          f"{len(listed.alerts)} alerts")
    print(f"{args.runs} runs: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
          f"min {times[0]:.1f} ms, max {times[-1]:.1f} ms")


if __name__ == "__main__":
    main()
