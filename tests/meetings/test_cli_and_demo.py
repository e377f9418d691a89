"""The demo street's meetings, deliberations and duty, read through `gridkeeper meetings|duty --json`,
and the duty counts reconciled with `gridkeeper dump`."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from gridkeeper import cli, clock


@pytest.fixture
def root(small_demo_dir: Path, tmp_path: Path) -> Path:
    shutil.copytree(small_demo_dir, tmp_path / "demo")
    return tmp_path / "demo"


def _json(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    assert cli.main(["--data-dir", str(root), *args]) == cli.EXIT_OK
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_demo_meetings_carry_over_and_show(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meetings = _json(root, capsys, "meetings", "list", "--json")["meetings"]
    assert len({m["compound_id"] for m in meetings}) >= 2
    latest = meetings[0]
    shown = _json(root, capsys, "meetings", "show", latest["id"][:12], "--json")
    sides = {a["side"] for a in shown["attendees"]}
    assert {"party", "hoa", "property"} <= sides
    earlier = [m for m in meetings if m["compound_id"] == latest["compound_id"] and m["held_on"] < latest["held_on"]]
    if earlier:  # a compound's later meeting opens with the decisions of its previous one
        before = _json(root, capsys, "meetings", "show", earlier[0]["id"], "--json")
        decided = [a["title"] + "：" + a["decision"] for a in before["agenda"] if a["decision"]]
        carried = [a for a in shown["agenda"] if a["source"] == "carried"]
        assert [a["title"] for a in carried] == decided
        assert all(a["item_status"] for a in carried)
        assert shown["agenda"][: len(carried)] == carried


def test_demo_deliberations_one_adopted_through_all_stages_one_rejected_by_residents(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _json(root, capsys, "meetings", "deliberations", "--json")["deliberations"]
    stages = Counter(r["stage"] for r in rows)
    assert stages["adopted"] >= 1 and stages["rejected"] >= 1
    for r in rows:
        if r["stage"] not in ("adopted", "rejected"):
            continue
        f = _json(root, capsys, "meetings", "deliberations", "--id", r["id"], "--json")
        assert [s["to_stage"] for s in f["steps"]] == ["party", "tripartite", "residents", "decision", r["stage"]]
        t = f["tally"]
        assert t["for_"] + t["against"] + t["abstain"] + t["not_reached"] == t["consulted"]
        for k, total in enumerate((t["for_"], t["against"], t["abstain"], t["not_reached"]), start=1):
            assert sum(b[k] for b in t["by_building"]) == total
        assert bool(f["items"]) == (r["stage"] == "adopted")


def test_duty_counts_reconcile_with_the_dump(root: Path, capfd: pytest.CaptureFixture[str]) -> None:
    capsys = capfd  # the dump writes to the file descriptor
    today = clock.today()
    first = today.replace(day=1)
    month = _json(root, capsys, "duty", "--month", first.isoformat()[:7], "--json")
    capsys.readouterr()
    assert cli.main(["--data-dir", str(root), "dump"]) == cli.EXIT_OK
    dump = json.loads(capsys.readouterr().out)
    in_month = {s["id"]: s for s in dump["dutyshift"] if s["on_date"][:7] == first.isoformat()[:7]}
    assert sum(c["evenings"] for c in month["counts"]) == len(in_month)
    matters = [m for m in dump["dutymatter"] if m["shift_id"] in in_month]
    assert sum(c["taken"] for c in month["counts"]) == len(matters)
    assert sum(c["settled"] for c in month["counts"]) == sum(m["outcome"] == "settled" for m in matters)
    assert sum(c["escalated"] for c in month["counts"]) == sum(m["outcome"] == "escalated" for m in matters)
    in_time = sum(1 for m in matters if m["feedback_on"] and (
        date.fromisoformat(m["feedback_on"]) - date.fromisoformat(in_month[m["shift_id"]]["on_date"])).days <= 7)
    assert sum(c["answered_in_time"] for c in month["counts"]) == in_time
    # Shifts are generated ahead: the roster reaches past today.
    assert max(s["on_date"] for s in dump["dutyshift"]) > today.isoformat()


@pytest.mark.parametrize("args", [["meetings", "show", "zzzz"], ["meetings", "deliberations", "--id", "zzzz"]])
def test_not_found_speaks_the_profiles_language(root: Path, capsys: pytest.CaptureFixture[str],
                                                 args: list[str]) -> None:
    from gridkeeper import settings as cfg
    from gridkeeper.settings import Settings

    Settings(root).set(cfg.LANGUAGE, "zh_CN")
    capsys.readouterr()
    assert cli.main(["--data-dir", str(root), *args]) == cli.EXIT_REJECTED
    said = capsys.readouterr().err
    assert "zzzz" in said and "没有" in said and "No " not in said
