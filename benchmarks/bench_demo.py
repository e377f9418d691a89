"""Benchmark: generating the `street` demo into a fresh profile.

A script, not a test: it measures and prints, it never passes or fails.

    .venv/bin/python benchmarks/bench_demo.py [--runs 3] [--size street] [--seed 1] [--keep DIR]

Each run opens a new profile in a fresh temporary folder and calls
`gridkeeper.demo.generate(store, size, seed)`, the same call as
`gridkeeper demo --size street`. Per run it prints the wall time of
`generate()`, the time of `demo.build()` alone (the pure-Python part that
makes the rows in memory, timed in a separate call before the run), and the
writing part of `generate()` split with its progress callback into the
inserts (change-capture triggers included) and the search-index rebuild plus
commit at the end of `Store.bulk_load()`; then what DemoResult says was made,
the profile's size on disk and the row counts of change_log and search_key. `--keep DIR` copies the
first run's profile into DIR, for benchmarks/bench_search.py.

Note: the first run in a process also pays one-off imports (pypinyin's
dictionaries, about 0.3 s) and fills searchkeys.name_keys' cache, so later
runs can be a little faster.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from gridkeeper import demo, paths
from gridkeeper.store import open_store


def _profile_bytes(root: Path) -> int:
    """The database file plus any WAL/SHM left beside it (normally none after close)."""
    db = paths.database_path(root)
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists())


def one_run(size: str, seed: int, keep: Path | None) -> dict[str, float | int]:
    # demo.build() alone: the in-memory part, no database.
    t0 = time.perf_counter()
    demo.build(size, seed)
    build_s = time.perf_counter() - t0

    with tempfile.TemporaryDirectory(prefix="gk-bench-demo-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        store = open_store(root)
        open_s = time.perf_counter() - t0
        try:
            marks: list[tuple[float, int, str]] = []
            t0 = time.perf_counter()
            result = demo.generate(
                store, size=size, seed=seed, progress=lambda pct, what: marks.append((time.perf_counter(), pct, what))
            )
            t_end = time.perf_counter()
            generate_s = t_end - t0
            with store.read() as conn:
                change_log = conn.execute(text("SELECT count(*) FROM change_log")).scalar_one()
                search_key = conn.execute(text("SELECT count(*) FROM search_key")).scalar_one()
        finally:
            store.close()
        size_mb = _profile_bytes(root) / 1_000_000
        # generate() reports 0 "generating", 20 "writing", then once per table inserted;
        # after the last table, bulk_load() rebuilds the search index and commits.
        t_writing = next(t for t, _pct, what in marks if what == "writing")
        t_last_table = marks[-1][0]
        if keep is not None:
            shutil.copytree(root, keep, dirs_exist_ok=True)
    return {
        "generate_s": generate_s,
        "build_s": build_s,
        "write_s": t_end - t_writing,
        "open_s": open_s,
        "in_generate_build_s": t_writing - t0,
        "inserts_s": t_last_table - t_writing,
        "index_commit_s": t_end - t_last_table,
        "households": result.households,
        "persons": result.persons,
        "size_mb": size_mb,
        "change_log": change_log,
        "search_key": search_key,
    }


def _stats(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f}  min {min(values):.2f}  max {max(values):.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", choices=sorted(demo.SIZES), default="street")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", metavar="DIR", help="copy one generated profile into DIR (for bench_search.py)")
    args = parser.parse_args(argv)

    keep = Path(args.keep).expanduser().resolve() if args.keep else None
    if keep is not None and paths.database_path(keep).exists():
        print(f"{keep} already holds a profile; choose an empty folder for --keep", file=sys.stderr)
        return 2

    print(f"demo.generate(size={args.size!r}, seed={args.seed}), {args.runs} run(s), fresh temp profile each\n")
    header = (
        "| run | generate s | build s | write s | inserts s | index+commit s "
        "| households | persons | profile MB | change_log rows | search_key rows |"
    )
    print(header)
    print("|" + "---:|" * (header.count("|") - 1))
    runs = []
    for i in range(args.runs):
        r = one_run(args.size, args.seed, keep if i == 0 else None)
        runs.append(r)
        print(
            f"| {i + 1} | {r['generate_s']:.2f} | {r['build_s']:.2f} | {r['write_s']:.2f} | "
            f"{r['inserts_s']:.2f} | {r['index_commit_s']:.2f} | "
            f"{r['households']:,} | {r['persons']:,} | {r['size_mb']:.1f} | "
            f"{r['change_log']:,} | {r['search_key']:,} |",
            flush=True,
        )
    print()
    for key, label in (
        ("generate_s", "generate()"),
        ("build_s", "build() alone"),
        ("write_s", "writing (in generate)"),
        ("inserts_s", "  inserts + capture"),
        ("index_commit_s", "  index rebuild + commit"),
    ):
        print(f"{label:<28} {_stats([float(r[key]) for r in runs])} s")
    if keep is not None:
        print(f"\nkept one profile in {keep}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
