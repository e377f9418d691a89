"""Sealed sync against plaintext sync: push and apply the whole street, two checkouts alternating.

The issue's target: encrypting (AES-256-GCM) and signing (Ed25519) the
batches costs no more than 15 % over the plaintext figures. This VM's speed
drifts by a third from one minute to the next, so the two codes run in turn
in one session (ABBA order), each run in a fresh process, and are compared as
the ratio of their medians.

    git worktree add /tmp/gk-base 12bd07b       (plaintext gzip JSON batches, no office)
    python benchmarks/bench_sync_ab.py --base /tmp/gk-base [--runs 4] [--data-dir /tmp/gk-street]
    python benchmarks/bench_sync_ab.py --profile  (one run of this checkout under cProfile, no A/B)

Each run copies the street profile to A (untimed) and makes an empty B and an
empty share. A code that has offices (gridkeeper.sync.office) enrols first,
untimed: A creates the office, B joins with a code, A admits it
(admit_requests, what A's next sync does). Then it times (a) A's sync: it
pushes the whole street to the share, and (b) B's first sync: it pulls and
applies all of it. The search-index catch-up after the pull is not timed (it
is the same code on both sides; bench_sync.py times it). Per run it prints
wall and CPU seconds and the share's size on disk; then the medians per side
and the ratios new/old.

`--new DIR` runs another checkout as the new side instead of this one, e.g.
a clean `git archive HEAD` copy when the work tree holds edits not committed.
The street profile must open under both codes (same schema revision).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, os, shutil, sys, time
code = os.environ.get("GK_CODE")
if code:  # that checkout's gridkeeper, not the editable install's
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
    sys.path.insert(0, code)
import importlib.util
from pathlib import Path
import gridkeeper
assert gridkeeper.__file__.startswith(code or os.getcwd()), gridkeeper.__file__
from gridkeeper.store import open_store
from gridkeeper.sync.engine import sync_folder
sealed = importlib.util.find_spec("gridkeeper.sync.office") is not None
street, work = Path(sys.argv[1]), Path(sys.argv[2])
shutil.rmtree(work, ignore_errors=True)
share = work / "share"
share.mkdir(parents=True)
shutil.copytree(street, work / "a")
a = open_store(work / "a")
b = open_store(work / "b")
if sealed:  # enrolment, untimed: A founds the office, B joins, A admits B (without pushing)
    from gridkeeper.sync import office
    office.create(a, share)
    office.join(b, share, office.invite(a, share).code)
    assert office.admit_requests(a, share) == [b.device_id]
os.sync()  # the profile copy's dirty pages are not written back during the timed steps
profiling = os.environ.get("GK_PROFILE")

def timed(label, fn):
    profiler = None
    if profiling:
        import cProfile
        profiler = cProfile.Profile()
        profiler.enable()
    t, cpu = time.perf_counter(), time.process_time()
    result = fn()
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    if profiler:
        import io, pstats
        profiler.disable()
        # the top by cumtime and by tottime, then the sealing's own calls wherever they rank
        sealing = "crypto|zlib|sha256|safe_read|fsync"
        for order, lines in (("cumtime", 25), ("tottime", 20), ("tottime", sealing)):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(lines)
            text = out.getvalue()
            print(f"== {label}, sorted by {order}" + (", sealing and its neighbours" if lines == sealing else "") + " ==")
            print(text[text.index("   ncalls"):] if "   ncalls" in text else text)
    assert result.status == "ok" and not result.held and not getattr(result, "missing", None), (label, result)
    return result, seconds, cpu

push, push_s, push_cpu = timed("A pushes the whole street", lambda: sync_folder(a, share))
pull, pull_s, pull_cpu = timed("B (empty) applies it", lambda: sync_folder(b, share))
assert pull.pulled_changes + pull.duplicates == push.pushed_changes, (push, pull)
files = [p for p in share.rglob("*") if p.is_file()]
batches = [p for p in files if p.name.endswith((".gkb", ".jsonl.gz"))]
out = {"sealed": sealed, "push": push_s, "push_cpu": push_cpu, "apply": pull_s, "apply_cpu": pull_cpu,
       "changes": push.pushed_changes, "batches": push.pushed_batches, "applied": pull.pulled_changes,
       "share_bytes": sum(p.stat().st_size for p in files), "batch_bytes": sum(p.stat().st_size for p in batches),
       "files": len(files)}
a.close()
b.close()
shutil.rmtree(work, ignore_errors=True)
print(json.dumps(out))
"""

KEYS = ("push", "push_cpu", "apply", "apply_cpu")


def run(name: str, code: Path | None, street: Path, here: Path, profile: bool = False) -> dict[str, float]:
    env = {**os.environ}
    env.pop("GK_CODE", None)
    if code is not None:
        env["GK_CODE"] = str(code)
    if profile:
        env["GK_PROFILE"] = "1"
    out = subprocess.run([sys.executable, "-c", CHILD, str(street), f"/tmp/gk-sync-ab-{name}"],
                         env=env, cwd=here, capture_output=True, text=True, check=False)
    if out.returncode:
        sys.exit(f"{name} run failed:\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}")
    lines = out.stdout.strip().splitlines()
    if profile:
        print("\n".join(lines[:-1]))
    return json.loads(lines[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, help="the old checkout (a git worktree)")
    parser.add_argument("--new", type=Path, help="the new checkout (default: this one)")
    parser.add_argument("--runs", type=int, default=4, help="runs per side")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/gk-street"), help="the street profile")
    parser.add_argument("--profile", action="store_true", help="one run of the new side under cProfile")
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    new = args.new.resolve() if args.new else None
    if args.profile:
        r = run("new", new, args.data_dir, here, profile=True)
        print(f"push {r['push']:.2f} s, apply {r['apply']:.2f} s under the profiler, {r['changes']:,} changes")
        return
    if args.base is None:
        parser.error("--base is required (or --profile)")
    sides = {"old": args.base.resolve(), "new": new}
    results: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
    print(f"street: {args.data_dir}; old: {sides['old']}; new: {new or here}; load {os.getloadavg()[0]:.2f}")
    print("| run | code | push s | push cpu | apply s | apply cpu | changes | batches | share bytes | batch bytes |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for i in range(args.runs):
        order = ("old", "new") if i % 2 == 0 else ("new", "old")  # ABBA: neither side always goes first
        for name in order:
            r = run(name, sides[name], args.data_dir, here)
            results[name].append(r)
            print(f"| {i + 1} | {name} | {r['push']:.2f} | {r['push_cpu']:.2f} | {r['apply']:.2f} | "
                  f"{r['apply_cpu']:.2f} | {r['changes']:,} | {r['batches']} | {r['share_bytes']:,} | "
                  f"{r['batch_bytes']:,} |", flush=True)
    medians = {name: {k: statistics.median(r[k] for r in items) for k in KEYS} for name, items in results.items()}
    print(f"\nmedians of {args.runs} runs per side (load {os.getloadavg()[0]:.2f} at the end)")
    print("| code | push s | push cpu | apply s | apply cpu | push + apply s | share bytes | bytes per change |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, m in medians.items():
        last = results[name][-1]
        print(f"| {name} | {m['push']:.2f} | {m['push_cpu']:.2f} | {m['apply']:.2f} | {m['apply_cpu']:.2f} | "
              f"{m['push'] + m['apply']:.2f} | {last['share_bytes']:,} | {last['share_bytes'] / last['changes']:.1f} |")
    old, new_m = medians["old"], medians["new"]
    both = (new_m["push"] + new_m["apply"]) / (old["push"] + old["apply"])
    print(f"\nnew/old: push {new_m['push'] / old['push']:.3f} (cpu {new_m['push_cpu'] / old['push_cpu']:.3f}), "
          f"apply {new_m['apply'] / old['apply']:.3f} (cpu {new_m['apply_cpu'] / old['apply_cpu']:.3f}), "
          f"push + apply {both:.3f}; share size "
          f"{results['new'][-1]['share_bytes'] / results['old'][-1]['share_bytes']:.3f}")
    pairs = [n["push"] / o["push"] for o, n in zip(results["old"], results["new"])]
    pairs_apply = [n["apply"] / o["apply"] for o, n in zip(results["old"], results["new"])]
    print("per-round ratios new/old: push " + ", ".join(f"{p:.2f}" for p in pairs)
          + "; apply " + ", ".join(f"{p:.2f}" for p in pairs_apply))


if __name__ == "__main__":
    main()
