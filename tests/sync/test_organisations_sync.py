"""Organisations through a shared folder: every new table travels, a change of company made offline
converges, and one Party organisation recorded on two laptops offline is one row."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from gridkeeper import care
from gridkeeper.organisations import committees, supervision, surveys, teams
from gridkeeper.organisations.supervision import Check
from gridkeeper.store.schema import SYNCED_TABLES
from tests.conftest import clock_on
from tests.sync.simulation import Office, value
from tests.walk_fixtures import street

TODAY = date(2026, 11, 27)
_clock = clock_on(TODAY)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    o = Office(tmp_path, 2)
    yield o
    o.close()


def test_organisations_travel_and_converge(office: Office) -> None:
    a, b = office.laptops
    st = street(a)
    office.sync_all()
    old, new = supervision.add_company(a, "宏达物业"), supervision.add_company(a, "南虹物业")
    supervision.serve(a, st.compound, old, date(2020, 1, 1))
    committees.add_committee(a, st.compound, date(2022, 3, 1), members=[committees.NewMember("王建国", "chair")])
    team = teams.add_team(a, "第1队", "knock_day", st.compound)
    volunteer = care.add_volunteer(a, "张三", team_id=team)
    office.sync_all()
    # Offline on both: B changes the company and inspects; A records a survey, an activity, the Party branch.
    supervision.change_company(b, st.compound, new, date(2026, 9, 1), "业主大会表决更换")
    supervision.inspect(b, st.compound, TODAY, "王强", [Check("消防通道畅通", False, "堆放杂物")], by="王强")
    supervision.evaluate(b, st.compound, "2026-Q4", "hoa", {"cleaning": 90})
    surveys.record(a, surveys.NewSurvey(st.compound, TODAY, "paper", 100, 90, 85))
    teams.add_activity(a, teams.NewActivity(team, TODAY, "敲门日", 3, 60, 9, volunteer_ids=[volunteer]))
    committees.set_party_org(a, st.compound, "branch", "阳光花园党支部", "王建国")
    committees.set_party_org(b, st.compound, "branch", "阳光花园党支部", "王建国")
    office.sync_all()
    dumps = office.dumps()
    assert dumps[0] == dumps[1]
    new_tables = SYNCED_TABLES[SYNCED_TABLES.index("propertycompany"):SYNCED_TABLES.index("activityvolunteer") + 1]
    for table in new_tables:
        assert value(b, f'SELECT count(*) FROM "{table}"') >= 1, table  # every new table travelled
    assert value(a, "SELECT count(*) FROM partyorg") == 1
    assert [k.company for k in supervision.history(a, st.compound)] == ["宏达物业", "南虹物业"]
    assert value(a, "SELECT property_company FROM compound WHERE id = :c", c=st.compound) == "南虹物业"
    assert committees.governance(a, None, TODAY)[0].one_shoulder
