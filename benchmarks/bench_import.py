"""Roster import: 50,000 rows into an empty profile, then again (the no-change case).

The import's own time (wall, and its phases) ends at its commit; "then search index"
is Store.reindex_dirty() run right after it, as the app and the CLI do: the search
index catching up on the households the import wrote (search is right meanwhile).

    python benchmarks/bench_import.py [--rows 50000] [--runs 3] [--workdir DIR]

The roster is made from the demo street's persons (valid IDs, phones, dates in
mixed forms) and written once. `--writer excel` (the default) writes it the way
Excel and WPS save a workbook, with a shared-strings table (XlsxWriter does the
same); `--writer openpyxl` writes it with openpyxl's write-only mode, which puts
every text inline in the sheet (a 40 MB sheet XML instead of 26 + 5 MB, and
slower for any reader to parse). Rosters come to the office from Excel or WPS,
so the first is what users import; the second is kept to compare. Each import
runs in its own process so peak memory (ru_maxrss) is the import's own.

"first, wizard's Import" is the first import as the app's wizard runs it
after its preview: the sheet was read (read_roster), every row checked
(check) and the names' search keys made before (not timed: the user is
reading the preview), and the Import button plans and applies the
CheckedRoster (plan, apply). Its wall time is plan + apply; the read and
validate columns are the preview's, carried in the CheckedRoster (outside
the wall time), and the index catch-up finds the names' keys ready.

    python benchmarks/bench_import.py [--rows 50000] [--runs 3] [--workdir DIR] [--writer excel|openpyxl]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from gridkeeper.store import open_store
from gridkeeper.places import roster_import
store = open_store(Path(sys.argv[1]))
if len(sys.argv) > 3:  # the wizard's Import button: the sheet was read and checked for its preview
    checked = roster_import.check(roster_import.read_roster(Path(sys.argv[2])))
    if sys.argv[3] == "wizard":  # and the names' search keys, made while the user reads the preview
        from gridkeeper.store import searchkeys
        searchkeys.warm_name_keys(dict.fromkeys(r.name for r in checked.rows if r.name and not r.rejected))
    t = time.perf_counter()
    with roster_import.gc_paused():  # as the wizard's Import job
        report = roster_import.apply(store, roster_import.plan(store, checked))
else:
    t = time.perf_counter()
    report = roster_import.import_roster(store, Path(sys.argv[2]))
wall = time.perf_counter() - t
t = time.perf_counter()
reindexed = store.reindex_dirty()  # what the app and the CLI run right after the import
index = time.perf_counter() - t
store.close()
print(json.dumps({"wall": wall, "index": index, "reindexed": reindexed, "seconds": report.seconds, "created": report.persons_created,
                  "unchanged": report.persons_unchanged, "rejected": len(report.rejected_rows),
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

HEADER = ["姓名", "与户主关系", "公民身份号码", "性别", "出生日期", "民族", "联系电话", "社区", "小区", "楼栋",
          "单元", "房号", "户号", "人户状态"]


def roster_rows(rows: int) -> list[list[object]]:
    from gridkeeper import demo

    tables, _ = demo.build("street", 1)
    households = {h["id"]: h for h in tables.tables["household"]}
    buildings = {b["id"]: b for b in tables.tables["building"]}
    out: list[list[object]] = [["城南街道户籍人口花名册（测试）"], HEADER]
    for n, p in enumerate(tables.tables["person"][:rows]):
        h = households[p["household_id"]]
        b = buildings[h["building_id"]]
        compound = b["_compound"]
        born = p["birth_date"]
        birth = born if n % 3 == 0 else (born.replace("-", ".") if n % 3 == 1 else born.replace("-", ""))
        out.append([p["name"], p["relation_to_head"], p["id_number"], "男" if p["gender"] == "M" else "女", birth,
                    p["ethnicity"], "、".join(json.loads(p["phones"])), compound["_community"]["name"],
                    compound["name"], b["name"], h["unit"], h["room"], h["household_no"], h["residence_status"]])
    return out


def make_roster(path: Path, rows: int, writer: str) -> None:
    data = roster_rows(rows)
    if writer == "openpyxl":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("花名册")
        for row in data:
            ws.append(row)
        wb.save(path)
        return
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("花名册")
    for r, row in enumerate(data):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                sheet.write_string(r, c, value)  # ID numbers stay text, as in a roster kept properly
            else:
                sheet.write_number(r, c, value)
    book.close()


def run(profile: Path, roster: Path, wizard: bool = False) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(profile), str(roster), *(["wizard"] if wizard else [])],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--writer", choices=("excel", "openpyxl"), default="excel")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="gk-import-"))
    work.mkdir(parents=True, exist_ok=True)
    roster = work / (f"roster-{args.rows}.xlsx" if args.writer == "openpyxl" else f"roster-{args.rows}-excel.xlsx")
    if not roster.exists():
        make_roster(roster, args.rows, args.writer)
    print(f"roster: {roster} ({roster.stat().st_size / 1e6:.1f} MB, {args.rows} rows, written by {args.writer})")
    results: dict[str, list[dict]] = {"first": [], "again": [], "first, wizard's Import": []}
    import shutil

    for i in range(args.runs):
        profile = work / f"profile-{i}"
        if profile.exists():
            shutil.rmtree(profile)
        results["first"].append(run(profile, roster))
        results["again"].append(run(profile, roster))
        shutil.rmtree(profile)
        results["first, wizard's Import"].append(run(profile, roster, wizard=True))
    print("| case | wall s (median) | read | validate | compare | store | then search index | peak MB "
          "| persons created / unchanged |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for case, items in results.items():
        def med(key: str) -> float:
            return statistics.median(r["seconds"][key] for r in items)
        print(f"| {case} | {statistics.median(r['wall'] for r in items):.2f} | {med('read'):.2f} | "
              f"{med('validate'):.2f} | {med('compare'):.2f} | {med('store'):.2f} | "
              f"{statistics.median(r['index'] for r in items):.2f} | "
              f"{statistics.median(r['maxrss_mb'] for r in items):.0f} | "
              f"{items[0]['created']} / {items[0]['unchanged']} |")
    print("runs:", json.dumps(results))


if __name__ == "__main__":
    main()
