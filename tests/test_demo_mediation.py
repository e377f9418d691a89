"""Demo mediation cases: every record follows the status machine; the street gets about 200
cases in realistic proportions."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import text

from gridkeeper import demo
from gridkeeper import mediation as m
from gridkeeper.demo import mediation as demo_mediation
from gridkeeper.store import Store


def test_the_small_demo_has_cases_whose_history_follows_the_machine(demo_store: Store) -> None:
    cases = m.list_cases(demo_store)
    assert len(cases) == demo_mediation.CASES["small"]
    assert len({c.number for c in cases}) == len(cases)
    assert all(m.is_final(c.number) for c in cases)  # the committee's plain numbers, 2026-15
    # A provisional number never takes the demo's prefix, and the next case's final number follows
    # the demo's: blocks start past every number issued.
    assert m.device_prefix(demo_store) != demo_mediation.DEMO_PREFIX
    new = m.open_case(demo_store, m.NewCase(cases[0].received_on, "application", "leak", "漏水"))
    issued = {int(c.number.split("-")[1]) for c in cases if c.number.startswith(f"{cases[0].received_on.year}-")}
    assert m.case_file(demo_store, new).number == f"{cases[0].received_on.year}-{max(issued) + 1}"  # type: ignore[union-attr]
    for row in cases:
        file = m.case_file(demo_store, row.id)
        assert file is not None
        steps = [(h.from_status, h.to_status) for h in file.history]
        assert steps[0] == (None, "received"), file.number
        for before, after in steps[1:]:
            assert after in m.TRANSITIONS[before], (file.number, before, after)
        assert all(steps[i][0] == steps[i - 1][1] for i in range(1, len(steps)))  # a chain
        assert steps[-1][1] == file.status
        assert [h.changed_at for h in file.history] == sorted(h.changed_at for h in file.history)
        if file.status != "received":
            assert file.sessions, file.number
        assert (file.agreement is not None) == any(a == "agreed" for _, a in steps)
        if file.status == "visited" or (file.status == "archived" and file.agreement):
            assert file.visits and file.next_visit_due is None
        assert len(file.parties) == 2 and file.parties[0].role == "applicant"


def test_demo_cases_are_captured_for_sync(demo_store: Store) -> None:
    with demo_store.read() as conn:
        logged = conn.execute(text("SELECT count(*) FROM change_log WHERE tbl = 'mediationcase'")).scalar()
    assert logged == demo_mediation.CASES["small"]


@pytest.mark.slow
def test_the_street_gets_about_200_cases_in_realistic_proportions() -> None:
    rows, _ = demo.build("street", 1)
    cases = demo_mediation.build(rows, "street", 1, demo.TODAY, "TEST", "device")["mediationcase"]
    assert len(cases) == 200
    received = sorted(c["received_on"] for c in cases)
    assert received[0] >= "2026-08-01" and received[-1] < demo.TODAY.isoformat()
    categories = Counter(c["category"] for c in cases)
    assert set(categories) == set(m.CATEGORIES)
    assert categories.most_common(1)[0][0] == "neighbour"
    assert categories["neighbour"] + categories["leak"] + categories["property"] + categories["family"] > 100
    statuses = Counter(c["status"] for c in cases)
    settled = sum(1 for c in cases if c["agreement_terms"])
    ended = statuses["failed"] + statuses["escalated"] + sum(
        1 for c in cases if c["status"] == "archived" and not c["agreement_terms"])
    assert 0.7 < settled / 200 < 0.95 and 0.02 < ended / 200 < 0.2
    assert statuses["received"] + statuses["mediating"] < 40  # most cases are recent, few are untouched
