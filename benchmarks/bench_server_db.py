"""The server's database work alone, in one process: storing a push, wall time against CPU time.

    DIR=/dev/shm PYTHONPATH=. .venv/bin/python benchmarks/bench_server_db.py

300 sealed-batch-sized rows (3 KB) from 50 devices into one office through app._store_batch, timed on the
wall and in process CPU, then profiled. DIR picks where the SQLite file lives (a tmpfs to rule the disk out).
"""

from __future__ import annotations

import cProfile
import os
import pstats
import tempfile
import time
from pathlib import Path

from gridkeeper.server import app, db, offices, tls

d = Path(tempfile.mkdtemp(dir=os.environ.get("DIR")))
eng = db.connect(db.default_url(d))
db.migrate(eng)
cert, _ = tls.ensure_certificate(d)
made = offices.create(eng, "x", tls.fingerprint(cert))
srv = app.Server(eng, tls.fingerprint(cert))
body = os.urandom(3000)


def go(n0: int, n: int) -> None:
    for i in range(n0, n0 + n):
        app._store_batch(srv, made.office, f"dev{i % 50:02d}", {"seq": i, "first_seq": i, "prev": i - 1},
                         body + i.to_bytes(4, "big"))


go(1, 50)
t = time.perf_counter(); go(51, 300); wall = (time.perf_counter() - t) / 300 * 1000
cpu0 = time.process_time(); go(351, 300); cpu = (time.process_time() - cpu0) / 300 * 1000
pr = cProfile.Profile(); pr.enable(); go(651, 300); pr.disable()
print(f"store: wall {wall:.2f} ms, CPU {cpu:.2f} ms a batch")
pstats.Stats(pr).sort_stats("tottime").print_stats(8)
