"""Mediation cases: numbering across offline laptops, the status machine, append-only records,
return visits due."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from gridkeeper import clock
from gridkeeper import mediation as m
from gridkeeper.store import Store, open_store
from tests.store.helpers import log_rows, place
from tests.sync.simulation import Office, dump_text

D = date(2026, 11, 2)
T = datetime(2026, 11, 2, 19, 30)


def new_case(store: Store, summary: str = "楼上卫生间漏水，楼下天花板发霉", **kw: object) -> str:
    fields: dict[str, object] = dict(
        received_on=D, source="application", category="leak", summary=summary, mediators="王芳、李志强",
        parties=(m.PartyInput("applicant", "陈美玲", "13812345678", "阳光花园3幢2单元401"),
                 m.PartyInput("respondent", "刘建军", "", "阳光花园3幢2单元501")),
    )
    fields.update(kw)
    return m.open_case(store, m.NewCase(**fields), now=datetime(2026, 11, 2, 9))  # type: ignore[arg-type]


def agreement(**kw: object) -> m.Agreement:
    fields: dict[str, object] = dict(
        form="written", signed_on=date(2026, 11, 9), facts="501室卫生间防水层老化，渗水至401室。",
        terms="一、刘建军于2026年11月30日前修复防水层；\n二、赔偿陈美玲墙面修复费用人民币1500元。",
        performance_method="现场修复，费用当面付清", performance_due=date(2026, 11, 30),
    )
    fields.update(kw)
    return m.Agreement(**fields)  # type: ignore[arg-type]


# -- numbering -------------------------------------------------------------------


def test_numbers_count_up_plainly_per_year(store: Store) -> None:
    """A laptop in no office numbers for itself: 第1号, 第2号, and 第1号 again in a new year."""
    first, second = new_case(store), new_case(store)
    next_year = new_case(store, received_on=date(2027, 1, 3))
    numbers = [m.case_file(store, c).number for c in (first, second, next_year)]  # type: ignore[union-attr]
    assert numbers == ["2026-1", "2026-2", "2027-1"]
    assert m.format_number(numbers[1]) == "〔2026〕城南调字第2号"
    prefix = m.device_prefix(store)  # the provisional form, for a case waiting for its number
    assert len(prefix) == 4 and prefix.isalnum() and prefix.upper() == prefix
    assert m.format_number(f"2026-{prefix}-003") == f"〔2026〕城南调字第____号（临时编号{prefix}-003）"


def test_a_tombstoned_case_keeps_its_number(store: Store) -> None:
    first = new_case(store)
    with store.begin() as conn:
        conn.execute(text("UPDATE mediationcase SET deleted = 1 WHERE id = :i"), {"i": first})
    again = m.case_file(store, new_case(store))
    assert again is not None and again.number == "2026-2"


def test_a_case_of_last_year_opened_after_new_year_on_another_laptop_gets_last_years_number(tmp_path: Path) -> None:
    office = Office(tmp_path, 2)
    try:
        today = clock.today()
        new_case(office.laptops[0], summary="the office's first case", received_on=today)
        office.sync_all(rounds=1)
        late = new_case(office.laptops[1], summary="received on New Year's Eve", received_on=date(today.year - 1, 12, 31))
        assert not m.is_final(m.case_file(office.laptops[1], late).number)  # type: ignore[union-attr]
        office.sync_all(rounds=3)  # the numbering laptop grants for last year too, though none of its own waits
        number = m.case_file(office.laptops[1], late).number  # type: ignore[union-attr]
        assert m.is_final(number) and number.startswith(f"{today.year - 1}-")
    finally:
        office.close()


def test_case_numbers_are_unique_across_laptops_working_offline(tmp_path: Path) -> None:
    office = Office(tmp_path, 3)
    try:
        # Each laptop joins the share once (as a new laptop does), then works offline.
        # Once the office mediates (a first case on the numbering laptop), every laptop holds a block.
        # Cases of this year (the blocks laptops keep in hand are this year's): received today.
        today = clock.today()
        new_case(office.laptops[0], summary="the office's first case", received_on=today)
        office.sync_all(rounds=1)
        offline: list[str] = []
        for i, laptop in enumerate(office.laptops):
            for n in range(12):  # more than the block each laptop holds: the last ones wait
                case = new_case(laptop, summary=f"laptop {i} case {n}", received_on=today)
                offline.append(m.case_file(laptop, case).number)  # type: ignore[union-attr]
        finals = [n for n in offline if m.is_final(n)]
        # the numbering laptop (the founder) grants itself more as it goes; the others hold a block of 10
        assert len(finals) == 32 and len(set(finals)) == 32
        assert all(m.is_final(n) for n in offline[:12]) and not any(m.is_final(n) for n in offline[22:24] + offline[34:36])
        # A waiting case is numbered once the numbering laptop has seen it wait and granted a block,
        # and its laptop has synced again: three rounds here, for every laptop to see every number.
        office.sync_all(rounds=3)
        dumps = office.dumps()
        assert dumps[0] == dumps[1] == dumps[2]
        with office.laptops[0].read() as conn:
            numbers = [r[0] for r in conn.execute(text("SELECT number FROM mediationcase"))]
        assert len(numbers) == 37 and len(set(numbers)) == 37
        assert all(m.is_final(n) for n in numbers), numbers  # the waiting ones took theirs at the next sync
        assert set(finals) <= set(numbers)  # a number once issued stays
    finally:
        office.close()


def _with_device(root: Path, device_id: str) -> Store:
    s = open_store(root)
    s.set_meta("device_id", device_id)
    s.close()
    return open_store(root)


def test_a_laptop_whose_prefix_would_clash_with_one_it_knows_takes_a_longer_one(tmp_path: Path) -> None:
    """Two device ids agreeing in their first 20 bits: the laptop that has seen the other's
    changes lengthens its prefix instead of repeating it."""
    a = _with_device(tmp_path / "a", "00000000-0000-4000-8000-000000000001")
    b = _with_device(tmp_path / "b", "00000000-0000-4000-8000-000000100001")
    share = tmp_path / "share"
    share.mkdir()
    try:
        from gridkeeper.sync.engine import sync_folder
        from tests.sync.simulation import enrol

        enrol(share, a, b)
        new_case(a)
        sync_folder(a, share)
        sync_folder(b, share)
        new_case(b)
        pa, pb = m.device_prefix(a), m.device_prefix(b)
        assert len(pa) == 4 and len(pb) > 4 and not pb.startswith(pa + "-")
        sync_folder(b, share)
        sync_folder(a, share)
        with a.read() as conn:
            numbers = [r[0] for r in conn.execute(text("SELECT number FROM mediationcase ORDER BY number"))]
        assert len(numbers) == 2 and numbers[0] != numbers[1]
    finally:
        a.close()
        b.close()


def test_the_prefix_is_kept_once_chosen(store: Store) -> None:
    first = m.device_prefix(store)
    assert store.meta(m.PREFIX_KEY) == first
    assert m.device_prefix(store) == first


# -- the status machine -------------------------------------------------------------


def test_the_whole_road_from_received_to_archived(store: Store) -> None:
    case = new_case(store)
    assert m.case_file(store, case).status == "received"  # type: ignore[union-attr]
    m.add_session(store, case, T, "金色调解室", "陈美玲、刘建军、王芳", "双方陈述漏水经过，建议先请物业检测。")
    m.reach_agreement(store, case, agreement(), now=datetime(2026, 11, 9, 10))
    m.start_performing(store, case, now=datetime(2026, 11, 10))
    m.mark_performed(store, case, "防水已修复，费用已付", now=datetime(2026, 11, 28))
    assert m.case_file(store, case).next_visit_due == date(2026, 12, 7)  # type: ignore[union-attr]
    m.record_return_visit(store, case, date(2026, 12, 7), "双方满意，未再漏水", now=datetime(2026, 12, 7))
    m.archive(store, case, now=datetime(2026, 12, 8))
    file = m.case_file(store, case)
    assert file is not None and file.status == "archived" and file.allowed == ()
    assert [(h.from_status, h.to_status) for h in file.history] == [
        (None, "received"), ("received", "mediating"), ("mediating", "agreed"), ("agreed", "performing"),
        ("performing", "performed"), ("performed", "visited"), ("visited", "archived"),
    ]
    assert file.agreement is not None and file.agreement.performance_due == date(2026, 11, 30)
    assert [v.result for v in file.visits] == ["双方满意，未再漏水"]
    assert len(file.sessions) == 1 and file.sessions[0].place == "金色调解室"
    assert file.next_visit_due is None


@pytest.mark.parametrize(
    "path,illegal",
    [
        ([], "performed"),  # received cannot be performed
        ([], "archived"),
        (["mediating"], "performing"),  # no agreement yet
        (["mediating", "agreed"], "archived"),  # an agreement is performed and visited first
        (["mediating", "agreed", "performed"], "archived"),  # return visit first
    ],
)
def test_illegal_transitions_are_refused_and_change_nothing(store: Store, path: list[str], illegal: str) -> None:
    case = new_case(store)
    steps = {"mediating": lambda: m.start_mediation(store, case),
             "agreed": lambda: m.reach_agreement(store, case, agreement()),
             "performed": lambda: m.mark_performed(store, case),
             "performing": lambda: m.start_performing(store, case),
             "archived": lambda: m.archive(store, case)}
    for step in path:
        steps[step]()
    before = m.case_file(store, case)
    with pytest.raises(m.IllegalTransition) as err:
        steps[illegal]()
    after = m.case_file(store, case)
    assert after == before
    assert before is not None and before.number in err.value.english()
    assert m.STATUSES[illegal] in err.value.english()


def test_the_refusal_reads_in_chinese(store: Store) -> None:
    case = new_case(store)
    with pytest.raises(m.IllegalTransition) as err:
        m.archive(store, case)
    catalogue = {("errors", err.value.message): "案件 {number} 当前为“{current}”，不能变为“{target}”。",
                 ("mediation", "Received"): "已受理", ("mediation", "Archived"): "已归档"}
    text_ = err.value.translated(lambda ctx, s: catalogue.get((ctx, s), ""))
    assert "已受理" in text_ and "已归档" in text_


def test_failed_needs_what_the_parties_were_told(store: Store) -> None:
    case = new_case(store)
    m.start_mediation(store, case)
    with pytest.raises(m.MissingField):
        m.fail(store, case, "  ")
    m.fail(store, case, "告知双方可向乐清市人民法院起诉")
    file = m.case_file(store, case)
    assert file is not None and file.status == "failed" and "法院" in file.remedies_told
    assert file.allowed == ("archived",)


def test_escalation_keeps_level_and_reason(store: Store) -> None:
    case = new_case(store)
    m.escalate(store, case, "street", "涉及多户，需街道协调物业")
    file = m.case_file(store, case)
    assert file is not None and (file.status, file.escalation_level) == ("escalated", "street")
    assert file.history[-1].note == "涉及多户，需街道协调物业"


def test_a_case_not_performed_can_be_mediated_again(store: Store) -> None:
    case = new_case(store)
    for step in (lambda: m.start_mediation(store, case), lambda: m.reach_agreement(store, case, agreement()),
                 lambda: m.start_performing(store, case), lambda: m.mark_not_performed(store, case, "未付款")):
        step()
    m.add_session(store, case, T, "社区会议室", "双方", "再次调解，约定分期付款")
    assert m.case_file(store, case).status == "mediating"  # type: ignore[union-attr]


def test_missing_summary_saves_nothing(store: Store) -> None:
    with pytest.raises(m.MissingField):
        new_case(store, summary=" ")
    assert m.list_cases(store) == []


# -- append-only records, sync ------------------------------------------------------


def test_sessions_history_and_visits_are_only_ever_inserted(store: Store) -> None:
    case = new_case(store)
    m.add_session(store, case, T, "调解室", "双方", "第一次")
    m.add_session(store, case, T.replace(day=5), "调解室", "双方", "第二次")
    m.reach_agreement(store, case, agreement())
    m.mark_performed(store, case)
    m.record_return_visit(store, case, date(2026, 12, 1), "良好", next_due=date(2027, 1, 1))
    m.record_return_visit(store, case, date(2027, 1, 1), "良好")
    for table in ("mediationsession", "mediationstatuschange", "returnvisit"):
        fields = {r["field"] for r in log_rows(store, table)}
        assert fields == {"*"}, table  # inserts only: never an update of a field


def test_a_second_visit_keeps_the_case_visited_and_reschedules(store: Store) -> None:
    case = new_case(store)
    m.start_mediation(store, case)
    m.reach_agreement(store, case, agreement())
    m.mark_performed(store, case)
    m.record_return_visit(store, case, date(2026, 12, 1), "良好", next_due=date(2027, 3, 1))
    m.record_return_visit(store, case, date(2027, 3, 1), "仍良好", next_due=None)
    file = m.case_file(store, case)
    assert file is not None and file.status == "visited" and len(file.visits) == 2 and file.next_visit_due is None


def test_a_visit_before_any_agreement_is_refused(store: Store) -> None:
    case = new_case(store)
    with pytest.raises(m.IllegalTransition):
        m.record_return_visit(store, case, D, "?")


# -- return visits due, filters ------------------------------------------------------


def _agreed(store: Store, summary: str, due: date, category: str = "leak") -> str:
    case = new_case(store, summary=summary, category=category)
    m.start_mediation(store, case)
    m.reach_agreement(store, case, agreement(performance_due=due))
    m.mark_performed(store, case)
    return case


def test_return_visits_due_lists_what_falls_due_most_overdue_first(store: Store) -> None:
    late = _agreed(store, "早", date(2026, 11, 1))  # visit due 11-08
    today = _agreed(store, "今天", date(2026, 11, 13))  # due 11-20
    _agreed(store, "以后", date(2026, 12, 1))  # due 12-08: not yet
    done = _agreed(store, "已归档", date(2026, 11, 1))
    m.record_return_visit(store, done, date(2026, 11, 8), "良好")
    m.archive(store, done)
    due = m.return_visits_due(store, date(2026, 11, 20))
    assert [(d.case_id, d.days_overdue) for d in due] == [(late, 12), (today, 0)]
    assert due[0].parties == "陈美玲 / 刘建军" and due[0].due == date(2026, 11, 8)


def test_filters_status_category_compound_and_overdue(store: Store) -> None:
    ids = place(store)
    leak = _agreed(store, "漏水", date(2026, 11, 1))
    parking = new_case(store, summary="车位", category="parking", compound_id=ids["compound"])
    assert [c.id for c in m.list_cases(store, category="parking")] == [parking]
    assert [c.id for c in m.list_cases(store, compound_id=ids["compound"])] == [parking]
    assert [c.id for c in m.list_cases(store, status="performed")] == [leak]
    assert [c.id for c in m.list_cases(store, overdue_on=date(2026, 11, 9))] == [leak]
    assert m.list_cases(store, overdue_on=date(2026, 11, 8)) == []
    row = m.list_cases(store, category="parking")[0]
    assert row.compound == "阳光花园" and row.parties == "陈美玲 / 刘建军"


def test_parties_link_to_residents_found_by_name(demo_store: Store) -> None:
    found = m.find_residents(demo_store, "张")
    assert found and all(r.name.startswith("张") for r in found)
    hit = next(r for r in found if r.name == "张伟")
    assert hit.address and (hit.phone_masked == "" or "****" in hit.phone_masked)
    case = new_case(demo_store, parties=(m.PartyInput("applicant", hit.name, address=hit.address,
                                                      person_id=hit.person_id, household_id=hit.household_id),))
    party = m.case_file(demo_store, case).parties[0]  # type: ignore[union-attr]
    assert party.person_id == hit.person_id and party.household_id == hit.household_id


def test_a_case_synced_to_another_laptop_reads_the_same(tmp_path: Path) -> None:
    office = Office(tmp_path, 2)
    try:
        a, b = office.laptops
        case = new_case(a)
        m.add_session(a, case, T, "调解室", "双方", "记录")
        office.sync_all()
        assert m.case_file(a, case) == m.case_file(b, case)
        assert dump_text(a) == dump_text(b)
    finally:
        office.close()


def test_contacts_are_masked_on_screen(store: Store) -> None:
    case = new_case(store)
    assert m.case_file(store, case).parties[0].contact == "138****5678"  # type: ignore[union-attr]
    assert m.mask_contact("微信 chen_ml，0577-61234567") == "微信 chen_ml，0577-****4567"


def test_two_laptops_settling_one_case_differently_keep_both_steps_and_a_conflict(tmp_path: Path) -> None:
    """One mediator records an agreement, another (offline) records failure: after sync both
    steps are in the history, one status wins everywhere, and the other is kept for review."""
    from gridkeeper.sync import conflicts

    office = Office(tmp_path, 2)
    try:
        a, b = office.laptops
        case = new_case(a)
        m.start_mediation(a, case)
        office.sync_all()
        m.reach_agreement(a, case, agreement())
        m.fail(b, case, "告知可向法院起诉")
        office.sync_all()
        file_a, file_b = m.case_file(a, case), m.case_file(b, case)
        assert file_a == file_b and file_a is not None
        assert file_a.status in ("agreed", "failed")
        assert sorted(h.to_status for h in file_a.history) == ["agreed", "failed", "mediating", "received"]
        kept = [c for s in (a, b) for c in conflicts.open_conflicts(s) if c.field == "status"]
        assert kept and {kept[0].current, kept[0].other} == {"agreed", "failed"}
        assert kept[0].label == file_a.number
    finally:
        office.close()


def test_today_and_the_report_count_overdue_return_visits_alike(demo_store: Store) -> None:
    """Issue 21: Today listed a visit 73 days overdue while the report said 回访逾期 0 (all cases
    on Today, the cadre's grids in the report). One definition, one scope."""
    from gridkeeper import clock
    from gridkeeper.places import profile
    from gridkeeper.reports.mediation_figures import mediation_figures
    from gridkeeper.reports.period import Period

    today = clock.today()
    for grids in (profile.my_grid_ids(demo_store, today), None):
        listed = {v.number: v.days_overdue for v in m.return_visits_due(demo_store, today, grids)
                  if v.days_overdue}
        figures = mediation_figures(demo_store, Period(today.replace(day=1), today, "m"), grids, today)
        reported = [r.visit_overdue_days for r in figures.rows if r.visit_overdue_days]
        assert listed and sorted(listed.values()) == sorted(reported)
        assert figures.visits_overdue == len(listed)
