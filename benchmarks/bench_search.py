"""Benchmark: search-as-you-type latency on a `street` profile.

A script, not a test: it measures and prints, it never passes or fails.

    .venv/bin/python benchmarks/bench_search.py --data-dir DIR [--passes 20] [--warmup 2]

DIR is a profile holding the `street` demo (benchmarks/bench_demo.py --keep DIR
leaves one); if DIR has no profile yet, the demo is generated into it first.

One "keystroke" is what the household list does when the search text
changes, inside one `store.read()`:

    hits = households.search_page(conn, query, scope, None, PAGE)
    households.rows(conn, <first 50 distinct household ids of hits>)
    households.matched_members(conn, <the same ids>, query)   (the member each row matched)

Two times are taken per keystroke with time.perf_counter(): "page" runs from
entering `store.read()` (connection checkout and BEGIN) to having the distinct
ids of the first page; "page+rows" runs on to the end of the `with` block,
i.e. the whole keystroke including the display rows and closing the
transaction.

Every query runs in both scopes: all grids (None) and "my grids"
(`profile.my_grid_ids(store)`, the cadre the demo picks for this laptop).
Each scope gets `--warmup` untimed passes over the whole query list, then
`--passes` timed passes; each pass runs every query once, in list order, so
consecutive keystrokes differ as they do when typing.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import text

import gridkeeper.places.households
from gridkeeper import demo, paths
from gridkeeper.places import profile
from gridkeeper.store import households, open_store
from gridkeeper.store.engine import Store

PAGE = gridkeeper.places.households.PAGE  # what the household list reads per page
SHOWN = 50


def prefixes(word: str) -> list[str]:
    return [word[: i + 1] for i in range(len(word))]


def data_samples(store: Store, mine: list[str] | None) -> dict[str, list[str]]:
    """Real 4-character phone and ID suffixes from the profile (deterministic picks).

    Picked from households in this laptop's grids when a cadre is chosen, so
    they find something in both scopes.
    """
    scope_sql, params = "", {}
    if mine:
        marks = ", ".join(f":g{i}" for i in range(len(mine)))
        scope_sql = (f" AND household_id IN (SELECT h.id FROM household h JOIN building b ON b.id = h.building_id"
                     f" WHERE b.grid_id IN ({marks}))")
        params = {f"g{i}": g for i, g in enumerate(mine)}
    picks = {
        "phone": "SELECT phones FROM person WHERE deleted = 0 AND phones LIKE '[\"1%'{scope} ORDER BY id LIMIT 2",
        "id": "SELECT id_number FROM person WHERE deleted = 0 AND id_number GLOB '*[0-9]'{scope} ORDER BY id LIMIT 1",
        "id_x": "SELECT id_number FROM person WHERE deleted = 0 AND id_number LIKE '%X'{scope} ORDER BY id LIMIT 1",
    }
    found: dict[str, list[str]] = {}
    with store.read() as conn:
        for name, sql in picks.items():
            # From the cadre's grids if any there; else from the whole street.
            values = [r[0] for r in conn.execute(text(sql.format(scope=scope_sql)), params)]
            if not values and scope_sql:
                values = [r[0] for r in conn.execute(text(sql.format(scope="")))]
            found[name] = values
    phones = [json.loads(raw)[0][-4:] for raw in found["phone"]]
    ids_ = [v[-4:] for v in found["id"] + found["id_x"]]
    return {"phone suffix (4)": phones, "ID suffix (4)": ids_}


def query_classes(store: Store, mine: list[str] | None) -> dict[str, list[str]]:
    classes = {
        "surname, 1 char": ["张", "王", "陈", "李", "林", "刘"],
        "full name, 2 chars": ["张伟", "王芳"],
        "given-name char (substring)": ["伟", "芳"],
        "pinyin initials": ["zw", "wf", "ljh"],
        "full pinyin": ["zhangwei"],
        "address": ["3幢2单元501", "2单元", "501", "12幢"],
    }
    classes.update(data_samples(store, mine))
    classes["multi-term"] = ["王 3幢"]
    classes["empty query"] = [""]
    classes["typing 'zhangwei'"] = prefixes("zhangwei")
    classes["typing '3幢2单元501'"] = prefixes("3幢2单元501")
    return classes


def keystroke(store: Store, query: str, scope: list[str] | None) -> tuple[float, float, int, int]:
    """(page seconds, page+rows seconds, hits on the page, rows shown)."""
    t0 = time.perf_counter()
    with store.read() as conn:
        hits = households.search_page(conn, query, scope, None, PAGE)
        ids: list[str] = []
        seen: set[str] = set()
        for hit in hits:
            if hit.household_id not in seen:
                seen.add(hit.household_id)
                ids.append(hit.household_id)
                if len(ids) == SHOWN:
                    break
        t1 = time.perf_counter()
        shown = households.rows(conn, ids)
        if hasattr(households, "matched_members"):  # which member matched (issue 18); absent before it
            households.matched_members(conn, ids, query)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t0, len(hits), len(shown)


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def ensure_profile(root: Path) -> Store:
    if paths.database_path(root).exists():
        return open_store(root)
    print(f"no profile in {root}: generating the street demo (seed 1) first ...", flush=True)
    store = open_store(root)
    result = demo.generate(store, size="street", seed=1)
    print(f"  {result.households:,} households, {result.persons:,} persons in {result.seconds:.1f} s\n", flush=True)
    return store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, metavar="DIR", help="a street profile (generated if missing)")
    parser.add_argument("--passes", type=int, default=20, help="timed passes over the query list")
    parser.add_argument("--warmup", type=int, default=2, help="untimed passes first")
    parser.add_argument("--per-query", action="store_true", help="also print one row per query")
    args = parser.parse_args(argv)

    root = Path(args.data_dir).expanduser().resolve()
    store = ensure_profile(root)
    try:
        with store.read() as conn:
            total_households = households.totals(conn)[0]
        mine = profile.my_grid_ids(store)
        classes = query_classes(store, mine)
        queries = [(cls, q) for cls, qs in classes.items() for q in qs]
        scopes: list[tuple[str, list[str] | None]] = [("all grids", None)]
        if mine is not None:
            with store.read() as conn:
                in_scope = len(households.search_ids(conn, "", mine))
            scopes.append((f"my grids ({len(mine)} grids, {in_scope:,} households)", mine))
        else:
            print("no cadre chosen in this profile: only the all-grids scope is measured\n")

        print(f"profile {root}: {total_households:,} households")
        print(f"{len(queries)} queries in {len(classes)} classes; {args.warmup} warm-up + {args.passes} timed passes "
              f"per scope; page = search_page(limit {PAGE}), rows = rows(first {SHOWN} distinct ids)\n")

        for scope_name, scope in scopes:
            for _ in range(args.warmup):
                for _cls, q in queries:
                    keystroke(store, q, scope)
            page: dict[tuple[str, str], list[float]] = defaultdict(list)
            full: dict[tuple[str, str], list[float]] = defaultdict(list)
            counts: dict[tuple[str, str], tuple[int, int]] = {}
            for _ in range(args.passes):
                for cls, q in queries:
                    p, f, n_hits, n_rows = keystroke(store, q, scope)
                    page[(cls, q)].append(p)
                    full[(cls, q)].append(f)
                    counts[(cls, q)] = (n_hits, n_rows)

            print(f"### Scope: {scope_name}\n")
            print("| query class | queries | samples | page median ms | page p95 ms | page+rows median ms | page+rows p95 ms |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            all_p: list[float] = []
            all_f: list[float] = []
            for cls, qs in classes.items():
                ps = [t for q in qs for t in page[(cls, q)]]
                fs = [t for q in qs for t in full[(cls, q)]]
                all_p += ps
                all_f += fs
                print(f"| {cls} | {len(qs)} | {len(fs)} | {ms(statistics.median(ps))} | {ms(p95(ps))} | "
                      f"{ms(statistics.median(fs))} | {ms(p95(fs))} |")
            print(f"| **overall** | {len(queries)} | {len(all_f)} | {ms(statistics.median(all_p))} | {ms(p95(all_p))} | "
                  f"{ms(statistics.median(all_f))} | {ms(p95(all_f))} |\n")

            worst = sorted(queries, key=lambda k: p95(full[k]), reverse=True)[:5]
            print("slowest queries by page+rows p95: " + ", ".join(
                f"{q!r} ({cls}) {ms(p95(full[(cls, q)]))} ms" for cls, q in worst) + "\n")

            if args.per_query:
                print("| class | query | hits on page | rows shown | page median ms | page+rows median ms | page+rows p95 ms |")
                print("|---|---|---:|---:|---:|---:|---:|")
                for cls, q in queries:
                    n_hits, n_rows = counts[(cls, q)]
                    shown_q = f"`{q}`" if q else "(empty)"
                    print(f"| {cls} | {shown_q} | {n_hits} | {n_rows} | {ms(statistics.median(page[(cls, q)]))} | "
                          f"{ms(statistics.median(full[(cls, q)]))} | {ms(p95(full[(cls, q)]))} |")
                print()
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
