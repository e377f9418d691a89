"""A profile of one grid of 750 households (2,018 persons, 9,550 changes), for bench_server.py --first-pull.

    PYTHONPATH=. .venv/bin/python benchmarks/make_grid750.py DIR

The demo with one community and one grid: what a laptop scoped to a grid of ~750 households would receive
apart from the street's shared tables (places, cadres, volunteers), so its first pull through the server
stands for the scoped first pull until scope is built (architecture.md, "Scope by grid").
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from gridkeeper import demo
from gridkeeper.demo import Size, mediation
from gridkeeper.store import open_store

demo.SIZES["grid750"] = Size(1, 6, 30, 750, 1, 2, 100, 6)
mediation.CASES["grid750"] = 60


def main() -> None:
    store = open_store(Path(sys.argv[1]))
    started = time.perf_counter()
    demo.generate(store, "grid750", today=date(2026, 12, 1))  # a fixed day: the same profile every run
    with store.read() as conn:
        counts = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                  for t in ("household", "person", "grid", "change_log")}
    print(counts, f"{time.perf_counter() - started:.1f} s")
    store.close()


if __name__ == "__main__":
    main()
