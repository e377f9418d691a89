"""Would parsing the roster in pieces, beside the checks, make a first import faster?

calamine parses without holding Python's GIL, so one idea for the first import is
a pipeline: cut the sheet's XML into pieces at row boundaries, make each piece a
workbook of its own (the other parts copied, stored uncompressed), and let a
thread parse piece k+1 while the main thread checks the rows of piece k and works
out their ids (what the import's plan does first). This script measures that
against what the import does (read the whole sheet, then check, then the ids),
each in a fresh process, the two alternating (this VM's speed swings too much
for sets made minutes apart). It is a measurement of an approach, not app code.

`--stand-in-us N` adds N microseconds per row of pure Python work after each
piece's checks, standing in for the rest of the plan and the store, as if they
too were done piece by piece inside the import's transaction (26 us per row is
what they take today: 0.5 s compare + 0.8 s store for 50,000 rows). It tells how
much of the parse such a pipeline could hide. It promised too much: the stand-in
said 0.5 s, the real thing (branch `pieces`, the import done piece by piece in one
transaction) gained 0.0-0.13 s in alternating runs (docs/performance.md, fifth
session), so it was not taken.

    python benchmarks/bench_parse_pipeline.py [--runs 5] [--roster FILE] [--cuts 0.33,0.66 ...] [--stand-in-us 26]

The roster is bench_import.py's (make it first with that script).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import gc, io, queue, sys, threading, time, zipfile
import xml.etree.ElementTree as ET
from dataclasses import replace
import python_calamine as pc
from gridkeeper import ids
from gridkeeper.io import roster
from gridkeeper.io.roster_read import Sheet

gc.disable()  # as import_roster does
path, cuts, STAND_IN = sys.argv[1], sys.argv[2], float(sys.argv[3]) / 1e6
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def first_sheet(z):
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    sheet = book.find("m:sheets", NS)[0]
    rid = sheet.get("{%s}id" % NS["r"])
    target = next(rel.get("Target") for rel in rels if rel.get("Id") == rid)
    return sheet.get("name"), target.lstrip("/") if target.startswith("/") else "xl/" + target


def pieces(fractions):
    z = zipfile.ZipFile(path)
    name, part = first_sheet(z)
    others = {n: z.read(n) for n in z.namelist() if n != part}
    xml = z.read(part)
    start = xml.index(b">", xml.index(b"<sheetData")) + 1
    end = xml.index(b"</sheetData>")
    bounds = [start] + [xml.find(b"<row ", start + int((end - start) * f)) for f in fractions] + [end]
    for a, b in zip(bounds, bounds[1:]):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as out:
            for n, data in others.items():
                out.writestr(n, data)
            out.writestr(part, xml[:start] + xml[a:b] + xml[end:])
        yield name, buf.getvalue()


def parse(q, fractions):
    for name, data in pieces(fractions):
        sheet = pc.CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(name)
        q.put(sheet.to_python(skip_empty_area=True))
    q.put(None)


def stand_in(n):  # holds the GIL for what the rest of the plan and the store would take
    end = time.perf_counter() + n * STAND_IN
    while time.perf_counter() < end:
        pass


def key(rows):  # the plan's first pass: every row's household and person id
    stand_in(len(rows))
    for r in rows:
        ids.household_id(r.community or "", r.compound, r.building, r.unit, r.room)
        if r.id_number:
            ids.person_id(r.id_number)
    return len(rows)


t = time.perf_counter()
n = 0
if cuts == "whole":
    sheet = roster.read_sheet(path)
    n = key(roster.validate(sheet, roster.detect_header(sheet)))
else:
    q = queue.Queue()
    threading.Thread(target=parse, args=(q, [float(c) for c in cuts.split(",")])).start()
    header = None
    while (rows := q.get()) is not None:
        if header is None:  # the first piece holds the title and header rows
            sheet = Sheet("roster", rows)
            header = roster.detect_header(sheet)
            n += key(roster.validate(sheet, header))
        else:
            n += key(roster.validate(Sheet("roster", rows), replace(header, row=0)))
print(f"{time.perf_counter() - t:.3f} {n}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--roster", type=Path, default=Path("/tmp/gk-import/roster-50000-excel.xlsx"))
    parser.add_argument("--cuts", nargs="*", default=["0.33,0.66", "0.1,0.4,0.7", "0.05,0.5"],
                        help="where to cut the sheet's rows, as fractions of its XML")
    parser.add_argument("--stand-in-us", type=float, default=0.0,
                        help="microseconds of Python work per row after the checks (see above)")
    args = parser.parse_args()
    modes = ["whole", *args.cuts]
    seconds: dict[str, list[float]] = {m: [] for m in modes}
    rows: dict[str, set[int]] = {m: set() for m in modes}
    for _ in range(args.runs):
        for mode in modes:
            out = subprocess.run([sys.executable, "-c", CHILD, str(args.roster), mode, str(args.stand_in_us)],
                                 capture_output=True, text=True, check=True).stdout.split()
            seconds[mode].append(float(out[0]))
            rows[mode].add(int(out[1]))
    print("| read, check and key | runs (s) | median (s) | rows |")
    print("|---|---|---:|---:|")
    for mode in modes:
        label = "whole sheet, then checks (as now)" if mode == "whole" else f"pieces cut at {mode}"
        runs = " ".join(f"{s:.2f}" for s in seconds[mode])
        print(f"| {label} | {runs} | {statistics.median(seconds[mode]):.2f} | {sorted(rows[mode])} |")


if __name__ == "__main__":
    main()
