"""Benchmark: what a passphrase costs to check (Argon2id of the profile key file), and the candidates.

A script, not a test: it measures and prints, it never passes or fails.

    .venv/bin/python benchmarks/bench_kdf.py [--runs 15]

Times `keyfile.unwrap()` with the parameters new key files get
(`keyfile.DEFAULT`: the whole unlock, AES-GCM included, which is the
Argon2id), and Argon2id alone with neighbouring parameter sets, each in
turn, interleaved, so that the machine's drift touches all of them alike.
The target is about half a second on the 2-core reference machine: long
enough that guessing a passphrase from a copied key file is slow (two
guesses a second per core, with 128 MiB each), short enough for an unlock.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id  # noqa: E402

from gridkeeper.store import keyfile  # noqa: E402

CANDIDATES = [  # (MiB, passes, lanes)
    (64, 3, 4),  # RFC 9106's second recommendation
    (128, 3, 4),
    (128, 4, 4),  # keyfile.DEFAULT
    (128, 5, 4),
    (256, 2, 4),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"unwrap (DEFAULT)": []}
    for mib, passes, lanes in CANDIDATES:
        times[f"argon2id {mib} MiB t={passes} p={lanes}"] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        keyfile.write(root, keyfile.new_key(), "网格员 2026 春", keyfile.DEFAULT)
        for _ in range(args.runs):
            start = time.perf_counter()
            keyfile.unwrap(root, "网格员 2026 春")
            times["unwrap (DEFAULT)"].append(time.perf_counter() - start)
            for mib, passes, lanes in CANDIDATES:
                kdf = Argon2id(salt=os.urandom(16), length=32, iterations=passes, lanes=lanes,
                               memory_cost=mib * 1024)
                start = time.perf_counter()
                kdf.derive(b"passphrase")
                times[f"argon2id {mib} MiB t={passes} p={lanes}"].append(time.perf_counter() - start)
    print(f"cpus: {os.cpu_count()}, runs: {args.runs}, DEFAULT: {keyfile.DEFAULT}")
    for name, values in times.items():
        values.sort()
        print(f"{name:32s} median {statistics.median(values):.3f} s  min {values[0]:.3f}  max {values[-1]:.3f}")


if __name__ == "__main__":
    main()
