"""The sync server under load, on loopback only (127.0.0.1), bounded in count and time.

    python benchmarks/bench_server.py [--laptops 50] [--changes 100] [--batch 10] [--postgres URL]
                                      [--first-pull DIR] [--seconds 300] [--profile FILE]

A real server (`gridkeeper server serve`, HTTPS, in its own process) on an ephemeral port. Phase 1:
`--laptops` simulated laptops, each a thread with its own enrolled device key (joined with a server
code), sync at once: each pushes `--changes` changes in sealed batches of `--batch` and, after every
push, pulls the pages it has not seen (the others' batches): one "sync round trip" is that push plus
that pull. Printed: p50/p95/max of the round trip, and changes ingested per second. Phase 2: big
batches (5,000 changes, what a laptop's first sync sends) from one laptop, changes ingested per
second. Phase 3 (with --first-pull DIR, a demo profile): a real laptop profile pushes DIR's changes, and
an empty laptop's first pull of them through the server is timed (staging + apply + search index).
The simulated laptops do not decrypt what they pull (the laptop's own apply is bench_sync.py's); they
share the two cores with the server, so the figures are the server's and its clients' together.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from gridkeeper.server import db, offices, tls
from gridkeeper.store import open_store
from gridkeeper.sync import crypto, protocol, remote
from gridkeeper.sync.crypto import DeviceKeys
from gridkeeper.sync.folder import Batch, Change, Sealing, seal_batch

# The enrolment codes' Argon2id is not what is measured here: the tests' cheap setting (tests/conftest.py).
crypto.CODE_KDF_MEMORY_KIB, crypto.CODE_KDF_ITERATIONS = 64, 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(folder: Path, url: str | None, port: int, workers: int = 1,
          profile: str | None = None) -> subprocess.Popen[str]:
    # --profile: the server under cProfile (written when uvicorn exits on SIGTERM), to see its own CPU per request
    runner = ["-m", "cProfile", "-o", profile] if profile else []
    args = [sys.executable, *runner, "-m", "gridkeeper", "server", "serve", "--server-dir", str(folder), "--listen",
            f"127.0.0.1:{port}", "--workers", str(workers)] + (["--database", url] if url else [])
    root = str(Path(__file__).resolve().parent.parent)  # this checkout's gridkeeper, whatever is installed
    env = {**os.environ, "GRIDKEEPER_DATA_DIR": str(folder),
           "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH", "")]))}
    log = open(folder / "serve.log", "w")  # noqa: SIM115 - the server's log, read if it does not start
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log, text=True, env=env)
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit(f"the server did not start: {(folder / 'serve.log').read_text()}") from None
            time.sleep(0.1)


def cpu_seconds(pid: int) -> float:
    """A process's user + system CPU time so far (Linux /proc; 0 elsewhere), to see whose time the cores spend."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class SimLaptop:
    """A device enrolled through the server's join call, speaking the protocol without a profile."""

    def __init__(self, base: str, pem: str, office_id: str, code: str) -> None:
        self.keys = DeviceKeys.generate()
        self.device = secrets.token_hex(8)
        self.office = office_id
        context = ssl.create_default_context(cadata=pem)
        context.check_hostname = False
        self.http = httpx.Client(base_url=base, verify=context, timeout=60)
        self.client = remote.Client(base, self.http, self.device, self.keys, office_id)
        self._join(code)
        self.epoch_key = b""
        self.seq = 0
        self.cursor = 0
        self.times: list[float] = []

    def _join(self, code_text: str) -> None:
        import base64
        import json

        code = crypto.normalise_code(code_text)
        lookup = crypto.code_lookup(code)
        files = self.client.get_json(f"/v1/offices/{self.office}/invites/{lookup}", signed=False)
        outer = json.loads(base64.b64decode(files["invite"]))
        kdf = outer["kdf"]
        payload = json.loads(crypto.open_sealed(crypto.code_key(code, crypto.unb64(outer["salt"]), kdf["memory_kib"],
                                                                kdf["iterations"]), crypto.unb64(outer["sealed"]),
                                                lookup.encode()))
        self.office_key = crypto.unb64(payload["keys"]["1"])
        request = {"device": self.device, "sign_key": self.keys.sign_public, "box_key": self.keys.box_public,
                   "invite": lookup, "about": {}, "at": "2026-12-07T00:00:00.000+00:00"}
        body = json.dumps({"device": self.device, "sign_key": self.keys.sign_public, "box_key": self.keys.box_public,
                           "invite": lookup}, sort_keys=True, separators=(",", ":")).encode()
        request["mac"] = crypto.mac(crypto.unb64(payload["mac_key"]), body)
        request["sig"] = crypto.b64(self.keys.sign(b"gk1 request " + json.dumps(
            request, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()))
        answer = self.client.request("POST", f"/v1/offices/{self.office}/join", json.dumps(request).encode(),
                                     signed=False).json()
        assert answer["admitted"], answer

    def batch(self, count: int) -> bytes:
        first = self.seq + 1
        changes = tuple(Change(f"{1795772749697 + first + i:018d}.00000", self.device, "person",
                               f"{self.device}-{first + i}", "note", f'"走访记录 {secrets.token_hex(6)}"')
                        for i in range(count))
        batch = Batch(self.device, first, first + count - 1, changes, "bench", self.seq)
        self.seq = batch.seq
        return seal_batch(batch, Sealing(self.office, 1, self.office_key, self.keys))

    def push(self, data: bytes) -> None:
        self.client.request("PUT", f"/v1/offices/{self.office}/devices/{self.device}/batches/{self.seq}", data)

    def pull(self) -> int:
        got = 0
        while True:
            page = self.client.get_json(f"/v1/offices/{self.office}/changes?after={self.cursor}"
                                        f"&limit={protocol.PAGE_LIMIT}")
            got += len(page["items"])
            self.cursor = int(page["next"])
            if not page["more"]:
                return got


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database (else SQLite)")
    parser.add_argument("--first-pull", metavar="DIR", help="a demo profile whose changes an empty laptop pulls")
    parser.add_argument("--seconds", type=float, default=300, help="stop phase 1 after this long, whatever is left")
    parser.add_argument("--workers", type=int, default=1, help="server processes (server serve --workers)")
    parser.add_argument("--profile", metavar="FILE", help="run the server under cProfile, its stats to FILE (1 worker)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="gk-bench-server-"))
    folder = work / "server"
    folder.mkdir()
    url = args.postgres
    engine_ = db.connect(url or db.default_url(folder))
    db.migrate(engine_)
    cert, _key = tls.ensure_certificate(folder)
    pem, fingerprint = cert.read_text(), tls.fingerprint(cert)
    made = offices.create(engine_, "bench", fingerprint)
    codes = [offices.invite(engine_, made.office, fingerprint)[0] for _ in range(args.laptops)]
    other = offices.create(engine_, "first pull", fingerprint)  # phase 3's own office
    pull_codes = [other.code, offices.invite(engine_, other.office, fingerprint)[0]]
    port = free_port()
    proc = serve(folder, url, port, args.workers, args.profile)
    base = f"https://127.0.0.1:{port}"
    print(f"server on {base} ({args.workers} worker(s)), database {'PostgreSQL' if url else 'SQLite'}; "
          f"{args.laptops} laptops")
    try:
        laptops = [SimLaptop(base, pem, made.office, codes[i]) for i in range(args.laptops)]
        rounds = max(1, args.changes // args.batch)
        stop_at = time.monotonic() + args.seconds
        errors: list[str] = []

        def run(lap: SimLaptop) -> None:
            try:
                for _ in range(rounds):
                    if time.monotonic() > stop_at:
                        return
                    data = lap.batch(args.batch)
                    started = time.perf_counter()
                    lap.push(data)
                    lap.pull()
                    lap.times.append(time.perf_counter() - started)
            except Exception as exc:  # noqa: BLE001 - reported, the others go on
                errors.append(f"{lap.device}: {exc!r}")

        threads = [threading.Thread(target=run, args=(lap,)) for lap in laptops]
        cpu_before = cpu_seconds(proc.pid), os.times()
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        server_cpu = cpu_seconds(proc.pid) - cpu_before[0]
        mine = os.times()
        clients_cpu = mine.user + mine.system - cpu_before[1].user - cpu_before[1].system
        times = [t for lap in laptops for t in lap.times]
        pushed = sum(len(lap.times) for lap in laptops) * args.batch
        print(f"phase 1: {len(times)} sync round trips in {wall:.1f} s; p50 {percentile(times, 50) * 1000:.0f} ms, "
              f"p95 {percentile(times, 95) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms; "
              f"{pushed} changes pushed, {pushed / wall:.0f} changes/s ingested while all pulled; errors {len(errors)}")
        print(f"phase 1: CPU over {wall:.1f} s of wall time: server {server_cpu:.2f} s "
              f"({server_cpu / max(1, 2 * len(times)) * 1000:.1f} ms a request, push or pull page), "
              f"the simulated laptops {clients_cpu:.2f} s ({clients_cpu / max(1, len(times)) * 1000:.1f} ms a round trip)")
        for line in errors[:5]:
            print("  ", line)
        big = laptops[0]
        sizes = []
        started = time.perf_counter()
        for _ in range(10):
            data = big.batch(5000)
            sizes.append(len(data))
            big.push(data)
        spent = time.perf_counter() - started
        print(f"phase 2: 10 batches of 5,000 changes ({statistics.mean(sizes) / 1e6:.2f} MB each) in {spent:.2f} s: "
              f"{50_000 / spent:.0f} changes/s ingested (sealing on the client included)")
        started = time.perf_counter()
        got = laptops[1].pull()
        print(f"phase 2: a laptop behind by those pulls {got} items in {time.perf_counter() - started:.2f} s")
        for lap in laptops:
            lap.http.close()
        server_side(folder / "serve.log")
        if args.first_pull:
            first_pull(Path(args.first_pull), work, base, pem, *pull_codes)
    finally:
        # uvicorn re-raises SIGTERM after its shutdown (cProfile would not write); SIGINT ends in an exception
        proc.send_signal(signal.SIGINT if args.profile else signal.SIGTERM)
        proc.wait(timeout=30)
        engine_.dispose()
        if not os.environ.get("GK_BENCH_KEEP"):
            shutil.rmtree(work, ignore_errors=True)


def server_side(log: Path) -> None:
    """The server's own time per request (its log), apart from the clients' queueing on the same cores."""
    import re

    spent: dict[str, list[float]] = {}
    for line in log.read_text().splitlines():
        m = re.search(r" (GET|PUT|POST) /v1/offices/[^/]+/(changes|devices/[^/]+/batches/\d+) 200 \S+ (\d+)ms$", line)
        if m:
            kind = "pull page" if m.group(2) == "changes" else "push"
            spent.setdefault(kind, []).append(float(m.group(3)))
    for kind, values in sorted(spent.items()):
        print(f"server side, {kind}: {len(values)} requests, p50 {percentile(values, 50):.0f} ms, "
              f"p95 {percentile(values, 95):.0f} ms")


def first_pull(source: Path, work: Path, base: str, pem: str, code: str, reader_code: str) -> None:
    writer = work / "writer"
    shutil.copytree(source, writer)
    a = open_store(writer)
    remote.join(a, base, code, cert_pem=pem)
    started = time.perf_counter()
    result = remote.sync_server(a)
    print(f"phase 3: pushing {result.pushed_changes} changes of {source} took {time.perf_counter() - started:.2f} s")
    reader = open_store(work / "reader")
    remote.join(reader, base, reader_code, cert_pem=pem)  # a server code: admitted at once
    started = time.perf_counter()
    result = remote.sync_server(reader)
    synced = time.perf_counter() - started
    from gridkeeper.rules import pinyin

    loading = time.perf_counter()
    pinyin.initials("张伟")  # pypinyin's dictionaries load at the first reading: once a process, counted in the index
    loaded = time.perf_counter() - loading
    reader.reindex_dirty()
    total = time.perf_counter() - started
    with reader.read() as conn:
        households = conn.exec_driver_sql("SELECT count(*) FROM household").scalar()
    print(f"phase 3: an empty laptop's first pull: {result.pulled_changes} changes, {households} households: "
          f"sync {synced:.2f} s, with the search index {total:.2f} s ({result.status}); of that, pypinyin's "
          f"first reading {loaded:.2f} s")
    a.close()
    reader.close()


if __name__ == "__main__":
    main()
