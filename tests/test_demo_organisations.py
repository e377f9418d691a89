"""The demo street's organisations read as real: a company changed after a deliberation, satisfaction rising
after it, committees with terms ending, clubs at work; the figures agree with the dump, on the hard days too."""

from __future__ import annotations

from datetime import date

from gridkeeper import clock
from gridkeeper.organisations import committees, supervision, surveys, teams
from gridkeeper.reports import period
from gridkeeper.store import Store, dump


def test_demo_history_and_figures(any_day_demo: Store) -> None:
    store, today = any_day_demo, clock.today()
    data = dump.rows(store)
    live = {t: [r for r in rows if not r["deleted"]] for t, rows in data.items()}
    changed = [c for c in live["compound"] if sum(k["compound_id"] == c["id"] for k in live["propertycontract"]) == 2]
    assert len(changed) == 1
    compound = changed[0]["id"]
    old, new = supervision.history(store, compound)
    assert old.end_date is not None and old.exit_reason and new.end_date is None
    assert changed[0]["property_company"] == new.company  # the four lists follow the change
    s = surveys.series(store, compound)
    deliberation = next(e for e in s.events if e.kind == "deliberation")
    adopted = [d for d in live["deliberation"] if d["compound_id"] == compound and d["stage"] == "adopted"]
    assert deliberation.day.isoformat() == min(d["decided_on"] for d in adopted)  # the 议事 itself, not a list item
    change = next(e for e in s.events if e.kind == "company_changed")
    assert deliberation.day < change.day == new.start_date
    before = [p.rate for p in s.points if p.day < change.day]
    after = [p.rate for p in s.points if p.day >= change.day]
    assert before and after and max(before) < 0.4 and after[-1] > 0.9
    for survey in live["survey"]:
        assert survey["overall"] <= survey["answered"] <= survey["asked"]

    total = committees.governance_figures(committees.governance(store, None, today))[-1]
    current = {}
    for c in live["ownerscommittee"]:
        if c["elected_on"] <= today.isoformat():
            current.setdefault(c["compound_id"], c)
    orgs = {o["compound_id"] for o in live["partyorg"]}
    assert total.compounds == len(live["compound"]) and total.with_committee == len(current) > 0
    assert total.with_party_org == len(set(current) & orgs) > 0 and total.one_shoulder >= 1

    month = period.month_of(today)
    work = teams.work(store, month.first, month.last)
    held = [a for a in live["teamactivity"] if month.first.isoformat() <= a["held_on"] <= month.last.isoformat()]
    assert work.total.activities == len(held)
    assert work.total.hours == round(sum(a["participants"] * a["duration_minutes"] for a in held) / 60, 1)
    assert {t["kind"] for t in live["volunteerteam"]} >= {None, "skill_club", "mediation"}
    clubs = [t for t in teams.team_list(store) if t.kind != "volunteer_team"]
    assert clubs and all(t.members >= 4 for t in clubs)  # the team page lists each club's own volunteers
    problems = [i for i in live["listitem"] if i["source"] == "inspection"]
    assert all(i["owner_party"] == "property" and i["owner_name"] for i in problems)
    quarter_end = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1).toordinal() - 1
    last = date.fromordinal(quarter_end)
    ranked = supervision.ranking(store, f"{last.year}-Q{(last.month - 1) // 3 + 1}")
    assert len(ranked) == len(live["compound"]) and ranked[0].rank == 1
