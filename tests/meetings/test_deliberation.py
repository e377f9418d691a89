"""议事: stages in order, never skipped; send-back with a reason; the tally adds up."""

from __future__ import annotations

from datetime import date

import pytest

from gridkeeper.meetings import deliberation as d
from gridkeeper.meetings.terms import (
    BuildingsMismatch,
    Missing,
    NegativeCount,
    NotAdopted,
    NotRejected,
    StageSkipped,
    TallyMismatch,
)
from gridkeeper.store import Store
from tests.conftest import clock_on
from tests.store.helpers import log_rows, place

_clock = clock_on(date(2026, 11, 20))
TALLY = d.Tally(120, 96, 10, 6, 8, (("1幢", 50, 4, 2, 4), ("2幢", 46, 6, 4, 4)))


def _matter(store: Store) -> str:
    co = place(store)["compound"]
    return d.open_matter(store, co, "更换物业公司", date(2026, 9, 1), "业主反映物业服务差", by="王书记")


def test_all_three_stages_in_order_then_adopted_and_implemented(store: Store) -> None:
    from gridkeeper import lists

    m = _matter(store)
    d.record_party(store, m, date(2026, 9, 3), "同意启动选聘程序")
    d.record_tripartite(store, m, date(2026, 9, 10), "三方同意公开招标")
    d.record_residents(store, m, date(2026, 9, 20), "door_to_door", TALLY)
    d.decide(store, m, "adopted", date(2026, 9, 25), "采纳")
    item = lists.create_item(store, lists.NewItem("project", "物业招标", "meeting", "hoa",
                                                  compound_id=place(store, "502")["compound"]), "王书记")
    d.link_item(store, m, item)
    f = d.matter_file(store, m)
    assert f is not None and f.stage == "adopted"
    assert [s.to_stage for s in f.steps] == ["party", "tripartite", "residents", "decision", "adopted"]
    assert f.tally == TALLY and f.tally.reached == 112
    assert [i[0] for i in f.items] == [item]
    assert {r["tbl"] for r in log_rows(store)} >= {"deliberation", "deliberationstep", "deliberationlink"}


def test_a_stage_cannot_be_skipped(store: Store) -> None:
    m = _matter(store)
    with pytest.raises(StageSkipped):
        d.record_tripartite(store, m, date(2026, 9, 10), "三方同意")
    with pytest.raises(StageSkipped):
        d.record_residents(store, m, date(2026, 9, 10), "meeting", TALLY)
    with pytest.raises(StageSkipped):
        d.decide(store, m, "adopted", date(2026, 9, 10))
    d.record_party(store, m, date(2026, 9, 3), "同意")
    with pytest.raises(StageSkipped):
        d.record_party(store, m, date(2026, 9, 4), "再议")
    with pytest.raises(NotAdopted):
        d.link_item(store, m, "x")
    f = d.matter_file(store, m)
    assert f is not None and f.stage == "tripartite" and f.party_opinion == "同意"


def test_withdrawn_at_any_stage_but_not_after_a_decision(store: Store) -> None:
    m = _matter(store)
    d.record_party(store, m, date(2026, 9, 3), "同意")
    d.decide(store, m, "withdrawn", date(2026, 9, 5), "业主撤回")
    with pytest.raises(StageSkipped):
        d.decide(store, m, "adopted", date(2026, 9, 6))


def test_rejected_goes_back_with_a_reason_and_the_path_is_kept(store: Store) -> None:
    m = _matter(store)
    d.record_party(store, m, date(2026, 9, 3), "同意")
    d.record_tripartite(store, m, date(2026, 9, 10), "加装电梯方案")
    d.record_residents(store, m, date(2026, 9, 20), "meeting", d.Tally(40, 12, 25, 3, 0))
    with pytest.raises(NotRejected):
        d.send_back(store, m, "tripartite", "方案调整")
    d.decide(store, m, "rejected", date(2026, 9, 21), "低层住户反对")
    with pytest.raises(Missing):
        d.send_back(store, m, "tripartite", " ")
    d.send_back(store, m, "tripartite", "调整费用分摊方案后再议")
    f = d.matter_file(store, m)
    assert f is not None and f.stage == "tripartite" and f.decided_on is None
    assert [(s.from_stage, s.to_stage) for s in f.steps][-2:] == [("decision", "rejected"), ("rejected", "tripartite")]
    assert f.steps[-1].note == "调整费用分摊方案后再议"


@pytest.mark.parametrize("tally, error", [
    (d.Tally(100, 60, 20, 10, 9), TallyMismatch),  # 99 counted
    (d.Tally(100, 60, 20, 10, 11), TallyMismatch),  # 101 counted
    (d.Tally(10, 12, -2, 0, 0), NegativeCount),
    (d.Tally(10, 6, 2, 1, 1, (("1幢", 6, 2, 1, 0),)), BuildingsMismatch),
])
def test_the_tally_must_add_up(store: Store, tally: d.Tally, error: type[Exception]) -> None:
    m = _matter(store)
    d.record_party(store, m, date(2026, 9, 3), "同意")
    d.record_tripartite(store, m, date(2026, 9, 10), "同意")
    with pytest.raises(error) as caught:
        d.record_residents(store, m, date(2026, 9, 20), "meeting", tally)
    if error is TallyMismatch:
        assert str(sum((tally.for_, tally.against, tally.abstain, tally.not_reached))) in str(caught.value)
    f = d.matter_file(store, m)
    assert f is not None and f.stage == "residents" and f.tally is None
