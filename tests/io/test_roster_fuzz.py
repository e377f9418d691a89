"""Fuzzing the roster reader and checker with hostile cells and hostile workbooks (Hypothesis).

The promise under test: whatever a file holds, reading and checking it gives rows or a
RosterError (a refusal in words, exit 2 on the command line), never any other exception,
never a dead process, and within bounded memory:

- cells (in this process): every stored text free of control, direction and invisible
  characters and within its field's limit, every rejected row with a reason, and the
  rejected-rows workbook written for them; Python's peak allocation while checking and
  writing one generated sheet stays under 64 MB (tracemalloc: the cells are at most 32,767
  characters each, as read_sheet lets through);
- workbooks (in a child process whose address space is capped at 4 GiB, so an allocation
  calamine could not make kills the child, not the test run): the child's peak resident
  memory stays under 400 MB over all the workbooks (VmHWM, the kernel's high-water mark; reading
  one of these small files needs ~50 MB, an unchecked one 17 billion cells).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tracemalloc
from datetime import date, datetime, time, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gridkeeper.io.roster import FIELDS, Header, RosterError, Sheet, detect_header, require_rows, validate
from gridkeeper.io.roster_rejects import write_rejected
from gridkeeper.io.roster_rows import FIELD_LIMITS
from gridkeeper.rules import text
from tests.io.fuzz_workbooks import HOSTILE_CHARS
from tests.io.roster_builder import valid_id

ROOT = Path(__file__).resolve().parents[2]
PYTHON_PEAK_MB = 64
CHILD_PEAK_MB = 400

hostile_text = st.one_of(
    st.text(alphabet=st.sampled_from(list(HOSTILE_CHARS) + list("张三李四塘川社区阳光花园3幢501 、,=+-@x\t\n")),
            max_size=60),
    st.text(max_size=40),  # any unicode at all
    st.builds(lambda c, n: c * n, st.sampled_from(["长", "a", "\u200b", "\x00"]), st.integers(45, 32_767)),
    st.sampled_from(["=HYPERLINK(\"http://x/\"&B2,\"y\")", "+86 138 1234 5678", "-", "@SUM(1,2)", "无", "#N/A",
                     "#DIV/0!", "合计", "1950.3.2", "19500302", "男", "女", "户主", "本人"]),
)
hostile_cell = st.one_of(
    st.none(), hostile_text, st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**20, 10**20),
    st.booleans(), st.dates(), st.datetimes(), st.times(), st.timedeltas(max_value=timedelta(days=10**5)),
    st.builds(lambda b: valid_id("330382", b, 7), st.dates(date(1900, 1, 1), date(2020, 1, 1))),
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.lists(hostile_cell, min_size=len(FIELDS), max_size=len(FIELDS) + 2), min_size=1, max_size=6),
       st.booleans())
def test_hostile_cells_give_rows_or_a_known_refusal(tmp_path_factory, cells: list[list[object]],  # type: ignore[no-untyped-def]
                                                    with_labels: bool) -> None:
    labels: list[object] = list(FIELDS)
    rows = [labels, *cells] if with_labels else cells
    sheet = Sheet("花名册", rows)
    tracemalloc.start()
    try:
        try:
            header = detect_header(sheet) if not with_labels else Header(1, {f: i for i, f in enumerate(FIELDS)},
                                                                          list(FIELDS), [])
            require_rows(sheet, header)
            checked = validate(sheet, header)
        except RosterError:
            return  # a refusal in words: allowed
        for row in checked:
            if row.rejected:
                assert any(i.severity == "error" and i.code for i in row.issues)
                continue
            stored = {"name": row.name, "relation": row.relation, "ethnicity": row.ethnicity,
                      "community": row.community, "compound": row.compound, "building": row.building,
                      "unit": row.unit, "room": row.room, "household_no": row.household_no,
                      "residence_status": row.residence_status, "note": row.note, "head_name": row.head_name,
                      "tags": "、".join(row.tags)}
            for field, value in stored.items():
                if value:
                    assert text.SUSPECT.search(value) is None, (field, value)
                    assert len(value) <= FIELD_LIMITS[field] + 1, (field, len(value))  # +1: a building's 幢
            assert row.name and len(row.name) <= FIELD_LIMITS["name"]
            assert all(p.isascii() and p.replace("-", "").isdigit() for p in row.phones), row.phones
        written = write_rejected(tmp_path_factory.mktemp("rejected") / "r.xlsx", sheet, header, checked)
        assert written.rows == sum(r.rejected for r in checked)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < PYTHON_PEAK_MB << 20, f"{peak / 2**20:.0f} MB"


def test_the_issue_texts_of_hostile_cells_quote_them_as_they_show() -> None:
    """The messages a user reads quote a cell without its control characters, cut short."""
    for value in (math.nan, math.inf, -math.inf, 10**20, datetime(2024, 1, 1, 1, 2), time(1, 2), timedelta(days=3)):
        labels = list(FIELDS)
        row = [value] * len(FIELDS)
        (checked,) = validate(Sheet("s", [labels, row]), Header(1, {f: i for i, f in enumerate(FIELDS)}, labels, []))
        assert checked.rejected
        for issue in checked.issues:
            assert text.SUSPECT.search(issue.text()) is None


def test_hostile_workbooks_never_crash_the_reader() -> None:
    # MALLOC_ARENA_MAX: each thread's malloc arena reserves 64 MB of address space, which the cap
    # counts; a few arenas are plenty for a reader.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RUST_BACKTRACE": "0", "MALLOC_ARENA_MAX": "2"}
    code = ("import resource, runpy, sys\n"
            "resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))\n"
            "sys.argv = ['fuzz_workbooks', '100']\n"
            "runpy.run_module('tests.io.fuzz_workbooks', run_name='__main__')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    outcomes = result["outcomes"]
    assert result["examples"] == 100
    assert outcomes.get("rows", 0) > 20  # many were read and checked...
    refusals = set(outcomes) - {"rows"}
    assert len(refusals) >= 3, outcomes  # ...and others refused, for several reasons (each has its own test)
    assert result["maxrss_mb"] < CHILD_PEAK_MB, result
