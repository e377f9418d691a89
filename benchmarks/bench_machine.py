"""What this machine does to the import's numbers: page faults, and what two cores give.

    python benchmarks/bench_machine.py [--roster FILE]

1. Fresh memory: touching 260 MB of new pages (the import's peak), then the same
   pages again. On a VM whose host backs guest memory lazily the first is dear.
2. calamine and the GIL: how fast a Python thread counts while calamine parses
   the roster, against while idle (does the parse leave the GIL free?).
3. Two cores: a pure-Python loop alone, then two processes running it at once.
"""

from __future__ import annotations

import argparse
import mmap
import subprocess
import sys
import threading
import time
from pathlib import Path

LOOP = "import time\nt=time.perf_counter()\nx=0\nfor i in range(10_000_000): x+=i\nprint(time.perf_counter()-t)"


def fresh_memory(megabytes: int = 260) -> tuple[float, float]:
    size = megabytes << 20
    region = mmap.mmap(-1, size)
    started = time.perf_counter()
    for offset in range(0, size, 4096):
        region[offset] = 1
    first = time.perf_counter() - started
    started = time.perf_counter()
    for offset in range(0, size, 4096):
        region[offset] = 2
    again = time.perf_counter() - started
    region.close()
    return first, again


def counting_during_parse(roster: Path) -> tuple[float, float, float]:
    import python_calamine as pc

    count, stop = [0], [False]

    def spin() -> None:
        while not stop[0]:
            count[0] += 1

    thread = threading.Thread(target=spin)
    thread.start()
    time.sleep(0.3)
    idle_from, idle_start = count[0], time.perf_counter()
    time.sleep(0.5)
    idle_rate = (count[0] - idle_from) / (time.perf_counter() - idle_start)
    parse_from, parse_start = count[0], time.perf_counter()
    book = pc.CalamineWorkbook.from_path(str(roster))
    book.get_sheet_by_name(book.sheet_names[0])
    parse_seconds = time.perf_counter() - parse_start
    parse_rate = (count[0] - parse_from) / parse_seconds
    stop[0] = True
    thread.join()
    return parse_seconds, parse_rate, idle_rate


def loops(parallel: int) -> list[float]:
    procs = [subprocess.Popen([sys.executable, "-c", LOOP], stdout=subprocess.PIPE, text=True)
             for _ in range(parallel)]
    return [float(p.communicate()[0]) for p in procs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--roster", type=Path, default=Path("/tmp/gk-import/roster-50000-excel.xlsx"))
    args = parser.parse_args()
    for _ in range(3):
        first, again = fresh_memory()
        print(f"260 MB of fresh pages: first touch {first:.3f} s, again {again:.3f} s")
    if args.roster.exists():
        for _ in range(2):
            seconds, during, idle = counting_during_parse(args.roster)
            print(f"calamine parse {seconds:.3f} s; a Python thread counted at {during / idle:.0%} of its idle speed")
    print("loop alone: " + ", ".join(f"{t:.2f}" for t in loops(1)) + " s; two at once: "
          + ", ".join(f"{t:.2f}" for t in loops(2)) + " s")


if __name__ == "__main__":
    main()
